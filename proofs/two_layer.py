"""Two-layer linear network with one BN hidden unit (docs/spec.md §7; issue 11 item 6).

θ = (w, a) ∈ R^d × R. Standard network ŷ = a·<w, x>, L₂(θ) = L(a·w) (docs/spec.md §3's L); its
optima are {θ : a·w = W*}. BN network ŷ = a·(u_i - μ)/σ(w), L̂₂(θ) = (1/n) Σ (a·z_i - y_i)²
with z_i = (u_i - μ)/σ(w). With ρ(w) = <c, w>/σ(w) and k*² = cᵀΣ⁻¹c = <c, d>:

1. `two_layer_bn_loss_identity`: L̂₂(θ) = a² - 2a·ρ(w) + mean(y²) (mean z = 0, mean z² = 1).
2. `two_layer_bn_lower_bound`: L̂₂(θ) >= mean(y²) - k*² for every θ with σ(w) > 0
   ((a - ρ)² >= 0 and ρ² <= k*², Cauchy-Schwarz in the Σ inner product).
3. `two_layer_bn_optima_attain_bound`: L̂₂(λd, sign(λ)k*) = mean(y²) - k*² for every λ != 0.
4. `two_layer_bn_minimisers_on_line`: L̂₂(θ) = mean(y²) - k*² only if w = λd, λ != 0, and
   a = sign(λ)k*: the global minimisers are exactly {(λd, sign(λ)k*) : λ != 0}.
5. `two_layer_bn_stationary_points`: ∇L̂₂(θ) = 0 only if (w ∥ d, a = ρ(w)) or (a = 0, <c,w> = 0).
   Encoded on the identity form of step 1 (∂/∂a = 2(a - ρ), ∂/∂w = -2a∇ρ with
   ∇ρ = (c·s² - <c,w>Σw)/s³), denominators cleared; tests compare it with SymPy's derivative of
   the literal loss. By hand: at a = 0, <c,w> = 0 (loss mean(y²)) the points
   (w + εd, ρ(w + εd)) have loss mean(y²) - ρ(w + εd)² < mean(y²) (<c, w + εd> = εk*² != 0), so
   these are not local minimisers; hence Ŵ* = the set of step 4.
6. `two_layer_theta0_is_standard_optimum`: L₂(θ) >= L₂(W*, 1) for every θ (θ0 = (W*, 1) is a
   standard optimum, so the closest one to W0 = θ0 is θ0 itself and the right side is 0).
7. `two_layer_distance_lower_bound`: ||θ0 - (λd, sign(λ)k*)||² >= D for every λ != 0, with
   D = ||W*||² - <W*,d>²/||d||² + (1 - k*)² when <W*, d> > 0 (canonical set: 961/153 - 2√38/3).
8. `two_layer_lemma_fails_at_theta0`: sat: <θ0, θ0> > 0 and the right side of (L4.5) at θ0 is
   0 < D.

k* is a variable k with k > 0, k² = <c, d> (a definition), so every value is exact.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

import z3

from proofs.encoding import Network, const, dot, lemma_bound, not_parallel, positive_root, sq_norm
from proofs.obligation import Obligation

Vector = Sequence[Fraction]


class TwoLayer:
    def __init__(self, X, y, w_star: Vector, d: Vector, k_sq: Fraction):
        self.net = Network(X, y)
        self.dim = len(w_star)
        self.w_star = [const(v) for v in w_star]
        self.d = [const(v) for v in d]
        self.k_sq = k_sq
        self.m = self.net.mean_sq_target()

    def theta(self, prefix: str = ""):
        return [z3.Real(f"{prefix}w{k + 1}") for k in range(self.dim)], z3.Real(f"{prefix}a")

    def bn_loss(self, w, a, s):
        """(1/n) Σ (a·(u_i - μ)/s - y_i)², literally."""
        net, mu = self.net, self.net.bn_mean(w)
        return net.inv_n * z3.Sum([(a * (u - mu) / s - yi) ** 2 for u, yi in zip(net.outputs(w), net.y)])

    def identity_form(self, w, a, s):
        return a * a - 2 * a * self.net.cov_with_targets(w) / s + self.m

    def standard_loss(self, w, a):
        return self.net.standard_loss([a * wk for wk in w])


def two_layer_obligations(t: TwoLayer, distance_claim) -> list[Obligation]:
    """Steps 1-8 (`distance_claim`: the exact D as (rational part, coefficient of k))."""
    w, a = t.theta()
    s, s_def = positive_root("s", t.net.bn_variance(w))
    k, k_def = positive_root("k", const(t.k_sq))
    loss_min = t.m - k * k
    sign_k = z3.If(dot(w, t.d) > 0, k, -k)
    obs = [
        Obligation("two_layer_bn_loss_identity",
                   "L̂₂(w, a) = a² - 2a<c,w>/σ(w) + mean(y²) for σ(w) > 0", "unsat",
                   (*s_def, t.bn_loss(w, a, s) != t.identity_form(w, a, s)),
                   definitions=tuple(s_def), premises=tuple(s_def)),
        Obligation("two_layer_bn_lower_bound",
                   "L̂₂(w, a) >= mean(y²) - k*² for every (w, a) with σ(w) > 0", "unsat",
                   (*s_def, *k_def, t.identity_form(w, a, s) < loss_min),
                   definitions=(*s_def, *k_def), premises=tuple(s_def)),
    ]
    lam = z3.Real("lam")
    on_line = [lam * dk for dk in t.d]
    s_l, s_l_def = positive_root("s_l", t.net.bn_variance(on_line))
    premises = (lam != 0,)
    obs.append(Obligation(
        "two_layer_bn_optima_attain_bound",
        "L̂₂(λd, sign(λ)k*) = mean(y²) - k*² for every λ != 0", "unsat",
        (*s_l_def, *k_def, *premises,
         t.identity_form(on_line, z3.If(lam > 0, k, -k), s_l) != loss_min),
        definitions=(*s_l_def, *k_def), premises=premises))
    obs.append(Obligation(
        "two_layer_bn_minimisers_on_line",
        "L̂₂(w, a) = min only if w = λd (λ != 0) and a = sign(λ)k*", "unsat",
        (*s_def, *k_def, t.identity_form(w, a, s) == loss_min,
         z3.Or(not_parallel(w, t.d), a != sign_k)),
        definitions=(*s_def, *k_def), premises=(*s_def, t.identity_form(w, a, s) == loss_min)))
    cw, sw, c = t.net.cov_with_targets(w), t.net.sigma_times(w), t.net.cov_vector()
    stationary = (a * s == cw, *[a * (ck * s * s - cw * swk) == 0 for ck, swk in zip(c, sw)])
    obs.append(Obligation(
        "two_layer_bn_stationary_points",
        "∇L̂₂(w, a) = 0 only if (w ∥ d, a = ρ(w)) or (a = 0, <c,w> = 0)", "unsat",
        (*s_def, *stationary, not_parallel(w, t.d), z3.Or(a != 0, cw != 0)),
        definitions=tuple(s_def), premises=(*s_def, *stationary)))
    obs.append(Obligation(
        "two_layer_theta0_is_standard_optimum",
        "L₂(w, a) >= L₂(W*, 1) for every (w, a): θ0 = (W*, 1) is a standard optimum", "unsat",
        (t.standard_loss(w, a) < t.standard_loss(t.w_star, z3.RealVal(1)),)))
    rational, k_coefficient = distance_claim
    D = const(rational) + const(k_coefficient) * k
    dist_sq = sq_norm([ws - pk for ws, pk in zip(t.w_star, on_line)]) + (1 - z3.If(lam > 0, k, -k)) ** 2
    obs.append(Obligation(
        "two_layer_distance_lower_bound",
        "||θ0 - (λd, sign(λ)k*)||² >= D for every λ != 0", "unsat",
        (*k_def, *premises, dist_sq < D), definitions=tuple(k_def), premises=premises))
    theta0 = [*t.w_star, z3.RealVal(1)]
    obs.append(Obligation(
        "two_layer_lemma_fails_at_theta0",
        "W0 = θ* = θ0 = (W*, 1): <W0,θ*> > 0 and RHS of (L4.5) = 0 < D <= ||θ0 - Ŵ*||²", "sat",
        (*k_def, dot(theta0, theta0) > 0, lemma_bound(theta0, theta0) < D),
        witness={"rhs": lemma_bound(theta0, theta0), "D": D}))
    return obs


# --- width 2 (as far as it goes) ------------------------------------------------------------------
#
# θ = (W₁₁, W₁₂, w₂) ∈ R^d × R^d × R². BN on each hidden unit: z_ij = (<W₁ⱼ, x_i> - μ_j)/σ_j,
# ŷ_i = Σ_j w₂ⱼ z_ij. With v = Σ_j w₂ⱼ W₁ⱼ/σ_j (σ_j = ||W₁ⱼ||_Σ), ŷ_i = <v, x_i - x̄>, so
# L̂ = vᵀΣv - 2<c, v> + mean(y²) = (v - d)ᵀΣ(v - d) + mean(y²) - k*²: the global minimisers are
# {θ : v = d}. Not proved: that they are the only local minimisers.

def width_two_obligations(t: TwoLayer, theta0: Sequence[Fraction], half_side: Fraction) -> list[Obligation]:
    """1. the outputs are ŷ_i = <v, x_i - x̄>; 2. mean((<v, x_i - x̄> - y_i)²) = vᵀΣv - 2<c,v> +
    mean(y²) for every v; 3. that is >= mean(y²) - k*² with equality only at v = d; 4. no θ with
    |θ_k - θ0_k| < half_side for every coordinate (a box containing the ball of that radius) has
    v(θ) = d. Step 4 is encoded with denominators cleared: Σ_j w₂ⱼW₁ⱼ/σ_j = d ⇔
    w₂₁W₁₁σ₂ + w₂₂W₁₂σ₁ = d·σ₁σ₂ (σ₁σ₂ > 0)."""
    net, dim = t.net, t.dim
    rows = [[z3.Real(f"W{j + 1}_{k + 1}") for k in range(dim)] for j in range(2)]
    w2 = [z3.Real("a1"), z3.Real("a2")]
    roots = [positive_root(f"s{j + 1}", net.bn_variance(rows[j])) for j in range(2)]
    sig, defs = [r[0] for r in roots], tuple(c for r in roots for c in r[1])
    v = [z3.Sum([w2[j] * rows[j][k] / sig[j] for j in range(2)]) for k in range(dim)]
    outputs = [z3.Sum([w2[j] * (net.outputs(rows[j])[i] - net.bn_mean(rows[j])) / sig[j] for j in range(2)])
               for i in range(net.n)]
    centered = [[x - m for x, m in zip(row, net.x_mean)] for row in net.X]
    free_v = [z3.Real(f"v{k + 1}") for k in range(dim)]
    free_quadratic = dot(free_v, net.sigma_times(free_v)) - 2 * dot(net.cov_vector(), free_v)
    loss_in_v = net.inv_n * z3.Sum([(dot(free_v, xc) - yi) ** 2 for xc, yi in zip(centered, net.y)])
    k, k_def = positive_root("k", const(t.k_sq))
    flat = [*rows[0], *rows[1], *w2]
    box = tuple(z3.And(x - const(c) < const(half_side), const(c) - x < const(half_side))
                for x, c in zip(flat, theta0))
    cleared = [w2[0] * rows[0][k] * sig[1] + w2[1] * rows[1][k] * sig[0] == t.d[k] * sig[0] * sig[1]
               for k in range(dim)]
    return [
        Obligation("width_two_outputs_are_linear_in_v",
                   "width 2: ŷ_i = Σ_j w₂ⱼ(u_ij - μ_j)/σ_j = <v, x_i - x̄>, v = Σ_j w₂ⱼW₁ⱼ/σ_j", "unsat",
                   (*defs, z3.Or([o != dot(v, xc) for o, xc in zip(outputs, centered)])),
                   definitions=defs, premises=defs),
        Obligation("width_two_bn_loss_in_v",
                   "(1/n) Σ (<v, x_i - x̄> - y_i)² = vᵀΣv - 2<c,v> + mean(y²) for every v", "unsat",
                   (loss_in_v != free_quadratic + t.m,)),
        Obligation("width_two_bn_global_minimisers",
                   "vᵀΣv - 2<c,v> >= -k*², with equality only at v = d", "unsat",
                   (*k_def, z3.Or(free_quadratic < -k * k,
                                  z3.And(free_quadratic == -k * k,
                                         z3.Or([a != b for a, b in zip(free_v, t.d)])))),
                   definitions=tuple(k_def), premises=tuple(k_def)),
        Obligation("width_two_no_bn_optimum_near_theta0",
                   f"no θ with every |θ_k - θ0_k| < {half_side} has v(θ) = d", "unsat",
                   (*defs, *box, *cleared), definitions=defs, premises=box),
    ]
