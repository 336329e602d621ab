"""Distance to the BN optima in every dimension: for all W0 and d != 0 in any Rᵏ, the squared
distance (infimum) from W0 to the open ray {t·d : t > 0} is
    D = p - b²/r if b > 0, else p          (p = ||W0||², b = <W0,d>, r = ||d||² > 0).

||W0 - t·d||² = p - 2t·b + t²·r depends on W0 and d only through (p, b, r), so the claims below
(the per-instance proofs/distance_to_ray.py with d a variable) are claims about all of Rᵏ.

general_distance_to_ray_lower_bound — query: r > 0, t > 0, p - 2tb + t²r < D.     expected unsat.
general_distance_to_ray_attained — D is the infimum: if b > 0 it is attained at t* = b/r > 0;
    if b <= 0, t = ε/(ε·r - 2b + 1) > 0 gives p - 2tb + t²r < D + ε for every ε > 0.
    Query: r > 0 and one of the two fails.                                      expected unsat.
"""

from __future__ import annotations

import z3

from proofs.general.gram import gram, ray_distance_sq
from proofs.obligation import Obligation


def squared_distance_at(t, p, b, r) -> z3.ArithRef:
    """||W0 - t·d||² = ||W0||² - 2t<W0,d> + t²||d||²."""
    return p - 2 * t * b + t * t * r


def distance_to_ray() -> list[Obligation]:
    g = gram()
    t, eps = z3.Reals("t eps")
    D = ray_distance_sq(g.p, g.b, g.r)
    t_star = g.b / g.r
    attained = z3.Implies(g.b > 0, squared_distance_at(t_star, g.p, g.b, g.r) == D)
    approached = z3.Implies(
        z3.And(g.b <= 0, eps > 0, t * (eps * g.r - 2 * g.b + 1) == eps),
        z3.And(t > 0, squared_distance_at(t, g.p, g.b, g.r) < D + eps))
    return [
        Obligation(
            name="general_distance_to_ray_lower_bound",
            statement="every k, W0, d != 0, t > 0: ||W0 - t·d||² >= D(W0)",
            expected="unsat",
            query=(g.r > 0, t > 0, squared_distance_at(t, g.p, g.b, g.r) < D),
            premises=(g.r > 0, t > 0),
        ),
        Obligation(
            name="general_distance_to_ray_attained",
            statement="every k, W0, d != 0: D(W0) is attained at t* = <W0,d>/||d||² if <W0,d> > 0, "
                      "else approached as t -> 0+",
            expected="unsat",
            query=(g.r > 0, z3.Not(z3.And(attained, approached))),
            premises=(g.r > 0,),
        ),
    ]
