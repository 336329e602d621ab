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
from harness.statistics import exact_statistics
from harness.trust import certificate, contradicts, second_solver
from proofs import all_obligations


def exact_text(value) -> str:
    return sympy.sstr(value)


def tie_fields(ob, claims, outcome, timeout_s: float) -> dict:
    """`tie`: Z3's answer on the obligation's tie to its literal statement (proofs/ties.py;
    "unsat" proves that unsat of the query proves the statement, or that the sat witness
    satisfies it), "none" where there is no tie (d > 3, or an irrational witness): then the
    obligation is not proved."""
    from proofs.ties import tie

    built = tie(ob.name, claims, outcome)
    if built is None:
        return {"tie": "none", "tie_seconds": 0.0}
    answer = decide(built, timeout_s)
    return {"tie": answer.result, "tie_seconds": round(answer.seconds, 4)}


def prove(ls: LearningSet, timeout_s: float = 30.0, samples: int = 100_000) -> dict:
    start = time.perf_counter()
    stats = exact_statistics(ls)
    report = {"learning_set": ls.as_json()}
    if stats.degenerate:
        report.update(verdict="degenerate", reason=stats.degenerate, obligations=[], proved=True,
                      note="recognised by exact linear algebra; no obligation was run")
        report["seconds"] = round(time.perf_counter() - start, 4)
        return report
    claims = make_claims(ls, stats)
    ev = Evaluator(ls.X, ls.y)
    rows = []
    for ob in all_obligations(claims):
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
    report["proved"] = all(r["result"] == r["expected"] and r["cross_check"] and r["tie"] == "unsat"
                           and not contradicts(r["expected"], r["second_solver"])
                           and r["certificate"] is not False for r in rows)
    report["seconds"] = round(time.perf_counter() - start, 4)
    return report
