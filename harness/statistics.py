"""Exact statistics of a learning set with python-flint (docs/spec.md §3).

Everything comes from one integer moment matrix M = Zᵀ Z, Z = [X | 1 | y] with each column
scaled to integers (denominators cleared), so the n-sized work is exact integer products, one
per block of rows (harness/moments.py: a learning set may be streamed from a file in blocks, see
harness/reader.py). From M: the Gram matrix A = Σ x_i x_iᵀ,
W* = A^{-1} Σ x_i y_i, the centered covariance Σ, c, d = Σ^{-1} c, the intercept of the affine
fit, and the claimed values of proofs/claims.py. No floats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from flint import fmpq, fmpq_mat, fmpz, fmpz_mat

from harness.dependency import Dependency, dependency, describe
from harness.learning_set import LearningSet
from harness.moments import set_moments
from harness.numbers import coprime_fraction
from harness.vectors import RationalVector
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # proofs/ imports z3, which `check` without --prove never needs
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
    intercept: Fraction | None = None  # b of the affine least-squares fit y ≈ <a,x> + b (Σ invertible)
    sigma_w_star: Vector | None = None  # ΣW* (for σ²(W*) and ∇L̂(W*))
    decided: str | None = None       # for a degenerate set, the answer where it is still decided
    dependency: Dependency | None = None  # why Σ x xᵀ (or else Σ) is singular, column by column
    moment_matrix: object = field(default=None, compare=False, repr=False)
    """M = ZᵀZ (fmpq_mat) the statistics came from: Σ_jk = M_jk/n - x̄_j x̄_k where a consumer
    needs the whole matrix (harness/plot.py); not converted, so it costs nothing here."""
    vectors: dict = field(default=None, compare=False, repr=False)
    """w_star, bn_direction, c, x_mean, sigma_w_star as RationalVectors (harness/vectors.py) when Σ
    is invertible: the same values, kept over common denominators for fast exact arithmetic."""
    degenerate_kind: str | None = None  # "gram_singular", "sigma_singular", "w_star_zero", "c_zero", "dimension_1"

    @property
    def lemma_fails(self) -> bool:
        """W* is not a positive multiple of d (docs/spec.md §5)."""
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
    return coprime_fraction(int(q.p), int(q.q))


def exact_statistics(ls: LearningSet) -> Statistics:
    n, M = set_moments(ls.X, ls.y)
    return statistics_from_moments(n, M, ls.dim)


def statistics_from_moments(n_points: int, M: fmpq_mat, dim: int) -> Statistics:
    """Every statistic of docs/spec.md §3 from n and M = Zᵀ Z (Z = [X | 1 | y]): x̄ = M[:d, 1]/n,
    c = M[:d, y]/n - x̄ȳ, and from one fraction-free solve with G = M[:d+1, :d+1] (the Gram
    matrix of [X | 1]; det G = n^{d+1}·det Σ, so G is invertible iff Σ is):
    - G [a; b] = M[:d+1, y] is the affine least-squares fit y ≈ <a,x> + b, whose slope is
      Σ⁻¹c = d (its normal equations, centered) and whose intercept is b;
    - G [p; r] = e_{d+1} gives W* = a - (b/r)·p: with A = M[:d,:d] and s = M[:d,1] the first d
      rows read A a + s b = M[:d,y] and A p + s r = 0, so A(a - (b/r)p) = M[:d,y] (r = det A/det G
      != 0, since Σ invertible makes A = n(Σ + x̄x̄ᵀ) positive definite);
    - ΣW* = A W*/n - x̄<x̄,W*> = M[:d,y]/n - x̄<x̄,W*>.
    A singular G (a degenerate set) takes the rank-revealing route of `_singular`."""
    n = fmpq(n_points)
    one, yk = dim, dim + 1
    x_mean = [M[k, one] / n for k in range(dim)]
    y_mean = M[one, yk] / n
    xy = [M[k, yk] for k in range(dim)]
    c = [xy[k] / n - x_mean[k] * y_mean for k in range(dim)]
    solution = _bordered_solve(M, dim)
    if solution is None:
        return _singular(n_points, M, dim, x_mean, y_mean, c)
    numer, den = solution.numer_denom()
    N, den, X = numer.tolist(), fmpz(den), solution.entries()   # X: lowest terms, row by row
    d = RationalVector.known_reduced([N[k][0] for k in range(dim)], den,
                                     [(X[2 * k].p, X[2 * k].q) for k in range(dim)])
    b, p, r = N[dim][0], [N[k][1] for k in range(dim)], N[dim][1]
    sign = 1 if r * den > 0 else -1             # W* = a - (b/r)·p = (r·a - b·p)/(r·den)
    w = RationalVector(tuple(sign * (r * d.nums[k] - b * p[k]) for k in range(dim)),
                       sign * r * den).lowest()
    xv, xyv = RationalVector.of(x_mean), RationalVector.of(v / n for v in xy)
    xw = xv.dot(w)                               # ΣW* = M[:d,y]/n - x̄·<x̄,W*>
    sw = RationalVector(tuple(a * xv.den * xw.q - b * xw.p * xyv.den
                              for a, b in zip(xyv.nums, xv.nums)), xyv.den * xv.den * xw.q).lowest()
    cv = RationalVector.of(c)
    stats = Statistics(
        n=n_points, dim=dim, x_mean=_vector(x_mean), y_mean=_fr(y_mean),
        y_sq_mean=_fr(M[yk, yk] / n), xy_mean=xyv.fractions, gram_rank=dim,
        sigma_rank=dim, w_star=w.fractions, c=_vector(c),
        bn_direction=d.fractions, degenerate=None,
        intercept=_fr(X[2 * dim]), sigma_w_star=sw.fractions,
        vectors={"w_star": w, "bn_direction": d, "c": cv, "x_mean": xv, "sigma_w_star": sw})
    return _with_degeneracy(stats, M)


def _bordered_solve(M: fmpq_mat, dim: int) -> fmpq_mat | None:
    """G⁻¹ [M[:d+1, y] | e_{d+1}] for G = M[:d+1, :d+1] by one solve over the integers (M's
    common denominator cleared: G X = B iff (δG) X = δB), or None if G is singular."""
    size, yk = dim + 1, dim + 1
    numer, den = M.numer_denom()             # M = numer/den: the same solution as numer X = den·B
    flat, cols = numer.entries(), dim + 2
    rows = [flat[i * cols:(i + 1) * cols] for i in range(size)]
    try:
        return fmpz_mat([row[:size] for row in rows]).solve(
            fmpz_mat([[row[yk], den if i == dim else 0] for i, row in enumerate(rows)]))
    except ZeroDivisionError:
        return None


def _singular(n_points: int, M: fmpq_mat, dim: int, x_mean, y_mean, c) -> Statistics:
    """Statistics of a set with Σ singular: ranks, and W* where A = Σ x_i x_iᵀ is invertible."""
    n = fmpq(n_points)
    yk = dim + 1
    A = fmpq_mat(dim, dim, [M[i, j] for i in range(dim) for j in range(dim)])
    b = fmpq_mat(dim, 1, [M[k, yk] for k in range(dim)])
    sigma = fmpq_mat(dim, dim, [M[i, j] / n - x_mean[i] * x_mean[j]
                                for i in range(dim) for j in range(dim)])
    gram_rank, sigma_rank = A.rank(), sigma.rank()
    w_mat = A.solve(b) if gram_rank == dim else None
    cause = (dependency(A) if gram_rank < dim else
             dependency(sigma, [_fr(v) for v in x_mean]) if sigma_rank < dim else None)
    stats = Statistics(
        n=n_points, dim=dim, x_mean=_vector(x_mean), y_mean=_fr(y_mean),
        y_sq_mean=_fr(M[yk, yk] / n), xy_mean=tuple(_fr(M[k, yk] / n) for k in range(dim)),
        gram_rank=gram_rank, sigma_rank=sigma_rank,
        w_star=None if w_mat is None else _vector(w_mat.entries()), c=_vector(c),
        bn_direction=None, degenerate=None,
        sigma_w_star=None if w_mat is None else _vector((sigma * w_mat).entries()),
        dependency=cause)
    return _with_degeneracy(stats, M)


def covariance(s: Statistics) -> tuple[tuple[Fraction, ...], ...]:
    """Σ = (1/n) Σ_i (x_i - x̄)(x_i - x̄)ᵀ, exactly: Σ_jk = M_jk/n - x̄_j x̄_k (M = ZᵀZ). Computed on
    demand (a plot, a test): the verdict never needs the whole matrix."""
    M, n, mean = s.moment_matrix, fmpq(s.n), s.x_mean
    return tuple(tuple(_fr(M[j, k] / n) - mean[j] * mean[k] for k in range(s.dim))
                 for j in range(s.dim))


def _with_degeneracy(stats: Statistics, M: fmpq_mat) -> Statistics:
    kind, reason, decided = degeneracy(stats)
    return Statistics(**{**stats.__dict__, "degenerate": reason, "decided": decided,
                         "degenerate_kind": kind, "moment_matrix": M})


def _vector(values) -> Vector:
    return tuple(_fr(v) for v in values)


def degeneracy(s: Statistics, names=None) -> tuple[str | None, str | None, str | None]:
    """(the kind, the reason a set is degenerate in the sense of docs/spec.md §5, the answer where
    it is still decided), or (None, None, None) for a nondegenerate set. Each kind has obligations
    of its own (proofs/degenerate.py) that prove the reason and the decided answer. A singular
    matrix is explained by a column dependency (harness/dependency.py), with the feature `names`
    where known."""
    if s.w_star is None:
        return "gram_singular", (f"Σ x_i x_iᵀ is singular (rank {s.gram_rank} < {s.dim}): the "
                                 f"standard optimum W* is not unique; {describe(s.dependency, names)}"), None
    if s.bn_direction is None:
        return "sigma_singular", (f"the centered covariance Σ is singular (rank {s.sigma_rank} < "
                                  f"{s.dim}): the BN optima are not a single ray; "
                                  f"{describe(s.dependency, names)}"), None
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
    """<u, v> of exact rational vectors (Fraction or fmpq)."""
    return sum((a * b for a, b in zip(u, v)), 0 * u[0])


def claims(ls: LearningSet, s: Statistics) -> Claims:
    """The values the obligations claim, for a nondegenerate set.

    With q = σ²(W*) = W*ᵀΣW*: ∇L̂(W*) = -2(c q - <c,W*> ΣW*)/q² · sqrt(q);
    L̂(W*) = 1 + mean(y²) - (2<c,W*>/q)·sqrt(q); min L̂ = L̂(d) = 1 + mean(y²) - 2·sqrt(<c,d>).
    """
    from proofs.claims import Claims, Surd

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


def _variance_at_w_star(s: Statistics) -> Fraction:
    """q = σ²(W*) = W*ᵀΣW*."""
    return dot(s.w_star, s.sigma_w_star)


def grad_at_w_star(s: Statistics) -> tuple[Surd, ...]:
    """∇L̂(W*) = -2(c·q - <c,W*>·ΣW*)/q² · sqrt(q), q = σ²(W*): the gradient of
    1 + mean(y²) - 2<c,w>/sqrt(wᵀΣw) at W*, a rational multiple of σ(W*) in each component."""
    from proofs.claims import Surd

    q, cw = _variance_at_w_star(s), dot(s.c, s.w_star)
    return tuple(Surd(Fraction(0), -2 * (ck * q - cw * swk) / q**2, q)
                 for ck, swk in zip(s.c, s.sigma_w_star))
