"""Exact rational vectors as integer numerators over one common denominator (python-flint fmpz).

The solution of a d×d rational system has entries over (a divisor of) one determinant with
thousands of digits at d = 400. Kept as integers over that common denominator, an inner product
is d integer products and one reduced fraction at the end, instead of d additions of fractions
that each compute a gcd of thousand-digit integers.

Reducing all d entries to lowest terms (`reduced`) needs g_k = gcd(N_k, D) for each numerator
N_k over the denominator D. One gcd of thousand-digit integers per entry costs a second at
d = 400; `reduced_fractions` finds them from small gcds instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Iterable, Sequence

from flint import fmpq, fmpq_mat, fmpz

from harness.numbers import coprime_fraction


def common_divisor(values: Iterable[fmpz], start: fmpz) -> fmpz:
    """gcd(start, every value) (start != 0): one gcd where a value is not already a multiple of
    the running divisor, a remainder otherwise (cheap, as the divisor rarely changes)."""
    g = abs(start)
    for v in values:
        if g == 1:
            break
        r = v % g
        if r != 0:
            g = g.gcd(r)
    return g


def reduced_fractions(nums: Sequence[fmpz], den: fmpz) -> list[tuple[fmpz, fmpz]]:
    """(p_k, q_k) = N_k/D in lowest terms, q_k > 0, for N = nums and D = den > 0.

    g_k = gcd(N_k, D) = G·gcd(N'_k, D') with G = gcd(D, N_0, N_1, ...) (`common_divisor`),
    N'_k = N_k/G and D' = D/G. With L = gcd(D', Π_{N'_k != 0} N'_k), every gcd(N'_k, D')
    divides L (it divides N'_k, hence the product, and D') and L divides D', so
    gcd(N'_k, D') = gcd(N'_k, L): a gcd with L, which is small when the g_k differ little,
    instead of one with D per entry. The product is taken modulo D', which changes no gcd with D'.
    """
    if den == 1:
        return [(fmpz(n), fmpz(1)) for n in nums]
    nonzero = [n for n in nums if n != 0]
    shared = common_divisor(nonzero, den)                          # G
    parts, rest = [n // shared for n in nonzero], den // shared    # N'_k, D'
    product = fmpz(1)
    for k in range(0, len(parts), 2):
        product = product * _pair_product(parts, k) % rest
    common = rest.gcd(product)                                     # L
    denominators: dict[fmpz, fmpz] = {}
    reduced = iter(parts)
    out = []
    for n in nums:
        if n == 0:
            out.append((fmpz(0), fmpz(1)))
            continue
        part = next(reduced)
        h = common.gcd(part % common) if common != 1 else fmpz(1)
        if h not in denominators:
            denominators[h] = rest // h
        out.append((part // h, denominators[h]))
    return out


def _pair_product(values: Sequence[fmpz], k: int) -> fmpz:
    return values[k] * values[k + 1] if k + 1 < len(values) else values[k]


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

    @classmethod
    def known_reduced(cls, nums: Sequence[fmpz], den: fmpz,
                      fractions: Sequence[tuple[fmpz, fmpz]]) -> RationalVector:
        """nums/den whose entries in lowest terms, `fractions`, are already known."""
        vector = cls(tuple(nums), den)
        vector.__dict__["reduced"] = tuple(fractions)          # the cached property's value
        return vector

    def lowest(self) -> RationalVector:
        """The same vector over the least common denominator (smaller integers to compute with)."""
        g = common_divisor(self.nums, self.den)
        if g == 1:
            return self
        return RationalVector(tuple(n // g for n in self.nums), self.den // g)

    @cached_property
    def reduced(self) -> tuple[tuple[fmpz, fmpz], ...]:
        """Each entry as (numerator, denominator) in lowest terms (computed once)."""
        return tuple(reduced_fractions(self.nums, self.den))

    @cached_property
    def fractions(self) -> tuple[Fraction, ...]:
        """The entries as Fractions (no gcd recomputed)."""
        return tuple(coprime_fraction(int(p), int(q)) for p, q in self.reduced)

    def texts(self) -> list[str]:
        """The entries as 'p/q' or 'p' (harness.numbers.show), in lowest terms."""
        return [str(p) if q == 1 else f"{p}/{q}" for p, q in self.reduced]

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


def positive_factor(u: RationalVector, v: RationalVector) -> fmpq | None:
    """t > 0 with u = t·v (v nonzero), or None (harness.statistics.positive_factor over common
    denominators): the numerators are proportional (every U_i·V_k = V_i·U_k, k the first nonzero
    entry of V) with U_k·V_k > 0, and then t = (U_k/V_k)·(v.den/u.den)."""
    k = next(i for i, m in enumerate(v.nums) if m != 0)
    uk, vk = u.nums[k], v.nums[k]
    if uk * vk <= 0 or any(a * vk != b * uk for a, b in zip(u.nums, v.nums)):
        return None
    return fmpq(uk * v.den, vk * u.den)
