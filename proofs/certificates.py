"""Solver-free certificates for the obligations of the canonical set (docs/spec.md §4).

Each function below returns one Certificate (shape: proofs/certificate.py): explicit
polynomials and rational coefficients, which harness/certify.py checks by plain SymPy
arithmetic (`make certify`), with no solver. Its docstring says which obligation it certifies
and why the identities imply the claim. The left sides are built by the checker from the
learning set and W*, d as stated here, so a wrong W* or d, or a perturbed coefficient, makes an
identity fail.

Canonical set: x = (0,0), (0,1), (1,0), y = -3, 0, 2. Values used below: n = 3, mean(y²) = 13/3,
W* = (2, 0), d = (5, 3), ||d||² = 34, ||W*||² = 4, σ²(w) = (2/9)(w1² - w1w2 + w2²),
<c, w> = (7w1 + w2)/9, c = (7/9, 1/9), Σ = (1/9)[[2, -1], [-1, 2]], Σ^{-1} = [[6, 3], [3, 6]],
σ²(d) = <c, d> = 38/9, σ²(W*) = 8/9.

What is certified is each claim as docs/spec.md states it, rebuilt by the checker; the certificate
does not read the Z3 query (the SMT-LIB2 files and the two solvers cover the queries).
"""

from __future__ import annotations

from fractions import Fraction

from sympy import Rational as R
from sympy import symbols

from proofs.certificate import Certificate, Hypothesis, Identity, Term

w1, w2, s, s_d, t, eps, p, q = symbols("w1 w2 s s_d t eps p q")
W0_1, W0_2 = symbols("W0_1 W0_2")
w, W0 = (w1, w2), (W0_1, W0_2)

F = Fraction
X = ((F(0), F(0)), (F(0), F(1)), (F(1), F(0)))
Y = (F(-3), F(0), F(2))
W_STAR = (F(2), F(0))
D = (F(5), F(3))


def _cert(obligations, claim, hypotheses, identities) -> Certificate:
    return Certificate(tuple(obligations), claim, X, Y, W_STAR, D, tuple(hypotheses), tuple(identities))


def positive(name, expr) -> Hypothesis:
    return Hypothesis(name, expr, ">")


def nonnegative(name, expr) -> Hypothesis:
    return Hypothesis(name, expr, ">=")


def zero(name, expr) -> Hypothesis:
    return Hypothesis(name, expr, "=")


def standard_optimum() -> Certificate:
    """standard_optimum: L(w) > L(W*) for every w != W*.

    L(w) - L(W*) = (1/3)(w1 - 2)² + (1/3)w2²: the LDLᵀ form of the Gram matrix (1/n)Σ x_i x_iᵀ
    = (1/3)I (L = I, D = diag(1/3, 1/3)) in the coordinates w - W*. The forms w1 - 2, w2 are
    independent and the weights positive, so the sum is > 0 unless w = W* (2, 0).
    """
    return _cert(["standard_optimum"], "L(w) - L(W*) is a positive definite quadratic form in w - W*",
                 [], [Identity("L(w) - L(W*) = (1/3)(w1 - 2)² + (1/3)w2²", ">= 0",
                               lambda m: m.L(w) - m.L(m.w_star),
                               terms=(Term(R(1, 3), (w1 - 2,)), Term(R(1, 3), (w2,))),
                               definite_in=(w1, w2))])


def bn_loss_identity() -> Certificate:
    """bn_loss_identity: L̂(w) = 1 + mean(y²) - 2<c,w>/s wherever s > 0 and s² = σ²(w).

    L̂(w, s) - (1 + mean(y²) - 2<c,w>/s) = -(1/s²)·(s² - σ²(w)) as rational functions of w, s:
    expanding ((u_i - μ)/s - y_i)² and using Σ(u_i - μ)ȳ = 0 leaves σ²/s² - 1. Under s² = σ²(w)
    the difference is 0.
    """
    return _cert(["bn_loss_identity"], "the literal BN loss equals its simplified form",
                 [positive("s > 0", lambda m: s), zero("s² = σ²(w)", lambda m: s**2 - m.var(w))],
                 [Identity("L̂(w) - (1 + mean(y²) - 2<c,w>/s) = -(1/s²)(s² - σ²(w))", "= 0",
                           lambda m: m.bn_loss(w, s) - (1 + m.mean_sq - 2 * m.cov(w) / s),
                           multiples=((-1 / s**2, "s² = σ²(w)"),))])


_RAY = [Identity("σ²(t·d) = (38/9)·t²", "> 0", lambda m: m.var(m.scaled(t, m.d)),
                 terms=(Term(R(38, 9), (), ("t > 0", "t > 0")),)),
        Identity("<c, t·d> = (38/9)·t", "> 0", lambda m: m.cov(m.scaled(t, m.d)),
                 terms=(Term(R(38, 9), (), ("t > 0",)),))]


def bn_ray_is_global_minimum() -> Certificate:
    """bn_ray_is_global_minimum: for t > 0, σ(t·d) > 0, <c,t·d> > 0, and no w with σ(w) > 0 has
    <c,w> > 0 and <c,w>²σ²(t·d) > <c,t·d>²σ²(w) (the root-free form of L̂(w) < L̂(t·d)).

    σ²(td) = (38/9)t² > 0 and <c,td> = (38/9)t > 0 for t > 0. Cauchy-Schwarz in the Σ inner
    product (c = Σd), as the Lagrange identity in two dimensions:
    <c,td>²σ²(w) - <c,w>²σ²(td) = (38/243)·t²·(3w1 - 5w2)² >= 0 for every w, which rules out
    the strict inequality. (38/243 = σ²(d)·det Σ = (38/9)(1/27).)
    """
    return _cert(["bn_ray_is_global_minimum"], "Cauchy-Schwarz in the Σ inner product as a sum of squares",
                 [positive("t > 0", lambda m: t)],
                 [*_RAY,
                  Identity("<c,td>²σ²(w) - <c,w>²σ²(td) = (38/243)·t²·(3w1 - 5w2)²", ">= 0",
                           lambda m: m.cov(m.scaled(t, m.d)) ** 2 * m.var(w) - m.cov(w) ** 2 * m.var(m.scaled(t, m.d)),
                           terms=(Term(R(38, 243), (t, 3 * w1 - 5 * w2)),))])


def bn_stationary_points_on_line() -> Certificate:
    """bn_stationary_points_on_line: σ²(w) > 0 and E_k := c_k·σ²(w) - <c,w>(Σw)_k = 0 (k = 1, 2)
    imply that w is a multiple of d, i.e. not ||w||²||d||² - <w,d>² > 0.

    Σ^{-1}E = d·σ²(w) - <c,w>·w (as c = Σd), and its cross product with w gives
    σ²(w)·(5w2 - 3w1) = (6w2 - 3w1)·E_1 + (3w2 - 6w1)·E_2 (Σ^{-1} = [[6, 3], [3, 6]]).
    With E = 0 and σ²(w) > 0 this forces 5w2 - 3w1 = 0, and the Lagrange identity
    ||w||²||d||² - <w,d>² = (5w2 - 3w1)² then makes the "not parallel" hypothesis false.
    """
    def E(k):
        return lambda m: m.c[k] * m.var(w) - m.cov(w) * m.sigma_times(w)[k]

    return _cert(["bn_stationary_points_on_line"], "an explicit polynomial combination of ∇L̂ = 0",
                 [positive("σ²(w) > 0", lambda m: m.var(w)), zero("E_1 = 0", E(0)), zero("E_2 = 0", E(1))],
                 [Identity("σ²(w)·(5w2 - 3w1) = (6w2 - 3w1)·E_1 + (3w2 - 6w1)·E_2", "= 0",
                           lambda m: m.var(w) * (m.d[0] * w2 - m.d[1] * w1),
                           multiples=((6 * w2 - 3 * w1, "E_1 = 0"), (3 * w2 - 6 * w1, "E_2 = 0"))),
                  Identity("||w||²||d||² - <w,d>² = (5w2 - 3w1)²", ">= 0",
                           lambda m: m.sq(w) * m.sq(m.d) - m.dot(w, m.d) ** 2,
                           terms=(Term(R(1), (5 * w2 - 3 * w1,)),))])


def bn_opposite_ray_not_minimum() -> Certificate:
    """bn_opposite_ray_not_minimum: for t > 0 and every w off the line (N(w) := ||w||²||d||² -
    <w,d>² > 0): σ(td) > 0, <c,td> > 0 and <c,w>²σ²(td) < <c,td>²σ²(w); the last rules out the
    root-free form of L̂(w) >= L̂(-t·d).

    As for the ray: σ²(td) = (38/9)t², <c,td> = (38/9)t, and
    <c,td>²σ²(w) - <c,w>²σ²(td) = (38/243)·t²·N(w) > 0 (t² > 0, N(w) > 0).
    """
    return _cert(["bn_opposite_ray_not_minimum"], "the same Lagrange identity, strict off the line",
                 [positive("t > 0", lambda m: t),
                  positive("N(w) > 0", lambda m: m.sq(w) * m.sq(m.d) - m.dot(w, m.d) ** 2)],
                 [*_RAY,
                  Identity("<c,td>²σ²(w) - <c,w>²σ²(td) = (38/243)·t²·N(w)", "> 0",
                           lambda m: m.cov(m.scaled(t, m.d)) ** 2 * m.var(w) - m.cov(w) ** 2 * m.var(m.scaled(t, m.d)),
                           terms=(Term(R(38, 243), (), ("t > 0", "t > 0", "N(w) > 0")),))])


def bn_gradient_at_w_star() -> Certificate:
    """bn_gradient_at_w_star: ∇L̂(W*) = (0, -(9/8)·sqrt(8/9)) = (0, -3√2/4) != 0.

    s = σ(W*) is the positive root of s² = σ²(W*) = 8/9, so the claimed g = (0, -(9/8)s).
    The gradient is SymPy's derivative of the literal L̂ (harness/certify.py, bn_gradient), a
    rational function of s at W*; each component minus g_k is an explicit multiple of
    s² - σ²(W*), hence 0. And -g_2 = (9/8)s > 0, so g != 0.
    """
    h = "s² = σ²(W*)"
    return _cert(["bn_gradient_at_w_star"], "the derivative of the literal L̂ at W*, exactly",
                 [positive("s > 0", lambda m: s), zero(h, lambda m: s**2 - m.var(m.w_star))],
                 [Identity("σ²(W*) = 8/9", "> 0", lambda m: m.var(m.w_star), terms=(Term(R(8, 9)),)),
                  Identity("∂L̂/∂w1(W*) - 0 = -2(7s - 4)/(9s⁴)·(s² - σ²(W*))", "= 0",
                           lambda m: m.bn_gradient(m.w_star, s)[0],
                           multiples=((-2 * (7 * s - 4) / (9 * s**4), h),)),
                  Identity("∂L̂/∂w2(W*) + (9/8)s = (9s - 4)(9s² + 4s + 8)/(72s⁴)·(s² - σ²(W*))", "= 0",
                           lambda m: m.bn_gradient(m.w_star, s)[1] + R(9, 8) * s,
                           multiples=(((9 * s - 4) * (9 * s**2 + 4 * s + 8) / (72 * s**4), h),)),
                  Identity("-g_2 = (9/8)·s", "> 0", lambda m: R(9, 8) * s, terms=(Term(R(9, 8), (), ("s > 0",)),))])


def w_star_not_bn_optimal() -> Certificate:
    """w_star_not_bn_optimal: W* is not on the ray, L̂(W*) = 16/3 - (7/2)sqrt(8/9) = (16 - 7√2)/3,
    L̂(d) = 16/3 - 2sqrt(38/9) = (16 - 2√38)/3, and L̂(W*) > L̂(d).

    With s = σ(W*) = sqrt(8/9), s_d = σ(d) = sqrt(38/9) (positive roots):
    d2·W*1 - d1·W*2 = 6 != 0, so W* is no multiple of d; L̂(W*) - (16/3 - 7s/2) and
    L̂(d) - (16/3 - 2s_d) are multiples of s² - σ²(W*), s_d² - σ²(d), hence 0; and
    L̂(W*) - L̂(d) = 2s_d - 7s/2 with (2s_d - 7s/2)(2s_d + 7s/2) = 4s_d² - (49/4)s² = 6 under
    the hypotheses, while 2s_d + 7s/2 > 0: so 2s_d - 7s/2 > 0.
    """
    hw, hd = "s² = σ²(W*)", "s_d² = σ²(d)"
    return _cert(["w_star_not_bn_optimal"], "exact BN loss values and their order",
                 [positive("s > 0", lambda m: s), zero(hw, lambda m: s**2 - m.var(m.w_star)),
                  positive("s_d > 0", lambda m: s_d), zero(hd, lambda m: s_d**2 - m.var(m.d))],
                 [Identity("d2·W*1 - d1·W*2 = 6", "> 0", lambda m: m.d[1] * m.w_star[0] - m.d[0] * m.w_star[1],
                           terms=(Term(R(6)),)),
                  Identity("L̂(W*) - (16/3 - 7s/2) = (7s - 2)/(2s²)·(s² - σ²(W*))", "= 0",
                           lambda m: m.bn_loss(m.w_star, s) - (R(16, 3) - R(7, 2) * s),
                           multiples=(((7 * s - 2) / (2 * s**2), hw),)),
                  Identity("L̂(d) - (16/3 - 2s_d) = (2s_d - 1)/s_d²·(s_d² - σ²(d))", "= 0",
                           lambda m: m.bn_loss(m.d, s_d) - (R(16, 3) - 2 * s_d),
                           multiples=(((2 * s_d - 1) / s_d**2, hd),)),
                  Identity("(2s_d - 7s/2)(2s_d + 7s/2) = 6 + 4(s_d² - σ²(d)) - (49/4)(s² - σ²(W*))", "> 0",
                           lambda m: (2 * s_d - R(7, 2) * s) * (2 * s_d + R(7, 2) * s),
                           terms=(Term(R(6)),), multiples=((R(4), hd), (R(-49, 4), hw))),
                  Identity("2s_d + 7s/2 > 0", "> 0", lambda m: 2 * s_d + R(7, 2) * s,
                           terms=(Term(R(2), (), ("s_d > 0",)), Term(R(7, 2), (), ("s > 0",))))])


def distance_to_ray_lower_bound() -> Certificate:
    """distance_to_ray_lower_bound: ||W0 - t·d||² >= D(W0) for every W0 and t > 0.

    Completing the square. If <W0,d> > 0: ||W0 - td||² - (||W0||² - <W0,d>²/34)
    = (1/34)(34t - <W0,d>)² >= 0. If <W0,d> <= 0: ||W0 - td||² - ||W0||² = 34t² + 2t·(-<W0,d>)
    >= 0 (t > 0, -<W0,d> >= 0).
    """
    return _cert(["distance_to_ray_lower_bound"], "completing the square in t",
                 [positive("t > 0", lambda m: t), nonnegative("-<W0,d> >= 0", lambda m: -m.dot(W0, m.d))],
                 [Identity("case <W0,d> > 0: ||W0 - td||² - D(W0) = (1/34)(34t - <W0,d>)²", ">= 0",
                           lambda m: m.sq(m.sub(W0, m.scaled(t, m.d))) - m.ray_distance_pos(W0),
                           terms=(Term(R(1, 34), (34 * t - 5 * W0_1 - 3 * W0_2,)),)),
                  Identity("case <W0,d> <= 0: ||W0 - td||² - D(W0) = 34t² + 2t(-<W0,d>)", ">= 0",
                           lambda m: m.sq(m.sub(W0, m.scaled(t, m.d))) - m.ray_distance_nonpos(W0),
                           terms=(Term(R(34), (t,)), Term(R(2), (), ("t > 0", "-<W0,d> >= 0"))))])


def distance_to_ray_attained() -> Certificate:
    """distance_to_ray_attained: D(W0) is the infimum.

    If <W0,d> > 0: t* = <W0,d>/34 > 0 and ||W0 - t*d||² - D(W0) = 0 identically.
    If <W0,d> <= 0, ε > 0 and t·δ = ε with δ := 34ε - 2<W0,d> + 1: δ = 34ε + 1 + 2(-<W0,d>) > 0;
    t·δ² = εδ + δ(tδ - ε) with εδ = 34ε² + ε + 2ε(-<W0,d>) > 0, so t > 0; and
    δ·(D(W0) + ε - ||W0 - td||²) = t·P + (2<W0,d> - 34ε - 34t - 1)(tδ - ε) with
    P = 1156ε² + 34ε + 1 + 68(-<W0,d>)ε + 2(-<W0,d>) > 0, so ||W0 - td||² < D(W0) + ε.
    The hypothesis "t > 0" used in the last identity is the conclusion of the second one.
    """
    B = lambda m: m.dot(W0, m.d)                           # noqa: E731
    delta = lambda m: 34 * eps - 2 * B(m) + 1              # noqa: E731
    h = "t·δ - ε = 0"
    return _cert(["distance_to_ray_attained"], "exact algebra for the minimiser and the sequence t -> 0+",
                 [positive("<W0,d> > 0", B), nonnegative("-<W0,d> >= 0", lambda m: -B(m)),
                  positive("ε > 0", lambda m: eps), zero(h, lambda m: t * delta(m) - eps),
                  positive("t > 0", lambda m: t)],
                 [Identity("case <W0,d> > 0: t* = <W0,d>/34 > 0", "> 0", lambda m: B(m) / m.sq(m.d),
                           terms=(Term(R(1, 34), (), ("<W0,d> > 0",)),)),
                  Identity("case <W0,d> > 0: ||W0 - t*·d||² - D(W0) = 0", "= 0",
                           lambda m: m.sq(m.sub(W0, m.scaled(B(m) / m.sq(m.d), m.d))) - m.ray_distance_pos(W0)),
                  Identity("case <W0,d> <= 0: δ = 34ε + 1 + 2(-<W0,d>)", "> 0", delta,
                           terms=(Term(R(34), (), ("ε > 0",)), Term(R(1)), Term(R(2), (), ("-<W0,d> >= 0",)))),
                  Identity("case <W0,d> <= 0: t·δ² = 34ε² + ε + 2ε(-<W0,d>) + δ(tδ - ε)", "> 0",
                           lambda m: t * delta(m) ** 2,
                           terms=(Term(R(34), (), ("ε > 0", "ε > 0")), Term(R(1), (), ("ε > 0",)),
                                  Term(R(2), (), ("ε > 0", "-<W0,d> >= 0"))),
                           multiples=((34 * eps - 2 * (5 * W0_1 + 3 * W0_2) + 1, h),)),
                  Identity("case <W0,d> <= 0: δ(D(W0) + ε - ||W0 - td||²) = t·P + (2<W0,d> - 34ε - 34t - 1)(tδ - ε)", "> 0",
                           lambda m: delta(m) * (m.ray_distance_nonpos(W0) + eps - m.sq(m.sub(W0, m.scaled(t, m.d)))),
                           terms=(Term(R(1156), (), ("t > 0", "ε > 0", "ε > 0")), Term(R(34), (), ("t > 0", "ε > 0")),
                                  Term(R(1), (), ("t > 0",)), Term(R(68), (), ("t > 0", "-<W0,d> >= 0", "ε > 0")),
                                  Term(R(2), (), ("t > 0", "-<W0,d> >= 0"))),
                           multiples=((2 * (5 * W0_1 + 3 * W0_2) - 34 * eps - 34 * t - 1, h),))])


def failure_region() -> Certificate:
    """failure_region_necessary and failure_region_sufficient: for <W0,W*> > 0, (L4.5) fails at
    W0 iff <W0,W*>·q - <W0,d>·p > 0, with p = ||W*||, q = ||d|| (p, q > 0, p² = 4, q² = 34).

    Write A = <W0,W*> > 0, B = <W0,d>. RHS(W0) is the right side of (L4.5).
    If B > 0: p²q²(D(W0) - RHS(W0)) = (Aq - Bp)(Aq + Bp) + (A²q²/4)(p² - 4) - (B²p²/34)(q² - 34),
    and Aq + Bp > 0, p²q² > 0: D(W0) > RHS(W0) iff Aq - Bp > 0 (both directions).
    If B <= 0: D(W0) - RHS(W0) = A²/4 > 0 (it fails) and Aq - Bp = Aq + (-B)p > 0 (in the
    region): both sides of the equivalence are true.
    """
    A = lambda m: m.dot(W0, m.w_star)                      # noqa: E731
    B = lambda m: m.dot(W0, m.d)                           # noqa: E731
    hp, hq = "p² = ||W*||²", "q² = ||d||²"
    return _cert(["failure_region_necessary", "failure_region_sufficient"],
                 "the sign of D - RHS is the sign of <W0, ŵ - d̂>, by exact algebra",
                 [positive("p > 0", lambda m: p), zero(hp, lambda m: p**2 - m.sq(m.w_star)),
                  positive("q > 0", lambda m: q), zero(hq, lambda m: q**2 - m.sq(m.d)),
                  positive("<W0,W*> > 0", A), positive("<W0,d> > 0", B),
                  nonnegative("-<W0,d> >= 0", lambda m: -B(m))],
                 [Identity("case B > 0: p²q²(D - RHS) - (Aq - Bp)(Aq + Bp) = (A²q²/4)(p² - 4) - (B²p²/34)(q² - 34)", "= 0",
                           lambda m: p**2 * q**2 * (m.ray_distance_pos(W0) - m.lemma_rhs(W0))
                           - (A(m) * q - B(m) * p) * (A(m) * q + B(m) * p),
                           multiples=((2 * W0_1 * 2 * W0_1 * q**2 / 4, hp),
                                      (-(5 * W0_1 + 3 * W0_2) ** 2 * p**2 / 34, hq))),
                  Identity("case B > 0: Aq + Bp > 0", "> 0", lambda m: A(m) * q + B(m) * p,
                           terms=(Term(R(1), (), ("<W0,W*> > 0", "q > 0")), Term(R(1), (), ("<W0,d> > 0", "p > 0")))),
                  Identity("case B <= 0: D - RHS = A²/4 > 0", "> 0", lambda m: m.ray_distance_nonpos(W0) - m.lemma_rhs(W0),
                           terms=(Term(R(1, 4), (), ("<W0,W*> > 0", "<W0,W*> > 0")),)),
                  Identity("case B <= 0: Aq - Bp = Aq + (-B)p > 0", "> 0", lambda m: A(m) * q - B(m) * p,
                           terms=(Term(R(1), (), ("<W0,W*> > 0", "q > 0")), Term(R(1), (), ("-<W0,d> >= 0", "p > 0"))))])


def negated_lemma() -> Certificate:
    """negated_lemma (sat): an explicit witness W0 = (1, 0), evaluated exactly.

    <W0,W*> = 2 > 0 (admissible), <W0,d> = 5 > 0 (so D(W0) = ||W0||² - <W0,d>²/34) and
    D(W0) - RHS(W0) = 9/34 - 0 > 0: (L4.5) fails at W0. The witness is chosen here, not read
    from a solver's model.
    """
    x0 = (R(1), R(0))
    return _cert(["negated_lemma"], "(L4.5) fails at the explicit W0 = (1, 0)", [],
                 [Identity("<W0,W*> = 2", "> 0", lambda m: m.dot(x0, m.w_star), terms=(Term(R(2)),)),
                  Identity("<W0,d> = 5", "> 0", lambda m: m.dot(x0, m.d), terms=(Term(R(5)),)),
                  Identity("D(W0) - RHS(W0) = 9/34", "> 0", lambda m: m.ray_distance_pos(x0) - m.lemma_rhs(x0),
                           terms=(Term(R(9, 34)),))])


def lemma_fails_at_w_star() -> Certificate:
    """lemma_fails_at_w_star (sat): at W0 = W*, <W*,W*> = 4 > 0, <W*,d> = 10 > 0 and
    D(W*) - RHS(W*) = 18/17 - 0 > 0, evaluated exactly."""
    return _cert(["lemma_fails_at_w_star"], "(L4.5) fails at W0 = W*: 18/17 > 0", [],
                 [Identity("<W*,W*> = 4", "> 0", lambda m: m.sq(m.w_star), terms=(Term(R(4)),)),
                  Identity("<W*,d> = 10", "> 0", lambda m: m.dot(m.w_star, m.d), terms=(Term(R(10)),)),
                  Identity("D(W*) - RHS(W*) = 18/17", "> 0", lambda m: m.ray_distance_pos(m.w_star) - m.lemma_rhs(m.w_star),
                           terms=(Term(R(18, 17)),))])


CERTIFICATES: tuple[Certificate, ...] = (
    standard_optimum(), bn_loss_identity(), bn_ray_is_global_minimum(),
    bn_stationary_points_on_line(), bn_opposite_ray_not_minimum(), bn_gradient_at_w_star(),
    w_star_not_bn_optimal(), distance_to_ray_lower_bound(), distance_to_ray_attained(),
    negated_lemma(), lemma_fails_at_w_star(), failure_region(),
)
