"""The dialect of a delimited text file: delimiter, header, and the lines before the data.

Before the header may come an Excel `sep=;` line (which fixes the delimiter), `#` comment lines
and blank lines; a UTF-8 byte-order mark is dropped. The delimiter, unless forced, is the first
of `,` TAB `;` `|` and runs of whitespace that splits the header into h >= 2 fields and at least
half of the next lines into h fields too. A first row whose every field is a number is data, not a
header: that is an error naming the fix unless --header or --no-header says which it is.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from harness.learning_set import InputError
from harness.numbers import parse_exact

CANDIDATES = (",", "\t", ";", "|")
WHITESPACE = " "    # the delimiter value meaning "runs of blanks" (spaces, tabs)
SAMPLE_LINES = 20


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    names: tuple[str, ...] | None       # None: no header row (--no-header)
    body_line: int                      # index (0-based) of the first line after the header


def is_skipped(line: str) -> bool:
    """Blank lines and `#` comment lines carry no data."""
    s = line.strip()
    return not s or s.startswith("#")


def split_fields(line: str, delimiter: str | None) -> list[str]:
    """The fields of one line (quotes honoured where one appears)."""
    line = line.rstrip("\r\n")
    if delimiter == WHITESPACE:
        return line.split()
    if '"' not in line:
        return line.split(delimiter)
    try:
        rows = list(csv.reader([line], delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise ValueError(f"malformed quoted field: {exc}") from None
    return rows[0] if rows else [""]


def sniff(path: str, lines: list[str], forced: str | None, header: bool | None) -> Dialect:
    """The dialect from the first lines of a file (decoded, line ends kept or not)."""
    k = 0
    delimiter = forced
    if lines and lines[0].lstrip("\ufeff").strip().lower().startswith("sep="):
        sep = lines[0].lstrip("\ufeff").strip()[4:]
        if forced is None:
            delimiter = WHITESPACE if sep == "" else sep[0]
        k = 1
    while k < len(lines) and is_skipped(lines[k]):
        k += 1
    if k == len(lines):
        raise InputError(f"{path}: malformed CSV: no header row")
    sample = [line for line in lines[k:k + SAMPLE_LINES * 2] if not is_skipped(line)][:SAMPLE_LINES]
    if delimiter is None and forced is None:
        delimiter = _guess(sample)
    try:
        first = [f.strip() for f in split_fields(lines[k], delimiter)]
    except ValueError as exc:
        raise InputError(f"{path}: line {k + 1}: {exc}") from None
    if header is False:
        return Dialect(delimiter, None, k)
    if header is None and all(_is_number(f) for f in first):
        shown = ", ".join(first[:6]) + (", ..." if len(first) > 6 else "")
        raise InputError(f"{path}: line {k + 1}: the first row ({shown}) is all numbers, so it looks "
                         "like data, not a header: pass --no-header to read it as data (columns "
                         "named 0, 1, ...) or --header to use it as column names")
    if sum(1 for n in first if n) < 2:
        raise InputError(f"{path}: malformed CSV: the header needs at least 2 non-empty column names")
    return Dialect(delimiter, tuple(first), k + 1)


def _guess(sample: list[str]) -> str:
    """The first candidate that splits the first line into h >= 2 fields and at least half of
    the sample into h fields too (a ragged row is then reported by the reader, not mis-sniffed)."""
    for candidate in (*CANDIDATES, WHITESPACE):
        try:
            counts = [len(split_fields(line, candidate)) for line in sample]
        except ValueError:
            continue
        if counts[0] >= 2 and 2 * counts.count(counts[0]) >= len(counts):
            return candidate
    return ","


def _is_number(text: str) -> bool:
    try:
        parse_exact(text)
    except ValueError:
        return False
    return True


def parse_delimiter(text: str) -> str:
    """--delimiter: one character, `\\t`/`tab`, or `whitespace`."""
    named = {"\\t": "\t", "tab": "\t", "whitespace": WHITESPACE, "space": WHITESPACE}
    if text.lower() in named:
        return named[text.lower()]
    if len(text) != 1 or text in "\r\n\"":
        raise ValueError(f"{text!r} is not one character (or 'tab', 'whitespace')")
    return text
