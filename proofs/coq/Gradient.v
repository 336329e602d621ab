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

Lemma dG_at_w_star : dG1 (2, 0) = 0 /\ dG2 (2, 0) = - 3 * sqrt 2 / 4.
Proof.
  destruct (sqrt_pos_sq 2 ltac:(lra)) as [H0 H2].
  unfold dG1, dG2. rewrite q_w_star, sqrt_8_9. unfold A; cbn [fst snd].
  split; field_simplify_eq; try lra; nra.
Qed.

Theorem bn_gradient_at_w_star :
  is_derive (fun t => Lhat (t, snd W_star)) (fst W_star) 0 /\
  is_derive (fun t => Lhat (fst W_star, t)) (snd W_star) (- 3 * sqrt 2 / 4).
Proof.
  unfold W_star; cbn [fst snd].
  assert (Hq : q (2, 0) > 0) by (unfold q; cbn [fst snd]; lra).
  destruct dG_at_w_star as [E1 E2]. destruct (G_partials 2 0 Hq) as [D1 D2].
  rewrite E1 in D1. rewrite E2 in D2. split.
  - apply is_derive_ext_loc with (f := fun t => G (t, 0)); [|exact D1].
    exists (mkposreal 1 Rlt_0_1). intros t Ht. symmetry. apply Lhat_eq_G.
    unfold ball in Ht; simpl in Ht; unfold AbsRing_ball, abs, minus, plus, opp in Ht;
    simpl in Ht. apply Rabs_lt_between in Ht. intro E. inversion E. lra.
  - apply is_derive_ext with (f := fun t => G (2, t)); [|exact D2].
    intro t. symmetry. apply Lhat_eq_G. intro E. inversion E. lra.
Qed.

(** ∇L̂ at W* as a gradient: L̂ is (Fréchet) differentiable at W*, with derivative
    h ↦ <(0, -3√2/4), h>. Near W* the literal L̂ equals G (BnLoss.v), and [G_frechet]
    (Derivatives.v) gives G's derivative from its partial derivatives. *)
Theorem bn_gradient_at_w_star_frechet :
  filterdiff (fun w : R * R => Lhat w) (locally W_star)
    (fun h : R * R => fst h * 0 + snd h * (- 3 * sqrt 2 / 4)).
Proof.
  unfold W_star. destruct dG_at_w_star as [E1 E2].
  apply filterdiff_ext_locally with (f := G).
  - exists (mkposreal 1 Rlt_0_1). intros [u1 u2] [Hu1 _]. symmetry. apply Lhat_eq_G.
    unfold ball in Hu1; simpl in Hu1; unfold AbsRing_ball, abs, minus, plus, opp in Hu1;
    simpl in Hu1. apply Rabs_lt_between in Hu1. intro E. inversion E. lra.
  - apply (filterdiff_ext_lin G (fun h => fst h * dG1 (2, 0) + snd h * dG2 (2, 0))).
    + apply G_frechet. unfold q; cbn [fst snd]. lra.
    + intro h. rewrite E1, E2. reflexivity.
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
