"""Exact witnesses: a Z3 model value -> an exact SymPy number, never through a decimal.

A rational value becomes sympy.Rational(p, q) from `as_fraction()`. An algebraic value is
identified on the SymPy side by its defining integer polynomial (`poly()`) and an isolating
interval [lo, hi] whose ends are exact rationals from Z3's lower/upper approximations; exactly
one real root of the polynomial must lie in it, and that root (a CRootOf, shown as radicals
when SymPy can) is the value. Z3's root index is not used (Z3 issue 5807).
"""

from __future__ import annotations

import sympy
import z3


class WitnessError(Exception):
    """A model value could not be identified exactly."""


def exact_value(value: z3.ExprRef) -> sympy.Expr:
    if z3.is_rational_value(value):
        q = value.as_fraction()
        return sympy.Rational(q.numerator, q.denominator)
    if z3.is_algebraic_value(value):
        return _algebraic(value)
    raise WitnessError(f"not a real number value: {value}")


def _algebraic(value: z3.AlgebraicNumRef) -> sympy.Expr:
    x = sympy.Symbol("x")
    coeffs = [sympy.Rational(c.as_fraction()) for c in value.poly()]
    poly = sympy.Poly(sum(c * x**k for k, c in enumerate(coeffs)), x)
    ctx = value.ctx
    for precision in (10, 20, 40, 80):
        lo = _bound(z3.Z3_get_algebraic_number_lower, value, precision, ctx)
        hi = _bound(z3.Z3_get_algebraic_number_upper, value, precision, ctx)
        if poly.count_roots(lo, hi) == 1 and poly.eval(lo) != 0 and poly.eval(hi) != 0:
            roots = [r for r in sympy.Poly(poly, x).real_roots() if lo < r < hi]
            if len(roots) == 1:
                return roots[0]
    raise WitnessError(f"could not isolate the root of {poly.as_expr()} in Z3's interval")


def _bound(api, value, precision, ctx) -> sympy.Rational:
    q = z3.RatNumRef(api(ctx.ref(), value.as_ast(), precision), ctx).as_fraction()
    return sympy.Rational(q.numerator, q.denominator)
