"""A degenerate set names its cause: a constant or all-zero column, a duplicate, or a minimal
linearly (or affinely) dependent set of columns read off an exact null-space vector, which holds
exactly in every row and has no dependent proper subset."""

from __future__ import annotations

from fractions import Fraction

import pytest
from flint import fmpq, fmpq_mat
from hypothesis import given, strategies as st

from harness.check import check
from harness.dependency import Dependency, dependency, describe
from harness.learning_set import LearningSet
from harness.statistics import exact_statistics


def write_csv(path, header, rows) -> str:
    path.write_text(",".join(header) + "\n" + "".join(",".join(map(str, r)) + "\n" for r in rows))
    return str(path)


CASES = {
    "constant column": (
        ["a", "b", "c", "price"], [[1, 2, 5, 0], [2, 3, 5, 1], [3, 5, 5, 2], [4, 4, 5, 1]],
        "the centered covariance Σ is singular (rank 2 < 3)", "column c is constant (c = 5 in every row)"),
    "zero column": (
        ["a", "zero", "y"], [[1, 0, 0], [2, 0, 1], [3, 0, 3]],
        "Σ x_i x_iᵀ is singular (rank 1 < 2)", "column zero is 0 in every row"),
    "duplicate column": (
        ["a", "b", "a again", "y"], [[1, 2, 1, 0], [2, 3, 2, 1], [3, 5, 3, 3], [4, 4, 4, 1]],
        "Σ x_i x_iᵀ is singular (rank 2 < 3)", "column 'a again' duplicates column a"),
    "linear combination": (
        ["a", "b", "price", "y"], [[1, 2, 0, 3], [2, 3, 1, 1], [3, 5, 1, 2], [4, 4, 4, 1]],
        "Σ x_i x_iᵀ is singular (rank 2 < 3)", "the columns are linearly dependent: price = 2·a - b"),
    "affine combination with a fraction": (
        ["a", "b", "price", "y"], [[1, 2, "10/3", 3], [2, 3, "13/3", 1], [3, 5, "20/3", 2], [6, 4, "13/3", 1]],
        "the centered covariance Σ is singular (rank 2 < 3)",
        "the columns are affinely dependent: price = -(1/3)·a + (4/3)·b + 1"),
    "two dependencies": (
        ["a", "b", "c", "d", "y"], [[1, 1, 2, 7, 0], [2, 2, 3, 7, 1], [3, 3, 1, 7, 3], [4, 4, 4, 7, 5]],
        "Σ x_i x_iᵀ is singular (rank 3 < 4)",
        "column b duplicates column a"),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_degenerate_reason_names_the_columns(kind, tmp_path):
    header, rows, matrix, cause = CASES[kind]
    report = check(write_csv(tmp_path / "set.csv", header, rows))
    assert report["verdict"] == "degenerate"
    assert report["reason"].startswith(matrix) and report["reason"].endswith(cause), report["reason"]


def test_more_dependencies_are_counted():
    dep = Dependency(1, ((0, Fraction(1)),), Fraction(0), more=2)
    assert describe(dep, ["a", "b", "c"]) == "column b duplicates column a (and 2 more independent dependencies)"


def test_without_names_columns_are_x1_to_xd():
    ls = LearningSet(X=tuple((Fraction(a), Fraction(2 * a)) for a in (1, 2, 3)),
                     y=(Fraction(1), Fraction(0), Fraction(2)), name="t")
    assert exact_statistics(ls).degenerate.endswith("linearly dependent: x2 = 2·x1")


def _q(v: Fraction) -> fmpq:
    return fmpq(v.numerator, v.denominator)


def _gram(X):
    d = len(X[0])
    return fmpq_mat(d, d, [_q(sum((row[i] * row[j] for row in X), Fraction(0)))
                           for i in range(d) for j in range(d)])


def _rank(X, columns):
    if not columns:
        return 0
    return fmpq_mat(len(X), len(columns), [_q(row[j]) for row in X for j in columns]).rank()


@given(st.lists(st.lists(st.integers(-4, 4), min_size=5, max_size=5), min_size=3, max_size=7),
       st.lists(st.integers(-3, 3), min_size=5, max_size=5), st.integers(0, 4))
def test_the_dependency_holds_in_every_row_and_is_minimal(rows, weights, column):
    """Make column `column` a combination of the others (so XᵀX is singular); the dependency
    read off the null space holds exactly in every row, and dropping any one of its columns
    leaves an independent set (a circuit)."""
    X = [[Fraction(v) for v in row] for row in rows]
    for row in X:
        row[column] = sum((w * row[j] for j, w in enumerate(weights) if j != column), Fraction(0))
    dep = dependency(_gram(X))
    assert dep is not None
    for row in X:
        assert row[dep.column] == sum((c * row[j] for j, c in dep.terms), Fraction(0)) + dep.constant
    support = [dep.column, *(j for j, _ in dep.terms)]
    assert _rank(X, support) == len(support) - 1
    for drop in support:
        rest = [j for j in support if j != drop]
        assert _rank(X, rest) == len(rest)


def test_a_wrong_coefficient_breaks_the_row_identity():
    """Mutation: the identity check above is not vacuous (a perturbed coefficient fails it)."""
    X = [[Fraction(a), Fraction(b), Fraction(2 * a - b)] for a, b in ((1, 2), (2, 3), (3, 5), (4, 4))]
    dep = dependency(_gram(X))
    assert dep.column == 2 and dict(dep.terms) == {0: 2, 1: -1}
    wrong = [(j, c + (1 if j == 0 else 0)) for j, c in dep.terms]
    assert any(row[2] != sum(c * row[j] for j, c in wrong) for row in X)


def test_centered_dependency_carries_the_constant():
    means = [Fraction(5, 2), Fraction(7)]
    sigma = fmpq_mat(2, 2, [1, 0, 0, 0])       # column 2 constant: its centered column is 0
    dep = dependency(sigma, means)
    assert (dep.column, dep.terms, dep.constant) == (1, (), Fraction(7))
