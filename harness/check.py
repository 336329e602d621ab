"""`bnproof check FILE`: an exact, explained verdict on (L4.5) for any learning set.

Pipeline: file -> exact integer blocks (harness/learning_set.py) -> moment matrix M = ZᵀZ and
the statistics of paper.md §3 (harness/statistics.py, python-flint) -> verdict and explanation
(this module, exact rationals and square roots of rationals) -> optionally the obligations of
`prove --data` through harness/solver.decide (`--prove`).

The verdict (paper.md §5), for a nondegenerate set:
- "holds" iff W* = t·d with t > 0 (then the BN optima contain W*'s ray);
- "fails" otherwise, with the exact witness W0 = W*: <W*,W*> > 0, the right side of (L4.5) is
  0 and the left side is D(W*) = ||W*||² - <W*,d>²/||d||² (if <W*,d> > 0, else ||W*||²), which
  is > 0 because equality in Cauchy-Schwarz with <W*,d> > 0 would make W* a positive multiple
  of d;
- the failing fraction for rotation-invariant W0 is 1/2 + φ/(2π), φ = angle(W*, d), written
  as 1/2 + acos(<W*,d>/sqrt(||W*||²·||d||²))/(2π) with the cosine reduced to r·sqrt(m).
Degenerate sets keep the reason from harness/statistics.degeneracy and, where the answer is
still decided (W* = 0, c = 0, dimension 1: (L4.5) holds), say so in `decided`.

No float enters the verdict: floats appear only in `failing_fraction` (rounded from the exact
angle with mpmath at 30 digits) and in the optional Monte-Carlo estimate.
"""

from __future__ import annotations

import math
import re
import sys
import time
from fractions import Fraction
from typing import Sequence

from harness.learning_set import LearningSet, blocks, load
from harness.numbers import show
from harness.report import monte_carlo_line
from harness.statistics import (Statistics, dot, exact_statistics, grad_at_w_star, moments,
                                 positive_factor, statistics_from_moments)

# `--prove` builds Z3 terms over every point: beyond this many entries of X it is not attempted.
PROVE_MAX_ENTRIES = 20_000
ROUTE_EXACT = "exact rational linear algebra (python-flint fmpz_mat/fmpq_mat on M = ZᵀZ)"


def _square_part(m: int) -> tuple[int, int]:
    """m = r²·k with k free of prime squares below 1000 (or a perfect square): returns (r, k).
    Only small factors are pulled out: factoring large integers is not needed for exactness."""
    r, k = 1, m
    root = math.isqrt(k)
    if root * root == k:
        return root, 1
    p = 2
    while p < 1000 and p * p <= k:
        while k % (p * p) == 0:
            k //= p * p
            r *= p
        p += 1 if p == 2 else 2
    root = math.isqrt(k)
    if root * root == k:
        return r * root, 1
    return r, k


def sqrt_of(q: Fraction) -> tuple[Fraction, int]:
    """sqrt(q) = a·sqrt(m) exactly, q >= 0: sqrt(p/r) = sqrt(p·r)/r."""
    r, m = _square_part(q.numerator * q.denominator)
    return Fraction(r, q.denominator), m


def surd_text(a: Fraction, m: int) -> str:
    """a·sqrt(m) as SymPy-readable text: '-3*sqrt(2)/4', '5*sqrt(34)/34', '2/3', '0'."""
    if a == 0 or m == 1:
        return show(a)
    p, q = a.numerator, a.denominator
    head = {1: "", -1: "-"}.get(p, f"{p}*")
    return f"{head}sqrt({m})" + ("" if q == 1 else f"/{q}")


def angle_text(w: Sequence[Fraction], d: Sequence[Fraction]) -> tuple[str, float]:
    """(exact, float) of φ/(2π) + 1/2 with φ = angle(w, d).

    cos φ = <w,d>/sqrt(||w||²·||d||²); the float is atan2(sqrt(||w||²||d||² - <w,d>²), <w,d>)
    (Lagrange's identity gives the sine exactly), evaluated with mpmath at 30 digits, which is
    accurate also when φ is near 0 or π where acos loses digits.
    """
    import mpmath

    wd, ww, dd = dot(w, d), dot(w, w), dot(d, d)
    a, m = sqrt_of(ww * dd)
    cosine = surd_text(wd / (ww * dd) * a, m)
    with mpmath.workdps(30):
        cross = ww * dd - wd * wd
        phi = mpmath.atan2(mpmath.sqrt(mpmath.mpf(cross.numerator) / cross.denominator),
                           mpmath.mpf(wd.numerator) / wd.denominator)
        value = float(mpmath.mpf(1) / 2 + phi / (2 * mpmath.pi))
    return f"1/2 + acos({cosine})/(2*pi)", value


def distance_sq_to_ray(w0: Sequence[Fraction], d: Sequence[Fraction]) -> Fraction:
    """D(W0) = ||W0||² - <W0,d>²/||d||² if <W0,d> > 0, else ||W0||² (paper.md §3)."""
    inner = dot(w0, d)
    return dot(w0, w0) - (inner * inner / dot(d, d) if inner > 0 else 0)


def lemma_right_side(w0: Sequence[Fraction], w_star: Sequence[Fraction]) -> Fraction:
    """||W0 - W*||² - (||W*||² - <W*,W0>)²/||W*||²."""
    diff = [a - b for a, b in zip(w0, w_star)]
    norm = dot(w_star, w_star)
    return dot(diff, diff) - (norm - dot(w_star, w0)) ** 2 / norm


def gradient_at_w_star(s: Statistics) -> list[str]:
    """∇L̂(W*) as the claims of `--prove` state it (harness.statistics.grad_at_w_star), each
    component a·sqrt(q) written as r·sqrt(m) with m free of small square factors."""
    texts = []
    for g in grad_at_w_star(s):
        root, m = sqrt_of(g.q)
        texts.append(surd_text(g.b * root, m))
    return texts


def intercept_note(s: Statistics) -> dict | None:
    """The affine fit's intercept b = ȳ - <d, x̄> and the §5 characterization.

    W* = d + β·Σ⁻¹x̄ with β = b/(1 + x̄ᵀΣ⁻¹x̄) (Sherman-Morrison on A/n = Σ + x̄x̄ᵀ), so when c
    and x̄ are linearly independent (L4.5) holds iff b = 0; otherwise x̄ = λc and the answer is
    W* = (1 + βλ)·d, positive or not.
    """
    if s.intercept is None:
        return None
    independent = any(s.c[i] * s.x_mean[j] != s.c[j] * s.x_mean[i]
                      for i in range(s.dim) for j in range(i + 1, s.dim))
    if independent:
        note = "c and x̄ are linearly independent, so (L4.5) holds iff the intercept is 0"
    else:
        note = ("c and x̄ are linearly dependent (the exception of paper.md §5): the intercept "
                "alone does not decide the verdict")
    return {"value": show(s.intercept), "c_and_x_mean_independent": independent, "note": note}


def verdict(s: Statistics) -> dict:
    """The exact verdict and its explanation (JSON-ready)."""
    out: dict = {"verdict": None, "reason": None}
    if s.degenerate:
        decided = s.decided
        out.update(verdict="degenerate", reason=s.degenerate, decided=decided,
                   w_star=None if s.w_star is None else [show(v) for v in s.w_star],
                   bn_direction=None if s.bn_direction is None else [show(v) for v in s.bn_direction],
                   failing_fraction=0.0 if decided else None,
                   failing_fraction_exact="0" if decided else None,
                   witness=None, grad_bn_at_w_star=None, intercept=intercept_note(s))
        return out
    w, d = s.w_star, s.bn_direction
    t = positive_factor(w, d)
    out.update(w_star=[show(v) for v in w], bn_direction=[show(v) for v in d],
               grad_bn_at_w_star=gradient_at_w_star(s), intercept=intercept_note(s))
    if t is not None:
        out.update(verdict="holds",
                   reason=f"W* is a positive multiple of the BN direction: W* = {show(t)}·d",
                   failing_fraction=0.0, failing_fraction_exact="0", witness=None)
        return out
    exact, value = angle_text(w, d)
    left, right = distance_sq_to_ray(w, d), lemma_right_side(w, w)
    if not (dot(w, w) > 0 and left > right):   # cannot happen for a nondegenerate set (§5)
        raise AssertionError("the witness W0 = W* does not violate (L4.5)")
    out.update(verdict="fails",
               reason=("W* is not a positive multiple of the BN direction d, so W* is not a BN "
                       "optimum and (L4.5) fails at W0 = W*"),
               failing_fraction=value, failing_fraction_exact=exact,
               witness={"W0": [show(v) for v in w], "inner_W0_W_star": show(dot(w, w)),
                        "left": show(left), "right": show(right),
                        "statement": "<W0,W*> > 0 and ||W0 - Ŵ*||² = left > right"})
    return out


def check(path: str, target: str | None = None, prove: bool = False, samples: int = 0,
          timeout_s: float = 5.0) -> dict:
    """The full `check` report for one file (InputError on bad input, before any result)."""
    start = time.perf_counter()
    sys.set_int_max_str_digits(0)   # exact answers on large sets have thousands of digits
    dim, stream, features = blocks(path, target)
    n, M = moments(stream)
    stats = statistics_from_moments(n, M, dim)
    learning_set = {"name": path, "n": n, "d": dim, **({"target": target} if target else {}),
                    **({"features": list(features)} if features else {})}
    prover = None
    if prove:
        prover = lambda: prove_obligations(lambda: load(path, target), stats, n * dim, timeout_s)
    return report_for(learning_set, stats, samples, prover, start)


def check_learning_set(ls: LearningSet, prove: bool = False, samples: int = 0,
                       timeout_s: float = 5.0) -> dict:
    """`check` on a learning set already in memory (tests, examples)."""
    start = time.perf_counter()
    stats = exact_statistics(ls)
    prover = None
    if prove:
        prover = lambda: prove_obligations(lambda: ls, stats, ls.n * ls.dim, timeout_s)
    return report_for({"name": ls.name, "n": ls.n, "d": ls.dim}, stats, samples, prover, start)


def report_for(learning_set: dict, stats: Statistics, samples: int, prover, start: float) -> dict:
    report: dict = {"learning_set": learning_set}
    report.update(verdict(stats))
    report["route"] = {"verdict": ROUTE_EXACT, "proved_with_z3": False}
    if samples and report["verdict"] == "fails":
        from harness.monte_carlo import monte_carlo_report

        report["monte_carlo"] = monte_carlo_report(stats.w_star, stats.bn_direction, samples)
    if prover is not None:
        report["route"] = prover()
    report["seconds"] = round(time.perf_counter() - start, 4)
    return report


def _short(text: str, limit: int = 80) -> str:
    """Digit runs longer than `limit` shortened for reading (the JSON report keeps every digit)."""
    return re.sub(r"\d{%d,}" % (limit + 1), lambda m: f"{m.group()[:12]}…[{len(m.group())} digits]",
                  text)


def check_text(report: dict) -> str:
    """The readable summary (long exact numbers abbreviated; --json has them in full)."""
    return _short(_check_text(report))


def _check_text(report: dict) -> str:
    ls = report["learning_set"]
    out = [f"learning set: {ls['name']} (n = {ls['n']}, d = {ls['d']})",
           f"verdict: (L4.5) {report['verdict']}" + (f": {report['reason']}" if report["reason"] else "")]
    if report.get("decided"):
        out.append(f"decided answer: (L4.5) {report['decided']}")
    if report["w_star"] is not None:
        out.append(f"W* = ({', '.join(report['w_star'])})")
    if report["bn_direction"] is not None:
        d = ", ".join(report["bn_direction"])
        out.append(f"d = Σ⁻¹c = ({d})" if report["verdict"] == "degenerate"
                   else f"BN optima = {{t·d : t > 0}}, d = ({d})")
    if report["grad_bn_at_w_star"] is not None:
        out.append(f"∇L̂(W*) = ({', '.join(report['grad_bn_at_w_star'])})")
    if report["intercept"] is not None:
        out.append(f"intercept of the affine fit: {report['intercept']['value']} "
                   f"({report['intercept']['note']})")
    if report["failing_fraction_exact"] is not None:
        out.append(f"P((L4.5) fails | <W0,W*> > 0) = {report['failing_fraction_exact']} "
                   f"≈ {report['failing_fraction']:.6f}")
    if "monte_carlo" in report:
        out.append(monte_carlo_line(report["monte_carlo"]))
    if report["witness"]:
        wit = report["witness"]
        out.append(f"witness: W0 = W*, <W0,W*> = {wit['inner_W0_W_star']}, "
                   f"left = {wit['left']} > right = {wit['right']}")
    route = report["route"]
    out.append(f"route: {route['verdict']}")
    if "obligations" not in route:
        out.append("  computed, not proved: no obligation was run (--prove runs them; exit 0)")
    for row in route.get("obligations", []):
        out.append(f"  {row['status']:<20}  {row['name']} ({row['result']}, {row['seconds']:.3f} s)")
    if "note" in route:
        out.append(f"  {route['note']}")
    out.append(f"({report['seconds']:.2f} s)")
    return "\n".join(out) + "\n"


def status_of(expected: str, result: str) -> str:
    """"proved" only for the expected answer; "CONTRADICTED" only for the opposite definite
    answer (sat for unsat or unsat for sat); anything else (unknown, timeout, vacuous) is
    "computed, not proved"."""
    if result == expected:
        return "proved"
    if {result, expected} == {"sat", "unsat"}:
        return "CONTRADICTED"
    return "computed, not proved"


def prove_obligations(learning_set, stats: Statistics, entries: int, timeout_s: float) -> dict:
    """`--prove`: the obligations of `prove --data` (in their scalable encodings,
    proofs/at_scale.py) through harness.solver.decide. Each row says "proved" (Z3 gave the
    expected answer), "computed, not proved" (unknown, a timeout, also of the premises check, or
    a vacuous query whose premises are unsatisfiable: no proof, the verdict stands on the exact
    computation alone; the row's `reason` says which) or "CONTRADICTED" (Z3 gave the opposite
    definite answer: a bug, exit 1)."""
    route = {"verdict": ROUTE_EXACT, "proved_with_z3": False, "obligations": []}
    if entries > PROVE_MAX_ENTRIES:
        route["note"] = (f"--prove not attempted: n·d = {entries} > {PROVE_MAX_ENTRIES} "
                         "(Z3 terms grow with every point); verdict computed, not proved")
        return route
    from harness.solver import decide
    from harness.statistics import claims as make_claims
    from proofs.at_scale import obligations_at_scale
    from harness.statistics import standard_loss_at_w_star
    from proofs.degenerate import degenerate_claims, degenerate_obligations
    from proofs.ties import STATED_DIRECTLY, TIE_MAX_DIM, tie

    ls = learning_set()
    if stats.degenerate:       # the reason and the decided answer (proofs/degenerate.py)
        loss = None if stats.w_star is None else standard_loss_at_w_star(stats)
        claims = degenerate_claims(ls.X, ls.y, stats.w_star, loss)
        obligations = degenerate_obligations(stats.degenerate_kind, claims)
    else:
        claims = make_claims(ls, stats)
        obligations = obligations_at_scale(claims)
    for ob in obligations:
        outcome = decide(ob, timeout_s)
        status = status_of(ob.expected, outcome.result)
        reason = outcome.reason or outcome.result
        if status == "proved" and stats.dim <= TIE_MAX_DIM and ob.name not in STATED_DIRECTLY:
            tied = tie(ob.name, claims, outcome)
            answer = decide(tied, timeout_s).result if tied is not None else "none"
            if answer != "unsat":      # unsat of the query does not (yet) prove the statement
                status, reason = "computed, not proved", f"tie to the literal statement: {answer}"
        row = {"name": ob.name, "statement": ob.statement, "expected": ob.expected,
               "result": outcome.result, "status": status, "seconds": round(outcome.seconds, 4)}
        if status != "proved":
            row["reason"] = reason
        route["obligations"].append(row)
    statuses = {r["status"] for r in route["obligations"]}
    route["proved_with_z3"] = statuses == {"proved"}     # never for no obligation at all
    route["verdict"] += " + Z3" + ("" if route["proved_with_z3"] else " (partly)")
    return route
