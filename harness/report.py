"""Reports: the readable table of `bnproof prove` and atomic JSON output."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def to_json(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def without_timing(report):
    """The report with every timing field (`seconds`, `*_seconds`) removed: what must be the
    same on every run and every machine."""
    if isinstance(report, dict):
        return {k: without_timing(v) for k, v in report.items()
                if k != "seconds" and not k.endswith("_seconds")}
    if isinstance(report, list):
        return [without_timing(v) for v in report]
    return report


def write_atomically(path, data: str | bytes) -> None:
    """Write all of `data` or nothing: a temporary file in the same folder, then a rename.
    The file is made world-readable (mkstemp creates it 0600), as a shared artifact should be."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def _second(row: dict) -> str:
    if "second_solver" not in row:
        return "-"
    return f"{row['second_solver']} {row.get('second_solver_seconds', 0):.3f}"


def monte_carlo_line(mc: dict) -> str:
    return (f"  Monte-Carlo (seeded, {mc['samples']} Gaussian W0, {mc['admissible']} admissible): "
            f"{mc['estimate']:.4f} ± {mc['standard_error']:.4f}")


TIED = {"unsat": "pass", "stated directly": "direct"}   # a tie proved, or no encoding step to tie


def prove_table(report: dict) -> str:
    ls = report["learning_set"]
    out = [f"learning set: {ls['name']} (n = {ls['n']}, d = {ls['d']})",
           f"verdict: (L4.5) {report['verdict']}" + (f": {report['reason']}" if report.get("reason") else "")]
    if "w_star" in report:
        out.append(f"W* = ({', '.join(report['w_star'])}), BN optima = {{t·({', '.join(report['bn_direction'])}) : t > 0}}")
        out.append(f"P((L4.5) fails | <W0,W*> > 0) = {report['failing_fraction_exact']} "
                   f"≈ {report['failing_fraction']:.4f}")
    if report.get("decided"):
        out.append(f"decided answer: (L4.5) {report['decided']}")
    if "monte_carlo" in report:
        out.append(monte_carlo_line(report["monte_carlo"]))
    rows = [[r["name"], r["statement"], r["expected"], r["result"],
             "pass" if r["cross_check"] else "FAIL", TIED.get(r.get("tie"), "FAIL"),
             f"{r['seconds']:.3f}",
             _second(r), {True: "pass", False: "FAIL", None: "none"}[r.get("certificate")]]
            for r in report["obligations"]]
    if rows:
        out += ["", _table(["obligation", "statement", "expected", "result", "cross-check", "tie", "seconds",
                            "cvc5", "certificate"], rows)]
        witnesses = [f"  {r['name']}: " + ", ".join(f"{k} = {v}" for k, v in r["witness"].items())
                     for r in report["obligations"] if r["witness"]]
        if witnesses:
            out += ["", "witnesses (exact):", *witnesses]
    failed = [r["name"] for r in report["obligations"]
              if r["result"] != r["expected"] or not r["cross_check"] or r.get("certificate") is False
              or r.get("tie") not in TIED
              or r.get("second_solver", r["expected"]) not in (r["expected"], "unknown", "timeout")]
    if rows:
        obligations = report["obligations"]
        agree = sum(r.get("second_solver") == r["expected"] for r in obligations)
        certified = sum(r.get("certificate") is True for r in obligations)
        certificates = (f"solver-free certificates hold for {certified} of {len(rows)}"
                        if any(r.get("certificate") is not None for r in obligations)
                        else "no solver-free certificates for this learning set (only the canonical one has them)")
        out += ["", f"second solver: cvc5 gives the expected answer on {agree} of {len(rows)} obligations; "
                    + certificates]
    if not rows:
        out += ["", "computed, not proved: no obligation was run"]
    else:
        out += ["", f"FAILED: {', '.join(failed)}" if failed else
                f"all {len(rows)} obligations proved and cross-checked, each tied to its statement "
                f"({report['seconds']:.2f} s)"]
    return "\n".join(out) + "\n"
