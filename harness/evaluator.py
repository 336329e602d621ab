"""The independent SymPy evaluator: docs/spec.md §3 computed a second way.

Written from the definitions without looking at proofs/encoding.py and sharing no code with
it: losses as literal sums, the BN loss with sympy.sqrt, gradients by symbolic differentiation
of the literal BN loss (not the hand-derived formula Z3 uses), W* and d by SymPy matrix
algebra, the distance to the ray by minimising over t > 0 (critical point or limit t -> 0+).
Inputs are exact (sympy.Rational or algebraic numbers); no float enters.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

import sympy
from sympy import Matrix, Rational, sqrt


def rational(q: Fraction | int) -> Rational:
    """An exact SymPy rational (a float is refused)."""
    if isinstance(q, float):
        raise TypeError(f"float {q!r} given where an exact rational is required")
    q = Fraction(q)
    return Rational(q.numerator, q.denominator)


class Evaluator:
    def __init__(self, X: Sequence[Sequence[Fraction]], y: Sequence[Fraction]):
        self.X = Matrix([[rational(v) for v in row] for row in X])
        self.y = Matrix([rational(v) for v in y])
        self.n, self.dim = self.X.shape
        self._gradient = None            # (symbols, ∂L̂/∂w_k as expressions), built on first use

    # standard network
    def standard_loss(self, w) -> sympy.Expr:
        residual = self.X * Matrix(w) - self.y
        return (residual.T * residual)[0] / self.n

    def standard_optimum(self) -> Matrix:
        """Solves the normal equations XᵀX w = Xᵀy."""
        return (self.X.T * self.X).LUsolve(self.X.T * self.y)

    # BN network
    def bn_outputs(self, w) -> list[sympy.Expr]:
        u = list(self.X * Matrix(w))
        mu = sum(u) / self.n
        sigma = sqrt(sum((ui - mu) ** 2 for ui in u) / self.n)
        return [(ui - mu) / sigma for ui in u]

    def bn_loss(self, w) -> sympy.Expr:
        """L̂(w) = (1/n) Σ_i ((u_i - μ)/σ - y_i)², exactly."""
        loss = sum((f - yi) ** 2 for f, yi in zip(self.bn_outputs(w), self.y)) / self.n
        return sympy.radsimp(sympy.expand(loss))

    def differentiate(self) -> tuple:
        """(w_1..w_d, ∂L̂/∂w_k as SymPy expressions of the literal loss), built on first use."""
        if self._gradient is None:
            symbols = sympy.symbols(f"w1:{self.dim + 1}", real=True)
            u = list(self.X * Matrix(symbols))
            mu = sum(u) / self.n
            sigma = sqrt(sum((ui - mu) ** 2 for ui in u) / self.n)
            loss = sum(((ui - mu) / sigma - yi) ** 2 for ui, yi in zip(u, self.y)) / self.n
            self._gradient = (symbols, [sympy.diff(loss, wk) for wk in symbols])
        return self._gradient

    def adopt_gradient(self, gradient: tuple) -> None:
        """Use `gradient`, what differentiate returned in another process (a worker of
        harness/prove.run_obligations), as if built here."""
        if self._gradient is None:
            self._gradient = gradient

    def bn_gradient(self, w) -> Matrix:
        """∂L̂/∂w_k at w: the literal loss differentiated symbolically in w_1..w_d (once per
        Evaluator), then evaluated at w."""
        symbols, derivatives = self.differentiate()
        point = {wk: sympy.sympify(v) for wk, v in zip(symbols, w)}     # exact: v is never a float
        return Matrix([sympy.radsimp(sympy.expand(g.xreplace(point))) for g in derivatives])

    def centered(self) -> tuple[Matrix, Matrix]:
        """Σ = (1/n) Σ (x_i - x̄)(x_i - x̄)ᵀ and c = (1/n) Σ (x_i - x̄)(y_i - ȳ)."""
        ones = Matrix([1] * self.n)
        Xc = self.X - ones * (ones.T * self.X) / self.n
        yc = self.y - ones * (ones.T * self.y) / self.n
        return Xc.T * Xc / self.n, Xc.T * yc / self.n

    def bn_direction(self) -> Matrix:
        sigma, c = self.centered()
        return sigma.LUsolve(c)

    def min_bn_loss_closed_form(self) -> sympy.Expr:
        """1 + mean(y²) - 2 sqrt(cᵀ Σ^{-1} c) (Cauchy-Schwarz in the Σ inner product)."""
        sigma, c = self.centered()
        mean_sq = (self.y.T * self.y)[0] / self.n
        return 1 + mean_sq - 2 * sqrt((c.T * sigma.LUsolve(c))[0])


def distance_sq_to_ray(w0, d) -> sympy.Expr:
    """inf over t > 0 of ||W0 - t·d||²: at the critical point if it is positive, else t -> 0+.
    f(t) = ||W0 - t·d||² is a polynomial in t of degree 2 with leading coefficient ||d||² > 0,
    so its one critical point is the root of the linear f'(t) (Poly.all_coeffs), and the limit
    at 0+ of the polynomial is f(0) (sympy.solve and sympy.limit took 0.35 s per `prove`).
    f is summed as polynomials in t, coordinate by coordinate (twice as fast as expanding)."""
    t = sympy.Symbol("t", positive=True)
    f = sympy.Poly(0, t)
    for a, b in zip(w0, d):
        f += sympy.Poly(a - t * b, t) ** 2
    slope, intercept = f.diff(t).all_coeffs()
    critical = -intercept / slope
    if critical.is_positive:
        return sympy.radsimp(f.as_expr().subs(t, critical))
    return f.as_expr().subs(t, 0)


def lemma_sides(w0, w_star, d) -> tuple[sympy.Expr, sympy.Expr]:
    """(left, right) of (L4.5): ||W0 - Ŵ*||² and ||W0 - W*||² - (||W*||² - <W*,W0>)²/||W*||²."""
    w0, ws = Matrix(w0), Matrix(w_star)
    norm_sq = (ws.T * ws)[0]
    right = ((w0 - ws).T * (w0 - ws))[0] - (norm_sq - (ws.T * w0)[0]) ** 2 / norm_sq
    return distance_sq_to_ray(w0, d), sympy.radsimp(sympy.expand(right))


def angle(u, v) -> sympy.Expr:
    u, v = Matrix(u), Matrix(v)
    return sympy.acos(sympy.radsimp((u.T * v)[0] / sqrt((u.T * u)[0] * (v.T * v)[0])))


def failing_probability(w_star, d) -> sympy.Expr:
    """P((L4.5) fails | <W0,W*> > 0) = 1/2 + φ/(2π) for rotation-invariant W0 (docs/spec.md §5)."""
    return Rational(1, 2) + angle(w_star, d) / (2 * sympy.pi)
