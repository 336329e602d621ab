"""Golden `check` reports (tests/golden/check_reports.json): seeded CSV files that exercise
every route of the reader and of the exact core (int64 and decimal fast paths, mixed decimal
places through float64, fractions and exponents through the exact parser, integers past int64,
the int64 and flint block products, every kind of degenerate set).

The committed reports were written by the code before the numpy fast path and the fmpq verdict
(commit d7c5307); tests/test_fast_path.py checks that the current code reproduces them byte for
byte. `python -m tests.check_golden` rewrites them after an intended change (review the diff)."""
import random
from pathlib import Path


def write(folder: Path) -> dict[str, Path]:
    rng = random.Random(5)
    files = {}

    def w(name, header, rows):
        p = folder / name
        p.write_text(",".join(header) + "\n" + "\n".join(",".join(r) for r in rows) + "\n")
        files[name] = p

    w("ints.csv", [f"x{k}" for k in range(6)] + ["y"], [[str(rng.randint(-99, 99)) for _ in range(7)] for _ in range(3000)])
    w("decs.csv", [f"x{k}" for k in range(5)] + ["y"], [[f"{rng.randint(-99999, 99999)/1000:.3f}" for _ in range(6)] for _ in range(2000)])
    w("mixed.csv", ["a", "b", "c", "y"], [[f"{rng.randint(-999, 999) / 10**rng.randint(0, 3)}" for _ in range(4)] for _ in range(500)])
    w("fracs.csv", ["a", "b", "y"], [[f"{rng.randint(-9,9)}/{rng.randint(1,9)}", str(rng.randint(-9,9)), f"{rng.randint(1,9)}e-{rng.randint(0,3)}"] for _ in range(50)])
    w("big.csv", ["a", "b", "y"], [[str(rng.randint(-10**30, 10**30)) for _ in range(3)] for _ in range(100)])
    w("int64.csv", ["a", "b", "y"], [[str(rng.randint(-2**40, 2**40)) for _ in range(3)] for _ in range(3000)])
    w("canon.csv", ["a", "b", "y"], [["0", "0", "-3"], ["0", "1", "0"], ["1", "0", "2"]])
    w("wide.csv", [f"x{k}" for k in range(40)] + ["y"], [[str(rng.randint(-9, 9)) for _ in range(41)] for _ in range(400)])
    w("holds.csv", ["a", "b", "y"], [["-1", "0", "-1"], ["1", "0", "1"], ["0", "-1", "0"], ["0", "1", "0"]])
    w("singular_gram.csv", ["a", "b", "y"], [["1", "2", "1"], ["2", "4", "0"], ["3", "6", "2"]])
    w("singular_sigma.csv", ["a", "b", "y"], [["1", "0", "0"], ["1", "1", "1"], ["1", "2", "3"]])
    w("w_star_zero.csv", ["a", "b", "y"], [["1", "0", "-2"], ["0", "1", "-1"], ["1", "1", "0"], ["2", "1", "1"]])
    w("constant_y.csv", ["a", "b", "y"], [["1", "0", "2"], ["0", "1", "2"], ["1", "1", "2"]])
    w("dim1.csv", ["a", "y"], [["1", "1"], ["2", "3"], ["3", "2"]])
    return files


def reports() -> dict[str, str]:
    """Every case's report as JSON text, without timing, named by its file name."""
    import tempfile

    from harness.check import check
    from harness.report import to_json

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in write(Path(tmp)).items():
            report = check(str(path))
            report.pop("seconds")
            report["learning_set"]["name"] = name
            out[name] = to_json(report)
    return out


GOLDEN = Path(__file__).resolve().parent / "golden" / "check_reports.json"

if __name__ == "__main__":
    import json

    GOLDEN.write_text(json.dumps(reports(), indent=1, ensure_ascii=False) + "\n")
