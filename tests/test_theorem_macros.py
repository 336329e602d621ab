"""`make paper`'s macros of the general theorems (results/theorem_macros.tex) come from a proved
report of the current theorems (results/theorems.json, written by `make theorems`), never from
a stale or unproved one."""

import pytest

from harness.paper import NotProved, parse_macros
from harness.theorem_macros import current_names, theorem_macros, write_theorem_macros
from harness.theorems import cvc5_attempted


def report(names, status="proved"):
    rows = [{"name": n, "method": "sympy" if n.startswith("id") else "z3", "expected": "unsat",
             "second_solver": "unsat", "status": status} for n in names]
    return {"theorems": rows, "proved": status == "proved"}


def test_committed_macros_count_the_current_theorems():
    from proofs.general import general_obligations

    names = current_names()
    committed = parse_macros(open("results/theorem_macros.tex", encoding="utf-8").read())
    z3_names = [ob.name for ob in general_obligations()]
    assert committed["BNTheoremsProved"] == str(len(names))
    assert committed["BNTheoremsSMT"] == str(len(z3_names))
    assert committed["BNTheoremsSymPy"] == str(len(names) - len(z3_names))
    assert committed["BNTheoremsCvc"] == str(sum(map(cvc5_attempted, z3_names)))


def test_macros_of_a_proved_report():
    macros = theorem_macros(report(["a", "b", "id_c"]), ["a", "b", "id_c"])
    assert {k: v for k, (v, _) in macros.items()} == {
        "BNTheoremsProved": "3", "BNTheoremsSMT": "2", "BNTheoremsSymPy": "1", "BNTheoremsCvc": "2"}


@pytest.mark.parametrize("names, status", [(["a"], "proved"),                  # stale: a row missing
                                           (["a", "b"], "computed, not proved"),
                                           (["a", "b"], "CONTRADICTED")])
def test_no_macros_from_a_stale_or_unproved_report(names, status):
    with pytest.raises(NotProved):
        theorem_macros(report(names, status), ["a", "b"])


def test_no_macros_without_the_report(tmp_path):
    with pytest.raises(NotProved, match="run make theorems"):
        write_theorem_macros(tmp_path, tmp_path / "theorems.json")
    assert not (tmp_path / "theorem_macros.tex").exists()
