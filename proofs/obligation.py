"""An obligation: one claim, the Z3 query that decides it, and what its answer must be.

For a universal claim ("for all w, P(w)") the query is its negation and the expected answer is
`unsat`: no counterexample exists. For an existential claim ("some W0 violates (L4.5)") the
query is the claim itself and the expected answer is `sat`, with the witness terms to read off.
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
