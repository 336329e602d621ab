"""Paper macros of the variants (docs/spec.md §7): results/variant_macros.tex, written by `make paper`
(harness/paper.py) beside results/macros.tex, in the same format (harness.paper.macros_tex).

Every value is an exact value of a proved report of `bnproof prove --variant` (the canonical set,
and y/3 for ε where k* < 1) or its seeded Monte-Carlo estimate; nothing is written unless every
obligation of every variant report is proved and cross-checked (NotProved otherwise).
"""

from __future__ import annotations

from pathlib import Path

import sympy

from harness.learning_set import canonical, load_json
from harness.paper import RESULTS, NotProved, _tuple_latex, macros_tex
from harness.report import write_atomically

Y_OVER_3 = "examples/variants/canonical_y_over_3.json"
RUNS = {"gamma-beta": ("gamma-beta", None), "torch": ("torch", None), "bias": ("bias", None),
        "epsilon": ("epsilon", None), "epsilon-y3": ("epsilon", Y_OVER_3)}


def variant_reports(samples: int = 100_000) -> dict[str, dict]:
    from harness.variants import prove_variant

    return {key: prove_variant(load_json(path) if path else canonical(), variant, samples=samples)
            for key, (variant, path) in RUNS.items()}


def _witness(report: dict, obligation: str, key: str) -> sympy.Expr:
    row = next(r for r in report["obligations"] if r["name"] == obligation)
    return sympy.sympify(row["witness"][key])


def variant_macros(reports: dict[str, dict]) -> dict[str, tuple[str, str]]:
    """Macro name -> (LaTeX body, what it is)."""
    bad = [k for k, r in reports.items() if not r.get("proved")]
    if bad or set(reports) != set(RUNS):
        raise NotProved(f"variant reports not proved (or missing): {bad or sorted(set(RUNS) - set(reports))}")
    tex = lambda text: sympy.latex(sympy.sympify(text))
    gb, torch, bias, eps, eps3 = (reports[k] for k in RUNS)
    mc = lambda r: f"{r['monte_carlo']['estimate']:.4f}"
    out = {
        "BNGBLeftAtWstar": (tex(_witness(gb, "line_lemma_fails_at_w_star", "lhs")),
                            "trainable γ, β: left side of (L4.5) at W0 = W* (right side 0)"),
        "BNGBMinLoss": (tex(gb["values"]["min_loss"]), "trainable γ, β: min L̂ = Var(y) - k*²"),
        "BNGBGamma": (tex(f"sqrt({gb['values']['k_star_sq']})"), "trainable γ, β: |γ| = k* on the line of optima"),
        "BNGBFailProb": (tex(gb["failing_fraction_exact"]), "trainable γ, β: P((L4.5) fails | <W0,W*> > 0), exact"),
        "BNGBMonteCarlo": (mc(gb), "its seeded Monte-Carlo estimate"),
        "BNGBMonteCarloStdErr": (f"{gb['monte_carlo']['standard_error']:.4f}", "its standard error"),
        "BNTorchFailProb": (tex(torch["failing_fraction_exact"]), "PyTorch default: P((L4.5) fails | <W0,W*> > 0)"),
        "BNTorchMonteCarlo": (mc(torch), "its seeded Monte-Carlo estimate"),
        "BNTorchEpsilon": (tex(torch["epsilon"]), "ε of the PyTorch default (1e-5)"),
        "BNEpsKstarSq": (tex(eps["values"]["k_star_sq"]), "k*² of the canonical set (>= 1: no BN optimum with ε > 0)"),
        "BNEpsInfimum": (tex(eps["values"]["infimum"]), "ε > 0, canonical set: inf L̂_ε, not attained"),
        "BNEpsYThirdKstarSq": (tex(eps3["values"]["k_star_sq"]), "k*² of the set with y/3 (< 1)"),
        "BNEpsYThirdWeps": (_tuple_latex([sympy.sympify(v) for v in eps3["values"]["w_epsilon"]]),
                            "ε > 0, y/3: the only BN optimum w_ε"),
        "BNEpsYThirdMinLoss": (tex(eps3["values"]["min_loss"]), "ε > 0, y/3: L̂_ε(w_ε) = mean(y²) - k*²"),
        "BNEpsYThirdLeftAtWstar": (tex(_witness(eps3, "eps_lemma_fails_at_w_star", "lhs")),
                                   "ε > 0, y/3: left side of (L4.5) at W0 = W*"),
        "BNEpsYThirdMonteCarlo": (mc(eps3), "ε > 0, y/3: Monte-Carlo failing fraction for W0 ~ N(0, I)"),
        "BNBiasWstar": (_tuple_latex([sympy.sympify(v) for v in bias["w_star"]]), "with a bias: W* = d"),
        "BNBiasIntercept": (tex(bias["values"]["intercept"]), "with a bias: b*"),
        "BNVariantObligations": (str(sum(len(r["obligations"]) for r in reports.values())),
                                 "obligations proved for the variants"),
    }
    assert all(name.isalpha() for name in out), "macro names must be letters only"
    return out


def write_variant_macros(results: Path = RESULTS, reports: dict | None = None) -> list[Path]:
    table = variant_macros(reports if reports is not None else variant_reports())
    target = results / "variant_macros.tex"
    write_atomically(target, macros_tex(table, "bnproof prove --variant on the canonical set and y/3").encode())
    return [target]
