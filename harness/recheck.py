"""`make recheck`: every SMT-LIB2 file under proofs/smt2/ decided again by two solvers.

For each file: its `(set-info :status ...)`, Z3's answer (harness/solver.decide_smt2, from the
file's text, not from the Python obligation) and cvc5's answer (harness/second_solver.py), each
with its solve time. Exit 0 when both solvers answer every file with its status; 1 when any
answer differs (`unknown` and a timeout included); 2 when there are no files or a file cannot
be read or parsed (one line on stderr naming the file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import z3

from harness.report import _table
from harness.second_solver import SmtLibError, decide_cvc5
from harness.smt2 import DEFAULT_DIR, ExportError, status
from harness.solver import decide_smt2


class RecheckError(Exception):
    """A folder or file that cannot be rechecked (bad input, exit 2)."""


def recheck(folder: Path, timeout_s: float = 10.0) -> list[dict]:
    """One row per file, in name order."""
    files = sorted(folder.glob("*.smt2"))
    if not files:
        raise RecheckError(f"{folder}: no .smt2 files (run `make smt2`)")
    rows = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
            expected = status(text)
            first = decide_smt2(text, timeout_s)
            second = decide_cvc5(text, timeout_s, str(path))
        except (OSError, UnicodeDecodeError, ExportError, z3.Z3Exception, SmtLibError) as exc:
            message = str(exc).strip().splitlines() or [type(exc).__name__]
            raise RecheckError(f"{path}: {message[0]}") from None
        rows.append({"file": path.name, "obligation": path.stem, "status": expected,
                     "z3": first.result, "z3_ms": first.seconds * 1000,
                     "cvc5": second.result, "cvc5_ms": second.seconds * 1000,
                     "agree": first.result == expected and second.result == expected})
    return rows


def table(rows: list[dict]) -> str:
    return _table(["obligation", "status", "z3", "z3 ms", "cvc5", "cvc5 ms", "both agree"],
                  [[r["obligation"], r["status"], r["z3"], f"{r['z3_ms']:.1f}", r["cvc5"],
                    f"{r['cvc5_ms']:.1f}", "yes" if r["agree"] else "NO"] for r in rows])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m harness.recheck", description=__doc__.splitlines()[0])
    p.add_argument("folder", nargs="?", default=str(DEFAULT_DIR))
    p.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                   help="per-file time limit for each solver (default 10); a timeout is a failure")
    args = p.parse_args(argv)
    try:
        rows = recheck(Path(args.folder), args.timeout)
    except RecheckError as exc:
        print(f"recheck: {exc}", file=sys.stderr)
        return 2
    print(table(rows))
    failed = [r["obligation"] for r in rows if not r["agree"]]
    print(f"\nFAILED: {', '.join(failed)}" if failed else
          f"\nall {len(rows)} files: Z3 and cvc5 both answer the declared :status "
          f"(z3 {sum(r['z3_ms'] for r in rows):.0f} ms, cvc5 {sum(r['cvc5_ms'] for r in rows):.0f} ms in total)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
