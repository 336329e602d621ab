"""`make activations` (`python -m harness.activations`): the ReLU and t³ refutations of
proofs/activations.py through harness.solver.decide, as a table; exit 1 unless all are proved."""

from __future__ import annotations

import sys

from harness.solver import decide
from proofs.activations import CUBE, RELU, activation_obligations


def main() -> int:
    ok = True
    for s in (RELU, CUBE):
        print(f"{s.activation}: X = {[[str(v) for v in x] for x in s.X]}, y = {[str(v) for v in s.y]}, "
              f"W* = ({', '.join(map(str, s.w_star))}), r² = {s.radius_sq}")
        for ob in activation_obligations(s):
            outcome = decide(ob, 30.0)
            status = "proved" if outcome.result == ob.expected else (
                "computed, not proved" if outcome.result in ("unknown", "timeout") else "CONTRADICTED")
            ok &= status == "proved"
            print(f"  {status:<10} {ob.name} ({outcome.result}, {outcome.seconds:.3f} s): {ob.statement}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
