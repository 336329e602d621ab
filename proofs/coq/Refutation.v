(** * Lemma 4.5 of Santurkar et al. (NeurIPS 2018) is false, and where it fails

    [lemma_4_5_false]: it is not the case that for every local optimum W* of the standard
    network and every W0 with <W0, W*> > 0,
      ||W0 - Ŵ*||^2 <= ||W0 - W*||^2 - (||W*||^2 - <W*, W0>)^2 / ||W*||^2        (L4.5)
    with Ŵ* the local optima of the BN network and ||W0 - Ŵ*|| the infimum distance.
    Stated with the definitions of Definitions.v only. Witness W0 = W* = (2,0): the left side
    is 18/17 (Distance.v), the right side is 0.

    [failure_region]: for every W0 with <W0, W*> > 0, (L4.5) fails at W0 iff
    <W0, ŵ - d̂> > 0, with ŵ = W*/||W*|| = (1,0) and d̂ = (5,3)/√34. With W0 = (a,b),
    p = <W0,(5,3)> and r = √34: the right side of (L4.5) is b^2; the left side is
    a^2 + b^2 - p^2/34 if p > 0 (fails iff 34 a^2 > p^2 iff r a > p, as a, p > 0) and a^2 + b^2
    if p <= 0 (always fails, and a - p/r > 0). *)

From Coq Require Import Reals Lra Psatz.
From BN Require Import Definitions Facts StandardOptimum RayDistance Distance.
Open Scope R_scope.

Lemma norm_w_star : euclid_norm W_star = 2.
Proof. unfold euclid_norm, dot, W_star; cbn [fst snd]. apply sqrt_of_sq; lra. Qed.

Lemma lemma_4_5_rhs (W0 : vec) :
  euclid_dist W0 W_star ^ 2 - (euclid_norm W_star ^ 2 - dot W_star W0) ^ 2 / euclid_norm W_star ^ 2
  = snd W0 ^ 2.
Proof.
  rewrite norm_w_star. destruct W0 as [a b].
  unfold euclid_dist, euclid_norm, vsub, dot, W_star; cbn [fst snd].
  rewrite pow2_sqrt
    by (pose proof (Rle_0_sqr (a - 2)); pose proof (Rle_0_sqr (b - 0)); unfold Rsqr in *; lra).
  field.
Qed.

Theorem lemma_4_5_false :
  ~ (forall W0 Wstar : vec,
       W_star_set Wstar ->
       dot W0 Wstar > 0 ->
       dist_to_set W_hat_star W0 ^ 2
         <= euclid_dist W0 Wstar ^ 2
            - (euclid_norm Wstar ^ 2 - dot Wstar W0) ^ 2 / euclid_norm Wstar ^ 2).
Proof.
  intro H.
  assert (Hopt : W_star_set W_star) by (apply standard_local_optima; reflexivity).
  assert (Hp : dot W_star W_star > 0) by (unfold dot, W_star; cbn [fst snd]; lra).
  specialize (H W_star W_star Hopt Hp).
  rewrite distance_w_star, lemma_4_5_rhs in H. unfold W_star in H; cbn [snd] in H. lra.
Qed.

(** (L4.5) fails at W0 = W*. *)
Corollary lemma_4_5_fails_at_w_star : lemma_4_5_fails_at W_star W_star.
Proof.
  split; [unfold dot, W_star; cbn [fst snd]; lra|].
  rewrite distance_w_star, lemma_4_5_rhs. unfold W_star; cbn [snd]. lra.
Qed.

Lemma unit_w_star : unit_vec W_star = (1, 0).
Proof. unfold unit_vec, vscale. rewrite norm_w_star. unfold W_star; cbn [fst snd]. f_equal; field. Qed.

Lemma unit_d : unit_vec d = (5 / sqrt 34, 3 / sqrt 34).
Proof.
  unfold unit_vec, vscale. replace (euclid_norm d) with (sqrt 34)
    by (unfold euclid_norm, dot, d; cbn [fst snd]; f_equal; ring).
  unfold d; cbn [fst snd]. destruct (sqrt_pos_sq 34) as [Hr _]; [lra|].
  f_equal; field; lra.
Qed.

Theorem failure_region :
  forall Wstar W0 : vec,
    W_star_set Wstar ->
    dot W0 Wstar > 0 ->
    (lemma_4_5_fails_at Wstar W0 <-> dot W0 (vsub (unit_vec Wstar) (unit_vec d)) > 0).
Proof.
  intros Wstar W0 Hopt Hp. apply standard_local_optima in Hopt. subst Wstar.
  unfold lemma_4_5_fails_at. rewrite unit_w_star, unit_d, dist_to_W_hat_star, lemma_4_5_rhs.
  destruct W0 as [a b]. unfold dot, W_star in Hp; cbn [fst snd] in Hp.
  destruct (sqrt_pos_sq 34) as [Hr Hrr]; [lra|]. set (r := sqrt 34) in *.
  assert (Ha : a > 0) by lra.
  assert (Eg : dot (a, b) (vsub (1, 0) (5 / r, 3 / r)) = (r * a - (a * 5 + b * 3)) / r)
    by (unfold dot, vsub; cbn [fst snd]; field; lra).
  rewrite Eg. cbn [snd].
  assert (Hpos : forall x, x / r > 0 <-> x > 0).
  { intro x. assert (Hi : / r > 0) by (apply Rinv_0_lt_compat; lra).
    unfold Rdiv. split; intro Hx; nra. }
  rewrite Hpos.
  destruct (Rlt_or_le 0 (dot (a, b) d)) as [Hd|Hd].
  - rewrite dist_to_ray_pos by exact Hd. unfold dot, d in *; cbn [fst snd] in *.
    rewrite pow2_sqrt by (pose proof (pow2_ge_0 (3 * a - 5 * b)); field_simplify; nra).
    set (p := a * 5 + b * 3) in *.
    split.
    + intros [_ H]. destruct (Rle_or_lt (r * a) p) as [Hle|Hlt]; [|lra].
      assert (r * a * (r * a) <= p * p) by (assert (0 < r * a) by nra; nra).
      assert (34 * (a * a) <= p * p) by (rewrite <- Hrr; nra).
      nra.
    + intro H. split; [unfold W_star; cbn [fst snd]; lra|].
      assert (p * p < r * a * (r * a)) by nra.
      assert (p * p < 34 * (a * a)) by (rewrite <- Hrr; nra).
      nra.
  - rewrite dist_to_ray_nonpos by exact Hd. unfold dot, d in *; cbn [fst snd] in *.
    rewrite pow2_sqrt by nra.
    split; intros _; [nra|]. split; [unfold W_star; cbn [fst snd]; lra | nra].
Qed.

(** The refutation under every reading of "W*" in the lemma (every standard optimum, or the
    closest one, or some one): the standard network has a local optimum, and at W0 = (2,0) the
    lemma fails for each of its local optima. *)
Theorem lemma_4_5_fails_for_every_standard_optimum :
  (exists Wstar, W_star_set Wstar) /\
  exists W0, forall Wstar, W_star_set Wstar -> lemma_4_5_fails_at Wstar W0.
Proof.
  split.
  - exists W_star. apply standard_local_optima. reflexivity.
  - exists W_star. intros Wstar H. apply standard_local_optima in H. subst Wstar.
    exact lemma_4_5_fails_at_w_star.
Qed.

(** The failure region as the spec states it (docs/spec.md §3 and §5): (L4.5) fails at W0 iff
    <W0, ŵ - d̂> > 0 and <W0, W*> > 0, for every W0 of R^2. *)
Corollary failure_region_spec :
  forall Wstar W0 : vec,
    W_star_set Wstar ->
    (lemma_4_5_fails_at Wstar W0 <->
     dot W0 (vsub (unit_vec Wstar) (unit_vec d)) > 0 /\ dot W0 Wstar > 0).
Proof.
  intros Wstar W0 Hopt. split.
  - intro H. pose proof (proj1 H) as Hp. split; [|exact Hp].
    apply (failure_region Wstar W0 Hopt Hp), H.
  - intros [Hr Hp]. apply (failure_region Wstar W0 Hopt Hp), Hr.
Qed.
