"""`make bench`: `check --prove` at scale and `make prove` against the import floor
(issue 10: all obligations of a seeded random 200 × 100 integer set proved in <= 60 s, no query
overrunning its timeout by more than 1 s; `bnproof prove` <= 2.5× `python -c 'import z3, sympy'`).

Each figure is wall-clock in a fresh process (imports included). Rows of `check --prove`: n = 2d
seeded integer points in [-9, 9]^d (d = 40, 60) and the 200 × 100 target set, default timeout.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TIMEOUT = 5.0                 # `check --timeout` default


def random_csv(path: Path, n: int, dim: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    lines = [",".join([f"x{k}" for k in range(dim)] + ["y"])]
    lines += [",".join(str(rng.randint(-9, 9)) for _ in range(dim + 1)) for _ in range(n)]
    path.write_text("\n".join(lines) + "\n")
    return path


def wall(cmd: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, check=False, capture_output=True, text=True).stdout
    return time.perf_counter() - start, out


def prove_at_scale(folder: Path) -> None:
    print("| check --prove (seeded random integers) | wall (s) | proved | slowest obligation (s) |")
    print("|---|---|---|---|")
    for n, dim in [(80, 40), (120, 60), (200, 100)]:
        path = random_csv(folder / f"r{n}x{dim}.csv", n, dim)
        seconds, out = wall([str(BIN / "bnproof"), "check", str(path), "--prove", "--json",
                             "--timeout", str(TIMEOUT)])
        rows = json.loads(out)["route"]["obligations"]
        proved = sum(r["status"] == "proved" for r in rows)
        slowest = max(rows, key=lambda r: r["seconds"])
        print(f"| {n} × {dim} | {seconds:.1f} | {proved}/{len(rows)} | "
              f"{slowest['seconds']:.2f} ({slowest['name']}) |")
    print(f"\nEach Z3 check runs in a worker killed {0.5} s after its {TIMEOUT} s timeout "
          "(harness/solver.py); an obligation's seconds add its hypothesis check and its query.")


def prove_vs_floor(runs: int = 5) -> None:
    floor, prove = [], []
    for _ in range(runs):                       # interleaved, so both see the same load
        floor.append(wall([sys.executable, "-c", "import z3, sympy"])[0])
        prove.append(wall([str(BIN / "bnproof"), "prove", "--output", "/dev/null"])[0])
    print("\n| `bnproof prove` vs import floor | best (s) |")
    print("|---|---|")
    print(f"| python -c 'import z3, sympy' | {min(floor):.2f} |")
    print(f"| bnproof prove (canonical, 10^5 Monte-Carlo samples) | {min(prove):.2f} |")
    print(f"| ratio | {min(prove) / min(floor):.2f}× |")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        prove_at_scale(Path(tmp))
    prove_vs_floor()


if __name__ == "__main__":
    main()
