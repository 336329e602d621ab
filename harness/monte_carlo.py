"""A seeded float Monte-Carlo estimate of how often (L4.5) fails: a sanity check beside the exact
probability, never part of a proof. W0 ~ N(0, I); only admissible W0 (<W0, W*> > 0) count; a
sample fails when the float left side of (L4.5) exceeds the float right side.
"""

from __future__ import annotations

import math
import random
from typing import Sequence

SEED = 20181


def failing_fraction_estimate(w_star: Sequence[float], d: Sequence[float], samples: int = 100_000,
                              seed: int = SEED) -> tuple[float, float, int]:
    """(estimate, standard error, admissible sample count)."""
    rng = random.Random(seed)
    w = [float(v) for v in w_star]
    dd = [float(v) for v in d]
    w_sq, d_sq = sum(v * v for v in w), sum(v * v for v in dd)
    admissible = fails = 0
    for _ in range(samples):
        x = [rng.gauss(0.0, 1.0) for _ in w]
        xw = sum(a * b for a, b in zip(x, w))
        if xw <= 0:
            continue
        admissible += 1
        xd = sum(a * b for a, b in zip(x, dd))
        x_sq = sum(a * a for a in x)
        left = x_sq - xd * xd / d_sq if xd > 0 else x_sq
        right = x_sq - xw * xw / w_sq
        fails += left > right
    p = fails / admissible
    return p, math.sqrt(p * (1 - p) / admissible), admissible


def monte_carlo_report(w_star: Sequence, d: Sequence, samples: int) -> dict:
    """The `monte_carlo` field of the `prove` and `check` reports."""
    estimate, stderr, admissible = failing_fraction_estimate(w_star, d, samples)
    return {"samples": samples, "admissible": admissible,
            "estimate": round(estimate, 6), "standard_error": round(stderr, 6)}
