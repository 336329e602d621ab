"""BN gradient at the standard optimum: ∇L̂(W*) = g exactly, and g != 0 when W* is not on the
BN ray (paper.md §4: ∇L̂(W*) = (0, -3√2/4)).

Claim:   with s = σ(W*) (s > 0, s² = σ²(W*)), ∇L̂(W*) = g, and ∇L̂(W*) != 0.
Query:   s > 0, s² = σ²(W*), (∇L̂(W*) != g  or  ∇L̂(W*) = 0)         expected: unsat.
g is given componentwise as a + b·sqrt(q); each sqrt(q) is a variable r >= 0 with r² = q.
When W* is on the line through d (on the ray, or on the opposite ray where L̂ is maximal) the
claim is g = 0 and the query drops the "= 0" disjunct.
∇L̂ is the Z3 gradient of proofs/encoding.py (bn_gradient), checked against SymPy's
derivative of the literal L̂ in tests/test_encoding_agrees_with_evaluator.py.
"""

from __future__ import annotations

import z3

from proofs.claims import Claims
from proofs.encoding import Network, const, positive_root, surd
from proofs.obligation import Obligation


def bn_gradient_at_w_star(claims: Claims) -> Obligation:
    net = Network(claims.X, claims.y)
    w_star = [const(v) for v in claims.w_star]
    s, root = positive_root("s", net.bn_variance(w_star))
    gradient = net.bn_gradient(w_star, s)
    claimed, defs = [], []
    for k, g in enumerate(claims.grad_at_w_star):
        term, constraints = surd(g, f"r{k + 1}")
        claimed.append(term)
        defs += constraints
    wrong = z3.Or([gk != ck for gk, ck in zip(gradient, claimed)])
    zero = z3.And([gk == 0 for gk in gradient])
    nonzero = any(g.a != 0 or (g.b != 0 and g.q != 0) for g in claims.grad_at_w_star)
    return Obligation(
        name="bn_gradient_at_w_star",
        statement=("∇L̂(W*) = g exactly, and g != 0" if nonzero
                   else "∇L̂(W*) = 0 exactly (W* is on the line through d)"),
        expected="unsat",
        query=(*root, *defs, z3.Or(wrong, zero) if nonzero else wrong),
        definitions=(*root, *defs),
    )
