"""The Gram-coordinate terms of proofs/lemma_gram.py agree with the literal formulas of
proofs/encoding.py at sample points in R^5 (exact values, evaluated by Z3)."""

import random
from fractions import Fraction

import z3

from proofs.encoding import const, dot, lemma_bound, ray_distance_sq, scaled, sq_norm, sub
from proofs.lemma_gram import Gram


def value(term) -> Fraction:
    return z3.simplify(term).as_fraction()


def test_gram_terms_equal_the_literal_ones_at_sample_points():
    rng = random.Random(7)
    vec = lambda: [Fraction(rng.randint(-5, 5), rng.randint(1, 3)) for _ in range(5)]
    for _ in range(20):
        w0, w, d, t = vec(), vec(), vec(), Fraction(rng.randint(1, 9), 4)
        if not any(w) or not any(d):
            continue
        W0, W, D = ([const(v) for v in u] for u in (w0, w, d))
        g = Gram(dot(W, W), dot(D, W), dot(D, D))
        a, b, N = dot(W0, D), dot(W0, W), sq_norm(W0)
        assert value(g.distance_sq(a, N, const(t))) == value(sq_norm(sub(W0, scaled(const(t), D))))
        assert value(g.ray_distance_sq(a, N)) == value(ray_distance_sq(W0, D))
        assert value(g.lemma_bound(b, N)) == value(lemma_bound(W0, W))
        assert all(z3.is_true(z3.simplify(c)) for c in g.realisable(a, b, N))
