"""The BN loss and its gradient at W* in high dimension, on the matrices of
proofs/matrix_identities.py (`check --prove` uses these when d > 3: the literal terms with W*
substituted have 500-digit coefficients, and building them alone took 14 s at d = 100).

From the forms of proofs/bn_optima_sigma.py (for every w: σ²(w) = wᵀΣw, <c,w> = cᵀw, Σ = S/n²,
c = s/n², and for every w with σ(w) > 0: L̂(w) = 1 + mean(y²) - 2<c,w>/σ(w)),
at w = W* and w = d: σ²(W*) = q := W*ᵀΣW*, <c,W*> = cᵀW*, σ²(d) = <c,d> = dᵀc, and
(Σw = ½∇σ²(w)) ΣW* = (S·W*)/n². These numbers are computed exactly from S and s; the queries
below have one or two square-root variables and no other unknown.

- bn_gradient_at_w_star: s > 0, s² = q, and s³·∇L̂(W*) = -2(c·s² - <c,W*>·ΣW*) (the
  gradient formula of proofs/encoding.py, multiplied by s³ > 0) differs from s³·g, or (where
  W* is off the line through d) is 0. Expected unsat. The claimed g is also re-derived by exact
  forward-mode differentiation of the literal loss (harness/forward_gradient.py), an
  independent route, in `check --prove`.
- w_star_not_bn_optimal: W* = t·d for some t > 0, or L̂(W*) != ℓ*, or L̂(d) != ℓ_min, or
  ℓ* <= ℓ_min, with the loss values in the simplified form, cleared of the denominators
  s = σ(W*) and s_d = σ(d): (1 + mean(y²))·s - 2<c,W*> = ℓ*·s. Expected unsat.
"""

from __future__ import annotations

import z3

from proofs.bn_gradient_at_w_star import gradient_obligation, surd_terms
from proofs.claims import Claims
from proofs.encoding import const, positive_root, scaled
from proofs.matrix_identities import DataMatrices, fr, vector
from proofs.obligation import Obligation


def _values(claims: Claims, m: DataMatrices):
    n2 = m.n * m.n
    W, d = vector(claims.w_star), vector(claims.bn_direction)
    SW = m.S * W
    q = fr((W.transpose() * SW)[0, 0]) / n2
    cw = fr((m.s.transpose() * W)[0, 0]) / n2
    cd = fr((m.s.transpose() * d)[0, 0]) / n2
    c = [fr(m.s[k, 0]) / n2 for k in range(m.s.nrows())]
    sigma_w = [fr(SW[k, 0]) / n2 for k in range(SW.nrows())]
    return q, cw, cd, c, sigma_w


def at_w_star_matrix(claims: Claims, m: DataMatrices) -> list[Obligation]:
    q, cw, cd, c, sigma_w = _values(claims, m)
    obligations = [_gradient(claims, q, cw, c, sigma_w)]
    if claims.lemma_fails:
        obligations.append(_not_optimal(claims, m, q, cw, cd))
    return obligations


def _gradient(claims: Claims, q, cw, c, sigma_w) -> Obligation:
    s, root = positive_root("s", const(q))
    gradient_s3 = [-2 * (const(ck) * s * s - const(cw) * const(swk)) for ck, swk in zip(c, sigma_w)]
    return gradient_obligation(claims, s, root, q, gradient_s3)


def _not_optimal(claims: Claims, m: DataMatrices, q, cw, cd) -> Obligation:
    base = 1 + fr(m.yy) / m.n
    w_star = [const(v) for v in claims.w_star]
    d = [const(v) for v in claims.bn_direction]
    t = z3.Real("t")
    s, root_w = positive_root("s", const(q))
    s_d, root_d = positive_root("s_d", const(cd))
    (loss_w, loss_min), defs = surd_terms([claims.bn_loss_at_w_star, claims.min_bn_loss], {q: s, cd: s_d})
    on_ray = z3.And(t > 0, z3.And([wk == tk for wk, tk in zip(w_star, scaled(t, d))]))
    definitions = (*root_w, *root_d, *defs)
    return Obligation(
        name="w_star_not_bn_optimal",
        statement="W* is not on the BN ray and L̂(W*) = ℓ* > ℓ_min = L̂(d) = min L̂",
        expected="unsat",
        query=(*definitions,
               z3.Or(on_ray, const(base) * s - 2 * const(cw) != loss_w * s,
                     const(base) * s_d - 2 * const(cd) != loss_min * s_d,
                     loss_w <= loss_min)),
        definitions=definitions,
    )
