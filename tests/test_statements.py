"""Every obligation is tied to its literal statement (proofs/statements.py, proofs/ties.py), so a
weakened query fails on meaning: the mutations a reviewer tried by hand (issue 7) each leave the
obligation's own answer unchanged, and each makes its tie `sat`, the opposite definite answer,
so `prove` fails."""

import importlib
import inspect
import types

import pytest
import sympy
import z3

import proofs
import proofs.ties as ties
from harness.learning_set import canonical, load_json
from harness.prove import prove
from harness.solver import decide, decide_all
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics
from proofs import all_obligations
from proofs import statements as st
from proofs.encoding import const

# The canonical set here; every example set's report (tests/golden/*.json) records "tie": "unsat"
# for each obligation, which tests/test_golden.py checks.
SETS = ["canonical"]


def claims_of(name):
    ls = canonical() if name == "canonical" else load_json(name)
    return make_claims(ls, exact_statistics(ls))


def mutated_module(module: str, old: str, new: str) -> types.ModuleType:
    """A fresh copy of proofs.<module> with one piece of source text replaced (as by hand)."""
    source = inspect.getsource(importlib.import_module(f"proofs.{module}"))
    if "mutmut" in source:   # under `make mutate` the text is mutmut's rewritten copy
        pytest.skip("hand mutations edit the original source text (they run in `make test`)")
    assert source.count(old) == 1, old
    copy = types.ModuleType(f"mutant_{module}")
    exec(compile(source.replace(old, new), f"mutant_{module}", "exec"), copy.__dict__)
    return copy


# The mutations of issue 7 (d <= 3): (module, old text, new text, obligation, builder name).
MUTATIONS = {
    "distance case <W0,d> <= 0 becomes < 0": (
        "distance_to_ray", "z3.And(dot(w0, d) <= 0,", "z3.And(dot(w0, d) < 0,",
        "distance_to_ray_attained", "distance_to_ray"),
    "ray global minimum only over w1 >= 0": (
        "bn_optima", "z3.And(var_w > 0, cw > 0,", "z3.And(w[0] >= 0, var_w > 0, cw > 0,",
        "bn_ray_is_global_minimum", "bn_ray_is_global_minimum"),
    "opposite ray: eps > 1 instead of eps > 0": (
        "bn_optima", "query=(t > 0, eps > 0,", "query=(t > 0, eps > 1,",
        "bn_opposite_ray_not_minimum", "bn_opposite_ray_not_minimum"),
    "stationary chain only for k = <c,w> > 0": (
        "bn_optima", "z3.And(*[ck * v == k * sw", "z3.And(k > 0, *[ck * v == k * sw",
        "bn_stationary_points_on_line", "bn_stationary_points_on_line"),
    "t's defining equation has no solution": (
        "distance_to_ray", "t * (eps * sq_norm(d) - 2 * dot(w0, d) + 1) == eps", "t * 0 == eps",
        "distance_to_ray_attained", "distance_to_ray"),
}


def _patch(monkeypatch, copy, builder):
    """Use the mutant's builders wherever the obligations (proofs.all_obligations) and the ties
    are built."""
    monkeypatch.setattr(ties, builder, getattr(copy, builder))
    top = "bn_optima" if hasattr(copy, "bn_optima") else builder
    monkeypatch.setattr(proofs, top, getattr(copy, top))


@pytest.mark.parametrize("set_name", SETS)
def test_every_obligation_is_tied_to_its_literal_statement(set_name):
    claims = claims_of(set_name)
    obligations = all_obligations(claims)              # decided side by side, then their ties
    outcomes = decide_all(obligations, 10)
    tied = [ties.tie(ob.name, claims, outcome) for ob, outcome in zip(obligations, outcomes)]
    assert None not in tied, [ob.name for ob, tie in zip(obligations, tied) if tie is None]
    for ob, outcome in zip(obligations, decide_all(tied, 20)):
        assert outcome.result == "unsat", ob.name


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_weakened_query_still_gets_its_answer_but_its_tie_is_sat(mutation, canonical_claims):
    module, old, new, name, builder = MUTATIONS[mutation]
    copy = mutated_module(module, old, new)
    built = getattr(copy, builder)(canonical_claims)
    ob = next(o for o in (built if isinstance(built, list) else [built]) if o.name == name)
    assert decide(ob, timeout_s=10).result == "unsat"         # the bytes changed, the answer did not
    with pytest.MonkeyPatch.context() as mp:
        _patch(mp, copy, builder)
        tie = ties.tie(name, canonical_claims)
        assert decide(tie, timeout_s=20).result == "sat"      # caught on meaning


def test_a_weakened_query_makes_prove_fail(monkeypatch):
    module, old, new, name, builder = MUTATIONS["ray global minimum only over w1 >= 0"]
    _patch(monkeypatch, mutated_module(module, old, new), builder)
    report = prove(canonical(), samples=0)
    row = next(r for r in report["obligations"] if r["name"] == name)
    assert (row["result"], row["tie"]) == ("unsat", "sat") and report["proved"] is False


def test_a_witness_that_does_not_violate_the_lemma_fails_its_tie(canonical_claims):
    """W0 = (-1, 1) is inadmissible (<W0, W*> = -2): the literal statement is false there."""
    from harness.solver import Outcome
    outcome = Outcome("sat", 0.0, {"W0_1": sympy.Integer(-1), "W0_2": sympy.Integer(1),
                                   "lhs": sympy.Integer(2), "rhs": sympy.Integer(1)})
    assert decide(ties.tie("negated_lemma", canonical_claims, outcome)).result == "sat"


# ---- the literal statements agree with independent values --------------------------------------

def _holds(formula) -> bool:
    solver = z3.Solver()
    solver.set("timeout", 10_000)
    solver.add(z3.Not(formula))
    return solver.check() == z3.unsat


def test_literal_losses_take_the_values_of_paper_section_4():
    spec = st.Spec(canonical().X, canonical().y)
    s = z3.Real("s")
    assert _holds(spec.L([const(2), const(0)]) == 3)
    # L̂(W*) = (16 - 7√2)/3 with σ(W*) = 2√2/3
    assert _holds(z3.Implies(spec.is_sigma(s, [const(2), const(0)]),
                             3 * spec.bn_loss([const(2), const(0)], s) == 16 - 7 * (3 * s / 2)))


def test_literal_gradient_at_w_star_is_0_and_minus_3_sqrt2_over_4():
    spec = st.Spec(canonical().X, canonical().y)
    s = z3.Real("s")
    g = spec.bn_gradient([const(2), const(0)], s)      # √2 = 3s/2
    assert _holds(z3.Implies(spec.is_sigma(s, [const(2), const(0)]),
                             z3.And(g[0] == 0, g[1] == -3 * (3 * s / 2) / 4)))


def test_negation_opens_quantifiers_into_a_counterexample():
    x, y = z3.Reals("x y")
    opened = st.negation(z3.ForAll([x], z3.Exists([y], y > x)), {"y": z3.RealVal(0)})
    assert _holds(opened == (0 <= z3.Real("cex.x")))


def test_clearing_the_denominator_term_by_term_is_an_identity():
    assert _holds(st.clearing_step())
