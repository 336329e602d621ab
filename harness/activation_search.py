"""A search for ReLU refutations (issue 11 item 5): every 3-point learning set in R² with
x ∈ {-B..B}² (three distinct points) and y ∈ {0..B}³ whose standard ReLU network fits the data
perfectly at a unique W*, decided exactly; `make activations` then proves the smallest finds
with the obligations of proofs/activations.py.

Exact decision (Fractions), BN before ReLU:
- W*: the zero-loss set is {w : <w, x_i> = y_i (y_i > 0), <w, x_i> <= 0 (y_i = 0)}; it is the
  single point W* iff the rows with y_i > 0 have rank 2 (solved by Cramer's rule, then checked).
  L(W*) = 0, so W* is a global minimiser of L.
- at W*, with a_i = u_i - μ, q = σ²(W*) = mean(a²): "smooth" iff q > 0 and no a_i = 0 (the ReLU
  pattern is strict, so L̂ is C¹ near W*);
- ∇L̂(W*) is 2/(n s⁴)·G with G_k = Σ_{a_i > 0} (a_i - s·y_i)(e_ik·q - a_i·f_k), e_i = x_i - x̄,
  f = ΣW*, s = sqrt(q) (proofs/activations.py, m = 1, at σ = s); expanding, G_k = P_k + Q_k·s
  with P_k = Σ a_i(e_ik q - a_i f_k), Q_k = -Σ y_i(e_ik q - a_i f_k) over a_i > 0, and
  G_k = 0 iff P_k = Q_k = 0, or P_k·Q_k < 0 and P_k² = Q_k²·q.
A smooth set with ∇L̂(W*) != 0 refutes (L4.5) at W0 = W*: by continuity no stationary point,
hence no local BN minimiser, lies in some ball around W*, while the right side is 0. The
radius is then proved by Z3 for the sets `make activations` reports.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

from harness.search import box_sets


def perfect_fit(xs, ys) -> tuple[Fraction, Fraction] | None:
    """The unique W* with ReLU(<W*, x_i>) = y_i for all i, or None."""
    active = [(x, y) for x, y in zip(xs, ys) if y > 0]
    for i in range(len(active)):
        for j in range(i + 1, len(active)):
            (p, yp), (r, yr) = active[i], active[j]
            det = p[0] * r[1] - p[1] * r[0]
            if det:
                w = (Fraction(yp * r[1] - yr * p[1], det), Fraction(p[0] * yr - r[0] * yp, det))
                fits = all((w[0] * x[0] + w[1] * x[1] == y) if y > 0 else (w[0] * x[0] + w[1] * x[1] <= 0)
                           for x, y in zip(xs, ys))
                return w if fits else None
    return None


def bn_relu_verdict(xs, ys, w) -> str:
    """'fails' (smooth, ∇L̂(W*) != 0), 'stationary' (∇L̂(W*) = 0) or 'not smooth'."""
    n = len(xs)
    u = [w[0] * x[0] + w[1] * x[1] for x in xs]
    mu = sum(u) / n
    a = [ui - mu for ui in u]
    q = sum(ai * ai for ai in a) / n
    if q == 0 or any(ai == 0 for ai in a):
        return "not smooth"
    x_mean = [Fraction(sum(x[k] for x in xs), n) for k in range(2)]
    e = [[x[k] - x_mean[k] for k in range(2)] for x in xs]
    f = [sum(ai * ei[k] for ai, ei in zip(a, e)) / n for k in range(2)]
    zero = True
    for k in range(2):
        terms = [(ai, yi, ei[k] * q - ai * f[k]) for ai, yi, ei in zip(a, ys, e) if ai > 0]
        P = sum(ai * t for ai, _, t in terms)
        Q = -sum(yi * t for _, yi, t in terms)
        zero &= (P == 0 and Q == 0) or (P * Q < 0 and P * P == Q * Q * q)
    return "stationary" if zero else "fails"


def relu_search(bound: int = 1) -> tuple[Counter, list]:
    """(counts, failing sets sorted by total |entries|) over the box."""
    counts, found = Counter(), []
    for xs, ys in box_sets(bound):
        if min(ys) < 0:
            continue
        counts["sets with y >= 0"] += 1
        w = perfect_fit(xs, ys)
        if w is None:
            counts["no unique perfect fit (not decided here)"] += 1
            continue
        verdict = bn_relu_verdict(xs, ys, w)
        counts[f"unique perfect fit, BN-ReLU {verdict}"] += 1
        if verdict == "fails":
            found.append((xs, ys, w))
    found.sort(key=lambda s: (sum(abs(v) for x in s[0] for v in x) + sum(s[1]), s))
    return counts, found
