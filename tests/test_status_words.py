"""One status rule for every report (harness/status.py): each command that prints a status maps
the same solver outcome on the same expected answer to the same word. The outcomes are
injected (monkeypatch), no solver runs: `proved` only for the expected answer, CONTRADICTED only
for the opposite definite answer, "computed, not proved" for vacuous, unknown and timeout."""

import json

import pytest
import z3

import harness.activations
import harness.check
import harness.prove
import harness.recheck
import harness.solver
import harness.theorems
import harness.two_layer
import proofs.at_scale
import proofs.minimality
from harness.cli import main
from harness.learning_set import canonical
from harness.solver import Outcome, WorkerResult
from harness.statistics import exact_statistics
from harness.status import exit_code, obligation_status, worst
from proofs.obligation import Obligation

NP = "computed, not proved"
WORD = {"unsat": {"unsat": "proved", "sat": "CONTRADICTED", "vacuous": NP, "unknown": NP, "timeout": NP},
        "sat": {"sat": "proved", "unsat": "CONTRADICTED", "vacuous": NP, "unknown": NP, "timeout": NP}}
CASES = [(expected, outcome) for expected in WORD for outcome in WORD[expected]]
x = z3.Real("x")


def fake(expected: str) -> Obligation:
    return Obligation("fake_claim", "a claim", expected, (x > 0,))


def answering(outcome: str):
    """decide_all answering `outcome` to every obligation and the expected cvc5 answer (or None)
    to every extra task; the tasks run on an obligation's result (`then`: its cross-check) run in
    this process on the injected outcome."""
    def decide_all(obligations, timeout_s=30.0, *args, also=(), then=(), **kwargs):
        outcomes = [Outcome(outcome, 0.0, reason="injected" if outcome != "sat" else "")
                    for _ in obligations]
        return (outcomes
                + [WorkerResult("ok", (obligations[0].expected, 0.0, ""), 0.0) for _ in also]
                + [WorkerResult("ok", task(outcomes[i]), 0.0) for i, task, *_ in then])
    return decide_all


# ---- one function per reporting command: the status it reports for (expected, outcome) -------

def prove_status(monkeypatch, expected, outcome):     # `prove`, `prove --variant`
    monkeypatch.setattr(harness.prove, "decide_all", answering(outcome))
    rows, _ = harness.prove.run_obligations([fake(expected)], 1.0, lambda ob, o: (True, "agrees"))
    assert harness.prove.all_proved(rows) == (rows[0]["status"] == "proved")
    return rows[0]["status"]


def check_status(monkeypatch, expected, outcome):     # `check --prove`
    monkeypatch.setattr(harness.solver, "decide_all", answering(outcome))
    monkeypatch.setattr(proofs.at_scale, "obligations_at_scale", lambda claims: [fake(expected)])
    monkeypatch.setattr(harness.check, "_proved_ties", lambda obs, *a: [None] * len(obs))
    ls = canonical()
    route = harness.check.prove_obligations(lambda: ls, exact_statistics(ls), 6, 1.0)
    [row] = route["obligations"]
    assert route["proved_with_z3"] == (row["status"] == "proved")
    return row["status"]


def theorems_status(monkeypatch, expected, outcome):  # `bnproof theorems`
    monkeypatch.setattr(harness.theorems, "general_obligations", lambda *a: [fake(expected)])
    monkeypatch.setattr(harness.theorems, "identities", lambda *a: [])
    monkeypatch.setattr(harness.theorems, "decide", lambda ob, t: Outcome(outcome, 0.0))
    monkeypatch.setattr(harness.theorems, "second_solver", lambda ob, t: {"second_solver": "timeout"})
    report = harness.theorems.theorems()
    assert report["proved"] == (report["theorems"][0]["status"] == "proved")
    return report["theorems"][0]["status"]


def activations_status(monkeypatch, expected, outcome):   # `make activations`
    monkeypatch.setattr(harness.activations, "decide", lambda ob, t: Outcome(outcome, 0.0))
    return harness.activations.status(fake(expected))


def two_layer_status(monkeypatch, expected, outcome):     # `make two-layer`
    monkeypatch.setattr(harness.activations, "decide", lambda ob, t: Outcome(outcome, 0.0))
    return harness.two_layer._show(fake(expected))


def minimality_status(monkeypatch, expected, outcome):    # `make counterexamples`
    from harness.counterexamples import decide_minimality

    monkeypatch.setattr(proofs.minimality, "minimality_obligations", lambda: [fake(expected)])
    monkeypatch.setattr(harness.solver, "decide", lambda ob, t: Outcome(outcome, 0.0))
    return decide_minimality(1.0)[0]["status"]


def recheck_status(monkeypatch, expected, outcome, tmp_path, solver):   # `make recheck`
    other = "decide_cvc5" if solver == "decide_smt2" else "decide_smt2"
    monkeypatch.setattr(harness.recheck, solver, lambda *a: Outcome(outcome, 0.0))
    monkeypatch.setattr(harness.recheck, other, lambda *a: Outcome(expected, 0.0))
    (tmp_path / "fake_claim.smt2").write_text(f"(set-info :status {expected})\n(check-sat)\n")
    return harness.recheck.recheck(tmp_path)[0]["status"]


COMMANDS = {"prove": prove_status, "check --prove": check_status, "theorems": theorems_status,
            "activations": activations_status, "two-layer": two_layer_status,
            "minimality": minimality_status}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("expected, outcome", CASES)
def test_every_command_gives_the_same_word_for_the_same_outcome(command, expected, outcome,
                                                                monkeypatch):
    assert COMMANDS[command](monkeypatch, expected, outcome) == WORD[expected][outcome]


@pytest.mark.parametrize("solver", ["decide_smt2", "decide_cvc5"])
@pytest.mark.parametrize("expected, outcome", CASES)
def test_recheck_gives_the_same_word_for_either_solver(solver, expected, outcome, monkeypatch,
                                                       tmp_path):
    assert recheck_status(monkeypatch, expected, outcome, tmp_path, solver) == WORD[expected][outcome]


@pytest.mark.parametrize("cvc5, word", [("unsat", "proved"), ("timeout", "proved"),
                                        ("unknown", "proved"), ("error", "proved"),
                                        ("not run", "proved"), ("sat", "CONTRADICTED")])
def test_second_solver_contradicts_only_with_the_opposite_definite_answer(cvc5, word):
    """Beside a Z3 proof, cvc5 only re-decides: its timeout leaves the proof standing (shown as
    not rechecked); its opposite answer makes the row CONTRADICTED."""
    assert obligation_status("unsat", "unsat", second_solver=cvc5)[0] == word
    assert obligation_status("unsat", "timeout", second_solver=cvc5)[0] == (
        "CONTRADICTED" if cvc5 == "sat" else NP)


def test_vacuous_query_gives_its_reason_and_is_not_contradicted():
    assert obligation_status("unsat", "vacuous", "premises unsatisfiable") == (NP, "premises unsatisfiable")


def test_cross_check_disagreeing_contradicts_and_one_not_finished_proves_nothing():
    assert obligation_status("unsat", "unsat", cross_check=False, cross_check_detail="L = 4")[0] == "CONTRADICTED"
    assert obligation_status("unsat", "unsat", cross_check=None, cross_check_required=True)[0] == NP
    assert obligation_status("unsat", "unsat", cross_check=None)[0] == "proved"   # not run (check)
    assert obligation_status("unsat", "unsat", tie="sat")[0] == NP
    assert obligation_status("unsat", "unsat", certificate=False)[0] == NP


@pytest.mark.parametrize("statuses, check_code, prove_code", [
    (["proved"], 0, 0), (["proved", NP], 0, 1), (["proved", "CONTRADICTED", NP], 1, 1), ([], 0, 1)])
def test_exit_code_contradicted_is_1_and_not_proved_is_the_command_own_code(statuses, check_code,
                                                                            prove_code):
    assert exit_code(statuses, not_proved=0) == check_code      # `check`: a computed verdict
    assert exit_code(statuses) == prove_code                    # prove, theorems, recheck, ...
    assert worst(statuses) == ("CONTRADICTED" if "CONTRADICTED" in statuses else
                               NP if NP in statuses else "proved")


@pytest.mark.parametrize("outcome, code", [("unsat", 0), ("vacuous", 1), ("timeout", 1), ("sat", 1)])
def test_theorems_command_exits_by_the_rule(outcome, code, monkeypatch, capsys):
    theorems_status(monkeypatch, "unsat", outcome)
    assert main(["theorems", "--json"]) == code
    [row] = json.loads(capsys.readouterr().out)["theorems"]
    assert row["status"] == WORD["unsat"][outcome]


@pytest.mark.parametrize("outcome, code", [("unsat", 0), ("vacuous", 0), ("timeout", 0), ("sat", 1)])
def test_check_command_exits_1_only_when_contradicted(outcome, code, monkeypatch, tmp_path, capsys):
    check_status(monkeypatch, "unsat", outcome)
    path = tmp_path / "canon.csv"
    path.write_text("x1,x2,y\n0,0,-3\n0,1,0\n1,0,2\n")
    assert main(["check", str(path), "--prove", "--json"]) == code
    [row] = json.loads(capsys.readouterr().out)["route"]["obligations"]
    assert row["status"] == WORD["unsat"][outcome]
