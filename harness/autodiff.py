"""∇L̂ at a point by exact automatic differentiation of the literal loss (an independent route:
no hand-derived gradient formula, no SymPy, no code shared with proofs/encoding.py or
harness/evaluator.py).

The literal loss of docs/spec.md §3, L̂(w) = (1/n) Σ_i ((u_i - μ)/σ - y_i)² with u_i = <w, x_i>,
μ = (1/n) Σ u_i, σ = sqrt((1/n) Σ (u_i - μ)²), is evaluated once on a tape of elementary
operations (weighted sums, products, quotients, a square root), each recording its local
partial derivatives (∂(a·b)/∂a = b, ∂(a/b)/∂b = -a/b², ∂sqrt(v)/∂v = 1/(2 sqrt(v)), ...); the
chain rule applied backwards along the tape (reverse-mode differentiation) gives ∂L̂/∂w_k for
every k. At w, σ² = q is rational, so every value and partial lies in Q(√q) and is kept
exactly as a + b·√q (python-flint fmpq).
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Sequence

from flint import fmpq


class Surd:
    """a + b·√q (q > 0 fixed, rational), exact."""
    __slots__ = ("a", "b", "q")

    def __init__(self, a, b, q):
        self.a, self.b, self.q = a, b, q

    def __add__(self, o):
        return Surd(self.a + o.a, self.b + o.b, self.q)

    def __neg__(self):
        return Surd(-self.a, -self.b, self.q)

    def __mul__(self, o):
        return Surd(self.a * o.a + self.b * o.b * self.q, self.a * o.b + self.b * o.a, self.q)

    def __truediv__(self, o):
        norm = o.a * o.a - o.b * o.b * self.q           # (a + b√q)(a - b√q), != 0 for o != 0
        return self * Surd(o.a / norm, -o.b / norm, self.q)


class Tape:
    """Nodes (value, [(parent index, ∂node/∂parent)]) in the order they were computed."""

    def __init__(self, q: fmpq):
        self.q = q
        self.values: list[Surd] = []
        self.partials: list[list[tuple[int, Surd]]] = []

    def surd(self, r) -> Surd:
        return Surd(fmpq(r), fmpq(0), self.q)

    def node(self, value: Surd, partials: list[tuple[int, Surd]]) -> int:
        self.values.append(value)
        self.partials.append(partials)
        return len(self.values) - 1

    def leaf(self, value) -> int:
        return self.node(self.surd(value), [])

    def weighted_sum(self, terms: list[tuple[int, fmpq]]) -> int:
        """Σ c_j·v_j: ∂/∂v_j = c_j."""
        value = self.surd(0)
        for j, c in terms:
            value = value + self.values[j] * self.surd(c)
        return self.node(value, [(j, self.surd(c)) for j, c in terms])

    def mul(self, i: int, j: int) -> int:
        a, b = self.values[i], self.values[j]
        return self.node(a * b, [(i, b), (j, a)])

    def div(self, i: int, j: int) -> int:
        a, b = self.values[i], self.values[j]
        return self.node(a / b, [(i, self.surd(1) / b), (j, -(a / (b * b)))])

    def sqrt_of_q(self, i: int) -> int:
        """sqrt(v) where v's value is q: value √q, ∂/∂v = 1/(2√q)."""
        if not (self.values[i].a == self.q and self.values[i].b == 0):
            raise ValueError("sqrt_of_q of a node whose value is not q")
        root = Surd(fmpq(0), fmpq(1), self.q)
        return self.node(root, [(i, self.surd(1) / (root * self.surd(2)))])

    def gradient(self, output: int, inputs: list[int]) -> list[Surd]:
        """∂output/∂input for each input: the chain rule, backwards along the tape."""
        adjoint = [self.surd(0) for _ in self.values]
        adjoint[output] = self.surd(1)
        for k in range(output, -1, -1):
            if adjoint[k].a == 0 and adjoint[k].b == 0:
                continue
            for parent, partial in self.partials[k]:
                adjoint[parent] = adjoint[parent] + adjoint[k] * partial
        return [adjoint[i] for i in inputs]


def bn_gradient(X: Sequence[Sequence[Fraction]], y: Sequence[Fraction],
                w: Sequence[Fraction]) -> tuple[Fraction, list[tuple[Fraction, Fraction]]]:
    """(q, [(a_k, b_k)]) with ∂L̂/∂w_k (w) = a_k + b_k·√q and q = σ²(w) > 0.

    Computed at δ·w with δ > 0 the common denominator of w (integer outputs u_i): L̂(δw) = L̂(w)
    (σ and u_i - μ scale alike), so ∇L̂(w) = δ·∇L̂(δw), and σ²(δw) = δ²q: a' + b'·sqrt(δ²q)
    at δw is δa' + δ²b'·√q at w."""
    delta = math.lcm(*(v.denominator for v in w))
    q, grad = _gradient(X, y, [v * delta for v in w])
    return q / (delta * delta), [(delta * a, delta * delta * b) for a, b in grad]


def _fq(x: Fraction) -> fmpq:
    return fmpq(x.numerator, x.denominator)


def _variance(X, w) -> fmpq:
    """σ²(w), evaluated directly (the tape then checks it took the same value)."""
    u = [sum((_fq(wk) * _fq(xk) for wk, xk in zip(w, x)), fmpq(0)) for x in X]
    mean = sum(u, fmpq(0)) / len(u)
    return sum(((v - mean) * (v - mean) for v in u), fmpq(0)) / len(u)


def _gradient(X, y, w):
    n = len(y)
    tape = Tape(_variance(X, w))
    weights = [tape.leaf(_fq(v)) for v in w]
    inv_n = fmpq(1, n)
    u = [tape.weighted_sum([(wk, _fq(xk)) for wk, xk in zip(weights, x) if xk != 0]) for x in X]
    mu = tape.weighted_sum([(ui, inv_n) for ui in u])
    centred = [tape.weighted_sum([(ui, fmpq(1)), (mu, fmpq(-1))]) for ui in u]
    variance = tape.weighted_sum([(tape.mul(c, c), inv_n) for c in centred])
    sigma = tape.sqrt_of_q(variance)
    one = tape.leaf(1)
    residuals = [tape.weighted_sum([(tape.div(c, sigma), fmpq(1)), (one, -_fq(t))])
                 for c, t in zip(centred, y)]
    loss = tape.weighted_sum([(tape.mul(r, r), inv_n) for r in residuals])
    grad = tape.gradient(loss, weights)
    return _fr(tape.q), [(_fr(g.a), _fr(g.b)) for g in grad]


def _fr(x: fmpq) -> Fraction:
    return Fraction(int(x.p), int(x.q))
