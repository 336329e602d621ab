"""BN gradient at W* in high dimension: the claim of proofs/bn_gradient_at_w_star.py with one
square-root variable for everything (`check --prove` when d > 3).

Every component of the claimed gradient is a_k + b_k·sqrt(q) with the same q, which the claims
set to σ²(W*) (harness/statistics.claims). The query adds "or q != σ²(W*)" (so a wrong q makes
it sat, i.e. fails) and otherwise uses s = σ(W*) = sqrt(q) in place of the literal obligation's
separate r_k >= 0, r_k² = q (each of which equals sqrt(q)): given q = σ²(W*) the queries are
equivalent. The gradient is the Z3 gradient of proofs/encoding.py (Network.bn_gradient), built
on a Network whose `outputs` are computed once per weight vector instead of once per component
(the same terms; building them is otherwise quadratic in the dimension).

Query: s > 0, s² = σ²(W*), (∇L̂(W*) != a + b·s  or  ∇L̂(W*) = 0  or  q != σ²(W*))
expected: unsat.
"""

from __future__ import annotations

import z3

from proofs.claims import Claims
from proofs.encoding import Network, const, positive_root
from proofs.obligation import Obligation


class _OutputsOnce(Network):
    """Network with u_i(w) = <w, x_i> built once per weight vector (same terms)."""

    def __init__(self, X, y):
        super().__init__(X, y)
        self._outputs: dict[int, tuple] = {}

    def outputs(self, w):
        hit = self._outputs.get(id(w))
        if hit is None or hit[0] is not w:
            hit = (w, super().outputs(w))
            self._outputs[id(w)] = hit
        return hit[1]


def bn_gradient_shared_root(claims: Claims) -> Obligation:
    net = _OutputsOnce(claims.X, claims.y)
    w_star = [const(v) for v in claims.w_star]
    s, root = positive_root("s", net.bn_variance(w_star))
    gradient = net.bn_gradient(w_star, s)
    qs = {g.q for g in claims.grad_at_w_star}
    assert len(qs) == 1, "every component shares q = σ²(W*)"
    q = const(qs.pop())
    claimed = [const(g.a) + const(g.b) * s for g in claims.grad_at_w_star]
    wrong = z3.Or([gk != ck for gk, ck in zip(gradient, claimed)])
    zero = z3.And([gk == 0 for gk in gradient])
    nonzero = any(g.a != 0 or (g.b != 0 and g.q != 0) for g in claims.grad_at_w_star)
    return Obligation(
        name="bn_gradient_at_w_star",
        statement="∇L̂(W*) = g exactly" + (", and g != 0" if nonzero else " = 0") + " (one shared root)",
        expected="unsat",
        query=(*root, z3.Or(wrong, zero, q != net.bn_variance(w_star)) if nonzero
               else z3.Or(wrong, q != net.bn_variance(w_star))),
    )
