"""Cross-checks: each obligation's claim re-derived by the independent SymPy evaluator.

A cross-check returns (passed, detail). It sees the claims, the solver's outcome (witnesses
are exact SymPy numbers) and the Evaluator, never a Z3 term.
"""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Callable

import sympy
from sympy import Matrix, sqrt

from harness.evaluator import Evaluator, distance_sq_to_ray, lemma_sides, rational
from harness.solver import Outcome
from proofs.claims import Claims, Surd

Check = Callable[[Claims, Evaluator, Outcome], tuple[bool, str]]


def surd(s: Surd) -> sympy.Expr:
    return rational(s.a) + rational(s.b) * sqrt(rational(s.q))


def vec(v) -> Matrix:
    return Matrix([rational(x) for x in v])


def equal(a, b) -> bool:
    """a = b exactly: a - b rationalised and expanded is 0 (enough for sums of rationals and
    square roots), else sympy.simplify decides."""
    difference = sympy.radsimp(a - b)
    return sympy.expand(difference) == 0 or sympy.simplify(difference) == 0


def positive_multiple(u: Matrix, v: Matrix) -> bool:
    k = next(i for i in range(len(v)) if v[i] != 0)
    t = u[k] / v[k]
    return bool(t > 0) and u == t * v


def sample_points(dim: int, count: int = 8) -> list[Matrix]:
    """Fixed, seeded integer points: the axes and small random vectors."""
    rng = random.Random(dim)
    axes = [Matrix([1 if j == k else 0 for j in range(dim)]) for k in range(min(dim, 3))]
    rand = [Matrix([rng.randint(-3, 3) for _ in range(dim)]) for _ in range(count)]
    return axes + [p for p in rand if any(p)]


def _standard_optimum(claims, ev, outcome):
    w = ev.standard_optimum()
    ok = w == vec(claims.w_star) and ev.standard_loss(w) == rational(claims.standard_loss_at_w_star)
    return ok, f"SymPy normal equations: W* = {list(w)}, L(W*) = {ev.standard_loss(w)}"


def _bn_loss_identity(claims, ev, outcome):
    sigma, c = ev.centered()
    mean_sq = (ev.y.T * ev.y)[0] / ev.n
    points = [p for p in [vec(claims.w_star), vec(claims.bn_direction), *sample_points(ev.dim, 3)]
              if (p.T * sigma * p)[0] > 0]
    ok = all(equal(ev.bn_loss(p), 1 + mean_sq - 2 * (c.T * p)[0] / sqrt((p.T * sigma * p)[0]))
             for p in points)
    return ok, f"literal L̂ = simplified form at {len(points)} points"


def _bn_ray_is_global_minimum(claims, ev, outcome):
    d = ev.bn_direction()
    value = ev.bn_loss(d)
    ok = (d == vec(claims.bn_direction) and equal(value, ev.min_bn_loss_closed_form())
          and equal(value, surd(claims.min_bn_loss)) and ev.bn_gradient(d) == sympy.zeros(ev.dim, 1))
    return ok, f"SymPy: d = {list(d)}, ∇L̂(d) = 0, min L̂ = L̂(d) = {value}"


def _bn_stationary_points_on_line(claims, ev, outcome):
    d = vec(claims.bn_direction)
    on_line = all(ev.bn_gradient(t * d) == sympy.zeros(ev.dim, 1) for t in (2, sympy.Rational(1, 3)))
    off = [p for p in sample_points(ev.dim, 2) if p.rank() and Matrix.hstack(p, d).rank() == 2]
    off_nonzero = all(ev.bn_gradient(p) != sympy.zeros(ev.dim, 1) for p in off)
    return on_line and off_nonzero, f"∇L̂ = 0 at 2d and d/3; ∇L̂ != 0 at {len(off)} points off the line"


def _bn_opposite_ray_not_minimum(claims, ev, outcome):
    d = vec(claims.bn_direction)
    v = next(p for p in sample_points(ev.dim) if Matrix.hstack(p, d).rank() == 2)
    near = -d + sympy.Rational(1, 100) * v
    lower, top = ev.bn_loss(near), ev.bn_loss(-d)
    return bool(lower < top), f"L̂(-d + v/100) = {lower} < L̂(-d) = {top}"


def _bn_gradient_at_w_star(claims, ev, outcome):
    g = ev.bn_gradient(vec(claims.w_star))
    claimed = [surd(s) for s in claims.grad_at_w_star]
    w, d = vec(claims.w_star), vec(claims.bn_direction)
    ok = all(equal(a, b) for a, b in zip(g, claimed)) and any(g) == (Matrix.hstack(w, d).rank() == 2)
    return ok, f"SymPy d/dw of literal L̂ at W*: {list(g)}"


def _w_star_not_bn_optimal(claims, ev, outcome):
    w, d = vec(claims.w_star), vec(claims.bn_direction)
    at_w, at_d = ev.bn_loss(w), ev.bn_loss(d)
    ok = (equal(at_w, surd(claims.bn_loss_at_w_star)) and equal(at_d, surd(claims.min_bn_loss))
          and bool(at_w > at_d) and not positive_multiple(w, d))
    return ok, f"L̂(W*) = {at_w} > L̂(d) = {at_d}"


def _closed_form_distance(w0: Matrix, d: Matrix):
    inner = (w0.T * d)[0]
    norm = (w0.T * w0)[0]
    return norm - inner**2 / (d.T * d)[0] if inner > 0 else norm


def _distance_points(claims, ev):
    d = vec(claims.bn_direction)
    return d, [vec(claims.w_star), d, -d, *sample_points(ev.dim)]


def _fractions(v: Matrix) -> list[Fraction]:
    return [Fraction(int(x.p), int(x.q)) for x in v]


def _distance_to_ray_lower_bound(claims, ev, outcome):
    """In exact Fractions (the points and d are rational): ||W0 - t·d||² summed literally."""
    d, points = _distance_points(claims, ev)
    ts = [Fraction(k, 7) for k in range(1, 30)]
    dq = _fractions(d)
    ok = True
    for p in points:
        bound, pq = _closed_form_distance(p, d), _fractions(p)
        ok = ok and all(sum((pk - t * dk) ** 2 for pk, dk in zip(pq, dq)) >= bound for t in ts)
    return ok, f"||W0 - t·d||² >= D(W0) at {len(points)} points × {len(ts)} values of t"


def _distance_to_ray_attained(claims, ev, outcome):
    d, points = _distance_points(claims, ev)
    ok = all(equal(distance_sq_to_ray(p, d), _closed_form_distance(p, d)) for p in points)
    return ok, f"SymPy inf over t > 0 equals D(W0) at {len(points)} points"


def _negated_lemma(claims, ev, outcome):
    w_star, d = ev.standard_optimum(), ev.bn_direction()
    if outcome.result == "sat":
        w0 = Matrix([outcome.witness[f"W0_{k + 1}"] for k in range(ev.dim)])
        left, right = lemma_sides(w0, w_star, d)
        ok = (bool((w0.T * w_star)[0] > 0) and bool(left > right)
              and equal(outcome.witness["lhs"], left) and equal(outcome.witness["rhs"], right))
        return ok, f"at W0 = {list(w0)}: left {left} > right {right}"
    fails = [p for p in sample_points(ev.dim) if (p.T * w_star)[0] > 0
             and bool(lemma_sides(p, w_star, d)[0] > lemma_sides(p, w_star, d)[1])]
    return not fails and not claims.lemma_fails, "(L4.5) holds at every admissible sample point"


def _lemma_fails_at_w_star(claims, ev, outcome):
    w_star = ev.standard_optimum()
    left, right = lemma_sides(w_star, w_star, ev.bn_direction())
    fails = bool(left > right)
    ok = fails == claims.lemma_fails
    if outcome.result == "sat":
        ok = ok and equal(outcome.witness["lhs"], left) and equal(outcome.witness["rhs"], right)
    return ok, f"at W0 = W*: left {left}, right {right}"


def _failure_region(claims, ev, outcome):
    w_star, d = ev.standard_optimum(), ev.bn_direction()
    w_hat = w_star / sqrt((w_star.T * w_star)[0])
    d_hat = d / sqrt((d.T * d)[0])
    admissible = [p for p in sample_points(ev.dim, 12) if (p.T * w_star)[0] > 0]
    agree = 0
    for p in admissible:
        left, right = lemma_sides(p, w_star, d)
        agree += bool(left > right) == bool((p.T * (w_hat - d_hat))[0] > 0)
    return agree == len(admissible), f"fails iff <W0, ŵ - d̂> > 0 at {agree}/{len(admissible)} admissible points"


def _witness_vector(ev, outcome) -> Matrix:
    return Matrix([outcome.witness[f"v{k + 1}"] for k in range(ev.dim)])


def _gram_singular(claims, ev, outcome):
    v = _witness_vector(ev, outcome)
    ok = any(v) and (ev.X.T * ev.X) * v == sympy.zeros(ev.dim, 1)
    return ok, f"SymPy: (XᵀX)v = 0 at v = {list(v)}"


def _sigma_singular(claims, ev, outcome):
    v = _witness_vector(ev, outcome)
    ok = any(v) and ev.centered()[0] * v == sympy.zeros(ev.dim, 1)
    return ok, f"SymPy: Σv = 0 at v = {list(v)}"


def _lemma_premise_never_met(claims, ev, outcome):
    w = ev.standard_optimum()
    return w == sympy.zeros(ev.dim, 1), f"SymPy normal equations: W* = {list(w)}"


def _bn_loss_constant(claims, ev, outcome):
    c = ev.centered()[1]
    constant = 1 + (ev.y.T * ev.y)[0] / ev.n
    points = [p for p in sample_points(ev.dim, 4) if (p.T * ev.centered()[0] * p)[0] > 0]
    ok = c == sympy.zeros(ev.dim, 1) and all(equal(ev.bn_loss(p), constant) for p in points)
    return ok, f"SymPy: c = {list(c)}, L̂ = {constant} at {len(points)} points"


def _bn_loss_locally_constant(claims, ev, outcome):
    positive = [ev.bn_loss([t]) for t in (1, 2, sympy.Rational(1, 3))]
    negative = [ev.bn_loss([t]) for t in (-1, -3)]
    ok = all(equal(v, positive[0]) for v in positive) and all(equal(v, negative[0]) for v in negative)
    return ok, f"SymPy: L̂ = {positive[0]} for w > 0, {negative[0]} for w < 0"


def _lemma_right_side_nonnegative(claims, ev, outcome):
    w = ev.standard_optimum()
    points = sample_points(ev.dim)
    norm = (w.T * w)[0]
    ok = all(((p - w).T * (p - w))[0] - (norm - (w.T * p)[0]) ** 2 / norm >= 0 for p in points)
    return ok, f"RHS(W0) >= 0 at {len(points)} points"


CHECKS: dict[str, Check] = {
    "gram_singular": _gram_singular,
    "sigma_singular": _sigma_singular,
    "lemma_premise_never_met": _lemma_premise_never_met,
    "bn_loss_constant": _bn_loss_constant,
    "bn_loss_locally_constant": _bn_loss_locally_constant,
    "lemma_right_side_nonnegative": _lemma_right_side_nonnegative,
    "standard_optimum": _standard_optimum,
    "bn_loss_identity": _bn_loss_identity,
    "bn_ray_is_global_minimum": _bn_ray_is_global_minimum,
    "bn_stationary_points_on_line": _bn_stationary_points_on_line,
    "bn_opposite_ray_not_minimum": _bn_opposite_ray_not_minimum,
    "bn_gradient_at_w_star": _bn_gradient_at_w_star,
    "w_star_not_bn_optimal": _w_star_not_bn_optimal,
    "distance_to_ray_lower_bound": _distance_to_ray_lower_bound,
    "distance_to_ray_attained": _distance_to_ray_attained,
    "negated_lemma": _negated_lemma,
    "lemma_fails_at_w_star": _lemma_fails_at_w_star,
    "failure_region_necessary": _failure_region,
    "failure_region_sufficient": _failure_region,
}


def cross_check(name: str, claims: Claims, ev: Evaluator, outcome: Outcome) -> tuple[bool, str]:
    return CHECKS[name](claims, ev, outcome)
