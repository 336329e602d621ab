"""PyTorch's default BatchNorm1d(affine=True, eps=1e-5) (docs/spec.md §7): trainable γ and β and
ε > 0, f̂(x_i) = γ(u_i - μ)/σ_ε(w) + β with σ_ε(w) = sqrt(wᵀΣw + ε). This is the variant
practitioners run. γ absorbs ε: minimising over (γ, β) leaves the same profile loss
m(w) = Var(y) - <c,w>²/(wᵀΣw) as trainable γ, β without ε, so Ŵ*, the failure region and the
probability 1/2 are those of proofs/variants/gamma_beta.py (proofs/variants/line_optima.py).

- torch_optimal_gamma_beta, torch_minimal_loss (proofs/variants/affine.py with ε > 0): at fixed
  w with σ(w) > 0, (γ_w, ȳ) with γ_w = <c,w>·σ_ε(w)/σ²(w) is the unique minimiser over (γ, β),
  and L̂_ε(w, γ_w, ȳ) = Var(y) - <c,w>²/σ²(w): ε has dropped out.
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

from proofs.encoding import Network, const, scaled
from proofs.obligation import Obligation
from proofs.variants.affine import affine_optimum
from proofs.variants.claims import VariantClaims
from proofs.variants.encoding import affine_bn_loss_cleared, target_variance
from proofs.variants.line_optima import line_optima


def pytorch_default(claims: VariantClaims) -> list[Obligation]:
    return [*affine_optimum(claims, "torch"), torch_origin_not_minimum(claims), *line_optima(claims)]


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
