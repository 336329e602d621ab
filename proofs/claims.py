"""The claimed values an obligation is about, as exact rationals.

The obligations in proofs/ take the learning set (X, y) literally and these claimed values
(W*, d, ∇L̂(W*), L̂(W*), min L̂); Z3 then proves or refutes each claim. A wrong claim makes its
obligation fail, so the claims need not be trusted: they only have to be right.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

Vector = tuple[Fraction, ...]


@dataclass(frozen=True)
class Surd:
    """The real number a + b·sqrt(q) with a, b, q rational and q >= 0."""

    a: Fraction
    b: Fraction
    q: Fraction


@dataclass(frozen=True)
class Claims:
    X: tuple[Vector, ...]              # points x_1..x_n
    y: Vector                          # targets y_1..y_n
    w_star: Vector                     # W*, the claimed minimiser of L
    standard_loss_at_w_star: Fraction  # L(W*)
    bn_direction: Vector               # d = Σ^{-1} c: the claimed BN optima are {t·d : t > 0}
    grad_at_w_star: tuple[Surd, ...]   # ∇L̂(W*), componentwise
    bn_loss_at_w_star: Surd            # L̂(W*)
    min_bn_loss: Surd                  # L̂(d) = min L̂
    lemma_fails: bool                  # True when W* is not a positive multiple of d
