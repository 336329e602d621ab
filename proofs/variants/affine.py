"""Trainable γ and β, with ε >= 0: the minimum over (γ, β) of the BN loss (docs/spec.md §7).
Shared by proofs/variants/gamma_beta.py (ε = 0) and proofs/variants/pytorch_default.py (ε > 0).

L̂_ε(w, γ, β) = (1/n) Σ_i (γ(u_i - μ)/σ_ε(w) + β - y_i)², σ_ε(w) = sqrt(σ²(w) + ε), σ(w) > 0.
With γ_w = <c,w>·σ_ε(w)/σ²(w) (= <c,w>/σ(w) when ε = 0):

- <prefix>_optimal_gamma_beta: L̂_ε(w, γ, β) = L̂_ε(w, γ_w, ȳ) + (γ - γ_w)²·σ²/σ_ε² + (β - ȳ)²
  (completing the square; σ² > 0), which says exactly that (γ_w, ȳ) is the unique minimiser
  over (γ, β). Query: σ²(w) > 0, s > 0, s² = σ²(w) + ε, g·σ²(w) = <c,w>·s (g is γ_w), and the
  identity's negation multiplied by s² > 0 (the losses with their denominator cleared,
  proofs/variants/encoding.affine_bn_loss_cleared), for γ = g + δ (δ ranges over all reals as
  γ does). cvc5 times out on the form in γ (and on the literal "L̂(w,γ,β) <= L̂(w,γ_w,ȳ) with
  (γ,β) != (γ_w,ȳ)", which Z3 proves in 0.02 s); on the form in δ both answer in 0.1 s.
- <prefix>_minimal_loss: L̂_ε(w, γ_w, ȳ) = Var(y) - <c,w>²/σ²(w) = m(w), the profile loss of
  proofs/variants/line_optima.py; ε drops out (cleared: multiplied by s²·σ²(w) > 0).

Hand reasoning: at fixed w the loss is a strictly convex quadratic in (γ, β), so a local
minimiser of L̂_ε has (γ, β) = (γ_w, ȳ); γ_w is continuous where σ > 0, so its w is a local
minimiser of m; conversely every (t·d, γ_td, ȳ) is a global minimiser (L̂_ε >= m(w) >= m(td)).
"""

from __future__ import annotations

import z3

from proofs.encoding import Network, const, reals
from proofs.obligation import Obligation
from proofs.variants.claims import VariantClaims
from proofs.variants.encoding import affine_bn_loss_cleared, target_variance

GAMMA_W = {"gb": "<c,w>/σ(w)", "torch": "<c,w>σ_ε/σ²"}


def affine_optimum(claims: VariantClaims, prefix: str) -> list[Obligation]:
    """The two obligations, named `<prefix>_optimal_gamma_beta` and `<prefix>_minimal_loss`."""
    net = Network(claims.X, claims.y)
    w, (s, g, delta, beta) = reals("w", net.dim), z3.Reals("s g delta beta")
    var_w, cw = net.bn_variance(w), net.cov_with_targets(w)
    roots = (s > 0, s * s == var_w + const(claims.epsilon), g * var_w == cw * s)
    best = affine_bn_loss_cleared(net, w, s, g, net.y_mean)
    loss = affine_bn_loss_cleared(net, w, s, g + delta, beta)
    square = "(γ-γ_w)²" if claims.epsilon == 0 else "(γ-γ_w)²σ²/σ_ε²"
    return [
        Obligation(
            name=f"{prefix}_optimal_gamma_beta",
            statement=(f"L̂(w,γ,β) = L̂(w,γ_w,ȳ) + {square} + (β-ȳ)², "
                       f"γ_w = {GAMMA_W[prefix]}, for every w with σ(w) > 0"),
            expected="unsat",
            query=(var_w > 0, *roots, loss != best + delta ** 2 * var_w + s * s * (beta - net.y_mean) ** 2),
            definitions=roots,
            premises=(var_w > 0,),
        ),
        Obligation(
            name=f"{prefix}_minimal_loss",
            statement="L̂(w, γ_w, ȳ) = Var(y) - <c,w>²/(wᵀΣw) for every w with σ(w) > 0",
            expected="unsat",
            query=(var_w > 0, *roots, var_w * best != (target_variance(net) * var_w - cw * cw) * s * s),
            definitions=roots,
            premises=(var_w > 0,),
        ),
    ]
