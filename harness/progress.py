"""Progress on stderr for long runs (rows read, obligations proved), drawn with tqdm.

Shown only when stderr is a terminal and the run is not quiet (the CLI makes `--json` runs
quiet): never on a pipe or in a file, so reports and logs stay clean. The bar is removed when
its block ends. Usage:

    with progress(total=len(obligations), description="proving obligations") as bar:
        for ob in obligations:
            ...
            bar.advance(1)
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

_quiet = False


def quiet(flag: bool) -> None:
    """Turn progress off (True) or back on (False) for the bars opened after this call."""
    global _quiet
    _quiet = flag


def shown() -> bool:
    """Whether a bar opened now would be drawn: stderr is a terminal and the run is not quiet."""
    try:
        return not _quiet and sys.stderr.isatty()
    except (AttributeError, ValueError):     # no stderr, or a closed one
        return False


class Progress:
    """A handle whose `advance(n)` moves the bar by n (does nothing when no bar is shown)."""

    def __init__(self, bar=None):
        self._bar = bar

    def advance(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)


@contextmanager
def progress(total: int | None = None, description: str = "", unit: str = "it",
             scale: bool = False) -> Iterator[Progress]:
    """A progress bar on stderr for `total` steps (None: unknown, a counter); `unit` names a
    step ("obligation", "B"), `scale` abbreviates large counts (k, M) as for bytes."""
    if not shown():
        yield Progress()
        return
    from tqdm import tqdm

    bar = tqdm(total=total, desc=description, unit=unit, unit_scale=scale, file=sys.stderr,
               leave=False, dynamic_ncols=True, mininterval=0.2)
    try:
        yield Progress(bar)
    finally:
        bar.close()
