"""Exact statistics of a learning set with python-flint (paper.md §3).

Everything comes from one integer moment matrix M = Zᵀ Z, Z = [X | 1 | y] with each column
scaled to integers (denominators cleared), so the n-sized work is exact integer products, one
per block of rows (`moments`: a learning set may be streamed from a file in blocks, see
harness/learning_set.csv_blocks). From M: the Gram matrix A = Σ x_i x_iᵀ,
W* = A^{-1} Σ x_i y_i, the centered covariance Σ, c, d = Σ^{-1} c, the intercept of the affine
fit, and the claimed values of proofs/claims.py. No floats.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import chain
from typing import Iterable

from flint import fmpq, fmpq_mat, fmpz_mat

from harness.learning_set import Block, LearningSet, fraction_blocks
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
    sigma: tuple[Vector, ...] = ()   # the centered covariance Σ, row by row
    intercept: Fraction | None = None  # b of the affine least-squares fit y ≈ <a,x> + b (Σ invertible)
    sigma_w_star: Vector | None = None  # ΣW* (for σ²(W*) and ∇L̂(W*))
    decided: str | None = None       # for a degenerate set, the answer where it is still decided
    degenerate_kind: str | None = None  # "gram_singular", "sigma_singular", "w_star_zero", "c_zero", "dimension_1"

    @property
    def lemma_fails(self) -> bool:
        """W* is not a positive multiple of d (paper.md §5)."""
        return not positive_multiple(self.w_star, self.bn_direction)


def positive_factor(u: Vector, v: Vector) -> Fraction | None:
    """t > 0 with u = t·v (v nonzero), or None."""
    k = next(i for i, vi in enumerate(v) if vi != 0)
    t = u[k] / v[k]
    return t if t > 0 and all(ui == t * vi for ui, vi in zip(u, v)) else None


def positive_multiple(u: Vector, v: Vector) -> bool:
    """u = t·v for some t > 0 (u, v nonzero)."""
    return positive_factor(u, v) is not None


def _fr(q: fmpq) -> Fraction:
    return Fraction(int(q.p), int(q.q))


def moments(blocks: Iterable[Block]) -> tuple[int, fmpq_mat]:
    """(n, M) with M = Zᵀ Z summed over blocks of integer rows; each block's product is one
    fmpz_mat multiplication, then rescaled exactly: M += S⁻¹ (Z_bᵀ Z_b) S⁻¹, S = diag(scales)."""
    n, M = 0, None
    for block in blocks:
        cols = len(block.columns)
        Zt = fmpz_mat(cols, block.count, list(chain.from_iterable(block.columns)))
        P = fmpq_mat(Zt * Zt.transpose())
        if any(s != 1 for s in block.scales):
            inv = fmpq_mat(cols, cols, [fmpq(1, block.scales[i]) if i == j else 0
                                        for i in range(cols) for j in range(cols)])
            P = inv * P * inv
        M = P if M is None else M + P
        n += block.count
    return n, M


def exact_statistics(ls: LearningSet) -> Statistics:
    n, M = moments(fraction_blocks(ls))
    return statistics_from_moments(n, M, ls.dim)


def statistics_from_moments(n_points: int, M: fmpq_mat, dim: int) -> Statistics:
    """Every statistic of paper.md §3 from n and M = Zᵀ Z (Z = [X | 1 | y]): A = M[:d,:d],
    Σ = A/n - x̄x̄ᵀ, c = M[:d, y]/n - x̄ȳ, W* = A⁻¹ M[:d, y], d = Σ⁻¹c, intercept ȳ - <d, x̄>
    (the affine least-squares fit has slope Σ⁻¹c = d: its normal equations, centered)."""
    n = fmpq(n_points)
    one, yk = dim, dim + 1
    x_mean = [M[k, one] / n for k in range(dim)]
    y_mean = M[one, yk] / n
    A = fmpq_mat(dim, dim, [M[i, j] for i in range(dim) for j in range(dim)])
    b = fmpq_mat(dim, 1, [M[k, yk] for k in range(dim)])
    sigma = fmpq_mat(dim, dim, [M[i, j] / n - x_mean[i] * x_mean[j]
                                for i in range(dim) for j in range(dim)])
    c = fmpq_mat(dim, 1, [M[k, yk] / n - x_mean[k] * y_mean for k in range(dim)])
    gram_rank, sigma_rank = A.rank(), sigma.rank()
    w_mat = A.solve(b) if gram_rank == dim else None
    w_star = None if w_mat is None else _vector(w_mat)
    d = _vector(sigma.solve(c)) if sigma_rank == dim else None
    intercept = None if d is None else _fr(y_mean) - sum(
        (dk * _fr(mk) for dk, mk in zip(d, x_mean)), Fraction(0))
    stats = Statistics(
        n=n_points, dim=dim, x_mean=tuple(_fr(v) for v in x_mean), y_mean=_fr(y_mean),
        y_sq_mean=_fr(M[yk, yk] / n), xy_mean=tuple(_fr(M[k, yk] / n) for k in range(dim)),
        gram_rank=gram_rank, sigma_rank=sigma_rank, w_star=w_star, c=_vector(c), bn_direction=d,
        degenerate=None, sigma=tuple(tuple(_fr(sigma[i, j]) for j in range(dim)) for i in range(dim)),
        intercept=intercept, sigma_w_star=None if w_mat is None else _vector(sigma * w_mat))
    kind, reason, decided = degeneracy(stats)
    return Statistics(**{**stats.__dict__, "degenerate": reason, "decided": decided,
                         "degenerate_kind": kind})


def _vector(m: fmpq_mat) -> Vector:
    return tuple(_fr(v) for v in m.entries())


def degeneracy(s: Statistics) -> tuple[str | None, str | None, str | None]:
    """(the kind, the reason a set is degenerate in the sense of paper.md §5, the answer where it
    is still decided), or (None, None, None) for a nondegenerate set. Each kind has obligations
    of its own (proofs/degenerate.py) that prove the reason and the decided answer."""
    if s.w_star is None:
        return "gram_singular", (f"Σ x_i x_iᵀ is singular (rank {s.gram_rank} < {s.dim}): the "
                                 "standard optimum W* is not unique"), None
    if s.bn_direction is None:
        return "sigma_singular", (f"the centered covariance Σ is singular (rank {s.sigma_rank} < "
                                  f"{s.dim}): the BN optima are not a single ray"), None
    if all(v == 0 for v in s.w_star):
        return "w_star_zero", ("W* = 0: the premise <W0, W*> > 0 of (L4.5) is never met, so it "
                               "holds vacuously"), "holds"
    if all(v == 0 for v in s.c):
        return "c_zero", ("c = 0: the BN loss is constant (1 + mean(y²)) wherever σ(w) > 0, so "
                          "every such w is a BN optimum and (L4.5) holds (its left side is 0)"), "holds"
    if s.dim == 1:
        return "dimension_1", ("dimension 1: L̂ is locally constant, every w != 0 is a local BN "
                               "minimiser, so the left side of (L4.5) is 0 and it holds"), "holds"
    return None, None, None


def dot(u, v) -> Fraction:
    """<u, v> of exact rational vectors."""
    return sum((a * b for a, b in zip(u, v)), Fraction(0))


def claims(ls: LearningSet, s: Statistics) -> Claims:
    """The values the obligations claim, for a nondegenerate set.

    With q = σ²(W*) = W*ᵀΣW*: ∇L̂(W*) = -2(c q - <c,W*> ΣW*)/q² · sqrt(q);
    L̂(W*) = 1 + mean(y²) - (2<c,W*>/q)·sqrt(q); min L̂ = L̂(d) = 1 + mean(y²) - 2·sqrt(<c,d>).
    """
    q, cw = _variance_at_w_star(s), dot(s.c, s.w_star)
    base = 1 + s.y_sq_mean
    return Claims(
        X=ls.X, y=ls.y, w_star=s.w_star, bn_direction=s.bn_direction,
        grad_at_w_star=grad_at_w_star(s),
        standard_loss_at_w_star=standard_loss_at_w_star(s),
        bn_loss_at_w_star=Surd(base, -2 * cw / q, q),
        min_bn_loss=Surd(base, Fraction(-2), dot(s.c, s.bn_direction)),
        lemma_fails=s.lemma_fails,
    )


def standard_loss_at_w_star(s: Statistics) -> Fraction:
    """L(W*) = mean(y²) - <W*, mean(x·y)> (the residual is orthogonal to the data at W*)."""
    return s.y_sq_mean - dot(s.w_star, s.xy_mean)


def _sigma_w_star(s: Statistics) -> list[Fraction]:
    return list(s.sigma_w_star) if s.sigma_w_star is not None else [
        dot(row, s.w_star) for row in s.sigma]


def _variance_at_w_star(s: Statistics) -> Fraction:
    """q = σ²(W*) = W*ᵀΣW*."""
    return dot(s.w_star, _sigma_w_star(s))


def grad_at_w_star(s: Statistics) -> tuple[Surd, ...]:
    """∇L̂(W*) = -2(c·q - <c,W*>·ΣW*)/q² · sqrt(q), q = σ²(W*): the gradient of
    1 + mean(y²) - 2<c,w>/sqrt(wᵀΣw) at W*, a rational multiple of σ(W*) in each component."""
    q, cw = _variance_at_w_star(s), dot(s.c, s.w_star)
    return tuple(Surd(Fraction(0), -2 * (ck * q - cw * swk) / q**2, q)
                 for ck, swk in zip(s.c, _sigma_w_star(s)))
