"""`check --prove` at scale (d > 3): literal formulas tied to matrices of the data, exact matrix
facts, the BN optima in Σ-orthogonal coordinates, the lemma in Gram coordinates; honest
reporting of what was only computed; every mutation flips an answer to the opposite one."""

import dataclasses
import random
from fractions import Fraction

import pytest

import proofs.lemma_gram as gram_module
from harness.check import check_learning_set
from harness.learning_set import LearningSet, canonical
from harness.solver import decide_all
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics
from proofs.at_scale import obligations_at_scale
from proofs.claims import Surd

# A d = 4 set with <W*, d> < 0 (the case: a dropped sign went unnoticed there).
NEGATIVE_X = ((-2, -1, -3, 2), (0, 0, -2, -3), (-3, -3, 0, 1), (-1, 3, 3, -3), (-2, 1, 1, -1),
              (-1, 3, -2, 3))
NEGATIVE_Y = (-3, -1, -2, -3, 3, 2)


def random_set(n, dim, seed=1):
    rng = random.Random(seed)
    X = tuple(tuple(Fraction(rng.randint(-9, 9)) for _ in range(dim)) for _ in range(n))
    return LearningSet(X, tuple(Fraction(rng.randint(-9, 9)) for _ in range(n)), f"random {n}x{dim}")


def claims_of(ls):
    return make_claims(ls, exact_statistics(ls))


@pytest.fixture(scope="module")
def claims_12x6():
    return claims_of(random_set(12, 6))


@pytest.fixture(scope="module")
def negative_claims():
    ls = LearningSet(tuple(tuple(map(Fraction, r)) for r in NEGATIVE_X),
                     tuple(map(Fraction, NEGATIVE_Y)), "negative <W*,d>")
    return claims_of(ls)


def answers(claims, names=None):
    """{name: (expected, result)} of the at-scale obligations (only `names`, if given)."""
    obs = [ob for ob in obligations_at_scale(claims) if names is None or ob.name in names]
    return {ob.name: (ob.expected, out.result) for ob, out in zip(obs, decide_all(obs, 10))}


def flipped(pair):
    expected, result = pair
    return result == {"sat": "unsat", "unsat": "sat"}[expected]


def test_every_obligation_is_proved_in_dimension_6(claims_12x6):
    for name, (expected, result) in answers(claims_12x6).items():
        assert result == expected, name


@pytest.fixture(scope="module")
def report_13():
    return check_learning_set(random_set(20, 13), prove=True, timeout_s=10)


def test_check_prove_in_dimension_13_proves_every_obligation(report_13):
    report = report_13
    rows = {r["name"]: r for r in report["route"]["obligations"]}
    assert report["verdict"] == "fails"
    assert set(rows) == {
        "standard_loss_quadratic_form", "standard_optimum_normal_equations",
        "bn_variance_quadratic_form", "bn_covariance_linear_form", "bn_loss_quadratic_form",
        "bn_direction_exact", "bn_ray_is_global_minimum",
        "bn_stationary_points_on_line", "bn_opposite_ray_not_minimum",
        "bn_gradient_at_w_star", "w_star_not_bn_optimal", "gram_normal_form",
        "distance_to_ray_lower_bound", "distance_to_ray_attained", "negated_lemma",
        "lemma_fails_at_w_star", "failure_region_necessary", "failure_region_sufficient"}
    assert all(r["status"] == "proved" for r in rows.values()), rows
    assert report["route"]["proved_with_z3"] is True


def test_small_dimension_uses_exactly_the_obligations_of_prove_data():
    obligations = obligations_at_scale(claims_of(random_set(6, 3)))
    assert "standard_optimum" in [ob.name for ob in obligations]


def test_timeout_is_reported_as_computed_not_proved(monkeypatch):
    import harness.solver
    from harness.solver import Outcome
    monkeypatch.setattr(harness.solver, "decide_all",
                        lambda obs, t, **_: [Outcome("timeout", t, reason="timeout") for _ in obs])
    report = check_learning_set(random_set(6, 2), prove=True, timeout_s=1)
    assert {r["status"] for r in report["route"]["obligations"]} == {"computed, not proved"}
    assert report["route"]["proved_with_z3"] is False


def test_an_obligation_with_the_opposite_answer_is_contradicted_and_exits_1(monkeypatch, tmp_path, capsys):
    import harness.solver
    from harness.cli import main
    from harness.solver import Outcome
    flip = {"sat": "unsat", "unsat": "sat"}
    monkeypatch.setattr(harness.solver, "decide_all",
                        lambda obs, t, **_: [Outcome(flip[ob.expected], 0.0) for ob in obs])
    path = tmp_path / "c.json"
    path.write_text('{"X": [[0, 0], [0, 1], [1, 0]], "y": [-3, 0, 2]}')
    assert main(["check", str(path), "--prove"]) == 1
    assert "CONTRADICTED" in capsys.readouterr().out


# mutations of the claims: each flips its obligation to the opposite definite answer

def test_wrong_optimum_makes_the_normal_equations_fail(claims_12x6):
    w = claims_12x6.w_star
    wrong = dataclasses.replace(claims_12x6, w_star=(w[0] + Fraction(1, 10**6), *w[1:]))
    assert flipped(answers(wrong, {"standard_optimum_normal_equations"})["standard_optimum_normal_equations"])


def test_wrong_bn_direction_makes_the_exact_direction_fact_fail(claims_12x6):
    d = claims_12x6.bn_direction
    wrong = dataclasses.replace(claims_12x6, bn_direction=(d[0] + Fraction(1, 1000), *d[1:]))
    assert flipped(answers(wrong, {"bn_direction_exact"})["bn_direction_exact"])


def test_wrong_gradient_component_makes_the_gradient_obligation_fail(claims_12x6):
    g = claims_12x6.grad_at_w_star
    wrong = dataclasses.replace(claims_12x6, grad_at_w_star=(Surd(g[0].a, g[0].b * 2 + 1, g[0].q), *g[1:]))
    assert flipped(answers(wrong, {"bn_gradient_at_w_star"})["bn_gradient_at_w_star"])


def test_wrong_loss_at_w_star_makes_w_star_not_bn_optimal_fail(claims_12x6):
    ell = claims_12x6.bn_loss_at_w_star
    wrong = dataclasses.replace(claims_12x6, bn_loss_at_w_star=Surd(ell.a + 1, ell.b, ell.q))
    assert flipped(answers(wrong, {"w_star_not_bn_optimal"})["w_star_not_bn_optimal"])


def test_a_wrong_matrix_makes_the_quadratic_form_identities_fail(claims_12x6, monkeypatch):
    import proofs.matrix_identities as mi
    real = mi.data_matrices

    def off_by_one(claims):
        m = real(claims)
        A, S = m.A * 1, m.S * 1
        A[0, 1] += 1
        S[1, 1] += 1
        s = m.s * 1
        s[0, 0] += 1
        return dataclasses.replace(m, A=A, S=S, s=s)
    import proofs.at_scale as at_scale
    monkeypatch.setattr(at_scale, "data_matrices", off_by_one)
    names = {"standard_loss_quadratic_form", "bn_variance_quadratic_form",
             "bn_covariance_linear_form", "bn_loss_quadratic_form"}
    got = answers(claims_12x6, names)
    assert set(got) == names and all(flipped(pair) for pair in got.values()), got


def test_dropping_r_nonnegative_makes_the_ray_claim_fail(claims_12x6):
    """Without R >= 0 (Σ positive definite) the ray would not be the minimum: sat."""
    ob = next(o for o in obligations_at_scale(claims_12x6) if o.name == "bn_ray_is_global_minimum")
    dropped = dataclasses.replace(ob, query=tuple(c for c in ob.query if str(c) != "R >= 0"),
                                  premises=tuple(c for c in ob.premises if str(c) != "R >= 0"))
    assert len(dropped.query) == len(ob.query) - 1
    assert decide_all([dropped], 10)[0].result == "sat"


# issue 7 item 4: the Gram normal form is tied to the data

def test_negative_inner_product_set_is_fully_proved(negative_claims):
    assert sum(a * b for a, b in zip(negative_claims.w_star, negative_claims.bn_direction)) < 0
    for name, (expected, result) in answers(negative_claims).items():
        assert result == expected, name


def test_dropping_the_sign_of_d_w_star_flips_the_normal_form(negative_claims, monkeypatch):
    monkeypatch.setattr(gram_module, "sign", lambda x: 1)
    got = answers(negative_claims, {"gram_normal_form"})["gram_normal_form"]
    assert got == ("sat", "unsat")


def test_pinning_k_to_one_flips_the_normal_form(negative_claims, monkeypatch):
    monkeypatch.setattr(gram_module, "k_constraints", lambda k: [k == 1])
    got = answers(negative_claims, {"gram_normal_form"})["gram_normal_form"]
    assert got == ("sat", "unsat")


def test_dropping_admissibility_makes_the_failure_region_fail(claims_12x6):
    ob = next(o for o in obligations_at_scale(claims_12x6) if o.name == "failure_region_necessary")
    keep = lambda cs: tuple(c for c in cs if str(c) != "b > 0")
    dropped = dataclasses.replace(ob, query=keep(ob.query), premises=keep(ob.premises))
    assert len(dropped.query) == len(ob.query) - 1
    assert decide_all([dropped], 10)[0].result == "sat"


def test_centered_inputs_make_every_at_scale_obligation_hold():
    """Centered inputs: W* = d (the lemma holds), k = 0; negated_lemma is unsat."""
    ls = random_set(12, 6, seed=5)
    mean = [sum(col) / ls.n for col in zip(*ls.X)]
    ls = LearningSet(tuple(tuple(v - m for v, m in zip(r, mean)) for r in ls.X), ls.y, "centered")
    claims = claims_of(ls)
    assert not claims.lemma_fails
    got = answers(claims)
    assert got["negated_lemma"] == ("unsat", "unsat")
    for name, (expected, result) in got.items():
        assert result == expected, name


# the independent cross-checks of check --prove

def test_check_prove_cross_checks_the_gradient_by_automatic_differentiation(report_13):
    row = next(r for r in report_13["route"]["obligations"] if r["name"] == "bn_gradient_at_w_star")
    assert row["cross_check"] is True and "automatic differentiation" in row["cross_check_detail"]


def test_a_gradient_claim_differing_from_automatic_differentiation_fails_its_cross_check(claims_12x6):
    from harness.check_cross_checks import gradient_check
    g = claims_12x6.grad_at_w_star
    wrong = dataclasses.replace(claims_12x6, grad_at_w_star=(Surd(g[0].a, g[0].b + 1, g[0].q), *g[1:]))
    assert gradient_check(claims_12x6)[0] is True
    assert gradient_check(wrong)[0] is False


def test_a_failed_cross_check_makes_check_prove_contradicted(monkeypatch):
    import harness.check_cross_checks as cc
    import harness.solver
    from harness.solver import Outcome
    monkeypatch.setattr(harness.solver, "decide_all",     # Z3 agrees everywhere (not run)
                        lambda obs, t, **_: [Outcome(ob.expected, 0.0) for ob in obs])
    monkeypatch.setattr(cc, "SYMPY_MAX_ENTRIES", 0)
    monkeypatch.setattr(cc, "gradient_check", lambda claims: (False, "forced disagreement"))
    report = check_learning_set(random_set(8, 4, seed=3), prove=True, timeout_s=10)
    row = next(r for r in report["route"]["obligations"] if r["name"] == "bn_gradient_at_w_star")
    assert row["result"] == "unsat" and row["status"] == "CONTRADICTED"


def test_small_sets_run_the_sympy_cross_checks_and_they_pass(monkeypatch):
    """About 0.1 s each on a quiet machine; the 1 s production limit is raised here so that a
    loaded CI machine cannot turn this into a flake (the limit itself is tested elsewhere)."""
    import harness.check_cross_checks
    monkeypatch.setattr(harness.check_cross_checks, "CROSS_CHECK_LIMIT", 30.0)
    report = check_learning_set(random_set(8, 4, seed=3), prove=True, timeout_s=10)
    checked = [r for r in report["route"]["obligations"] if r["cross_check"] is not None]
    assert len(checked) >= 8 and all(r["cross_check"] for r in checked)
def test_a_sympy_cross_check_over_its_limit_is_not_run_and_proves_nothing_false(monkeypatch):
    """A cross-check that overruns CROSS_CHECK_LIMIT is killed: no verdict (None, "over its
    limit"), and the row is not CONTRADICTED by it; the others run (on the canonical set each
    takes at most 0.1 s, far from the limit even on a loaded machine)."""
    import time
    import harness.check_cross_checks
    original, calls = harness.check_cross_checks._sympy_task, []

    def first_one_hangs(*args):                   # the first cross-check hangs, the rest run
        calls.append(args)
        return (lambda: time.sleep(30)) if len(calls) == 1 else original(*args)
    monkeypatch.setattr(harness.check_cross_checks, "CROSS_CHECK_LIMIT", 2.0)
    monkeypatch.setattr(harness.check_cross_checks, "_sympy_task", first_one_hangs)
    report = check_learning_set(canonical(), prove=True, timeout_s=10)
    rows = report["route"]["obligations"]
    [slow] = [r for r in rows if "over its 2.0 s limit" in r.get("cross_check_detail", "")]
    assert slow["name"] == calls[0][0]
    assert slow["cross_check"] is None and slow["status"] != "CONTRADICTED"
    assert len(rows) == 13 and all(r["cross_check"] is True for r in rows if r is not slow)


