"""The claimed values the variant obligations are about (docs/spec.md §7), as exact rationals.

As for the paper's variant (proofs/claims.py) the claims need not be trusted: every obligation
takes the learning set (X, y) literally, and a wrong claimed value makes its obligation fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from proofs.claims import Vector


@dataclass(frozen=True)
class VariantClaims:
    X: tuple[Vector, ...]               # points x_1..x_n
    y: Vector                           # targets y_1..y_n
    w_star: Vector                      # W*: the standard optimum (with a bias: its w-part)
    bn_direction: Vector                # d = Σ⁻¹c
    k_star_sq: Fraction                 # k*² = cᵀΣ⁻¹c = <c, d>
    epsilon: Fraction = Fraction(0)     # ε of σ_ε(w) = sqrt(wᵀΣw + ε) (epsilon, torch)
    intercept: Fraction | None = None   # b* of the standard network with a bias (bias)
    w_star_is_w_eps: bool = False       # W* = sqrt(ε/(1 - k*²))·d exactly (epsilon; rare: the
    #                                     factor is generically irrational, W* rational)

    @property
    def parallel(self) -> bool:
        """W* is a (nonzero) multiple of d, of either sign."""
        return parallel(self.w_star, self.bn_direction)


def parallel(u: Vector, v: Vector) -> bool:
    """u = t·v for some real t (v nonzero): every 2×2 minor u_i v_j - u_j v_i vanishes."""
    return all(u[i] * v[j] == u[j] * v[i] for i in range(len(u)) for j in range(i + 1, len(u)))
