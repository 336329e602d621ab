"""`bnproof prove --variant` and `bnproof check --variant`: the variants of docs/spec.md §7.

Pipeline, as for the paper's variant (harness/prove.py): learning set -> exact statistics
(harness/statistics.py) -> the variant's claims -> its obligations (proofs/variants/) -> solver ->
witness -> the SymPy cross-checks (harness/variant_checks.py) -> a report of the same shape as
`bnproof prove` (rows with name, statement, expected, result, cross_check, seconds,
second_solver; verdict; failing_fraction exact and float; a seeded Monte-Carlo estimate).

Verdicts: "fails", "holds", "no BN optimum" (ε > 0 with k* >= 1: Ŵ* is empty, so (L4.5), which
speaks of the closest BN optimum, is ill-posed) and "degenerate" (as for the paper's variant;
no obligation is run).
"""

from __future__ import annotations

import time
from fractions import Fraction

import sympy
from sympy import Matrix, Rational, sqrt

from harness.evaluator import rational
from harness.learning_set import LearningSet
from harness.monte_carlo import monte_carlo_report
from harness.numbers import show
from harness.prove import all_proved, degenerate_rows, exact_text, prove, run_obligations
from harness.report import monte_carlo_line, obligations_section
from harness.statistics import Statistics, dot, exact_statistics, positive_factor
from harness.statistics import claims as paper_claims
from harness.variant_checks import Context, variant_cross_check
from harness.variant_evaluator import VariantEvaluator, line_failing_probability
from proofs.variants import variant_obligations
from proofs.variants.claims import VariantClaims

DEFAULT_EPSILON = Fraction(1, 100_000)   # torch.nn.BatchNorm1d's default eps=1e-5
DESCRIPTION = {
    "gamma-beta": "trainable γ and β, ε = 0",
    "epsilon": "ε > 0, γ = 1, β = 0",
    "torch": "PyTorch's default BatchNorm1d(affine=True, eps): trainable γ, β and ε > 0",
    "bias": "a bias b in the standard network f(x) = <w,x> + b; BN as in the paper",
}


def variant_claims(ls: LearningSet, s: Statistics, variant: str, epsilon: Fraction) -> VariantClaims:
    """The claimed values: W* (for `bias` the bias network's w-part, d), d, k*² = <c,d>, ε, b*."""
    return VariantClaims(
        X=ls.X, y=ls.y, w_star=s.bn_direction if variant == "bias" else s.w_star,
        bn_direction=s.bn_direction, k_star_sq=dot(s.c, s.bn_direction),
        epsilon=epsilon if variant in ("epsilon", "torch") else Fraction(0),
        intercept=s.intercept if variant == "bias" else None,
        w_star_is_w_eps=variant == "epsilon" and _is_w_eps(s, epsilon))


def _is_w_eps(s: Statistics, epsilon: Fraction) -> bool:
    """W* = t·d with t > 0 and t²(1 - k*²) = ε: W* is the ε-variant's only BN optimum."""
    t = positive_factor(s.w_star, s.bn_direction)
    return t is not None and t * t * (1 - dot(s.c, s.bn_direction)) == epsilon


def _vec(v) -> Matrix:
    return Matrix([rational(x) for x in v])


def verdict(variant: str, s: Statistics, claims: VariantClaims) -> dict:
    """The exact verdict of a variant for a nondegenerate set (no solver): verdict, reason, the
    BN optima, the exact values a reader quotes and the failing probability."""
    w, d = _vec(claims.w_star), _vec(claims.bn_direction)
    k_sq, eps = rational(claims.k_star_sq), rational(claims.epsilon)
    var_y = rational(s.y_sq_mean - s.y_mean ** 2)
    line_left = sympy.expand((w.T * w)[0] - (w.T * d)[0] ** 2 / (d.T * d)[0])
    values = {"k_star_sq": k_sq}
    out = {"w_star": [show(v) for v in claims.w_star], "bn_direction": [show(v) for v in claims.bn_direction]}
    if variant in ("gamma-beta", "torch"):
        values.update(min_loss=var_y - k_sq, left_at_w_star=line_left)
        if variant == "gamma-beta":
            values["gamma_at_t_d"] = sympy.sign(sympy.Symbol("t")) * sqrt(k_sq)
        out["bn_optima"] = "{t·d : t != 0}"
        if claims.parallel:
            out.update(verdict="holds", reason="W* is a multiple of d: it lies on the line of BN optima",
                       probability=Rational(0))
        else:
            out.update(verdict="fails", reason="W* is not a multiple of d; (L4.5) fails at W0 = W*",
                       probability=line_failing_probability(w, d))
    elif variant == "bias":
        values.update(intercept=rational(claims.intercept), left_at_w_star=Rational(0))
        out.update(bn_optima="{t·d : t > 0}", verdict="holds", probability=Rational(0),
                   reason="with a bias W* = Σ⁻¹c = d lies on the BN ray: equality at every admissible W0")
    elif k_sq >= 1:
        values.update(epsilon=eps, infimum=1 + rational(s.y_sq_mean) - 2 * sqrt(k_sq))
        out.update(bn_optima="∅", verdict="no BN optimum", probability=None,
                   reason=(f"k*² = {k_sq} >= 1: L̂_ε has no local minimiser (inf L̂_ε = 1 + mean(y²) - 2k* "
                           "is not attained), so Ŵ* is empty and (L4.5) is ill-posed"))
    else:
        w_eps = sqrt(eps / (1 - k_sq)) * d
        values.update(epsilon=eps, w_epsilon=list(w_eps), min_loss=rational(s.y_sq_mean) - k_sq,
                      left_at_w_star=sympy.radsimp(sympy.expand(((w - w_eps).T * (w - w_eps))[0])))
        out.update(bn_optima="{w_ε}, w_ε = sqrt(ε/(1 - k*²))·d", verdict="fails", probability=None,
                   reason=("k* < 1: the only BN optimum is the point w_ε; "
                           + ("W* = w_ε: (L4.5) holds at W0 = W* and fails at W0 = 2W*"
                              if claims.w_star_is_w_eps else
                              "(L4.5) fails at W0 = W* (its right side is 0)")
                           + "; for every learning set it fails at W* or 2W*"))
    out["values"] = {k: [exact_text(x) for x in v] if isinstance(v, list) else exact_text(v)
                     for k, v in values.items()}
    return out


def _left_side(variant: str, claims: VariantClaims):
    """The float left side of (L4.5) for the Monte-Carlo estimate: distance² to Ŵ*, for a block
    of samples (one row each; harness/monte_carlo.py)."""
    import numpy as np

    d = np.array([float(v) for v in claims.bn_direction])
    if variant == "epsilon":
        lam = float(sympy.N(sqrt(rational(claims.epsilon / (1 - claims.k_star_sq))), 20))
        point = lam * d
        return lambda x: ((x - point) ** 2).sum(axis=1)
    d_sq = float(d @ d)
    return lambda x: (x * x).sum(axis=1) - (x @ d) ** 2 / d_sq


def exact_report(ls: LearningSet, variant: str, epsilon: Fraction | None = None,
                 samples: int = 0) -> tuple[dict, VariantClaims | None, Statistics]:
    """The report without obligations: learning set, variant, the exact verdict and values, the
    failing probability and the Monte-Carlo estimate (claims None for a degenerate set)."""
    eps = DEFAULT_EPSILON if epsilon is None else epsilon
    stats = exact_statistics(ls)
    report = {"learning_set": ls.as_json(), "variant": variant, "description": DESCRIPTION[variant],
              **({"epsilon": show(eps)} if variant in ("epsilon", "torch") else {})}
    if stats.degenerate:
        report.update(verdict="degenerate", reason=stats.degenerate, obligations=[])
        return report, None, stats
    claims = variant_claims(ls, stats, variant, eps)
    found = verdict(variant, stats, claims)
    probability = found.pop("probability")
    report.update(found, failing_fraction=None if probability is None else float(sympy.N(probability, 15)),
                  failing_fraction_exact=None if probability is None else exact_text(probability))
    if probability is None and report["verdict"] == "fails":
        report["failing_fraction_note"] = ("Ŵ* is a single point: the failing fraction depends on the "
                                           "scale of W0 (no exact value); Monte-Carlo for W0 ~ N(0, I)")
    if samples and report["verdict"] == "fails":
        report["monte_carlo"] = monte_carlo_report(claims.w_star, claims.bn_direction, samples,
                                                   _left_side(variant, claims))
    return report, claims, stats


def prove_variant(ls: LearningSet, variant: str = "paper", epsilon: Fraction | None = None,
                  timeout_s: float = 30.0, samples: int = 100_000) -> dict:
    if variant == "paper":
        return prove(ls, timeout_s=timeout_s, samples=samples)
    start = time.perf_counter()
    report, claims, stats = exact_report(ls, variant, epsilon, samples)
    if claims is None:
        rows = degenerate_rows(ls, stats, timeout_s)     # why the data are degenerate, proved
        report.update(obligations=rows, proved=all_proved(rows))
    else:
        ctx = Context(claims, VariantEvaluator(ls.X, ls.y),
                      paper_claims(ls, stats) if variant == "bias" else None)
        report["obligations"], _ = run_obligations(
            variant_obligations(variant, claims), timeout_s,
            lambda ob, outcome: variant_cross_check(ob.name, ctx, outcome))
        report["proved"] = all_proved(report["obligations"])
    report["seconds"] = round(time.perf_counter() - start, 4)
    return report


def variant_table(report: dict) -> str:
    """The readable report of `bnproof prove --variant` (not `paper`)."""
    ls = report["learning_set"]
    out = [f"learning set: {ls['name']} (n = {ls['n']}, d = {ls['d']})",
           f"variant: {report['variant']} ({report['description']})"
           + (f", ε = {report['epsilon']}" if "epsilon" in report else ""),
           f"verdict: (L4.5) {report['verdict']}" + (f": {report['reason']}" if report.get("reason") else "")]
    if "w_star" in report:
        out.append(f"W* = ({', '.join(report['w_star'])}), d = ({', '.join(report['bn_direction'])}), "
                   f"BN optima Ŵ* = {report['bn_optima']}")
        out.append("exact values: " + ", ".join(
            f"{k} = " + (f"({', '.join(v)})" if isinstance(v, list) else v) for k, v in report["values"].items()))
        if report["failing_fraction_exact"] is not None:
            out.append(f"P((L4.5) fails | <W0,W*> > 0) = {report['failing_fraction_exact']} "
                       f"≈ {report['failing_fraction']:.4f}")
        elif "failing_fraction_note" in report:
            out.append(f"P((L4.5) fails | <W0,W*> > 0): {report['failing_fraction_note']}")
    if "monte_carlo" in report:
        out.append(monte_carlo_line(report["monte_carlo"]))
    if "route" in report:
        return "\n".join([*out, f"route: {report['route']}", f"({report['seconds']:.2f} s)"]) + "\n"
    return "\n".join(out) + "\n" + obligations_section(
        report, "no solver-free certificates (only the paper variant's canonical obligations have them)")


# ---------------------------------------------------------------- `bnproof check --variant`

def check_variant(path: str, variant: str, epsilon: Fraction | None = None, options=None,
                  prove_it: bool = False, samples: int = 0, timeout_s: float = 5.0) -> dict:
    """The exact verdict of a variant for a learning set file (no solver); with `prove_it` the
    variant's obligations as in `prove --variant --data` (their literal encodings suit small sets).
    `options`: the input flags (harness/columns.ReadOptions), as for `check`."""
    from harness.limits import PROVE_MAX_ENTRIES
    from harness.columns import ReadOptions
    from harness.reader import load

    ls = load(path, options or ReadOptions())
    if prove_it and ls.n * ls.dim <= PROVE_MAX_ENTRIES:
        return prove_variant(ls, variant, epsilon, timeout_s, samples)
    start = time.perf_counter()
    report, _, _ = exact_report(ls, variant, epsilon, samples)
    report["route"] = ("exact rational linear algebra, no solver: computed, not proved (--prove runs "
                       "the Z3 obligations)"
                       if not prove_it else
                       f"exact rational linear algebra; --prove not attempted: n·d = {ls.n * ls.dim} > "
                       f"{PROVE_MAX_ENTRIES}; verdict computed, not proved")
    report["seconds"] = round(time.perf_counter() - start, 4)
    return report
