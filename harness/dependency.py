"""Why a learning set is degenerate, column by column: a constant or all-zero column, a duplicate,
or a minimal linearly dependent set of columns, read off an exact null-space vector.

Σ x_i x_iᵀ = XᵀX and X have the same null space (vᵀXᵀXv = ||Xv||²), and so do the centered
covariance Σ and the centered X_c. A null vector v of X says Σ_j v_j·x_j = 0 in every row; one of
X_c says Σ_j v_j·x_j = Σ_j v_j·x̄_j, a constant. We take v from the reduced row echelon form R of
the (Gram or covariance) matrix, exactly (python-flint): for the first non-pivot column f,
v_f = 1 and v_p = -R[i, f] at the pivot column p of row i. Its support is a minimal dependent set
(a circuit): the pivot columns are independent and express column f in exactly one way, so no
proper subset of the support is dependent. Written out: x_f = Σ_i R[i, f]·x_{p_i} (+ constant).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

from flint import fmpq_mat


@dataclass(frozen=True)
class Dependency:
    """In every row, x[column] = Σ coefficient·x[j] + constant (exact); `more` further
    independent dependencies exist (the nullity is more + 1)."""

    column: int
    terms: tuple[tuple[int, Fraction], ...]     # (j, coefficient), coefficients nonzero
    constant: Fraction
    more: int


def dependency(matrix: fmpq_mat, means: Sequence[Fraction] | None = None) -> Dependency | None:
    """A minimal dependency among the columns of X given its Gram matrix XᵀX (means None), or among
    the columns of X_c given the centered covariance Σ and the column means x̄ (the constant then
    follows from the means). None if the matrix is invertible."""
    rref, rank = matrix.rref()
    dim = matrix.ncols()
    if rank == dim:
        return None
    pivots = []
    for i in range(rank):
        pivots.append(next(j for j in range(dim) if rref[i, j] != 0))
    free = next(j for j in range(dim) if j not in pivots)
    terms = tuple((p, _fraction(rref[i, free])) for i, p in enumerate(pivots) if rref[i, free] != 0)
    constant = Fraction(0)
    if means is not None:
        constant = means[free] - sum((c * means[j] for j, c in terms), Fraction(0))
    return Dependency(free, terms, constant, dim - rank - 1)


def _fraction(q) -> Fraction:
    return Fraction(int(q.p), int(q.q))


def describe(dep: Dependency, names: Sequence[str] | None = None) -> str:
    """The dependency in words, with the column names (x1, x2, ... by default)."""
    name = (lambda j: _quoted(names[j])) if names else (lambda j: f"x{j + 1}")
    target = name(dep.column)
    if not dep.terms:
        what = (f"column {target} is 0 in every row" if dep.constant == 0
                else f"column {target} is constant ({target} = {_number(dep.constant)} in every row)")
    elif len(dep.terms) == 1 and dep.terms[0][1] == 1 and dep.constant == 0:
        what = f"column {target} duplicates column {name(dep.terms[0][0])}"
    else:
        kind = "linearly" if dep.constant == 0 else "affinely"
        what = f"the columns are {kind} dependent: {target} = {_sum(dep, name)}"
    if dep.more:
        what += f" (and {dep.more} more independent dependenc{'y' if dep.more == 1 else 'ies'})"
    return what


def _sum(dep: Dependency, name) -> str:
    parts = [(c, name(j)) for j, c in dep.terms]
    if dep.constant:
        parts.append((dep.constant, None))
    out = ""
    for k, (c, label) in enumerate(parts):
        sign = "-" if c < 0 else "+"
        size = abs(c)
        body = _number(size) if label is None else (
            label if size == 1 else f"{_number(size)}·{label}")
        out += (("-" if sign == "-" else "") if k == 0 else f" {sign} ") + body
    return out


def _number(q: Fraction) -> str:
    return str(q.numerator) if q.denominator == 1 else f"({q.numerator}/{q.denominator})" \
        if q >= 0 else f"-({-q.numerator}/{q.denominator})"


def _quoted(name: str) -> str:
    """A column name as written, quoted when it is not a plain identifier."""
    return name if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) else repr(name)
