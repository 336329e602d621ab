"""`bnproof check FILE --plot OUT`: the landscape figure of `make paper` for any learning set, in
the plane spanned by W* and the BN direction d.

Coordinates: e1 = W*/||W*|| and e2 the unit vector along d - <d,e1>·e1 (any unit vector
orthogonal to e1 when d is parallel to W*). The picture is faithful for every dimension: (L4.5)
at W0 depends on W0 only through <W0, W*> and <W0, d> (admissible iff <W0, ŵ> > 0, fails iff
also <W0, ŵ - d̂> > 0, docs/spec.md §5), so W0 fails exactly when its projection onto the plane
lies in the drawn region; the BN optima {t·d : t > 0} and the line through W* lie in the plane.
The contours are of L̂(w) = 1 + mean(y²) - 2<c,w>/sqrt(wᵀΣw) (docs/spec.md §3) on the plane.

Floats appear only here, for drawing, converted from the exact values of the report and the
statistics; the file is written atomically with fixed metadata (same bytes on every run).
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

from harness.statistics import Statistics, covariance, dot

FORMATS = (".png", ".pdf", ".svg")


def plot_problem(path: str | None) -> str | None:
    """Why --plot PATH cannot be written (checked before any work), or None."""
    if path is None:
        return None
    if Path(path).suffix.lower() not in FORMATS:
        return f"{path}: --plot needs a file ending in {', '.join(FORMATS)}"
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return f"{path}: --plot needs matplotlib (install the 'paper' extra: pip install '.[paper]')"
    return None


def _plane(w: list[float], d: list[float]) -> tuple[list[float], list[float]]:
    """Orthonormal e1 along w and e2 in the plane of w and d (floats, for drawing)."""
    norm = math.sqrt(sum(v * v for v in w))
    e1 = [v / norm for v in w]
    rest = [dv - sum(a * b for a, b in zip(d, e1)) * a for dv, a in zip(d, e1)]
    size = math.sqrt(sum(v * v for v in rest))
    if size <= 1e-12 * math.sqrt(sum(v * v for v in d)):
        k = min(range(len(e1)), key=lambda i: abs(e1[i]))     # d parallel to W*: any e2 ⊥ e1
        rest = [(1.0 if i == k else 0.0) - e1[k] * e1[i] for i in range(len(e1))]
        size = math.sqrt(sum(v * v for v in rest))
    return e1, [v / size for v in rest]


def plot_plane(report: dict, stats: Statistics, path: str) -> Path:
    """Draw the plane of W* and d for a nondegenerate report and write it to `path`."""
    import numpy as np

    from harness.check_text import names_of

    from harness.paper import finish_plane, pyplot, save_figure

    plt = pyplot()
    w_exact, d_exact = stats.w_star, stats.bn_direction
    w, d = [float(v) for v in w_exact], [float(v) for v in d_exact]
    e1, e2 = _plane(w, d)
    to_plane = lambda v: (sum(a * b for a, b in zip(v, e1)), sum(a * b for a, b in zip(v, e2)))
    ws, dp = to_plane(w), to_plane(d)
    left = float(Fraction(report["witness"]["left"])) if report["witness"] else 0.0
    radius = 1.6 * ws[0]
    (x0, x1), (y0, y1) = (-0.8 * radius, radius), (-radius, radius)

    fig, ax = plt.subplots(figsize=(7.2, 6.4))
    A, B = np.meshgrid(np.linspace(x0, x1, 301), np.linspace(y0, y1, 301))
    sigma = [[float(v) for v in row] for row in covariance(stats)]
    sig = np.array(sigma)
    E = np.array([e1, e2])                                  # rows: e1, e2
    S = E @ sig @ E.T                                       # Σ restricted to the plane
    cp = E @ np.array([float(v) for v in stats.c])
    q = S[0, 0] * A * A + 2 * S[0, 1] * A * B + S[1, 1] * B * B
    with np.errstate(invalid="ignore", divide="ignore"):
        Z = 1 + float(stats.y_sq_mean) - 2 * (cp[0] * A + cp[1] * B) / np.sqrt(q)
    Z = np.where(q > 1e-12 * max(abs(S).max(), 1e-300), Z, np.nan)
    filled = ax.contourf(A, B, Z, levels=16, cmap="Blues_r", alpha=0.6)
    ax.contour(A, B, Z, levels=filled.levels, colors="white", linewidths=0.3)
    fig.colorbar(filled, ax=ax, shrink=0.8, label=r"BN loss $\hat L$ on the plane (constant along rays)")

    fraction = report["failing_fraction"]
    if report["verdict"] == "fails":
        # failing W0: a > 0 and <(a, b), ŵ - d̂> > 0 with ŵ = (1, 0), d̂ = dp/|dp|
        dn = math.hypot(*dp)
        u = (1 - dp[0] / dn, -dp[1] / dn)                   # ŵ - d̂ in plane coordinates
        corners = _half_planes_polygon(u, (x0, x1, y0, y1))
        ax.fill(*zip(*corners), facecolor="tab:red", alpha=0.3, hatch="//", edgecolor="tab:red",
                linewidth=0, label=(r"(L4.5) fails at $W_0$ iff its projection is here: "
                                    r"$\langle W_0, W^*\rangle > 0$, $\langle W_0, \hat w - \hat d\rangle > 0$"
                                    f"\n({100 * fraction:.1f}% of admissible directions)"))
    ax.axvline(0, color="grey", linestyle=":", linewidth=1,
               label=r"$\langle W_0, W^*\rangle = 0$ (admissible: right of it)")
    t = 4 * radius / max(math.hypot(*dp), 1e-300)
    ax.plot([0, t * dp[0]], [0, t * dp[1]], color="tab:green", linewidth=2.5,
            label=r"BN optima $\hat W^* = \{t\,d : t > 0\}$")
    ax.axhline(0, color="black", linestyle="--", linewidth=1,
               label="line through $W^*$: right side of (L4.5) = squared distance to it")
    ax.plot(*ws, marker="*", markersize=15, color="gold", markeredgecolor="black", linestyle="",
            label="$W^*$, standard optimum", zorder=5)
    inner = dot(w_exact, d_exact)
    nearest = [float(v * inner / dot(d_exact, d_exact)) if inner > 0 else 0.0 for v in d_exact]
    nf = to_plane(nearest)
    if report["verdict"] == "fails":
        ax.plot([ws[0], nf[0]], [ws[1], nf[1]], color="tab:orange", linewidth=2, marker="o",
                markevery=[1], label=(f"nearest BN optimum: at $W_0 = W^*$ left side "
                                      f"{left:.6g} > 0 = right side"))
    finish_plane(ax, (x0, x1, y0, y1), r"coordinate along $W^*$",
                 r"coordinate along $d$ orthogonal to $W^*$")
    ls = report["learning_set"]
    _, target = names_of(report)
    verdict = (f"(L4.5) fails for {100 * fraction:.1f}% of admissible $W_0$"
               if report["verdict"] == "fails" else "(L4.5) holds: $W^*$ is on the BN ray")
    ax.set_title(f"{Path(ls['name']).name}: n = {ls['n']}, d = {ls['d']}, target {target}\n"
                 f"the plane of $W^*$ and $d$; {verdict}")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), fontsize=7.5, framealpha=0.95)
    fig.tight_layout()
    written = save_figure(fig, Path(path))
    plt.close(fig)
    return written


def _half_planes_polygon(u: tuple[float, float], box: tuple[float, float, float, float]
                         ) -> list[tuple[float, float]]:
    """The polygon {a > 0, <(a, b), u> > 0} ∩ box (a convex region clipped to the box)."""
    x0, x1, y0, y1 = box
    polygon = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    for normal in ((1.0, 0.0), u):
        polygon = _clip(polygon, normal)
    return polygon


def _clip(polygon, normal):
    """Sutherland-Hodgman: the part of a convex polygon where <p, normal> >= 0."""
    out = []
    side = lambda p: p[0] * normal[0] + p[1] * normal[1]
    for k, p in enumerate(polygon):
        q = polygon[(k + 1) % len(polygon)]
        sp, sq = side(p), side(q)
        if sp >= 0:
            out.append(p)
        if (sp >= 0) != (sq >= 0):
            s = sp / (sp - sq)
            out.append((p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])))
    return out
