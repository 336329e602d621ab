"""Reports: the readable table of `bnproof prove` and atomic JSON output."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from harness.status import TIED, failed_line


def to_json(report: dict) -> str:
    return "".join(json_chunks(report))


def json_chunks(report: dict):
    """The text of to_json piece by piece (json.dumps joins the same pieces): written as they
    come, a report of tens of MB (d = 400) is never held whole."""
    yield from json.JSONEncoder(indent=2, ensure_ascii=False).iterencode(report)
    yield "\n"


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


WIDTH = 100   # every line of the `prove` table fits in this many columns


def _table(headers: list[str], rows: list[list[str]], notes: list[str] | None = None) -> str:
    """Aligned columns; `notes[k]`, if given, goes on its own indented line under row k."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    body = []
    for k, row in enumerate(rows):
        body.append(line(row))
        if notes:
            body += wrap(notes[k], "    ", "    ").splitlines()
    return "\n".join([line(headers), line(["-" * w for w in widths]), *body])


def wrap(text: str, indent: str = "", first: str = "") -> str:
    """`text` broken into lines of at most WIDTH columns."""
    import textwrap

    return "\n".join(textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=indent,
                                   break_on_hyphens=False)) or first


def _second(row: dict) -> str:
    if "second_solver" not in row:
        return "-"
    return f"{row['second_solver']} {row.get('second_solver_seconds', 0):.3f}"


def monte_carlo_line(mc: dict) -> str:
    if "error" in mc:
        return f"  Monte-Carlo: not computed ({mc['error']})"
    return (f"  Monte-Carlo (seeded, {mc['samples']} Gaussian W0, {mc['admissible']} admissible): "
            f"{mc['estimate']:.4f} ± {mc['standard_error']:.4f}")




def prove_table(report: dict) -> str:
    ls = report["learning_set"]
    out = [f"learning set: {ls['name']} (n = {ls['n']}, d = {ls['d']})",
           wrap(f"verdict: (L4.5) {report['verdict']}" + (f": {report['reason']}" if report.get("reason") else ""), "  ")]
    if "w_star" in report:
        out.append(wrap(f"W* = ({', '.join(report['w_star'])}), BN optima = {{t·({', '.join(report['bn_direction'])}) : t > 0}}", "  "))
        out.append(wrap(f"P((L4.5) fails | <W0,W*> > 0) = {report['failing_fraction_exact']} "
                        f"≈ {report['failing_fraction']:.4f}", "  "))
    if report.get("decided"):
        out.append(f"decided answer: (L4.5) {report['decided']}")
    if "monte_carlo" in report:
        out.append(monte_carlo_line(report["monte_carlo"]))
    return "\n".join(out) + "\n" + obligations_section(report)


def obligations_section(report: dict, no_certificates: str = "no solver-free certificates for this "
                        "learning set (only the canonical one has them)") -> str:
    """The obligations table, the exact witnesses and the closing line of a `prove` report (also
    of `prove --variant`, harness/variants.py, which says why it has no certificates). The `tie`
    column (rows of `prove`, not of the variants) says whether the query is tied to its literal
    statement (proofs/ties.py). The closing line lists every obligation not proved with its
    status (harness/status.py)."""
    out = []
    tied = any("tie" in r for r in report["obligations"])
    rows = [[r["name"], r["expected"], r["result"],
             {True: "pass", False: "FAIL", None: "not run"}[r["cross_check"]],
             *([TIED.get(r.get("tie"), "FAIL")] if tied else []), f"{r['seconds']:.3f}",
             _second(r), {True: "pass", False: "FAIL", None: "none"}[r.get("certificate")]]
            for r in report["obligations"]]
    if rows:
        out += ["", _table(["obligation", "expected", "result", "cross-check",
                            *(["tie"] if tied else []), "seconds", "cvc5", "certificate"], rows,
                           [r["statement"] for r in report["obligations"]])]
        witnesses = [wrap(f"{r['name']}: " + ", ".join(f"{k} = {v}" for k, v in r["witness"].items()),
                          "    ", "  ")
                     for r in report["obligations"] if r["witness"]]
        if witnesses:
            out += ["", "witnesses (exact):", *witnesses]
    failed = failed_line(report["obligations"])
    if rows:
        obligations = report["obligations"]
        agree = sum(r.get("second_solver") == r["expected"] for r in obligations)
        certified = sum(r.get("certificate") is True for r in obligations)
        certificates = (f"solver-free certificates hold for {certified} of {len(rows)}"
                        if any(r.get("certificate") is not None for r in obligations)
                        else no_certificates)
        out += ["", f"second solver: cvc5 gives the expected answer on {agree} of {len(rows)} obligations",
                wrap(f"certificates: {certificates}", "  ")]
    if not rows:
        out += ["", "computed, not proved: no obligation was run"]
    else:
        out += ["", wrap(failed, "  ") if failed else
                f"all {len(rows)} obligations proved and cross-checked"
                + (", each tied to its statement" if tied else "") + f" ({report['seconds']:.2f} s)"]
    return "\n".join(out) + "\n"
