"""`make certify`: solver-free certificates for the canonical set, checked by plain SymPy
arithmetic; a wrong certificate (perturbed coefficient, wrong W* or d, a negative weight, a
sign claimed too strongly, a division by a possibly-zero term) fails the checker."""

import dataclasses

import pytest
import sympy
from sympy import Rational as R

import proofs.certificates as certs
from harness.certify import certify, check, for_obligation
from harness.certify import main as certify_main
from harness.learning_set import canonical, load_json
from proofs.certificate import Identity, Term
from proofs.certificates import CERTIFICATES, s, t, w1, w2
from tests.conftest import F
from tests.test_canonical_refutation import CANONICAL_OBLIGATIONS


def cert_for(name):
    return next(c for c in CERTIFICATES if name in c.obligations)


def with_identity(cert, k, **changes):
    ids = list(cert.identities)
    ids[k] = dataclasses.replace(ids[k], **changes)
    return dataclasses.replace(cert, identities=tuple(ids))


@pytest.mark.parametrize("name", CANONICAL_OBLIGATIONS)
def test_every_canonical_obligation_has_a_certificate_that_holds(name):
    ls = canonical()
    cert = for_obligation(name, ls.X, ls.y)
    assert cert is not None
    assert check(cert) == []


def test_certificates_are_about_the_canonical_set_only():
    ls = load_json("examples/centered.json")
    assert for_obligation("standard_optimum", ls.X, ls.y) is None


def test_make_certify_exits_0(capsys):
    assert certify_main([]) == 0
    assert "all 12 certificates hold" in capsys.readouterr().out


def test_a_broken_certificate_makes_make_certify_exit_1(monkeypatch, capsys):
    broken = with_identity(cert_for("standard_optimum"), 0, terms=(Term(R(1, 2), (w1 - 2,)), Term(R(1, 3), (w2,))))
    monkeypatch.setattr(certs, "CERTIFICATES", (broken,))
    assert certify_main([]) == 1
    assert "FAILED: standard_optimum" in capsys.readouterr().out


def test_perturbed_ldlt_coefficient_fails_standard_optimum():
    cert = with_identity(cert_for("standard_optimum"), 0,
                         terms=(Term(R(1, 3), (w1 - 2,)), Term(R(1, 3) + R(1, 100), (w2,))))
    ok, detail = certify(cert)
    assert not ok and "not an identity" in detail


def test_wrong_w_star_fails_standard_optimum():
    assert not certify(dataclasses.replace(cert_for("standard_optimum"), w_star=F(2, "1/10")))[0]


@pytest.mark.parametrize("name", ["bn_gradient_at_w_star", "w_star_not_bn_optimal", "negated_lemma",
                                  "lemma_fails_at_w_star", "failure_region_necessary"])
def test_wrong_w_star_fails_every_certificate_that_uses_it(name):
    assert not certify(dataclasses.replace(cert_for(name), w_star=F(2, "1/10")))[0]


@pytest.mark.parametrize("name", ["bn_ray_is_global_minimum", "bn_stationary_points_on_line",
                                  "bn_opposite_ray_not_minimum", "w_star_not_bn_optimal",
                                  "distance_to_ray_lower_bound", "distance_to_ray_attained",
                                  "negated_lemma", "failure_region_sufficient"])
def test_wrong_bn_direction_fails_every_certificate_that_uses_it(name):
    assert not certify(dataclasses.replace(cert_for(name), d=F(5, 2)))[0]


def test_bn_loss_identity_holds_for_any_targets_but_not_with_a_wrong_multiplier():
    """The identity is general (true for every learning set); its multiplier -1/s² is not optional."""
    cert = cert_for("bn_loss_identity")
    assert certify(dataclasses.replace(cert, y=F(-3, 0, 3)))[0]
    assert not certify(with_identity(cert, 0, multiples=((-1 / (2 * s**2), "s² = σ²(w)"),)))[0]


def test_wrong_learning_set_fails_the_standard_optimum_and_the_gradient():
    for name in ("standard_optimum", "bn_gradient_at_w_star", "bn_stationary_points_on_line"):
        assert not certify(dataclasses.replace(cert_for(name), y=F(-3, 0, 3)))[0], name


def test_negative_weight_fails_even_when_the_identity_holds():
    """(1/3)(w1-2)² written as (2/3)(w1-2)² + (-1/3)(w1-2)²: still an identity, not a certificate."""
    cert = with_identity(cert_for("standard_optimum"), 0, definite_in=(),
                         terms=(Term(R(2, 3), (w1 - 2,)), Term(R(-1, 3), (w1 - 2,)), Term(R(1, 3), (w2,))))
    ok, detail = certify(cert)
    assert not ok and "not a positive rational" in detail


def test_strict_conclusion_needs_a_strict_term():
    """σ²(td) = (38/9)t² only gives >= 0 when written with a square instead of t > 0 twice."""
    cert = with_identity(cert_for("bn_ray_is_global_minimum"), 0, terms=(Term(R(38, 9), (t,)),))
    ok, detail = certify(cert)
    assert not ok and "no term is strictly positive" in detail


def test_dependent_forms_are_not_positive_definite():
    cert = with_identity(cert_for("standard_optimum"), 0,
                         lhs=lambda m: R(1, 3) * (w1 - 2) ** 2 + R(1, 3) * (2 * w1 - 4) ** 2,
                         terms=(Term(R(1, 3), (w1 - 2,)), Term(R(1, 3), (2 * w1 - 4,))))
    ok, detail = certify(cert)
    assert not ok and "dependent" in detail


def test_multiple_of_a_sign_hypothesis_is_rejected():
    """Only "= 0" hypotheses may be multiplied by an arbitrary polynomial."""
    cert = with_identity(cert_for("bn_loss_identity"), 0, multiples=((-1 / s**2, "s > 0"),))
    ok, detail = certify(cert)
    assert not ok and "not an = hypothesis" in detail


def test_division_by_a_term_not_known_positive_is_rejected():
    bad = Identity("(w1² + 1)/(s - 1) = w1² + ...", ">= 0", lambda m: (w1**2 + 1) / (s - 1),
                   terms=(Term(R(1), (w1,)),))
    ok, detail = certify(dataclasses.replace(cert_for("bn_loss_identity"), identities=(bad,)))
    assert not ok and "divide by zero" in detail


def test_gradient_certificate_fails_for_a_wrong_gradient():
    """Claiming ∂L̂/∂w2(W*) = -s (instead of -(9/8)s) breaks the identity."""
    cert = with_identity(cert_for("bn_gradient_at_w_star"), 2,
                         lhs=lambda m: m.bn_gradient(m.w_star, s)[1] + s)
    assert not certify(cert)[0]


def test_certificate_checker_uses_no_solver():
    import harness.certify
    import inspect
    source = inspect.getsource(harness.certify)
    assert "z3" not in source and "cvc5" not in source
    assert isinstance(sympy.cancel(w1), sympy.Expr)


def test_a_float_in_a_certificate_is_rejected():
    import sympy as sp
    cert = with_identity(cert_for("bn_loss_identity"), 0, multiples=((sp.Float(-1.0) / s**2, "s² = σ²(w)"),))
    ok, detail = certify(cert)
    assert not ok and "float" in detail


def test_certificate_data_is_exact():
    from harness.certify import Semantics
    for cert in CERTIFICATES:
        m = Semantics(cert)
        for identity in cert.identities:
            assert not sympy.sympify(identity.lhs(m)).has(sympy.Float)
            assert all(isinstance(term.coefficient, sympy.Rational) for term in identity.terms)
