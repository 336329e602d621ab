"""A seeded float Monte-Carlo estimate of how often (L4.5) fails: a sanity check beside the exact
probability, never part of a proof. W0 ~ N(0, I); only admissible W0 (<W0, W*> > 0) count; a
sample fails when the float left side of (L4.5) exceeds the float right side. The left side is
the squared distance to the BN optima: the ray {t·d : t > 0} by default, or another set's
(`left_side`, e.g. a line or a point for the variants of harness/variants.py).
"""

from __future__ import annotations

import math
import random
from typing import Callable, Sequence

SEED = 20181

LeftSide = Callable[[list[float]], float]


def ray_left_side(d: Sequence) -> LeftSide:
    """W0 -> ||W0 - Ŵ*||² for the open ray {t·d : t > 0}."""
    dd = [float(v) for v in d]
    d_sq = sum(v * v for v in dd)

    def left(x: list[float]) -> float:
        xd = sum(a * b for a, b in zip(x, dd))
        return sum(a * a for a in x) - (xd * xd / d_sq if xd > 0 else 0.0)
    return left


def failing_fraction_estimate(w_star: Sequence[float], d: Sequence[float], samples: int = 100_000,
                              seed: int = SEED, left_side: LeftSide | None = None
                              ) -> tuple[float, float, int]:
    """(estimate, standard error, admissible sample count)."""
    rng = random.Random(seed)
    w = [float(v) for v in w_star]
    left = left_side or ray_left_side(d)
    w_sq = sum(v * v for v in w)
    admissible = fails = 0
    for _ in range(samples):
        x = [rng.gauss(0.0, 1.0) for _ in w]
        xw = sum(a * b for a, b in zip(x, w))
        if xw <= 0:
            continue
        admissible += 1
        right = sum(a * a for a in x) - xw * xw / w_sq
        fails += left(x) > right
    p = fails / admissible
    return p, math.sqrt(p * (1 - p) / admissible), admissible


def monte_carlo_report(w_star: Sequence, d: Sequence, samples: int,
                       left_side: LeftSide | None = None) -> dict:
    """The `monte_carlo` field of the `prove` and `check` reports."""
    estimate, stderr, admissible = failing_fraction_estimate(w_star, d, samples, left_side=left_side)
    return {"samples": samples, "admissible": admissible,
            "estimate": round(estimate, 6), "standard_error": round(stderr, 6)}
