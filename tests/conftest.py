import os
from fractions import Fraction

import pytest
from hypothesis import settings

from harness.learning_set import canonical
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def canonical_claims():
    ls = canonical()
    return make_claims(ls, exact_statistics(ls))


def F(*values):
    return tuple(Fraction(v) for v in values)


# --- how `make test` spreads the files over its two workers (-n 2 --dist loadgroup
# --no-loadscope-reorder) ---------------------------------------------------------------------
# Each file is one unit of work (its module fixtures are computed once), except the tests marked
# xdist_group("golden"): they read the golden sets' `prove` reports (tests/golden.proved_report,
# computed once per worker process), so they run on one worker with tests/test_golden.py.
# Units start in the order below: the costly ones first, so that the last to start are short and
# both workers finish together; the files that import matplotlib, scikit-learn or dask last,
# since every Z3 check forks its worker process and a fork costs time in proportion to the
# memory of the process that forks.
FIRST = ["golden", "test_check", "test_coq", "test_trust_report", "test_variants_obligations",
         "test_determinism", "test_progress", "test_cli", "test_mutations", "test_statements",
         "test_two_layer", "test_general_report", "test_activations", "test_check_prove",
         "test_canonical_refutation"]
LAST = ["test_reader", "test_fast_path", "test_search", "test_plot", "test_paper",
        "test_check_examples", "test_dask"]


def _group(item) -> str:
    marker = item.get_closest_marker("xdist_group")
    return marker.args[0] if marker is not None else item.path.stem


def _rank(group: str) -> int:
    if group in FIRST:
        return FIRST.index(group)
    return len(FIRST) + 1 + LAST.index(group) if group in LAST else len(FIRST)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.path.stem))
    items.sort(key=lambda item: _rank(_group(item)))      # stable: a file keeps its order
