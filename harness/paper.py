"""Paper outputs (`make paper`, `python -m harness.paper`): the numbers and figures a paper quotes.

- results/macros.tex: one LaTeX macro per number (\\BNWstar, \\BNMinLoss, ...), each the
  sympy.latex of an exact value of a proved report of the canonical set (or of the claims its
  obligations proved); nothing is written unless every obligation is proved and cross-checked.
- results/landscape.pdf/.png: the weight plane of the canonical set: contours of L̂, the
  BN-optimal ray, W*, the line through W* that the right side of (L4.5) measures, ∇L̂(W*), and the
  admissible W0 where (L4.5) fails (docs/spec.md §5).
- results/variant_macros.tex: the variants' numbers (harness/variant_macros.py).
- results/theorem_macros.tex: the general theorems' counts (harness/theorem_macros.py), from the
  report `make theorems` writes to results/theorems.json (skipped, with a note, without it).
- results/failing_fraction.pdf/.png: 1/2 + φ/(2π) against φ, with the canonical set and, if
  results/examples.md exists, the learning sets of `make examples` marked.

Exact values stay exact (SymPy, Fraction) until the moment a figure needs a float. Every file is
written atomically and deterministically (no dates in PDFs, fixed PNG metadata).
"""

from __future__ import annotations

import io
import math
import re
import sys
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from pathlib import Path

import sympy
from sympy import Matrix

from harness.cross_check import surd
from harness.evaluator import Evaluator, angle, lemma_sides, rational
from harness.learning_set import canonical
from harness.report import write_atomically
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics
from proofs.claims import Claims

RESULTS = Path("results")
MACRO_NAME = re.compile(r"[A-Za-z]+")


class NotProved(Exception):
    """The report is not a proved refutation: no paper output may quote it."""


# ---------------------------------------------------------------- exact values and macros

def _vector(texts) -> Matrix:
    return Matrix([sympy.Rational(t) for t in texts])


def _tuple_latex(v) -> str:
    return r"\left(" + ", ".join(sympy.latex(x) for x in v) + r"\right)"


def _approx(expr, places: int = 4) -> str:
    """A decimal rounding of an exact real, computed at 30 digits (no Python float)."""
    digits = Decimal(str(sympy.N(expr, 30)))
    return str(digits.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN))


def _obligation(report: dict, name: str) -> dict:
    return next(r for r in report["obligations"] if r["name"] == name)


def exact_values(report: dict, claims: Claims) -> dict[str, sympy.Expr | Matrix]:
    """The exact numbers behind the macros: from the proved report (W*, d, the witnesses, the
    failing probability) and from the claims its obligations proved (min L̂, L̂(W*), ∇L̂(W*))."""
    if not report.get("proved") or report.get("verdict") != "fails":
        raise NotProved("the report is not a proved refutation (proved must be true and the "
                        f"verdict 'fails'; got proved={report.get('proved')}, "
                        f"verdict={report.get('verdict')!r})")
    if ([sympy.Rational(t) for t in report["w_star"]] != [rational(v) for v in claims.w_star]
            or [sympy.Rational(t) for t in report["bn_direction"]]
            != [rational(v) for v in claims.bn_direction]):
        raise NotProved("the claims are not those of the report (W* or d differ)")
    ls = report["learning_set"]
    ev = Evaluator([[Fraction(v) for v in row] for row in ls["X"]], [Fraction(v) for v in ls["y"]])
    w_star, d = _vector(report["w_star"]), _vector(report["bn_direction"])
    witness = _obligation(report, "negated_lemma")["witness"]
    w0 = Matrix([sympy.Rational(witness[f"W0_{k + 1}"]) for k in range(len(w_star))])
    left, right = lemma_sides(w0, w_star, d)
    at_w_star = _obligation(report, "lemma_fails_at_w_star")["witness"]
    return {
        "w_star": w_star,
        "std_loss_at_w_star": ev.standard_loss(w_star),
        "bn_direction": d,
        "min_bn_loss": surd(claims.min_bn_loss),
        "bn_loss_at_w_star": surd(claims.bn_loss_at_w_star),
        "grad_at_w_star": Matrix([surd(g) for g in claims.grad_at_w_star]),
        "witness_w0": w0,
        "witness_left": left,
        "witness_right": right,
        "w_star_left": sympy.sympify(at_w_star["lhs"]),
        "w_star_right": sympy.sympify(at_w_star["rhs"]),
        "angle": angle(w_star, d),
        "failing_probability": sympy.sympify(report["failing_fraction_exact"]),
    }


def macros(report: dict, claims: Claims) -> dict[str, tuple[str, str]]:
    """Macro name -> (LaTeX body, what it is), in the order of the paper."""
    v = exact_values(report, claims)
    tex = lambda e: sympy.latex(e, inv_trig_style="full")
    out = {
        "BNWstar": (_tuple_latex(v["w_star"]), "W*, the unique minimiser of the standard loss L"),
        "BNStdLossAtWstar": (tex(v["std_loss_at_w_star"]), "L(W*)"),
        "BNDirection": (_tuple_latex(v["bn_direction"]),
                        "d = Σ^{-1} c: the BN optima are {t d : t > 0}"),
        "BNMinLoss": (tex(v["min_bn_loss"]), "min L̂ = L̂(d)"),
        "BNLossAtWstar": (tex(v["bn_loss_at_w_star"]), "L̂(W*)"),
        "BNGradAtWstar": (_tuple_latex(v["grad_at_w_star"]), "∇L̂(W*), nonzero"),
        "BNWitnessWzero": (_tuple_latex(v["witness_w0"]), "the negated lemma's witness W0"),
        "BNWitnessLeft": (tex(v["witness_left"]), "left side of (L4.5) at the witness"),
        "BNWitnessRight": (tex(v["witness_right"]), "right side of (L4.5) at the witness"),
        "BNWstarLeft": (tex(v["w_star_left"]), "left side of (L4.5) at W0 = W*: ||W* - Ŵ*||²"),
        "BNWstarRight": (tex(v["w_star_right"]), "right side of (L4.5) at W0 = W*"),
        "BNAngle": (tex(v["angle"]), "φ = angle(W*, d)"),
        "BNAngleDegrees": (_approx(v["angle"] * 180 / sympy.pi, 2), "φ in degrees (rounded)"),
        "BNFailProb": (tex(v["failing_probability"]),
                       "P((L4.5) fails | <W0,W*> > 0) = 1/2 + φ/(2π), exact"),
        "BNFailProbApprox": (_approx(v["failing_probability"]), "the same, rounded to 4 places"),
    }
    if "monte_carlo" in report:
        mc = report["monte_carlo"]
        out.update({
            "BNMonteCarlo": (f"{mc['estimate']:.4f}", "seeded Monte-Carlo estimate (float)"),
            "BNMonteCarloStdErr": (f"{mc['standard_error']:.4f}", "its standard error"),
            "BNMonteCarloSamples": (str(mc["samples"]), "Gaussian W0 drawn"),
            "BNMonteCarloAdmissible": (str(mc["admissible"]), "of which admissible"),
        })
    out["BNObligations"] = (str(len(report["obligations"])), "obligations proved")
    bad = [name for name in out if not MACRO_NAME.fullmatch(name)]
    assert not bad, f"macro names must be letters only: {bad}"
    return out


def macros_tex(table: dict[str, tuple[str, str]], source: str) -> str:
    lines = [f"% Generated by `make paper` (python -m harness.paper) from {source}.",
             "% Do not edit: every value is an exact value of the proved report.", ""]
    for name, (body, what) in table.items():
        lines.append(f"% {what}")
        lines.append(f"\\newcommand{{\\{name}}}{{{body}}}")
    return "\n".join(lines) + "\n"


def parse_macros(text: str) -> dict[str, str]:
    """Name -> body of every one-line \\newcommand in `text` (inverse of macros_tex)."""
    found = {}
    for line in text.splitlines():
        m = re.fullmatch(r"\\newcommand\{\\([A-Za-z]+)\}\{(.*)\}", line)
        if m:
            found[m.group(1)] = m.group(2)
    return found


# ---------------------------------------------------------------- figures

def _floats(values) -> list[float]:
    """Exact -> float, for plotting only."""
    return [float(sympy.N(rational(v) if isinstance(v, Fraction) else v, 20)) for v in values]


def _bn_loss_grid(X, y, W1, W2):
    """The literal L̂(w) = mean(((u - μ)/σ - y)²) on a grid (floats, for contours only)."""
    import numpy as np

    Xf, yf = np.array([_floats(row) for row in X]), np.array(_floats(y))
    U = W1[..., None] * Xf[:, 0] + W2[..., None] * Xf[:, 1]
    sigma = U.std(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        Z = (((U - U.mean(axis=-1, keepdims=True)) / sigma[..., None] - yf) ** 2).mean(axis=-1)
    return np.where(sigma > 1e-12, Z, np.nan)


# Metadata that keeps the bytes of a figure the same on every run (no dates, no versions).
FIGURE_METADATA = {"pdf": {"CreationDate": None, "ModDate": None},
                   "png": {"Software": "matplotlib"},
                   "svg": {"Date": None, "Creator": "matplotlib"}}


def save_figure(fig, path: Path) -> Path:
    """Write one figure atomically and deterministically, in the format of its suffix."""
    ext = Path(path).suffix.lstrip(".").lower()
    buffer = io.BytesIO()
    fig.savefig(buffer, format=ext, metadata=FIGURE_METADATA[ext], dpi=150, bbox_inches="tight")
    write_atomically(path, buffer.getvalue())
    return Path(path)


def _save(fig, stem: Path) -> list[Path]:
    """Write stem.pdf and stem.png atomically and without dates."""
    return [save_figure(fig, stem.with_suffix(f".{ext}")) for ext in ("pdf", "png")]


def pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.hashsalt": "bnproof", "font.size": 9})
    return plt


def landscape(report: dict, claims: Claims, stem: Path) -> list[Path]:
    import numpy as np

    plt = pyplot()
    v = exact_values(report, claims)
    ls = report["learning_set"]
    X = [[Fraction(t) for t in row] for row in ls["X"]]
    y = [Fraction(t) for t in ls["y"]]
    ws, d, g = _floats(v["w_star"]), _floats(v["bn_direction"]), _floats(v["grad_at_w_star"])
    phi = float(sympy.N(v["angle"], 20))
    (x0, x1), (y0, y1) = (-1.5, 6.0), (-3.0, 4.5)

    fig, ax = plt.subplots(figsize=(7.2, 6.4))
    W1, W2 = np.meshgrid(np.linspace(x0, x1, 401), np.linspace(y0, y1, 401))
    Z = _bn_loss_grid(X, y, W1, W2)
    filled = ax.contourf(W1, W2, Z, levels=16, cmap="Blues_r", alpha=0.6)
    ax.contour(W1, W2, Z, levels=filled.levels, colors="white", linewidths=0.3)
    fig.colorbar(filled, ax=ax, shrink=0.8,
                 label=r"BN loss $\hat L(w)$ (constant along rays: $\hat L(tw) = \hat L(w)$, $t > 0$)")

    # admissible W0 (<W0, W*> > 0) where (L4.5) fails: <W0, ŵ - d̂> > 0, a wedge below the
    # bisector of W* and d (for this set W* = (2, 0), so admissible means w1 > 0)
    assert ws[1] == 0 and ws[0] > 0, "the wedge below is drawn for W* on the positive w1 axis"
    slope = math.tan(phi / 2)
    ax.fill([0, x1, x1, 0], [0, slope * x1, y0, y0], facecolor="tab:red", alpha=0.3,
            hatch="//", edgecolor="tab:red", linewidth=0,
            label=(r"(L4.5) fails: $\langle W_0, W^*\rangle > 0$ and "
                   r"$\langle W_0, \hat w - \hat d\rangle > 0$" "\n"
                   f"({_approx(v['failing_probability'] * 100, 1)}% of admissible directions)"))
    ax.axvline(0, color="grey", linestyle=":", linewidth=1,
               label=r"$\langle W_0, W^*\rangle = 0$ (admissible: right of it)")

    t = max(x1 / d[0], y1 / d[1])
    ax.plot([0, t * d[0]], [0, t * d[1]], color="tab:green", linewidth=2.5,
            label=f"BN optima $\\hat W^* = \\{{t\\,{_tex_point(v['bn_direction'])} : t > 0\\}}$")
    ax.axhline(0, color="black", linestyle="--", linewidth=1,
               label="line through $W^*$: right side of (L4.5) = squared distance to it")
    ax.plot(*ws, marker="*", markersize=15, color="gold", markeredgecolor="black", linestyle="",
            label=f"$W^* = {_tex_point(v['w_star'])}$, standard optimum", zorder=5)
    ax.annotate("", xy=(ws[0] + g[0], ws[1] + g[1]), xytext=ws,
                arrowprops={"arrowstyle": "-|>", "color": "tab:purple", "linewidth": 2}, zorder=4)
    ax.plot([], [], color="tab:purple", linewidth=2,
            label=f"$\\nabla\\hat L(W^*) = {_tex_point(v['grad_at_w_star'])} \\neq 0$")
    nearest = v["bn_direction"] * (v["w_star"].dot(v["bn_direction"])
                                   / v["bn_direction"].dot(v["bn_direction"]))
    nf = _floats(nearest)
    ax.plot([ws[0], nf[0]], [ws[1], nf[1]], color="tab:orange", linewidth=2, marker="o",
            markevery=[1],
            label=(f"nearest BN optimum ${_tex_point(nearest)}$: at $W_0 = W^*$ left side "
                   f"${sympy.latex(v['w_star_left'])} > {sympy.latex(v['w_star_right'])}$ = right side"))
    finish_plane(ax, (x0, x1, y0, y1), "weight $w_1$", "weight $w_2$")
    ax.set_title("Lemma 4.5 fails on the canonical learning set\n"
                 r"$x = (0,0), (0,1), (1,0)$; $y = -3, 0, 2$; single neuron $\hat y = \mathrm{BN}(\langle w, x\rangle)$")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), fontsize=7.5, framealpha=0.95)
    fig.tight_layout()
    written = _save(fig, stem)
    plt.close(fig)
    return written


def finish_plane(ax, box: tuple[float, float, float, float], xlabel: str, ylabel: str) -> None:
    """The origin (where σ(w) = 0 and L̂ is undefined), the window, equal axes and their labels."""
    ax.plot(0, 0, marker="o", markerfacecolor="white", markeredgecolor="black", linestyle="",
            label=r"$w = 0$: $\sigma(w) = 0$, $\hat L$ undefined")
    ax.set_xlim(box[0], box[1])
    ax.set_ylim(box[2], box[3])
    ax.set_aspect("equal")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


def _tex_point(v) -> str:
    """A short mathtext point like (0, -\\frac{3\\sqrt{2}}{4}) (mathtext has no \\left)."""
    return "(" + ", ".join(sympy.latex(x) for x in v) + ")"


def example_points(path: Path) -> list[tuple[str, str, Fraction]]:
    """(dataset, verdict, failing fraction) for each readable row of results/examples.md.

    Its table has columns dataset, n, d, verdict, failing fraction, proved (another target writes
    it); anything missing or unparsable is skipped, never guessed.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    header, points = None, []
    for line in lines:
        if not line.strip().startswith("|"):
            header = None  # a table ends at the first line that is not a row
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        lower = [c.lower().replace("*", "") for c in cells]
        if "dataset" in lower and any(c.startswith("failing fraction") for c in lower):
            header = {name: lower.index(name) for name in lower}
            header["failing fraction"] = next(i for i, c in enumerate(lower)
                                              if c.startswith("failing fraction"))
            continue
        if header is None or set(line.replace("|", "").strip()) <= set("-: "):
            continue
        try:
            name = cells[header["dataset"]].strip("`")
            verdict = cells[header["verdict"]].lower() if "verdict" in header else ""
            fraction = _last_number(cells[header["failing fraction"]])
        except (IndexError, KeyError):
            continue
        if fraction is not None and 0 <= fraction <= 1 and name:
            points.append((name, verdict, fraction))
    return points


def _last_number(cell: str) -> Fraction | None:
    """The value in a cell like '0.5860', '≈ 0.586', '1/2 + φ/(2π) ≈ 0.5860', '58.6%' or '0';
    None when the cell does not hold exactly one plain number (after any '≈')."""
    if "≈" in cell:
        cell = cell.rsplit("≈", 1)[1]
    found = re.findall(r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?", cell)
    if len(found) != 1:
        return None
    value = Fraction(found[0])
    return value / 100 if "%" in cell else value


def failing_fraction(report: dict, claims: Claims, stem: Path,
                     examples: list[tuple[str, str, Fraction]]) -> list[Path]:
    import numpy as np

    plt = pyplot()
    v = exact_values(report, claims)
    phi, p = float(sympy.N(v["angle"], 20)), float(sympy.N(v["failing_probability"], 20))
    fig, ax = plt.subplots(figsize=(6.4, 4.4))
    grid = np.linspace(0, math.pi, 400)[1:]
    ax.plot(grid, 0.5 + grid / (2 * math.pi), color="tab:blue", linewidth=2,
            label=r"$P(\mathrm{(L4.5)\ fails} \mid \langle W_0, W^*\rangle > 0) = 1/2 + \varphi/(2\pi)$")
    ax.plot([0], [0], marker="o", color="tab:blue", linestyle="",
            label=r"$\varphi = 0$ ($W^*$ on the BN ray): (L4.5) holds, probability 0")
    ax.plot([0], [0.5], marker="o", markerfacecolor="white", markeredgecolor="tab:blue",
            linestyle="")
    ax.plot([phi], [p], marker="*", markersize=14, color="gold", markeredgecolor="black",
            linestyle="", zorder=5,
            label=(f"canonical set: $\\varphi = {_approx(v['angle'] * 180 / sympy.pi, 2)}°$, "
                   f"$P = {_approx(v['failing_probability'])}$"))
    key = []  # numbered markers, named in a box: the names are too long to sit by the points
    for name, verdict, fraction in examples:
        if verdict.startswith("fail") and fraction > Fraction(1, 2):
            x = float(2 * (fraction - Fraction(1, 2))) * math.pi
        elif verdict.startswith("hold") and fraction == 0:
            x = 0.0
        else:
            continue  # degenerate sets have no angle
        ax.plot([x], [float(fraction)], marker="D", markersize=5, color="tab:red", linestyle="",
                label="learning sets of make examples (results/examples.md)" if not key else None, zorder=4)
        key.append(name)
        ax.annotate(str(len(key)), (x, float(fraction)), textcoords="offset points",
                    xytext=(5, -11 if len(key) % 2 else 4), fontsize=7, color="tab:red")
    if key:
        ax.text(0.02, 0.97, "\n".join(f"{k}  {name}" for k, name in enumerate(key, 1)),
                transform=ax.transAxes, va="top", fontsize=6.5, color="tab:red",
                bbox={"facecolor": "white", "edgecolor": "0.8", "alpha": 0.9})
    ax.set_xlim(-0.05, math.pi + 0.05)
    ax.set_ylim(-0.03, 1.05)
    ax.set_xticks([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4, math.pi],
                  ["0", r"$\pi/4$", r"$\pi/2$", r"$3\pi/4$", r"$\pi$"])
    ax.set_xlabel(r"angle $\varphi$ between $W^*$ and the BN direction $d$")
    ax.set_ylabel("probability that (L4.5) fails\n(rotation-invariant $W_0$, premise met)")
    ax.set_title("How often Lemma 4.5 fails, by the angle of $W^*$ to the BN optima")
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right", fontsize=7.5)
    fig.tight_layout()
    written = _save(fig, stem)
    plt.close(fig)
    return written


# ---------------------------------------------------------------- entry point

def write_all(report: dict, claims: Claims, results: Path = RESULTS) -> list[Path]:
    table = macros(report, claims)  # raises NotProved before anything is written
    target = results / "macros.tex"
    write_atomically(target, macros_tex(table, "bnproof prove on the canonical set").encode())
    written = [target]
    written += landscape(report, claims, results / "landscape")
    written += failing_fraction(report, claims, results / "failing_fraction",
                                example_points(results / "examples.md"))
    return written


def main(argv: list[str] | None = None) -> int:
    from harness.prove import prove

    ls = canonical()
    report = prove(ls)
    try:
        written = write_all(report, make_claims(ls, exact_statistics(ls)))
    except NotProved as exc:
        print(f"bnproof paper: {exc}; nothing written", file=sys.stderr)
        return 1
    from harness.variant_macros import write_variant_macros

    try:
        written += write_variant_macros()
    except NotProved as exc:
        print(f"bnproof paper: {exc}; results/variant_macros.tex not written", file=sys.stderr)
        return 1
    from harness.theorem_macros import write_theorem_macros

    try:
        written += write_theorem_macros()
    except NotProved as exc:      # another target's report: a note, not a failure of this one
        print(f"bnproof paper: {exc}; results/theorem_macros.tex not written", file=sys.stderr)
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    # run the module's main, not __main__'s copy: theorem_macros and variant_macros raise
    # harness.paper.NotProved, which a second copy of the class would not catch
    from harness.paper import main as module_main
    sys.exit(module_main(sys.argv[1:]))
