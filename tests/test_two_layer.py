"""Two-layer linear network with one BN hidden unit (proofs/two_layer.py): the optima and the
canonical refutation are proved, for the canonical set and with its inputs centered; each
obligation flips under a mutation; the stationarity encoding matches SymPy's derivative of the
literal loss; the Monte-Carlo estimate is seeded."""

import dataclasses
from fractions import Fraction

import pytest
import sympy
import z3

from harness.learning_set import canonical
from harness.solver import decide, decide_all
from harness.two_layer import centered_canonical, monte_carlo, setup
from proofs.two_layer import TwoLayer, two_layer_obligations
from tests.z3_to_sympy import to_sympy


def _answers(t, claim, names=None):
    """{name: (expected, Z3's outcome)} of the obligations (those named, else all), decided side
    by side (harness.solver.decide_all)."""
    obligations = [ob for ob in two_layer_obligations(t, claim) if names is None or ob.name in names]
    return {ob.name: (ob.expected, outcome) for ob, outcome in zip(obligations, decide_all(obligations, 10))}


def _answer(t, claim, name):
    return _answers(t, claim, {name})[name][1].result


@pytest.mark.parametrize("ls", [canonical(), centered_canonical()], ids=["canonical", "centered"])
def test_two_layer_refutation_is_proved(ls):
    t, claim = setup(ls)
    for name, (expected, outcome) in _answers(t, claim).items():
        assert outcome.result == expected, name


def test_canonical_distance_is_961_over_153_minus_2_sqrt_38_over_3():
    t, claim = setup(canonical())
    assert claim == (Fraction(961, 153), Fraction(-2)) and t.k_sq == Fraction(38, 9)
    answers = _answers(t, claim, {"two_layer_lemma_fails_at_theta0"})
    D = answers["two_layer_lemma_fails_at_theta0"][1].witness["D"]
    assert sympy.simplify(D - (sympy.Rational(961, 153) - 2 * sympy.sqrt(38) / 3)) == 0


def test_mutated_two_layer_obligations_flip():
    t, claim = setup(canonical())
    X, y = canonical().X, canonical().y
    F = Fraction
    wrong_d = TwoLayer(X, y, (F(2), F(0)), (F(5), F(2)), t.k_sq)
    wrong_k = TwoLayer(X, y, (F(2), F(0)), (F(5), F(3)), F(4))
    wrong_w = TwoLayer(X, y, (F(2), F(1, 10)), (F(5), F(3)), t.k_sq)
    flips = {
        "two_layer_bn_optima_attain_bound": (wrong_d, claim),
        "two_layer_bn_minimisers_on_line": (wrong_d, claim),
        "two_layer_bn_lower_bound": (wrong_k, claim),
        "two_layer_theta0_is_standard_optimum": (wrong_w, claim),
        "two_layer_distance_lower_bound": (t, (claim[0] + F(1, 100), claim[1])),
    }
    for name, (mutant, mutant_claim) in flips.items():
        assert _answer(mutant, mutant_claim, name) == "sat", name
    assert _answer(t, (F(0), F(0)), "two_layer_lemma_fails_at_theta0") == "unsat"


def test_wrong_identity_and_dropped_stationarity_are_caught():
    t, claim = setup(canonical())

    class WrongIdentity(TwoLayer):
        def identity_form(self, w, a, s):
            return a * a - a * self.net.cov_with_targets(w) / s + self.m

    wrong = WrongIdentity(canonical().X, canonical().y, [2, 0], [5, 3], t.k_sq)
    ob = next(o for o in two_layer_obligations(wrong, claim) if o.name == "two_layer_bn_loss_identity")
    assert decide(ob, 10).result == "sat"
    ob = next(o for o in two_layer_obligations(t, claim) if o.name == "two_layer_bn_stationary_points")
    last = ob.premises[-1]                    # drop the last gradient equation
    mutated = dataclasses.replace(ob, query=tuple(q for q in ob.query if not q.eq(last)),
                                  premises=ob.premises[:-1])
    assert decide(mutated, 10).result == "sat"


def test_stationarity_encoding_is_the_gradient_of_the_literal_loss():
    """∂L̂₂/∂a = 2(a - <c,w>/s) and ∂L̂₂/∂w_k = -2a(c_k s² - <c,w>(Σw)_k)/s³, the forms the
    stationarity obligation states (times s and s³), equal SymPy's derivative of the literal loss."""
    t, _ = setup(canonical())
    w1, w2, a, s = sympy.symbols("w1 w2 a s", real=True)
    X = sympy.Matrix([[sympy.Rational(v) for v in row] for row in canonical().X])
    y = [sympy.Rational(v) for v in canonical().y]
    u = list(X * sympy.Matrix([w1, w2]))
    mu = sum(u) / 3
    sigma = sympy.sqrt(sum((ui - mu) ** 2 for ui in u) / 3)
    loss = sum((a * (ui - mu) / sigma - yi) ** 2 for ui, yi in zip(u, y)) / 3
    zw = [z3.Real("w1"), z3.Real("w2")]
    names = {"w1": w1, "w2": w2, "a": a, "s": s}
    cw = to_sympy(t.net.cov_with_targets(zw), names)
    sw = [to_sympy(e, names) for e in t.net.sigma_times(zw)]
    c = [to_sympy(e, names) for e in t.net.cov_vector()]
    for point in [{w1: 1, w2: 2, a: sympy.Rational(1, 3)}, {w1: -3, w2: 1, a: 2}]:
        sig = sigma.subs(point)
        assert sympy.simplify(sympy.diff(loss, a).subs(point) - (2 * (a - cw / s)).subs(point).subs(s, sig)) == 0
        for k, var in enumerate((w1, w2)):
            encoded = (-2 * a * (c[k] * s ** 2 - cw * sw[k]) / s ** 3).subs(point).subs(s, sig)
            assert sympy.simplify(sympy.diff(loss, var).subs(point) - encoded) == 0


def test_monte_carlo_is_seeded_and_fails_often_even_for_centered_inputs():
    p, se, n = monte_carlo(centered_canonical(), samples=20_000)
    assert (p, se, n) == monte_carlo(centered_canonical(), samples=20_000)
    assert 0.80 < p < 0.85


def test_width_two_steps_are_proved_and_flip_under_mutation():
    import copy

    from harness.two_layer import WIDTH_TWO_HALF_SIDE, WIDTH_TWO_THETA0
    from proofs.two_layer import width_two_obligations

    t, _ = setup(canonical())
    obligations = width_two_obligations(t, WIDTH_TWO_THETA0, WIDTH_TWO_HALF_SIDE)
    for ob, outcome in zip(obligations, decide_all(obligations, 10)):
        assert outcome.result == ob.expected, ob.name

    def answer(tl, name, half_side=WIDTH_TWO_HALF_SIDE):
        ob = next(o for o in width_two_obligations(tl, WIDTH_TWO_THETA0, half_side) if o.name == name)
        return decide(ob, 10).result

    assert answer(t, "width_two_no_bn_optimum_near_theta0", Fraction(2)) == "sat"
    shifted = copy.copy(t)
    shifted.m = t.m + 1
    assert answer(shifted, "width_two_bn_loss_in_v") == "sat"
    uncentered = copy.copy(t)
    uncentered.net = copy.copy(t.net)
    uncentered.net.x_mean = [z3.RealVal(0), z3.RealVal(0)]
    assert answer(uncentered, "width_two_outputs_are_linear_in_v") == "sat"
    wrong_d = TwoLayer(canonical().X, canonical().y, (Fraction(2), Fraction(0)),
                       (Fraction(5), Fraction(2)), t.k_sq)
    assert answer(wrong_d, "width_two_bn_global_minimisers") == "sat"
