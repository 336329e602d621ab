"""Third mutmut run over proofs/general/: each test fails on a surviving mutant that is
observable and passes on the original (docs/mutation-testing.md, "Third run: proofs/general/").

No solver call: the survivors that change a query are equivalent (argued in the docs); the ones
killed here give a wrong factorisation of a valid covariance, or drop a theorem's claim from its
SMT-LIB export."""

from fractions import Fraction

import pytest

from harness.smt2 import to_smt2
from harness.solver import decide_all
from harness.status import status_of
from harness.theorems import is_zero
from proofs.general.bn_optima_ray import bn_optima_ray, lagrange_identity
from proofs.general.data_link import data_link
from proofs.general.distance_to_ray import distance_to_ray
from proofs.general.failure_region import failure_region
from proofs.general.holds_iff_on_ray import holds_iff_on_ray
from proofs.general.realizability import centred_points, ldl
from tests.test_general_realizability import _sigma


def _matrix(rows):
    return [[Fraction(v) for v in row] for row in rows]


# SPD matrices whose elimination meets a pivot 1 (the identity) or a multiplier 1 ([[2, 2], [2, 3]]).
UNIT_PIVOT_OR_MULTIPLIER = ([[1, 0], [0, 1]], [[2, 2], [2, 3]], [[1, 1, 0], [1, 2, 1], [0, 1, 3]])


@pytest.mark.parametrize("rows", UNIT_PIVOT_OR_MULTIPLIER)
def test_ldl_factors_spd_matrices_with_unit_pivots_or_multipliers_exactly(rows):
    """S = L·D·Lᵀ with L unit lower triangular and every D_i > 0, also where a pivot or a
    multiplier is 1 (the random covariances of test_general_realizability.py never meet one)."""
    S = _matrix(rows)
    L, D = ldl(S)
    k = len(S)
    assert all(L[i][i] == 1 and all(L[i][j] == 0 for j in range(i + 1, k)) for i in range(k))
    assert all(p > 0 for p in D)
    assert [[sum(L[i][m] * D[m] * L[j][m] for m in range(k)) for j in range(k)] for i in range(k)] == S


@pytest.mark.parametrize("rows", UNIT_PIVOT_OR_MULTIPLIER)
def test_covariances_with_unit_pivots_or_multipliers_are_realized_exactly(rows):
    """The realizability construction (⇐) reaches these Σ too: centred rational points whose
    covariance is exactly Σ."""
    S = _matrix(rows)
    points = centred_points(S)
    assert all(sum(z[j] for z in points) == 0 for j in range(len(S)))
    assert _sigma(points) == tuple(map(tuple, S))


def test_ldl_refuses_a_zero_pivot_as_not_positive_definite():
    """A symmetric matrix with a zero pivot is not positive definite: a ValueError, not a
    division by zero."""
    with pytest.raises(ValueError):
        ldl(_matrix([[0, 1], [1, 0]]))


def test_the_smt2_export_of_each_failure_region_theorem_states_its_claim():
    """The claim is the `; claim:` line of the exported SMT-LIB file and the "statement" of the
    general report: a theorem whose statement is not its claim in words (None) exports "None"."""
    for ob in failure_region():
        assert isinstance(ob.statement, str) and "(L4.5) fails at W0" in ob.statement
        assert f"; claim: {ob.statement}\n" in to_smt2(ob, "general theorem, every learning set")


def test_the_data_link_and_holds_iff_on_ray_theorems_are_proved():
    """Every learning set of 3 points in R²: the literal losses are the statistics' formulas
    (data_link), and (L4.5) holds at every admissible W0 iff W* = t·d, t > 0 (both directions).
    Only the general-report tests (not in the mutation selection) decided these before; a
    mutant that breaks a formula of the data link (the covariance, the quadratic or linear part
    of L, σ's root) or the W0 = W* arguments of `fails` turns an answer to `sat` or `vacuous`."""
    obligations = [data_link(3, 2), *holds_iff_on_ray()]
    outcomes = decide_all(obligations, 20)
    assert [status_of(o.expected, r.result) for o, r in zip(obligations, outcomes)] == ["proved"] * 3
    assert [r.result for r in outcomes] == ["unsat"] * 3
    assert all(isinstance(o.statement, str) and o.statement for o in obligations)


def test_the_distance_to_ray_and_bn_optima_ray_theorems_are_proved():
    """Every k, W0, d != 0: D(W0) is the squared distance to the open ray (a lower bound that is
    attained or approached); every SPD Σ in dimension k = 2, 3: the ray is a global minimum of L̂,
    stationary points and Cauchy-Schwarz equality lie on the line through d. Only the
    general-report tests (not in the mutation selection) decided these before; a mutant that
    narrows a premise until it is unsat, or breaks a coordinate, the case split or D, turns an
    answer to `sat` or `vacuous`. (k = 4 takes 5 s and exercises the same code as k = 3.)"""
    obligations = [*distance_to_ray(), *bn_optima_ray(2), *bn_optima_ray(3)]
    outcomes = decide_all(obligations, 20)
    assert [status_of(o.expected, r.result) for o, r in zip(obligations, outcomes)] == ["proved"] * 8
    assert all(isinstance(o.statement, str) and o.statement for o in obligations)


@pytest.mark.parametrize("k", [2, 3, 4])
def test_lagrange_identity_is_a_sum_of_squares_certificate_for_every_k(k):
    """E·V - C² = Σ_{i<j} D_i D_j (e_i v_j - e_j v_i)² as polynomials (k = 2, 3, 4 here; the
    general report checks k up to its bound): both sides are built independently, so a mutant
    of either side (a wrong coefficient, index range or square) leaves a nonzero difference."""
    lhs, sos = lagrange_identity(k)
    assert is_zero(lhs - sos)
    assert not is_zero(lhs)
