"""`make recheck`: Z3 and cvc5 each decide every committed SMT-LIB2 file as its :status says;
a wrong status, a mutated query, `unknown`/timeout or a broken file makes the recheck fail."""

import dataclasses
import shutil

import pytest

from harness.recheck import main as recheck_main
from harness.recheck import recheck
from harness.second_solver import SmtLibError, decide_cvc5
from harness.smt2 import DEFAULT_DIR, to_smt2
from harness.solver import Outcome
from proofs import all_obligations
from tests.conftest import F
from tests.test_canonical_refutation import CANONICAL_OBLIGATIONS

QUINTIC = ("(set-logic QF_NRA)\n(set-info :status sat)\n(declare-fun x () Real)\n"
           "(assert (= (* x x x x x) (+ x 3.0)))\n(check-sat)\n")


@pytest.fixture(scope="module")
def rows():
    return {r["obligation"]: r for r in recheck(DEFAULT_DIR, timeout_s=10)}


@pytest.mark.parametrize("name", CANONICAL_OBLIGATIONS)
def test_z3_and_cvc5_both_answer_the_declared_status(name, rows):
    r = rows[name]
    assert (r["z3"], r["cvc5"]) == (r["expected"], r["expected"]) and r["status"] == "proved"


def test_recheck_exits_0_and_prints_the_table(capsys):
    assert recheck_main([str(DEFAULT_DIR)]) == 0
    out = capsys.readouterr().out
    assert "obligation" in out and "cvc5 ms" in out and "all 13 files" in out


def test_wrong_status_makes_recheck_exit_1(tmp_path, capsys):
    text = (DEFAULT_DIR / "standard_optimum.smt2").read_text()
    (tmp_path / "standard_optimum.smt2").write_text(text.replace(":status unsat", ":status sat"))
    assert recheck_main([str(tmp_path)]) == 1
    assert "FAILED: standard_optimum" in capsys.readouterr().out


def test_mutated_optimum_makes_both_solvers_answer_sat(tmp_path, canonical_claims):
    wrong = dataclasses.replace(canonical_claims, w_star=F(2, "1/10"))
    ob = next(o for o in all_obligations(wrong) if o.name == "standard_optimum")
    (tmp_path / "standard_optimum.smt2").write_text(to_smt2(ob))
    [row] = recheck(tmp_path, timeout_s=10)
    assert (row["expected"], row["z3"], row["cvc5"], row["status"]) == ("unsat", "sat", "sat", "CONTRADICTED")


@pytest.mark.parametrize("answer", ["unknown", "timeout"])
def test_unknown_or_timeout_from_cvc5_makes_recheck_exit_1(answer, tmp_path, monkeypatch, capsys):
    import harness.recheck
    shutil.copy(DEFAULT_DIR / "negated_lemma.smt2", tmp_path)
    monkeypatch.setattr(harness.recheck, "decide_cvc5", lambda *a, **k: Outcome(answer, 0.0))
    assert recheck_main([str(tmp_path)]) == 1
    assert "FAILED: negated_lemma" in capsys.readouterr().out


def test_cvc5_answers_sat_and_unsat_on_small_queries():
    assert decide_cvc5(QUINTIC, 10).result == "sat"
    unsat = "(set-logic QF_NRA)\n(declare-fun x () Real)\n(assert (< (* x x) (- 1.0)))\n(check-sat)\n"
    assert decide_cvc5(unsat, 10).result == "unsat"


def test_empty_folder_exits_2(tmp_path, capsys):
    assert recheck_main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(tmp_path) in err


def test_unparsable_file_exits_2_with_one_line_naming_it(tmp_path, capsys):
    bad = tmp_path / "bad.smt2"
    bad.write_text("(set-logic QF_NRA)\n(set-info :status sat)\n(assert (= y 1.0))\n(check-sat)\n")
    assert recheck_main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err


def test_file_without_status_exits_2(tmp_path, capsys):
    (tmp_path / "nostatus.smt2").write_text("(set-logic QF_NRA)\n(check-sat)\n")
    assert recheck_main([str(tmp_path)]) == 2
    assert "nostatus.smt2" in capsys.readouterr().err


def test_cvc5_parse_error_is_an_smtlib_error():
    with pytest.raises(SmtLibError):
        decide_cvc5("(set-logic QF_NRA)\n(assert (= y 1.0))\n(check-sat)\n", 1, "bad.smt2")


def test_without_nonlinear_coverings_cvc5_does_not_prove_the_standard_optimum(monkeypatch):
    """Why `nl-cov` is set: cvc5's incremental linearization alone gives no unsat here."""
    import harness.second_solver
    monkeypatch.setitem(harness.second_solver.OPTIONS, "nl-cov", "false")
    monkeypatch.setitem(harness.second_solver.OPTIONS, "nl-ext", "full")
    text = (DEFAULT_DIR / "standard_optimum.smt2").read_text()
    assert decide_cvc5(text, timeout_s=0.5).result in ("timeout", "unknown")
    monkeypatch.setitem(harness.second_solver.OPTIONS, "nl-cov", "true")
    assert decide_cvc5(text, timeout_s=10).result == "unsat"


HARD = ("(set-logic QF_NRA)\n(declare-fun x () Real)(declare-fun y () Real)(declare-fun z () Real)"
        "(declare-fun u () Real)\n"
        "(assert (= (+ (* x x x x y) (* y y y z) (* z z z u u) (* u u u x) (- 7.0)) 0.0))\n"
        "(assert (= (+ (* x y z u) (* x x z) (* y u u u) (- 3.0)) 0.0))\n"
        "(assert (> (+ (* x x x) (* y y y) (* z z z) (* u u u)) 5.0))\n"
        "(assert (< (* x y) (- 1.0)))\n(check-sat)\n")


def test_cvc5_overrunning_its_limit_is_killed_and_answers_timeout():
    """cvc5 ignores tlimit-per inside coverings on this system; the worker is killed instead."""
    import time
    start = time.perf_counter()
    outcome = decide_cvc5(HARD, timeout_s=0.2)
    assert outcome.result == "timeout"
    assert time.perf_counter() - start < 5
    assert decide_cvc5(QUINTIC, 10).result == "sat"  # a fresh worker takes over
