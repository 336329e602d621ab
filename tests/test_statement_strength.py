"""The literal statements (proofs/statements.py) say all they claim: each is FALSE for a claimed
value or point that breaks exactly one of its conjuncts, and TRUE for the right values.

A weakened statement (a dropped conjunct, `>` relaxed to `>=`, a restricted domain) is implied by
the original, so its tie stays `unsat` and nothing else notices; these tests catch it on
meaning: Z3 proves the original statement false where the weakened one is true (written against
the survivors of `make mutate`, docs/mutation-testing.md).

The learning set ROUND has x̄ = 0, Σ = I and c = (1/2, 0): σ(w) = ||w||, L̂(w) = 3/2 - w1/||w||,
so at the points used here (d = (1,0), (3,4), (3,-4), 0) every value is rational:
L̂(d) = 1/2 with ∇L̂(d) = 0, L̂(3, ±4) = 9/10 with ∇L̂(3, ±4) = (-16/125, ±12/125)
(by hand: ∇(-w1/||w||) = -(e1/||w|| - w1·w/||w||³))."""

import z3

from proofs import statements as st
from proofs import ties

ROUND = st.Spec([[1, 1], [1, -1], [-1, 1], [-1, -1]], [1, 1, 0, 0])


def _point(*values):
    return [st._q(v) for v in values]


def _solve(formula):
    solver = z3.Solver()
    solver.set("timeout", 10_000, "random_seed", 0)
    solver.add(formula)
    return solver.check()


def _true(statement) -> bool:
    """Z3 proves the closed statement: its negation is unsat."""
    return _solve(z3.Not(statement)) == z3.unsat


def _false(statement) -> bool:
    """Z3 proves the negation of the closed statement: the statement is unsat."""
    return _solve(statement) == z3.unsat


D, W, W_MIRROR, ZERO = _point(1, 0), _point(3, 4), _point(3, -4), _point(0, 0)
GRAD_W = _point("-16/125", "12/125")


# ---- gradient_at: σ(w) > 0, ∇L̂(w) = g and g != 0 ---------------------------------------------

def test_gradient_statement_holds_with_the_true_gradient():
    assert _true(st.gradient_at(ROUND, W, GRAD_W))


def test_gradient_statement_is_false_for_a_zero_gradient_at_a_stationary_point():
    assert _false(st.gradient_at(ROUND, D, _point(0, 0)))          # g = ∇L̂(d) = 0, but g != 0 fails


def test_gradient_statement_is_false_where_sigma_is_zero():
    assert _false(st.gradient_at(ROUND, ZERO, _point(1, 0)))        # no σ(0): nothing to differentiate


def test_gradient_statement_is_false_for_a_wrong_gradient():
    assert _false(st.gradient_at(ROUND, W, _point(1, 0)))
    assert _false(st.gradient_at(ROUND, W, _point("-16/125", 0)))  # one component wrong


# ---- not_on_ray_and_higher: W* is no t·d, σ > 0 at both, L̂(W*) = ℓ* > ℓ_min = L̂(d) ---------

def test_not_on_ray_statement_holds_with_the_true_losses_for_any_scale_of_d():
    for d in (D, _point("1/10", 0), _point(10, 0)):                # L̂(λd) = L̂(d), σ(d/10) < 1
        assert _true(st.not_on_ray_and_higher(ROUND, W, d, st._q("9/10"), st._q("1/2")))


def test_not_on_ray_statement_is_false_where_sigma_of_w_star_is_zero():
    assert _false(st.not_on_ray_and_higher(ROUND, ZERO, D, st._q(1), st._q("1/2")))


def test_not_on_ray_statement_is_false_where_sigma_of_d_is_zero():
    assert _false(st.not_on_ray_and_higher(ROUND, W, ZERO, st._q("9/10"), st._q(0)))


def test_not_on_ray_statement_is_false_when_w_star_is_not_higher():
    """(3,4) and (3,-4) have the same loss 9/10 and neither is on the other's ray."""
    assert _false(st.not_on_ray_and_higher(ROUND, W, W_MIRROR, st._q("9/10"), st._q("9/10")))


def test_not_on_ray_statement_is_false_for_a_wrong_loss_at_w_star():
    assert _false(st.not_on_ray_and_higher(ROUND, W, D, st._q(1), st._q("1/2")))


def test_not_on_ray_statement_is_false_for_a_wrong_loss_at_d():
    assert _false(st.not_on_ray_and_higher(ROUND, W, D, st._q("9/10"), st._q(0)))


# ---- standard_optimum and is_local_minimiser ---------------------------------------------------

def test_standard_optimum_statement_holds_at_the_least_squares_solution():
    assert _true(st.standard_optimum(ROUND, _point("1/2", 0), st._q("1/4")))    # L(W*) = 1/4


def test_standard_optimum_statement_is_false_for_a_wrong_loss_or_a_wrong_point():
    assert _false(st.standard_optimum(ROUND, _point("1/2", 0), st._q(1)))
    assert _false(st.standard_optimum(ROUND, ZERO, st._q("1/2")))               # L(0) = 1/2, not minimal


def test_standard_optimum_statement_is_false_where_the_minimiser_is_not_unique():
    """x_i = 0: L(w) = 1 for every w, so W* = 0 is a minimiser but not the unique one."""
    assert _false(st.standard_optimum(st.Spec([[0], [0]], [1, 1]), _point(0), st._q(1)))


def test_a_local_minimiser_that_is_not_global_is_a_local_minimiser():
    """With L̂ replaced by f(w) = (w - 1)²((w - 3)² - 1) (dimension 1): f >= 0 = f(1) on
    |w - 1| < 1, but f(3) = -4. ¬S opened with δ := 1 (statements.negation, implied by ¬S) is
    unsat, so S holds; "local" cannot be read as "global"."""
    f = st.Spec([[1], [-1]], [0, 0], bn_loss=lambda w, s: (w - 1) ** 2 * ((w - 3) ** 2 - 1))
    statement = f.is_local_minimiser(_point(1), "f")
    assert _solve(st.negation(statement, {"delta_f": st._q(1)})) == z3.unsat


def test_a_point_where_sigma_is_zero_is_not_a_local_minimiser():
    assert _false(ROUND.is_local_minimiser(ZERO, "zero"))


# ---- distance_lower_bound, distance_approached and failure_region --------------------------------------------------

def test_distance_lower_bound_statement_is_false_for_a_bound_that_fails_only_for_t_at_most_1():
    """D(W0) = the squared distance to {t·d : t >= 1}: a lower bound over t > 1 only
    (W0 = (1/2, 0), t = 1/2 gives 0 < D = 1/4)."""
    beyond_1 = lambda w1, w2: z3.If(w1 >= 1, w2 * w2, (w1 - 1) * (w1 - 1) + w2 * w2)
    assert _false(st.distance_lower_bound(D, beyond_1))
    assert _true(st.distance_lower_bound(D, lambda w1, w2: z3.If(w1 >= 0, w2 * w2, w1 * w1 + w2 * w2)))


def _ray(w1, w2):
    """The squared distance from W0 to {t·(1, 0) : t > 0}."""
    return z3.If(w1 >= 0, w2 * w2, w1 * w1 + w2 * w2)


def test_distance_approached_statement_is_false_for_a_bound_below_the_infimum():
    """D = inf - 1/2: at W0 = (1, 0) and ε = 1/4 no t > 0 has ||W0 - t·d||² < D + ε = -1/4.
    The statement implies its instance there (statements.instance), which Z3 refutes."""
    below = st.distance_approached(D, lambda w1, w2: _ray(w1, w2) - st._q("1/2"))
    assert _false(st.instance(below, {"W0_1": st._q(1), "W0_2": st._q(0), "eps": st._q("1/4")}))


def test_distance_approached_statement_is_false_for_the_distance_to_the_whole_line():
    """w2² is approached by t·d with t < 0 only, for W0 = (-1, 0)."""
    assert _false(st.distance_approached(D, lambda w1, w2: w2 * w2))


def test_failure_region_statement_is_false_for_a_wrong_distance_with_short_w_star_and_d():
    """||W*|| = ||d|| = 1/2 (the norms p, q < 1). Claimed distance 0: W0 = (1, 0) is admissible
    and in the region <W0, (1,0) - (0,1)> > 0, yet 0 > RHS(W0) = 0 fails (sufficiency is false);
    claimed distance ||W0||² + 1: W0 = (1, 2) fails outside the region (necessity is false)."""
    w_star, d = _point("1/2", 0), _point(0, "1/2")
    assert _false(st.failure_region(w_star, d, lambda w1, w2: st._q(0), necessary=False))
    assert _false(st.failure_region(w_star, d, lambda w1, w2: w1 * w1 + w2 * w2 + 1, necessary=True))


def test_failure_region_statement_is_false_for_a_wrong_distance_at_a_short_admissible_w0():
    """Claimed distance 0 where W0_1 <= 1: W0 = (1/2, 0) has <W0, W*> = 1/2 <= 1, is in the region,
    yet 0 > RHS(W0) = 0 fails."""
    wrong = lambda w1, w2: z3.If(w1 > 1, w1 * w1 + w2 * w2 + 1, st._q(0))
    assert _false(st.failure_region(_point(1, 0), _point(0, 1), wrong, necessary=False))


# ---- bn_loss_identity: σ² = wᵀΣw and L̂ = 1 + mean(y²) - 2<c,w>/σ -----------------------------

class _Claimed(st.Spec):
    """ROUND with a claimed Σ and c in place of the computed ones."""

    def __init__(self, sigma, c):
        super().__init__([[1, 1], [1, -1], [-1, 1], [-1, -1]], [1, 1, 0, 0])
        self._claimed = ([[st._q(v) for v in row] for row in sigma], [st._q(v) for v in c])

    def centered(self):
        return self._claimed


def test_bn_loss_identity_statement_is_false_for_a_wrong_covariance_or_a_wrong_c():
    """At w = (1, 0), σ = 1: wᵀΣw = 2 != 1 for Σ = 2I; L̂ = 1/2 != 3/2 - 2·1 for c = (1, 0)."""
    at = {"w1": st._q(1), "w2": st._q(0), "s": st._q(1)}
    assert _true(st.instance(st.bn_loss_identity(_Claimed([[1, 0], [0, 1]], ["1/2", 0])), at))
    assert _false(st.instance(st.bn_loss_identity(_Claimed([[2, 0], [0, 2]], ["1/2", 0])), at))
    assert _false(st.instance(st.bn_loss_identity(_Claimed([[1, 0], [0, 1]], [1, 0])), at))


# ---- lemma_fails_at, lemma_right_side, stationary_points_on_line -------------------------------
# W* = (1, 0), d = (0, 1): RHS(W0) = w2², the squared distance to the ray is w1² where w2 > 0.

def test_lemma_right_side_takes_its_values_computed_by_hand():
    for w0, w_star, rhs in [((1, 1), (1, 0), 1), ((2, 1), (1, 1), "1/2"), ((0, 3), (2, 0), 9)]:
        assert _true(st.lemma_right_side(_point(*w0), _point(*w_star)) == st._q(rhs))


def test_lemma_fails_at_a_point_whose_distance_exceeds_the_right_side():
    """W0 = (1, 1/2): distance 1 >= RHS + ε with ε := 3/4 for every t > 0 (¬S opened at ε)."""
    statement = st.lemma_fails_at(_point(1, "1/2"), _point(1, 0), _point(0, 1))
    assert _solve(st.negation(statement, {"eps": st._q("3/4")})) == z3.unsat


def test_lemma_fails_at_statement_is_false_at_an_inadmissible_point():
    """W0 = (-1, -1): distance 2 > RHS = 1, but <W0, W*> = -1."""
    assert _false(st.lemma_fails_at(_point(-1, -1), _point(1, 0), _point(0, 1)))


def test_lemma_fails_at_statement_is_false_where_the_distance_equals_the_right_side():
    """W0 = (1/2, 1/2): t = 1/2 reaches RHS = 1/4, so no ε > 0 separates them (the instance at
    t = 1/2, implied by the statement, is refuted); W0 = (1, 1): the same at t = 1."""
    for w0, t in [(("1/2", "1/2"), "1/2"), ((1, 1), 1)]:
        statement = st.lemma_fails_at(_point(*w0), _point(1, 0), _point(0, 1))
        assert _false(st.instance(statement, {"t": st._q(t)}))


def test_stationary_points_statement_is_false_for_a_direction_off_the_optimum():
    """ROUND's inputs with y = (7/2, 0, 1/2, 0): c = (3/4, 1), so w = (3, 4) (σ = 5) is stationary
    and no multiple of (4, 3) (though a "multiple" by componentwise division, (λ/4, λ/3))."""
    tilted = st.Spec([[1, 1], [1, -1], [-1, 1], [-1, -1]], ["7/2", 0, "1/2", 0])
    statement = st.stationary_points_on_line(tilted, _point(4, 3))
    assert _false(st.instance(statement, {"w1": st._q(3), "w2": st._q(4), "s": st._q(5)}))


# ---- negation and instance open the quantifiers faithfully -------------------------------------

X_, Y_ = z3.Reals("x y")


def _same(a, b) -> bool:
    return _true(a == b)


def test_negation_of_a_conjunction_is_the_disjunction_of_the_negations():
    assert _same(st.negation(z3.And(X_ > 0, Y_ > 0)), z3.Or(X_ <= 0, Y_ <= 0))
    assert _same(st.negation(z3.Or(X_ > 0, Y_ > 0)), z3.And(X_ <= 0, Y_ <= 0))


def test_negation_of_an_implication_keeps_its_premise_and_negates_its_conclusion():
    assert _same(st.negation(z3.Implies(X_ > 0, Y_ > 0)), z3.And(X_ > 0, Y_ <= 0))
    assert _same(st.negation(z3.Not(X_ > 0)), X_ > 0)


def test_negation_binds_a_universal_and_instantiates_or_keeps_an_existential():
    z = z3.Real("z")
    universal = z3.ForAll([z], z > X_)
    assert _same(st.negation(universal), z3.Real("cex.z") <= X_)
    existential = z3.Exists([z], z * z == X_)
    assert _same(st.negation(existential, {"z": st._q(3)}), 9 != X_)
    assert _same(st.negation(existential), z3.ForAll([z], z * z != X_))
    u = z3.Real("u")                       # a choice for one of two variables: still a quantifier
    assert _same(st.negation(z3.Exists([z, u], z + u == X_), {"z": st._q(1)}),
                 z3.ForAll([z, u], z + u != X_))


def test_instance_instantiates_a_universal_and_binds_an_existential():
    z = z3.Real("z")
    assert _same(st.instance(z3.ForAll([z], z > X_), {"z": st._q(1)}), 1 > X_)
    assert _same(st.instance(z3.Exists([z], z > X_)), z3.Real("lemma.z") > X_)
    assert _same(st.instance(z3.And(X_ > 0, z3.Implies(Y_ > 0, X_ > Y_))),
                 z3.And(X_ > 0, z3.Or(Y_ <= 0, X_ > Y_)))


# ---- the registry of ties ---------------------------------------------------------------------

def test_a_tie_builder_registered_under_two_names_is_called_with_each_name(monkeypatch):
    """(Registration runs at import time, where `make mutate` cannot reach it: called here.)"""
    monkeypatch.setattr(ties, "TIES", {})
    ties._ties("first", "second")(lambda claims, outcome=None, name="": name)
    ties._ties("only")(lambda claims, outcome=None: "only")
    assert [ties.TIES[n](None) for n in ("first", "second", "only")] == ["first", "second", "only"]


def test_a_conditionally_defined_root_restricts_no_value_of_its_square():
    """ties._root: (square > 0 ⇒ r > 0 ∧ r² = square) is satisfiable at square < 0, = 0 and > 0."""
    for square in (-1, 0, 4):
        _, definition = ties._root("r", st._q(square))
        assert _solve(definition) == z3.sat
