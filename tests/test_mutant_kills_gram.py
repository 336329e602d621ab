"""Claims of the d >= 4 route (proofs/lemma_gram.py) that the mutation run found untested
(docs/mutation-testing.md, "Third run"): the normal form where <d,W*> = 0 or W* is a short
vector on the ray; the relaxation "every W0 in R^d has realisable Gram coordinates" at the W0
where a principal minor of the Gram matrix vanishes (W0 = 0, W0 ∥ W*, W0 ∥ d) or is small;
the reported counterexamples against the SymPy evaluator; the premises and definitions of every
universal Gram claim in the vacuity check."""

import dataclasses
from fractions import Fraction

import pytest
import sympy
import z3
from sympy import Matrix

import proofs.lemma_gram as gram_module
from harness.evaluator import lemma_sides
from harness.learning_set import LearningSet
from harness.solver import decide_all
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics
from proofs.encoding import const, positive_root
from proofs.lemma_gram import lemma_gram, normal_form
from proofs.obligation import Obligation

# <d, W*> = 0: y = X·W* + s·r with r ⟂ the columns of X and s chosen so that
# d = W* - mean(r)·Σ⁻¹x̄ is orthogonal to W* = (1, 0, 1, 0); d = (0, -1, 0, -1).
ORTHOGONAL = (((1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1), (1, 1, 0, 0), (0, 0, 1, 1)),
              (2, 1, 1, 0, 0, 1))
# centered rows: W* = d (k = 0, σ = +1), here with ||W*||² = <d,W*> = 19/25 < 1.
SHORT_ON_RAY = (((1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1), (-1, -1, -1, -1)),
                (1, 0, 0, 0, 0))
# <d, W*> < 0, W* not parallel to d (k > 0, σ = -1): the set of tests/test_check_prove.py.
NEGATIVE = (((-2, -1, -3, 2), (0, 0, -2, -3), (-3, -3, 0, 1), (-1, 3, 3, -3), (-2, 1, 1, -1),
             (-1, 3, -2, 3)), (-3, -1, -2, -3, 3, 2))
# <d, W*> > 0, W* not parallel to d (k > 0, σ = +1).
POSITIVE = (((1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1), (1, 1, 1, 0), (0, 2, 1, 1)),
            (1, 2, 0, 3, 1, 2))

SETS = {"<d,W*> = 0": ORTHOGONAL, "W* = d short": SHORT_ON_RAY, "<d,W*> < 0": NEGATIVE,
        "<d,W*> > 0": POSITIVE}


# the claims of the d >= 4 route: the normal form, the distance to the ray, (L4.5) over every
# admissible W0 and at W0 = W* (sat where it fails, unsat where it holds), and where it fails
# the failure region
ROUTE = ["gram_normal_form", "distance_to_ray_lower_bound", "distance_to_ray_attained",
         "negated_lemma", "lemma_fails_at_w_star"]
FAILURE_REGION = ["failure_region_necessary", "failure_region_sufficient"]


def claims_of(name):
    rows, y = SETS[name]
    ls = LearningSet(tuple(tuple(map(Fraction, r)) for r in rows), tuple(map(Fraction, y)), name)
    return make_claims(ls, exact_statistics(ls))


def inner(u, v):
    return sum((x * y for x, y in zip(u, v)), Fraction(0))


@pytest.mark.parametrize("name", ["<d,W*> = 0", "W* = d short"])
def test_every_d_ge_4_obligation_has_its_expected_answer_where_d_is_orthogonal_or_w_star_short(name):
    """<d,W*> = 0 (σ = 0: W* and d scaled to unit vectors) and W* = d with <d,W*> < 1 are
    valid learning sets: the normal form must be tied to them (sat) and every Gram obligation
    must get its expected answer."""
    claims = claims_of(name)
    dw = inner(claims.w_star, claims.bn_direction)
    assert (dw == 0) if name == "<d,W*> = 0" else (claims.w_star == claims.bn_direction and 0 < dw < 1)
    obligations = lemma_gram(claims)
    got = {o.name: (o.expected, out.result) for o, out in zip(obligations, decide_all(obligations, 20))}
    assert got["gram_normal_form"] == ("sat", "sat")
    assert list(got) == [*ROUTE, *(FAILURE_REGION if claims.lemma_fails else ())]
    for ob_name, (expected, result) in got.items():
        assert result == expected, ob_name


@pytest.mark.parametrize("name", ["<d,W*> = 0", "W* = d short"])
def test_a_universal_gram_claim_over_no_realisable_w0_is_vacuous_not_proved(name, monkeypatch):
    """Every universal claim of the route ranges over realisable Gram coordinates: were those
    contradictory (here: N >= 0 and N < 0), each such obligation must be `vacuous`, never a
    proof, so each must hand its premises to the vacuity check."""
    claims = claims_of(name)
    monkeypatch.setattr(gram_module.Gram, "realisable", lambda self, a, b, N: (N >= 0, N < 0))
    universal = [o for o in lemma_gram(claims)                 # at W0 = W*: closed, no W0
                 if o.expected == "unsat" and o.name != "lemma_fails_at_w_star"]
    assert len(universal) == (4 if claims.lemma_fails else 3)
    assert [out.result for out in decide_all(universal, 20)] == ["vacuous"] * len(universal)


def sample_points(w, d, scale):
    """v = 0, v ∥ W*, v ∥ d (a principal minor of the Gram matrix of (W0, W*, d) is 0), v in the
    plane of W* and d (its determinant is 0), the unit vectors; each also scaled down so that
    `scale`·||v||² < 1."""
    dim = len(w)
    units = [tuple(Fraction(int(i == k)) for i in range(dim)) for k in range(dim)]
    plane = [w, d, tuple(-x for x in d), tuple(x + y for x, y in zip(w, d)),
             tuple(x - 2 * y for x, y in zip(w, d))]
    points = [tuple(Fraction(0) for _ in range(dim))]
    for v in plane + units:
        points += [v, tuple(x / (1 + scale * inner(v, v)) for x in v)]
    return points


@pytest.mark.parametrize("name", list(SETS))
def test_every_w0_has_realisable_coordinates_in_the_normal_form_of_the_data(name):
    """The docstring's relaxation: W* scaled to W*' = W*/sqrt(ww) and d to d' = d·sqrt(ww)/|dw|
    (to d/sqrt(dd) if dw = 0) have the Gram constants of normal_form, and every W0 of R^d gives a
    triple (<W0,d'>, <W0,W*'>, ||W0||²) that the universal queries range over (`realisable`),
    also where a principal minor is 0 or below 1. Z3 proves it given the normal form's own tie to
    the data (sat), for W0 = sqrt(ww)·v (sqrt(ww·dd)·v if dw = 0), v rational, whose coordinates
    are worked out by hand: <W0,d'> = ww·<v,d>/|dw|, <W0,W*'> = <v,W*>, ||W0||² = ww·||v||²
    (if dw = 0: sqrt(ww)·<v,d>, sqrt(dd)·<v,W*>, ww·dd·||v||²)."""
    claims = claims_of(name)
    g, _, tie = normal_form(claims)
    [tied] = decide_all([tie], 20)
    assert tied.result == "sat"
    w, d = claims.w_star, claims.bn_direction
    ww, dw, dd = inner(w, w), inner(d, w), inner(d, d)
    p, p_def = positive_root("p_norm", const(ww))                 # ||W*||
    r, r_def = positive_root("r_norm", const(dd))                 # ||d||
    if dw != 0:
        sigma, dd_scaled, N_scale = dw / abs(dw), ww * dd / dw**2, ww
        coordinates = lambda v: (const(ww * inner(v, d) / abs(dw)), const(inner(v, w)),
                                 const(ww * inner(v, v)))
    else:
        sigma, dd_scaled, N_scale = 0, Fraction(1), ww * dd
        coordinates = lambda v: (p * const(inner(v, d)), r * const(inner(v, w)),
                                 const(ww * dd * inner(v, v)))
    facts = [z3.And(g.ww == 1, g.dw == const(sigma), g.dd == const(dd_scaled))]
    for v in sample_points(w, d, N_scale * (1 + dd_scaled)):
        facts.append(z3.And(*g.realisable(*coordinates(v))))
    roots = (*p_def, *r_def)
    checks = [Obligation(name=f"normal_form_is_the_scaled_data_{i}", statement="", expected="unsat",
                         query=(*roots, *tie.query, z3.Not(fact)), definitions=roots,
                         premises=tie.query) for i, fact in enumerate(facts)]
    assert [out.result for out in decide_all(checks, 20)] == ["unsat"] * len(checks)


@pytest.mark.parametrize("name", ["<d,W*> = 0", "<d,W*> < 0", "<d,W*> > 0"])
def test_every_failing_w0_of_the_plane_is_a_counterexample_with_its_sympy_sides(name):
    """Where (L4.5) fails, negated_lemma looks for W0 = αW* + βd: its witness W0 (reported
    coordinate by coordinate) is admissible and violates (L4.5) when the SymPy evaluator computes
    both sides from W0, W* and d, and the reported sides `lhs`, `rhs` are those values. The
    same holds with W0 pinned to 2W* ± d/3 (β != 0, α != ±1, <W0,d> of either sign): each is a
    model of the query and reports its own sides."""
    claims = claims_of(name)
    [ob] = [o for o in lemma_gram(claims) if o.name == "negated_lemma"]
    w, d = Matrix(claims.w_star), Matrix(claims.bn_direction)
    pins = [2 * w + d * sympy.Rational(sign, 3) for sign in (1, -1)]
    pinned = [dataclasses.replace(ob, query=(*ob.query, *(ob.witness[f"W0_{k + 1}"] == const(x)
                                                          for k, x in enumerate(pin))))
              for pin in pins]
    outcomes = decide_all([ob, *pinned], 20)
    assert [out.result for out in outcomes] == ["sat"] * 3
    for outcome in outcomes:
        w0 = Matrix([outcome.witness[f"W0_{k + 1}"] for k in range(len(claims.w_star))])
        left, right = lemma_sides(w0, w, d)
        assert (w0.T * w)[0] > 0 and left > right
        assert sympy.simplify(outcome.witness["lhs"] - left) == 0
        assert sympy.simplify(outcome.witness["rhs"] - right) == 0
    assert [list(out.witness[f"W0_{k + 1}"] for k in range(len(w))) for out in outcomes[1:]] == \
        [list(pin) for pin in pins]


@pytest.mark.parametrize("name", ["<d,W*> = 0", "<d,W*> < 0", "<d,W*> > 0"])
def test_the_witness_at_w_star_reports_the_sympy_sides_of_the_lemma(name):
    """lemma_fails_at_w_star reports (L4.5)'s two sides at W0 = W*: ||W* - Ŵ*||² and 0, as the
    SymPy evaluator computes them from W* and d."""
    claims = claims_of(name)
    [ob] = [o for o in lemma_gram(claims) if o.name == "lemma_fails_at_w_star"]
    [outcome] = decide_all([ob], 20)
    left, right = lemma_sides(Matrix(claims.w_star), Matrix(claims.w_star), Matrix(claims.bn_direction))
    assert outcome.result == "sat" and left > right == 0
    assert (outcome.witness["lhs"], outcome.witness["rhs"]) == (left, right)


@pytest.mark.parametrize("name", ["<d,W*> = 0", "<d,W*> < 0"])
def test_a_failure_region_claim_whose_root_of_d_is_contradictory_is_vacuous_not_proved(name, monkeypatch):
    """The failure-region queries define q = ||d|| (normal form) by q > 0, q² = <d,d>: were that
    definition contradictory, both claims must be `vacuous`, never proved, so each must hand its
    definitions to the vacuity check."""
    claims = claims_of(name)

    def contradictory_root(name, square):
        r = z3.Real(name)
        return r, [r > 0, r * r == square, r < 0]
    monkeypatch.setattr(gram_module, "positive_root", contradictory_root)
    region = [o for o in lemma_gram(claims) if o.name in FAILURE_REGION]
    assert len(region) == 2
    assert [out.result for out in decide_all(region, 20)] == ["vacuous", "vacuous"]
