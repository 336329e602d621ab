"""Property tests of `check` on random integer and fraction learning sets (hypothesis; derandomized
under CI=true by tests/conftest.py). Each property is a fact of docs/spec.md §5 or an invariance of
the problem, checked against the exact pipeline of harness/check.py."""

from fractions import Fraction
from fractions import Fraction as F

import sympy
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from harness.check import check_learning_set
from harness.evaluator import Evaluator, lemma_sides
from harness.learning_set import LearningSet
from harness.monte_carlo import failing_fraction_estimate

SETTINGS = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])

integers = st.integers(-5, 5).map(Fraction)
fractions = st.builds(Fraction, st.integers(-9, 9), st.integers(1, 4))
positive = st.builds(Fraction, st.integers(1, 9), st.integers(1, 9))


@st.composite
def learning_sets(draw, entries=st.one_of(integers, fractions)):
    dim = draw(st.integers(2, 3))
    n = draw(st.integers(dim + 2, 7))
    X = tuple(tuple(draw(entries) for _ in range(dim)) for _ in range(n))
    y = tuple(draw(entries) for _ in range(n))
    return LearningSet(X, y, "random")


def essence(report):
    return (report["verdict"], report["reason"], report["decided"] if "decided" in report else None)


@SETTINGS
@given(learning_sets(), st.randoms(use_true_random=False))
def test_verdict_is_invariant_under_row_permutation(ls, rnd):
    order = list(range(ls.n))
    rnd.shuffle(order)
    permuted = LearningSet(tuple(ls.X[i] for i in order), tuple(ls.y[i] for i in order), "p")
    a, b = check_learning_set(ls), check_learning_set(permuted)
    assert essence(a) == essence(b)
    assert (a["w_star"], a["bn_direction"], a["failing_fraction_exact"]) == \
           (b["w_star"], b["bn_direction"], b["failing_fraction_exact"])


@SETTINGS
@given(learning_sets(), positive, positive)
def test_verdict_is_invariant_under_positive_scaling_of_x_and_y(ls, a, b):
    scaled = LearningSet(tuple(tuple(a * v for v in row) for row in ls.X),
                         tuple(b * v for v in ls.y), "s")
    r, s = check_learning_set(ls), check_learning_set(scaled)
    assert essence(r) == essence(s)
    if r["failing_fraction"] is not None:
        assert abs(r["failing_fraction"] - s["failing_fraction"]) < 1e-12
    if r["w_star"] is not None and s["w_star"] is not None:   # W* -> (b/a)·W*
        assert [Fraction(v) * b / a for v in r["w_star"]] == [Fraction(v) for v in s["w_star"]]


def sympy_degeneracy(ls):
    """The kind of degenerate set, classified independently by SymPy (docs/spec.md §5 order)."""
    ev = Evaluator(ls.X, ls.y)
    sigma, c = ev.centered()
    if (ev.X.T * ev.X).det() == 0:
        return "gram_singular"
    if sigma.det() == 0:
        return "sigma_singular"
    if not any(ev.standard_optimum()):
        return "w_star_zero"
    if not any(c):
        return "c_zero"
    return "dimension_1" if ev.dim == 1 else None


@st.composite
def degenerate_sets(draw):
    """Sets that are often degenerate: a repeated column, a constant column, y on a line."""
    ls = draw(learning_sets(entries=integers))
    kind = draw(st.sampled_from(["repeat", "constant", "y_const", "none"]))
    X = [list(r) for r in ls.X]
    if kind == "repeat":
        X = [[r[0], *r[:-1]] for r in X]
    elif kind == "constant":
        X = [[Fraction(1), *r[1:]] for r in X]
    y = tuple(Fraction(2) for _ in ls.y) if kind == "y_const" else ls.y
    return LearningSet(tuple(tuple(r) for r in X), y, kind)


@SETTINGS
@given(st.one_of(learning_sets(), degenerate_sets()))
@example(LearningSet(((F(0), F(0)), (F(0), F(1)), (F(1), F(0)), (F(1), F(1))),
                     (F(1), F(2), F(3), F(2)), "c has one zero component, not c = 0"))
def test_degenerate_classification_agrees_with_sympy(ls):
    """Degenerate sets are not assumed away: the verdict's kind is recomputed by SymPy."""
    report = check_learning_set(ls)
    kind = sympy_degeneracy(ls)
    assert (report["verdict"] == "degenerate") == (kind is not None)
    if kind is not None:
        decided = {"w_star_zero": "holds", "c_zero": "holds", "dimension_1": "holds"}.get(kind)
        assert report["decided"] == decided


@SETTINGS
@given(learning_sets())
def test_holds_exactly_when_w_star_is_a_positive_multiple_of_d(ls):
    report = check_learning_set(ls)
    assume(report["verdict"] != "degenerate")   # degenerate sets: the test above
    ev = Evaluator(ls.X, ls.y)               # independent: SymPy normal equations and Σ⁻¹c
    w, d = ev.standard_optimum(), ev.bn_direction()
    k = next(i for i in range(len(d)) if d[i] != 0)
    positive_multiple = bool(w[k] / d[k] > 0) and w == (w[k] / d[k]) * d
    assert (report["verdict"] == "holds") == positive_multiple
    assert [sympy.Rational(v) for v in report["w_star"]] == list(w)
    if report["verdict"] == "fails":         # the witness W0 = W* violates (L4.5), in SymPy
        left, right = lemma_sides(w, w, d)
        assert left > right and sympy.Rational(report["witness"]["left"]) == left


@SETTINGS
@given(learning_sets())
def test_exact_failing_fraction_agrees_with_seeded_monte_carlo(ls):
    report = check_learning_set(ls)
    assume(report["verdict"] == "fails")
    w = [Fraction(v) for v in report["w_star"]]
    d = [Fraction(v) for v in report["bn_direction"]]
    estimate, stderr, _ = failing_fraction_estimate(w, d, samples=4000)
    assert abs(estimate - report["failing_fraction"]) <= 5 * stderr + 1e-3


@SETTINGS
@given(learning_sets())
def test_centered_inputs_always_hold(ls):
    mean = [sum(col) / ls.n for col in zip(*ls.X)]
    centered = LearningSet(tuple(tuple(v - m for v, m in zip(row, mean)) for row in ls.X), ls.y, "c")
    report = check_learning_set(centered)
    assert report["verdict"] != "fails"
    if report["verdict"] == "degenerate":
        assert report["decided"] == "holds" or "singular" in report["reason"]


@SETTINGS
@given(learning_sets())
def test_generic_sets_hold_iff_the_affine_intercept_is_zero(ls):
    report = check_learning_set(ls)
    assume(report["verdict"] != "degenerate" and report["intercept"]["c_and_x_mean_independent"])
    assert (report["verdict"] == "holds") == (report["intercept"]["value"] == "0")


@SETTINGS
@given(learning_sets(entries=integers), st.lists(st.integers(-3, 3), min_size=3, max_size=3))
def test_targets_affine_through_the_origin_make_the_lemma_hold(ls, a):
    """y = <a, x> exactly: intercept 0 and W* = d = a, so (L4.5) holds (unless degenerate)."""
    y = tuple(sum((Fraction(ak) * v for ak, v in zip(a, row)), Fraction(0)) for row in ls.X)
    report = check_learning_set(LearningSet(ls.X, y, "affine"))
    assert report["verdict"] in ("holds", "degenerate")
    if report["verdict"] == "holds":
        assert report["intercept"]["value"] == "0"
