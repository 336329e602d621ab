"""The independent cross-checks of `check --prove`, run where they are cheap.

After Z3, each obligation that got its expected answer is re-derived independently, each check
in its own worker (harness/solver.run_in_workers) and killed when it overruns its limit:
- bn_gradient_at_w_star: the claimed ∇L̂(W*) against exact automatic differentiation of the
  literal loss (harness/autodiff.py), within the solver timeout (1.9 s at d = 100): the
  gradient is no longer the same formula on both sides;
- every other obligation with a SymPy cross-check (harness/cross_check.py; the at-scale
  standard_optimum_normal_equations uses the one of standard_optimum) within CROSS_CHECK_LIMIT
  seconds, the Evaluator's construction included: these are exact but slow beyond small sets,
  and one that is stopped is reported as "not run", never as a pass. Beyond n·d =
  SYMPY_MAX_ENTRIES they are not started (at n·d = 3200 none finishes within the limit).
A cross-check that runs and disagrees makes the obligation CONTRADICTED.
"""

from __future__ import annotations

from fractions import Fraction

from proofs.claims import Claims, Surd
from proofs.obligation import Obligation

CROSS_CHECK_LIMIT = 1.0      # seconds for a SymPy cross-check
SYMPY_MAX_ENTRIES = 400      # beyond this n·d the SymPy checks take over a second: not started
SAME_CHECK = {"standard_optimum_normal_equations": "standard_optimum"}


def cross_checks(claims: Claims, obligations: list[Obligation], outcomes: list,
                 timeout_s: float) -> list[dict]:
    """Per obligation: {"cross_check": True | False | None, "cross_check_detail": ...,
    "cross_check_seconds": ...} (None: no cross-check, or not run)."""
    from harness.cross_check import CHECKS
    from harness.solver import run_in_workers

    rows = [{"cross_check": None, "cross_check_detail": "no independent cross-check at this size",
             "cross_check_seconds": 0.0} for _ in obligations]
    gradient, sympy_checks = [], []
    small = len(claims.y) * len(claims.w_star) <= SYMPY_MAX_ENTRIES
    for i, (ob, outcome) in enumerate(zip(obligations, outcomes)):
        if outcome.result != ob.expected:
            rows[i]["cross_check_detail"] = "not run: the solver did not give the expected answer"
        elif ob.name == "bn_gradient_at_w_star":
            gradient.append((i, lambda: gradient_check(claims)))
        elif SAME_CHECK.get(ob.name, ob.name) in CHECKS and not small:
            rows[i]["cross_check_detail"] = f"not run: n·d > {SYMPY_MAX_ENTRIES} (SymPy over 1 s)"
        elif SAME_CHECK.get(ob.name, ob.name) in CHECKS:
            sympy_checks.append((i, _sympy_task(SAME_CHECK.get(ob.name, ob.name), claims, outcome)))
    for batch, limit in ((gradient, timeout_s), (sympy_checks, CROSS_CHECK_LIMIT)):
        results = run_in_workers([task for _, task in batch], limit)
        for (i, _), result in zip(batch, results):
            rows[i]["cross_check_seconds"] = round(result.seconds, 4)
            if result.kind == "ok":
                rows[i]["cross_check"], rows[i]["cross_check_detail"] = result.payload
            else:
                rows[i]["cross_check_detail"] = (f"not run: over its {limit} s limit"
                                                 if result.kind == "killed"
                                                 else f"not run: {result.kind} {result.payload or ''}".strip())
    return rows


def _sympy_task(name: str, claims: Claims, outcome):
    def task():
        from harness.cross_check import cross_check
        from harness.evaluator import Evaluator

        passed, detail = cross_check(name, claims, Evaluator(claims.X, claims.y), outcome)
        return bool(passed), detail
    return task


def gradient_check(claims: Claims) -> tuple[bool, str]:
    from harness.autodiff import bn_gradient

    q, grad = bn_gradient(claims.X, claims.y, claims.w_star)
    ok = all(_same_surd(a, b, q, g) for (a, b), g in zip(grad, claims.grad_at_w_star))
    return ok, f"automatic differentiation of the literal L̂ at W*: {len(grad)} components " + (
        "equal the claimed ∇L̂(W*)" if ok else "DIFFER from the claimed ∇L̂(W*)")


def _same_surd(a: Fraction, b: Fraction, q: Fraction, g: Surd) -> bool:
    """a + b·√q == g.a + g.b·√g.q, exactly (for the forms the claims use)."""
    root = _rational_sqrt(q)
    if root is not None and (g.b == 0 or _rational_sqrt(g.q) is not None):
        return a + b * root == g.a + (g.b * _rational_sqrt(g.q) if g.b else 0)
    if g.b == 0 or g.q == 0:
        return b == 0 and a == g.a
    return g.q == q and a == g.a and b == g.b


def _rational_sqrt(q: Fraction) -> Fraction | None:
    import math
    p, r = math.isqrt(q.numerator), math.isqrt(q.denominator)
    return Fraction(p, r) if p * p == q.numerator and r * r == q.denominator else None
