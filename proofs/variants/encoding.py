"""Z3 terms the variants add to proofs/encoding.py: BN with a trainable scale γ and shift β.

f̂_{w,γ,β}(x_i) = γ(u_i - μ)/s + β, where s stands for σ(w) (ε = 0) or σ_ε(w) = sqrt(σ²(w) + ε);
as in proofs/encoding.py, s is a variable with s > 0 and s² = σ²(w) (+ ε), never a function.
Like proofs/encoding.py this shares no code with the SymPy side (harness/variant_evaluator.py).
"""

from __future__ import annotations

import z3

from proofs.encoding import Network, Term, dot, sq_norm


def affine_bn_loss_cleared(net: Network, w, s, gamma, beta) -> Term:
    """s²·L̂(w, γ, β) = (1/n) Σ_i (γ(u_i - μ) + s(β - y_i))²: the literal loss
    (1/n) Σ_i (γ(u_i - μ)/s + β - y_i)² with its denominator s² cleared term by term
    ((a/s + b)²·s² = (a + s·b)²)."""
    mu = net.bn_mean(w)
    return net.inv_n * z3.Sum([(gamma * (u - mu) + s * (beta - yi)) ** 2
                               for u, yi in zip(net.outputs(w), net.y)])


def target_variance(net: Network) -> Term:
    """Var(y) = (1/n) Σ_i (y_i - ȳ)²."""
    return net.inv_n * z3.Sum([(yi - net.y_mean) ** 2 for yi in net.y])


def line_distance_sq(w0, d) -> Term:
    """||W0||² - <W0,d>²/||d||²: the squared distance from W0 to the line through d, which is
    also the infimum over the line without 0 (proved in proofs/variants/line_optima.py)."""
    return sq_norm(w0) - dot(w0, d) ** 2 / sq_norm(d)


def eps_gradient_cleared(net: Network, w, s, eps) -> list[Term]:
    """(s⁴/2)·∇L̂_ε(w) = (ε + <c,w>·s)·Σw - c·s³, s = σ_ε(w), for γ = 1, β = 0. Hand-derived from
    L̂_ε(w) = mean(y²) + σ²/s² - 2<c,w>/s (eps_loss_identity) with ∇σ² = 2Σw, ∇s = Σw/s:
    ∇L̂_ε = 2εΣw/s⁴ - 2c/s + 2<c,w>Σw/s³; tests/test_variants_encoding.py checks it against
    SymPy's derivative of the literal loss, for every w."""
    cw = net.cov_with_targets(w)
    return [(eps + cw * s) * sw - ck * s * s * s
            for ck, sw in zip(net.cov_vector(), net.sigma_times(w))]
