"""The general theorems' queries tied to their claims, stated literally (docs/general-theorems.md).

Each obligation of proofs/general/bn_optima_ray.py and the premises of proofs/general/gram.py
use an encoding: squared comparisons instead of L̂ with roots, e_i·V = C·v_i instead of ∇L̂ = 0,
2×2 minors instead of "not a multiple", Sylvester's minors instead of "a Gram matrix of vectors".
These tests show, with Z3 and with exact values, that each encoding follows from the literal
statement, so that `unsat` of the query proves the claim:

- the claimed direction of the optima is a free vector f (a parameter of `bn_optima_ray`), so
  the literal negation is satisfiable (f off the line through d) and a query that states less
  than the literal claim has a model of "literal negation and not query";
- the Gram premises are evaluated at the Gram matrix of actual vectors, degenerate ones
  included: a premise that is not implied by "these are vectors" rejects one of them.

Coordinates as in bn_optima_ray: Σ = L·D·Lᵀ, e = Lᵀd, v = Lᵀw, so σ²(u) = Σ D_i u_i² and
<c,u> = dᵀΣu = Σ D_i e_i u_i for u in v-coordinates, and L̂(u) = 1 + mean(y²) - 2<c,u>/σ(u).
"""

from fractions import Fraction

import pytest
import sympy
import z3

from harness.solver import new_solver
from proofs.general.bn_optima_ray import bn_optima_ray, coordinates, off_line
from proofs.general.gram import gram, nonzero, psd

K = 2


def _tie_fails(hypothesis, query, tactic: tuple[str, ...] = ()) -> bool:
    """True when the literal `hypothesis` does NOT imply the query (a model of hypothesis ∧ ¬query);
    `tactic`: a Z3 tactic pipeline, as an obligation's (harness.solver.new_solver)."""
    solver = new_solver(30.0, tactic)
    solver.add(hypothesis, z3.Not(z3.And(query)))
    result = solver.check()
    assert result != z3.unknown, "the tie is undecided"
    return result == z3.sat


def _literal(k=K):
    """The symbols of dimension k and the literal pieces of the claims, claimed direction f free."""
    D, e, v, _, _, C = coordinates(k)
    f = z3.Reals(" ".join(f"f{i + 1}" for i in range(k)))
    t, s_w, s_f = z3.Reals("t s_w s_f")
    sigma_sq = lambda u: z3.Sum([D[i] * u[i] * u[i] for i in range(k)])   # noqa: E731
    c_dot = lambda u: z3.Sum([D[i] * e[i] * u[i] for i in range(k)])      # noqa: E731
    spd = z3.And(*[Di > 0 for Di in D], z3.Or([ei != 0 for ei in e]))
    return D, e, v, C, f, t, s_w, s_f, sigma_sq, c_dot, spd


def _lower_loss(C, X, V_w, V_f, s_w, s_f):
    """L̂(w) < L̂(u) literally, for <c,w> = C, <c,u> = X, σ²(w) = V_w, σ²(u) = V_f and σ as the
    positive roots s_w, s_f (L̂ = 1 + mean(y²) - 2<c,·>/σ; mean(y²) cancels)."""
    return z3.And(V_w > 0, s_w > 0, s_w * s_w == V_w, V_f > 0, s_f > 0, s_f * s_f == V_f,
                  1 - 2 * C / s_w < 1 - 2 * X / s_f)


def _squared_comparison(C, X, V_w, V_f):
    """What L̂(w) < L̂(u) implies without roots: <c,u> <= 0, or C > 0 and C²·σ²(u) > X²·σ²(w)."""
    return z3.Or(X <= 0, z3.And(V_w > 0, C > 0, C * C * V_f > X * X * V_w))


def _ray_minimum_negations(k=K):
    """¬(σ(tf) > 0 ∧ <c,tf> > 0 ∧ ∀w, σ(w) > 0: L̂(w) >= L̂(tf)) for t > 0, one disjunct each; the
    third, L̂(w) < L̂(tf), through its squared consequence (step 1, proved for all reals by
    `test_a_lower_bn_loss_means_the_squared_comparison`; one Z3 query with the roots inside takes
    seconds, the two steps milliseconds)."""
    D, e, v, C, f, t, s_w, s_f, sigma_sq, c_dot, spd = _literal(k)
    tf = [t * fi for fi in f]
    lower = _squared_comparison(c_dot(v), c_dot(tf), sigma_sq(v), sigma_sq(tf))
    return f, [z3.And(spd, t > 0, case) for case in (sigma_sq(tf) <= 0, c_dot(tf) <= 0, lower)]


def test_a_lower_bn_loss_means_the_squared_comparison():
    """Step 1, for all reals: L̂(w) < L̂(u) with σ as roots implies the squared comparison."""
    C, X, V_w, V_f, s_w, s_f = z3.Reals("C X V_w V_f s_w s_f")
    assert not _tie_fails(_lower_loss(C, X, V_w, V_f, s_w, s_f), [_squared_comparison(C, X, V_w, V_f)])
    # and the comparison is not weaker than needed: without "X <= 0" it no longer follows
    assert _tie_fails(_lower_loss(C, X, V_w, V_f, s_w, s_f),
                      [z3.And(V_w > 0, C > 0, C * C * V_f > X * X * V_w)])


def _stationary_negation(k=K):
    """¬(∇L̂(w) = 0 ∧ σ(w) > 0 ⇒ w on the line through f): ∂L̂/∂v_i = -2·D_i·(e_i/σ - C·v_i/σ³)."""
    D, e, v, C, f, t, s_w, s_f, sigma_sq, c_dot, spd = _literal(k)
    gradient_zero = [D[i] * e[i] / s_w - C * D[i] * v[i] / (s_w * s_w * s_w) == 0 for i in range(k)]
    return f, z3.And(spd, sigma_sq(v) > 0, s_w > 0, s_w * s_w == sigma_sq(v), *gradient_zero,
                     off_line(f, v))


def test_the_ray_minimum_query_follows_from_the_literal_claim_for_every_claimed_direction():
    f, negations = _ray_minimum_negations()
    query = bn_optima_ray(K, ray=f)[0].query
    assert not any(_tie_fails(negation, query) for negation in negations)


def test_a_ray_minimum_query_without_the_loss_comparison_or_the_sign_of_c_is_caught_by_the_tie():
    """Dropping "L̂(w) < L̂(td)" or "<c,td> <= 0" from the query (it still is unsat at f = e) no
    longer follows from the literal claim."""
    f, negations = _ray_minimum_negations()
    *hypotheses, cases = bn_optima_ray(K, ray=f)[0].query
    variance, sign, lower = cases.children()
    assert _tie_fails(negations[2], [*hypotheses, z3.Or(variance, sign)])
    assert _tie_fails(negations[1], [*hypotheses, z3.Or(variance, lower)])


def test_the_stationary_point_query_follows_from_the_literal_gradient_for_every_claimed_direction():
    f, negation = _stationary_negation()
    assert not _tie_fails(negation, bn_optima_ray(K, ray=f)[1].query)


def test_a_stationarity_condition_that_is_not_the_gradient_is_caught_by_the_tie():
    """e_i/V = C·v_i in place of e_i·V = C·v_i: the query is still unsat at f = e, but it is no
    longer what ∇L̂ = 0 says."""
    f, negation = _stationary_negation()
    D, e, v, E, V, C = coordinates(K)
    query = [c for c in bn_optima_ray(K, ray=f)[1].query
             if not any(c.eq(e[i] * V == C * v[i]) for i in range(K))]
    assert _tie_fails(negation, [*query, *[e[i] / V == C * v[i] for i in range(K)]])


def test_the_literal_gradient_is_sympys_derivative_of_the_bn_loss():
    """∂/∂v_i of L̂ = 1 + m - 2·Σ D_j e_j v_j / sqrt(Σ D_j v_j²) is -2·D_i·(e_i/σ - C·v_i/σ³)."""
    D, e, v = (sympy.symbols(f"{n}1:{K + 1}", real=True) for n in "Dev")
    sigma = sympy.sqrt(sum(D[j] * v[j] ** 2 for j in range(K)))
    C = sum(D[j] * e[j] * v[j] for j in range(K))
    loss = 1 - 2 * C / sigma
    point = {D[0]: 2, D[1]: 3, e[0]: 1, e[1]: -2, v[0]: Fraction(1, 3), v[1]: 5}
    for i in range(K):
        claimed = -2 * D[i] * (e[i] / sigma - C * v[i] / sigma ** 3)
        assert sympy.simplify((sympy.diff(loss, v[i]) - claimed).subs(point)) == 0


@pytest.mark.parametrize("k", [2, 3])
def test_off_line_means_not_a_multiple_of_a_nonzero_vector(k):
    """off_line(f, v) ⇔ ¬∃λ: v = λ·f, for every f != 0 (Z3, quantified)."""
    f = z3.Reals(" ".join(f"f{i + 1}" for i in range(k)))
    v = z3.Reals(" ".join(f"v{i + 1}" for i in range(k)))
    lam = z3.Real("lam")
    multiple = z3.Exists([lam], z3.And([v[i] == lam * f[i] for i in range(k)]))
    assert not _tie_fails(z3.Or([fi != 0 for fi in f]), [off_line(f, v) == z3.Not(multiple)])


# (W0, W*, d) with rational norms ||W*||, ||d||: generic, W0 = d, W0 = W*, W0 = 0, W* parallel
# to d, and small norms (every entry of the Gram matrix < 1); in R² every Gram determinant is 0.
TRIPLES = [
    ((1, 2), (3, 4), (0, 1)),
    ((0, 1), (3, 4), (0, 1)),
    ((3, 4), (3, 4), (1, 0)),
    ((0, 0), (3, 4), (0, 1)),
    ((1, -1), (Fraction(3, 10), Fraction(2, 5)), (Fraction(3, 5), Fraction(4, 5))),
    ((Fraction(1, 5), Fraction(1, 7)), (Fraction(1, 4), 0), (0, Fraction(-1, 3))),
    ((1, 2, 2), (2, 3, 6), (1, 4, 8)),
]


@pytest.mark.parametrize("w0, w_star, d", TRIPLES)
def test_the_gram_premises_hold_at_the_gram_matrix_of_actual_vectors(w0, w_star, d):
    """The premises of the general failure-region theorems (nonzero, PSD by Sylvester's minors,
    the roots ||W*||, ||d||) hold at every Gram matrix of vectors W0, W*, d with W*, d != 0: a
    premise stronger than that (e.g. a strict minor, W0 != 0) would prove the claim for fewer
    W0 than it states."""
    dot = lambda u, w: sum(Fraction(a) * Fraction(b) for a, b in zip(u, w))   # noqa: E731
    g = gram()
    norm = lambda u: Fraction(sympy.sqrt(sympy.Rational(dot(u, u))))          # noqa: E731
    values = {g.p: dot(w0, w0), g.a: dot(w0, w_star), g.b: dot(w0, d), g.q: dot(w_star, w_star),
              g.r: dot(d, d), g.s: dot(w_star, d), g.nw: norm(w_star), g.nd: norm(d)}
    pairs = [(x, z3.RealVal(f"{val.numerator}/{val.denominator}")) for x, val in values.items()]
    premises = z3.simplify(z3.substitute(z3.And(*g.roots, *nonzero(g), *psd(g)), *pairs))
    assert z3.is_true(premises)
