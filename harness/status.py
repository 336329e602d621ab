"""The three status words and the one rule that gives them (docs/trust.md §4), for every report
that prints a status: `prove`, `check --prove`, `theorems`, `prove --variant`, `make recheck`,
`make certify`, `make activations`, `make two-layer` and the minimality table of
`make counterexamples`.

- PROVED: the expected answer ("unsat" of a refuted negation, "sat" with a witness, "identity").
- CONTRADICTED: the opposite definite answer (sat for unsat, unsat for sat, "not an identity"
  for "identity"), from Z3 or from the second solver, or an independent cross-check that ran and
  disagreed: the claim, or the code, is wrong.
- NOT_PROVED ("computed, not proved"): anything else: `unknown`, a timeout, a vacuous query (its
  premises are unsatisfiable: no proof, but no counterexample either), a cvc5 error, a tie to the
  literal statement not proved, a certificate that does not check, a required cross-check that
  did not finish. The row's reason says which.

Exit codes: CONTRADICTED -> 1; "computed, not proved" -> the command's documented code (1 for
the commands whose job is a proof; 0 for `check`, whose verdict stands on the exact computation).
"""

from __future__ import annotations

from typing import Iterable

PROVED = "proved"
NOT_PROVED = "computed, not proved"
CONTRADICTED = "CONTRADICTED"
WORDS = (PROVED, NOT_PROVED, CONTRADICTED)            # ordered from best to worst

OPPOSITE = {"sat": "unsat", "unsat": "sat", "identity": "not an identity"}
TIED = {"unsat": "pass", "stated directly": "direct"}  # a tie proved, or no encoding step to tie


def status_of(expected: str, outcome: str | None) -> str:
    """PROVED only for the expected answer; CONTRADICTED only for the opposite definite answer;
    NOT_PROVED for anything else (unknown, timeout, vacuous, an error, no answer)."""
    if outcome == expected:
        return PROVED
    if OPPOSITE.get(expected) == outcome:
        return CONTRADICTED
    return NOT_PROVED


def worst(statuses: Iterable[str]) -> str:
    """CONTRADICTED over "computed, not proved" over PROVED (PROVED for no status at all)."""
    return max(statuses, key=WORDS.index, default=PROVED)


def obligation_status(expected: str, result: str, reason: str | None = None, *,
                      cross_check: bool | None = None, cross_check_detail: str = "",
                      cross_check_required: bool = False, tie: str | None = None,
                      second_solver: str | None = None,
                      certificate: bool | None = None) -> tuple[str, str | None]:
    """(status, reason) of one obligation row: the worst of
    - Z3's answer (status_of; reason: the solver's reason, else its answer);
    - the cross-check: False (it ran and disagreed) -> CONTRADICTED; None (not run, or not
      finished) -> NOT_PROVED where it is required (`prove`), no effect otherwise (`check`,
      where it runs only on small sets);
    - the second solver (cvc5): its opposite definite answer -> CONTRADICTED; any other answer
      (agreement, unknown, timeout, error, "not run") has no effect here: cvc5 re-decides, it is
      not required (`make recheck`, where it is, takes status_of of its answer);
    - the tie to the literal statement, where one is asked for: not "unsat" or "stated
      directly" -> NOT_PROVED;
    - the solver-free certificate, where one exists: False -> NOT_PROVED.
    The reason is that of the first worst part (None when PROVED)."""
    parts = [(status_of(expected, result), reason or result)]
    if cross_check is False:
        parts.append((CONTRADICTED, f"cross-check: {cross_check_detail}"))
    elif cross_check is None and cross_check_required:
        parts.append((NOT_PROVED, f"cross-check: {cross_check_detail}"))
    if status_of(expected, second_solver) == CONTRADICTED:
        parts.append((CONTRADICTED, f"cvc5 answered {second_solver}"))
    if tie is not None and tie not in TIED:
        parts.append((NOT_PROVED, f"tie to the literal statement: {tie}"))
    if certificate is False:
        parts.append((NOT_PROVED, "the solver-free certificate does not check"))
    status = worst(s for s, _ in parts)
    return status, None if status == PROVED else next(r for s, r in parts if s == status)


def exit_code(statuses: Iterable[str], not_proved: int = 1) -> int:
    """1 if any status is CONTRADICTED; 0 if there is at least one and all are PROVED;
    otherwise (something computed, not proved, or nothing proved at all) `not_proved`."""
    statuses = list(statuses)
    if CONTRADICTED in statuses:
        return 1
    return 0 if statuses and all(s == PROVED for s in statuses) else not_proved


def failed_line(rows: Iterable[dict], name: str = "name") -> str | None:
    """'FAILED: a (CONTRADICTED), b (computed, not proved)' for the rows not PROVED, or None."""
    failed = [f"{r[name]} ({r['status']})" for r in rows if r["status"] != PROVED]
    return f"FAILED: {', '.join(failed)}" if failed else None
