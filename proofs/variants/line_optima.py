"""BN optima on a line: trainable γ, β (with or without ε) leave the profile loss
m(w) = Var(y) - <c,w>²/σ²(w), whose minimisers are the line through d without 0, and (L4.5)
measured against that line (docs/spec.md §7). Shared by proofs/variants/gamma_beta.py and
proofs/variants/pytorch_default.py, which prove that min over (γ, β) of L̂ is m.

Notation: σ²(w) = wᵀΣw, <c,w> the batch covariance of outputs and targets, d = Σ⁻¹c,
Λ(W0) = ||W0||² - <W0,d>²/||d||², RHS(W0) the right side of (L4.5), ŵ = W*/||W*||, d̂ = d/||d||.

- profile_line_is_global_minimum: every t·d (t != 0) has σ(td) > 0 and m(w) >= m(td) for every
  w with σ(w) > 0. Root-free: m(w) < m(td) iff <c,w>²σ²(td) > <c,td>²σ²(w) (multiply by
  σ²(w)σ²(td) > 0).
- profile_off_line_not_minimum: for every w with σ(w) > 0 not a multiple of d and every e != 0
  with e·<c,w> >= 0: σ(w + e·d) > 0 and m(w + e·d) < m(w) (root-free as above). Letting e -> 0
  with the sign of <c,w> (either sign if it is 0), every neighbourhood of w holds a lower point:
  w is not a local minimiser of m. Together: the local minimisers of m are exactly {t·d : t != 0}.
- line_distance_lower_bound / line_distance_attained: inf over t != 0 of ||W0 - t·d||² is Λ(W0):
  a lower bound; attained at t* = <W0,d>/||d||² when <W0,d> != 0, else approached by
  t = ε/(ε||d||² + 1) -> 0+ (||W0 - t·d||² = ||W0||² + t²||d||² < Λ(W0) + ε).
- line_negated_lemma: some W0 with <W0,W*> > 0 has Λ(W0) > RHS(W0): sat (with an exact witness)
  iff W* is not a multiple of d; unsat (the lemma holds) when it is.
- line_lemma_fails_at_w_star: at W0 = W*, Λ(W*) > 0 = RHS(W*) (canonical set: 18/17).
- line_failure_region_necessary / _sufficient: for admissible W0, (L4.5) fails iff
  <W0,d̂>² < <W0,ŵ>², stated as <W0,d>²·||W*||² < <W0,W*>²·||d||² (multiply by ||W*||²||d||² > 0).
- line_failure_region_quadrant: for admissible W0, (L4.5) fails iff <W0, ŵ - d̂> > 0 and
  <W0, ŵ + d̂> > 0, with p = ||W*||, q = ||d|| root variables (p, q > 0, p² = ||W*||²,
  q² = ||d||²) and ŵ ∓ d̂ = (q·W* ∓ p·d)/(pq) (a positive factor keeps each sign).
- line_quadrant_normals_orthogonal: ŵ - d̂ and ŵ + d̂ are nonzero and orthogonal
  (<q·W* - p·d, q·W* + p·d> = q²||W*||² - p²||d||² = 0).
- line_quadrant_in_general (any learning set, any angle φ, any dimension): for all reals
  a = <W0,ŵ> > 0 and b = <W0,d̂>: b² < a² iff a - b > 0 and a + b > 0; and for all unit vectors
  ŵ, d̂ of the plane they span (Z3 expands the inner product) <ŵ - d̂, ŵ + d̂> = 0.

Hand reasoning (not machine-checked): a local minimiser (w, γ, β) gives a local minimiser w of m
(the variant modules); for a rotation-invariant W0 the intersection of two half-spaces with
orthogonal normals has probability (π - π/2)/(2π) = 1/4 (the classical two-half-space formula)
and the quadrant lies inside the admissible half-space (the two inner products add up to
2<W0,ŵ>), which has probability 1/2: P((L4.5) fails | <W0,W*> > 0) = 1/2 for every angle
φ = angle(W*, d) in (0, π).
"""

from __future__ import annotations

import z3

from proofs.encoding import (Network, const, dot, lemma_bound, not_parallel, positive_root,
                             reals, scaled, sq_norm, sub)
from proofs.obligation import Obligation
from proofs.variants.claims import VariantClaims
from proofs.variants.encoding import line_distance_sq


def line_optima(claims: VariantClaims) -> list[Obligation]:
    """The profile's minimisers, the distance to them and (L4.5) against them; the failure
    region only where the lemma fails (where it holds the region is empty)."""
    fails = not claims.parallel
    return [profile_line_is_global_minimum(claims), profile_off_line_not_minimum(claims),
            *line_distance(claims), *line_lemma(claims),
            *(line_failure_region(claims) if fails else []), line_quadrant_in_general()]


def _vectors(claims: VariantClaims):
    return [const(v) for v in claims.w_star], [const(v) for v in claims.bn_direction]


def profile_line_is_global_minimum(claims: VariantClaims) -> Obligation:
    net = Network(claims.X, claims.y)
    _, d = _vectors(claims)
    w, t = reals("w", net.dim), z3.Real("t")
    td = scaled(t, d)
    cw, ctd = net.cov_with_targets(w), net.cov_with_targets(td)
    var_w, var_td = net.bn_variance(w), net.bn_variance(td)
    return Obligation(
        name="profile_line_is_global_minimum",
        statement="every t·d (t != 0) has σ(td) > 0 and m(w) >= m(t·d) for every w with σ(w) > 0",
        expected="unsat",
        query=(t != 0, z3.Or(var_td <= 0, z3.And(var_w > 0, cw * cw * var_td > ctd * ctd * var_w))),
        premises=(t != 0,),
    )


def profile_off_line_not_minimum(claims: VariantClaims) -> Obligation:
    net = Network(claims.X, claims.y)
    _, d = _vectors(claims)
    w, e = reals("w", net.dim), z3.Real("e")
    w_e = [wk + e * dk for wk, dk in zip(w, d)]
    cw, cw_e = net.cov_with_targets(w), net.cov_with_targets(w_e)
    var_w, var_e = net.bn_variance(w), net.bn_variance(w_e)
    premises = (var_w > 0, not_parallel(w, d), e != 0, e * cw >= 0)
    return Obligation(
        name="profile_off_line_not_minimum",
        statement="m(w + e·d) < m(w) for every w (σ(w) > 0) off the line and e != 0 with e<c,w> >= 0",
        expected="unsat",
        query=(*premises, z3.Or(var_e <= 0, cw_e * cw_e * var_w <= cw * cw * var_e)),
        premises=premises,
    )


def line_distance(claims: VariantClaims) -> list[Obligation]:
    _, d = _vectors(claims)
    w0 = reals("W0_", len(d))
    t, eps = z3.Reals("t eps")
    lam = line_distance_sq(w0, d)
    t_star = dot(w0, d) / sq_norm(d)
    attained = z3.Implies(dot(w0, d) != 0, sq_norm(sub(w0, scaled(t_star, d))) == lam)
    approached = z3.Implies(
        z3.And(dot(w0, d) == 0, eps > 0, t * (eps * sq_norm(d) + 1) == eps),
        z3.And(t != 0, sq_norm(sub(w0, scaled(t, d))) < lam + eps))
    return [
        Obligation(
            name="line_distance_lower_bound",
            statement="||W0 - t·d||² >= Λ(W0) = ||W0||² - <W0,d>²/||d||² for every W0 and t != 0",
            expected="unsat",
            query=(t != 0, sq_norm(sub(w0, scaled(t, d))) < lam),
            premises=(t != 0,),
        ),
        Obligation(
            name="line_distance_attained",
            statement="Λ(W0) is attained at t* = <W0,d>/||d||² if <W0,d> != 0, else approached as t -> 0+",
            expected="unsat",
            query=(z3.Not(z3.And(attained, approached)),),
        ),
    ]


def line_lemma(claims: VariantClaims) -> list[Obligation]:
    w_star, d = _vectors(claims)
    w0 = reals("W0_", len(d))
    expected = "unsat" if claims.parallel else "sat"
    admissible, admissible_w_star = dot(w0, w_star) > 0, dot(w_star, w_star) > 0
    return [
        Obligation(
            name="line_negated_lemma",
            statement="some W0 with <W0,W*> > 0 has ||W0 - Ŵ*||² = Λ(W0) > RHS of (L4.5)",
            expected=expected,
            query=(admissible, line_distance_sq(w0, d) > lemma_bound(w0, w_star)),
            witness={**{f"W0_{k + 1}": v for k, v in enumerate(w0)},
                     "lhs": line_distance_sq(w0, d), "rhs": lemma_bound(w0, w_star)},
            premises=(admissible,),
        ),
        Obligation(
            name="line_lemma_fails_at_w_star",
            statement="at W0 = W*: <W*,W*> > 0 and Λ(W*) > 0 = RHS of (L4.5)",
            expected=expected,
            query=(admissible_w_star, line_distance_sq(w_star, d) > lemma_bound(w_star, w_star)),
            witness={"lhs": line_distance_sq(w_star, d), "rhs": lemma_bound(w_star, w_star)},
            premises=(admissible_w_star,),
        ),
    ]


def in_failure_region(w0, w_star, d) -> z3.BoolRef:
    """<W0,d̂>² < <W0,ŵ>², as <W0,d>²·||W*||² < <W0,W*>²·||d||² (times ||W*||²||d||² > 0)."""
    return dot(w0, d) ** 2 * sq_norm(w_star) < dot(w0, w_star) ** 2 * sq_norm(d)


def line_failure_region(claims: VariantClaims) -> list[Obligation]:
    w_star, d = _vectors(claims)
    w0 = reals("W0_", len(d))
    p, norm_w = positive_root("p", sq_norm(w_star))
    q, norm_d = positive_root("q", sq_norm(d))
    admissible = dot(w0, w_star) > 0
    fails = line_distance_sq(w0, d) > lemma_bound(w0, w_star)
    region = in_failure_region(w0, w_star, d)
    minus = [q * wk - p * dk for wk, dk in zip(w_star, d)]
    plus = [q * wk + p * dk for wk, dk in zip(w_star, d)]
    quadrant = z3.And(dot(w0, minus) > 0, dot(w0, plus) > 0)
    roots = (*norm_w, *norm_d)
    return [
        Obligation(
            name="line_failure_region_necessary",
            statement="(L4.5) fails at admissible W0 only if <W0,d̂>² < <W0,ŵ>²",
            expected="unsat",
            query=(admissible, fails, z3.Not(region)),
            premises=(admissible, fails),
        ),
        Obligation(
            name="line_failure_region_sufficient",
            statement="(L4.5) fails at every admissible W0 with <W0,d̂>² < <W0,ŵ>²",
            expected="unsat",
            query=(admissible, region, z3.Not(fails)),
            premises=(admissible, region),
        ),
        Obligation(
            name="line_failure_region_quadrant",
            statement="(L4.5) fails at admissible W0 iff <W0, ŵ - d̂> > 0 and <W0, ŵ + d̂> > 0",
            expected="unsat",
            query=(*roots, admissible, fails != quadrant),
            definitions=roots,
            premises=(admissible,),
        ),
        Obligation(
            name="line_quadrant_normals_orthogonal",
            statement="ŵ - d̂ and ŵ + d̂ are nonzero and orthogonal",
            expected="unsat",
            query=(*roots, z3.Or(dot(minus, plus) != 0, z3.And([m == 0 for m in minus]),
                                 z3.And([s == 0 for s in plus]))),
            definitions=roots,
        ),
    ]


def line_quadrant_in_general() -> Obligation:
    a, b = z3.Reals("a b")               # <W0,ŵ>, <W0,d̂>
    u, v = reals("u", 2), reals("v", 2)  # ŵ, d̂: unit vectors (any two span at most a plane)
    quadrant = z3.And(a - b > 0, a + b > 0)
    premises = (a > 0, sq_norm(u) == 1, sq_norm(v) == 1)
    plus = [uk + vk for uk, vk in zip(u, v)]
    return Obligation(
        name="line_quadrant_in_general",
        statement="for every φ: <W0,d̂>² < <W0,ŵ>² with <W0,ŵ> > 0 iff <W0,ŵ ∓ d̂> > 0; <ŵ-d̂, ŵ+d̂> = 0",
        expected="unsat",
        query=(*premises, z3.Or((b * b < a * a) != quadrant, dot(sub(u, v), plus) != 0)),
        premises=premises,
    )
