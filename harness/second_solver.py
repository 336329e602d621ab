"""The second solver's boundary: the only code that runs cvc5 (harness/solver.py runs Z3).

`decide_cvc5` reads one SMT-LIB2 text (harness/smt2.py writes them) with cvc5's own SMT-LIB
parser, in a fresh cvc5 solver with a fixed seed, a per-check time limit (`tlimit-per`) and
the options for nonlinear real arithmetic: `nl-cov` (cylindrical algebraic coverings, which
is what decides unsat QF_NRA queries; cvc5's incremental linearization alone is incomplete for
unsat). The answer becomes an Outcome like Z3's: "sat", "unsat", "unknown" or "timeout", and
`unknown` and `timeout` are failures, never passes. cvc5 shares no code with Z3; the only thing
the two solvers share is the SMT-LIB2 text.
"""

from __future__ import annotations

import time

import cvc5

from harness.solver import SEED, Outcome

OPTIONS = {
    "nl-cov": "true",          # nonlinear coverings: complete for QF_NRA
    "seed": str(SEED),
}


class SmtLibError(Exception):
    """cvc5 could not parse or run a command of the SMT-LIB2 text (the message names no file)."""


def decide_cvc5(text: str, timeout_s: float = 30.0, name: str = "<query>") -> Outcome:
    tm = cvc5.TermManager()
    solver = cvc5.Solver(tm)
    for option, value in {**OPTIONS, "tlimit-per": str(max(1, int(timeout_s * 1000)))}.items():
        solver.setOption(option, value)
    symbols = cvc5.SymbolManager(tm)
    parser = cvc5.InputParser(solver, symbols)
    parser.setStringInput(cvc5.InputLanguage.SMT_LIB_2_6, text, name)
    result, seconds = None, 0.0
    try:
        while not (command := parser.nextCommand()).isNull():
            if command.getCommandName() == "exit":
                break
            if command.getCommandName() == "set-info":
                continue  # metadata; cvc5 would turn an answer differing from :status into an error
            if command.getCommandName() != "check-sat":
                command.invoke(solver, symbols)
                continue
            if result is not None:
                raise SmtLibError("more than one (check-sat)")
            start = time.perf_counter()
            result = solver.checkSat()
            seconds = time.perf_counter() - start
    except RuntimeError as exc:  # cvc5 reports parse and command errors as RuntimeError
        message = str(exc).strip().splitlines()
        raise SmtLibError(message[0].removeprefix(f"{name}:").strip() if message else "cvc5 error") from None
    if result is None:
        raise SmtLibError("no (check-sat)")
    if result.isSat():
        return Outcome("sat", seconds)
    if result.isUnsat():
        return Outcome("unsat", seconds)
    reason = str(result.getUnknownExplanation())
    return Outcome("timeout" if "TIMEOUT" in reason else "unknown", seconds, reason=reason)
