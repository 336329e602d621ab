"""The SymPy evaluator against the hand-computed values of docs/spec.md §4."""

from sympy import Matrix, Rational, acos, pi, sqrt

from harness.evaluator import Evaluator, distance_sq_to_ray, failing_probability, lemma_sides
from harness.learning_set import canonical

ls = canonical()
ev = Evaluator(ls.X, ls.y)


def test_standard_optimum_is_2_0_with_loss_3():
    assert ev.standard_optimum() == Matrix([2, 0])
    assert ev.standard_loss([2, 0]) == 3


def test_bn_direction_is_5_3():
    assert ev.bn_direction() == Matrix([5, 3])


def test_min_bn_loss_is_16_minus_2_sqrt_38_over_3():
    assert (ev.bn_loss([5, 3]) - (16 - 2 * sqrt(38)) / 3).simplify() == 0
    assert (ev.min_bn_loss_closed_form() - (16 - 2 * sqrt(38)) / 3).simplify() == 0


def test_bn_loss_is_scale_invariant_on_the_ray():
    assert (ev.bn_loss([10, 6]) - ev.bn_loss([5, 3])).simplify() == 0


def test_bn_loss_at_w_star_is_16_minus_7_sqrt_2_over_3():
    assert (ev.bn_loss([2, 0]) - (16 - 7 * sqrt(2)) / 3).simplify() == 0


def test_bn_gradient_at_w_star_is_0_minus_3_sqrt_2_over_4():
    assert ev.bn_gradient([2, 0]) == Matrix([0, -3 * sqrt(2) / 4])


def test_bn_gradient_vanishes_on_the_ray():
    assert ev.bn_gradient([5, 3]) == Matrix([0, 0])


def test_lemma_at_w_star_has_left_18_over_17_and_right_0():
    assert lemma_sides([2, 0], [2, 0], [5, 3]) == (Rational(18, 17), 0)


def test_distance_to_ray_is_norm_when_inner_product_is_not_positive():
    assert distance_sq_to_ray([-1, 1], [5, 3]) == 2


def test_failing_probability_is_half_plus_angle_over_two_pi():
    p = failing_probability([2, 0], [5, 3])
    assert (p - (Rational(1, 2) + acos(5 / sqrt(34)) / (2 * pi))).simplify() == 0
    assert abs(float(p) - 0.5860) < 5e-5
