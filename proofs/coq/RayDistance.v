(** * Distance from W0 to the open ray {t·d : t > 0}, d = (5,3), as an infimum

    [dist_to_set_char]: r is the distance (Coquelicot's [Glb_Rbar] of the distances) as soon as
    r is a lower bound that is approached: (∀ v ∈ S, r <= ||W0 - v||) and
    (∀ ε > 0, ∃ v ∈ S, ||W0 - v|| < r + ε).

    With p = <W0, d> and ||d||^2 = 34:  ||W0 - t d||^2 = ||W0||^2 - p^2/34 + 34 (t - p/34)^2.
    - If p > 0 the closest point is (p/34) d and the squared distance is ||W0||^2 - p^2/34.
    - If p <= 0 there is no closest point: ||W0 - t d||^2 = ||W0||^2 - 2tp + 34t^2 >= ||W0||^2,
      approached as t -> 0+ (t = ε^2/(K + ε^2), K = 34 - 2p, gives less than ||W0||^2 + ε^2). *)

From Coq Require Import Reals Lra Psatz.
From Coquelicot Require Import Rbar Lub.
From BN Require Import Definitions Facts.
Open Scope R_scope.

Definition ray (v : vec) : Prop := exists t, t > 0 /\ v = vscale t d.

Lemma dist_to_set_char (S : vec -> Prop) (W0 : vec) (r : R) :
  (forall v, S v -> r <= euclid_dist W0 v) ->
  (forall eps, eps > 0 -> exists v, S v /\ euclid_dist W0 v < r + eps) ->
  dist_to_set S W0 = r.
Proof.
  intros Hlb Happ. unfold dist_to_set.
  rewrite (is_glb_Rbar_unique _ (Finite r)); [reflexivity|]. split.
  - intros x [v [Hv ->]]. simpl. apply Hlb, Hv.
  - intros b Hb. destruct b as [b| |]; simpl; auto.
    + destruct (Rle_or_lt b r) as [H|H]; [exact H|]. exfalso.
      destruct (Happ (b - r)) as [v [Hv Hd]]; [lra|].
      specialize (Hb _ (ex_intro _ v (conj Hv eq_refl))). simpl in Hb. lra.
    + destruct (Happ 1) as [v [Hv Hd]]; [lra|].
      exact (Hb _ (ex_intro _ v (conj Hv eq_refl))).
Qed.

Lemma dist_to_set_ext (S T : vec -> Prop) (W0 : vec) :
  (forall v, S v <-> T v) -> dist_to_set S W0 = dist_to_set T W0.
Proof.
  intro H. unfold dist_to_set. f_equal. apply Glb_Rbar_eqset. intro x.
  split; intros [v [Hv E]]; exists v; split; try apply H; assumption.
Qed.

Lemma dist_to_ray_sq (W0 : vec) (t : R) :
  euclid_dist W0 (vscale t d) = sqrt ((fst W0 - 5 * t) ^ 2 + (snd W0 - 3 * t) ^ 2).
Proof. unfold euclid_dist, euclid_norm, vsub, vscale, dot, d; cbn [fst snd]. f_equal. ring. Qed.

Lemma dist_to_ray_pos (W0 : vec) :
  dot W0 d > 0 -> dist_to_set ray W0 = sqrt (dot W0 W0 - dot W0 d ^ 2 / 34).
Proof.
  destruct W0 as [a b]. unfold dot, d; cbn [fst snd]. intro Hp.
  apply dist_to_set_char.
  - intros v [t [Ht ->]]. rewrite dist_to_ray_sq; cbn [fst snd].
    apply sqrt_le_1_alt.
    assert (0 <= 34 * (t - (a * 5 + b * 3) / 34) ^ 2) by (pose proof (pow2_ge_0 (t - (a * 5 + b * 3) / 34)); lra).
    assert (E : (a - 5 * t) ^ 2 + (b - 3 * t) ^ 2
                = a * a + b * b - (a * 5 + b * 3) ^ 2 / 34 + 34 * (t - (a * 5 + b * 3) / 34) ^ 2)
      by field.
    lra.
  - intros eps Heps. exists (vscale ((a * 5 + b * 3) / 34) d). split.
    + exists ((a * 5 + b * 3) / 34). split; [lra | reflexivity].
    + rewrite dist_to_ray_sq; cbn [fst snd].
      replace ((a - 5 * ((a * 5 + b * 3) / 34)) ^ 2 + (b - 3 * ((a * 5 + b * 3) / 34)) ^ 2)
        with (a * a + b * b - (a * 5 + b * 3) ^ 2 / 34) by field.
      lra.
Qed.

Lemma dist_to_ray_nonpos (W0 : vec) :
  dot W0 d <= 0 -> dist_to_set ray W0 = sqrt (dot W0 W0).
Proof.
  destruct W0 as [a b]. unfold dot, d; cbn [fst snd]. intro Hp.
  apply dist_to_set_char.
  - intros v [t [Ht ->]]. rewrite dist_to_ray_sq; cbn [fst snd].
    apply sqrt_le_1_alt. nra.
  - intros eps Heps. set (K := 34 - 2 * (a * 5 + b * 3)).
    assert (HK : K > 0) by (unfold K; lra).
    set (t := eps * eps / (K + eps * eps)).
    assert (Ht0 : t > 0) by (unfold t; apply Rdiv_lt_0_compat; nra).
    assert (HtK : t * (K + eps * eps) = eps * eps) by (unfold t; field; nra).
    assert (Ht1 : t < 1) by nra.
    exists (vscale t d). split; [exists t; split; [exact Ht0 | reflexivity]|].
    rewrite dist_to_ray_sq; cbn [fst snd].
    destruct (sqrt_nonneg_sq (a * a + b * b)) as [Hs Hss]; [nra|].
    pose proof (pow2_ge_0 (a - 5 * t)); pose proof (pow2_ge_0 (b - 3 * t)).
    apply sqrt_lt_of_sq; [lra | lra |].
    assert (0 < t * (eps * eps)) by (apply Rmult_lt_0_compat; nra).
    assert (t * K < eps * eps) by lra.
    assert (0 < t * (1 - t)) by (apply Rmult_lt_0_compat; lra).
    assert (0 <= eps * sqrt (a * a + b * b)) by (apply Rmult_le_pos; lra).
    unfold K in *. lra.
Qed.
