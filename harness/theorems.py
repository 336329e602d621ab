"""`bnproof theorems` / `make theorems`: the general theorems (proofs/general/), for every learning
set in every dimension, with the report shape of `bnproof prove`.

Two kinds of rows:
- Z3 obligations (method "z3"): decided by harness.solver.decide (premises checked satisfiable
  first: a vacuous unsat is not a proof) and re-decided by cvc5 through harness.trust.second_solver
  (its SMT-LIB2 export). A cvc5 `unknown`/timeout is "not rechecked", never a pass or a failure;
  a cvc5 answer opposite to the expected one fails the row.
- SymPy identities (method "sympy"): a polynomial (or exact real) that must be zero, checked by
  expanding it in a polynomial ring (Lagrange's identity, the realizability identities) or by
  simplifying an exact integral (the probabilities). Expected "identity".
Each row's status follows harness/status.py: "proved" (the expected answer), "CONTRADICTED"
(the opposite definite answer: sat for unsat, "not an identity", or cvc5 answering sat) or
"computed, not proved" (unknown, a timeout, or a vacuous query: its premises are unsatisfiable,
which proves nothing but contradicts nothing either; the row's reason says which).

`python -m harness.theorems [DIR]` writes every Z3 obligation as an SMT-LIB2 file to DIR
(default proofs/smt2/general/), atomically, removing stale files.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import sympy

from harness.report import _table
from harness.smt2 import DEFAULT_DIR, to_smt2, write_folder
from harness.solver import decide
from harness.status import PROVED, exit_code, failed_line, obligation_status
from harness.trust import second_solver
from proofs.general import DATA_SIZES, DIMENSIONS, general_obligations
from proofs.general.bn_optima_ray import lagrange_identity
from proofs.general.probability import failing_probability, gamma_beta_probability
from proofs.general.realizability import construction, w_star_formula

SMT2_DIR = DEFAULT_DIR / "general"
CVC5_TIMES_OUT = re.compile(r"general_bn_.*_k([3-9]|[1-9][0-9]+)")
SOS_DIMENSIONS = tuple(range(2, 9))        # Lagrange's identity, k = 2..8
REALIZABILITY_DIMENSIONS = (2, 3)
ANGLES = tuple(sympy.pi * sympy.Rational(p, q)        # φ for the exact probability checks
               for p, q in ((1, 6), (1, 4), (1, 3), (1, 2), (2, 3), (3, 4), (5, 6)))
QUICK = {"dimensions": (2, 3), "data_sizes": ((3, 2),), "sos_dimensions": (2, 3, 4),
         "angles": ANGLES[2:4]}      # what `make test` runs (tests/test_general_*.py)


def is_zero(expr) -> bool:
    """expr is the zero polynomial: expanded in the polynomial ring QQ[its symbols] (sparse
    polynomial arithmetic: 0.2 s where sympy.expand takes 10 s on the k = 3 construction)."""
    expr = sympy.sympify(expr)
    symbols = tuple(sorted(expr.free_symbols, key=str))
    return (sympy.QQ[symbols].from_sympy(expr) if symbols else expr) == 0


def cvc5_attempted(name: str) -> bool:
    """cvc5 re-decides every Z3 obligation except the BN optima at k >= 3: there it answers
    `timeout` at 5 s (and `unknown` once) on every query (measured), so it is not run and the
    report says so ("not run"); Z3 alone decides them."""
    return CVC5_TIMES_OUT.fullmatch(name) is None


def identities(sos_dimensions=SOS_DIMENSIONS, angles=ANGLES) -> list[tuple[str, str, object]]:
    """(name, statement, check) for the SymPy rows; check() is True iff the identity holds."""
    half = sympy.Rational(1, 2)
    rows = [(f"general_realizability_formula_k{k}",
             f"k = {k}: W* = d + b₀/(1 + x̄ᵀΣ⁻¹x̄)·Σ⁻¹x̄ solves (Σ + x̄x̄ᵀ)W = c + x̄ȳ (adjugate form)",
             lambda k=k: all(is_zero(x) for x in w_star_formula(k)))
            for k in REALIZABILITY_DIMENSIONS]
    rows += [(f"general_realizability_construction_k{k}",
              f"k = {k}: x̄ = Σ(W* - d), b₀ = 1 + x̄ᵀΣ⁻¹x̄, y_i = <d,x_i> + b₀ give back W* and d",
              lambda k=k: all(is_zero(x) for x in construction(k)))
             for k in REALIZABILITY_DIMENSIONS]
    rows += [(f"general_bn_lagrange_identity_k{k}",
              f"k = {k}: (dᵀΣd)(wᵀΣw) - (dᵀΣw)² = Σ_{{i<j}} D_i D_j (e_i v_j - e_j v_i)²",
              lambda k=k: is_zero(sympy.Add(lagrange_identity(k)[0], -lagrange_identity(k)[1])))
             for k in sos_dimensions]
    rows += [(f"general_failing_probability_phi_{sympy.sstr(phi / sympy.pi).replace('/', '_')}pi",
              f"φ = {sympy.sstr(phi)}: P(fails | <W0,W*> > 0) = 1/2 + φ/(2π), and 1/2 with γ, β",
              lambda phi=phi: sympy.simplify(failing_probability(phi) - half - phi / (2 * sympy.pi)) == 0
              and sympy.simplify(gamma_beta_probability(phi) - half) == 0)
             for phi in angles]
    return rows


def _status_fields(expected: str, result: str, reason: str | None = None,
                   cvc5: str | None = None) -> dict:
    """"status" by harness.status.obligation_status (cvc5 contradicting -> CONTRADICTED; a cvc5
    timeout, unknown or "not run" leaves Z3's status) and, unless proved, "reason"."""
    status, why = obligation_status(expected, result, reason, second_solver=cvc5)
    return {"status": status, **({"reason": why} if why else {})}


def theorems(timeout_s: float = 30.0, dimensions=DIMENSIONS, data_sizes=DATA_SIZES,
             sos_dimensions=SOS_DIMENSIONS, angles=ANGLES) -> dict:
    start = time.perf_counter()
    rows = []
    for ob in general_obligations(dimensions, data_sizes):
        outcome = decide(ob, timeout_s)
        cvc5 = second_solver(ob, timeout_s) if cvc5_attempted(ob.name) else {
            "second_solver": "not run", "second_solver_reason": "cvc5 times out on this query"}
        rows.append({"name": ob.name, "statement": ob.statement, "method": "z3",
                     "expected": ob.expected, "result": outcome.result,
                     **_status_fields(ob.expected, outcome.result, outcome.reason,
                                      cvc5["second_solver"]),
                     "seconds": round(outcome.seconds, 4), **cvc5})
    for name, statement, check in identities(sos_dimensions, angles):
        t0 = time.perf_counter()
        result = "identity" if check() else "not an identity"
        rows.append({"name": name, "statement": statement, "method": "sympy",
                     "expected": "identity", "result": result,
                     **_status_fields("identity", result),
                     "seconds": round(time.perf_counter() - t0, 4), "second_solver": None})
    return {"theorems": rows, "proved": exit_code(r["status"] for r in rows) == 0,
            "seconds": round(time.perf_counter() - start, 4)}


def theorems_table(report: dict) -> str:
    rows = [[r["name"], r["method"], r["expected"], r["result"], r["status"], f"{r['seconds']:.3f}",
             "-" if r["second_solver"] is None else "not run" if r["second_solver"] == "not run" else
             f"{r['second_solver']} {r.get('second_solver_seconds', 0):.3f}"]
            for r in report["theorems"]]
    proved = sum(r["status"] == PROVED for r in report["theorems"])
    return "\n".join([
        "General theorems: every learning set, every dimension (docs/general-theorems.md)", "",
        _table(["theorem", "method", "expected", "result", "status", "seconds", "cvc5"], rows), "",
        f"{proved} of {len(rows)} proved ({report['seconds']:.2f} s)"
        + ("" if report["proved"] else ": " + failed_line(report["theorems"]))]) + "\n"


def smt2_files() -> dict[str, str]:
    """File name -> SMT-LIB2 text for every Z3 obligation of the general theorems."""
    return {f"{ob.name}.smt2": to_smt2(ob, "general theorem, every learning set")
            for ob in general_obligations()}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    print(write_folder(Path(argv[0]) if argv else SMT2_DIR, smt2_files()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
