"""A seeded float Monte-Carlo estimate of how often (L4.5) fails: a sanity check beside the exact
probability, never part of a proof. W0 ~ N(0, I) (numpy's PCG64 generator, seeded); only
admissible W0 (<W0, W*> > 0) count; a sample fails when the float left side of (L4.5) exceeds
the float right side. The left side is the squared distance to the BN optima: the ray
{t·d : t > 0} by default, or another set's (`left_side`, e.g. a line or a point for the variants
of harness/variants.py): a function of a block of samples (rows) returning one value per row.
Vectorised in blocks of rows (0.02 s for 10^5 samples in R²).
"""

from __future__ import annotations

import math
from typing import Callable, Sequence

SEED = 20181
BLOCK = 1 << 16              # rows per block: memory stays O(BLOCK·d) in any dimension

LeftSide = Callable[["numpy.ndarray"], "numpy.ndarray"]


def failing_fraction_estimate(w_star: Sequence[float], d: Sequence[float], samples: int = 100_000,
                              seed: int = SEED, left_side: LeftSide | None = None
                              ) -> tuple[float, float, int]:
    """(estimate, standard error, admissible sample count)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    w = np.array([float(v) for v in w_star])
    dd = np.array([float(v) for v in d])
    w_sq, d_sq = float(w @ w), float(dd @ dd)
    admissible = fails = 0
    for start in range(0, samples, BLOCK):
        x = rng.standard_normal((min(BLOCK, samples - start), len(w)))
        xw, xd, x_sq = x @ w, x @ dd, np.einsum("ij,ij->i", x, x)
        left = np.where(xd > 0, x_sq - xd * xd / d_sq, x_sq) if left_side is None else left_side(x)
        right = x_sq - xw * xw / w_sq
        ok = xw > 0
        admissible += int(ok.sum())
        fails += int((ok & (left > right)).sum())
    p = fails / admissible
    return p, math.sqrt(p * (1 - p) / admissible), admissible


def monte_carlo_report(w_star: Sequence, d: Sequence, samples: int,
                       left_side: LeftSide | None = None) -> dict:
    """The `monte_carlo` field of the `prove` and `check` reports."""
    estimate, stderr, admissible = failing_fraction_estimate(w_star, d, samples, left_side=left_side)
    return {"samples": samples, "admissible": admissible,
            "estimate": round(estimate, 6), "standard_error": round(stderr, 6)}
