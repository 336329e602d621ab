"""`check --prove` at scale: the standard optimum by an exact LDLᵀ certificate
(proofs/standard_optimum_ldl.py), and honest reporting of what was only computed."""

import dataclasses
import random
from fractions import Fraction

import pytest

import proofs.bn_optima_diagonal as diagonal_module
import proofs.standard_optimum_ldl as ldl_module
from harness.check import check_learning_set
from harness.learning_set import LearningSet
from harness.solver import decide
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics
from proofs.at_scale import obligations_at_scale
from proofs.bn_gradient_at_w_star import bn_gradient_at_w_star
from proofs.bn_optima_diagonal import bn_optima_diagonal
from proofs.claims import Surd
from proofs.failure_region_plane import failure_region_plane
from proofs.standard_optimum_ldl import standard_optimum_ldl


def random_set(n, dim, seed=1):
    rng = random.Random(seed)
    X = tuple(tuple(Fraction(rng.randint(-9, 9)) for _ in range(dim)) for _ in range(n))
    return LearningSet(X, tuple(Fraction(rng.randint(-9, 9)) for _ in range(n)), f"random {n}x{dim}")


@pytest.fixture(scope="module")
def claims_12x6():
    ls = random_set(12, 6)
    return make_claims(ls, exact_statistics(ls))


def by_name(obligations, name):
    return next(ob for ob in obligations if ob.name == name)


def test_standard_optimum_is_proved_by_the_ldl_certificate_in_dimension_6(claims_12x6):
    for ob in standard_optimum_ldl(claims_12x6):
        assert decide(ob, timeout_s=10).result == ob.expected, ob.name


def test_wrong_optimum_makes_the_ldl_identity_fail(claims_12x6):
    wrong = dataclasses.replace(claims_12x6, w_star=(claims_12x6.w_star[0] + Fraction(1, 10**6),
                                                     *claims_12x6.w_star[1:]))
    ob = by_name(standard_optimum_ldl(wrong), "standard_optimum_ldl_identity")
    assert decide(ob, timeout_s=10).result == "sat"


def test_a_nonpositive_pivot_makes_the_positivity_obligation_fail(claims_12x6, monkeypatch):
    real = ldl_module.ldl

    def negative_pivot(rows):
        L, D = real(rows)
        return L, [-D[0], *D[1:]]
    monkeypatch.setattr(ldl_module, "ldl", negative_pivot)
    ob = by_name(standard_optimum_ldl(claims_12x6), "standard_optimum_ldl_positive")
    assert decide(ob, timeout_s=10).result == "sat"


def test_a_singular_factor_makes_the_triangular_obligation_fail(claims_12x6, monkeypatch):
    real = ldl_module.ldl

    def singular(rows):
        L, D = real(rows)
        L = [row[:] for row in L]
        L[-1][-1] = Fraction(0)            # ℓ_last no longer depends on w_last
        return L, D
    monkeypatch.setattr(ldl_module, "ldl", singular)
    ob = by_name(standard_optimum_ldl(claims_12x6), "standard_optimum_ldl_triangular")
    assert decide(ob, timeout_s=10).result == "sat"


def test_check_prove_in_dimension_13_proves_every_obligation():
    report = check_learning_set(random_set(20, 13), prove=True, timeout_s=10)
    rows = {r["name"]: r for r in report["route"]["obligations"]}
    assert report["verdict"] == "fails"
    for name in ["standard_optimum_ldl_identity", "standard_optimum_ldl_positive",
                 "standard_optimum_ldl_triangular", "bn_diagonal_coordinates", "bn_diagonal_invertible",
                 "bn_ray_is_global_minimum", "bn_stationary_points_on_line",
                 "bn_opposite_ray_not_minimum", "bn_loss_identity", "bn_gradient_at_w_star",
                 "w_star_not_bn_optimal", "negated_lemma", "lemma_fails_at_w_star",
                 "failure_region_plane_identity", "failure_region_necessary",
                 "failure_region_sufficient"]:
        assert rows[name]["status"] == "proved", name
    assert report["route"]["proved_with_z3"] is True


def test_small_dimension_uses_exactly_the_obligations_of_prove_data():
    ls = random_set(6, 3)
    obligations = obligations_at_scale(make_claims(ls, exact_statistics(ls)))
    assert "standard_optimum" in [ob.name for ob in obligations]


def test_timeout_is_reported_as_computed_not_proved(monkeypatch):
    import harness.solver
    from harness.solver import Outcome
    monkeypatch.setattr(harness.solver, "decide_all",
                        lambda obs, t: [Outcome("timeout", t, reason="timeout") for _ in obs])
    report = check_learning_set(random_set(6, 2), prove=True, timeout_s=1)
    assert {r["status"] for r in report["route"]["obligations"]} == {"computed, not proved"}
    assert report["route"]["proved_with_z3"] is False


def test_an_obligation_with_the_opposite_answer_is_contradicted_and_exits_1(monkeypatch, tmp_path, capsys):
    import harness.solver
    from harness.cli import main
    from harness.solver import Outcome
    flip = {"sat": "unsat", "unsat": "sat"}
    monkeypatch.setattr(harness.solver, "decide_all",
                        lambda obs, t: [Outcome(flip[ob.expected], 0.0) for ob in obs])
    path = tmp_path / "c.json"
    path.write_text('{"X": [[0, 0], [0, 1], [1, 0]], "y": [-3, 0, 2]}')
    assert main(["check", str(path), "--prove"]) == 1
    assert "CONTRADICTED" in capsys.readouterr().out


def test_bn_optima_are_proved_in_diagonal_coordinates_in_dimension_6(claims_12x6):
    for ob in bn_optima_diagonal(claims_12x6):
        assert decide(ob, timeout_s=10).result == ob.expected, ob.name


def test_wrong_bn_direction_makes_the_diagonal_coordinates_fail(claims_12x6):
    d = claims_12x6.bn_direction
    wrong = dataclasses.replace(claims_12x6, bn_direction=(d[0] + Fraction(1, 1000), *d[1:]))
    ob = by_name(bn_optima_diagonal(wrong), "bn_diagonal_coordinates")
    assert decide(ob, timeout_s=10).result == "sat"


def test_a_nonpositive_pivot_of_sigma_makes_the_diagonal_coordinates_fail(claims_12x6, monkeypatch):
    real = diagonal_module.ldl

    def negative_pivot(rows):
        L, D = real(rows)
        return L, [*D[:-1], -D[-1]]
    monkeypatch.setattr(diagonal_module, "ldl", negative_pivot)
    ob = by_name(bn_optima_diagonal(claims_12x6), "bn_diagonal_coordinates")
    assert decide(ob, timeout_s=10).result == "sat"


def test_dropping_the_sign_of_r_makes_the_diagonal_ray_claim_fail(claims_12x6):
    """Without R >= 0 (Σ_{k>=2} D_k z_k² >= 0) the ray would not be the minimum: sat."""
    ob = by_name(bn_optima_diagonal(claims_12x6), "bn_ray_is_global_minimum")
    dropped = dataclasses.replace(ob, query=tuple(c for c in ob.query if str(c) != "R >= 0"))
    assert len(dropped.query) == len(ob.query) - 1
    assert decide(dropped, timeout_s=10).result == "sat"


def test_failure_region_is_proved_in_the_plane_of_w_star_and_d(claims_12x6):
    for ob in failure_region_plane(claims_12x6):
        assert decide(ob, timeout_s=10).result == ob.expected, ob.name


def test_dropping_admissibility_makes_the_plane_failure_region_fail(claims_12x6):
    ob = by_name(failure_region_plane(claims_12x6), "failure_region_necessary")
    admissible = "x1*1 + x2*0 + x3*0 > 0"
    dropped = dataclasses.replace(ob, query=tuple(c for c in ob.query if str(c) != admissible))
    assert len(dropped.query) == len(ob.query) - 1
    assert decide(dropped, timeout_s=10).result == "sat"


def test_a_wrong_norm_of_e_makes_the_plane_identity_fail(claims_12x6, monkeypatch):
    import proofs.failure_region_plane as plane
    real, factors = plane._dot, iter([1, 1, 2])      # ww, <d,W*> right; ||e||² doubled
    monkeypatch.setattr(plane, "_dot", lambda u, v: real(u, v) * next(factors))
    ob = by_name(failure_region_plane(claims_12x6), "failure_region_plane_identity")
    assert decide(ob, timeout_s=10).result == "sat"


def test_failure_region_in_the_plane_also_covers_w_star_parallel_to_d():
    """Centered inputs: W* = d (the lemma holds), e = 0; the region is empty and Z3 proves it."""
    ls = random_set(12, 6, seed=5)
    mean = [sum(col) / ls.n for col in zip(*ls.X)]
    ls = LearningSet(tuple(tuple(v - m for v, m in zip(r, mean)) for r in ls.X), ls.y, "centered")
    claims = make_claims(ls, exact_statistics(ls))
    assert not claims.lemma_fails
    for ob in failure_region_plane(claims):
        assert decide(ob, timeout_s=10).result == ob.expected, ob.name


def test_gradient_at_w_star_is_proved_in_dimension_6(claims_12x6):
    ob = bn_gradient_at_w_star(claims_12x6)
    assert decide(ob, timeout_s=10).result == "unsat"


def test_wrong_gradient_component_makes_the_gradient_obligation_fail(claims_12x6):
    g = claims_12x6.grad_at_w_star
    wrong = dataclasses.replace(claims_12x6, grad_at_w_star=(Surd(g[0].a, g[0].b * 2 + 1, g[0].q), *g[1:]))
    assert decide(bn_gradient_at_w_star(wrong), timeout_s=10).result == "sat"
