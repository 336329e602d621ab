"""The certificate checker: plain SymPy arithmetic, no solver (`make certify`).

The checker fixes the premises itself. For an obligation and its claimed values (a Claims:
the learning set, W*, L(W*), d, ∇L̂(W*), L̂(W*), min L̂), `negated_claim` builds the negation of
the claim literally as docs/spec.md §3-5 states it, with its own SymPy semantics (`Semantics`:
literal sums, written without looking at proofs/encoding.py or harness/evaluator.py): L and
L̂ as means of squares, σ(w) as the root s > 0 of s² = σ²(w) (the biased variance), ∇L̂ as
SymPy's derivative of the literal L̂, the BN optima the ray {t·d : t > 0}, the distance to it as
an infimum (∀ t > 0 bound, ∀ ε > 0 ∃ t), "(L4.5) fails at W0" as <W0,W*> > 0 and
inf_t ||W0 - t·d||² > RHS(W0), local minimality with a quantified neighbourhood. Every square
root the claim needs (σ, ||W*||, ||d||, the √q of a claimed surd) is a variable of the
checker's own making with r > 0, r² = value.

`branches` opens the negated claim into a disjunction of branches, each a list of atoms
(p > 0, p >= 0, p = 0; p != 0 is split into p > 0 | -p > 0) plus pending universals. An atom's
rational function is cleared to its numerator only when the denominator is a nonzero constant
times powers of variables with an atom v > 0 earlier in the same branch. A certificate
(proofs/certificate.py) gives one proof per branch and refers to atoms by index only; `check`
verifies every Positivstellensatz identity by exact polynomial expansion, every sign, every cut
and every instantiation (see proofs/certificate.py for the rules).

What remains trusted is this module: that `Semantics` and `negated_claim` say what docs/spec.md
says, and the soundness of the few proof rules in `_check`.

`python -m harness.certify` checks every certificate of proofs/certificates.py and prints one
line each: "proved" when it holds, "computed, not proved" when it does not (a certificate that
fails to check proves nothing, but is no counterexample either: harness/status.py); exit 0
when all hold, 1 otherwise.
"""

from __future__ import annotations

import functools
import sys
import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Union

import sympy
from sympy import Rational, Symbol
from sympy.polys.domains import QQ
from sympy.polys.fields import field, sfield
from sympy.polys.rings import ring

from harness.status import NOT_PROVED, PROVED, exit_code, failed_line
from proofs.certificate import Certificate, Cut, Instantiate, Proof, Refutation
from proofs.claims import Claims, Surd


def _q(v) -> Rational:
    v = Fraction(v)
    return Rational(v.numerator, v.denominator)


class Semantics:
    """docs/spec.md §3 for one learning set, as SymPy expressions in whatever symbols it is given.

    u_i(w) = <w, x_i>, μ(w) = mean u_i, σ²(w) = mean (u_i - μ)², L(w) = mean (u_i - y_i)²,
    L̂(w) = mean ((u_i - μ)/s - y_i)² with s standing for σ(w); Σ and c the centered statistics.
    """

    def __init__(self, X, y):
        self.X = [[_q(v) for v in row] for row in X]
        self.y = [_q(v) for v in y]
        self.n = len(self.y)
        self.dim = len(self.X[0])
        self.y_mean = sum(self.y) / self.n
        self.x_mean = [sum(row[k] for row in self.X) / self.n for k in range(self.dim)]
        self.mean_sq = sum(yi**2 for yi in self.y) / self.n

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

    def bn_loss(self, w, s):
        return sum(((ui - self.mu(w)) / s - yi) ** 2 for ui, yi in zip(self.u(w), self.y)) / self.n

    @property
    def c(self):
        """c = (1/n) Σ (x_i - x̄)(y_i - ȳ)."""
        return [sum((x[k] - self.x_mean[k]) * (yi - self.y_mean) for x, yi in zip(self.X, self.y)) / self.n
                for k in range(self.dim)]

    def quadratic(self, w):
        """wᵀΣw with Σ = (1/n) Σ (x_i - x̄)(x_i - x̄)ᵀ."""
        centered = [[x[k] - self.x_mean[k] for k in range(self.dim)] for x in self.X]
        return sum(self.dot(w, xc) ** 2 for xc in centered) / self.n

    def bn_gradient(self, w, s):
        """∂L̂/∂w_k at w, by SymPy's diff (sympy.polys, F as a rational function of w and s) of
        the literal L̂(w) = F(w, σ(w)), F(w, s) the sum above: chain rule ∂F/∂w_k + ∂F/∂s · ∂σ/∂w_k with ∂σ/∂w_k = (∂σ²/∂w_k)/(2s), s = σ(w)."""
        v = sympy.symbols(f"_v1:{self.dim + 1}")
        K = field([*v, s], QQ)[0]
        *dv, ds = K.gens
        F, var = (K.new(*_fraction(e, K.ring, dict(zip([*v, s], K.ring.gens)), {}))
                  for e in (self.bn_loss(v, s), self.var(v)))
        gradient = [F.diff(vk) + F.diff(ds) * var.diff(vk) / (2 * ds) for vk in dv]
        point = [sympy.sympify(wk) for wk in w]
        if all(wk.is_Rational for wk in point):         # exact evaluation in the field
            at = [(vk, QQ(int(wk.p), int(wk.q))) for vk, wk in zip(dv, point)]
            return [g.subs(at).as_expr() for g in gradient]
        return [g.as_expr().xreplace(dict(zip(v, point))) for g in gradient]

    def lemma_rhs(self, w0, w_star):
        """Right side of (L4.5): ||W0 - W*||² - (1/||W*||²)(||W*||² - <W*,W0>)²."""
        return self.sq(self.sub(w0, w_star)) - (self.sq(w_star) - self.dot(w_star, w0)) ** 2 / self.sq(w_star)


# ---- formulas of the negated claims -------------------------------------------------------------

@dataclass(frozen=True)
class Atom:
    expr: sympy.Expr
    relation: str                         # ">", ">=" or "="


@dataclass(frozen=True)
class And:
    parts: tuple


@dataclass(frozen=True)
class Or:
    parts: tuple


@dataclass(frozen=True)
class Forall:
    """∀ variables ∀ roots (r > 0, r² = square): body. `exists`: the symbols the body binds
    existentially (they become variables of the branch once the universal is instantiated)."""
    variables: tuple[Symbol, ...]
    body: "Formula"
    roots: tuple[tuple[Symbol, sympy.Expr], ...] = ()
    exists: tuple[Symbol, ...] = ()


Formula = Union[Atom, And, Or, Forall]


def gt(a, b=0) -> Atom:
    return Atom(sympy.sympify(a - b), ">")


def ge(a, b=0) -> Atom:
    return Atom(sympy.sympify(a - b), ">=")


def eq(a, b=0) -> Atom:
    return Atom(sympy.sympify(a - b), "=")


def ne(a, b=0) -> Or:
    return Or((gt(a, b), gt(b, a)))


def not_(atom: Atom) -> Formula:
    return {">": ge(-atom.expr), ">=": gt(-atom.expr), "=": ne(atom.expr)}[atom.relation]


def vector_ne(a, b) -> Or:
    return Or(tuple(ne(ak, bk) for ak, bk in zip(a, b)))


def root(r: Symbol, square) -> And:
    """r is the positive square root of `square`."""
    return And((gt(r), eq(r**2, square)))


def implies(premises: tuple, conclusion: Formula) -> Or:
    """premises → conclusion, as ¬p_1 ∨ ... ∨ conclusion."""
    return Or((*(not_(p) for p in premises), conclusion))


# ---- the negated claims -------------------------------------------------------------------------

def _vec(name: str, dim: int) -> list[Symbol]:
    return list(sympy.symbols(f"{name}1:{dim + 1}"))


class _Surds:
    """A claimed a + b·sqrt(q): each distinct q > 0 gets a root variable sqrt_k (sqrt_k > 0,
    sqrt_k² = q), declared with the claim."""

    def __init__(self):
        self.roots: dict[Rational, Symbol] = {}

    def value(self, s: Surd):
        a, b, q = _q(s.a), _q(s.b), _q(s.q)
        if b == 0 or q == 0:
            return a
        if q < 0:
            raise ValueError(f"a claimed value has sqrt({q})")
        if q not in self.roots:
            self.roots[q] = Symbol(f"sqrt_{len(self.roots) + 1}")
        return a + b * self.roots[q]

    def atoms(self) -> tuple:
        return tuple(root(r, q) for q, r in self.roots.items())


def negated_claim(name: str, m: Semantics, claims: Claims) -> Formula:
    """The negation of obligation `name`'s claim, literally, about these claimed values."""
    W, d = [_q(v) for v in claims.w_star], [_q(v) for v in claims.bn_direction]
    dim = m.dim
    w, v, W0 = _vec("w", dim), _vec("v", dim), _vec("W0_", dim)
    t, eps, delta, lam = sympy.symbols("t eps delta lambda")
    s, s_d, r, p, q = sympy.symbols("s s_d r p q")
    surds = _Surds()
    td = m.scaled(t, d)

    def lemma_holds_at(w0) -> Formula:
        """(L4.5) fails at W0, negated: <W0,W*> <= 0, or inf_{t>0} ||W0 - td||² <= RHS(W0),
        i.e. ∀ ε > 0 ∃ t > 0: ||W0 - td||² < RHS(W0) + ε."""
        return Or((ge(-m.dot(w0, W)), Forall((eps,), Or((ge(-eps), And((
            gt(t), gt(m.lemma_rhs(w0, W) + eps, m.sq(m.sub(w0, td))))))), exists=(t,))))

    def distance_cases(w0, bound) -> Or:
        """D(W0), the claimed squared distance to the ray: ||W0||² - <W0,d>²/||d||² if <W0,d> > 0,
        else ||W0||²; `bound(D)` the formula to state about it in each case."""
        B = m.dot(w0, d)
        return Or((And((gt(B), bound(m.sq(w0) - B**2 / m.sq(d)))), And((ge(-B), bound(m.sq(w0))))))

    def region(w0) -> sympy.Expr:
        """<W0, W*/||W*|| - d/||d||> with p = ||W*||, q = ||d||."""
        return m.dot(w0, [wk / p - dk / q for wk, dk in zip(W, d)])

    def norms() -> tuple:
        return root(p, m.sq(W)), root(q, m.sq(d))

    def admissible_inf_above(w0) -> Formula:
        """<W0,W*> > 0 and inf_{t>0} ||W0 - td||² > RHS(W0): ∃ ε > 0 ∀ t > 0 ||W0 - td||² >= RHS + ε."""
        return And((gt(m.dot(w0, W)), gt(eps), Forall((t,), implies(
            (gt(t),), ge(m.sq(m.sub(w0, td)), m.lemma_rhs(w0, W) + eps)))))

    if name == "standard_optimum":
        # L(W*) = ℓ and ∀ w != W*: L(w) > L(W*)
        return Or((ne(m.L(W), _q(claims.standard_loss_at_w_star)),
                   And((vector_ne(w, W), ge(m.L(W), m.L(w))))))
    if name == "bn_loss_identity":
        # ∀ w, s (s > 0, s² = σ²(w)): σ²(w) = wᵀΣw and L̂(w) = 1 + mean(y²) - 2<c,w>/s
        return And((root(s, m.var(w)), Or((ne(m.var(w), m.quadratic(w)),
                                           ne(m.bn_loss(w, s), 1 + m.mean_sq - 2 * m.dot(m.c, w) / s)))))
    if name == "bn_ray_is_global_minimum":
        # ∀ t > 0: σ(td) > 0 and ∀ w with σ(w) > 0: L̂(w) >= L̂(td)
        return And((gt(t), Or((ge(-m.var(td)), And((
            root(r, m.var(td)), root(s, m.var(w)), gt(m.bn_loss(td, r), m.bn_loss(w, s))))))))
    if name == "bn_stationary_points_on_line":
        # ∀ w (σ(w) > 0, ∇L̂(w) = 0) ∃ λ: w = λ·d
        return And((root(s, m.var(w)), *(eq(g) for g in m.bn_gradient(w, s)),
                    Forall((lam,), vector_ne(w, m.scaled(lam, d)))))
    if name == "bn_opposite_ray_not_minimum":
        # ∀ t > 0: -td is no local minimiser of L̂: σ(-td) = 0, or ∀ δ > 0 ∃ w' with
        # ||w' + td||² < δ², σ(w') > 0 and L̂(w') < L̂(-td)
        minus_td = m.scaled(-t, d)
        return And((gt(t), root(r, m.var(minus_td)), gt(delta), Forall(
            tuple(v), implies((gt(delta**2, m.sq(m.sub(v, minus_td))),),
                              ge(m.bn_loss(v, s), m.bn_loss(minus_td, r))),
            roots=((s, m.var(v)),))))
    if name == "bn_gradient_at_w_star":
        # σ(W*) > 0, ∇L̂(W*) = g, g != 0
        g = [surds.value(gk) for gk in claims.grad_at_w_star]
        return And((*surds.atoms(), Or((ge(-m.var(W)), And((root(s, m.var(W)), vector_ne(m.bn_gradient(W, s), g))),
                                        And(tuple(eq(gk) for gk in g))))))
    if name == "w_star_not_bn_optimal":
        # ∀ t > 0: W* != td; σ(W*), σ(d) > 0; L̂(W*) = ℓ*; L̂(d) = ℓ_min; ℓ* > ℓ_min
        at_w, at_d = surds.value(claims.bn_loss_at_w_star), surds.value(claims.min_bn_loss)
        return And((*surds.atoms(), Or((
            And((gt(t), *(eq(a, b) for a, b in zip(W, td)))), ge(-m.var(W)), ge(-m.var(d)), ge(at_d, at_w),
            And((root(s, m.var(W)), ne(m.bn_loss(W, s), at_w))),
            And((root(s_d, m.var(d)), ne(m.bn_loss(d, s_d), at_d)))))))
    if name == "distance_to_ray_lower_bound":
        # ∀ W0, t > 0: ||W0 - td||² >= D(W0)
        return And((gt(t), distance_cases(W0, lambda D: gt(D, m.sq(m.sub(W0, td))))))
    if name == "distance_to_ray_attained":
        # ∀ W0, ε > 0 ∃ t > 0: ||W0 - td||² < D(W0) + ε
        return And((gt(eps), distance_cases(W0, lambda D: Forall((t,), implies(
            (gt(t),), ge(m.sq(m.sub(W0, td)), D + eps))))))
    if name == "negated_lemma":
        # ∃ W0: (L4.5) fails at W0
        return Forall(tuple(W0), lemma_holds_at(W0))
    if name == "lemma_fails_at_w_star":
        return lemma_holds_at(W)
    if name == "failure_region_necessary":
        # ∀ admissible W0: (L4.5) fails at W0 → <W0, ŵ - d̂> > 0
        return And((*norms(), admissible_inf_above(W0), ge(-region(W0))))
    if name == "failure_region_sufficient":
        # ∀ admissible W0: <W0, ŵ - d̂> > 0 → (L4.5) fails at W0
        return And((*norms(), gt(m.dot(W0, W)), gt(region(W0)), lemma_holds_at(W0)))
    raise KeyError(name)


# ---- branches -----------------------------------------------------------------------------------

class ClaimError(Exception):
    """The checker could not state an atom (a denominator not provably positive)."""


@dataclass(frozen=True)
class Branch:
    atoms: tuple[tuple[sympy.Poly, str], ...] = ()     # (polynomial p, relation): p rel 0
    universals: tuple[Forall, ...] = ()

    def positive_variables(self) -> set:
        return {p.as_expr() for p, rel in self.atoms if rel == ">" and p.as_expr().is_Symbol}

    def symbols(self) -> set:
        found = set()
        for p, _ in self.atoms:
            found |= p.as_expr().free_symbols
        for u in self.universals:
            found |= _symbols(u)
        return found


def _symbols(formula) -> set:
    if isinstance(formula, Atom):
        return formula.expr.free_symbols
    if isinstance(formula, Forall):
        return (_symbols(formula.body) | set(formula.variables) | set(formula.exists)
                | {r for r, _ in formula.roots} | {x for _, sq in formula.roots for x in sq.free_symbols})
    return set().union(*(_symbols(part) for part in formula.parts))


def _poly(expr) -> sympy.Poly:
    """expr as a Poly over QQ in its symbols, sorted by name (`_` where it has none)."""
    symbols = sorted(expr.free_symbols, key=str) or [Symbol("_")]
    fraction = _in_ring(expr, symbols)
    if fraction is not None and fraction[1].is_ground:       # a polynomial (nonzero denominator)
        numerator = fraction[0].quo_ground(fraction[1].LC)
        return sympy.Poly.from_dict(dict(numerator.iterterms()), *symbols, domain=QQ)
    return sympy.Poly(expr, *symbols, domain="QQ")


def clear(expr, relation: str, positive: set) -> tuple[sympy.Poly, str]:
    """`expr relation 0` as `p relation 0` with p a primitive polynomial: the denominator must be
    a nonzero constant times powers of variables known > 0 (then multiplying by it, or by minus
    it, preserves the relation)."""
    expr = sympy.sympify(expr)
    if expr.has(sympy.Float):
        raise ClaimError("a float in an atom")
    if expr.has(sympy.zoo, sympy.nan, sympy.oo):
        raise ClaimError("a division by zero in the claim")
    cleared = _cleared_in_ring(expr, positive)
    if cleared is not None:
        return _primitive(cleared), relation
    fraction = sfield(expr)[1]
    numerator, denominator = fraction.numer.as_expr(), fraction.denom.as_expr()
    coefficient, factors = sympy.factor_list(denominator)
    if coefficient == 0 or any(f not in positive for f, _ in factors):
        raise ClaimError(f"denominator {denominator} is not provably positive")
    return _primitive(_poly(numerator * sympy.sign(coefficient))), relation


def _primitive(p: sympy.Poly) -> sympy.Poly:
    """p divided by a positive rational: integer coefficients with gcd 1."""
    if p.is_zero:
        return p
    denominators, integral = p.clear_denoms()
    content, primitive = integral.primitive()
    return primitive if content / denominators > 0 else -primitive


class _NotRational(Exception):
    """An expression that is not built from symbols and rationals by +, · and integer powers."""


def _cleared_in_ring(expr, positive: set) -> sympy.Poly | None:
    """clear's numerator, times the sign of the denominator, as a Poly in the sorted symbols it
    has, computed by arithmetic in QQ[symbols] (no expansion of SymPy expressions); None where
    that fails (an expression it does not cover, a zero or not provably positive denominator):
    then clear decides as written above, and reports why. Where it succeeds the fraction is
    cancelled to lowest terms as sfield's is, so the result is the same up to a positive
    factor, which _primitive removes; and its denominator is a monomial in variables of
    `positive`, which is when factor_list accepts it (a polynomial of two or more terms has a
    factor that is not a variable)."""
    symbols = sorted(expr.free_symbols, key=str) or [Symbol("_")]
    fraction = _in_ring(expr, symbols)
    if fraction is None:
        return None
    numerator, denominator = fraction[0].cancel(fraction[1])
    if not denominator.is_term or any(e and symbols[i] not in positive
                                      for i, e in enumerate(denominator.LM)):
        return None
    numerator = numerator if denominator.LC > 0 else -numerator
    used = [i for i in range(len(symbols)) if any(m[i] for m in numerator.itermonoms())]
    if not used:
        return _poly(QQ.to_sympy(numerator.LC) if numerator else sympy.Integer(0))
    return sympy.Poly.from_dict({tuple(m[i] for i in used): c for m, c in numerator.iterterms()},
                                *[symbols[i] for i in used], domain=QQ)


@functools.lru_cache(maxsize=None)
def _ring(symbols: tuple):
    """QQ[symbols] (a plain polynomial ring object, built once per tuple of generators)."""
    return ring(symbols, QQ)[0]


def _in_ring(expr, symbols: list):
    """expr as (numerator, denominator) in QQ[symbols], not cancelled; None where expr is not
    built from the symbols and rationals by +, · and integer powers, or divides by zero."""
    if not all(x.is_Symbol for x in symbols):
        return None
    R = _ring(tuple(symbols))
    try:
        numerator, denominator = _fraction(expr, R, dict(zip(symbols, R.gens)), {})
    except _NotRational:
        return None
    return None if denominator.is_zero else (numerator, denominator)


def _fraction(expr, R, gens: dict, seen: dict) -> tuple:
    """expr as (numerator, denominator) in R, not yet cancelled."""
    if expr in seen:
        return seen[expr]
    if expr.is_Symbol:
        value = gens[expr], R.one
    elif expr.is_Rational:
        value = R.ground_new(QQ(int(expr.p), int(expr.q))), R.one
    elif expr.is_Add or expr.is_Mul:
        parts = [_fraction(a, R, gens, seen) for a in expr.args]
        value = parts[0]
        for part in parts[1:]:
            value = _sum(value, part) if expr.is_Add else (value[0] * part[0], value[1] * part[1])
    elif expr.is_Pow and expr.exp.is_Integer:
        numerator, denominator = _fraction(expr.base, R, gens, seen)
        k = int(expr.exp)
        if k < 0:
            if not numerator:
                raise _NotRational
            numerator, denominator, k = denominator, numerator, -k
        value = numerator**k, denominator**k
    else:
        raise _NotRational
    seen[expr] = value
    return value


def _sum(a: tuple, b: tuple) -> tuple:
    (n1, d1), (n2, d2) = a, b
    if d1 == d2:
        return n1 + n2, d1
    if d1.is_term and d2.is_term:
        common = d1.lcm(d2)
        return n1 * common.exquo(d1) + n2 * common.exquo(d2), common
    return n1 * d2 + n2 * d1, d1 * d2


def extend(branches: list[Branch], formula: Formula) -> list[Branch]:
    """branches ∧ formula, as a disjunction of branches (Or parts in order, left to right)."""
    if isinstance(formula, Atom):
        return [Branch(b.atoms + (clear(formula.expr, formula.relation, b.positive_variables()),),
                       b.universals) for b in branches]
    if isinstance(formula, Forall):
        return [Branch(b.atoms, b.universals + (formula,)) for b in branches]
    if isinstance(formula, And):
        for part in formula.parts:
            branches = extend(branches, part)
        return branches
    return [nb for b in branches for part in formula.parts for nb in extend([b], part)]


def branches(name: str, claims: Claims) -> list[Branch]:
    return extend([Branch()], negated_claim(name, Semantics(claims.X, claims.y), claims))


# ---- the proof rules ----------------------------------------------------------------------------

def _polynomial(expr, what: str) -> sympy.Poly:
    expr = sympy.sympify(expr)
    if expr.has(sympy.Float):
        raise ClaimError(f"a float in {what} (exact rationals only)")
    if not expr.is_polynomial(*expr.free_symbols):
        raise ClaimError(f"{what} {expr} is not a polynomial")
    return _poly(expr)


def _refute(branch: Branch, proof: Refutation) -> str | None:
    """None if Σ a_k·Π q_kj²·Π g_kl + Σ m_i·e_i is the zero polynomial with a_k > 0, the g atoms
    "> 0"/">= 0", the e atoms "= 0", and some term a positive constant times strict atoms only."""
    atoms = branch.atoms
    terms = []                             # each a list of Polys, the sum of their products
    strict = False
    for product in proof.products:
        a = product.coefficient
        if not (isinstance(a, Rational) and a > 0):
            return f"coefficient {a} is not a positive rational"
        factors = [_poly(a)]
        for k in product.atoms:
            if not (isinstance(k, int) and 0 <= k < len(atoms)) or atoms[k][1] not in (">", ">="):
                return f"atom {k} is not a > or >= atom of the branch"
            factors.append(atoms[k][0])
        for square in product.squares:
            factors += [_polynomial(square, "a square")] * 2
        strict |= not product.squares and all(atoms[k][1] == ">" for k in product.atoms)
        terms.append(factors)
    for multiplier, k in proof.multiples:
        if not (isinstance(k, int) and 0 <= k < len(atoms)) or atoms[k][1] != "=":
            return f"atom {k} is not an = atom of the branch"
        terms.append([_polynomial(multiplier, "a multiplier"), atoms[k][0]])
    if not strict:
        return "no strictly positive term (a positive constant times strict atoms only)"
    total = _sum_of_products(terms)
    if total:
        return f"not an identity: the sum is {sympy.factor(total.as_expr())}"
    return None


def _sum_of_products(terms: list[list[sympy.Poly]]):
    """Σ Π of the Polys (over QQ), computed in one polynomial ring over all their generators."""
    symbols = sorted({g for factors in terms for p in factors for g in p.gens}, key=str)
    R = _ring(tuple(symbols))
    index = {g: i for i, g in enumerate(symbols)}

    def element(p: sympy.Poly):
        places = [index[g] for g in p.gens]
        terms_of_p = {}
        for monomial, c in p.rep.to_dict().items():
            full = [0] * len(symbols)
            for i, e in zip(places, monomial):
                full[i] = e
            terms_of_p[tuple(full)] = c
        return R.from_dict(terms_of_p)
    total = R.zero
    for factors in terms:
        value = R.one
        for p in factors:
            value *= element(p)
        total += value
    return total


def _with(branch: Branch, expr, relation: str) -> Branch:
    return Branch(branch.atoms + (clear(expr, relation, branch.positive_variables()),), branch.universals)


def _instantiate(branch: Branch, proof: Instantiate) -> tuple[list[Branch], str | None]:
    """The branches the instantiation leaves to refute: existence cases, then the body's."""
    if not (isinstance(proof.universal, int) and 0 <= proof.universal < len(branch.universals)):
        return [], f"no universal {proof.universal} in the branch"
    u = branch.universals[proof.universal]
    if len(proof.terms) != len(u.variables):
        return [], f"{len(u.variables)} terms needed, {len(proof.terms)} given"
    rest = Branch(branch.atoms, branch.universals[:proof.universal] + branch.universals[proof.universal + 1:])
    taken = rest.symbols() | {x for term in proof.terms for x in sympy.sympify(term).free_symbols}
    fresh = [*u.exists, *(r for r, _ in u.roots)]
    cases, subs = [], {}
    for x, term in zip(u.variables, proof.terms):
        term = sympy.sympify(term)
        if term.has(sympy.Float):
            return [], "a float in a term"
        fraction = sfield(term)[1]
        numerator, denominator = fraction.numer.as_expr(), fraction.denom.as_expr()
        if denominator.is_number:
            subs[x] = term
            continue
        fresh.append(x)        # x := numerator/denominator, defined where denominator != 0
        cases.append(_with(rest, denominator, "="))
        rest = _with(rest, denominator * x - numerator, "=")
    if any(x in taken for x in fresh):
        return [], f"the fresh variables {fresh} are not fresh"
    for r, square in u.roots:
        square = sympy.sympify(square).subs(subs)
        cases.append(_with(rest, -square, ">="))
        rest = _with(_with(rest, r, ">"), r**2 - square, "=")
    return cases + extend([rest], _substitute(u.body, subs)), None


def _substitute(formula, subs: dict):
    if isinstance(formula, Atom):
        return Atom(formula.expr.xreplace(subs), formula.relation)
    if isinstance(formula, Forall):
        inner = {x: v for x, v in subs.items() if x not in formula.variables}
        return Forall(formula.variables, _substitute(formula.body, inner),
                      tuple((r, sympy.sympify(sq).xreplace(inner)) for r, sq in formula.roots),
                      formula.exists)
    return type(formula)(tuple(_substitute(part, subs) for part in formula.parts))


def _check(branch: Branch, proof: Proof, where: str) -> list[str]:
    try:
        if isinstance(proof, Refutation):
            problem = _refute(branch, proof)
            return [f"{where}: {problem}"] if problem else []
        if isinstance(proof, Cut):
            p = _polynomial(proof.p, "a cut").as_expr()
            return (_check(_with(branch, p, ">"), proof.positive, f"{where}, {p} > 0")
                    + _check(_with(branch, p, "="), proof.zero, f"{where}, {p} = 0")
                    + _check(_with(branch, -p, ">"), proof.negative, f"{where}, {p} < 0"))
        if isinstance(proof, Instantiate):
            cases, problem = _instantiate(branch, proof)
            if problem:
                return [f"{where}: {problem}"]
            if len(cases) != len(proof.proofs):
                return [f"{where}: the instance opens {len(cases)} cases, {len(proof.proofs)} proofs given"]
            return [x for k, (case, sub) in enumerate(zip(cases, proof.proofs))
                    for x in _check(case, sub, f"{where}, instance case {k}")]
    except (ClaimError, sympy.PolynomialError, sympy.SympifyError, TypeError, ValueError, IndexError) as exc:
        return [f"{where}: malformed step ({exc})"]    # a certificate is untrusted input
    return [f"{where}: {type(proof).__name__} is not a proof step"]


def check(cert: Certificate, claims: Claims | None = None) -> list[str]:
    """Every problem found (empty: the certificate refutes the negated claim of its obligation
    about `claims`, by default the claimed values it was written for)."""
    claims = claims or cert.claims
    try:
        opened = branches(cert.obligation, claims)
    except KeyError:
        return [f"no claim is stated for obligation {cert.obligation!r}"]
    except (ClaimError, ValueError, ZeroDivisionError) as exc:
        return [f"the claim cannot be stated: {exc}"]
    if len(cert.proofs) != len(opened):
        return [f"the negated claim has {len(opened)} branches, the certificate {len(cert.proofs)} proofs"]
    return [x for k, (b, proof) in enumerate(zip(opened, cert.proofs)) for x in _check(b, proof, f"branch {k}")]


def certify(cert: Certificate, claims: Claims | None = None) -> tuple[bool, str]:
    problems = check(cert, claims)
    return not problems, "; ".join(problems) or f"{len(cert.proofs)} branches refuted"


def for_obligation(name: str, X, y) -> Certificate | None:
    """The certificate of obligation `name` for the learning set (X, y), or None."""
    from proofs import certificates

    if (certificates.CANONICAL.X, certificates.CANONICAL.y) != (tuple(X), tuple(y)):
        return None
    cert = certificates.certificate(name)
    return cert if cert is not None and cert.obligation == name and (cert.claims.X, cert.claims.y) \
        == (tuple(X), tuple(y)) else None


def main(argv: list[str] | None = None) -> int:
    from proofs import certificates

    CERTIFICATES = certificates.CERTIFICATES
    start = time.perf_counter()
    rows = []
    for cert in CERTIFICATES:
        t0 = time.perf_counter()
        ok, detail = certify(cert)
        rows.append({"name": cert.obligation, "status": PROVED if ok else NOT_PROVED})
        print(f"{rows[-1]['status']}  {cert.obligation}: {cert.argument} "
              f"({detail}; {time.perf_counter() - t0:.2f} s)")
    failed = failed_line(rows)
    print(f"\n{failed}" if failed else
          f"\nall {len(CERTIFICATES)} certificates hold ({time.perf_counter() - start:.2f} s, no solver)")
    return exit_code(r["status"] for r in rows)


if __name__ == "__main__":
    sys.exit(main())
