"""Cross-checks of the variant obligations (proofs/variants/) by the SymPy side
(harness/variant_evaluator.py). Each returns (passed, detail) from the claims, the solver's
outcome (exact witnesses) and the evaluator, never from a Z3 term. The paper's own obligations
that a variant reuses (bias: the BN optima and the distance to the ray) keep their paper
cross-checks (harness/cross_check.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import sympy
from sympy import Matrix, Rational, sqrt

from harness.cross_check import CHECKS as PAPER_CHECKS
from harness.cross_check import equal, sample_points, vec
from harness.evaluator import lemma_sides
from harness.solver import Outcome
from harness.variant_evaluator import VariantEvaluator, half_spaces_probability, line_distance_sq, unit
from proofs.claims import Claims
from proofs.variants.claims import VariantClaims


@dataclass
class Context:
    claims: VariantClaims
    ev: VariantEvaluator
    paper_claims: Claims | None = None     # for the paper obligations a variant reuses


Check = Callable[[Context, Outcome], tuple[bool, str]]


def _domain_points(ctx: Context, count: int = 3) -> list[Matrix]:
    """Seeded sample points with σ(w) > 0, W* and d first."""
    sigma, _ = ctx.ev.centered()
    points = [vec(ctx.claims.w_star), vec(ctx.claims.bn_direction), *sample_points(ctx.ev.dim, count)]
    return [p for p in points if (p.T * sigma * p)[0] > 0]


def _cov(ctx: Context, w) -> sympy.Expr:
    sigma, c = ctx.ev.centered()
    return (c.T * Matrix(w))[0], (Matrix(w).T * sigma * Matrix(w))[0]


# ------------------------------------------------------------------ γ, β and the profile loss

def _optimal_gamma_beta(ctx: Context, outcome):
    eps = Rational(ctx.claims.epsilon)
    points = _domain_points(ctx, 2)
    for p in points:
        gamma, beta, definite = ctx.ev.optimal_gamma_beta(p, eps)
        cw, var = _cov(ctx, p)
        expected = cw / sqrt(var) if eps == 0 else cw * sqrt(var + eps) / var
        if not (definite and equal(gamma, expected) and equal(beta, sum(ctx.ev.y) / ctx.ev.n)):
            return False, f"at w = {list(p)}: SymPy solves γ = {gamma}, β = {beta}"
    return True, f"SymPy: the unique stationary (γ, β) is (γ_w, ȳ), Hessian positive definite, at {len(points)} points"


def _minimal_loss(ctx: Context, outcome):
    eps = Rational(ctx.claims.epsilon)
    points = _domain_points(ctx, 2)
    var_y = ctx.ev.target_variance()
    for p in points:
        cw, var = _cov(ctx, p)
        if not equal(ctx.ev.profile_loss(p, eps), var_y - cw**2 / var):
            return False, f"at w = {list(p)}: min over (γ, β) is {ctx.ev.profile_loss(p, eps)}"
    return True, f"min over (γ, β) of the literal loss = Var(y) - <c,w>²/(wᵀΣw) at {len(points)} points"


def _profile_line(ctx: Context, outcome):
    eps = Rational(ctx.claims.epsilon)
    d = ctx.ev.bn_direction()
    k_sq = ctx.ev.k_star_sq()
    low = ctx.ev.target_variance() - k_sq
    at_d, at_minus = ctx.ev.profile_loss(d, eps), ctx.ev.profile_loss(-2 * d, eps)
    gammas = [ctx.ev.optimal_gamma_beta(t * d)[0] for t in (1, -1)] if eps == 0 else []
    others = [ctx.ev.profile_loss(p, eps) for p in _domain_points(ctx, 2)]
    ok = (d == vec(ctx.claims.bn_direction) and k_sq == Rational(ctx.claims.k_star_sq)
          and equal(at_d, low) and equal(at_minus, low) and all(bool(v >= low) for v in others)
          and all(equal(g, s * sqrt(k_sq)) for g, s in zip(gammas, (1, -1))))
    sign = f"; γ at ±d = ±k* = ±{sqrt(k_sq)}" if gammas else ""
    return ok, f"SymPy: m(d) = m(-2d) = Var(y) - k*² = {low} <= m at sample points{sign}"


def _profile_off_line(ctx: Context, outcome):
    eps = Rational(ctx.claims.epsilon)
    d = vec(ctx.claims.bn_direction)
    off = [p for p in _domain_points(ctx, 4) if Matrix.hstack(p, d).rank() == 2]
    for p in off:
        cw, _ = _cov(ctx, p)
        step = Rational(1, 100) * (1 if cw >= 0 else -1)
        if not bool(ctx.ev.profile_loss(p + step * d, eps) < ctx.ev.profile_loss(p, eps)):
            return False, f"m does not decrease from {list(p)} towards ±d"
    return bool(off), f"m(w ± d/100) < m(w) at {len(off)} points off the line"


# ------------------------------------------------------------------ the line and (L4.5)

def _line_points(ctx: Context):
    d = vec(ctx.claims.bn_direction)
    return d, [vec(ctx.claims.w_star), d, -d, *sample_points(ctx.ev.dim)]


def _closed_form_line(w0: Matrix, d: Matrix):
    return (w0.T * w0)[0] - (w0.T * d)[0] ** 2 / (d.T * d)[0]


def _line_distance_lower_bound(ctx: Context, outcome):
    d, points = _line_points(ctx)
    ts = [Rational(k, 7) for k in range(-20, 21) if k]
    ok = all(((p - t * d).T * (p - t * d))[0] >= _closed_form_line(p, d) for p in points for t in ts)
    return ok, f"||W0 - t·d||² >= Λ(W0) at {len(points)} points × {len(ts)} values of t != 0"


def _line_distance_attained(ctx: Context, outcome):
    d, points = _line_points(ctx)
    ok = all(equal(line_distance_sq(p, d), _closed_form_line(p, d)) for p in points)
    return ok, f"SymPy inf over t != 0 equals Λ(W0) at {len(points)} points"


def _line_sides(ctx: Context, w0):
    d = ctx.ev.bn_direction()
    return line_distance_sq(w0, d), lemma_sides(w0, ctx.ev.standard_optimum(), d)[1]


def _line_negated_lemma(ctx: Context, outcome):
    w_star = ctx.ev.standard_optimum()
    if outcome.result == "sat":
        w0 = Matrix([outcome.witness[f"W0_{k + 1}"] for k in range(ctx.ev.dim)])
        left, right = _line_sides(ctx, w0)
        ok = (bool((w0.T * w_star)[0] > 0) and bool(left > right)
              and equal(outcome.witness["lhs"], left) and equal(outcome.witness["rhs"], right))
        return ok, f"at W0 = {list(w0)}: left {left} > right {right}"
    points = [p for p in sample_points(ctx.ev.dim) if (p.T * w_star)[0] > 0]
    fails = [p for p in points if bool(_line_sides(ctx, p)[0] > _line_sides(ctx, p)[1])]
    return not fails and ctx.claims.parallel, f"(L4.5) holds at {len(points)} admissible sample points"


def _line_lemma_fails_at_w_star(ctx: Context, outcome):
    w_star = ctx.ev.standard_optimum()
    left, right = _line_sides(ctx, w_star)
    ok = bool(left > right) != ctx.claims.parallel
    if outcome.result == "sat":
        ok = ok and equal(outcome.witness["lhs"], left) and equal(outcome.witness["rhs"], right)
    return ok, f"at W0 = W*: left {left}, right {right}"


def _line_failure_region(ctx: Context, outcome):
    w_star, d = ctx.ev.standard_optimum(), ctx.ev.bn_direction()
    w_hat, d_hat = unit(w_star), unit(d)
    admissible = [p for p in sample_points(ctx.ev.dim, 12) if (p.T * w_star)[0] > 0]
    agree = 0
    for p in admissible:
        left, right = _line_sides(ctx, p)
        a, b = (p.T * w_hat)[0], (p.T * d_hat)[0]
        agree += bool(left > right) == bool(b**2 < a**2) == bool(a - b > 0 and a + b > 0)
    return agree == len(admissible), (f"fails iff <W0,d̂>² < <W0,ŵ>² iff <W0,ŵ ∓ d̂> > 0 at "
                                      f"{agree}/{len(admissible)} admissible points")


def _line_quadrant_normals(ctx: Context, outcome):
    w_hat, d_hat = unit(ctx.ev.standard_optimum()), unit(ctx.ev.bn_direction())
    minus, plus = w_hat - d_hat, w_hat + d_hat
    ok = (equal((minus.T * plus)[0], 0) and any(not equal(v, 0) for v in minus)
          and any(not equal(v, 0) for v in plus))
    return ok, "SymPy: <ŵ - d̂, ŵ + d̂> = 0, both nonzero"


def _line_quadrant_in_general(ctx: Context, outcome):
    phi = sympy.Symbol("phi", real=True)
    w_hat, d_hat = Matrix([1, 0]), Matrix([sympy.cos(phi), sympy.sin(phi)])
    inner = sympy.simplify(((w_hat - d_hat).T * (w_hat + d_hat))[0])
    probability = half_spaces_probability(w_hat - d_hat, w_hat + d_hat) / Rational(1, 2)
    ok = inner == 0 and sympy.simplify(probability) == Rational(1, 2)
    return ok, "SymPy, symbolically in φ: <ŵ - d̂, ŵ + d̂> = 0, so P(fails | admissible) = 1/2 for every φ"


# ------------------------------------------------------------------ bias

def _bias_standard_optimum(ctx: Context, outcome):
    w, b = ctx.ev.bias_optimum()
    ok = (w == vec(ctx.claims.w_star) == ctx.ev.bn_direction()
          and b == Rational(ctx.claims.intercept))
    return ok, f"SymPy normal equations of [X | 1]: W* = {list(w)} = Σ⁻¹c, b* = {b}"


def _bias_lemma(ctx: Context, outcome):
    w_star, _ = ctx.ev.bias_optimum()
    d = ctx.ev.bn_direction()
    points = [p for p in sample_points(ctx.ev.dim, 12) if (p.T * w_star)[0] > 0]
    ok = all(equal(*lemma_sides(p, w_star, d)) for p in points)
    return ok, f"left = right of (L4.5) at {len(points)} admissible sample points"


def _bias_in_general(ctx: Context, outcome):
    d = Matrix(sympy.symbols(f"d1:{ctx.ev.dim + 1}", real=True))
    w0 = Matrix(sympy.symbols(f"v1:{ctx.ev.dim + 1}", real=True))
    norm = (d.T * d)[0]
    right = ((w0 - d).T * (w0 - d))[0] - (norm - (d.T * w0)[0]) ** 2 / norm
    left = (w0.T * w0)[0] - (w0.T * d)[0] ** 2 / norm     # the ray distance when <W0,d> > 0
    return equal(left, right), "SymPy, symbolically in d and W0: both sides are ||W0||² - <W0,d>²/||d||²"


# ------------------------------------------------------------------ PyTorch's default: w = 0

def _torch_origin(ctx: Context, outcome):
    eps, d = Rational(ctx.claims.epsilon), ctx.ev.bn_direction()
    zero, var_y = [0] * ctx.ev.dim, ctx.ev.target_variance()
    beta = sum(ctx.ev.y) / ctx.ev.n + 1
    for gamma in (0, 1, -2):
        e = Rational(-1 if gamma < 0 else 1, 1000)
        at_origin = ctx.ev.affine_bn_loss(zero, gamma, beta, eps)
        near = ctx.ev.affine_bn_loss(e * d, gamma + e, beta, eps)
        if not (bool(at_origin >= var_y) and bool(near < at_origin)):
            return False, f"γ = {gamma}: L̂_ε(0,γ,β) = {at_origin}, L̂_ε(e·d, γ+e, β) = {near}"
    return True, "L̂_ε(0,γ,β) >= Var(y) and L̂_ε(±d/1000, γ ± 1/1000, β) is lower, for γ = 0, 1, -2"


# ------------------------------------------------------------------ ε > 0, γ = 1, β = 0

def _eps(ctx: Context):
    return Rational(ctx.claims.epsilon), ctx.ev.bn_direction(), ctx.ev.k_star_sq()


def _w_eps(ctx: Context) -> Matrix:
    eps, d, k_sq = _eps(ctx)
    return sqrt(eps / (1 - k_sq)) * d


def _eps_loss_identity(ctx: Context, outcome):
    eps = Rational(ctx.claims.epsilon)
    mean_sq = sum(v**2 for v in ctx.ev.y) / ctx.ev.n
    points = [Matrix([0] * ctx.ev.dim), *_domain_points(ctx, 2)]
    for p in points:
        cw, var = _cov(ctx, p)
        literal = ctx.ev.affine_bn_loss(p, 1, 0, eps)
        if not equal(literal, mean_sq + var / (var + eps) - 2 * cw / sqrt(var + eps)):
            return False, f"at w = {list(p)}: literal L̂_ε = {literal}"
    return True, f"literal L̂_ε = mean(y²) + σ²/σ_ε² - 2<c,w>/σ_ε at {len(points)} points (w = 0 included)"


def _eps_ray_derivative(ctx: Context, outcome):
    eps, d, k_sq = _eps(ctx)
    sigma, c = ctx.ev.centered()
    r = sympy.Symbol("r", positive=True)
    axis = Matrix([1] + [0] * (ctx.ev.dim - 1))
    for v in (d / sqrt(k_sq), axis / sqrt((axis.T * sigma * axis)[0])):
        k = (c.T * v)[0]
        along = sympy.diff(ctx.ev.affine_bn_loss(r * v, 1, 0, eps), r)
        formula = 2 * eps * (r**2 + eps) ** Rational(-3, 2) * (r / sqrt(r**2 + eps) - k)
        for value in (Rational(1, 2), 2):
            if not equal(along.subs(r, value), formula.subs(r, value)):
                return False, f"d/dr L̂_ε(r·v) at r = {value} differs from the formula"
    return True, "SymPy d/dr of the literal L̂_ε(r·v) = 2ε(r²+ε)^(-3/2)(r/sqrt(r²+ε) - k) along 2 Σ-unit v, r = 1/2, 2"


def _eps_off_line(ctx: Context, outcome):
    eps, d, _ = _eps(ctx)
    off = [p for p in sample_points(ctx.ev.dim, 2) if Matrix.hstack(p, d).rank() == 2]
    ok = all(any(not equal(g, 0) for g in ctx.ev.eps_gradient(p, eps)) for p in off)
    return ok, f"SymPy ∇L̂_ε != 0 at {len(off)} points off the line through d"


def _eps_no_stationary(ctx: Context, outcome):
    eps, d, k_sq = _eps(ctx)
    lams = (-1, Rational(1, 10), 1, 10)
    ok = (k_sq >= 1 and k_sq == Rational(ctx.claims.k_star_sq)
          and all(any(not equal(g, 0) for g in ctx.ev.eps_gradient(lam * d, eps)) for lam in lams))
    return ok, f"SymPy: k*² = {k_sq} >= 1; ∇L̂_ε(λd) != 0 at λ = -1, 1/10, 1, 10"


def _eps_unique_stationary(ctx: Context, outcome):
    eps, d, k_sq = _eps(ctx)
    w_eps = _w_eps(ctx)
    zero = all(equal(g, 0) for g in ctx.ev.eps_gradient(w_eps, eps))
    others = all(any(not equal(g, 0) for g in ctx.ev.eps_gradient(t * w_eps, eps)) for t in (2, Rational(1, 2), -1))
    return k_sq < 1 and zero and others, f"SymPy: ∇L̂_ε(w_ε) = 0 at w_ε = {list(w_eps)}, != 0 at 2w_ε, w_ε/2, -w_ε"


def _eps_in_general(ctx: Context, outcome):
    k_sq, eps, lam = sympy.symbols("k_sq eps lam", positive=True)
    s = sqrt(lam**2 * k_sq + eps)
    residual = sympy.simplify(s**3 - lam * (eps + lam * k_sq * s))
    solved = sympy.solve(sympy.Eq(s, lam), lam)      # s³ = λε + λ²k*²s and s² = λ²k*² + ε give sε = λε
    ok = (sympy.simplify(residual - eps * (s - lam)) == 0
          and all(sympy.simplify(x**2 * (1 - k_sq) - eps) == 0 for x in solved))
    return ok, "SymPy: s³ - λ(ε + λk*²s) = ε(s - λ), so s = λ and λ²(1 - k*²) = ε (needs k*² < 1)"


def _eps_global_minimum(ctx: Context, outcome):
    eps, d, k_sq = _eps(ctx)
    mean_sq = sum(v**2 for v in ctx.ev.y) / ctx.ev.n
    value = ctx.ev.affine_bn_loss(_w_eps(ctx), 1, 0, eps)
    others = [ctx.ev.affine_bn_loss(p, 1, 0, eps) for p in [Matrix([0] * ctx.ev.dim), *_domain_points(ctx, 3)]]
    ok = equal(value, mean_sq - k_sq) and all(bool(v >= mean_sq - k_sq) for v in others)
    return ok, f"SymPy: L̂_ε(w_ε) = mean(y²) - k*² = {mean_sq - k_sq} <= L̂_ε at {len(others)} points"


def _eps_lemma_sides(ctx: Context, w0: Matrix):
    w_eps = _w_eps(ctx)
    left = sympy.expand(((w0 - w_eps).T * (w0 - w_eps))[0])
    return left, lemma_sides(w0, ctx.ev.standard_optimum(), ctx.ev.bn_direction())[1]


def _eps_negated_lemma(ctx: Context, outcome):
    w0 = Matrix([outcome.witness[f"W0_{k + 1}"] for k in range(ctx.ev.dim)])
    left, right = _eps_lemma_sides(ctx, w0)
    ok = (bool((w0.T * ctx.ev.standard_optimum())[0] > 0) and bool(left > right)
          and equal(outcome.witness["lhs"], left) and equal(outcome.witness["rhs"], right))
    return ok, f"at W0 = {list(w0)}: ||W0 - w_ε||² = {left} > right {right}"


def _eps_lemma_fails_at_w_star(ctx: Context, outcome):
    left, right = _eps_lemma_sides(ctx, ctx.ev.standard_optimum())
    if outcome.result == "unsat":
        return equal(left, 0) and equal(right, 0), f"W* = w_ε: left {left} = right {right}"
    ok = bool(left > right) and equal(outcome.witness["lhs"], left) and equal(outcome.witness["rhs"], right)
    return ok, f"at W0 = W*: ||W* - w_ε||² = {left} > right {right}"


def _eps_single_optimum(ctx: Context, outcome):
    w_star = Matrix(sympy.symbols(f"a1:{ctx.ev.dim + 1}", real=True))
    p = Matrix(sympy.symbols(f"p1:{ctx.ev.dim + 1}", real=True))
    rights = [lemma_sides(w_star * t, w_star, p)[1] for t in (1, 2)]
    points = sample_points(ctx.ev.dim, 2)
    pairs = [(w, q) for w in points for q in (*points, 2 * w)]     # p = W* and p = 2W* too
    holds_at_both = [(w, q) for w, q in pairs
                     if all(bool(((t * w - q).T * (t * w - q))[0] <= lemma_sides(t * w, w, q)[1]) for t in (1, 2))]
    ok = all(sympy.simplify(r) == 0 for r in rights) and not holds_at_both
    return ok, (f"SymPy, symbolically: RHS = 0 at W0 = W* and 2W*; and at {len(pairs)} sample pairs "
                f"(W*, p) ||W0 - p||² > RHS(W0) at W0 = W* or 2W*" if ok else
                f"(L4.5) with Ŵ* = {{p}} holds at W* and 2W* for (W*, p) = {holds_at_both[:1]}")


CHECKS: dict[str, Check] = {
    "gb_optimal_gamma_beta": _optimal_gamma_beta,
    "gb_minimal_loss": _minimal_loss,
    "profile_line_is_global_minimum": _profile_line,
    "profile_off_line_not_minimum": _profile_off_line,
    "line_distance_lower_bound": _line_distance_lower_bound,
    "line_distance_attained": _line_distance_attained,
    "line_negated_lemma": _line_negated_lemma,
    "line_lemma_fails_at_w_star": _line_lemma_fails_at_w_star,
    "line_failure_region_necessary": _line_failure_region,
    "line_failure_region_sufficient": _line_failure_region,
    "line_failure_region_quadrant": _line_failure_region,
    "line_quadrant_normals_orthogonal": _line_quadrant_normals,
    "line_quadrant_in_general": _line_quadrant_in_general,
    "bias_standard_optimum": _bias_standard_optimum,
    "bias_negated_lemma": _bias_lemma,
    "bias_lemma_equality": _bias_lemma,
    "bias_lemma_equality_in_general": _bias_in_general,
    "torch_optimal_gamma_beta": _optimal_gamma_beta,
    "torch_minimal_loss": _minimal_loss,
    "torch_origin_not_minimum": _torch_origin,
    "eps_loss_identity": _eps_loss_identity,
    "eps_ray_derivative": _eps_ray_derivative,
    "eps_stationary_points_on_line": _eps_off_line,
    "eps_no_stationary_point": _eps_no_stationary,
    "eps_stationary_on_line_in_general": _eps_in_general,
    "eps_unique_stationary_point": _eps_unique_stationary,
    "eps_global_minimum": _eps_global_minimum,
    "eps_negated_lemma": _eps_negated_lemma,
    "eps_lemma_fails_at_w_star": _eps_lemma_fails_at_w_star,
    "eps_lemma_fails_for_a_single_optimum": _eps_single_optimum,
}


def variant_cross_check(name: str, ctx: Context, outcome: Outcome) -> tuple[bool, str]:
    if name in CHECKS:
        return CHECKS[name](ctx, outcome)
    return PAPER_CHECKS[name](ctx.paper_claims, ctx.ev, outcome)
