"""Packaging for artifact evaluation: LICENSE, CITATION.cff and pyproject.toml agree.

(CITATION.cff was validated against the CFF 1.2.0 schema with cffconvert 2.0.0, which is not a
dependency of the project; these tests check what can drift: the version, the license and the
cited works.)"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pyproject_field(key: str) -> str:
    """A one-line `key = "value"` or `key = { text = "value" }` of pyproject.toml (no tomllib:
    it is Python 3.11+, and the project supports 3.10)."""
    text = (ROOT / "pyproject.toml").read_text()
    match = re.search(rf'^{key} = (?:\{{ text = )?"([^"]*)"', text, re.MULTILINE)
    assert match, f"pyproject.toml has no {key}"
    return match.group(1)


def cff_field(text: str, key: str) -> str:
    match = re.search(rf"^{key}:\s*(.+)$", text, re.MULTILINE)
    assert match, f"CITATION.cff has no top-level {key}"
    return match.group(1).strip().strip('"')


def test_license_file_is_the_license_pyproject_declares():
    license_text = (ROOT / "LICENSE").read_text()
    assert pyproject_field("license") == "MIT"
    assert license_text.startswith("MIT License\n") and "WITHOUT WARRANTY OF ANY KIND" in license_text


def test_citation_matches_pyproject_and_cites_both_papers():
    cff = (ROOT / "CITATION.cff").read_text()
    assert cff_field(cff, "cff-version") == "1.2.0"
    assert cff_field(cff, "version") == pyproject_field("version")
    assert cff_field(cff, "license") == pyproject_field("license")
    for cited in ("arXiv:2502.17913", "Batch normalization does not improve initialization",
                  "arXiv:1805.11604", "How does batch normalization help optimization?"):
        assert cited in cff.split("references:", 1)[1], cited
