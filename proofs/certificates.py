"""Solver-free certificates for the 13 obligations of the canonical set (docs/spec.md §4).

Each function returns one Certificate (shape: proofs/certificate.py). The checker
(harness/certify.py, `make certify`) states each obligation's negated claim itself, from the
learning set and the claimed values in CANONICAL, and opens it into branches of atoms; a
certificate only says how to refute each branch: which atoms (by index) to multiply, with which
positive weights, squares and polynomial multiples of the equations, where to cut, and which
terms to put for a universal. It cannot add a hypothesis. Each docstring gives the argument in
docs/spec.md notation; the checker verifies every step exactly, so a wrong W*, d or claimed value, or
a perturbed coefficient, makes the certificate fail.

Canonical set: x = (0,0), (0,1), (1,0), y = -3, 0, 2. Values used below: σ²(w) = (2/9)(w1² -
w1w2 + w2²), <c, w> = (7w1 + w2)/9, Σ^{-1} = [[6, 3], [3, 6]], ||d||² = 34, ||W*||² = 4,
σ²(W*) = 8/9, σ²(d) = 38/9. Variables are the checker's: w, s = σ(w), r = σ(±t·d), s_d = σ(d),
p = ||W*||, q = ||d||, sqrt_k the roots of claimed surds, W0, t, ε (eps), δ (delta).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Callable

from sympy import Rational, symbols

from proofs.certificate import Certificate, Cut, Instantiate, Product, Proof, Refutation
from proofs.claims import Claims, Surd

w1, w2, s, s_d, r, t, eps, delta, p, q = symbols("w1 w2 s s_d r t eps delta p q")
W0_1, W0_2 = symbols("W0_1 W0_2")
sqrt_1, sqrt_2 = symbols("sqrt_1 sqrt_2")

F = Fraction
CANONICAL = Claims(
    X=((F(0), F(0)), (F(0), F(1)), (F(1), F(0))), y=(F(-3), F(0), F(2)),
    w_star=(F(2), F(0)), standard_loss_at_w_star=F(3), bn_direction=(F(5), F(3)),
    grad_at_w_star=(Surd(F(0), F(0), F(8, 9)), Surd(F(0), F(-9, 8), F(8, 9))),
    bn_loss_at_w_star=Surd(F(16, 3), F(-7, 2), F(8, 9)), min_bn_loss=Surd(F(16, 3), F(-2), F(38, 9)),
    lemma_fails=True)
B = 5 * W0_1 + 3 * W0_2          # <W0, d>


def P(coefficient, *atoms: int, sq=()) -> Product:
    """coefficient · Π sq² · Π atoms (coefficient an int or a "p/q" string: never a float)."""
    if isinstance(coefficient, float):
        raise TypeError(f"float coefficient {coefficient}")
    return Product(Rational(coefficient), tuple(sq), atoms)


def refute(products, multiples=()) -> Refutation:
    return Refutation(tuple(products), tuple(multiples))


def instance(universal: int, terms, *proofs: Proof) -> Instantiate:
    return Instantiate(universal, tuple(terms), proofs)


def _cert(obligation: str, argument: str, *proofs: Proof) -> Certificate:
    return Certificate(obligation, argument, CANONICAL, proofs)


def standard_optimum() -> Certificate:
    """L(W*) = 3 (a constant atom: "0 > 0" when right), and L(w) - L(W*) = (1/3)((w1 - 2)² + w2²):
    in each branch "w_k - W*_k > 0 (or < 0) and L(W*) - L(w) >= 0" the sum of that atom, the
    square of the strict one and the square of the other coordinate is identically 0."""
    return _cert("standard_optimum", "L(w) - L(W*) = (1/3)((w1 - 2)² + w2²)",
                 refute([P(1, 0)]), refute([P(1, 0)]),
                 *(refute([P(1, 1), P(1, 0, 0), P(1, sq=(other,))]) for other in (w2, w2, w1 - 2, w1 - 2)))


def bn_loss_identity() -> Certificate:
    """σ²(w) - wᵀΣw is the zero polynomial; s²·(L̂(w) - (1 + mean(y²) - 2<c,w>/s)) is a multiple of
    s² - σ²(w) (expanding ((u_i - μ)/s - y_i)², Σ(u_i - μ)ȳ = 0 leaves σ²/s² - 1)."""
    return _cert("bn_loss_identity", "L̂ - simplified form is a multiple of s² - σ²(w)",
                 refute([P(1, 2)]), refute([P(1, 2)]),
                 refute([P(1, 2)], [(1, 1)]), refute([P(1, 2)], [(-1, 1)]))


def bn_ray_is_global_minimum() -> Certificate:
    """σ²(td) = (38/9)t² > 0. With s = σ(w), r = σ(td): under the root equations the cleared
    L̂(td) - L̂(w) > 0 (atom G) is (38ts/9)·X with X = t(7w1 + w2) - 9rs, and
    X(X + 18rs) = -3t²(3w1 - 5w2)² (Cauchy-Schwarz in the Σ inner product, c = Σd, as the Lagrange
    identity). So G·G + 76·G·t·r·s² + (1444/27)(s t² (3w1 - 5w2))² ≡ 0 modulo the root equations."""
    return _cert("bn_ray_is_global_minimum", "Cauchy-Schwarz in the Σ inner product as a sum of squares",
                 refute([P(1, 1), P(1, 0, 0)]),
                 refute([P(1, 5, 5), P(76, 5, 0, 1, 3, 3), P("1444/27", sq=(s*t**2*(3*w1 - 5*w2),))], [(-(441*r**2*s**2*w1**2 + 126*r**2*s**2*w1*w2 + 9*r**2*s**2*w2**2 - 126*r**2*s*w1**3 + 108*r**2*s*w1**2*w2 - 108*r**2*s*w1*w2**2 - 18*r**2*s*w2**3 + 9*r**2*w1**4 - 18*r**2*w1**3*w2 + 27*r**2*w1**2*w2**2 - 18*r**2*w1*w2**3 + 9*r**2*w2**4 - 12996*s**4*t**2 + 2394*s**3*t**2*w1 + 342*s**3*t**2*w2 + 1520*s**2*t**2*w1**2 + 874*s**2*t**2*w1*w2 - 304*s**2*t**2*w2**2 - 532*s*t**2*w1**3 + 456*s*t**2*w1**2*w2 - 456*s*t**2*w1*w2**2 - 76*s*t**2*w2**3 + 38*t**2*w1**4 - 76*t**2*w1**3*w2 + 114*t**2*w1**2*w2**2 - 76*t**2*w1*w2**3 + 38*t**2*w2**4)/81, 2), (361*t**4*(143*s**2 - 28*s*w1 - 4*s*w2 + 2*w1**2 - 2*w1*w2 + 2*w2**2)/81, 4)]))


def bn_stationary_points_on_line() -> Certificate:
    """Put λ = w1/5 (so w = λd in the first coordinate). With E_k = c_k σ²(w) - <c,w>(Σw)_k, the
    cleared gradient atoms are -81s·E_k modulo s² = σ²(w), and Σ^{-1}E = d σ² - <c,w> w gives
    σ²(w)(5w2 - 3w1) = (6w2 - 3w1)E_1 + (3w2 - 6w1)E_2. So s³·(±(5w2 - 3w1)) is a combination of
    the gradient atoms and s² - σ²(w): a strict product equal to 0."""
    return _cert("bn_stationary_points_on_line", "an explicit polynomial combination of ∇L̂ = 0",
                 instance(0, [w1 / 5],
                          refute([P(1, 4)]), refute([P(1, 4)]),
                          refute([P(1, 0, 0, 0, 4)], [(-(w1 - 2 * w2) / 27, 2), (-(2 * w1 - w2) / 27, 3)]),
                          refute([P(1, 0, 0, 0, 4)], [((w1 - 2 * w2) / 27, 2), ((2 * w1 - w2) / 27, 3)])))


def bn_opposite_ray_not_minimum() -> Certificate:
    """For t > 0 and δ > 0 take w' = -td + (δ/2)·(1, 0): ||w' + td||² = δ²/4 < δ²; σ²(w') =
    (δ - 7t)²/18 + (27/18)t² > 0; and with s = σ(w'), r = σ(td), the cleared L̂(w') - L̂(-td) >= 0
    (atom H) is (76ts/9)·X with X = 76t² - 7δt - 18rs, where X(X + 36rs) = -27t²δ² under the
    root equations (Cauchy-Schwarz, strict off the line: 3w'1 - 5w'2 = 3δ/2). So
    H·H + 304·H·t·r·s² + (5776/3)·t⁴s²δ² ≡ 0: no neighbourhood of -td has L̂ >= L̂(-td)."""
    return _cert("bn_opposite_ray_not_minimum", "an explicit lower point in every neighbourhood",
                 instance(0, [-5 * t + delta / 2, -3 * t],
                          refute([P(1, 4), P(1, sq=(delta - 7 * t,)), P(27, 0, 0)]),
                          refute([P(1, 6), P(1, 3, 3)]),
                          refute([P(1, 6, 6), P(304, 6, 0, 1, 4, 4), P("5776/3", 0, 0, 0, 0, 4, 4, 3, 3)], [(-(9*delta**4*r**2 + 38*delta**4*t**2 - 252*delta**3*r**2*s - 252*delta**3*r**2*t - 1064*delta**3*s*t**2 - 1064*delta**3*t**3 + 1764*delta**2*r**2*s**2 + 6264*delta**2*r**2*s*t + 3132*delta**2*r**2*t**2 + 6080*delta**2*s**2*t**2 + 26448*delta**2*s*t**3 + 13224*delta**2*t**4 - 38304*delta*r**2*s**2*t - 57456*delta*r**2*s*t**2 - 19152*delta*r**2*t**3 + 19152*delta*s**3*t**2 - 142576*delta*s**2*t**3 - 242592*delta*s*t**4 - 80864*delta*t**5 + 207936*r**2*s**2*t**2 + 207936*r**2*s*t**3 + 51984*r**2*t**4 - 207936*s**4*t**2 - 207936*s**3*t**3 + 773984*s**2*t**4 + 877952*s*t**5 + 219488*t**6)/81, 2), (1444*t**4*(delta**2 - 28*delta*s - 14*delta*t + 286*s**2 + 304*s*t + 76*t**2)/81, 5)])))


def _same_root(strict: int, roots: tuple[int, int], equations: tuple[int, int], a, b) -> Refutation:
    """An atom ±(sqrt_k - s)·κ > 0 (a claimed root against σ's root, both > 0 with the same square):
    times (sqrt_k + s) it is κ(sqrt_k² - s²) ≡ 0."""
    return refute([P(1, strict, roots[0]), P(1, strict, roots[1])], [(a, equations[0]), (b, equations[1])])


def bn_gradient_at_w_star() -> Certificate:
    """σ²(W*) = 8/9 > 0. ∂L̂/∂w1(W*) cleared is a multiple of 9s² - 8 (so = 0 = g_1). ∂L̂/∂w2(W*)
    minus the claimed g_2 = -(9/8)·sqrt(8/9), cleared, is 576(sqrt_1 - s) modulo the root
    equations; times sqrt_1 + s it vanishes, so it is no > 0 nor < 0. And g = 0 would need
    -(9/8)sqrt_1 = 0 with sqrt_1 > 0."""
    return _cert("bn_gradient_at_w_star", "the derivative of the literal L̂ at W*, exactly",
                 refute([P(1, 2), P(1)]),
                 refute([P(1, 4)], [(7 * s - 4, 3)]), refute([P(1, 4)], [(4 - 7 * s, 3)]),
                 _same_root(4, (0, 2), (1, 3), -81 * s**4, -81 * s**3 * sqrt_1 - 56 * s**2 - 56 * s * sqrt_1 + 32 * s + 32 * sqrt_1),
                 _same_root(4, (0, 2), (1, 3), 81 * s**4, 81 * s**3 * sqrt_1 + 56 * s**2 + 56 * s * sqrt_1 - 32 * s - 32 * sqrt_1),
                 refute([P(1, 0)], [(1, 3)]))


def w_star_not_bn_optimal() -> Certificate:
    """W* = t·d would need 2 - 5t = 0 and -t = 0. σ²(W*), σ²(d) > 0 are constants.
    ℓ_min >= ℓ* would be 7·sqrt_1 - 4·sqrt_2 >= 0 with (7 sqrt_1 - 4 sqrt_2)(7 sqrt_1 + 4 sqrt_2) =
    (392 - 608)/9 = -24. L̂(W*) - ℓ* and L̂(d) - ℓ_min, cleared, are 56(sqrt_1 - s) and
    76(sqrt_2 - s_d) modulo the root equations: as for the gradient, neither is > 0 nor < 0."""
    return _cert("w_star_not_bn_optimal", "exact BN loss values and their order",
                 refute([P(1)], [(Rational(-1, 2), 5), (Rational(5, 2), 6)]),
                 refute([P(1, 4), P(1)]), refute([P(1, 4), P(1)]),
                 refute([P(7, 4, 0), P(4, 4, 2), P(24)], [(Rational(-49, 9), 1), (Rational(16, 9), 3)]),
                 _same_root(6, (0, 4), (1, 5), -7 * s**2, -7 * s * sqrt_1 + 2 * s + 2 * sqrt_1),
                 _same_root(6, (0, 4), (1, 5), 7 * s**2, 7 * s * sqrt_1 - 2 * s - 2 * sqrt_1),
                 _same_root(6, (2, 4), (3, 5), -2 * s_d**2, -2 * s_d * sqrt_2 + s_d + sqrt_2),
                 _same_root(6, (2, 4), (3, 5), 2 * s_d**2, 2 * s_d * sqrt_2 - s_d - sqrt_2))


def distance_to_ray_lower_bound() -> Certificate:
    """Completing the square. <W0,d> > 0: ||W0 - td||² - D(W0) = (1/34)(34t - <W0,d>)².
    <W0,d> <= 0: ||W0 - td||² - ||W0||² = 34t² + 2t(-<W0,d>) >= 0."""
    return _cert("distance_to_ray_lower_bound", "completing the square in t",
                 refute([P(1, 2), P(1, sq=(34 * t - B,))]),
                 refute([P(1, 2), P(1, 0, 1), P(17, 0, 0)]))


def distance_to_ray_attained() -> Certificate:
    """<W0,d> > 0: t = <W0,d>/34 > 0 attains D(W0) (then "||W0 - td||² >= D + ε" is -ε >= 0).
    <W0,d> <= 0: t = ε/δ with δ = 34ε - 2<W0,d> + 1 = 34ε + 1 + 2(-<W0,d>) > 0 (so δ != 0);
    t·δ² = εδ + δ(tδ - ε) > 0 refutes t <= 0; and, cutting on t, for t > 0
    δ(||W0||² + ε - ||W0 - td||²) = t·(1156ε² + 34ε + 1 + 68(-<W0,d>)ε + 2(-<W0,d>)) +
    (2<W0,d> - 34ε - 34t - 1)(tδ - ε) > 0; t = 0 would give ε = 0; t < 0 gives tδ < 0 < ε."""
    dl = 34 * eps - 2 * B + 1
    return _cert("distance_to_ray_attained", "explicit t for every ε: the minimiser, or t = ε/δ -> 0+",
                 instance(0, [B / 34], refute([P(1, 2), P(1, 1)]), refute([P(1, 2), P(1, 0)])),
                 instance(0, [eps / dl],
                          refute([P(34, 0), P(2, 1), P(1)], [(1, 2)]),
                          refute([P(1, 3, sq=(dl,)), P(34, 0, 0), P(1, 0), P(2, 0, 1)], [(-dl, 2)]),
                          Cut(t, refute([P(1156, 4, 0, 0), P(34, 4, 0), P(1, 4), P(68, 4, 1, 0), P(2, 4, 1),
                                         P(34, 3, 0), P(1, 3), P(2, 3, 1)], [(dl + 34 * t, 2)]),
                              refute([P(1, 0)], [(-1, 2), (-dl, 4)]),
                              refute([P(34, 4, 0), P(1, 4), P(2, 4, 1), P(1, 0)], [(-1, 2)]))))


def _fails_at(e, center, weight) -> Instantiate:
    """(L4.5) fails at a fixed point W0: <W0,W*> > 0 is a constant, and for ε = e every t > 0 has
    ||W0 - td||² - RHS(W0) - ε = weight·(t - center)² + (a positive constant)."""
    return instance(0, [e], refute([P(1, 0), P(1)]), refute([P(1, 1), P(weight, sq=(t - center,)), P(9)]))


def negated_lemma() -> Certificate:
    """The explicit W0 = (1, 0): <W0,W*> = 2 > 0, RHS(W0) = 0 and ||W0 - td||² = 34(t - 5/34)² +
    9/34 >= 9/34, so ε = 9/68 separates the infimum from the right side of (L4.5)."""
    return _cert("negated_lemma", "(L4.5) fails at the explicit W0 = (1, 0)",
                 instance(0, [1, 0], refute([P(1, 0), P(1)]), _fails_at(Rational(9, 68), Rational(5, 34), 2312)))


def lemma_fails_at_w_star() -> Certificate:
    """At W0 = W*: <W*,W*> = 4 > 0, RHS(W*) = 0 and ||W* - td||² = 34(t - 5/17)² + 18/17, so
    ε = 9/17 separates the infimum 18/17 from 0."""
    return _cert("lemma_fails_at_w_star", "(L4.5) fails at W0 = W*: 18/17 > 0",
                 refute([P(1, 0), P(1)]), _fails_at(Rational(9, 17), Rational(5, 17), 578))


def failure_region_necessary() -> Certificate:
    """Admissible W0 (A = <W0,W*> = 2W0_1 > 0) where the infimum exceeds RHS + ε and
    R' := <W0,d>p - <W0,W*>q >= 0 (outside the region). Cut on B = <W0,d>. B > 0: t = B/34 gives
    D(W0) - RHS(W0) - ε = W0_1² - B²/34 - ε >= 0, and R'(Aq + Bp) ≡ -136(W0_1² - B²/34) modulo
    p² = 4, q² = 34: R'·A·q + R'·B·p + 136(...) + 136ε ≡ 0. B = 0 or B < 0: R' + Aq + (-B)p ≡ 0
    with Aq > 0."""
    return _cert("failure_region_necessary", "the sign of D - RHS is the sign of <W0, ŵ - d̂>",
                 Cut(B, instance(0, [B / 34], refute([P(1, 8), P(1, 7)]),
                                 refute([P(2, 6, 4, 2), P(1, 6, 7, 0), P(4, 8), P(136, 5)],
                                        [(-B**2, 1), (4 * W0_1**2, 3)])),
                     refute([P(1, 6), P(2, 4, 2)], [(-p, 7)]),
                     refute([P(1, 6), P(2, 4, 2), P(1, 7, 0)])))


def failure_region_sufficient() -> Certificate:
    """Admissible W0 in the region (R := Aq - Bp > 0) where the infimum is <= RHS. Cut on B.
    B > 0: ε = (D - RHS)/2 = (W0_1² - B²/34)/2, and R(R + 2Bp) ≡ 4(34W0_1² - B²) > 0 makes ε > 0;
    ||W0 - td||² = D + (1/34)(34t - B)² >= D > RHS + ε. B <= 0: ε = W0_1²/2 = (||W0||² - RHS)/2 > 0
    and ||W0 - td||² - ||W0||² = 34t² + 2t(-B) >= 0."""
    small = W0_1**2 / 2
    return _cert("failure_region_sufficient", "the sign of D - RHS is the sign of <W0, ŵ - d̂>",
                 refute([P(1, 6), P(1, 4)]),
                 Cut(B, instance(0, [(W0_1**2 - B**2 / 34) / 2],
                                 refute([P(1, 5, 5), P(2, 5, 6, 0), P(12, 7)], [(B**2, 1), (-4 * W0_1**2, 3)]),
                                 refute([P(1, 5, 5), P(2, 5, 6, 0), P(4, 8), P(8, sq=(34 * t - B,))],
                                        [(B**2, 1), (-4 * W0_1**2, 3)])),
                     instance(0, [small], refute([P(1, 7), P(1, 4, 4)]),
                              refute([P(1, 8), P(1, 4, 4), P(68, 7, 7)], [(-4 * t, 6)])),
                     instance(0, [small], refute([P(1, 7), P(1, 4, 4)]),
                              refute([P(1, 8), P(1, 4, 4), P(68, 7, 7), P(4, 7, 6)]))))


# obligation name -> the function building its certificate (`prove` builds only the one it checks)
BUILDERS: dict[str, Callable[[], Certificate]] = {build.__name__: build for build in (
    standard_optimum, bn_loss_identity, bn_ray_is_global_minimum,
    bn_stationary_points_on_line, bn_opposite_ray_not_minimum, bn_gradient_at_w_star,
    w_star_not_bn_optimal, distance_to_ray_lower_bound, distance_to_ray_attained,
    negated_lemma, lemma_fails_at_w_star, failure_region_necessary, failure_region_sufficient)}


_built: dict[str, Certificate] = {}


def certificate(obligation: str) -> Certificate | None:
    """The certificate of `obligation` (None if it has none), built on first use."""
    if obligation not in _built and obligation in BUILDERS:
        _built[obligation] = BUILDERS[obligation]()
    return _built.get(obligation)


def __getattr__(name: str):
    """CERTIFICATES, every certificate, built on first use (PEP 562)."""
    if name == "CERTIFICATES":
        globals()[name] = tuple(certificate(obligation) for obligation in BUILDERS)
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
