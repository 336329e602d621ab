"""From data to statistics: for every learning set with n points in Rᵏ (every entry of X and y a
variable), the losses of docs/spec.md §3 are functions of the statistics the general theorems are
about (n = 3, k = 2 and n = 4, k = 3 machine-checked; for other n, k the same expansion of the
sums, by hand):

- s²·L̂(w) = s²·(1 + mean(y²) - 2<c,w>/s) whenever s > 0, s² = σ²(w), L̂ the literal BN loss
  (both sides with the denominator s² cleared, as in proofs/bn_optima.py: multiplying by s² > 0
  preserves "!="; the literal form with divisions takes 14 s at n = 3 and is `unknown` at n = 4);
- <c,w> = Σ_j c_j w_j with c_j = (1/n)Σ_i (x_ij - x̄_j)(y_i - ȳ) (batch covariance of outputs and
  targets = the statistic c applied to w);
- σ²(w) = wᵀΣw with Σ_jl = (1/n)Σ_i (x_ij - x̄_j)(x_il - x̄_l);
- L(w) = wᵀ(Σ + x̄x̄ᵀ)w - 2<w, c + x̄ȳ> + mean(y²): the standard loss is the quadratic whose
  normal equations realizability.py solves.
Query: σ²(w) > 0, s > 0, s² = σ²(w) and one of the four equations false.                     expected unsat.
"""

from __future__ import annotations

import z3

from proofs.encoding import Network, dot
from proofs.obligation import Obligation


def _covariance(net: Network) -> list[list[z3.ArithRef]]:
    """Σ_jl = (1/n) Σ_i (x_ij - x̄_j)(x_il - x̄_l), literally."""
    return [[net.inv_n * z3.Sum([(x[j] - net.x_mean[j]) * (x[l] - net.x_mean[l]) for x in net.X])
             for l in range(net.dim)] for j in range(net.dim)]


def data_link(n: int, k: int) -> Obligation:
    X = [[z3.Real(f"x{i + 1}_{j + 1}") for j in range(k)] for i in range(n)]
    y = [z3.Real(f"y{i + 1}") for i in range(n)]
    net = Network(X, y)
    w, s = [z3.Real(f"w{j + 1}") for j in range(k)], z3.Real("s")
    var_w = net.bn_variance(w)
    sigma, c = _covariance(net), net.cov_vector()
    sigma_form = z3.Sum([w[j] * sigma[j][l] * w[l] for j in range(k) for l in range(k)])
    quadratic = sigma_form + dot(w, net.x_mean) ** 2            # wᵀ(Σ + x̄x̄ᵀ)w
    linear = dot(w, [cj + mj * net.y_mean for cj, mj in zip(c, net.x_mean)])
    root = (s > 0, s * s == var_w)
    return Obligation(
        name=f"general_data_to_statistics_n{n}_k{k}",
        statement=f"every learning set of {n} points in R^{k}: L̂ = 1 + mean(y²) - 2<c,w>/σ, "
                  "<c,w> = cᵀw, σ² = wᵀΣw, L = wᵀ(Σ + x̄x̄ᵀ)w - 2<w, c + x̄ȳ> + mean(y²)",
        expected="unsat",
        query=(*root, var_w > 0, z3.Or(net.bn_loss_cleared(w, s) != net.simplified_bn_loss_cleared(w, s),
                            net.cov_with_targets(w) != dot(c, w),
                            var_w != sigma_form,
                            net.standard_loss(w) != quadratic - 2 * linear + net.mean_sq_target())),
        definitions=root, premises=(var_w > 0,),
    )
