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


def test_opposite_ray_is_not_proved_to_be_the_global_bn_minimum(canonical_claims):
    """-t·d (t > 0) has <c,-td> < 0: L̂ is maximal there, so the claim is false (sat)."""
    opposite = dataclasses.replace(canonical_claims,
                                   bn_direction=tuple(-v for v in canonical_claims.bn_direction))
    assert _decide(opposite, "bn_ray_is_global_minimum") == "sat"
