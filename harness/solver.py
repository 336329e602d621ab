"""The solver boundary: the only code that runs a solver.

`decide` runs one obligation's query in a fresh Z3 solver with a timeout and a fixed seed and
turns the answer into an Outcome: "sat", "unsat", "unknown", "timeout" or "vacuous". `unknown`
and `timeout` are failures of the obligation, never passes. "vacuous" means the definitions of
the auxiliary variables alone are unsatisfiable, so an `unsat` would prove nothing: also a
failure. On `sat` the witness terms are read from the model exactly (harness/witness.py).
`decide_smt2` does the same for a standalone SMT-LIB2 text (proofs/smt2/*.smt2);
harness/second_solver.py is the boundary for the second solver, cvc5.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import sympy
import z3

from harness.witness import exact_value
from proofs.obligation import Obligation

SEED = 0


@dataclass
class Outcome:
    result: str                                   # "sat" | "unsat" | "unknown" | "timeout"
    seconds: float
    witness: dict[str, sympy.Expr] = field(default_factory=dict)
    reason: str = ""


def new_solver(timeout_s: float, tactic: tuple[str, ...] = ()) -> z3.Solver:
    solver = z3.Then(*tactic).solver() if tactic else z3.Solver()
    solver.set("timeout", max(1, int(timeout_s * 1000)))
    if not tactic:   # a tactic pipeline runs with its tactics' default seeds (0) and the
        solver.set("random_seed", SEED)   # global smt.random_seed set by decide
    return solver


def decide(obligation: Obligation, timeout_s: float = 30.0) -> Outcome:
    """Decide the query, after checking that `definitions + premises` alone are satisfiable
    (expected-unsat obligations only: a vacuous unsat proves nothing). Unsatisfiable premises
    give "vacuous"; an undecided premise check gives "unknown"/"timeout" with the reason
    "premises undecided", never "vacuous"."""
    z3.set_param("smt.random_seed", SEED)
    hypotheses = (*obligation.definitions, *obligation.premises)
    spent = 0.0
    if hypotheses:
        check = _check(hypotheses, timeout_s)
        spent = check.seconds
        if check.result == "unsat":
            return Outcome("vacuous", spent,
                           reason="its definitions and premises alone are unsatisfiable")
        if check.result != "sat":
            return Outcome(check.result, spent, reason=f"premises undecided ({check.reason})")
    outcome = _check(obligation.query, timeout_s, obligation.witness, obligation.tactic)
    outcome.seconds += spent
    return outcome


def _check(constraints, timeout_s: float, witness_terms=None, tactic=()) -> Outcome:
    solver = new_solver(timeout_s, tactic)
    solver.add(*constraints)
    return _run(solver, witness_terms or {})


def decide_smt2(text: str, timeout_s: float = 30.0) -> Outcome:
    """Z3 on the assertions of an SMT-LIB2 text, in a fresh solver (same timeout and seed).
    A text Z3 cannot parse raises z3.Z3Exception."""
    z3.set_param("smt.random_seed", SEED)
    solver = new_solver(timeout_s)
    solver.add(z3.parse_smt2_string(text))
    return _run(solver, {})


def _run(solver: z3.Solver, witness_terms: dict[str, z3.ArithRef]) -> Outcome:
    start = time.perf_counter()
    answer = solver.check()
    seconds = time.perf_counter() - start
    if answer == z3.sat:
        model = solver.model()
        witness = {name: exact_value(model.eval(term, model_completion=True))
                   for name, term in witness_terms.items()}
        return Outcome("sat", seconds, witness)
    if answer == z3.unsat:
        return Outcome("unsat", seconds)
    reason = solver.reason_unknown()
    result = "timeout" if reason in ("timeout", "canceled") else "unknown"
    return Outcome(result, seconds, reason=reason)
