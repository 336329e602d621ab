"""The failing probability (docs/spec.md §5, §7): for a rotation-invariant W0 (i.i.d. centred Gaussian
entries) and W* not a positive multiple of d, with φ = angle(W*, d) in (0, π],
    P((L4.5) fails | <W0,W*> > 0) = 1/2 + φ/(2π),
and for trainable γ, β (region <W0, ŵ - d̂> > 0 ∧ <W0, ŵ + d̂> > 0) the probability is 1/2.

Reduction to the plane (hand reasoning, docs/general-theorems.md): the region and the premise
depend on W0 only through its orthogonal projection onto span(W*, d), and the projection of a
standard Gaussian onto a 2-plane is a standard Gaussian of that plane, whose angle is uniform.
In the plane, with ŵ = (1, 0) and d̂ = (cos φ, sin φ), each condition <W0, n> > 0 is the open
half-plane of angles (α - π/2, α + π/2), α = atan2(n); the normals ŵ, ŵ - d̂ (angle -(π - φ)/2)
and ŵ + d̂ (angle φ/2) all have angles in (-π/2, π/2), so the intersections are the arcs
(max of the lower ends, min of the upper ends), with no wrap-around.

`conditional_probability(phi, normals)` integrates the standard Gaussian density exactly over
the sector cut out by the normals, in polar coordinates ∫∫ (1/2π) e^{-ρ²/2} ρ dρ dθ, and divides
by the same integral over the premise half-plane <W0, ŵ> > 0 (SymPy, exact).
"""

from __future__ import annotations

import sympy
from sympy import pi


def _sector_mass(normals) -> sympy.Expr:
    """Standard Gaussian mass of {W0 : <W0, n> > 0 for every n}, the arcs as above."""
    theta, rho = sympy.symbols("theta rho", real=True)
    angles = [sympy.atan2(n[1], n[0]) for n in normals]
    lower, upper = sympy.Max(*[a - pi / 2 for a in angles]), sympy.Min(*[a + pi / 2 for a in angles])
    density = sympy.exp(-rho ** 2 / 2) * rho / (2 * pi)
    return sympy.integrate(density, (rho, 0, sympy.oo), (theta, lower, sympy.Max(lower, upper)))


def unit_vectors(phi: sympy.Expr):
    return (sympy.Integer(1), sympy.Integer(0)), (sympy.cos(phi), sympy.sin(phi))


def failing_probability(phi: sympy.Expr) -> sympy.Expr:
    """P(<W0, ŵ - d̂> > 0 | <W0, ŵ> > 0): the region of failure_region.py (premise included)."""
    w, d = unit_vectors(phi)
    region = _sector_mass([w, (w[0] - d[0], w[1] - d[1])])
    return sympy.simplify(region / _sector_mass([w]))


def gamma_beta_probability(phi: sympy.Expr) -> sympy.Expr:
    """P(<W0, ŵ - d̂> > 0 ∧ <W0, ŵ + d̂> > 0 | <W0, ŵ> > 0) (trainable γ, β; docs/spec.md §7)."""
    w, d = unit_vectors(phi)
    region = _sector_mass([w, (w[0] - d[0], w[1] - d[1]), (w[0] + d[0], w[1] + d[1])])
    return sympy.simplify(region / _sector_mass([w]))
