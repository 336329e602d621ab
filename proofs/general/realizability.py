"""Realizability: symbolic statistics are exactly the statistics of learning sets, so a theorem
over all (Σ SPD, W*, d != 0) is a theorem over all nondegenerate learning sets (docs/spec.md §7).

Notation (docs/spec.md §3): x̄, ȳ the means, Σ the centred covariance, c = Σd, A = (1/n)Σ x_i x_iᵀ
= Σ + x̄x̄ᵀ, (1/n)Σ x_i y_i = c + x̄ȳ (both identities are in data_link.py), δ = det Σ,
Σ̃ = adj Σ (so Σ⁻¹ = Σ̃/δ), m = x̄ᵀΣ⁻¹x̄, b₀ = ȳ - <d, x̄> the intercept of the affine fit.

(⇒) W* = d + b₀/(1 + m) · Σ⁻¹x̄ for every learning set with Σ SPD. W* is the unique solution of
    A·W = c + x̄ȳ (A = Σ + x̄x̄ᵀ is SPD). Denominator-free: N = (δ + x̄ᵀΣ̃x̄)·Σ̃c
    + (ȳδ - x̄ᵀΣ̃c)·Σ̃x̄ is δ(δ + x̄ᵀΣ̃x̄) times the formula, and `w_star_formula` is the vector
    A·N - δ(δ + x̄ᵀΣ̃x̄)(c + x̄ȳ), zero for every symmetric Σ, x̄, ȳ, c (SymPy `expand`, k = 2, 3).
    δ > 0 and x̄ᵀΣ̃x̄ = δ·m >= 0 for SPD Σ, so the division is allowed.
(⇐) every (W*, d), d != 0, with any SPD Σ is realised: take centred points z_i with covariance Σ
    (k + 1 real points, a centred simplex; exact rational points: `centred_points`), and
    x̄ = Σ(W* - d), b₀ = 1 + (W* - d)ᵀΣ(W* - d), x_i = x̄ + z_i, y_i = <d, x_i> + b₀. Then the
    covariance is Σ, c = (1/n)Σ z_i <d, z_i> = Σd, the intercept is b₀, and the formula gives
    W* = d + (W* - d). `construction` is N - δ(δ + x̄ᵀΣ̃x̄)·W* with these substitutions, zero for
    every Σ, W*, d (SymPy, k = 2, 3); `realize` builds the learning set in exact rationals.
"""

from __future__ import annotations

from fractions import Fraction

import sympy
from flint import fmpq
from sympy.solvers.diophantine.diophantine import sum_of_four_squares


Vector = tuple[Fraction, ...]


def _symmetric(k: int) -> sympy.Matrix:
    return sympy.Matrix(k, k, lambda i, j: sympy.Symbol(f"S{min(i, j) + 1}{max(i, j) + 1}"))


def _formula_numerator(sigma, x_mean, y_mean, c) -> tuple[sympy.Matrix, sympy.Expr]:
    """(N, δ(δ + x̄ᵀΣ̃x̄)): W* = N / δ(δ + x̄ᵀΣ̃x̄) is the formula, denominators cleared."""
    adj, det = sigma.adjugate(), sigma.det()
    m = (x_mean.T * adj * x_mean)[0]
    N = (det + m) * adj * c + (y_mean * det - (x_mean.T * adj * c)[0]) * adj * x_mean
    return N, det * (det + m)


def w_star_formula(k: int) -> sympy.Matrix:
    """A·N - δ(δ + x̄ᵀΣ̃x̄)(c + x̄ȳ): the zero vector iff the formula solves the normal equations."""
    sigma = _symmetric(k)
    x_mean, c = sympy.Matrix(sympy.symbols(f"xbar1:{k + 1}")), sympy.Matrix(sympy.symbols(f"c1:{k + 1}"))
    y_mean = sympy.Symbol("ybar")
    N, scale = _formula_numerator(sigma, x_mean, y_mean, c)
    return (sigma + x_mean * x_mean.T) * N - scale * (c + x_mean * y_mean)


def construction(k: int) -> sympy.Matrix:
    """N - δ(δ + x̄ᵀΣ̃x̄)·W* for the statistics of the constructed set: the zero vector iff the
    formula gives back W*."""
    sigma = _symmetric(k)
    w_star, d = sympy.Matrix(sympy.symbols(f"W1:{k + 1}")), sympy.Matrix(sympy.symbols(f"d1:{k + 1}"))
    x_mean = sigma * (w_star - d)
    b0 = 1 + ((w_star - d).T * sigma * (w_star - d))[0]
    y_mean = (d.T * x_mean)[0] + b0
    N, scale = _formula_numerator(sigma, x_mean, y_mean, sigma * d)
    return N - scale * w_star


def _dot(u, v) -> Fraction:
    return sum((a * b for a, b in zip(u, v)), Fraction(0))


def realize(w_star: Vector, d: Vector, points: list[Vector]) -> tuple[tuple[Vector, ...], Vector]:
    """A learning set (X, y) whose standard optimum is W* and BN direction is d, with centred
    covariance Σ = (1/n)Σ z_i z_iᵀ of the given centred points z_i (they must sum to 0)."""
    n, k = len(points), len(d)
    if any(sum(z[j] for z in points) != 0 for j in range(k)):
        raise ValueError("the points are not centred")
    sigma = [[sum(z[i] * z[j] for z in points) / n for j in range(k)] for i in range(k)]
    u = [wi - di for wi, di in zip(w_star, d)]
    x_mean = [_dot(row, u) for row in sigma]
    b0 = 1 + _dot(u, x_mean)
    X = tuple(tuple(m + zj for m, zj in zip(x_mean, z)) for z in points)
    return X, tuple(_dot(d, x) + b0 for x in X)


def _rational_four_squares(q: Fraction) -> list[Fraction]:
    """Four rationals whose squares sum to q >= 0 (Lagrange, on the integer numerator·denominator)."""
    return [Fraction(a, q.denominator) for a in sum_of_four_squares(q.numerator * q.denominator)]


def centred_points(sigma: list[list[Fraction]]) -> list[Vector]:
    """8k rational points z_i summing to 0 with (1/8k)Σ z_i z_iᵀ = Σ exactly (Σ SPD, rational).
    With Σ = L·D·Lᵀ: 4k·D_j = a² + b² + c² + e² and the points ±a·l_j, ±b·l_j, ±c·l_j, ±e·l_j
    (l_j the j-th column of L) contribute (2/8k)·4k·D_j·l_j l_jᵀ = D_j·l_j l_jᵀ. (k + 1 real
    points suffice, but not always rational ones.)"""
    k = len(sigma)
    L, D = ldl([[Fraction(v) for v in row] for row in sigma])
    points = []
    for j in range(k):
        column = [L[i][j] for i in range(k)]
        for a in _rational_four_squares(4 * k * D[j]):
            points += [tuple(a * li for li in column), tuple(-a * li for li in column)]
    return points


def ldl(rows: list[list[Fraction]]) -> tuple[list[list[Fraction]], list[Fraction]]:
    """(L, D) with S = L·D·Lᵀ, L unit lower triangular, by Gaussian elimination without pivoting
    (valid while the pivots are nonzero, as they are for a positive definite S). Not trusted:
    the identity obligation checks the result."""
    n = len(rows)
    a = [[fmpq(v.numerator, v.denominator) for v in row] for row in rows]
    L = [[fmpq(int(i == j)) for j in range(n)] for i in range(n)]
    D = []
    for k in range(n):
        pivot = a[k][k]
        if pivot == 0:
            raise ValueError("zero pivot: not positive definite")
        D.append(pivot)
        for i in range(k + 1, n):
            f = a[i][k] / pivot
            L[i][k] = f
            if f != 0:
                for j in range(k + 1, n):
                    a[i][j] -= f * a[k][j]
    fr = lambda q: Fraction(int(q.p), int(q.q))
    return [[fr(v) for v in row] for row in L], [fr(v) for v in D]
