"""PyTorch's default BatchNorm1d(affine=True, eps=1e-5) (paper.md §7): trainable γ and β and
ε > 0, f̂(x_i) = γ(u_i - μ)/σ_ε(w) + β with σ_ε(w) = sqrt(wᵀΣw + ε). This is the variant
practitioners run. γ absorbs ε: minimising over (γ, β) leaves the same profile loss
m(w) = Var(y) - <c,w>²/(wᵀΣw) as trainable γ, β without ε, so Ŵ*, the failure region and the
probability 1/2 are those of proofs/variants/gamma_beta.py (proofs/variants/line_optima.py).

- torch_optimal_gamma_beta: for every w with σ(w) > 0 and all γ, β, with
  γ_w = <c,w>·σ_ε(w)/σ²(w): L̂_ε(w, γ, β) = L̂_ε(w, γ_w, ȳ) + (γ - γ_w)²·σ²/σ_ε² + (β - ȳ)²
  (completing the square; σ² > 0), so (γ_w, ȳ) is the unique minimiser over (γ, β).
  Query: σ²(w) > 0, s > 0, s² = σ²(w) + ε, g·σ²(w) = <c,w>·s (g is γ_w), the identity's
  negation multiplied by s² > 0, for γ = g + δ (δ ranges over all reals as γ does; cvc5 times
  out on the form in γ, answers in 0.1 s on this one).
- torch_minimal_loss: L̂_ε(w, γ_w, ȳ) = Var(y) - <c,w>²/σ²(w) (cleared: multiplied by
  s²·σ²(w) > 0): ε has dropped out.
- torch_origin_not_minimum: with ε > 0 the weight w = 0 (σ(0) = 0) is in the domain, where
  L̂_ε(0, γ, β) = (β - ȳ)² + Var(y) >= Var(y) >= m(w) for all w; no (0, γ, β) is a local
  minimiser: for every e != 0 with e·γ >= 0 and (γ + e)²e² < 4ε,
  L̂_ε(e·d, γ + e, β) < L̂_ε(0, γ, β), and these points tend to (0, γ, β) as e -> 0 (with the
  sign of γ; either sign if γ = 0). Query: the negation of both parts, losses cleared by their
  denominators s_e², s_0² > 0 (cross-multiplied).

Hand reasoning: as in gamma_beta.py for σ(w) > 0 (a local minimiser has (γ, β) = (γ_w, ȳ) and w a
local minimiser of m); with torch_origin_not_minimum, Ŵ* = {t·d : t != 0}.
"""

from __future__ import annotations

import z3

from proofs.encoding import Network, const, reals, scaled
from proofs.obligation import Obligation
from proofs.variants.claims import VariantClaims
from proofs.variants.encoding import affine_bn_loss_cleared, target_variance
from proofs.variants.line_optima import line_optima


def pytorch_default(claims: VariantClaims) -> list[Obligation]:
    return [torch_optimal_gamma_beta(claims), torch_minimal_loss(claims),
            torch_origin_not_minimum(claims), *line_optima(claims)]


def _setting(claims: VariantClaims):
    net = Network(claims.X, claims.y)
    w, (s, g) = reals("w", net.dim), z3.Reals("s g")
    var_w, eps = net.bn_variance(w), const(claims.epsilon)
    roots = (s > 0, s * s == var_w + eps, g * var_w == net.cov_with_targets(w) * s)
    return net, w, s, g, var_w, roots


def torch_optimal_gamma_beta(claims: VariantClaims) -> Obligation:
    net, w, s, g, var_w, roots = _setting(claims)
    delta, beta = z3.Reals("delta beta")
    loss = affine_bn_loss_cleared(net, w, s, g + delta, beta)
    best = affine_bn_loss_cleared(net, w, s, g, net.y_mean)
    return Obligation(
        name="torch_optimal_gamma_beta",
        statement="L̂_ε(w,γ,β) = L̂_ε(w,γ_w,ȳ) + (γ-γ_w)²σ²/σ_ε² + (β-ȳ)², γ_w = <c,w>σ_ε/σ², if σ(w) > 0",
        expected="unsat",
        query=(var_w > 0, *roots, loss != best + delta ** 2 * var_w + s * s * (beta - net.y_mean) ** 2),
        definitions=roots,
        premises=(var_w > 0,),
    )


def torch_minimal_loss(claims: VariantClaims) -> Obligation:
    net, w, s, g, var_w, roots = _setting(claims)
    cw = net.cov_with_targets(w)
    return Obligation(
        name="torch_minimal_loss",
        statement="L̂_ε(w, γ_w, ȳ) = Var(y) - <c,w>²/(wᵀΣw) for every w with σ(w) > 0: ε drops out",
        expected="unsat",
        query=(var_w > 0, *roots, var_w * affine_bn_loss_cleared(net, w, s, g, net.y_mean)
               != (target_variance(net) * var_w - cw * cw) * s * s),
        definitions=roots,
        premises=(var_w > 0,),
    )


def torch_origin_not_minimum(claims: VariantClaims) -> Obligation:
    net = Network(claims.X, claims.y)
    d, eps = [const(v) for v in claims.bn_direction], const(claims.epsilon)
    zero = [const(0)] * net.dim
    gamma, beta, e, s_e, s_0 = z3.Reals("gamma beta e s_e s_0")
    w_e = scaled(e, d)
    roots = (s_e > 0, s_e * s_e == net.bn_variance(w_e) + eps, s_0 > 0, s_0 * s_0 == net.bn_variance(zero) + eps)
    near = (e != 0, e * gamma >= 0, (gamma + e) ** 2 * e * e < 4 * eps)
    at_origin = affine_bn_loss_cleared(net, zero, s_0, gamma, beta)
    lower = affine_bn_loss_cleared(net, w_e, s_e, gamma + e, beta) * s_0 * s_0 < at_origin * s_e * s_e
    return Obligation(
        name="torch_origin_not_minimum",
        statement="L̂_ε(0,γ,β) >= Var(y), and L̂_ε(e·d, γ+e, β) < L̂_ε(0,γ,β) for e -> 0 with the sign of γ",
        expected="unsat",
        query=(*roots, z3.Or(at_origin < target_variance(net) * s_0 * s_0,
                             z3.And(*near, z3.Not(lower)))),
        definitions=roots,
    )
