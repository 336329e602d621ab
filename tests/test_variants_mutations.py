"""No check that cannot fail, for the variants: every obligation of proofs/variants/ (and every
paper obligation a variant reuses) flips to the opposite definite answer under a mutation — a
wrong optimum or direction, a wrong k*², a dropped constraint, a flipped sign, or a learning set
where the claim is false. A timeout, `unknown` or `vacuous` would not count as caught."""

import dataclasses
import importlib

import pytest
import z3

from harness.learning_set import canonical, load_json
from harness.solver import decide
from harness.statistics import exact_statistics
from harness.variants import DEFAULT_EPSILON, variant_claims
from proofs.encoding import Network, sq_norm
from proofs.variants import variant_obligations
from tests.conftest import F

OPPOSITE = {"sat": "unsat", "unsat": "sat"}


def claims_for(variant, path=None, **changes):
    ls = load_json(path) if path else canonical()
    claims = variant_claims(ls, exact_statistics(ls), variant, DEFAULT_EPSILON)
    return dataclasses.replace(claims, **changes)


Y3 = "examples/variants/canonical_y_over_3.json"


def obligation(variant, name, path=None, **changes):
    return next(o for o in variant_obligations(variant, claims_for(variant, path, **changes))
                if o.name == name)


def expected(variant, name, path=None):
    return obligation(variant, name, path).expected


def answer(variant, name, path=None, drop=None, **changes):
    """Z3's answer on the mutated obligation, beside the unmutated one's expected answer."""
    ob = obligation(variant, name, path, **changes)
    if drop is not None:   # a dropped constraint: conjunct number `drop` of the query
        ob = dataclasses.replace(ob, query=ob.query[:drop] + ob.query[drop + 1:])
    return expected(variant, name, path), decide(ob, timeout_s=10).result


# the modules (their packages re-export functions of the same names)
distance_module = importlib.import_module("proofs.distance_to_ray")
line_optima = importlib.import_module("proofs.variants.line_optima")
epsilon_module = importlib.import_module("proofs.variants.epsilon")
region = line_optima.in_failure_region


class WrongCovariance(Network):
    """A wrong simplified BN loss: <c,w> doubled."""

    def cov_with_targets(self, w):
        return 2 * super().cov_with_targets(w)


def flipped_region(w0, w_star, d):
    """The failure region with its inequality flipped."""
    return z3.Not(region(w0, w_star, d))


def line_region_obligation(name, **changes):
    """A failure-region obligation built for (possibly mutated) claims where (L4.5) would hold."""
    return next(o for o in line_optima.line_failure_region(claims_for("gamma-beta", **changes)) if o.name == name)


def patched(monkeypatch, module, attribute, replacement, variant, name, path=None):
    """An encoding mutation: `module.attribute` replaced while the obligation is built."""
    want = expected(variant, name, path)
    monkeypatch.setattr(module, attribute, replacement)
    return want, decide(obligation(variant, name, path), timeout_s=10).result


WRONG_D = {"bn_direction": F(5, 2)}
NO_BIAS = {"w_star": F(2, 0)}                # the paper's W*, not the bias network's

MUTATIONS = {
    # trainable γ, β (and the line of optima, shared with torch)
    "gb_optimal_gamma_beta": lambda mp: answer("gamma-beta", "gb_optimal_gamma_beta", drop=3),  # γ_w's definition
    "gb_minimal_loss": lambda mp: answer("gamma-beta", "gb_minimal_loss", drop=3),
    "profile_line_is_global_minimum": lambda mp: answer("gamma-beta", "profile_line_is_global_minimum", **WRONG_D),
    "profile_off_line_not_minimum": lambda mp: answer("gamma-beta", "profile_off_line_not_minimum", drop=3),  # e<c,w> >= 0
    "line_distance_lower_bound": lambda mp: patched(  # the distance without its subtracted term
        mp, line_optima, "line_distance_sq", lambda w0, d: sq_norm(w0), "gamma-beta", "line_distance_lower_bound"),
    "line_distance_attained": lambda mp: patched(     # the distance of the ray instead of the line
        mp, line_optima, "line_distance_sq", distance_module.ray_distance_sq, "gamma-beta", "line_distance_attained"),
    "line_negated_lemma": lambda mp: answer("gamma-beta", "line_negated_lemma", w_star=F(-10, -6)),
    "line_lemma_fails_at_w_star": lambda mp: answer("gamma-beta", "line_lemma_fails_at_w_star", w_star=F(-10, -6)),
    "line_failure_region_necessary": lambda mp: patched(
        mp, line_optima, "in_failure_region", flipped_region, "gamma-beta", "line_failure_region_necessary"),
    "line_failure_region_sufficient": lambda mp: patched(
        mp, line_optima, "in_failure_region", flipped_region, "gamma-beta", "line_failure_region_sufficient"),
    "line_failure_region_quadrant": lambda mp: answer("gamma-beta", "line_failure_region_quadrant", drop=4),
    "line_quadrant_normals_orthogonal": lambda mp: ("unsat", decide(line_region_obligation(
        "line_quadrant_normals_orthogonal", w_star=F(10, 6)), timeout_s=10).result),   # W* = 2d
    "line_quadrant_in_general": lambda mp: answer("gamma-beta", "line_quadrant_in_general", drop=0),  # <W0,ŵ> > 0
    # PyTorch's default
    "torch_optimal_gamma_beta": lambda mp: answer("torch", "torch_optimal_gamma_beta", drop=3),
    "torch_minimal_loss": lambda mp: answer("torch", "torch_minimal_loss", drop=3),  # γ_w's definition
    "torch_origin_not_minimum": lambda mp: answer("torch", "torch_origin_not_minimum", bn_direction=F(-5, -3)),
    # ε > 0
    "eps_loss_identity": lambda mp: patched(mp, epsilon_module, "Network", WrongCovariance,
                                            "epsilon", "eps_loss_identity"),
    "eps_ray_derivative": lambda mp: answer("epsilon", "eps_ray_derivative", drop=1),
    "eps_stationary_points_on_line": lambda mp: answer("epsilon", "eps_stationary_points_on_line", **WRONG_D),
    "eps_stationary_on_line_in_general": lambda mp: answer("epsilon", "eps_stationary_on_line_in_general", drop=2),  # s > 0
    "eps_no_stationary_point": lambda mp: (expected("epsilon", "eps_no_stationary_point"), decide(
        _no_stationary_on(Y3), timeout_s=10).result),   # a set with k* < 1
    "eps_unique_stationary_point": lambda mp: answer("epsilon", "eps_unique_stationary_point", Y3,
                                                     k_star_sq=F("38/80")[0]),
    "eps_global_minimum": lambda mp: answer("epsilon", "eps_global_minimum", Y3, k_star_sq=F("39/81")[0]),
    "eps_negated_lemma": lambda mp: answer("epsilon", "eps_negated_lemma", Y3, w_star=F(0, 0)),
    "eps_lemma_fails_at_w_star": lambda mp: answer("epsilon", "eps_lemma_fails_at_w_star", Y3, w_star=F(0, 0)),
    "eps_lemma_fails_for_a_single_optimum": lambda mp: answer(
        "epsilon", "eps_lemma_fails_for_a_single_optimum", Y3, drop=0),     # W* != 0
    # a bias in the standard network (and the paper's obligations it reuses)
    "bias_standard_optimum": lambda mp: answer("bias", "bias_standard_optimum", w_star=F(5, 2)),
    "bn_loss_identity": lambda mp: answer("bias", "bn_loss_identity", drop=1),
    "bn_ray_is_global_minimum": lambda mp: answer("bias", "bn_ray_is_global_minimum", **WRONG_D),
    "bn_stationary_points_on_line": lambda mp: answer("bias", "bn_stationary_points_on_line", **WRONG_D),
    "bn_opposite_ray_not_minimum": lambda mp: answer("bias", "bn_opposite_ray_not_minimum", **WRONG_D),
    "distance_to_ray_lower_bound": lambda mp: answer("bias", "distance_to_ray_lower_bound", drop=0),  # t > 0
    "distance_to_ray_attained": lambda mp: patched(   # the line's distance: no case split on <W0,d>
        mp, distance_module, "ray_distance_sq", line_optima.line_distance_sq, "bias", "distance_to_ray_attained"),
    "bias_negated_lemma": lambda mp: answer("bias", "bias_negated_lemma", **NO_BIAS),
    "bias_lemma_equality": lambda mp: answer("bias", "bias_lemma_equality", **NO_BIAS),
    "bias_lemma_equality_in_general": lambda mp: answer("bias", "bias_lemma_equality_in_general", drop=3),  # <W0,d> > 0
}


def _no_stationary_on(path):
    from proofs.variants.epsilon import eps_no_stationary_point

    return eps_no_stationary_point(claims_for("epsilon", path))


def test_every_variant_obligation_has_a_mutation():
    names = set()
    for variant, path in [("gamma-beta", None), ("torch", None), ("bias", None), ("epsilon", None),
                          ("epsilon", Y3)]:
        names |= {ob.name for ob in variant_obligations(variant, claims_for(variant, path))}
    assert names == set(MUTATIONS)


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_mutation_flips_the_answer(name, monkeypatch):
    want, got = MUTATIONS[name](monkeypatch)
    assert got == OPPOSITE[want], f"{name}: expected {want}, the mutation gave {got}"
