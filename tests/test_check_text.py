"""The readable output of `bnproof check` and `bnproof prove`: verdict and failing fraction first,
a table with feature names and the target, decimals rounded to 6 significant digits from the
exact values (never through a float), every line within 100 columns, exact values behind
`--exact`; `make prove`'s table within 100 columns too."""

from __future__ import annotations

import json
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from harness.check import check_learning_set
from harness.check_text import check_text, decimal_of_surd, readable
from harness.cli import main
from harness.learning_set import canonical
from harness.numbers import decimal, decimal_of_root

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 100


def write_canonical_csv(path: Path) -> str:
    path.write_text("a,b,price\n0,0,-3\n0,1,0\n1,0,2\n")
    return str(path)


def too_wide(text: str) -> list[str]:
    return [line for line in text.splitlines() if len(line) > WIDTH]


# --- decimals from exact values --------------------------------------------------------------

@pytest.mark.parametrize("value, text", [
    (Fraction(2), "2"), (Fraction(0), "0"), (Fraction(-334567, 1000), "-334.567"),
    (Fraction(1, 3), "0.333333"), (Fraction(2, 3), "0.666667"), (Fraction(12345678), "1.23457e+07"),
    (Fraction(1999999, 2), "1e+06"), (Fraction(-1, 10**300), "-1e-300"), (Fraction(10**400), "1e+400"),
    (Fraction(1, 10**4), "0.0001"), (Fraction(1, 10**5), "1e-05"), (Fraction(123456), "123456"),
])
def test_decimal_rounds_exact_rationals_to_6_significant_digits(value, text):
    assert decimal(value) == text


@given(st.fractions(min_value=-10**12, max_value=10**12, max_denominator=10**12))
def test_decimal_agrees_with_correctly_rounded_floats(q):
    """Away from rounding ties (where half-up and the float's binary value may differ) the exact
    rounding equals Python's %.6g of the correctly rounded double."""
    if q == 0:
        return
    e = 0
    while Fraction(10) ** e > abs(q):
        e -= 1
    while Fraction(10) ** (e + 1) <= abs(q):
        e += 1
    scaled = abs(q) * Fraction(10) ** (5 - e)          # 6 significant digits before the point
    if abs(scaled - int(scaled) - Fraction(1, 2)) < Fraction(1, 10**9):
        return                                         # a tie, or within a double's error of one
    assert float(decimal(q)) == float(f"{float(q):.6g}")


def test_decimal_of_a_surd_is_the_rounded_root():
    assert decimal_of_root(Fraction(-3, 4), 2) == "-1.06066"       # ∇L̂(W*) of the canonical set
    assert decimal_of_surd("-3*sqrt(2)/4") == "-1.06066"
    assert decimal_of_surd("5*sqrt(34)/34") == "0.857493"
    assert decimal_of_surd("sqrt(10000000000)") == "100000"
    assert decimal_of_surd("-2/3") == "-0.666667"


def test_long_exact_numbers_in_sentences_are_rounded_and_marked():
    assert readable("W* = 123456789/987654321·d; rank 6 < 7") == "W* = ≈0.125·d; rank 6 < 7"


# --- check ------------------------------------------------------------------------------------

def test_check_text_puts_verdict_and_failing_fraction_first_and_names_columns(tmp_path, capsys):
    assert main(["check", write_canonical_csv(tmp_path / "c.csv")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "n = 3 points, d = 2 features, target: price"
    assert lines[2].startswith("verdict: (L4.5) fails; failing fraction 0.586010")
    table = "\n".join(lines)
    assert "feature  W*  d = Σ⁻¹c  ∇L̂(W*)" in table
    assert [line.split()[:3] for line in lines if line.split()[:1] in (["a"], ["b"])] == \
        [["a", "2", "5"], ["b", "0", "3"]]
    assert "target: price" in table and "||W0 - Ŵ*||² = 1.05882 > 0" in table


def test_check_exact_prints_the_exact_values(tmp_path, capsys):
    assert main(["check", write_canonical_csv(tmp_path / "c.csv"), "--exact", "--samples", "1000"]) == 0
    out = capsys.readouterr().out
    assert "W*[a] = 2" in out and "d[b] = 3" in out and "∇L̂(W*)[b] = -3*sqrt(2)/4" in out
    assert "left = 18/17 > right = 0" in out and "acos(5*sqrt(34)/34)" in out
    assert "Monte-Carlo" in out


def test_check_without_exact_prints_no_long_exact_number(tmp_path, capsys):
    path = tmp_path / "big.csv"
    path.write_text("a,b,y\n" + "".join(f"{k},{k * k % 7919}.{k % 13},{k ** 3 % 1009}\n"
                                         for k in range(1, 60)))
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert not [w for w in out.split() if sum(ch.isdigit() for ch in w) > 12], out
    assert main(["check", str(path), "--exact"]) == 0
    assert [w for w in capsys.readouterr().out.split() if sum(ch.isdigit() for ch in w) > 12]


def test_check_text_counts_contradicted_obligations():
    report = check_learning_set(canonical())
    report["route"] = {"verdict": "exact + Z3 (partly)", "obligations": [
        {"name": "a", "status": "proved", "result": "unsat", "seconds": 0.1},
        {"name": "b", "status": "CONTRADICTED", "result": "sat", "seconds": 0.1},
        {"name": "c", "status": "computed, not proved", "result": "timeout", "seconds": 5.0}]}
    assert check_text(report).splitlines()[-1].startswith("1/3 obligations proved, 1 CONTRADICTED")


def test_degenerate_text_says_so_without_a_table(capsys):
    assert main(["check", "examples/collinear.json"]) == 0
    out = capsys.readouterr().out
    assert "verdict: degenerate; no verdict on (L4.5)" in out and "d = Σ⁻¹c" not in out


C_ZERO = "x1,x2,y\n0,0,1\n1,0,0\n0,1,0\n1,1,1\n"      # c = 0: (L4.5) holds, decided exactly


@pytest.mark.parametrize("statuses, word", [
    (None, "computed, not proved"),                              # without --prove
    (["proved", "proved"], "proved"),
    (["proved", "computed, not proved"], "computed, not proved"),
    (["proved", "CONTRADICTED"], "CONTRADICTED")])
def test_a_decided_degenerate_verdict_says_proved_only_when_its_obligations_are(
        statuses, word, tmp_path, capsys):
    path = tmp_path / "c_zero.csv"
    path.write_text(C_ZERO)
    assert main(["check", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"] == "degenerate" and report["decided"] == "holds"
    if statuses is not None:
        report["route"]["obligations"] = [
            {"name": f"o{k}", "status": s, "result": "unsat", "seconds": 0.0}
            for k, s in enumerate(statuses)]
    assert f"verdict: degenerate; (L4.5) holds ({word})" in check_text(report)


def test_check_prove_on_a_c_zero_set_proves_its_verdict(tmp_path, capsys):
    path = tmp_path / "c_zero.csv"
    path.write_text(C_ZERO)
    assert main(["check", str(path), "--prove"]) == 0
    out = capsys.readouterr().out
    assert "verdict: degenerate; (L4.5) holds (proved)" in out and "2/2 obligations proved" in out


def test_diabetes_text_fits_100_columns_and_names_every_feature_and_the_target(tmp_path, capsys):
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "examples"))
    import real_data

    names, rows, _ = real_data.diabetes()
    path = tmp_path / "diabetes.csv"
    path.write_text("\n".join([",".join(names), *(",".join(r) for r in rows)]) + "\n")
    assert main(["check", str(path), "--samples", "1000"]) == 0
    out = capsys.readouterr().out
    assert not too_wide(out), too_wide(out)
    lines = out.splitlines()
    assert lines[1] == "n = 442 points, d = 10 features, target: progression"
    table = [line.split()[0] for line in lines if line.split()[:1] and line.split()[0] in names]
    assert table == names[:-1]
    assert "verdict: (L4.5) fails; failing fraction 0.671399" in out


def test_long_feature_names_are_cut_to_keep_100_columns(tmp_path, capsys):
    path = tmp_path / "long.csv"
    path.write_text("a_feature_name_that_goes_on_and_on_and_on_forever,b,y\n0,0,-3\n0,1,0\n1,0,2\n")
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert not too_wide(out) and "a_feature_name_that_goes_on…" in out
    assert main(["check", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["learning_set"]["features"][0].endswith("forever")


# --- prove ------------------------------------------------------------------------------------

def test_make_prove_table_says_all_proved_and_fits_100_columns(capsys):
    assert main(["prove", "--samples", "1000"]) == 0
    out = capsys.readouterr().out
    assert not too_wide(out), too_wide(out)
    assert "verdict: (L4.5) fails" in out
    assert out.rstrip().splitlines()[-1].startswith("all 13 obligations proved and cross-checked")


# --- help -------------------------------------------------------------------------------------

def _help(argv, capsys) -> str:
    with pytest.raises(SystemExit):
        main(argv)
    return " ".join(capsys.readouterr().out.split())


def test_check_help_says_what_prove_runs_at_d_4_and_the_size_limit(capsys):
    from harness.check import PROVE_MAX_ENTRIES

    text = _help(["check", "--help"], capsys)
    assert "at d >= 4" in text and "Σ-orthogonal" in text and f"n·d > {PROVE_MAX_ENTRIES}" in text
    assert "--exact" in text and "--plot" in text


def test_prove_help_gives_the_samples_default(capsys):
    assert "must be >= 0 (default 100000; 0: none)" in _help(["prove", "--help"], capsys)


@pytest.mark.parametrize("argv", [["prove", "--samples", "-1"], ["check", "x.csv", "--samples", "-1"]])
def test_negative_samples_say_must_be_at_least_0(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2 and "'-1' must be >= 0" in capsys.readouterr().err


def test_prove_on_a_degenerate_set_names_the_columns_and_proves_the_cause(capsys):
    assert main(["prove", "--data", "examples/collinear.json"]) == 0
    out = capsys.readouterr().out
    assert "x2 = 2·x1" in out and "all 0 obligations" not in out
    assert "gram_singular" in out
    assert out.rstrip().splitlines()[-1].startswith("all 1 obligations proved and cross-checked")
