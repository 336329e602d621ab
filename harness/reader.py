"""The one reader of `bnproof check`: any supported file to a stream of exact integer blocks.

`read_table(path, options)` opens the file (harness/sources.py: plain, compressed or standard
input), reads its dialect (harness/dialect.py), resolves the columns (harness/columns.py) and
returns a Table whose `blocks` stream the rows as Blocks of exact integers: row i of Z = [X | y]
is values[i] / scales, column by column. Every format goes through the same columns, missing-value
and error rules; an error is an InputError with one line naming the file, the line (or row) and
the column.

Delimited text is read in chunks of a few MiB: each chunk goes first to the numpy fast path
(harness/fast_parse.py), which answers only where it is exact, else to the exact parser here
(Python ints and parse_exact), so both give the same integers. JSON ({"X": ..., "y": ...}) and
Parquet (pyarrow: integer and decimal columns exactly, float columns as the exact binary rational
each double is) are read whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from math import lcm
from typing import Iterator

import numpy as np

from harness.columns import MISSING, ReadOptions, Selection, no_header_names, select
from harness.dialect import SAMPLE_LINES, is_skipped, sniff, split_fields
from harness.fast_parse import parse_chunk
from harness.learning_set import InputError, LearningSet, json_learning_set
from harness.moments import integer_columns
from harness.numbers import _DOUBLE_MAX, parse_exact
from harness.sources import Source, open_source, read_chunks

CHUNK_BYTES = 1 << 21
BOM = b"\xef\xbb\xbf"
_INT64_SAFE = 2**62


@dataclass(frozen=True)
class Block:
    """Rows of Z = [X | y] as integers: Z[i][j] = values[i, j] / scales[j] exactly.
    values is an int64 array, or an object array of Python ints where int64 does not fit."""

    values: np.ndarray
    scales: tuple[int, ...]

    @property
    def count(self) -> int:
        return self.values.shape[0]


@dataclass
class Table:
    name: str
    selection: Selection | None          # None for JSON (X and y given apart)
    dim: int
    blocks: Iterator[Block]
    info: dict = field(default_factory=dict)
    """Facts for the report, complete once the blocks are consumed: rows_dropped (--dropna),
    float64_columns (Parquet)."""

    @property
    def features(self) -> tuple[str, ...] | None:
        return None if self.selection is None else self.selection.feature_names()


def read_table(path: str, options: ReadOptions = ReadOptions()) -> Table:
    """The table of `path` ("-": standard input). InputError at once for what the start of the
    file shows, and while streaming for bad rows; consume the blocks fully before trusting any
    result (the stream also raises if fewer than 2 rows remain)."""
    source = open_source(path, options.format)
    try:
        if source.kind == "json":
            return _json_table(source, options)
        if source.kind == "parquet":
            from harness.parquet import parquet_table

            return parquet_table(source, options)
        return _text_table(source, options)
    except BaseException:
        source.close()
        raise


def load(path: str, options: ReadOptions = ReadOptions()) -> LearningSet:
    """A (small) learning set from any supported file, as exact rationals."""
    return learning_set(read_table(path, options))


def learning_set(table: Table) -> LearningSet:
    """The rows of a (small) table as exact rationals."""
    rows: list[tuple[Fraction, ...]] = []
    for block in table.blocks:
        for row in block.values.tolist():
            rows.append(tuple(Fraction(v, s) for v, s in zip(row, block.scales)))
    return LearningSet(X=tuple(r[:-1] for r in rows), y=tuple(r[-1] for r in rows), name=table.name)


def fraction_blocks(ls: LearningSet) -> Iterator[Block]:
    """A learning set held as Fractions, as one Block (denominators cleared per column)."""
    yield block_of(*integer_columns(ls.X, ls.y))


def block_of(columns: list[list[int]], scales: tuple[int, ...]) -> Block:
    """A Block from Python-int columns (int64 where every value fits)."""
    fits = all(-_INT64_SAFE < v < _INT64_SAFE for col in columns for v in col)
    values = np.array(columns, dtype=np.int64 if fits else object).T
    return Block(values, scales)


def counted(path: str, blocks: Iterator[Block]) -> Iterator[Block]:
    """The blocks, then the check that at least 2 rows were read."""
    total = 0
    for block in blocks:
        total += block.count
        yield block
    if total < 2:
        raise InputError(f"{path}: need at least 2 points, got {total}")


# --- JSON ------------------------------------------------------------------------------------------

def _json_table(source: Source, options: ReadOptions) -> Table:
    name = source.name
    for flag, value in (("--target", options.target), ("--features", options.features),
                        ("--drop", options.drop or None), ("--dropna", options.dropna or None)):
        if value is not None:
            raise InputError(f"{name}: {flag} applies to CSV and Parquet files only "
                             '(a JSON learning set gives "X" and "y" apart)')
    try:
        text = source.stream.read().decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise InputError(f"{name}: cannot read: {exc.__class__.__name__}") from None
    finally:
        source.close()
    ls = json_learning_set(name, text)
    return Table(name, None, ls.dim, fraction_blocks(ls))


# --- delimited text ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class TextLayout:
    """Where the data of a delimited text file start and how to split them."""

    delimiter: str
    selection: Selection
    offset: int            # bytes before the first data line (BOM, sep=, comments, header)
    first_line: int        # the 1-based number of that line


def _text_table(source: Source, options: ReadOptions) -> Table:
    pieces = read_chunks(source, CHUNK_BYTES)
    layout, head = layout_of(source.name, pieces, options)
    info: dict = {"rows_dropped": 0} if options.dropna else {}
    body = _lines_in_chunks(head[layout.offset:], pieces)
    blocks = text_blocks(source.name, body, layout, options, info)
    return Table(source.name, layout.selection, len(layout.selection.features),
                 counted(source.name, blocks), info)


def layout_of(name: str, pieces: Iterator[bytes], options: ReadOptions) -> tuple[TextLayout, bytes]:
    """The layout and the bytes read so far (from the start of the file)."""
    head, complete = b"", True
    for piece in pieces:
        head += piece
        if head.count(b"\n") > 2 * SAMPLE_LINES + 4:
            complete = False
            break
    bom = len(BOM) if head.startswith(BOM) else 0
    raw_lines = head[bom:].split(b"\n")[:2 * SAMPLE_LINES + 4]
    if not complete:
        raw_lines = raw_lines[:-1]      # the last line may be cut: sniff on whole lines only
    lines = [_decode(name, line, k + 1) for k, line in enumerate(raw_lines)]
    if not any(line.strip() for line in lines):
        raise InputError(f"{name}: malformed CSV: no header row")
    dialect = sniff(name, lines, options.delimiter, options.header)
    names = dialect.names
    if names is None:
        names = no_header_names(len(split_fields(lines[dialect.body_line], dialect.delimiter)))
    offset = bom + sum(len(line) + 1 for line in raw_lines[:dialect.body_line])
    layout = TextLayout(dialect.delimiter, _select_named(name, names, options), offset,
                        dialect.body_line + 1)
    return layout, head


def _select_named(name: str, names: tuple[str, ...], options: ReadOptions) -> Selection:
    """The selection, where a column without a name in the header (the index pandas writes
    first) is called by its index and must not be used silently."""
    selection = select(name, tuple(n or str(k) for k, n in enumerate(names)), options)
    unnamed = [k for k in selection.order if not names[k]]
    if unnamed:
        k = unnamed[0]
        raise InputError(f"{name}: column {k} has no name in the header (an index written by "
                         f"pandas?): leave it out with --drop {k}, or choose --features")
    return selection


def _decode(name: str, line: bytes, line_no: int) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{name}: line {line_no}: cannot read: UnicodeDecodeError "
                         "(the file is not UTF-8)") from None


def _lines_in_chunks(first: bytes, pieces: Iterator[bytes]) -> Iterator[bytes]:
    """The bytes cut after a line end, each piece of about CHUNK_BYTES."""
    rest = first
    for piece in pieces:
        rest += piece
        cut = rest.rfind(b"\n")
        if cut >= 0 and len(rest) >= CHUNK_BYTES // 2:
            yield rest[:cut + 1]
            rest = rest[cut + 1:]
    if rest:
        yield rest


def text_blocks(name: str, chunks: Iterator[bytes], layout: TextLayout, options: ReadOptions,
                info: dict) -> Iterator[Block]:
    """Blocks of chunks of whole lines (the data part of a file, or a byte range of it)."""
    width, order = len(layout.selection.names), list(layout.selection.order)
    line_no, consumed, rows_read = layout.first_line, layout.offset, 0
    for chunk in chunks:
        fast = parse_chunk(chunk, layout.delimiter, width, order)
        if fast is not None:
            values, k = fast
            block = Block(values, (10**k,) * len(order))
        else:
            block = _exact_block(name, chunk, line_no, layout.delimiter, layout.selection,
                                 options, info)
        line_no += chunk.count(b"\n")
        consumed += len(chunk)
        rows_read += block.count
        if options.progress is not None:
            options.progress(rows_read, consumed)
        if block.count:
            yield block


def _exact_block(name: str, chunk: bytes, line_no: int, delimiter: str, selection: Selection,
                 options: ReadOptions, info: dict) -> Block:
    """The exact parser: Python ints per column, the same integers as the fast path."""
    width = len(selection.names)
    rows, numbers = [], []
    for k, raw in enumerate(chunk.split(b"\n"), start=line_no):
        line = _decode(name, raw, k)
        if is_skipped(line):
            continue
        try:
            fields = split_fields(line, delimiter)
        except ValueError as exc:
            raise InputError(f"{name}: line {k}: malformed CSV: {exc}") from None
        if len(fields) != width:
            raise InputError(f"{name}: line {k} has {len(fields)} fields, expected {width}")
        rows.append(fields)
        numbers.append(k)
    order = selection.order
    if options.dropna:
        keep = [i for i, row in enumerate(rows)
                if not any(row[j].strip().lower() in MISSING for j in order)]
        info["rows_dropped"] += len(rows) - len(keep)
        rows, numbers = [rows[i] for i in keep], [numbers[i] for i in keep]
    columns, scales = [], []
    for j in order:
        role = "target" if j == selection.target else "feature"
        values, scale = exact_column(name, [row[j] for row in rows], selection.names[j], role,
                                     [f"line {k}" for k in numbers])
        columns.append(values)
        scales.append(scale)
    return block_of(columns, tuple(scales))


def exact_column(name: str, tokens: list[str], column: str, role: str, where: list[str]
                 ) -> tuple[list[int], int]:
    """Exact integers and a scale for one column: value_i = values[i] / scale."""
    fast = _int_column(tokens)
    if fast is not None:
        return fast
    fractions = []
    for token, at in zip(tokens, where):
        try:
            fractions.append(parse_exact(token))
        except ValueError as exc:
            raise InputError(f"{name}: {at}, column {column!r}: {exc}"
                             f"{_hint(token, column, role)}") from None
    scale = lcm(*(q.denominator for q in fractions)) if fractions else 1
    return [q.numerator * (scale // q.denominator) for q in fractions], scale


def _hint(token: str, column: str, role: str) -> str:
    if token.strip().lower() in MISSING:
        return " (a missing value: --dropna drops incomplete rows)"
    if role == "feature":
        return f" (to leave this column out: --drop {column})"
    return " (the target column: choose another with --target)"


def _int_column(tokens: list[str]) -> tuple[list[int], int] | None:
    """Integers ("-12") or plain decimals ("-1.25", ".5", "3.") in integer arithmetic, else None
    (then parse_exact reads the column, with its exact error messages).

    int() also accepts "1_000", which parse_exact rejects: such columns skip this. A decimal a.b
    with k = max len(b) over the column is int(a + b + '0'·(k - len(b))) / 10^k: appending zeros
    to the digits multiplies by a power of ten, so this is exact. Magnitudes past the largest
    double go to parse_exact for its error.
    """
    if any("_" in t for t in tokens):
        return None
    try:
        ints, scale = list(map(int, tokens)), 1
    except ValueError:
        parts = [t.strip().partition(".") for t in tokens]
        k = max((len(b) for _, _, b in parts), default=0)
        if k > _MAX_PLACES:
            return None
        try:
            ints = [int(a + b + "0" * (k - len(b))) if (a.strip("+-") or b) else int("x")
                    for a, _, b in parts]
        except ValueError:
            return None
        scale = 10**k
    if ints and max(max(ints), -min(ints)) > _DOUBLE_MAX * scale:
        return None
    return ints, scale


_MAX_PLACES = 400
