"""Progress on standard error while `check` works, only for a person at a terminal.

`terminal_progress(enabled, total_bytes)` is a context manager yielding a Progress whose
`reading(rows, bytes)` is the reader's callback (harness/columns.ReadOptions.progress) and whose
`step(text)` reports any later stage (e.g. an obligation proved). With `enabled` false (standard
error not a terminal, or --json) every call does nothing, so piped and JSON output stay clean.
The bar is tqdm's.
"""

from __future__ import annotations

import shutil
import sys
from contextlib import contextmanager
from typing import Iterator


class Progress:
    def __init__(self, bar=None):
        self._bar = bar

    def reading(self, rows: int, done: int) -> None:
        if self._bar is not None:
            self._bar.n = done                 # one call per 2 MiB chunk: redraw each time
            self._bar.set_postfix_str(f"{rows:,} rows read")

    def step(self, text: str) -> None:
        if self._bar is not None:
            self._bar.write(text, file=sys.stderr)


def wanted(json_output: bool) -> bool:
    """Progress is shown only when standard error is a terminal and the output is not JSON."""
    return not json_output and sys.stderr.isatty()


@contextmanager
def terminal_progress(enabled: bool, total_bytes: int | None = None) -> Iterator[Progress]:
    if not enabled:
        yield Progress()
        return
    from tqdm import tqdm

    size = shutil.get_terminal_size((80, 24))    # a terminal that reports 0 x 0: 80 x 24
    with tqdm(total=total_bytes, unit="B", unit_scale=True, unit_divisor=1024, desc="reading",
              file=sys.stderr, leave=False, ncols=min(size.columns, 100), nrows=size.lines,
              mininterval=0.2) as bar:
        yield Progress(bar)
