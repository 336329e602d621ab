"""`make mutate`: mutation testing of the modules listed in pyproject.toml [tool.mutmut].

1. mutmut 3.8.1 generates the mutants (`mutants/`: a copy of the sources in which every function
   dispatches to its original or to one of its mutants, chosen by MUTANT_UNDER_TEST);
2. scripts/mutate_covered.py runs each undecided mutant against the tests that cover its
   function (niced, 2 workers, in a process group of its own that is ended afterwards);
3. scripts/mutation_summary.py writes results/mutation.json and results/mutation.md.

Arguments are globs over mutant names (e.g. "proofs.bn_optima.*"); `--rerun` re-decides
mutants already decided, `--recollect` redoes the test-to-function association.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def generate() -> None:
    """mutmut's own generation step (what `mutmut run` does before it tests anything). A source
    function that changed since the last run gets fresh, undecided mutants."""
    from mutmut.__main__ import (copy_also_copy_files, copy_src_dir, create_mutants,
                                 setup_source_paths, store_lines_covered_by_tests)
    from mutmut.mutation.trampoline import set_mutant_under_test

    from mutmut.configuration import config

    set_mutant_under_test("mutant_generation")
    (ROOT / "mutants").mkdir(exist_ok=True)
    # a module listed since the last run has a plain copy in mutants/ that mutmut would take
    # for up to date: remove it, so that its mutants are generated
    for copy in (ROOT / "mutants").glob("*/**/*.py"):
        source = copy.relative_to(ROOT / "mutants")
        if (source.parts[0] in ("proofs", "harness") and config().should_mutate(source)
                and not copy.with_name(copy.name + ".meta").exists()):
            copy.unlink()
    copy_src_dir()
    copy_also_copy_files()
    setup_source_paths()
    store_lines_covered_by_tests()
    stats = create_mutants(2)
    print(f"make mutate: {stats.mutated} files mutated", flush=True)


def main() -> int:
    os.chdir(ROOT)
    generate()
    command = ["nice", "-n", "19", sys.executable, "scripts/mutate_covered.py", *sys.argv[1:]]
    run = subprocess.Popen(command, start_new_session=True)
    try:
        code = run.wait()
    finally:
        try:
            os.killpg(run.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    if code != 0:
        print(f"make mutate: the mutation run exited with {code}", file=sys.stderr)
        return code
    return subprocess.run([sys.executable, "scripts/mutation_summary.py"]).returncode


if __name__ == "__main__":
    sys.exit(main())
