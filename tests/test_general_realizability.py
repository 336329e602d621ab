"""Realizability (proofs/general/realizability.py): the W* formula and the construction are
polynomial identities (k = 2, 3), and the exact construction gives back W*, d and Σ through the
project's own statistics (harness.statistics.exact_statistics) on seeded random rational inputs."""

import importlib
import random
from fractions import Fraction

import pytest
import sympy

from harness.learning_set import LearningSet
from harness.statistics import covariance, exact_statistics
from harness.theorems import is_zero
from proofs.general.realizability import centred_points, construction, realize, w_star_formula

realizability = importlib.import_module("proofs.general.realizability")


@pytest.mark.parametrize("k", (2, 3))
def test_w_star_formula_solves_the_normal_equations(k):
    assert all(is_zero(x) for x in w_star_formula(k))


@pytest.mark.parametrize("k", (2, 3))
def test_construction_gives_back_w_star(k):
    assert all(is_zero(x) for x in construction(k))


def test_formula_without_the_factor_one_over_one_plus_m_is_not_an_identity(monkeypatch):
    """W* = d + b₀·Σ⁻¹x̄ (the 1/(1 + x̄ᵀΣ⁻¹x̄) forgotten) is caught."""
    def wrong(sigma, x_mean, y_mean, c):
        adj, det = sigma.adjugate(), sigma.det()
        N = det * adj * c + (y_mean * det - (x_mean.T * adj * c)[0]) * adj * x_mean
        return N, det * det
    monkeypatch.setattr(realizability, "_formula_numerator", wrong)
    assert not all(is_zero(x) for x in w_star_formula(2))


def _vector(rng, k):
    return tuple(Fraction(rng.randint(-9, 9), rng.randint(1, 5)) for _ in range(k))


def _learning_set(X, y) -> LearningSet:
    return LearningSet(X=X, y=y, name="realized")


def _simplex(rng, k):
    """k + 1 random rational points, centred (affinely independent with probability 1)."""
    points = [_vector(rng, k) for _ in range(k + 1)]
    mean = [sum(p[j] for p in points) / (k + 1) for j in range(k)]
    return [tuple(p[j] - mean[j] for j in range(k)) for p in points]


def _sigma(points):
    n, k = len(points), len(points[0])
    return tuple(tuple(sum(z[i] * z[j] for z in points) / n for j in range(k)) for i in range(k))


def test_k_plus_one_points_realize_random_pairs_exactly():
    rng = random.Random(20250212)
    done = 0
    while done < 200:
        k = rng.choice((2, 3, 4))
        w_star, d, points = _vector(rng, k), _vector(rng, k), _simplex(rng, k)
        if not any(w_star) or not any(d) or sympy.Matrix(_sigma(points)).det() == 0:
            continue
        stats = exact_statistics(_learning_set(*realize(w_star, d, points)))
        assert (stats.w_star, stats.bn_direction, covariance(stats)) == (w_star, d, _sigma(points))
        assert len(points) == k + 1 and stats.degenerate is None
        done += 1


def test_every_rational_spd_sigma_is_realized_exactly_with_8k_points():
    rng = random.Random(7)
    for _ in range(40):
        k = rng.choice((2, 3))
        M = sympy.Matrix(k, k, lambda i, j: sympy.Rational(rng.randint(-5, 5), rng.randint(1, 4)))
        S = M * M.T + sympy.eye(k) / rng.randint(1, 9)          # SPD
        sigma = [[Fraction(int(v.p), int(v.q)) for v in S.row(i)] for i in range(k)]
        points = centred_points(sigma)
        assert len(points) == 8 * k
        w_star, d = _vector(rng, k), _vector(rng, k)
        if not any(w_star) or not any(d):
            continue
        stats = exact_statistics(_learning_set(*realize(w_star, d, points)))
        assert covariance(stats) == tuple(map(tuple, sigma))
        assert (stats.w_star, stats.bn_direction) == (w_star, d)


def test_points_that_are_not_centred_are_refused():
    with pytest.raises(ValueError):
        realize((Fraction(1), Fraction(0)), (Fraction(0), Fraction(1)), [(Fraction(1), Fraction(0))] * 3)
