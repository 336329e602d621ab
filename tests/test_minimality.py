"""Minimality (docs/spec.md §7): every step of proofs/minimality.py is proved, its premises are
satisfiable (decide checks them: no vacuous unsat), and a mutated statement flips the answer to
`sat` (a definite answer, never a timeout)."""

import re

import pytest

from harness.solver import decide, decide_all
from proofs import minimality as m

OBLIGATIONS = m.minimality_obligations()


@pytest.fixture(scope="module")
def decided():
    """{name: Outcome} of every step, decided once for the tests below (decide_all: what decide
    answers, the premises checked, the checks in one worker process instead of one each)."""
    return {ob.name: outcome for ob, outcome in zip(OBLIGATIONS, decide_all(OBLIGATIONS, 10))}


@pytest.mark.parametrize("ob", OBLIGATIONS, ids=[o.name for o in OBLIGATIONS])
def test_minimality_step_is_proved(ob, decided):
    assert decided[ob.name].result == ob.expected


MUTATIONS = {
    "variance_scales_by_t_not_t_squared": lambda: m.centering_and_variance_scale(3, power=1),
    "negative_scale_flips_standardization": lambda: m.standardization_is_scale_invariant(positive=False),
    "w_star_itself_is_farther_than_the_bound": lambda: m.ray_point_meets_lemma_bound(t0_is_projection=False),
    "loss_identity_with_wrong_coefficient": lambda: m.bn_loss_identity_in_outputs(3, coefficient=1),
    "lagrange_identity_without_the_half": lambda: m.covariance_lagrange_identity(3, halved=False),
    "residual_with_nonzero_mean_changes_covariances": lambda: m.mean_zero_residual_keeps_covariances(3, mean_zero=False),
    "constants_without_normal_equations": lambda: m.constants_in_span_give_mean_zero_residual(normal_equations=False),
    "as_many_points_as_dimensions_can_have_invertible_gram": lambda: m.fewer_points_than_dimensions_make_gram_singular(2, 2),
    "singular_square_data_need_not_interpolate": lambda: m.square_invertible_data_interpolated(2, invertible=False),
    "unit_variance_outputs_are_not_constant": lambda: m.zero_variance_makes_outputs_constant(3, zero=False),
    "zero_vector_is_orthogonal_to_every_point": lambda: m.affine_hyperplane_misses_origin(nonzero=False),
    "three_points_do_not_standardize_to_signs": lambda: m.two_points_standardize_to_signs(3),
    "opposite_signs_in_dimension_one_change_the_loss": lambda: m.dimension_one_bn_loss_depends_on_sign_only(3, same_sign=False),
}


@pytest.fixture(scope="module")
def decided_mutations():
    """{mutation name: Outcome} of every mutated step, decided once (as `decided`)."""
    return dict(zip(MUTATIONS, decide_all([build() for build in MUTATIONS.values()], 10)))


@pytest.mark.parametrize("name", MUTATIONS)
def test_mutated_minimality_step_is_sat(name, decided_mutations):
    assert decided_mutations[name].result == "sat"


def test_every_minimality_family_has_a_mutation():
    families = {re.sub(r"_(n\d+|d\d+|\dx\d)$", "", o.name) for o in OBLIGATIONS}
    covered = {"centering_and_variance_scale", "standardization_is_scale_invariant",
               "ray_point_meets_lemma_bound", "bn_loss_identity_in_outputs",
               "covariance_lagrange_identity", "mean_zero_residual_keeps_covariances",
               "constants_in_span_give_mean_zero_residual",
               "fewer_points_than_dimensions_make_gram_singular",
               "square_invertible_data_interpolated", "zero_variance_makes_outputs_constant",
               "affine_hyperplane_misses_origin", "dimension_one_bn_loss_depends_on_sign_only",
               "lemma_bound_nonnegative", "cauchy_schwarz_bound_is_minimum",
               "two_points_standardize_to_signs"}
    assert families == covered


def test_dropped_premise_flips_scalar_steps():
    """lemma_bound_nonnegative without Cauchy-Schwarz (b² <= ac) and
    cauchy_schwarz_bound_is_minimum without p² <= s²q² are both sat."""
    for ob, premise in ((m.lemma_bound_nonnegative(), 2), (m.cauchy_schwarz_bound_is_minimum(), 2)):
        dropped = ob.premises[premise]
        mutated = type(ob)(ob.name, ob.statement, ob.expected,
                           tuple(q for q in ob.query if not q.eq(dropped)),
                           premises=tuple(p for p in ob.premises if not p.eq(dropped)))
        assert decide(mutated, timeout_s=10).result == "sat"
