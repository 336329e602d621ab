"""The two extra columns of the `bnproof prove` report: the second solver and the certificate.

- `second_solver_task(obligation)`: cvc5's answer on the same query, exported in memory to
  SMT-LIB2 (harness/smt2.py) and decided by harness/second_solver.py in a worker of
  harness/solver.run_in_workers, beside the Z3 checks, with a timeout. What its answer does to
  the obligation's status is harness/status.obligation_status: the opposite definite answer
  makes it CONTRADICTED; `unknown`, a timeout or an error is reported as such and counts as
  "not rechecked", never as agreement (`make recheck`, where cvc5 is required, makes it
  "computed, not proved").
- `certificate(name, claims)`: True/False from the solver-free checker harness/certify.py
  when proofs/certificates.py has a certificate for this obligation and this learning set
  (the canonical one), None otherwise. The checker states the negated claim from the claims
  the obligation was proved for (not from the certificate's), so a certificate written for
  another W*, d or claimed value fails: True means these very claims are certified.
"""

from __future__ import annotations

from proofs.claims import Claims
from proofs.obligation import Obligation

SECOND_SOLVER_TIMEOUT = 5.0   # seconds per query; bounds `prove` on larger learning sets

_checked: dict[tuple, tuple] = {}   # (id, claims) -> (certificate, verdict): each pair checked once


def second_solver_task(ob: Obligation, timeout_s: float = 30.0):
    """(task, limit) exporting the obligation to SMT-LIB2 and running cvc5 on it in a
    harness.solver worker (beside the Z3 checks). The worker is killed `HARD_MARGIN` after
    cvc5's own limit, as in harness/second_solver.py."""
    from harness.second_solver import HARD_MARGIN, OPTIONS, SmtLibError, decide_here
    from harness.smt2 import ExportError, to_smt2

    limit = min(timeout_s, SECOND_SOLVER_TIMEOUT)

    def task():
        try:
            outcome = decide_here(to_smt2(ob), limit, ob.name, dict(OPTIONS))
        except (ExportError, SmtLibError) as exc:
            return ("error", 0.0, str(exc))
        return (outcome.result, outcome.seconds, outcome.reason)
    return task, limit + HARD_MARGIN


def second_solver(ob: Obligation, timeout_s: float = 30.0) -> dict:
    """cvc5's report fields for one obligation, decided now in one killable worker (for callers
    that decide obligations one at a time: `prove --variant`, `bnproof theorems`)."""
    from harness.solver import run_in_workers

    task, limit = second_solver_task(ob, timeout_s)
    [result] = run_in_workers([task], limit)
    return second_solver_fields(result)


def second_solver_fields(result) -> dict:
    """The report fields of a second_solver_task's WorkerResult."""
    if result.kind == "ok":
        return _fields(*result.payload)
    if result.kind == "killed":
        return _fields("timeout", result.seconds, "killed: no answer after cvc5's limit")
    return _fields("unknown", result.seconds, f"the cvc5 worker failed: {result.payload}")


def _fields(result: str, seconds: float, reason: str) -> dict:
    fields = {"second_solver": result, "second_solver_seconds": round(seconds, 4)}
    if reason:
        fields["second_solver_reason"] = reason
    return fields


def certificate(name: str, claims: Claims) -> bool | None:
    from harness.certify import certify, for_obligation

    cert = for_obligation(name, claims.X, claims.y)
    if cert is None:
        return None
    key = (id(cert), claims)
    if _checked.get(key, (None,))[0] is not cert:
        _checked[key] = (cert, certify(cert, claims)[0])
    return _checked[key][1]
