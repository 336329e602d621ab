"""Exact rational vectors as integer numerators over one common denominator (python-flint fmpz).

The solution of a d×d rational system has entries over (a divisor of) one determinant with
thousands of digits at d = 400. Kept as integers over that common denominator, an inner product
is d integer products and one reduced fraction at the end, instead of d additions of fractions
that each compute a gcd of thousand-digit integers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Iterable

from flint import fmpq, fmpq_mat, fmpz


@dataclass(frozen=True)
class RationalVector:
    nums: tuple[fmpz, ...]
    den: fmpz                                    # > 0

    @classmethod
    def of(cls, values: Iterable) -> RationalVector:
        """From fmpq (or Fraction) entries."""
        entries = [v if isinstance(v, fmpq) else fmpq(int(v.numerator), int(v.denominator))
                   for v in values]
        numer, den = fmpq_mat(1, len(entries), entries).numer_denom()
        return cls(tuple(numer.entries()), fmpz(den))

    def __len__(self) -> int:
        return len(self.nums)

    @cached_property
    def entries(self) -> tuple[fmpq, ...]:
        """The entries as reduced fractions (computed once)."""
        return tuple(fmpq(n, self.den) for n in self.nums)

    def dot(self, other: RationalVector) -> fmpq:
        total = fmpz(0)
        for a, b in zip(self.nums, other.nums):
            total += a * b
        return fmpq(total, self.den * other.den)

    def __sub__(self, other: RationalVector) -> RationalVector:
        return RationalVector(tuple(a * other.den - b * self.den
                                    for a, b in zip(self.nums, other.nums)),
                              self.den * other.den)

    def is_zero(self) -> bool:
        return all(n == 0 for n in self.nums)
