"""The non-literal steps of the Z3 encoding, checked symbolically for every w (not at samples):
the hand-derived gradient of proofs/encoding.py equals SymPy's derivative of the literal BN loss,
the stationarity equation is that gradient times -σ³/2, and the cleared loss is s²·L̂."""

import pytest
import sympy
import z3

from harness.learning_set import canonical, load_json
from proofs.encoding import Network
from tests.z3_to_sympy import to_sympy

SETS = {"canonical": canonical(), "decimals": load_json("examples/decimals.json"),
        "negative_multiple": load_json("examples/negative_multiple.json")}


def literal_bn_loss(ls, w):
    """SymPy, from the definition of docs/spec.md §3."""
    u = [sum(sympy.Rational(x) * wk for x, wk in zip(row, w)) for row in ls.X]
    mu = sum(u) / len(u)
    sigma = sympy.sqrt(sum((ui - mu) ** 2 for ui in u) / len(u))
    return sum(((ui - mu) / sigma - sympy.Rational(yi)) ** 2 for ui, yi in zip(u, ls.y)) / len(u)


def setting(ls):
    net = Network(ls.X, ls.y)
    w = [sympy.Symbol(f"w{k + 1}", real=True) for k in range(net.dim)]
    zw = [z3.Real(f"w{k + 1}") for k in range(net.dim)]
    s = sympy.Symbol("s", positive=True)
    names = {str(x): x for x in w} | {"s": s}
    sigma_sq = to_sympy(net.bn_variance(zw), names)
    return net, w, zw, s, names, sigma_sq


@pytest.mark.parametrize("name", sorted(SETS))
def test_z3_gradient_formula_is_the_derivative_of_the_literal_bn_loss(name):
    ls = SETS[name]
    net, w, zw, s, names, sigma_sq = setting(ls)
    loss = literal_bn_loss(ls, w)
    for k, g in enumerate(net.bn_gradient(zw, z3.Real("s"))):
        formula = to_sympy(g, names).subs(s, sympy.sqrt(sigma_sq))
        assert sympy.simplify(formula - sympy.diff(loss, w[k])) == 0


@pytest.mark.parametrize("name", sorted(SETS))
def test_stationarity_equation_is_the_gradient_times_minus_sigma_cubed_over_2(name):
    net, w, zw, s, names, sigma_sq = setting(SETS[name])
    cw = to_sympy(net.cov_with_targets(zw), names)
    for g, ck, sw in zip(net.bn_gradient(zw, z3.Real("s")), net.cov_vector(), net.sigma_times(zw)):
        lhs = to_sympy(g, names) * (-s ** 3 / 2)
        rhs = to_sympy(ck, names) * s ** 2 - cw * to_sympy(sw, names)
        assert sympy.simplify(lhs - rhs) == 0


@pytest.mark.parametrize("name", sorted(SETS))
def test_cleared_bn_loss_is_s_squared_times_the_literal_loss(name):
    net, w, zw, s, names, sigma_sq = setting(SETS[name])
    zs = z3.Real("s")
    cleared = to_sympy(net.bn_loss_cleared(zw, zs), names)
    literal = to_sympy(net.bn_loss(zw, zs), names)
    assert sympy.simplify(cleared - s ** 2 * literal) == 0


def test_a_wrong_gradient_formula_is_caught_symbolically():
    ls = SETS["canonical"]
    net, w, zw, s, names, sigma_sq = setting(ls)
    wrong = to_sympy(-2 * net.cov_vector()[1] / z3.Real("s"), names).subs(s, sympy.sqrt(sigma_sq))
    assert sympy.simplify(wrong - sympy.diff(literal_bn_loss(ls, w), w[1])) != 0
