"""Where a learning set's bytes come from: a file, standard input (`-`), or a compressed file.

`open_source` returns a binary stream with any gzip/bzip2/xz compression undone (recognised by
its magic bytes, so `data.csv.gz` and a compressed standard input both work) and the kind of
table it holds ("csv", "json" or "parquet": from --format, else from the file name). Every
problem is an InputError whose one-line message names the file.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from harness.learning_set import InputError

FORMATS = ("csv", "json", "parquet")
_COMPRESSED = {".gz", ".bz2", ".xz"}
_BY_SUFFIX = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".dat": "csv", ".json": "json",
              ".parquet": "parquet", ".pq": "parquet"}
_MAGIC = [(b"\x1f\x8b", lambda f: gzip.GzipFile(fileobj=f)), (b"BZh", bz2.BZ2File),
          (b"\xfd7zXZ\x00", lzma.LZMAFile)]


@dataclass
class Source:
    name: str                 # the path as the user wrote it ("-" for standard input)
    stream: BinaryIO          # decompressed bytes
    kind: str                 # "csv", "json" or "parquet"
    size: int | None          # bytes on disk (for progress), None for standard input

    def close(self) -> None:
        self.stream.close()


def kind_of(path: str, fmt: str | None) -> str:
    """The table kind from --format, else from the suffix (compression suffix stripped)."""
    if fmt is not None:
        return fmt
    if path == "-":
        return "csv"
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in _COMPRESSED:
        suffix = Path(p.stem).suffix.lower()
    if suffix not in _BY_SUFFIX:
        raise InputError(f"{path}: unknown file type {suffix or '(none)'!r}: expected .csv, .tsv, "
                         ".txt, .json or .parquet (optionally .gz/.bz2/.xz), or pass --format")
    return _BY_SUFFIX[suffix]


def open_source(path: str, fmt: str | None = None) -> Source:
    if path != "-" and os.path.isdir(path):
        raise InputError(f"{path}: is a directory, expected a file")
    kind = kind_of(path, fmt)
    if path == "-":
        raw, size = sys.stdin.buffer, None
    else:
        try:
            raw = open(path, "rb")
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.__class__.__name__}") from None
        size = os.fstat(raw.fileno()).st_size
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
    try:
        head = buffered.peek(8)[:8]
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.__class__.__name__}") from None
    stream: BinaryIO = buffered
    for magic, opener in _MAGIC:
        if head.startswith(magic):
            stream = io.BufferedReader(opener(buffered))
            break
    return Source(path, stream, kind, size)


def read_chunks(source: Source, size: int = 1 << 22):
    """The decompressed bytes in pieces of about `size` bytes (InputError on a broken file)."""
    while True:
        try:
            piece = source.stream.read(size)
        except (OSError, EOFError, lzma.LZMAError, zlib.error) as exc:
            raise InputError(f"{source.name}: cannot read: {exc.__class__.__name__}: "
                             f"{str(exc).splitlines()[0] if str(exc) else 'truncated'}") from None
        if not piece:
            return
        yield piece
