"""Determinism: two runs of `bnproof prove --json` give the same report apart from timing fields
(keys named `seconds` or ending in `_seconds`), even with different string-hash seeds."""

import json
import os
import subprocess
import sys

from harness.report import without_timing


def prove_json(hash_seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run([sys.executable, "-m", "harness.cli", "prove", "--json"],
                          capture_output=True, text=True, env=env, timeout=120, check=True)
    return json.loads(done.stdout)


def test_two_prove_runs_give_identical_reports_apart_from_timing():
    first, second = prove_json("1"), prove_json("2")
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
