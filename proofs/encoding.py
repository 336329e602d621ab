"""The Z3 semantics of the two networks: literal formulas of docs/spec.md §3 as Z3 terms.

This module and harness/evaluator.py (SymPy) are written independently; they share no code for
losses, gradients or BN statistics, so agreement between them is evidence, not an echo.

Notation: u_i(w) = <w, x_i>, μ(w) = (1/n) Σ u_i, σ²(w) = (1/n) Σ (u_i - μ)² (biased, ε = 0),
f̂_w(x_i) = (u_i - μ)/σ with γ = 1, β = 0. The square root σ(w) never appears as a function:
every obligation introduces a variable s with s > 0 and s² = σ²(w), which is σ(w) exactly.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Sequence

import z3

Term = z3.ArithRef


def const(q: Fraction | int) -> z3.RatNumRef:
    """An exact Z3 rational (never through a float: a float is refused). Made from its text
    "p/q" (z3.Q would simplify a division for every constant: 23 s at d = 100) and memoised.
    A Z3 term is returned as it is: proofs/ties.py builds the queries for symbolic claimed values."""
    if isinstance(q, z3.ExprRef):
        return q
    if isinstance(q, float):
        raise TypeError(f"float {q!r} given where an exact rational is required")
    return _const(Fraction(q))


@lru_cache(maxsize=1 << 16)
def _const(q: Fraction) -> z3.RatNumRef:
    return z3.RealVal(f"{q.numerator}/{q.denominator}")


def reals(prefix: str, dim: int) -> list[Term]:
    return [z3.Real(f"{prefix}{k + 1}") for k in range(dim)]


def dot(a: Sequence, b: Sequence) -> Term:
    return add([mul(ai, bi) for ai, bi in zip(a, b)])


def add(terms: Sequence) -> Term:
    """z3.Sum(terms), built by one Z3 API call when every term is already a Z3 arithmetic term
    (z3.Sum checks and coerces each term in Python: 12 of the 25 s of building the terms of
    `check --prove` at d = 100). Every term of this project is real; Z3 itself rejects a sort
    mismatch (an exception, never a silent change)."""
    if len(terms) < 2 or not all(isinstance(t, z3.ArithRef) for t in terms):
        return z3.Sum(list(terms)) if terms else z3.RealVal(0)
    ctx = terms[0].ctx
    asts = (z3.Ast * len(terms))(*(t.as_ast() for t in terms))
    return z3.ArithRef(z3.Z3_mk_add(ctx.ref(), len(terms), asts), ctx)


def mul(a, b) -> Term:
    """a * b, by one Z3 API call when both are Z3 arithmetic terms."""
    if not (isinstance(a, z3.ArithRef) and isinstance(b, z3.ArithRef)):
        return a * b
    asts = (z3.Ast * 2)(a.as_ast(), b.as_ast())
    return z3.ArithRef(z3.Z3_mk_mul(a.ctx.ref(), 2, asts), a.ctx)


def scaled(t, v: Sequence) -> list[Term]:
    return [t * vk for vk in v]


def sq_norm(v: Sequence) -> Term:
    return dot(v, v)


def sub(a: Sequence, b: Sequence) -> list[Term]:
    return [ak - bk for ak, bk in zip(a, b)]


def term(v) -> Term:
    """A Z3 term as is, an exact rational as a Z3 constant."""
    return v if isinstance(v, z3.ExprRef) else const(v)


class Network:
    """The standard and the BN network of one learning set, as Z3 terms in the weights w.
    The entries of X and y are exact rationals, or Z3 variables (proofs/general/data_link.py
    proves identities for every learning set of a given size)."""

    def __init__(self, X: Sequence[Sequence], y: Sequence):
        self.n = len(y)
        self.dim = len(X[0])
        self.X = [[term(v) for v in row] for row in X]
        self.y = [term(v) for v in y]
        self.inv_n = const(Fraction(1, self.n))
        self.y_mean = self.inv_n * add(self.y)
        self.x_mean = [self.inv_n * add([row[k] for row in self.X]) for k in range(self.dim)]
        self._outputs: dict[int, tuple] = {}

    # standard network
    def standard_loss(self, w) -> Term:
        """L(w) = (1/n) Σ_i (<w, x_i> - y_i)²."""
        return self.inv_n * add([(dot(w, x) - yi) ** 2 for x, yi in zip(self.X, self.y)])

    # BN network, literally
    def outputs(self, w) -> list[Term]:
        """u_i(w) = <w, x_i>, built once per weight vector: the same terms, memoised by the
        vector's identity (building them anew for every component is quadratic in d)."""
        hit = self._outputs.get(id(w))
        if hit is None or hit[0] is not w:
            hit = self._outputs[id(w)] = (w, [dot(w, x) for x in self.X])
        return hit[1]

    def bn_mean(self, w) -> Term:
        return self.inv_n * add(self.outputs(w))

    def bn_variance(self, w) -> Term:
        """σ²(w) = (1/n) Σ_i (u_i - μ)²."""
        mu = self.bn_mean(w)
        return self.inv_n * add([(u - mu) ** 2 for u in self.outputs(w)])

    def bn_loss(self, w, s) -> Term:
        """L̂(w) = (1/n) Σ_i ((u_i - μ)/s - y_i)², literally; s stands for σ(w)."""
        mu = self.bn_mean(w)
        return self.inv_n * add([((u - mu) / s - yi) ** 2
                                    for u, yi in zip(self.outputs(w), self.y)])

    def bn_loss_cleared(self, w, s) -> Term:
        """s²·L̂(w) = (1/n) Σ_i ((u_i - μ) - s·y_i)²: the literal loss with its denominator s²
        cleared, term by term ((a/s - y)² · s² = (a - s·y)²). Z3 decides equalities of this
        polynomial form in milliseconds where the form with divisions by s can time out."""
        mu = self.bn_mean(w)
        return self.inv_n * add([((u - mu) - s * yi) ** 2 for u, yi in zip(self.outputs(w), self.y)])

    # the simplified form of docs/spec.md §3 and its gradient
    def cov_with_targets(self, w) -> Term:
        """<c, w> = (1/n) Σ_i (u_i - μ)(y_i - ȳ): the batch covariance of outputs and targets."""
        mu = self.bn_mean(w)
        return self.inv_n * add([(u - mu) * (yi - self.y_mean)
                                    for u, yi in zip(self.outputs(w), self.y)])

    def mean_sq_target(self) -> Term:
        return self.inv_n * add([yi * yi for yi in self.y])

    def simplified_bn_loss(self, w, s) -> Term:
        """1 + mean(y²) - 2 <c, w>/s."""
        return 1 + self.mean_sq_target() - 2 * self.cov_with_targets(w) / s

    def simplified_bn_loss_cleared(self, w, s) -> Term:
        """s²·(1 + mean(y²) - 2<c,w>/s) = s²(1 + mean(y²)) - 2<c,w>·s."""
        return s * s * (1 + self.mean_sq_target()) - 2 * self.cov_with_targets(w) * s

    def cov_vector(self) -> list[Term]:
        """c_k = (1/n) Σ_i (x_ik - x̄_k)(y_i - ȳ)."""
        return [self.inv_n * add([(x[k] - self.x_mean[k]) * (yi - self.y_mean)
                                     for x, yi in zip(self.X, self.y)]) for k in range(self.dim)]

    def sigma_times(self, w) -> list[Term]:
        """(Σw)_k = (1/n) Σ_i (u_i - μ)(x_ik - x̄_k) = ½ ∂σ²/∂w_k."""
        mu = self.bn_mean(w)
        return [self.inv_n * add([(u - mu) * (x[k] - self.x_mean[k])
                                     for u, x in zip(self.outputs(w), self.X)])
                for k in range(self.dim)]

    def bn_gradient(self, w, s) -> list[Term]:
        """∇L̂(w) = -2 (c/s - <c, w> Σw / s³), the gradient of 1 + mean(y²) - 2<c,w>/sqrt(wᵀΣw)."""
        cw = self.cov_with_targets(w)
        return [-2 * (ck / s - cw * sw / (s * s * s))
                for ck, sw in zip(self.cov_vector(), self.sigma_times(w))]


def positive_root(name: str, square) -> tuple[Term, list[z3.BoolRef]]:
    """A variable r with r > 0 and r² = square: r is sqrt(square) exactly (when square > 0)."""
    r = z3.Real(name)
    return r, [r > 0, r * r == square]


def surd(value, name: str) -> tuple[Term, list[z3.BoolRef]]:
    """The Z3 term a + b·r with r >= 0, r² = q: exactly a + b·sqrt(q)."""
    r = z3.Real(name)
    return const(value.a) + const(value.b) * r, [r >= 0, r * r == const(value.q)]


def not_parallel(w, d) -> z3.BoolRef:
    """w is not a multiple of d (d != 0): strict Cauchy-Schwarz, ||w||²||d||² - <w,d>² > 0."""
    return sq_norm(w) * sq_norm(d) - dot(w, d) ** 2 > 0


def ray_distance_sq(w0, d) -> Term:
    """The squared distance from W0 to the open ray {t·d : t > 0}, closed form (proved in
    proofs/distance_to_ray.py): ||W0||² - <W0,d>²/||d||² if <W0,d> > 0, else ||W0||²."""
    return z3.If(dot(w0, d) > 0, sq_norm(w0) - dot(w0, d) ** 2 / sq_norm(d), sq_norm(w0))


def lemma_bound(w0, w_star) -> Term:
    """Right side of (L4.5): ||W0 - W*||² - (||W*||² - <W*, W0>)² / ||W*||²."""
    return sq_norm(sub(w0, w_star)) - (sq_norm(w_star) - dot(w_star, w0)) ** 2 / sq_norm(w_star)
