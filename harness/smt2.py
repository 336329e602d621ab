"""SMT-LIB2 export: each obligation's Z3 query as a standalone, solver-neutral SMT-LIB2 file.

`to_smt2(obligation)` prints the query itself (our own printer, not Z3's `to_smt2`, whose
`let` names depend on Z3's internal term ids and whose `^` is not SMT-LIB): one `(assert ...)`
per conjunct of `obligation.query`, the uninterpreted constants declared as `Real` in name
order, numerals as `d.0` or `(/ p.0 q.0)`. The file has `(set-logic QF_NRA)`,
`(set-info :status sat|unsat)` (the expected answer) and the statement as a `;` comment.

Not literal: Z3's power a^k (k a natural-number constant; the encoding only squares) is printed
as the product (* a ... a) of k factors, which is the same real number (and 1.0 for k = 0).
Division keeps SMT-LIB's semantics (x/0 an unspecified value) in both solvers; every query
that divides by a term also asserts that term positive (s > 0, or ||d||² a positive constant).

`python -m harness.smt2 [DIR]` writes every obligation of the canonical set to DIR
(default proofs/smt2/), each file atomically; the bytes depend only on the obligations.
"""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path

import z3

from proofs.obligation import Obligation

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "proofs" / "smt2"

_OPS = {
    z3.Z3_OP_AND: "and", z3.Z3_OP_OR: "or", z3.Z3_OP_NOT: "not", z3.Z3_OP_IMPLIES: "=>",
    z3.Z3_OP_DISTINCT: "distinct", z3.Z3_OP_EQ: "=", z3.Z3_OP_LT: "<", z3.Z3_OP_LE: "<=",
    z3.Z3_OP_GT: ">", z3.Z3_OP_GE: ">=", z3.Z3_OP_ADD: "+", z3.Z3_OP_SUB: "-",
    z3.Z3_OP_UMINUS: "-", z3.Z3_OP_MUL: "*", z3.Z3_OP_DIV: "/", z3.Z3_OP_ITE: "ite",
}


class ExportError(Exception):
    """A term outside the fragment this printer supports (real arithmetic, Booleans)."""


def numeral(q: Fraction) -> str:
    """An exact rational as an SMT-LIB Real term: 2.0, (- 2.0), (/ 1.0 3.0), (- (/ 1.0 3.0))."""
    q = Fraction(q)
    body = f"{abs(q.numerator)}.0" if q.denominator == 1 else \
        f"(/ {abs(q.numerator)}.0 {q.denominator}.0)"
    return f"(- {body})" if q < 0 else body


def term(e: z3.ExprRef, memo: dict | None = None) -> str:
    """The SMT-LIB2 text of e (memo: already printed shared subterms, by Z3 term id)."""
    memo = {} if memo is None else memo
    key = e.get_id()
    if key not in memo:
        memo[key] = _term(e, memo)
    return memo[key]


def _term(e: z3.ExprRef, memo: dict) -> str:
    if z3.is_true(e):
        return "true"
    if z3.is_false(e):
        return "false"
    if not (z3.is_bool(e) or e.sort() == z3.RealSort()):
        raise ExportError(f"unsupported sort {e.sort()} in {e}")
    if z3.is_rational_value(e):
        return numeral(e.as_fraction())
    if z3.is_const(e) and e.decl().kind() == z3.Z3_OP_UNINTERPRETED:
        return e.decl().name()
    kind = e.decl().kind()
    args = [e.arg(i) for i in range(e.num_args())]
    if kind == z3.Z3_OP_POWER:
        base, exponent = args
        k = exponent.as_fraction() if z3.is_rational_value(exponent) else None
        if k is None or k.denominator != 1 or k < 0:
            raise ExportError(f"unsupported power {e}")
        if k == 0:
            return "1.0"
        return term(base, memo) if k == 1 else f"(* {' '.join([term(base, memo)] * int(k))})"
    if kind not in _OPS:
        raise ExportError(f"unsupported operator {e.decl().name()} in {e}")
    if len(args) == 1 and kind in (z3.Z3_OP_ADD, z3.Z3_OP_MUL):
        return term(args[0], memo)      # a one-term sum (dimension 1): cvc5 wants two or more
    return f"({_OPS[kind]} {' '.join(term(a, memo) for a in args)})"


def constants(query) -> list[str]:
    """The names of the uninterpreted constants of the query, sorted."""
    seen, stack = set(), list(query)
    names = set()
    while stack:
        e = stack.pop()
        if e.get_id() in seen:
            continue
        seen.add(e.get_id())
        if z3.is_const(e) and e.decl().kind() == z3.Z3_OP_UNINTERPRETED:
            if e.sort() != z3.RealSort():
                raise ExportError(f"constant {e} has sort {e.sort()}, expected Real")
            names.add(e.decl().name())
        stack.extend(e.children())
    return sorted(names)


def to_smt2(ob: Obligation, learning_set: str = "") -> str:
    memo: dict = {}
    lines = [
        f"; bnproof obligation {ob.name}" + (f" ({learning_set})" if learning_set else ""),
        f"; claim: {ob.statement}",
        f"; expected: {ob.expected}"
        + (" (the query is the claim's negation: unsat proves the claim)" if ob.expected == "unsat"
           else " (the query is the claim itself: a model is a witness)"),
        "(set-logic QF_NRA)",
        f"(set-info :status {ob.expected})",
        *[f"(declare-fun {name} () Real)" for name in constants(ob.query)],
        *[f"(assert {term(q, memo)})" for q in ob.query],
        "(check-sat)",
        "(exit)",
    ]
    return "\n".join(lines) + "\n"


def status(text: str) -> str:
    """The `:status` a file declares (sat or unsat)."""
    for line in text.splitlines():
        if line.startswith("(set-info :status "):
            return line.removeprefix("(set-info :status ").rstrip(")")
    raise ExportError("no (set-info :status ...) line")


def canonical_files() -> dict[str, str]:
    """File name -> SMT-LIB2 text for every obligation of the canonical set, in proof order."""
    from harness.learning_set import canonical
    from harness.statistics import claims, exact_statistics
    from proofs import all_obligations

    ls = canonical()
    return {f"{ob.name}.smt2": to_smt2(ob, "canonical learning set, docs/spec.md §4")
            for ob in all_obligations(claims(ls, exact_statistics(ls)))}


def write_folder(folder: Path, files: dict[str, str]) -> str:
    """Write every file atomically into folder and remove its stale *.smt2 files; the summary."""
    from harness.report import write_atomically

    for name, text in files.items():
        write_atomically(str(folder / name), text)
    stale = sorted(p.name for p in folder.glob("*.smt2") if p.name not in files)
    for name in stale:
        (folder / name).unlink()
    return f"wrote {len(files)} SMT-LIB2 files to {folder}" + (f" (removed {stale})" if stale else "")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    print(write_folder(Path(argv[0]) if argv else DEFAULT_DIR, canonical_files()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
