"""BN gradient at the standard optimum: ∇L̂(W*) = g exactly, and g != 0 when W* is off the line
through d (docs/spec.md §4: ∇L̂(W*) = (0, -3√2/4)).

Claim:   with s = σ(W*) (s > 0, s² = σ²(W*)), ∇L̂(W*) = g, and ∇L̂(W*) != 0.
Encoding: both sides are multiplied by s³ > 0, which preserves "=" and "= 0":
    s³·∇L̂(W*) = -2(c·s² - <c,W*>·ΣW*)
(Network.bn_gradient times s³, a polynomial in s with no division; the identity is checked
symbolically, for every w, in tests/test_encoding_symbolic.py). g is given componentwise as
a_k + b_k·sqrt(q_k). Where q_k = σ²(W*), the form harness/statistics gives (∇L̂(W*) is a rational
multiple of σ(W*)), sqrt(q_k) is s itself; any other q_k gets a variable r >= 0 with r² = q_k.
Query:   s > 0, s² = σ²(W*), (s³∇L̂(W*) != s³g  or  s³∇L̂(W*) = 0)          expected: unsat.
Without division Z3 decides this in 0.1 s at d = 40 (with it, a timeout at d = 20).
When W* is on the line through d (on the ray, or on the opposite ray where L̂ is maximal) the
claim is g = 0 and the query drops the "= 0" disjunct.
"""

from __future__ import annotations


import z3

from proofs.claims import Claims
from proofs.encoding import Network, const, positive_root
from proofs.obligation import Obligation


def bn_gradient_at_w_star(claims: Claims, nonzero: bool | None = None) -> Obligation:
    """`nonzero`: whether the claim is g != 0 (default: read from the claimed g; proofs/ties.py
    passes it for a symbolic g)."""
    net = Network(claims.X, claims.y)
    w_star = [const(v) for v in claims.w_star]
    variance = net.bn_variance(w_star)
    s, root = positive_root("s", variance)
    cw = net.cov_with_targets(w_star)
    gradient_s3 = [-2 * (ck * s * s - cw * sw)
                   for ck, sw in zip(net.cov_vector(), net.sigma_times(w_star))]
    sigma_sq = z3.simplify(variance).as_fraction()
    return gradient_obligation(claims, s, root, sigma_sq, gradient_s3, nonzero)


def surd_terms(values, roots: dict) -> tuple[list, list]:
    """Each Surd a + b·sqrt(q) as a Z3 term; sqrt(q) is the root variable of `roots` when q is
    one of its squares (a root r >= 0 with r² = q is that root), else a new r >= 0, r² = q
    (its definitions are returned)."""
    terms, defs = [], []
    for v in values:
        if v.q not in roots:
            roots[v.q] = r = z3.Real(f"r{len(roots)}")
            defs += [r >= 0, r * r == const(v.q)]
        terms.append(const(v.a) + const(v.b) * roots[v.q])
    return terms, defs


def gradient_obligation(claims: Claims, s, root: list, sigma_sq, gradient_s3: list,
                        nonzero: bool | None = None) -> Obligation:
    """The obligation, given s = σ(W*) (s > 0, s² = σ²(W*) = sigma_sq: `root`) and the terms
    s³·∇L̂(W*) of the gradient formula; `nonzero` as for bn_gradient_at_w_star."""
    claimed, defs = surd_terms(claims.grad_at_w_star, {sigma_sq: s})
    claimed_s3 = [g * s * s * s for g in claimed]
    wrong = z3.Or([gk != ck for gk, ck in zip(gradient_s3, claimed_s3)])
    zero = z3.And([gk == 0 for gk in gradient_s3])
    if nonzero is None:
        nonzero = any(g.a != 0 or (g.b != 0 and g.q != 0) for g in claims.grad_at_w_star)
    return Obligation(
        name="bn_gradient_at_w_star",
        statement=("∇L̂(W*) = g exactly, and g != 0" if nonzero
                   else "∇L̂(W*) = 0 exactly (W* is on the line through d)"),
        expected="unsat",
        query=(*root, *defs, z3.Or(wrong, zero) if nonzero else wrong),
        definitions=(*root, *defs),
    )
