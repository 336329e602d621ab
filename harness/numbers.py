"""Exact numbers: text -> Fraction (never through a float), Fraction -> text.

Accepted forms: integers ("-3"), decimals ("0.1", ".5", "2."), scientific notation ("2e-3",
"1E5") and fractions ("-3/7"). NaN, infinities, zero denominators and magnitudes beyond the
largest double (a JSON number that would overflow a float) are rejected with a ValueError whose
message says what is wrong.
"""

from __future__ import annotations

import re
from fractions import Fraction

_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_RATIO = re.compile(r"([+-]?\d+)/([+-]?\d+)")
_MAX_EXPONENT = 10_000  # guards against 10**huge; magnitudes are then checked exactly
_DOUBLE_MAX = Fraction((2 - Fraction(1, 2**52)) * 2**1023)


def parse_exact(text: str) -> Fraction:
    """The exact rational written by `text`; ValueError with a short reason otherwise."""
    s = text.strip()
    ratio = _RATIO.fullmatch(s)
    if ratio:
        num, den = int(ratio.group(1)), int(ratio.group(2))
        if den == 0:
            raise ValueError(f"zero denominator in {text!r}")
        value = Fraction(num, den)
    elif _DECIMAL.fullmatch(s):
        exponent = _DECIMAL.fullmatch(s).group(2)
        if exponent and abs(int(exponent[1:])) > _MAX_EXPONENT:
            raise ValueError(f"{text!r} has an exponent out of range")
        value = Fraction(s)
    elif s.lower().lstrip("+-") in {"nan", "inf", "infinity"}:
        raise ValueError(f"{text!r} is not a finite number")
    else:
        raise ValueError(f"{text!r} is not a number")
    if abs(value) > _DOUBLE_MAX:
        raise ValueError(f"{text!r} overflows a double")
    return value


def show(q: Fraction) -> str:
    """'p/q', or 'p' for an integer."""
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"


def coprime_fraction(p: int, q: int) -> Fraction:
    """p/q for coprime p and q > 0 (as python-flint's fmpq keeps them), without recomputing
    their gcd, which costs seconds for the thousand-digit values of large sets."""
    return _FROM_COPRIME(p, q)


_FROM_COPRIME = getattr(Fraction, "_from_coprime_ints", None) or (
    lambda p, q: Fraction(p, q, _normalize=False))
