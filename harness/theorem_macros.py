"""Paper macros of the general theorems (docs/general-theorems.md): results/theorem_macros.tex,
written by `make paper` (harness/paper.py) beside results/macros.tex, in the same format.

The numbers come from results/theorems.json, the report `make theorems` writes, not from a new
run (that would add about 20 s of CPU to `make paper`). Nothing is written unless that report
is a report of the current theorems (the same rows, in the order harness/theorems.py lists
them today: a report of an older list, or of `--quick`, is stale) and every row is "proved"
(harness/status.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from harness.paper import RESULTS, NotProved, macros_tex
from harness.report import write_atomically
from harness.status import PROVED, exit_code

THEOREMS_JSON = RESULTS / "theorems.json"


def current_names() -> list[str]:
    """The row names of a full `bnproof theorems` report, in order."""
    from harness.theorems import identities
    from proofs.general import general_obligations

    return [ob.name for ob in general_obligations()] + [name for name, _, _ in identities()]


def theorem_macros(report: dict, names: list[str]) -> dict[str, tuple[str, str]]:
    """Macro name -> (LaTeX body, what it is), from a proved report of the theorems `names`."""
    rows = report.get("theorems", [])
    if [r["name"] for r in rows] != names:
        raise NotProved("results/theorems.json is not a report of the current general theorems "
                        "(stale, or --quick): run make theorems")
    if not report.get("proved") or exit_code(r["status"] for r in rows) != 0:
        raise NotProved("results/theorems.json: not every general theorem is proved")
    z3_rows = [r for r in rows if r["method"] == "z3"]
    return {
        "BNTheoremsProved": (str(sum(r["status"] == PROVED for r in rows)),
                             "general theorems proved (every learning set, every dimension)"),
        "BNTheoremsSMT": (str(len(z3_rows)), "of which Z3 obligations"),
        "BNTheoremsSymPy": (str(len(rows) - len(z3_rows)), "of which exact SymPy identities"),
        "BNTheoremsCvc": (str(sum(r["second_solver"] == r["expected"] for r in z3_rows)),
                          "Z3 obligations that cvc5 also decides, with the same answer"),
    }


def write_theorem_macros(results: Path = RESULTS, source: Path = THEOREMS_JSON) -> list[Path]:
    try:
        report = json.loads(Path(source).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NotProved(f"{source}: cannot be read ({type(exc).__name__}): run make theorems") from None
    table = theorem_macros(report, current_names())
    target = results / "theorem_macros.tex"
    write_atomically(target, macros_tex(table, "bnproof theorems (results/theorems.json)").encode())
    return [target]
