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
