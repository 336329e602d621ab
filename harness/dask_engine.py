"""`bnproof check FILE --engine dask [--scheduler ADDRESS]`: the moments on a Dask cluster.

M = ZᵀZ is a sum over rows, so the file is split into byte ranges ending at line ends
(dask.bytes.read_bytes with a newline delimiter, so any fsspec path works), each range is turned
into exact integer moments by the code of the local path (harness/reader.text_blocks and
harness/moments.integer_moments) on a worker, and the parts are added exactly here, in Python
integers. The report is the local one, byte for byte. Without --scheduler a LocalCluster on this
machine runs the tasks. Dask is an optional extra (`pip install 'bnproof[dask]'`).
"""

from __future__ import annotations

import dataclasses
from typing import Iterator

from harness.columns import ReadOptions
from harness.learning_set import InputError
from harness.moments import Groups, integer_moments, merge
from harness.reader import CHUNK_BYTES, TextLayout, layout_of, text_blocks
from harness.sources import kind_of

BLOCK_BYTES = 64 << 20


def dask_moments(path: str, options: ReadOptions, scheduler: str | None = None,
                 client=None, block_bytes: int = BLOCK_BYTES) -> tuple[Groups, TextLayout, dict]:
    """(integer moments, layout, info) of a delimited text file, computed by Dask tasks."""
    try:
        import dask
        from dask.bytes import read_bytes
    except ImportError:
        raise InputError(f"{path}: --engine dask needs dask: pip install 'bnproof[dask]'") from None
    if path == "-" or kind_of(path, options.format) != "csv" or path.endswith((".gz", ".bz2", ".xz")):
        raise InputError(f"{path}: --engine dask reads uncompressed delimited text files only")
    options = dataclasses.replace(options, progress=None)
    layout = _layout(path, options)
    _, parts = read_bytes(path, delimiter=b"\n", blocksize=block_bytes, sample=False)
    tasks = [dask.delayed(_part_moments)(part, k * block_bytes, path, layout, options)
             for k, part in enumerate(parts[0])]
    own = None
    if client is None:
        from distributed import Client, LocalCluster

        own = Client(scheduler) if scheduler else Client(LocalCluster(
            n_workers=2, threads_per_worker=1, dashboard_address=None))
    try:
        results = (client or own).compute(tasks, sync=True)
    finally:
        if own is not None:
            cluster = own.cluster
            own.close()
            if cluster is not None and not scheduler:
                cluster.close()
    info = {"rows_dropped": sum(r[1] for r in results)} if options.dropna else {}
    groups = merge(r[0] for r in results)
    if sum(count for _, _, count in groups.values()) < 2:
        raise InputError(f"{path}: need at least 2 points, got "
                         f"{sum(count for _, _, count in groups.values())}")
    return groups, layout, info


def _layout(path: str, options: ReadOptions) -> TextLayout:
    """The header and dialect, read through fsspec (a local file or any fsspec URL)."""
    import fsspec

    try:
        with fsspec.open(path, "rb") as f:
            return layout_of(path, iter(lambda: f.read(CHUNK_BYTES), b""), options)[0]
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a file") from None


def _part_moments(data: bytes, start: int, path: str, layout: TextLayout, options: ReadOptions
                  ) -> tuple[Groups, int]:
    """Integer moments of one byte range (the first one starts with the header)."""
    info = {"rows_dropped": 0}
    if start == 0:
        data = data[layout.offset:]
    else:   # line numbers in messages then count from this range's first line
        layout = dataclasses.replace(layout, first_line=1, offset=start)
    try:
        groups = integer_moments(text_blocks(path, _chunks(data), layout, options, info))
    except InputError as exc:
        if start == 0:
            raise
        raise InputError(f"{exc} (line counted from the range of the file starting near byte "
                         f"{start})") from None
    return groups, info["rows_dropped"]


def _chunks(data: bytes) -> Iterator[bytes]:
    """Pieces of about CHUNK_BYTES, cut after a line end."""
    start = 0
    while start < len(data):
        cut = data.rfind(b"\n", start, start + CHUNK_BYTES)
        end = len(data) if cut < 0 or start + CHUNK_BYTES >= len(data) else cut + 1
        yield data[start:end]
        start = end
