"""Exact parsing of numbers: every accepted form is the exact rational, never a float."""

from fractions import Fraction

import pytest

from harness.numbers import parse_exact


@pytest.mark.parametrize("text, value", [
    ("0.1", Fraction(1, 10)), ("-3/7", Fraction(-3, 7)), ("2e-3", Fraction(2, 1000)),
    ("1E5", Fraction(100000)), (".5", Fraction(1, 2)), ("-0", Fraction(0)), (" 7 ", Fraction(7)),
    ("0.30000000000000004", Fraction(30000000000000004, 10**17)),
])
def test_number_text_is_read_as_the_exact_rational(text, value):
    assert parse_exact(text) == value


@pytest.mark.parametrize("text, reason", [
    ("nan", "not a finite number"), ("-Infinity", "not a finite number"), ("1/0", "zero denominator"),
    ("1e400", "overflows a double"), ("1e-99999999", "exponent out of range"), ("0x10", "not a number"),
    ("", "not a number"), ("1/2/3", "not a number"),
])
def test_non_numbers_are_rejected_with_a_reason(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_exact(text)


def test_tiny_decimal_is_an_exact_rational_not_underflow():
    assert parse_exact("1e-400") == Fraction(1, 10**400)


def test_floats_are_refused_where_exact_rationals_are_required():
    from harness.evaluator import rational
    from proofs.encoding import const
    with pytest.raises(TypeError):
        const(0.1)
    with pytest.raises(TypeError):
        rational(0.1)
