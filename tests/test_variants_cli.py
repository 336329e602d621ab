"""`bnproof prove --variant` and `bnproof check --variant`: flags, exact --epsilon, exit codes,
the report shape of `prove`, and the exact probability with the Monte-Carlo estimate beside it."""

import json
from fractions import Fraction

import pytest

from harness.cli import main, parser

Y3 = "examples/variants/canonical_y_over_3.json"


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_paper_is_the_default_variant():
    assert parser().parse_args(["prove"]).variant == "paper"
    assert parser().parse_args(["check", "x.json"]).variant == "paper"


@pytest.mark.parametrize("text,value", [("1e-5", Fraction(1, 100_000)), ("0.1", Fraction(1, 10)),
                                        ("3/7", Fraction(3, 7))])
def test_epsilon_is_read_as_an_exact_rational(text, value):
    args = parser().parse_args(["prove", "--variant", "epsilon", "--epsilon", text])
    assert args.epsilon == value and isinstance(args.epsilon, Fraction)


@pytest.mark.parametrize("argv", [
    ["prove", "--variant", "epsilon", "--epsilon", "-1"],
    ["prove", "--variant", "epsilon", "--epsilon", "nan"],
    ["prove", "--variant", "epsilon", "--epsilon", "abc"],
    ["prove", "--variant", "relu"],
    ["prove", "--variant", "gamma-beta", "--epsilon", "1e-5"],
    ["check", Y3, "--epsilon", "1e-5"],
])
def test_bad_variant_usage_exits_2_with_one_line(argv, capsys):
    try:
        code, _, err = run(argv, capsys)
    except SystemExit as exc:
        code, err = exc.code, capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1, err


def test_bad_data_with_a_variant_exits_2_naming_the_file(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text('{"X": [[1, 2]], "y": [1]}')
    for argv in (["prove", "--variant", "bias", "--data", str(path)], ["check", str(path), "--variant", "bias"]):
        code, out, err = run(argv, capsys)
        assert code == 2 and str(path) in err and err.count("\n") == 1 and not out


def test_prove_variant_report_has_the_prove_shape_and_an_honest_verdict(capsys, tmp_path):
    target = tmp_path / "report.json"
    code, out, _ = run(["prove", "--variant", "epsilon", "--json", "--output", str(target)], capsys)
    report = json.loads(out)
    assert code == 0 and report["proved"] and json.loads(target.read_text()) == report
    assert report["verdict"] == "no BN optimum" and report["failing_fraction_exact"] is None
    assert report["epsilon"] == "1/100000"
    assert {"name", "statement", "expected", "result", "cross_check", "seconds", "second_solver"} \
        <= set(report["obligations"][0])
    assert [r["result"] for r in report["obligations"]] == [r["expected"] for r in report["obligations"]]


def test_check_epsilon_gives_the_exact_point_optimum_and_no_optimum_on_canonical(capsys):
    code, out, _ = run(["check", Y3, "--variant", "epsilon", "--epsilon", "1/100000", "--json"], capsys)
    report = json.loads(out)
    assert code == 0 and report["verdict"] == "fails" and report["epsilon"] == "1/100000"
    assert report["values"]["w_epsilon"] == ["3*sqrt(430)/8600", "9*sqrt(430)/43000"]
    code, out, _ = run(["check", "examples/centered.json", "--variant", "epsilon"], capsys)
    assert code == 0 and "no BN optimum" in out


def test_check_torch_and_bias_verdicts_with_probability_one_half_and_monte_carlo(capsys):
    code, out, _ = run(["check", "examples/decimals.json", "--variant", "torch", "--samples", "4000",
                        "--json"], capsys)
    report = json.loads(out)
    assert code == 0 and report["failing_fraction_exact"] == "1/2"
    assert abs(report["monte_carlo"]["estimate"] - 0.5) < 4 * report["monte_carlo"]["standard_error"]
    code, out, _ = run(["check", "examples/negative_multiple.json", "--variant", "bias", "--json"], capsys)
    assert json.loads(out)["verdict"] == "holds"
