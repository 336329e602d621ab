"""BN optima: the local minimisers of L̂ are exactly the open ray {t·d : t > 0}.

docs/spec.md §3-4 (canonical set: d = (5, 3), min L̂ = (16 - 2√38)/3). Four obligations:

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
  Abstract v = σ²(w) > 0 and k = <c,w> (fresh variables: this only weakens the hypotheses, so
  unsat of the abstraction implies unsat of the original): c·v = k·Σw. Since Σd = c,
  Σ(v·d - k·w) = 0; since Σ is invertible, v·d = k·w; then k != 0 (v > 0, d != 0) and
  w = (v/k)·d. The query is the disjunction of the three ways this chain could break:
  (1) c·v = k·Σw but Σ(v·d - k·w) != 0; (2) some x != 0 with Σx = 0; (3) some v > 0, k, w with
  v·d = k·w and w not a multiple of d (some 2×2 minor w_i d_j - w_j d_i != 0). Each is small
  for Z3 in any dimension, where the direct query times out at d = 5. A local minimiser of the
  differentiable L̂ on the open set {σ > 0} is stationary, so all local minimisers lie on the line.
- bn_opposite_ray_not_minimum: no point -t·d (t > 0) is a local minimiser: along the explicit
  path w_ε = -t·d + ε·u (u a coordinate vector not parallel to d, ε > 0, ||w_ε + t·d|| = ε),
  L̂(w_ε) < L̂(-t·d) for every ε > 0, so every neighbourhood of -t·d holds a lower point.
  Root-free as above: L̂(w) >= L̂(-td) iff -<c,w>·σ(td) >= <c,td>·σ(w), iff (given
  <c,td> > 0) -<c,w> > 0 and <c,w>²·σ²(td) >= <c,td>²·σ²(w). Only t and ε are variables.

Together: local minimisers ⊂ line ∩ {σ > 0} = ray ∪ opposite ray; ray points are minimisers,
opposite-ray points are not. So Ŵ* is exactly the ray.
"""

from __future__ import annotations

import z3

from proofs.claims import Claims
from proofs.encoding import Network, const, reals, scaled, sub
from proofs.obligation import Obligation


def bn_optima(claims: Claims) -> list[Obligation]:
    return [bn_loss_identity(claims), bn_ray_is_global_minimum(claims),
            bn_stationary_points_on_line(claims), bn_opposite_ray_not_minimum(claims)]


def bn_loss_identity(claims: Claims) -> Obligation:
    net = Network(claims.X, claims.y)
    w, s = reals("w", net.dim), z3.Real("s")
    var_w = net.bn_variance(w)
    return Obligation(
        name="bn_loss_identity",
        statement="L̂(w) = 1 + mean(y²) - 2<c,w>/σ(w) for every w with σ(w) > 0",
        expected="unsat",
        query=(s > 0, s * s == var_w,
               net.bn_loss_cleared(w, s) != net.simplified_bn_loss_cleared(w, s)),
        definitions=(s > 0, s * s == var_w),
        premises=(var_w > 0,),
    )


def bn_ray_is_global_minimum(claims: Claims) -> Obligation:
    net = Network(claims.X, claims.y)
    w, t = reals("w", net.dim), z3.Real("t")
    td = scaled(t, [const(v) for v in claims.bn_direction])
    cw, ctd = net.cov_with_targets(w), net.cov_with_targets(td)
    var_w, var_td = net.bn_variance(w), net.bn_variance(td)
    return Obligation(
        name="bn_ray_is_global_minimum",
        statement="every t·d (t > 0) has σ(td) > 0 and L̂(w) >= L̂(t·d) for every w with σ(w) > 0",
        expected="unsat",
        query=(t > 0, z3.Or(var_td <= 0, ctd <= 0,
                            z3.And(var_w > 0, cw > 0, cw * cw * var_td > ctd * ctd * var_w))),
        premises=(t > 0,),
    )


def bn_stationary_points_on_line(claims: Claims) -> Obligation:
    net = Network(claims.X, claims.y)
    w, x = reals("w", net.dim), reals("x", net.dim)
    d = [const(v) for v in claims.bn_direction]
    v, k = z3.Reals("v k")
    c = net.cov_vector()
    minors = [w[i] * d[j] != w[j] * d[i] for i in range(net.dim) for j in range(i + 1, net.dim)]
    return Obligation(
        name="bn_stationary_points_on_line",
        statement="∇L̂(w) = 0 with σ(w) > 0 implies w is a multiple of d",
        expected="unsat",
        query=(z3.Or(
            z3.And(*[ck * v == k * sw for ck, sw in zip(c, net.sigma_times(w))],
                   z3.Or([r != 0 for r in net.sigma_times(sub(scaled(v, d), scaled(k, w)))])),
            z3.And(*[sx == 0 for sx in net.sigma_times(x)], z3.Or([xk != 0 for xk in x])),
            z3.And(v > 0, *[dk * v == k * wk for dk, wk in zip(d, w)], z3.Or(minors)),
        ),),
    )


def bn_opposite_ray_not_minimum(claims: Claims, axis=None) -> Obligation:
    """`axis`: u (default: a coordinate vector off the line, chosen from the claimed d)."""
    net = Network(claims.X, claims.y)
    d = [const(v) for v in claims.bn_direction]
    t, eps = z3.Reals("t eps")
    td = scaled(t, d)
    axis = off_line_axis(claims.bn_direction) if axis is None else axis
    w_eps = [-t * dk + eps * uk for dk, uk in zip(d, axis)]
    ctd, var_td = net.cov_with_targets(td), net.bn_variance(td)
    cw_eps, var_eps = net.cov_with_targets(w_eps), net.bn_variance(w_eps)
    return Obligation(
        name="bn_opposite_ray_not_minimum",
        statement="L̂(-t·d + ε·u) < L̂(-t·d) for every t > 0 and ε > 0 (u off the line)",
        expected="unsat",
        query=(t > 0, eps > 0,
               z3.Or(var_eps <= 0, var_td <= 0, ctd <= 0,
                     z3.And(-cw_eps > 0, cw_eps * cw_eps * var_td >= ctd * ctd * var_eps))),
        premises=(t > 0, eps > 0),
    )


def off_line_axis(d) -> list:
    """A coordinate vector e_j not parallel to d (exists when the dimension is at least 2)."""
    j = next(j for j in range(len(d)) if any(d[i] != 0 for i in range(len(d)) if i != j))
    return [const(1 if i == j else 0) for i in range(len(d))]
