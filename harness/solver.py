"""The solver boundary: the only code that runs Z3.

`decide` runs one obligation's query in a fresh Z3 solver with a timeout and a fixed seed and
turns the answer into an Outcome: "sat", "unsat", "unknown", "timeout" or "vacuous". `unknown`
and `timeout` are failures of the obligation, never passes. "vacuous" means the definitions and
premises alone are unsatisfiable, so an `unsat` would prove nothing: also a failure. On `sat`
the witness terms are read from the model exactly (harness/witness.py). `decide_all` decides
many obligations, running independent Z3 checks side by side (JOBS at a time).
`decide_smt2` does the same for a standalone SMT-LIB2 text (proofs/smt2/*.smt2);
harness/second_solver.py is the boundary for the second solver, cvc5.

Every Z3 check runs in a forked worker process (run_in_workers: JOBS workers, each taking one
check after another), killed when a check has not answered GRACE seconds after its timeout: Z3 checks its own timeout only at certain points and can overrun it
by minutes while it expands a large polynomial (a 5 s timeout ran 93 s at d = 100). The worker
sends back plain text only: the answer, its solver time, the reason of an `unknown`, and each
witness value as exact text (harness/witness.describe); nothing is cached between checks.
"""

from __future__ import annotations

import gc
import os
import pickle
import select
import signal
import struct
import time
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

import z3

from harness.witness import describe, from_text
from proofs.obligation import Obligation

if TYPE_CHECKING:
    import sympy

SEED = 0
GRACE = 0.5                  # seconds past its timeout before a Z3 worker is killed
# Z3 checks run side by side, JOBS at a time; BNPROOF_JOBS=N sets N (tests/conftest.py sets 1
# under pytest-xdist, whose workers already keep every core busy: a second one would only fork)
JOBS = max(1, int(os.environ.get("BNPROOF_JOBS") or min(2, os.cpu_count() or 1)))


@dataclass
class Outcome:
    result: str                                   # "sat" | "unsat" | "unknown" | "timeout" | "vacuous"
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
    """Decide the query, after checking that `definitions + premises` alone are satisfiable.
    Unsatisfiable hypotheses give "vacuous"; an undecided hypothesis check gives
    "unknown"/"timeout" with the reason "premises undecided", never "vacuous"."""
    return decide_all([obligation], timeout_s)[0]


def decide_all(obligations: list[Obligation], timeout_s: float = 30.0, jobs: int = JOBS,
               also: list[tuple[Callable[[], object], float]] = (),
               meanwhile: list[Callable[[], None]] = (),
               on_result: Callable[[int], None] | None = None,
               then: list[tuple] = (),
               early: tuple[Callable[[], None], set[int], set[int]] | None = None) -> list:
    """`decide` for each obligation, in order; the hypothesis check and the query of every
    obligation are independent Z3 checks, run `jobs` at a time, each in its own worker.
    `also`: more (task, timeout) pairs to run in the same pool (cvc5 beside Z3, say); `then`:
    (i, task, timeout) triples, each task run in the pool on obligation i's Outcome as soon as it
    is decided (its cross-check, say); a fourth element, indices into `also`, makes the task wait
    for those too and receive their WorkerResults after the Outcome. The WorkerResults of `also`,
    then of `then`, are appended to the returned list, in order. `meanwhile`: work for this
    process while it waits for the workers (run_in_workers). `on_result(i)`: called as each
    check finishes (a progress bar). `early` = (warmup, light_also, light_then): a first worker
    starts at once on the Z3 checks and the `also` tasks of light_also (indices into `also`),
    then also takes the `then` tasks of light_then, while this process runs warmup() (its
    imports: those tasks must need none of them); the other workers start after warmup
    (run_in_workers)."""
    tasks, slots = [], []
    for ob in obligations:
        hypotheses = (*ob.definitions, *ob.premises)
        slots.append((len(tasks), len(tasks) + 1 if hypotheses else None))
        tasks.append(_query_task(ob.query, timeout_s, ob.witness, ob.tactic))
        if hypotheses:
            tasks.append(_query_task(hypotheses, timeout_s, {}, ob.tactic))
    needs, first, wrapped = {}, len(tasks) + len(also), []
    for k, (i, task, _, *after) in enumerate(then):
        checks = tuple(j for j in slots[i] if j is not None)
        needs[first + k] = (*checks, *(len(tasks) + a for a in (after[0] if after else ())))
        wrapped.append(_on_outcome(task, timeout_s, len(checks)))
    limits = [timeout_s] * len(tasks) + [limit for _, limit in also] + [item[2] for item in then]
    warm_start = None if early is None else (     # (light task indices, warmup): run_in_workers
        {*range(len(tasks)), *(len(tasks) + a for a in early[1]), *(first + k for k in early[2])},
        early[0])
    results = run_in_workers(tasks + [task for task, _ in also] + wrapped,
                             limits, jobs, meanwhile, on_result, needs, warm_start)
    answers = [_outcome(r, timeout_s) for r in results[:len(tasks)]]
    return [_combine(answers[q], None if h is None else answers[h]) for q, h in slots] + \
        results[len(tasks):]


def _on_outcome(task: Callable[..., object], timeout_s: float, checks: int) -> Callable[..., object]:
    """A `then` task as a worker task: given the WorkerResults of the obligation's query and
    hypothesis checks (`checks` of them), then of the `also` tasks it waits for, it calls `task`
    on their Outcome (the one decide_all returns), then those other WorkerResults."""
    def run(query: "WorkerResult", *rest: "WorkerResult") -> object:
        hypotheses = rest[0] if checks == 2 else None
        return task(_combine(_outcome(query, timeout_s),
                             None if hypotheses is None else _outcome(hypotheses, timeout_s)),
                    *rest[checks - 1:])
    return run


def decide_here(obligation: Obligation, timeout_s: float = 30.0) -> Outcome:
    """`decide` in this process (a worker of run_in_workers already, which is killed if it
    overruns): the query, then the hypothesis check, one after the other."""
    hypotheses = (*obligation.definitions, *obligation.premises)
    query = _query_task(obligation.query, timeout_s, obligation.witness, obligation.tactic)
    checked = _query_task(hypotheses, timeout_s, {}, obligation.tactic) if hypotheses else None
    return _combine(_outcome(WorkerResult("ok", query(), 0.0), timeout_s),
                    None if checked is None else _outcome(WorkerResult("ok", checked(), 0.0), timeout_s))


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


def _query_task(constraints, timeout_s: float, witness_terms: dict,
                tactic: tuple[str, ...] = ()) -> Callable[[], tuple]:
    """What a worker runs: Z3 on `constraints` (with `tactic`'s pipeline where an obligation
    names one); returns plain text (picklable, exact)."""
    def task() -> tuple:
        z3.set_param("smt.random_seed", SEED)
        solver = new_solver(timeout_s, tactic)
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


def run_in_workers(tasks: list[Callable[..., object]], timeout_s: float | list[float],
                   jobs: int = JOBS, meanwhile: list[Callable[[], None]] = (),
                   on_result: Callable[[int], None] | None = None,
                   needs: dict[int, tuple[int, ...]] | None = None,
                   early: tuple[set[int], Callable[[], None]] | None = None) -> list[WorkerResult]:
    """Run the tasks in forked worker processes, `jobs` workers at a time, and return what each
    task returned (pickled back). A worker takes one task after another (a fork per task costs
    10 ms); a worker still running a task GRACE seconds after that task's timeout (`timeout_s`,
    or one per task) is killed, the task's result is "killed", and a fresh worker takes the
    remaining tasks. `needs[i]`: earlier tasks whose results task i waits for; it is then called
    with their WorkerResults (sent to the worker) as arguments. While no answer is ready, this
    process runs the `meanwhile` calls, one at a time (the deadlines are checked after each).
    `on_result(index)` is called as each task's result (an answer or "killed") arrives.
    `early` = (light, warmup): one worker is forked at once and sent, queued, every task of
    `light` that needs no other, then this process runs warmup() (imports the other tasks need)
    while that worker runs them; the other workers are forked after warmup, and the early one
    only ever takes tasks of `light` (with jobs < 2, warmup runs first and there is no early
    worker). A queued task's time runs from the answer before it as this process reads it, so
    during warmup a kill can come late by warmup's time, never early."""
    limits = timeout_s if isinstance(timeout_s, list) else [timeout_s] * len(tasks)
    needs = needs or {}
    if any(j >= i for i, before in needs.items() for j in before):
        raise ValueError("a task can only wait for earlier tasks")
    results: list[WorkerResult | None] = [None] * len(tasks)
    pending = list(range(len(tasks)))
    meanwhile = list(meanwhile)[::-1]
    workers: list[_Worker] = []

    def next_ready(light: set[int] | None) -> int | None:
        """The first pending task whose needs are met that a worker limited to `light` (None: any
        task) may take; a worker that may take any task first takes one the early worker may not."""
        ready = [position for position, index in enumerate(pending)
                 if all(results[j] is not None for j in needs.get(index, ()))]
        if light is not None:
            ready = [p for p in ready if pending[p] in light]
        elif early is not None:
            ready = [p for p in ready if pending[p] not in early[0]] or ready
        return pending.pop(ready[0]) if ready else None

    def record(index: int, result: WorkerResult) -> None:
        results[index] = result
        if on_result is not None:
            on_result(index)

    def retire(worker: "_Worker") -> None:
        """A dead or killed worker's tasks not yet answered go back to the others."""
        pending[:0] = worker.queued()
        pending.sort()
        workers.remove(worker)
    try:
        if early is not None and jobs < 2:      # one worker at a time: warm up, then as usual
            early[1]()
            early = None
        if early is not None:
            light, warmup = early
            workers.append(_Worker.fork(tasks, workers, light))
            for index in [i for i in pending if i in light and not needs.get(i)]:
                pending.remove(index)
                workers[0].assign(index, limits[index])
            warmup()
        while pending or any(w.busy for w in workers):
            for worker in workers:
                index = next_ready(worker.light) if not worker.busy else None
                if index is not None:
                    worker.assign(index, limits[index], tuple(results[j] for j in needs.get(index, ())))
            while len(workers) < max(1, jobs) and (index := next_ready(None)) is not None:
                workers.append(_Worker.fork(tasks, workers))     # a fork only for a ready task
                workers[-1].assign(index, limits[index], tuple(results[j] for j in needs.get(index, ())))
            busy = {w.output: w for w in workers if w.busy}
            now = time.perf_counter()
            wait = max(0.0, min(w.deadline for w in busy.values()) - now)
            ready, _, _ = select.select(list(busy), [], [], 0 if meanwhile else wait)
            if not ready and meanwhile:
                meanwhile.pop()()
            for fd in ready:
                worker = busy[fd]
                for index, answer in worker.receive():
                    record(index, answer)
                if worker.dead:
                    retire(worker)
            now = time.perf_counter()
            for worker in [w for w in workers if w.busy and now >= w.deadline]:
                record(worker.assigned.popleft()[0], WorkerResult("killed", None, now - worker.start))
                worker.kill()
                retire(worker)
        for work in meanwhile[::-1]:
            work()
    finally:
        for worker in workers:
            worker.kill() if worker.busy else worker.close()
    return results  # type: ignore[return-value]


class _Worker:
    """A forked process that runs tasks[i] for each index i it is sent, in the order sent, and
    answers with one length-prefixed pickled record (kind, payload) per task. `light`: the only
    tasks it may take (None: any)."""

    def __init__(self, pid: int, to_child: int, output: int, light: set[int] | None = None):
        self.pid, self.to_child, self.output, self.light = pid, to_child, output, light
        self.assigned: deque[tuple[int, float]] = deque()   # (index, limit); the first is running
        self.deadline = self.start = 0.0
        self.data = bytearray()
        self.dead = False

    @property
    def busy(self) -> bool:
        return bool(self.assigned)

    def queued(self) -> list[int]:
        """The tasks sent and not answered (once the running one has been taken off)."""
        return [index for index, _ in self.assigned]

    @staticmethod
    def fork(tasks, others: list["_Worker"], light: set[int] | None = None) -> "_Worker":
        if not gc.isenabled():       # the parent's objects are long-lived (`prove` turns the
            gc.freeze()              # collector off): frozen, the worker's collections skip them
        task_read, task_write = os.pipe()
        answer_read, answer_write = os.pipe()
        pid = os.fork()
        if pid == 0:                               # the worker: serve, then exit at once
            try:
                os.close(task_write)
                os.close(answer_read)
                for other in others:               # else they would never see EOF
                    os.close(other.to_child)
                    os.close(other.output)
                _serve(tasks, task_read, answer_write)
            finally:
                os._exit(0)
        os.close(task_read)
        os.close(answer_write)
        return _Worker(pid, task_write, answer_read, light)

    def assign(self, index: int, limit: float, arguments: tuple = ()) -> None:
        if not self.assigned:
            self._started(limit)
        self.assigned.append((index, limit))
        data = pickle.dumps(arguments)
        view = memoryview(struct.pack("<IQ", index, len(data)) + data)
        while view:
            view = view[os.write(self.to_child, view):]

    def _started(self, limit: float) -> None:
        self.start = time.perf_counter()
        self.deadline = self.start + limit + GRACE

    def receive(self) -> list[tuple[int, WorkerResult]]:
        """Read what is ready: the (index, answer) of each task whose answer is complete; on EOF
        (the worker died) "died" for the running task."""
        chunk = os.read(self.output, 1 << 16)
        elapsed = time.perf_counter() - self.start
        if not chunk:
            self.close()
            self.dead = True
            return [(self.assigned.popleft()[0], WorkerResult("died", None, elapsed))]
        self.data += chunk
        answers = []
        while len(self.data) >= 8 and len(self.data) >= 8 + struct.unpack("<Q", self.data[:8])[0]:
            size = struct.unpack("<Q", self.data[:8])[0]
            kind, payload = pickle.loads(bytes(self.data[8:8 + size]))
            del self.data[:8 + size]
            answers.append((self.assigned.popleft()[0], WorkerResult(kind, payload, elapsed)))
            if self.assigned:
                self._started(self.assigned[0][1])
                elapsed = 0.0
        return answers

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.close()

    def close(self) -> None:
        """Close the pipes (an idle worker then reads EOF and exits) and reap the process."""
        for fd in (self.to_child, self.output):
            try:
                os.close(fd)
            except OSError:
                pass
        os.waitpid(self.pid, 0)


def _serve(tasks, task_read: int, answer_write: int) -> None:
    gc.enable()                                # where the parent has turned it off (`prove`)
    while True:
        request = _read_exactly(task_read, 12)
        if request is None:
            return
        index, size = struct.unpack("<IQ", request)
        data = _read_exactly(task_read, size)
        if data is None:
            return
        arguments = pickle.loads(data)
        try:
            payload = ("ok", tasks[index](*arguments))
        except Exception as exc:               # reported, never taken for an answer
            payload = ("error", f"{type(exc).__name__}: {exc}")
        data = pickle.dumps(payload)
        view = memoryview(struct.pack("<Q", len(data)) + data)
        while view:
            view = view[os.write(answer_write, view):]


def _read_exactly(fd: int, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            return None
        data += chunk
    return data
