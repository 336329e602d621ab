"""The general theorems (proofs/general/): every Z3 obligation of `make test`'s quick set
(k = 2, 3; the data link at n = 3, k = 2) is proved with satisfiable premises, a mutation of each
flips its answer to `sat`, and the Gram encoding agrees with the vector-level definitions of the
SymPy evaluator. (k = 4 is in `make theorems` only: seconds per query.)"""

import dataclasses
import importlib
import random
from fractions import Fraction

import pytest
import sympy
import z3

from harness.evaluator import lemma_sides
from harness.solver import decide, decide_all
from proofs.general import general_obligations
from proofs.general.gram import determinant, fails, gram, in_region, on_ray

QUICK = general_obligations(dimensions=(2, 3), data_sizes=((3, 2),))
BY_NAME = {ob.name: ob for ob in QUICK}
gram_module = importlib.import_module("proofs.general.gram")
distance_module = importlib.import_module("proofs.general.distance_to_ray")


@pytest.fixture(scope="module")
def decided():
    """{name: Outcome} of the quick set, decided once for the test below (decide_all: what decide
    answers, the premises checked, the checks in one worker process instead of one each)."""
    return {ob.name: outcome for ob, outcome in zip(QUICK, decide_all(QUICK, 30))}


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_general_obligation_is_proved_with_satisfiable_premises(name, decided):
    ob = BY_NAME[name]
    assert ob.expected == "unsat" and ob.premises, "every general obligation states its premises"
    assert decided[name].result == "unsat"


def without(ob, *dropped):
    """The obligation with the conjuncts structurally equal to `dropped` removed everywhere."""
    keep = lambda cs: tuple(c for c in cs if not any(c.eq(x) for x in dropped))
    assert len(keep(ob.query)) == len(ob.query) - len(dropped), "mutation must drop a conjunct"
    return dataclasses.replace(ob, query=keep(ob.query), premises=keep(ob.premises))


def no_case_split(p, b, r):
    """The distance to the whole line, not the ray: the case <W0,d> <= 0 forgotten."""
    return p - b * b / r


def swapped_cases(p, b, r):
    return z3.If(b > 0, p, p - b * b / r)


def rebuilt(name, monkeypatch, module, distance):
    monkeypatch.setattr(module, "ray_distance_sq", distance)
    return next(o for o in general_obligations((2, 3), ((3, 2),)) if o.name == name)


def answer(ob):
    return decide(ob, timeout_s=30).result


def test_every_general_obligation_has_a_mutation():
    covered = {"general_distance_to_ray_lower_bound", "general_distance_to_ray_attained",
               "general_failure_region_necessary", "general_failure_region_sufficient",
               "general_holds_everywhere_implies_ray", "general_ray_implies_holds_everywhere",
               "general_data_to_statistics_n3_k2"}
    covered |= {f"general_bn_{claim}_k{k}" for k in (2, 3)
                for claim in ("ray_is_global_minimum", "stationary_points_on_line", "cs_equality_on_line")}
    assert covered == set(BY_NAME)


def test_distance_lower_bound_without_t_positive_is_sat():
    assert answer(without(BY_NAME["general_distance_to_ray_lower_bound"], z3.Real("t") > 0)) == "sat"


def test_distance_attained_with_the_line_distance_is_sat(monkeypatch):
    ob = rebuilt("general_distance_to_ray_attained", monkeypatch, distance_module, no_case_split)
    assert answer(ob) == "sat"


def test_failure_region_necessary_with_swapped_cases_is_sat(monkeypatch):
    ob = rebuilt("general_failure_region_necessary", monkeypatch, gram_module, swapped_cases)
    assert answer(ob) == "sat"


def test_failure_region_sufficient_without_case_split_is_sat(monkeypatch):
    ob = rebuilt("general_failure_region_sufficient", monkeypatch, gram_module, no_case_split)
    assert answer(ob) == "sat"


def test_holds_everywhere_implies_ray_without_case_split_is_sat(monkeypatch):
    """With the line's distance, W* on the opposite ray would look like a failure-free W*."""
    ob = rebuilt("general_holds_everywhere_implies_ray", monkeypatch, gram_module, no_case_split)
    assert answer(ob) == "sat"


def test_ray_implies_holds_everywhere_without_the_3x3_minor_is_sat():
    """The spurious model of the issue: 2×2 minors alone are not PSD."""
    assert answer(without(BY_NAME["general_ray_implies_holds_everywhere"], determinant(gram()) >= 0)) == "sat"


@pytest.mark.parametrize("k", (2, 3))
def test_ray_is_global_minimum_with_sigma_not_positive_definite_is_sat(k):
    assert answer(without(BY_NAME[f"general_bn_ray_is_global_minimum_k{k}"], z3.Real("D1") > 0)) == "sat"


@pytest.mark.parametrize("k", (2, 3))
def test_stationary_points_with_a_gradient_component_dropped_is_sat(k):
    D, e, v = ([z3.Real(f"{s}{i + 1}") for i in range(k)] for s in "Dev")
    V = z3.Sum([D[i] * v[i] * v[i] for i in range(k)])
    C = z3.Sum([D[i] * e[i] * v[i] for i in range(k)])
    ob = without(BY_NAME[f"general_bn_stationary_points_on_line_k{k}"], e[k - 1] * V == C * v[k - 1])
    assert answer(ob) == "sat"


@pytest.mark.parametrize("k", (2, 3))
def test_cs_equality_with_sigma_not_positive_definite_is_sat(k):
    assert answer(without(BY_NAME[f"general_bn_cs_equality_on_line_k{k}"], z3.Real("D1") > 0)) == "sat"


def test_data_link_without_the_square_root_definition_is_sat():
    ob = BY_NAME["general_data_to_statistics_n3_k2"]
    square = ob.definitions[1]
    ob = dataclasses.replace(ob, query=tuple(c for c in ob.query if not c.eq(square)), definitions=ob.definitions[:1])
    assert answer(ob) == "sat"


# ---- the Gram encoding agrees with the literal, vector-level definitions (SymPy evaluator)

def _truth(formula, g, values) -> bool:
    """Z3 decides the closed formula with the Gram entries fixed and the roots defined."""
    s = z3.Solver()
    s.add(*g.roots, *[var == z3.Q(v.numerator, v.denominator) for var, v in zip(
        (g.p, g.a, g.b, g.q, g.r, g.s), values)], formula)
    return s.check() == z3.sat


def _vectors(rng, k):
    vec = lambda: tuple(Fraction(rng.randint(-4, 4), rng.randint(1, 3)) for _ in range(k))
    w0, w_star, d = vec(), vec(), vec()
    if rng.random() < 0.2:
        d = tuple(Fraction(rng.randint(1, 3), 2) * x for x in w_star)       # W* on the ray
    return w0, w_star, d


def _dot(u, v):
    return sum((a * b for a, b in zip(u, v)), Fraction(0))


def test_gram_encoding_of_fails_region_and_ray_agrees_with_vector_definitions():
    rng = random.Random(12)
    g = gram()
    checked = 0
    while checked < 40:
        w0, w_star, d = _vectors(rng, rng.choice((2, 3)))
        if not any(w_star) or not any(d):
            continue
        values = (_dot(w0, w0), _dot(w0, w_star), _dot(w0, d), _dot(w_star, w_star), _dot(d, d), _dot(w_star, d))
        left, right = lemma_sides(w0, w_star, d)
        literal_fails = values[1] > 0 and (left - right).is_positive
        unit = lambda v: sympy.Matrix(v) / sympy.sqrt(sympy.Rational(_dot(v, v)))
        literal_region = values[1] > 0 and bool((sympy.Matrix(w0).T * (unit(w_star) - unit(d)))[0] > 0)
        t = next(x / y for x, y in zip(w_star, d) if y != 0)
        literal_ray = t > 0 and all(x == t * y for x, y in zip(w_star, d))
        assert _truth(fails(g), g, values) == literal_fails
        assert _truth(in_region(g), g, values) == literal_region
        assert _truth(on_ray(g), g, values) == literal_ray
        checked += 1
