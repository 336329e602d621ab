(** * The squared distance from W* to Ŵ* is 18/17

    Ŵ* is the open ray {t(5,3) : t > 0} (BnOptima.v), so its distance from W0 is the distance to
    the ray (RayDistance.v). For W0 = W* = (2,0): <W*, d> = 10 > 0, and the squared distance is
    ||W*||^2 - <W*,d>^2/||d||^2 = 4 - 100/34 = 18/17, attained at (10/34)(5,3). *)

From Coq Require Import Reals Lra Psatz.
From BN Require Import Definitions Facts BnOptima RayDistance.
Open Scope R_scope.

Lemma W_hat_star_is_ray : forall v, W_hat_star v <-> ray v.
Proof.
  intro v. unfold W_hat_star, ray, vscale, d. rewrite bn_optima. cbn [fst snd].
  split; intros [t Ht]; exists t; exact Ht.
Qed.

Lemma dist_to_W_hat_star (W0 : vec) : dist_to_set W_hat_star W0 = dist_to_set ray W0.
Proof. apply dist_to_set_ext, W_hat_star_is_ray. Qed.

Theorem distance_w_star : dist_to_set W_hat_star W_star ^ 2 = 18 / 17.
Proof.
  rewrite dist_to_W_hat_star, dist_to_ray_pos.
  - unfold W_star, dot, d; cbn [fst snd]. rewrite pow2_sqrt; lra.
  - unfold W_star, dot, d; cbn [fst snd]. lra.
Qed.


(** The same value without the conventions of [dist_to_set] ([Glb_Rbar], [real]): Ŵ* has a point
    closest to W*, (5/17)(5,3) = (25/17, 15/17), at squared distance 18/17. *)
Theorem distance_w_star_attained :
  exists v, W_hat_star v /\ euclid_dist W_star v ^ 2 = 18 / 17 /\
    forall v', W_hat_star v' -> euclid_dist W_star v ^ 2 <= euclid_dist W_star v' ^ 2.
Proof.
  assert (E : forall t, euclid_dist W_star (vscale t d) ^ 2 = 18 / 17 + 34 * (t - 5 / 17) ^ 2).
  { intro t. rewrite dist_to_ray_sq. unfold W_star; cbn [fst snd].
    rewrite pow2_sqrt; [field|]. pose proof (pow2_ge_0 (2 - 5 * t)).
    pose proof (pow2_ge_0 (0 - 3 * t)). lra. }
  exists (vscale (5 / 17) d). split; [|split].
  - apply W_hat_star_is_ray. exists (5 / 17). split; [lra | reflexivity].
  - rewrite E. field.
  - intros v' Hv'. apply W_hat_star_is_ray in Hv'. destruct Hv' as [t [Ht ->]].
    rewrite !E. pose proof (pow2_ge_0 (t - 5 / 17)). field_simplify. lra.
Qed.
