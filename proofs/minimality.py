"""Minimality: no learning set smaller than 3 points in R² refutes (L4.5) (docs/spec.md §7).

Notation of docs/spec.md §3; X the n×d matrix of the points, u = Xw the outputs of w, u* = XW*,
r = u* - y the residual of the standard optimum, A = XᵀX, cov(a, b) = mean((a - ā)b),
var(a) = cov(a, a). "(L4.5) holds" means: at every W0 with <W0,W*> > 0,
||W0 - Ŵ*||² <= right side. The argument, each step named by the obligation that proves it:

(P) If W* ∈ Ŵ* (W* is a local BN minimiser), (L4.5) holds at every admissible W0.
    L̂ depends on w only through the standardized outputs (u_i - μ)/σ, and these are the same at
    t·w, t > 0: `centering_and_variance_scale` (u - μ scales by t, σ² by t²) and
    `standardization_is_scale_invariant` ((t·a)/σ_t = a/σ when σ_t² = t²σ², σ_t > 0). So a ball
    around W* maps onto a ball around t·W* with the same losses: the open ray {t·W*} ⊂ Ŵ* (by
    hand). `ray_point_meets_lemma_bound`: with a = ||W0||², b = <W0,W*> > 0, c = ||W*||² and
    t0 = b/c > 0, ||W0 - t0·W*||² equals the right side of (L4.5); stated over the inner
    products (any dimension). If instead Ŵ* is dense in R^d, the left side is 0 and
    `lemma_bound_nonnegative` (the right side is >= 0) gives (L4.5).
(B) If u(W*) = y and σ_y > 0, W* is a global minimiser of L̂. Through the loss identity
    `bn_loss_identity_in_outputs` (L̂(w) = 1 + mean(y²) - 2cov(u, y)/σ(u)), Cauchy-Schwarz
    `covariance_lagrange_identity` (var(a)var(b) - cov(a,b)² = Σ_{i,j}(a'_i b'_j - a'_j b'_i)²/(2n²)
    with a', b' centered: a sum of squares, so cov² <= var·var), and
    `cauchy_schwarz_bound_is_minimum` (p² <= s²q², s, q > 0 ⇒ 1 + m - 2p/s >= 1 + m - 2q²/q):
    with p = cov(u, y), s = σ(u), q = σ_y, the right side is L̂ at u = y.
(T) If Σ_i r_i = 0 and σ(W*) > 0, W* is a global minimiser of L̂. The normal equations say
    Xᵀr = 0, so r is orthogonal to every output vector Xw, and with Σ_i r_i = 0 to every
    centered one; `mean_zero_residual_keeps_covariances` gives cov(u, y) = cov(u, u*) and
    cov(u*, y) = var(u*), and (B)'s chain with q = σ(u*) applies. `constants_in_span_give_mean_zero_residual`:
    if Xv = 1 for some v then Σ_i r_i = vᵀXᵀr = 0.
(a) n <= d with A invertible: W* interpolates. `fewer_points_than_dimensions_make_gram_singular`:
    det(XᵀX) = 0 for n < d (machine-checked at (n, d) = (1, 2), (2, 3); in general
    rank XᵀX = rank X <= n < d, by hand), so n = d and X is invertible;
    `square_invertible_data_interpolated`: Xᵀ(XW* - y) = 0 and det X != 0 force XW* = y
    (machine-checked at d = 2, 3; in general Xᵀ is invertible, by hand). Then (B), and (P).
    (If y is constant, c = 0: L̂ is constant on the dense set σ(w) > 0 and (L4.5) holds.)
(c) Σ singular with A invertible: the points lie on an affine hyperplane missing the origin.
    Σv = 0 with v != 0 gives var(Xv) = vᵀΣv = 0 (by hand), so `zero_variance_makes_outputs_constant`:
    <v, x_i> = κ for every i, and `affine_hyperplane_misses_origin`: κ != 0 (if Xv = 0 with
    v != 0 then det A = 0). So X(v/κ) = 1 and (T) applies when σ(W*) > 0. If σ(W*) = 0, then
    ΣW* = 0 and c = ΣW* = 0 (by hand: r ⟂ X_c gives c = X_cᵀ(y - ȳ)/n = X_cᵀX_cW*/n), so L̂ is
    constant where defined and (L4.5) holds, unless Σ = 0 (all points equal, possible with A
    invertible only for d = 1): then σ ≡ 0, Ŵ* is empty and (L4.5) is ill-posed.
(d) d = 1: w' = (w'/w)·w, so by (P)'s scale invariance L̂(w') = L̂(w) whenever w·w' > 0
    (also checked directly: `dimension_one_bn_loss_depends_on_sign_only`). Every w != 0 is a
    local minimiser when σ_x > 0, W0 itself is in Ŵ*, and the left side of (L4.5) is 0.

(n = 2) Two points never refute, in any dimension and without a unique W*:
    `two_points_standardize_to_signs`: the standardized outputs are ±(1, -1), so L̂ is locally
    constant where σ > 0 (a dense set when x_1 != x_2) and the left side of (L4.5) is 0.

The statements over output vectors quantify over all of R^n (a superset of {Xw}), so they hold
for every d; they are machine-checked for n in OUTPUT_SIZES and, by hand, are the same one-line
algebra for every n. The scalar and inner-product steps hold in every dimension as stated.
Each obligation has a mutation in tests/test_minimality.py that flips its answer.
"""

from __future__ import annotations

import z3

from proofs.encoding import dot, positive_root
from proofs.obligation import Obligation

OUTPUT_SIZES = (2, 3, 4)       # n for the statements over output vectors (n = 5: 14 s for the identity)


def _vec(name: str, n: int) -> list:
    return [z3.Real(f"{name}{i + 1}") for i in range(n)]


def _mean(v) -> z3.ArithRef:
    return z3.Sum(v) / len(v)


def _centered(v) -> list:
    m = _mean(v)
    return [vi - m for vi in v]


def _variance(v) -> z3.ArithRef:
    return _mean([a * a for a in _centered(v)])


def bn_loss_of_outputs(u, y, s) -> z3.ArithRef:
    """L̂ as a function of the outputs u = Xw, literally: (1/n) Σ ((u_i - μ)/s - y_i)², s = σ(u)."""
    return _mean([(a / s - yi) ** 2 for a, yi in zip(_centered(u), y)])


def _matrix(name: str, rows: int, cols: int) -> list[list]:
    return [[z3.Real(f"{name}{i + 1}_{j + 1}") for j in range(cols)] for i in range(rows)]


def _transpose_times(X, v) -> list:
    """Xᵀv."""
    return [z3.Sum([X[i][k] * v[i] for i in range(len(X))]) for k in range(len(X[0]))]


def _times(X, w) -> list:
    return [dot(row, w) for row in X]


def _det(M) -> z3.ArithRef:
    """Determinant by cofactor expansion along the first row (small sizes only)."""
    if len(M) == 1:
        return M[0][0]
    return z3.Sum([(-1) ** j * M[0][j] * _det([row[:j] + row[j + 1:] for row in M[1:]])
                   for j in range(len(M))])


def _gram(X) -> list[list]:
    cols = len(X[0])
    return [[z3.Sum([row[k] * row[l] for row in X]) for l in range(cols)] for k in range(cols)]


def _cov(a, b) -> z3.ArithRef:
    """cov(a, b) = mean((a - ā)·b)."""
    return _mean([x * y for x, y in zip(_centered(a), b)])


def _unsat(name, statement, query, definitions=(), premises=()) -> Obligation:
    return Obligation(name=name, statement=statement, expected="unsat",
                      query=(*definitions, *premises, *query), definitions=tuple(definitions),
                      premises=tuple(premises))


# --- (P) W* ∈ Ŵ* makes (L4.5) hold --------------------------------------------------------------

def centering_and_variance_scale(n: int, power: int = 2, factor: int = 1) -> Obligation:
    """u(tw) - μ(tw) = t(u - μ) and σ²(tw) = t^power·σ²(w) (power = 2; other values: mutation).
    `factor` != 1 claims u(tw) - μ(tw) = factor·t·(u - μ) (mutation; 1: the query is unchanged)."""
    u, t = _vec("u", n), z3.Real("t")
    tu = [t * a for a in u]
    k = t if factor == 1 else factor * t
    return _unsat(f"centering_and_variance_scale_n{n}",
                  f"u(tw) - μ(tw) = t(u(w) - μ(w)) and σ²(tw) = t²σ²(w) (n = {n})",
                  (z3.Or(*[a != k * b for a, b in zip(_centered(tu), _centered(u))],
                         _variance(tu) != t ** power * _variance(u)),))


def standardization_is_scale_invariant(positive: bool = True) -> Obligation:
    """(t·a)/σ_t = a/σ for t > 0, σ > 0, σ_t > 0 with σ_t² = t²σ² (`positive=False`: t < 0)."""
    a, t, s, st = z3.Reals("a t s s_t")
    premises = (t > 0 if positive else t < 0, s > 0, st > 0, st * st == t * t * s * s)
    return _unsat("standardization_is_scale_invariant",
                  "t > 0, σ_t² = t²σ² ⇒ (t·a)/σ_t = a/σ (one centered output a)",
                  ((t * a) / st != a / s,), premises=premises)


def ray_point_meets_lemma_bound(t0_is_projection: bool = True) -> Obligation:
    """In inner products a = ||W0||², b = <W0,W*>, c = ||W*||² (any dimension): t0 = b/c > 0
    and ||W0 - t0·W*||² = a - 2·t0·b + t0²·c equals the right side of (L4.5).
    `t0_is_projection=False` uses t0 = 1, i.e. W* itself (mutation)."""
    a, b, c = z3.Reals("a b c")
    t0 = b / c if t0_is_projection else z3.RealVal(1)
    distance = a - 2 * t0 * b + t0 * t0 * c
    right = (a - 2 * b + c) - (c - b) ** 2 / c
    premises = (c > 0, b > 0, a >= 0, b * b <= a * c)     # a PSD Gram matrix of (W0, W*)
    return _unsat("ray_point_meets_lemma_bound",
                  "<W0,W*> > 0: t0 = <W0,W*>/||W*||² > 0 and ||W0 - t0·W*||² = right side of (L4.5)",
                  (z3.Or(t0 <= 0, distance != right),), premises=premises)


def lemma_bound_nonnegative() -> Obligation:
    """The right side of (L4.5) is >= 0 (it is a - b²/c, Cauchy-Schwarz b² <= ac)."""
    a, b, c = z3.Reals("a b c")
    premises = (c > 0, a >= 0, b * b <= a * c)
    return _unsat("lemma_bound_nonnegative",
                  "the right side of (L4.5) is >= 0 for every W0 and W* != 0",
                  ((a - 2 * b + c) - (c - b) ** 2 / c < 0,), premises=premises)


# --- (B) u(W*) = y: the standardized targets minimise L̂ -----------------------------------------

def bn_loss_identity_in_outputs(n: int, coefficient: int = 2) -> Obligation:
    """L̂ = (1/n) Σ ((u_i - μ)/σ - y_i)² = 1 + mean(y²) - 2cov(u, y)/σ for every output vector
    with σ > 0 (`coefficient` != 2: mutation)."""
    u, y = _vec("u", n), _vec("y", n)
    s, s_def = positive_root("s", _variance(u))
    identity = 1 + _mean([yi * yi for yi in y]) - coefficient * _cov(u, y) / s
    return _unsat(f"bn_loss_identity_in_outputs_n{n}",
                  f"L̂(w) = 1 + mean(y²) - 2cov(u(w), y)/σ(w) for every w with σ(w) > 0 (n = {n})",
                  (bn_loss_of_outputs(u, y, s) != identity,), definitions=s_def)


def covariance_lagrange_identity(n: int, halved: bool = True) -> Obligation:
    """var(a)var(b) - cov(a,b)² = Σ_{i,j} (a'_i b'_j - a'_j b'_i)² / (2n²), a' = a - ā,
    b' = b - b̄: Cauchy-Schwarz with a sum-of-squares certificate (`halved=False`: /n², mutation)."""
    u, v = _vec("u", n), _vec("v", n)
    cu, cv = _centered(u), _centered(v)
    squares = z3.Sum([(cu[i] * cv[j] - cu[j] * cv[i]) ** 2 for i in range(n) for j in range(n)])
    certificate = squares / ((2 if halved else 1) * n * n)
    return _unsat(f"covariance_lagrange_identity_n{n}",
                  f"var(a)var(b) - cov(a,b)² is a sum of squares / (2n²), so cov² <= var·var (n = {n})",
                  (_variance(u) * _variance(v) - _cov(u, v) ** 2 != certificate,))


def cauchy_schwarz_bound_is_minimum() -> Obligation:
    """p² <= s²q², s > 0, q > 0 ⇒ 1 + m - 2p/s >= 1 + m - 2q²/q (p = cov(u, y), s = σ(u),
    q = σ(u*) with cov(u*, y) = q²: the identity form of L̂ is smallest at u*)."""
    p, s, q, m = z3.Reals("p s q m")
    premises = (s > 0, q > 0, p * p <= s * s * q * q)
    return _unsat("cauchy_schwarz_bound_is_minimum",
                  "cov(u,y)² <= σ(u)²q², q = σ(u*) > 0, cov(u*,y) = q² ⇒ L̂(u) >= L̂(u*)",
                  (1 + m - 2 * p / s < 1 + m - 2 * q * q / q,), premises=premises)


# --- (T) a mean-zero residual -------------------------------------------------------------------

def mean_zero_residual_keeps_covariances(n: int, mean_zero: bool = True) -> Obligation:
    """r = u* - y orthogonal to u = Xw and to u* = XW* (the normal equations Xᵀr = 0) and, if
    `mean_zero`, to 1 ⇒ cov(u, y) = cov(u, u*) and cov(u*, y) = var(u*).
    `mean_zero=False` drops Σ r_i = 0 (mutation: the canonical set's situation)."""
    u, u_star, y = _vec("u", n), _vec("v", n), _vec("y", n)
    r = [a - b for a, b in zip(u_star, y)]
    premises = (dot(r, u) == 0, dot(r, u_star) == 0,
                *((z3.Sum(r) == 0,) if mean_zero else ()))
    return _unsat(f"mean_zero_residual_keeps_covariances_n{n}",
                  f"Xᵀr = 0 and Σ r_i = 0 ⇒ cov(u(w), y) = cov(u(w), u(W*)), cov(u(W*), y) = σ²(W*) (n = {n})",
                  (z3.Or(_cov(u, y) != _cov(u, u_star), _cov(u_star, y) != _variance(u_star)),),
                  premises=premises)


def constants_in_span_give_mean_zero_residual(n: int = 3, d: int = 2,
                                              normal_equations: bool = True) -> Obligation:
    """Xv = 1 and Xᵀr = 0 ⇒ Σ_i r_i = 0 (`normal_equations=False` drops Xᵀr = 0: mutation)."""
    X, v, r = _matrix("x", n, d), _vec("v", d), _vec("r", n)
    premises = (*[e == 1 for e in _times(X, v)],
                *([e == 0 for e in _transpose_times(X, r)] if normal_equations else []))
    return _unsat("constants_in_span_give_mean_zero_residual",
                  f"Xv = 1 and Xᵀr = 0 ⇒ Σ r_i = 0 (n = {n}, d = {d})",
                  (z3.Sum(r) != 0,), premises=premises)


# --- (a) n <= d ---------------------------------------------------------------------------------

def fewer_points_than_dimensions_make_gram_singular(n: int, d: int) -> Obligation:
    """det(XᵀX) = 0 for every n×d matrix X with n < d (for n >= d the query is sat: mutation)."""
    X = _matrix("x", n, d)
    return Obligation(
        name=f"fewer_points_than_dimensions_make_gram_singular_{n}x{d}",
        statement=f"det(Σ x_i x_iᵀ) = 0 for all n = {n} points in R^{d}",
        expected="unsat" if n < d else "sat", query=(_det(_gram(X)) != 0,))


def square_invertible_data_interpolated(d: int, invertible: bool = True) -> Obligation:
    """n = d, det X != 0 and the normal equations Xᵀ(Xw - y) = 0 ⇒ Xw = y
    (`invertible=False` drops det X != 0: mutation)."""
    X, w, y = _matrix("x", d, d), _vec("w", d), _vec("y", d)
    residual = [a - b for a, b in zip(_times(X, w), y)]
    premises = (*((_det(X) != 0,) if invertible else ()),
                *[e == 0 for e in _transpose_times(X, residual)])
    return _unsat(f"square_invertible_data_interpolated_d{d}",
                  f"n = d = {d}, det X != 0, XᵀXW* = Xᵀy ⇒ XW* = y",
                  (z3.Or([e != 0 for e in residual]),), premises=premises)


# --- (c) Σ singular, A invertible ---------------------------------------------------------------

def zero_variance_makes_outputs_constant(n: int, zero: bool = True) -> Obligation:
    """var(u) = 0 ⇒ u_i = μ for every i (`zero=False`: var(u) = 1, mutation)."""
    u = _vec("u", n)
    premises = (_variance(u) == (0 if zero else 1),)
    return _unsat(f"zero_variance_makes_outputs_constant_n{n}",
                  f"vᵀΣv = var(Xv) = 0 ⇒ <v, x_i> = <v, x̄> for every i (n = {n})",
                  (z3.Or([e != 0 for e in _centered(u)]),), premises=premises)


def affine_hyperplane_misses_origin(n: int = 3, d: int = 2, nonzero: bool = True) -> Obligation:
    """Xv = 0 with v != 0 ⇒ det(XᵀX) = 0; so κ = <v, x_i> != 0 when A is invertible
    (`nonzero=False` drops v != 0: mutation)."""
    X, v = _matrix("x", n, d), _vec("v", d)
    premises = (*[e == 0 for e in _times(X, v)], *((z3.Or([e != 0 for e in v]),) if nonzero else ()))
    return _unsat("affine_hyperplane_misses_origin",
                  f"all <v, x_i> = 0 with v != 0 ⇒ Σ x_i x_iᵀ singular (n = {n}, d = {d})",
                  (_det(_gram(X)) != 0,), premises=premises)


# --- (d) dimension 1 ----------------------------------------------------------------------------

def dimension_one_bn_loss_depends_on_sign_only(n: int, same_sign: bool = True) -> Obligation:
    """d = 1: L̂(w) = L̂(w') for w·w' > 0 and σ > 0 (`same_sign=False`: w·w' < 0, mutation)."""
    x, y = _vec("x", n), _vec("y", n)
    w, w2 = z3.Reals("w w2")
    u, u2 = [w * xi for xi in x], [w2 * xi for xi in x]
    s, s_def = positive_root("s", _variance(u))
    s2, s2_def = positive_root("s2", _variance(u2))
    return _unsat(f"dimension_one_bn_loss_depends_on_sign_only_n{n}",
                  f"d = 1: L̂(w) = L̂(w') whenever w·w' > 0 (n = {n})",
                  (bn_loss_of_outputs(u, y, s) != bn_loss_of_outputs(u2, y, s2),),
                  definitions=(*s_def, *s2_def), premises=(w * w2 > 0 if same_sign else w * w2 < 0,))


# --- two points, any dimension (no unique-W* hypothesis) -------------------------------------------

def two_points_standardize_to_signs(n: int = 2) -> Obligation:
    """n = 2: the standardized outputs are (1, -1) or (-1, 1), so L̂ takes two values and is
    locally constant: every w with σ(w) > 0 is a local minimiser (n = 3: sat, the mutation)."""
    u = _vec("u", n)
    s, s_def = positive_root("s", _variance(u))
    z = [a / s for a in _centered(u)]
    signs = z3.Or(z3.And(z[0] == 1, z[1] == -1), z3.And(z[0] == -1, z[1] == 1))
    return _unsat(f"two_points_standardize_to_signs_n{n}",
                  f"n = {n}: the standardized outputs are ±(1, -1) (L̂ locally constant)",
                  (z3.Not(signs),), definitions=s_def)


def minimality_obligations() -> list[Obligation]:
    """Every step of the minimality argument, in the order of the module docstring."""
    return [
        *[centering_and_variance_scale(n) for n in OUTPUT_SIZES],
        standardization_is_scale_invariant(),
        ray_point_meets_lemma_bound(),
        lemma_bound_nonnegative(),
        *[bn_loss_identity_in_outputs(n) for n in OUTPUT_SIZES],
        *[covariance_lagrange_identity(n) for n in OUTPUT_SIZES],
        cauchy_schwarz_bound_is_minimum(),
        *[mean_zero_residual_keeps_covariances(n) for n in OUTPUT_SIZES],
        constants_in_span_give_mean_zero_residual(),
        fewer_points_than_dimensions_make_gram_singular(1, 2),
        fewer_points_than_dimensions_make_gram_singular(2, 3),
        square_invertible_data_interpolated(2),
        square_invertible_data_interpolated(3),
        *[zero_variance_makes_outputs_constant(n) for n in OUTPUT_SIZES],
        affine_hyperplane_misses_origin(),
        *[dimension_one_bn_loss_depends_on_sign_only(n) for n in (2, 3)],
        two_points_standardize_to_signs(),
    ]
