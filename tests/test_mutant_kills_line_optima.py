"""Survivors of the mutation run over proofs/variants/line_optima.py (docs/mutation-testing.md,
"Third run: proofs/variants/line_optima.py"): each test states a claim of the line of BN optima
(trainable γ, β) and fails on a mutant that states less or answers otherwise.

- Ties: the claimed direction d of the line of optima is a free vector f, so the literal
  negation of each profile claim (m(w) = Var(y) - <c,w>²/σ²(w) written with its division,
  "w is not a multiple of f" with a quantifier) is satisfiable; Z3 proves that it implies the
  encoded query for every f. A query that states less (a narrowed premise, a lost disjunct, ties
  lost) has a model of "literal negation and not query".
- Learning sets where a branch of line_optima is decided: W* a multiple of d (the lemma holds,
  no failure region), W* = 0 or d = 0 (vacuous, not proved), ||W*|| < 1, ||d|| < 1; a closed
  form or a norm wrong in one place; the witnesses of (L4.5) against SymPy.
"""

import dataclasses
from fractions import Fraction

import z3

from harness.learning_set import canonical, load_json
from harness.smt2 import constants
from harness.solver import decide_all
from harness.statistics import exact_statistics
from harness.variant_checks import Context, variant_cross_check
from harness.variant_evaluator import VariantEvaluator
from harness.variants import DEFAULT_EPSILON, variant_claims
from proofs.encoding import Network, not_parallel
from proofs.variants import line_optima as line_module
from proofs.variants.encoding import target_variance
from tests.test_general_ties import _tie_fails

NEGATIVE_MULTIPLE = "examples/negative_multiple.json"   # W* = -d: (L4.5) holds for the line
Y_OVER_3 = "examples/variants/canonical_y_over_3.json"  # W* = (2/3, 0): ||W*||² = 4/9 < 1


def _renamed(query, named, vector, claimed):
    """The query's conjunction with its variables renamed to the test's, found by structure, not
    by name: `named` pairs (a variable of the query, e.g. the t of its "t != 0"; ours), and the
    other free constants but the `claimed` ones go to `vector` in the order of their names. A
    renamed variable of the query (α-renaming) then changes no tie."""
    skip = {str(x) for x in [*(q for q, _ in named), *claimed]}
    others = [z3.Real(name) for name in constants(list(query)) if name not in skip]
    assert len(others) == len(vector), others
    return z3.substitute(z3.And(*query), *named, *zip(others, vector))


def claims_for(ls=None, **changes):
    ls = ls or canonical()
    return dataclasses.replace(variant_claims(ls, exact_statistics(ls), "gamma-beta", DEFAULT_EPSILON),
                               **changes)


def answers(obligations, timeout_s=20):
    return {o.name: r.result for o, r in zip(obligations, decide_all(list(obligations), timeout_s))}


# ---- ties: the profile claims, literally, for every claimed direction f ----------------------------

def _profile():
    """The canonical network, a free claimed direction f, and m(v) = Var(y) - <c,v>²/σ²(v)."""
    claims = claims_for()
    f = z3.Reals("f1 f2")
    net = Network(claims.X, claims.y)
    m = lambda v: target_variance(net) - net.cov_with_targets(v) ** 2 / net.bn_variance(v)  # noqa: E731
    return dataclasses.replace(claims, bn_direction=tuple(f)), f, net, m


def _line_minimum_tie_fails(query=None) -> bool:
    """¬(σ(tf) > 0 and m(w) >= m(tf) for every w with σ(w) > 0), t != 0, and not the query
    (the obligation's, or one given in the test's variables w1, w2, t, f1, f2)."""
    claims, f, net, m = _profile()
    w, t = z3.Reals("w1 w2"), z3.Real("t")
    tf = [t * fi for fi in f]
    negation = z3.And(t != 0, z3.Or(net.bn_variance(tf) <= 0,
                                    z3.And(net.bn_variance(tf) > 0, net.bn_variance(w) > 0, m(w) < m(tf))))
    query = query or line_module.profile_line_is_global_minimum(claims).query
    return _tie_fails(negation, _renamed(query, [(query[0].arg(0), t)], w, f))


def _off_line_tie_fails(query=None) -> bool:
    """¬(σ(w + e·f) > 0 and m(w + e·f) < m(w)) for w with σ(w) > 0, not a multiple of f (f != 0:
    for f = 0 the premises are unsatisfiable and the obligation is vacuous, never proved), e != 0
    and e<c,w> >= 0, and not the query (the obligation's, or one in the test's variables)."""
    claims, f, net, m = _profile()
    w, e, lam = z3.Reals("w1 w2"), z3.Real("e"), z3.Real("lam")
    w_e = [wi + e * fi for wi, fi in zip(w, f)]
    not_a_multiple = z3.ForAll([lam], z3.Or([wi != lam * fi for wi, fi in zip(w, f)]))
    negation = z3.And(z3.Or([fi != 0 for fi in f]), net.bn_variance(w) > 0, not_a_multiple, e != 0,
                      e * net.cov_with_targets(w) >= 0,
                      z3.Not(z3.And(net.bn_variance(w_e) > 0, m(w_e) < m(w))))
    query = query or line_module.profile_off_line_not_minimum(claims).query   # query[2]: e != 0
    return _tie_fails(negation, _renamed(query, [(query[2].arg(0), e)], w, f))


def test_the_line_minimum_query_follows_from_the_literal_claim_for_every_claimed_direction():
    assert not _line_minimum_tie_fails()


def test_the_off_line_query_follows_from_the_literal_claim_for_every_claimed_direction():
    assert not _off_line_tie_fails()


def test_a_profile_query_that_states_less_than_its_claim_fails_its_tie():
    """No tie that cannot fail, on queries written here: "w beats t·f" only for σ²(w) > 1 (the
    claim is scale-invariant, the tie is pointwise), and "m(w + e·f) >= m(w)" with > (ties lost)."""
    _, f, net, _ = _profile()
    w, t, e = z3.Reals("w1 w2"), z3.Real("t"), z3.Real("e")
    tf, w_e = [t * fi for fi in f], [wi + e * fi for wi, fi in zip(w, f)]
    cov, var = net.cov_with_targets, net.bn_variance
    assert _line_minimum_tie_fails((t != 0, z3.Or(var(tf) <= 0, z3.And(
        var(w) > 1, cov(w) * cov(w) * var(tf) > cov(tf) * cov(tf) * var(w)))))
    assert _off_line_tie_fails((var(w) > 0, not_parallel(w, f), e != 0, e * cov(w) >= 0, z3.Or(
        var(w_e) <= 0, cov(w_e) * cov(w_e) * var(w) < cov(w) * cov(w) * var(w_e))))


# ---- learning sets where a branch is decided ------------------------------------------------------

def test_where_w_star_is_a_multiple_of_d_the_lemma_is_claimed_to_hold_and_proved():
    """W* = -d (examples/negative_multiple.json): the line of optima contains W*, so (L4.5) holds;
    there is no failure region to describe, and both lemma obligations expect and get `unsat`."""
    claims = claims_for(load_json(NEGATIVE_MULTIPLE))
    assert claims.parallel
    obligations = line_module.line_optima(claims)
    assert [o.name for o in obligations] == [
        "profile_line_is_global_minimum", "profile_off_line_not_minimum", "line_distance_lower_bound",
        "line_distance_attained", "line_negated_lemma", "line_lemma_fails_at_w_star",
        "line_quadrant_in_general"]
    lemma = [o for o in obligations if o.name.startswith("line_") and "lemma" in o.name]
    assert [o.expected for o in lemma] == ["unsat", "unsat"]
    assert set(answers(lemma).values()) == {"unsat"}


def test_with_w_star_zero_the_lemma_and_failure_region_claims_are_vacuous_not_proved():
    """W* = 0: no W0 is admissible (<W0,W*> > 0) and ||W*|| has no positive root, so every claim
    about (L4.5) or its failure region has unsatisfiable hypotheses: `vacuous`, never `unsat`
    (proved) or `sat` (a division by ||W*||² = 0 left to Z3's free interpretation)."""
    claims = claims_for(w_star=(0, 0))
    obligations = [*line_module.line_lemma(claims), *line_module.line_failure_region(claims)]
    assert set(answers(obligations).values()) == {"vacuous"}


def test_with_d_zero_the_claims_about_points_off_the_line_and_about_d_hat_are_vacuous_not_proved():
    """d = 0 (c = 0): "w off the line through d" is encoded by strict Cauchy-Schwarz, which no w
    satisfies, and ||d|| has no positive root, so the off-line claim and the two claims written
    with d̂ (the quadrant, its normals) have unsatisfiable hypotheses: `vacuous`."""
    claims = claims_for(bn_direction=(0, 0))
    obligations = [line_module.profile_off_line_not_minimum(claims),
                   *[o for o in line_module.line_failure_region(claims)
                     if o.name in ("line_failure_region_quadrant", "line_quadrant_normals_orthogonal")]]
    assert set(answers(obligations).values()) == {"vacuous"}


def test_where_the_lemma_holds_the_failure_region_claims_are_vacuous_not_proved():
    """W* = 2d: (L4.5) holds at every admissible W0 and no W0 is in the region, so "fails only
    in the region" and "fails in the region" have unsatisfiable premises: `vacuous`."""
    claims = claims_for(w_star=(10, 6))
    obligations = [o for o in line_module.line_failure_region(claims)
                   if o.name in ("line_failure_region_necessary", "line_failure_region_sufficient")]
    assert answers(obligations) == {"line_failure_region_necessary": "vacuous",
                                    "line_failure_region_sufficient": "vacuous"}


def test_the_lemma_fails_at_a_w_star_of_norm_below_one():
    """y/3 set: W* = (2/3, 0), d = (5/3, 1); (L4.5) fails at W0 = W* (Λ(W*) = 2/17 > 0 = RHS)."""
    claims = claims_for(load_json(Y_OVER_3))
    obligations = line_module.line_lemma(claims)
    assert answers(obligations) == {"line_negated_lemma": "sat", "line_lemma_fails_at_w_star": "sat"}


# ---- the distance to the line without 0 ------------------------------------------------------------

def _lower_bound_tie_fails(monkeypatch, query=None) -> bool:
    """A free claimed value L in place of Λ(W0): ¬(||W0 - t·d||² >= L for every t != 0), i.e.
    t != 0 and ||W0 - t·d||² < L, and not the query (the obligation's, or one given)."""
    L = z3.Real("L")
    monkeypatch.setattr(line_module, "line_distance_sq", lambda w0, d: L)
    claims = claims_for()
    w0, t = z3.Reals("W0_1 W0_2"), z3.Real("t")
    distance = sum((wk - t * dk) ** 2 for wk, dk in zip(w0, claims.bn_direction))
    query = query or line_module.line_distance(claims)[0].query          # query[0]: t != 0
    return _tie_fails(z3.And(t != 0, distance < L), _renamed(query, [(query[0].arg(0), t)], w0, [L]))


def test_the_lower_bound_query_follows_from_the_literal_claim_for_every_claimed_value(monkeypatch):
    assert not _lower_bound_tie_fails(monkeypatch)


def test_a_lower_bound_query_for_t_other_than_one_fails_its_tie(monkeypatch):
    """t != 1 in place of t != 0 (equivalent by continuity in t, but the tie is pointwise)."""
    w0, t, L = z3.Reals("W0_1 W0_2"), z3.Real("t"), z3.Real("L")
    distance = sum((wk - t * dk) ** 2 for wk, dk in zip(w0, claims_for().bn_direction))
    assert _lower_bound_tie_fails(monkeypatch, (t != 1, distance < L))


def test_a_line_distance_too_small_only_where_w0_d_is_one_is_not_proved_attained(monkeypatch):
    """Λ(W0) - 1/2 where <W0,d> = 1 (and Λ elsewhere) is not attained at t* there: `sat`. The
    claim is for every W0 with <W0,d> != 0, so the hyperplane <W0,d> = 1 is inside it."""
    true = line_module.line_distance_sq
    monkeypatch.setattr(line_module, "line_distance_sq", lambda w0, d: z3.If(
        sum(a * b for a, b in zip(w0, d)) == 1, true(w0, d) - z3.RealVal("1/2"), true(w0, d)))
    attained = line_module.line_distance(claims_for())[1]
    assert answers([attained]) == {"line_distance_attained": "sat"}


def test_the_distance_to_the_line_through_a_short_d_is_proved():
    """d = (1/2, 0), ||d|| < 1: the path point t = ε/(ε||d||² + 1) of "approached" is 1 at
    ε = 4/3, a valid point of the line (t != 0); both distance claims hold for every d != 0."""
    obligations = line_module.line_distance(claims_for(bn_direction=(Fraction(1, 2), 0)))
    assert set(answers(obligations).values()) == {"unsat"}


# ---- the failure region: ŵ ∓ d̂ ----------------------------------------------------------------------

def test_normals_built_with_a_wrong_norm_of_w_star_are_not_proved_orthogonal(monkeypatch):
    """With p² = 2||W*||² in place of ||W*||², ŵ = W*/p is no unit vector and
    <ŵ - d̂, ŵ + d̂> = 1/2 - 1 != 0: "orthogonal" is false, `sat` (both normals stay nonzero, so
    only the orthogonality disjunct can say so)."""
    true, built = line_module.positive_root, []

    def first_root_wrong(name, square):   # p = ||W*|| is built first
        built.append(name)
        return true(name, 2 * square if len(built) == 1 else square)
    monkeypatch.setattr(line_module, "positive_root", first_root_wrong)
    normals = [o for o in line_module.line_failure_region(claims_for())
               if o.name == "line_quadrant_normals_orthogonal"]
    assert answers(normals) == {"line_quadrant_normals_orthogonal": "sat"}


# ---- (L4.5) against the line: the witnesses a report quotes ------------------------------------------

def test_the_line_lemma_witnesses_are_the_sympy_values_on_the_canonical_set():
    """`sat` with W0 and both sides of (L4.5) as witnesses, each equal to SymPy's value (left side
    18/17 at W0 = W*). Decided here, not from a cache shared with other tests, so that every
    change of line_lemma meets this check."""
    ls = canonical()
    claims = claims_for(ls)
    obligations = line_module.line_lemma(claims)
    ctx = Context(claims, VariantEvaluator(ls.X, ls.y))
    for ob, outcome in zip(obligations, decide_all(obligations, 20)):
        assert outcome.result == "sat", ob.name
        passed, detail = variant_cross_check(ob.name, ctx, outcome)
        assert passed, detail
    assert (str(outcome.witness["lhs"]), str(outcome.witness["rhs"])) == ("18/17", "0")
