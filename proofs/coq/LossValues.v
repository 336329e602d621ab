(** * Values of the BN loss: L̂ at W* is (16 - 7√2)/3, and min L̂ = (16 - 2√38)/3, attained on
    the ray

    From the closed form L̂(w) = 16/3 - (2/9) A(w)/σ(w) (BnLoss.v): at W* = (2,0), A = 14 and
    σ = √(8/9) = 2√2/3; at (5,3), A = 38 and σ = √38/3; and (5,3) is a global minimiser
    (BnOptima.v, Cauchy–Schwarz). Since 2√38 > 7√2 (152 > 98), L̂ at W* is strictly larger than the
    minimum: W* is not a BN optimum. *)

From Coq Require Import Reals Lra Psatz.
From BN Require Import Definitions Facts BnLoss BnOptima.
Open Scope R_scope.

Theorem bn_loss_at_w_star : Lhat W_star = (16 - 7 * sqrt 2) / 3.
Proof.
  assert (Hd : bn_domain W_star) by (apply bn_domain_iff; unfold q, W_star; cbn [fst snd]; lra).
  rewrite (Lhat_identity _ Hd), sigma_closed_form.
  replace (2 / 9 * q W_star) with (8 / 9) by (unfold q, W_star; cbn [fst snd]; field).
  destruct (sqrt_pos_sq 2) as [H0 H2]; [lra|].
  rewrite (sqrt_of_sq (2 * sqrt 2 / 3) (8 / 9)) by nra.
  unfold A, W_star; cbn [fst snd]. field_simplify_eq; [|lra]. nra.
Qed.

Theorem bn_min_loss :
  Lhat d = (16 - 2 * sqrt 38) / 3 /\ forall w, bn_domain w -> Lhat d <= Lhat w.
Proof.
  assert (Hd : bn_domain (1 * 5, 1 * 3)) by (apply ray_in_domain; lra).
  replace d with (1 * 5, 1 * 3) by (unfold d; f_equal; ring).
  split.
  - rewrite (Lhat_identity _ Hd), sigma_closed_form.
    replace (2 / 9 * q (1 * 5, 1 * 3)) with (38 / 9) by (unfold q; cbn [fst snd]; field).
    destruct (sqrt_pos_sq 38) as [H0 H2]; [lra|].
    rewrite (sqrt_of_sq (sqrt 38 / 3) (38 / 9)) by nra.
    unfold A; cbn [fst snd]. field_simplify_eq; [|lra]. nra.
  - intros w Hw. apply (Lhat_le_iff w _ Hd Hw). apply positive_ray_is_max; [lra | exact Hw].
Qed.

Corollary w_star_is_not_a_bn_minimum : Lhat d < Lhat W_star.
Proof.
  rewrite (proj1 bn_min_loss), bn_loss_at_w_star.
  destruct (sqrt_pos_sq 2) as [H0 H2]; [lra|]. destruct (sqrt_pos_sq 38) as [H1 H3]; [lra|].
  (* 2√38 > 7√2: both positive, squares 152 > 98 *)
  assert (7 * sqrt 2 < 2 * sqrt 38) by nra. lra.
Qed.
