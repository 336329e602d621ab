"""`bnproof prove`: exit codes, JSON shape, and bad input (exit 2, one line, nothing written)."""

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from harness.cli import main

BAD_INPUTS = {
    "missing file": (None, "no such file"),
    "malformed JSON": ('{"X": [[1, 2]', "malformed JSON"),
    "ragged rows": ('{"X": [[1, 2], [3]], "y": [1, 2]}', "row 2 of X has 1 entries, expected 2"),
    "non-number": ('{"X": [[1, "a"], [3, 4]], "y": [1, 2]}', "row 1, column 2: 'a' is not a number"),
    "NaN": ('{"X": [[1, NaN], [3, 4]], "y": [1, 2]}', "NaN is not a finite number"),
    "infinity string": ('{"X": [[1, "inf"], [3, 4]], "y": [1, 2]}', "is not a finite number"),
    "overflowing number": ('{"X": [[1, 1e400], [3, 4]], "y": [1, 2]}', "overflows a double"),
    "zero denominator": ('{"X": [[1, "1/0"], [3, 4]], "y": [1, 2]}', "zero denominator"),
    "fewer than 2 points": ('{"X": [[1, 2]], "y": [1]}', "need at least 2 points"),
    "length mismatch": ('{"X": [[1, 2], [3, 4]], "y": [1]}', "X has 2 rows but y has 1 entries"),
    "boolean entry": ('{"X": [[1, true], [3, 4]], "y": [1, 2]}', "true is not a number"),
    "not an object": ("[1, 2]", 'expected an object with keys "X" and "y"'),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_data_exits_2_with_one_line_naming_the_file(kind, tmp_path, capsys):
    text, message = BAD_INPUTS[kind]
    path = tmp_path / "data.json"
    if text is not None:
        path.write_text(text)
    out = tmp_path / "report.json"
    code = main(["prove", "--data", str(path), "--output", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and str(path) in err and message in err, err
    assert not out.exists()


def test_bad_usage_exits_2(capsys):
    assert _exit_code(["prove", "--timeout", "-1"]) == 2
    assert _exit_code(["frobnicate"]) == 2


def _exit_code(argv):
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code


@pytest.fixture(scope="module")
def prove_json_run(tmp_path_factory):
    """`bnproof prove --json --samples 1000 --output FILE`, run once for the two tests below:
    (exit code, what it printed, what it wrote)."""
    out = tmp_path_factory.mktemp("prove") / "report.json"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(["prove", "--json", "--samples", "1000", "--output", str(out)])
    return code, printed.getvalue(), out.read_text()


def test_prove_json_has_the_report_shape(prove_json_run):
    code, printed, _ = prove_json_run
    assert code == 0
    report = json.loads(printed)
    assert report["verdict"] == "fails"
    assert {"learning_set", "verdict", "obligations", "w_star", "bn_direction",
            "failing_fraction", "failing_fraction_exact", "monte_carlo"} <= set(report)
    for row in report["obligations"]:
        assert {"name", "statement", "expected", "result", "cross_check", "witness", "seconds"} <= set(row)
        assert row["expected"] in ("sat", "unsat")
        assert row["result"] == row["expected"] and row["cross_check"] is True


def test_prove_writes_the_same_json_it_prints(prove_json_run):
    code, printed, written = prove_json_run
    assert code == 0 and json.loads(written)["obligations"]
    assert written == printed             # byte for byte


def z3_answers(outcome):
    """harness.prove.decide_all with every Z3 answer replaced by `outcome` (cvc5 still runs)."""
    from harness.solver import run_in_workers

    def decide_all(obligations, timeout_s, also=(), meanwhile=(), then=(), early=None):
        if early is not None:
            early[0]()                    # warmup: what the cross-checks need
        tasks = [task for task, _ in also] + [lambda task=item[1]: task(outcome) for item in then]
        limits = [limit for _, limit in also] + [item[2] for item in then]
        return [outcome for _ in obligations] + run_in_workers(tasks, limits, meanwhile=meanwhile)
    return decide_all


def test_timeout_is_a_failure_with_exit_1(monkeypatch, capsys):
    import harness.prove
    from harness.solver import Outcome
    monkeypatch.setattr(harness.prove, "decide_all", z3_answers(Outcome("timeout", 1.0, reason="timeout")))
    assert main(["prove", "--samples", "0"]) == 1
    assert "FAILED" in capsys.readouterr().out


def test_unknown_is_a_failure_with_exit_1(monkeypatch, capsys):
    import harness.prove
    from harness.solver import Outcome
    monkeypatch.setattr(harness.prove, "decide_all", z3_answers(Outcome("unknown", 1.0, reason="incomplete")))
    assert main(["prove", "--json", "--samples", "0"]) == 1
    rows = json.loads(capsys.readouterr().out)["obligations"]
    assert all(r["result"] == "unknown" and r["cross_check"] is None      # not run
               and r["status"] == "computed, not proved" and r["reason"] == "incomplete" for r in rows)


def test_degenerate_set_is_reported_with_a_reason(capsys):
    assert main(["prove", "--json", "--data", "examples/collinear.json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verdict"] == "degenerate" and "singular" in report["reason"]


def test_console_script_runs_without_traceback_on_missing_file(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "harness.cli", "prove", "--data", str(tmp_path / "nope.json")],
                          capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_version_is_the_package_version(capsys):
    from importlib.metadata import version
    assert _exit_code(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"bnproof {version('bnproof')}"


@pytest.mark.parametrize("argv, message", [
    (["prove", "--timeout", "inf"], "must be finite"),
    (["prove", "--timeout", "nan"], "must be positive"),
])
def test_non_finite_timeout_is_bad_usage(argv, message, capsys):
    assert _exit_code(argv) == 2 and message in capsys.readouterr().err


def test_output_that_is_a_directory_or_in_a_missing_folder_exits_2(tmp_path, capsys):
    assert main(["prove", "--output", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert main(["check", "examples/centered.json", "--output", str(tmp_path / "no" / "r.json")]) == 2
    assert "does not exist" in capsys.readouterr().err and not (tmp_path / "no").exists()


def test_deeply_nested_json_is_bad_input_not_a_crash(tmp_path, capsys):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000)
    assert main(["prove", "--data", str(path)]) == 2
    assert "nested too deeply" in capsys.readouterr().err


def test_degenerate_check_does_not_claim_a_bn_ray(capsys):
    assert main(["check", "examples/collinear.json"]) == 0
    assert "BN optima = {t·d" not in capsys.readouterr().out
