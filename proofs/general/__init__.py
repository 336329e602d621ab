"""The general theorems: one statement for every learning set in every dimension (docs/spec.md §5,
§7), proved over symbolic statistics (Gram matrices of (W0, W*, d); LDLᵀ coordinates of Σ)
instead of one learning set's numbers. One module per theorem:

- distance_to_ray      the squared distance to the BN ray, closed form (Z3)
- failure_region       (L4.5) fails at W0 ⇔ <W0,W*> > 0 ∧ <W0, ŵ - d̂> > 0 (Z3)
- holds_iff_on_ray     (L4.5) holds at every admissible W0 ⇔ W* = t·d, t > 0 (Z3)
- bn_optima_ray        BN optima = the open ray, per dimension k (Z3) and for every k (SymPy SOS)
- realizability        statistics (Σ, W*, d) ⇔ learning sets (SymPy identities, exact construction)
- data_link            the losses as functions of the statistics, every data entry a variable (Z3)
- probability          1/2 + φ/(2π) and 1/2 (γ, β) by exact integration in the plane (SymPy)

What is argued by hand (lifting from Gram matrices to vectors, ||v||² = 0 ⇒ v = 0, Σ invertible,
the reduction of the probability to the plane) is listed in docs/general-theorems.md.
"""

from __future__ import annotations

from proofs.general.bn_optima_ray import bn_optima_ray
from proofs.general.data_link import data_link
from proofs.general.distance_to_ray import distance_to_ray
from proofs.general.failure_region import failure_region
from proofs.general.holds_iff_on_ray import holds_iff_on_ray
from proofs.obligation import Obligation

DIMENSIONS = (2, 3, 4)            # BN optima = ray, decided by Z3 per dimension k
DATA_SIZES = ((3, 2), (4, 3))     # (n, k) of the data-to-statistics link


def general_obligations(dimensions=DIMENSIONS, data_sizes=DATA_SIZES) -> list[Obligation]:
    """Every Z3 obligation of the general theorems, in the order of the argument."""
    return [
        *distance_to_ray(),
        *failure_region(),
        *holds_iff_on_ray(),
        *[ob for k in dimensions for ob in bn_optima_ray(k)],
        *[data_link(n, k) for n, k in data_sizes],
    ]
