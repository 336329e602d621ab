"""The certificate checker: plain SymPy arithmetic, no solver (`make certify`).

`check(certificate)` rebuilds each identity's left side from the learning set with its own
SymPy semantics of docs/spec.md §3 (`Semantics` below: literal sums, written without looking at
proofs/encoding.py or harness/evaluator.py), builds the right side from the certificate's data,
and verifies, for every identity:

- lhs - rhs is 0 as a rational function (an element of Q(variables), sympy.polys.fields:
  exact arithmetic on canonical numerator/denominator polynomials);
- every term coefficient is a rational number > 0; every factor names a ">"/">=" hypothesis and
  every multiple an "=" hypothesis;
- every denominator of lhs and of the multipliers is a nonzero constant times powers of
  variables that a hypothesis makes > 0 (so the identity holds wherever the hypotheses do);
- the stated conclusion follows from the shape of the right side: "= 0" has no sign terms,
  "> 0" has a term with no squares whose factors are all strict hypotheses;
- with `definite_in`: the terms are squares of linear forms in those variables with a
  nonsingular coefficient matrix (so the sum is > 0 away from the zero of the forms).

`python -m harness.certify` checks every certificate of proofs/certificates.py and prints one
line each; exit 0 when all hold, 1 otherwise.
"""

from __future__ import annotations

import sys
import time
from fractions import Fraction

import sympy
from sympy import Matrix, Rational
from sympy.polys.fields import sfield

from proofs.certificate import Certificate, Identity


def _q(v) -> Rational:
    v = Fraction(v)
    return Rational(v.numerator, v.denominator)


class Semantics:
    """docs/spec.md §3 for one learning set, as SymPy expressions in whatever symbols it is given.

    u_i(w) = <w, x_i>, μ(w) = mean u_i, σ²(w) = mean (u_i - μ)², <c, w> = mean (u_i - μ)(y_i - ȳ),
    L(w) = mean (u_i - y_i)², L̂(w) = mean ((u_i - μ)/s - y_i)² with s standing for σ(w).
    """

    def __init__(self, cert: Certificate):
        self.X = [[_q(v) for v in row] for row in cert.X]
        self.y = [_q(v) for v in cert.y]
        self.n = len(self.y)
        self.dim = len(self.X[0])
        self.w_star = [_q(v) for v in cert.w_star]
        self.d = [_q(v) for v in cert.d]
        self.y_mean = sum(self.y) / self.n
        self.x_mean = [sum(row[k] for row in self.X) / self.n for k in range(self.dim)]
        self.mean_sq = sum(yi**2 for yi in self.y) / self.n
        self._gradients: dict = {}

    @staticmethod
    def dot(a, b):
        return sum(ai * bi for ai, bi in zip(a, b))

    def sq(self, a):
        return self.dot(a, a)

    @staticmethod
    def scaled(t, v):
        return [t * vk for vk in v]

    @staticmethod
    def sub(a, b):
        return [ai - bi for ai, bi in zip(a, b)]

    def u(self, w):
        return [self.dot(w, x) for x in self.X]

    def mu(self, w):
        return sum(self.u(w)) / self.n

    def L(self, w):
        return sum((ui - yi) ** 2 for ui, yi in zip(self.u(w), self.y)) / self.n

    def var(self, w):
        return sum((ui - self.mu(w)) ** 2 for ui in self.u(w)) / self.n

    def cov(self, w):
        return sum((ui - self.mu(w)) * (yi - self.y_mean) for ui, yi in zip(self.u(w), self.y)) / self.n

    def bn_loss(self, w, s):
        return sum(((ui - self.mu(w)) / s - yi) ** 2 for ui, yi in zip(self.u(w), self.y)) / self.n

    @property
    def c(self):
        return [sum((x[k] - self.x_mean[k]) * (yi - self.y_mean) for x, yi in zip(self.X, self.y)) / self.n
                for k in range(self.dim)]

    def sigma_times(self, w):
        """(Σw)_k = mean (u_i - μ)(x_ik - x̄_k)."""
        return [sum((ui - self.mu(w)) * (x[k] - self.x_mean[k]) for ui, x in zip(self.u(w), self.X)) / self.n
                for k in range(self.dim)]

    def bn_gradient(self, point, s):
        """∂L̂/∂w_k at `point`, by SymPy's diff of the literal L̂(w) = F(w, σ(w)), F(w, s) the sum
        above: chain rule ∂F/∂w_k + ∂F/∂s · ∂σ/∂w_k with ∂σ/∂w_k = (∂σ²/∂w_k)/(2s), s = σ(point)."""
        key = (tuple(point), s)
        if key not in self._gradients:
            self._gradients[key] = self._gradient(point, s)
        return self._gradients[key]

    def _gradient(self, point, s):
        w = sympy.symbols(f"_w1:{self.dim + 1}")
        F = self.bn_loss(w, s)
        at = dict(zip(w, point))
        return [(sympy.diff(F, wk) + sympy.diff(F, s) * sympy.diff(self.var(w), wk) / (2 * s)).subs(at)
                for wk in w]

    def ray_distance_pos(self, w0):
        """D(W0) when <W0, d> > 0: ||W0||² - <W0,d>²/||d||²."""
        return self.sq(w0) - self.dot(w0, self.d) ** 2 / self.sq(self.d)

    def ray_distance_nonpos(self, w0):
        """D(W0) when <W0, d> <= 0: ||W0||²."""
        return self.sq(w0)

    def lemma_rhs(self, w0):
        """Right side of (L4.5): ||W0 - W*||² - (||W*||² - <W*,W0>)²/||W*||²."""
        ws = self.w_star
        return self.sq(self.sub(w0, ws)) - (self.sq(ws) - self.dot(ws, w0)) ** 2 / self.sq(ws)


def _fraction(expr):
    """expr as an element of the field of rational functions Q(variables): exact, canonical."""
    return sfield(sympy.sympify(expr))[1]


def _denominator_ok(expr, positive: set) -> bool:
    denominator = _fraction(expr).denom
    if denominator.is_ground:
        return denominator != 0
    coefficient, factors = denominator.factor_list()
    return coefficient != 0 and all(f.as_expr() in positive for f, _ in factors)


def _definite(identity: Identity) -> str | None:
    if any(t.factors or len(t.squares) != 1 for t in identity.terms):
        return "definite_in needs terms that are single squares"
    variables = list(identity.definite_in)
    forms = [sympy.Poly(t.squares[0], *variables) for t in identity.terms]
    if len(forms) != len(variables) or any(f.total_degree() > 1 for f in forms):
        return "definite_in needs one linear form per variable"
    matrix = Matrix([[f.coeff_monomial(v) for v in variables] for f in forms])
    return None if matrix.det() != 0 else "the linear forms are dependent"


def check_identity(identity: Identity, m: Semantics, hypotheses: dict) -> str | None:
    """None if the identity holds with valid signs, else what is wrong."""
    positive = {h.expr(m) for h in hypotheses.values() if h.relation == ">"}
    positive = {e for e in positive if isinstance(e, sympy.Symbol)}
    data = [q for t in identity.terms for q in t.squares] + [mult for mult, _ in identity.multiples]
    if any(sympy.sympify(e).has(sympy.Float) for e in data):
        return "a float entered the identity (exact rationals only)"
    rhs = sympy.Integer(0)
    for term in identity.terms:
        if not (isinstance(term.coefficient, Rational) and term.coefficient > 0):
            return f"coefficient {term.coefficient} is not a positive rational"
        value = term.coefficient
        for q in term.squares:
            value *= q**2
        for name in term.factors:
            h = hypotheses.get(name)
            if h is None or h.relation not in (">", ">="):
                return f"factor {name!r} is not a > or >= hypothesis"
            value *= h.expr(m)
        rhs += value
    for multiplier, name in identity.multiples:
        h = hypotheses.get(name)
        if h is None or h.relation != "=":
            return f"multiple of {name!r}, which is not an = hypothesis"
        if not _denominator_ok(multiplier, positive):
            return f"multiplier {multiplier} may divide by zero"
        rhs += multiplier * h.expr(m)
    lhs = identity.lhs(m)
    if sympy.sympify(lhs).has(sympy.Float):
        return "a float entered the identity (exact rationals only)"
    if not _denominator_ok(lhs, positive):
        return "the left side may divide by zero"
    difference = _fraction(lhs - rhs)
    if difference != 0:
        return f"not an identity: lhs - rhs = {sympy.factor(difference.as_expr())}"
    if identity.conclusion == "= 0" and identity.terms:
        return "concludes = 0 but has sign terms"
    if identity.conclusion == "> 0" and not any(
            not t.squares and all(hypotheses[f].relation == ">" for f in t.factors)
            for t in identity.terms):
        return "concludes > 0 but no term is strictly positive"
    if identity.conclusion not in ("= 0", ">= 0", "> 0"):
        return f"unknown conclusion {identity.conclusion!r}"
    if identity.definite_in:
        return _definite(identity)
    return None


def check(cert: Certificate) -> list[str]:
    """Every problem found (empty: the certificate holds)."""
    m = Semantics(cert)
    hypotheses = {h.name: h for h in cert.hypotheses}
    problems = [f"hypothesis {h.name!r}: relation {h.relation!r}" for h in cert.hypotheses
                if h.relation not in (">", ">=", "=")]
    if len(hypotheses) != len(cert.hypotheses):
        problems.append("two hypotheses share a name")
    for identity in cert.identities:
        problem = check_identity(identity, m, hypotheses)
        if problem:
            problems.append(f"{identity.statement}: {problem}")
    return problems


def certify(cert: Certificate) -> tuple[bool, str]:
    problems = check(cert)
    return not problems, "; ".join(problems) or f"{len(cert.identities)} identities hold"


def for_obligation(name: str, X, y) -> Certificate | None:
    """The certificate of obligation `name` for the learning set (X, y), or None."""
    from proofs import certificates

    return next((c for c in certificates.CERTIFICATES if name in c.obligations and c.X == tuple(X)
                 and c.y == tuple(y)), None)


def main(argv: list[str] | None = None) -> int:
    from proofs import certificates

    CERTIFICATES = certificates.CERTIFICATES
    start = time.perf_counter()
    failed = []
    for cert in CERTIFICATES:
        t0 = time.perf_counter()
        ok, detail = certify(cert)
        print(f"{'ok  ' if ok else 'FAIL'}  {', '.join(cert.obligations)}: {cert.claim} "
              f"({detail}; {time.perf_counter() - t0:.2f} s)")
        if not ok:
            failed += cert.obligations
    print(f"\nFAILED: {', '.join(failed)}" if failed else
          f"\nall {len(CERTIFICATES)} certificates hold ({time.perf_counter() - start:.2f} s, no solver)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
