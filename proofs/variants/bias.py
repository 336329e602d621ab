"""A bias in the standard network (docs/spec.md §7): f_{w,b}(x) = <w, x> + b, the BN network as in
the paper (γ = 1, β = 0, ε = 0). The refutation depends on the standard network having no bias:
with one, W* = Σ⁻¹c = d lies on the BN ray and (L4.5) holds with equality at every admissible W0.
BN's mean subtraction acts as the bias the paper's standard network lacks.

- bias_standard_optimum: (W*, b*) = (d, ȳ - <d, x̄>) is the unique minimiser of
  L(w, b) = (1/n) Σ_i (<w, x_i> + b - y_i)². Query: some (w, b) != (W*, b*) with
  L(w, b) <= L(W*, b*)                                                  expected: unsat.
- bn_loss_identity, bn_ray_is_global_minimum, bn_stationary_points_on_line,
  bn_opposite_ray_not_minimum, distance_to_ray_lower_bound, distance_to_ray_attained: the
  paper's obligations (proofs/bn_optima.py, proofs/distance_to_ray.py), unchanged: the BN
  network and its optima {t·d : t > 0} are those of the paper.
- bias_negated_lemma: no W0 with <W0,W*> > 0 has D(W0) > RHS(W0) (D the distance to the ray,
  proved closed form)                                                   expected: unsat.
- bias_lemma_equality: D(W0) = RHS(W0) for every W0 with <W0,W*> > 0  expected: unsat of "!=".
- bias_lemma_equality_in_general: for every learning set (W* = d != 0) and every admissible W0,
  in every dimension: both sides of (L4.5) are polynomials in the Gram entries a = ||W0||²,
  b = <W0,d>, g = ||d||² (||W0 - d||² = a - 2b + g), so the query ranges over Gram matrices
  [[a, b], [b, g]] with g > 0, a >= 0, ag >= b² (positive semidefinite), which are exactly the
  Gram matrices of pairs of vectors in any R^k, k >= 2.
"""

from __future__ import annotations

import z3

from proofs.bn_optima import bn_optima
from proofs.distance_to_ray import distance_to_ray
from proofs.encoding import Network, const, dot, lemma_bound, ray_distance_sq, reals
from proofs.obligation import Obligation
from proofs.variants.claims import VariantClaims


def bias(claims: VariantClaims) -> list[Obligation]:
    return [bias_standard_optimum(claims), *bn_optima(claims), *distance_to_ray(claims),
            *bias_lemma(claims), bias_lemma_equality_in_general()]


def standard_loss_with_bias(net: Network, w, b):
    """L(w, b) = (1/n) Σ_i (<w, x_i> + b - y_i)²."""
    return net.inv_n * z3.Sum([(dot(w, x) + b - yi) ** 2 for x, yi in zip(net.X, net.y)])


def bias_standard_optimum(claims: VariantClaims) -> Obligation:
    net = Network(claims.X, claims.y)
    w, b = reals("w", net.dim), z3.Real("b")
    w_star, b_star = [const(v) for v in claims.w_star], const(claims.intercept)
    other = z3.Or(b != b_star, *[wk != vk for wk, vk in zip(w, w_star)])
    return Obligation(
        name="bias_standard_optimum",
        statement="(W*, b*) = (d, ȳ - <d,x̄>) is the unique minimiser of L(w, b)",
        expected="unsat",
        query=(other, standard_loss_with_bias(net, w, b) <= standard_loss_with_bias(net, w_star, b_star)),
        premises=(other,),
    )


def _lemma_at(w0, w_star, d):
    return dot(w0, w_star) > 0, ray_distance_sq(w0, d), lemma_bound(w0, w_star)


def bias_lemma(claims: VariantClaims) -> list[Obligation]:
    w_star, d = [const(v) for v in claims.w_star], [const(v) for v in claims.bn_direction]
    w0 = reals("W0_", len(d))
    admissible, left, right = _lemma_at(w0, w_star, d)
    return [
        Obligation(
            name="bias_negated_lemma",
            statement="no W0 with <W0,W*> > 0 has ||W0 - Ŵ*||² > RHS of (L4.5)",
            expected="unsat",
            query=(admissible, left > right),
            premises=(admissible,),
        ),
        Obligation(
            name="bias_lemma_equality",
            statement="||W0 - Ŵ*||² = RHS of (L4.5) at every W0 with <W0,W*> > 0",
            expected="unsat",
            query=(admissible, left != right),
            premises=(admissible,),
        ),
    ]


def bias_lemma_equality_in_general() -> Obligation:
    a, b, g = z3.Reals("a b g")          # ||W0||², <W0,d>, ||d||²
    premises = (g > 0, a >= 0, a * g >= b * b, b > 0)
    left = z3.If(b > 0, a - b * b / g, a)   # D(W0), the distance² to the ray (proved closed form)
    right = (a - 2 * b + g) - (g - b) ** 2 / g
    return Obligation(
        name="bias_lemma_equality_in_general",
        statement="for every d != 0 and W* = d, in every dimension: equality in (L4.5) at every admissible W0",
        expected="unsat",
        query=(*premises, left != right),
        premises=premises,
    )
