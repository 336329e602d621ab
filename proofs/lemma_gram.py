"""The lemma's geometry in any dimension, in the Gram coordinates of (W0, W*, d), normalised
(`check --prove` uses these when d > 3, where the literal queries over W0 in R^d expand
polynomials with 500-digit coefficients and time out).

Every quantity of proofs/distance_to_ray.py, proofs/negated_lemma.py and
proofs/failure_region.py depends on W0 only through a = <W0,d>, b = <W0,W*> and N = ||W0||²,
and on W*, d only through ww = <W*,W*>, dw = <d,W*>, dd = <d,d>. By bilinearity:

    ||W0 - t·d||² = N - 2t·a + t²·dd        ||W0 - W*||² = N - 2b + ww
    D(W0) = N - a²/dd if a > 0, else N     RHS(W0) = (N - 2b + ww) - (ww - b)²/ww
    <W0, ŵ - d̂> > 0  iff  b·q - a·p > 0     (p, q > 0, p² = ww, q² = dd)

(tests/test_lemma_gram.py checks each against the literal formula at sample points).
The Gram matrix G of (W0, W*, d) is positive semidefinite (xᵀGx = ||x1·W0 + x2·W* + x3·d||²),
so its principal minors are >= 0: N >= 0, N·ww >= b², N·dd >= a², det G >= 0 (`realisable`).

Normal form. Every claim below is unchanged when W* and d are scaled by positive factors
(D(W0) depends on the ray only, RHS(W0) is the squared distance to the line through W*,
admissibility is the sign of <W0,W*>, the region uses unit vectors). Scaling W* by 1/sqrt(ww)
and d by sqrt(ww)/|dw| gives ww' = 1, dw' = σ = sign(dw), dd' = 1 + k² with
k² = (ww·dd - dw²)/dw² (k = 0 when W* is parallel to d; if dw = 0, d is scaled to a unit
vector: σ = 0, dd' = 1). The universal queries take k as an unknown with `k_constraints`
(k > 0: Z3 never sees the 500-digit k²), so they hold for every angle with this sign.
- gram_normal_form ties them to the data: some k satisfies `k_constraints` and
  k²·dw² = ww·dd - dw², and σ·dw > 0, with ww, dw, dd the literal inner products of the
  claimed W* and d (Z3 evaluates the dot products). Expected sat; a wrong sign, or a k pinned
  to another value, makes it unsat.
- Universal claims (expected unsat) are stated over every (a, b, N) with G positive
  semidefinite: a relaxation (every W0 gives such a triple), so unsat proves the claim for every
  W0 in R^d. These are distance_to_ray_lower_bound, distance_to_ray_attained, the two
  failure-region claims and, where (L4.5) holds, negated_lemma.
- Existential claims (expected sat where (L4.5) fails) are stated with the data's own ww, dw,
  dd for W0 = α·W* + β·d, a restriction (such a W0 exists in R^d and has exactly these a, b, N),
  so sat proves them; the witness W0 is reported coordinate by coordinate.
  lemma_fails_at_w_star is W0 = W* (a = dw, b = N = ww).
"""

from __future__ import annotations

from fractions import Fraction

import z3

from proofs.claims import Claims
from proofs.encoding import const, dot, positive_root
from proofs.obligation import Obligation


def gram_constants(claims: Claims) -> tuple[Fraction, Fraction, Fraction]:
    """(ww, dw, dd) = (<W*,W*>, <d,W*>, <d,d>), exactly."""
    w, d = claims.w_star, claims.bn_direction
    inner = lambda u, v: sum((x * y for x, y in zip(u, v)), Fraction(0))
    return inner(w, w), inner(d, w), inner(d, d)


def sign(x: Fraction) -> int:
    return (x > 0) - (x < 0)


def k_constraints(k) -> list:
    """What the universal queries assume of k."""
    return [k > 0]


class Gram:
    """The lemma's terms in the Gram coordinates (a, b, N) of W0, for ww, dw, dd (Z3 terms)."""

    def __init__(self, ww, dw, dd):
        self.ww, self.dw, self.dd = ww, dw, dd

    def distance_sq(self, a, N, t):
        """||W0 - t·d||²."""
        return N - 2 * t * a + t * t * self.dd

    def ray_distance_sq(self, a, N):
        """D(W0): the squared distance to the open ray {t·d : t > 0} (proofs/distance_to_ray.py)."""
        return z3.If(a > 0, N - a * a / self.dd, N)

    def lemma_bound(self, b, N):
        """Right side of (L4.5): ||W0 - W*||² - (||W*||² - <W*,W0>)²/||W*||²."""
        return (N - 2 * b + self.ww) - (self.ww - b) * (self.ww - b) / self.ww

    def fails(self, a, b, N) -> tuple:
        """(L4.5) fails at W0: admissible and D(W0) > RHS(W0)."""
        return b > 0, self.ray_distance_sq(a, N) > self.lemma_bound(b, N)

    def realisable(self, a, b, N) -> tuple:
        """The principal minors of the Gram matrix of (W0, W*, d) are >= 0."""
        ww, dw, dd = self.ww, self.dw, self.dd
        det = N * (ww * dd - dw * dw) - b * (b * dd - a * dw) + a * (b * dw - a * ww)
        return N >= 0, N * ww - b * b >= 0, N * dd - a * a >= 0, det >= 0


def normal_form(claims: Claims) -> tuple[Gram, list, Obligation]:
    """(the normalised Gram constants, their definitions, the obligation gram_normal_form)."""
    ww, dw, dd = gram_constants(claims)
    sigma = sign(dw)
    W, d = [const(v) for v in claims.w_star], [const(v) for v in claims.bn_direction]
    ww_t, dw_t, dd_t = dot(W, W), dot(d, W), dot(d, d)
    one = z3.RealVal(1)
    if sigma == 0:
        gram, defs, tie = Gram(one, z3.RealVal(0), one), [], [dw_t == 0]
    elif ww * dd == dw * dw:                        # W* parallel to d: k = 0
        gram, defs = Gram(one, z3.RealVal(sigma), one), []
        tie = [sigma * dw_t > 0, ww_t * dd_t == dw_t * dw_t]
    else:
        k = z3.Real("k")
        gram, defs = Gram(one, z3.RealVal(sigma), 1 + k * k), k_constraints(k)
        tie = [*defs, sigma * dw_t > 0, k * k * (dw_t * dw_t) == ww_t * dd_t - dw_t * dw_t]
    ob = Obligation(
        name="gram_normal_form",
        statement=f"W*, d scaled by positive factors have <W*,W*> = 1, <d,W*> = {sigma}, "
                  "<d,d> = 1 + k² for a k the Gram queries allow",
        expected="sat",
        query=tuple(tie),
    )
    return gram, defs, ob


def lemma_gram(claims: Claims) -> list[Obligation]:
    g, k_defs, tie = normal_form(claims)
    a, b, N, t, eps = z3.Reals("a b N t eps")
    realisable = (*k_defs, *g.realisable(a, b, N))
    obligations = [tie, _lower_bound(g, a, N, t, realisable),
                   _attained(g, a, N, t, eps, realisable)]
    if claims.lemma_fails:
        obligations += [*_lemma_fails(claims), *_failure_region(g, k_defs, a, b, N, realisable)]
    else:
        premises = (*realisable, b > 0)
        obligations += [Obligation(
            name="negated_lemma",
            statement="no W0 with <W0,W*> > 0 has ||W0 - Ŵ*||² > RHS of (L4.5) (Gram coordinates)",
            expected="unsat",
            query=(*premises, g.ray_distance_sq(a, N) > g.lemma_bound(b, N)),
            premises=premises,
        ), *_lemma_fails(claims)[1:]]
    return obligations


def _lower_bound(g: Gram, a, N, t, realisable) -> Obligation:
    premises = (*realisable, t > 0)
    return Obligation(
        name="distance_to_ray_lower_bound",
        statement="||W0 - t·d||² >= D(W0) for every W0 and every t > 0 (Gram coordinates)",
        expected="unsat",
        query=(*premises, g.distance_sq(a, N, t) < g.ray_distance_sq(a, N)),
        premises=premises,
    )


def _attained(g: Gram, a, N, t, eps, realisable) -> Obligation:
    D = g.ray_distance_sq(a, N)
    t_star = a / g.dd
    attained = z3.Implies(a > 0, g.distance_sq(a, N, t_star) == D)
    approached = z3.Implies(z3.And(a <= 0, eps > 0, t * (eps * g.dd - 2 * a + 1) == eps),
                            z3.And(t > 0, g.distance_sq(a, N, t) < D + eps))
    return Obligation(
        name="distance_to_ray_attained",
        statement="D(W0) is attained at t* = <W0,d>/||d||² if <W0,d> > 0, else approached as "
                  "t -> 0+ (Gram coordinates)",
        expected="unsat",
        query=(*realisable, z3.Not(z3.And(attained, approached))),
        premises=realisable,
    )


def _lemma_fails(claims: Claims) -> list[Obligation]:
    """negated_lemma (W0 = αW* + βd) and lemma_fails_at_w_star, with the data's ww, dw, dd."""
    g = Gram(*(const(v) for v in gram_constants(claims)))
    expected = "sat" if claims.lemma_fails else "unsat"
    alpha, beta = z3.Reals("alpha beta")
    plane = (alpha * g.dw + beta * g.dd, alpha * g.ww + beta * g.dw,
             alpha * alpha * g.ww + 2 * alpha * beta * g.dw + beta * beta * g.dd)
    w0 = [alpha * const(wk) + beta * const(dk) for wk, dk in zip(claims.w_star, claims.bn_direction)]
    at_w_star = (g.dw, g.ww, g.ww)                 # W0 = W*: a = <W*,d>, b = N = <W*,W*>
    return [
        Obligation(
            name="negated_lemma",
            statement="some W0 with <W0,W*> > 0 has ||W0 - Ŵ*||² > RHS of (L4.5) (W0 = αW* + βd)",
            expected=expected,
            query=g.fails(*plane),
            witness={**{f"W0_{k + 1}": v for k, v in enumerate(w0)},
                     "lhs": g.ray_distance_sq(plane[0], plane[2]),
                     "rhs": g.lemma_bound(plane[1], plane[2])},
        ),
        Obligation(
            name="lemma_fails_at_w_star",
            statement="at W0 = W*: <W*,W*> > 0 and ||W* - Ŵ*||² > 0 = RHS of (L4.5)",
            expected=expected,
            query=g.fails(*at_w_star),
            witness={"lhs": g.ray_distance_sq(at_w_star[0], at_w_star[2]),
                     "rhs": g.lemma_bound(at_w_star[1], at_w_star[2])},
        ),
    ]


def _failure_region(g: Gram, k_defs, a, b, N, realisable) -> list[Obligation]:
    q, norm_d = positive_root("q", g.dd)           # ||W*|| = 1 in the normal form
    admissible, fails = g.fails(a, b, N)
    in_region = b * q - a > 0
    definitions = (*k_defs, *norm_d)
    necessary = (*realisable, admissible, fails)
    sufficient = (*realisable, admissible, in_region)
    return [
        Obligation(
            name="failure_region_necessary",
            statement="(L4.5) fails at admissible W0 only if <W0, ŵ - d̂> > 0 (Gram coordinates)",
            expected="unsat",
            query=(*norm_d, *necessary, z3.Not(in_region)),
            definitions=definitions,
            premises=necessary,
        ),
        Obligation(
            name="failure_region_sufficient",
            statement="(L4.5) fails at every admissible W0 with <W0, ŵ - d̂> > 0 (Gram coordinates)",
            expected="unsat",
            query=(*norm_d, *sufficient, z3.Not(fails)),
            definitions=definitions,
            premises=sufficient,
        ),
    ]
