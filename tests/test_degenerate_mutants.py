"""The obligations of degenerate sets (proofs/degenerate.py) check what they claim, written
against the survivors of `make mutate` (docs/mutation-testing.md).

A degenerate obligation is stated directly (its query is the negated claim, no tie), so each
test feeds a learning set or a claimed vector where the query must give one definite answer and
a weakened query the opposite one; the exact-elimination helper is checked against hand values."""

from fractions import Fraction

import pytest

import proofs.degenerate as degenerate
from harness.solver import decide
from proofs import ties


def _fractions(rows):
    return tuple(tuple(Fraction(v) for v in row) for row in rows)


def _obligation(kind, X, y, name, w_star=None):
    claims = degenerate.degenerate_claims(_fractions(X), tuple(Fraction(v) for v in y),
                                          w_star and tuple(Fraction(v) for v in w_star))
    return next(o for o in degenerate.degenerate_obligations(kind, claims) if o.name == name)


# ---- kernel_vector: exact elimination, first free column set to 1 ------------------------------

KERNELS = [                                   # (singular matrix, its kernel vector by hand)
    ([[1, 1], [1, 1]], [-1, 1]),               # a row with entry 1 below the pivot is eliminated
    ([[2, 4], [1, 2]], [-2, 1]),
    ([[0, 1], [0, 2]], [1, 0]),                # the first column has no pivot
    ([[1, 0, 1], [0, 1, 1], [1, 1, 2]], [-1, -1, 1]),   # rank 2: two pivots, one free column
    ([[1, 2, 3], [2, 4, 6], [1, 2, 3]], [-2, 1, 0]),    # rank 1: the second free column stays 0
]


@pytest.mark.parametrize("rows, by_hand", KERNELS)
def test_kernel_vector_is_the_nonzero_kernel_vector_computed_by_hand(rows, by_hand):
    matrix = [[Fraction(v) for v in row] for row in rows]
    v = degenerate.kernel_vector(matrix)
    assert v == [Fraction(x) for x in by_hand]
    assert any(v) and all(sum(a * b for a, b in zip(row, v)) == 0 for row in matrix)


# ---- gram_singular / sigma_singular: the query checks the pinned vector ------------------------

GRAM_SINGULAR = ([[1, 2], [2, 4], [3, 6]], [1, 2, 4])
SIGMA_SINGULAR = ([[1, 0], [1, 1], [1, 2]], [1, 2, 4])


@pytest.mark.parametrize("kind, data", [("gram_singular", GRAM_SINGULAR),
                                        ("sigma_singular", SIGMA_SINGULAR)])
def test_singular_query_is_unsat_for_the_zero_vector(kind, data, monkeypatch):
    assert decide(_obligation(kind, *data, kind)).result == "sat"
    monkeypatch.setattr(degenerate, "kernel_vector", lambda rows: [Fraction(0)] * len(rows))
    assert decide(_obligation(kind, *data, kind)).result == "unsat"


def test_gram_singular_query_is_unsat_for_a_vector_orthogonal_to_some_inputs_only(monkeypatch):
    """Σ x_i x_iᵀ is invertible here; v = (1, 0) has <x_4, v> = 0 but (Σ x_i x_iᵀ)v = (14, 28)."""
    monkeypatch.setattr(degenerate, "kernel_vector", lambda rows: [Fraction(1), Fraction(0)])
    ob = _obligation("gram_singular", [[1, 2], [2, 4], [3, 6], [0, 1]], [1, 2, 4, 0], "gram_singular")
    assert decide(ob).result == "unsat"


# ---- the loss claims are tied to the literal L̂ (proofs/statements.py) -------------------------

C_ZERO = ([[0, 0], [0, 1], [1, 0], [1, 1]], [1, 2, 2, 1])
NOT_C_ZERO = ([[0, 0], [0, 1], [1, 0], [1, 1]], [1, 2, 3, 2])    # c = (1/4, 0): L̂ not constant


@pytest.mark.parametrize("kind, name, data, w_star", [
    ("c_zero", "bn_loss_constant", C_ZERO, [1, 1]),
    ("c_zero", "bn_loss_constant", NOT_C_ZERO, [1, 1]),
    ("dimension_1", "bn_loss_locally_constant", ([[1], [2], [4]], [1, 3, 2]), [1])])
def test_loss_claim_of_a_degenerate_set_is_tied_to_the_literal_loss(kind, name, data, w_star):
    """Every counterexample to the literal statement is a model of the query, also on a set where
    the claim is false (c != 0): a query that drops counterexamples (σ(w) > 1 only) is `sat` there.
    (In dimension 1 the claim holds on every set, L̂(λw) = L̂(w): the tie proves it outright.)"""
    X, y = data
    claims = degenerate.degenerate_claims(_fractions(X), tuple(Fraction(v) for v in y),
                                          tuple(Fraction(v) for v in w_star))
    assert decide(ties.tie(name, claims), timeout_s=20).result == "unsat"


def test_a_c_zero_claim_on_a_set_with_c_nonzero_is_refuted():
    assert decide(_obligation("c_zero", *NOT_C_ZERO, "bn_loss_constant", [1, 1])).result == "sat"


# ---- vacuity: a degenerate "proved" never comes from hypotheses that cannot hold ---------------

def test_locally_constant_obligation_is_vacuous_when_every_input_is_equal():
    """x_i = 1 for all i: σ(w) = 0 for every w, so "L̂(w) = L̂(w') where σ > 0" says nothing."""
    ob = _obligation("dimension_1", [[1], [1], [1]], [1, 2, 3], "bn_loss_locally_constant", [2])
    assert decide(ob).result == "vacuous"


def test_right_side_obligation_is_vacuous_when_w_star_is_zero():
    ob = _obligation("c_zero", [[0, 0], [0, 1], [1, 0], [1, 1]], [1, 2, 2, 1],
                     "lemma_right_side_nonnegative", [0, 0])
    assert decide(ob).result == "vacuous"


def test_right_side_is_nonnegative_for_a_short_w_star():
    """||W*||² = 1/4 < 1: Cauchy-Schwarz still proves RHS >= 0 (not a vacuous unsat)."""
    ob = _obligation("c_zero", [[0, 0], [0, 1], [1, 0], [1, 1]], [1, 2, 2, 1],
                     "lemma_right_side_nonnegative", ["1/2", 0])
    assert decide(ob).result == "unsat"


def test_an_unknown_kind_of_degenerate_set_is_named_in_the_error():
    with pytest.raises(ValueError, match="unknown kind of degenerate set: flat"):
        degenerate.degenerate_obligations("flat", degenerate.degenerate_claims(((Fraction(1),),),
                                                                               (Fraction(1),)))
