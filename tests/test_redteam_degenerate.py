"""Hand mutations of proofs/degenerate.py (docs/mutation-testing.md, "Hand mutations"): each test
states a claim of a degenerate verdict and fails on a mutant of the module that survived the rest
of the suite."""

import importlib
from fractions import Fraction


from harness.solver import decide_all
from proofs.degenerate import degenerate_claims, degenerate_obligations

degenerate = importlib.import_module("proofs.degenerate")


def claims(X, y, w_star=None):
    fr = lambda row: tuple(Fraction(v) for v in row)
    return degenerate_claims(tuple(fr(r) for r in X), fr(y), fr(w_star) if w_star else None)


def answers(obligations, timeout_s=20):
    return [o.result for o in decide_all(list(obligations), timeout_s)]


# X has Σ x_i = 0, so every v has Σ_i <x_i, v> = 0; only (2, -1) has (Σ x_i x_iᵀ)v = 0.
SUMMING_TO_ZERO = ([[1, 2], [-1, -2], [0, 0]], [1, 2, 4])


def test_a_vector_outside_the_kernel_of_the_gram_matrix_is_not_proved_a_kernel_vector(monkeypatch):
    """gram_singular states (Σ x_i x_iᵀ)v = 0 component by component: a mutant that sums the
    outputs <x_i, v> instead accepts v = (1, 0) here."""
    monkeypatch.setattr(degenerate, "kernel_vector", lambda rows: [Fraction(1), Fraction(0)])
    [ob] = degenerate_obligations("gram_singular", claims(*SUMMING_TO_ZERO))
    assert answers([ob]) == ["unsat"]


def test_a_vector_outside_the_kernel_of_sigma_is_not_proved_a_kernel_vector(monkeypatch):
    """sigma_singular states Σv = 0 in every component (Σ of points (1,0), (1,1), (1,2): only
    (1, 0) is in its kernel; (0, 1) has (Σv)_1 = 0 but (Σv)_2 = 2/3)."""
    monkeypatch.setattr(degenerate, "kernel_vector", lambda rows: [Fraction(0), Fraction(1)])
    [ob] = degenerate_obligations("sigma_singular", claims([[1, 0], [1, 1], [1, 2]], [1, 2, 4]))
    assert answers([ob]) == ["unsat"]


def test_the_right_side_of_the_lemma_is_not_proved_nonnegative_when_w_star_is_zero():
    """lemma_right_side_nonnegative needs W* != 0 (its RHS divides by ||W*||²): with W* = 0 the
    claim is not stated, and the obligation is not proved (vacuous), never proved."""
    ob = degenerate_obligations("c_zero", claims([[0, 0], [0, 1], [1, 0], [1, 1]], [1, 2, 2, 1], (0, 0)))[1]
    assert answers([ob]) == ["vacuous"]


def test_the_zero_vector_is_not_a_witness_of_a_singular_gram_matrix(monkeypatch):
    """kernel_vector is not trusted: if it returned 0, the query itself must refuse it (v != 0)."""
    monkeypatch.setattr(degenerate, "kernel_vector", lambda rows: [Fraction(0), Fraction(0)])
    [ob] = degenerate_obligations("gram_singular", claims([[1, 2], [2, 4], [3, 6]], [1, 2, 4]))
    assert answers([ob]) == ["unsat"]
