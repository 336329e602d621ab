"""Literal formulas -> quadratic forms, and exact matrix facts (`check --prove` when d > 3).

At d = 100 Z3 cannot expand the literal losses with W* or d substituted (260-730-digit
coefficients: a 5 s timeout ran 93 s), so each identity is split in two:
- a literal-to-matrix identity for every w, whose coefficients are the data's own small numbers
  (Z3 expands n squares of d-term sums of small integers: 1.6 s at n = 200, d = 100):
      n·L(w) = wᵀAw - 2bᵀw + yᵀy             A = XᵀX, b = Xᵀy
      n²·σ²(w) = wᵀSw,  n²·<c,w> = sᵀw        S = n·XᵀX - (Xᵀ1)(Xᵀ1)ᵀ, s = n·Xᵀy - (Xᵀ1)(1ᵀy)
  (σ², <c,w> the literal terms of proofs/encoding.Network, so S = n²Σ and s = n²c);
- variable-free facts about A, S, W*, d (A·W* = b, S·d = s, A and S positive definite by
  their leading principal minors), decided by exact integer and rational arithmetic
  (python-flint) in `exact_fact`: a fact that fails gives a
  query that is `sat`, so it flips the obligation like any other counterexample.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import z3
from flint import fmpq, fmpq_mat, fmpz_mat

from proofs.claims import Claims
from proofs.encoding import add, const, mul


def fq(v: Fraction) -> fmpq:
    return fmpq(v.numerator, v.denominator)


def fr(q: fmpq) -> Fraction:
    return Fraction(int(q.p), int(q.q))


@dataclass(frozen=True)
class DataMatrices:
    """A = XᵀX, b = Xᵀy, yᵀy, S = n²Σ, s = n²c of one learning set (fmpq_mat columns)."""
    n: int
    A: fmpq_mat
    b: fmpq_mat
    yy: fmpq
    S: fmpq_mat
    s: fmpq_mat


def data_matrices(claims: Claims) -> DataMatrices:
    n, dim = len(claims.y), len(claims.X[0])
    X = fmpq_mat(n, dim, [fq(v) for row in claims.X for v in row])
    y = fmpq_mat(n, 1, [fq(v) for v in claims.y])
    ones = fmpq_mat(1, n, [1] * n)
    Xt = X.transpose()
    A, b = Xt * X, Xt * y
    col_sums, y_sum = ones * X, (ones * y)[0, 0]
    S = A * n - col_sums.transpose() * col_sums
    s = b * n - col_sums.transpose() * y_sum
    return DataMatrices(n, A, b, (y.transpose() * y)[0, 0], S, s)


def quadratic_form(M: fmpq_mat, w) -> z3.ArithRef:
    """wᵀMw for a symmetric M, as Σ_k M_kk w_k² + Σ_{j<k} 2M_jk w_j w_k."""
    dim = len(w)
    terms = [mul(const(fr(M[j, k]) * (1 if j == k else 2)), mul(w[j], w[k]))
             for j in range(dim) for k in range(j, dim) if M[j, k] != 0]
    return add(terms)


def linear_form(v: fmpq_mat, w) -> z3.ArithRef:
    terms = [mul(const(fr(v[k, 0])), w[k]) for k in range(len(w)) if v[k, 0] != 0]
    return add(terms)


def vector(v) -> fmpq_mat:
    return fmpq_mat(len(v), 1, [fq(x) for x in v])


def integer_matrix(M: fmpq_mat) -> fmpz_mat:
    """λ·M as an integer matrix, λ > 0 the least common denominator of M's entries."""
    lam = 1
    for v in M.entries():
        lam = math.lcm(lam, int(v.q))
    return fmpz_mat(M.nrows(), M.ncols(), [int((v * lam).p) for v in M.entries()])


def positive_definite(M: fmpq_mat) -> bool:
    """Sylvester's criterion: every leading principal minor of the symmetric M is > 0
    (computed on λ·M, λ > 0, which has the same signs), each by its own exact determinant."""
    Mi = integer_matrix(M)
    dim = Mi.nrows()
    if Mi.transpose() != Mi:
        return False
    return all(fmpz_mat(k, k, [Mi[i, j] for i in range(k) for j in range(k)]).det() > 0
               for k in range(1, dim + 1))


def exact_fact(holds: bool) -> tuple[z3.BoolRef, ...]:
    """The query of a variable-free fact decided exactly: `unsat` iff the fact holds."""
    return (z3.BoolVal(not holds),)
