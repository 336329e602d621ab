"""The negated lemma: (L4.5) is false (docs/spec.md §1-2).

(L4.5) fails at W0 when <W0, W*> > 0 and ||W0 - Ŵ*||² > ||W0 - W*||² - (||W*||² - <W*,W0>)²/||W*||²,
with ||W0 - Ŵ*||² = D(W0) the squared distance to the ray, in the closed form proved by
proofs/distance_to_ray.py.

negated_lemma — query: some W0 with <W0,W*> > 0 and D(W0) > RHS(W0). Expected: sat, with an
    exact witness W0 (re-evaluated in SymPy); unsat for a learning set where (L4.5) holds.
lemma_fails_at_w_star — the paper's choice W0 = W*: <W*,W*> > 0 and D(W*) > 0 = RHS(W*)
    (canonical set: D(W*) = 18/17). Expected: sat where (L4.5) fails, unsat where it holds.

Premises (checked satisfiable before an unsat counts): the admissibility <W0,W*> > 0, so an
unsat where (L4.5) holds is never the empty set of admissible W0 (W* = 0 is degenerate).
"""

from __future__ import annotations

from proofs.claims import Claims
from proofs.encoding import const, dot, lemma_bound, ray_distance_sq, reals
from proofs.obligation import Obligation


def _fails_at(w0, w_star, d) -> tuple:
    return dot(w0, w_star) > 0, ray_distance_sq(w0, d) > lemma_bound(w0, w_star)


def negated_lemma(claims: Claims) -> list[Obligation]:
    w_star = [const(v) for v in claims.w_star]
    d = [const(v) for v in claims.bn_direction]
    w0 = reals("W0_", len(d))
    expected = "sat" if claims.lemma_fails else "unsat"
    at_w0, at_w_star = _fails_at(w0, w_star, d), _fails_at(w_star, w_star, d)
    return [
        Obligation(
            name="negated_lemma",
            statement="some W0 with <W0,W*> > 0 has ||W0 - Ŵ*||² > RHS of (L4.5)",
            expected=expected,
            query=at_w0,
            witness={**{f"W0_{k + 1}": v for k, v in enumerate(w0)},
                     "lhs": ray_distance_sq(w0, d), "rhs": lemma_bound(w0, w_star)},
            premises=at_w0[:1],
        ),
        Obligation(
            name="lemma_fails_at_w_star",
            statement="at W0 = W*: <W*,W*> > 0 and ||W* - Ŵ*||² > 0 = RHS of (L4.5)",
            expected=expected,
            query=at_w_star,
            witness={"lhs": ray_distance_sq(w_star, d), "rhs": lemma_bound(w_star, w_star)},
            premises=at_w_star[:1],
        ),
    ]
