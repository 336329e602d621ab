"""The lemma's geometry as a function of the Gram matrix of (W0, W*, d), for every dimension k.

Symbolic statistics (docs/spec.md §7, General theorems): p = ||W0||², a = <W0,W*>, b = <W0,d>,
q = ||W*||², r = ||d||², s = <W*,d>, with the norms nw = ||W*|| and nd = ||d|| as positive
roots (nw > 0, nw² = q; nd > 0, nd² = r). Every quantity in (L4.5) is a polynomial or quotient
in these six numbers, so a claim that holds for every real 3×3 positive semidefinite matrix
[[p, a, b], [a, q, s], [b, s, r]] holds for all W0, W*, d in every Rᵏ (lifting: the Gram matrix
of real vectors is PSD; docs/general-theorems.md).

PSD is encoded by Sylvester's criterion for semidefiniteness: all principal minors >= 0 (the
three diagonal entries, the three 2×2 minors and the 3×3 determinant). All seven are needed:
without the determinant `general_ray_implies_holds_everywhere` has a spurious model (a test
shows it).

(L4.5) fails at W0, literally (docs/spec.md §3): <W0,W*> > 0 and the squared distance from W0 to
the open ray {t·d : t > 0} exceeds the right side of (L4.5). In Gram terms:
  distance² = b > 0 ? p - b²/r : p            (the infimum over t > 0 of ||W0 - t·d||², proved
                                               for every dimension in distance_to_ray.py)
  right side = ||W0 - W*||² - (||W*||² - <W*,W0>)²/||W*||² = (p - 2a + q) - (q - a)²/q.
The region of docs/spec.md §5: <W0, ŵ - d̂> = a/nw - b/nd > 0, i.e. (times nw·nd > 0) a·nd > b·nw.
"""

from __future__ import annotations

from dataclasses import dataclass

import z3

from proofs.encoding import positive_root


@dataclass(frozen=True)
class Gram:
    p: z3.ArithRef   # ||W0||²
    a: z3.ArithRef   # <W0, W*>
    b: z3.ArithRef   # <W0, d>
    q: z3.ArithRef   # ||W*||²
    r: z3.ArithRef   # ||d||²
    s: z3.ArithRef   # <W*, d>
    nw: z3.ArithRef  # ||W*||
    nd: z3.ArithRef  # ||d||
    roots: tuple[z3.BoolRef, ...]   # nw > 0, nw² = q, nd > 0, nd² = r (definitions)


def gram() -> Gram:
    p, a, b, q, r, s = z3.Reals("p a b q r s")
    nw, w_root = positive_root("nw", q)
    nd, d_root = positive_root("nd", r)
    return Gram(p, a, b, q, r, s, nw, nd, (*w_root, *d_root))


def nonzero(g: Gram) -> tuple[z3.BoolRef, ...]:
    """W* != 0 and d != 0 (a nondegenerate learning set, docs/spec.md §5)."""
    return (g.q > 0, g.r > 0)


def psd_pair(g: Gram) -> tuple[z3.BoolRef, ...]:
    """The Gram matrix [[q, s], [s, r]] of (W*, d) is PSD (Cauchy-Schwarz)."""
    return (g.q >= 0, g.r >= 0, g.q * g.r - g.s * g.s >= 0)


def determinant(g: Gram) -> z3.ArithRef:
    """det [[p, a, b], [a, q, s], [b, s, r]]."""
    return (g.p * (g.q * g.r - g.s * g.s) - g.a * (g.a * g.r - g.s * g.b)
            + g.b * (g.a * g.s - g.q * g.b))


def psd(g: Gram) -> tuple[z3.BoolRef, ...]:
    """The Gram matrix of (W0, W*, d) is PSD: every principal minor >= 0, the 3×3 one last."""
    return (g.p >= 0, *psd_pair(g), g.p * g.q - g.a * g.a >= 0, g.p * g.r - g.b * g.b >= 0,
            determinant(g) >= 0)


def ray_distance_sq(p, b, r) -> z3.ArithRef:
    """Squared distance from W0 to the open ray {t·d : t > 0}: p - b²/r if b > 0, else p."""
    return z3.If(b > 0, p - b * b / r, p)


def lemma_bound(p, a, q) -> z3.ArithRef:
    """Right side of (L4.5): ||W0 - W*||² - (||W*||² - <W*,W0>)²/||W*||²."""
    return (p - 2 * a + q) - (q - a) * (q - a) / q


def fails(g: Gram, p=None, a=None, b=None) -> z3.BoolRef:
    """(L4.5) fails at W0: <W0,W*> > 0 and distance² to the ray > right side. p, a, b default
    to W0's entries; pass q, q, s for W0 = W*."""
    p, a, b = (g.p if p is None else p), (g.a if a is None else a), (g.b if b is None else b)
    return z3.And(a > 0, ray_distance_sq(p, b, g.r) > lemma_bound(p, a, g.q))


def in_region(g: Gram) -> z3.BoolRef:
    """<W0,W*> > 0 and <W0, ŵ - d̂> > 0, i.e. a > 0 and a·nd > b·nw."""
    return z3.And(g.a > 0, g.a * g.nd > g.b * g.nw)


def on_ray(g: Gram) -> z3.BoolRef:
    """W* = t·d with t > 0 iff <W*,d> = ||W*||·||d|| (equality in Cauchy-Schwarz with a
    positive sign; hand step in docs/general-theorems.md: ||nd·W* - nw·d||² = 2·nw·nd·(nw·nd - s))."""
    return g.s == g.nw * g.nd
