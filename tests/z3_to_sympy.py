"""Read a Z3 arithmetic term as a SymPy expression (test machinery only: it lets a test compare
the Z3 encoding with SymPy's own derivation symbolically, for every w, not only at samples)."""

import sympy
import z3

_OPS = {
    z3.Z3_OP_ADD: lambda *a: sympy.Add(*a),
    z3.Z3_OP_MUL: lambda *a: sympy.Mul(*a),
    z3.Z3_OP_SUB: lambda a, *b: a - sympy.Add(*b),
    z3.Z3_OP_UMINUS: lambda a: -a,
    z3.Z3_OP_DIV: lambda a, b: a / b,
    z3.Z3_OP_POWER: lambda a, b: a ** b,
}


def to_sympy(term: z3.ExprRef, symbols: dict[str, sympy.Symbol]) -> sympy.Expr:
    if z3.is_rational_value(term):
        q = term.as_fraction()
        return sympy.Rational(q.numerator, q.denominator)
    if z3.is_const(term):
        return symbols[term.decl().name()]
    kind = term.decl().kind()
    if kind not in _OPS:
        raise ValueError(f"unsupported Z3 operator {term.decl()}")
    return _OPS[kind](*(to_sympy(arg, symbols) for arg in term.children()))
