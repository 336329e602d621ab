"""`bnproof check` on files shaped like real data sets: every format and column flag gives the
exact statistics of the clean file, and every bad file exits 2 with one line naming the file,
the line (or row) and the column, writing nothing.

The base set is the canonical one of docs/spec.md §4 (W* = (2, 0), d = (5, 3)), dressed up as users'
files are: ID and date columns, quotes, semicolons, tabs, compression, missing values, no
header, a byte-order mark, CRLF line ends, standard input, Parquet.
"""

import bz2
import gzip
import io
import json
import lzma
import sys
from decimal import Decimal

import pytest

from harness.check import check
from harness.cli import main
from harness.columns import ReadOptions

ROWS = [("0", "0", "-3"), ("0", "1", "0"), ("1", "0", "2")]
CANONICAL = {"w_star": ["2", "0"], "bn_direction": ["5", "3"], "verdict": "fails"}


def table(sep=",", header=("a", "b", "y"), rows=ROWS, end="\n"):
    lines = ([sep.join(header)] if header else []) + [sep.join(r) for r in rows]
    return end.join(lines) + end


def canonical(report, features=("a", "b")):
    got = {k: report[k] for k in CANONICAL}
    assert got == CANONICAL, got
    if features is not None:
        assert report["learning_set"]["features"] == list(features)
    assert report["learning_set"]["n"] == 3


def run(tmp_path, capsys, name, data, *flags):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
    out = tmp_path / "report.json"
    code = main(["check", str(path), "--json", "--output", str(out), *flags])
    captured = capsys.readouterr()
    return code, captured, path, out


GOOD = {
    "semicolons": ("s.csv", table(";"), []),
    "tabs (.tsv)": ("t.tsv", table("\t"), []),
    "pipes": ("p.csv", table("|"), []),
    "whitespace-separated .txt": ("w.txt", "a   b y\n0 0  -3\n 0\t1 0\n1 0 2\n", []),
    "forced delimiter": ("f.txt", table(";"), ["--delimiter", ";"]),
    "Excel sep= line": ("e.csv", "sep=;\n" + table(";"), []),
    "comment lines": ("c.csv", "# exported 2024\n" + table().replace("\n0,1", "\n# note\n0,1"), []),
    "byte-order mark": ("b.csv", b"\xef\xbb\xbf" + table().encode(), []),
    "CRLF line ends": ("r.csv", table(end="\r\n"), []),
    "quoted fields": ("q.csv", '"a","b","y"\n"0","0","-3"\n"0","1","0"\n"1","0","2"\n', []),
    "no trailing newline": ("n.csv", table().rstrip("\n"), []),
    "gzip": ("g.csv.gz", gzip.compress(table().encode()), []),
    "bzip2": ("g.tsv.bz2", bz2.compress(table("\t").encode()), []),
    "xz": ("g.csv.xz", lzma.compress(table().encode()), []),
    "ID and date columns dropped": ("i.csv", "id,date,a,b,y\n"
                                    "A-1,19-Sep-03,0,0,-3\nB-2,20-Sep-03,0,1,0\nC-3,21-Sep-03,1,0,2\n",
                                    ["--drop", "id,date"]),
    "features by name": ("i.csv", 'id,b,a,"text, quoted",y\n7,0,0,"x, y",-3\n8,1,0,z,0\n9,0,1,w,2\n',
                         ["--features", "a,b"]),
    "features and target by index": ("k.csv", "y,a,b\n-3,0,0\n0,0,1\n2,1,0\n",
                                     ["--features", "1,2", "--target", "0"]),
    "no header (--no-header)": ("h.csv", table(header=None), ["--no-header", "--features", "0,1"]),
    "decimal and fraction entries": ("d.csv", "a,b,y\n0.0,0,-3\n0,1.00,0.0\n1,0,4/2\n", []),
    "pandas index column dropped": ("x.csv", ",a,b,y\n0,0,0,-3\n1,0,1,0\n2,1,0,2\n", ["--drop", "0"]),
}


@pytest.mark.parametrize("kind", sorted(GOOD))
def test_real_world_shaped_file_gives_the_exact_canonical_statistics(kind, tmp_path, capsys):
    name, data, flags = GOOD[kind]
    code, captured, _, out = run(tmp_path, capsys, name, data, *flags)
    assert code == 0, captured.err
    report = json.loads(captured.out)
    features = ("0", "1") if "--no-header" in flags else ("a", "b")
    canonical(report, features)
    if "--target" in flags:
        assert report["learning_set"]["target"] == "y"      # the name, also when given by index
    assert json.loads(out.read_text())["w_star"] == ["2", "0"]


def test_header_of_numbers_is_used_as_names_with_header_flag(tmp_path, capsys):
    code, captured, _, _ = run(tmp_path, capsys, "n.csv", table(header=("1", "2", "3")), "--header")
    assert code == 0, captured.err
    canonical(json.loads(captured.out), ("1", "2"))


def test_dropna_drops_incomplete_rows_and_says_how_many(tmp_path, capsys):
    data = "a,b,y\n0,0,-3\n5,NA,1\n0,1,0\n,2,2\n1,0,2\n"
    code, captured, _, _ = run(tmp_path, capsys, "m.csv", data, "--dropna")
    assert code == 0, captured.err
    report = json.loads(captured.out)
    canonical(report)
    assert report["learning_set"]["rows_dropped"] == 2


def test_missing_values_in_a_dropped_column_do_not_count(tmp_path, capsys):
    data = "a,note,b,y\n0,,0,-3\n0,NA,1,0\n1,,0,2\n"
    code, captured, _, _ = run(tmp_path, capsys, "m.csv", data, "--drop", "note")
    assert code == 0, captured.err
    canonical(json.loads(captured.out))


def test_standard_input_reads_csv_and_json(monkeypatch, capsys):
    for data, flags in [(table(";"), []), (gzip.compress(table().encode()), []),
                        (json.dumps({"X": [[0, 0], [0, 1], [1, 0]], "y": [-3, 0, 2]}),
                         ["--format", "json"])]:
        raw = data if isinstance(data, bytes) else data.encode()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
        assert main(["check", "-", "--json", *flags]) == 0
        report = json.loads(capsys.readouterr().out)
        canonical(report, None)
        assert report["learning_set"]["name"] == "-"


def test_prove_data_reads_a_csv_file(tmp_path, monkeypatch):
    """`prove --data FILE.csv` proves the set read by the same reader (the proof itself is
    tested elsewhere; here it is replaced by a stub that records its input)."""
    import harness.prove

    seen = []
    monkeypatch.setattr(harness.prove, "prove", lambda ls, **kw: seen.append(ls) or {"proved": True})
    monkeypatch.setattr("harness.cli.to_json", lambda report: "{}\n")
    path = tmp_path / "c.csv"
    path.write_text(table(";"))
    assert main(["prove", "--data", str(path), "--json"]) == 0
    assert [[str(v) for v in row] for row in seen[0].X] == [["0", "0"], ["0", "1"], ["1", "0"]]


def test_chunked_reading_gives_the_same_report_as_one_chunk(tmp_path, monkeypatch):
    """Chunks cut anywhere between lines (fast path, exact path, and the change between them)
    sum to the same exact moments."""
    import random

    import harness.reader as reader

    rng = random.Random(11)
    lines = ["id,a,b,c,y"]
    for i in range(300):
        cells = [str(rng.randint(-50, 50)), f"{rng.randint(-999, 999) / 100}", str(rng.randint(-9, 9)),
                 str(rng.randint(-9, 9))]
        if i % 97 == 5:
            cells[1] = f"{rng.randint(1, 9)}/{rng.randint(1, 9)}"     # an exact-path chunk
        lines.append(f"r{i}," + ",".join(cells) if i % 50 == 7 else f"{i}," + ",".join(cells))
    path = tmp_path / "c.csv"
    path.write_text("\n".join(lines) + "\n")
    whole = check(str(path), options=ReadOptions(drop=("id",)))
    monkeypatch.setattr(reader, "CHUNK_BYTES", 300)
    chunked = check(str(path), options=ReadOptions(drop=("id",)))
    assert {k: v for k, v in whole.items() if k != "seconds"} == \
           {k: v for k, v in chunked.items() if k != "seconds"}


# --- Parquet ----------------------------------------------------------------------------------

def _parquet(tmp_path, columns: dict, name="p.parquet"):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / name
    pq.write_table(pa.table(columns), path)
    return str(path)


def test_parquet_integer_and_decimal_columns_are_exact(tmp_path, capsys):
    import pyarrow as pa

    dec = pa.array([Decimal("0.00"), Decimal("1.00"), Decimal("0.00")], pa.decimal128(5, 2))
    path = _parquet(tmp_path, {"id": ["x", "y", "z"], "a": [0, 0, 1], "b": dec, "y": [-3, 0, 2]})
    assert main(["check", path, "--json", "--drop", "id"]) == 0
    report = json.loads(capsys.readouterr().out)
    canonical(report)
    assert "float64_columns" not in report["learning_set"]


def test_parquet_float_columns_are_the_exact_binary_rationals_and_are_named(tmp_path, capsys):
    path = _parquet(tmp_path, {"a": [0.0, 0.0, 1.0], "b": [0.0, 0.1, 0.0], "y": [-3.0, 0.0, 2.0]})
    assert main(["check", path, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["learning_set"]["float64_columns"] == ["a", "b", "y"]
    # 0.1 as a double is 3602879701896397/2^55, not 1/10: W* is (2, 0) either way, d is not (5, 3)
    assert report["w_star"] == ["2", "0"]
    assert report["bn_direction"] != ["5", "30"]        # what b = 1/10 exactly gives (CSV "0.1")


def test_parquet_from_standard_input(tmp_path, monkeypatch, capsys):
    path = _parquet(tmp_path, {"a": [0, 0, 1], "b": [0, 1, 0], "y": [-3, 0, 2]})
    raw = open(path, "rb").read()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    assert main(["check", "-", "--format", "parquet", "--json"]) == 0
    canonical(json.loads(capsys.readouterr().out))


def test_column_flags_on_a_json_file_are_an_error(tmp_path, capsys):
    code, captured, path, _ = run(tmp_path, capsys, "d.json", '{"X": [[0, 0], [0, 1]], "y": [1, 2]}',
                                  "--drop", "0")
    assert code == 2 and "--drop applies to CSV and Parquet files only" in captured.err


def test_parquet_nulls_are_missing_values(tmp_path, capsys):
    path = _parquet(tmp_path, {"a": [0, 0, 5, 1], "b": [0, 1, None, 0], "y": [-3, 0, 1, 2]})
    assert main(["check", path, "--json", "--dropna"]) == 0
    report = json.loads(capsys.readouterr().out)
    canonical(report)
    assert report["learning_set"]["rows_dropped"] == 1
    assert main(["check", path]) == 2
    assert "row 3, column 'b': missing value" in capsys.readouterr().err


# --- bad files: exit 2, one line naming the file, line and column; nothing written ---------------

BAD = {
    "text column suggests --drop": ("v.csv", "vendor,a,y\nadviser,1,2\namdahl,3,4\n", [],
                                    "line 2, column 'vendor': 'adviser' is not a number (to leave "
                                    "this column out: --drop vendor)"),
    "date column": ("d.csv", "Date,a,y\n19-Sep-03,1,2\n20-Sep-03,1,3\n", [],
                    "line 2, column 'Date': '19-Sep-03' is not a number"),
    "missing value names the row and --dropna": ("m.csv", "a,b,y\n1,2,3\n4,,6\n7,8,9\n", [],
                                                 "line 3, column 'b': '' is not a number (a "
                                                 "missing value: --dropna drops incomplete rows)"),
    "NA": ("m.csv", "a,b,y\n1,2,3\n4,NA,6\n7,8,9\n", [], "line 3, column 'b': 'NA' is not a number"),
    "all-numeric first row": ("h.csv", "1,2,3\n4,5,6\n7,8,9\n", [],
                              "line 1: the first row (1, 2, 3) is all numbers"),
    "unknown feature": ("u.csv", table(), ["--features", "a,zz"], "--features: no column named 'zz'"),
    "target among features": ("u.csv", table(), ["--features", "a,y"], "names the target column"),
    "index out of range": ("u.csv", table(), ["--target", "7"], "--target: no column named '7'"),
    "unnamed pandas index column": ("x.csv", ",a,b,y\n0,0,0,-3\n1,0,1,0\n2,1,0,2\n", [],
                                    "column 0 has no name in the header (an index written by "
                                    "pandas?): leave it out with --drop 0"),
    "ragged row": ("r.csv", "a;b;y\n1;2;3\n4;5\n6;7;8\n", [], "line 3 has 2 fields, expected 3"),
    "gzip truncated": ("t.csv.gz", gzip.compress(table().encode())[:-12], [], "cannot read"),
    "not UTF-8": ("l.csv", b"a,b,y\n1,2,\xff\n", [], "line 2: cannot read: UnicodeDecodeError"),
    "directory": ("dir", None, [], "is a directory"),
    "empty file": ("e.csv", "", [], "malformed CSV: no header row"),
    "only comments": ("e.csv", "# nothing\n\n", [], "malformed CSV: no header row"),
    "one data row after dropna": ("o.csv", "a,b,y\n1,2,3\n4,,6\n", ["--dropna"],
                                  "need at least 2 points, got 1"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_file_exits_2_with_one_line_naming_file_line_and_column(kind, tmp_path, capsys):
    name, data, flags, message = BAD[kind]
    if data is None:
        (tmp_path / name).mkdir()
    code, captured, path, out = run(tmp_path, capsys, name, data, *flags)
    err = captured.err
    assert code == 2 and err.count("\n") == 1 and str(path) in err and message in err, err
    assert not out.exists() and captured.out == ""


@pytest.mark.parametrize("flags, message", [
    (["--target", "a", "--target", "b"], "--target given twice"),
    (["--features", "a,,b"], "expected NAME,NAME"),
    (["--delimiter", "ab"], "is not one character"),
    (["--header", "--no-header"], "not allowed with"),
])
def test_bad_flags_exit_2(flags, message, tmp_path, capsys):
    path = tmp_path / "c.csv"
    path.write_text(table())
    with pytest.raises(SystemExit) as exc:
        main(["check", str(path), *flags])
    assert exc.value.code == 2 and message in capsys.readouterr().err
