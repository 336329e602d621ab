"""The obligations, one module per claim of docs/spec.md §2, §4 and §5, in the order of the proof."""

from __future__ import annotations

from proofs.bn_gradient_at_w_star import bn_gradient_at_w_star
from proofs.bn_optima import bn_optima
from proofs.claims import Claims
from proofs.distance_to_ray import distance_to_ray
from proofs.failure_region import failure_region
from proofs.negated_lemma import negated_lemma
from proofs.obligation import Obligation
from proofs.standard_optimum import standard_optimum
from proofs.w_star_not_bn_optimal import w_star_not_bn_optimal


def all_obligations(claims: Claims) -> list[Obligation]:
    """Every obligation for one learning set. `w_star_not_bn_optimal` only where the lemma fails
    (where it holds, W* is on the ray and the gradient obligation claims ∇L̂(W*) = 0), and the
    failure region only where it fails (where it holds the region is empty and
    `failure_region_sufficient` would be vacuous; `negated_lemma` is unsat instead)."""
    return [
        standard_optimum(claims),
        *bn_optima(claims),
        bn_gradient_at_w_star(claims),
        *([w_star_not_bn_optimal(claims)] if claims.lemma_fails else []),
        *distance_to_ray(claims),
        *negated_lemma(claims),
        *(failure_region(claims) if claims.lemma_fails else []),
    ]
