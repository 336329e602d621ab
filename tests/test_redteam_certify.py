"""Hand mutations of the certificate checker harness/certify.py (docs/mutation-testing.md, "Hand
mutations"): each test is a forged refutation of a *satisfiable* branch (so a sound checker must
reject it) or a claim the checker must state, and fails on a mutant that survived the rest of the
suite."""

import sympy

from harness.certify import Branch, _refute, branches, clear
from proofs.certificates import CANONICAL, P, refute

x, y = sympy.symbols("x y")


def branch(*atoms):
    """A branch of the checker's own atoms (expression, relation), cleared as the checker does."""
    return Branch(tuple(clear(e, rel, set()) for e, rel in atoms))


def test_a_zero_coefficient_is_not_a_strictly_positive_term():
    """x > 0 is satisfiable; 0·x ≡ 0 "refutes" it only if a zero coefficient counts as positive."""
    assert _refute(branch((x, ">")), refute([P(0, 0)])) is not None


def test_a_product_with_a_non_strict_atom_is_not_strictly_positive():
    """x > 0, y >= 0, x·y = 0 holds at (1, 0); x·y - (x·y) ≡ 0 is no refutation, since the product
    x·y of a strict and a non-strict atom may be 0."""
    b = branch((x, ">"), (y, ">="), (x * y, "="))
    assert _refute(b, refute([P(1, 0, 1)], [(-1, 2)])) is not None


def test_the_negated_standard_optimum_keeps_ties():
    """The negation of "W* is the unique minimiser" contains the points w != W* with L(w) = L(W*)
    (non-strict), so a certificate must refute them too: at W* = (2, 0) on the canonical set the
    branch w1 > 2 ∧ L(W*) >= L(w) contains w with L(w) = L(W*) only if the atom is >=."""
    relations = {rel for b in branches("standard_optimum", CANONICAL) for _, rel in b.atoms}
    assert ">=" in relations
    tie_branches = [b for b in branches("standard_optimum", CANONICAL)
                    if any(rel == ">=" and len(p.free_symbols) == 2 for p, rel in b.atoms)]
    assert len(tie_branches) == 4          # w1 > 2, w1 < 2, w2 > 0, w2 < 0, each with L(W*) >= L(w)


def test_a_denominator_is_cleared_only_when_every_factor_is_known_positive():
    """1/(x·y) > 0 with only x > 0 known: y may be negative, so the atom cannot be stated
    (kills "some factor positive" for "every factor positive")."""
    import pytest

    from harness.certify import ClaimError
    with pytest.raises(ClaimError):
        clear(1 / (x * y), ">", {x})
    assert clear(1 / (x * y), ">", {x, y})[1] == ">"


def truth(formula, point):
    """The truth of an atom, or of a disjunction of atoms, at a point."""
    from harness.certify import Atom
    ok = {">": lambda v: v > 0, ">=": lambda v: v >= 0, "=": lambda v: v == 0}
    if isinstance(formula, Atom):
        return bool(ok[formula.relation](formula.expr.subs(point)))
    return any(truth(part, point) for part in formula.parts)


def test_the_negation_of_an_atom_is_its_exact_complement():
    """not_(x > 0) must hold at x = 0 (it is x <= 0), not_(x >= 0) must not, not_(x = 0) holds
    exactly off 0: a negation that loses the boundary makes the checker refute a stronger
    negated claim, i.e. certify a weaker claim."""
    from harness.certify import eq, ge, gt, not_
    for atom, point, value in [(gt(x), 0, True), (gt(x), 1, False), (ge(x), 0, False),
                               (ge(x), -1, True), (eq(x), 0, False), (eq(x), 2, True), (eq(x), -2, True)]:
        assert truth(not_(atom), {x: point}) is value, (atom, point)


def test_the_negated_distance_claims_keep_the_case_w0_orthogonal_to_d():
    """W0 = (3, -5) has <W0, d> = 0 on the canonical set (d = (5, 3)): some branch of each negated
    distance claim must allow it (its W0-only atoms true there), or a certificate would never
    have to refute the case <W0,d> = 0 of the infimum."""
    point = dict(zip(sympy.symbols("W0_1 W0_2"), (3, -5)))
    ok = {">": lambda v: v > 0, ">=": lambda v: v >= 0, "=": lambda v: v == 0}
    for name in ("distance_to_ray_lower_bound", "distance_to_ray_attained"):
        admits = [all(bool(ok[rel](p.as_expr().subs(point))) for p, rel in b.atoms
                      if p.as_expr().free_symbols <= set(point)) for b in branches(name, CANONICAL)]
        assert any(admits), name


def test_the_negated_lemma_counts_w0_orthogonal_to_w_star_as_inadmissible():
    """The checker's negation of "(L4.5) fails at some W0" is "at every W0, <W0,W*> <= 0 or the
    infimum is <= RHS". W0 = (0, 1) has <W0, W*> = 0 on the canonical set (W* = (2, 0)): the
    first case must hold there, else a certificate proves failure at an inadmissible W0."""
    from harness.certify import Forall, Semantics, negated_claim
    formula = negated_claim("negated_lemma", Semantics(CANONICAL.X, CANONICAL.y), CANONICAL)
    assert isinstance(formula, Forall)
    assert truth(formula.body.parts[0], dict(zip(formula.variables, (0, 1))))


def test_clearing_in_a_polynomial_ring_gives_the_field_route_s_atoms_and_refusals(monkeypatch):
    """clear() works in QQ[symbols] (harness/certify._cleared_in_ring); with that route switched
    off it expands through sfield and factor_list. Both give the same primitive polynomial, and
    refuse the same denominators (a cancelled one is accepted by both)."""
    import pytest

    import harness.certify as certify
    from harness.certify import ClaimError
    s, t = sympy.symbols("s t")
    cases = [((x - 2 * y) ** 2 / (3 * s**2) - sympy.Rational(5, 7) * x / s, {s}),
             (-(x**2 - 1) / (x - 1) + y / (2 * t), {t}),                 # (x - 1) cancels
             (x / (s * (x + 1)) - 1, {s}),                                # x + 1 is not a variable
             (x / (s * t), {s}),                                          # t not known > 0
             (sympy.sqrt(2) * x - 1, set()),                              # not in QQ[x]: both refuse
             (sympy.Rational(-4, 6), set())]
    for expr, positive in cases:
        outcomes = []
        for ring in (True, False):
            if not ring:
                monkeypatch.setattr(certify, "_cleared_in_ring", lambda e, p: None)
            try:
                p, _ = clear(expr, ">", positive)
                outcomes.append((p, p.gens))
            except Exception as exc:                  # ClaimError, or SymPy's own refusal
                outcomes.append(f"{type(exc).__name__}: {exc}")
        monkeypatch.undo()
        assert outcomes[0] == outcomes[1], expr
    with pytest.raises(ClaimError):
        clear(x / (s * (x + 1)), ">", {s})
