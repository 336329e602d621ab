"""Standard optimum in high dimension, by the normal equations and a positive definite Gram
matrix (`check --prove` uses this instead of proofs/standard_optimum.py when d > 3: Z3 on the
raw quadratic answers `unknown` at d = 20, docs/spec.md §6).

Claim (same as standard_optimum): W* is the unique minimiser of L: L(w) > L(W*) for w != W*.

- standard_loss_quadratic_form: for every w, n·L(w) = wᵀAw - 2bᵀw + yᵀy with A = XᵀX,
  b = Xᵀy, L(w) the literal loss (1/n) Σ_i (<w,x_i> - y_i)². Z3, with the data's own small
  coefficients (proofs/matrix_identities.py). Expected unsat.
- standard_optimum_normal_equations: A·W* = b, and A is positive definite (every leading
  principal minor > 0, Sylvester's criterion). Variable-free, decided exactly. Expected unsat.

Together (linear algebra, by hand): with A symmetric and AW* = b,
wᵀAw - 2bᵀw = (w - W*)ᵀA(w - W*) - W*ᵀAW*, so n·L(w) - n·L(W*) = (w - W*)ᵀA(w - W*) > 0 for
w != W* (A positive definite).
"""

from __future__ import annotations

from proofs.claims import Claims
from proofs.encoding import Network, const
from proofs.matrix_identities import (DataMatrices, exact_fact, fr, linear_form, positive_definite,
                                      quadratic_form, vector)
from proofs.obligation import Obligation


def standard_optimum_matrix(claims: Claims, net: Network, w, m: DataMatrices) -> list[Obligation]:
    literal = const(m.n) * net.standard_loss(w)
    matrix_form = quadratic_form(m.A, w) - 2 * linear_form(m.b, w) + const(fr(m.yy))
    return [
        Obligation(
            name="standard_loss_quadratic_form",
            statement="n·L(w) = wᵀAw - 2bᵀw + yᵀy for every w (A = XᵀX, b = Xᵀy)",
            expected="unsat",
            query=(literal != matrix_form,),
        ),
        Obligation(
            name="standard_optimum_normal_equations",
            statement="A·W* = b and A is positive definite (exact): L(w) > L(W*) for w != W*",
            expected="unsat",
            query=exact_fact(m.A * vector(claims.w_star) == m.b and positive_definite(m.A)),
        ),
    ]
