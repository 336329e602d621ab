"""`make bench`: wall-clock figures for the README (benchmarks, not timed tests).

Measures `bnproof prove`, `make recheck` and `make certify` end to end in a fresh process
(imports included) and each obligation's solver time, best of several runs.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def wall(cmd: list[str], runs: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    print("| what | best (s) | median (s) |")
    print("|---|---|---|")
    for label, cmd in [
        ("python -c 'import z3, sympy' (import floor)", [sys.executable, "-c", "import z3, sympy"]),
        ("bnproof prove (canonical, 13 obligations, 10^5 MC samples)", [str(BIN / "bnproof"), "prove"]),
        ("bnproof prove --samples 0", [str(BIN / "bnproof"), "prove", "--samples", "0"]),
        ("make recheck (Z3 and cvc5 on the 13 SMT-LIB2 files)",
         [sys.executable, "-m", "harness.recheck", "proofs/smt2"]),
        ("make certify (13 solver-free certificates)", [sys.executable, "-m", "harness.certify"]),
    ]:
        best, median = wall(cmd)
        print(f"| {label} | {best:.2f} | {median:.2f} |")
    sys.path.insert(0, str(ROOT))
    from harness.learning_set import canonical
    from harness.prove import prove

    report = prove(canonical(), samples=0)
    print("\n| obligation | solver (ms) | cross-check (ms) |")
    print("|---|---|---|")
    for row in report["obligations"]:
        print(f"| {row['name']} | {1000 * row['seconds']:.1f} | {1000 * row['cross_check_seconds']:.0f} |")


if __name__ == "__main__":
    main()
