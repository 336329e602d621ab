"""Tests written against the mutants that survived `make mutate` (docs/mutation-testing.md).

Each test checks a claim, not the text of a query: it changes the learning set, the claimed
value or the solver's input and expects the definite opposite answer, so it stays valid when an
obligation's encoding is rewritten."""

from pathlib import Path

import pytest

from harness.solver import decide_smt2

SMT2 = Path(__file__).resolve().parent.parent / "proofs" / "smt2"


@pytest.mark.parametrize("name", ["negated_lemma", "standard_optimum"])
def test_z3_decides_an_exported_canonical_obligation_as_its_declared_status(name):
    text = (SMT2 / f"{name}.smt2").read_text()
    declared = "sat" if "(set-info :status sat)" in text else "unsat"
    assert decide_smt2(text, timeout_s=10).result == declared
