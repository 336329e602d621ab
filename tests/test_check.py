"""`bnproof check FILE`: the exact verdict, its explanation, CSV loading and bad input.

The verdict and values of `check` come from exact rational linear algebra on M = ZᵀZ
(harness/statistics.py); they are compared with `prove --data` (Z3 + the SymPy evaluator) and
with the canonical values of docs/spec.md §4.
"""

import json
import random
from fractions import Fraction

import pytest
import sympy

import harness.reader as reader
from harness.check import check, check_learning_set, sqrt_of, surd_text
from harness.cli import main
from harness.evaluator import Evaluator, failing_probability
from harness.learning_set import InputError, LearningSet, canonical
from harness.reader import load
from harness.prove import prove
from harness.statistics import exact_statistics
from tests.golden import proved_report
from tests.test_cli import BAD_INPUTS as BAD_JSON


def write_json(path, ls: LearningSet):
    path.write_text(json.dumps({"X": [[str(v) for v in row] for row in ls.X],
                                "y": [str(v) for v in ls.y]}))
    return str(path)


def write_csv(path, ls: LearningSet, names=None):
    names = names or [f"x{k + 1}" for k in range(ls.dim)] + ["y"]
    lines = [",".join(names)] + [",".join(str(v) for v in (*row, yi)) for row, yi in zip(ls.X, ls.y)]
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def F(*values):
    return tuple(Fraction(v) for v in values)


def learning(X, y, name="test"):
    return LearningSet(tuple(F(*row) for row in X), F(*y), name)


# --- the canonical set (docs/spec.md §4) -------------------------------------------------------------

def test_check_on_canonical_set_gives_the_values_of_paper_section_4(tmp_path):
    report = check(write_csv(tmp_path / "canonical.csv", canonical()))
    assert report["verdict"] == "fails"
    assert report["w_star"] == ["2", "0"] and report["bn_direction"] == ["5", "3"]
    assert report["grad_bn_at_w_star"] == ["0", "-3*sqrt(2)/4"]
    assert report["failing_fraction_exact"] == "1/2 + acos(5*sqrt(34)/34)/(2*pi)"
    assert abs(report["failing_fraction"] - 0.58599) < 5e-5
    assert report["witness"]["W0"] == ["2", "0"]
    assert (report["witness"]["left"], report["witness"]["right"]) == ("18/17", "0")


def test_exact_failing_fraction_text_equals_the_sympy_evaluator(tmp_path):
    report = check(write_json(tmp_path / "c.json", canonical()))
    ours = sympy.sympify(report["failing_fraction_exact"])
    assert sympy.simplify(ours - failing_probability([2, 0], [5, 3])) == 0


def test_gradient_text_equals_the_derivative_of_the_literal_bn_loss():
    ls = learning([[0, 0], [0, 1], [1, 0], [2, 3]], [-3, 0, 2, 1])
    report = check_learning_set(ls)
    ev = Evaluator(ls.X, ls.y)
    grad = ev.bn_gradient([sympy.Rational(v) for v in report["w_star"]])
    assert all(sympy.simplify(sympy.sympify(g) - e) == 0
               for g, e in zip(report["grad_bn_at_w_star"], grad))


@pytest.mark.parametrize("q, text", [(Fraction(8, 9), "2*sqrt(2)/3"), (Fraction(4), "2"),
                                     (Fraction(0), "0"), (Fraction(1, 2), "sqrt(2)/2"),
                                     (Fraction(18 * 7**6), "1029*sqrt(2)")])
def test_square_roots_of_rationals_are_written_exactly(q, text):
    assert surd_text(*sqrt_of(q)) == text
    assert sympy.sympify(text) == sympy.sqrt(sympy.Rational(q.numerator, q.denominator))


# --- agreement with `prove --data` ---------------------------------------------------------------

def _small_sets():
    """(learning set, its golden case name or None). A golden set's `prove` report is the one
    tests/test_golden.py checks byte for byte, computed once per test process (tests/golden.py)."""
    rng = random.Random(7)
    sets = [(canonical(), "canonical"), (load("examples/centered.json"), "centered"),
            (load("examples/decimals.json"), "decimals"),
            (load("examples/collinear.json"), "collinear")]
    for k in range(3):
        X = [[rng.randint(-3, 3) for _ in range(2)] for _ in range(4)]
        sets.append((learning(X, [rng.randint(-3, 3) for _ in range(4)], f"random {k}"), None))
    return sets


@pytest.mark.parametrize("ls, golden", [pytest.param(*case, id=case[0].name) for case in _small_sets()])
def test_check_verdict_agrees_with_prove_data_on_small_sets(ls, golden, tmp_path):
    ours = check(write_json(tmp_path / "set.json", ls), prove=True)
    theirs = prove(ls, samples=0) if golden is None else proved_report(golden)
    assert theirs["proved"]
    assert ours["verdict"] == theirs["verdict"]
    if theirs["verdict"] == "degenerate":
        assert ours["reason"] == theirs["reason"]
        return
    assert ours["w_star"] == theirs["w_star"] and ours["bn_direction"] == theirs["bn_direction"]
    assert abs(ours["failing_fraction"] - theirs["failing_fraction"]) < 1e-12
    assert sympy.simplify(sympy.sympify(ours["failing_fraction_exact"])
                          - sympy.sympify(theirs["failing_fraction_exact"])) == 0
    assert ours["route"]["proved_with_z3"]
    assert {r["name"] for r in ours["route"]["obligations"]} == {r["name"] for r in theirs["obligations"]}


def test_csv_and_json_of_the_same_set_give_the_same_report(tmp_path):
    ls = load("examples/decimals.json")
    a = check(write_json(tmp_path / "d.json", ls))
    b = check(write_csv(tmp_path / "d.csv", ls))
    drop = lambda r: {k: v for k, v in r.items() if k not in ("learning_set", "seconds")}
    assert drop(a) == drop(b)


def test_target_column_is_chosen_by_name(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("y,a,b\n-3,0,0\n0,0,1\n2,1,0\n")
    report = check(str(path), target="y")
    assert report["w_star"] == ["2", "0"] and report["verdict"] == "fails"
    assert report["learning_set"]["features"] == ["a", "b"]


def test_csv_decimals_integers_and_fractions_are_read_exactly(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text('a,b,y\n0.1,"-3/7",2e-3\n  .5 ,4,-0.25\n3.,+2,1/3\n-.5,10,0\n')
    ls = load(str(path))
    assert ls.X == (F("1/10", "-3/7"), F("1/2", 4), F(3, 2), F("-1/2", 10))
    assert ls.y == F("1/500", "-1/4", "1/3", 0)


def test_blocks_with_different_decimal_places_accumulate_exactly(tmp_path, monkeypatch):
    """Streaming in blocks (each block with its own power of ten) gives the statistics of the
    whole set read as Fractions."""
    rng = random.Random(3)
    rows = [[f"{rng.randint(-999, 999) / 10**rng.randint(0, 3)}" for _ in range(4)] for _ in range(50)]
    path = tmp_path / "blocks.csv"
    path.write_text("a,b,c,y\n" + "\n".join(",".join(r) for r in rows) + "\n")
    monkeypatch.setattr(reader, "CHUNK_BYTES", 64)
    streamed = check(str(path))
    exact = exact_statistics(LearningSet(tuple(F(*r[:3]) for r in rows), F(*[r[3] for r in rows]), "x"))
    assert streamed["w_star"] == [str(v) for v in exact.w_star]
    assert streamed["bn_direction"] == [str(v) for v in exact.bn_direction]


# --- degenerate sets ---------------------------------------------------------------------------

DEGENERATE = {
    "singular Gram matrix": ([[1, 2], [2, 4], [3, 6]], [1, 0, 2], "Σ x_i x_iᵀ is singular", None),
    "singular covariance": ([[1, 0], [1, 1], [1, 2]], [0, 1, 3], "covariance Σ is singular", None),
    "W* = 0": ([[1, 0], [0, 1], [1, 1], [2, 1]], [-2, -1, 0, 1], "W* = 0", "holds"),
    "c = 0 (constant targets)": ([[1, 0], [0, 1], [1, 1]], [2, 2, 2], "c = 0", "holds"),
    "dimension 1": ([[1], [2], [3]], [1, 3, 2], "dimension 1", "holds"),
}


@pytest.mark.parametrize("kind", sorted(DEGENERATE))
def test_degenerate_construction_is_named_in_the_reason(kind):
    X, y, reason, decided = DEGENERATE[kind]
    report = check_learning_set(learning(X, y))
    assert report["verdict"] == "degenerate" and reason in report["reason"]
    assert report["decided"] == decided


# --- bad input: exit 2, one line naming the file, nothing written --------------------------------

BAD_CSV = {
    "missing file": (None, [], "no such file"),
    "empty file (malformed CSV)": ("", [], "malformed CSV: no header row"),
    "unterminated quote (malformed CSV)": ('a,b,y\n1,"2,3\n', [], "malformed CSV"),
    "ragged rows": ("a,b,y\n1,2,3\n4,5\n", [], "line 3 has 2 fields, expected 3"),
    "non-number": ("a,b,y\n1,x,3\n4,5,6\n", [], "line 2, column 'b': 'x' is not a number"),
    "NaN": ("a,b,y\n1,nan,3\n4,5,6\n", [], "'nan' is not a finite number"),
    "infinity": ("a,b,y\n1,2,3\n4,-inf,6\n", [], "line 3, column 'b': '-inf' is not a finite number"),
    "overflowing number": ("a,b,y\n1,1e400,3\n4,5,6\n", [], "overflows a double"),
    "overflowing integer": ("a,b,y\n1," + "9" * 400 + ",3\n4,5,6\n", [], "overflows a double"),
    "zero denominator": ("a,b,y\n1,1/0,3\n4,5,6\n", [], "zero denominator"),
    "fewer than 2 points": ("a,b,y\n1,2,3\n", [], "need at least 2 points, got 1"),
    "X and y of different lengths (missing target)": ("a,b,y\n1,2,3\n4,5,\n", [],
                                                      "line 3, column 'y': '' is not a number"),
    "unknown --target column": ("a,b,y\n1,2,3\n4,5,6\n", ["--target", "z"], "no column named 'z'"),
    "underscore digits": ("a,b,y\n1,1_0,3\n4,5,6\n", [], "'1_0' is not a number"),
}


def _run_bad(tmp_path, capsys, name, text, extra):
    path = tmp_path / name
    if text is not None:
        path.write_text(text)
    out = tmp_path / "report.json"
    code = main(["check", str(path), "--output", str(out), *extra])
    err = capsys.readouterr().err
    return code, err, path, out


@pytest.mark.parametrize("kind", sorted(BAD_CSV))
def test_bad_csv_exits_2_with_one_line_naming_the_file(kind, tmp_path, capsys):
    text, extra, message = BAD_CSV[kind]
    code, err, path, out = _run_bad(tmp_path, capsys, "data.csv", text, extra)
    assert code == 2 and err.count("\n") == 1 and str(path) in err and message in err, err
    assert not out.exists()


@pytest.mark.parametrize("kind", sorted(BAD_JSON))
def test_bad_json_exits_2_with_one_line_naming_the_file(kind, tmp_path, capsys):
    text, message = BAD_JSON[kind]
    code, err, path, out = _run_bad(tmp_path, capsys, "data.json", text, [])
    assert code == 2 and err.count("\n") == 1 and str(path) in err and message in err, err
    assert not out.exists()


@pytest.mark.parametrize("name, text, extra, message", [
    ("data.json", '{"X": [[1, 2], [3, 4]], "y": [1, 2]}', ["--target", "y"], "--target applies to CSV"),
    ("data.xlsx", "a,y\n1,2\n3,4\n", [], "unknown file type '.xlsx'"),
    ("data.csv", b"a,y\n1,\xff\n", [], "cannot read"),
])
def test_other_bad_input_exits_2(name, text, extra, message, tmp_path, capsys):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    code = main(["check", str(path), *extra])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and message in err, err


def test_load_dispatches_by_extension(tmp_path):
    assert load(write_csv(tmp_path / "c.csv", canonical())).X == canonical().X
    with pytest.raises(InputError):
        load(str(tmp_path / "c.xlsx"))


# --- the command line ------------------------------------------------------------------------

def test_check_json_has_every_field_of_the_issue(tmp_path, capsys):
    path = write_csv(tmp_path / "c.csv", canonical())
    out = tmp_path / "report.json"
    assert main(["check", path, "--json", "--samples", "2000", "--output", str(out)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"verdict", "reason", "w_star", "bn_direction", "failing_fraction",
            "failing_fraction_exact", "witness", "grad_bn_at_w_star", "intercept", "route",
            "monte_carlo"} <= set(report)
    assert json.loads(out.read_text())["w_star"] == report["w_star"]


def test_holding_set_has_a_reason_and_zero_failing_fraction():
    report = check_learning_set(load("examples/centered.json"))
    assert report["verdict"] == "holds" and "positive multiple" in report["reason"]
    assert report["failing_fraction"] == 0 and report["witness"] is None
    assert report["grad_bn_at_w_star"] == ["0", "0"]


def test_a_wrong_verdict_rule_is_caught_by_the_exact_witness_check(monkeypatch):
    """Mutation: call every set "fails". On a holding set the witness W0 = W* then does not
    violate (L4.5) (left side 0 = right side), and check refuses to report it."""
    import harness.check
    monkeypatch.setattr(harness.check, "positive_factor", lambda u, v: None)
    with pytest.raises(AssertionError, match="does not violate"):
        check_learning_set(load("examples/centered.json"))
