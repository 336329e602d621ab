"""The failure region in high dimension: the queries of proofs/failure_region.py restated in the
plane of W* and d (`check --prove` uses these when d > 3, where the literal ones time out).

The lemma's two sides and the region depend on W0 only through <W0,W*>, <W0,d> and ||W0||²
(D(W0) and RHS in proofs/encoding.py use nothing else). Write e = d - (<d,W*>/||W*||²)·W*
(orthogonal to W*; if e = 0, i.e. W* is parallel to d, β below is dropped and d' = (±1, 0, 0))
and, for W0 in R^dim,
α = <W0,W*>/||W*||², β = <W0,e>/||e||², r = W0 - α·W* - β·e. Then

    <W0,W*> = ||W*||²·α,   <W0,d> = <d,W*>·α + ||e||²·β,   ||W0||² = ||W*||²·α² + ||e||²·β² + ||r||²

(failure_region_plane_identity proves these for every W0, literally). So with p = ||W*||,
h = ||e||, the map W0 -> W0' = (p·α, h·β, ||r||) into R³ keeps every inner product the queries
use, for W*' = (p, 0, 0) and d' = (<d,W*>/p, h, 0) (||d'||² = ||d||²). Each of "admissible",
"(L4.5) fails" and "in the region" is invariant under positive scaling of W* and of d (D(W0)
depends only on the ray, the right side is ||W0||² - <W0,W*>²/||W*||², the distance to the line,
and the region is <W0, ŵ - d̂> > 0 with unit vectors), so W*' may be scaled to (1, 0, 0) and d'
by p/|<d,W*>| to (sign<d,W*>, k, 0) with k = ||W*||·||e||/|<d,W*>| >= 0 (k² = ||W*||²||e||²/<d,W*>²
is rational; d' = (0, 1, 0) if <d,W*> = 0). Hence a W0 violating a claim in R^dim gives one
in R³, W0' = (x1, x2, x3) with x3 >= 0, and unsat of the R³ queries proves the claims. The
queries only assume k > 0 (not k² = its value): fewer constraints, so unsat still proves the
claim (for every angle between W* and d with the sign of <d,W*> at once), and Z3 never sees the
large rational k².

- failure_region_necessary / failure_region_sufficient: exactly the literal queries of
  proofs/failure_region.py (same encoding functions), evaluated at W0', W*', d'. Expected unsat.
"""

from __future__ import annotations

from fractions import Fraction

import z3

from proofs.claims import Claims
from proofs.encoding import const, dot, lemma_bound, positive_root, ray_distance_sq, reals, sq_norm
from proofs.obligation import Obligation


def _dot(u, v) -> Fraction:
    return sum((a * b for a, b in zip(u, v)), Fraction(0))


def failure_region_plane(claims: Claims) -> list[Obligation]:
    """The obligations (W*, d != 0). When W* is parallel to d, e = 0: β is dropped (β = 0) and
    d' = (sign <d,W*>, 0, 0)."""
    w, d = claims.w_star, claims.bn_direction
    ww, dw = _dot(w, w), _dot(d, w)
    e = [dk - dw / ww * wk for dk, wk in zip(d, w)]
    ee = _dot(e, e)
    dim = len(w)
    W0 = reals("W0_", dim)
    alpha = z3.Sum([const(wk / ww) * x for wk, x in zip(w, W0) if wk != 0])
    beta = (z3.RealVal(0) if ee == 0 else
            z3.Sum([const(ek / ee) * x for ek, x in zip(e, W0) if ek != 0]))
    r = [x - const(wk) * alpha - const(ek) * beta for x, wk, ek in zip(W0, w, e)]
    identity = Obligation(
        name="failure_region_plane_identity",
        statement="<W0,W*> = ||W*||²α, <W0,d> = <d,W*>α + ||e||²β, ||W0||² = ||W*||²α² + ||e||²β² + ||r||²",
        expected="unsat",
        query=(z3.Or(dot(W0, [const(v) for v in w]) != const(ww) * alpha,
                     dot(W0, [const(v) for v in d]) != const(dw) * alpha + const(ee) * beta,
                     sq_norm(W0) != const(ww) * alpha * alpha + const(ee) * beta * beta + sq_norm(r)),),
    )
    x1, x2, x3 = z3.Reals("x1 x2 x3")
    w0_ = [x1, x2, x3]
    w_ = [z3.RealVal(1), z3.RealVal(0), z3.RealVal(0)]
    zero = z3.RealVal(0)
    if dw == 0:
        d_, root_k = [zero, z3.RealVal(1), zero], []
    elif ee == 0:
        d_, root_k = [z3.RealVal(1 if dw > 0 else -1), zero, zero], []
    else:
        k = z3.Real("k")
        root_k = [k > 0]
        d_ = [z3.RealVal(1 if dw > 0 else -1), k, zero]
    P, norm_w = positive_root("P", sq_norm(w_))
    Q, norm_d = positive_root("Q", sq_norm(d_))
    admissible = dot(w0_, w_) > 0
    fails = ray_distance_sq(w0_, d_) > lemma_bound(w0_, w_)
    in_region = dot(w0_, w_) * Q - dot(w0_, d_) * P > 0
    base = (*root_k, x3 >= 0, *norm_w, *norm_d, admissible)
    return [
        identity,
        Obligation(
            name="failure_region_necessary",
            statement="(L4.5) fails at admissible W0 only if <W0, ŵ - d̂> > 0 (in the plane of W*, d)",
            expected="unsat",
            query=(*base, fails, z3.Not(in_region)),
            definitions=(*root_k, *norm_w, *norm_d),
        ),
        Obligation(
            name="failure_region_sufficient",
            statement="(L4.5) fails at every admissible W0 with <W0, ŵ - d̂> > 0 (in the plane of W*, d)",
            expected="unsat",
            query=(*base, in_region, z3.Not(fails)),
            definitions=(*root_k, *norm_w, *norm_d),
        ),
    ]
