"""The pipeline of `bnproof prove`: learning set -> exact statistics -> obligations -> solver ->
witness -> independent evaluator -> report (a plain dict, JSON-ready)."""

from __future__ import annotations

import time

import sympy

from harness.cross_check import cross_check
from harness.evaluator import Evaluator, failing_probability
from harness.learning_set import LearningSet
from harness.monte_carlo import monte_carlo_report
from harness.numbers import show
from harness.solver import decide
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics, standard_loss_at_w_star
from harness.trust import certificate, contradicts, second_solver
from proofs import all_obligations
from proofs.degenerate import degenerate_claims, degenerate_obligations


def exact_text(value) -> str:
    return sympy.sstr(value)


def tie_fields(ob, claims, outcome, timeout_s: float) -> dict:
    """`tie`: Z3's answer on the obligation's tie to its literal statement (proofs/ties.py;
    "unsat" proves that unsat of the query proves the statement, or that the sat witness
    satisfies it), "none" where there is no tie (d > 3, or an irrational witness): then the
    obligation is not proved."""
    from proofs.ties import STATED_DIRECTLY, tie

    if ob.name in STATED_DIRECTLY:
        return {"tie": "stated directly", "tie_seconds": 0.0}
    built = tie(ob.name, claims, outcome)
    if built is None:
        return {"tie": "none", "tie_seconds": 0.0}
    answer = decide(built, timeout_s)
    return {"tie": answer.result, "tie_seconds": round(answer.seconds, 4)}


def prove(ls: LearningSet, timeout_s: float = 30.0, samples: int = 100_000) -> dict:
    start = time.perf_counter()
    stats = exact_statistics(ls)
    report = {"learning_set": ls.as_json()}
    ev = Evaluator(ls.X, ls.y)
    if stats.degenerate:
        loss = None if stats.w_star is None else standard_loss_at_w_star(stats)
        claims = degenerate_claims(ls.X, ls.y, stats.w_star, loss)
        rows = run_obligations(degenerate_obligations(stats.degenerate_kind, claims), claims, ev, timeout_s)
        report.update(verdict="degenerate", reason=stats.degenerate, decided=stats.decided,
                      obligations=rows)
        return _finish(report, rows, start)
    claims = make_claims(ls, stats)
    rows = run_obligations(all_obligations(claims), claims, ev, timeout_s)
    probability = failing_probability(stats.w_star, stats.bn_direction) if stats.lemma_fails else 0
    report.update(
        verdict="fails" if stats.lemma_fails else "holds",
        reason=None if stats.lemma_fails else "W* is a positive multiple of the BN direction d",
        w_star=[show(v) for v in stats.w_star],
        bn_direction=[show(v) for v in stats.bn_direction],
        failing_fraction=float(sympy.N(probability, 15)),
        failing_fraction_exact=exact_text(probability),
        obligations=rows,
    )
    if stats.lemma_fails and samples:
        report["monte_carlo"] = monte_carlo_report(stats.w_star, stats.bn_direction, samples)
    return _finish(report, rows, start)


def run_obligations(obligations, claims, ev: Evaluator, timeout_s: float) -> list[dict]:
    rows = []
    for ob in obligations:
        outcome = decide(ob, timeout_s)
        t0 = time.perf_counter()
        if outcome.result in ("sat", "unsat"):
            passed, detail = cross_check(ob.name, claims, ev, outcome)
        else:
            passed, detail = False, f"solver answered {outcome.result} ({outcome.reason})"
        rows.append({
            "name": ob.name, "statement": ob.statement, "expected": ob.expected,
            "result": outcome.result, "cross_check": passed, "cross_check_detail": detail,
            **tie_fields(ob, claims, outcome, timeout_s),
            "witness": {k: exact_text(v) for k, v in outcome.witness.items()} or None,
            "seconds": round(outcome.seconds, 4),
            "cross_check_seconds": round(time.perf_counter() - t0, 4),
            **second_solver(ob, timeout_s),
            "certificate": certificate(ob.name, claims),
        })
    return rows


def _finish(report: dict, rows: list[dict], start: float) -> dict:
    """`proved` only if there is at least one obligation and every one has its expected answer,
    its cross-check, its tie and no contradicting second solver."""
    report["proved"] = bool(rows) and all(
        r["result"] == r["expected"] and r["cross_check"] and r["tie"] in ("unsat", "stated directly")
        and not contradicts(r["expected"], r["second_solver"]) and r["certificate"] is not False
        for r in rows)
    report["seconds"] = round(time.perf_counter() - start, 4)
    return report
