"""The obligations of `prove --data` in encodings that scale with the dimension (`check --prove`).

Same claims as proofs.all_obligations; an obligation whose literal query stops scaling is
replaced by an equivalent encoding, named the same, whose module docstring gives the
equivalence argument.
"""

from __future__ import annotations

from proofs import all_obligations
from proofs.claims import Claims
from proofs.obligation import Obligation


def obligations_at_scale(claims: Claims) -> list[Obligation]:
    return all_obligations(claims)
