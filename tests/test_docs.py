"""The documentation says only what exists: every command it quotes (`make X`, `bnproof SUB
--flag`) is a target of the Makefile or a flag of the CLI, read at test time (so targets and flags
added later are picked up); no page or docstring cites a path outside the repository; every
relative link resolves; the README stays a front page (at most 12 KB)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from harness.cli import parser

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SOURCES = [p for folder in ("harness", "proofs", "tests", "examples", "scripts", "bench")
           for p in sorted((ROOT / folder).rglob("*.py"))] + [ROOT / "Makefile", ROOT / "CITATION.cff"]
# Pages that other branches add (linked from here before they are merged); a missing one is
# skipped, an existing one is checked like any other link.
PENDING_PAGES: set[str] = set()


def make_targets(makefile: str) -> set[str]:
    """Rule targets of a Makefile (`name: ...`, not `NAME := value`)."""
    targets = set()
    for line in makefile.splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-][A-Za-z0-9_.\- ]*):(?!=)", line)
        if m:
            targets.update(m.group(1).split())
    return targets


def cli_flags() -> dict[str, set[str]]:
    """{subcommand: its option strings}, plus "" for the top-level parser."""
    top = parser()
    flags = {"": set(top._option_string_actions)}
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                flags[name] = set(sub._option_string_actions)
    return flags


def code_spans(text: str) -> list[str]:
    """Inline `code` and the lines of indented code blocks (fenced blocks too)."""
    spans = re.findall(r"`([^`\n]+)`", text)
    spans += [line.strip() for line in text.splitlines() if line.startswith("    ")]
    spans += [line for block in re.findall(r"```[^\n]*\n(.*?)```", text, re.S)
              for line in block.splitlines()]
    return spans


def quoted_commands(text: str) -> tuple[set[str], set[tuple[str, str]]]:
    """(make targets, (subcommand, flag) pairs) quoted in a page's code."""
    targets, flags = set(), set()
    commands = set(cli_flags()) - {""}
    for span in code_spans(text):
        span = span.split("#")[0]
        for m in re.finditer(r"(?:^|[\s;&|(])make((?:\s+[A-Za-z][\w.-]*)+)", span):
            targets.update(t for t in m.group(1).split() if "=" not in t)
        for m in re.finditer(r"(?:^|[\s/;&|(])(?:bnproof\s+)?(\w[\w-]*)((?:\s+\S+)*)", span):
            sub = m.group(1)
            if sub not in commands or not (span.lstrip().startswith(sub) or "bnproof" in span):
                continue
            for token in re.findall(r"(?<![\w-])(--?[A-Za-z][\w-]*)", m.group(2)):
                flags.add((sub, token))
            break
    return targets, flags


def test_every_quoted_make_target_and_cli_flag_exists():
    targets = make_targets((ROOT / "Makefile").read_text())
    flags = cli_flags()
    missing = []
    for page in PAGES:
        quoted_targets, quoted_flags = quoted_commands(page.read_text())
        missing += [f"{page.name}: make {t}" for t in sorted(quoted_targets - targets)]
        missing += [f"{page.name}: bnproof {sub} {flag}" for sub, flag in sorted(quoted_flags)
                    if flag not in flags[sub] | flags[""]]
    assert not missing, missing


def test_the_command_check_catches_a_made_up_target_and_flag():
    targets, flags = quoted_commands("run `make frobnicate` then `bnproof check FILE --frobnicate`")
    assert "frobnicate" not in make_targets((ROOT / "Makefile").read_text())
    assert targets == {"frobnicate"}
    assert ("check", "--frobnicate") in flags and "--frobnicate" not in cli_flags()["check"]


def test_the_command_check_reads_real_quotes():
    text = ("    make install     # create .venv\n"
            "`bnproof check FILE --prove` and `check --json`, `.venv/bin/bnproof prove --data x`")
    targets, flags = quoted_commands(text)
    assert targets == {"install"}
    assert {("check", "--prove"), ("check", "--json"), ("prove", "--data")} <= flags


@pytest.mark.parametrize("path", PAGES + SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_page_or_source_cites_a_path_outside_the_repository(path):
    text = path.read_text(encoding="utf-8")
    outside = ".." + "/shared", "/work" + "/", "shared/" + "docs/spec.md"
    assert not [s for s in outside if s in text]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves_inside_the_repository(page):
    bad = []
    for link in re.findall(r"\]\(([^)\s]+)\)", page.read_text()):
        if re.match(r"[a-z]+:", link) or link.startswith("#"):
            continue
        target = (page.parent / link.split("#")[0]).resolve()
        inside = target.is_relative_to(ROOT)
        relative = target.relative_to(ROOT).as_posix() if inside else link
        if not inside or not (target.exists() or relative in PENDING_PAGES):
            bad.append(link)
    assert not bad


def test_readme_is_a_front_page_of_at_most_12_kb():
    assert (ROOT / "README.md").stat().st_size <= 12 * 1024
