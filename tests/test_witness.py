"""Z3 model values become exact SymPy numbers: rationals as Rational, algebraic numbers as the
unique root of their polynomial in Z3's isolating interval, never through a decimal."""

import sympy
import z3

from harness.solver import decide
from proofs.obligation import Obligation


def witness_of(*constraints, x=z3.Real("x")):
    outcome = decide(Obligation("w", "", "sat", constraints, {"x": x}))
    assert outcome.result == "sat"
    return outcome.witness["x"]


def test_rational_model_value_is_an_exact_rational():
    x = z3.Real("x")
    assert witness_of(3 * x == 1, x=x) == sympy.Rational(1, 3)


def test_square_root_model_value_is_the_exact_radical():
    x = z3.Real("x")
    assert witness_of(x * x == 2, x < 0, x=x) == -sympy.sqrt(2)


def test_cubic_model_value_is_the_exact_root_in_the_isolating_interval():
    x = z3.Real("x")
    value = witness_of(x ** 3 == x + 1, x=x)  # the plastic number, no real radical form needed
    assert sympy.simplify(value ** 3 - value - 1) == 0
    assert sympy.Rational(132, 100) < value < sympy.Rational(133, 100)


def test_large_integer_model_value_is_exact():
    x = z3.Real("x")
    assert witness_of(x == 10**40 + 1, x=x) == sympy.Integer(10**40 + 1)
