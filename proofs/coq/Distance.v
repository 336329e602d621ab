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
