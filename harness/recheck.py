"""`make recheck`: every SMT-LIB2 file under proofs/smt2/ decided again by two solvers.

For each file: its `(set-info :status ...)` (the expected answer), Z3's answer
(harness/solver.decide_smt2, from the file's text, not from the Python obligation) and cvc5's
answer (harness/second_solver.py), each with its solve time, and the file's status
(harness/status.py): "proved" when both solvers give the expected answer, CONTRADICTED when
either gives the opposite one, else "computed, not proved" (here both solvers are required:
`unknown` or a timeout of either is no recheck). Exit 0 when every file is proved; 1 otherwise;
2 when there are no files or a file cannot be read or parsed (one line on stderr naming the
file).
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
from harness.status import exit_code, failed_line, status_of, worst


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
        rows.append({"file": path.name, "obligation": path.stem, "expected": expected,
                     "z3": first.result, "z3_ms": first.seconds * 1000,
                     "cvc5": second.result, "cvc5_ms": second.seconds * 1000,
                     "status": worst(status_of(expected, answer)
                                     for answer in (first.result, second.result))})
    return rows


def table(rows: list[dict]) -> str:
    return _table(["obligation", "expected", "z3", "z3 ms", "cvc5", "cvc5 ms", "status"],
                  [[r["obligation"], r["expected"], r["z3"], f"{r['z3_ms']:.1f}", r["cvc5"],
                    f"{r['cvc5_ms']:.1f}", r["status"]] for r in rows])


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
    failed = failed_line(rows, "obligation")
    print(f"\n{failed}" if failed else
          f"\nall {len(rows)} files: Z3 and cvc5 both answer the declared :status "
          f"(z3 {sum(r['z3_ms'] for r in rows):.0f} ms, cvc5 {sum(r['cvc5_ms'] for r in rows):.0f} ms in total)")
    return exit_code(r["status"] for r in rows)


if __name__ == "__main__":
    sys.exit(main())
