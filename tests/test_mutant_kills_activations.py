"""Third mutmut run over proofs/activations.py ((L4.5) with ReLU, t³, t + t² and BN after ReLU):
each test states a claim of an obligation and fails on a surviving mutant that is observable
(docs/mutation-testing.md, "Third run: proofs/activations.py"). The module's own sets with one
thing changed (a claimed value, the radius, W* or an input), and one six-point set whose kink
holds a minimiser, worked by hand."""

import dataclasses
from fractions import Fraction

import sympy
import z3

from harness.solver import decide
from proofs import activations as act
from tests.test_activations import _literal_bn_loss


def answer(ob) -> str:
    return decide(ob, 10).result


def test_set_entries_are_parsed_to_exact_rationals():
    """The sets are written as decimal and fraction strings; each becomes the exact rational
    (no float). Calls `_q` at test time: the module's sets call it at import, out of the
    mutation runner's reach (`_q` 1, 2 break every set)."""
    assert act._q("3/2", 2, "0.1", "-1/3") == (Fraction(3, 2), Fraction(2), Fraction(1, 10), Fraction(-1, 3))


def test_a_claimed_standard_optimum_that_is_not_a_minimiser_is_refuted_even_with_its_true_loss():
    """ReLU set, claimed W* = (3/2, 1) with its true loss L(W*) = 2/3 (u = (1, 2, -1), φ(u) =
    (1, 2, 0), y = (2, 1, 0)): the value is right, but L(3/2, 2) = 0 is lower, so "W* is a global
    minimiser of L" is false: sat. Kills the query reduced to "L(W*) != ℓ" (standard_optimum 19)."""
    s = dataclasses.replace(act.RELU, w_star=act._q("3/2", 1), standard_loss=Fraction(2, 3))
    assert answer(act.standard_optimum(s)) == "sat"


def test_a_wrong_claimed_standard_loss_at_the_true_minimiser_is_refuted():
    """W* of the ReLU set (a perfect fit, L(W*) = 0) and of BN after ReLU (L(W*) = 1/3) are global
    minimisers, but a claimed L(W*) of 1 resp. 1/4 is false: sat. Kills the query reduced to
    "some w has L(w) < L(W*)" (standard_optimum 20), which states nothing about the value."""
    for s, wrong in ((act.RELU, Fraction(1)), (act.RELU_AFTER, Fraction(1, 4))):
        assert answer(act.standard_optimum(dataclasses.replace(s, standard_loss=wrong))) == "sat", s.name


def test_the_open_ball_that_touches_the_stationary_ray_of_the_cube_set_has_no_stationary_point():
    """t³ set: every point of the ray of (1, 2) is stationary (SymPy, literal loss, at its point
    (11/10, 11/5) nearest W* = (3/2, 2), at squared distance exactly 1/5). The open ball
    ||w - W*||² < 1/5 misses the ray: unsat; the closed ball contains that point. Kills the ball
    made closed (`_ball` 10: sat), which would refute a true claim."""
    w1, w2 = sympy.symbols("w1 w2", real=True)
    loss, _ = _literal_bn_loss(act.CUBE, [w1, w2])
    foot = {w1: sympy.Rational(11, 10), w2: sympy.Rational(11, 5)}
    assert (foot[w1] - sympy.Rational(3, 2)) ** 2 + (foot[w2] - 2) ** 2 == sympy.Rational(1, 5)
    assert all(sympy.simplify(sympy.diff(loss, v).subs(foot)) == 0 for v in (w1, w2))
    assert answer(act.bn_no_stationary_point_on_ball(act.CUBE, Fraction(1, 5))) == "unsat"


def test_each_activation_obligation_has_its_own_name_and_states_its_claim():
    """`make activations` lists every obligation by name and statement (results/activations.md):
    distinct names prefixed by the set, statements that are text and say the claimed values.
    The smoothness and stationarity statements name the radius they are proved for (the set's,
    or the one passed). Kills `name=None`, `statement=None` (standard_optimum 7, 8,
    bn_smooth_on_ball 23, 24, bn_no_stationary_point_on_ball 34, 35, lemma_fails_at_w_star 8, 9,
    bn_after_relu_smooth_on_ball 20, 21, bn_after_relu_no_stationary_point_on_ball 35, 36) and the
    radius lost from the text: None, or the set's radius in place of the one passed
    (`_region_text` 1, 2, bn_smooth_on_ball 43, 45, bn_no_stationary_point_on_ball 47, 49,
    bn_after_relu_smooth_on_ball 30-32, bn_after_relu_no_stationary_point_on_ball 47-49)."""
    for s in (act.RELU, act.CUBE, act.QUADRATIC, act.RELU_AFTER):
        obligations = act.activation_obligations(s)
        names = [ob.name for ob in obligations]
        assert all(isinstance(n, str) and n.startswith(s.name + "_") for n in names), names
        assert len(set(names)) == len(names)
        assert all(isinstance(ob.statement, str) and ob.statement for ob in obligations)
        assert f"L(W*) = {s.standard_loss}" in obligations[0].statement
    for s, r_sq in ((act.RELU, None), (act.QUADRATIC, None), (act.CUBE, Fraction(1, 5))):
        radius = f"{r_sq or s.radius_sq}"
        assert radius in act.bn_smooth_on_ball(s, r_sq).statement
        assert radius in act.bn_no_stationary_point_on_ball(s, r_sq).statement
    for r_sq in (None, Fraction(1, 4)):
        radius = f"||w - W*||² < {r_sq or act.RELU_AFTER.radius_sq}"
        assert act.bn_after_relu_smooth_on_ball(act.RELU_AFTER, r_sq).statement.endswith(radius)
        assert act.bn_after_relu_no_stationary_point_on_ball(act.RELU_AFTER, r_sq).statement.endswith(radius)


def test_open_boxes_whose_face_is_the_stationary_ray_of_the_quadratic_set_have_no_stationary_point():
    """t + t² set: the ray of (0, 1) is stationary (SymPy, literal loss, at (0, 2)). The open boxes
    of half-side 1/5 around (1/5, 2) and (-1/5, 2) have it as their face w1 = 0, outside: both
    unsat. Kills a box closed on one side (`_ball` 29: w_k - W*_k <= r, `_ball` 33:
    W*_k - w_k <= r), each sat on one of them."""
    w1, w2 = sympy.symbols("w1 w2", real=True)
    loss, _ = _literal_bn_loss(act.QUADRATIC, [w1, w2])
    assert all(sympy.simplify(sympy.diff(loss, v).subs({w1: 0, w2: 2})) == 0 for v in (w1, w2))
    for centre in (act._q("1/5", 2), act._q("-1/5", 2)):
        s = dataclasses.replace(act.QUADRATIC, w_star=centre, radius_sq=Fraction(1, 25))
        assert answer(act.bn_no_stationary_point_on_ball(s)) == "unsat", centre


def test_a_ball_crossing_the_kink_of_an_inactive_point_is_not_smooth():
    """ReLU set around W = (1, -1/2): a_3 = <w, x_3 - x̄> = -(2/3)(w1 + w2) is -1/3 < 0 there and
    the ball ||w - W||² < 1/4 crosses w1 + w2 = 0 (distance 1/(2√2)), where a_3 reaches at most
    (√2 - 1)/3 < 1, while a_1, a_2 and σ keep their sign: sat. Kills "inactive" weakened to
    a_3 < 1 (`_pattern` 9: unsat)."""
    s = dataclasses.replace(act.RELU, w_star=act._q(1, "-1/2"), radius_sq=Fraction(1, 4))
    assert answer(act.bn_smooth_on_ball(s)) == "sat"


def test_a_point_at_the_mean_input_has_z_zero_everywhere_so_the_strict_pattern_fails():
    """x_3 = x̄ = (1, 0): a_3(w) = 0 for every w, so "every z_i keeps its strict sign, none 0" is
    false on every ball: sat. Kills "inactive" weakened to a_i <= 0 (`_pattern` 8) and a_i < 1
    (`_pattern` 9), which report it proved."""
    s = dataclasses.replace(act.RELU, X=(act._q(0, 1), act._q(2, -1), act._q(1, 0)))
    assert answer(act.bn_smooth_on_ball(s)) == "sat"


def test_sigma_is_positive_on_the_ball_of_a_set_with_small_inputs():
    """The ReLU set with every x divided by 10: σ²(W*) = 26/900 < 1, same pattern, and the ball
    r² = 1/400 keeps σ > 0 and the strict pattern: unsat. Kills "σ² <= 1" for "σ² <= 0" in the
    broken conditions (bn_smooth_on_ball 14: sat, a true claim refuted)."""
    s = dataclasses.replace(act.RELU, X=tuple(tuple(v / 10 for v in x) for x in act.RELU.X))
    assert answer(act.bn_smooth_on_ball(s)) == "unsat"


def test_claims_on_an_empty_ball_or_without_a_sigma_are_vacuous_not_proved():
    """r² = 0: the ball (and the box) around W* is empty, so "σ > 0 on it" and "no stationary
    point in it" speak of nothing: `vacuous`. All x equal: σ(w) = 0 for every w, no s > 0 has
    s² = σ²(w), and "no stationary point" speaks of nothing either. Kills the premises dropped
    from the obligations (bn_smooth_on_ball 32, bn_no_stationary_point_on_ball 45) and the
    definitions dropped (bn_no_stationary_point_on_ball 44), which skip the check and say `unsat`."""
    for s in (act.RELU, act.CUBE, act.QUADRATIC):
        empty = dataclasses.replace(s, radius_sq=Fraction(0))
        assert answer(act.bn_smooth_on_ball(empty)) == "vacuous", s.name
        assert answer(act.bn_no_stationary_point_on_ball(empty)) == "vacuous", s.name
    flat = dataclasses.replace(act.CUBE, X=(act._q(1, 1),) * 3)
    assert answer(act.bn_no_stationary_point_on_ball(flat)) == "vacuous"


def test_w0_equal_to_w_star_meets_the_premise_only_for_w_star_nonzero_and_has_rhs_zero():
    """At W0 = W*: <W0,W*> = ||W*||² > 0 and RHS(W*) = 0 < r². Every model of the query has
    RHS = 0 (W0 is W*), and the reported witness is RHS = 0; with ||W*||² = 1/2 it still holds
    (sat); with W* = 0 the premise fails (unsat). Kills W0 != W* (lemma_fails_at_w_star 20: models
    with RHS > 0), the witness dropped or renamed (17, 37, 38), `>= 0` (29: sat at W* = 0) and
    `> 1` (30: unsat at ||W*||² = 1/2)."""
    for s in (act.RELU, act.CUBE, act.QUADRATIC, act.RELU_AFTER):
        ob = act.lemma_fails_at_w_star(s)
        assert decide(ob, 10).witness == {"rhs": 0}, s.name
        solver = z3.Solver()
        solver.set("timeout", 10000, "random_seed", 0)
        solver.add(*ob.query, ob.witness["rhs"] != 0)
        assert solver.check() == z3.unsat, s.name
    short = dataclasses.replace(act.RELU, w_star=act._q("1/2", "1/2"))
    assert answer(act.lemma_fails_at_w_star(short)) == "sat"
    zero = dataclasses.replace(act.RELU, w_star=act._q(0, 0))
    assert answer(act.lemma_fails_at_w_star(zero)) == "unsat"


def test_the_smoothness_statement_claims_the_strict_relu_pattern_for_relu_only():
    """What `bn_smooth_on_ball` proves, as `make activations` reports it: σ > 0, and for ReLU
    also the strict sign pattern of W* (the query's broken conditions), on the set's region.
    Kills the pattern phrase dropped, mangled or attached to t³ and t + t² (bn_smooth_on_ball
    33-41)."""
    assert act.bn_smooth_on_ball(act.RELU).statement == (
        "σ(w) > 0 and the ReLU pattern of W*, strictly, on ||w - W*||² < 1/400")
    assert act.bn_smooth_on_ball(act.CUBE).statement == "σ(w) > 0 on ||w - W*||² < 1/10"
    assert act.bn_smooth_on_ball(act.QUADRATIC).statement == (
        "σ(w) > 0 on the box |w_k - W*_k| < r, r² = 1/25 (it contains the ball ||w - W*||² < r²)")



# Six inputs whose centered outputs at w = (t, 0) are a = t·(3, 0, 1, 1, -2, -3), σ = 2t: the kink
# a_2 = w2 = 0 of x_2 holds the ray (t, 0), where z = (3/2, 0, 1/2, 1/2, -1, -3/2) fits y exactly.
KINK = act.ActivationSet("kink", "relu", tuple(act._q(a, b) for a, b in zip((3, 0, 1, 1, -2, -3),
                                                                              (0, 1, -1, 2, 0, -2))),
                         act._q("3/2", 0, "1/2", "1/2", 0, 0), act._q(1, "1/10"), Fraction(1, 50))


def test_a_bn_relu_minimiser_on_the_kink_of_an_active_point_is_outside_the_open_pattern_region():
    """KINK: L̂ = 0 at (1, 0) (SymPy, literal loss with Max(0, ·)): a global minimiser, on the kink
    a_2 = 0 of x_2, active at W = (1, 1/10) (pattern: x_1..x_4 active). The ball r² = 1/50 around
    W reaches it, but the open region of the strict pattern of W, where L̂ is the active-side
    formula, has no stationary point in that ball: unsat. Kills the active sign weakened to
    a_i >= 0 (`_pattern` 6: sat on the kink), the BN-before twin of `_after_pattern` 5."""
    w1, w2 = sympy.symbols("w1 w2", real=True)
    loss, _ = _literal_bn_loss(KINK, [w1, w2])
    assert loss.subs({w1: 1, w2: 0}) == 0
    assert act._Net(KINK).pattern(KINK.w_star) == [True] * 4 + [False] * 2
    assert answer(act.bn_no_stationary_point_on_ball(KINK)) == "unsat"

# --- BN after ReLU ------------------------------------------------------------------------------

# RELU_AFTER's inputs with y = (0, 1, 1): on its pattern region (w1 < 0, w2 < w1) L̂ is the BN loss
# of X' = ((0, 0), (-1, 0), (1, -1)), stationary on the ray of Σ'^(-1)c' = (-1, -2) (c' = (0, -1/9)),
# whose point (-8/5, -16/5) nearest W* = (-2, -3) is at squared distance 1/5, inside the region.
AFTER_Y011 = dataclasses.replace(act.RELU_AFTER, y=act._q(0, 1, 1))


def _literal_after_gradient(s, point):
    w1, w2 = sympy.symbols("w1 w2", real=True)
    X = sympy.Matrix([[sympy.Rational(v) for v in row] for row in s.X])
    h = [sympy.Max(0, e) for e in X * sympy.Matrix([w1, w2])]
    mean = sum(h) / len(h)
    sigma = sympy.sqrt(sum((hi - mean) ** 2 for hi in h) / len(h))
    loss = sum(((hi - mean) / sigma - sympy.Rational(yi)) ** 2 for hi, yi in zip(h, s.y)) / len(h)
    at = {w1: sympy.Rational(point[0]), w2: sympy.Rational(point[1])}
    return [sympy.simplify(sympy.diff(loss, v).subs(at)) for v in (w1, w2)]


def test_bn_after_relu_has_a_stationary_point_in_the_ball_it_is_asked_about():
    """AFTER_Y011: ∇L̂ = 0 at (-8/5, -16/5) (SymPy, literal loss with Max(0, ·)), at squared distance
    1/5 from W*: no stationary point for r² = 1/10 (the set's) and 1/5 (open ball), one for the
    passed r² = 1/4: sat. Kills the passed radius ignored (bn_after_relu_no_stationary_point_on_ball
    15, 18: the set's r² = 1/10 instead, unsat)."""
    assert _literal_after_gradient(AFTER_Y011, act._q("-8/5", "-16/5")) == [0, 0]
    assert answer(act.bn_after_relu_no_stationary_point_on_ball(AFTER_Y011)) == "unsat"
    assert answer(act.bn_after_relu_no_stationary_point_on_ball(AFTER_Y011, Fraction(1, 5))) == "unsat"
    assert answer(act.bn_after_relu_no_stationary_point_on_ball(AFTER_Y011, Fraction(1, 4))) == "sat"


def test_bn_after_relu_with_every_point_inactive_has_no_sigma_and_is_not_smooth():
    """x = (1, 0), (2, 0), (1, 1) and W = (-1, -1): every u_i < 0 near W, so h(w) = 0 and σ(h) = 0
    on the ball: "σ(h(w)) > 0" is false (sat) and "no stationary point" speaks of nothing
    (`vacuous`). Kills σ(h)² < 0 for <= 0 (bn_after_relu_smooth_on_ball 13: unsat) and the
    definitions dropped (bn_after_relu_no_stationary_point_on_ball 45: unsat, "proved")."""
    dark = dataclasses.replace(act.RELU_AFTER, X=(act._q(1, 0), act._q(2, 0), act._q(1, 1)),
                               w_star=act._q(-1, -1))
    assert answer(act.bn_after_relu_smooth_on_ball(dark)) == "sat"
    assert answer(act.bn_after_relu_no_stationary_point_on_ball(dark)) == "vacuous"


def test_bn_after_relu_claims_on_an_empty_ball_are_vacuous():
    """r² = 0: kills the premises dropped (bn_after_relu_smooth_on_ball 29,
    bn_after_relu_no_stationary_point_on_ball 46), which say `unsat`."""
    empty = dataclasses.replace(act.RELU_AFTER, radius_sq=Fraction(0))
    assert answer(act.bn_after_relu_smooth_on_ball(empty)) == "vacuous"
    assert answer(act.bn_after_relu_no_stationary_point_on_ball(empty)) == "vacuous"


def test_bn_after_relu_is_not_smooth_where_an_inactive_u_is_zero_or_crosses_zero():
    """A zero input x_3 = 0 has u_3 = 0 for every w: "every u_i keeps its strict sign" is false
    (sat). Around W = (2, 21/10) (u_3 = w1 - w2 = -1/10) the ball r² = 1/25 crosses u_3 = 0 with
    u_3 < 1/5 < 1 and the other signs kept: sat. Kills "inactive" weakened to u <= 0 (`_after_pattern`
    13) and u < 1 (14), which say `unsat`."""
    zero = dataclasses.replace(act.RELU_AFTER, X=(act._q(2, 0), act._q(-1, 0), act._q(0, 0)))
    assert answer(act.bn_after_relu_smooth_on_ball(zero)) == "sat"
    cross = dataclasses.replace(act.RELU_AFTER, w_star=act._q(2, "2.1"), radius_sq=Fraction(1, 25))
    assert answer(act.bn_after_relu_smooth_on_ball(cross)) == "sat"


def test_bn_after_relu_stationary_ray_on_a_kink_is_outside_the_open_pattern_region():
    """RELU_AFTER: the masked network's stationary rays are ±(1, 1) (Σ'^(-1)c' ∝ (-1, -1)), where
    u_3 = w1 - w2 = 0: on the kink of the point active at W*, not in the open region of the
    strict pattern of W*, where L̂ is that smooth formula. The ball r² = 1 reaches the ray
    (distance² 1/2) but ball ∩ region has no stationary point: unsat. Kills the active sign
    weakened to u >= 0 (`_after_pattern` 5: sat on the kink)."""
    assert answer(act.bn_after_relu_no_stationary_point_on_ball(act.RELU_AFTER, Fraction(1))) == "unsat"
