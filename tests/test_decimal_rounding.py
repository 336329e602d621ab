"""The rounding of exact values for reading (harness/numbers.decimal, decimal_of_root) in
python-flint integers agrees with the literal definition in Fractions: the significand
floor(|q|·10^s + 1/2) and its exponent, and the root truncated to digits + 3 places first."""

from fractions import Fraction

from flint import fmpq
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.check_text import decimal_of_surd, decimal_of_text
from harness.numbers import _significand, decimal, decimal_of_root


def literal_significand(q: Fraction, digits: int) -> tuple[int, int]:
    a = abs(q)
    e = len(str(a.numerator)) - len(str(a.denominator))
    if a < Fraction(10) ** e:
        e -= 1
    m = int(a * Fraction(10) ** (digits - 1 - e) + Fraction(1, 2))
    return (m // 10, e + 1) if m >= 10**digits else (m, e)


def literal_root(a: Fraction, m: int, digits: int = 6) -> str:
    import math

    if a == 0 or m == 0:
        return "0"
    square = a * a * m
    e = (len(str(square.numerator)) - len(str(square.denominator))) // 2
    k = digits + 3 - e
    scaled = square * Fraction(10) ** (2 * k)
    root = math.isqrt(scaled.numerator // scaled.denominator)
    value = Fraction(root, 10**k) if k >= 0 else Fraction(root * 10**(-k))
    return decimal(value if a > 0 else -value, digits)


# magnitudes from 10^-60 to 10^60, and values next to a rounding boundary (…5 exactly)
values = st.one_of(
    st.fractions(),
    st.builds(lambda n, e: Fraction(n) * Fraction(10) ** e, st.integers(-10**12, 10**12),
              st.integers(-60, 60)),
    st.builds(lambda n, e: Fraction(2 * n + 1, 2) * Fraction(10) ** e, st.integers(-10**6, 10**6),
              st.integers(-20, 20)))


@settings(max_examples=150, deadline=None)
@given(values, st.integers(1, 8))
def test_rounding_in_flint_integers_equals_the_fraction_definition(q, digits):
    if q == 0:
        assert decimal(q) == decimal_of_text("0") == "0"
        return
    assert _significand(q, digits) == literal_significand(q, digits)
    assert _significand(fmpq(q.numerator, q.denominator), digits) == literal_significand(q, digits)
    assert decimal_of_text(f"{q.numerator}/{q.denominator}") == decimal(q)


@settings(max_examples=150, deadline=None)
@given(values, st.integers(0, 10**40))
def test_root_rounding_in_flint_integers_equals_the_fraction_definition(a, m):
    assert decimal_of_root(a, m) == literal_root(a, m)
    text = f"{'-' if a < 0 else ''}{abs(a.numerator)}*sqrt({m})/{a.denominator}"
    if a != 0 and m > 1:
        assert decimal_of_surd(text) == literal_root(a, m)
