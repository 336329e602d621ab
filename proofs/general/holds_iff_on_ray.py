"""When (L4.5) holds, for every learning set in every dimension (docs/spec.md §5): for W* != 0 and
d != 0 in any Rᵏ,
    (L4.5) holds at every admissible W0 (<W0,W*> > 0)  ⇔  W* = t·d for some t > 0.
W* = t·d (t > 0) is written <W*,d> = ||W*||·||d||, i.e. s = nw·nd (gram.on_ray; the step from
this Gram equation to the vectors is hand reasoning, docs/general-theorems.md).

general_holds_everywhere_implies_ray (⇒, contrapositive): if W* is not on the ray, (L4.5) fails
    at the admissible W0 = W* (p = q, a = q, b = s; only the Gram matrix of (W*, d) is involved).
    Query: PSD (W*, d), s < nw·nd (not on the ray: Cauchy-Schwarz gives s <= nw·nd), and
    (L4.5) does not fail at W0 = W*.                                           expected unsat.
general_ray_implies_holds_everywhere (⇐): if W* is on the ray, (L4.5) fails at no W0.
    Query: PSD (W0, W*, d), s = nw·nd, (L4.5) fails at W0.                      expected unsat.
"""

from __future__ import annotations

import z3

from proofs.general.gram import fails, gram, nonzero, on_ray, psd, psd_pair
from proofs.obligation import Obligation


def holds_iff_on_ray() -> list[Obligation]:
    g = gram()
    pair = (*nonzero(g), *psd_pair(g), g.s < g.nw * g.nd)
    triple = (*nonzero(g), *psd(g), on_ray(g))
    return [
        Obligation(
            name="general_holds_everywhere_implies_ray",
            statement="every k, W*, d: W* not on the ray {t·d : t > 0} ⇒ (L4.5) fails at W0 = W*",
            expected="unsat",
            query=(*g.roots, *pair, z3.Not(fails(g, g.q, g.q, g.s))),
            definitions=g.roots, premises=pair,
        ),
        Obligation(
            name="general_ray_implies_holds_everywhere",
            statement="every k, W0, W*, d: W* = t·d with t > 0 ⇒ (L4.5) holds at W0",
            expected="unsat",
            query=(*g.roots, *triple, fails(g)),
            definitions=g.roots, premises=triple,
        ),
    ]
