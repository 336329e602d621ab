"""Where (L4.5) fails, for every learning set in every dimension (docs/spec.md §5):
(L4.5) fails at W0  ⇔  <W0,W*> > 0 and <W0, ŵ - d̂> > 0          (ŵ = W*/||W*||, d̂ = d/||d||),
for all W0, W* != 0, d != 0 in any Rᵏ: the two directions are the two obligations below, over
every PSD Gram matrix of (W0, W*, d) (proofs/general/gram.py). "fails" is the literal definition
(<W0,W*> > 0 and distance² to the ray > right side of (L4.5)); "in region" is
a > 0 ∧ a·nd > b·nw (<W0, ŵ - d̂> > 0 multiplied by nw·nd > 0). No hypothesis relates W* to d:
where W* is on the ray, ŵ = d̂ and both sides are empty.

general_failure_region_necessary — query: PSD, fails, not in region.           expected unsat.
general_failure_region_sufficient — query: PSD, in region, not fails.          expected unsat.
"""

from __future__ import annotations

import z3

from proofs.general.gram import fails, gram, in_region, nonzero, psd
from proofs.obligation import Obligation


def failure_region() -> list[Obligation]:
    g = gram()
    premises = (*nonzero(g), *psd(g))
    return [
        Obligation(
            name="general_failure_region_necessary",
            statement="every k, W0, W*, d: (L4.5) fails at W0 ⇒ <W0,W*> > 0 ∧ <W0, ŵ - d̂> > 0",
            expected="unsat",
            query=(*g.roots, *premises, fails(g), z3.Not(in_region(g))),
            definitions=g.roots, premises=premises,
        ),
        Obligation(
            name="general_failure_region_sufficient",
            statement="every k, W0, W*, d: <W0,W*> > 0 ∧ <W0, ŵ - d̂> > 0 ⇒ (L4.5) fails at W0",
            expected="unsat",
            query=(*g.roots, *premises, in_region(g), z3.Not(fails(g))),
            definitions=g.roots, premises=premises,
        ),
    ]
