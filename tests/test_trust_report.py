"""The `bnproof prove` report carries, per obligation, cvc5's answer on the same query and the
solver-free certificate's verdict; a contradicting cvc5 answer or a failing certificate makes
the obligation fail."""

import pytest

import harness.prove
from harness.learning_set import canonical
from harness.prove import prove
from harness.report import prove_table
from tests.golden import proved_report


@pytest.fixture
def canonical_report():
    """prove(canonical(), samples=0): the golden run without its Monte-Carlo field (the sampling
    is a separate task; nothing else in the report depends on it)."""
    report = proved_report("canonical")
    del report["monte_carlo"]
    return report


def test_cvc5_gives_the_expected_answer_on_every_canonical_obligation(canonical_report):
    for row in canonical_report["obligations"]:
        assert row["second_solver"] == row["expected"], row["name"]
        assert row["second_solver_seconds"] < 5


def test_every_canonical_obligation_has_a_certificate_that_holds_in_the_report(canonical_report):
    assert all(row["certificate"] is True for row in canonical_report["obligations"])
    assert canonical_report["proved"]


def test_table_shows_cvc5_and_certificate_columns(canonical_report):
    table = prove_table(canonical_report)
    assert "cvc5" in table.splitlines()[5] and "certificate" in table.splitlines()[5]
    assert "cvc5 gives the expected answer on 13 of 13 obligations" in table
    assert "certificates hold for 13 of 13" in table
    assert table.rstrip().splitlines()[-1].startswith("all 13 obligations proved and cross-checked")


def test_learning_set_without_certificates_reports_none_and_still_rechecks():
    report = proved_report("centered")
    assert report["proved"]
    assert all(r["certificate"] is None for r in report["obligations"])
    assert "no solver-free certificates for this learning set" in prove_table(report)
    assert all(r["second_solver"] == r["expected"] for r in report["obligations"])


def cvc5_answers(answer):
    """harness.prove.second_solver_task replaced by a worker task that answers `answer(ob)`."""
    return lambda ob, timeout_s=30: (lambda: (answer(ob), 0.0, ""), 5.0)


def test_contradicting_second_solver_fails_the_obligation(monkeypatch):
    flip = {"sat": "unsat", "unsat": "sat"}
    monkeypatch.setattr(harness.prove, "second_solver_task", cvc5_answers(lambda ob: flip[ob.expected]))
    report = prove(canonical(), samples=0)
    assert not report["proved"]
    assert "FAILED: standard_optimum" in prove_table(report)


def test_second_solver_timeout_is_reported_and_never_counted_as_agreement(monkeypatch):
    monkeypatch.setattr(harness.prove, "second_solver_task", cvc5_answers(lambda ob: "timeout"))
    report = prove(canonical(), samples=0)
    assert "cvc5 gives the expected answer on 0 of 13 obligations" in prove_table(report)
    assert all(r["second_solver"] == "timeout" for r in report["obligations"])
    assert report["proved"]  # Z3 and the cross-checks still prove it; the report says cvc5 did not


def test_failing_certificate_fails_the_obligation(monkeypatch):
    monkeypatch.setattr(harness.prove, "certificate", lambda name, claims: name != "bn_loss_identity")
    report = prove(canonical(), samples=0)
    assert not report["proved"]
    assert "FAILED: bn_loss_identity" in prove_table(report)


def test_certificate_about_another_w_star_counts_as_failed(canonical_claims):
    import dataclasses

    from harness.trust import certificate
    from tests.conftest import F
    assert certificate("standard_optimum", canonical_claims) is True
    assert certificate("standard_optimum", dataclasses.replace(canonical_claims, w_star=F(2, 1))) is False
