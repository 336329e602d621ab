"""The standard optimum is not a BN optimum (docs/spec.md §2, §4: L̂(W*) = (16 - 7√2)/3 >
min L̂ = (16 - 2√38)/3, and W* is not on the ray {t(5, 3) : t > 0}).

Claim:   W* != t·d for every t > 0, L̂(W*) = ℓ*, L̂(d) = ℓ_min and ℓ* > ℓ_min
         (L̂ literal, with s = σ(W*), s_d = σ(d) as positive square-root variables).
Query:   the disjunction of the four negations                    expected: unsat.
The loss equalities are stated with the denominator cleared, L̂(w)·s² = ℓ·s²
(Network.bn_loss_cleared; s² > 0, so this is equivalent).
"""

from __future__ import annotations

import z3

from proofs.claims import Claims
from proofs.encoding import Network, const, positive_root, scaled, surd
from proofs.obligation import Obligation


def w_star_not_bn_optimal(claims: Claims) -> Obligation:
    net = Network(claims.X, claims.y)
    w_star = [const(v) for v in claims.w_star]
    d = [const(v) for v in claims.bn_direction]
    t = z3.Real("t")
    s, root_w = positive_root("s", net.bn_variance(w_star))
    s_d, root_d = positive_root("s_d", net.bn_variance(d))
    loss_w, defs_w = surd(claims.bn_loss_at_w_star, "r_w")
    loss_min, defs_min = surd(claims.min_bn_loss, "r_min")
    on_ray = z3.And(t > 0, z3.And([wk == tk for wk, tk in zip(w_star, scaled(t, d))]))
    return Obligation(
        name="w_star_not_bn_optimal",
        statement="W* is not on the BN ray and L̂(W*) = ℓ* > ℓ_min = L̂(d) = min L̂",
        expected="unsat",
        query=(*root_w, *root_d, *defs_w, *defs_min,
               z3.Or(on_ray, net.bn_loss_cleared(w_star, s) != loss_w * s * s,
                     net.bn_loss_cleared(d, s_d) != loss_min * s_d * s_d,
                     loss_w <= loss_min)),
        definitions=(*root_w, *root_d, *defs_w, *defs_min),
    )
