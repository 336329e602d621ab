"""BN optima in high dimension, by a Σ-orthogonal decomposition (`check --prove` uses these
instead of the literal bn_ray_is_global_minimum, bn_stationary_points_on_line and
bn_opposite_ray_not_minimum of proofs/bn_optima.py when d > 3).

- bn_variance_quadratic_form, bn_covariance_linear_form: for every w, n²·σ²(w) = wᵀSw and
  n²·<c,w> = sᵀw, with σ² and <c,w> the literal terms of proofs/encoding.py and S = n²Σ,
  s = n²c integer-scaled from the data (proofs/matrix_identities.py). Z3, small coefficients.
  Expected unsat.
- bn_loss_quadratic_form (replaces the literal bn_loss_identity at d > 3): for every w and s,
  n²·s²L̂(w) = wᵀSw - 2s·sᵀw + n·s²·yᵀy, with s²L̂ = (1/n) Σ_i ((u_i - μ) - s·y_i)² the literal
  loss with its denominator s² cleared (Network.bn_loss_cleared): a polynomial identity, no
  square root. With the two forms above and s = σ(w) > 0 (s² = σ²(w) = wᵀSw/n²) it reads
  s²L̂(w) = s²(1 + mean(y²)) - 2s<c,w>: L̂(w) = 1 + mean(y²) - 2<c,w>/σ(w), the identity every
  later BN claim uses. Expected unsat.
- bn_direction_exact: S·d = s (Σd = c), S is positive definite (every leading principal minor
  > 0) and D_1 = dᵀs/n² (= dᵀΣd = <c,d> > 0), the constant of the queries below. Variable-free,
  decided exactly. Expected unsat.

Coordinates (by hand, from these two): write w = z_1·d + r with z_1 = <c,w>/<c,d> and r
Σ-orthogonal to d (dᵀΣr = cᵀr = 0). Then σ²(w) = wᵀΣw = D_1·z_1² + R with R = rᵀΣr >= 0
(Σ positive definite), R > 0 iff r != 0 iff w is not a multiple of d, and <c,w> = D_1·z_1.
So V = D_1·q_1 + R with q_1 = z_1², and C = D_1·z_1; t·d has z_1 = t, R = 0.

- bn_ray_is_global_minimum: as in proofs/bn_optima.py, L̂(w) < L̂(t·d) iff C > 0 and
  C²·σ²(td) > <c,td>²·V; with σ²(td) = D_1 t², <c,td> = D_1 t and t > 0, dividing by D_1 t² > 0
  this is C² > D_1·V. Query: C > 0, V > 0, C² > D_1·V.
- bn_opposite_ray_not_minimum: likewise L̂(w) >= L̂(-t·d) iff -C > 0 and C² >= D_1·V.
  Query: w off the line (R > 0), V > 0, -C > 0, C² >= D_1·V.
- bn_stationary_points_on_line: with the identity (bn_loss_identity) L̂(w) = 1 + mean(y²)
  - 2C/sqrt(V); multiplied by -V^{3/2}/2 its gradient is c·V - C·Σw (the gradient formula of
  proofs/encoding.py). Its component along d (the inner product with d) is D_1·V - C²
  (dᵀc = D_1, dᵀΣw = cᵀw = C); the query keeps only that component (fewer constraints).
Relaxation (all three): z_1, q_1 = z_1² and R >= 0 are the only unknowns; every w gives such a
triple, so unsat of the relaxed query proves the claim. All expected unsat.
"""

from __future__ import annotations

import z3

from proofs.claims import Claims
from proofs.encoding import Network, const
from proofs.matrix_identities import (DataMatrices, exact_fact, fr, linear_form, positive_definite,
                                      quadratic_form, vector)
from proofs.obligation import Obligation


def bn_optima_sigma(claims: Claims, net: Network, w, m: DataMatrices) -> list[Obligation]:
    n2 = const(m.n * m.n)
    d = vector(claims.bn_direction)
    D1_value = fr((d.transpose() * m.s)[0, 0]) / (m.n * m.n)
    D1 = const(D1_value)
    z1, q1, R, sv = z3.Reals("z1 q1 R s")
    V = D1 * q1 + R
    C = D1 * z1
    square = (q1 == z1 * z1, q1 >= 0, R >= 0)
    ray = (*square, V > 0, C > 0)
    stationary = (*square, V > 0, R > 0)
    opposite = (*square, V > 0, R > 0, -C > 0)
    return [
        Obligation(
            name="bn_variance_quadratic_form",
            statement="n²σ²(w) = wᵀSw for every w (S = n²Σ)",
            expected="unsat",
            query=(n2 * net.bn_variance(w) != quadratic_form(m.S, w),),
        ),
        Obligation(
            name="bn_covariance_linear_form",
            statement="n²<c,w> = sᵀw for every w (s = n²c)",
            expected="unsat",
            query=(n2 * net.cov_with_targets(w) != linear_form(m.s, w),),
        ),
        Obligation(
            name="bn_loss_quadratic_form",
            statement="n²s²L̂(w) = wᵀSw - 2s·sᵀw + n·s²·yᵀy for every w and s (L̂ literal, cleared)",
            expected="unsat",
            query=(n2 * net.bn_loss_cleared(w, sv) != quadratic_form(m.S, w)
                   - 2 * sv * linear_form(m.s, w) + const(m.n) * sv * sv * const(fr(m.yy)),),
        ),
        Obligation(
            name="bn_direction_exact",
            statement="Σd = c, Σ is positive definite and D_1 = <c,d> > 0 (exact)",
            expected="unsat",
            query=exact_fact(m.S * d == m.s and positive_definite(m.S) and D1_value > 0),
        ),
        Obligation(
            name="bn_ray_is_global_minimum",
            statement="no w with σ(w) > 0 has L̂(w) < L̂(t·d), t > 0 (Σ-orthogonal coordinates: C² > D_1·V)",
            expected="unsat",
            query=(*ray, C * C > D1 * V),
            premises=ray,
        ),
        Obligation(
            name="bn_stationary_points_on_line",
            statement="∇L̂(w) = 0 with σ(w) > 0 implies w is a multiple of d (Σ-orthogonal coordinates)",
            expected="unsat",
            query=(*stationary, D1 * V == C * C),
            premises=stationary,
        ),
        Obligation(
            name="bn_opposite_ray_not_minimum",
            statement="L̂(w) < L̂(-t·d) for every t > 0 and w off the line with σ(w) > 0 "
                      "(Σ-orthogonal coordinates: not C² >= D_1·V with -C > 0)",
            expected="unsat",
            query=(*opposite, C * C >= D1 * V),
            premises=opposite,
        ),
    ]
