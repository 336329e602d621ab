"""Kills of the surviving mutants of the d >= 4 route of `check --prove` (docs/mutation-testing.md,
"Third run"): proofs/at_w_star_matrix.py, proofs/bn_optima_sigma.py, proofs/matrix_identities.py,
proofs/standard_optimum_matrix.py. Each test states a claim of one obligation and changes a
claimed value or the learning set so that the answer must flip to the opposite definite answer,
or checks a matrix helper against hand-computed values."""

import dataclasses
import random
from fractions import Fraction

import pytest
from flint import fmpq, fmpq_mat

from harness.learning_set import LearningSet
from harness.solver import decide_all
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics
from proofs.at_w_star_matrix import at_w_star_matrix
from proofs.bn_optima_sigma import bn_optima_sigma
from proofs.claims import Surd
from proofs.encoding import Network, reals
from proofs.matrix_identities import data_matrices, exact_fact, integer_matrix, positive_definite
from proofs.obligation import Obligation
from proofs.standard_optimum_matrix import standard_optimum_matrix


def random_set(n, dim, seed=1):
    rng = random.Random(seed)
    X = tuple(tuple(Fraction(rng.randint(-9, 9)) for _ in range(dim)) for _ in range(n))
    return LearningSet(X, tuple(Fraction(rng.randint(-9, 9)) for _ in range(n)), f"random {n}x{dim}")


@pytest.fixture(scope="module")
def claims():
    ls = random_set(12, 6)
    return make_claims(ls, exact_statistics(ls))


def inner(u, v):
    return sum((a * b for a, b in zip(u, v)), Fraction(0))


def sigma_quantities(claims):
    """(1 + mean(y²), σ²(W*), <c,W*>, c), computed here from the centred data (harness-free)."""
    n = len(claims.y)
    mean_x = [sum(col, Fraction(0)) / n for col in zip(*claims.X)]
    mean_y = sum(claims.y, Fraction(0)) / n
    xc = [[v - m for v, m in zip(row, mean_x)] for row in claims.X]
    c = [sum((row[k] * (yi - mean_y) for row, yi in zip(xc, claims.y)), Fraction(0)) / n
         for k in range(len(mean_x))]
    u = [inner(row, claims.w_star) for row in xc]
    q = sum((v * v for v in u), Fraction(0)) / n
    base = 1 + sum((v * v for v in claims.y), Fraction(0)) / n
    return base, q, inner(c, claims.w_star), c


def not_optimal_answer(claims):
    [ob] = [o for o in at_w_star_matrix(claims, data_matrices(claims)) if o.name == "w_star_not_bn_optimal"]
    return decide_all([ob], 20)[0].result


# at_w_star_matrix: w_star_not_bn_optimal, "W* is not on the BN ray and L̂(W*) = ℓ* > ℓ_min = L̂(d)"

def test_the_true_claims_prove_w_star_is_not_bn_optimal(claims):
    assert claims.lemma_fails and not_optimal_answer(claims) == "unsat"


def test_a_claimed_minimum_below_the_loss_at_the_claimed_direction_is_not_proved(claims):
    """ℓ_min one below L̂(d) (still below ℓ*): the claim "ℓ_min = L̂(d)" is false, sat.
    Kills `_not_optimal` 76 (the disjunct L̂(d) != ℓ_min dropped)."""
    ell = claims.min_bn_loss
    wrong = dataclasses.replace(claims, min_bn_loss=Surd(ell.a - 1, ell.b, ell.q))
    assert not_optimal_answer(wrong) == "sat"


def test_a_claimed_direction_whose_loss_equals_the_loss_at_w_star_is_not_proved_better(claims):
    """A claimed d off the line through W* with <c,d> = <c,W*>²/σ²(W*): the formula's
    L̂(d) = 1 + mean(y²) - 2·sqrt(<c,d>) equals ℓ* (<c,W*> > 0), so "ℓ* > ℓ_min" is false, sat.
    Kills `_not_optimal` 77 (ℓ* <= ℓ_min dropped) and 94 (`<=` -> `<`)."""
    _, q, cw, c = sigma_quantities(claims)
    assert cw > 0
    target = cw * cw / q
    d = [Fraction(0)] * len(c)
    d[0] = target / c[0]                          # <c,d> = target; d is not parallel to W*
    assert any(v != 0 for v in claims.w_star[1:])
    wrong = dataclasses.replace(claims, bn_direction=tuple(d), min_bn_loss=claims.bn_loss_at_w_star)
    assert not_optimal_answer(wrong) == "sat"


def test_w_star_on_the_claimed_ray_is_never_proved_off_it(claims):
    """A claimed d = λ·W* (λ >= 1, so W* = t·d with 0 < t <= 1) and ℓ_min the value the query's
    formula gives at d, below ℓ*: W* IS on the claimed ray, so the obligation must be sat.
    Kills `_not_optimal` 74 (the on-ray disjunct dropped) and 41 (`t > 0` -> `t > 1`)."""
    base, q, cw, _ = sigma_quantities(claims)
    lam = max(Fraction(2), 2 * cw / q)            # λ > <c,W*>/σ²(W*): ℓ_min < ℓ*
    d = tuple(lam * v for v in claims.w_star)
    wrong = dataclasses.replace(claims, bn_direction=d, min_bn_loss=Surd(base, Fraction(-2), lam * cw))
    assert not_optimal_answer(wrong) == "sat"


def test_a_claimed_direction_without_positive_variance_gives_a_vacuous_not_a_proof(claims):
    """d := -d has <c,d> < 0: σ(d) = sqrt(<c,d>) has no value, the definitions are unsat, so the
    obligation is vacuous. Kills `_not_optimal` 62 (definitions= dropped: then `unsat`, proved)."""
    wrong = dataclasses.replace(claims, bn_direction=tuple(-v for v in claims.bn_direction))
    assert not_optimal_answer(wrong) == "vacuous"


# matrix_identities: the exact facts behind the normal equations and bn_direction_exact

def matrix(rows):
    return fmpq_mat(len(rows), len(rows[0]), [fmpq(Fraction(v).numerator, Fraction(v).denominator)
                                              for row in rows for v in row])


@pytest.mark.parametrize("rows, definite", [
    ([[2, 1], [1, 2]], True),
    ([["1/2", "1/3"], ["1/3", "1/2"]], True),                # rational entries, λ = 6
    ([[1, 2], [2, 1]], False),                              # indefinite: only the last minor < 0
    ([[-1, 0], [0, -1]], False),                            # negative definite: the first minor < 0
    ([[1, 1], [1, 1]], False),                              # positive semidefinite, singular
    ([[1, 2, 0], [2, 1, 0], [0, 0, -1]], False),            # minors 1, -3, 3: only the middle one < 0
    ([["1/2", 0], [0, "-1/3"]], False),
    ([[1, 2], [0, 1]], False),                              # not symmetric
    ([[5]], True),
    ([[1, 0], [0, 1]], True),                               # every minor is exactly 1
])
def test_positive_definite_is_sylvesters_criterion_on_hand_matrices(rows, definite):
    assert positive_definite(matrix(rows)) is definite


def test_integer_matrix_is_the_least_positive_integer_multiple():
    for rows, expected in [([["1/2", "1/3"], ["-5/6", 2]], [[3, 2], [-5, 12]]),
                           ([["1/3", 1], [1, 3]], [[1, 3], [3, 9]])]:
        M = integer_matrix(matrix(rows))
        assert [[int(M[i, j]) for j in range(2)] for i in range(2)] == expected


@pytest.mark.parametrize("holds, answer", [(True, "unsat"), (False, "sat")])
def test_an_exact_fact_is_proved_exactly_when_it_holds(holds, answer):
    ob = Obligation(name="fact", statement="a fact", expected="unsat", query=exact_fact(holds))
    assert decide_all([ob], 10)[0].result == answer


# bn_optima_sigma: the exact direction fact and the premises of the relaxed queries

def sigma_obligation(claims, name):
    net = Network(claims.X, claims.y)
    obs = bn_optima_sigma(claims, net, reals("w", len(claims.w_star)), data_matrices(claims))
    return next(o for o in obs if o.name == name)


def test_bn_direction_exact_is_proved_on_a_set_whose_d1_is_below_one():
    """Targets divided by 1000: D_1 = <c,d> = cᵀΣ⁻¹c < 1 (it scales by 10⁻⁶), and Σd = c, Σ
    positive definite, D_1 > 0 all still hold: unsat. Kills bn_optima_sigma 155 (`D_1 > 1`)."""
    ls = random_set(12, 6)
    small = LearningSet(ls.X, tuple(v / 1000 for v in ls.y), "small targets")
    claims = make_claims(small, exact_statistics(small))
    assert 0 < inner(sigma_quantities(claims)[3], claims.bn_direction) < 1
    assert decide_all([sigma_obligation(claims, "bn_direction_exact")], 10)[0].result == "unsat"


@pytest.mark.parametrize("name", ["bn_ray_is_global_minimum", "bn_opposite_ray_not_minimum"])
def test_a_claimed_direction_orthogonal_to_c_makes_the_ray_claims_vacuous_not_proved(claims, name):
    """A claimed d != 0 with <c,d> = 0 (D_1 = 0): C = D_1·z_1 = 0, so the premise C > 0 (resp.
    -C > 0) has no model and the relaxed query is vacuous. Kills bn_optima_sigma 165 (and the
    same drop of `premises=` in the opposite-ray query): without premises it reads `unsat`."""
    c = sigma_quantities(claims)[3]
    d = tuple([c[1], -c[0]] + [Fraction(0)] * (len(c) - 2))
    assert inner(c, d) == 0 and any(d)
    wrong = dataclasses.replace(claims, bn_direction=d)
    assert decide_all([sigma_obligation(wrong, name)], 10)[0].result == "vacuous"


def test_the_standard_loss_is_its_quadratic_form_on_a_set_whose_gram_matrix_has_entries_one():
    """n·L(w) = wᵀAw - 2bᵀw + yᵀy for every w, on a d = 4 set with A = XᵀX = [[3,3,1,1],
    [3,6,1,1],[1,1,2,1],[1,1,1,2]]: unsat. Kills matrix_identities `quadratic_form` 25 (entries
    equal to 1 dropped instead of entries equal to 0)."""
    X = ((1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1), (1, 1, 1, 1), (1, 2, 0, 0))
    ls = LearningSet(tuple(tuple(map(Fraction, r)) for r in X), tuple(map(Fraction, (1, -2, 3, 0, 2, 1))), "ones")
    claims = make_claims(ls, exact_statistics(ls))
    m = data_matrices(claims)
    assert m.A[0, 2] == 1 and m.A[2, 3] == 1
    obs = standard_optimum_matrix(claims, Network(claims.X, claims.y), reals("w", 4), m)
    assert [o.result for o in decide_all(obs, 10)] == ["unsat", "unsat"]
