"""Golden reports: `bnproof prove` on the canonical set and on each examples/*.json, without
timing fields. `python -m tests.golden` rewrites them (`make golden`); tests/test_golden.py
checks that the current code reproduces them byte for byte."""

from __future__ import annotations

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


def golden_text(name: str) -> str:
    return to_json(without_timing(prove(cases()[name](), samples=SAMPLES)))


if __name__ == "__main__":
    for name in cases():
        write_atomically(str(GOLDEN / f"{name}.json"), golden_text(name))
        print(f"wrote tests/golden/{name}.json", file=sys.stderr)
