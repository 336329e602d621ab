"""Third mutmut run over proofs/degenerate.py: each test fails on a surviving mutant that is
observable and passes on the original (docs/mutation-testing.md, "Third run: proofs/degenerate.py").

No solver call: the survivors that change a query are equivalent (argued in the docs); the ones
killed here break what the report of a degenerate set shows on a valid input."""

import pytest

from harness.report import obligations_section, wrap
from harness.statistics import exact_statistics, standard_loss_at_w_star
from proofs.degenerate import degenerate_claims, degenerate_obligations
from tests.test_degenerate import DEGENERATE, learning


@pytest.mark.parametrize("kind", sorted(DEGENERATE))
def test_the_prove_report_of_a_degenerate_set_states_the_claim_of_each_obligation(kind):
    """`prove --data` prints each obligation's statement under its row (harness/report.py): a
    statement that is not text (None) ends the report in a traceback on a valid learning set."""
    (X, y), _, names = DEGENERATE[kind]
    ls = learning(X, y)
    stats = exact_statistics(ls)
    assert stats.degenerate_kind == kind
    loss = None if stats.w_star is None else standard_loss_at_w_star(stats)
    obligations = degenerate_obligations(kind, degenerate_claims(ls.X, ls.y, stats.w_star, loss))
    assert [ob.name for ob in obligations] == names
    rows = [{"name": ob.name, "statement": ob.statement, "expected": ob.expected,
             "result": ob.expected, "status": "proved", "cross_check": True, "seconds": 0.0,
             "certificate": None, "witness": None} for ob in obligations]
    text = obligations_section({"obligations": rows, "seconds": 0.0})
    for ob in obligations:
        assert isinstance(ob.statement, str) and ob.statement.strip()
        assert wrap(ob.statement, "    ", "    ") in text
