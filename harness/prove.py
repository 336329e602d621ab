"""The pipeline of `bnproof prove`: learning set -> exact statistics -> obligations -> solver ->
witness -> independent evaluator -> report (a plain dict, JSON-ready).

Z3 (every query and hypothesis check), cvc5, the certificate checks, the Monte-Carlo estimate,
and each obligation's SymPy cross-check and tie as soon as Z3 has decided it, all run side by
side in one pool of killable workers (harness/solver.decide_all). The first worker starts on what
needs no SymPy (Z3, cvc5, the Monte-Carlo estimate, the ties of unsat obligations) before this
process imports SymPy, so that its 0.3 s import overlaps them. Nothing is cached from one run to
the next."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable

from harness.learning_set import LearningSet
from harness.monte_carlo import monte_carlo_report
from harness.numbers import show
from harness.solver import Outcome, decide_all, run_in_workers
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics, standard_loss_at_w_star
from harness.status import exit_code, obligation_status
from harness.trust import certificate, second_solver_fields, second_solver_task
from proofs import all_obligations
from proofs.degenerate import degenerate_claims, degenerate_obligations
from proofs.obligation import Obligation

if TYPE_CHECKING:    # SymPy is imported once the first worker runs (`prove`)
    from harness.evaluator import Evaluator

Check = Callable[[Obligation, Outcome], tuple[bool, str]]   # an obligation's SymPy cross-check


def exact_text(value) -> str:
    import sympy

    return sympy.sstr(value)


def all_proved(rows: list[dict]) -> bool:
    """At least one obligation, and every row's status (harness/status.obligation_status) is
    "proved": its expected answer, its cross-check, its tie where it has one, no contradicting
    cvc5 answer and no failed certificate."""
    return exit_code(r["status"] for r in rows) == 0


def _guarded(check: Check, ob: Obligation, outcome: Outcome, adopt: Callable | None = None,
             prepared: tuple = ()) -> tuple[bool | None, str]:
    """The SymPy cross-check of one obligation, after Z3, only of a definite answer: True (it
    agrees), False (it disagrees), None (not run, or it raised: reported, never a pass). Before
    it, adopt(value) for each `prepared` WorkerResult that succeeded (run_obligations)."""
    if outcome.result not in ("sat", "unsat"):
        return None, f"solver answered {outcome.result} ({outcome.reason})"
    for result in prepared:
        if result.kind == "ok":
            adopt(result.payload)
    try:
        passed, detail = check(ob, outcome)
    except Exception as exc:                    # reported, never a pass
        return None, f"cross-check raised {type(exc).__name__}: {exc}"
    return bool(passed), detail


def _import_before_forking() -> None:
    """Import here what the certificate checks and cross-checks import lazily (SymPy's Add
    imports sympy.tensor on first use), so that each worker does not import it again."""
    import harness.certify  # noqa: F401
    import harness.cross_check  # noqa: F401
    import proofs.certificates  # noqa: F401
    import sympy.tensor.tensor  # noqa: F401


def prove(ls: LearningSet, timeout_s: float = 30.0, samples: int = 100_000) -> dict:
    start = time.perf_counter()
    stats = exact_statistics(ls)
    report = {"learning_set": ls.as_json()}
    if stats.degenerate:
        rows = degenerate_rows(ls, stats, timeout_s)
        report.update(verdict="degenerate", reason=stats.degenerate, decided=stats.decided,
                      obligations=rows)
        return _finish(report, rows, start)
    claims = make_claims(ls, stats)
    sampling = stats.lemma_fails and samples
    monte_carlo = [(lambda: monte_carlo_report(stats.w_star, stats.bn_direction, samples),
                    max(timeout_s, 60.0))] if sampling else []
    evaluator: list[Evaluator] = []      # built by warmup, once the first worker has started

    def warmup() -> None:
        from harness.evaluator import Evaluator

        evaluator.append(Evaluator(ls.X, ls.y))
    rows, extra = run_obligations(all_obligations(claims), timeout_s,
                                  _checker(claims, lambda: evaluator[0]),
                                  lambda name: certificate(name, claims), claims, monte_carlo,
                                  prepare=(lambda: evaluator[0].differentiate(),
                                           lambda gradient: evaluator[0].adopt_gradient(gradient)),
                                  warmup=warmup)
    import sympy

    from harness.evaluator import failing_probability

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
    if sampling:
        mc = extra[0]
        report["monte_carlo"] = mc.payload if mc.kind == "ok" else {"samples": samples, "error": mc.kind}
    return _finish(report, rows, start)


def degenerate_rows(ls: LearningSet, stats, timeout_s: float) -> list[dict]:
    """The rows of the obligations that prove why a degenerate set is degenerate, and its
    decided answer where it has one (proofs/degenerate.py); also `prove --variant`'s."""
    loss = None if stats.w_star is None else standard_loss_at_w_star(stats)
    claims = degenerate_claims(ls.X, ls.y, stats.w_star, loss)
    from harness.evaluator import Evaluator

    ev = Evaluator(ls.X, ls.y)
    rows, _ = run_obligations(degenerate_obligations(stats.degenerate_kind, claims), timeout_s,
                              _checker(claims, lambda: ev), lambda name: certificate(name, claims),
                              claims)
    return rows


def _checker(claims, evaluator: Callable[[], Evaluator]) -> Check:
    def check(ob: Obligation, outcome: Outcome) -> tuple[bool, str]:
        from harness.cross_check import cross_check

        return cross_check(ob.name, claims, evaluator(), outcome)
    return check


def run_obligations(obligations: list[Obligation], timeout_s: float, check: Check,
                    certify: Callable[[str], bool | None] | None = None, tie_claims=None,
                    also: list = (), prepare: tuple[Callable[[], object], Callable] | None = None,
                    warmup: Callable[[], None] | None = None) -> tuple[list[dict], list]:
    """The report rows of the obligations, and the WorkerResults of the `also` tasks. Everything
    runs side by side in one pool of killable workers (harness/solver.decide_all): Z3 on every
    query and its hypotheses, cvc5 on every query, the certificates (`certify(name)`: True/False,
    None where there is none), the `also` tasks, and, as soon as Z3 has decided an obligation,
    its SymPy cross-check (`check`) and, given `tie_claims`, its tie to the literal statement
    (proofs/ties.py). `prepare` = (compute, adopt): compute() runs once in a worker, before the
    other extra tasks, and each cross-check waits for it and calls adopt(its value) where it
    succeeded (the evaluator's derivative, computed once beside the Z3 checks instead of in this
    process before the workers start; where it failed, a cross-check computes it itself).
    `warmup`: a first worker starts at once on the Z3 checks, cvc5, the `also` tasks and the ties
    of the expected-unsat obligations (none of which needs SymPy), while this process runs
    warmup() and imports what the others need; they run in workers started after that."""
    if warmup is None:
        _import_before_forking()
    count = len(obligations)
    preparing = [] if prepare is None else [(prepare[0], timeout_s)]
    certifying = [] if certify is None else [(lambda name=ob.name: certify(name), timeout_s)
                                             for ob in obligations]
    adopt = None if prepare is None else prepare[1]
    checking = [(i, lambda outcome, *prepared, ob=ob: _guarded(check, ob, outcome, adopt, prepared),
                 timeout_s, tuple(range(len(preparing)))) for i, ob in enumerate(obligations)]
    ties = [{}] * count if tie_claims is None else _ties_without_solver(obligations, tie_claims)
    tying = [(i, lambda outcome, ob=ob: _tie_answer(ob.name, tie_claims, outcome, timeout_s),
              2 * timeout_s) for i, ob in enumerate(obligations) if ties[i] is None]
    # The pool takes tasks in this order: the longer ones first, the short cross-checks last,
    # so that both workers finish at about the same time.
    extra_tasks = preparing + list(also) + certifying + [second_solver_task(ob, timeout_s)
                                                         for ob in obligations]
    early = None if warmup is None else (       # what needs no SymPy: `also`, cvc5, unsat ties
        lambda: (warmup(), _import_before_forking()),
        {*range(len(preparing), len(preparing) + len(also)),
         *range(len(extra_tasks) - count, len(extra_tasks))},
        {k for k, (i, *_) in enumerate(tying) if obligations[i].expected == "unsat"})
    answers = iter(decide_all(obligations, timeout_s, also=extra_tasks, then=tying + checking,
                              early=early))

    def take(k: int) -> list:
        return [next(answers) for _ in range(k)]
    outcomes, _, extra = take(count), take(len(preparing)), take(len(also))
    certificates = ([None] * count if certify is None else
                    [r.payload if r.kind == "ok" else False for r in take(count)])
    second = [second_solver_fields(r) for r in take(count)]
    tied, checks = iter(take(len(tying))), take(count)
    ties = [t if t is not None else _tie_row(next(tied)) for t in ties]
    rows = []
    for ob, outcome, cvc5_fields, cert, checked, tie in zip(obligations, outcomes, second,
                                                            certificates, checks, ties):
        passed, detail = (checked.payload if checked.kind == "ok"
                          else (None, f"cross-check not completed ({checked.kind})"))
        status, reason = obligation_status(
            ob.expected, outcome.result, outcome.reason, cross_check=passed,
            cross_check_detail=detail, cross_check_required=True, tie=tie.get("tie"),
            second_solver=cvc5_fields["second_solver"], certificate=cert)
        rows.append({
            "name": ob.name, "statement": ob.statement, "expected": ob.expected,
            "result": outcome.result, "status": status, **({"reason": reason} if reason else {}),
            "cross_check": passed, "cross_check_detail": detail,
            **tie,
            "witness": {k: exact_text(v) for k, v in outcome.witness.items()} or None,
            "seconds": round(outcome.seconds, 4),
            "cross_check_seconds": round(checked.seconds, 4),
            **cvc5_fields,
            "certificate": cert,
        })
    return rows, extra


def _ties_without_solver(obligations, claims) -> list[dict | None]:
    """The `tie` fields known without a solver: "stated directly" where the query is the
    statement, "none" where there is no tie (d > 3); None where a tie is to be decided."""
    from proofs.ties import STATED_DIRECTLY, TIE_MAX_DIM, TIES

    return [{"tie": "stated directly", "tie_seconds": 0.0} if ob.name in STATED_DIRECTLY else
            {"tie": "none", "tie_seconds": 0.0}
            if len(claims.w_star) > TIE_MAX_DIM or ob.name not in TIES else None
            for ob in obligations]


def _tie_answer(name: str, claims, outcome: Outcome, timeout_s: float) -> dict:
    """In a worker: the tie of obligation `name` built and decided by Z3 (query, then its
    hypotheses); "none" where there is no tie (an irrational witness)."""
    from harness.solver import decide_here
    from proofs.ties import tie

    obligation = tie(name, claims, outcome)
    if obligation is None:
        return {"tie": "none", "tie_seconds": 0.0}
    answer = decide_here(obligation, timeout_s)
    return {"tie": answer.result, "tie_seconds": round(answer.seconds, 4)}


def _tie_row(result) -> dict:
    """The `tie` fields from a _tie_answer WorkerResult: killed is "timeout", a failed worker
    "unknown" (never a pass)."""
    if result.kind == "ok":
        return result.payload
    return {"tie": "timeout" if result.kind == "killed" else "unknown",
            "tie_seconds": round(result.seconds, 4)}


def tie_fields(obligations, claims, outcomes, timeout_s: float) -> list[dict]:
    """`tie` per obligation: Z3's answer on its tie to the literal statement (proofs/ties.py;
    "unsat" proves that unsat of the query proves the statement, or that the sat witness
    satisfies it), "stated directly" where the query is the statement, "none" where there is no
    tie (d > 3, or an irrational witness): then the obligation is not proved. The ties are
    decided side by side (harness/solver.run_in_workers)."""
    fields = _ties_without_solver(obligations, claims)
    asked = [i for i, f in enumerate(fields) if f is None]
    answers = iter(run_in_workers(
        [lambda ob=obligations[i], outcome=outcomes[i]:
         _tie_answer(ob.name, claims, outcome, timeout_s) for i in asked],
        2 * timeout_s))
    return [f if f is not None else _tie_row(next(answers)) for f in fields]


def _finish(report: dict, rows: list[dict], start: float) -> dict:
    """`proved` as all_proved, and the time."""
    report["proved"] = all_proved(rows)
    report["seconds"] = round(time.perf_counter() - start, 4)
    return report
