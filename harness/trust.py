"""The two extra columns of the `bnproof prove` report: the second solver and the certificate.

- `second_solver(obligation)`: cvc5's answer on the same query, exported in memory to SMT-LIB2
  (harness/smt2.py) and run through harness/second_solver.py with a timeout. A cvc5 answer that
  contradicts the expected one fails the obligation; `unknown` or a timeout is reported as such
  and counts as "not rechecked", never as a pass (`make recheck` treats it as a failure).
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


def second_solver(ob: Obligation, timeout_s: float = 30.0) -> dict:
    """The report fields `second_solver` (cvc5's answer, or "error"), `second_solver_seconds`
    and, when there is one, `second_solver_reason`."""
    from harness.second_solver import SmtLibError, decide_cvc5
    from harness.smt2 import ExportError, to_smt2

    try:
        outcome = decide_cvc5(to_smt2(ob), min(timeout_s, SECOND_SOLVER_TIMEOUT), ob.name)
    except (ExportError, SmtLibError) as exc:
        return {"second_solver": "error", "second_solver_seconds": 0.0, "second_solver_reason": str(exc)}
    fields = {"second_solver": outcome.result, "second_solver_seconds": round(outcome.seconds, 4)}
    if outcome.reason:
        fields["second_solver_reason"] = outcome.reason
    return fields


def contradicts(expected: str, answer: str) -> bool:
    """cvc5 gave a definite answer other than the expected one (or could not read the query)."""
    return answer not in (expected, "unknown", "timeout")


def certificate(name: str, claims: Claims) -> bool | None:
    from harness.certify import certify, for_obligation

    cert = for_obligation(name, claims.X, claims.y)
    if cert is None:
        return None
    key = (id(cert), claims)
    if _checked.get(key, (None,))[0] is not cert:
        _checked[key] = (cert, certify(cert, claims)[0])
    return _checked[key][1]
