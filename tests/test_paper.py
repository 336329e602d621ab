"""`make paper`: the macros are the report's exact values, and nothing is quoted from a report
that is not a proved refutation.

The macro bodies are read back into exact SymPy numbers by a small LaTeX reader written here
(not sympy.latex in reverse), so a macro that names the wrong value, or a report value that
changed, makes these tests fail.
"""

import copy
import re

import pytest
import sympy
from sympy import Rational, acos, pi, sqrt

from harness.paper import (NotProved, example_points, macros, macros_tex, parse_macros,
                           write_all)
from tests.golden import proved_report


@pytest.fixture(scope="module")
def report():
    return proved_report("canonical")    # prove(canonical(), samples=20_000), shared (tests/golden.py)


def latex_value(body: str):
    """The exact value of a macro body: a number, or a tuple for \\left(a, b\\right)."""
    text = body.replace(r"\left(", "(").replace(r"\right)", ")").replace(r"\pi", " pi ")
    text = text.replace(r"\arccos", "acos").replace(r"\sqrt", "sqrt")
    while True:  # innermost first: \frac{A}{B} -> ((A)/(B)), sqrt{A} -> sqrt(A), acos{A} -> acos(A)
        step = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"((\1)/(\2))", text)
        step = re.sub(r"(sqrt|acos)\{([^{}]*)\}", r"\1(\2)", step)
        if step == text:
            break
        text = step
    assert "\\" not in text, f"unread LaTeX in {body!r}"
    from sympy.parsing.sympy_parser import (implicit_multiplication, parse_expr,
                                            standard_transformations)
    value = parse_expr(text, transformations=standard_transformations + (implicit_multiplication,),
                       evaluate=True)
    return tuple(value) if isinstance(value, tuple) else value


def same(a, b) -> bool:
    if isinstance(a, tuple) or isinstance(b, tuple):
        return isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b) and all(
            same(x, y) for x, y in zip(a, b))
    return sympy.simplify(sympy.sympify(a) - sympy.sympify(b)) == 0


def from_report(report) -> dict:
    """What each report-sourced macro must equal, read straight from the report's fields."""
    rows = {r["name"]: r for r in report["obligations"]}
    witness = rows["negated_lemma"]["witness"]
    at_w_star = rows["lemma_fails_at_w_star"]["witness"]
    mc = report["monte_carlo"]
    return {
        "BNWstar": tuple(Rational(v) for v in report["w_star"]),
        "BNDirection": tuple(Rational(v) for v in report["bn_direction"]),
        "BNWitnessWzero": tuple(Rational(witness[f"W0_{k + 1}"]) for k in range(len(report["w_star"]))),
        "BNWitnessLeft": sympy.sympify(witness["lhs"]),
        "BNWitnessRight": sympy.sympify(witness["rhs"]),
        "BNWstarLeft": sympy.sympify(at_w_star["lhs"]),
        "BNWstarRight": sympy.sympify(at_w_star["rhs"]),
        "BNFailProb": sympy.sympify(report["failing_fraction_exact"]),
        "BNObligations": len(report["obligations"]),
        "BNMonteCarloSamples": mc["samples"],
        "BNMonteCarloAdmissible": mc["admissible"],
    }


def mismatches(tex: str, report) -> list[str]:
    parsed = parse_macros(tex)
    bad = [name for name, want in from_report(report).items()
           if name not in parsed or not same(latex_value(parsed[name]), want)]
    mc = report["monte_carlo"]
    for name, value in (("BNMonteCarlo", mc["estimate"]), ("BNMonteCarloStdErr", mc["standard_error"])):
        if abs(float(parsed.get(name, "nan")) - value) > 5e-5:
            bad.append(name)
    return bad


# The facts of docs/spec.md §4 and §5 for the canonical set, written by hand.
PAPER_FACTS = {
    "BNWstar": (2, 0),
    "BNStdLossAtWstar": 3,
    "BNDirection": (5, 3),
    "BNMinLoss": (16 - 2 * sqrt(38)) / 3,
    "BNLossAtWstar": (16 - 7 * sqrt(2)) / 3,
    "BNGradAtWstar": (0, -3 * sqrt(2) / 4),
    "BNWstarLeft": Rational(18, 17),
    "BNWstarRight": 0,
    "BNAngle": acos(5 / sqrt(34)),
    "BNFailProb": Rational(1, 2) + acos(5 / sqrt(34)) / (2 * pi),
}


def test_macros_equal_the_report_values(report, canonical_claims):
    tex = macros_tex(macros(report, canonical_claims), "test")
    assert mismatches(tex, report) == []


def test_macros_equal_the_facts_of_paper_md(report, canonical_claims):
    parsed = parse_macros(macros_tex(macros(report, canonical_claims), "test"))
    wrong = {name: parsed.get(name) for name, fact in PAPER_FACTS.items()
             if not same(latex_value(parsed[name]), fact)}
    assert wrong == {}
    assert parsed["BNFailProbApprox"] == "0.5860" and parsed["BNAngleDegrees"] == "30.96"
    # the witness's two sides are those of (L4.5) at W0 = (1, 0): 9/34 > 0
    assert latex_value(parsed["BNWitnessLeft"]) > latex_value(parsed["BNWitnessRight"])


def test_a_mutated_report_value_or_macro_fails_the_check(report, canonical_claims):
    tex = macros_tex(macros(report, canonical_claims), "test")
    mutated = copy.deepcopy(report)
    mutated["w_star"] = ["3", "0"]
    next(r for r in mutated["obligations"] if r["name"] == "lemma_fails_at_w_star")["witness"]["lhs"] = "19/17"
    assert mismatches(tex, mutated) == ["BNWstar", "BNWstarLeft"]
    edited = tex.replace(r"\newcommand{\BNDirection}{\left(5, 3\right)}",
                         r"\newcommand{\BNDirection}{\left(5, 2\right)}")
    assert edited != tex and mismatches(edited, report) == ["BNDirection"]
    # a report whose W* is not the proved claim's is refused, not quoted
    with pytest.raises(NotProved):
        macros(mutated, canonical_claims)


def test_macro_names_are_letters_only_and_every_line_parses(report, canonical_claims):
    tex = macros_tex(macros(report, canonical_claims), "test")
    defined = [line for line in tex.splitlines() if line.startswith(r"\newcommand")]
    parsed = parse_macros(tex)
    assert len(parsed) == len(defined) >= 19
    assert all(re.fullmatch(r"BN[A-Za-z]+", name) for name in parsed)
    assert all(body.count("{") == body.count("}") for body in parsed.values())


def test_no_paper_output_from_an_unproved_report(report, canonical_claims, tmp_path):
    for change in ({"proved": False}, {"verdict": "holds"}):
        with pytest.raises(NotProved):
            write_all({**report, **change}, canonical_claims, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_examples_table_is_read_defensively(tmp_path):
    path = tmp_path / "examples.md"
    assert example_points(path) == []  # absent
    path.write_text(
        "# Examples\n\nSome text | with a bar.\n\n"
        "| dataset | n | d | verdict | failing fraction | time (s) |\n"
        "|---|---|---|---|---|---|\n"
        "| `iris` | 150 | 4 | fails | 1/2 + φ/(2π) ≈ 0.6234 | 1.2 |\n"
        "| centered | 4 | 2 | holds | 0 | 0.3 |\n"
        "| diabetes | 442 | 10 | degenerate | - | 0.1 |\n"
        "| broken | 3 |\n"
        "| odd | 3 | 2 | fails | 1.7 | 0.2 |\n"
        "\nafter the table | not a row\n", encoding="utf-8")
    points = [(name, verdict, str(f)) for name, verdict, f in example_points(path)]
    assert points == [("iris", "fails", "3117/5000"), ("centered", "holds", "0")]
    path.write_bytes(b"\xff\xfe garbage")
    assert example_points(path) == []


def test_paper_outputs_are_complete_and_byte_identical_across_runs(report, canonical_claims,
                                                                    tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    names = [p.name for p in write_all(report, canonical_claims, first)]
    write_all(report, canonical_claims, second)
    assert sorted(names) == sorted(p.name for p in first.iterdir()) == [
        "failing_fraction.pdf", "failing_fraction.png", "landscape.pdf", "landscape.png",
        "macros.tex"]
    differ = [n for n in names if (first / n).read_bytes() != (second / n).read_bytes()]
    assert differ == []
    pdf = (first / "landscape.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"CreationDate" not in pdf
    assert (first / "landscape.png").read_bytes().startswith(b"\x89PNG")


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    from harness import paper, report

    target = tmp_path / "macros.tex"
    target.write_text("old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(report.os, "replace", broken_replace)
    with pytest.raises(OSError):
        paper.write_atomically(target, b"new")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["macros.tex"]


@pytest.mark.filterwarnings("ignore:'harness.paper' found in sys.modules:RuntimeWarning")
def test_make_paper_runs_the_module_main_so_a_missing_theorems_report_is_a_note(monkeypatch):
    """`python -m harness.paper` (make paper) must run harness.paper.main, not a second copy of
    the module under __main__: theorem_macros raises harness.paper.NotProved, which __main__'s
    own copy of the class would not catch (a fresh clone, without results/theorems.json, then
    ended in a traceback)."""
    import runpy

    import harness.paper

    calls = []
    monkeypatch.setattr(harness.paper, "main", lambda argv=None: calls.append(argv) or 0)
    with pytest.raises(SystemExit) as done:
        runpy.run_module("harness.paper", run_name="__main__")
    assert done.value.code == 0 and len(calls) == 1
