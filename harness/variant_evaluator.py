"""The SymPy side of the variants (docs/spec.md §7), computed a second way from the definitions.

Like harness/evaluator.py (whose Evaluator this extends: data, W*, Σ, c, d by SymPy matrix
algebra) it shares no code with the Z3 encoding (proofs/variants/): the losses are literal sums
with sympy.sqrt, the optimal γ and β are solved from SymPy's own derivatives, the bias optimum
from the normal equations of [X | 1], the distance to the line by minimising over t != 0, and
the failing probability from the two-half-space formula. No float enters.
"""

from __future__ import annotations

import sympy
from sympy import Matrix, Rational, sqrt

from harness.evaluator import Evaluator

GAMMA, BETA, T = sympy.symbols("gamma beta t", real=True)


class VariantEvaluator(Evaluator):
    def __init__(self, X, y):
        super().__init__(X, y)
        self._gradients: dict = {}

    def affine_bn_loss(self, w, gamma, beta, eps=0) -> sympy.Expr:
        """L̂(w,γ,β) = (1/n) Σ_i (γ(u_i - μ)/sqrt(σ² + ε) + β - y_i)², literally."""
        u = list(self.X * Matrix(w))
        mu = sum(u) / self.n
        scale = sqrt(sum((ui - mu) ** 2 for ui in u) / self.n + eps)
        return sum((gamma * (ui - mu) / scale + beta - yi) ** 2 for ui, yi in zip(u, self.y)) / self.n

    def optimal_gamma_beta(self, w, eps=0) -> tuple[sympy.Expr, sympy.Expr, bool]:
        """(γ, β) where both partial derivatives of the literal loss vanish, and whether the
        Hessian in (γ, β) is positive definite there (then it is the unique minimiser)."""
        loss = sympy.expand(self.affine_bn_loss(w, GAMMA, BETA, eps))
        solution = sympy.solve([sympy.diff(loss, GAMMA), sympy.diff(loss, BETA)], [GAMMA, BETA],
                               dict=True)
        (point,) = solution
        hessian = sympy.hessian(loss, (GAMMA, BETA))
        definite = bool(hessian[0, 0] > 0) and bool(sympy.simplify(hessian.det()) > 0)
        return sympy.radsimp(point[GAMMA]), sympy.radsimp(point[BETA]), definite

    def profile_loss(self, w, eps=0) -> sympy.Expr:
        """min over (γ, β) of the literal loss, at the solved optimum."""
        gamma, beta, _ = self.optimal_gamma_beta(w, eps)
        return sympy.radsimp(sympy.expand(self.affine_bn_loss(w, gamma, beta, eps)))

    def target_variance(self) -> sympy.Expr:
        mean = sum(self.y) / self.n
        return sum((yi - mean) ** 2 for yi in self.y) / self.n

    def k_star_sq(self) -> sympy.Expr:
        """cᵀΣ⁻¹c."""
        sigma, c = self.centered()
        return (c.T * sigma.LUsolve(c))[0]

    def bias_optimum(self) -> tuple[Matrix, sympy.Expr]:
        """(w, b) minimising (1/n) Σ (<w,x_i> + b - y_i)²: the normal equations of [X | 1]."""
        A = self.X.row_join(Matrix([1] * self.n))
        solution = (A.T * A).LUsolve(A.T * self.y)
        return solution[:self.dim, 0], solution[self.dim]

    def eps_gradient(self, w, eps) -> Matrix:
        """∇L̂_ε at w (γ = 1, β = 0): SymPy's derivative of the literal loss in symbolic w
        (taken once per ε), evaluated at w."""
        if eps not in self._gradients:
            symbols = sympy.symbols(f"w1:{self.dim + 1}", real=True)
            loss = self.affine_bn_loss(list(symbols), 1, 0, eps)
            self._gradients[eps] = (symbols, [sympy.diff(loss, x) for x in symbols])
        symbols, grad = self._gradients[eps]
        point = dict(zip(symbols, w))
        return Matrix([sympy.radsimp(sympy.expand(g.subs(point))) for g in grad])


def line_distance_sq(w0, d) -> sympy.Expr:
    """inf over t != 0 of ||W0 - t·d||²: at the critical point if it is not 0, else t -> 0."""
    w0, d = Matrix(w0), Matrix(d)
    f = sympy.expand(((w0 - T * d).T * (w0 - T * d))[0])
    critical = [r for r in sympy.solve(sympy.diff(f, T), T) if r != 0]
    return sympy.radsimp(f.subs(T, critical[0])) if critical else sympy.limit(f, T, 0)


def unit(v) -> Matrix:
    v = Matrix(v)
    return v / sqrt((v.T * v)[0])


def half_spaces_probability(a, b) -> sympy.Expr:
    """P(<W0,a> > 0 and <W0,b> > 0) for rotation-invariant W0: (π - angle(a, b))/(2π)."""
    a, b = Matrix(a), Matrix(b)
    cosine = sympy.radsimp((a.T * b)[0] / sqrt((a.T * a)[0] * (b.T * b)[0]))
    return (sympy.pi - sympy.acos(sympy.simplify(cosine))) / (2 * sympy.pi)


def line_failing_probability(w_star, d) -> sympy.Expr:
    """P((L4.5) fails | <W0,W*> > 0) with Ŵ* a line: the quadrant <W0, ŵ ∓ d̂> > 0 (inside the
    admissible half-space) over P(admissible) = 1/2."""
    w_hat, d_hat = unit(w_star), unit(d)
    return sympy.simplify(half_spaces_probability(w_hat - d_hat, w_hat + d_hat) / Rational(1, 2))
