"""The failing probability (proofs/general/probability.py): exact Gaussian integrals over the
sectors in the plane give 1/2 + φ/(2π) ((L4.5) as stated) and 1/2 (trainable γ, β)."""

import sympy
from sympy import pi

from harness.evaluator import failing_probability as evaluator_probability
from proofs.general.probability import failing_probability, gamma_beta_probability


def test_failing_probability_is_one_half_plus_phi_over_two_pi():
    for phi in (pi / 3, pi / 2):
        assert sympy.simplify(failing_probability(phi) - (sympy.Rational(1, 2) + phi / (2 * pi))) == 0


def test_gamma_beta_probability_is_one_half():
    assert gamma_beta_probability(2 * pi / 3) == sympy.Rational(1, 2)


def test_a_wrong_formula_is_caught():
    phi = pi / 3
    assert sympy.simplify(failing_probability(phi) - (sympy.Rational(1, 2) - phi / (2 * pi))) != 0


def test_integral_agrees_with_the_evaluator_closed_form_at_phi_pi_over_2():
    """The evaluator's 1/2 + φ/(2π) for W* = (1, 0), d = (0, 1) (φ = π/2) is the integral's 3/4."""
    from fractions import Fraction
    value = evaluator_probability((Fraction(1), Fraction(0)), (Fraction(0), Fraction(1)))
    assert sympy.nsimplify(value) == failing_probability(pi / 2) == sympy.Rational(3, 4)
