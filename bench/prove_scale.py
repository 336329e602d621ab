"""`make bench`: `check --prove` at scale and `make prove` against the import floor
(issue 10: all obligations of a seeded random 200 × 100 integer set proved in <= 60 s, no query
overrunning its timeout by more than 1 s; `bnproof prove` <= 2.5× `python -c 'import z3, sympy'`).

Each figure is wall-clock in a fresh process (imports included). Rows of `check --prove`: n = 2d
seeded integer points in [-9, 9]^d (d = 40, 60) and the 200 × 100 target set, default timeout.
`prove` vs the floor is also given in CPU time (the steadier figure on a shared machine);
`--floor-only` runs only that table.
"""

from __future__ import annotations

import json
import os
import random
import resource
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


def run(cmd: list[str]) -> tuple[float, float, str]:
    """(wall, CPU, stdout) of a fresh process: CPU is user + sys of the process and of every
    worker it forked and reaped (RUSAGE_CHILDREN counts waited-for descendants)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, check=False, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), out


def prove_at_scale(folder: Path) -> None:
    print("| check --prove (seeded random integers) | wall (s) | proved | slowest obligation (s) |")
    print("|---|---|---|---|")
    for n, dim in [(80, 40), (120, 60), (200, 100)]:
        path = random_csv(folder / f"r{n}x{dim}.csv", n, dim)
        seconds, _, out = run([str(BIN / "bnproof"), "check", str(path), "--prove", "--json",
                             "--timeout", str(TIMEOUT)])
        rows = json.loads(out)["route"]["obligations"]
        proved = sum(r["status"] == "proved" for r in rows)
        slowest = max(rows, key=lambda r: r["seconds"])
        print(f"| {n} × {dim} | {seconds:.1f} | {proved}/{len(rows)} | "
              f"{slowest['seconds']:.2f} ({slowest['name']}) |")
    print(f"\nEach Z3 check runs in a worker killed {0.5} s after its {TIMEOUT} s timeout "
          "(harness/solver.py); an obligation's seconds add its hypothesis check and its query.")


def prove_vs_floor(runs: int = 5) -> None:
    """Best of `runs` interleaved runs, wall and CPU (user + sys, workers included): on a shared
    machine the CPU ratio is the steadier figure; the wall ratio is the target's. The project's
    bytecode is compiled first, as `make install` does (the dependencies' comes compiled): where
    PYTHONDONTWRITEBYTECODE is set, every run would otherwise compile its modules again."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", "harness", "proofs"], cwd=ROOT,
                   check=True, capture_output=True)
    floor, prove = [], []
    for _ in range(runs):                       # interleaved, so both see the same load
        floor.append(run([sys.executable, "-c", "import z3, sympy"])[:2])
        prove.append(run([str(BIN / "bnproof"), "prove", "--output", "/dev/null"])[:2])
    (floor_wall, floor_cpu), (prove_wall, prove_cpu) = [
        (min(w for w, _ in times), min(c for _, c in times)) for times in (floor, prove)]
    print(f"\n| `bnproof prove` vs import floor (best of {runs}) | wall (s) | CPU (s) |")
    print("|---|---|---|")
    print(f"| python -c 'import z3, sympy' | {floor_wall:.2f} | {floor_cpu:.2f} |")
    print(f"| bnproof prove (canonical, 10^5 Monte-Carlo samples) | {prove_wall:.2f} | {prove_cpu:.2f} |")
    print(f"| ratio | {prove_wall / floor_wall:.2f}× | {prove_cpu / floor_cpu:.2f}× |")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")


def main() -> None:
    if "--floor-only" not in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            prove_at_scale(Path(tmp))
    prove_vs_floor()


if __name__ == "__main__":
    main()
