"""Hand mutations of the d >= 4 route, proofs/lemma_gram.py and proofs/at_scale.py
(docs/mutation-testing.md, "Hand mutations"): each test states a claim of an obligation in Gram
coordinates and fails on a mutant that survived the rest of the suite."""

from fractions import Fraction

import pytest
import z3

import proofs.lemma_gram as gram_module
from harness.learning_set import LearningSet
from harness.solver import decide_all
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics
from proofs.lemma_gram import lemma_gram

# the d = 4 set of tests/test_check_prove.py with <W*, d> < 0
X = ((-2, -1, -3, 2), (0, 0, -2, -3), (-3, -3, 0, 1), (-1, 3, 3, -3), (-2, 1, 1, -1), (-1, 3, -2, 3))
Y = (-3, -1, -2, -3, 3, 2)


@pytest.fixture(scope="module")
def claims():
    ls = LearningSet(tuple(tuple(map(Fraction, r)) for r in X), tuple(map(Fraction, Y)), "d = 4")
    return make_claims(ls, exact_statistics(ls))


def by_name(claims, name):
    return next(o for o in lemma_gram(claims) if o.name == name)


def answers(obligations, timeout_s=20):
    return [o.result for o in decide_all(list(obligations), timeout_s)]


@pytest.mark.parametrize("case", ["positive", "zero", "negative"])
def test_a_gram_distance_too_small_in_one_case_of_w0_d_is_not_proved_the_infimum(case, claims, monkeypatch):
    """D(W0) = N - a²/dd if a = <W0,d> > 0, else N, made 1/2 too small where a is positive, zero or
    negative only: distance_to_ray_attained must fail. Kills "attained" dropped, `a <= 0` ->
    `a < 0` and `eps > 0` -> `eps > 1` (at a = 0 the query's t leaves a gap t²·dd below ε - 1/2
    only for ε > 2/3)."""
    true = gram_module.Gram.ray_distance_sq

    def too_small(self, a, N):
        right = {"positive": a > 0, "zero": a == 0, "negative": a < 0}[case]
        return z3.If(right, true(self, a, N) - z3.RealVal("1/2"), true(self, a, N))
    monkeypatch.setattr(gram_module.Gram, "ray_distance_sq", too_small)
    assert answers([by_name(claims, "distance_to_ray_attained")]) == ["sat"]


def test_the_witness_at_w_star_is_the_distance_from_w_star_to_the_ray(claims):
    """lemma_fails_at_w_star evaluates (L4.5) at W0 = W*: its left side must be the squared
    distance from W* to the ray, here ||W*||² since <W*, d> < 0 (docs/spec.md §3), computed from
    the claimed vectors. Kills W0 = W* written with <W0,d> = <W*,W*> (the SymPy cross-check
    that would also notice is skipped when the machine is slow)."""
    inner = lambda u, v: sum((a * b for a, b in zip(u, v)), Fraction(0))
    assert inner(claims.w_star, claims.bn_direction) < 0
    [outcome] = decide_all([by_name(claims, "lemma_fails_at_w_star")], 20)
    assert outcome.result == "sat" and outcome.witness["lhs"] == inner(claims.w_star, claims.w_star)


def test_a_wrong_sign_of_d_w_star_fails_the_normal_form_when_w_star_is_on_the_line(monkeypatch):
    """Centered inputs (the rows below sum to 0): W* = d, so <d, W*> > 0 and W* ∥ d (k = 0). The
    normal form's sign is computed in Python and must be tied to the data there too: with the
    sign flipped, gram_normal_form must be unsat (kills the dropped `σ·<d,W*> > 0` of the
    parallel case)."""
    rows = ((1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1), (-1, -1, -1, -1))
    ls = LearningSet(tuple(tuple(map(Fraction, r)) for r in rows), tuple(map(Fraction, (1, 2, 0, -1, 3))),
                     "centered d = 4")
    centered = make_claims(ls, exact_statistics(ls))
    assert centered.w_star == centered.bn_direction                # by hand: x̄ = 0, Σ = (1/n)XᵀX
    assert answers([by_name(centered, "gram_normal_form")]) == ["sat"]
    monkeypatch.setattr(gram_module, "sign", lambda x: -((x > 0) - (x < 0)))
    assert answers([by_name(centered, "gram_normal_form")]) == ["unsat"]
