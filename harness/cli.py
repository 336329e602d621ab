"""The command line: `bnproof prove [--data FILE] [--json] [--output FILE] [--timeout S]` and
`bnproof check FILE [--json] [--target NAME] [--prove] [--samples N] [--output FILE]`.

Exit codes: 0 every obligation has its expected result and passed its cross-check; 1 some
obligation failed (a wrong answer, `unknown`, a timeout or a failed cross-check); 2 bad usage or
bad input (one line on stderr, nothing written).
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from harness.learning_set import InputError, canonical, load_json
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
                       help='JSON {"X": [[...], ...], "y": [...]}; numbers are read exactly '
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
                       help='.json {"X": [[...], ...], "y": [...]} or .csv with a header row')
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.add_argument("--target", metavar="NAME",
                       help="CSV column holding y (default: the last column)")
    check.add_argument("--prove", action="store_true",
                       help="also run the obligations of `prove --data` through Z3")
    check.add_argument("--samples", type=_positive(int), default=0, metavar="N",
                       help="seeded float Monte-Carlo estimate of the failing fraction (default 0: none)")
    check.add_argument("--output", metavar="FILE", help="also write the JSON report to FILE (atomically)")
    check.add_argument("--timeout", type=_positive(float), default=5.0, metavar="SECONDS",
                       help="per-obligation solver timeout with --prove (default 5); a timeout "
                       "is reported as 'computed, not proved', never as proved")


def _run_check(args) -> int:
    from harness.check import check, check_text

    try:
        report = check(args.file, target=args.target, prove=args.prove, samples=args.samples,
                       timeout_s=args.timeout)
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
    args = parser().parse_args(argv)
    problem = _output_problem(args.output)
    if problem:
        print(f"bnproof: {problem}", file=sys.stderr)
        return 2
    if args.command == "check":
        return _run_check(args)
    try:
        ls = load_json(args.data) if args.data else canonical()
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
