"""`make bench-variants`: wall-clock figures of `bnproof prove --variant` (benchmarks, not timed
tests): each variant end to end in a fresh process (imports included), best and median of 3,
then each obligation's Z3 time and SymPy cross-check time."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from run import BIN, wall  # noqa: E402  (bench/run.py)

Y3 = "examples/variants/canonical_y_over_3.json"
RUNS = [("gamma-beta", None), ("torch", None), ("bias", None), ("epsilon", None), ("epsilon", Y3)]


def main() -> None:
    print("| bnproof prove --samples 0 | best (s) | median (s) |")
    print("|---|---|---|")
    for variant, data in RUNS:
        cmd = [str(BIN / "bnproof"), "prove", "--variant", variant, "--samples", "0",
               *(["--data", data] if data else [])]
        best, median = wall(cmd, runs=3)
        print(f"| --variant {variant}{' --data ' + data if data else ''} | {best:.2f} | {median:.2f} |")
    from harness.learning_set import canonical, load_json
    from harness.variants import prove_variant

    print("\n| variant | obligation | Z3 (ms) | cvc5 (ms) | cross-check (ms) |")
    print("|---|---|---|---|---|")
    for variant, data in RUNS:
        report = prove_variant(load_json(data) if data else canonical(), variant, samples=0)
        for row in report["obligations"]:
            print(f"| {variant}{' (y/3)' if data else ''} | {row['name']} | {1000 * row['seconds']:.1f} | "
                  f"{1000 * row['second_solver_seconds']:.0f} | {1000 * row['cross_check_seconds']:.0f} |")


if __name__ == "__main__":
    main()
