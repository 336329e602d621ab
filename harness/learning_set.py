"""Learning sets: the canonical one of docs/spec.md §4 and exact loading from JSON.

A learning set is points x_1..x_n in R^d (n >= 2) with targets y_1..y_n, every entry an exact
rational. Loading either returns a valid set or raises InputError with a one-line message that
names the file and the problem. Tables (CSV, Parquet, compressed, standard input) are read by
harness/reader.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from harness.numbers import parse_exact


class InputError(Exception):
    """Bad input: the message is one line naming the file and the problem."""


@dataclass(frozen=True)
class LearningSet:
    X: tuple[tuple[Fraction, ...], ...]
    y: tuple[Fraction, ...]
    name: str

    @property
    def n(self) -> int:
        return len(self.y)

    @property
    def dim(self) -> int:
        return len(self.X[0])

    def as_json(self) -> dict:
        from harness.numbers import show

        return {"name": self.name, "n": self.n, "d": self.dim,
                "X": [[show(v) for v in row] for row in self.X], "y": [show(v) for v in self.y]}


def canonical() -> LearningSet:
    """docs/spec.md §4: x = (0,0), (0,1), (1,0) with y = -3, 0, 2."""
    F = Fraction
    return LearningSet(X=((F(0), F(0)), (F(0), F(1)), (F(1), F(0))),
                       y=(F(-3), F(0), F(2)), name="canonical (docs/spec.md §4)")


def validated(path: str, X: list, y: list, where=lambda i, j: f"row {i + 1}, column {j + 1}"
              ) -> LearningSet:
    """Check shape and turn entries into exact rationals; InputError on the first problem."""
    if len(X) != len(y):
        raise InputError(f"{path}: X has {len(X)} rows but y has {len(y)} entries")
    if len(X) < 2:
        raise InputError(f"{path}: need at least 2 points, got {len(X)}")
    dim = len(X[0]) if isinstance(X[0], list) else None
    if not dim:
        raise InputError(f"{path}: row 1 of X must be a non-empty list of numbers")
    rows = []
    for i, row in enumerate(X):
        if not isinstance(row, list) or len(row) != dim:
            raise InputError(f"{path}: row {i + 1} of X has "
                             f"{len(row) if isinstance(row, list) else 'no'} entries, expected {dim}")
        rows.append(tuple(_entry(path, v, where(i, j)) for j, v in enumerate(row)))
    targets = tuple(_entry(path, v, f"y entry {i + 1}") for i, v in enumerate(y))
    return LearningSet(X=tuple(rows), y=targets, name=path)


def _entry(path: str, value, where: str) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if not isinstance(value, str) or isinstance(value, bool):
        raise InputError(f"{path}: {where}: {json.dumps(value)} is not a number")
    try:
        return parse_exact(value)
    except ValueError as exc:
        raise InputError(f"{path}: {where}: {exc}") from None


class _Text(str):
    """A JSON number kept as its source text, so that it is read exactly, never via float."""


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a finite number")


def load_json(path: str) -> LearningSet:
    """Read {"X": [[...], ...], "y": [...]} with every number parsed exactly from its text."""
    return json_learning_set(path, _read(path))


def json_learning_set(path: str, text: str) -> LearningSet:
    """The learning set of a JSON text (`path` names it in messages)."""
    try:
        data = json.loads(text, parse_float=_Text, parse_int=_Text, parse_constant=_reject_constant)
    except ValueError as exc:
        raise InputError(f"{path}: malformed JSON: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise InputError(f"{path}: malformed JSON: nested too deeply") from None
    if not isinstance(data, dict) or "X" not in data or "y" not in data:
        raise InputError(f'{path}: expected an object with keys "X" and "y"')
    X, y = data["X"], data["y"]
    if not isinstance(X, list) or not isinstance(y, list):
        raise InputError(f'{path}: "X" must be a list of rows and "y" a list of numbers')
    return validated(path, X, y)


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc.__class__.__name__}") from None
