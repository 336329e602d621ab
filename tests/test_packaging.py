"""Packaging for artifact evaluation: LICENSE, CITATION.cff and pyproject.toml agree.

(CITATION.cff was validated against the CFF 1.2.0 schema with cffconvert 2.0.0, which is not a
dependency of the project; these tests check what can drift: the version, the license and the
cited works.)"""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cff_field(text: str, key: str) -> str:
    match = re.search(rf"^{key}:\s*(.+)$", text, re.MULTILINE)
    assert match, f"CITATION.cff has no top-level {key}"
    return match.group(1).strip().strip('"')


def test_license_file_is_the_license_pyproject_declares():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    license_text = (ROOT / "LICENSE").read_text()
    assert project["license"] == {"text": "MIT"}
    assert license_text.startswith("MIT License\n") and "WITHOUT WARRANTY OF ANY KIND" in license_text


def test_citation_matches_pyproject_and_cites_both_papers():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    cff = (ROOT / "CITATION.cff").read_text()
    assert cff_field(cff, "cff-version") == "1.2.0"
    assert cff_field(cff, "version") == project["version"]
    assert cff_field(cff, "license") == project["license"]["text"]
    for cited in ("arXiv:2502.17913", "Batch normalization does not improve initialization",
                  "arXiv:1805.11604", "How does batch normalization help optimization?"):
        assert cited in cff.split("references:", 1)[1], cited
