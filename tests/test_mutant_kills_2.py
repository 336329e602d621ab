"""Second mutmut run over proofs/statements.py, proofs/ties.py and proofs/encoding.py: each test
fails on a surviving mutant that states less (docs/mutation-testing.md, "Second run") and passes
on the original. Each is written against a claim, not the mutated line: a tie must still catch a
weakened query, a tie with an impossible counterexample must be vacuous, ...

The ties of "(L4.5) holds" (proofs/ties.py `_lemma_tie`, the unsat branch) are reached by no other
selected test: the canonical set refutes the lemma, so its ties take the sat branch. They are
built here for the canonical set's X, y with `lemma_fails` set to False (the tie's W* and d are
free variables, so the set's values do not enter it)."""

import dataclasses

import pytest
import z3

import proofs.ties as ties
from proofs import statements as st
from harness.learning_set import canonical
from harness.solver import decide
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics
from proofs.obligation import Obligation

CANONICAL = make_claims(canonical(), exact_statistics(canonical()))
HOLDS = dataclasses.replace(CANONICAL, lemma_fails=False)


def _weakened_negated_lemma(extra):
    """proofs.negated_lemma.negated_lemma with one more conjunct `extra(obligation, claims)` in
    the query of each obligation: a query with fewer models, whose unsat proves less."""
    original = ties.negated_lemma

    def build(claims):
        return [dataclasses.replace(o, query=(*o.query, extra(o, claims))) for o in original(claims)]
    return build


# ---- the ties of "(L4.5) holds" ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["negated_lemma", "lemma_fails_at_w_star"])
def test_the_tie_of_the_lemma_holding_is_proved_for_the_true_query(name):
    assert decide(ties.tie(name, HOLDS), timeout_s=20).result == "unsat"


WEAKENINGS = {
    # only W0 = W*: "(L4.5) holds at every admissible W0" would be proved from "it holds at W*"
    ("negated_lemma", "only at W0 = W*"):
        lambda o, c: z3.And([z3.Real(f"W0_{k + 1}") == w for k, w in enumerate(c.w_star)]),
    ("negated_lemma", "only where W0_1 >= 0"): lambda o, c: z3.Real("W0_1") >= 0,
    ("lemma_fails_at_w_star", "only where W*_1 >= 0"): lambda o, c: c.w_star[0] >= 0,
}


@pytest.mark.parametrize("name, weakening", sorted(WEAKENINGS))
def test_the_tie_of_the_lemma_holding_catches_a_query_with_fewer_models(monkeypatch, name, weakening):
    monkeypatch.setattr(ties, "negated_lemma", _weakened_negated_lemma(WEAKENINGS[name, weakening]))
    assert decide(ties.tie(name, HOLDS), timeout_s=20).result == "sat"


# ---- _tie: the counterexample is the tie's premise ----------------------------------------------

def test_a_tie_whose_counterexample_is_impossible_is_vacuous_not_proved():
    """A claimed statement's counterexample must be satisfiable before the tie's unsat counts:
    with the counterexample x > 0 ∧ x < 0 the tie is unsat, but vacuously."""
    x = z3.Real("x")
    ob = Obligation("toy", "x > 0", "unsat", (x > 0,))
    tie = ties._tie(ob, "x > 0", [z3.Real("cex.x") > 0, z3.Real("cex.x") < 0],
                    [(x, z3.Real("cex.x"))])
    assert decide(tie, timeout_s=10).result == "vacuous"


def test_an_expected_sat_obligation_that_was_not_answered_sat_has_no_tie():
    """The witness tie of "(L4.5) fails" reads the sat witness: without one there is no tie
    (reported "none"), not a tie built from an empty witness."""
    from harness.solver import Outcome
    for outcome in (None, Outcome("unsat", 0.0), Outcome("timeout", 0.0)):
        assert ties.tie("negated_lemma", CANONICAL, outcome) is None


def test_a_tie_whose_definitions_contradict_its_counterexample_is_vacuous():
    """The definitions of a tie are checked with its counterexample: a definition that excludes
    every counterexample (here cex.x < 0 beside cex.x > 0) makes the tie vacuous, not proved."""
    x, cex = z3.Real("x"), z3.Real("cex.x")
    ob = Obligation("toy", "x > 0", "unsat", (x > 0,))
    tie = ties._tie(ob, "x > 0", [cex > 0], [(x, cex), cex < 0])
    assert decide(tie, timeout_s=10).result == "vacuous"


def test_ties_are_built_up_to_dimension_3_and_only_for_known_obligations():
    def at_dimension(dim):
        e = tuple([1] + [0] * (dim - 1))
        return dataclasses.replace(HOLDS, w_star=e, bn_direction=e)
    assert ties.tie("negated_lemma", at_dimension(3)) is not None
    assert ties.tie("negated_lemma", at_dimension(4)) is None
    assert ties.tie("no_such_obligation", HOLDS) is None


# ---- statements.negation: a quantifier kept open ------------------------------------------------

X_ = z3.Real("x")


def _same(a, b) -> bool:
    solver = z3.Solver()
    solver.set("timeout", 10_000, "random_seed", 0)
    solver.add(a != b)
    return solver.check() == z3.unsat


def test_negation_keeps_two_distinct_bound_variables_of_an_existential():
    """¬∃z,u (z > u ∧ x = 0) is ∀z,u (z <= u ∨ x != 0), i.e. x != 0 (one variable for both
    would make it true)."""
    z, u = z3.Reals("z u")
    assert _same(st.negation(z3.Exists([z, u], z3.And(z > u, X_ == 0))), X_ != 0)


def test_negation_applies_its_choices_inside_a_quantifier_it_keeps():
    """¬∃z ∃u (z² + u = x) with u := 1 is ∀z (z² + 1 != x), i.e. x < 1."""
    z, u = z3.Reals("z u")
    opened = st.negation(z3.Exists([z], z3.Exists([u], z * z + u == X_)), {"u": z3.RealVal(1)})
    assert _same(opened, X_ < 1)


def test_negation_keeps_an_existential_under_a_universal_it_keeps():
    """¬∃z ∀u (u != z + x) is ∀z ∃u (u = z + x), true for every x. Binding u as one constant
    cex.u under the kept ∀z would state ∃u ∀z (u = z + x), which is false: not implied by ¬S."""
    z, u = z3.Reals("z u")
    opened = st.negation(z3.Exists([z], z3.ForAll([u], u != z + X_)))
    assert _same(opened, z3.BoolVal(True))


# ---- encoding.positive_root: r is the positive root, and 0 has none ----------------------------

@pytest.mark.parametrize("square, roots", [(4, [2]), (0, []), (-1, [])])
def test_positive_root_has_exactly_the_positive_square_root_as_its_value(square, roots):
    """σ(w) = 0 has no positive root: a definition s >= 0, s² = σ² would admit s = 0 there (and
    L̂ divides by s), so the vacuity check could no longer fail at σ(w) = 0."""
    from proofs.encoding import const, positive_root
    r, definition = positive_root("r", const(square))
    for value in (-2, 0, 2):
        solver = z3.Solver()
        solver.add(*definition, r == value)
        assert (solver.check() == z3.sat) == (value in roots), value


@pytest.mark.parametrize("a, b, product", [(3, 4, 12), ("1/2", "-2/3", "-1/3")])
def test_mul_and_dot_multiply_plain_rationals_and_z3_terms_alike(a, b, product):
    """The fast path (two Z3 terms, one API call) and the plain path give the same product."""
    from fractions import Fraction
    from proofs.encoding import const, dot, mul
    a, b, product = Fraction(a), Fraction(b), Fraction(product)
    for x, y in [(a, b), (const(a), b), (a, const(b)), (const(a), const(b))]:
        assert _same(z3.RealVal(0) + mul(x, y), const(product))
    assert _same(z3.RealVal(0) + dot([a, a], [b, const(b)]), const(2 * product))


def test_add_sums_no_term_one_term_and_many_terms_exactly():
    from proofs.encoding import add, const
    x = z3.Real("x")
    assert _same(z3.RealVal(0) + add([]), z3.RealVal(0))
    assert _same(z3.RealVal(0) + add([x]), x)
    assert _same(add([x, const(2), x]), 2 * x + 2)
