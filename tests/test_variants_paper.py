"""`make paper` macros of the variants: built only from proved reports, one macro per quoted
number, exactly the committed results/variant_macros.tex for the committed values."""

import pytest

from harness.paper import NotProved, parse_macros
from harness.variant_macros import RUNS, variant_macros


def fake_reports(proved=True):
    """Reports with the fields the macros quote (values as `bnproof prove --variant` gives them)."""
    mc = {"estimate": 0.500239, "standard_error": 0.002234}
    line = {"proved": proved, "failing_fraction_exact": "1/2", "monte_carlo": mc, "epsilon": "1/100000",
            "values": {"min_loss": "0", "k_star_sq": "38/9"},
            "obligations": [{"name": "line_lemma_fails_at_w_star", "witness": {"lhs": "18/17", "rhs": "0"}}]}
    eps3 = {"proved": True, "monte_carlo": {"estimate": 0.965676, "standard_error": 0.000813},
            "values": {"k_star_sq": "38/81", "min_loss": "1/81",
                       "w_epsilon": ["3*sqrt(430)/8600", "9*sqrt(430)/43000"]},
            "obligations": [{"name": "eps_lemma_fails_at_w_star",
                             "witness": {"lhs": "8601377/19350000 - sqrt(430)/2150", "rhs": "0"}}]}
    return {"gamma-beta": line, "torch": line,
            "bias": {"proved": True, "w_star": ["5", "3"], "values": {"intercept": "-3"}, "obligations": []},
            "epsilon": {"proved": True, "values": {"k_star_sq": "38/9", "infimum": "16/3 - 2*sqrt(38)/3"},
                        "obligations": []},
            "epsilon-y3": eps3}


def test_macros_are_the_committed_values():
    table = variant_macros(fake_reports())
    committed = parse_macros(open("results/variant_macros.tex", encoding="utf-8").read())
    assert {k: body for k, (body, _) in table.items() if k != "BNVariantObligations"} == \
        {k: v for k, v in committed.items() if k != "BNVariantObligations"}
    assert committed["BNGBLeftAtWstar"] == r"\frac{18}{17}" and committed["BNGBFailProb"] == r"\frac{1}{2}"


def test_no_variant_macros_from_an_unproved_or_missing_report():
    reports = fake_reports()
    reports["torch"] = {**reports["torch"], "proved": False}
    with pytest.raises(NotProved):
        variant_macros(reports)
    with pytest.raises(NotProved):
        variant_macros({k: v for k, v in fake_reports().items() if k != "bias"})
    assert set(RUNS) == set(fake_reports())
