"""`make mutate`: run mutmut (niced, 2 workers) in a process group of its own, end the group
afterwards (mutmut's forkserver leaves idle workers behind), then summarise the run
(scripts/mutation_summary.py). Arguments are passed on to `mutmut run` (mutant names or globs,
e.g. "proofs.bn_optima*")."""

import os
import signal
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def main() -> int:
    command = ["nice", "-n", "19", str(BIN / "mutmut"), "run", "--max-children", "2", *sys.argv[1:]]
    run = subprocess.Popen(command, start_new_session=True)
    try:
        code = run.wait()
    finally:
        try:
            os.killpg(run.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    if code != 0:
        print(f"make mutate: mutmut exited with {code}", file=sys.stderr)
        return code
    return subprocess.run([sys.executable, "scripts/mutation_summary.py"]).returncode


if __name__ == "__main__":
    sys.exit(main())
