"""Kills of the surviving mutants of proofs/two_layer.py (third mutation run,
docs/mutation-testing.md): each test states a claim of the two-layer network with one BN hidden
unit that a surviving mutant got wrong, by a changed claim (the direction d, k*²) or a tie of the
stationarity query to the literal gradient of L̂₂ for a free claimed direction."""

from fractions import Fraction

import sympy
import z3
from z3.z3util import get_vars

from harness.learning_set import LearningSet, canonical
from harness.solver import decide_all
from harness.statistics import dot, exact_statistics
from harness.two_layer import WIDTH_TWO_HALF_SIDE, WIDTH_TWO_THETA0, setup
from proofs.two_layer import TwoLayer, two_layer_obligations, width_two_obligations
from tests.test_general_ties import _tie_fails

F = Fraction


def _outcomes(t, claim, names):
    """{name: Z3's outcome} of the named obligations, decided side by side."""
    obligations = [ob for ob in two_layer_obligations(t, claim) if ob.name in names]
    return {ob.name: outcome.result for ob, outcome in zip(obligations, decide_all(obligations, 10))}


def _claimed(d=None, k_sq=None):
    """The canonical set's TwoLayer with a claimed direction d and/or k*² in place of the true ones."""
    ls = canonical()
    t, claim = setup(ls)
    return TwoLayer(ls.X, ls.y, (F(2), F(0)), d if d is not None else (F(5), F(3)),
                    k_sq if k_sq is not None else t.k_sq), claim


def test_minimisers_claimed_with_the_opposite_direction_are_refuted():
    """Ŵ* = {(λd, sign(λ)k*)}: with -d claimed for d the sign of a is wrong on every minimiser
    ((λd, sign(λ)k*) = (-λ·(-d), sign(λ)k*)), so both claims have counterexamples."""
    t, claim = _claimed(d=(F(-5), F(-3)))
    outcomes = _outcomes(t, claim, {"two_layer_bn_minimisers_on_line", "two_layer_bn_optima_attain_bound"})
    assert outcomes == {"two_layer_bn_minimisers_on_line": "sat", "two_layer_bn_optima_attain_bound": "sat"}


def test_claims_about_a_k_star_squared_without_a_real_root_are_vacuous_not_proved():
    """k*² = -1 claimed: no real k* > 0 has k*² = -1, so every claim about k* must come back
    `vacuous` (its definitions are contradictory), never "proved"."""
    t, claim = _claimed(k_sq=F(-1))
    names = {"two_layer_bn_lower_bound", "two_layer_bn_optima_attain_bound",
             "two_layer_bn_minimisers_on_line", "two_layer_distance_lower_bound"}
    assert _outcomes(t, claim, names) == dict.fromkeys(names, "vacuous")


def test_minimisers_of_a_level_below_the_minimum_are_a_vacuous_claim_not_a_proof():
    """k*² = 5 > 38/9 claimed: no θ has L̂₂(θ) = mean(y²) - 5 (below the minimum), so "L̂₂(θ) =
    mean(y²) - k*² only if θ ∈ Ŵ*" has an unsatisfiable hypothesis: `vacuous`, not "proved"."""
    t, claim = _claimed(k_sq=F(5))
    assert _outcomes(t, claim, {"two_layer_bn_minimisers_on_line"}) == {"two_layer_bn_minimisers_on_line": "vacuous"}


def test_every_two_layer_statement_is_text():
    """`make two-layer` prints each obligation's statement beside its status (width 1 and 2)."""
    t, claim = setup(canonical())
    obligations = [*two_layer_obligations(t, claim),
                   *width_two_obligations(t, WIDTH_TWO_THETA0, WIDTH_TWO_HALF_SIDE)]
    assert all(isinstance(ob.statement, str) and ob.statement for ob in obligations)


def _literal_stationarity(ls, w, a, s):
    """The literal ∇L̂₂(w, a) = 0 for L̂₂ = (1/n) Σ (a·z_i - y_i)², z_i = (u_i - μ)/s, s = σ(w),
    by the chain rule (∂z_i/∂w_k = ((x_ik - x̄_k) - z_i·∂s/∂w_k)/s, ∂s/∂w_k = g_k =
    (1/n) Σ_j (u_j - μ)(x_jk - x̄_k)/s), the quotients named (z_i·s = u_i - μ, g_k·s = ...) and
    ∂L̂₂/∂w_k multiplied by s > 0; with <c,w> = (1/n) Σ (u_i - μ) y_i. Returns (hypotheses,
    gradient = 0, <c,w>) as Z3 terms, written without proofs/encoding.py."""
    n, dim = len(ls.X), len(ls.X[0])
    X = [[z3.RealVal(str(v)) for v in row] for row in ls.X]
    y = [z3.RealVal(str(v)) for v in ls.y]
    z, g = [z3.Real(f"lit.z{i}") for i in range(n)], [z3.Real(f"lit.g{k}") for k in range(dim)]
    u = [z3.Sum([X[i][k] * w[k] for k in range(dim)]) for i in range(n)]
    mu = z3.Sum(u) / n
    xbar = [z3.Sum([X[i][k] for i in range(n)]) / n for k in range(dim)]
    hypotheses = [s > 0, s * s == z3.Sum([(ui - mu) ** 2 for ui in u]) / n,
                  *[z[i] * s == u[i] - mu for i in range(n)],
                  *[g[k] * s == z3.Sum([(u[j] - mu) * (X[j][k] - xbar[k]) for j in range(n)]) / n
                    for k in range(dim)]]
    d_a = 2 * z3.Sum([(a * z[i] - y[i]) * z[i] for i in range(n)]) / n
    s_d_w = [2 * z3.Sum([(a * z[i] - y[i]) * a * ((X[i][k] - xbar[k]) - z[i] * g[k]) for i in range(n)]) / n
             for k in range(dim)]
    cw = z3.Sum([(u[i] - mu) * y[i] for i in range(n)]) / n
    return hypotheses, [d_a == 0, *[e == 0 for e in s_d_w]], cw


def test_the_literal_gradient_is_sympys_derivative_of_the_two_layer_bn_loss():
    ls = canonical()
    w1, w2, a = sympy.symbols("w1 w2 a", real=True)
    X = [[sympy.Rational(v) for v in row] for row in ls.X]
    y = [sympy.Rational(v) for v in ls.y]
    u = [row[0] * w1 + row[1] * w2 for row in X]
    mu, xbar = sum(u) / 3, [sum(row[k] for row in X) / 3 for k in range(2)]
    sigma = sympy.sqrt(sum((ui - mu) ** 2 for ui in u) / 3)
    loss = sum((a * (ui - mu) / sigma - yi) ** 2 for ui, yi in zip(u, y)) / 3
    for point in [{w1: 1, w2: 2, a: sympy.Rational(1, 3)}, {w1: -3, w2: 1, a: 2}]:
        s = sigma.subs(point)
        z = [((ui - mu) / s).subs(point) for ui in u]
        g = [(sum((uj - mu) * (row[k] - xbar[k]) for uj, row in zip(u, X)) / 3 / s).subs(point) for k in range(2)]
        d_a = 2 * sum((point[a] * z[i] - y[i]) * z[i] for i in range(3)) / 3
        assert sympy.simplify(sympy.diff(loss, a).subs(point) - d_a) == 0
        for k, var in enumerate((w1, w2)):
            s_d_w = 2 * sum((point[a] * z[i] - y[i]) * point[a] * ((X[i][k] - xbar[k]) - z[i] * g[k])
                            for i in range(3)) / 3
            assert sympy.simplify(s * sympy.diff(loss, var).subs(point) - s_d_w) == 0


def _the_other_variable(query, known):
    """The one variable of the query that is not in `known`."""
    (other,) = [v for v in get_vars(z3.And(*query)) if not any(v.eq(k) for k in known)]
    return other


NLSAT = ("simplify", "propagate-values", "solve-eqs", "qfnra-nlsat")


def test_the_stationary_point_query_follows_from_the_literal_gradient_for_every_claimed_direction():
    """"∇L̂₂(w, a) = 0 only if (w ∥ f, a = ρ(w)) or (a = 0, <c,w> = 0)" for a free claimed
    direction f != 0: its literal negation (∇L̂₂ = 0 literally, σ(w) > 0) implies the query, so
    `unsat` of the query proves the claim; a query with a wrong gradient (still unsat at f = d)
    has a model of "literal negation and not query" (f off the line through d, θ = (d, k*))."""
    t, claim = setup(canonical())
    f = [z3.Real("claim.f1"), z3.Real("claim.f2")]
    t.d = f
    query = next(ob for ob in two_layer_obligations(t, claim) if ob.name == "two_layer_bn_stationary_points").query
    w, a = t.theta()
    s = _the_other_variable(query, {*w, a, *f})            # σ(w), whatever the query names it
    hypotheses, gradient_zero, cw = _literal_stationarity(canonical(), w, a, s)
    parallel = w[0] * f[1] == w[1] * f[0]
    negation = z3.And(*hypotheses, *gradient_zero, z3.Or(f[0] != 0, f[1] != 0),
                      z3.Not(z3.Or(z3.And(parallel, a * s == cw), z3.And(a == 0, cw == 0))))
    assert not _tie_fails(negation, query, NLSAT)


def test_the_two_layer_refutation_holds_on_a_set_with_w_star_zero_at_theta0_0_1():
    """x = (0,0), (0,1), (1,0), y = (1, 0, 0): Xᵀy = 0, so W* = 0, while c = -(1/9, 1/9) != 0,
    d = -(1, 1), k*² = 2/9. θ0 = (W*, 1) = (0, 0, 1) is a standard optimum (a·w = 0 = W*), its
    squared distance to Ŵ* = {(λd, sign(λ)k*)} is inf (2λ² + (1 ∓ k*)²) = (1 - k*)² = 11/9 - 2k*
    (not attained), and the right side of (L4.5) at W0 = θ* = θ0 is 0: every step is proved and
    (L4.5) fails, with the witness reporting that right side 0."""
    ls = LearningSet(X=((F(0), F(0)), (F(0), F(1)), (F(1), F(0))), y=(F(1), F(0), F(0)), name="W* = 0")
    s = exact_statistics(ls)
    assert tuple(s.w_star) == (0, 0) and tuple(s.bn_direction) == (-1, -1)
    k_sq = dot(s.c, s.bn_direction)
    assert k_sq == F(2, 9)
    t, claim = TwoLayer(ls.X, ls.y, s.w_star, s.bn_direction, k_sq), (1 + k_sq, F(-2))
    obligations = two_layer_obligations(t, claim)
    outcomes = decide_all(obligations, 10)
    assert [o.result for o in outcomes] == [ob.expected for ob in obligations]
    witness = outcomes[-1].witness
    assert witness["rhs"] == 0
    assert sympy.simplify(witness["D"] - (sympy.Rational(11, 9) - 2 * sympy.sqrt(2) / 3)) == 0


def test_a_bn_optimum_lies_within_one_tenth_of_theta0_d_2d_3_2_1_2_for_width_two():
    """θ0 = (W₁₁, W₁₂, w₂) = (d, 2d, (3/2, 1/2)): θ* = (d, 2d, ((k*+1)/2, (k*-1)/2)) has
    σ(W₁₁) = k*, σ(W₁₂) = 2k*, so v(θ*) = (w₂₁ + w₂₂)d/k* = d, and every coordinate of θ* is
    within 1/10 of θ0 (k* ≈ 2.055): the claim "no θ in that box has v(θ) = d" is false. θ* itself
    is a model of the query (its literal counterexample, with σ₁ = k*, σ₂ = 2k*), and the query is sat."""
    t, _ = setup(canonical())
    theta0 = (F(5), F(3), F(10), F(6), F(3, 2), F(1, 2))
    ob = next(o for o in width_two_obligations(t, theta0, F(1, 10)) if o.name == "width_two_no_bn_optimum_near_theta0")
    k = z3.Real("lit.k")
    theta = [get_vars(side)[0] for side in ob.premises]   # the box: one side per coordinate of θ
    point = [x == value for x, value in zip(theta, (5, 3, 10, 6, (k + 1) / 2, (k - 1) / 2))]
    solver = z3.Solver()
    solver.set("timeout", 10000, "random_seed", 0)
    solver.add(*ob.query, *point, k > 0, k * k == z3.RealVal("38/9"))
    assert solver.check() == z3.sat
    assert decide_all([ob], 10)[0].result == "sat"


def test_a_width_two_box_without_points_or_without_variance_is_a_vacuous_claim_not_a_proof():
    """"No θ with every |θ_k - θ0_k| < h has v(θ) = d" is vacuous when the box is empty (h = 0)
    and when σ(W₁ⱼ) > 0 is impossible (all inputs equal: BN divides by σ = 0): `vacuous`, never
    "proved"."""
    t, _ = setup(canonical())
    same_x = TwoLayer(((F(1), F(0)),) * 3, canonical().y, (F(2), F(0)), (F(5), F(3)), t.k_sq)
    theta0 = (F(5), F(3), F(10), F(6), F(3, 2), F(1, 2))
    obligations = [next(o for o in width_two_obligations(tl, theta0, h) if o.name == "width_two_no_bn_optimum_near_theta0")
                   for tl, h in ((t, F(0)), (same_x, F(1, 10)))]
    assert [outcome.result for outcome in decide_all(obligations, 10)] == ["vacuous", "vacuous"]
