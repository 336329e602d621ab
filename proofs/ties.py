"""Ties: each obligation's query is tied to its literal statement (proofs/statements.py).

For an expected-unsat obligation with query Q and statement S, the tie proves ¬S ⇒ Q is
satisfiable: its query is

    (an instance of ¬S: the counterexample) ∧ (Q's variables defined from it) ∧ ¬Q     expected unsat,

so every counterexample to S yields a model of Q, and `unsat` of Q proves S. The claimed values
the obligation is about (d, W*, ℓ, g, the distance D, the loss values) are free variables or
uninterpreted functions in the tie, so the tie holds "for every claimed value": a weakened query
(a dropped case, a restricted domain, a vacuous implication) leaves some wrong claimed value with
a counterexample that Q misses, and the tie becomes `sat`. The premises of a tie are the
counterexample itself: the harness checks them satisfiable (a tie is never vacuous).

Named steps, each proved elsewhere or a plain instantiation:
- An instance of ¬S (a ∀ of ¬S taken at a chosen term: δ := 1, t := t_n, w' := a point of the
  query's path) is implied by ¬S, so refuting the instance refutes ¬S.
- `lemma`: where a tie uses L̂ only through the identity of docs/spec.md §3, L̂ is an uninterpreted
  function and the instances of that identity are premises; `ties/bn_loss_identity` proves the
  identity for the literal L̂ from the unsat of `bn_loss_identity`. Where a tie uses the distance
  to the ray, the closed form D is the infimum by `ties/distance_to_ray_*`.
- Roots defined conditionally (σ² > 0 ⇒ r > 0 ∧ r² = σ²) are satisfiable for every value of
  the other variables, so they restrict no counterexample.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Callable

import z3

from proofs import statements as st
from proofs.bn_gradient_at_w_star import bn_gradient_at_w_star
from proofs.bn_optima import (bn_loss_identity, bn_opposite_ray_not_minimum,
                              bn_ray_is_global_minimum, bn_stationary_points_on_line, off_line_axis)
from proofs.claims import Claims, Surd
from proofs.degenerate import degenerate_obligations
from proofs.distance_to_ray import distance_to_ray
from proofs.encoding import ray_distance_sq
from proofs.failure_region import failure_region
from proofs.negated_lemma import negated_lemma
from proofs.obligation import Obligation
from proofs.standard_optimum import standard_optimum
from proofs.w_star_not_bn_optimal import w_star_not_bn_optimal

TIE_MAX_DIM = 3
# Nonlinear real arithmetic (nlsat) after the links are solved away: decides the ties in
# tenths of a second where the default solver can answer unknown.
NONLINEAR = ("simplify", "propagate-values", "solve-eqs", "qfnra-nlsat")


def _free(name: str, dim: int) -> list[z3.ArithRef]:
    return [z3.Real(f"claim.{name}{k + 1}") for k in range(dim)]


def _c(name: str, dim: int | None = None):
    return z3.Real(f"cex.{name}") if dim is None else [z3.Real(f"cex.{name}{k + 1}") for k in range(dim)]


def _links(query_vars, values) -> list[tuple]:
    """The query's variables defined from the counterexample: substituted into the query."""
    return list(zip(query_vars, values))


def _root(name: str, square) -> tuple[z3.ArithRef, z3.BoolRef]:
    """r with (square > 0 ⇒ r > 0 ∧ r² = square): satisfiable for every value of square."""
    r = z3.Real(name)
    return r, z3.Implies(square > 0, z3.And(r > 0, r * r == square))


def _tie(ob: Obligation, statement: str, premises, definitions=(), claimed: bool = True,
         tactic: tuple[str, ...] = NONLINEAR) -> Obligation:
    """`claimed`: the statement has free claimed values, so its counterexample must be
    satisfiable (checked as the premises); an identity with nothing claimed has none (its tie
    shows the literal and the encoded forms agree)."""
    links = [d for d in definitions if isinstance(d, tuple)]
    definitions = [d for d in definitions if not isinstance(d, tuple)]
    query = [z3.substitute(q, *links) if links else q for q in ob.query]
    premises, rest = _without_functions([*premises, *definitions, z3.Not(z3.And(*query))], len(premises))
    definitions, negated_query = rest[:-1], rest[-1]
    return Obligation(
        name=f"ties/{ob.name}", statement=f"a counterexample to '{statement}' is a model of the query",
        expected="unsat", query=(*definitions, *premises, negated_query),
        definitions=tuple(definitions), premises=tuple(premises) if claimed else (),
        tactic=tactic)


def _without_functions(formulas, split: int):
    """Each application of an uninterpreted function (the loss L̂(w, s), the distance D(W0))
    becomes a fresh real constant, equal applications the same one
    (Ackermann's reduction without its congruence constraints: a model of the formulas gives one
    of the result, so unsat of the result is unsat of the formulas). Z3's nonlinear arithmetic
    then decides the tie, where uninterpreted functions make it answer unknown."""
    apps: dict[int, z3.ExprRef] = {}     # by AST id: Z3 shares equal terms, so equal ids
    seen: set[int] = set()               # each shared subterm is walked once (a DAG, not a tree)
    ctx = formulas[0].ctx
    ref = ctx.ref()

    def collect(ast):                    # Z3's C API: the formulas keep every subterm alive
        key = z3.Z3_get_ast_id(ref, ast)
        if key in seen or z3.Z3_get_ast_kind(ref, ast) != z3.Z3_APP_AST:
            return
        seen.add(key)
        count = z3.Z3_get_app_num_args(ref, ast)
        if count and z3.Z3_get_decl_kind(ref, z3.Z3_get_app_decl(ref, ast)) == z3.Z3_OP_UNINTERPRETED:
            apps.setdefault(key, z3.ExprRef(ast, ctx))
        for i in range(count):
            collect(z3.Z3_get_app_arg(ref, ast, i))
    for f in formulas:
        collect(f.as_ast())
    pairs = [(a, z3.Real(f"{a.decl().name()}#{i}")) for i, a in enumerate(apps.values())]
    out = [z3.substitute(f, *pairs) if pairs else f for f in formulas]
    return out[:split], out[split:]


def _loss_function(dim: int) -> z3.FuncDeclRef:
    return z3.Function("Lhat", *[z3.RealSort()] * (dim + 2))


def _identity_at(spec: st.Spec, w, s) -> z3.BoolRef:
    """The proved identity of §3 (ties/bn_loss_identity) at the point w with σ(w) = s."""
    choices = {**{f"w{k + 1}": wk for k, wk in enumerate(w)}, "s": s}
    return st.instance(st.bn_loss_identity(spec), choices)


# ---- one tie per obligation -------------------------------------------------------------------

TIES: dict[str, Callable] = {}       # obligation name -> tie builder (claims, outcome) -> Obligation


def _ties(*names: str):
    def register(build):
        for name in names:
            TIES[name] = functools.partial(build, name=name) if len(names) > 1 else build
        return build
    return register


@_ties("standard_optimum")
def _standard_optimum(claims: Claims, outcome=None) -> Obligation:
    dim = len(claims.w_star)
    w_star, ell = _free("W", dim), z3.Real("claim.ell")
    ob = standard_optimum(dataclasses.replace(claims, w_star=tuple(w_star), standard_loss_at_w_star=ell))
    spec = st.Spec(claims.X, claims.y)
    premises = [st.negation(st.standard_optimum(spec, w_star, ell))]
    return _tie(ob, "W* is the unique minimiser of L, L(W*) = ℓ", premises,
                _links(z3.Reals(" ".join(f"w{k + 1}" for k in range(dim))), _c("w", dim)))


@_ties("bn_loss_identity")
def _bn_loss_identity(claims: Claims, outcome=None) -> Obligation:
    dim = len(claims.w_star)
    ob = bn_loss_identity(claims)
    spec = st.Spec(claims.X, claims.y, _loss_function(dim))
    w, s = _c("w", dim), _c("s")
    cleared = spec.bn_loss(w, s) * s * s == spec.bn_loss_cleared(w, s)   # by st.clearing_step
    premises = [st.negation(st.bn_loss_identity(spec)), cleared]
    query_vars = [*z3.Reals(" ".join(f"w{k + 1}" for k in range(dim))), z3.Real("s")]
    return _tie(ob, "L̂(w) = 1 + mean(y²) - 2<c,w>/sqrt(wᵀΣw) where σ(w) > 0", premises,
                _links(query_vars, [*_c("w", dim), _c("s")]), claimed=False)


@_ties("bn_ray_is_global_minimum")
def _bn_ray_is_global_minimum(claims: Claims, outcome=None) -> Obligation:
    dim = len(claims.w_star)
    d = _free("d", dim)
    ob = bn_ray_is_global_minimum(dataclasses.replace(claims, bn_direction=tuple(d)))
    spec = st.Spec(claims.X, claims.y, _loss_function(dim))
    counterexample = st.negation(st.ray_points_are_local_minimisers(spec, d), {"delta_ray": z3.RealVal(1)})
    t, near, s_near, s_ray = _c("t"), _c("w'_ray", dim), _c("s'_ray"), _c("s_ray")
    lemmas = [_identity_at(spec, near, s_near), _identity_at(spec, [t * dk for dk in d], s_ray)]
    query_vars = [z3.Real("t"), *z3.Reals(" ".join(f"w{k + 1}" for k in range(dim)))]
    return _tie(ob, "every t·d, t > 0, is a local minimiser of L̂", [counterexample, *lemmas],
                _links(query_vars, [t, *near]))


@_ties("bn_stationary_points_on_line")
def _bn_stationary_points_on_line(claims: Claims, outcome=None) -> Obligation:
    dim = len(claims.w_star)
    d = _free("d", dim)
    ob = bn_stationary_points_on_line(dataclasses.replace(claims, bn_direction=tuple(d)))
    spec = st.Spec(claims.X, claims.y)
    w, s = _c("w", dim), _c("s")
    _, c = spec.centered()
    v, k = s * s, z3.Sum([ck * wk for ck, wk in zip(c, w)])
    counterexample = st.negation(st.stationary_points_on_line(spec, d))
    query_vars = [*z3.Reals(" ".join(f"w{i + 1}" for i in range(dim))), z3.Real("v"), z3.Real("k"),
                  *z3.Reals(" ".join(f"x{i + 1}" for i in range(dim)))]
    values = [*w, v, k, *[v * dk - k * wk for dk, wk in zip(d, w)]]
    return _tie(ob, "every stationary point of L̂ is a multiple of d", [counterexample],
                _links(query_vars, values), tactic=())    # ∀λ stays a quantifier: not nlsat


@_ties("bn_opposite_ray_not_minimum")
def _bn_opposite_ray_not_minimum(claims: Claims, outcome=None) -> Obligation:
    dim = len(claims.w_star)
    d = _free("d", dim)
    axis = off_line_axis(claims.bn_direction)
    ob = bn_opposite_ray_not_minimum(dataclasses.replace(claims, bn_direction=tuple(d)), axis)
    spec = st.Spec(claims.X, claims.y, _loss_function(dim))
    t, delta = _c("t"), _c("delta_opp")
    eps = delta / 2                     # ||w_eps + t·d|| = ε < δ (u is a unit vector)
    w_eps = [-t * dk + eps * uk for dk, uk in zip(d, axis)]
    opp = [-t * dk for dk in d]
    r_eps, def_eps = _root("tie.r_eps", spec.var(w_eps))
    r_opp, def_opp = _root("tie.r_opp", spec.var(opp))
    choices = {**{f"w'_opp{k + 1}": wk for k, wk in enumerate(w_eps)}, "s'_opp": r_eps, "s_opp": r_opp}
    counterexample = st.negation(st.opposite_ray_not_local_minimisers(spec, d), choices)
    lemmas = [_identity_at(spec, w_eps, r_eps), _identity_at(spec, opp, r_opp)]
    return _tie(ob, "no -t·d, t > 0, is a local minimiser of L̂", [counterexample, *lemmas],
                [(z3.Real("t"), t), (z3.Real("eps"), eps), def_eps, def_opp])


def _distance_function(dim: int) -> Callable:
    D = z3.Function("D", *[z3.RealSort()] * (dim + 1))
    return lambda w0, d: D(*w0)


@_ties("distance_to_ray_lower_bound")
def _distance_to_ray_lower_bound(claims: Claims, outcome=None) -> Obligation:
    dim = len(claims.w_star)
    D = _distance_function(dim)
    ob = next(o for o in distance_to_ray(claims, D) if o.name == "distance_to_ray_lower_bound")
    d = list(claims.bn_direction)
    counterexample = st.negation(st.distance_lower_bound(d, lambda *w0: D(w0, d)))
    query_vars = [*z3.Reals(" ".join(f"W0_{k + 1}" for k in range(dim))), z3.Real("t")]
    return _tie(ob, "D(W0) <= ||W0 - t·d||² for every t > 0", [counterexample],
                _links(query_vars, [*_c("W0_", dim), _c("t")]))


@_ties("distance_to_ray_attained")
def _distance_to_ray_attained(claims: Claims, outcome=None) -> Obligation:
    """t := <W0,d>/||d||² where <W0,d> > 0, else the query's t_n = ε/(ε||d||² - 2<W0,d> + 1)
    (defined where <W0,d> <= 0, where the denominator is >= 1)."""
    dim = len(claims.w_star)
    D = _distance_function(dim)
    ob = next(o for o in distance_to_ray(claims, D) if o.name == "distance_to_ray_attained")
    d = [st._q(v) for v in claims.bn_direction]
    w0, eps, t_n = _c("W0_", dim), _c("eps"), z3.Real("t")
    inner, norm = z3.Sum([a * b for a, b in zip(w0, d)]), z3.Sum([dk * dk for dk in d])
    t = z3.If(inner > 0, inner / norm, t_n)
    counterexample = st.negation(st.distance_approached(d, lambda *w: D(w, d)), {"t": t})
    definitions = [*_links([*z3.Reals(" ".join(f"W0_{k + 1}" for k in range(dim))), z3.Real("eps")],
                           [*w0, eps]),
                   z3.Implies(inner <= 0, t_n * (eps * norm - 2 * inner + 1) == eps)]
    return _tie(ob, "D(W0) is approached: every ε > 0 has a t > 0 within ε", [counterexample],
                definitions)


@_ties("negated_lemma")
def _negated_lemma(claims: Claims, outcome=None) -> Obligation | None:
    ob = next(o for o in negated_lemma(claims) if o.name == "negated_lemma")
    return _lemma_tie(claims, ob, outcome, at_w_star=False)


@_ties("lemma_fails_at_w_star")
def _lemma_fails_at_w_star(claims: Claims, outcome=None) -> Obligation | None:
    ob = next(o for o in negated_lemma(claims) if o.name == "lemma_fails_at_w_star")
    return _lemma_tie(claims, ob, outcome, at_w_star=True)


def _lemma_tie(claims: Claims, ob: Obligation, outcome, at_w_star: bool) -> Obligation | None:
    """sat (the lemma fails): the witness satisfies the literal statement, with ε := lhs - rhs:
    ¬(fails at W0) is refuted. unsat (the lemma holds): a counterexample W0 with its ε gives,
    by the proved infimum (distance_approached at ε' = RHS + ε - D(W0)), a model of the query."""
    dim = len(claims.w_star)
    w_star, d = [st._q(v) for v in claims.w_star], [st._q(v) for v in claims.bn_direction]
    if ob.expected == "sat":
        if outcome is None or outcome.result != "sat":
            return None
        values = {k: _exact(v) for k, v in outcome.witness.items()}
        if any(v is None for v in values.values()):
            return None
        w0 = w_star if at_w_star else [values[f"W0_{k + 1}"] for k in range(dim)]
        statement = st.lemma_fails_at(w0, w_star, d)
        premises = [st.negation(statement, {"eps": values["lhs"] - values["rhs"]})]
        return Obligation(name=f"ties/{ob.name}", statement="the witness violates (L4.5), literally",
                          expected="unsat", query=tuple(premises))
    w_star, d = _free("W", dim), _free("d", dim)
    ob = next(o for o in negated_lemma(dataclasses.replace(claims, w_star=tuple(w_star), bn_direction=tuple(d)))
              if o.name == ob.name)
    w0 = w_star if at_w_star else _c("W0_", dim)
    statement = z3.Not(st.lemma_fails_at(w0, w_star, d))
    D = lambda *w: ray_distance_sq(list(w), d)
    closed = ray_distance_sq(w0, d)
    lemma_choices = {**{f"W0_{k + 1}": wk for k, wk in enumerate(w0)},
                     "eps": st.lemma_right_side(w0, w_star) + _c("eps") - closed}
    lemma = st.instance(st.distance_approached(d, D), lemma_choices)
    counterexample = st.negation(statement, {"t": z3.Real("lemma.t")})
    definitions = [] if at_w_star else _links(z3.Reals(" ".join(f"W0_{k + 1}" for k in range(dim))), w0)
    return _tie(ob, "(L4.5) holds at every admissible W0", [counterexample, lemma], definitions)


def _exact(value):
    """A SymPy rational as a Z3 rational (None for an irrational witness)."""
    if getattr(value, "is_Rational", False):
        return z3.Q(int(value.p), int(value.q))
    return None


@_ties("failure_region_necessary", "failure_region_sufficient")
def _failure_region(claims: Claims, outcome=None, name: str = "") -> Obligation:
    dim = len(claims.w_star)
    D = _distance_function(dim)
    w_star, d = _free("W", dim), [st._q(v) for v in claims.bn_direction]
    symbolic = dataclasses.replace(claims, w_star=tuple(w_star))
    ob = next(o for o in failure_region(symbolic, D) if o.name == name)
    statement = st.failure_region(w_star, d, lambda *w: D(w, d), name.endswith("necessary"))
    query_vars = [*z3.Reals(" ".join(f"W0_{k + 1}" for k in range(dim))), z3.Real("p"), z3.Real("q")]
    return _tie(ob, "(L4.5) fails at admissible W0 iff <W0, ŵ - d̂> > 0", [st.negation(statement)],
                _links(query_vars, [*_c("W0_", dim), _c("p"), _c("q")]))


@_ties("bn_gradient_at_w_star")
def _bn_gradient_at_w_star(claims: Claims, outcome=None) -> Obligation:
    dim = len(claims.w_star)
    g = _free("g", dim)
    nonzero = any(x.a != 0 or (x.b != 0 and x.q != 0) for x in claims.grad_at_w_star)
    symbolic = tuple(Surd(gk, 0, claims.grad_at_w_star[k].q) for k, gk in enumerate(g))
    ob = bn_gradient_at_w_star(dataclasses.replace(claims, grad_at_w_star=symbolic), nonzero)
    spec = st.Spec(claims.X, claims.y)
    w_star = [st._q(v) for v in claims.w_star]
    statement = (st.gradient_at(spec, w_star, g) if nonzero else
                 z3.ForAll([z3.Real("s")], z3.Implies(spec.is_sigma(z3.Real("s"), w_star), z3.And(
                     [a == b for a, b in zip(spec.bn_gradient(w_star, z3.Real("s")), g)]))))
    s, root = _root("s", spec.var(w_star))
    return _tie(ob, "∇L̂(W*) = g" + (" and g != 0" if nonzero else ""),
                [st.negation(statement), spec.var(w_star) > 0], [root, _c("s") == s])


@_ties("w_star_not_bn_optimal")
def _w_star_not_bn_optimal(claims: Claims, outcome=None) -> Obligation:
    at_w, at_d = z3.Real("claim.at_w"), z3.Real("claim.at_d")
    symbolic = dataclasses.replace(claims, bn_loss_at_w_star=Surd(at_w, 0, 0), min_bn_loss=Surd(at_d, 0, 0))
    ob = w_star_not_bn_optimal(symbolic)
    spec = st.Spec(claims.X, claims.y, _loss_function(len(claims.w_star)))
    w_star, d = [st._q(v) for v in claims.w_star], [st._q(v) for v in claims.bn_direction]
    statement = st.not_on_ray_and_higher(spec, w_star, d, at_w, at_d)
    s, root_s = _root("s", spec.var(w_star))
    s_d, root_d = _root("s_d", spec.var(d))
    lemmas = [_identity_at(spec, w_star, _c("s")), _identity_at(spec, d, _c("s_d"))]
    return _tie(ob, "W* is not on the ray and L̂(W*) = ℓ* > ℓ_min = L̂(d)",
                [st.negation(statement), spec.var(w_star) > 0, spec.var(d) > 0, *lemmas],
                [root_s, root_d, z3.Real("t") == _c("t"), _c("s") == s, _c("s_d") == s_d,
                 z3.Real("r_w") == 0, z3.Real("r_min") == 0])




@_ties("bn_loss_constant")
def _bn_loss_constant(claims: Claims, outcome=None) -> Obligation:
    """c = 0 (proofs/degenerate.py): the literal L̂ through the clearing step s²·L̂ = cleared."""
    dim = len(claims.X[0])
    ob = next(o for o in degenerate_obligations("c_zero", claims) if o.name == "bn_loss_constant")
    spec = st.Spec(claims.X, claims.y, _loss_function(dim))
    w, s = _c("w", dim), _c("s")
    cleared = spec.bn_loss(w, s) * s * s == spec.bn_loss_cleared(w, s)   # by st.clearing_step
    query_vars = [*z3.Reals(" ".join(f"w{k + 1}" for k in range(dim))), z3.Real("s")]
    return _tie(ob, "L̂(w) = 1 + mean(y²) wherever σ(w) > 0", [st.negation(st.bn_loss_constant(spec)),
                cleared], _links(query_vars, [*w, s]), claimed=False)


@_ties("bn_loss_locally_constant")
def _bn_loss_locally_constant(claims: Claims, outcome=None) -> Obligation:
    """Dimension 1 (proofs/degenerate.py): the literal L̂ through the clearing step, twice."""
    ob = next(o for o in degenerate_obligations("dimension_1", claims)
              if o.name == "bn_loss_locally_constant")
    spec = st.Spec(claims.X, claims.y, _loss_function(1))
    w, w2, s, s2 = _c("w1"), _c("w'1"), _c("s"), _c("s'")
    cleared = [spec.bn_loss([w], s) * s * s == spec.bn_loss_cleared([w], s),   # by st.clearing_step
               spec.bn_loss([w2], s2) * s2 * s2 == spec.bn_loss_cleared([w2], s2)]
    return _tie(ob, "L̂(w) = L̂(w') whenever w·w' > 0", [st.negation(st.bn_loss_locally_constant(spec)),
                *cleared], _links(z3.Reals("w1 u1 s s2"), [w, w2, s, s2]), claimed=False)


# Ties that are polynomial identities after the clearing step: decided in tenths of a second at
# any dimension (d = 6, n = 500: 2 s to build, 0.2 s to decide), so not limited to TIE_MAX_DIM.
ANY_DIMENSION = {"bn_loss_constant", "bn_loss_locally_constant"}

# The other obligations of degenerate sets (proofs/degenerate.py) state their claim directly: the
# query is the negated statement (a witness v with exact values, <W0, 0> > 0, RHS(W0) < 0).
STATED_DIRECTLY = {"gram_singular", "sigma_singular", "lemma_premise_never_met",
                   "lemma_right_side_nonnegative"}


def tie(name: str, claims: Claims, outcome=None) -> Obligation | None:
    """The tie of obligation `name` (d <= 3), or None where there is none (a sat obligation
    whose witness is not rational, or d > 3)."""
    if name not in TIES or (len(claims.w_star) > TIE_MAX_DIM and name not in ANY_DIMENSION):
        return None
    return TIES[name](claims, outcome)
