"""`bnproof search`: every 3-point learning set in R² with entries in a small integer box,
with its exact verdict on (L4.5) (docs/spec.md §7, "Smallest counterexamples").

A box B is {-B, ..., B}: a learning set is an unordered set of three (x, y) pairs with
x ∈ {-B..B}² and y ∈ {-B..B}. Sets with a repeated x are left out: with two of the three points
equal the centered covariance Σ has rank <= 1, so such a set is always degenerate. What remains
is enumerated once each as three distinct x's in a fixed order (itertools.combinations of the
grid) with every y ∈ {-B..B}³.

Two exact routes give each set its category (`CATEGORIES`):
- `exact_categories`: the generic exact core, harness/statistics.exact_statistics (python-flint),
  one set at a time; the truth for the {-1,0,1} box (0.2 s for its 2268 sets).
- `integer_categories`: the same decision in vectorised int64 arithmetic (numpy), for the larger
  boxes. With A = Σ x_i x_iᵀ, b = Σ x_i y_i, s = Σ x_i, t = Σ y_i (integers):
  W* = adj(A)·b / det A, and n²Σ = S := n·A - s sᵀ, n²c = C := n·b - t·s, so
  d = Σ⁻¹c = adj(S)·C / det S. Hence W* points along P = sign(det A)·adj(A)·b and d along
  Q = sign(det S)·adj(S)·C, and W* = t·d with t > 0 iff P × Q = 0 and <P, Q> > 0. Every
  intermediate is bounded by 23328·B⁸ < 2⁶³ (B <= 66), so int64 is exact; MAX_BOUND = 2 keeps
  the arrays in memory (the {-3..3} box has 6.3 million sets). tests/test_search.py checks the two routes agree set by set on the
  {-1,0,1} and {-2..2} boxes.

The failing fraction 1/2 + φ/(2π) (φ = angle(W*, d), docs/spec.md §5) is exact in the report
(harness.evaluator.failing_probability on a representative of each exact value of cos φ); a
float of it appears only in the histogram.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from harness.learning_set import LearningSet
from harness.limits import SEARCH_MAX_BOUND as MAX_BOUND
from harness.statistics import Statistics, exact_statistics

N_POINTS = 3
CATEGORIES = ("fails", "holds", "w_star_zero", "c_zero", "singular_gram", "singular_sigma")
CATEGORY_TEXT = {
    "fails": "(L4.5) fails (W* is not a positive multiple of d)",
    "holds": "(L4.5) holds (W* = t·d, t > 0)",
    "w_star_zero": "W* = 0: the premise <W0,W*> > 0 is never met (holds vacuously)",
    "c_zero": "c = 0 (W* != 0): L̂ is constant, every w with σ(w) > 0 is a BN optimum (holds)",
    "singular_gram": "Σ x_i x_iᵀ singular: W* not unique (degenerate)",
    "singular_sigma": "Σ singular, Σ x_i x_iᵀ invertible: the points are collinear (degenerate)",
}

Set = tuple[tuple[tuple[int, int], ...], tuple[int, ...]]   # (x_1, x_2, x_3), (y_1, y_2, y_3)


def _check_bound(bound: int) -> None:
    if not 1 <= bound <= MAX_BOUND:
        raise ValueError(f"box bound must be in 1..{MAX_BOUND}, got {bound}")


def grid(bound: int) -> list[tuple[int, int]]:
    return [(a, b) for a in range(-bound, bound + 1) for b in range(-bound, bound + 1)]


def box_sets(bound: int):
    """Every set of the box with three distinct x's, in the fixed enumeration order."""
    values = range(-bound, bound + 1)
    for xs in itertools.combinations(grid(bound), N_POINTS):
        for ys in itertools.product(values, repeat=N_POINTS):
            yield xs, ys


def learning_set(s: Set, name: str = "") -> LearningSet:
    xs, ys = s
    return LearningSet(X=tuple(tuple(Fraction(v) for v in x) for x in xs),
                       y=tuple(Fraction(v) for v in ys), name=name or describe(s))


def describe(s: Set) -> str:
    xs, ys = s
    return f"x = {', '.join(f'({a},{b})' for a, b in xs)}; y = ({', '.join(map(str, ys))})"


def category(stats: Statistics) -> str:
    """The category of one set from the generic exact statistics (the cases of
    harness.statistics.degeneracy, in its order, read from the structure, not the text)."""
    if stats.w_star is None:
        return "singular_gram"
    if stats.bn_direction is None:
        return "singular_sigma"
    if not any(stats.w_star):
        return "w_star_zero"
    if not any(stats.c):
        return "c_zero"
    return "fails" if stats.lemma_fails else "holds"


def exact_categories(bound: int) -> list[tuple[Set, Statistics, str]]:
    """Every set of the box through harness.statistics.exact_statistics."""
    _check_bound(bound)
    out = []
    for s in box_sets(bound):
        stats = exact_statistics(learning_set(s))
        out.append((s, stats, category(stats)))
    return out


@dataclass(frozen=True)
class IntegerVerdicts:
    """The vectorised route: one row per set, in the order of `box_sets`."""
    X: np.ndarray          # (N, 3, 2)
    y: np.ndarray          # (N, 3)
    category: np.ndarray   # (N,) indices into CATEGORIES
    P: np.ndarray          # (N, 2) a positive multiple of W* (where A is invertible)
    Q: np.ndarray          # (N, 2) a positive multiple of d (where Σ is invertible)

    def counts(self) -> dict[str, int]:
        tally = np.bincount(self.category, minlength=len(CATEGORIES))
        return {name: int(k) for name, k in zip(CATEGORIES, tally)}

    def failing_fractions(self) -> np.ndarray:
        """Floats 1/2 + φ/(2π) of the failing sets (for the histogram only)."""
        rows = self.category == CATEGORIES.index("fails")
        P, Q = self.P[rows], self.Q[rows]
        cross = P[:, 0] * Q[:, 1] - P[:, 1] * Q[:, 0]
        inner = (P * Q).sum(axis=1)
        return 0.5 + np.arctan2(np.abs(cross).astype(float), inner.astype(float)) / (2 * math.pi)


def _adj_times(M: np.ndarray, v: np.ndarray) -> np.ndarray:
    """adj(M)·v for a batch of 2×2 integer matrices: adj [[a, b], [c, e]] = [[e, -b], [-c, a]]."""
    return np.stack([M[:, 1, 1] * v[:, 0] - M[:, 0, 1] * v[:, 1],
                     -M[:, 1, 0] * v[:, 0] + M[:, 0, 0] * v[:, 1]], axis=1)


def _det(M: np.ndarray) -> np.ndarray:
    return M[:, 0, 0] * M[:, 1, 1] - M[:, 0, 1] * M[:, 1, 0]


def integer_categories(bound: int) -> IntegerVerdicts:
    """Every set of the box, decided in exact int64 arithmetic (see the module docstring)."""
    _check_bound(bound)
    points = np.array(grid(bound), dtype=np.int64)
    triples = np.array(list(itertools.combinations(range(len(points)), N_POINTS)), dtype=np.int64)
    ys = np.array(list(itertools.product(range(-bound, bound + 1), repeat=N_POINTS)), dtype=np.int64)
    X = np.repeat(points[triples], len(ys), axis=0)                  # (N, 3, 2)
    y = np.tile(ys, (len(triples), 1))                                # (N, 3)
    n = N_POINTS
    A = np.einsum("nik,nil->nkl", X, X)
    b = np.einsum("nik,ni->nk", X, y)
    s, t = X.sum(axis=1), y.sum(axis=1)
    S = n * A - s[:, :, None] * s[:, None, :]
    C = n * b - t[:, None] * s
    det_a, det_s = _det(A), _det(S)
    P = np.sign(det_a)[:, None] * _adj_times(A, b)
    Q = np.sign(det_s)[:, None] * _adj_times(S, C)
    parallel = P[:, 0] * Q[:, 1] - P[:, 1] * Q[:, 0] == 0
    positive = (P * Q).sum(axis=1) > 0
    cat = np.full(len(y), CATEGORIES.index("fails"), dtype=np.int64)
    cat[parallel & positive] = CATEGORIES.index("holds")
    # the degenerate cases, in the reverse of harness.statistics.degeneracy's order, so that
    # the first applicable one wins
    cat[(C == 0).all(axis=1)] = CATEGORIES.index("c_zero")
    cat[(P == 0).all(axis=1)] = CATEGORIES.index("w_star_zero")
    cat[det_s == 0] = CATEGORIES.index("singular_sigma")
    cat[det_a == 0] = CATEGORIES.index("singular_gram")
    return IntegerVerdicts(X=X, y=y, category=cat, P=P, Q=Q)


def repeated_x_sets(bound: int) -> int:
    """How many unordered sets of three distinct (x, y) pairs repeat an x (all degenerate)."""
    k, m = (2 * bound + 1) ** 2, 2 * bound + 1      # grid points, target values
    total = math.comb(k * m, N_POINTS)
    return total - math.comb(k, N_POINTS) * m ** N_POINTS


def summary(bound: int) -> dict:
    """Counts of the box through the integer route (JSON-ready)."""
    verdicts = integer_categories(bound)
    counts = verdicts.counts()
    return {"box": f"{{-{bound}..{bound}}}", "bound": bound,
            "sets_with_distinct_x": int(len(verdicts.y)),
            "sets_with_a_repeated_x": repeated_x_sets(bound),
            "counts": counts,
            "nondegenerate": counts["fails"] + counts["holds"]}
