"""Hand mutations of proofs/variants/ (docs/mutation-testing.md, "Hand mutations"): each test states
a claim of a variant obligation and fails on a mutant of the module that survived the rest of the
suite. Either a wrong claimed value (or a wrong closed form) must make the obligation `sat`, or a
point of the statement's own domain must satisfy the obligation's premises (a narrowed domain
proves less)."""

import dataclasses
import importlib
from fractions import Fraction

import pytest
import z3

from harness.learning_set import canonical, load_json
from harness.solver import decide_all
from harness.statistics import exact_statistics
from harness.variants import DEFAULT_EPSILON, variant_claims, verdict
from proofs.obligation import Obligation
from proofs.variants import variant_obligations
from tests.conftest import F

line_optima = importlib.import_module("proofs.variants.line_optima")


def claims_for(variant, ls=None, **changes):
    ls = ls or canonical()
    return dataclasses.replace(variant_claims(ls, exact_statistics(ls), variant, DEFAULT_EPSILON), **changes)


def obligation(variant, name, ls=None, **changes):
    return next(o for o in variant_obligations(variant, claims_for(variant, ls, **changes)) if o.name == name)


def answers(obligations, timeout_s=20):
    return [o.result for o in decide_all(list(obligations), timeout_s)]


def hypotheses_at(ob: Obligation, values: dict) -> Obligation:
    """The obligation's definitions and premises with some variables fixed: sat iff the
    statement's hypotheses admit this point."""
    fixed = [z3.Real(name) == z3.RealVal(str(Fraction(v))) for name, v in values.items()]
    return Obligation(f"{ob.name}@point", "the hypotheses admit the point", "sat",
                      (*ob.definitions, *ob.premises, *fixed))


# canonical set: c = (7/9, 1/9) (docs/spec.md §3 by hand), d = (5, 3); w = (1, -7) has <c,w> = 0,
# is off the line through d and has σ(w) > 0 (outputs 0, -7, 1).
C_ORTHOGONAL_W = {"w1": 1, "w2": -7}


@pytest.mark.parametrize("name, point", [
    ("profile_off_line_not_minimum", {**C_ORTHOGONAL_W, "e": 1}),   # <c,w> = 0: either sign of e
    ("profile_off_line_not_minimum", {**C_ORTHOGONAL_W, "e": -1}),
])
def test_off_line_points_orthogonal_to_c_are_inside_the_claim(name, point):
    """Kills `e·<c,w> >= 0` -> `e·<c,w> > 0` (w with <c,w> = 0 is a maximum of m, not a minimiser)."""
    assert answers([hypotheses_at(obligation("gamma-beta", name), point)]) == ["sat"]


def test_a_zero_direction_is_not_proved_a_line_of_bn_optima():
    """σ(t·d) > 0 is part of the claim: with d = 0 it fails (kills the dropped `σ²(td) <= 0`)."""
    assert answers([obligation("gamma-beta", "profile_line_is_global_minimum", bn_direction=F(0, 0))]) == ["sat"]


# ---- the distance to the line of optima (trainable γ, β): a lower bound and the infimum ---------

def line_distance_too_small_where(case):
    """Λ(W0) = ||W0||² - <W0,d>²/||d||², 1/2 too small where <W0,d> is zero or nonzero only."""
    from proofs.encoding import dot
    true = line_optima.line_distance_sq

    def distance(w0, d):
        right = dot(w0, d) == 0 if case == "zero" else dot(w0, d) != 0
        return z3.If(right, true(w0, d) - z3.RealVal("1/2"), true(w0, d))
    return distance


@pytest.mark.parametrize("case", ["zero", "nonzero"])
def test_a_line_distance_too_small_in_one_case_is_not_proved_the_infimum(case, monkeypatch):
    """Kills "attained" or "approached" dropped and `eps > 0` -> `eps > 1` (at <W0,d> = 0 the
    query's t gives ||W0 - t·d||² - Λ = ε²||d||²/(ε||d||² + 1)², below ε - 1/2 only for ε > 2/3)."""
    monkeypatch.setattr(line_optima, "line_distance_sq", line_distance_too_small_where(case))
    assert answers([obligation("gamma-beta", "line_distance_attained")]) == ["sat"]


def test_the_distance_to_the_ray_is_not_proved_a_lower_bound_for_the_line(monkeypatch):
    """The ray's closed form is too large at W0 with <W0,d> < 0, for t < 0 only: kills
    `t != 0` -> `t > 0` in line_distance_lower_bound."""
    from proofs.encoding import ray_distance_sq
    monkeypatch.setattr(line_optima, "line_distance_sq", ray_distance_sq)
    assert answers([obligation("gamma-beta", "line_distance_lower_bound")]) == ["sat"]


# ---- a bias in the standard network, PyTorch's origin ---------------------------------------------

def test_a_bias_optimum_that_is_not_unique_is_not_proved_unique():
    """The first column of X is constant, so it trades off against the bias: ((0, 3/2), 5/6) and
    ((1, 3/2), -1/6) both minimise L(w, b) (slope 3/2 and mean fit of y = 1, 2, 4 on 0, 1, 2, by
    hand). Kills `<=` -> `<` in bias_standard_optimum (ties lost: uniqueness no longer claimed)."""
    from proofs.variants.bias import bias_standard_optimum
    from proofs.variants.claims import VariantClaims
    X = (F(1, 0), F(1, 1), F(1, 2))
    claims = VariantClaims(X=X, y=F(1, 2, 4), w_star=F(0, "3/2"), bn_direction=F(0, 1),
                           k_star_sq=Fraction(0), intercept=Fraction(5, 6))
    assert answers([bias_standard_optimum(claims)]) == ["sat"]


def test_the_origin_is_not_proved_above_a_variance_larger_than_var_y(monkeypatch):
    """torch_origin_not_minimum claims L̂_ε(0, γ, β) >= Var(y): with Var(y) + 1 in its place the
    obligation must fail (at β = ȳ). Kills the dropped `at_origin < Var(y)` disjunct."""
    pytorch = importlib.import_module("proofs.variants.pytorch_default")
    true = pytorch.target_variance
    monkeypatch.setattr(pytorch, "target_variance", lambda net: true(net) + 1)
    assert answers([obligation("torch", "torch_origin_not_minimum")]) == ["sat"]


# ---- ε > 0: a single optimum p always fails (L4.5), at W* or at 2W* ------------------------------

@pytest.mark.parametrize("holds_at, p", [("w_star", (1, 0)), ("twice_w_star", (2, 0))])
def test_the_lemma_holds_at_the_point_that_is_the_single_optimum(holds_at, p):
    """With Ŵ* = {p} and W* = (1, 0), (L4.5) holds at W0 = p (both sides 0): the encoded "holds
    at W*" (p = W*) and "holds at 2W*" (p = 2W*) must then be true. Their conjunction is the
    obligation's negated conclusion, so each is tested alone (the other conjunct dropped). Kills
    a wrong ||2W* - p||² (e.g. 4a - 2b + g)."""
    ob = obligation("epsilon", "eps_lemma_fails_for_a_single_optimum",
                    load_json("examples/variants/canonical_y_over_3.json"))
    *premises, at_w_star, at_twice = ob.query
    assert len(premises) == 3 and list(ob.premises) == premises
    point = Obligation("holds_at_p", "(L4.5) holds at W0 = p", "sat",
                       (*premises, at_w_star if holds_at == "w_star" else at_twice,
                        z3.Real("a") == 1, z3.Real("b") == p[0], z3.Real("g") == p[0] ** 2))
    assert answers([point]) == ["sat"]


def test_the_single_optimum_may_be_the_origin():
    """"For every point p": p = 0 (g = ||p||² = 0) is inside the premises. Kills `g >= 0` -> `g > 0`."""
    ob = obligation("epsilon", "eps_lemma_fails_for_a_single_optimum",
                    load_json("examples/variants/canonical_y_over_3.json"))
    assert answers([hypotheses_at(ob, {"a": 1, "b": 0, "g": 0})]) == ["sat"]


def test_the_quadrant_normals_are_orthogonal_because_both_are_unit_vectors():
    """line_quadrant_in_general's <ŵ - d̂, ŵ + d̂> = 0 is decided on vectors, not written out by
    hand ((1 - cos) + (cos - 1), which no mutation of the data can make fail): with ||d̂|| free the
    answer flips."""
    ob = obligation("gamma-beta", "line_quadrant_in_general")
    v_unit = (z3.Real("v1") * z3.Real("v1") + z3.Real("v2") * z3.Real("v2")) == 1
    keep = lambda cs: tuple(c for c in cs if not c.eq(v_unit))
    assert len(keep(ob.query)) == len(ob.query) - 1
    assert answers([dataclasses.replace(ob, query=keep(ob.query), premises=keep(ob.premises))]) == ["sat"]


def test_epsilon_with_k_star_exactly_one_has_no_bn_optimum_and_every_obligation_is_proved():
    """y = 2·x1 + 1 on the unit square: an exact affine fit with Var(y) = 1, so k*² = Var(y)·R² = 1
    (by hand). k* >= 1 is the no-optimum case; λ_ε² (1 - k*²) = ε has no solution at k*² = 1, so
    treating k*² = 1 as "one optimum" (`<` -> `<=`) makes obligations vacuous."""
    from harness.learning_set import LearningSet
    ls = LearningSet(X=(F(0, 0), F(1, 0), F(0, 1), F(1, 1)), y=F(1, 3, 1, 3), name="k_star_one")
    claims = claims_for("epsilon", ls)
    assert claims.k_star_sq == 1
    assert verdict("epsilon", exact_statistics(ls), claims)["verdict"] == "no BN optimum"
    obligations = variant_obligations("epsilon", claims)
    assert "eps_no_stationary_point" in {o.name for o in obligations}
    assert answers(obligations) == [o.expected for o in obligations]


def test_the_single_optimum_cross_check_fails_where_the_lemma_would_hold(monkeypatch):
    """The SymPy cross-check of eps_lemma_fails_for_a_single_optimum evaluates (L4.5) at sample
    pairs (W*, p) (it used to add the tautology (2W* - p) - (W* - p) = W*): with a right side
    raised by 10⁶ at numeric points the lemma holds there, and the check must fail."""
    import harness.variant_checks as checks
    from harness.solver import Outcome
    from harness.variant_evaluator import VariantEvaluator
    true = checks.lemma_sides

    def raised(w0, w_star, d):
        left, right = true(w0, w_star, d)
        return left, right if w_star.free_symbols else right + 10 ** 6
    monkeypatch.setattr(checks, "lemma_sides", raised)
    ls = load_json("examples/variants/canonical_y_over_3.json")
    ctx = checks.Context(claims_for("epsilon", ls), VariantEvaluator(ls.X, ls.y))
    passed, _ = checks.variant_cross_check("eps_lemma_fails_for_a_single_optimum", ctx, Outcome("unsat", 0.0))
    assert not passed


def test_a_witness_outside_the_lemmas_premise_fails_the_line_cross_check():
    """line_negated_lemma is sat with a witness; Z3 checks <W0,W*> > 0 only as written in the
    query, so a query weakened to >= 0 could return an inadmissible W0. The SymPy cross-check
    rejects it independently: W0 = (-1, 0) on the canonical set has Λ = 9/34 > RHS = 0 (by hand)
    but <W0, W*> = -2."""
    from sympy import Rational

    from harness.solver import Outcome
    from harness.variant_checks import Context, variant_cross_check
    from harness.variant_evaluator import VariantEvaluator
    ls = canonical()
    ctx = Context(claims_for("gamma-beta"), VariantEvaluator(ls.X, ls.y))
    witness = {"W0_1": Rational(-1), "W0_2": Rational(0), "lhs": Rational(9, 34), "rhs": Rational(0)}
    passed, _ = variant_cross_check("line_negated_lemma", ctx, Outcome("sat", 0.0, witness))
    assert not passed
    admissible = {**witness, "W0_1": Rational(1), "lhs": Rational(9, 34)}   # (1, 0): also 9/34 > 0
    assert variant_cross_check("line_negated_lemma", ctx, Outcome("sat", 0.0, admissible))[0]


def test_the_quadrant_normals_are_not_proved_nonzero_when_w_star_is_on_the_opposite_ray():
    """W* = -2d: ŵ + d̂ = 0, so "ŵ - d̂ and ŵ + d̂ are nonzero" is false (kills the dropped
    "ŵ + d̂ = 0" disjunct; the existing mutation test, W* = 2d, covers ŵ - d̂ = 0)."""
    ob = next(o for o in line_optima.line_failure_region(claims_for("gamma-beta", w_star=F(-10, -6)))
              if o.name == "line_quadrant_normals_orthogonal")
    assert answers([ob]) == ["sat"]


# ---- ε > 0: the stationary point on the line and the global minimum --------------------------------

def test_a_stationary_point_on_the_opposite_ray_is_not_proved_to_have_lambda_positive():
    """eps_stationary_on_line_in_general concludes λ > 0 (with λ²(1 - k*²) = ε): with its
    stationarity premise mirrored (λ -> -λ, so a stationary point at -λ_ε) it must be sat.
    Kills the dropped `λ <= 0` disjunct."""
    ob = obligation("epsilon", "eps_stationary_on_line_in_general")
    lam = z3.Real("lam")
    mirrored = tuple(z3.substitute(p, (lam, -lam)) for p in ob.premises)
    assert all(q.eq(p) for q, p in zip(ob.query, ob.premises)) and len(ob.query) == len(ob.premises) + 1
    flipped = dataclasses.replace(ob, query=(*mirrored, ob.query[-1]), premises=mirrored)
    assert answers([flipped]) == ["sat"]


def test_a_claimed_point_optimum_where_there_is_none_is_not_proved_stationary():
    """Canonical set: k*² = 38/9 >= 1, no stationary point at all. Claimed k*² = 1/2 gives a
    λ_ε, but ∇L̂_ε(λ_ε·d) != 0: eps_unique_stationary_point must be sat (kills the dropped
    "w_ε is stationary" disjunct; "no other stationary point" is vacuously true here)."""
    from proofs.variants.epsilon import eps_unique_stationary_point
    assert answers([eps_unique_stationary_point(claims_for("epsilon", k_star_sq=Fraction(1, 2)))]) == ["sat"]


def test_the_global_minimum_bound_fails_for_a_wrong_covariance(monkeypatch):
    """eps_global_minimum claims σ² - 2<c,w>σ_ε + k*²σ_ε² >= 0 (L̂_ε >= mean(y²) - k*²) for every
    w: with <c,w> doubled it is false (the value at w_ε does not use <c,w>). Kills the dropped
    bound."""
    from proofs.encoding import Network

    class WrongCovariance(Network):
        def cov_with_targets(self, w):
            return 2 * super().cov_with_targets(w)
    epsilon_module = importlib.import_module("proofs.variants.epsilon")
    monkeypatch.setattr(epsilon_module, "Network", WrongCovariance)
    ob = obligation("epsilon", "eps_global_minimum", load_json("examples/variants/canonical_y_over_3.json"))
    assert answers([ob]) == ["sat"]


def test_a_variant_obligation_with_the_opposite_answer_makes_prove_variant_unproved(monkeypatch):
    """`prove --variant` says proved only if every obligation has its expected answer: one
    obligation expected unsat that Z3 finds sat (W0 = W* fails (L4.5) on the canonical set) must
    make the report unproved (kills `proved = True`)."""
    import harness.variants as variants
    real = variants.variant_obligations

    def one_wrong(variant, claims):
        ob = next(o for o in real(variant, claims) if o.name == "line_lemma_fails_at_w_star")
        return [dataclasses.replace(ob, expected="unsat")]
    monkeypatch.setattr(variants, "variant_obligations", one_wrong)
    report = variants.prove_variant(canonical(), "gamma-beta", samples=0)
    assert [r["result"] for r in report["obligations"]] == ["sat"] and report["proved"] is False
