"""Determinism: two runs of `bnproof prove` give the same report apart from timing fields
(keys named `seconds` or ending in `_seconds`), even with different string-hash seeds: a
`bnproof prove --json` process with a hash seed of its own against the run of this test process
(tests/golden.proved_report: the same set, the same Monte-Carlo samples)."""

import json
import os
import subprocess
import sys

from harness.report import without_timing
from tests.golden import SAMPLES, proved_report


def test_two_prove_runs_give_identical_reports_apart_from_timing():
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"    # not this process's seed
    run = subprocess.run([sys.executable, "-m", "harness.cli", "prove", "--json",
                          "--samples", str(SAMPLES)], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONHASHSEED": seed})
    assert run.returncode == 0, run.stderr
    first, second = proved_report("canonical"), json.loads(run.stdout)
    assert first["proved"] and second["seconds"] > 0 and second["monte_carlo"]["samples"] == SAMPLES
    assert without_timing(first) == without_timing(second)
    assert json.dumps(without_timing(first)) == json.dumps(without_timing(second))  # key order too


def test_only_timing_fields_are_ignored():
    report = {"seconds": 1.0, "verdict": "fails",
              "obligations": [{"name": "a", "seconds": 0.1, "cross_check_seconds": 0.2,
                               "witness": {"W0_1": "1"}}]}
    retimed = {**report, "seconds": 9.0,
               "obligations": [{**report["obligations"][0], "seconds": 5.0, "cross_check_seconds": 7.0}]}
    assert without_timing(report) == without_timing(retimed)
    changed = {**report, "obligations": [{**report["obligations"][0], "witness": {"W0_1": "2"}}]}
    assert without_timing(report) != without_timing(changed)
    assert without_timing({**report, "seconds_total": 1}) != without_timing(report)
