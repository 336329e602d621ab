"""`make certify`: the checker states each obligation's negated claim itself (harness/certify.py)
and a certificate only refutes it, atom by index. Forged certificates (a smuggled equality, an
atom the checker never built, a wrong W* or d, a square counted as strict, a float, a missing
case) are rejected; every genuine certificate passes; a mutated claim value makes it fail."""

import dataclasses
from fractions import Fraction

import pytest
import sympy
from sympy import Rational as R

import proofs.certificates as certs
from harness.certify import Branch, branches, certify, check, clear, for_obligation
from harness.certify import main as certify_main
from harness.certify import _refute
from harness.learning_set import canonical, load_json
from harness.trust import certificate as report_certificate
from proofs.certificate import Cut, Instantiate, Product, Refutation
from proofs.certificates import CANONICAL, CERTIFICATES, P, refute, s, t, w1, w2
from proofs.claims import Surd
from tests.conftest import F
from tests.test_canonical_refutation import CANONICAL_OBLIGATIONS


def cert_for(name):
    return next(c for c in CERTIFICATES if c.obligation == name)


def with_proof(cert, k, proof):
    proofs = list(cert.proofs)
    proofs[k] = proof
    return dataclasses.replace(cert, proofs=tuple(proofs))


def claims(**changes):
    return dataclasses.replace(CANONICAL, **changes)


def holds_at(branch: Branch, point: dict) -> bool:
    """Every atom of the branch is true at the point (so no sound certificate can refute it)."""
    ok = {">": lambda v: v > 0, ">=": lambda v: v >= 0, "=": lambda v: v == 0}
    return all(ok[rel](p.as_expr().subs(point)) for p, rel in branch.atoms)


@pytest.mark.parametrize("name", CANONICAL_OBLIGATIONS)
def test_every_canonical_obligation_has_a_certificate_that_holds(name):
    ls = canonical()
    cert = for_obligation(name, ls.X, ls.y)
    assert cert is not None
    assert check(cert) == []


def test_the_certificates_claim_the_values_the_prover_derives(canonical_claims):
    assert CANONICAL == canonical_claims


def test_every_canonical_obligation_is_certified_in_the_report_columns(canonical_claims):
    assert all(report_certificate(name, canonical_claims) is True for name in CANONICAL_OBLIGATIONS)


def test_certificates_are_about_the_canonical_set_only():
    ls = load_json("examples/centered.json")
    assert for_obligation("standard_optimum", ls.X, ls.y) is None


def test_make_certify_exits_0(capsys):
    assert certify_main([]) == 0
    assert "all 13 certificates hold" in capsys.readouterr().out


def test_a_broken_certificate_makes_make_certify_exit_1(monkeypatch, capsys):
    broken = with_proof(cert_for("standard_optimum"), 2, refute([P(1, 1), P(2, 0, 0), P(1, sq=(w2,))]))
    monkeypatch.setattr(certs, "CERTIFICATES", (broken,))
    assert certify_main([]) == 1
    assert "FAILED: standard_optimum" in capsys.readouterr().out


# ---- forged certificates ------------------------------------------------------------------------

def test_forged_w_star_3_0_through_a_smuggled_equality_is_rejected():
    """The old format let a certificate assume "w1 - 3 = 0" and prove W* = (3, 0) optimal. Now the
    checker states the claim for W* = (3, 0) itself: the branch "w1 < 3 and L(W*) >= L(w)" holds at
    w = (2, 0) (the true optimum), so nothing can refute it; a certificate that multiplies a
    nonexistent equality, a strict atom as if it were one, or cuts on w1 - 3, is rejected."""
    forged_claims = claims(w_star=F(3, 0), standard_loss_at_w_star=Fraction(13, 3))
    cert = dataclasses.replace(cert_for("standard_optimum"), claims=forged_claims)
    opened = branches("standard_optimum", forged_claims)
    assert holds_at(opened[3], {w1: 2, w2: 0})
    assert not certify(cert)[0]
    smuggled = with_proof(cert, 3, refute([P(1, 1)], [(w1, 2)]))       # "atom 2: w1 - 3 = 0"
    assert "atom 2 is not an = atom" in certify(smuggled)[1]
    as_equality = with_proof(cert, 3, refute([P(1, 1)], [(1, 0)]))     # the strict atom 3 - w1 > 0
    assert "atom 0 is not an = atom" in certify(as_equality)[1]
    cut = with_proof(cert, 3, Cut(w1 - 3, refute([P(1, 2)]), refute([P(1, 1)], [(1, 2)]), refute([P(1, 2)])))
    assert not certify(cut)[0]


def test_forged_t_positive_and_minus_t_nonnegative_together_is_rejected():
    """t > 0 and -t >= 0 refute anything (t + (-t) ≡ 0 with t strict), so a certificate must not be
    able to assume them. The Positivstellensatz rule accepts that refutation where the checker
    itself built both atoms, and rejects it on every branch of a real claim."""
    own = Branch((clear(t, ">", set()), clear(-t, ">=", set())))
    assert _refute(own, refute([P(1, 0), P(1, 1)])) is None
    cert = cert_for("distance_to_ray_lower_bound")     # branch 1: t > 0, -<W0,d> >= 0, ...
    forged = with_proof(cert, 1, refute([P(1, 0), P(1, 1)]))
    assert "not an identity" in certify(forged)[1]
    nonexistent = with_proof(cert, 1, refute([P(1, 0), P(1, 3)]))
    assert "atom 3 is not a > or >= atom" in certify(nonexistent)[1]


def test_a_certificate_cannot_prove_a_wrong_w_star():
    assert not certify(cert_for("standard_optimum"), claims(w_star=F(3, 0), standard_loss_at_w_star=Fraction(13, 3)))[0]


@pytest.mark.parametrize("name", ["standard_optimum", "bn_gradient_at_w_star", "w_star_not_bn_optimal",
                                  "lemma_fails_at_w_star", "failure_region_necessary",
                                  "failure_region_sufficient"])
def test_wrong_w_star_fails_every_certificate_that_uses_it(name):
    assert not certify(cert_for(name), claims(w_star=F(2, "1/10")))[0]


@pytest.mark.parametrize("name", ["bn_ray_is_global_minimum", "bn_stationary_points_on_line",
                                  "bn_opposite_ray_not_minimum", "w_star_not_bn_optimal",
                                  "distance_to_ray_lower_bound", "distance_to_ray_attained",
                                  "negated_lemma", "lemma_fails_at_w_star", "failure_region_necessary",
                                  "failure_region_sufficient"])
def test_wrong_bn_direction_fails_every_certificate_that_uses_it(name):
    assert not certify(cert_for(name), claims(bn_direction=F(5, 2)))[0]


def test_wrong_bn_direction_makes_the_report_column_false(canonical_claims):
    assert report_certificate("distance_to_ray_attained", claims(bn_direction=F(5, 2))) is False


@pytest.mark.parametrize("name, changes", [
    ("standard_optimum", {"standard_loss_at_w_star": Fraction(3, 1) + Fraction(1, 100)}),
    ("bn_gradient_at_w_star", {"grad_at_w_star": (Surd(F(0)[0], F(0)[0], Fraction(8, 9)),
                                                  Surd(F(0)[0], Fraction(-1), Fraction(8, 9)))}),
    ("w_star_not_bn_optimal", {"bn_loss_at_w_star": Surd(Fraction(16, 3), Fraction(-7, 2), Fraction(2))}),
    ("w_star_not_bn_optimal", {"min_bn_loss": Surd(Fraction(16, 3), Fraction(-2), Fraction(39, 9))}),
])
def test_wrong_claimed_value_fails_its_certificate(name, changes):
    assert not certify(cert_for(name), claims(**changes))[0]


def test_wrong_learning_set_fails_the_standard_optimum_and_the_gradient():
    for name in ("standard_optimum", "bn_gradient_at_w_star", "bn_stationary_points_on_line"):
        assert not certify(cert_for(name), claims(y=F(-3, 0, 3)))[0], name


# ---- the proof rules ----------------------------------------------------------------------------

def test_negative_weight_fails_even_when_the_identity_holds():
    """(w1 - 2)² written as 2(w1 - 2)² + (-1)(w1 - 2)²: still an identity, not a certificate."""
    cert = with_proof(cert_for("standard_optimum"), 4,
                      refute([P(1, 1), P(1, 0, 0), P(2, sq=(w1 - 2,)), P(-1, sq=(w1 - 2,))]))
    ok, detail = certify(cert)
    assert not ok and "not a positive rational" in detail


def test_a_square_is_not_a_strict_term():
    """-t² >= 0 refuted with t² as a square (which may be 0) instead of t > 0 twice."""
    cert = with_proof(cert_for("bn_ray_is_global_minimum"), 0, refute([P(1, 1), P(1, sq=(t,))]))
    ok, detail = certify(cert)
    assert not ok and "no strictly positive term" in detail


def test_a_multiplier_must_be_a_polynomial():
    cert = with_proof(cert_for("bn_loss_identity"), 2, refute([P(1, 2)], [(s / s**2 * s, 1), (1 / s, 1)]))
    ok, detail = certify(cert)
    assert not ok and "not a polynomial" in detail


def test_a_float_in_a_certificate_is_rejected():
    cert = with_proof(cert_for("bn_loss_identity"), 2, refute([P(1, 2)], [(sympy.Float(1.0), 1)]))
    ok, detail = certify(cert)
    assert not ok and "float" in detail
    floating = with_proof(cert_for("bn_loss_identity"), 0, Refutation((Product(0.5, (), (2,)),)))
    assert "not a positive rational" in certify(floating)[1]
    with pytest.raises(TypeError):
        P(1444 / 27)


def test_one_proof_per_branch():
    cert = cert_for("standard_optimum")
    short = dataclasses.replace(cert, proofs=cert.proofs[:-1])
    assert "6 branches" in certify(short)[1]


def test_a_rational_witness_term_must_have_its_denominator_case_refuted():
    """t = ε/δ is defined only where δ != 0: dropping the δ = 0 case is rejected."""
    cert = cert_for("distance_to_ray_attained")
    inst = cert.proofs[1]
    dropped = with_proof(cert, 1, Instantiate(inst.universal, inst.terms, inst.proofs[1:]))
    assert "opens 3 cases, 2 proofs given" in certify(dropped)[1]


def test_a_witness_term_must_make_the_claim_false():
    """W0 = (0, 1) in the negated lemma: (L4.5) holds there (<W0,W*> = 0), so its case stays open."""
    cert = cert_for("negated_lemma")
    inst = cert.proofs[0]
    moved = with_proof(cert, 0, Instantiate(0, (0, 1), inst.proofs))
    assert not certify(moved)[0]


def test_a_witness_term_cannot_capture_a_variable_the_claim_binds():
    """ε := t in "∀ ε > 0 ∃ t": the t the body introduces would be the term's t."""
    cert = cert_for("lemma_fails_at_w_star")
    inst = cert.proofs[1]
    captured = with_proof(cert, 1, Instantiate(0, (t,), inst.proofs))
    assert "not fresh" in certify(captured)[1]


def test_a_malformed_step_is_a_failure_not_a_crash():
    cert = with_proof(cert_for("bn_loss_identity"), 2, refute([P(1, 2)], [("not a polynomial (", 1)]))
    assert "malformed step" in certify(cert)[1]


def test_a_cut_must_refute_all_three_cases():
    cert = cert_for("failure_region_necessary")
    cut = cert.proofs[0]
    only_two = with_proof(cert, 0, Cut(cut.p, cut.positive, cut.zero, refute([P(1)])))
    assert not certify(only_two)[0]


def test_the_checker_states_a_satisfiable_negation_for_a_false_claim():
    """With d = (5, 2) the ray is not the minimum: w = (5, 3) (on the true ray) has a lower L̂ than
    t·d at t = 1. The checker's branch holds there (s, r the exact roots), so no certificate can
    be accepted for it."""
    opened = branches("bn_ray_is_global_minimum", claims(bn_direction=F(5, 2)))
    r = sympy.Symbol("r")
    point = {t: 1, w1: 5, w2: 3, s: sympy.sqrt(R(38, 9)), r: sympy.sqrt(R(38, 9))}
    assert holds_at(opened[1], point)
    assert not holds_at(branches("bn_ray_is_global_minimum", CANONICAL)[1], {**point, w1: 5, w2: 2})


def test_certificate_checker_uses_no_solver():
    import inspect

    import harness.certify
    source = inspect.getsource(harness.certify)
    assert "z3" not in source and "cvc5" not in source and "encoding" not in source.replace("proofs/encoding.py", "")
    assert "evaluator" not in source.replace("harness/evaluator.py", "")


def test_certificate_data_is_exact():
    def walk(proof):
        if isinstance(proof, Refutation):
            yield from (pr.coefficient for pr in proof.products)
            yield from (q for pr in proof.products for q in pr.squares)
            yield from (m for m, _ in proof.multiples)
        elif isinstance(proof, Cut):
            yield proof.p
            for sub in (proof.positive, proof.zero, proof.negative):
                yield from walk(sub)
        else:
            yield from proof.terms
            for sub in proof.proofs:
                yield from walk(sub)
    for cert in CERTIFICATES:
        for value in (v for proof in cert.proofs for v in walk(proof)):
            assert not sympy.sympify(value).has(sympy.Float), cert.obligation
    assert all(isinstance(pr.coefficient, R) for c in CERTIFICATES for pf in c.proofs
               if isinstance(pf, Refutation) for pr in pf.products)


def test_a_claim_that_divides_by_zero_is_rejected_not_crashed():
    ok, detail = certify(cert_for("distance_to_ray_lower_bound"), claims(bn_direction=F(0, 0)))
    assert not ok and "division by zero" in detail
