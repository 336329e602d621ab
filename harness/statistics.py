"""Exact statistics of a learning set with python-flint (paper.md §3).

Everything comes from one integer moment matrix M = Zᵀ Z, Z = [X | 1 | y] with each column
scaled to integers (denominators cleared), so the n-sized work is a single exact integer
product. From M: the Gram matrix A = Σ x_i x_iᵀ, W* = A^{-1} Σ x_i y_i, the centered
covariance Σ, c, d = Σ^{-1} c, and the claimed values of proofs/claims.py. No floats.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import lcm

from flint import fmpq, fmpq_mat, fmpz_mat

from harness.learning_set import LearningSet
from proofs.claims import Claims, Surd, Vector


@dataclass(frozen=True)
class Statistics:
    n: int
    dim: int
    x_mean: Vector
    y_mean: Fraction
    y_sq_mean: Fraction
    xy_mean: Vector                  # (1/n) Σ x_i y_i
    gram_rank: int
    sigma_rank: int
    w_star: Vector | None            # None when Σ x xᵀ is singular
    c: Vector
    bn_direction: Vector | None      # None when Σ is singular
    degenerate: str | None           # the reason, or None for a nondegenerate set

    @property
    def lemma_fails(self) -> bool:
        """W* is not a positive multiple of d (paper.md §5)."""
        return not positive_multiple(self.w_star, self.bn_direction)


def positive_multiple(u: Vector, v: Vector) -> bool:
    """u = t·v for some t > 0 (u, v nonzero)."""
    k = next(i for i, vi in enumerate(v) if vi != 0)
    t = u[k] / v[k]
    return t > 0 and all(ui == t * vi for ui, vi in zip(u, v))


def _fr(q: fmpq) -> Fraction:
    return Fraction(int(q.p), int(q.q))


def _fq(q: Fraction) -> fmpq:
    return fmpq(q.numerator, q.denominator)


def _matrix(rows: int, cols: int, entries) -> fmpq_mat:
    return fmpq_mat(rows, cols, [_fq(v) for v in entries])


def moment_matrix(ls: LearningSet) -> list[list[Fraction]]:
    """M = Zᵀ Z for Z = [X | 1 | y], exactly (rows of Z are (x_i, 1, y_i))."""
    cols = ls.dim + 2
    rows = [(*x, Fraction(1), yi) for x, yi in zip(ls.X, ls.y)]
    scale = [lcm(*(r[j].denominator for r in rows)) for j in range(cols)]
    Z = fmpz_mat(ls.n, cols, [int(r[j] * scale[j]) for r in rows for j in range(cols)])
    M = Z.transpose() * Z
    return [[Fraction(int(M[i, j]), scale[i] * scale[j]) for j in range(cols)] for i in range(cols)]


def exact_statistics(ls: LearningSet) -> Statistics:
    M = moment_matrix(ls)
    dim, n = ls.dim, Fraction(ls.n)
    sx = [M[k][dim] for k in range(dim)]
    sy, syy = M[dim][dim + 1], M[dim + 1][dim + 1]
    x_mean = tuple(v / n for v in sx)
    y_mean = sy / n
    A = _matrix(dim, dim, [M[i][j] for i in range(dim) for j in range(dim)])
    b = _matrix(dim, 1, [M[k][dim + 1] for k in range(dim)])
    sigma = _matrix(dim, dim, [M[i][j] / n - x_mean[i] * x_mean[j]
                                for i in range(dim) for j in range(dim)])
    c = tuple(M[k][dim + 1] / n - x_mean[k] * y_mean for k in range(dim))
    gram_rank, sigma_rank = A.rank(), sigma.rank()
    w_star = tuple(_fr(v) for v in A.solve(b).entries()) if gram_rank == dim else None
    d = None
    if sigma_rank == dim:
        d = tuple(_fr(v) for v in sigma.solve(_matrix(dim, 1, c)).entries())
    xy_mean = tuple(M[k][dim + 1] / n for k in range(dim))
    stats = Statistics(ls.n, dim, x_mean, y_mean, syy / n, xy_mean, gram_rank, sigma_rank, w_star,
                       c, d, None)
    return Statistics(**{**stats.__dict__, "degenerate": degeneracy(stats)})


def degeneracy(s: Statistics) -> str | None:
    """The reason a set is degenerate in the sense of paper.md §5, or None."""
    if s.w_star is None:
        return (f"Σ x_i x_iᵀ is singular (rank {s.gram_rank} < {s.dim}): the standard optimum W* "
                "is not unique")
    if s.bn_direction is None:
        return (f"the centered covariance Σ is singular (rank {s.sigma_rank} < {s.dim}): the BN "
                "optima are not a single ray")
    if all(v == 0 for v in s.w_star):
        return "W* = 0: the premise <W0, W*> > 0 of (L4.5) is never met, so it holds vacuously"
    if all(v == 0 for v in s.c):
        return ("c = 0: the BN loss is constant (1 + mean(y²)) wherever σ(w) > 0, so every such w "
                "is a BN optimum and (L4.5) holds (its left side is 0)")
    if s.dim == 1:
        return ("dimension 1: L̂ is locally constant, every w != 0 is a local BN minimiser, so the "
                "left side of (L4.5) is 0 and it holds")
    return None


def _dot(u, v) -> Fraction:
    return sum((a * b for a, b in zip(u, v)), Fraction(0))


def claims(ls: LearningSet, s: Statistics) -> Claims:
    """The values the obligations claim, for a nondegenerate set.

    L(W*) = mean(y²) - <W*, mean(x·y)> (the residual is orthogonal to the data at the optimum).
    With q = σ²(W*) = W*ᵀΣW*: ∇L̂(W*) = -2(c q - <c,W*> ΣW*)/q² · sqrt(q);
    L̂(W*) = 1 + mean(y²) - (2<c,W*>/q)·sqrt(q); min L̂ = L̂(d) = 1 + mean(y²) - 2·sqrt(<c,d>).
    """
    dim = s.dim
    sigma_rows = [[m / s.n - s.x_mean[i] * s.x_mean[j] for j, m in enumerate(row[:dim])]
                  for i, row in enumerate(moment_matrix(ls)[:dim])]
    sigma_w = [_dot(row, s.w_star) for row in sigma_rows]
    q = _dot(s.w_star, sigma_w)
    cw = _dot(s.c, s.w_star)
    base = 1 + s.y_sq_mean
    grad = tuple(Surd(Fraction(0), -2 * (ck * q - cw * swk) / q**2, q)
                 for ck, swk in zip(s.c, sigma_w))
    return Claims(
        X=ls.X, y=ls.y, w_star=s.w_star, bn_direction=s.bn_direction, grad_at_w_star=grad,
        standard_loss_at_w_star=s.y_sq_mean - _dot(s.w_star, s.xy_mean),
        bn_loss_at_w_star=Surd(base, -2 * cw / q, q),
        min_bn_loss=Surd(base, Fraction(-2), _dot(s.c, s.bn_direction)),
        lemma_fails=s.lemma_fails,
    )
