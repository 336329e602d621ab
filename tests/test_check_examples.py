"""The real-data table results/examples.md (make examples) is a golden output: re-checking every
bundled data set gives the verdict and failing fraction written there."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# scikit-learn is imported by the tests, not at collection (a worker's memory makes its forks slower)
if importlib.util.find_spec("sklearn") is None:
    pytest.skip("could not import 'sklearn'", allow_module_level=True)
sys.path.insert(0, str(ROOT / "examples"))
import real_data  # noqa: E402

from harness.check import check  # noqa: E402


def golden_rows() -> dict[str, list[str]]:
    rows = {}
    for line in (ROOT / "results" / "examples.md").read_text().splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 6 and cells[1].isdigit():
            rows[cells[0]] = cells
    return rows


def test_examples_table_matches_a_fresh_check_of_every_bundled_data_set(tmp_path):
    golden = golden_rows()
    sets = real_data.datasets()
    assert len(golden) == len(sets)
    for k, (names, data, label) in enumerate(sets):
        path = tmp_path / f"set{k}.csv"
        path.write_text("\n".join([",".join(f'"{n}"' for n in names),
                                   *(",".join(r) for r in data)]) + "\n")
        report = check(str(path))
        _, n, d, verdict, fraction, _ = golden[label]
        assert (report["learning_set"]["n"], report["learning_set"]["d"]) == (int(n), int(d))
        assert report["verdict"] == verdict
        assert f"{report['failing_fraction']:.4f}" == fraction


def test_make_examples_rewrites_the_table_only_when_its_content_changes(tmp_path, monkeypatch, capsys):
    """No timings in the table, so a second run finds the same text and leaves the file alone."""
    import os

    canonical_csv = (["a", "b", "y"], [["0", "0", "-3"], ["0", "1", "0"], ["1", "0", "2"]], "canonical")
    monkeypatch.setattr(real_data, "datasets", lambda: [canonical_csv])
    out = tmp_path / "examples.md"
    real_data.main(str(out))
    text = out.read_text()
    assert "| canonical | 3 | 2 | fails | 0.5860 | 13/13 |" in text and "time (s)" not in text
    os.utime(out, ns=(0, 0))
    real_data.main(str(out))
    assert out.stat().st_mtime_ns == 0 and out.read_text() == text
    assert capsys.readouterr().out.rstrip().endswith("unchanged")
