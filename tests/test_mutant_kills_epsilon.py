"""Third mutmut run over proofs/variants/epsilon.py (BN with ε > 0, γ = 1, β = 0): each test states
a claim of an obligation and fails on a surviving mutant that is observable (docs/mutation-testing.md,
"Third run: proofs/variants/epsilon.py"). Small learning sets whose values are worked by hand, and
claimed values changed one at a time."""

import importlib
from fractions import Fraction

import sympy
import z3

from harness.learning_set import LearningSet, load_json
from harness.solver import decide_all
from harness.statistics import exact_statistics
from harness.variant_checks import Context, variant_cross_check
from harness.variant_evaluator import VariantEvaluator
from proofs.obligation import Obligation
from proofs.variants import variant_obligations
from proofs.variants.claims import VariantClaims
from tests.conftest import F
from tests.test_variants_mutations import Y3, claims_for

epsilon_module = importlib.import_module("proofs.variants.epsilon")
EPS = Fraction(1, 100_000)


def answers(obligations):
    return [outcome.result for outcome in decide_all(obligations, 10.0)]


# x = -1, 1 (dimension 1): Σ = 1, c = Cov(x, y) = 431/640, so k*² = (431/640)² ≈ 0.4535.
# Claimed: d = 1 and k*² = K = 7/16, so λ_ε = sqrt(ε/(1 - K)) and at w_ε = λ_ε,
# u = σ(w_ε)/σ_ε(w_ε) = sqrt(1/(2 - K)) = 4/5 and L̂_ε(w_ε) = mean(y²) + u² - 2·c·u = mean(y²) - 7/16:
# the claimed minimum value is attained at the claimed point, but it is not the minimum.
ONE_D = VariantClaims(X=(F(-1), F(1)), y=F(0, Fraction(431, 320)), w_star=F(1), bn_direction=F(1),
                      k_star_sq=Fraction(7, 16), epsilon=EPS)


def test_the_global_minimum_claim_is_refuted_by_a_lower_w_off_the_sphere_of_w_eps():
    """With a claimed k*² = 7/16 below the true (431/640)², "L̂_ε(w) >= L̂_ε(w_ε) = mean(y²) - 7/16
    for every w" is false: L̂_ε = mean(y²) - (431/640)² at σ(w)/σ_ε(w) = 431/640, so the query is
    sat. The value part holds (SymPy, from the literal loss), so only a lower w can refute it, and
    every w with σ(w) = σ(w_ε) (w = ±w_ε) is no lower. Kills σ_ε(w_ε) and σ_ε(w) made one variable
    (`_sigma_eps(..., )`, mutant 38; Real(None) for every σ_ε, _sigma_eps 4), which looks only
    at those w."""
    w = sympy.sqrt(sympy.Rational(EPS) / (1 - sympy.Rational(7, 16)))
    u = [w * x[0] for x in ONE_D.X]
    mean_u, n = sum(u) / 2, len(u)
    sigma_eps = sympy.sqrt(sum((ui - mean_u) ** 2 for ui in u) / n + sympy.Rational(EPS))
    loss = sum(((ui - mean_u) / sigma_eps - sympy.Rational(yi)) ** 2 for ui, yi in zip(u, ONE_D.y)) / n
    mean_sq = sum(sympy.Rational(yi) ** 2 for yi in ONE_D.y) / n
    assert sympy.simplify(loss - (mean_sq - sympy.Rational(7, 16))) == 0
    assert answers([epsilon_module.eps_global_minimum(ONE_D)]) == ["sat"]


# x₂ ≡ 0 and y constant: c = 0, Σ = diag(2/3, 0); the claimed direction (0, 1) spans the kernel of Σ.
FLAT = VariantClaims(X=(F(0, 0), F(1, 0), F(2, 0)), y=F(1, 1, 1), w_star=F(1, 0), bn_direction=F(0, 1),
                     k_star_sq=Fraction(0), epsilon=EPS)


def test_uniqueness_of_the_stationary_point_is_refuted_on_a_line_of_stationary_points():
    """On FLAT, ∇L̂_ε(w) ∝ (ε + <c,w>σ_ε)Σw - c·σ_ε³ = εΣw = 0 at every w = λ(0, 1): λ_ε = sqrt(ε)
    (k*² = 0) is stationary, but so is every other λ, and "∇L̂_ε(λd) = 0 iff λ = λ_ε" is false:
    sat. Kills the query reduced to "λ_ε is not stationary" (mutant 41), which proves it. (Only a
    set with c = 0 and a singular Σ can: where c != 0 the stationary points form an affine
    subspace λ_ε·d + ker Σ that misses 0, which a line through 0 meets at most once.)"""
    assert answers([epsilon_module.eps_unique_stationary_point(FLAT)]) == ["sat"]


def test_claims_about_w_eps_with_a_claimed_k_star_at_least_one_are_vacuous_not_proved():
    """w_ε = sqrt(ε/(1 - k*²))·d exists only for k*² < 1: with a claimed k*² = 3/2 on the y/3 set
    every obligation about w_ε speaks of nothing and must say `vacuous`. Kills the `definitions`
    dropped from eps_unique_stationary_point (31), eps_global_minimum (63), eps_negated_lemma (eps_lemma
    36: a false refutation `unsat`) and eps_lemma_fails_at_w_star (80), which answer instead."""
    obligations = []
    for flag in (False, True):
        claims = claims_for("epsilon", Y3, k_star_sq=Fraction(3, 2), w_star_is_w_eps=flag)
        obligations += [epsilon_module.eps_unique_stationary_point(claims),
                        epsilon_module.eps_global_minimum(claims), *epsilon_module.eps_lemma(claims)]
    assert answers(obligations) == ["vacuous"] * 8


def test_without_variance_and_with_eps_zero_there_is_no_sigma_eps_and_the_claims_are_vacuous():
    """All x equal: σ(w) = 0 for every w, so with ε = 0 no s > 0 has s² = σ²(w) + ε, and the
    identities and "no stationary point" speak of nothing: `vacuous`. (For ε > 0 the root always
    exists.) Kills the `definitions` dropped from eps_loss_identity (40), eps_ray_derivative (43)
    and eps_no_stationary_point (18), which skip the check and report them proved, and the root
    widened to s >= 0 (_sigma_eps 5), which takes s = 0 for σ_ε."""
    claims = VariantClaims(X=(F(1), F(1), F(1)), y=F(0, 1, 2), w_star=F(1), bn_direction=F(1),
                           k_star_sq=Fraction(2), epsilon=Fraction(0))
    assert answers([epsilon_module.eps_loss_identity(claims), epsilon_module.eps_ray_derivative(claims),
                    epsilon_module.eps_no_stationary_point(claims)]) == ["vacuous"] * 3


def test_the_lemma_at_a_claimed_w_star_zero_is_vacuous_not_proved():
    """W0 = W* = 0 is not admissible (<W0,W*> > 0 fails): "(L4.5) holds at W0 = W* = w_ε" speaks of
    nothing there (c = 0 and W* = 0 make W* = w_ε = 0 a real case). Kills its premise <W*,W*> > 0
    dropped (eps_lemma 81, 114) or widened to >= 0 (120), which report it proved."""
    claims = claims_for("epsilon", Y3, w_star=F(0, 0), w_star_is_w_eps=True)
    assert answers([epsilon_module.eps_lemma(claims)[1]]) == ["vacuous"]


def test_every_epsilon_statement_is_text_and_the_stationarity_statement_speaks_of_sigma_eps():
    """`prove --variant epsilon` prints each statement; on the y/3 set (k* < 1) the obligations
    about w_ε are there too. eps_stationary_points_on_line reuses the paper's query, and its
    statement says why: ∇L̂_ε = 0 has the form c·v = k·Σw with v = σ_ε³. Kills `statement=None`
    (eps_global_minimum 55, eps_unique_stationary_point 23, eps_lemma 26, 69,
    eps_lemma_fails_for_a_single_optimum 45) and the paper's statement kept (eps_stationary_points_on_line
    6: "σ(w) > 0", false for ε > 0) or mangled (12: "Σ_Ε")."""
    for path in (None, Y3):
        for ob in variant_obligations("epsilon", claims_for("epsilon", path)):
            assert isinstance(ob.statement, str) and ob.statement.strip(), ob.name
            if ob.name == "eps_stationary_points_on_line":
                assert "σ_ε" in ob.statement and "σ(w) > 0" not in ob.statement


def test_the_lemma_fails_on_y_over_3_with_witnesses_that_sympy_confirms():
    """On the y/3 set (docs/variants.md): some admissible W0 has ||W0 - w_ε||² > RHS, and W0 = W*
    (||W*||² = 4/9) does; the SymPy cross-check reads each witness's W0 and both sides. Kills
    <W*,W*> > 1 in place of > 0 (eps_lemma 98: unsat, since 4/9 < 1) and the witness of
    eps_lemma_fails_at_w_star dropped or its keys renamed (79, 105, 106, 108, 109)."""
    ls = load_json(Y3)
    claims = claims_for("epsilon", Y3)
    obligations = epsilon_module.eps_lemma(claims)
    outcomes = decide_all(obligations, 10.0)
    assert [o.result for o in outcomes] == ["sat", "sat"]
    ctx = Context(claims, VariantEvaluator(ls.X, ls.y))
    for ob, outcome in zip(obligations, outcomes):
        assert variant_cross_check(ob.name, ctx, outcome)[0], ob.name


def test_every_model_of_the_negated_lemma_query_is_a_strict_counterexample():
    """A sat answer proves "some W0 fails (L4.5)" only if each model is a counterexample: the query
    with "||W0 - w_ε||² <= RHS(W0)" added (RHS written out from the paper; w_ε = μ·d with its own
    root μ > 0, μ²(1 - k*²) = ε) must be unsat. Kills `>=` for `>` (eps_lemma 51), whose models
    include W0 where (L4.5) holds with equality."""
    claims = claims_for("epsilon", Y3)
    ob = epsilon_module.eps_lemma(claims)[0]
    w0 = [ob.witness[f"W0_{k + 1}"] for k in range(len(claims.w_star))]
    mu = z3.Real("mu_literal")
    q = lambda v: z3.RealVal(f"{v.numerator}/{v.denominator}")                       # noqa: E731
    w_star, d = [q(v) for v in claims.w_star], [q(v) for v in claims.bn_direction]
    dot = lambda a, b: sum(x * y for x, y in zip(a, b))                              # noqa: E731
    diff = lambda a, b: [x - y for x, y in zip(a, b)]                                # noqa: E731
    norm_sq = dot(w_star, w_star)
    rhs = dot(diff(w0, w_star), diff(w0, w_star)) - (norm_sq - dot(w_star, w0)) ** 2 / norm_sq
    w_eps = [mu * di for di in d]
    holds = (mu > 0, mu * mu * (1 - q(claims.k_star_sq)) == q(claims.epsilon),
             dot(diff(w0, w_eps), diff(w0, w_eps)) <= rhs)
    assert answers([Obligation("strict", "", "unsat", (*ob.query, *holds))]) == ["unsat"]


def test_a_wrong_claimed_lambda_eps_is_refuted_in_general():
    """eps_stationary_on_line_in_general concludes λ²(1 - k*²) = ε; with the claimed value 2ε in
    its place the conclusion is false (the stationary λ has λ²(1 - k*²) = ε != 2ε): sat. Kills the
    conclusion's third disjunct dropped (mutant 46), which proves only k*² < 1 and λ > 0 and never
    looks at the claimed value."""
    assert answers([epsilon_module.eps_stationary_on_line_in_general(lambda eps: 2 * eps),
                    epsilon_module.eps_stationary_on_line_in_general()]) == ["sat", "unsat"]


def test_the_two_hand_made_sets_have_the_statistics_their_comments_state():
    """ONE_D: Σ = 1 (σ²(1) = 1), c = 431/640 and a claimed K = 7/16 below k*² = (431/640)²; FLAT:
    c = 0 and Σ of rank 1 (its kernel is the claimed direction (0, 1))."""
    one = exact_statistics(LearningSet(X=ONE_D.X, y=ONE_D.y, name="one_d"))
    assert one.c == F(Fraction(431, 640)) and one.bn_direction == F(Fraction(431, 640))
    assert ONE_D.k_star_sq < Fraction(431, 640) ** 2
    flat = exact_statistics(LearningSet(X=FLAT.X, y=FLAT.y, name="flat"))
    assert flat.c == F(0, 0) and flat.sigma_rank == 1
