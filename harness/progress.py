"""Progress on stderr for long runs (bytes and rows read, obligations proved), drawn with tqdm.

Shown only to a person at a terminal: stderr is a terminal and the run is not quiet (the CLI
makes `--json` runs quiet); never on a pipe or in a file, so reports and logs stay clean. A bar
is removed when its block ends. Two uses:

    with progress(total_bytes, "reading", unit="B", scale=True) as bar:   # bar.reading: the
        ...                                                                 # reader's callback
    with progress(total=len(obligations), description="proving obligations") as bar:
        for ob in obligations:
            ...
            bar.advance(1)
"""

from __future__ import annotations

import shutil
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
    """A handle on a bar; every method does nothing when no bar is shown."""

    def __init__(self, bar=None):
        self._bar = bar

    def advance(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def reading(self, rows: int, done: int) -> None:
        """The reader's callback: `done` bytes read, `rows` rows (one call per chunk)."""
        if self._bar is not None:
            self._bar.n = done
            self._bar.set_postfix_str(f"{rows:,} rows read")

    def step(self, text: str) -> None:
        if self._bar is not None:
            self._bar.write(text, file=sys.stderr)


def _size() -> tuple[int, int]:
    """(columns, lines) for the bar; a terminal that reports 0 x 0 (a bare pty) counts as 80 x 24,
    since tqdm hides a bar outside a screen of 0 lines."""
    size = shutil.get_terminal_size((80, 24))
    return min(size.columns or 80, 100), size.lines or 24


@contextmanager
def progress(total: int | None = None, description: str = "", unit: str = "it",
             scale: bool = False) -> Iterator[Progress]:
    """A progress bar on stderr for `total` steps (None: unknown, a counter); `unit` names a
    step ("obligation", "B"), `scale` abbreviates large counts (k, M) as for bytes."""
    if not shown():
        yield Progress()
        return
    from tqdm import tqdm

    columns, lines = _size()
    with tqdm(total=total, desc=description, unit=unit, unit_scale=scale, file=sys.stderr,
              leave=False, ncols=columns, nrows=lines, mininterval=0.2) as bar:
        yield Progress(bar)
