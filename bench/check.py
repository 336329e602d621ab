"""`make bench` (second part): `bnproof check` at scale, each figure a ratio to float baselines
timed in the same run (benchmarks for docs/performance.md, not tests).

Baselines, each a fresh process reading the same file and solving the float least-squares
problem with numpy.linalg.lstsq on one BLAS thread:
- polars: polars.read_csv (its own threads) + lstsq, the fastest float pipeline a user would pick;
- numpy: numpy.loadtxt + lstsq.
Cases (issue 10's targets in brackets, as a ratio to polars):
- 10^5 x 100 integer CSV [<= 1.5x], 10^6 x 100 [<= 1.0x, peak RSS <= 250 MiB],
  10^5 x 100 decimals "-12.345" [<= 2x], 10^4 x 400 integers [<= 3x];
- 10^7 x 10 integers, locally and with `--engine dask` on a LocalCluster (if dask is installed);
- `check --prove` on a random 60 x 40 integer set.
Times are the best of --runs wall-clock runs, interleaved; the machine is shared, so the ratios
(measured side by side) are the figures to read, not the absolute seconds.
Usage: python bench/check.py [--runs R] [--quick]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

POLARS = """
import sys, numpy as np, polars as pl
a = pl.read_csv(sys.argv[1]).to_numpy().astype(np.float64)
print(np.linalg.lstsq(a[:, :-1], a[:, -1], rcond=None)[0][0])
"""
NUMPY = """
import sys, numpy as np
a = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
print(np.linalg.lstsq(a[:, :-1], a[:, -1], rcond=None)[0][0])
"""


def generate(path: Path, rows: int, cols: int, decimal: bool = False, repeat: int = 1) -> None:
    """Write the case's CSV in a child process, so that this process stays small (a forked
    child's peak RSS counts the parent's pages until it execs)."""
    subprocess.run([sys.executable, __file__, "--generate", str(path), str(rows), str(cols),
                    str(int(decimal)), str(repeat)], check=True)


def _write(path: Path, rows: int, cols: int, decimal: bool = False, repeat: int = 1,
           seed: int = 20181) -> None:
    """A seeded CSV of `rows` distinct rows (written `repeat` times) of cols features and y."""
    rng = random.Random(seed)
    if decimal:
        cell = lambda v: f"{'-' if v < 0 else ''}{abs(v) // 1000}.{abs(v) % 1000:03d}"
        draw = lambda: rng.randint(-99999, 99999)
    else:
        cell, draw = str, lambda: rng.randint(-99, 99)
    body = "".join(",".join(cell(draw()) for _ in range(cols + 1)) + "\n" for _ in range(rows))
    with open(path, "w") as f:
        f.write(",".join([f"x{k + 1}" for k in range(cols)] + ["y"]) + "\n")
        for _ in range(repeat):
            f.write(body)


def run(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, **ONE_THREAD})
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}: {proc.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def compare(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Best wall time and largest peak RSS of each command, runs interleaved."""
    results: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            results[name].append(run(cmd))
    return {k: (min(r[0] for r in v), max(r[1] for r in v)) for k, v in results.items()}


def row(label: str, path: Path, runs: int, extra: list[str] = (), baselines=("polars", "numpy"),
        target: str = "") -> str:
    commands = {"check": [str(BIN / "bnproof"), "check", str(path), "--json", *extra]}
    if "polars" in baselines and importlib.util.find_spec("polars"):
        commands["polars"] = [sys.executable, "-c", POLARS, str(path)]
    if "numpy" in baselines:
        commands["numpy"] = [sys.executable, "-c", NUMPY, str(path)]
    r = compare(commands, runs)
    ours, rss = r["check"]
    cell = lambda k: f"{r[k][0]:.2f} s ({ours / r[k][0]:.2f}x)" if k in r else "n/a"
    return (f"| {label}, {path.stat().st_size / 2**20:.0f} MiB | {ours:.2f} | {cell('polars')} | "
            f"{cell('numpy')} | {rss:.0f} | {target} |")


def main() -> None:
    if sys.argv[1:2] == ["--generate"]:
        path, rows, cols, decimal, repeat = sys.argv[2:7]
        _write(Path(path), int(rows), int(cols), decimal == "1", int(repeat))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="skip the 10^6 and 10^7 row cases")
    args = ap.parse_args()
    print(f"\n`bnproof check` at scale: best of {args.runs} interleaved runs, {os.cpu_count()} "
          "cores, one BLAS thread everywhere; (ratio) = check / baseline\n")
    print("| case | `bnproof check` (s) | polars read_csv + lstsq | numpy loadtxt + lstsq "
          "| peak RSS of check (MiB) | target (vs polars) |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cases = [("10^5 x 100 integers", "int5", dict(rows=100_000, cols=100), "<= 1.5x"),
                 ("10^5 x 100 decimals", "dec5", dict(rows=100_000, cols=100, decimal=True), "<= 2x"),
                 ("10^4 x 400 integers", "d400", dict(rows=10_000, cols=400), "<= 3x")]
        if not args.quick:
            cases.insert(1, ("10^6 x 100 integers", "int6",
                             dict(rows=100_000, cols=100, repeat=10), "<= 1.0x, RSS <= 250 MiB"))
        for label, name, spec, target in cases:
            path = tmp / f"{name}.csv"
            generate(path, **spec)
            print(row(label, path, args.runs, target=target), flush=True)
            path.unlink()
        if not args.quick:
            path = tmp / "int7x10.csv"
            generate(path, rows=100_000, cols=10, repeat=100)
            print(row("10^7 x 10 integers", path, args.runs), flush=True)
            if importlib.util.find_spec("distributed"):
                print(row("10^7 x 10 integers, --engine dask (LocalCluster, 2 workers)", path,
                          args.runs, extra=["--engine", "dask"], baselines=("polars",)), flush=True)
            path.unlink()
        prove_row(tmp, args.runs)


def prove_row(tmp: Path, runs: int) -> None:
    rng = random.Random(1)
    small = tmp / "random60x40.csv"
    small.write_text("\n".join([",".join([f"x{k + 1}" for k in range(40)] + ["y"])] + [
        ",".join(str(rng.randint(-9, 9)) for _ in range(41)) for _ in range(60)]) + "\n")
    seconds = compare({"prove": [str(BIN / "bnproof"), "check", str(small), "--prove"]}, runs)
    sys.path.insert(0, str(ROOT))
    from harness.check import check

    route = check(str(small), prove=True)["route"]
    proved = sum(r["status"] == "proved" for r in route["obligations"])
    print(f"\n`bnproof check --prove` on a random 60 x 40 integer set: {seconds['prove'][0]:.2f} s "
          f"end to end, {proved}/{len(route['obligations'])} obligations proved by Z3")


if __name__ == "__main__":
    main()
