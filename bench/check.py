"""`make bench` (second part): `bnproof check` at scale (benchmarks for the README, not tests).

- a seeded CSV of 10^5 points x 100 integer features (and the target): `bnproof check FILE`
  end to end from the file, in a fresh process, against a numpy script that loads the same file
  (numpy.loadtxt) and solves the float least-squares problem (numpy.linalg.lstsq), timed in the
  same run; the ratio and both absolute times, and the peak RSS of `check`;
- the same size with decimal entries ("-12.345");
- `check --prove` on a random 60 x 40 integer set.
Usage: python bench/check.py [--rows N] [--cols D] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

NUMPY_SCRIPT = """
import sys, numpy as np
a = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
w = np.linalg.lstsq(a[:, :-1], a[:, -1], rcond=None)[0]
print(w[0])
"""


def generate(path: Path, rows: int, cols: int, decimal: bool, seed: int = 20181) -> None:
    rng = random.Random(seed)
    with open(path, "w") as f:
        f.write(",".join([f"x{k + 1}" for k in range(cols)] + ["y"]) + "\n")
        for _ in range(rows):
            if decimal:
                values = [rng.randint(-99999, 99999) for _ in range(cols + 1)]
                f.write(",".join(f"{'-' if v < 0 else ''}{abs(v) // 1000}.{abs(v) % 1000:03d}"
                                 for v in values) + "\n")
            else:
                f.write(",".join(str(rng.randint(-99, 99)) for _ in range(cols + 1)) + "\n")


def run(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}: {proc.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def best(cmd: list[str], runs: int) -> tuple[float, float]:
    results = [run(cmd) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--cols", type=int, default=100)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    print(f"\n`bnproof check` at scale ({args.rows} x {args.cols}, best of {args.runs}; "
          f"{os.cpu_count()} cores)\n")
    print("| case | `bnproof check` (s) | numpy loadtxt+lstsq (s) | ratio | peak RSS of check (MiB) |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("integer", "decimal"):
            path = Path(tmp) / f"{kind}.csv"
            generate(path, args.rows, args.cols, decimal=kind == "decimal")
            ours, rss = best([str(BIN / "bnproof"), "check", str(path), "--json"], args.runs)
            numpy, _ = best([sys.executable, "-c", NUMPY_SCRIPT, str(path)], args.runs)
            print(f"| {kind} entries, {path.stat().st_size / 2**20:.0f} MiB | {ours:.2f} | "
                  f"{numpy:.2f} | {ours / numpy:.1f}x | {rss:.0f} |", flush=True)
        rng = random.Random(1)
        small = Path(tmp) / "random60x40.csv"
        small.write_text("\n".join([",".join([f"x{k + 1}" for k in range(40)] + ["y"])] + [
            ",".join(str(rng.randint(-9, 9)) for _ in range(41)) for _ in range(60)]) + "\n")
        seconds, _ = best([str(BIN / "bnproof"), "check", str(small), "--prove"], args.runs)
        sys.path.insert(0, str(ROOT))
        from harness.check import check

        route = check(str(small), prove=True)["route"]
        proved = sum(r["status"] == "proved" for r in route["obligations"])
        print(f"\n`bnproof check --prove` on a random 60 x 40 integer set: {seconds:.2f} s end to "
              f"end, {proved}/{len(route['obligations'])} obligations proved by Z3")


if __name__ == "__main__":
    main()
