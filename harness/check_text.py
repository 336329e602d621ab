"""The readable text of a `bnproof check` report: the verdict and the failing fraction first, then
a table with one row per feature (W*, d and ∇L̂(W*) rounded to 6 significant digits), the
witness, and with `--prove` one row per obligation, ending with `N/M obligations proved`. Every
line fits in 100 columns whatever the dimension. The exact values are in `--json` and, as text,
behind `--exact` (harness/check.py computes them; this module only formats the report).
"""

from __future__ import annotations

import functools
import re
import textwrap
from fractions import Fraction

from flint import fmpq, fmpz

from harness.numbers import decimal, decimal_of_root
from harness.report import monte_carlo_line
from harness.status import CONTRADICTED, NOT_PROVED, PROVED, worst

WIDTH = 100
NAME_WIDTH = 28     # longer feature names are cut with "…" (the JSON report has them in full)


def check_text(report: dict, exact: bool = False) -> str:
    """The summary of a `check` report; with `exact`, the exact values follow the table."""
    out = _header(report)
    out += _feature_table(report)
    out += _details(report)
    if exact:
        out += ["", "exact values (lines not wrapped):", *_exact_lines(report)]
    out += _route(report)
    return "\n".join(out) + "\n"


def names_of(report: dict) -> tuple[list[str], str]:
    """(feature names, target name): from the file's header, else x1..xd and y."""
    ls = report["learning_set"]
    features = ls.get("features") or [f"x{k + 1}" for k in range(ls["d"])]
    return list(features), ls.get("target") or "y"


def _header(report: dict) -> list[str]:
    ls = report["learning_set"]
    features, target = names_of(report)
    out = [f"learning set: {ls['name']}",      # a long path stays on one line, unbroken
           _wrap(f"n = {ls['n']} points, d = {ls['d']} features, target: {target}")]
    verdict = report["verdict"]
    if verdict == "degenerate":
        decided = report.get("decided")
        rows = report["route"].get("obligations")
        # the decided answer is proved once every obligation that proves it is (--prove)
        proof = worst(r["status"] for r in rows) if rows else NOT_PROVED
        head = "verdict: degenerate" + (f"; (L4.5) {decided} ({proof})"
                                        if decided else "; no verdict on (L4.5)")
    elif verdict == "fails":
        fraction = report["failing_fraction"]
        head = (f"verdict: (L4.5) fails; failing fraction {fraction:.6f} = 1/2 + φ/(2π), "
                f"φ = angle(W*, d) ≈ {(fraction - 0.5) * 360:.1f}°")
    else:
        head = "verdict: (L4.5) holds; failing fraction 0"
    out.append(_wrap(head))
    if report["reason"]:
        out.append(_wrap(readable(report["reason"]), "  ", "  "))
    if "monte_carlo" in report:
        out.append(monte_carlo_line(report["monte_carlo"]))
    return out


def _feature_table(report: dict) -> list[str]:
    features, target = names_of(report)
    columns = [("W*", report["w_star"], decimal_of_text),
               ("d = Σ⁻¹c", report["bn_direction"], decimal_of_text),
               ("∇L̂(W*)", report["grad_bn_at_w_star"], decimal_of_surd)]
    columns = [(title, [fmt(v) for v in values]) for title, values, fmt in columns if values]
    if not columns:
        return []
    rows = [[_cut(name)] + [values[k] for _, values in columns] for k, name in enumerate(features)]
    headers = ["feature"] + [title for title, _ in columns]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    note = "(6 significant digits; exact values: --exact or --json)"
    return ["", line(headers), line(["-" * w for w in widths]), *map(line, rows),
            f"target: {target}  {note}"]


def _details(report: dict) -> list[str]:
    out = []
    wit = report["witness"]
    if wit:
        out.append(_wrap(f"witness: W0 = W*: <W0,W*> = {decimal_of_text(wit['inner_W0_W_star'])} > 0"
                         f" and ||W0 - Ŵ*||² = {decimal_of_text(wit['left'])} > "
                         f"{wit['right']} = right side of (L4.5)", "  "))
    if report["intercept"] is not None:
        icpt = report["intercept"]
        out.append(_wrap(f"intercept of the affine fit: {decimal_of_text(icpt['value'])} "
                         f"({readable(icpt['note'])})", "  "))
    return [""] + out if out else []


def _exact_lines(report: dict) -> list[str]:
    features, _ = names_of(report)
    out = []
    for title, key in (("W*", "w_star"), ("d", "bn_direction"), ("∇L̂(W*)", "grad_bn_at_w_star")):
        if report[key] is not None:
            out += [f"{title}[{name}] = {value}" for name, value in zip(features, report[key])]
    if report["failing_fraction_exact"] is not None:
        out.append(f"P((L4.5) fails | <W0,W*> > 0) = {report['failing_fraction_exact']}")
    if report["witness"]:
        wit = report["witness"]
        out.append(f"witness W0 = W*: <W0,W*> = {wit['inner_W0_W_star']}, left = {wit['left']} > "
                   f"right = {wit['right']}")
    if report["intercept"] is not None:
        out.append(f"intercept = {report['intercept']['value']}")
    return out


def _route(report: dict) -> list[str]:
    route = report["route"]
    out = ["", _wrap(f"route: {route['verdict']}")]
    rows = route.get("obligations", [])
    if "obligations" not in route:
        out.append("  computed, not proved: no obligation was run (--prove runs them)")
    if rows:
        width = max(len(r["name"]) for r in rows)
        checked = {True: "cross-check pass", False: "cross-check FAILED"}
        for r in rows:
            out.append(f"  {r['status']:<20}  {r['name']:<{width}}  {r['result']:<7}  "
                       f"{r['seconds']:.3f} s  {checked.get(r.get('cross_check'), '')}".rstrip())
            if r.get("reason"):
                out.append(_wrap(f"reason: {readable(r['reason'])}", "      ", "      "))
    if "note" in route:
        out.append(_wrap(readable(route["note"]), "  ", "  "))
    seconds = f"({report['seconds']:.2f} s)"
    if rows:
        proved = sum(r["status"] == PROVED for r in rows)
        contradicted = sum(r["status"] == CONTRADICTED for r in rows)
        out.append(f"{proved}/{len(rows)} obligations proved"
                   + (f", {contradicted} CONTRADICTED" if contradicted else "") + f" {seconds}")
    else:
        out.append(seconds)
    return out


_RATIONAL = re.compile(r"-?\d+(?:/\d+)?")


def decimal_of_text(text: str) -> str:
    """'p/q' of the report, rounded for reading (read by python-flint: thousands of digits at
    d = 400)."""
    if _RATIONAL.fullmatch(text):
        p, _, q = text.partition("/")
        return decimal(fmpq(fmpz(p), fmpz(q or 1)))
    return decimal(Fraction(text))


_SURD = re.compile(r"(-?)(?:(\d+)\*)?sqrt\((\d+)\)(?:/(\d+))?")


def decimal_of_surd(text: str) -> str:
    """'r*sqrt(m)/q' (harness.check.surd_text) or a rational, rounded for reading."""
    match = _SURD.fullmatch(text)
    if not match:
        return decimal_of_text(text)
    sign, p, m, q = match.groups()
    a = fmpq(fmpz(p or 1), fmpz(q or 1)) * (-1 if sign else 1)
    return decimal_of_root(a, _integer(m))


@functools.lru_cache(maxsize=4)
def _integer(text: str) -> fmpz:
    """The integer under the root, read once for all components of ∇L̂(W*) (one m)."""
    return fmpz(text)


_LONG_NUMBER = re.compile(r"-?\d{7,}(?:/\d+)?|-?\d+/\d{7,}")


def readable(text: str) -> str:
    """`text` with every exact number of more than 6 digits rounded (marked ≈)."""
    return _LONG_NUMBER.sub(lambda m: "≈" + decimal_of_text(m.group()), text)


def _cut(name: str) -> str:
    return name if len(name) <= NAME_WIDTH else name[:NAME_WIDTH - 1] + "…"


def _wrap(text: str, indent: str = "", first: str = "") -> str:
    return "\n".join(textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=indent,
                                   break_on_hyphens=False, break_long_words=True)) or first
