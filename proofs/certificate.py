"""The shape of a solver-free certificate (data only; harness/certify.py is the checker).

The checker, not the certificate, states the claim: from the learning set and the claimed
values (W*, d, ∇L̂(W*), ...) it builds the obligation's NEGATED claim literally, as docs/spec.md
states it, and opens it into branches; each branch is a list of atoms  p > 0,  p >= 0,  p = 0
(p a polynomial, denominators cleared by the checker where they are provably positive) and
possibly pending universals  ∀ x: body.  A certificate cannot add a hypothesis: it refers to
the atoms of a branch by their INDEX, and gives one proof per branch:

- `Refutation`: a Positivstellensatz identity over the branch's atoms,
      Σ_k a_k · Π_j q_kj² · Π_l g_kl   +   Σ_i m_i · e_i   ≡   0      (as polynomials),
  a_k rational > 0, q_kj and m_i explicit polynomials, g_kl atoms "> 0"/">= 0", e_i atoms "= 0",
  and at least one term a_k · Π g_kl with only strict atoms and no squares (a positive constant
  is such a term). On the branch every term is >= 0, that one > 0 and the e_i vanish, so the
  sum is > 0: no point satisfies the branch.
- `Cut`: a case split on a polynomial p; the branch gets p > 0, p = 0 or -p > 0 appended and
  each of the three is refuted (the three cases cover every point).
- `Instantiate`: for a pending universal ∀ x: body of the branch (by index), terms for x; the
  checker substitutes them (a rational term defines a fresh x by den·x = num and its den = 0
  case must be refuted; a square root the universal ranges over, e.g. σ(w'), becomes a fresh
  s > 0 with s² = σ²(term), and its σ²(term) <= 0 case must be refuted), opens the body into
  branches and expects one proof for each (existence cases first).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

import sympy

from proofs.claims import Claims


@dataclass(frozen=True)
class Product:
    """coefficient · Π squares² · Π atoms (indices of "> 0" / ">= 0" atoms of the branch)."""
    coefficient: sympy.Rational
    squares: tuple[sympy.Expr, ...] = ()
    atoms: tuple[int, ...] = ()


@dataclass(frozen=True)
class Refutation:
    products: tuple[Product, ...]
    multiples: tuple[tuple[sympy.Expr, int], ...] = ()   # (m_i, index of an "= 0" atom)


@dataclass(frozen=True)
class Cut:
    p: sympy.Expr
    positive: "Proof"        # branch + [p > 0]
    zero: "Proof"            # branch + [p = 0]
    negative: "Proof"        # branch + [-p > 0]


@dataclass(frozen=True)
class Instantiate:
    universal: int                     # index among the branch's pending universals
    terms: tuple[sympy.Expr, ...]      # one per bound variable, in the checker's order
    proofs: tuple["Proof", ...]        # existence cases, then one per branch of the body


Proof = Union[Refutation, Cut, Instantiate]


@dataclass(frozen=True)
class Certificate:
    obligation: str                    # the obligation of proofs/ it certifies
    argument: str                      # one line: the idea of the refutation
    claims: Claims                     # the learning set and claimed values it was written for
    proofs: tuple[Proof, ...]          # one per branch of the checker's negated claim
