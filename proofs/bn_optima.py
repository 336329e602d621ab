"""BN optima: the local minimisers of L̂ are exactly the open ray {t·d : t > 0}.

paper.md §3-4 (canonical set: d = (5, 3), min L̂ = (16 - 2√38)/3). Four obligations:

- bn_loss_identity: for all w with σ(w) > 0, L̂(w) = 1 + mean(y²) - 2<c,w>/σ(w), where
  <c,w> = (1/n) Σ (u_i - μ)(y_i - ȳ). Query: s > 0, s² = σ²(w), s²·L̂ != s²·simplified,
  both sides with the denominators cleared (multiplying by s² > 0 preserves "!=").
  Every later BN obligation works on the simplified form; this identity ties it to the literal
  loss, so the chain literal -> simplified -> claim is machine-checked.
- bn_ray_is_global_minimum: for every t > 0, t·d is in the domain (σ(t·d) > 0), <c,t·d> > 0
  and no w with σ(w) > 0 has L̂(w) < L̂(t·d). With the identity, L̂(w) < L̂(td) iff
  <c,w>·σ(td) > <c,td>·σ(w); given <c,td> > 0 that holds iff <c,w> > 0 and
  <c,w>²·σ²(td) > <c,td>²·σ²(w) (both sides positive, so squaring is an equivalence): the
  query is root-free. Ray points are global, hence local, minimisers.
- bn_stationary_points_on_line: every stationary point of L̂ lies on the line through d.
  ∇L̂(w) = -2(c/σ - <c,w>Σw/σ³) = 0 iff c·σ²(w) = <c,w>·Σw (multiply by -σ³/2, σ > 0).
  Query: σ²(w) > 0, that equation, w not parallel to d. A local minimiser of the differentiable
  L̂ on the open set {σ > 0} is stationary, so all local minimisers lie on the line.
- bn_opposite_ray_not_minimum: for t > 0, every w off the line with σ(w) > 0 has
  L̂(w) < L̂(-t·d). Every neighbourhood of -t·d holds such w (dimension >= 2), so -t·d is not
  a local minimiser. Root-free as above: L̂(w) >= L̂(-td) iff -<c,w>·σ(td) >= <c,td>·σ(w),
  iff (given <c,td> > 0) -<c,w> > 0 and <c,w>²·σ²(td) >= <c,td>²·σ²(w).

Together: local minimisers ⊂ line ∩ {σ > 0} = ray ∪ opposite ray; ray points are minimisers,
opposite-ray points are not. So Ŵ* is exactly the ray.
"""

from __future__ import annotations

import z3

from proofs.claims import Claims
from proofs.encoding import Network, const, not_parallel, reals, scaled
from proofs.obligation import Obligation


def bn_optima(claims: Claims) -> list[Obligation]:
    net = Network(claims.X, claims.y)
    w = reals("w", net.dim)
    d = [const(v) for v in claims.bn_direction]
    t, s = z3.Reals("t s")
    td = scaled(t, d)
    cw, ctd = net.cov_with_targets(w), net.cov_with_targets(td)
    var_w, var_td = net.bn_variance(w), net.bn_variance(td)
    return [
        Obligation(
            name="bn_loss_identity",
            statement="L̂(w) = 1 + mean(y²) - 2<c,w>/σ(w) for every w with σ(w) > 0",
            expected="unsat",
            query=(s > 0, s * s == var_w,
                   net.bn_loss_cleared(w, s) != net.simplified_bn_loss_cleared(w, s)),
        ),
        Obligation(
            name="bn_ray_is_global_minimum",
            statement="every t·d (t > 0) has σ(td) > 0 and L̂(w) >= L̂(t·d) for every w with σ(w) > 0",
            expected="unsat",
            query=(t > 0, z3.Or(var_td <= 0, ctd <= 0,
                                z3.And(var_w > 0, cw > 0, cw * cw * var_td > ctd * ctd * var_w))),
        ),
        Obligation(
            name="bn_stationary_points_on_line",
            statement="∇L̂(w) = 0 with σ(w) > 0 implies w is a multiple of d",
            expected="unsat",
            query=(var_w > 0,
                   *[ck * var_w == cw * sk for ck, sk in zip(net.cov_vector(), net.sigma_times(w))],
                   not_parallel(w, d)),
        ),
        Obligation(
            name="bn_opposite_ray_not_minimum",
            statement="L̂(w) < L̂(-t·d) for every t > 0 and every w off the line with σ(w) > 0",
            expected="unsat",
            query=(t > 0, var_w > 0, not_parallel(w, d),
                   z3.Or(var_td <= 0, ctd <= 0,
                         z3.And(-cw > 0, cw * cw * var_td >= ctd * ctd * var_w))),
        ),
    ]
