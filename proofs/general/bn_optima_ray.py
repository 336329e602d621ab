"""BN optima = the open ray {t·d : t > 0}, for every learning set of dimension k (docs/spec.md §3):
with Σ SPD and d = Σ⁻¹c != 0, the local minimisers of L̂(w) = 1 + mean(y²) - 2<c,w>/σ(w),
σ²(w) = wᵀΣw, are exactly the open ray.

Coordinates: every SPD Σ is L·D·Lᵀ with L unit lower triangular and D = diag(D_1..D_k), every
D_i > 0 (Gaussian elimination without pivoting). With e = Lᵀd and v = Lᵀw (a linear bijection
w -> v that maps d to e, so "for all w" is "for all v" and w is a multiple of d iff v is a
multiple of e), and c = Σd = L·D·e:
    E = dᵀΣd = Σ D_i e_i²,   V = σ²(w) = wᵀΣw = Σ D_i v_i²,   C = <c,w> = dᵀΣw = Σ D_i e_i v_i.
Σ's entries never appear: the queries are over D (k variables, each > 0), e != 0 and v, for
symbolic statistics rather than one learning set ("off the line": some e_i v_j != e_j v_i).

general_bn_ray_is_global_minimum_k — every t·d (t > 0) has σ(td) > 0, <c,td> > 0 and
    L̂(w) >= L̂(td) for every w with σ(w) > 0. As in proofs/bn_optima.py, L̂(w) < L̂(td) iff
    C·σ(td) > <c,td>·σ(w) iff (as <c,td> = tE > 0) C > 0 ∧ C²·σ²(td) > <c,td>²·V, with
    σ²(td) = t²E (both sides positive, squaring is an equivalence). Query: t > 0 and
    σ²(td) <= 0 ∨ <c,td> <= 0 ∨ (V > 0 ∧ C > 0 ∧ C²·t²E > t²E²·V).          expected unsat.
general_bn_stationary_points_on_line_k — ∇L̂(w) = -2(c/σ - C·Σw/σ³) = 0 iff c·V = C·Σw iff
    L·D·(e·V - C·v) = 0 iff e_i·V = C·v_i for every i (L invertible, D_i > 0).
    Query: V > 0, e_i·V = C·v_i for all i, v off the line.                       expected unsat.
    A local minimiser of L̂ on the open set {σ > 0} is stationary, so Ŵ* ⊂ the line through d.
general_bn_cs_equality_on_line_k — equality in Cauchy-Schwarz, C² = E·V, only on the line
    (so L̂(w) = min L̂ only where C > 0 and w is on the line: on the ray).
    Query: C² = E·V, v off the line.                                             expected unsat.
The opposite ray is not minimal (a corollary, no query): L̂(w) >= L̂(-td) iff C <= -√(E·V);
off the line C² < E·V (Cauchy-Schwarz, strict by the CS-equality obligation), so every w off
the line with σ(w) > 0 has L̂(w) < L̂(-td), and every neighbourhood of -td holds such w (k >= 2).
(As a query of its own, "off the line, -C > 0, C² >= E·V" is unsat in ms at k = 2, 3 but took
14 s to a timeout at k = 4 on this machine, so it is derived instead.)
Together: Ŵ* ⊂ line ∩ {σ > 0} = ray ∪ opposite ray; the ray is minimal, the opposite ray is not.

For every k at once: Lagrange's identity E·V - C² = Σ_{i<j} D_i D_j (e_i v_j - e_j v_i)² is a
sum-of-squares certificate (SymPy `expand`, `lagrange_identity`): E·V >= C² (so the ray is a
global minimum), with equality only when every e_i v_j = e_j v_i (on the line); and
e·V = C·v with V > 0, e != 0 forces C != 0 and v = (V/C)·e (on the line).
"""

from __future__ import annotations

import sympy
import z3

from proofs.obligation import Obligation


def coordinates(k: int):
    """(D, e, v, E, V, C) for dimension k, as Z3 terms."""
    D = [z3.Real(f"D{i + 1}") for i in range(k)]
    e = [z3.Real(f"e{i + 1}") for i in range(k)]
    v = [z3.Real(f"v{i + 1}") for i in range(k)]
    E = z3.Sum([D[i] * e[i] * e[i] for i in range(k)])
    V = z3.Sum([D[i] * v[i] * v[i] for i in range(k)])
    C = z3.Sum([D[i] * e[i] * v[i] for i in range(k)])
    return D, e, v, E, V, C


def off_line(e, v) -> z3.BoolRef:
    """v is not a multiple of e (e != 0): some 2×2 minor e_i v_j - e_j v_i != 0."""
    k = len(e)
    return z3.Or([e[i] * v[j] != e[j] * v[i] for i in range(k) for j in range(i + 1, k)])


def bn_optima_ray(k: int, ray=None) -> list[Obligation]:
    """The three obligations in dimension k. `ray` is the claimed direction of the optima in
    v-coordinates (default e, i.e. d: the claim); tests pass a free vector to tie each query to
    the literal statement for every claimed direction (tests/test_general_ties.py)."""
    D, e, v, E, V, C = coordinates(k)
    f = e if ray is None else list(ray)
    t = z3.Real("t")
    sigma_spd = (*[Dk > 0 for Dk in D], z3.Or([ek != 0 for ek in e]))
    ctd = t * z3.Sum([D[i] * e[i] * f[i] for i in range(k)])        # <c, t·f>
    var_td = t * t * z3.Sum([D[i] * f[i] * f[i] for i in range(k)])  # σ²(t·f)
    stationary = tuple(e[i] * V == C * v[i] for i in range(k))
    return [
        Obligation(
            name=f"general_bn_ray_is_global_minimum_k{k}",
            statement=f"k = {k}, every SPD Σ, c != 0: σ(td) > 0 and L̂(w) >= L̂(t·d) for t > 0, σ(w) > 0",
            expected="unsat",
            query=(*sigma_spd, t > 0,
                   z3.Or(var_td <= 0, ctd <= 0, z3.And(V > 0, C > 0, C * C * var_td > ctd * ctd * V))),
            premises=(*sigma_spd, t > 0),
        ),
        Obligation(
            name=f"general_bn_stationary_points_on_line_k{k}",
            statement=f"k = {k}, every SPD Σ, c != 0: ∇L̂(w) = 0 with σ(w) > 0 ⇒ w is a multiple of d",
            expected="unsat",
            query=(*sigma_spd, V > 0, *stationary, off_line(f, v)),
            premises=(*sigma_spd, V > 0, *stationary),
        ),
        Obligation(
            name=f"general_bn_cs_equality_on_line_k{k}",
            statement=f"k = {k}, every SPD Σ: (dᵀΣw)² = (dᵀΣd)(wᵀΣw) ⇒ w is a multiple of d",
            expected="unsat",
            query=(*sigma_spd, C * C == E * V, off_line(f, v)),
            premises=(*sigma_spd, C * C == E * V),
        ),
    ]


def lagrange_identity(k: int) -> tuple[sympy.Expr, sympy.Expr]:
    """(E·V - C², Σ_{i<j} D_i D_j (e_i v_j - e_j v_i)²) as SymPy polynomials: equal for every k."""
    D = sympy.symbols(f"D1:{k + 1}")
    e = sympy.symbols(f"e1:{k + 1}")
    v = sympy.symbols(f"v1:{k + 1}")
    E = sum(D[i] * e[i] ** 2 for i in range(k))
    V = sum(D[i] * v[i] ** 2 for i in range(k))
    C = sum(D[i] * e[i] * v[i] for i in range(k))
    sos = sum(D[i] * D[j] * (e[i] * v[j] - e[j] * v[i]) ** 2 for i in range(k) for j in range(i + 1, k))
    return E * V - C ** 2, sos
