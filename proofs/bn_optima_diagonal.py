"""BN optima in high dimension, in the coordinates of an exact LDLᵀ factorisation of Σ
(`check --prove` uses these instead of the literal bn_ray_is_global_minimum,
bn_stationary_points_on_line and bn_opposite_ray_not_minimum of proofs/bn_optima.py when d > 3).

Coordinates: B = P·L⁻ᵀ with P = [d, e_j (j != k)] (d_k != 0) and PᵀΣP = L·D·Lᵀ (exact rational
elimination), so B's first column is d and BᵀΣB = D is diagonal. With z = m(w) = B⁻¹w:
σ²(w) = Σ_k D_k z_k² =: V(z) and <c,w> = D_1 z_1 =: C(z) (c = Σd). w -> z is a linear bijection
with d -> e_1, so "for all w" is "for all z", t·d corresponds to t·e_1 (V = D_1 t², C = D_1 t),
and w is a multiple of d iff z_k = 0 for every k >= 2.

- bn_diagonal_coordinates: for every w, σ²(w) = Σ D_k m_k(w)² and <c,w> = D_1 m_1(w), with σ²
  and <c,w> the literal terms of proofs/encoding.py, m(d) = e_1 (the map m of the query applied
  to the claimed d, so a wrong P, L or d shows) and every pivot D_k > 0 (Z3 atoms: a
  nonpositive pivot makes the query sat). This checks the factorisation. Expected unsat.
- bn_diagonal_invertible: m(w) = Lᵀ·P⁻¹·w = 0 only for w = 0 (linear; so m is a bijection).
  Expected unsat.
- bn_ray_is_global_minimum: as in proofs/bn_optima.py, L̂(w) < L̂(t·d) iff C > 0 and
  C²·σ²(td) > <c,td>²·V; with σ²(td) = D_1 t², <c,td> = D_1 t and t > 0, dividing by D_1 t² > 0
  (D_1 = σ²(d) > 0) this is C² > D_1·V. Query: C > 0, V > 0, C² > D_1·V.
- bn_opposite_ray_not_minimum: likewise L̂(w) >= L̂(-t·d) iff -C > 0 and C² >= D_1·V.
  Query: z off the line, V > 0, -C > 0, C² >= D_1·V.
- bn_stationary_points_on_line: with the identity (bn_loss_identity) L̂(Bz) = 1 + mean(y²)
  - 2C/sqrt(V); ∇_z(L̂∘B) = Bᵀ∇_w L̂ vanishes iff ∇_w L̂ does (chain rule, B invertible), and
  multiplied by -V^{3/2}/2 it is D_1·e_1·V - C·D·z (the gradient formula of proofs/encoding.py
  with c' = Bᵀc = D_1 e_1 and Σ' = BᵀΣB = D). Its first component is the query below (the
  others, C·D_k·z_k = 0, are dropped: fewer constraints).
Relaxation (all three queries): only z_1 is kept; R = Σ_{k>=2} D_k z_k² becomes one variable
with R >= 0, and "z off the line" (some z_k != 0, k >= 2) becomes R > 0. Both follow from
every D_k > 0, which bn_diagonal_coordinates checks. Every model of the exact query then gives a
model of the relaxed one (z_1, q_1 = z_1², R), so unsat of the relaxed query proves the claim.
So V = D_1·q_1 + R with q_1 = z_1², C = D_1·z_1. All expected unsat.
"""

from __future__ import annotations

from fractions import Fraction

import z3
from flint import fmpq, fmpq_mat

from proofs.claims import Claims
from proofs.encoding import Network, const, reals
from proofs.obligation import Obligation
from proofs.standard_optimum_ldl import ldl


def _fq(v: Fraction) -> fmpq:
    return fmpq(v.numerator, v.denominator)


def _fr(q: fmpq) -> Fraction:
    return Fraction(int(q.p), int(q.q))


def diagonal_basis(claims: Claims) -> tuple[list[list[Fraction]], list[list[Fraction]], list[Fraction]]:
    """(P⁻¹, L, D) as in the module docstring: m(w) = Lᵀ·P⁻¹·w. Not trusted:
    bn_diagonal_coordinates and bn_diagonal_invertible check them."""
    n, dim = len(claims.y), len(claims.bn_direction)
    X = fmpq_mat(n, dim, [_fq(v) for row in claims.X for v in row])
    mean = fmpq_mat(1, n, [1] * n) * X / n
    Xc = X - fmpq_mat(n, 1, [1] * n) * mean
    sigma = Xc.transpose() * Xc / n
    k = next(i for i, v in enumerate(claims.bn_direction) if v != 0)
    columns = [list(claims.bn_direction)] + [[Fraction(int(i == j)) for i in range(dim)]
                                             for j in range(dim) if j != k]
    P = fmpq_mat(dim, dim, [_fq(columns[j][i]) for i in range(dim) for j in range(dim)])
    S = P.transpose() * sigma * P
    L, D = ldl([[_fr(S[i, j]) for j in range(dim)] for i in range(dim)])
    Pinv = P.inv()
    return [[_fr(Pinv[i, j]) for j in range(dim)] for i in range(dim)], L, D


def _linear(coeffs: list[Fraction], w) -> z3.ArithRef:
    return z3.Sum([const(a) * wk for a, wk in zip(coeffs, w) if a != 0] or [z3.RealVal(0)])


def bn_optima_diagonal(claims: Claims) -> list[Obligation]:
    net = Network(claims.X, claims.y)
    dim = net.dim
    Pinv, L, D = diagonal_basis(claims)
    w, u = reals("w", dim), reals("u", dim)
    Lt = [[L[j][k] for j in range(dim)] for k in range(dim)]          # Lᵀ, upper triangular
    p_w = [_linear(row, w) for row in Pinv]
    m = [_linear(row, p_w) for row in Lt]
    Dc = [const(v) for v in D]
    d = [const(v) for v in claims.bn_direction]
    m_d = [_linear(row, [_linear(prow, d) for prow in Pinv]) for row in Lt]   # m(d), on the same terms
    z1, q1, R = z3.Reals("z1 q1 R")
    V = Dc[0] * q1 + R
    C = Dc[0] * z1
    square = [q1 == z1 * z1, q1 >= 0, R >= 0]
    return [
        Obligation(
            name="bn_diagonal_coordinates",
            statement="σ²(w) = Σ D_k m_k(w)², <c,w> = D_1 m_1(w) for every w, m(d) = e_1 (LDLᵀ of Σ)",
            expected="unsat",
            query=(z3.Or(net.bn_variance(w) != z3.Sum([Dc[k] * m[k] * m[k] for k in range(dim)]),
                         net.cov_with_targets(w) != Dc[0] * m[0],
                         z3.Or([mk != (1 if k == 0 else 0) for k, mk in enumerate(m_d)]),
                         z3.Or([Dk <= 0 for Dk in Dc])),),
        ),
        Obligation(
            name="bn_diagonal_invertible",
            statement="m(w) = Lᵀ·P⁻¹·w = 0 only at w = 0: the change of coordinates is a bijection",
            expected="unsat",
            query=(*[uk == pk for uk, pk in zip(u, p_w)], *[_linear(row, u) == 0 for row in Lt],
                   z3.Or([wk != 0 for wk in w])),
        ),
        Obligation(
            name="bn_ray_is_global_minimum",
            statement="no w with σ(w) > 0 has L̂(w) < L̂(t·d), t > 0 (diagonal coordinates: C² > D_1·V)",
            expected="unsat",
            query=(*square, V > 0, C > 0, C * C > Dc[0] * V),
        ),
        Obligation(
            name="bn_stationary_points_on_line",
            statement="∇L̂(w) = 0 with σ(w) > 0 implies w is a multiple of d (diagonal coordinates)",
            expected="unsat",
            query=(*square, V > 0, Dc[0] * V == C * Dc[0] * z1, R > 0),
        ),
        Obligation(
            name="bn_opposite_ray_not_minimum",
            statement="L̂(w) < L̂(-t·d) for every t > 0 and w off the line with σ(w) > 0 "
                      "(diagonal coordinates: not C² >= D_1·V with -C > 0)",
            expected="unsat",
            query=(*square, V > 0, R > 0, -C > 0, C * C >= Dc[0] * V),
        ),
    ]
