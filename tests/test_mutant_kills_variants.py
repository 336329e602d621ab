"""Third mutmut run over proofs/variants/affine.py and bias.py: each test fails on a surviving
mutant that is observable and passes on the original (docs/mutation-testing.md, "Third run:
proofs/variants/affine.py and bias.py"). Small learning sets whose values are worked by hand."""

from fractions import Fraction

import z3
from z3.z3util import get_vars

from harness.report import obligations_section
from harness.solver import decide_all
from proofs.obligation import Obligation
from proofs.variants.affine import affine_optimum
from proofs.variants.bias import bias_lemma, bias_lemma_equality_in_general, bias_standard_optimum
from proofs.variants.claims import VariantClaims
from tests.conftest import F

# x = 0, 1, 2 and y = 1, 2, 4 (dimension 1): σ²(1) = 2/3, <c, 1> = Cov(x, y) = 1
LINE = dict(X=(F(0), F(1), F(2)), y=F(1, 2, 4), w_star=F(1), bn_direction=F(1), k_star_sq=Fraction(3, 2))


def answers(obligations):
    return [outcome.result for outcome in decide_all(obligations, 10.0)]


def affine(prefix, epsilon, **changes):
    return affine_optimum(VariantClaims(**{**LINE, **changes}, epsilon=epsilon), prefix)


def test_the_affine_definitions_make_s_sigma_eps_and_g_gamma_w_at_every_w_with_positive_variance():
    """With ε = 81/100 - 2/3 = 43/300, at w = 1: s = σ_ε(1) = sqrt(2/3 + ε) = 9/10 and
    g = γ_w = <c,w>·σ_ε/σ² = (9/10)/(2/3) = 27/20 is the only solution of the definitions and
    premises, and there is one (by hand). Kills a σ_ε that is not sqrt(σ² + ε) (s/s, !=, σ² - ε,
    s > 1) and premises narrowed to σ² > 1 (w = 1 has σ(w) > 0: the statement covers it)."""
    for ob in affine("torch", Fraction(43, 300)):
        hypotheses = (*ob.definitions, *ob.premises)
        (w,) = get_vars(z3.And(*ob.premises))
        p, q = [v for v in get_vars(z3.And(*hypotheses)) if not v.eq(w)]
        at_one = (*hypotheses, w == 1)
        expected = z3.Or(z3.And(p == Fraction(9, 10), q == Fraction(27, 20)),
                         z3.And(p == Fraction(27, 20), q == Fraction(9, 10)))
        assert answers([Obligation("exists", "", "sat", at_one),
                        Obligation("unique", "", "unsat", (*at_one, z3.Not(expected)))]) == ["sat", "unsat"]


def test_the_affine_obligations_on_a_set_without_variance_are_vacuous_not_proved():
    """All points equal: σ(w) = 0 for every w, so "for every w with σ(w) > 0" speaks of nothing
    and both obligations must be vacuous (ε > 0 leaves s = sqrt(ε) and any g a solution of the
    definitions alone). Kills the premises dropped or widened to σ² >= 0."""
    for prefix, epsilon in (("torch", Fraction(1, 100_000)), ("gb", Fraction(0))):
        assert answers(affine(prefix, epsilon, X=(F(1), F(1), F(1)))) == ["vacuous", "vacuous"]


def test_the_gamma_beta_statement_has_no_epsilon_and_the_torch_statement_has_sigma_eps():
    """ε = 0: L̂ = L̂(w,γ_w,ȳ) + (γ-γ_w)² + (β-ȳ)²; ε > 0: the square is (γ-γ_w)²σ²/σ_ε²."""
    gb, torch = affine("gb", Fraction(0))[0].statement, affine("torch", Fraction(1, 100_000))[0].statement
    assert "+ (γ-γ_w)² +" in gb and "σ_ε" not in gb
    assert "+ (γ-γ_w)²σ²/σ_ε² +" in torch


def test_the_prove_variant_report_states_the_claim_of_each_affine_and_bias_obligation():
    """`prove --variant` prints each statement under its row (harness/report.py): a statement
    that is not text (None) ends the report of a valid set in a traceback."""
    claims = VariantClaims(**LINE, intercept=Fraction(5, 6))
    obligations = [*affine("gb", Fraction(0)), *affine("torch", Fraction(1, 100_000)),
                   bias_standard_optimum(claims), *bias_lemma(claims), bias_lemma_equality_in_general()]
    rows = [{"name": ob.name, "statement": ob.statement, "expected": ob.expected,
             "result": ob.expected, "status": "proved", "cross_check": True, "seconds": 0.0,
             "certificate": None, "witness": None} for ob in obligations]
    obligations_section({"obligations": rows, "seconds": 0.0})
    assert all(isinstance(ob.statement, str) and ob.statement.strip() for ob in obligations)


def test_a_bias_optimum_with_a_direction_that_changes_no_output_is_not_proved_unique():
    """The second coordinate of every point is 0, so (3/2, t) with b = 5/6 minimises L(w, b) for
    every t (slope 3/2 and bias 5/6 fit y = 1, 2, 4 on 0, 1, 2, by hand): (W*, b*) is a minimiser,
    not the unique one, and no minimiser has another bias. Kills "another point" narrowed to
    b != b*."""
    claims = VariantClaims(X=(F(0, 0), F(1, 0), F(2, 0)), y=F(1, 2, 4), w_star=F("3/2", 0),
                           bn_direction=F(1, 0), k_star_sq=Fraction(0), intercept=Fraction(5, 6))
    assert answers([bias_standard_optimum(claims)]) == ["sat"]


def test_the_bias_lemma_with_w_star_zero_is_vacuous_not_proved():
    """W* = 0: no W0 has <W0, W*> > 0, so both universal claims speak of nothing. Kills the
    premises dropped and the admissible half-space widened to <W0, W*> >= 0."""
    claims = VariantClaims(**{**LINE, "w_star": F(0), "bn_direction": F(0)})
    assert answers(bias_lemma(claims)) == ["vacuous", "vacuous"]
