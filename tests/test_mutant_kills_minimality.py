"""The steps of proofs/minimality.py state their claims in full (docs/mutation-testing.md, third
run): each query is tied to the literal claim, premises and claimed values included.

- Premises: every case the claim speaks of is a model of the query's premises. The inner-product
  steps are evaluated at the Gram entries of actual vectors W0, W* of R² (W0 on the ray through
  W* and W0 = 0 included), the scalar steps at their literal hypotheses.
- Conclusions: the query's negated conclusion follows from the literal negated conclusion for
  every value where it is defined (s, q, c > 0), not only where the claim holds: a query that
  drops a disjunct or weakens the compared value then has a model, while the true claim has none.
- Claimed values: a wrong claimed factor, a wrong expectation or a claim with no σ to speak of
  must flip the answer (sat, vacuous), never stay "proved".

Each check is an Obligation decided by harness.solver (the literal hypotheses are its premises,
so they are checked satisfiable too).
"""

from pathlib import Path

import z3

from harness.solver import decide_all
from proofs import minimality as m
from proofs.obligation import Obligation


def _follows(name: str, hypotheses, conclusion) -> Obligation:
    """'hypotheses ⇒ conclusion' as an expected-unsat obligation (hypotheses ∧ ¬conclusion)."""
    hypotheses = tuple(hypotheses)
    return Obligation(name, name, "unsat", (*hypotheses, z3.Not(z3.And(*conclusion))),
                      premises=hypotheses)


def _assert_all_unsat(ties):
    outcomes = decide_all(ties, 10)
    assert [(t.name, o.result) for t, o in zip(ties, outcomes)] == [(t.name, "unsat") for t in ties]


def _conclusion(ob: Obligation) -> tuple:
    """The negated conclusion: the query without its definitions and premises (which
    proofs/minimality._unsat puts first)."""
    return ob.query[len(ob.definitions) + len(ob.premises):]


def _mean(v):
    return sum(v) / len(v)


def _cov(a, b):
    """mean((a - ā)(b - b̄)), written independently of the module's cov."""
    ma, mb = _mean(a), _mean(b)
    return _mean([(x - ma) * (y - mb) for x, y in zip(a, b)])


# --- premises: every case of the claim is a model of the query's premises -------------------------

def _gram_of_vectors():
    """(a, b, c) = (||W0||², <W0,W*>, ||W*||²) of W0, W* in R², and 'W* != 0'."""
    g, h = z3.Reals("g1 g2"), z3.Reals("h1 h2")
    a, b, c = (sum(x * y for x, y in zip(p, q)) for p, q in ((g, g), (g, h), (h, h)))
    return a, b, c, z3.Or(h[0] != 0, h[1] != 0)


def _at_vectors(formulas):
    a, b, c, _ = _gram_of_vectors()
    return [z3.substitute(f, *zip(z3.Reals("a b c"), (a, b, c))) for f in formulas]


def test_every_pair_of_vectors_with_positive_inner_product_meets_the_premises_of_the_inner_product_steps():
    """(L4.5) speaks of every W0 with <W0,W*> > 0 (W0 on the ray through W* too) and every
    W* != 0; the Gram entries of every such pair satisfy the premises of
    ray_point_meets_lemma_bound, and of every pair with W* != 0 those of lemma_bound_nonnegative."""
    a, b, c, nonzero = _gram_of_vectors()
    ray, bound = m.ray_point_meets_lemma_bound(), m.lemma_bound_nonnegative()
    _assert_all_unsat([
        _follows("ray premises at vectors", (nonzero, b > 0), _at_vectors(ray.premises)),
        _follows("bound premises at vectors", (nonzero,), _at_vectors(bound.premises)),
    ])


def test_the_scalar_steps_assume_only_their_literal_hypotheses():
    """t > 0, σ > 0, σ_t > 0, σ_t² = t²σ² (standardization); s, q > 0, p² <= s²q² (the
    Cauchy-Schwarz bound); w·w' > 0 (dimension one): each premise of the query follows, none
    is narrower."""
    a, t, s, st = z3.Reals("a t s s_t")
    p, q = z3.Reals("p q")
    w, w2 = z3.Reals("w w2")
    scale, bound = m.standardization_is_scale_invariant(), m.cauchy_schwarz_bound_is_minimum()
    _assert_all_unsat([
        _follows("standardization premises", (t > 0, s > 0, st > 0, st * st == t * t * s * s),
                 scale.premises),
        _follows("cauchy-schwarz premises", (s > 0, q > 0, p * p <= s * s * q * q), bound.premises),
        *[_follows(f"dimension one premises n{n}", (w * w2 > 0,),
                   m.dimension_one_bn_loss_depends_on_sign_only(n).premises) for n in (2, 3)],
    ])


# --- conclusions: the literal negated conclusion implies the query's ------------------------------

def test_the_negated_conclusions_follow_from_the_literal_ones_wherever_defined():
    """Without the hypotheses that make them true: ||W0 - t0·W*||² = right side and t0 > 0
    (t0 = b/c, c > 0); right side = a - 2b + c - (c - b)²/c >= 0 (c > 0); L̂(u) >= L̂(u*) in the
    identity form 1 + m - 2p/s >= 1 + m - 2q²/q (s, q > 0); cov(u, y) = cov(u, u*) and
    cov(u*, y) = σ²(u*) (n = 3, any vectors)."""
    a, b, c = z3.Reals("a b c")
    t0 = b / c
    right = (a - 2 * b + c) - (c - b) ** 2 / c
    p, s, q, mm = z3.Reals("p s q m")
    u, v, y = (z3.Reals(" ".join(f"{x}{i}" for i in (1, 2, 3))) for x in "uvy")
    _assert_all_unsat([
        _follows("ray conclusion", (c > 0, z3.Or(t0 <= 0, a - 2 * t0 * b + t0 * t0 * c != right)),
                 _conclusion(m.ray_point_meets_lemma_bound())),
        _follows("bound conclusion", (c > 0, right < 0), _conclusion(m.lemma_bound_nonnegative())),
        _follows("cauchy-schwarz conclusion", (s > 0, q > 0, 1 + mm - 2 * p / s < 1 + mm - 2 * q * q / q),
                 _conclusion(m.cauchy_schwarz_bound_is_minimum())),
        _follows("covariances conclusion", (z3.Or(_cov(u, y) != _cov(u, v), _cov(v, y) != _cov(v, v)),),
                 _conclusion(m.mean_zero_residual_keeps_covariances(3))),
    ])


# --- claimed values and vacuity ----------------------------------------------------------------

def test_a_wrong_claimed_factor_of_the_centered_outputs_is_refuted():
    """u(tw) - μ(tw) = 2t(u - μ) is false: sat (so the query does check the centering part)."""
    assert decide_all([m.centering_and_variance_scale(3, factor=2)], 10)[0].result == "sat"


def test_as_many_points_as_dimensions_expect_and_find_an_invertible_gram():
    """For n >= d the obligation claims an invertible XᵀX exists: expected sat, and sat."""
    ob = m.fewer_points_than_dimensions_make_gram_singular(2, 2)
    assert (ob.expected, decide_all([ob], 10)[0].result) == ("sat", "sat")


def test_claims_with_no_sigma_or_no_case_are_vacuous_not_proved():
    """One output has σ = 0, so σ > 0, σ² = var(u) has no solution and the loss identity and
    the dimension-one step are vacuous; one output cannot have variance 1 either."""
    obs = [m.bn_loss_identity_in_outputs(1), m.dimension_one_bn_loss_depends_on_sign_only(1),
           m.zero_variance_makes_outputs_constant(1, zero=False)]
    assert [o.result for o in decide_all(obs, 10)] == ["vacuous"] * 3


def test_the_steps_are_the_ones_the_committed_report_lists_with_their_statements_and_sizes():
    """results/counterexamples.md (`make counterexamples`) lists each proved step with its
    statement and expected answer: the module builds exactly those, at the same sizes n, d."""
    text = (Path(__file__).parent.parent / "results" / "counterexamples.md").read_text()
    table = text.split("## Minimality", 1)[1].split("\n\n")[1].splitlines()[2:]
    assert [row.rsplit(" | ", 2)[0] for row in table] == \
        [f"| {o.name} | {o.statement} | {o.expected}" for o in m.minimality_obligations()]
