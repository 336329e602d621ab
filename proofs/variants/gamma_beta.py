"""Trainable γ and β (paper.md §7): f̂(x_i) = γ(u_i - μ)/σ(w) + β, ε = 0, and
Ŵ* = the w-parts of the local minimisers of L̂(w, γ, β) = (1/n) Σ_i (γ(u_i - μ)/σ + β - y_i)².

Claims (Σ invertible, c != 0, d = Σ⁻¹c, k*² = cᵀΣ⁻¹c):
- gb_optimal_gamma_beta: for every w with σ(w) > 0 and all γ, β, with γ_w = <c,w>/σ(w):
  L̂(w, γ, β) = L̂(w, γ_w, ȳ) + (γ - γ_w)² + (β - ȳ)² (completing the square), which says
  exactly that (γ_w, ȳ) is the unique minimiser over (γ, β). Query: s > 0, s² = σ²(w),
  g·s = <c,w> (g is γ_w) and the identity's negation, multiplied by s² > 0 (the losses with
  their denominator cleared, proofs/variants/encoding.affine_bn_loss_cleared), for γ = g + δ
  (δ ranges over all reals as γ does). (The literal "L̂(w,γ,β) <= L̂(w,γ_w,ȳ) with
  (γ,β) != (γ_w,ȳ)" is also unsat for Z3 in 0.02 s, but cvc5 times out on it; on the identity in
  δ both answer in 0.1 s.)
- gb_minimal_loss: L̂(w, γ_w, ȳ) = Var(y) - <c,w>²/σ²(w) = m(w), the profile loss (cleared:
  s²·L̂ = Var(y)·s² - <c,w>², since s² = σ²(w)).
- then proofs/variants/line_optima.py: the local minimisers of m are {t·d : t != 0}.

Hand reasoning linking them: at fixed w the loss is a strictly convex quadratic in (γ, β) whose
only local minimiser is (γ_w, ȳ) (gb_optimal_gamma_beta), so a local minimiser of L̂ has that
form; γ_w is continuous where σ > 0, so its w is a local minimiser of m; conversely every
(t·d, γ_td, ȳ) is a global minimiser (L̂ >= m(w) >= m(td)). So Ŵ* is the line through d without
0, both signs, and γ takes the sign of t: γ_td = <c,td>/σ(td) = sign(t)·k*. (L4.5) fails iff
W* is not a multiple of d, on the region <W0,d̂>² < <W0,ŵ>², with probability 1/2.
"""

from __future__ import annotations

import z3

from proofs.encoding import Network, reals
from proofs.obligation import Obligation
from proofs.variants.claims import VariantClaims
from proofs.variants.encoding import affine_bn_loss_cleared, target_variance
from proofs.variants.line_optima import line_optima


def gamma_beta(claims: VariantClaims) -> list[Obligation]:
    return [gb_optimal_gamma_beta(claims), gb_minimal_loss(claims), *line_optima(claims)]


def _setting(claims: VariantClaims):
    net = Network(claims.X, claims.y)
    w, (s, g) = reals("w", net.dim), z3.Reals("s g")
    roots = (s > 0, s * s == net.bn_variance(w), g * s == net.cov_with_targets(w))
    return net, w, s, g, roots


def gb_optimal_gamma_beta(claims: VariantClaims) -> Obligation:
    net, w, s, g, roots = _setting(claims)
    delta, beta = z3.Reals("delta beta")
    loss = affine_bn_loss_cleared(net, w, s, g + delta, beta)
    best = affine_bn_loss_cleared(net, w, s, g, net.y_mean)
    return Obligation(
        name="gb_optimal_gamma_beta",
        statement="L̂(w,γ,β) = L̂(w,γ_w,ȳ) + (γ - γ_w)² + (β - ȳ)², γ_w = <c,w>/σ(w), for every w with σ(w) > 0",
        expected="unsat",
        query=(*roots, loss != best + s * s * (delta ** 2 + (beta - net.y_mean) ** 2)),
        definitions=roots,
    )


def gb_minimal_loss(claims: VariantClaims) -> Obligation:
    net, w, s, g, roots = _setting(claims)
    cw = net.cov_with_targets(w)
    return Obligation(
        name="gb_minimal_loss",
        statement="L̂(w, <c,w>/σ(w), ȳ) = Var(y) - <c,w>²/(wᵀΣw) for every w with σ(w) > 0",
        expected="unsat",
        query=(*roots, affine_bn_loss_cleared(net, w, s, g, net.y_mean)
               != target_variance(net) * s * s - cw * cw),
        definitions=roots,
    )
