"""The Z3 semantics (proofs/encoding.py) and the SymPy evaluator agree on sample points.

The two are written independently; here Z3 evaluates its terms at exact rational points (σ(w)
is the model value of s with s > 0, s² = σ²(w), an algebraic number read losslessly) and SymPy
evaluates the literal definitions. This covers the encoding steps that are not literal: the
hand-derived gradient, the cleared-denominator loss and the simplified loss.
"""

from fractions import Fraction

import pytest
import sympy
import z3

from harness.evaluator import Evaluator
from harness.learning_set import canonical, load_json
from harness.solver import decide
from proofs.encoding import Network, const
from proofs.obligation import Obligation

POINTS = [(2, 0), (5, 3), (1, 1), (-1, 2), (Fraction(1, 3), Fraction(-7, 5))]
SETS = [canonical(), load_json("examples/decimals.json")]


def z3_values(ls, point):
    net = Network(ls.X, ls.y)
    w = [const(v) for v in point]
    s = z3.Real("s")
    terms = {"standard": net.standard_loss(w), "bn": net.bn_loss(w, s),
             "cleared": net.bn_loss_cleared(w, s), "simplified": net.simplified_bn_loss(w, s),
             "s2": s * s}
    terms.update({f"g{k}": g for k, g in enumerate(net.bn_gradient(w, s))})
    outcome = decide(Obligation("evaluate", "", "sat", (s > 0, s * s == net.bn_variance(w)), terms))
    assert outcome.result == "sat"
    return outcome.witness


def same(a, b):
    return sympy.simplify(a - b) == 0


@pytest.mark.parametrize("ls", SETS, ids=["canonical", "decimals"])
@pytest.mark.parametrize("point", POINTS, ids=str)
def test_z3_terms_equal_sympy_definitions_at_sample_point(ls, point):
    ev = Evaluator(ls.X, ls.y)
    values = z3_values(ls, point)
    assert same(values["standard"], ev.standard_loss(point))
    assert same(values["bn"], ev.bn_loss(point))
    assert same(values["simplified"], ev.bn_loss(point))
    assert same(values["cleared"], values["s2"] * ev.bn_loss(point))
    gradient = ev.bn_gradient(point)
    assert all(same(values[f"g{k}"], gradient[k]) for k in range(len(point)))


def test_a_wrong_gradient_formula_disagrees_with_sympy():
    """The comparison can fail: dropping the second term of ∇L̂ is caught."""
    ls = canonical()
    net = Network(ls.X, ls.y)
    w = [const(2), const(0)]
    s = z3.Real("s")
    wrong = {f"g{k}": -2 * ck / s for k, ck in enumerate(net.cov_vector())}
    outcome = decide(Obligation("evaluate", "", "sat", (s > 0, s * s == net.bn_variance(w)), wrong))
    gradient = Evaluator(ls.X, ls.y).bn_gradient((2, 0))
    assert not all(same(outcome.witness[f"g{k}"], gradient[k]) for k in range(2))
