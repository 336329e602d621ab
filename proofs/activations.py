"""(L4.5) with a nonlinear activation φ (docs/spec.md §7; issue 11 item 5): refutations for
φ = ReLU, φ(t) = t³ and φ(t) = t + t² with BN before the activation, and for BN after ReLU (end of module).

Networks (n points, d = 2): standard f_w(x) = φ(<w, x>), L(w) = (1/n) Σ (φ(u_i) - y_i)²;
BN f̂_w(x_i) = φ(z_i) with z_i = (u_i - μ)/σ, L̂(w) = (1/n) Σ (φ(z_i) - y_i)²; W* a global
minimiser of L, Ŵ* the local minimisers of L̂ (the lemma's analogue). ReLU is encoded piecewise,
φ(t) = If(t > 0, t, 0); no float enters.

The refutation, for a learning set with L(W*) = 0 and a radius r:
1. `standard_optimum`: L(w) >= L(W*) = 0 for every w (W* is a global minimiser of L).
2. `bn_smooth_on_ball`: every w with ||w - W*||² < r² has σ(w) > 0 and (ReLU) the sign of every
   z_i equal to its sign at W*, none 0: on the open ball L̂ is one smooth formula.
3. `bn_no_stationary_point_on_ball`: no w in that ball has ∇L̂(w) = 0. Encoded with
   denominators cleared: ∂z_i/∂w = ((x_i - x̄)σ² - a_i·Σw)/σ³ (a_i = u_i - μ, the quotient rule
   with ∂σ/∂w = Σw/σ), so ∇L̂ = (2/n) Σ_i (φ(z_i) - y_i)φ'(z_i)∂z_i/∂w, and with
   P_i = σ^m (φ(a_i/σ) - y_i) φ'(a_i/σ) a polynomial (ReLU in the pattern: m = 1,
   P_i = a_i - σy_i on active points, 0 on inactive ones; t³: m = 5, P_i = 3a_i²(a_i³ - σ³y_i);
   t + t²: m = 3, P_i = (a_iσ + a_i² - y_iσ²)(σ + 2a_i)),
   ∇L̂ = 2/(n σ^(m+3)) · Σ_i P_i ((x_i - x̄)σ² - a_i Σw): zero iff the sum is zero (σ > 0).
   tests/test_activations.py checks this form against SymPy's derivative of the literal loss.
4. `lemma_fails_at_w_star`: W0 = W* meets the premise <W0,W*> > 0 and the right side of (L4.5)
   is 0 < r². By hand from 2 and 3: L̂ is differentiable on the open ball, so a local minimiser
   there would be a stationary point; none exists, so ||W* - Ŵ*|| >= r and (L4.5) fails at W0 = W*.

What is not proved: that Ŵ* is nonempty (the left side is an infimum; if Ŵ* were empty (L4.5)
would be ill-posed rather than false), and nothing about other W0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

import z3

from proofs.encoding import Network, const, dot, lemma_bound, positive_root, sq_norm, sub
from proofs.obligation import Obligation


@dataclass(frozen=True)
class ActivationSet:
    """A learning set, its activation, the claimed standard optimum and the ball's r²."""
    name: str
    activation: str                       # "relu" or "cube"
    X: tuple[tuple[Fraction, ...], ...]
    y: tuple[Fraction, ...]
    w_star: tuple[Fraction, ...]
    radius_sq: Fraction
    standard_loss: Fraction = Fraction(0)  # L(W*), claimed
    box: bool = False                      # prove on the box |w_k - W*_k| < r (contains the ball)


def _q(*values) -> tuple[Fraction, ...]:
    return tuple(Fraction(v) for v in values)


# BN before ReLU: W* = (3/2, 2) interpolates (L(W*) = 0); the ball has radius 1/20 (r² = 1/100
# reaches a stationary point: sat, the mutation of the tests).
RELU = ActivationSet("relu", "relu", (_q(0, 1), _q(2, -1), _q(0, -1)), _q(2, 1, 0), _q("3/2", 2),
                     Fraction(1, 400))
# φ(t) = t³ on the same points with y = u(W*)³ = (8, 1, -8): again L(W*) = 0.
# The BN loss has stationary rays near W*: the ray of (1, 2) is at squared distance 1/5, so
# r² = 1/10 is proved and r² = 1/4 is sat (the mutation of the tests).
CUBE = ActivationSet("cube", "cube", (_q(0, 1), _q(2, -1), _q(0, -1)), _q(8, 1, -8), _q("3/2", 2),
                     Fraction(1, 10))


# φ(t) = t + t² on the same points with y = u + u² = (6, 2, 2): L(W*) = 0.
# Proved on the box of half-side 1/5 (the ball r² = 1/25 times out in Z3); a float search puts
# the nearest BN local minimum on the ray of (0, 1), at squared distance 9/4 (box 2: sat).
QUADRATIC = ActivationSet("quadratic", "quadratic", (_q(0, 1), _q(2, -1), _q(0, -1)), _q(6, 2, 2),
                          _q("3/2", 2), Fraction(1, 25), box=True)


def phi(activation: str, t):
    if activation in ("relu", "relu_after"):
        return z3.If(t > 0, t, 0)
    if activation == "cube":
        return t * t * t
    if activation == "quadratic":
        return t + t * t
    raise ValueError(activation)


class _Net:
    def __init__(self, s: ActivationSet):
        self.s, self.n = s, len(s.y)
        self.X = [[const(v) for v in row] for row in s.X]
        self.y = [const(v) for v in s.y]
        self.x_mean = [z3.Sum([row[k] for row in self.X]) / self.n for k in range(len(s.X[0]))]

    def outputs(self, w):
        return [dot(w, x) for x in self.X]

    def centered(self, w):
        u = self.outputs(w)
        mu = z3.Sum(u) / self.n
        return [ui - mu for ui in u]

    def variance(self, w):
        return z3.Sum([a * a for a in self.centered(w)]) / self.n

    def standard_loss(self, w):
        return z3.Sum([(phi(self.s.activation, u) - yi) ** 2
                       for u, yi in zip(self.outputs(w), self.y)]) / self.n

    def sigma_times(self, w):
        """(Σw)_k = (1/n) Σ_i a_i (x_ik - x̄_k)."""
        a = self.centered(w)
        return [z3.Sum([ai * (x[k] - self.x_mean[k]) for ai, x in zip(a, self.X)]) / self.n
                for k in range(len(self.x_mean))]

    def pattern(self, w_star) -> list[bool]:
        """Which z_i are > 0 at W* (evaluated exactly)."""
        return [z3.simplify(a > 0).eq(z3.BoolVal(True)) for a in self.centered([const(v) for v in w_star])]

    def cleared_gradient(self, w, s, pattern):
        """Σ_i P_i((x_i - x̄)s² - a_i Σw), the gradient of L̂ times n·s^(m+3)/2 (module docstring)."""
        a, sw = self.centered(w), self.sigma_times(w)
        if self.s.activation == "relu":
            P = [(ai - s * yi) if on else z3.RealVal(0) for ai, yi, on in zip(a, self.y, pattern)]
        elif self.s.activation == "cube":
            P = [3 * ai * ai * (ai ** 3 - s ** 3 * yi) for ai, yi in zip(a, self.y)]
        elif self.s.activation == "quadratic":
            P = [(ai * s + ai * ai - yi * s * s) * (s + 2 * ai) for ai, yi in zip(a, self.y)]
        else:
            raise ValueError(f"no BN-before gradient for {self.s.activation}")
        return [z3.Sum([Pi * ((x[k] - self.x_mean[k]) * s * s - ai * sw[k])
                        for Pi, ai, x in zip(P, a, self.X)]) for k in range(len(sw))]


def _w(dim: int) -> list:
    return [z3.Real(f"w{k + 1}") for k in range(dim)]


def standard_optimum(s: ActivationSet, w_star: Sequence[Fraction] | None = None) -> Obligation:
    net, w = _Net(s), _w(len(s.w_star))
    ws = [const(v) for v in (w_star or s.w_star)]
    return Obligation(
        name=f"{s.name}_standard_optimum",
        statement=f"{s.activation}: L(w) >= L(W*) = {s.standard_loss} for every w (W* a global minimiser of L)",
        expected="unsat", query=(z3.Or(net.standard_loss(w) < net.standard_loss(ws),
                                       net.standard_loss(ws) != const(s.standard_loss)),))


def _ball(s: ActivationSet, w, radius_sq: Fraction | None = None):
    """||w - W*||² < r², or with `s.box` the box |w_k - W*_k| < r, which contains that ball
    (a claim for every point of the box is a claim for every point of the ball; Z3 decides the
    box where the ball times out, as for t + t²). r is then the exact rational root of r²."""
    r_sq = radius_sq or s.radius_sq
    if not s.box:
        return sq_norm(sub(w, [const(v) for v in s.w_star])) < const(r_sq)
    r = Fraction(math.isqrt(r_sq.numerator), math.isqrt(r_sq.denominator))
    if r * r != r_sq:
        raise ValueError(f"a box needs r² a rational square, got {r_sq}")
    return z3.And([z3.And(wk - const(c) < const(r), const(c) - wk < const(r)) for wk, c in zip(w, s.w_star)])


def _region_text(s: ActivationSet, radius_sq: Fraction | None = None) -> str:
    r_sq = radius_sq or s.radius_sq
    if s.box:
        return f"the box |w_k - W*_k| < r, r² = {r_sq} (it contains the ball ||w - W*||² < r²)"
    return f"||w - W*||² < {r_sq}"


def _pattern(net: _Net, w, pattern) -> list:
    """ReLU: z_i > 0 on the points active at W*, z_i < 0 on the others (sign of a_i = σz_i)."""
    if net.s.activation != "relu":
        return []
    return [a > 0 if on else a < 0 for a, on in zip(net.centered(w), pattern)]


def bn_smooth_on_ball(s: ActivationSet, radius_sq: Fraction | None = None) -> Obligation:
    net, w = _Net(s), _w(len(s.w_star))
    premises = (_ball(s, w, radius_sq),)
    broken = [net.variance(w) <= 0, *[z3.Not(c) for c in _pattern(net, w, net.pattern(s.w_star))]]
    return Obligation(
        name=f"{s.name}_bn_smooth_on_ball",
        statement=(f"σ(w) > 0{' and the ReLU pattern of W*, strictly,' if s.activation == 'relu' else ''}"
                   f" on {_region_text(s, radius_sq)}"),
        expected="unsat", query=(*premises, z3.Or(broken)), premises=premises)


def bn_no_stationary_point_on_ball(s: ActivationSet, radius_sq: Fraction | None = None) -> Obligation:
    """No stationary point of L̂ in the ball. For ReLU the premises also state the activation
    pattern of W*: `bn_smooth_on_ball` proves the ball implies it, so the claim is the same
    (and Z3 answers in 0.07 s instead of 18 s). A larger `radius_sq` is the mutation: the ball
    then reaches a stationary point (numerically a local minimiser of L̂) and the query is sat."""
    net, w = _Net(s), _w(len(s.w_star))
    sigma, s_def = positive_root("s", net.variance(w))
    pattern = net.pattern(s.w_star)
    premises = (_ball(s, w, radius_sq), *_pattern(net, w, pattern))
    grad = net.cleared_gradient(w, sigma, pattern)
    return Obligation(
        name=f"{s.name}_bn_no_stationary_point_on_ball",
        statement=f"∇L̂(w) != 0 for every w in {_region_text(s, radius_sq)}",
        expected="unsat", query=(*s_def, *premises, *[g == 0 for g in grad]),
        definitions=tuple(s_def), premises=premises)


def lemma_fails_at_w_star(s: ActivationSet) -> Obligation:
    w0 = [z3.Real(f"W0_{k + 1}") for k in range(len(s.w_star))]
    ws = [const(v) for v in s.w_star]
    return Obligation(
        name=f"{s.name}_lemma_fails_at_w_star",
        statement=f"W0 = W*: <W0,W*> > 0 and RHS of (L4.5) = 0 < r² <= ||W* - Ŵ*||² (by 2, 3)",
        expected="sat",
        query=(*[a == b for a, b in zip(w0, ws)], dot(w0, ws) > 0,
               lemma_bound(w0, ws) < const(s.radius_sq)),
        witness={"rhs": lemma_bound(w0, ws)})


# --- BN after ReLU: f̂_w(x_i) = (h_i - mean h)/σ(h), h_i = ReLU(<w, x_i>) ----------------------
#
# On a ball where every u_i keeps the strict sign it has at W*, h(w) = X'w with X' = X with the
# inactive rows replaced by 0: L̂ is there the BN loss of the identity network on (X', y)
# (proofs/encoding.Network), whose gradient vanishes iff c'·s² = <c',w>·Σ'w (docs/spec.md §6's
# stationary-point form, s = σ'(w)). A perfect standard fit is a BN optimum here (standardized
# y), so a refutation needs L(W*) > 0.

def masked_network(s: ActivationSet) -> Network:
    net = _Net(s)
    active = [z3.simplify(u > 0).eq(z3.BoolVal(True)) for u in net.outputs([const(v) for v in s.w_star])]
    X = [x if on else tuple(Fraction(0) for _ in x) for x, on in zip(s.X, active)]
    return Network(X, s.y)


def _after_pattern(s: ActivationSet, w) -> list:
    net = _Net(s)
    return [u > 0 if z3.simplify(u0 > 0).eq(z3.BoolVal(True)) else u < 0
            for u, u0 in zip(net.outputs(w), net.outputs([const(v) for v in s.w_star]))]


def bn_after_relu_smooth_on_ball(s: ActivationSet, radius_sq: Fraction | None = None) -> Obligation:
    w = _w(len(s.w_star))
    premises = (_ball(s, w, radius_sq),)
    broken = [masked_network(s).bn_variance(w) <= 0, *[z3.Not(c) for c in _after_pattern(s, w)]]
    return Obligation(
        name=f"{s.name}_bn_smooth_on_ball",
        statement=f"every u_i keeps its strict sign at W* and σ(h(w)) > 0 on ||w - W*||² < "
                  f"{s.radius_sq if radius_sq is None else radius_sq}",
        expected="unsat", query=(*premises, z3.Or(broken)), premises=premises)


def bn_after_relu_no_stationary_point_on_ball(s: ActivationSet,
                                              radius_sq: Fraction | None = None) -> Obligation:
    net, w = masked_network(s), _w(len(s.w_star))
    sigma, s_def = positive_root("s", net.bn_variance(w))
    premises = (_ball(s, w, radius_sq), *_after_pattern(s, w))
    cw = net.cov_with_targets(w)
    stationary = [ck * sigma * sigma == cw * swk for ck, swk in zip(net.cov_vector(), net.sigma_times(w))]
    return Obligation(
        name=f"{s.name}_bn_no_stationary_point_on_ball",
        statement=f"∇L̂(w) != 0 for every w with ||w - W*||² < {s.radius_sq if radius_sq is None else radius_sq}",
        expected="unsat", query=(*s_def, *premises, *stationary),
        definitions=tuple(s_def), premises=premises)


# BN after ReLU, the suggestion: W* = (-2, -3) with L(W*) = 1/3 (pattern 0, +, +).
RELU_AFTER = ActivationSet("relu_after", "relu_after", (_q(2, 0), _q(-1, 0), _q(1, -1)), _q(1, 2, 1),
                           _q(-2, -3), Fraction(1, 10), Fraction(1, 3))


def activation_obligations(s: ActivationSet) -> list[Obligation]:
    if s.activation == "relu_after":
        return [standard_optimum(s), bn_after_relu_smooth_on_ball(s),
                bn_after_relu_no_stationary_point_on_ball(s), lemma_fails_at_w_star(s)]
    return [standard_optimum(s), bn_smooth_on_ball(s), bn_no_stationary_point_on_ball(s),
            lemma_fails_at_w_star(s)]
