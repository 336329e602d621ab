"""Which columns of a table are the features x and which is the target y.

The user names columns by name or by 0-based index (`--features a,3`, `--drop id`,
`--target price`); a name wins over an index when a column is literally called "3". Defaults:
the target is the last column, the features every other column not dropped, in file order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from harness.learning_set import InputError

MISSING = frozenset({"", "na", "n/a", "nan", "null", "none", "?"})
"""Tokens (lower-cased, stripped) read as a missing value: an error, or a dropped row under
--dropna."""


@dataclass(frozen=True)
class ReadOptions:
    """How to read a table: every input flag of `bnproof check`."""

    target: str | None = None
    features: tuple[str, ...] | None = None
    drop: tuple[str, ...] = ()
    dropna: bool = False
    header: bool | None = None          # None: a header unless the first row is all numbers
    delimiter: str | None = None        # None: sniffed; " " for runs of blanks (dialect.WHITESPACE)
    format: str | None = None           # csv | json | parquet; None: from the file name
    progress: Callable[[int, int], None] | None = field(default=None, compare=False)
    """Called as progress(rows read, bytes read) after each chunk."""


@dataclass(frozen=True)
class Selection:
    names: tuple[str, ...]              # every column of the file
    features: tuple[int, ...]           # indices into names, in the order of W's components
    target: int

    @property
    def order(self) -> tuple[int, ...]:
        """Columns of the file in the order of Z = [X | 1 | y], without the constant column."""
        return (*self.features, self.target)

    def feature_names(self) -> tuple[str, ...]:
        return tuple(self.names[k] for k in self.features)


def select(path: str, names: tuple[str, ...], options: ReadOptions) -> Selection:
    """Resolve --target/--features/--drop against the column names (InputError if unknown)."""
    index = lambda spec, flag: _index(path, names, spec, flag)
    target = len(names) - 1 if options.target is None else index(options.target, "--target")
    dropped = {index(spec, "--drop") for spec in options.drop}
    if target in dropped:
        raise InputError(f"{path}: --drop {options.target or names[target]} removes the target column")
    if options.features is not None:
        features = tuple(index(spec, "--features") for spec in options.features)
        if target in features:
            raise InputError(f"{path}: --features names the target column {names[target]!r}")
        if len(set(features)) != len(features):
            raise InputError(f"{path}: --features names a column twice")
        features = tuple(k for k in features if k not in dropped)
    else:
        features = tuple(k for k in range(len(names)) if k != target and k not in dropped)
    if not features:
        raise InputError(f"{path}: no feature columns left (columns: {', '.join(names)})")
    return Selection(names, features, target)


def _index(path: str, names: tuple[str, ...], spec: str, flag: str) -> int:
    if names.count(spec) == 1:
        return names.index(spec)
    if names.count(spec) > 1:
        raise InputError(f"{path}: {flag}: more than one column named {spec!r}")
    if spec.isdigit() and int(spec) < len(names):
        return int(spec)
    shown = ", ".join(names) if len(names) <= 30 else ", ".join(names[:30]) + ", ..."
    raise InputError(f"{path}: {flag}: no column named {spec!r} (columns: {shown}; or a 0-based "
                     f"index below {len(names)})")


def no_header_names(width: int) -> tuple[str, ...]:
    """Column names of a file read with --no-header: their 0-based indices."""
    return tuple(str(k) for k in range(width))
