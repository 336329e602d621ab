"""The obligations of `prove --data` in encodings that scale with the dimension (`check --prove`).

Same claims as proofs.all_obligations. In dimension > 3 the standard optimum is proved by the
exact LDLᵀ certificate of proofs/standard_optimum_ldl.py (three obligations replacing
`standard_optimum`), the BN optima (global minimum on the ray, stationary points, opposite ray)
are proved in the diagonal coordinates of an exact LDLᵀ factorisation of Σ
(proofs/bn_optima_diagonal.py) and the failure region in the plane of W* and d
(proofs/failure_region_plane.py), the latter only where (L4.5) fails (where it holds the region
is empty, the sufficiency query would be vacuous, and `negated_lemma` is unsat instead).
The gradient at W* is proved with one shared square root
(proofs/bn_gradient_shared_root.py) up to GRADIENT_MAX_DIM (3 s at d = 10, a timeout at
d = 20 on random data); beyond that it is not attempted: `check --prove` lists it as "computed,
not proved" (for it the verdict rests on the exact computation alone).
"""

from __future__ import annotations

from proofs import all_obligations
from proofs.claims import Claims
from proofs.obligation import Obligation
from proofs.bn_gradient_shared_root import bn_gradient_shared_root
from proofs.bn_optima_diagonal import bn_optima_diagonal
from proofs.failure_region_plane import failure_region_plane
from proofs.standard_optimum_ldl import standard_optimum_ldl

LITERAL_MAX_DIM = 3        # up to here: exactly the obligations of `prove --data`
GRADIENT_MAX_DIM = 12      # beyond this the gradient at W* is not attempted

NOT_SCALING = {"bn_gradient_at_w_star": "∇L̂(W*) = g exactly (and g != 0 where (L4.5) fails)"}
REGION = {
    "failure_region_necessary": "(L4.5) fails at admissible W0 only if <W0, ŵ - d̂> > 0",
    "failure_region_sufficient": "(L4.5) fails at every admissible W0 with <W0, ŵ - d̂> > 0",
}


DIAGONAL = {"bn_ray_is_global_minimum", "bn_stationary_points_on_line", "bn_opposite_ray_not_minimum"}


def obligations_at_scale(claims: Claims) -> tuple[list[Obligation], dict[str, str]]:
    """(obligations to run, {name: statement} of those not attempted at this size)."""
    dim = len(claims.w_star)
    if dim <= LITERAL_MAX_DIM:
        return all_obligations(claims), {}
    literal = _literal_except(claims, {"standard_optimum", *DIAGONAL, *NOT_SCALING, *REGION})
    gradient = [bn_gradient_shared_root(claims)] if dim <= GRADIENT_MAX_DIM else []
    return [*standard_optimum_ldl(claims), *bn_optima_diagonal(claims), *literal, *gradient,
            *(failure_region_plane(claims) if claims.lemma_fails else [])], \
        ({} if gradient else dict(NOT_SCALING))


def _literal_except(claims: Claims, names: set[str]) -> list[Obligation]:
    """The literal obligations whose names are not in `names`, built module by module so that
    skipped queries are never constructed."""
    from proofs.bn_gradient_at_w_star import bn_gradient_at_w_star
    from proofs.bn_optima import bn_loss_identity, bn_optima
    from proofs.distance_to_ray import distance_to_ray
    from proofs.failure_region import failure_region
    from proofs.negated_lemma import negated_lemma
    from proofs.w_star_not_bn_optimal import w_star_not_bn_optimal

    obs: list[Obligation] = []
    if not {"bn_ray_is_global_minimum", "bn_stationary_points_on_line"} <= names:
        obs += bn_optima(claims)
    else:
        obs += [bn_loss_identity(claims)]
    if "bn_gradient_at_w_star" not in names:
        obs.append(bn_gradient_at_w_star(claims))
    if claims.lemma_fails:
        obs.append(w_star_not_bn_optimal(claims))
    obs += distance_to_ray(claims) + negated_lemma(claims)
    if "failure_region_necessary" not in names:
        obs += failure_region(claims)
    return [ob for ob in obs if ob.name not in names]
