"""The solver boundary: the only code that runs Z3.

`decide` runs one obligation's query in a fresh Z3 solver with a timeout and a fixed seed and
turns the answer into an Outcome: "sat", "unsat", "unknown", "timeout" or "vacuous". `unknown`
and `timeout` are failures of the obligation, never passes. "vacuous" means the definitions and
premises alone are unsatisfiable, so an `unsat` would prove nothing: also a failure. On `sat`
the witness terms are read from the model exactly (harness/witness.py). `decide_all` decides
many obligations, running independent Z3 checks side by side (JOBS at a time).
`decide_smt2` does the same for a standalone SMT-LIB2 text (proofs/smt2/*.smt2);
harness/second_solver.py is the boundary for the second solver, cvc5.

Every Z3 check runs in a forked worker process that is killed when it has not answered GRACE
seconds after its timeout: Z3 checks its own timeout only at certain points and can overrun it
by minutes while it expands a large polynomial (a 5 s timeout ran 93 s at d = 100). The worker
sends back plain text only: the answer, its solver time, the reason of an `unknown`, and each
witness value as exact text (harness/witness.describe); nothing is cached between checks.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from dataclasses import dataclass, field
from typing import Callable

import sympy
import z3

from harness.witness import describe, from_text
from proofs.obligation import Obligation

SEED = 0
GRACE = 0.5                  # seconds past its timeout before a Z3 worker is killed
JOBS = max(1, min(2, os.cpu_count() or 1))   # Z3 checks run side by side


@dataclass
class Outcome:
    result: str                                   # "sat" | "unsat" | "unknown" | "timeout" | "vacuous"
    seconds: float
    witness: dict[str, sympy.Expr] = field(default_factory=dict)
    reason: str = ""


def new_solver(timeout_s: float) -> z3.Solver:
    solver = z3.Solver()
    solver.set("timeout", max(1, int(timeout_s * 1000)))
    solver.set("random_seed", SEED)
    return solver


def decide(obligation: Obligation, timeout_s: float = 30.0) -> Outcome:
    """Decide the query, after checking that `definitions + premises` alone are satisfiable.
    Unsatisfiable hypotheses give "vacuous"; an undecided hypothesis check gives
    "unknown"/"timeout" with the reason "premises undecided", never "vacuous"."""
    return decide_all([obligation], timeout_s)[0]


def decide_all(obligations: list[Obligation], timeout_s: float = 30.0,
               jobs: int = JOBS) -> list[Outcome]:
    """`decide` for each obligation, in order; the hypothesis check and the query of every
    obligation are independent Z3 checks, run `jobs` at a time, each in its own worker."""
    tasks, slots = [], []
    for ob in obligations:
        hypotheses = (*ob.definitions, *ob.premises)
        slots.append((len(tasks), len(tasks) + 1 if hypotheses else None))
        tasks.append(_query_task(ob.query, timeout_s, ob.witness))
        if hypotheses:
            tasks.append(_query_task(hypotheses, timeout_s, {}))
    answers = [_outcome(r, timeout_s) for r in run_in_workers(tasks, timeout_s, jobs)]
    return [_combine(answers[q], None if h is None else answers[h]) for q, h in slots]


def _combine(query: Outcome, hypotheses: Outcome | None) -> Outcome:
    if hypotheses is None:
        return query
    if hypotheses.result == "unsat":
        return Outcome("vacuous", hypotheses.seconds,
                       reason="its definitions and premises alone are unsatisfiable")
    if hypotheses.result != "sat":
        return Outcome(hypotheses.result, hypotheses.seconds,
                       reason=f"premises undecided ({hypotheses.reason})")
    query.seconds += hypotheses.seconds
    return query


def decide_smt2(text: str, timeout_s: float = 30.0) -> Outcome:
    """Z3 on the assertions of an SMT-LIB2 text, in a fresh solver (same timeout, seed and
    worker). A text Z3 cannot parse raises z3.Z3Exception (parsed here, before the worker)."""
    assertions = z3.parse_smt2_string(text)
    [result] = run_in_workers([_query_task(tuple(assertions), timeout_s, {})], timeout_s)
    return _outcome(result, timeout_s)


def _query_task(constraints, timeout_s: float, witness_terms: dict) -> Callable[[], tuple]:
    """What a worker runs: Z3 on `constraints`; returns plain text (picklable, exact)."""
    def task() -> tuple:
        z3.set_param("smt.random_seed", SEED)
        solver = new_solver(timeout_s)
        solver.add(*constraints)
        start = time.perf_counter()
        answer = solver.check()
        seconds = time.perf_counter() - start
        if answer == z3.sat:
            model = solver.model()
            witness = {name: describe(model.eval(term, model_completion=True))
                       for name, term in witness_terms.items()}
            return ("sat", seconds, witness, "")
        if answer == z3.unsat:
            return ("unsat", seconds, {}, "")
        reason = solver.reason_unknown()
        return ("timeout" if reason in ("timeout", "canceled") else "unknown", seconds, {}, reason)
    return task


@dataclass
class _Worker:
    pid: int
    fd: int
    deadline: float
    start: float
    data: bytearray = field(default_factory=bytearray)


@dataclass
class WorkerResult:
    kind: str            # "ok" (payload: the task's value), "error", "killed" or "died"
    payload: object
    seconds: float       # wall time from fork to answer


def _outcome(r: WorkerResult, timeout_s: float) -> Outcome:
    """A Z3 task's WorkerResult as an Outcome: killed -> "timeout"; error or death -> "unknown"."""
    if r.kind == "killed":
        return Outcome("timeout", r.seconds,
                       reason=f"killed: no answer {GRACE} s after the {timeout_s} s timeout")
    if r.kind == "died":
        return Outcome("unknown", r.seconds, reason="the Z3 worker died without an answer")
    if r.kind == "error":
        return Outcome("unknown", r.seconds, reason=f"the Z3 worker failed: {r.payload}")
    result, seconds, witness, reason = r.payload
    return Outcome(result, seconds, {k: from_text(v) for k, v in witness.items()}, reason)


def run_in_workers(tasks: list[Callable[[], object]], timeout_s: float,
                   jobs: int = JOBS) -> list[WorkerResult]:
    """Run each task in a forked process, `jobs` at a time, and return what each returned
    (pickled back). A process still running GRACE seconds after `timeout_s` is killed."""
    results: list[WorkerResult | None] = [None] * len(tasks)
    pending = list(enumerate(tasks))[::-1]
    running: dict[int, tuple[int, _Worker]] = {}
    try:
        while pending or running:
            while pending and len(running) < max(1, jobs):
                index, task = pending.pop()
                worker = _fork(task, timeout_s)
                running[worker.fd] = (index, worker)
            now = time.perf_counter()
            wait = max(0.0, min(w.deadline for _, w in running.values()) - now)
            ready, _, _ = select.select(list(running), [], [], wait)
            for fd in ready:
                index, worker = running[fd]
                chunk = os.read(fd, 1 << 16)
                if chunk:
                    worker.data += chunk
                    continue
                del running[fd]
                results[index] = _finish(worker)
            now = time.perf_counter()
            for fd, (index, worker) in list(running.items()):
                if now >= worker.deadline:
                    del running[fd]
                    _kill(worker)
                    results[index] = WorkerResult("killed", None, now - worker.start)
    finally:
        for _, worker in running.values():
            _kill(worker)
    return results  # type: ignore[return-value]


def _fork(task: Callable[[], object], timeout_s: float) -> _Worker:
    read_fd, write_fd = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:                                   # the worker: answer, then exit at once
        try:
            os.close(read_fd)
            try:
                payload = ("ok", task())
            except Exception as exc:               # reported, never taken for an answer
                payload = ("error", f"{type(exc).__name__}: {exc}")
            data = pickle.dumps(payload)
            view = memoryview(data)
            while view:
                view = view[os.write(write_fd, view):]
        finally:
            os._exit(0)
    os.close(write_fd)
    return _Worker(pid, read_fd, start + timeout_s + GRACE, start)


def _finish(worker: _Worker) -> WorkerResult:
    os.close(worker.fd)
    os.waitpid(worker.pid, 0)
    elapsed = time.perf_counter() - worker.start
    if not worker.data:
        return WorkerResult("died", None, elapsed)
    kind, payload = pickle.loads(bytes(worker.data))
    return WorkerResult(kind, payload, elapsed)


def _kill(worker: _Worker) -> None:
    try:
        os.kill(worker.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(worker.pid, 0)
    os.close(worker.fd)
