"""Learning sets: the canonical one of docs/spec.md §4 and exact loading from JSON and CSV.

A learning set is points x_1..x_n in R^d (n >= 2) with targets y_1..y_n, every entry an exact
rational. Loading either returns a valid set or raises InputError with a one-line message that
names the file and the problem.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from math import lcm
from pathlib import Path

from harness.numbers import _DOUBLE_MAX, parse_exact


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
    text = _read(path)
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


# --- CSV, and large learning sets as exact integer blocks -------------------------------------
#
# A CSV file has a header row; the target is its last column or the one named by `target`.
# For sets too big to hold as Fractions (10^5 x 100 is 10^7 entries), `csv_blocks` streams the
# file as blocks of exact integers: entry (i, j) of Z = [X | 1 | y] is values[j][i] / scales[j].
# Integer columns go through int() and decimal columns ("12.375") through a common power of ten,
# both in integer arithmetic; any other form ("1e-3", "-3/7") falls back to parse_exact.

BLOCK_ROWS = 8192


@dataclass(frozen=True)
class Block:
    """Rows of Z = [X | 1 | y] as integers: Z[i][j] = columns[j][i] / scales[j] exactly."""

    count: int
    columns: tuple[list[int], ...]
    scales: tuple[int, ...]


@dataclass(frozen=True)
class CsvHeader:
    names: tuple[str, ...]
    target: int                      # index of the target column

    @property
    def features(self) -> tuple[str, ...]:
        return tuple(n for k, n in enumerate(self.names) if k != self.target)


def load(path: str, target: str | None = None) -> LearningSet:
    """A learning set from a .json or .csv file (by extension), every entry an exact rational."""
    kind = _kind(path, target)
    return load_csv(path, target) if kind == "csv" else load_json(path)


def _kind(path: str, target: str | None) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix == ".json":
        if target is not None:
            raise InputError(f"{path}: --target applies to CSV files only")
        return "json"
    raise InputError(f"{path}: unknown file type {suffix or '(none)'!r}: expected .json or .csv")


def load_csv(path: str, target: str | None = None) -> LearningSet:
    """Read a CSV learning set into exact rationals (small sets; see csv_blocks for large ones)."""
    header, blocks = csv_blocks(path, target)
    rows: list[tuple[Fraction, ...]] = []
    ys: list[Fraction] = []
    for block in blocks:
        cols = [[Fraction(v, s) for v in col] for col, s in zip(block.columns, block.scales)]
        dim = len(cols) - 2
        for i in range(block.count):
            rows.append(tuple(cols[j][i] for j in range(dim)))
            ys.append(cols[dim + 1][i])
    return LearningSet(X=tuple(rows), y=tuple(ys), name=path)


def fraction_blocks(ls: LearningSet) -> Iterator[Block]:
    """A learning set held as Fractions, as one Block (denominators cleared per column)."""
    columns = [list(col) for col in zip(*ls.X)] + [[Fraction(1)] * ls.n, list(ls.y)]
    scales = [lcm(*(v.denominator for v in col)) for col in columns]
    yield Block(ls.n, tuple([int(v * s) for v in col] for col, s in zip(columns, scales)),
                tuple(scales))


def blocks(path: str, target: str | None = None
           ) -> tuple[int, Iterator[Block], tuple[str, ...] | None, str | None]:
    """(dimension, blocks, feature names, target name) of a .json or .csv learning set (the names
    are None for JSON); the blocks stream for CSV."""
    if _kind(path, target) == "json":
        ls = load_json(path)
        return ls.dim, fraction_blocks(ls), None, None
    header, stream = csv_blocks(path, target)
    return len(header.names) - 1, stream, header.features, header.names[header.target]


def csv_blocks(path: str, target: str | None = None) -> tuple[CsvHeader, Iterator[Block]]:
    """The header of a CSV learning set and a stream of its rows as exact integer Blocks.

    Raises InputError for the header at once and for bad rows while streaming; the stream also
    raises if the file has fewer than 2 data rows. Consume it fully before trusting any result.
    """
    try:
        f = open(path, encoding="utf-8-sig", newline="")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.__class__.__name__}") from None
    try:
        first = f.readline()
    except (OSError, UnicodeDecodeError) as exc:
        f.close()
        raise InputError(f"{path}: cannot read: {exc.__class__.__name__}") from None
    names = tuple(n.strip() for n in _split_lines(path, [first], 1)[0]) if first.strip() else ()
    if not names:
        f.close()
        raise InputError(f"{path}: malformed CSV: no header row")
    if len(names) < 2 or any(not n for n in names):
        f.close()
        raise InputError(f"{path}: malformed CSV: the header needs at least 2 non-empty column names")
    if target is None:
        index = len(names) - 1
    elif names.count(target) == 1:
        index = names.index(target)
    else:
        f.close()
        problem = "no column" if target not in names else "more than one column"
        raise InputError(f"{path}: {problem} named {target!r} (columns: {', '.join(names)})")
    header = CsvHeader(names, index)
    return header, _stream(path, f, header)


def _stream(path: str, f, header: CsvHeader) -> Iterator[Block]:
    width = len(header.names)
    order = [k for k in range(width) if k != header.target]
    line_no, total = 1, 0
    with f:
        while True:
            try:
                lines = f.readlines(1 << 20)
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"{path}: cannot read: {exc.__class__.__name__}") from None
            if not lines:
                break
            numbered = [(line_no + 1 + k, line) for k, line in enumerate(lines)]
            line_no += len(lines)
            numbered = [(k, line) for k, line in numbered if line.strip()]
            for start in range(0, len(numbered), BLOCK_ROWS):
                part = numbered[start:start + BLOCK_ROWS]
                texts = [line for _, line in part]
                underscores = "_" in "".join(texts)
                rows = _split_lines(path, texts, part[0][0])
                for (k, _), row in zip(part, rows):
                    if len(row) != width:
                        raise InputError(f"{path}: line {k} has {len(row)} fields, expected {width}")
                flat = [t for row in rows for t in row]
                count = len(rows)
                columns, scales = [], []
                for j in [*order, None, header.target]:
                    if j is None:
                        columns.append([1] * count)
                        scales.append(1)
                        continue
                    values, scale = _column(path, flat[j::width], header.names[j],
                                            [k for k, _ in part], underscores)
                    columns.append(values)
                    scales.append(scale)
                total += count
                yield Block(count, tuple(columns), tuple(scales))
    if total < 2:
        raise InputError(f"{path}: need at least 2 points, got {total}")


def _split_lines(path: str, lines: list[str], first_line: int) -> list[list[str]]:
    """Fields of each line; the csv module only where a quote appears."""
    text = "".join(lines)
    if '"' not in text:
        return [line.rstrip("\r\n").split(",") for line in lines]
    try:
        return list(csv.reader(lines, strict=True))
    except csv.Error as exc:
        raise InputError(f"{path}: malformed CSV near line {first_line}: {exc}") from None


def _column(path: str, tokens: list[str], name: str, line_numbers: list[int],
            underscores: bool) -> tuple[list[int], int]:
    """Exact integers and a scale for one column: value_i = values[i] / scale."""
    values = _fast_column(tokens, underscores)
    if values is None:
        fractions = []
        for token, k in zip(tokens, line_numbers):
            try:
                fractions.append(parse_exact(token))
            except ValueError as exc:
                raise InputError(f"{path}: line {k}, column {name!r}: {exc}") from None
        scale = lcm(*(q.denominator for q in fractions))
        return [q.numerator * (scale // q.denominator) for q in fractions], scale
    ints, scale = values
    if ints and max(max(ints), -min(ints)) > _DOUBLE_MAX * scale:
        k = max(range(len(ints)), key=lambda i: abs(ints[i]))
        raise InputError(f"{path}: line {line_numbers[k]}, column {name!r}: "
                         f"{tokens[k].strip()!r} overflows a double")
    return ints, scale


def _fast_column(tokens: list[str], underscores: bool) -> tuple[list[int], int] | None:
    """Integers ("-12") or plain decimals ("-1.25", ".5", "3.") in integer arithmetic, else None.

    int() also accepts "1_000", which parse_exact rejects: blocks with an underscore skip this.
    A decimal a.b with k = max len(b) over the column is int(a + b + '0'·(k - len(b))) / 10^k:
    appending zeros to the digits multiplies by a power of ten, so this is exact.
    """
    if underscores:
        return None
    try:
        return list(map(int, tokens)), 1
    except ValueError:
        pass
    parts = [t.strip().partition(".") for t in tokens]
    k = max(len(b) for _, _, b in parts)
    if k > _MAX_PLACES:
        return None
    try:
        values = [int(a + b + "0" * (k - len(b))) if (a.strip("+-") or b) else int("x")
                  for a, _, b in parts]
    except ValueError:
        return None
    return values, 10**k


_MAX_PLACES = 400
