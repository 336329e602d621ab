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
    return _Printer(e.ctx, {} if memo is None else memo).text(e.as_ast())


class _Printer:
    """Walks the term through Z3's C API (three times faster than the Python wrappers; the
    printed query keeps every subterm alive), each shared subterm printed once."""

    def __init__(self, ctx: z3.Context, memo: dict):
        self.ctx, self.ref, self.memo = ctx, ctx.ref(), memo

    def text(self, ast) -> str:
        key = z3.Z3_get_ast_id(self.ref, ast)
        if key not in self.memo:
            self.memo[key] = self._text(ast)
        return self.memo[key]

    def _expr(self, ast) -> z3.ExprRef:                 # for error messages
        return z3.ExprRef(ast, self.ctx)

    def _text(self, ast) -> str:
        ref = self.ref
        kind = z3.Z3_get_ast_kind(ref, ast)
        if kind not in (z3.Z3_APP_AST, z3.Z3_NUMERAL_AST):
            raise ExportError(f"unsupported term {self._expr(ast)}")
        op = z3.Z3_get_decl_kind(ref, z3.Z3_get_app_decl(ref, ast))
        if op == z3.Z3_OP_TRUE:
            return "true"
        if op == z3.Z3_OP_FALSE:
            return "false"
        sort = z3.Z3_get_sort_kind(ref, z3.Z3_get_sort(ref, ast))
        if sort not in (z3.Z3_BOOL_SORT, z3.Z3_REAL_SORT):
            e = self._expr(ast)
            raise ExportError(f"unsupported sort {e.sort()} in {e}")
        if kind == z3.Z3_NUMERAL_AST:
            return numeral(Fraction(z3.Z3_get_numeral_string(ref, ast)))
        count = z3.Z3_get_app_num_args(ref, ast)
        if count == 0 and op == z3.Z3_OP_UNINTERPRETED:
            return z3.Z3_get_symbol_string(ref, z3.Z3_get_decl_name(ref, z3.Z3_get_app_decl(ref, ast)))
        args = [z3.Z3_get_app_arg(ref, ast, i) for i in range(count)]
        if op == z3.Z3_OP_POWER:
            base, exponent = args
            k = (Fraction(z3.Z3_get_numeral_string(ref, exponent))
                 if z3.Z3_get_ast_kind(ref, exponent) == z3.Z3_NUMERAL_AST else None)
            if k is None or k.denominator != 1 or k < 0:
                raise ExportError(f"unsupported power {self._expr(ast)}")
            if k == 0:
                return "1.0"
            return self.text(base) if k == 1 else f"(* {' '.join([self.text(base)] * int(k))})"
        if op not in _OPS:
            e = self._expr(ast)
            raise ExportError(f"unsupported operator {e.decl().name()} in {e}")
        if count == 1 and op in (z3.Z3_OP_ADD, z3.Z3_OP_MUL):
            return self.text(args[0])      # a one-term sum (dimension 1): cvc5 wants two or more
        return f"({_OPS[op]} {' '.join(self.text(a) for a in args)})"

    def constants(self, query) -> list[str]:
        """The names of the uninterpreted constants of the query, sorted."""
        ref = self.ref
        seen, stack, names = set(), [q.as_ast() for q in query], set()
        while stack:
            ast = stack.pop()
            key = z3.Z3_get_ast_id(ref, ast)
            if key in seen:
                continue
            seen.add(key)
            if z3.Z3_get_ast_kind(ref, ast) != z3.Z3_APP_AST:
                continue
            decl = z3.Z3_get_app_decl(ref, ast)
            count = z3.Z3_get_app_num_args(ref, ast)
            if count == 0 and z3.Z3_get_decl_kind(ref, decl) == z3.Z3_OP_UNINTERPRETED:
                if z3.Z3_get_sort_kind(ref, z3.Z3_get_sort(ref, ast)) != z3.Z3_REAL_SORT:
                    e = self._expr(ast)
                    raise ExportError(f"constant {e} has sort {e.sort()}, expected Real")
                names.add(z3.Z3_get_symbol_string(ref, z3.Z3_get_decl_name(ref, decl)))
            stack.extend(z3.Z3_get_app_arg(ref, ast, i) for i in range(count))
        return sorted(names)


def constants(query) -> list[str]:
    """The names of the uninterpreted constants of the query, sorted."""
    return _Printer(query[0].ctx, {}).constants(query) if query else []


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
