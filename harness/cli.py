"""The command line: `bnproof prove [--data FILE] [--json] [--output FILE] [--timeout S]`,
`bnproof check FILE [--json] [--target NAME] [--prove] [--samples N] [--output FILE]`,
`bnproof theorems [--json] [--output FILE] [--timeout S] [--quick]` and
`bnproof search [--bound B] [--json] [--report DIR]`. `prove` and `check` take
`--variant paper|gamma-beta|epsilon|torch|bias [--epsilon E]` (docs/spec.md §7, harness/variants.py;
`check --variant V --prove` exits as `prove` does). `check` reads files through the input flags
`--target COL --features A,B --drop C --dropna --header/--no-header --delimiter X --format F`.

Exit codes (harness/status.exit_code, docs/trust.md §4): 0 every obligation proved (`check`: a
verdict, proved or only computed); 1 some obligation CONTRADICTED, or (not `check`) computed,
not proved (`unknown`, a timeout, a vacuous query, a cross-check not finished); 2 bad usage or
bad input (one line on stderr, nothing written); 130 interrupted (Ctrl-C, one line).
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import sys
from pathlib import Path

from harness.learning_set import InputError, canonical
from harness.report import json_chunks, prove_table, to_json, write_atomically


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message}\n")


def _positive(kind):
    """A parser of positive floats (`float`) or of counts >= 0 (`int`)."""
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if kind is int and value < 0:
            raise argparse.ArgumentTypeError(f"{text!r} must be >= 0")
        if kind is not int and not value > 0:
            raise argparse.ArgumentTypeError(f"{text!r} must be positive")
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"{text!r} must be finite")
        return value
    return parse


def _output_problem(path: str | None, flag: str = "--output") -> str | None:
    """Why `flag` PATH cannot be written (checked before any work), or None."""
    if path is None:
        return None
    target = Path(path)
    if target.is_dir():
        return f"{path}: {flag} is a directory"
    if not target.parent.is_dir():
        return f"{path}: {flag} folder {target.parent} does not exist"
    return None


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bnproof")
    except PackageNotFoundError:
        return "unknown (not installed)"


class _VersionAction(argparse.Action):
    """--version, reading the installed version only when asked (importlib.metadata costs
    60 ms at every start otherwise)."""

    def __call__(self, parser, namespace, values, option_string=None):
        sys.stdout.write(f"{parser.prog} {_version()}\n")
        parser.exit(0)


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="bnproof", description=(
        "Machine-checked refutation of Lemma 4.5 of Santurkar et al. (2018): Z3 proves each "
        "obligation, an independent SymPy evaluator cross-checks it."))
    p.add_argument("--version", action=_VersionAction, nargs=0,
                   help="show the installed version and exit")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    prove = sub.add_parser("prove", help="prove the refutation (canonical set, or --data FILE)",
                           description="Run every obligation through Z3 and cross-check it in SymPy. "
                           "Exit 0 if all are proved, 1 if any fails, 2 on bad input.")
    prove.add_argument("--data", metavar="FILE",
                       help='JSON {"X": [[...], ...], "y": [...]} or a CSV/Parquet file with a header '
                       '(last column y; `check` has the column flags); numbers are read exactly '
                       '("0.1", "-3/7", "2e-3"). Default: the canonical set of docs/spec.md §4')
    prove.add_argument("--json", action="store_true", help="print the JSON report instead of the table")
    prove.add_argument("--output", metavar="FILE", help="also write the JSON report to FILE (atomically)")
    prove.add_argument("--timeout", type=_positive(float), default=30.0, metavar="SECONDS",
                       help="per-obligation solver timeout (default 30); a timeout is a failure")
    prove.add_argument("--samples", type=_positive(int), default=100_000, metavar="N",
                       help="seeded Monte-Carlo samples beside the exact failing probability; "
                       "must be >= 0 (default 100000; 0: none)")
    _add_check(sub)
    _add_variant_flags(prove, sub.choices["check"])
    _add_theorems(sub)
    _add_search(sub)
    return p


# --- the variants of docs/spec.md §7 (harness/variants.py): `--variant` and `--epsilon` -----------

def _exact_epsilon(text: str):
    from harness.numbers import parse_exact

    try:
        value = parse_exact(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be positive")
    return value


def _add_variant_flags(*parsers) -> None:
    from harness.variant_names import VARIANTS

    for p in parsers:
        p.add_argument("--variant", choices=VARIANTS, default="paper",
                       help="the network of docs/spec.md §7: paper (default), gamma-beta (trainable γ, β), "
                       "epsilon (ε > 0), torch (trainable γ, β and ε > 0), bias (a bias in the standard network)")
        p.add_argument("--epsilon", type=_exact_epsilon, metavar="E",
                       help="ε of --variant epsilon/torch, read as an exact rational (default 1e-5 = 1/100000)")


def _variant_problem(args) -> str | None:
    if getattr(args, "epsilon", None) is not None and args.variant not in ("epsilon", "torch"):
        return f"--epsilon applies to --variant epsilon and torch only (got --variant {args.variant})"
    return None


def _run_variant(args) -> int:
    """`prove --variant V` and `check FILE --variant V` for V != paper."""
    from harness.variants import check_variant, prove_variant, variant_table

    try:
        if args.command == "check":
            report = check_variant(args.file, args.variant, args.epsilon, _read_options(args),
                                   args.prove, args.samples, args.timeout)
        else:
            from harness.reader import load

            ls = load(args.data) if args.data else canonical()
            report = prove_variant(ls, args.variant, args.epsilon, args.timeout, args.samples)
    except InputError as exc:
        print(f"bnproof: {exc}", file=sys.stderr)
        return 2
    _emit(args, report, variant_table)
    return 0 if report.get("proved", True) else 1


def _emit(args, report: dict, table) -> None:
    """The JSON report to --output (atomically), and the JSON (--json) or table on stdout."""
    if args.output:
        write_atomically(args.output, to_json(report))
    if args.json:                 # piece by piece: a report at d = 400 has tens of MB
        sys.stdout.writelines(json_chunks(report))
    else:
        sys.stdout.write(table(report))


def _add_check(sub) -> None:
    from harness.limits import PROVE_MAX_ENTRIES

    check = sub.add_parser("check", help="exact verdict on (L4.5) for a learning set (JSON or CSV)",
                           description="Exact verdict on (L4.5) for any learning set: W*, the BN "
                           "direction d, the failing fraction, a witness. Exit 0 with a verdict, "
                           "1 if --prove finds an obligation contradicted, 2 on bad input.")
    check.add_argument("file", metavar="FILE",
                       help='.csv/.tsv/.txt (any delimiter), .parquet, or .json {"X": [[...], '
                       '...], "y": [...]}; optionally .gz/.bz2/.xz; "-" reads standard input')
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.add_argument("--exact", action="store_true",
                       help="also print the exact values (W*, d, ∇L̂(W*), the failing fraction, "
                       "the witness) as rationals and surds, in full")
    _add_input_flags(check)
    check.add_argument("--prove", action="store_true",
                       help="also prove the verdict with Z3, obligation by obligation: at d <= 3 the "
                       "obligations of `prove --data` (13 where (L4.5) fails, 10 where it holds); "
                       "at d >= 4 their scalable encodings (literal-to-matrix identities with the "
                       "data's small coefficients, exact matrix facts, the BN optima in Σ-orthogonal "
                       "coordinates, the lemma in Gram coordinates tied to the data; 18 obligations "
                       "where it fails, 15 where it holds; docs/prove_at_scale.md). Not "
                       f"attempted when n·d > {PROVE_MAX_ENTRIES} (the verdict is then computed, "
                       "not proved). Each obligation: proved, computed, not proved (timeout or "
                       "unknown) or CONTRADICTED (exit 1)")
    check.add_argument("--samples", type=_positive(int), default=0, metavar="N",
                       help="seeded float Monte-Carlo estimate of the failing fraction; must be "
                       ">= 0 (default 0: none)")
    check.add_argument("--output", metavar="FILE", help="also write the JSON report to FILE (atomically)")
    check.add_argument("--plot", metavar="FILE",
                       help="draw the plane of W* and d (BN optima, W*, the line through W*, the "
                       "failure region) into FILE (.png, .pdf or .svg; same bytes on every run)")
    check.add_argument("--timeout", type=_positive(float), default=5.0, metavar="SECONDS",
                       help="per-obligation solver timeout with --prove (default 5); a timeout "
                       "is reported as 'computed, not proved', never as proved")


# --- input flags of `check` (harness/reader.py reads every format through them) ----------------

class _Once(argparse.Action):
    """A flag that may be given once (a repeated --target is an error, not the last one wins)."""

    def __call__(self, parser, namespace, values, option_string=None):
        if getattr(namespace, self.dest) is not None:
            parser.error(f"{option_string} given twice")
        setattr(namespace, self.dest, values)


def _names(text: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in text.split(","))
    if not all(names):
        raise argparse.ArgumentTypeError(f"{text!r}: expected NAME,NAME,... (names or 0-based indices)")
    return names


def _delimiter(text: str) -> str:
    from harness.dialect import parse_delimiter

    try:
        return parse_delimiter(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_input_flags(check) -> None:
    check.add_argument("--target", metavar="COLUMN", action=_Once,
                       help="column holding y, by name or 0-based index (default: the last column)")
    check.add_argument("--features", metavar="A,B,...", type=_names, action=_Once,
                       help="the feature columns, in this order (names or 0-based indices; "
                       "default: every column but the target and --drop)")
    check.add_argument("--drop", metavar="A,B,...", type=_names, action="append", default=[],
                       help="leave these columns out (an ID, a date, text)")
    check.add_argument("--dropna", action="store_true",
                       help="drop rows with a missing value ('', NA, NaN, null, ?) in a used "
                       "column; the report says how many (rows_dropped). Default: an error")
    header = check.add_mutually_exclusive_group()
    header.add_argument("--header", dest="header", action="store_const", const=True,
                        help="the first row holds column names (even if all numbers)")
    header.add_argument("--no-header", dest="header", action="store_const", const=False,
                        help="the first row is data; columns are named 0, 1, ...")
    check.add_argument("--delimiter", metavar="CHAR", type=_delimiter,
                       help="field delimiter (default: sniffed among , TAB ; | and whitespace; "
                       "'tab' and 'whitespace' are accepted)")
    check.add_argument("--format", choices=("csv", "json", "parquet"),
                       help="file format (default: from the name; needed for '-' unless CSV)")
    check.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="dask: exact moments of byte ranges of the file on a Dask cluster, "
                       "added exactly (same report; needs the dask extra)")
    check.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: a running scheduler (default: a LocalCluster of "
                       "2 workers on this machine)")


def _read_options(args, progress=None):
    from harness.columns import ReadOptions

    drop = tuple(n for group in args.drop for n in group)
    return ReadOptions(target=args.target, features=args.features, drop=drop, dropna=args.dropna,
                       header=args.header, delimiter=args.delimiter, format=args.format,
                       progress=progress)


def _file_size(path: str) -> int | None:
    """Bytes of an uncompressed file (the progress bar's total), else None."""
    if path == "-" or path.endswith((".gz", ".bz2", ".xz")) or not os.path.isfile(path):
        return None
    return os.path.getsize(path)


def _run_check(args) -> int:
    # One BLAS thread for the exact block products (a small share of the time): on a shared
    # machine a second OpenBLAS thread mostly spins. Must be set before numpy is imported.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from harness import progress
    from harness.check import check
    from harness.check_text import check_text
    from harness.plot import plot_problem

    problem = _output_problem(args.plot, "--plot") or plot_problem(args.plot)
    if problem:
        print(f"bnproof: {problem}", file=sys.stderr)
        return 2
    progress.quiet(args.json)       # progress goes to a terminal's stderr, never under --json
    try:
        with progress.progress(_file_size(args.file), "reading", unit="B", scale=True) as bar:
            report = check(args.file, prove=args.prove, samples=args.samples,
                           timeout_s=args.timeout, options=_read_options(args, bar.reading),
                           engine=args.engine, scheduler=args.scheduler, plot=args.plot)
    except InputError as exc:
        print(f"bnproof: {exc}", file=sys.stderr)
        return 2
    if args.plot and report["plot"] is None:
        print(f"bnproof: {args.plot}: not written: a degenerate set has no plane of W* and d",
              file=sys.stderr)
    _emit(args, report, lambda r: check_text(r, exact=args.exact))
    from harness.status import exit_code      # a verdict only computed is still a verdict: 0

    return exit_code((r["status"] for r in report["route"].get("obligations", [])), not_proved=0)


# ---- bnproof theorems: the general theorems (harness/theorems.py, docs/general-theorems.md)
def _add_theorems(sub) -> None:
    theorems = sub.add_parser("theorems", help="prove the general theorems (every learning set, every dimension)",
                              description="The general theorems over symbolic statistics: Z3 (cvc5 "
                              "re-decides where it can) and SymPy identities. Exit 0 if all are proved, 1 if not.")
    theorems.add_argument("--json", action="store_true", help="print the JSON report instead of the table")
    theorems.add_argument("--output", metavar="FILE", help="also write the JSON report to FILE (atomically)")
    theorems.add_argument("--timeout", type=_positive(float), default=60.0, metavar="SECONDS",
                          help="per-obligation solver timeout (default 60: the k = 4 queries take "
                          "2-15 s, more on a loaded machine); a timeout is a failure")
    theorems.add_argument("--quick", action="store_true",
                          help="dimensions k = 2, 3 only (what `make test` runs; k = 4 takes seconds)")


def _run_theorems(args) -> int:
    from harness.theorems import QUICK, theorems, theorems_table

    report = theorems(args.timeout, **(QUICK if args.quick else {}))
    _emit(args, report, theorems_table)
    return 0 if report["proved"] else 1
# ---- end bnproof theorems


# --- bnproof search (docs/spec.md §7, smallest counterexamples) -------------------------------------

def _add_search(sub) -> None:
    from harness.limits import SEARCH_MAX_BOUND as MAX_BOUND

    search = sub.add_parser("search", help="every 3-point learning set in R² with entries in "
                            "{-B..B}, with exact verdicts",
                            description="Enumerate the 3-point learning sets in R² with x and y "
                            "entries in {-B..B} and count the exact verdicts on (L4.5). With "
                            "--report DIR: write DIR/counterexamples.md and the histogram, and "
                            "prove the minimality theorems (exit 1 unless all are proved).")
    search.add_argument("--bound", type=int, choices=range(1, MAX_BOUND + 1), default=1,
                        metavar="B", help=f"the box {{-B..B}}, B in 1..{MAX_BOUND} (default 1)")
    search.add_argument("--json", action="store_true", help="print one JSON object")
    search.add_argument("--report", metavar="DIR",
                        help="write DIR/counterexamples.md and counterexamples.pdf/.png (both boxes; "
                        "--bound and --json are then ignored)")
    search.add_argument("--timeout", type=_positive(float), default=10.0, metavar="SECONDS",
                        help="per-obligation solver timeout with --report (default 10)")


def _run_search(args) -> int:
    from harness.search import summary

    if args.report:
        if not Path(args.report).is_dir():
            print(f"bnproof: {args.report}: --report folder does not exist", file=sys.stderr)
            return 2
        from harness.counterexamples import RoutesDisagree, decide_minimality, write

        rows = decide_minimality(args.timeout)
        try:
            written = write(Path(args.report), rows)
        except RoutesDisagree as exc:
            print(f"bnproof: CONTRADICTED: the exact core and the integer route disagree: {exc}",
                  file=sys.stderr)
            return 1
        for path in written:
            print(f"wrote {path}")
        from harness.status import exit_code

        return exit_code(r["status"] for r in rows)
    result = summary(args.bound)
    if args.json:
        sys.stdout.write(to_json(result))
    else:
        print(f"3-point learning sets in R² with entries in {result['box']}: "
              f"{result['sets_with_distinct_x']} with distinct x's "
              f"(+ {result['sets_with_a_repeated_x']} with a repeated x, all degenerate)")
        for name, count in result["counts"].items():
            print(f"  {name:<15} {count}")
        print(f"  non-degenerate  {result['nondegenerate']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one command; Ctrl-C ends it with exit code 130 and one line, no traceback."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("bnproof: interrupted", file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    args = parser().parse_args(argv)
    if args.command == "search":
        return _run_search(args)
    problem = _output_problem(args.output) or _variant_problem(args)
    if problem:
        print(f"bnproof: {problem}", file=sys.stderr)
        return 2
    if getattr(args, "variant", "paper") != "paper":
        return _run_variant(args)
    if args.command == "check":
        return _run_check(args)
    if args.command == "theorems":
        return _run_theorems(args)
    try:
        if args.data:
            from harness.reader import load
            ls = load(args.data)
        else:
            ls = canonical()
    except InputError as exc:
        print(f"bnproof: {exc}", file=sys.stderr)
        return 2
    from harness.prove import prove

    gc.disable()     # this process imports (long-lived objects: nothing to collect) and waits for
    try:             # its workers, which collect (harness/solver): 0.03 s of its serial start
        report = prove(ls, timeout_s=args.timeout, samples=args.samples)
    finally:
        gc.enable()
    _emit(args, report, prove_table)
    return 0 if report["proved"] else 1


if __name__ == "__main__":
    sys.exit(main())
