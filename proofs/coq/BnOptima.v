(** * The BN optima: Ŵ* = the open ray {t·(5,3) : t > 0}

    [bn_optima]: w is a local minimiser of L̂ on its domain σ > 0 iff w = t·(5,3), t > 0.

    Proof, with the closed form L̂(w) = 16/3 - (2/9) A(w)/σ(w) (BnLoss.v), σ(w)^2 = (2/9) q(w):
    - Comparison: L̂(w) <= L̂(v) iff A(v) σ(w) <= A(w) σ(v) (clear the positive denominators).
    - Cauchy–Schwarz: A(v)^2 <= 76 q(v), with equality iff 3 v1 = 5 v2 (BnLoss.v). On the ray
      w = t(5,3): A(w) = 38 t, q(w) = 19 t^2, so A(w)^2 = 76 q(w).
      t > 0: A(v) σ(w) <= A(w) σ(v) for every v (compare squares when A(v) > 0), so every ray
      point is a global, hence local, minimiser.
      t < 0: A(w) σ(v) < A(v) σ(w) for every v off the line 3 v1 = 5 v2, so every neighbourhood
      of w holds a strictly lower point and w is not a local minimiser.
    - A local minimiser is stationary: restricted to a coordinate line through w, L̂ is the
      smooth G (Derivatives.v) with a local minimum at w, so its derivative vanishes there
      (Coq's [deriv_minimum]). ∂G/∂w1 = ∂G/∂w2 = 0 give 14 q = A (2 w1 - w2) and
      2 q = A (2 w2 - w1), hence A (15 w2 - 9 w1) = 0; A = 0 would force q = 0, so 3 w1 = 5 w2:
      w lies on the line through (5,3), and by the t < 0 case on the positive ray. *)

From Coq Require Import Reals Lra Psatz.
From Coquelicot Require Import Coquelicot.
From BN Require Import Definitions Facts BnLoss Derivatives.
Open Scope R_scope.

(** Comparison of two closed-form values with positive denominators. *)
Lemma closed_form_le (a b sw sv : R) :
  sw > 0 -> sv > 0 ->
  (16 / 3 - 2 / 9 * a / sw <= 16 / 3 - 2 / 9 * b / sv <-> b * sw <= a * sv).
Proof.
  intros Hw Hv.
  assert (E : (16 / 3 - 2 / 9 * b / sv) - (16 / 3 - 2 / 9 * a / sw)
              = 2 / 9 * (a * sv - b * sw) * / (sv * sw)) by (field; lra).
  assert (HX : / (sv * sw) > 0) by (apply Rinv_0_lt_compat; nra).
  set (X := / (sv * sw)) in *. split; intro H; nra.
Qed.

Lemma closed_form_lt (a b sw sv : R) :
  sw > 0 -> sv > 0 ->
  (16 / 3 - 2 / 9 * b / sv < 16 / 3 - 2 / 9 * a / sw <-> a * sv < b * sw).
Proof.
  intros Hw Hv. pose proof (closed_form_le a b sw sv Hw Hv) as E. split; intro H.
  - destruct (Rlt_or_le (a * sv) (b * sw)) as [Hlt|Hle]; [exact Hlt|].
    apply E in Hle. lra.
  - destruct (Rlt_or_le (16 / 3 - 2 / 9 * b / sv) (16 / 3 - 2 / 9 * a / sw)) as [Hlt|Hle];
      [exact Hlt|].
    apply E in Hle. lra.
Qed.

Lemma Lhat_le_iff (v w : vec) :
  bn_domain w -> bn_domain v -> (Lhat w <= Lhat v <-> A v * sigma w <= A w * sigma v).
Proof.
  intros Hw Hv. rewrite (Lhat_identity w Hw), (Lhat_identity v Hv).
  apply closed_form_le; assumption.
Qed.

Lemma Lhat_lt_iff (v w : vec) :
  bn_domain w -> bn_domain v -> (Lhat v < Lhat w <-> A w * sigma v < A v * sigma w).
Proof.
  intros Hw Hv. rewrite (Lhat_identity w Hw), (Lhat_identity v Hv).
  apply closed_form_lt; assumption.
Qed.

Lemma ray_point_facts (t : R) :
  A (t * 5, t * 3) = 38 * t /\ q (t * 5, t * 3) = 19 * t ^ 2.
Proof. unfold A, q; cbn [fst snd]. split; ring. Qed.

Lemma ray_in_domain (t : R) : t <> 0 -> bn_domain (t * 5, t * 3).
Proof.
  intro Ht. apply bn_domain_iff. rewrite (proj2 (ray_point_facts t)).
  pose proof (Rsqr_pos_lt t Ht). unfold Rsqr in *. simpl. lra.
Qed.

(** On the positive ray: A(v) σ(w) <= A(w) σ(v) for every v of the domain. *)
Lemma positive_ray_is_max (t : R) (v : vec) :
  t > 0 -> bn_domain v ->
  A v * sigma (t * 5, t * 3) <= A (t * 5, t * 3) * sigma v.
Proof.
  intros Ht Hv.
  assert (Hw : bn_domain (t * 5, t * 3)) by (apply ray_in_domain; lra).
  destruct (sigma_sq _ Hw) as [Hsw Hsw2]. destruct (sigma_sq _ Hv) as [Hsv Hsv2].
  destruct (ray_point_facts t) as [EA Eq]. rewrite EA. rewrite Eq in Hsw2.
  set (sw := sigma (t * 5, t * 3)) in *. set (sv := sigma v) in *.
  pose proof (cauchy_schwarz_identity v) as CS.
  pose proof (pow2_ge_0 (3 * fst v - 5 * snd v)).
  set (a := A v) in *.
  destruct (Rle_or_lt a 0) as [Ha|Ha].
  - assert (0 <= 38 * t * sv) by (apply Rmult_le_pos; nra). nra.
  - (* both sides positive: compare the squares *)
    assert (Hsq : (a * sw) * (a * sw) <= (38 * t * sv) * (38 * t * sv)).
    { replace ((a * sw) * (a * sw)) with (a ^ 2 * (sw * sw)) by ring.
      replace ((38 * t * sv) * (38 * t * sv)) with (1444 * t ^ 2 * (sv * sv)) by ring.
      rewrite Hsw2, Hsv2. assert (0 <= t ^ 2) by apply pow2_ge_0. nra. }
    assert (0 < 38 * t * sv) by (apply Rmult_lt_0_compat; lra).
    nra.
Qed.

(** On the negative ray: A(w) σ(v) < A(v) σ(w) for every v of the domain off the line. *)
Lemma negative_ray_is_strict_max (t : R) (v : vec) :
  t < 0 -> bn_domain v -> 3 * fst v <> 5 * snd v ->
  A (t * 5, t * 3) * sigma v < A v * sigma (t * 5, t * 3).
Proof.
  intros Ht Hv Hoff.
  assert (Hw : bn_domain (t * 5, t * 3)) by (apply ray_in_domain; lra).
  destruct (sigma_sq _ Hw) as [Hsw Hsw2]. destruct (sigma_sq _ Hv) as [Hsv Hsv2].
  destruct (ray_point_facts t) as [EA Eq]. rewrite EA. rewrite Eq in Hsw2.
  set (sw := sigma (t * 5, t * 3)) in *. set (sv := sigma v) in *.
  pose proof (cauchy_schwarz_identity v) as CS.
  assert (Hoff2 : 0 < (3 * fst v - 5 * snd v) ^ 2).
  { assert (3 * fst v - 5 * snd v <> 0) by lra.
    pose proof (Rsqr_pos_lt _ H). unfold Rsqr in *. simpl. lra. }
  set (a := A v) in *.
  destruct (Rle_or_lt 0 a) as [Ha|Ha].
  - assert (0 <= a * sw) by (apply Rmult_le_pos; lra).
    assert (38 * t * sv < 0) by (assert (0 < - t * sv) by (apply Rmult_lt_0_compat; lra); nra).
    lra.
  - assert (Hsq : (a * sw) * (a * sw) < (38 * t * sv) * (38 * t * sv)).
    { replace ((a * sw) * (a * sw)) with (a ^ 2 * (sw * sw)) by ring.
      replace ((38 * t * sv) * (38 * t * sv)) with (1444 * t ^ 2 * (sv * sv)) by ring.
      rewrite Hsw2, Hsv2. assert (0 < t ^ 2) by (simpl; nra). nra. }
    assert (38 * t * sv < 0) by (assert (0 < - t * sv) by (apply Rmult_lt_0_compat; lra); nra).
    assert (a * sw < 0) by (assert (0 < - a * sw) by (apply Rmult_lt_0_compat; lra); nra).
    nra.
Qed.

Lemma Lhat_eq_G_dom (w : vec) : bn_domain w -> Lhat w = G w.
Proof. intro H. apply Lhat_eq_G, q_pos_iff, bn_domain_iff, H. Qed.

(** A local minimiser has a ball of the domain on which it is minimal. *)
Lemma local_min_ball (w : vec) :
  local_min Lhat bn_domain w ->
  exists delta, delta > 0 /\
    forall v, euclid_dist v w < delta -> bn_domain v /\ Lhat w <= Lhat v.
Proof.
  intros [Hw [eps [Heps Hmin]]].
  assert (Hq : q w > 0) by (apply bn_domain_iff, Hw).
  assert (Hn : euclid_norm w > 0).
  { unfold euclid_norm. apply sqrt_lt_R0. rewrite q_as_squares in Hq. unfold dot.
    destruct w as [w1 w2]; cbn [fst snd] in *. nra. }
  exists (Rmin eps (euclid_norm w)). split; [apply Rmin_glb_lt; assumption|].
  intros v Hv.
  assert (Hvd : bn_domain v).
  { apply bn_domain_iff, q_pos_iff. intro E. subst v.
    assert (euclid_dist (0, 0) w = euclid_norm w).
    { unfold euclid_dist, euclid_norm, vsub, dot; cbn [fst snd]. f_equal. ring. }
    pose proof (Rmin_r eps (euclid_norm w)). lra. }
  split; [exact Hvd|]. apply Hmin; [exact Hvd|].
  pose proof (Rmin_l eps (euclid_norm w)). lra.
Qed.

Lemma dist_along_line (a b c e delta : R) :
  delta > 0 -> a - delta < b < a + delta -> c = e ->
  euclid_dist (b, c) (a, e) < delta /\ euclid_dist (c, b) (e, a) < delta.
Proof.
  intros Hd [H1 H2] ->.
  assert (Hsq : (b - a) * (b - a) < delta * delta) by nra.
  pose proof (Rle_0_sqr (b - a)). unfold Rsqr in *.
  unfold euclid_dist, euclid_norm, vsub, dot; cbn [fst snd].
  replace (e - e) with 0 by ring.
  split; apply sqrt_lt_of_sq; lra.
Qed.

(** One dimension: a function minimal at c on (c - δ, c + δ) has derivative 0 at c. *)
Lemma line_min_derivative_zero (g : R -> R) (c l delta : R) :
  delta > 0 -> is_derive g c l ->
  (forall t, c - delta < t < c + delta -> g c <= g t) -> l = 0.
Proof.
  intros Hd D Hmin. apply is_derive_Reals in D.
  pose (pr := exist (fun l => derivable_pt_lim g c l) _ D : derivable_pt g c).
  change l with (derive_pt g c pr).
  apply (deriv_minimum _ (c - delta) (c + delta)); [lra | lra |].
  intros t Ht1 Ht2. apply Hmin. lra.
Qed.

(** A local minimiser of L̂ is a stationary point of G. *)
Lemma local_min_stationary (w1 w2 : R) :
  local_min Lhat bn_domain (w1, w2) -> dG1 (w1, w2) = 0 /\ dG2 (w1, w2) = 0.
Proof.
  intro H. assert (Hq : q (w1, w2) > 0) by (apply bn_domain_iff, (proj1 H)).
  destruct (local_min_ball _ H) as [delta [Hd Hball]].
  assert (Hw : Lhat (w1, w2) = G (w1, w2)) by apply (Lhat_eq_G_dom _ (proj1 H)).
  (* on each coordinate line, G equals L̂ near w and is minimal at w *)
  assert (Hline : forall v, euclid_dist v (w1, w2) < delta -> G (w1, w2) <= G v).
  { intros v Hv. destruct (Hball v Hv) as [Hdom Hle].
    rewrite <- Hw, <- (Lhat_eq_G_dom _ Hdom). exact Hle. }
  destruct (G_partials w1 w2 Hq) as [D1 D2]. split.
  - apply (line_min_derivative_zero _ w1 _ delta Hd D1). intros t Ht.
    apply Hline, (dist_along_line w1 t w2 w2 delta Hd Ht eq_refl).
  - apply (line_min_derivative_zero _ w2 _ delta Hd D2). intros t Ht.
    apply Hline, (dist_along_line w2 t w1 w1 delta Hd Ht eq_refl).
Qed.

(** A stationary point of G lies on the line 3 w1 = 5 w2. *)
Lemma stationary_on_line (w1 w2 : R) :
  q (w1, w2) > 0 -> dG1 (w1, w2) = 0 -> dG2 (w1, w2) = 0 -> 3 * w1 = 5 * w2.
Proof.
  intros Hq H1 H2. unfold dG1, dG2 in *. cbn [fst snd] in *.
  destruct (sqrt_pos_sq (2 / 9 * q (w1, w2))) as [Hs Hss]; [lra|].
  set (s := sqrt (2 / 9 * q (w1, w2))) in *. set (a := A (w1, w2)) in *.
  assert (E1 : 14 * (s * s) = a * (2 / 9 * (2 * w1 - w2))).
  { apply (f_equal (fun x => x * (2 * s ^ 3) * (- 9 / 2))) in H1.
    field_simplify in H1; [|lra]. simpl in H1. lra. }
  assert (E2 : 2 * (s * s) = a * (2 / 9 * (2 * w2 - w1))).
  { apply (f_equal (fun x => x * (2 * s ^ 3) * (- 9 / 2))) in H2.
    field_simplify in H2; [|lra]. simpl in H2. lra. }
  rewrite Hss in E1, E2.
  assert (Z : a * (15 * w2 - 9 * w1) = 0) by lra.
  destruct (Rmult_integral _ _ Z) as [Ha|Hl]; [|lra].
  rewrite Ha in E2. lra.
Qed.

(** The local minimisers of L̂ on its domain are exactly the points of the open ray t(5,3). *)
Theorem bn_optima :
  forall w : vec, local_min Lhat bn_domain w <-> exists t, t > 0 /\ w = (t * 5, t * 3).
Proof.
  intros [w1 w2]. split.
  - intro H. assert (Hq : q (w1, w2) > 0) by (apply bn_domain_iff, (proj1 H)).
    destruct (local_min_stationary w1 w2 H) as [S1 S2].
    pose proof (stationary_on_line w1 w2 Hq S1 S2) as Hline.
    set (t := w1 / 5).
    assert (Ew : (w1, w2) = (t * 5, t * 3)) by (unfold t; f_equal; field_simplify; lra).
    exists t. split; [|exact Ew].
    destruct (Rtotal_order t 0) as [Hneg|[Hz|Hpos]]; [exfalso | exfalso | exact Hpos].
    + (* the negative ray: a nearby point off the line is strictly lower *)
      destruct (local_min_ball _ H) as [delta [Hd Hball]].
      set (v := (w1 + delta / 2, w2)).
      destruct (Hball v) as [Hv Hle].
      { apply (dist_along_line w1 (w1 + delta / 2) w2 w2 delta Hd); [lra | reflexivity]. }
      assert (Hoff : 3 * fst v <> 5 * snd v) by (unfold v; cbn [fst snd]; lra).
      pose proof (negative_ray_is_strict_max t v Hneg Hv Hoff) as Hs.
      rewrite Ew in Hle, H.
      apply (Lhat_lt_iff v _ (proj1 H) Hv) in Hs. lra.
    + rewrite Ew in Hq. rewrite (proj2 (ray_point_facts t)), Hz in Hq. simpl in Hq. lra.
  - intros [t [Ht ->]]. split; [apply ray_in_domain; lra|].
    exists 1. split; [lra|]. intros v Hv _.
    apply (Lhat_le_iff v _ (ray_in_domain t ltac:(lra)) Hv).
    apply positive_ray_is_max; assumption.
Qed.
