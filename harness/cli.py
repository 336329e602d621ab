"""The command line: `bnproof prove [--data FILE] [--json] [--output FILE] [--timeout S]` and
`bnproof check FILE [--json] [--prove] [--samples N] [--output FILE]` with the input flags
`--target COL --features A,B --drop C --dropna --header/--no-header --delimiter X --format F`.

Exit codes: 0 every obligation has its expected result and passed its cross-check; 1 some
obligation failed (a wrong answer, `unknown`, a timeout or a failed cross-check); 2 bad usage or
bad input (one line on stderr, nothing written); 130 interrupted (Ctrl-C, one line).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

from harness.learning_set import InputError, canonical
from harness.report import prove_table, to_json, write_atomically


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message}\n")


def _positive(kind):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not value > 0 and not (kind is int and value == 0):
            raise argparse.ArgumentTypeError(f"{text!r} must be positive")
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"{text!r} must be finite")
        return value
    return parse


def _output_problem(path: str | None) -> str | None:
    """Why --output PATH cannot be written (checked before any work), or None."""
    if path is None:
        return None
    target = Path(path)
    if target.is_dir():
        return f"{path}: --output is a directory"
    if not target.parent.is_dir():
        return f"{path}: --output folder {target.parent} does not exist"
    return None


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bnproof")
    except PackageNotFoundError:
        return "unknown (not installed)"


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="bnproof", description=(
        "Machine-checked refutation of Lemma 4.5 of Santurkar et al. (2018): Z3 proves each "
        "obligation, an independent SymPy evaluator cross-checks it."))
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    prove = sub.add_parser("prove", help="prove the refutation (canonical set, or --data FILE)",
                           description="Run every obligation through Z3 and cross-check it in SymPy. "
                           "Exit 0 if all are proved, 1 if any fails, 2 on bad input.")
    prove.add_argument("--data", metavar="FILE",
                       help='JSON {"X": [[...], ...], "y": [...]} or a CSV/Parquet file with a header '
                       '(last column y; `check` has the column flags); numbers are read exactly '
                       '("0.1", "-3/7", "2e-3"). Default: the canonical set of paper.md §4')
    prove.add_argument("--json", action="store_true", help="print the JSON report instead of the table")
    prove.add_argument("--output", metavar="FILE", help="also write the JSON report to FILE (atomically)")
    prove.add_argument("--timeout", type=_positive(float), default=30.0, metavar="SECONDS",
                       help="per-obligation solver timeout (default 30); a timeout is a failure")
    prove.add_argument("--samples", type=_positive(int), default=100_000, metavar="N",
                       help="seeded Monte-Carlo samples beside the exact failing probability (0: none)")
    _add_check(sub)
    return p


def _add_check(sub) -> None:
    check = sub.add_parser("check", help="exact verdict on (L4.5) for a learning set (JSON or CSV)",
                           description="Exact verdict on (L4.5) for any learning set: W*, the BN "
                           "direction d, the failing fraction, a witness. Exit 0 with a verdict, "
                           "1 if --prove finds an obligation contradicted, 2 on bad input.")
    check.add_argument("file", metavar="FILE",
                       help='.csv/.tsv/.txt (any delimiter), .parquet, or .json {"X": [[...], '
                       '...], "y": [...]}; optionally .gz/.bz2/.xz; "-" reads standard input')
    check.add_argument("--json", action="store_true", help="print one JSON object")
    _add_input_flags(check)
    check.add_argument("--prove", action="store_true",
                       help="also run the obligations of `prove --data` through Z3")
    check.add_argument("--samples", type=_positive(int), default=0, metavar="N",
                       help="seeded float Monte-Carlo estimate of the failing fraction (default 0: none)")
    check.add_argument("--output", metavar="FILE", help="also write the JSON report to FILE (atomically)")
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
    from harness.check import check, check_text
    from harness.progress import terminal_progress, wanted

    try:
        with terminal_progress(wanted(args.json), _file_size(args.file)) as progress:
            report = check(args.file, prove=args.prove, samples=args.samples,
                           timeout_s=args.timeout, options=_read_options(args, progress.reading),
                           engine=args.engine, scheduler=args.scheduler)
    except InputError as exc:
        print(f"bnproof: {exc}", file=sys.stderr)
        return 2
    text = to_json(report)
    if args.output:
        write_atomically(args.output, text)
    sys.stdout.write(text if args.json else check_text(report))
    contradicted = any(r["status"] == "CONTRADICTED" for r in report["route"].get("obligations", []))
    return 1 if contradicted else 0


def main(argv: list[str] | None = None) -> int:
    """Run one command; Ctrl-C ends it with exit code 130 and one line, no traceback."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("bnproof: interrupted", file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    args = parser().parse_args(argv)
    problem = _output_problem(args.output)
    if problem:
        print(f"bnproof: {problem}", file=sys.stderr)
        return 2
    if args.command == "check":
        return _run_check(args)
    from harness.reader import load

    try:
        ls = load(args.data) if args.data else canonical()
    except InputError as exc:
        print(f"bnproof: {exc}", file=sys.stderr)
        return 2
    from harness.prove import prove

    report = prove(ls, timeout_s=args.timeout, samples=args.samples)
    text = to_json(report)
    if args.output:
        write_atomically(args.output, text)
    sys.stdout.write(text if args.json else prove_table(report))
    return 0 if report["proved"] else 1


if __name__ == "__main__":
    sys.exit(main())
