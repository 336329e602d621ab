(** * The BN gradient at the standard optimum: ∇L̂ at W* is (0, -3√2/4), not zero

    The partial derivatives of the literal L̂ at W* = (2,0), as Coquelicot [is_derive] facts
    about the coordinate restrictions t ↦ L̂(t, 0) and t ↦ L̂(2, t). Near W* the literal L̂ agrees
    with its closed form G (BnLoss.v), whose derivatives Coquelicot's [auto_derive] computes;
    the values then follow from sqrt(8/9) = 2√2/3 and √2 · √2 = 2. *)

From Coq Require Import Reals Lra Psatz.
From Coquelicot Require Import Coquelicot.
From BN Require Import Definitions Facts BnLoss Derivatives.
Open Scope R_scope.

Lemma sqrt_8_9 : sqrt (8 / 9) = 2 * sqrt 2 / 3.
Proof.
  destruct (sqrt_pos_sq 2 ltac:(lra)) as [H0 H2].
  apply sqrt_of_sq; [lra|]. replace (2 * sqrt 2 / 3 * (2 * sqrt 2 / 3))
    with (4 / 9 * (sqrt 2 * sqrt 2)) by field. rewrite H2. field.
Qed.

Lemma q_w_star : 2 / 9 * q (2, 0) = 8 / 9.
Proof. unfold q; cbn [fst snd]. field. Qed.

Theorem bn_gradient_at_w_star :
  is_derive (fun t => Lhat (t, snd W_star)) (fst W_star) 0 /\
  is_derive (fun t => Lhat (fst W_star, t)) (snd W_star) (- 3 * sqrt 2 / 4).
Proof.
  unfold W_star; cbn [fst snd].
  assert (Hq : q (2, 0) > 0) by (unfold q; cbn [fst snd]; lra).
  destruct (sqrt_pos_sq 2 ltac:(lra)) as [H0 H2].
  split.
  - apply is_derive_ext_loc with (f := fun t => G (t, 0)).
    + exists (mkposreal 1 Rlt_0_1). intros t Ht. symmetry. apply Lhat_eq_G.
      unfold ball in Ht; simpl in Ht; unfold AbsRing_ball, abs, minus, plus, opp in Ht;
      simpl in Ht. apply Rabs_lt_between in Ht. intro E. inversion E. lra.
    + assert (E : dG1 (2, 0) = 0).
      { unfold dG1. rewrite q_w_star, sqrt_8_9. unfold A; cbn [fst snd].
        field_simplify_eq; [|lra]. nra. }
      pose proof (proj1 (G_partials 2 0 Hq)) as D. rewrite E in D. exact D.
  - apply is_derive_ext with (f := fun t => G (2, t)).
    + intro t. symmetry. apply Lhat_eq_G. intro E. inversion E. lra.
    + assert (E : dG2 (2, 0) = - 3 * sqrt 2 / 4).
      { unfold dG2. rewrite q_w_star, sqrt_8_9. unfold A; cbn [fst snd].
        field_simplify_eq; [|lra]. nra. }
      pose proof (proj2 (G_partials 2 0 Hq)) as D. rewrite E in D. exact D.
Qed.

(** The gradient of L̂ at W* is not zero: the partial derivative in w2 there is not 0
    (derivatives are unique), so W* is not a stationary point of L̂. *)
Corollary bn_gradient_at_w_star_nonzero :
  ~ is_derive (fun t => Lhat (fst W_star, t)) (snd W_star) 0.
Proof.
  intro D. pose proof (is_derive_unique _ _ _ D) as E0.
  rewrite (is_derive_unique _ _ _ (proj2 bn_gradient_at_w_star)) in E0.
  destruct (sqrt_pos_sq 2 ltac:(lra)) as [H0 _]. lra.
Qed.
