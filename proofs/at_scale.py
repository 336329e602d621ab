"""The obligations of `prove --data` in encodings that scale with the dimension (`check --prove`).

Same claims as proofs.all_obligations. In dimension > 3 the standard optimum is proved by the
exact LDLᵀ certificate of proofs/standard_optimum_ldl.py (three obligations replacing
`standard_optimum`), the BN optima (global minimum on the ray, stationary points, opposite ray)
are proved in the diagonal coordinates of an exact LDLᵀ factorisation of Σ
(proofs/bn_optima_diagonal.py) and the failure region in the plane of W* and d
(proofs/failure_region_plane.py), the latter only where (L4.5) fails (where it holds the region
is empty, the sufficiency query would be vacuous, and `negated_lemma` is unsat instead).
The other obligations, the gradient at W* among them (its cleared
form takes 0.1 s at d = 40), are those of `prove --data`.
"""

from __future__ import annotations

from proofs import all_obligations
from proofs.claims import Claims
from proofs.obligation import Obligation
from proofs.bn_optima_diagonal import bn_optima_diagonal
from proofs.failure_region_plane import failure_region_plane
from proofs.standard_optimum_ldl import standard_optimum_ldl

LITERAL_MAX_DIM = 3        # up to here: exactly the obligations of `prove --data`
REGION = {"failure_region_necessary", "failure_region_sufficient"}
DIAGONAL = {"bn_ray_is_global_minimum", "bn_stationary_points_on_line", "bn_opposite_ray_not_minimum"}


def obligations_at_scale(claims: Claims) -> list[Obligation]:
    dim = len(claims.w_star)
    if dim <= LITERAL_MAX_DIM:
        return all_obligations(claims)
    literal = _literal_except(claims, {"standard_optimum", *DIAGONAL, *REGION})
    return [*standard_optimum_ldl(claims), *bn_optima_diagonal(claims), *literal,
            *(failure_region_plane(claims) if claims.lemma_fails else [])]


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
