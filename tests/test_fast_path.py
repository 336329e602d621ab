"""The fast exact path (numpy parsing, BLAS block products, fmpq verdict) gives the reports of
the exact path byte for byte, and each shortcut is used only where it is exact."""

import json
import random
from fractions import Fraction

import numpy as np
import pytest

import harness.reader as reader
from harness.check import check
from harness.columns import ReadOptions
from harness.fast_parse import parse_chunk
from harness.moments import moments
from harness.reader import Block
from tests.check_golden import GOLDEN, reports


def test_check_reports_are_byte_identical_to_the_golden_reports_of_the_exact_path():
    golden = json.loads(GOLDEN.read_text())
    fresh = reports()
    assert sorted(fresh) == sorted(golden)
    for name in golden:
        assert fresh[name] == golden[name], name


def _no_report_timing(report):
    return {k: v for k, v in report.items() if k != "seconds"}


@pytest.mark.parametrize("kind", ["integers", "decimals", "mixed places", "whitespace",
                                  "beside a date column"])
def test_fast_path_and_exact_parser_give_the_same_report(kind, tmp_path, monkeypatch):
    rng = random.Random(len(kind))
    sep = " " if kind == "whitespace" else ","

    def cell():
        if kind == "decimals":
            return f"{rng.randint(-99999, 99999) / 100:.2f}"
        if kind in ("mixed places", "beside a date column"):
            return str(rng.randint(-999, 999) / 10**rng.randint(0, 3))
        return str(rng.randint(-50, 50))

    date = kind == "beside a date column"
    path = tmp_path / "data.txt"
    path.write_text("\n".join([sep.join(["date"] * date + ["a", "b", "c", "y"])]
                              + [sep.join([f"{rng.randint(1, 28)}.09.03"] * date
                                          + [cell() for _ in range(4)]) for _ in range(400)]) + "\n")
    options = ReadOptions(drop=("date",) if date else ())
    fast = check(str(path), options=options)
    monkeypatch.setattr(reader, "parse_chunk", lambda *args: None)
    exact = check(str(path), options=options)
    assert _no_report_timing(fast) == _no_report_timing(exact)


@pytest.mark.parametrize("text, expected", [
    (b"1,2\n-3,4\n", ([[1, 2], [-3, 4]], 0)),
    (b"1.25,-2.50\n.75,3.00\n", ([[125, -250], [75, 300]], 2)),            # dots deleted
    (b"1.5,2\n-0.125,3.\n", ([[1500, 2000], [-125, 3000]], 3)),            # float64, k = 3
    (b"1.5 , 2\n", ([[15, 20]], 1)),                                         # blanks never shrink k
])
def test_fast_parse_values_are_the_exact_values_times_ten_to_k(text, expected):
    values, k = parse_chunk(text, ",", 2, [0, 1])
    assert (values.tolist(), k) == expected


@pytest.mark.parametrize("text, expected", [
    ("id-é,19-Sep-03,1,2\nB,x,3,-4\n", ([[2, 1], [-4, 3]], 0)),
    ("id-é,19.09.03,1.5,2.25\nB,x.y,3.5,-4.75", ([[225, 150], [-475, 350]], 2)),
    ("a.b,1.5,2\nB,-3,4.125\n", ([[2000, 1500], [4125, -3000]], 3)),
])
def test_fast_parse_reads_number_columns_beside_skipped_text_columns(text, expected):
    values, k = parse_chunk(text.encode(), ",", len(text.split("\n")[0].split(",")),
                            [3, 2] if text.count(",") > 4 else [2, 1])
    assert (values.tolist(), k) == expected


@pytest.mark.parametrize("text", [b"1,2e3\n", b"1,nan\n", b'1,"2"\n', b"1,1/3\n", b"1,\n",
                                  b"1,99999999999999999999\n", b"1,2,3\n", b"# c\n1,2\n",
                                  b"1,0.1234567890123456789\n", b"1,123456789012345.5\n",
                                  b"a,1\nb,2,3\n", b"a,1\n\nb,2\n", b"a,1e5\n", b"\xff,1\n",
                                  b'"a,b",1\n', b"a,inf\n", b"a,nan\n", b"a,1/2\n"])
def test_fast_parse_declines_what_it_cannot_read_exactly(text):
    assert parse_chunk(text, ",", 2, [0, 1] if text[:1].isdigit() else [1]) is None


@pytest.mark.parametrize("magnitude", [99, 2**26, 2**31, 2**40])
def test_block_products_are_exact_on_each_side_of_the_float64_and_int64_bounds(magnitude):
    """max|z|²·rows below 2^53 (float64 BLAS), below 2^63 (int64), beyond (flint): M equals
    the product in Python integers."""
    rng = random.Random(magnitude)
    rows = [[rng.choice([-magnitude, magnitude, rng.randint(-magnitude, magnitude)])
             for _ in range(3)] for _ in range(600)]
    n, M = moments([Block(np.array(rows, dtype=np.int64), (1, 1, 1))])
    Z = [[r[0], r[1], 1, r[2]] for r in rows]
    expected = [[sum(z[i] * z[j] for z in Z) for j in range(4)] for i in range(4)]
    assert n == 600
    assert [[int(M[i, j].p) for j in range(4)] for i in range(4)] == expected
    assert all(M[i, j].q == 1 for i in range(4) for j in range(4))


def test_blocks_with_different_scales_are_summed_exactly():
    blocks = [Block(np.array([[1, 2], [3, 4]], dtype=np.int64), (10, 1)),
              Block(np.array([[5, 6]], dtype=np.int64), (1, 100))]
    n, M = moments(blocks)
    rows = [(Fraction(1, 10), 2), (Fraction(3, 10), 4), (5, Fraction(6, 100))]
    Z = [(x, 1, y) for x, y in rows]
    assert n == 3
    for i in range(3):
        for j in range(3):
            want = sum(Fraction(z[i]) * z[j] for z in Z)
            assert (int(M[i, j].p), int(M[i, j].q)) == (want.numerator, want.denominator)


def test_a_learning_set_in_memory_has_the_moments_of_its_blocks():
    """set_moments (one fmpz_mat product, no numpy: `prove`) equals the block path of `check`."""
    from harness.learning_set import LearningSet
    from harness.moments import set_moments
    from harness.reader import fraction_blocks

    rng = random.Random(7)
    X = tuple(tuple(Fraction(rng.randint(-10**12, 10**12), rng.choice([1, 3, 10])) for _ in range(3))
              for _ in range(40))
    y = tuple(Fraction(rng.randint(-9, 9), rng.choice([1, 7])) for _ in range(40))
    n, M = set_moments(X, y)
    assert (n, M) == moments(fraction_blocks(LearningSet(X, y, "random")))


def test_prove_reaches_its_workers_without_importing_numpy():
    """numpy costs 0.1 s of `prove`'s serial start; only the Monte-Carlo worker imports it."""
    import subprocess
    import sys

    code = ("import sys; import harness.prove as p; from harness.learning_set import canonical; "
            "ls = canonical(); p.all_obligations(p.make_claims(ls, p.exact_statistics(ls))); "
            "assert 'numpy' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_check_does_not_import_z3_without_prove(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "c.csv"
    path.write_text("a,b,y\n0,0,-3\n0,1,0\n1,0,2\n")
    code = ("import sys; from harness.cli import main; main(['check', sys.argv[1], '--json']); "
            "assert 'z3' not in sys.modules and 'sympy' not in sys.modules, sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True)
