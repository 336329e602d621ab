"""The second solver's boundary: the only code that runs cvc5 (harness/solver.py runs Z3).

`decide_cvc5` reads one SMT-LIB2 text (harness/smt2.py writes them) with cvc5's own SMT-LIB
parser, in a fresh cvc5 solver with a fixed seed, a per-check time limit (`tlimit-per`) and
the options for nonlinear real arithmetic: `nl-cov` (cylindrical algebraic coverings, which
is what decides unsat QF_NRA queries; cvc5's incremental linearization alone is incomplete for
unsat, and is switched off with `nl-ext none`). The answer becomes an Outcome like Z3's:
"sat", "unsat", "unknown" or "timeout", and `unknown` and `timeout` are failures, never passes.
cvc5 shares no code with Z3; the only thing the two solvers share is the SMT-LIB2 text.

The time limit is enforced twice. cvc5 checks `tlimit-per` only at certain points, and inside
the coverings procedure it can overrun it by minutes (seen on a 4-variable quartic system), so
every query runs in a worker process (forked once, reused) that is killed when it has not
answered HARD_MARGIN seconds after the limit; the answer is then "timeout".
"""

from __future__ import annotations

import time

from harness.solver import SEED, Outcome

OPTIONS = {
    "nl-cov": "true",          # nonlinear coverings: complete for QF_NRA
    "nl-ext": "none",          # no incremental linearization: coverings alone decide (complete);
    #                            on the 13 canonical files this is 0.12 s instead of 0.20 s
    "seed": str(SEED),
}
HARD_MARGIN = 1.0              # seconds past the limit before the worker is killed


class SmtLibError(Exception):
    """cvc5 could not parse or run a command of the SMT-LIB2 text (the message names no file)."""


def decide_cvc5(text: str, timeout_s: float = 30.0, name: str = "<query>") -> Outcome:
    return _WORKER.decide(text, timeout_s, name, dict(OPTIONS))


def decide_here(text: str, timeout_s: float, name: str, options: dict) -> Outcome:
    """cvc5 on `text` in this process, with its soft limit `tlimit-per` only (cvc5 is imported
    here, in the worker that runs it: `prove` itself never needs it)."""
    import cvc5

    tm = cvc5.TermManager()
    solver = cvc5.Solver(tm)
    for option, value in {**options, "tlimit-per": str(max(1, int(timeout_s * 1000)))}.items():
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


def _serve(conn) -> None:
    """The worker: answer (text, timeout, name, options) requests until the pipe closes."""
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        try:
            outcome = decide_here(*request)
            conn.send(("ok", (outcome.result, outcome.seconds, outcome.reason)))
        except SmtLibError as exc:
            conn.send(("error", str(exc)))


class _Worker:
    """One forked cvc5 process, restarted after it is killed for overrunning its limit."""

    def __init__(self):
        self.process = None
        self.conn = None

    def _start(self) -> None:
        import multiprocessing      # only here: `prove` runs cvc5 in harness.solver's workers

        context = multiprocessing.get_context("fork")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()

    def _kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()
        self.process = self.conn = None

    def decide(self, text: str, timeout_s: float, name: str, options: dict) -> Outcome:
        if self.process is None or not self.process.is_alive():
            self._start()
        start = time.perf_counter()
        self.conn.send((text, timeout_s, name, options))
        if not self.conn.poll(timeout_s + HARD_MARGIN):
            self._kill()
            return Outcome("timeout", time.perf_counter() - start,
                           reason=f"killed: no answer {HARD_MARGIN} s after the {timeout_s} s limit")
        try:
            kind, payload = self.conn.recv()
        except EOFError:  # the worker died (e.g. cvc5 crashed)
            self._kill()
            return Outcome("unknown", time.perf_counter() - start, reason="the cvc5 worker died")
        if kind == "error":
            raise SmtLibError(payload)
        return Outcome(*payload)


_WORKER = _Worker()
