import os
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import settings

from harness.learning_set import canonical
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# `make test` runs one pytest worker per core (pytest-xdist), so each worker decides its Z3
# checks one at a time (harness/solver.JOBS; set before harness.solver is imported): a second
# solver worker per check would only cost a fork. tests/test_solver_worker.py runs two.
if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ.setdefault("BNPROOF_JOBS", "1")


@pytest.fixture(scope="session")
def canonical_claims():
    ls = canonical()
    return make_claims(ls, exact_statistics(ls))


def F(*values):
    return tuple(Fraction(v) for v in values)



# --- how `make test` spreads the tests over its two workers (-n 2 --dist loadfile
# --no-loadscope-reorder) -----------------------------------------------------------------------
# Each file is one unit of work (its module fixtures are computed once; the Coq files share a
# build folder), except that the files reading the golden sets' `prove` reports
# (tests/golden.proved_report, computed once per worker process) form one unit with
# tests/test_golden.py. Units start in the order below: the costly ones first, so that the last
# to start are short and both workers finish together; the files that import matplotlib,
# scikit-learn or dask last, since every Z3 check forks a worker process and a fork costs time in
# proportion to the memory of the process that forks; and at the very end the files of a fraction
# of a second with no solver call, which fill in while the other worker ends its last file.
GOLDEN_READERS = ["test_golden", "test_check", "test_trust_report", "test_mutations",
                  "test_canonical_refutation", "test_determinism"]   # not test_paper: it imports matplotlib (last)
FIRST = ["test_golden", "test_check", "test_coq", "test_variants_obligations", "test_determinism",
         "test_progress", "test_cli", "test_statements", "test_check_prove", "test_activations",
         "test_general_report", "test_two_layer"]
LAST = ["test_search", "test_plot", "test_paper", "test_dask", "test_check_text",
        "test_check_examples", "test_reader", "test_fast_path", "test_statement_strength",
        "test_docs", "test_status_words", "test_theorem_macros", "test_variants_paper",
        "test_lemma_gram", "test_numbers", "test_packaging", "test_evaluator",
        "test_encoding_helpers"]


def _rank(stem: str) -> int:
    if stem in FIRST:
        return FIRST.index(stem)
    return len(FIRST) + 1 + LAST.index(stem) if stem in LAST else len(FIRST)


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: _rank(item.path.stem))     # stable: a file keeps its order


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class GoldenReadersTogether(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return "golden readers" if Path(path).stem in GOLDEN_READERS else path

    return GoldenReadersTogether(config, log)
