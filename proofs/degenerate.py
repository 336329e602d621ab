"""Degenerate learning sets (docs/spec.md §5): the reason and, where decided, the answer, proved.

Each kind of harness/statistics.degeneracy gets obligations of its own, so that a degenerate
verdict is never only computed (and a wrong classification makes an obligation fail):

- gram_singular — `gram_singular`: some v != 0 has (Σ_i x_i x_iᵀ)v = 0, so W* is not unique
  (L(w + v) = L(w)). Query: v != 0 and every component of Σ_i x_i <x_i, v> is 0, with v pinned
  to one kernel vector (exact elimination, so the witness is reproducible). Expected sat,
  with the witness v.
- sigma_singular — `sigma_singular`: some v != 0 has Σv = 0, Σ the centered covariance, so
  σ(t·v) = 0 and the BN optima are not one ray. Query: v != 0, Σv = 0. Expected sat.
- w_star_zero — `standard_optimum` with W* = 0 (proofs/standard_optimum.py) and
  `lemma_premise_never_met`: no W0 has <W0, W*> > 0. Query: <W0, 0> > 0. Expected unsat.
- c_zero — `bn_loss_constant`: L̂(w) = 1 + mean(y²) wherever σ(w) > 0. Query: s > 0,
  s² = σ²(w), s²·L̂(w) != (1 + mean(y²))·s² (the literal loss with its denominator cleared,
  Network.bn_loss_cleared; s² > 0 preserves "!="). Expected unsat. Then every w with σ(w) > 0
  is a local minimiser, Ŵ* = R^d \\ {0} (Σ invertible), the left side of (L4.5) is 0; and
  `lemma_right_side_nonnegative`: RHS(W0) = ||W0||² - <W0,W*>²/||W*||² >= 0 (Cauchy-Schwarz).
  Query: RHS(W0) < 0, premise ||W*||² > 0. Expected unsat. So (L4.5) holds.
- dimension_1 — `bn_loss_locally_constant`: L̂(w) = L̂(w') whenever w·w' > 0 (σ(w), σ(w') > 0).
  Query: w·w' > 0, s, s' the roots, s'²·(s²L̂(w)) != s²·(s'²L̂(w')) (cleared; s²s'² > 0).
  Expected unsat. So every w != 0 is a local minimiser (the neighbourhood |w' - w| < |w| keeps
  the sign), the left side of (L4.5) is 0, and `lemma_right_side_nonnegative` as above.
Hand reasoning (not machine-checked): "constant on a neighbourhood ⇒ local minimiser" and
"Ŵ* = R^d \\ {0} ⇒ the infimum distance is 0".
"""

from __future__ import annotations

from fractions import Fraction

import z3

from proofs.claims import Claims
from proofs.encoding import Network, const, dot, lemma_bound, reals, sq_norm
from proofs.obligation import Obligation
from proofs.standard_optimum import standard_optimum


def degenerate_claims(X, y, w_star=None, standard_loss=None) -> Claims:
    """The claims of a degenerate set: the data, and W* with L(W*) where W* is unique."""
    return Claims(X=X, y=y, w_star=tuple(w_star or ()), standard_loss_at_w_star=standard_loss,
                  bn_direction=None, grad_at_w_star=(), bn_loss_at_w_star=None, min_bn_loss=None,
                  lemma_fails=False)


def degenerate_obligations(kind: str, claims: Claims) -> list[Obligation]:
    X, y, w_star = claims.X, claims.y, claims.w_star
    net = Network(X, y)
    if kind == "gram_singular":
        v = reals("v", net.dim)
        gram = [[sum((row[i] * row[j] for row in X), Fraction(0)) for j in range(net.dim)]
                for i in range(net.dim)]
        gram_v = [z3.Sum([x[k] * dot(x, v) for x in net.X]) for k in range(net.dim)]
        return [Obligation("gram_singular", "some v != 0 has (Σ x_i x_iᵀ)v = 0: W* is not unique",
                           "sat", (z3.Or([vk != 0 for vk in v]), *[g == 0 for g in gram_v],
                                   *_pinned(v, gram)),
                           witness={f"v{k + 1}": vk for k, vk in enumerate(v)})]
    if kind == "sigma_singular":
        v = reals("v", net.dim)
        n = len(X)
        mean = [sum((row[k] for row in X), Fraction(0)) / n for k in range(net.dim)]
        sigma = [[sum(((row[i] - mean[i]) * (row[j] - mean[j]) for row in X), Fraction(0)) / n
                  for j in range(net.dim)] for i in range(net.dim)]
        return [Obligation("sigma_singular", "some v != 0 has Σv = 0: the BN optima are not one ray",
                           "sat", (z3.Or([vk != 0 for vk in v]), *[r == 0 for r in net.sigma_times(v)],
                                   *_pinned(v, sigma)),
                           witness={f"v{k + 1}": vk for k, vk in enumerate(v)})]
    if kind == "w_star_zero":
        w0 = reals("W0_", net.dim)
        admissible = dot(w0, [const(v) for v in w_star]) > 0
        return [standard_optimum(claims),
                Obligation("lemma_premise_never_met", "no W0 has <W0, W*> > 0 (W* = 0)", "unsat",
                           (admissible,), premises=())]
    if kind == "c_zero":
        w, s = reals("w", net.dim), z3.Real("s")
        var_w = net.bn_variance(w)
        constant = Obligation(
            "bn_loss_constant", "L̂(w) = 1 + mean(y²) for every w with σ(w) > 0 (c = 0)", "unsat",
            (s > 0, s * s == var_w, net.bn_loss_cleared(w, s) != (1 + net.mean_sq_target()) * s * s),
            definitions=(s > 0, s * s == var_w), premises=(var_w > 0,))
        return [constant, _right_side_nonnegative(net, w_star)]
    if kind == "dimension_1":
        (w,), (w2,) = reals("w", 1), reals("u", 1)
        s, s2 = z3.Reals("s s2")
        roots = (s > 0, s * s == net.bn_variance([w]), s2 > 0, s2 * s2 == net.bn_variance([w2]))
        constant = Obligation(
            "bn_loss_locally_constant", "L̂(w) = L̂(w') whenever w·w' > 0 (dimension 1)", "unsat",
            (*roots, w * w2 > 0,
             s2 * s2 * net.bn_loss_cleared([w], s) != s * s * net.bn_loss_cleared([w2], s2)),
            definitions=roots, premises=(w * w2 > 0,))
        return [constant, _right_side_nonnegative(net, w_star)]
    raise ValueError(f"unknown kind of degenerate set: {kind}")


def _pinned(v, rows) -> list[z3.BoolRef]:
    """v = one kernel vector of the matrix, found by exact elimination (not trusted: the query
    checks it): a unique model, so the reported witness is the same on every run."""
    return [vk == const(k) for vk, k in zip(v, kernel_vector(rows))]


def kernel_vector(rows: list[list[Fraction]]) -> list[Fraction]:
    """A nonzero v with Mv = 0 (M singular): reduced row echelon form, the first free column set
    to 1, the pivots solved for."""
    m = [list(r) for r in rows]
    dim, pivots, r = len(m[0]), [], 0
    for col in range(dim):
        p = next((i for i in range(r, len(m)) if m[i][col] != 0), None)
        if p is None:
            continue
        m[r], m[p] = m[p], m[r]
        m[r] = [v / m[r][col] for v in m[r]]
        for i in range(len(m)):
            if i != r and m[i][col] != 0:
                m[i] = [a - m[i][col] * b for a, b in zip(m[i], m[r])]
        pivots.append(col)
        r += 1
    free = next(c for c in range(dim) if c not in pivots)
    v = [Fraction(0)] * dim
    v[free] = Fraction(1)
    for i, col in enumerate(pivots):
        v[col] = -m[i][free]
    return v


def _right_side_nonnegative(net: Network, w_star) -> Obligation:
    """||W*||² > 0 is a premise (RHS divides by it): for W* = 0 the obligation is vacuous, never
    proved by a constant false conjunct."""
    w0 = reals("W0_", net.dim)
    rhs = lemma_bound(w0, [const(v) for v in w_star])
    w_star_nonzero = sq_norm([const(v) for v in w_star]) > 0     # RHS divides by ||W*||²
    return Obligation("lemma_right_side_nonnegative",
                      "RHS(W0) = ||W0 - W*||² - (||W*||² - <W*,W0>)²/||W*||² >= 0 for every W0",
                      "unsat", (rhs < 0, w_star_nonzero), premises=(w_star_nonzero,))
