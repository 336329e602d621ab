"""Tests written against the mutants that survived `make mutate` (docs/mutation-testing.md).

Each test checks a claim, not the text of a query: it changes the learning set, the claimed
value or the solver's input and expects the definite opposite answer, so it stays valid when an
obligation's encoding is rewritten."""

import dataclasses
from fractions import Fraction
from pathlib import Path

import pytest

from harness.solver import decide, decide_smt2
from proofs import all_obligations

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


def test_stationary_points_are_not_proved_on_a_line_when_sigma_is_singular(canonical_claims):
    """Inputs on the line x1 = x2: Σ = (2/3)[[1,1],[1,1]] is singular, c = (1, 1), and d = (3/2, 0)
    solves Σd = c. L̂ only sees w1 + w2, so every w with w1 + w2 = 3/2 is stationary and most are
    not multiples of d: the claim is false (sat)."""
    singular = dataclasses.replace(
        canonical_claims, X=((Fraction(0), Fraction(0)), (Fraction(1), Fraction(1)), (Fraction(2), Fraction(2))),
        y=(Fraction(0), Fraction(1), Fraction(3)), bn_direction=(Fraction(3, 2), Fraction(0)))
    assert _decide(singular, "bn_stationary_points_on_line") == "sat"


def test_a_query_cut_off_by_its_timeout_is_reported_timeout_not_a_verdict(canonical_claims):
    """Z3 needs about a second for this obligation; after 1 ms it has no answer, and that is a
    timeout (a failure), never sat/unsat/vacuous."""
    ob = next(o for o in all_obligations(canonical_claims) if o.name == "bn_stationary_points_on_line")
    assert decide(ob, timeout_s=0.001).result == "timeout"
