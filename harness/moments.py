"""The exact moment matrix M = Zᵀ Z, Z = [X | 1 | y], summed over blocks of integer rows.

A block holds P = [X | y] as integers with column scales S (Z's columns are P's divided by S, the
constant column added here). Per block, PᵀP is computed in the cheapest exact way:
- float64 BLAS while max|p|²·rows < 2^53: every product and every partial sum is then an
  integer of magnitude below 2^53, which float64 represents exactly, whatever the order of the
  sums (rows are split into slices that meet the bound);
- int64 (numpy's integer matmul, no BLAS) while max|p|²·rows < 2^63: no partial sum overflows;
- python-flint fmpz_mat otherwise (arbitrary precision).
Block products with the same scales are added in int64 while their bounds sum below 2^63, then in
Python integers; at the end each group becomes S⁻¹ (Σ PᵀP) S⁻¹ in fmpq and the groups are added.
A learning set held in memory (`set_moments`: `prove`, the search) takes the fmpz_mat product
directly, without numpy, which `prove` then never imports (numpy is imported where a block is).
"""

from __future__ import annotations

from fractions import Fraction
from math import lcm
from typing import TYPE_CHECKING, Iterable, Sequence

from flint import fmpq, fmpq_mat, fmpz_mat

if TYPE_CHECKING:
    import numpy as np

_FLOAT_EXACT = 2**53
_INT64_EXACT = 2**63
_MIN_SLICE = 256


class _Sum:
    """Σ PᵀP, Σ P (column sums) and the row count of blocks sharing one set of scales."""

    def __init__(self, cols: int):
        import numpy as np

        self.gram = np.zeros((cols, cols), dtype=np.int64)
        self.sums = np.zeros(cols, dtype=np.int64)
        self.bound = 0                        # ≥ every |entry| of gram and sums
        self.big_gram: list[list[int]] | None = None
        self.big_sums: list[int] | None = None
        self.count = 0

    def add(self, values: np.ndarray) -> None:
        import numpy as np

        rows = values.shape[0]
        self.count += rows
        if values.dtype != np.int64:
            self._add_big(*_flint_product(values))
            return
        m = max(int(values.max()), -int(values.min()))
        bound = m * m * rows + m * rows
        if bound >= _INT64_EXACT:
            self._add_big(*_flint_product(values))
            return
        gram = _int_product(values, m)
        if self.bound + bound >= _INT64_EXACT:
            self._flush()
        self.gram += gram
        self.sums += values.sum(axis=0)
        self.bound += bound

    def _flush(self) -> None:
        self._add_big(self.gram.tolist(), self.sums.tolist())
        self.gram[:] = 0
        self.sums[:] = 0
        self.bound = 0

    def _add_big(self, gram: list[list[int]], sums: list[int]) -> None:
        if self.big_gram is None:
            self.big_gram, self.big_sums = gram, sums
            return
        self.big_gram, self.big_sums = _add(self.big_gram, self.big_sums, gram, sums)

    def total(self) -> tuple[list[list[int]], list[int]]:
        self._flush()
        return self.big_gram, self.big_sums


def _add(gram_a, sums_a, gram_b, sums_b) -> tuple[list[list[int]], list[int]]:
    return ([[x + y for x, y in zip(r, t)] for r, t in zip(gram_a, gram_b)],
            [x + y for x, y in zip(sums_a, sums_b)])


def _int_product(values: np.ndarray, m: int) -> np.ndarray:
    """PᵀP exactly for an int64 P with max|p| = m and m²·rows < 2^63."""
    import numpy as np

    rows = values.shape[0]
    step = rows if m == 0 else (_FLOAT_EXACT - 1) // (m * m)
    if step < min(rows, _MIN_SLICE):
        return values.T @ values
    gram = np.zeros((values.shape[1],) * 2, dtype=np.int64)
    for start in range(0, rows, step):
        part = values[start:start + step].astype(np.float64)
        gram += (part.T @ part).astype(np.int64)
    return gram


def _flint_product(values: np.ndarray) -> tuple[list[list[int]], list[int]]:
    return _flint_gram(values.T.tolist())


def _flint_gram(columns: list[list[int]]) -> tuple[list[list[int]], list[int]]:
    """PᵀP and the column sums of P, given P's columns (Python ints), by fmpz_mat."""
    Pt = fmpz_mat(columns)
    G = Pt * Pt.transpose()
    cols = len(columns)
    gram = [[int(G[i, j]) for j in range(cols)] for i in range(cols)]
    return gram, [sum(int(v) for v in col) for col in columns]


def integer_columns(X: Sequence[Sequence[Fraction]], y: Sequence[Fraction]
                    ) -> tuple[list[list[int]], tuple[int, ...]]:
    """The columns of P = [X | y] as integers and their scales (each column's lcm of
    denominators): column k of Z is P's column k divided by scales[k]."""
    columns = [list(col) for col in zip(*X)] + [list(y)]
    scales = tuple(lcm(*(v.denominator for v in col)) for col in columns)
    return [[int(v * s) for v in col] for col, s in zip(columns, scales)], scales


def set_moments(X: Sequence[Sequence[Fraction]], y: Sequence[Fraction]) -> tuple[int, fmpq_mat]:
    """(n, M) with M = ZᵀZ of a learning set held in memory (one fmpz_mat product)."""
    columns, scales = integer_columns(X, y)
    return moments_from({scales: (*_flint_gram(columns), len(y))})


Groups = dict[tuple[int, ...], tuple[list[list[int]], list[int], int]]
"""Integer moments per set of column scales: (Σ PᵀP, Σ P, row count), in Python ints."""


def integer_moments(blocks: Iterable) -> Groups:
    """The exact integer moments of some blocks, grouped by their column scales."""
    groups: dict[tuple[int, ...], _Sum] = {}
    for block in blocks:
        if block.count:
            groups.setdefault(block.scales, _Sum(block.values.shape[1])).add(block.values)
    return {scales: (*group.total(), group.count) for scales, group in groups.items()}


def merge(parts: Iterable[Groups]) -> Groups:
    """Integer moments of several parts of a learning set, added exactly."""
    total: Groups = {}
    for part in parts:
        for scales, (gram, sums, count) in part.items():
            if scales in total:
                g, s, c = total[scales]
                gram, sums = _add(g, s, gram, sums)
                count += c
            total[scales] = (gram, sums, count)
    return total


def moments_from(groups: Groups) -> tuple[int, fmpq_mat]:
    """(n, M) with M = ZᵀZ, Z = [X | 1 | y] (the constant column at index d), from integer
    moments."""
    if not groups:
        raise ValueError("no rows")
    n, M = 0, None
    for scales, (gram, sums, count) in groups.items():
        part = _with_constant(gram, sums, count, scales)
        M = part if M is None else M + part
        n += count
    return n, M


def moments(blocks: Iterable) -> tuple[int, fmpq_mat]:
    """(n, M) with M = ZᵀZ over every block."""
    return moments_from(integer_moments(blocks))


def _with_constant(gram: list[list[int]], sums: list[int], count: int, scales: tuple[int, ...]
                   ) -> fmpq_mat:
    """S⁻¹ ZᵀZ S⁻¹ for Z = [X | 1 | y] from PᵀP, the column sums of P = [X | y] and the count."""
    d = len(sums) - 1
    rows = [r[:d] + [s] + r[d:] for r, s in zip(gram, sums)]
    rows.insert(d, sums[:d] + [count] + sums[d:])
    full_scales = (*scales[:d], 1, scales[d])
    size = d + 2
    if all(s == 1 for s in full_scales):
        return fmpq_mat(fmpz_mat(rows))
    return fmpq_mat(size, size, [fmpq(rows[i][j], full_scales[i] * full_scales[j])
                                 for i in range(size) for j in range(size)])
