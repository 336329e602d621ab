"""Distance to the BN optima: for every W0, the squared distance (infimum) to the open ray
{t·d : t > 0} is D(W0) = ||W0||² - <W0,d>²/||d||² if <W0,d> > 0, and ||W0||² otherwise.

distance_to_ray_lower_bound — claim: ||W0 - t·d||² >= D(W0) for all W0 and t > 0.
    Query: some W0, t > 0 with ||W0 - t·d||² < D(W0)                 expected: unsat.
distance_to_ray_attained — claim: the bound is the infimum.
    If <W0,d> > 0 it is attained at t* = <W0,d>/||d||² > 0. Otherwise, for every ε > 0,
    t = ε/(ε||d||² - 2<W0,d> + 1) > 0 gives ||W0 - t·d||² < D(W0) + ε (an explicit sequence
    t -> 0+, so no quantifier is needed; here D(W0) = ||W0||²).
    Query: W0 with (<W0,d> > 0 and ||W0 - t*·d||² != D(W0)), or (<W0,d> <= 0, ε > 0, t as
    above, and not (t > 0 and ||W0 - t·d||² < D(W0) + ε))          expected: unsat.
"""

from __future__ import annotations

import z3

from proofs.claims import Claims
from proofs.encoding import const, dot, ray_distance_sq, reals, scaled, sq_norm, sub
from proofs.obligation import Obligation


def distance_to_ray(claims: Claims, distance=None) -> list[Obligation]:
    """`distance(W0, d)`: the claimed D (proofs/ties.py passes an uninterpreted function)."""
    d = [const(v) for v in claims.bn_direction]
    w0 = reals("W0_", len(d))
    t, eps = z3.Reals("t eps")
    distance = ray_distance_sq if distance is None else distance
    D = distance(w0, d)
    t_star = dot(w0, d) / sq_norm(d)
    attained = z3.Implies(dot(w0, d) > 0, sq_norm(sub(w0, scaled(t_star, d))) == D)
    approached = z3.Implies(
        z3.And(dot(w0, d) <= 0, eps > 0, t * (eps * sq_norm(d) - 2 * dot(w0, d) + 1) == eps),
        z3.And(t > 0, sq_norm(sub(w0, scaled(t, d))) < D + eps))
    return [
        Obligation(
            name="distance_to_ray_lower_bound",
            statement="||W0 - t·d||² >= D(W0) for every W0 and every t > 0",
            expected="unsat",
            query=(t > 0, sq_norm(sub(w0, scaled(t, d))) < D),
            premises=(t > 0,),
        ),
        Obligation(
            name="distance_to_ray_attained",
            statement="D(W0) is attained at t* = <W0,d>/||d||² if <W0,d> > 0, else approached as t -> 0+",
            expected="unsat",
            query=(z3.Not(z3.And(attained, approached)),),
        ),
    ]
