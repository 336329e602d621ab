"""Exact numbers: text -> Fraction (never through a float), Fraction -> text.

Accepted forms: integers ("-3"), decimals ("0.1", ".5", "2."), scientific notation ("2e-3",
"1E5") and fractions ("-3/7"). NaN, infinities, zero denominators and magnitudes beyond the
largest double (a JSON number that would overflow a float) are rejected with a ValueError whose
message says what is wrong.
"""

from __future__ import annotations

import functools
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


def decimal(q, digits: int = 6) -> str:
    """q (a Fraction or python-flint fmpq) rounded (half away from zero) to `digits` significant
    digits, in exact integer arithmetic: '0.0222965', '-334.567', '2', '1.23457e+08'. For reading
    only: exact values are kept as 'p/q'. The integers are python-flint's fmpz (GMP): the values
    of a large set have thousands of digits, where Python's int to text is quadratic."""
    if q == 0:
        return "0"
    m, e = _significand(q, digits)
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


def _significand(q, digits: int) -> tuple[int, int]:
    """(m, e) with 10^e <= |q| < 10^(e+1) and m = floor(|q|·10^(digits-1-e) + 1/2) (q != 0), one
    digit less where that rounds up to 10^digits."""
    from flint import fmpz       # here: importing this module stays free of python-flint

    ten = fmpz(10)
    p, r = abs(fmpz(q.numerator)), fmpz(q.denominator)
    e = len(str(p)) - len(str(r))                          # 10^(e-1) < |q| < 10^(e+1)
    if (p < r * ten**e) if e >= 0 else (p * ten**-e < r):
        e -= 1                                             # now 10^e <= |q| < 10^(e+1)
    shift = digits - 1 - e
    num, den = (p * ten**shift, r) if shift >= 0 else (p, r * ten**-shift)
    m = int((2 * num + den) // (2 * den))                  # floor(|q|·10^shift + 1/2)
    if m >= 10**digits:
        m, e = m // 10, e + 1
    return m, e


def decimal_of_root(a, m, digits: int = 6) -> str:
    """a·sqrt(m) (a a Fraction or fmpq, m >= 0) rounded to `digits` significant digits. The root
    is truncated to digits + 3 places first; rounding that is exact, since a rounding boundary
    has fewer digits."""
    from flint import fmpz

    if a == 0 or m == 0:
        return "0"
    ten = fmpz(10)
    m_part, r = _coprime_parts(fmpz(m), fmpz(a.denominator) ** 2)
    p = fmpz(a.numerator) ** 2 * m_part                    # p/r = (a·sqrt(m))² in lowest terms
    e = (len(str(p)) - len(str(r))) // 2
    k = digits + 3 - e
    num, den = (p * ten**(2 * k), r) if k >= 0 else (p, r * ten**(-2 * k))
    root = int((num // den).isqrt())                       # floor(sqrt(square)·10^k)
    value = Fraction(root, 10**k) if k >= 0 else Fraction(root * 10**(-k))
    return decimal(value if a > 0 else -value, digits)


@functools.lru_cache(maxsize=16)
def _coprime_parts(m, q2):
    """(m/g, q2/g) with g = gcd(m, q2): coprime. With a = p/q in lowest terms, p²·m/q² in lowest
    terms is p²·(m/g)/(q²/g). Cached: the components of ∇L̂(W*) share m and a few q."""
    g = m.gcd(q2)
    return m // g, q2 // g



def coprime_fraction(p: int, q: int) -> Fraction:
    """p/q for coprime p and q > 0 (as python-flint's fmpq keeps them), without recomputing
    their gcd, which costs seconds for the thousand-digit values of large sets."""
    return _FROM_COPRIME(p, q)


_FROM_COPRIME = getattr(Fraction, "_from_coprime_ints", None) or (
    lambda p, q: Fraction(p, q, _normalize=False))
