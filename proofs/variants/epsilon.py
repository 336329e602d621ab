"""ε > 0 (docs/spec.md §7): f̂(x_i) = (u_i - μ)/σ_ε(w), σ_ε(w) = sqrt(wᵀΣw + ε), γ = 1, β = 0.
Every w is in the domain (σ_ε >= sqrt(ε) > 0). With k*² = cᵀΣ⁻¹c = <c,d>:

  k* >= 1: L̂_ε has no stationary point, hence no local minimiser: Ŵ* is empty (canonical set:
           k*² = 38/9) and (L4.5), which speaks of the closest BN optimum, is ill-posed.
  k* < 1:  exactly one local minimiser, w_ε = sqrt(ε/(1 - k*²))·d, with L̂_ε(w_ε) = mean(y²) - k*²,
           a single point, not a ray; (L4.5) then fails on every learning set.

(The issue's form r*·d/||d||_Σ with r* = k*·sqrt(ε/(1 - k*²)) is the same point:
||d||_Σ = sqrt(dᵀΣd) = sqrt(cᵀΣ⁻¹c) = k*.) Along a ray w = r·v (v Σ-unit, k = <c,v>),
L̂_ε = mean(y²) + r²/(r² + ε) - 2kr/sqrt(r² + ε), with r-derivative
2ε(r² + ε)^(-3/2)(r/sqrt(r² + ε) - k).

Obligations (s is σ_ε(w): s > 0, s² = σ²(w) + ε):
- eps_loss_identity: L̂_ε(w) = mean(y²) + σ²(w)/s² - 2<c,w>/s for every w (cleared by s²).
- eps_ray_derivative: <∇L̂_ε(w), w> = 2ε(σ²/s - <c,w>)/s³, i.e. with r = σ(w), k = <c,w>/r,
  d/dr L̂_ε(r·v) = <∇L̂_ε, w>/r = 2ε s⁻³ (r/s - k). Stated with ∇ cleared (eps_gradient_cleared:
  (s⁴/2)∇L̂_ε), so: <(s⁴/2)∇L̂_ε, w> = ε(σ² - <c,w>·s).
- eps_stationary_points_on_line: ∇L̂_ε(w) = 0 iff c·s³ = (ε + <c,w>s)·Σw, which is c·v = k·Σw
  with v = s³ > 0, k = ε + <c,w>s: the paper's bn_stationary_points_on_line (proofs/bn_optima.py)
  proves, for fresh v > 0 and k, that such w is a multiple of d. Reused verbatim.
- eps_no_stationary_point (k* >= 1): no λ with ∇L̂_ε(λd) = 0.
- eps_unique_stationary_point (k* < 1): ∇L̂_ε(λd) = 0 only at λ = λ_ε = sqrt(ε/(1 - k*²))
  (a root variable: λ_ε > 0, λ_ε²(1 - k*²) = ε), and ∇L̂_ε(λ_ε·d) = 0.
- eps_stationary_on_line_in_general (any learning set, any dimension): with Σd = c and
  <c,d> = k*², the stationarity equation at w = λd is c·s³ = (ε + λk*²s)·λ·c, i.e.
  s³ = λ(ε + λk*²s) (c != 0), with s² = λ²k*² + ε. For all k*² > 0, ε > 0, λ and s > 0 this
  forces k*² < 1, λ > 0 and λ²(1 - k*²) = ε: no stationary point when k* >= 1, only λ_ε when
  k* < 1 (k*² and ε are variables here, not the set's values).
- eps_global_minimum (k* < 1): L̂_ε(w) >= mean(y²) - k*² for every w (through the identity:
  σ² - 2<c,w>s + k*²s² >= 0, which is (σ - k*s)² >= 0 after Cauchy-Schwarz) and
  L̂_ε(w_ε) = mean(y²) - k*² (literal loss, cleared).
- eps_negated_lemma / eps_lemma_fails_at_w_star (k* < 1): with Ŵ* = {w_ε}, some admissible W0
  has ||W0 - w_ε||² > RHS(W0): sat with an exact (algebraic) witness; at W0 = W* (RHS = 0).
- eps_lemma_fails_for_a_single_optimum (any learning set, any dimension): for every p and every
  W* != 0, (L4.5) with Ŵ* = {p} fails at W0 = W* or at W0 = 2·W* (both have RHS = 0, and p
  cannot equal both). Both sides are polynomials in the Gram entries a = ||W*||², b = <W*,p>,
  g = ||p||² (||W* - p||² = a - 2b + g, ||2W* - p||² = 4a - 4b + g, RHS(2W*) = a - a²/a), so the
  query ranges over positive semidefinite Gram matrices (a > 0, g >= 0, ag >= b²): every
  dimension at once.

Hand reasoning: L̂_ε is differentiable on all of R^d, so a local minimiser is stationary; no
stationary point means Ŵ* = ∅; one stationary point that is a global minimiser means Ŵ* = {w_ε}.
"""

from __future__ import annotations

import dataclasses

import z3

from proofs.bn_optima import bn_stationary_points_on_line
from proofs.encoding import Network, const, dot, lemma_bound, reals, scaled, sq_norm, sub
from proofs.obligation import Obligation
from proofs.variants.claims import VariantClaims
from proofs.variants.encoding import eps_gradient_cleared


def epsilon(claims: VariantClaims) -> list[Obligation]:
    has_optimum = claims.k_star_sq < 1
    common = [eps_loss_identity(claims), eps_ray_derivative(claims),
              eps_stationary_points_on_line(claims), eps_stationary_on_line_in_general()]
    if not has_optimum:
        return [*common, eps_no_stationary_point(claims)]
    return [*common, eps_unique_stationary_point(claims), eps_global_minimum(claims),
            *eps_lemma(claims), eps_lemma_fails_for_a_single_optimum()]


def _sigma_eps(net: Network, w, eps, name: str = "s"):
    s = z3.Real(name)
    return s, (s > 0, s * s == net.bn_variance(w) + eps)


def eps_loss_identity(claims: VariantClaims) -> Obligation:
    net = Network(claims.X, claims.y)
    w, eps = reals("w", net.dim), const(claims.epsilon)
    s, root = _sigma_eps(net, w, eps)
    simplified = s * s * net.mean_sq_target() + net.bn_variance(w) - 2 * net.cov_with_targets(w) * s
    return Obligation(
        name="eps_loss_identity",
        statement="L̂_ε(w) = mean(y²) + σ²(w)/σ_ε²(w) - 2<c,w>/σ_ε(w) for every w",
        expected="unsat",
        query=(*root, net.bn_loss_cleared(w, s) != simplified),
        definitions=root,
    )


def eps_ray_derivative(claims: VariantClaims) -> Obligation:
    net = Network(claims.X, claims.y)
    w, eps = reals("w", net.dim), const(claims.epsilon)
    s, root = _sigma_eps(net, w, eps)
    radial = dot(eps_gradient_cleared(net, w, s, eps), w)
    return Obligation(
        name="eps_ray_derivative",
        statement="d/dr L̂_ε(r·v) = 2ε(r²+ε)^(-3/2)(r/sqrt(r²+ε) - k) (v Σ-unit, k = <c,v>)",
        expected="unsat",
        query=(*root, radial != eps * (net.bn_variance(w) - net.cov_with_targets(w) * s)),
        definitions=root,
    )


def eps_stationary_points_on_line(claims: VariantClaims) -> Obligation:
    return dataclasses.replace(
        bn_stationary_points_on_line(claims), name="eps_stationary_points_on_line",
        statement="c·v = k·Σw with v > 0 implies w ∥ d; ∇L̂_ε = 0 is this with v = σ_ε³, k = ε + <c,w>σ_ε")


def _stationary_on_line(claims: VariantClaims, lam, name: str = "s"):
    """(root definitions, "∇L̂_ε(λ·d) = 0") for the term λ, with σ_ε(λd) the variable `name`."""
    net = Network(claims.X, claims.y)
    eps = const(claims.epsilon)
    w = scaled(lam, [const(v) for v in claims.bn_direction])
    s, root = _sigma_eps(net, w, eps, name)
    return root, z3.And([g == 0 for g in eps_gradient_cleared(net, w, s, eps)])


def _lambda_eps(claims: VariantClaims):
    """λ_ε = sqrt(ε/(1 - k*²)) as a root variable (k*² < 1)."""
    lam_eps = z3.Real("lam_eps")
    return lam_eps, (lam_eps > 0, lam_eps * lam_eps * (1 - const(claims.k_star_sq)) == const(claims.epsilon))


def eps_no_stationary_point(claims: VariantClaims) -> Obligation:
    root, stationary = _stationary_on_line(claims, z3.Real("lam"))
    return Obligation(
        name="eps_no_stationary_point",
        statement=f"k*² = {claims.k_star_sq} >= 1: ∇L̂_ε(λd) != 0 for every λ, so L̂_ε has no local minimiser",
        expected="unsat",
        query=(*root, stationary),
        definitions=root,
    )


def eps_unique_stationary_point(claims: VariantClaims) -> Obligation:
    lam = z3.Real("lam")
    root, stationary = _stationary_on_line(claims, lam)
    lam_eps, defs = _lambda_eps(claims)
    root_eps, stationary_eps = _stationary_on_line(claims, lam_eps, "s_eps")
    definitions = (*root, *defs, *root_eps)
    return Obligation(
        name="eps_unique_stationary_point",
        statement="∇L̂_ε(λd) = 0 iff λ = sqrt(ε/(1 - k*²)): w_ε is the only stationary point",
        expected="unsat",
        query=(*definitions, z3.Or(z3.And(stationary, lam != lam_eps), z3.Not(stationary_eps))),
        definitions=definitions,
    )


def eps_stationary_on_line_in_general(claimed=None) -> Obligation:
    """`claimed(ε)`: the claimed value of λ²(1 - k*²), ε when None (the claim); a test passes a
    wrong one (2ε), which the query must refute."""
    k_sq, eps, lam, s = z3.Reals("k_sq eps lam s")
    premises = (k_sq > 0, eps > 0, s > 0, s * s == lam * lam * k_sq + eps,
                s * s * s == lam * (eps + lam * k_sq * s))
    value = eps if claimed is None else claimed(eps)
    return Obligation(
        name="eps_stationary_on_line_in_general",
        statement="for all k*² > 0, ε > 0: ∇L̂_ε(λd) = 0 forces k*² < 1, λ > 0, λ²(1 - k*²) = ε",
        expected="unsat",
        query=(*premises, z3.Or(k_sq >= 1, lam <= 0, lam * lam * (1 - k_sq) != value)),
        premises=premises,
    )


def eps_global_minimum(claims: VariantClaims) -> Obligation:
    net = Network(claims.X, claims.y)
    w, eps, k_sq = reals("w", net.dim), const(claims.epsilon), const(claims.k_star_sq)
    s, root = _sigma_eps(net, w, eps)
    lam_eps, defs = _lambda_eps(claims)
    w_eps = scaled(lam_eps, [const(v) for v in claims.bn_direction])
    s_eps, root_eps = _sigma_eps(net, w_eps, eps, "s_eps")
    definitions = (*root, *defs, *root_eps)
    below = net.bn_variance(w) - 2 * net.cov_with_targets(w) * s + k_sq * s * s < 0
    return Obligation(
        name="eps_global_minimum",
        statement="L̂_ε(w) >= L̂_ε(w_ε) = mean(y²) - k*² for every w",
        expected="unsat",
        query=(*definitions, z3.Or(below, net.bn_loss_cleared(w_eps, s_eps)
                                   != (net.mean_sq_target() - k_sq) * s_eps * s_eps)),
        definitions=definitions,
    )


def eps_lemma(claims: VariantClaims) -> list[Obligation]:
    w_star = [const(v) for v in claims.w_star]
    w0 = reals("W0_", len(w_star))
    lam_eps, defs = _lambda_eps(claims)
    w_eps = scaled(lam_eps, [const(v) for v in claims.bn_direction])
    left = lambda p: sq_norm(sub(p, w_eps))
    return [
        Obligation(
            name="eps_negated_lemma",
            statement="some W0 with <W0,W*> > 0 has ||W0 - w_ε||² > RHS of (L4.5)",
            expected="sat",
            query=(*defs, dot(w0, w_star) > 0, left(w0) > lemma_bound(w0, w_star)),
            witness={**{f"W0_{k + 1}": v for k, v in enumerate(w0)},
                     "lhs": left(w0), "rhs": lemma_bound(w0, w_star)},
            definitions=defs,
        ),
        Obligation(
            name="eps_lemma_fails_at_w_star",
            statement="at W0 = W*: <W*,W*> > 0 and ||W* - w_ε||² > 0 = RHS of (L4.5)",
            expected="unsat" if claims.w_star_is_w_eps else "sat",
            query=(*defs, dot(w_star, w_star) > 0, left(w_star) > lemma_bound(w_star, w_star)),
            witness={"lhs": left(w_star), "rhs": lemma_bound(w_star, w_star)},
            definitions=defs,
            premises=(dot(w_star, w_star) > 0,) if claims.w_star_is_w_eps else (),
        ),
    ]



def eps_lemma_fails_for_a_single_optimum() -> Obligation:
    a, b, g = z3.Reals("a b g")          # ||W*||², <W*,p>, ||p||²
    premises = (a > 0, g >= 0, a * g >= b * b)
    right = lambda t: (t - 1) ** 2 * a - (a - t * a) ** 2 / a     # RHS of (L4.5) at W0 = t·W*
    holds_at_w_star = a - 2 * b + g <= right(1)
    holds_at_twice = 4 * a - 4 * b + g <= right(2)
    return Obligation(
        name="eps_lemma_fails_for_a_single_optimum",
        statement="for every point p and W* != 0, in every dimension, (L4.5) with Ŵ* = {p} fails at W0 = W* or 2W*",
        expected="unsat",
        query=(*premises, holds_at_w_star, holds_at_twice),
        premises=premises,
    )
