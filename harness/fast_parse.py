"""The numpy fast path: one chunk of delimited text to exact int64 columns, or None.

`None` sends the chunk to the exact parser (harness/reader.py), which accepts the same language
and gives the exact error messages. This path answers for chunks whose every byte is a digit, a
sign, a dot, a blank, a line end or the delimiter, so it never sees a quote, an exponent, a
fraction, `nan` or a comment, and (`_integer_columns`) for integer columns beside skipped text
columns. On the first kind of chunk:
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
    if not table[buf].all():
        return _integer_columns(chunk, buf, delimiter, width, order)
    sep = None if delimiter == WHITESPACE else delimiter
    if b"." not in chunk:
        values = _loadtxt(chunk, np.int64, sep)
        return None if values is None or values.shape[1] != width else (values[:, order], 0)
    dots = np.flatnonzero(buf == ord("."))
    ends = np.flatnonzero((buf == ord(delimiter)) | (buf == 10) | (buf == 13) | (buf == 32)
                          | (buf == 9))
    ends = np.append(ends, len(buf))
    places = ends[np.searchsorted(ends, dots)] - dots - 1
    k = int(places.max())
    if k > _MAX_PLACES:
        return None
    if int(places.min()) == k:
        values = _loadtxt(chunk.replace(b".", b""), np.int64, sep)
        if values is not None and values.shape[1] == width and values.size == len(dots):
            return values[:, order], k
    floats = _loadtxt(chunk, np.float64, sep)
    if floats is None or floats.shape[1] != width or not floats.size:
        return None
    scaled = floats * 10.0**k
    if not np.abs(scaled).max() < _FLOAT_EXACT:
        return None
    return np.rint(scaled).astype(np.int64)[:, order], k


def _integer_columns(chunk: bytes, buf: np.ndarray, delimiter: str, width: int,
                     order: list[int]) -> tuple[np.ndarray, int] | None:
    """Integer columns beside columns the reader skips (an ID, a date): int64 on the used
    columns only, where every line is valid UTF-8 without a quote, a `#` or a blank line and has
    exactly `width` fields (the checks the exact parser makes on the whole line)."""
    if delimiter == WHITESPACE or b'"' in chunk or b"#" in chunk or b"\n\n" in chunk:
        return None
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        return None
    ends = np.flatnonzero(buf == 10)
    if not chunk.endswith(b"\n"):
        ends = np.append(ends, len(buf))
    fields = np.diff(np.searchsorted(np.flatnonzero(buf == ord(delimiter)), ends), prepend=0) + 1
    if not (fields == width).all():
        return None
    values = _loadtxt(chunk, np.int64, delimiter, usecols=order)
    return None if values is None or values.shape[0] != len(ends) else (values, 0)


def _loadtxt(chunk: bytes, dtype, sep: str | None, usecols=None) -> np.ndarray | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return np.loadtxt(io.BytesIO(chunk), dtype=dtype, delimiter=sep, ndmin=2,
                              comments=None, usecols=usecols)
        except ValueError:
            return None
