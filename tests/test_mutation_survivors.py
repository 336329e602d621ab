"""Tests written against the mutants that survived `make mutate` (docs/mutation-testing.md).

Each test checks a claim, not the text of a query: it changes the learning set, the claimed
value or the solver's input and expects the definite opposite answer, so it stays valid when an
obligation's encoding is rewritten."""

import dataclasses
import importlib
from fractions import Fraction
from pathlib import Path

import pytest
import z3

from harness.learning_set import load_json
from harness.solver import decide, decide_smt2
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics
from proofs import all_obligations
from proofs.obligation import Obligation
from proofs.claims import Surd
from proofs.encoding import dot, ray_distance_sq, sq_norm

SMT2 = Path(__file__).resolve().parent.parent / "proofs" / "smt2"


@pytest.mark.parametrize("name", ["negated_lemma", "standard_optimum"])
def test_z3_decides_an_exported_canonical_obligation_as_its_declared_status(name):
    text = (SMT2 / f"{name}.smt2").read_text()
    declared = "sat" if "(set-info :status sat)" in text else "unsat"
    assert decide_smt2(text, timeout_s=10).result == declared


def _decide(claims, name):
    ob = next(o for o in all_obligations(claims) if o.name == name)
    return decide(ob, timeout_s=10).result


def _flat_data(claims):
    """Every input the same point: σ(w) = 0 for every w, so "for all w with σ(w) > 0" is empty."""
    return dataclasses.replace(claims, X=tuple((Fraction(1), Fraction(2)) for _ in claims.y))


def test_bn_loss_identity_on_data_with_zero_variance_everywhere_is_vacuous_not_proved(canonical_claims):
    assert _decide(_flat_data(canonical_claims), "bn_loss_identity") == "vacuous"


def _opposite_direction(claims):
    return dataclasses.replace(claims, bn_direction=tuple(-v for v in claims.bn_direction))


def test_opposite_ray_is_not_proved_to_be_the_global_bn_minimum(canonical_claims):
    """-t·d (t > 0) has <c,-td> < 0: L̂ is maximal there, so the claim is false (sat)."""
    assert _decide(_opposite_direction(canonical_claims), "bn_ray_is_global_minimum") == "sat"


def test_true_ray_is_not_proved_to_be_a_non_minimum(canonical_claims):
    """With the direction claimed as -d, "the opposite ray holds no local minimiser" speaks of
    the true ray t·d, where L̂ is minimal: the claim is false (sat)."""
    assert _decide(_opposite_direction(canonical_claims), "bn_opposite_ray_not_minimum") == "sat"


def _points(*rows):
    return tuple(tuple(Fraction(v) for v in row) for row in rows)


def _on_first_axis(claims):
    """Inputs 0, 1, 2 on the first axis, y = (0, 1, 3): Σ = diag(2/3, 0) is singular, c = (1, 0),
    d = (3/2, 0) solves Σd = c. L̂ depends on w1 only."""
    return dataclasses.replace(claims, X=_points((0, 0), (1, 0), (2, 0)), y=_points((0, 1, 3))[0],
                               bn_direction=_points((Fraction(3, 2), 0))[0])


def test_stationary_points_are_not_proved_on_a_line_when_sigma_is_singular(canonical_claims):
    """Every w with w1 > 0 is stationary (L̂ ignores w2); most are not multiples of d: the claim
    is false (sat)."""
    assert _decide(_on_first_axis(canonical_claims), "bn_stationary_points_on_line") == "sat"


def test_opposite_ray_is_not_proved_strictly_improvable_where_the_loss_is_flat(canonical_claims):
    """On the data above, moving from -t·d along e2 leaves L̂ unchanged (a tie, not a decrease):
    "L̂(-t·d + ε·u) < L̂(-t·d) for every ε > 0" is false (sat)."""
    assert _decide(_on_first_axis(canonical_claims), "bn_opposite_ray_not_minimum") == "sat"


def test_opposite_ray_is_proved_not_minimal_when_d_is_a_coordinate_axis(canonical_claims):
    """x = (±1, 0), (0, ±1), y = (1, -1, 0, 0): Σ = I/2, c = (1/2, 0), d = (1, 0). The path must
    leave the line through d (u = e2); the claim is true (unsat)."""
    axis = dataclasses.replace(canonical_claims, X=_points((1, 0), (-1, 0), (0, 1), (0, -1)),
                               y=_points((1, -1, 0, 0))[0], bn_direction=_points((1, 0))[0])
    assert _decide(axis, "bn_opposite_ray_not_minimum") == "unsat"


def _standard_loss(X, y, w):
    """L(w) = (1/n) Σ_i (<w, x_i> - y_i)², in exact rationals (independent of the Z3 encoding)."""
    return sum((sum(wk * xk for wk, xk in zip(w, x)) - yi) ** 2 for x, yi in zip(X, y)) / len(y)


def test_wrong_standard_loss_value_is_not_proved(canonical_claims):
    wrong = dataclasses.replace(canonical_claims,
                                standard_loss_at_w_star=canonical_claims.standard_loss_at_w_star + 1)
    assert _decide(wrong, "standard_optimum") == "sat"


def test_a_point_that_is_not_the_minimiser_is_not_proved_optimal_with_its_own_loss_value(canonical_claims):
    c = canonical_claims
    w = (Fraction(2), Fraction(1, 10))
    wrong = dataclasses.replace(c, w_star=w, standard_loss_at_w_star=_standard_loss(c.X, c.y, w))
    assert _decide(wrong, "standard_optimum") == "sat"


def test_a_minimiser_that_is_not_unique_is_not_proved_unique(canonical_claims):
    """Inputs on the first axis: W* = (7/5, 0) minimises L, and so does (7/5, w2) for every w2."""
    flat = _on_first_axis(canonical_claims)
    w_star = (Fraction(7, 5), Fraction(0))
    claims = dataclasses.replace(flat, w_star=w_star,
                                 standard_loss_at_w_star=_standard_loss(flat.X, flat.y, w_star))
    assert _decide(claims, "standard_optimum") == "sat"


def test_a_query_cut_off_by_its_timeout_is_reported_timeout_not_a_verdict():
    """x³ + y³ + z³ = 33 over the integers: its smallest solution has 16-digit numbers, far beyond
    what Z3 finds in 0.2 s (every obligation of the canonical set is decided in ~20 ms, so no real
    obligation can test this without a race). Cut off, the answer is a timeout (a failure), never
    sat/unsat/vacuous."""
    x, y, z = z3.Ints("x y z")
    hard = Obligation(name="sum_of_three_cubes", statement="x³ + y³ + z³ = 33 has an integer solution",
                      expected="sat", query=(x**3 + y**3 + z**3 == 33,))
    assert decide(hard, timeout_s=0.2).result == "timeout"


def test_loss_value_with_the_square_root_of_a_negative_number_is_vacuous_not_proved(canonical_claims):
    """A claimed L̂(W*) = a + b·sqrt(-1) makes its defining r² = -1 contradictory: vacuous."""
    bad = dataclasses.replace(canonical_claims, bn_loss_at_w_star=Surd(Fraction(16, 3), Fraction(-7, 3), Fraction(-1)))
    assert _decide(bad, "w_star_not_bn_optimal") == "vacuous"


def _distance_wrong_at_orthogonal_w0(w0, d):
    """The closed form, but 1 too small where <W0,d> = 0 (there the distance is ||W0||²)."""
    return z3.If(dot(w0, d) == 0, sq_norm(w0) - 1, ray_distance_sq(w0, d))


def _distance_too_small_near_the_orthogonal_plane(w0, d):
    """The closed form, but 1/2 too small where -1 < <W0,d> <= 0: there ||W0 - t·d||² >= ||W0||²
    for every t > 0, so the distance is not approached within ε < 1/2 (only within ε >= 1/2)."""
    return z3.If(z3.And(dot(w0, d) > -1, dot(w0, d) <= 0), sq_norm(w0) - Fraction(1, 2),
                 ray_distance_sq(w0, d))


@pytest.mark.parametrize("wrong", [_distance_wrong_at_orthogonal_w0,
                                   _distance_too_small_near_the_orthogonal_plane])
def test_a_wrong_distance_to_the_ray_is_not_proved_attained_or_approached(canonical_claims, monkeypatch, wrong):
    monkeypatch.setattr(importlib.import_module("proofs.distance_to_ray"), "ray_distance_sq", wrong)
    assert _decide(canonical_claims, "distance_to_ray_attained") == "sat"


def _distance_too_large_without_projection(w0, d):
    """The closed form, but 1/2 too large where <W0,d> <= 0: points t·d with small t > 0 are
    closer than that (||W0 - t·d||² -> ||W0||²)."""
    return z3.If(dot(w0, d) > 0, ray_distance_sq(w0, d), sq_norm(w0) + Fraction(1, 2))


def _distance_too_small_with_projection(w0, d):
    """The closed form, but 1/2 too small where <W0,d> > 0: still a lower bound, but not attained."""
    return z3.If(dot(w0, d) > 0, ray_distance_sq(w0, d) - Fraction(1, 2), sq_norm(w0))


def test_a_distance_too_large_is_not_proved_a_lower_bound(canonical_claims, monkeypatch):
    monkeypatch.setattr(importlib.import_module("proofs.distance_to_ray"), "ray_distance_sq",
                        _distance_too_large_without_projection)
    assert _decide(canonical_claims, "distance_to_ray_lower_bound") == "sat"


def test_a_distance_too_small_where_it_is_attained_is_not_proved_attained(canonical_claims, monkeypatch):
    monkeypatch.setattr(importlib.import_module("proofs.distance_to_ray"), "ray_distance_sq",
                        _distance_too_small_with_projection)
    assert _decide(canonical_claims, "distance_to_ray_attained") == "sat"


def test_a_bn_optimal_point_off_the_ray_is_not_proved_non_optimal(canonical_claims):
    """On the first-axis data L̂ ignores w2, so W* = (3/2, 1) is off the ray of d = (3/2, 0) yet
    L̂(W*) = L̂(d) = min L̂ = 13/3 - √6: "L̂(W*) > min L̂" is false (sat)."""
    minimum = Surd(Fraction(13, 3), Fraction(-1), Fraction(6))
    claims = dataclasses.replace(_on_first_axis(canonical_claims), w_star=(Fraction(3, 2), Fraction(1)),
                                 bn_loss_at_w_star=minimum, min_bn_loss=minimum)
    assert _decide(claims, "w_star_not_bn_optimal") == "sat"


def test_a_wrong_minimum_bn_loss_is_not_proved(canonical_claims):
    """min L̂ claimed 1 lower than (16 - 2√38)/3: the claim L̂(d) = ℓ_min is false (sat)."""
    m = canonical_claims.min_bn_loss
    wrong = dataclasses.replace(canonical_claims, min_bn_loss=Surd(m.a - 1, m.b, m.q))
    assert _decide(wrong, "w_star_not_bn_optimal") == "sat"


def test_zero_gradient_at_a_w_star_on_the_bn_ray_is_proved():
    """examples/centered.json: W* = (1, 1) is on the ray of d = (1, 1), so ∇L̂(W*) = 0 (unsat)."""
    ls = load_json("examples/centered.json")
    assert _decide(make_claims(ls, exact_statistics(ls)), "bn_gradient_at_w_star") == "unsat"


@pytest.mark.parametrize("spelling", [
    (Surd(Fraction(1, 2), Fraction(-1), Fraction(1, 4)), Surd(Fraction(0), Fraction(-3, 8), Fraction(8))),
    (Surd(Fraction(0), Fraction(5), Fraction(0)), Surd(Fraction(0), Fraction(-3, 8), Fraction(8))),
], ids=["1/2-sqrt(1/4)", "5*sqrt(0)"])
def test_canonical_gradient_written_with_other_square_roots_is_proved(canonical_claims, spelling):
    """∇L̂(W*) = (0, -3√2/4) = (1/2 - √(1/4), -(3/8)√8) = (5√0, -(3/8)√8): every exact spelling
    of the true value is proved (each root gets its own exact definition)."""
    assert _decide(dataclasses.replace(canonical_claims, grad_at_w_star=spelling),
                   "bn_gradient_at_w_star") == "unsat"


def _holding_claims():
    ls = load_json("examples/centered.json")
    return make_claims(ls, exact_statistics(ls))


@pytest.mark.parametrize("name", ["negated_lemma", "lemma_fails_at_w_star"])
def test_where_the_lemma_holds_its_negation_is_expected_and_proved_unsat(name):
    ob = next(o for o in all_obligations(_holding_claims()) if o.name == name)
    assert (ob.expected, decide(ob, timeout_s=10).result) == ("unsat", "unsat")


def test_lemma_fails_at_a_w_star_of_norm_below_one(canonical_claims):
    """W* = (1/2, 0) is off the ray of d = (5, 3), so ||W* - Ŵ*||² > 0 = RHS at W0 = W* (sat)."""
    small = dataclasses.replace(canonical_claims, w_star=(Fraction(1, 2), Fraction(0)))
    assert _decide(small, "lemma_fails_at_w_star") == "sat"


@pytest.mark.parametrize("name", ["failure_region_necessary", "failure_region_sufficient"])
def test_zero_w_star_makes_either_failure_region_claim_vacuous_not_proved(canonical_claims, name):
    assert _decide(dataclasses.replace(canonical_claims, w_star=(Fraction(0), Fraction(0))), name) == "vacuous"


def test_no_w0_is_admissible_when_w_star_is_zero(canonical_claims):
    """<W0, 0> > 0 never holds: (L4.5) has no admissible W0 to fail at. The premise <W0,W*> > 0
    of the negated lemma is itself unsatisfiable, so the harness says "vacuous" (never a proof);
    the degenerate obligations of proofs/degenerate.py prove this case instead."""
    assert _decide(dataclasses.replace(canonical_claims, w_star=(Fraction(0), Fraction(0))),
                   "negated_lemma") == "vacuous"


def test_premises_cut_off_by_the_timeout_are_reported_undecided_not_vacuous(canonical_claims):
    """Premises Z3 cannot decide in 0.2 s (x³ + y³ + z³ = 33 over the integers): the outcome is a
    timeout ("computed, not proved"), never "vacuous" (which would read as CONTRADICTED) and
    never a verdict."""
    ob = next(o for o in all_obligations(canonical_claims) if o.name == "bn_stationary_points_on_line")
    x, y, z = z3.Ints("x y z")
    outcome = decide(dataclasses.replace(ob, premises=(x**3 + y**3 + z**3 == 33,)), timeout_s=0.2)
    assert outcome.result == "timeout" and "premises undecided" in outcome.reason
