"""Parquet learning sets through pyarrow (the optional `parquet` extra), read exactly.

Integer columns are exact as they are; a decimal column of scale s holds integers over 10^s;
a float column holds doubles, and each double is read as the exact binary rational it is
(m·2^e, via float.as_integer_ratio), never rounded to a decimal: the report lists such columns
in `float64_columns` so the user knows the data were binary floating point. Text columns go
through the same exact parser as CSV fields. Nulls and NaNs are missing values: an error naming
the row, or dropped rows under --dropna, as for every format.
"""

from __future__ import annotations

import io
from math import isfinite, lcm
from typing import Iterator

import numpy as np

from harness.columns import ReadOptions, Selection, select
from harness.learning_set import InputError
from harness.reader import Block, Table, block_of, counted, exact_column
from harness.sources import Source

BATCH_ROWS = 1 << 16
_MISSING_HINT = " (a missing value: --dropna drops incomplete rows)"


def parquet_table(source: Source, options: ReadOptions) -> Table:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(f"{source.name}: reading Parquet needs pyarrow: pip install "
                         "'bnproof[parquet]'") from None
    stream = source.stream if source.stream.seekable() else io.BytesIO(source.stream.read())
    try:
        pf = pq.ParquetFile(stream)
    except Exception as exc:   # pyarrow raises ArrowInvalid, OSError, ... on a broken file
        raise InputError(f"{source.name}: malformed Parquet: {str(exc).splitlines()[0]}") from None
    names = tuple(pf.schema_arrow.names)
    if len(names) < 2:
        raise InputError(f"{source.name}: a learning set needs at least 2 columns")
    selection = select(source.name, names, options)
    info: dict = {"rows_dropped": 0} if options.dropna else {}
    floats = [names[j] for j in selection.order
              if _kind(pf.schema_arrow.field(j).type) == "float"]
    if floats:
        info["float64_columns"] = floats
    blocks = _blocks(source, pf, selection, options, info)
    return Table(source.name, selection, len(selection.features), counted(source.name, blocks), info)


def _kind(t) -> str:
    import pyarrow as pa

    if pa.types.is_integer(t):
        return "int"
    if pa.types.is_decimal(t):
        return "decimal"
    if pa.types.is_floating(t):
        return "float"
    return "text"


def _blocks(source: Source, pf, selection: Selection, options: ReadOptions, info: dict
            ) -> Iterator[Block]:
    names = selection.names
    wanted = [names[j] for j in selection.order]
    first_row = 1
    with source.stream:
        for batch in pf.iter_batches(batch_size=BATCH_ROWS, columns=wanted):
            count = batch.num_rows
            missing = np.zeros(count, dtype=bool)
            columns, scales = [], []
            for k, j in enumerate(selection.order):
                role = "target" if j == selection.target else "feature"
                values, scale, absent = _column(source.name, batch.column(k), names[j], role,
                                                first_row)
                columns.append(values)
                scales.append(scale)
                missing |= absent
            if missing.any():
                if not options.dropna:
                    i = int(np.flatnonzero(missing)[0])
                    k = next(k for k, c in enumerate(columns) if c[i] is None)
                    raise InputError(f"{source.name}: row {first_row + i}, column "
                                     f"{names[selection.order[k]]!r}: missing value{_MISSING_HINT}")
                keep = np.flatnonzero(~missing).tolist()
                info["rows_dropped"] += count - len(keep)
                columns = [[c[i] for i in keep] for c in columns]
            first_row += count
            if columns and len(columns[0]):
                yield block_of(columns, tuple(scales))


def _column(name: str, arr, column: str, role: str, first_row: int
            ) -> tuple[list, int, np.ndarray]:
    """(values with None where missing, scale, missing mask) of one Arrow column."""
    kind = _kind(arr.type)
    values = arr.to_pylist()
    if kind == "int":
        absent = [v is None for v in values]
        return values, 1, np.array(absent, dtype=bool)
    if kind == "decimal":
        scale = arr.type.scale
        ints = [None if v is None else int(v.scaleb(max(scale, 0))) for v in values]
        return ints, 10**scale if scale >= 0 else 1, np.array([v is None for v in ints], dtype=bool)
    if kind == "float":
        ratios = []
        for i, v in enumerate(values):
            if v is None or v != v:
                ratios.append(None)
            elif not isfinite(v):
                raise InputError(f"{name}: row {first_row + i}, column {column!r}: {v!r} is not a "
                                 "finite number")
            else:
                ratios.append(v.as_integer_ratio())
        scale = lcm(*(r[1] for r in ratios if r is not None)) if any(ratios) else 1
        ints = [None if r is None else r[0] * (scale // r[1]) for r in ratios]
        return ints, scale, np.array([v is None for v in ints], dtype=bool)
    tokens = ["" if v is None else str(v) for v in values]
    from harness.columns import MISSING

    absent = np.array([t.strip().lower() in MISSING for t in tokens], dtype=bool)
    present = [i for i in range(len(tokens)) if not absent[i]]
    ints, scale = exact_column(name, [tokens[i] for i in present], column, role,
                               [f"row {first_row + i}" for i in present])
    out: list = [None] * len(tokens)
    for i, v in zip(present, ints):
        out[i] = v
    return out, scale, absent
