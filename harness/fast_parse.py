"""The numpy fast path: one chunk of delimited text to exact int64 columns, or None.

`None` sends the chunk to the exact parser (harness/reader.py), which accepts the same language
and gives the exact error messages. This path answers for chunks whose every byte is a digit, a
sign, a dot, a blank, a line end or the delimiter, so it never sees a quote, an exponent, a
fraction, `nan` or a comment; or (`_used_bytes`) whose used columns are made only of such bytes,
beside skipped text columns (an ID, a date). Then:
- no dot: numpy.loadtxt with dtype int64 (any field that is not an integer, or overflows int64,
  raises, and the chunk goes to the exact parser);
- every field with exactly one dot and the same number k of digits after it: deleting the dots
  multiplies every value by 10^k, so the int64 parse of the dot-free text is exact (scale 10^k);
- otherwise k = the most digits after a dot in the chunk (counted on the bytes up to the next
  blank, delimiter or line end, so never too few) and every value v is N/10^k for an integer N;
  the float64 parse of v is within one rounding of v, so while |v|·10^k < 2^49 the integer
  nearest to float(v)·10^k is N exactly (the error is below 2^-3 < 1/2).
"""

from __future__ import annotations

import io
import warnings

import numpy as np

from harness.dialect import WHITESPACE

_FLOAT_EXACT = 2.0**49
_MAX_PLACES = 15
_BASE = np.zeros(256, dtype=bool)
for _c in b"0123456789+-. \t\r\n":
    _BASE[_c] = True


def _allowed(delimiter: str) -> np.ndarray | None:
    code = delimiter.encode()
    if len(code) != 1:
        return None
    table = _BASE.copy()
    table[code[0]] = True
    return table


def parse_chunk(chunk: bytes, delimiter: str, width: int, order: list[int]
                ) -> tuple[np.ndarray, int] | None:
    """(values, k): the fields of columns `order` of the chunk's rows as int64, each value =
    field·10^k exactly; None if this path cannot answer (the exact parser then reads the chunk)."""
    table = _allowed(delimiter)
    if table is None or not chunk:
        return None
    buf = np.frombuffer(chunk, dtype=np.uint8)
    if table[buf].all():
        sep = None if delimiter == WHITESPACE else delimiter
        every = _numbers(chunk, buf, delimiter, sep, width, order, None, buf == ord("."))
        if every is not None or len(order) == width:
            return every
    used = _used_bytes(chunk, buf, delimiter, width, order)
    if used is None or not _BASE[buf[used]].all():
        return None
    return _numbers(chunk, buf, delimiter, delimiter, width, order, order,
                    (buf == ord(".")) & used)


def _numbers(chunk: bytes, buf: np.ndarray, delimiter: str, sep: str | None, width: int,
             order: list[int], usecols: list[int] | None, is_dot: np.ndarray
             ) -> tuple[np.ndarray, int] | None:
    """The int64, dot-free int64 or float64 parse of the module docstring, on every column
    (usecols None, then picked by `order`) or on the used columns only."""
    columns = width if usecols is None else len(order)
    every_column = usecols is not None or order == list(range(width))
    pick = (lambda v: v) if every_column else (lambda v: v[:, order])   # no copy if in order
    dots = np.flatnonzero(is_dot)
    if not len(dots):
        values = _loadtxt(chunk, np.int64, sep, usecols)
        return None if values is None or values.shape[1] != columns else (pick(values), 0)
    ends = np.flatnonzero((buf == ord(delimiter)) | (buf == 10) | (buf == 13) | (buf == 32)
                          | (buf == 9))
    ends = np.append(ends, len(buf))
    places = ends[np.searchsorted(ends, dots)] - dots - 1
    k = int(places.max())
    if k > _MAX_PLACES:
        return None
    if int(places.min()) == k:
        values = _loadtxt(chunk.replace(b".", b""), np.int64, sep, usecols)
        if values is not None and values.shape[1] == columns and values.size == len(dots):
            return pick(values), k
    floats = _loadtxt(chunk, np.float64, sep, usecols)
    if floats is None or floats.shape[1] != columns or not floats.size:
        return None
    scaled = floats * 10.0**k
    if not np.abs(scaled).max() < _FLOAT_EXACT:
        return None
    return pick(np.rint(scaled).astype(np.int64)), k


def _used_bytes(chunk: bytes, buf: np.ndarray, delimiter: str, width: int, order: list[int]
                ) -> np.ndarray | None:
    """For numbers beside columns the reader skips (an ID, a date): the mask of the bytes of the
    used columns, if every line is valid UTF-8 without a quote, a `#` or a blank line and has
    exactly `width` fields (the checks the exact parser makes on the whole line); else None."""
    if delimiter == WHITESPACE or b'"' in chunk or b"#" in chunk or b"\n\n" in chunk:
        return None
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        return None
    is_delim, is_newline = buf == ord(delimiter), buf == 10
    newlines = np.flatnonzero(is_newline)
    ends = newlines if chunk.endswith(b"\n") else np.append(newlines, len(buf))
    fields = np.diff(np.searchsorted(np.flatnonzero(is_delim), ends), prepend=0) + 1
    if not (fields == width).all():
        return None
    before = np.cumsum(is_delim, dtype=np.int32) - is_delim          # delimiters before a byte
    line = np.cumsum(is_newline, dtype=np.int32) - is_newline        # its line (0-based)
    at_start = np.append(before, before[-1] + is_delim[-1])[np.append(0, newlines + 1)]
    field = before - at_start[line]
    return np.isin(field, order) & ~is_delim & ~is_newline


def _loadtxt(chunk: bytes, dtype, sep: str | None, usecols=None) -> np.ndarray | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return np.loadtxt(io.BytesIO(chunk), dtype=dtype, delimiter=sep, ndmin=2,
                              comments=None, usecols=usecols)
        except ValueError:
            return None
