"""`bnproof theorems`: the report shape of `bnproof prove`, the committed SMT-LIB2 files of the
general obligations, and the command line (quick set: k = 2, 3)."""

import contextlib
import io
import json

import pytest
import z3

from harness.cli import main
from harness.smt2 import status, to_smt2
from harness.solver import decide_all
from harness.theorems import SMT2_DIR, _status_fields, cvc5_attempted, is_zero, smt2_files
from proofs.general import general_obligations
from proofs.obligation import Obligation


def test_committed_general_smt2_files_are_up_to_date():
    """Regenerated in memory, byte for byte the files under proofs/smt2/general/ (run
    `make smt2-general`)."""
    files = smt2_files()
    assert sorted(p.name for p in SMT2_DIR.glob("*.smt2")) == sorted(files)
    for name, text in files.items():
        assert (SMT2_DIR / name).read_bytes() == text.encode("utf-8"), f"{name} is stale: run make smt2-general"
        assert status(text) == "unsat"


def test_general_smt2_file_is_equivalent_to_the_obligation_query():
    obligations = general_obligations((2,), ())
    same = [Obligation(f"{ob.name}_roundtrip", "file = query", "unsat",
                       (z3.Not(z3.And(*ob.query) == z3.And(*z3.parse_smt2_string(to_smt2(ob)))),))
            for ob in obligations]
    for ob, outcome in zip(obligations, decide_all(same, timeout_s=10)):   # one worker process
        assert outcome.result == "unsat", ob.name


@pytest.fixture(scope="module")
def quick_run():
    """`bnproof theorems --quick --json` with a smaller quick set (k = 2; SOS for k = 2, 3), run
    once for the two tests below: (exit code, the JSON report it printed)."""
    import harness.theorems as module
    small = {"dimensions": (2,), "data_sizes": ((3, 2),), "sos_dimensions": (2, 3), "angles": ()}
    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(printed):
        mp.setattr(module, "QUICK", small)
        code = main(["theorems", "--quick", "--json"])
    return code, json.loads(printed.getvalue())


def test_quick_report_has_the_prove_row_shape_and_everything_is_proved(quick_run):
    _, report = quick_run
    assert report["proved"]
    for row in report["theorems"]:
        assert {"name", "statement", "expected", "result", "status", "seconds", "second_solver"} <= set(row)
        assert row["status"] == "proved"
        if row["method"] == "z3":
            assert row["second_solver"] == "unsat"     # cvc5 decides every k = 2 query


def test_status_words_mean_what_they_say():
    status = lambda expected, result, cvc5=None: _status_fields(expected, result, None, cvc5)["status"]
    assert status("unsat", "unsat", "unsat") == "proved"
    assert status("unsat", "unsat", "timeout") == "proved"       # not rechecked, not a failure
    assert status("unsat", "unsat", "sat") == "CONTRADICTED"     # cvc5 disagrees
    assert status("unsat", "sat") == "CONTRADICTED"
    assert status("unsat", "vacuous") == "computed, not proved"  # no proof, no counterexample
    assert _status_fields("unsat", "vacuous", "premises unsat")["reason"] == "premises unsat"
    assert status("unsat", "timeout") == "computed, not proved"
    assert status("identity", "not an identity") == "CONTRADICTED"


def test_cvc5_is_skipped_only_where_it_times_out():
    assert cvc5_attempted("general_bn_ray_is_global_minimum_k2")
    assert not cvc5_attempted("general_bn_ray_is_global_minimum_k3")
    assert not cvc5_attempted("general_bn_cs_equality_on_line_k4")
    assert cvc5_attempted("general_failure_region_necessary")


def test_is_zero_is_exact_polynomial_arithmetic():
    import sympy
    x, y = sympy.symbols("x y")
    assert is_zero((x + y) ** 2 - x ** 2 - 2 * x * y - y ** 2)
    assert not is_zero((x + y) ** 2 - x ** 2 - y ** 2)
    assert is_zero(sympy.Integer(0)) and not is_zero(sympy.Rational(1, 10**30))


def test_cli_theorems_quick_json_exits_0(quick_run):
    code, report = quick_run
    assert code == 0
    assert report["proved"] and {r["status"] for r in report["theorems"]} == {"proved"}
    assert any(r["name"] == "general_bn_lagrange_identity_k2" for r in report["theorems"])


def test_cli_theorems_rejects_a_bad_timeout(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["theorems", "--timeout", "-1"])
    assert exc.value.code == 2
    assert "must be positive" in capsys.readouterr().err
