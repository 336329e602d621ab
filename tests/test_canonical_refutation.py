"""Every obligation of `make prove` on the canonical set (docs/spec.md §4), through the same harness."""

import pytest

from harness.cross_check import cross_check
from harness.evaluator import Evaluator
from harness.learning_set import canonical
from harness.solver import decide_all
from proofs import all_obligations
from tests.conftest import F
from tests.golden import proved_report

CANONICAL_OBLIGATIONS = [
    "standard_optimum", "bn_loss_identity", "bn_ray_is_global_minimum",
    "bn_stationary_points_on_line", "bn_opposite_ray_not_minimum", "bn_gradient_at_w_star",
    "w_star_not_bn_optimal", "distance_to_ray_lower_bound", "distance_to_ray_attained",
    "negated_lemma", "lemma_fails_at_w_star", "failure_region_necessary",
    "failure_region_sufficient",
]


def test_canonical_set_has_every_obligation_of_the_spec(canonical_claims):
    assert [ob.name for ob in all_obligations(canonical_claims)] == CANONICAL_OBLIGATIONS


def test_canonical_claims_are_the_values_of_the_paper(canonical_claims):
    assert canonical_claims.w_star == F(2, 0)
    assert canonical_claims.bn_direction == F(5, 3)
    assert canonical_claims.lemma_fails


@pytest.fixture(scope="module")
def decided(canonical_claims):
    """{name: (obligation, Outcome)} on the canonical set, decided once for the tests below
    (decide_all: what decide answers, the premises checked, the checks in one worker process)."""
    obligations = all_obligations(canonical_claims)
    return {ob.name: (ob, outcome) for ob, outcome in zip(obligations, decide_all(obligations, 10))}


@pytest.mark.parametrize("name", CANONICAL_OBLIGATIONS)
def test_obligation_is_proved_and_cross_checked_on_canonical_set(name, canonical_claims, decided):
    ob, outcome = decided[name]
    assert outcome.result == ob.expected
    ls = canonical()
    passed, detail = cross_check(name, canonical_claims, Evaluator(ls.X, ls.y), outcome)
    assert passed, detail


def test_negated_lemma_is_sat_on_canonical_set_with_exact_rational_witness(decided):
    _, outcome = decided["negated_lemma"]
    assert outcome.result == "sat"
    assert all(v.is_Rational for v in outcome.witness.values())


def test_lemma_fails_at_w_star_with_left_side_18_over_17(decided):
    _, outcome = decided["lemma_fails_at_w_star"]
    assert (str(outcome.witness["lhs"]), str(outcome.witness["rhs"])) == ("18/17", "0")


def test_prove_report_says_fails_with_probability_0_5860():
    report = proved_report("canonical")         # prove(canonical(), samples=20_000)
    assert report["verdict"] == "fails" and report["proved"]
    assert report["failing_fraction_exact"] == "acos(5*sqrt(34)/34)/(2*pi) + 1/2"
    assert abs(report["failing_fraction"] - 0.5860) < 5e-5
    mc = report["monte_carlo"]
    assert abs(mc["estimate"] - report["failing_fraction"]) < 4 * mc["standard_error"]
