"""(L4.5) with ReLU and t³ activations (proofs/activations.py): the refutations are proved, each
obligation flips under a mutation, and the cleared gradient Z3 uses equals SymPy's derivative
of the literal BN loss (ReLU as Max(0, t))."""

from fractions import Fraction

import pytest
import sympy
import z3

from harness.solver import decide
from proofs import activations as act
from tests.z3_to_sympy import to_sympy

SETS = (act.RELU, act.CUBE, act.QUADRATIC, act.RELU_AFTER)
BEFORE = (act.RELU, act.CUBE, act.QUADRATIC)          # BN before the activation
CLEARED_POWER = {"relu": 1, "cube": 5, "quadratic": 3}  # m of the module docstring


@pytest.mark.parametrize("s", SETS, ids=lambda s: s.name)
def test_activation_refutation_is_proved(s):
    for ob in act.activation_obligations(s):
        assert decide(ob, timeout_s=10).result == ob.expected, ob.name


@pytest.mark.parametrize("s, wrong_w_star, big_ball", [
    (act.RELU, (Fraction(3, 2), Fraction(1)), Fraction(1, 100)),
    (act.CUBE, (Fraction(3, 2), Fraction(1)), Fraction(1, 4)),
    (act.QUADRATIC, (Fraction(3, 2), Fraction(1)), Fraction(4)),
], ids=["relu", "cube", "quadratic"])
def test_mutated_activation_obligations_are_sat(s, wrong_w_star, big_ball):
    assert decide(act.standard_optimum(s, wrong_w_star), 10).result == "sat"
    assert decide(act.bn_no_stationary_point_on_ball(s, big_ball), 10).result == "sat"
    # the ball must stay where the BN network is smooth: a ball reaching 0 (cube: σ(0) = 0)
    # or crossing the ReLU pattern is caught
    assert decide(act.bn_smooth_on_ball(s, Fraction(9)), 10).result == "sat"


def test_wider_lemma_ball_is_not_claimed():
    """lemma_fails_at_w_star is sat only because RHS = 0 < r²; with r² = 0 it is unsat."""
    import dataclasses
    ob = act.lemma_fails_at_w_star(dataclasses.replace(act.RELU, radius_sq=Fraction(0)))
    assert decide(ob, 10).result == "unsat"


def _literal_bn_loss(s, w):
    X = sympy.Matrix([[sympy.Rational(v) for v in row] for row in s.X])
    u = list(X * sympy.Matrix(w))
    n = len(u)
    mu = sum(u) / n
    sigma = sympy.sqrt(sum((ui - mu) ** 2 for ui in u) / n)
    phi = {"relu": lambda t: sympy.Max(0, t), "cube": lambda t: t ** 3,
           "quadratic": lambda t: t + t ** 2}[s.activation]
    return sum((phi((ui - mu) / sigma) - sympy.Rational(yi)) ** 2 for ui, yi in zip(u, s.y)) / n, sigma


def _gradient_agrees(s, pattern) -> bool:
    w1, w2, sym_s = sympy.symbols("w1 w2 s", real=True)
    net = act._Net(s)
    cleared = net.cleared_gradient([z3.Real("w1"), z3.Real("w2")], z3.Real("s"), pattern)
    m = CLEARED_POWER[s.activation]
    loss, sigma = _literal_bn_loss(s, [w1, w2])
    for dw in [(0, 0), (Fraction(1, 50), Fraction(-1, 40)), (Fraction(-1, 30), Fraction(1, 70))]:
        at = {w1: sympy.Rational(s.w_star[0] + dw[0]), w2: sympy.Rational(s.w_star[1] + dw[1])}
        for k, var in enumerate((w1, w2)):
            literal = sympy.diff(loss, var).subs(at)
            encoded = to_sympy(cleared[k], {"w1": w1, "w2": w2, "s": sym_s})
            value = (2 * encoded / (len(s.y) * sym_s ** (m + 3))).subs(at).subs(sym_s, sigma.subs(at))
            if sympy.simplify(literal - value) != 0:
                return False
    return True


@pytest.mark.parametrize("s", BEFORE, ids=lambda s: s.name)
def test_cleared_gradient_equals_sympy_derivative_of_literal_loss(s):
    assert _gradient_agrees(s, act._Net(s).pattern(s.w_star))


def test_cleared_gradient_with_a_wrong_relu_pattern_disagrees():
    assert not _gradient_agrees(act.RELU, [True, True, True])


def test_relu_gradient_at_w_star_is_the_stated_nonzero_vector():
    w1, w2 = sympy.symbols("w1 w2", real=True)
    loss, _ = _literal_bn_loss(act.RELU, [w1, w2])
    at = {w1: sympy.Rational(3, 2), w2: 2}
    grad = [sympy.radsimp(sympy.diff(loss, v).subs(at)) for v in (w1, w2)]
    r = sympy.sqrt(26)
    assert sympy.simplify(grad[0] - (-28 + 8 * r) / 169) == 0
    assert sympy.simplify(grad[1] - (21 - 6 * r) / 169) == 0


# --- the exact ReLU search (harness/activation_search.py) ---------------------------------------

def test_relu_search_finds_no_refutation_with_entries_in_unit_box():
    from harness.activation_search import relu_search

    counts, found = relu_search(1)
    assert found == []
    assert counts["unique perfect fit, BN-ReLU stationary"] == 136
    assert counts["unique perfect fit, BN-ReLU not smooth"] == 4


def _literal_relu_gradient(xs, ys, w):
    s = act.ActivationSet("x", "relu", tuple(tuple(Fraction(v) for v in x) for x in xs),
                          tuple(Fraction(v) for v in ys), w, Fraction(1))
    w1, w2 = sympy.symbols("w1 w2", real=True)
    loss, _ = _literal_bn_loss(s, [w1, w2])
    at = {w1: sympy.Rational(w[0]), w2: sympy.Rational(w[1])}
    return [sympy.simplify(sympy.diff(loss, v).subs(at)) for v in (w1, w2)]


@pytest.mark.parametrize("xs, ys", [
    (((-1, 0), (0, -1), (0, 1)), (1, 0, 2)),        # the smallest find: fails
    (((0, 1), (2, -1), (0, -1)), (2, 1, 0)),        # the prototype: fails
    (((-1, -1), (-1, 0), (0, -1)), (1, 0, 1)),      # a stationary W* of the unit box
])
def test_relu_search_verdict_agrees_with_sympy_gradient_of_literal_loss(xs, ys):
    from harness.activation_search import bn_relu_verdict, perfect_fit

    w = perfect_fit(xs, ys)
    verdict = bn_relu_verdict(xs, ys, w)
    zero = all(g == 0 for g in _literal_relu_gradient(xs, ys, w))
    assert verdict == ("stationary" if zero else "fails")


# --- BN after ReLU --------------------------------------------------------------------------

def test_bn_after_relu_mutations_flip():
    import dataclasses

    s = act.RELU_AFTER
    assert decide(act.standard_optimum(s, (Fraction(-2), Fraction(-2))), 10).result == "sat"
    assert decide(act.bn_after_relu_smooth_on_ball(s, Fraction(1)), 10).result == "sat"
    # targets proportional to the centered h(W*) = (0, 2, 1) - 1 make W* a BN optimum
    stationary_at_w_star = dataclasses.replace(s, y=(Fraction(-1), Fraction(1), Fraction(0)))
    assert decide(act.bn_after_relu_no_stationary_point_on_ball(stationary_at_w_star), 10).result == "sat"


def test_bn_after_relu_gradient_is_that_of_the_masked_identity_network():
    """On the ball h(w) = X'w, so Network(X', y).bn_gradient equals SymPy's derivative of the
    literal loss (1/n) Σ ((h_i - mean h)/σ(h) - y_i)², h_i = Max(0, <w, x_i>)."""
    s = act.RELU_AFTER
    w1, w2, sym_s = sympy.symbols("w1 w2 s", real=True)
    X = sympy.Matrix([[sympy.Rational(v) for v in row] for row in s.X])
    h = [sympy.Max(0, e) for e in X * sympy.Matrix([w1, w2])]
    mean = sum(h) / 3
    sigma = sympy.sqrt(sum((hi - mean) ** 2 for hi in h) / 3)
    loss = sum(((hi - mean) / sigma - sympy.Rational(yi)) ** 2 for hi, yi in zip(h, s.y)) / 3
    grad = act.masked_network(s).bn_gradient([z3.Real("w1"), z3.Real("w2")], z3.Real("s"))
    for dw in [(0, 0), (Fraction(1, 5), Fraction(-1, 7))]:
        at = {w1: sympy.Rational(s.w_star[0] + dw[0]), w2: sympy.Rational(s.w_star[1] + dw[1])}
        for k, var in enumerate((w1, w2)):
            encoded = to_sympy(grad[k], {"w1": w1, "w2": w2, "s": sym_s}).subs(at).subs(sym_s, sigma.subs(at))
            assert sympy.simplify(sympy.diff(loss, var).subs(at) - encoded) == 0
