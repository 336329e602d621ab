"""Where (L4.5) fails (docs/spec.md §5): for admissible W0 (<W0,W*> > 0), (L4.5) fails at W0 iff
<W0, ŵ - d̂> > 0, with ŵ = W*/||W*||, d̂ = d/||d||.

The norms are variables p, q > 0 with p² = ||W*||², q² = ||d||². Multiplying by pq > 0,
<W0, ŵ - d̂> > 0 iff <W0,W*>·q - <W0,d>·p > 0, which is the form used.

failure_region_necessary — query: admissible W0 where (L4.5) fails and <W0, ŵ - d̂> <= 0.
failure_region_sufficient — query: admissible W0 with <W0, ŵ - d̂> > 0 where (L4.5) holds.
Both expected unsat. For a rotation-invariant W0 the region has conditional probability
1/2 + φ/(2π), φ = angle(W*, d) (computed and cross-checked in the harness, not by Z3).
"""

from __future__ import annotations

import z3

from proofs.claims import Claims
from proofs.encoding import (const, dot, lemma_bound, positive_root, ray_distance_sq, reals,
                             sq_norm)
from proofs.obligation import Obligation


def failure_region(claims: Claims, distance=None) -> list[Obligation]:
    """`distance(W0, d)`: the squared distance to the ray (proofs/ties.py passes an
    uninterpreted function)."""
    w_star = [const(v) for v in claims.w_star]
    d = [const(v) for v in claims.bn_direction]
    w0 = reals("W0_", len(d))
    p, norm_w = positive_root("p", sq_norm(w_star))
    q, norm_d = positive_root("q", sq_norm(d))
    admissible = dot(w0, w_star) > 0
    distance = ray_distance_sq if distance is None else distance
    fails = distance(w0, d) > lemma_bound(w0, w_star)
    in_region = dot(w0, w_star) * q - dot(w0, d) * p > 0
    return [
        Obligation(
            name="failure_region_necessary",
            statement="(L4.5) fails at admissible W0 only if <W0, ŵ - d̂> > 0",
            expected="unsat",
            query=(*norm_w, *norm_d, admissible, fails, z3.Not(in_region)),
            definitions=(*norm_w, *norm_d),
            premises=(admissible, fails),
        ),
        Obligation(
            name="failure_region_sufficient",
            statement="(L4.5) fails at every admissible W0 with <W0, ŵ - d̂> > 0",
            expected="unsat",
            query=(*norm_w, *norm_d, admissible, in_region, z3.Not(fails)),
            definitions=(*norm_w, *norm_d),
            premises=(admissible, in_region),
        ),
    ]
