"""Exact witnesses: a Z3 model value -> an exact SymPy number, never through a decimal.

A model value is first written as exact text (`describe`, in the process that ran Z3: the
Z3 query runs in a worker process, harness/solver.py) and then read into SymPy (`from_text`,
in the harness):
- a rational value is its fraction "p/q" from `as_fraction()`;
- an algebraic value is its defining integer polynomial (`poly()`) and, at precisions 10, 20,
  40 and 80, the exact rational ends [lo, hi] of Z3's lower/upper approximations. SymPy takes
  the first interval in which exactly one real root of the polynomial lies; that root (a
  CRootOf, shown as radicals when SymPy can) is the value. Z3's root index is not used (Z3
  issue 5807).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import z3

if TYPE_CHECKING:     # imported where a value is read (`prove`'s first worker never needs it)
    import sympy

PRECISIONS = (10, 20, 40, 80)


class WitnessError(Exception):
    """A model value could not be identified exactly."""


def describe(value: z3.ExprRef) -> tuple:
    """The value as exact text: ("rational", "p/q") or ("algebraic", [coefficient texts, lowest
    degree first], [(lo, hi) texts per precision])."""
    if z3.is_rational_value(value):
        return ("rational", _text(value.as_fraction()))
    if z3.is_algebraic_value(value):
        coeffs = [_text(c.as_fraction()) for c in value.poly()]
        bounds = [(_bound(z3.Z3_get_algebraic_number_lower, value, p),
                   _bound(z3.Z3_get_algebraic_number_upper, value, p)) for p in PRECISIONS]
        return ("algebraic", coeffs, bounds)
    raise WitnessError(f"not a real number value: {value}")


def from_text(description: tuple) -> sympy.Expr:
    """The exact SymPy number that `describe` wrote."""
    import sympy

    if description[0] == "rational":
        return sympy.Rational(description[1])
    _, coeffs, bounds = description
    x = sympy.Symbol("x")
    poly = sympy.Poly(sum(sympy.Rational(c) * x**k for k, c in enumerate(coeffs)), x)
    for lo_text, hi_text in bounds:
        lo, hi = sympy.Rational(lo_text), sympy.Rational(hi_text)
        if poly.count_roots(lo, hi) == 1 and poly.eval(lo) != 0 and poly.eval(hi) != 0:
            roots = [r for r in poly.real_roots() if lo < r < hi]
            if len(roots) == 1:
                return roots[0]
    raise WitnessError(f"could not isolate the root of {poly.as_expr()} in Z3's interval")


def exact_value(value: z3.ExprRef) -> sympy.Expr:
    return from_text(describe(value))


def _text(q) -> str:
    return f"{q.numerator}/{q.denominator}"


def _bound(api, value, precision) -> str:
    ctx = value.ctx
    return _text(z3.RatNumRef(api(ctx.ref(), value.as_ast(), precision), ctx).as_fraction())
