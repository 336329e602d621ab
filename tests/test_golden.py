"""The reports of `bnproof prove` on the canonical set and the examples are the golden ones."""

import os

import pytest

from tests.golden import GOLDEN, cases, golden_text


@pytest.mark.parametrize("name", sorted(cases()))
def test_report_matches_golden_file(name):
    os.chdir(GOLDEN.parent.parent)
    assert golden_text(name) == (GOLDEN / f"{name}.json").read_text(encoding="utf-8"), \
        "report changed: review, then `make golden`"


def test_golden_check_can_fail(tmp_path):
    assert golden_text("canonical").replace('"fails"', '"holds"') != \
        (GOLDEN / "canonical.json").read_text(encoding="utf-8")
