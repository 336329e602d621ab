"""`make two-layer` (`python -m harness.two_layer`): the two-layer refutation of
proofs/two_layer.py on the canonical set, decided by Z3, and a seeded float Monte-Carlo estimate
of how often (L4.5) fails for a random θ0 (canonical and centered sets). The Monte-Carlo figure
is an estimate, never part of a proof.

Monte-Carlo: θ0 = (v, b) ~ N(0, I_{d+1}). The closest standard optimum θ* = (W*/a, a) minimises
f(a) = ||v - W*/a||² + (b - a)² over a != 0; f'(a) = 0 is the quartic
a⁴ - b·a³ + <v,W*>·a - ||W*||² = 0 (roots by numpy's companion matrices). θ0 is admissible when
<θ0, θ*> > 0; the right side of (L4.5) is the squared distance from θ0 to the line through θ*,
the left side the squared distance to Ŵ* = {(λd, sign(λ)k*)}:
min over ± of ||v||² - max(±<v,d>, 0)²/||d||² + (b ∓ k*)².
"""

from __future__ import annotations

import sys
from fractions import Fraction

from harness.learning_set import LearningSet, canonical, load_json
from harness.statistics import dot, exact_statistics
from harness.status import exit_code
from proofs.two_layer import TwoLayer, two_layer_obligations, width_two_obligations

SEED = 20181
# width 2: θ0 = (W₁₁, W₁₂, w₂) = (W*, W*, (1/2, 1/2)) on the canonical set, a standard optimum
WIDTH_TWO_THETA0 = tuple(Fraction(v) for v in (2, 0, 2, 0, "1/2", "1/2"))
WIDTH_TWO_HALF_SIDE = Fraction(1, 2)


def setup(ls):
    """(TwoLayer, D as (rational part, k coefficient)) for a nondegenerate set with <W*,d> > 0."""
    s = exact_statistics(ls)
    w, d = s.w_star, s.bn_direction
    k_sq = dot(s.c, d)
    if dot(w, d) <= 0:
        raise ValueError("the closed form of D here needs <W*, d> > 0")
    rational = dot(w, w) - dot(w, d) ** 2 / dot(d, d) + 1 + k_sq
    return TwoLayer(ls.X, ls.y, w, d, k_sq), (rational, Fraction(-2))


def monte_carlo(ls, samples: int = 100_000, seed: int = SEED) -> tuple[float, float, int]:
    """(estimate, standard error, admissible samples) of P((L4.5) fails | admissible θ0)."""
    import numpy as np

    s = exact_statistics(ls)
    w = np.array([float(v) for v in s.w_star])
    d = np.array([float(v) for v in s.bn_direction])
    k = float(dot(s.c, s.bn_direction)) ** 0.5
    rng = np.random.default_rng(seed)
    theta = rng.standard_normal((samples, len(w) + 1))
    v, b = theta[:, :-1], theta[:, -1]
    vw, ww = v @ w, w @ w
    companion = np.zeros((samples, 4, 4))
    companion[:, 0, :] = np.stack([b, np.zeros(samples), -vw, np.full(samples, ww)], axis=1)
    companion[:, 1, 0] = companion[:, 2, 1] = companion[:, 3, 2] = 1.0
    roots = np.linalg.eigvals(companion)
    real = np.where(np.abs(roots.imag) < 1e-9, roots.real, np.nan)
    real = np.where(np.abs(real) > 1e-12, real, np.nan)
    f = ((v[:, None, :] - w[None, None, :] / real[:, :, None]) ** 2).sum(axis=2) + (b[:, None] - real) ** 2
    a = real[np.arange(samples), np.nanargmin(f, axis=1)]
    star = np.concatenate([w[None, :] / a[:, None], a[:, None]], axis=1)
    inner = (theta * star).sum(axis=1)
    star_sq = (star * star).sum(axis=1)
    theta_sq = (theta * theta).sum(axis=1)
    right = theta_sq - inner ** 2 / star_sq
    vd, v_sq, d_sq = v @ d, (v * v).sum(axis=1), d @ d
    left = np.minimum(v_sq - np.maximum(vd, 0) ** 2 / d_sq + (b - k) ** 2,
                      v_sq - np.maximum(-vd, 0) ** 2 / d_sq + (b + k) ** 2)
    admissible = inner > 0
    p = float((left > right)[admissible].mean())
    n = int(admissible.sum())
    return p, (p * (1 - p) / n) ** 0.5, n


def centered_canonical() -> LearningSet:
    """The canonical set with centered inputs x_i - x̄: W* = d, the single-neuron lemma holds."""
    ls = canonical()
    mean = [sum(x[k] for x in ls.X) / ls.n for k in range(ls.dim)]
    return LearningSet(X=tuple(tuple(v - m for v, m in zip(x, mean)) for x in ls.X), y=ls.y,
                       name="canonical set, inputs centered")


def _show(ob) -> str:
    """Decide one obligation, print its row, return its status (harness/status.py)."""
    from harness.activations import status

    row = status(ob)
    print(f"  {row:<10} {ob.name}: {ob.statement}")
    return row


def main() -> int:
    statuses = []
    for ls in (canonical(), centered_canonical()):
        t, claim = setup(ls)
        print(f"two-layer linear network, one BN hidden unit, {ls.name}: D = {claim[0]} - 2k*, "
              f"k*² = {t.k_sq}")
        for ob in two_layer_obligations(t, claim):
            statuses.append(_show(ob))
    t, _ = setup(canonical())
    print(f"width 2, canonical set, θ0 = (W₁₁ = W*, W₁₂ = W*, w₂ = (1/2, 1/2)) (W₁ᵀw₂ = W*), "
          f"box half-side {WIDTH_TWO_HALF_SIDE}:")
    for ob in width_two_obligations(t, WIDTH_TWO_THETA0, WIDTH_TWO_HALF_SIDE):
        statuses.append(_show(ob))
    for name, ls in (("canonical", canonical()), ("canonical, inputs centered", centered_canonical()),
                     ("examples/centered.json", load_json("examples/centered.json"))):
        p, se, n = monte_carlo(ls)
        print(f"Monte-Carlo (float, seed {SEED}, 100000 samples, {n} admissible), {name}: "
              f"P((L4.5) fails) ≈ {p:.4f} ± {se:.4f}")
    return exit_code(statuses)


if __name__ == "__main__":
    sys.exit(main())
