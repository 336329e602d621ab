"""An obligation: one claim, the Z3 query that decides it, and what its answer must be.

For a universal claim ("for all w, P(w)") the query is its negation and the expected answer is
`unsat`: no counterexample exists. For an existential claim ("some W0 violates (L4.5)") the
query is the claim itself and the expected answer is `sat`, with the witness terms to read off.

`definitions` are the constraints of the query that only define auxiliary variables (a square
root r > 0 with r² = q, say). They are part of `query`; the harness also checks them alone, so
that an `unsat` can never come from contradictory definitions (a vacuous proof).

`premises` are the hypotheses of a universal claim ("for all w with σ(w) > 0 ..."): also part of
`query`. Before an `unsat` counts, the harness checks `definitions + premises` alone: `unsat`
there means the claim is vacuous (a failure); `unknown`/timeout there means the obligation is
"computed, not proved" (never a contradiction).

`tactic` names a Z3 tactic pipeline for the query and its hypothesis check (proofs/ties.py:
nonlinear real arithmetic after eliminating the defined variables, where the default solver
answers unknown or is slow); empty for the default solver. Timeout and seed are the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import z3


@dataclass(frozen=True)
class Obligation:
    name: str
    statement: str
    expected: str                                  # "sat" or "unsat"
    query: tuple[z3.BoolRef, ...]
    witness: dict[str, z3.ArithRef] = field(default_factory=dict)
    definitions: tuple[z3.BoolRef, ...] = ()
    premises: tuple[z3.BoolRef, ...] = ()
    tactic: tuple[str, ...] = ()                   # a Z3 tactic pipeline instead of the default solver
