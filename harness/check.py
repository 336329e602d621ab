"""`bnproof check FILE`: an exact, explained verdict on (L4.5) for any learning set.

Pipeline: file -> exact integer blocks (harness/reader.py) -> moment matrix M = ZᵀZ
(harness/moments.py, locally or on Dask: harness/dask_engine.py) -> the statistics of
docs/spec.md §3 (harness/statistics.py, python-flint) -> verdict and explanation (this module, exact
rationals over common denominators and square roots of rationals) -> optionally the obligations
of `prove --data` through harness/solver.decide_all (`--prove`).

The verdict (docs/spec.md §5), for a nondegenerate set:
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
angle in 128-bit ball arithmetic), in the optional Monte-Carlo estimate, and inside the reader and
the block products where they are proved exact (integers below 2^53, checked).
"""

from __future__ import annotations

import sys
import time
from typing import Sequence

from flint import arb, ctx, fmpq, fmpz

from harness.columns import ReadOptions
from harness.learning_set import InputError, LearningSet
from harness.moments import moments, moments_from
from harness.limits import PROVE_MAX_ENTRIES
from harness.numbers import show
from harness.reader import Table, learning_set as learning_set_of, read_table
from harness.statistics import Statistics, degeneracy, exact_statistics, statistics_from_moments
from harness.vectors import RationalVector, positive_factor, reduced_fractions

ROUTE_EXACT = "exact rational linear algebra (python-flint fmpz_mat/fmpq_mat on M = ZᵀZ)"


def _square_part(m: int) -> tuple[fmpz, fmpz]:
    """m = r²·k with k free of prime squares below 1000 (or a perfect square): returns (r, k).
    Only small factors are pulled out: factoring large integers is not needed for exactness."""
    r, k = fmpz(1), fmpz(m)
    root = k.isqrt()
    if root * root == k:
        return root, fmpz(1)
    p = 2
    while p < 1000 and p * p <= k:
        while k % (p * p) == 0:
            k //= p * p
            r *= p
        p += 1 if p == 2 else 2
    root = k.isqrt()
    if root * root == k:
        return r * root, fmpz(1)
    return r, k


def sqrt_of(q) -> tuple[fmpq, fmpz]:
    """sqrt(q) = a·sqrt(m) exactly, q >= 0 (Fraction or fmpq): sqrt(p/r) = sqrt(p·r)/r."""
    r, m = _square_part(int(q.numerator) * int(q.denominator))
    return fmpq(r, int(q.denominator)), m


def surd_text(a, m) -> str:
    """a·sqrt(m) as SymPy-readable text: '-3*sqrt(2)/4', '5*sqrt(34)/34', '2/3', '0'."""
    return surd_texts([(a.numerator, a.denominator)], m)[0]


def surd_texts(fractions, m) -> list[str]:
    """surd_text of p/q·sqrt(m) for each (p, q) in lowest terms (q > 0), writing m and each
    distinct q in decimal once (thousands of digits at d = 400)."""
    if m == 1:
        return [str(p) if q == 1 else f"{p}/{q}" for p, q in fractions]
    root, below = f"sqrt({m})", {}
    out = []
    for p, q in fractions:
        if p == 0:
            out.append("0")
            continue
        if q not in below:
            below[q] = "" if q == 1 else f"/{q}"
        head = "" if p == 1 else "-" if p == -1 else f"{p}*"
        out.append(f"{head}{root}{below[q]}")
    return out


def angle_text(wd: fmpq, ww: fmpq, dd: fmpq) -> tuple[str, float]:
    """(exact, float) of φ/(2π) + 1/2 with φ = angle(w, d), from <w,d>, ||w||² and ||d||².

    cos φ = <w,d>/sqrt(||w||²·||d||²); the float is atan2(sqrt(||w||²||d||² - <w,d>²), <w,d>)
    (Lagrange's identity gives the sine exactly), evaluated in ball arithmetic (python-flint's
    arb) at 128 bits, which is accurate also when φ is near 0 or π where acos loses digits; the
    ball's midpoint is rounded to the nearest float.
    """
    a, m = sqrt_of(ww * dd)
    cosine = surd_text(wd / (ww * dd) * a, m)
    with ctx.workprec(128):
        phi = arb.atan2(arb(ww * dd - wd * wd).sqrt(), arb(wd))
        value = float((arb(1) / 2 + phi / (2 * arb.pi())).mid())
    return f"1/2 + acos({cosine})/(2*pi)", value


def distance_sq_to_ray(w0: RationalVector, d: RationalVector) -> fmpq:
    """D(W0) = ||W0||² - <W0,d>²/||d||² if <W0,d> > 0, else ||W0||² (docs/spec.md §3)."""
    return _distance_sq(w0.dot(d), w0.dot(w0), d.dot(d))


def _distance_sq(inner: fmpq, norm: fmpq, d_norm: fmpq) -> fmpq:
    """D(W0) from <W0,d>, ||W0||² and ||d||²."""
    return norm - (inner * inner / d_norm if inner > 0 else 0)


def lemma_right_side(w0: RationalVector, w_star: RationalVector) -> fmpq:
    """||W0 - W*||² - (||W*||² - <W*,W0>)²/||W*||²."""
    return _right_side(w0.dot(w0), w_star.dot(w0), w_star.dot(w_star))


def _right_side(norm: fmpq, inner: fmpq, w_norm: fmpq) -> fmpq:
    """The right side from ||W0||², <W*,W0> and ||W*||²: ||W0 - W*||² = ||W0||² - 2<W*,W0> +
    ||W*||²."""
    return norm - 2 * inner + w_norm - (w_norm - inner) ** 2 / w_norm


def gradient_at_w_star(s: Statistics) -> list[str]:
    """∇L̂(W*) as the claims of `--prove` state it (harness.statistics.grad_at_w_star:
    -2(c·q - <c,W*>·ΣW*)/q² · sqrt(q), q = σ²(W*)), each component a·sqrt(q) written as
    r·sqrt(m) with m free of small square factors. In integers, with c = C/γ, ΣW* = S/τ,
    q = qp/qq and <c,W*> = cp/cq: c_k·q - <c,W*>·(ΣW*)_k = (C_k·qp·cq·τ - S_k·cp·qq·γ)/(γ·qq·cq·τ);
    sqrt(q) is reduced once."""
    v = s.vectors
    w, c, sw = v["w_star"], v["c"], v["sigma_w_star"]
    q, cw = w.dot(sw), c.dot(w)
    root, m = sqrt_of(q)
    alpha, beta = q.p * cw.q * sw.den, cw.p * q.q * c.den
    factor = -2 * root / (q**2 * c.den * q.q * cw.q * sw.den)
    numerators = [ck * alpha - sk * beta for ck, sk in zip(c.nums, sw.nums)]
    # factor·N_k in lowest terms: gcd(factor.p, factor.q) = 1, so only N_k/factor.q reduces
    return surd_texts([(factor.p * p, q) for p, q in reduced_fractions(numerators, factor.q)], m)


def intercept_note(s: Statistics) -> dict | None:
    """The affine fit's intercept b = ȳ - <d, x̄> and the §5 characterization.

    W* = d + β·Σ⁻¹x̄ with β = b/(1 + x̄ᵀΣ⁻¹x̄) (Sherman-Morrison on A/n = Σ + x̄x̄ᵀ), so when c
    and x̄ are linearly independent (L4.5) holds iff b = 0; otherwise x̄ = λc and the answer is
    W* = (1 + βλ)·d, positive or not.
    """
    if s.intercept is None:
        return None
    independent = _independent(s.vectors["c"], s.vectors["x_mean"])
    if independent:
        note = "c and x̄ are linearly independent, so (L4.5) holds iff the intercept is 0"
    else:
        note = ("c and x̄ are linearly dependent (the exception of docs/spec.md §5): the intercept "
                "alone does not decide the verdict")
    return {"value": show(s.intercept), "c_and_x_mean_independent": independent, "note": note}


def _independent(c: RationalVector, x: RationalVector) -> bool:
    """c and x linearly independent: c != 0 and x is not λ·c (every 2×2 minor c_i x_j - c_j x_i
    vanishes iff x = λc for c != 0); on the numerators, as the denominators are common."""
    k = next((i for i, ci in enumerate(c.nums) if ci != 0), None)
    if k is None:
        return False
    return any(xi * c.nums[k] != ci * x.nums[k] for xi, ci in zip(x.nums, c.nums))


def verdict(s: Statistics, names: Sequence[str] | None = None) -> dict:
    """The exact verdict and its explanation (JSON-ready); a degenerate set's reason names the
    columns behind it (`names`: the feature names, where known)."""
    out: dict = {"verdict": None, "reason": None}
    if s.degenerate:
        decided = s.decided
        out.update(verdict="degenerate", reason=degeneracy(s, names)[1], decided=decided,
                   w_star=None if s.w_star is None else [show(v) for v in s.w_star],
                   bn_direction=None if s.bn_direction is None else [show(v) for v in s.bn_direction],
                   failing_fraction=0.0 if decided else None,
                   failing_fraction_exact="0" if decided else None,
                   witness=None, grad_bn_at_w_star=None, intercept=intercept_note(s))
        return out
    w, d = s.vectors["w_star"], s.vectors["bn_direction"]
    t = positive_factor(w, d)
    out.update(w_star=w.texts(), bn_direction=d.texts(),
               grad_bn_at_w_star=gradient_at_w_star(s), intercept=intercept_note(s))
    if t is not None:
        out.update(verdict="holds",
                   reason=f"W* is a positive multiple of the BN direction: W* = {show(t)}·d",
                   failing_fraction=0.0, failing_fraction_exact="0", witness=None)
        return out
    wd, ww, dd = w.dot(d), w.dot(w), d.dot(d)
    exact, value = angle_text(wd, ww, dd)
    left, right = _distance_sq(wd, ww, dd), _right_side(ww, ww, ww)     # at W0 = W*
    if not (ww > 0 and left > right):   # cannot happen for a nondegenerate set (§5)
        raise AssertionError("the witness W0 = W* does not violate (L4.5)")
    out.update(verdict="fails",
               reason=("W* is not a positive multiple of the BN direction d, so W* is not a BN "
                       "optimum and (L4.5) fails at W0 = W*"),
               failing_fraction=value, failing_fraction_exact=exact,
               witness={"W0": out["w_star"], "inner_W0_W_star": show(ww),
                        "left": show(left), "right": show(right),
                        "statement": "<W0,W*> > 0 and ||W0 - Ŵ*||² = left > right"})
    return out


def check(path: str, target: str | None = None, prove: bool = False, samples: int = 0,
          timeout_s: float = 5.0, options: ReadOptions | None = None, engine: str = "local",
          scheduler: str | None = None, plot: str | None = None) -> dict:
    """The full `check` report for one file (InputError on bad input, before any result).
    `options` carries every input flag (harness/columns.ReadOptions); `target` is a shorthand.
    engine "dask" computes the moments on a Dask cluster (harness/dask_engine.py). With `plot`,
    the plane of W* and d is drawn into that file (harness/plot.py) unless the set is degenerate
    (then `report["plot"]` is None)."""
    start = time.perf_counter()
    sys.set_int_max_str_digits(0)   # exact answers on large sets have thousands of digits
    options = options or ReadOptions(target=target)
    if engine == "dask":
        if prove:
            raise InputError(f"{path}: --prove runs locally: leave out --engine dask")
        from harness.dask_engine import dask_moments

        groups, layout, info = dask_moments(path, options, scheduler)
        n, M = moments_from(groups)
        selection = layout.selection
    else:
        table = read_table(path, options)
        stream = list(table.blocks) if prove else table.blocks
        n, M = moments(stream)
        selection, info = table.selection, table.info
    dim = table.dim if selection is None else len(selection.features)
    stats = statistics_from_moments(n, M, dim)
    learning_set = {"name": path, "n": n, "d": dim,
                    **({"target": selection.names[selection.target]} if selection else {}),
                    **({"features": list(selection.feature_names())} if selection else {}),
                    **info}
    prover = None
    if prove:
        rows = Table(table.name, table.selection, dim, iter(stream))
        prover = lambda: prove_obligations(lambda: learning_set_of(rows), stats, n * dim, timeout_s)
    report = report_for(learning_set, stats, samples, prover, start)
    if plot is not None:
        from harness.plot import plot_plane

        report["plot"] = None if stats.degenerate else str(plot_plane(report, stats, plot))
    return report


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
    report.update(verdict(stats, learning_set.get("features")))
    report["route"] = {"verdict": ROUTE_EXACT, "proved_with_z3": False}
    if samples and report["verdict"] == "fails":
        from harness.monte_carlo import monte_carlo_report

        report["monte_carlo"] = monte_carlo_report(stats.w_star, stats.bn_direction, samples)
    if prover is not None:
        report["route"] = prover()
    report["seconds"] = round(time.perf_counter() - start, 4)
    return report


def prove_obligations(learning_set, stats: Statistics, entries: int, timeout_s: float) -> dict:
    """`--prove`: the obligations of `prove --data` (in their scalable encodings,
    proofs/at_scale.py; for a degenerate set those of proofs/degenerate.py) through
    harness.solver.decide_all, then the independent cross-checks where they are cheap
    (harness/check_cross_checks.py) and, up to d = 3, the ties to the literal statements
    (proofs/ties.py). Each row's status is harness.status.obligation_status: "proved" (Z3 gave
    the expected answer, the tie holds and no cross-check disagreed), "computed, not proved"
    (unknown, a timeout, also of the premises check, a vacuous query whose premises are
    unsatisfiable, or a tie not proved: no proof, the verdict stands on the exact computation
    alone; the row's `reason` says which) or "CONTRADICTED" (Z3 gave the opposite definite
    answer, or a cross-check disagreed: a bug, exit 1). On a terminal a progress bar counts the
    Z3 checks as they finish."""
    route = {"verdict": ROUTE_EXACT, "proved_with_z3": False, "obligations": []}
    if entries > PROVE_MAX_ENTRIES:
        route["note"] = (f"--prove not attempted: n·d = {entries} > {PROVE_MAX_ENTRIES} "
                         "(Z3 terms grow with every point); verdict computed, not proved")
        return route
    from harness.check_cross_checks import cross_checks
    from harness.solver import decide_all
    from harness.statistics import claims as make_claims
    from proofs.at_scale import obligations_at_scale
    from harness.progress import progress
    from harness.statistics import standard_loss_at_w_star
    from harness.status import exit_code, obligation_status
    from proofs.degenerate import degenerate_claims, degenerate_obligations

    ls = learning_set()
    if stats.degenerate:       # the reason and the decided answer (proofs/degenerate.py)
        loss = None if stats.w_star is None else standard_loss_at_w_star(stats)
        claims = degenerate_claims(ls.X, ls.y, stats.w_star, loss)
        obligations = degenerate_obligations(stats.degenerate_kind, claims)
    else:
        claims = make_claims(ls, stats)
        obligations = obligations_at_scale(claims)
    checks = sum(1 + bool(ob.definitions or ob.premises) for ob in obligations)
    with progress(total=checks, description="Z3 checks", unit="check") as bar:
        outcomes = decide_all(obligations, timeout_s, on_result=lambda index: bar.advance(1))
    checked = (cross_checks(claims, obligations, outcomes, timeout_s) if not stats.degenerate else
               [{"cross_check": None, "cross_check_detail": "not run (degenerate set)"}] * len(obligations))
    ties = _proved_ties(obligations, claims, outcomes, stats.dim, timeout_s)
    for ob, outcome, cross, tied in zip(obligations, outcomes, checked, ties):
        status, reason = obligation_status(
            ob.expected, outcome.result, outcome.reason, cross_check=cross["cross_check"],
            cross_check_detail=cross.get("cross_check_detail", ""), tie=tied)
        row = {"name": ob.name, "statement": ob.statement, "expected": ob.expected,
               "result": outcome.result, "status": status, "seconds": round(outcome.seconds, 4),
               **cross}
        if reason is not None:
            row["reason"] = reason
        route["obligations"].append(row)
    route["proved_with_z3"] = exit_code(r["status"] for r in route["obligations"]) == 0  # never for none
    route["verdict"] += " + Z3" + ("" if route["proved_with_z3"] else " (partly)")
    return route


def _proved_ties(obligations, claims, outcomes, dim: int, timeout_s: float) -> list[str | None]:
    """The tie answer of each obligation Z3 proved (harness/prove.tie_fields), up to
    TIE_MAX_DIM; None where no tie is asked for (not proved, or d larger)."""
    from harness.prove import tie_fields
    from proofs.ties import TIE_MAX_DIM

    asked = [i for i, (ob, outcome) in enumerate(zip(obligations, outcomes))
             if outcome.result == ob.expected and dim <= TIE_MAX_DIM]
    fields = tie_fields([obligations[i] for i in asked], claims, [outcomes[i] for i in asked],
                        timeout_s)
    ties: list[str | None] = [None] * len(obligations)
    for i, field in zip(asked, fields):
        ties[i] = field["tie"]
    return ties
