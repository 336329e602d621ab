"""Hand mutations of proofs/general/ (docs/mutation-testing.md, "Hand mutations"): each test states
a claim of a general theorem and fails on a mutant of the module that survived the rest of the
suite. A test passes when the answer is the definite one the claim demands: a wrong closed form
must make its obligation `sat`, and the statement's own domain (a learning set's statistics) must
satisfy the obligation's premises."""

import importlib
from fractions import Fraction

import pytest
import z3

from harness.solver import decide_all
from proofs.encoding import Network
from proofs.general.data_link import data_link
from proofs.general.distance_to_ray import distance_to_ray
from proofs.general.failure_region import failure_region
from proofs.general.holds_iff_on_ray import holds_iff_on_ray
from proofs.obligation import Obligation

distance_module = importlib.import_module("proofs.general.distance_to_ray")
data_link_module = importlib.import_module("proofs.general.data_link")
HALF = z3.RealVal("1/2")


def answers(obligations, timeout_s=20):
    return [o.result for o in decide_all(list(obligations), timeout_s)]


def by_name(obligations, name):
    return next(o for o in obligations if o.name == name)


# ---- the distance to the ray is the infimum in each of its three cases ---------------------------

def too_small_where(case):
    """The closed form D, 1/2 too small where <W0,d> (= b) is positive, zero or negative only."""
    def distance(p, b, r):
        right = {"positive": b > 0, "zero": b == 0, "negative": b < 0}[case]
        return z3.If(right, z3.If(b > 0, p - b * b / r, p) - HALF, z3.If(b > 0, p - b * b / r, p))
    return distance


@pytest.mark.parametrize("case", ["positive", "zero", "negative"])
def test_a_distance_too_small_in_one_case_of_w0_d_is_not_proved_the_infimum(case, monkeypatch):
    """Kills: "attained" dropped (positive), `b <= 0` -> `b < 0` and `eps > 0` -> `eps > 1` in
    "approached" (zero: at b = 0 the gap ||W0 - t·d||² - p of the query's t is below 1/2 only for
    ε < 1)."""
    monkeypatch.setattr(distance_module, "ray_distance_sq", too_small_where(case))
    ob = by_name(distance_to_ray(), "general_distance_to_ray_attained")
    assert answers([ob]) == ["sat"]


# ---- the premises admit the statistics of actual learning sets -----------------------------------

def gram_values(w0, w_star, d):
    dot = lambda u, v: sum((Fraction(a) * Fraction(b) for a, b in zip(u, v)), Fraction(0))
    return {"p": dot(w0, w0), "a": dot(w0, w_star), "b": dot(w0, d),
            "q": dot(w_star, w_star), "r": dot(d, d), "s": dot(w_star, d)}


def hypotheses_at(ob: Obligation, values: dict) -> Obligation:
    """The obligation's definitions and premises with its variables fixed to the values: sat iff
    the theorem's hypotheses admit this point."""
    fixed = [z3.Real(name) == z3.RealVal(f"{v.numerator}/{v.denominator}") for name, v in values.items()]
    return Obligation(f"{ob.name}@point", "the hypotheses admit the point", "sat",
                      (*ob.definitions, *ob.premises, *fixed))


CANONICAL = ((2, 0), (2, 0), (5, 3))            # W0 = W*, W*, d of docs/spec.md §4
OBTUSE = ((1, 0), (1, 0), (-1, 1))              # <W*,d> < 0
ON_RAY = ((1, 1), (2, 0), (1, 0))               # W* = 2·d
ORTHOGONAL = ((0, 1), (1, 0), (0, 1))           # <W*,d> = 0


@pytest.mark.parametrize("name, point", [
    ("general_holds_everywhere_implies_ray", CANONICAL),
    ("general_holds_everywhere_implies_ray", OBTUSE),
    ("general_holds_everywhere_implies_ray", ORTHOGONAL),
    ("general_ray_implies_holds_everywhere", ON_RAY),
    ("general_failure_region_necessary", CANONICAL),
    ("general_failure_region_sufficient", OBTUSE),
])
def test_the_general_theorems_apply_to_learning_sets_at_every_angle(name, point):
    """W* not on the ray at an acute, obtuse and right angle to d (and W* on the ray) are inside
    the theorems' hypotheses: a narrowed premise (s < 0 or 2s < ||W*||·||d|| for "not on the
    ray") leaves a learning set out."""
    ob = by_name([*holds_iff_on_ray(), *failure_region()], name)
    values = gram_values(*point)
    if name == "general_holds_everywhere_implies_ray":
        values = {k: values[k] for k in "qrs"}       # only the pair (W*, d) is involved
    assert answers([hypotheses_at(ob, values)]) == ["sat"]


# ---- the data-to-statistics link states each identity --------------------------------------------

class WrongStandardLoss(data_link_module.Network):
    def standard_loss(self, w):
        return super().standard_loss(w) + 1


class WrongBNLoss(data_link_module.Network):
    def bn_loss_cleared(self, w, s):            # s²·L̂ with one target squared twice
        return super().bn_loss_cleared(w, s) + self.inv_n * s * s * self.y[0] * self.y[0]


@pytest.mark.parametrize("network", [WrongStandardLoss, WrongBNLoss], ids=["standard_loss", "bn_loss"])
def test_the_data_link_fails_for_a_wrong_loss(network, monkeypatch):
    """L(w) = wᵀ(Σ + x̄x̄ᵀ)w - 2<w, c + x̄ȳ> + mean(y²) and L̂ = 1 + mean(y²) - 2<c,w>/σ are each
    claimed for every learning set of 3 points in R²: a loss off by 1 (or by y_1²) must make the
    obligation sat. Kills a dropped equation of the disjunction."""
    monkeypatch.setattr(data_link_module, "Network", network)
    assert answers([data_link(3, 2)]) == ["sat"]


class WrongBatchCovariance(data_link_module.Network):
    """<c,w> of the batch doubled in the link's equation <c,w> = cᵀw only (the L̂ identity keeps
    the right one)."""

    def cov_with_targets(self, w):
        return 2 * super().cov_with_targets(w)

    def simplified_bn_loss_cleared(self, w, s):
        return s * s * (1 + self.mean_sq_target()) - 2 * Network.cov_with_targets(self, w) * s


def test_the_data_link_fails_for_a_wrong_batch_covariance(monkeypatch):
    """Kills the dropped equation <c,w> (batch covariance of outputs and targets) = cᵀw."""
    monkeypatch.setattr(data_link_module, "Network", WrongBatchCovariance)
    assert answers([data_link(3, 2)]) == ["sat"]
