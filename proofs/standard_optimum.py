"""Standard optimum: W* is the unique minimiser of L, with value ℓ (docs/spec.md §4: W* = (2, 0),
L(W*) = 3).

Claim:   L(W*) = ℓ, and L(w) > L(W*) for all w != W*.
Query:   L(W*) != ℓ, or some w with w != W* and L(w) <= L(W*)          expected: unsat.
"""

from __future__ import annotations

import z3

from proofs.claims import Claims
from proofs.encoding import Network, const, reals
from proofs.obligation import Obligation


def standard_optimum(claims: Claims) -> Obligation:
    net = Network(claims.X, claims.y)
    w = reals("w", net.dim)
    w_star = [const(v) for v in claims.w_star]
    return Obligation(
        name="standard_optimum",
        statement="W* is the unique minimiser of L: L(w) > L(W*) = ℓ for every w != W*",
        expected="unsat",
        query=(z3.Or(net.standard_loss(w_star) != const(claims.standard_loss_at_w_star),
                     z3.And(z3.Or([wk != vk for wk, vk in zip(w, w_star)]),
                            net.standard_loss(w) <= net.standard_loss(w_star))),),
    )
