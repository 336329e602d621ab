"""`make bench` (search part): the routes of `bnproof search` (benchmarks, not tests).

- the {-1,0,1} box by the generic exact core (harness/statistics.py) and by the int64 route;
- the {-2..2} box by the int64 route, and the generic core on a 5000-set sample (its time for
  the whole box is extrapolated, and labelled so);
- `bnproof search --report` end to end (both boxes, the histogram, the minimality proofs).
Usage: python bench/search.py
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness.search import box_sets, category, exact_categories, integer_categories, learning_set  # noqa: E402
from harness.statistics import exact_statistics  # noqa: E402


def timed(f):
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


def main() -> None:
    print(f"{{-1,0,1}} generic exact core: {timed(lambda: exact_categories(1)):.2f} s (2268 sets)")
    print(f"{{-1,0,1}} int64 route:        {timed(lambda: integer_categories(1)):.3f} s")
    print(f"{{-2..2}} int64 route:         {timed(lambda: integer_categories(2)):.2f} s (287500 sets)")
    sample = list(itertools.islice(box_sets(2), 0, 287_500, 57))[:5000]
    t = timed(lambda: [category(exact_statistics(learning_set(s))) for s in sample])
    print(f"{{-2..2}} generic exact core:  {t:.2f} s on 5000 sets, ≈ {t * 287_500 / 5000:.0f} s "
          "for the box (extrapolated)")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "bnproof"), "search", "--report", tmp],
                       check=True, capture_output=True)
        print(f"bnproof search --report (end to end): {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
