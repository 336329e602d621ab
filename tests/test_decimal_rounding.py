"""The rounding of exact values for reading (harness/numbers.decimal, decimal_of_root) in
python-flint integers gives the same text as the literal definition in Fractions: floor(|q|·10^s
+ 1/2) at 6 significant digits, and the root truncated to 9 places first."""

from fractions import Fraction

from flint import fmpq
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.check_text import decimal_of_surd, decimal_of_text
from harness.numbers import decimal, decimal_of_root


def literal_decimal(q: Fraction, digits: int = 6) -> str:
    if q == 0:
        return "0"
    a = abs(q)
    e = len(str(a.numerator)) - len(str(a.denominator))
    if a < Fraction(10) ** e:
        e -= 1
    shift = digits - 1 - e
    m = int(a * Fraction(10) ** shift + Fraction(1, 2))
    if m >= 10**digits:
        m, shift, e = m // 10, shift - 1, e + 1
    text = str(m).rstrip("0") or "0"
    sign = "-" if q < 0 else ""
    if -4 <= e < digits:
        if e >= len(text) - 1:
            body = text + "0" * (e - len(text) + 1)
        elif e >= 0:
            body = f"{text[:e + 1]}.{text[e + 1:]}"
        else:
            body = "0." + "0" * (-e - 1) + text
    else:
        body = (text[0] + ("." + text[1:] if len(text) > 1 else "")) + f"e{e:+03d}"
    return sign + body


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
    return literal_decimal(value if a > 0 else -value, digits)


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
    assert decimal(q, digits) == literal_decimal(q, digits)
    assert decimal(fmpq(q.numerator, q.denominator), digits) == literal_decimal(q, digits)
    assert decimal_of_text(f"{q.numerator}/{q.denominator}") == literal_decimal(q)


@settings(max_examples=150, deadline=None)
@given(values, st.integers(0, 10**40))
def test_root_rounding_in_flint_integers_equals_the_fraction_definition(a, m):
    assert decimal_of_root(a, m) == literal_root(a, m)
    text = f"{'-' if a < 0 else ''}{abs(a.numerator)}*sqrt({m})/{a.denominator}"
    if a != 0 and m > 1:
        assert decimal_of_surd(text) == literal_root(a, m)
