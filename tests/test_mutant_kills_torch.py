"""Survivors of the third mutation run in proofs/__init__.py and proofs/variants/pytorch_default.py
(docs/mutation-testing.md, "Third run: proofs/__init__.py, variants/claims, pytorch_default"):
each test states a claim and fails on the mutant, by the opposite definite answer."""

import pytest

from harness.learning_set import load_json
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics
from proofs import all_obligations
from proofs.variants import variant_obligations
from tests.conftest import F
from tests.test_variants_mutations import answer, claims_for


def test_where_the_lemma_holds_w_star_is_not_claimed_to_miss_the_bn_optima():
    """(L4.5) holds iff W* is on the BN ray: there W* IS a BN optimum, so `w_star_not_bn_optimal`
    (and the failure region) must not be among the obligations. Kills all_obligations 5, which
    added it on every set (a false CONTRADICTED on every set where the lemma holds)."""
    ls = load_json("examples/centered.json")
    claims = make_claims(ls, exact_statistics(ls))
    assert not claims.lemma_fails
    names = {o.name for o in all_obligations(claims)}
    assert "w_star_not_bn_optimal" not in names and "negated_lemma" in names


def test_the_origin_claim_is_refuted_when_the_direction_changes_no_output():
    """With the claimed d = 0, w_e = e·d = 0 for every e: the loss at (e·d, γ+e, β) EQUALS the
    loss at (0, γ, β), so "strictly lower near the origin" is false and the query is sat.
    Kills `lower` with `<=` (mutant 74), which no longer counts an equal loss as a
    counterexample."""
    assert answer("torch", "torch_origin_not_minimum", bn_direction=F(0, 0)) == ("unsat", "sat")


def test_the_origin_claim_covers_every_gamma_not_only_small_ones():
    """With d scaled by 10^6, BN saturates at any e in the near-region, and the loss rises for
    |γ| large: the claim (for every γ) is refuted, sat. Kills `near` restricted to
    (γ+e)² < 4ε (mutants 41, 42: `e*e` → `e/e`, `/e*e`), which keeps only |γ| < 2√ε + |e| and
    stays unsat."""
    huge = F(5 * 10**6, 3 * 10**6)
    assert answer("torch", "torch_origin_not_minimum", bn_direction=huge) == ("unsat", "sat")


@pytest.mark.parametrize("variant", ["gamma-beta", "torch", "epsilon", "bias"])
def test_every_variant_obligation_states_its_claim_in_words(variant):
    """`prove --variant` prints each obligation's statement: it is text. Kills
    torch_origin_not_minimum 78 (statement=None)."""
    for ob in variant_obligations(variant, claims_for(variant)):
        assert isinstance(ob.statement, str) and ob.statement.strip(), ob.name
