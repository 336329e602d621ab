"""The solver boundary runs every Z3 check in a killable worker: the timeout holds even where
Z3 would not stop, and the answer (witnesses included) comes back exact."""

import time

import sympy
import z3

from harness.solver import GRACE, decide, decide_all, run_in_workers
from proofs.obligation import Obligation


def test_a_check_that_ignores_its_timeout_is_killed_within_the_grace():
    start = time.perf_counter()
    [result] = run_in_workers([lambda: time.sleep(30)], timeout_s=0.2)
    assert result.kind == "killed"
    assert time.perf_counter() - start < 0.2 + GRACE + 0.5


def test_a_z3_worker_that_fails_gives_unknown_never_an_answer(monkeypatch):
    import harness.solver

    def broken(*args):
        def task():
            raise RuntimeError("boom")
        return task
    monkeypatch.setattr(harness.solver, "_query_task", broken)
    outcome = decide(Obligation("x", "", "unsat", (z3.BoolVal(False),)), timeout_s=5)
    assert outcome.result == "unknown" and "boom" in outcome.reason


def test_independent_checks_run_side_by_side_and_keep_their_order():
    start = time.perf_counter()
    results = run_in_workers([lambda: (time.sleep(0.4), "first")[1], lambda: "second"],
                             timeout_s=5, jobs=2)
    assert [(r.kind, r.payload) for r in results] == [("ok", "first"), ("ok", "second")]
    assert time.perf_counter() - start < 0.8


def test_algebraic_witness_crosses_the_worker_exactly():
    x = z3.Real("x")
    ob = Obligation("root", "x² = 2, x > 0", "sat", (x * x == 2, x > 0), {"x": x})
    outcome = decide(ob, timeout_s=5)
    assert outcome.result == "sat" and outcome.witness["x"] == sympy.sqrt(2)


def test_decide_all_reports_vacuous_premises_and_the_query_per_obligation():
    x = z3.Real("x")
    vacuous = Obligation("v", "", "unsat", (x > 1, x < 0), premises=(x > 1, x < 0))
    proved = Obligation("p", "", "unsat", (x > 1, x < 0), premises=(x > 1,))
    assert [o.result for o in decide_all([vacuous, proved], timeout_s=5)] == ["vacuous", "unsat"]
