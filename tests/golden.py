"""Golden reports: `bnproof prove` on the canonical set and on each examples/*.json, without
timing fields. `python -m tests.golden` rewrites them (`make golden`); tests/test_golden.py
checks that the current code reproduces them byte for byte.

`proved_report(name)` is that report (timing included), computed once per test process and
handed out as a fresh copy: the tests that read a golden set's `prove` report share one run
(`prove` is deterministic, tests/test_determinism.py; nothing is kept across runs)."""

from __future__ import annotations

import copy
import functools
import sys
from pathlib import Path

from harness.learning_set import canonical, load_json
from harness.prove import prove
from harness.report import to_json, without_timing, write_atomically

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = 20_000


def cases() -> dict:
    sets = {"canonical": canonical}
    for path in sorted((ROOT / "examples").glob("*.json")):
        sets[path.stem] = lambda path=path: load_json(str(path.relative_to(ROOT)))
    return sets


@functools.lru_cache(maxsize=None)
def _proved(name: str) -> dict:
    return prove(cases()[name](), samples=SAMPLES)


def proved_report(name: str) -> dict:
    """`prove` of the golden set `name` with SAMPLES Monte-Carlo samples (a copy: mutate freely)."""
    return copy.deepcopy(_proved(name))


def golden_text(name: str) -> str:
    return to_json(without_timing(proved_report(name)))


if __name__ == "__main__":
    for name in cases():
        write_atomically(str(GOLDEN / f"{name}.json"), golden_text(name))
        print(f"wrote tests/golden/{name}.json", file=sys.stderr)
