"""Exact vectors over a common denominator (harness/vectors.py): the batched reduction to lowest
terms and the positive-multiple test agree with reducing each fraction on its own."""

import math
from fractions import Fraction

from flint import fmpq, fmpz
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.vectors import RationalVector, positive_factor, reduced_fractions

# numerators and denominators sharing factors, as the solution of a rational system does
factors = st.lists(st.sampled_from([1, 2, 3, 4, 9, 25, 49, 101, 2**61 - 1, 10**30 + 57]),
                   max_size=5)
product = math.prod


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(-10**40, 10**40), factors), min_size=1, max_size=12),
       factors, factors)
def test_batched_reduction_equals_reducing_each_fraction(entries, shared, den_factors):
    common = product(shared)
    den = common * product(den_factors) * 7
    nums = [fmpz(n * product(fs) * common) for n, fs in entries]
    got = reduced_fractions(nums, fmpz(den))
    assert [(int(p), int(q)) for p, q in got] == [
        (Fraction(int(n), den).numerator, Fraction(int(n), den).denominator) for n in nums]


def test_reduction_of_zero_and_integer_entries():
    assert reduced_fractions([fmpz(0), fmpz(6), fmpz(-4)], fmpz(2)) == [(0, 1), (3, 1), (-2, 1)]
    assert reduced_fractions([fmpz(0), fmpz(0)], fmpz(5)) == [(0, 1), (0, 1)]
    assert reduced_fractions([fmpz(3)], fmpz(1)) == [(3, 1)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fractions(max_denominator=50), min_size=2, max_size=5),
       st.fractions(min_value=-3, max_value=3, max_denominator=7))
def test_positive_factor_over_common_denominators_equals_the_fraction_rule(v, t):
    from harness.statistics import positive_factor as fraction_rule

    if all(x == 0 for x in v):
        v = [Fraction(1)] + v[1:]
    u = [t * x for x in v]
    expected = fraction_rule(u, v)
    got = positive_factor(RationalVector.of(u), RationalVector.of(v))
    assert got == (None if expected is None else fmpq(expected.numerator, expected.denominator))
    u[0] += 1                                  # no longer a multiple (or a different one)
    expected = fraction_rule(u, v)
    got = positive_factor(RationalVector.of(u), RationalVector.of(v))
    assert got == (None if expected is None else fmpq(expected.numerator, expected.denominator))


def test_lowest_keeps_the_values_over_the_least_common_denominator():
    v = RationalVector((fmpz(6), fmpz(-9), fmpz(0)), fmpz(12)).lowest()
    assert (v.nums, v.den) == ((2, -3, 0), 4)
    assert v.texts() == ["1/2", "-3/4", "0"]
