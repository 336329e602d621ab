"""Premises satisfiable (issue 7, item 2): an unsat counts only when the definitions and premises
of the query are satisfiable; an undecided or vacuous query is "computed, not proved", never
CONTRADICTED."""

import dataclasses

import pytest
import z3

from harness.status import status_of
from harness.cli import main
from harness.learning_set import load_json
from harness.solver import decide
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics
from proofs import all_obligations
from proofs.failure_region import failure_region


def test_every_expected_unsat_obligation_of_the_canonical_set_has_satisfiable_premises(canonical_claims):
    for ob in all_obligations(canonical_claims):
        if ob.expected == "unsat" and (ob.premises or ob.definitions):
            assert decide(dataclasses.replace(ob, query=(*ob.definitions, *ob.premises)),
                          timeout_s=10).result == "sat", ob.name


@pytest.mark.parametrize("name", ["failure_region_necessary", "failure_region_sufficient"])
def test_failure_region_where_the_lemma_holds_is_vacuous_not_proved(name):
    """Centered inputs: the region is empty, so "fails" (necessary) or "in the region"
    (sufficient) has no model; the harness says vacuous, which is no proof."""
    ls = load_json("examples/centered.json")
    claims = make_claims(ls, exact_statistics(ls))
    ob = next(o for o in failure_region(claims) if o.name == name)
    assert decide(ob, timeout_s=10).result == "vacuous"
    assert name not in [o.name for o in all_obligations(claims)]


def test_unsatisfiable_premises_make_an_unsat_query_vacuous(canonical_claims):
    ob = next(o for o in all_obligations(canonical_claims) if o.name == "distance_to_ray_lower_bound")
    t = z3.Real("t")
    contradictory = dataclasses.replace(ob, query=(*ob.query, t < 0), premises=(t > 0, t < 0))
    assert decide(contradictory).result == "vacuous"


@pytest.mark.parametrize("result, status", [
    ("unsat", "proved"), ("sat", "CONTRADICTED"), ("vacuous", "computed, not proved"),
    ("timeout", "computed, not proved"), ("unknown", "computed, not proved")])
def test_only_the_opposite_definite_answer_is_contradicted(result, status):
    assert status_of("unsat", result) == status


def test_check_prove_with_a_tiny_timeout_contradicts_nothing(tmp_path, capsys):
    path = tmp_path / "canon.csv"
    path.write_text("x1,x2,y\n0,0,-3\n0,1,0\n1,0,2\n")
    code = main(["check", str(path), "--prove", "--timeout", "0.001"])
    out = capsys.readouterr().out
    assert "CONTRADICTED" not in out and code == 0
