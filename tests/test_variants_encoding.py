"""The non-literal steps of the variant encodings, checked against SymPy: the hand-derived
gradient of L̂_ε (for every w), the cleared affine BN loss (for every w, γ, β, s), the root-free
failure region (at sample points), and the two forms of w_ε (the spec's and the issue's)."""

import random
from fractions import Fraction

import sympy
import z3

from harness.learning_set import canonical, load_json
from harness.statistics import dot, exact_statistics
from harness.variant_evaluator import VariantEvaluator
from proofs.encoding import Network, const
from proofs.variants.encoding import affine_bn_loss_cleared, eps_gradient_cleared
from proofs.variants.line_optima import in_failure_region
from tests.z3_to_sympy import to_sympy

SETS = {"canonical": canonical(), "y_over_3": load_json("examples/variants/canonical_y_over_3.json")}
EPS = sympy.Rational(1, 100_000)


def symbols(dim):
    w = [sympy.Symbol(f"w{k + 1}", real=True) for k in range(dim)]
    return w, [z3.Real(f"w{k + 1}") for k in range(dim)]


def test_eps_gradient_formula_is_the_derivative_of_the_literal_loss():
    ls = SETS["canonical"]
    net, ev = Network(ls.X, ls.y), VariantEvaluator(ls.X, ls.y)
    w, zw = symbols(net.dim)
    s = sympy.Symbol("s", positive=True)
    names = {str(x): x for x in w} | {"s": s}
    sigma_eps = sympy.sqrt(to_sympy(net.bn_variance(zw), names) + EPS)
    loss = ev.affine_bn_loss(w, 1, 0, EPS)
    for k, g in enumerate(eps_gradient_cleared(net, zw, z3.Real("s"), const(Fraction(1, 100_000)))):
        formula = (2 * to_sympy(g, names) / s**4).subs(s, sigma_eps)
        assert sympy.simplify(formula - sympy.diff(loss, w[k])) == 0


def test_cleared_affine_loss_is_s_squared_times_the_literal_loss():
    ls = SETS["canonical"]
    net, ev = Network(ls.X, ls.y), VariantEvaluator(ls.X, ls.y)
    w, zw = symbols(net.dim)
    s, gamma, beta = sympy.symbols("s gamma beta", positive=True)
    names = {str(x): x for x in w} | {"s": s, "gamma": gamma, "beta": beta}
    cleared = to_sympy(affine_bn_loss_cleared(net, zw, z3.Real("s"), z3.Real("gamma"), z3.Real("beta")), names)
    u = [sum(sympy.Rational(x) * wk for x, wk in zip(row, w)) for row in ls.X]
    mu = sum(u) / len(u)
    literal = sum((gamma * (ui - mu) / s + beta - sympy.Rational(yi)) ** 2 for ui, yi in zip(u, ls.y)) / len(u)
    assert sympy.simplify(cleared - s**2 * literal) == 0


def test_root_free_failure_region_agrees_with_the_unit_vector_form():
    ls = SETS["canonical"]
    s = exact_statistics(ls)
    w_star, d = s.w_star, s.bn_direction
    w_hat = sympy.Matrix(w_star) / sympy.sqrt(dot(w_star, w_star))
    d_hat = sympy.Matrix(d) / sympy.sqrt(dot(d, d))
    rng = random.Random(7)
    for _ in range(40):
        w0 = [Fraction(rng.randint(-9, 9), rng.randint(1, 4)) for _ in d]
        encoded = z3.is_true(z3.simplify(in_failure_region([const(v) for v in w0], [const(v) for v in w_star],
                                                            [const(v) for v in d])))
        v = sympy.Matrix(w0)
        assert encoded == bool((v.T * d_hat)[0] ** 2 < (v.T * w_hat)[0] ** 2)


def test_spec_and_issue_forms_of_w_eps_agree():
    """w_ε = sqrt(ε/(1 - k*²))·d (docs/spec.md §7) = r*·d/||d||_Σ with r* = k*·sqrt(ε/(1 - k*²)),
    on the set with k* < 1 (y/3: k* = √38/9)."""
    ev = VariantEvaluator(SETS["y_over_3"].X, SETS["y_over_3"].y)
    sigma, _ = ev.centered()
    d, k_sq = ev.bn_direction(), ev.k_star_sq()
    eps = sympy.Symbol("epsilon", positive=True)
    norm_sigma = sympy.sqrt((d.T * sigma * d)[0])
    assert (d.T * sigma * d)[0] == k_sq                  # ||d||_Σ = k*
    spec = sympy.sqrt(eps / (1 - k_sq)) * d
    issue = sympy.sqrt(k_sq) * sympy.sqrt(eps / (1 - k_sq)) * d / norm_sigma
    assert sympy.simplify(spec - issue) == sympy.zeros(len(d), 1)
