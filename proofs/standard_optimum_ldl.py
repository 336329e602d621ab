"""Standard optimum in high dimension, by an exact LDLᵀ certificate (docs/spec.md §6: Z3 on the raw
quadratic answers `unknown` at d = 20; `check --prove` uses this instead of
proofs/standard_optimum.py when d > 3).

Claim (same as standard_optimum): W* is the unique minimiser of L: L(w) > L(W*) for w != W*.

Certificate: A = Σ x_i x_iᵀ = L·D·Lᵀ with L unit lower triangular and D diagonal (exact rational
Gaussian elimination, python-flint); ℓ(w) = Lᵀ(w - W*). Three obligations, all expected unsat:

- standard_optimum_ldl_identity: for every w, n·L(w) - n·L(W*) = Σ_k D_k ℓ_k(w)², with L(w)
  the literal loss (1/n) Σ_i (<w,x_i> - y_i)². This is where the factorisation is checked: the
  identity holds iff A = L·D·Lᵀ and A·W* = Σ x_i y_i (compare coefficients of the quadratic,
  linear and constant parts). Query: some w with the two sides different.
- standard_optimum_ldl_positive: for every z, Σ_k D_k z_k² <= 0 implies z = 0. Query: q_k = z_k²,
  q_k >= 0, Σ_k D_k q_k <= 0, some z_k != 0. The constraint q_k >= 0 follows from q_k = z_k², so
  it does not change the answer; it lets linear reasoning conclude at once (without it Z3 needs
  seconds at d = 40). Fails (sat) if some D_k <= 0.
- standard_optimum_ldl_triangular: ℓ(w) = 0 implies w = W*. Linear (Lᵀ is unit triangular).

Together: w != W* gives ℓ(w) != 0, so Σ D_k ℓ_k(w)² > 0, so L(w) > L(W*).
"""

from __future__ import annotations

from fractions import Fraction

import z3
from flint import fmpq, fmpq_mat

from proofs.claims import Claims
from proofs.encoding import Network, const, reals
from proofs.obligation import Obligation


def ldl(rows: list[list[Fraction]]) -> tuple[list[list[Fraction]], list[Fraction]]:
    """(L, D) with S = L·D·Lᵀ, L unit lower triangular, by Gaussian elimination without pivoting
    (valid while the pivots are nonzero, as they are for a positive definite S). Not trusted:
    the identity obligation checks the result."""
    n = len(rows)
    a = [[fmpq(v.numerator, v.denominator) for v in row] for row in rows]
    L = [[fmpq(int(i == j)) for j in range(n)] for i in range(n)]
    D = []
    for k in range(n):
        pivot = a[k][k]
        if pivot == 0:
            raise ValueError("zero pivot: not positive definite")
        D.append(pivot)
        for i in range(k + 1, n):
            f = a[i][k] / pivot
            L[i][k] = f
            if f != 0:
                for j in range(k + 1, n):
                    a[i][j] -= f * a[k][j]
    fr = lambda q: Fraction(int(q.p), int(q.q))
    return [[fr(v) for v in row] for row in L], [fr(v) for v in D]


def gram(claims: Claims) -> list[list[Fraction]]:
    n, dim = len(claims.y), len(claims.w_star)
    X = fmpq_mat(n, dim, [fmpq(v.numerator, v.denominator) for row in claims.X for v in row])
    A = X.transpose() * X
    return [[Fraction(int(A[i, j].p), int(A[i, j].q)) for j in range(dim)] for i in range(dim)]


def standard_optimum_ldl(claims: Claims) -> list[Obligation]:
    net = Network(claims.X, claims.y)
    dim = net.dim
    L, D = ldl(gram(claims))
    w, z, q = reals("w", dim), reals("z", dim), reals("q", dim)
    w_star = [const(v) for v in claims.w_star]
    ell = [z3.Sum([const(L[j][k]) * (w[j] - w_star[j]) for j in range(k, dim) if L[j][k] != 0])
           for k in range(dim)]
    n = const(Fraction(net.n))
    sos = z3.Sum([const(D[k]) * ell[k] * ell[k] for k in range(dim)])
    return [
        Obligation(
            name="standard_optimum_ldl_identity",
            statement="n·L(w) - n·L(W*) = Σ_k D_k ℓ_k(w)² for every w (A = LDLᵀ, AW* = Xᵀy)",
            expected="unsat",
            query=(n * net.standard_loss(w) - n * net.standard_loss(w_star) != sos,),
        ),
        Obligation(
            name="standard_optimum_ldl_positive",
            statement="Σ_k D_k z_k² <= 0 only at z = 0 (every D_k > 0)",
            expected="unsat",
            query=(*[qk == zk * zk for qk, zk in zip(q, z)], *[qk >= 0 for qk in q],
                   z3.Sum([const(D[k]) * q[k] for k in range(dim)]) <= 0,
                   z3.Or([zk != 0 for zk in z])),
        ),
        Obligation(
            name="standard_optimum_ldl_triangular",
            statement="ℓ(w) = Lᵀ(w - W*) = 0 only at w = W*",
            expected="unsat",
            query=(*[lk == 0 for lk in ell], z3.Or([wk != vk for wk, vk in zip(w, w_star)])),
        ),
    ]
