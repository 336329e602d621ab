"""The shape of a solver-free certificate (data only; harness/certify.py is the checker).

A certificate for an obligation is a list of hypotheses and a list of identities. Each identity
says that a quantity built from the learning set in docs/spec.md notation (its `lhs`, built by the
checker's own SymPy semantics) is, as a rational function of the variables, equal to

    Σ_k  a_k · Π_j q_kj² · Π_l h_kl   +   Σ_i  m_i · e_i

where every a_k is a rational number > 0, every q_kj an explicit polynomial, every h_kl a
hypothesis "h > 0" or "h >= 0", every e_i a hypothesis "e = 0" and every m_i an explicit
multiplier. So under the hypotheses the right side is >= 0 (and > 0 when some term has only
strict factors and no squares): a Positivstellensatz-style certificate. The checker verifies
each identity by expanding both sides, the signs of the a_k, that every denominator is a
nonzero constant or a power of a variable assumed > 0, and that the identity's stated
`conclusion` (lhs = 0, >= 0 or > 0 under the hypotheses) follows from the shape of its right
side. How the identities together imply the obligation's claim (case splits, dividing by a
positive factor) is said in the docstring of each certificate (proofs/certificates.py); that
glue is by hand, as in a paper, and is not machine-checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable

import sympy

Builder = Callable[[Any], sympy.Expr]   # receives the checker's semantics (harness/certify.py)


@dataclass(frozen=True)
class Hypothesis:
    name: str                  # how terms and multiples refer to it, e.g. "t > 0"
    expr: Builder              # h, built from the semantics
    relation: str              # ">", ">=" or "=": the hypothesis is  h relation 0


@dataclass(frozen=True)
class Term:
    """coefficient · Π squares² · Π factors (factors: names of ">"/">=" hypotheses)."""
    coefficient: sympy.Rational
    squares: tuple[sympy.Expr, ...] = ()
    factors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Identity:
    statement: str                               # the identity in docs/spec.md notation
    conclusion: str                              # for lhs under the hypotheses: "= 0" (no
    #   terms), ">= 0", or "> 0" (some term has no squares and only strict factors)
    lhs: Builder
    terms: tuple[Term, ...] = ()
    multiples: tuple[tuple[sympy.Expr, str], ...] = ()   # (m_i, name of an "= 0" hypothesis)
    definite_in: tuple[sympy.Symbol, ...] = ()   # if set: the terms are squares of independent
    #                                              linear forms in these variables (a positive
    #                                              definite quadratic form, e.g. from LDLᵀ)


@dataclass(frozen=True)
class Certificate:
    obligations: tuple[str, ...]                 # the obligation(s) of proofs/ it certifies
    claim: str
    X: tuple[tuple[Fraction, ...], ...]          # the learning set it is about
    y: tuple[Fraction, ...]
    w_star: tuple[Fraction, ...]                 # W* and d as the certificate states them
    d: tuple[Fraction, ...]
    hypotheses: tuple[Hypothesis, ...]
    identities: tuple[Identity, ...]             # why they imply the claim: the docstring of the
    #                                              function in proofs/certificates.py building it
