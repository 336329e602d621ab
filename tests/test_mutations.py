"""No check that cannot fail: for every obligation a mutated claim or encoding (wrong optimum,
wrong BN direction, wrong value, dropped constraint, flipped inequality, a learning set where
(L4.5) holds) changes the solver's answer, so the harness would report the obligation failed."""

import dataclasses
import importlib
from fractions import Fraction

import pytest
import sympy
import z3

from harness.cross_check import cross_check
from harness.evaluator import Evaluator
from harness.learning_set import LearningSet, canonical, load_json
from harness.solver import Outcome, decide
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics
from proofs import all_obligations
from proofs.claims import Surd
from proofs.encoding import dot, sq_norm
from tests.conftest import F
from tests.test_canonical_refutation import CANONICAL_OBLIGATIONS


def obligation(claims, name):
    return next(o for o in all_obligations(claims) if o.name == name)


def answer(claims, name, drop=None):
    ob = obligation(claims, name)
    if drop is not None:  # a dropped constraint: remove conjunct number `drop` of the query
        ob = dataclasses.replace(ob, query=ob.query[:drop] + ob.query[drop + 1:])
    return ob.expected, decide(ob, timeout_s=10).result


def mutated(claims, **changes):
    return dataclasses.replace(claims, **changes)


MUTATIONS = {
    "standard_optimum": lambda c: answer(mutated(c, w_star=F(2, "1/10")), "standard_optimum"),
    "bn_loss_identity": lambda c: answer(c, "bn_loss_identity", drop=1),  # drop s² = σ²(w)
    "bn_ray_is_global_minimum": lambda c: answer(mutated(c, bn_direction=F(5, 2)),
                                                 "bn_ray_is_global_minimum"),
    "bn_stationary_points_on_line": lambda c: answer(mutated(c, bn_direction=F(5, 2)),
                                                     "bn_stationary_points_on_line"),
    "bn_opposite_ray_not_minimum": lambda c: answer(mutated(c, bn_direction=F(5, 2)),
                                                    "bn_opposite_ray_not_minimum"),
    "bn_gradient_at_w_star": lambda c: answer(
        mutated(c, grad_at_w_star=(c.grad_at_w_star[0], Surd(F(0)[0], Fraction(-1), Fraction(8, 9)))),
        "bn_gradient_at_w_star"),
    "w_star_not_bn_optimal": lambda c: answer(
        mutated(c, bn_loss_at_w_star=Surd(Fraction(16, 3), Fraction(-7, 3), Fraction(3))),
        "w_star_not_bn_optimal"),
    "distance_to_ray_lower_bound": lambda c: answer(c, "distance_to_ray_lower_bound", drop=0),  # t > 0
    "negated_lemma": lambda c: answer(_holding_claims(), "negated_lemma"),
    "lemma_fails_at_w_star": lambda c: answer(_holding_claims(), "lemma_fails_at_w_star"),
    "failure_region_necessary": lambda c: answer(c, "failure_region_necessary", drop=4),  # <W0,W*> > 0
    "failure_region_sufficient": lambda c: answer(c, "failure_region_sufficient", drop=4),
}


def _holding_claims():
    ls = load_json("examples/centered.json")
    holding = make_claims(ls, exact_statistics(ls))
    # keep the canonical expectation ("sat": the lemma fails) to show the answer changes
    return dataclasses.replace(holding, lemma_fails=True)


def _no_case_split(w0, d):
    """A wrong closed form for the distance: the line's distance, without the case <W0,d> <= 0."""
    return sq_norm(w0) - dot(w0, d) ** 2 / sq_norm(d)


def test_every_obligation_has_a_mutation():
    assert set(MUTATIONS) | {"distance_to_ray_attained"} == set(CANONICAL_OBLIGATIONS)


OPPOSITE = {"sat": "unsat", "unsat": "sat"}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_mutation_flips_the_answer_to_the_opposite_definite_answer(name, canonical_claims):
    """Caught only by the opposite definite answer: unknown, a timeout or vacuous is not."""
    expected, result = MUTATIONS[name](canonical_claims)
    assert result == OPPOSITE[expected]


def test_a_failed_cross_check_inside_prove_fails_the_proof(monkeypatch, capsys):
    """A wrong value from the evaluator (W* off by 1/10) fails standard_optimum's cross-check:
    `proved` is False and `bnproof prove` exits 1."""
    import json

    from harness.cli import main
    real = Evaluator.standard_optimum
    monkeypatch.setattr(Evaluator, "standard_optimum",
                        lambda self: real(self) + sympy.Matrix([sympy.Rational(1, 10), 0]))
    assert main(["prove", "--samples", "0", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    row = next(r for r in report["obligations"] if r["name"] == "standard_optimum")
    assert row["result"] == "unsat" and row["cross_check"] is False and report["proved"] is False


def test_distance_without_case_split_makes_distance_to_ray_attained_fail(canonical_claims, monkeypatch):
    monkeypatch.setattr(importlib.import_module("proofs.distance_to_ray"), "ray_distance_sq", _no_case_split)
    assert answer(canonical_claims, "distance_to_ray_attained") == ("unsat", "sat")


def test_flipped_inequality_in_negated_lemma_finds_no_failure_where_lemma_holds():
    """Flip "left > right" to "left < right" at W0 = W*: no W0 = W* makes it true (0 < 0)."""
    c = _holding_claims()
    ob = obligation(c, "lemma_fails_at_w_star")
    premise, fails = ob.query
    flipped = dataclasses.replace(ob, query=(premise, z3.Not(fails)))
    assert decide(flipped).result == "sat" and decide(ob).result == "unsat"


def test_wrong_witness_fails_the_cross_check(canonical_claims):
    ls = canonical()
    # left 2 > right 1 at (-1, 1), but it is inadmissible: <W0, W*> = -2 < 0
    outcome = Outcome("sat", 0.0, {"W0_1": -1, "W0_2": 1, "lhs": 2, "rhs": 1})
    passed, _ = cross_check("negated_lemma", canonical_claims, Evaluator(ls.X, ls.y), outcome)
    assert not passed


def test_wrong_witness_value_of_a_side_fails_the_cross_check(canonical_claims):
    ls = canonical()
    right = Outcome("sat", 0.0, {"W0_1": 1, "W0_2": 0, "lhs": sympy.Rational(9, 34), "rhs": 0})
    wrong = Outcome("sat", 0.0, {"W0_1": 1, "W0_2": 0, "lhs": sympy.Rational(9, 35), "rhs": 0})
    ev = Evaluator(ls.X, ls.y)
    assert cross_check("negated_lemma", canonical_claims, ev, right)[0]
    assert not cross_check("negated_lemma", canonical_claims, ev, wrong)[0]


def test_wrong_optimum_fails_the_cross_check(canonical_claims):
    ls = canonical()
    wrong = mutated(canonical_claims, w_star=F(2, "1/10"))
    passed, _ = cross_check("standard_optimum", wrong, Evaluator(ls.X, ls.y), Outcome("unsat", 0.0))
    assert not passed


def test_learning_set_where_lemma_holds_gives_verdict_holds():
    from tests.golden import proved_report
    report = proved_report("centered")           # prove of examples/centered.json
    assert report["verdict"] == "holds" and report["proved"]
    negated = next(r for r in report["obligations"] if r["name"] == "negated_lemma")
    assert negated["result"] == "unsat"


def test_learning_set_type_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        canonical().y = ()  # type: ignore[misc]
    assert isinstance(canonical(), LearningSet)


def test_square_root_of_a_negative_number_is_reported_vacuous_not_proved(canonical_claims):
    """A claimed gradient a + b·sqrt(q) with q < 0 would make r² = q contradictory and the query
    trivially unsat; the harness checks the definitions alone and reports "vacuous"."""
    bad = mutated(canonical_claims, grad_at_w_star=(
        canonical_claims.grad_at_w_star[0], Surd(Fraction(0), Fraction(-1), Fraction(-1))))
    assert decide(obligation(bad, "bn_gradient_at_w_star")).result == "vacuous"


def test_zero_w_star_makes_the_failure_region_vacuous_not_proved(canonical_claims):
    bad = mutated(canonical_claims, w_star=F(0, 0))
    assert decide(obligation(bad, "failure_region_sufficient")).result == "vacuous"


def test_w_star_a_negative_multiple_of_d_fails_the_lemma_with_probability_1():
    from tests.golden import proved_report
    report = proved_report("negative_multiple")  # prove of examples/negative_multiple.json
    assert report["verdict"] == "fails" and report["proved"]
    assert report["failing_fraction_exact"] == "1"
