"""Determinism: two runs of `bnproof prove --json` give the same report apart from timing fields
(keys named `seconds` or ending in `_seconds`), even with different string-hash seeds."""

import json
import os
import subprocess
import sys

from harness.report import without_timing


def prove_json(*hash_seeds: str) -> list[dict]:
    """The reports of `bnproof prove --json` run once per hash seed, the runs side by side."""
    runs = [subprocess.Popen([sys.executable, "-m", "harness.cli", "prove", "--json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}) for seed in hash_seeds]
    reports = []
    try:
        for run in runs:
            out, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
            reports.append(json.loads(out))
    finally:
        for run in runs:
            run.kill()                    # only one still running (a timeout): no orphan
            run.wait()
    return reports


def test_two_prove_runs_give_identical_reports_apart_from_timing():
    first, second = prove_json("1", "2")
    assert first["proved"] and first["seconds"] > 0
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
