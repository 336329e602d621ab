"""Every claim of the spec, stated once, literally (docs/spec.md §3-5), as closed Z3 formulas.

Written from the definitions of docs/spec.md §3 and sharing no formula with the encodings
(proofs/encoding.py and the obligation modules): the standard loss L, the outputs u_i = <w,x_i>,
their mean μ and biased variance σ², σ(w) as the root s > 0 of s² = σ²(w), the BN loss L̂
literally, local minimality with a quantified neighbourhood, the distance to Ŵ* as an infimum
(a lower bound for every t > 0 and, for every ε > 0, a t within ε). No closed form appears
except where the spec itself states one (the identity of §3, `bn_loss_identity`).

The claimed values an obligation is about (W*, ℓ, d, g, the distance D, ...) are parameters:
proofs/ties.py passes free variables, so that a tie proves "for every claimed value, unsat of the
query implies the statement" and a weakened query is caught on meaning, not by its bytes.

Each function returns the statement S; `negation` opens ¬S into its counterexample: the
existentials of ¬S become named constants, its universals are instantiated at given terms
(an instance of ¬S is implied by ¬S, so a query refuted from the instance refutes ¬S).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Callable, Sequence

import z3

Vec = Sequence[z3.ArithRef]


def _q(v) -> z3.ArithRef:
    if isinstance(v, z3.ExprRef):
        return v
    v = Fraction(v)
    return z3.Q(v.numerator, v.denominator)


def _inner(a: Vec, b: Vec) -> z3.ArithRef:
    return z3.Sum([ak * bk for ak, bk in zip(a, b)])


def _dist_sq(a: Vec, b: Vec) -> z3.ArithRef:
    return z3.Sum([(ak - bk) * (ak - bk) for ak, bk in zip(a, b)])


def _vars(prefix: str, dim: int) -> list[z3.ArithRef]:
    return [z3.Real(f"{prefix}{k + 1}") for k in range(dim)]


def _equal(a: Vec, b: Vec) -> z3.BoolRef:
    return z3.And([ak == bk for ak, bk in zip(a, b)])


class Spec:
    """The two networks of one learning set, literally (docs/spec.md §3).

    `bn_loss` may be replaced (proofs/ties.py passes an uninterpreted function) where a tie uses
    L̂ only through the proved identity of §3."""

    def __init__(self, X, y, bn_loss: Callable | None = None):
        self.X = [[_q(v) for v in row] for row in X]
        self.y = [_q(v) for v in y]
        self.n = len(self.y)
        self.dim = len(self.X[0])
        self._bn_loss = bn_loss

    def L(self, w: Vec) -> z3.ArithRef:
        """L(w) = (1/n) Σ_i (<w, x_i> - y_i)²."""
        return z3.Sum([(_inner(w, x) - yi) ** 2 for x, yi in zip(self.X, self.y)]) / self.n

    def u(self, w: Vec) -> list[z3.ArithRef]:
        return [_inner(w, x) for x in self.X]

    def mu(self, w: Vec) -> z3.ArithRef:
        return z3.Sum(self.u(w)) / self.n

    def var(self, w: Vec) -> z3.ArithRef:
        """σ²(w) = (1/n) Σ_i (u_i - μ)², the biased batch variance."""
        mu = self.mu(w)
        return z3.Sum([(ui - mu) ** 2 for ui in self.u(w)]) / self.n

    def is_sigma(self, s, w: Vec) -> z3.BoolRef:
        """s = σ(w) > 0: s is the positive root of σ²(w)."""
        return z3.And(s > 0, s * s == self.var(w))

    def bn_loss(self, w: Vec, s) -> z3.ArithRef:
        """L̂(w) = (1/n) Σ_i ((u_i - μ)/σ - y_i)², with s = σ(w)."""
        if self._bn_loss is not None:
            return self._bn_loss(*w, s)
        mu = self.mu(w)
        return z3.Sum([((ui - mu) / s - yi) ** 2 for ui, yi in zip(self.u(w), self.y)]) / self.n

    def bn_loss_cleared(self, w: Vec, s) -> z3.ArithRef:
        """s²·L̂(w) = (1/n) Σ_i ((u_i - μ) - s·y_i)², term by term by `clearing_step`."""
        mu = self.mu(w)
        return z3.Sum([((ui - mu) - s * yi) ** 2 for ui, yi in zip(self.u(w), self.y)]) / self.n

    def bn_gradient(self, w: Vec, s) -> list[z3.ArithRef]:
        """∂L̂/∂w_k by the chain rule on the literal L̂, with s = σ(w) and
        ∂σ/∂w_k = G_k/σ, G_k = (1/n) Σ_j (u_j - μ)(x_jk - x̄_k):
        ∂L̂/∂w_k = (2/n) Σ_i ((u_i - μ)/σ - y_i)·((x_ik - x̄_k)/σ - (u_i - μ)·G_k/σ³)
                 = (2/n) Σ_i ((u_i - μ) - σ·y_i)·((x_ik - x̄_k)·σ² - (u_i - μ)·G_k) / σ⁴
        (the two factors over σ and σ³ brought to the common denominator σ⁴)."""
        mu, u = self.mu(w), self.u(w)
        x_mean = [z3.Sum([x[k] for x in self.X]) / self.n for k in range(self.dim)]
        grad = []
        for k in range(self.dim):
            G = z3.Sum([(uj - mu) * (x[k] - x_mean[k]) for uj, x in zip(u, self.X)]) / self.n
            numerator = 2 * z3.Sum([((ui - mu) - s * yi) * ((x[k] - x_mean[k]) * s * s - (ui - mu) * G)
                                    for ui, yi, x in zip(u, self.y, self.X)]) / self.n
            grad.append(numerator / (s * s * s * s))
        return grad

    def centered(self) -> tuple[list[list[z3.ArithRef]], list[z3.ArithRef]]:
        """Σ = (1/n) Σ_i (x_i - x̄)(x_i - x̄)ᵀ and c = (1/n) Σ_i (x_i - x̄)(y_i - ȳ)."""
        x_mean = [z3.Sum([x[k] for x in self.X]) / self.n for k in range(self.dim)]
        y_mean = z3.Sum(self.y) / self.n
        xc = [[x[k] - x_mean[k] for k in range(self.dim)] for x in self.X]
        sigma = [[z3.Sum([r[i] * r[j] for r in xc]) / self.n for j in range(self.dim)]
                 for i in range(self.dim)]
        c = [z3.Sum([r[k] * (yi - y_mean) for r, yi in zip(xc, self.y)]) / self.n
             for k in range(self.dim)]
        return sigma, c

    def is_local_minimiser(self, w: Vec, tag: str) -> z3.BoolRef:
        """σ(w) > 0 and ∃ δ > 0 ∀ w' with ||w' - w||² < δ² and σ(w') > 0: L̂(w') >= L̂(w)."""
        delta, s, s2 = z3.Real(f"delta_{tag}"), z3.Real(f"s_{tag}"), z3.Real(f"s'_{tag}")
        w2 = _vars(f"w'_{tag}", self.dim)
        return z3.And(self.var(w) > 0, z3.Exists([delta], z3.And(delta > 0, z3.ForAll(
            [*w2, s2, s], z3.Implies(
                z3.And(_dist_sq(w2, w) < delta * delta, self.is_sigma(s2, w2), self.is_sigma(s, w)),
                self.bn_loss(w2, s2) >= self.bn_loss(w, s))))))


def clearing_step() -> z3.BoolRef:
    """(a/s - y)²·s² = (a - s·y)² for every a, y and s != 0: how s²·L̂ is cleared term by term
    (Z3 proves it once, generically; tests/test_statements.py)."""
    a, y, s = z3.Reals("a y s")
    return z3.ForAll([a, y, s], z3.Implies(s != 0, (a / s - y) ** 2 * (s * s) == (a - s * y) ** 2))


# ---- the statements, one per obligation ------------------------------------------------------

def standard_optimum(spec: Spec, w_star: Vec, ell) -> z3.BoolRef:
    """W* is the unique minimiser of L and L(W*) = ℓ."""
    w = _vars("w", spec.dim)
    return z3.And(spec.L(w_star) == ell, z3.ForAll(w, z3.Implies(
        z3.Not(_equal(w, w_star)), spec.L(w) > spec.L(w_star))))


def bn_loss_identity(spec: Spec) -> z3.BoolRef:
    """docs/spec.md §3: wherever σ(w) > 0, σ(w)² = wᵀΣw and L̂(w) = 1 + mean(y²) - 2<c,w>/σ(w)
    (the spec's 1 + mean(y²) - 2<c,w>/sqrt(wᵀΣw), with sqrt(wᵀΣw) = σ(w) stated)."""
    w, s = _vars("w", spec.dim), z3.Real("s")
    sigma, c = spec.centered()
    quadratic = z3.Sum([w[i] * sigma[i][j] * w[j] for i in range(spec.dim) for j in range(spec.dim)])
    mean_sq = z3.Sum([yi * yi for yi in spec.y]) / spec.n
    return z3.ForAll([*w, s], z3.Implies(spec.is_sigma(s, w), z3.And(
        s * s == quadratic, spec.bn_loss(w, s) == 1 + mean_sq - 2 * _inner(c, w) / s)))


def bn_loss_constant(spec: Spec) -> z3.BoolRef:
    """docs/spec.md §5, c = 0: L̂(w) = 1 + mean(y²) for every w with σ(w) > 0."""
    w, s = _vars("w", spec.dim), z3.Real("s")
    mean_sq = z3.Sum([yi * yi for yi in spec.y]) / spec.n
    return z3.ForAll([*w, s], z3.Implies(spec.is_sigma(s, w), spec.bn_loss(w, s) == 1 + mean_sq))


def bn_loss_locally_constant(spec: Spec) -> z3.BoolRef:
    """docs/spec.md §5, dimension 1: L̂(w) = L̂(w') whenever w·w' > 0 (σ(w), σ(w') > 0)."""
    (w,), (w2,), s, s2 = _vars("w", 1), _vars("w'", 1), z3.Real("s"), z3.Real("s'")
    return z3.ForAll([w, w2, s, s2], z3.Implies(
        z3.And(spec.is_sigma(s, [w]), spec.is_sigma(s2, [w2]), w * w2 > 0),
        spec.bn_loss([w], s) == spec.bn_loss([w2], s2)))


def ray_points_are_local_minimisers(spec: Spec, d: Vec) -> z3.BoolRef:
    """Every t·d, t > 0, is a local minimiser of L̂ (Ŵ* ⊇ the open ray)."""
    t = z3.Real("t")
    return z3.ForAll([t], z3.Implies(t > 0, spec.is_local_minimiser([t * dk for dk in d], "ray")))


def stationary_points_on_line(spec: Spec, d: Vec) -> z3.BoolRef:
    """Every w with σ(w) > 0 and ∇L̂(w) = 0 is a multiple of d. (With "a local minimiser of a
    differentiable function on an open set is stationary", hand reasoning: Ŵ* ⊆ the line.)"""
    w, s, lam = _vars("w", spec.dim), z3.Real("s"), z3.Real("lambda")
    return z3.ForAll([*w, s], z3.Implies(
        z3.And(spec.is_sigma(s, w), *[g == 0 for g in spec.bn_gradient(w, s)]),
        z3.Exists([lam], _equal(w, [lam * dk for dk in d]))))


def opposite_ray_not_local_minimisers(spec: Spec, d: Vec) -> z3.BoolRef:
    """No -t·d, t > 0, is a local minimiser of L̂ (Ŵ* ∩ the opposite ray = ∅)."""
    t = z3.Real("t")
    return z3.ForAll([t], z3.Implies(
        t > 0, z3.Not(spec.is_local_minimiser([-t * dk for dk in d], "opp"))))


def distance_lower_bound(d: Vec, D: Callable) -> z3.BoolRef:
    """||W0 - t·d||² >= D(W0) for every W0 and every t > 0 (D is a lower bound of the distance)."""
    w0, t = _vars("W0_", len(d)), z3.Real("t")
    return z3.ForAll([*w0, t], z3.Implies(t > 0, _dist_sq(w0, [t * dk for dk in d]) >= D(*w0)))


def distance_approached(d: Vec, D: Callable) -> z3.BoolRef:
    """For every W0 and ε > 0 some t > 0 has ||W0 - t·d||² < D(W0) + ε: with the lower bound,
    D(W0) = inf over t > 0 of ||W0 - t·d||², the squared distance from W0 to Ŵ*."""
    w0, t, eps = _vars("W0_", len(d)), z3.Real("t"), z3.Real("eps")
    return z3.ForAll([*w0, eps], z3.Implies(eps > 0, z3.Exists([t], z3.And(
        t > 0, _dist_sq(w0, [t * dk for dk in d]) < D(*w0) + eps))))


def lemma_right_side(w0: Vec, w_star: Vec) -> z3.ArithRef:
    """||W0 - W*||² - (1/||W*||²)(||W*||² - <W*, W0>)², as (L4.5) writes it."""
    norm = _inner(w_star, w_star)
    return _dist_sq(w0, w_star) - (norm - _inner(w_star, w0)) ** 2 / norm


def lemma_fails_at(w0: Vec, w_star: Vec, d: Vec) -> z3.BoolRef:
    """(L4.5) fails at W0: <W0,W*> > 0 and inf_{t>0} ||W0 - t·d||² > RHS(W0), i.e. some ε > 0
    has ||W0 - t·d||² >= RHS(W0) + ε for every t > 0 (Ŵ* = {t·d : t > 0})."""
    t, eps = z3.Real("t"), z3.Real("eps")
    return z3.And(_inner(w0, w_star) > 0, z3.Exists([eps], z3.And(eps > 0, z3.ForAll([t], z3.Implies(
        t > 0, _dist_sq(w0, [t * dk for dk in d]) >= lemma_right_side(w0, w_star) + eps)))))


def gradient_at(spec: Spec, w: Vec, g: Vec) -> z3.BoolRef:
    """σ(W*) > 0, ∇L̂(W*) = g and g != 0."""
    s = z3.Real("s")
    return z3.And(spec.var(w) > 0, z3.Or([gk != 0 for gk in g]), z3.ForAll([s], z3.Implies(
        spec.is_sigma(s, w), _equal(spec.bn_gradient(w, s), g))))


def not_on_ray_and_higher(spec: Spec, w_star: Vec, d: Vec, at_w, at_d) -> z3.BoolRef:
    """W* is no t·d (t > 0), L̂(W*) = ℓ*, L̂(d) = ℓ_min and ℓ* > ℓ_min."""
    t, s, s_d = z3.Real("t"), z3.Real("s"), z3.Real("s_d")
    return z3.And(
        z3.ForAll([t], z3.Implies(t > 0, z3.Not(_equal(w_star, [t * dk for dk in d])))),
        spec.var(w_star) > 0, spec.var(d) > 0, at_w > at_d,
        z3.ForAll([s], z3.Implies(spec.is_sigma(s, w_star), spec.bn_loss(w_star, s) == at_w)),
        z3.ForAll([s_d], z3.Implies(spec.is_sigma(s_d, d), spec.bn_loss(d, s_d) == at_d)))


def failure_region(w_star: Vec, d: Vec, distance: Callable, necessary: bool) -> z3.BoolRef:
    """For admissible W0 (<W0,W*> > 0): (L4.5) fails at W0 (distance(W0) > RHS(W0)) iff
    <W0, W*/||W*|| - d/||d||> > 0 (norms as the positive roots p, q). `necessary`: fails ⇒ region;
    otherwise region ⇒ fails."""
    w0, p, q = _vars("W0_", len(d)), z3.Real("p"), z3.Real("q")
    fails = distance(*w0) > lemma_right_side(w0, w_star)
    region = _inner(w0, [wk / p - dk / q for wk, dk in zip(w_star, d)]) > 0
    return z3.ForAll([*w0, p, q], z3.Implies(
        z3.And(p > 0, p * p == _inner(w_star, w_star), q > 0, q * q == _inner(d, d),
               _inner(w0, w_star) > 0),
        z3.Implies(fails, region) if necessary else z3.Implies(region, fails)))


# ---- ¬S opened into a counterexample ----------------------------------------------------------

def negation(statement: z3.BoolRef, choices: dict | None = None, prefix: str = "cex.") -> z3.BoolRef:
    """¬S with its quantifiers opened: an ∃ of ¬S (a ∀ of S) binds a constant named prefix +
    the variable's name (the counterexample), a ∀ of ¬S (an ∃ of S) is instantiated at
    choices[name]. A ∀ of ¬S without a choice stays a quantifier, and so does every ∃ inside it
    (a constant there would claim ∃u ∀z where ¬S says ∀z ∃u). The result is implied by ¬S."""
    return _open(statement, True, choices or {}, prefix)


def instance(statement: z3.BoolRef, choices: dict | None = None, prefix: str = "lemma.") -> z3.BoolRef:
    """A proved statement S opened the same way: its ∀ instantiated at choices[name], its ∃
    binding constants named prefix + the variable's name. Implied by S."""
    return _open(statement, False, choices or {}, prefix)


def _open(f: z3.BoolRef, negated: bool, choices: dict, prefix: str, kept: bool = False) -> z3.BoolRef:
    """`kept`: f lies under a ∀ that stayed a quantifier, so an ∃ of f stays one too."""
    if z3.is_quantifier(f):
        names = [f.var_name(i) for i in range(f.num_vars())]
        universal = f.is_forall() != negated          # a ∀ of the formula being built
        if (universal and not all(n in choices for n in names)) or (kept and not universal):
            consts = [z3.Const(n, f.var_sort(i)) for i, n in enumerate(names)]
            body = z3.substitute_vars(f.body(), *reversed(consts))
            return (z3.ForAll if universal else z3.Exists)(consts, _open(body, negated, choices, prefix, True))
        terms = [choices[n] if universal else z3.Const(prefix + n, f.var_sort(i))
             for i, n in enumerate(names)]
        return _open(z3.substitute_vars(f.body(), *reversed(terms)), negated, choices, prefix, kept)
    if z3.is_not(f):
        return _open(f.arg(0), not negated, choices, prefix, kept)
    if z3.is_and(f) or z3.is_or(f):
        parts = [_open(a, negated, choices, prefix, kept) for a in f.children()]
        return (z3.Or if z3.is_and(f) == negated else z3.And)(parts)
    if z3.is_implies(f):
        a, b = f.children()
        return _open(z3.Or(z3.Not(a), b), negated, choices, prefix, kept)
    return z3.Not(f) if negated else f
