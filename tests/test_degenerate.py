"""Degenerate learning sets (issue 7, item 3): every kind gets obligations of its own, proved and
cross-checked by SymPy, so a degenerate verdict is never only computed and a wrong classification
makes the proof fail."""

import importlib
import inspect
from fractions import Fraction

import pytest

from harness.check import check_learning_set
from harness.cli import main
from harness.learning_set import LearningSet
from harness.prove import prove


def learning(X, y, name="set"):
    return LearningSet(tuple(tuple(Fraction(v) for v in r) for r in X), tuple(Fraction(v) for v in y), name)


DEGENERATE = {
    "gram_singular": (([[1, 2], [2, 4], [3, 6]], [1, 2, 4]), None, ["gram_singular"]),
    "sigma_singular": (([[1, 0], [1, 1], [1, 2]], [1, 2, 4]), None, ["sigma_singular"]),
    "w_star_zero": (([[1, 0], [-1, 0], [0, 1], [0, -1]], [1, 1, 2, 2]), "holds",
                    ["standard_optimum", "lemma_premise_never_met"]),
    "c_zero": (([[0, 0], [0, 1], [1, 0], [1, 1]], [1, 2, 2, 1]), "holds",
               ["bn_loss_constant", "lemma_right_side_nonnegative"]),
    "dimension_1": (([[1], [2], [4]], [1, 3, 2]), "holds",
                    ["bn_loss_locally_constant", "lemma_right_side_nonnegative"]),
}


@pytest.mark.parametrize("kind", sorted(DEGENERATE))
def test_degenerate_verdict_is_proved_and_cross_checked(kind):
    (X, y), decided, names = DEGENERATE[kind]
    report = prove(learning(X, y), samples=0)
    assert report["verdict"] == "degenerate" and report.get("decided") == decided
    assert [r["name"] for r in report["obligations"]] == names
    assert report["proved"] is True
    assert all(r["cross_check"] and r["result"] == r["expected"] for r in report["obligations"])


def test_degenerate_check_prove_proves_its_obligations():
    (X, y), _, names = DEGENERATE["c_zero"]
    route = check_learning_set(learning(X, y), prove=True)["route"]
    assert [r["name"] for r in route["obligations"]] == names and route["proved_with_z3"] is True


def _misclassifying_c(monkeypatch):
    """The classifier mutation of issue 7: `all(v == 0 ...)` -> `any(...)` in the c = 0 test."""
    module = importlib.import_module("harness.statistics")
    source = inspect.getsource(module.degeneracy)
    old = "if all(v == 0 for v in s.c):"
    assert source.count(old) == 1
    namespace = dict(module.__dict__)
    exec(compile(source.replace(old, "if any(v == 0 for v in s.c):"), "mutant", "exec"), namespace)
    monkeypatch.setattr(module, "degeneracy", namespace["degeneracy"])


FAILING = ([[0, 0], [0, 1], [1, 0], [1, 1]], [1, 2, 3, 2])     # fails, fraction 0.5738


def test_failing_set_fails_with_fraction_0_5738():
    report = check_learning_set(learning(*FAILING))
    assert report["verdict"] == "fails" and abs(report["failing_fraction"] - 0.5738) < 1e-4


def test_a_set_misclassified_as_c_zero_fails_the_proof(monkeypatch, tmp_path, capsys):
    _misclassifying_c(monkeypatch)
    report = prove(learning(*FAILING), samples=0)
    assert report["verdict"] == "degenerate"                  # the mutant's wrong verdict ...
    constant = next(r for r in report["obligations"] if r["name"] == "bn_loss_constant")
    assert constant["result"] == "sat" and report["proved"] is False   # ... is not proved
    path = tmp_path / "s.csv"
    path.write_text("x1,x2,y\n0,0,1\n0,1,2\n1,0,3\n1,1,2\n")
    assert main(["check", str(path), "--prove"]) == 1
    assert "CONTRADICTED" in capsys.readouterr().out


def test_an_answer_only_computed_says_so(tmp_path, capsys):
    path = tmp_path / "c.csv"
    path.write_text("x1,x2,y\n0,0,1\n0,1,2\n1,0,2\n1,1,1\n")
    assert main(["check", str(path)]) == 0
    assert "computed, not proved" in capsys.readouterr().out


def test_a_wrong_kernel_vector_makes_the_singular_witness_unsat(monkeypatch):
    import proofs.degenerate as degenerate
    from harness.solver import decide
    (X, y), _, _ = DEGENERATE["gram_singular"]
    ls = learning(X, y)
    claims = degenerate.degenerate_claims(ls.X, ls.y)
    assert decide(degenerate.degenerate_obligations("gram_singular", claims)[0]).result == "sat"
    monkeypatch.setattr(degenerate, "kernel_vector", lambda rows: [Fraction(1), Fraction(0)])
    assert decide(degenerate.degenerate_obligations("gram_singular", claims)[0]).result == "unsat"


def test_a_variant_on_a_degenerate_set_proves_why_it_is_degenerate():
    """`prove --variant` on collinear data runs the same degenerate obligations as `prove`: a
    proved kernel vector of Σ x_i x_iᵀ, never "proved" with no obligation at all."""
    from harness.variants import prove_variant

    ls = LearningSet(X=((Fraction(1), Fraction(2)), (Fraction(2), Fraction(4)),
                        (Fraction(3), Fraction(6))), y=(Fraction(1), Fraction(0), Fraction(2)),
                    name="collinear")
    report = prove_variant(ls, "gamma-beta", samples=0)
    assert report["verdict"] == "degenerate" and report["proved"] is True
    assert [r["name"] for r in report["obligations"]] == ["gram_singular"]
