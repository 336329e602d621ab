"""Trainable γ and β (docs/spec.md §7): f̂(x_i) = γ(u_i - μ)/σ(w) + β, ε = 0, and
Ŵ* = the w-parts of the local minimisers of L̂(w, γ, β) = (1/n) Σ_i (γ(u_i - μ)/σ + β - y_i)².

Claims (Σ invertible, c != 0, d = Σ⁻¹c, k*² = cᵀΣ⁻¹c):
- gb_optimal_gamma_beta (proofs/variants/affine.py with ε = 0): at fixed w, β = ȳ and
  γ = γ_w = <c,w>/σ(w) is the unique minimiser over (γ, β):
  L̂(w, γ, β) = L̂(w, γ_w, ȳ) + (γ - γ_w)² + (β - ȳ)².
- gb_minimal_loss: L̂(w, γ_w, ȳ) = Var(y) - <c,w>²/(wᵀΣw) = m(w), the profile loss.
- then proofs/variants/line_optima.py: the local minimisers of m are {t·d : t != 0}.

So Ŵ* is the line through d without 0, both signs, and γ takes the sign of t:
γ_td = <c,td>/σ(td) = sign(t)·k*. (L4.5) fails iff W* is not a multiple of d, on the region
<W0,d̂>² < <W0,ŵ>², with probability exactly 1/2 for a rotation-invariant W0, whatever the angle
φ = angle(W*, d) in (0, π) (line_optima.py; the hand steps are stated there and in affine.py).
"""

from __future__ import annotations

from proofs.obligation import Obligation
from proofs.variants.affine import affine_optimum
from proofs.variants.claims import VariantClaims
from proofs.variants.line_optima import line_optima


def gamma_beta(claims: VariantClaims) -> list[Obligation]:
    return [*affine_optimum(claims, "gb"), *line_optima(claims)]
