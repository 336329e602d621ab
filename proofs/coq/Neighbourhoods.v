(** * The explicit ε-ball of [local_min] is Coquelicot's neighbourhood filter [locally]

    [local_min F D w] (Definitions.v) asks for an open Euclidean ball around w on which F is
    minimal at w (among the points of D). [local_min_iff_locally] shows that this is the
    standard notion: "F w <= F v for every v of D in some neighbourhood of w", with
    neighbourhoods those of Coquelicot's topology on R × R (balls of the max norm: a Euclidean
    ball of radius ε contains the max-norm ball of radius ε/2, and a max-norm ball of radius δ
    contains the Euclidean ball of radius δ). *)

From Coq Require Import Reals Lra Psatz.
From Coquelicot Require Import Coquelicot.
From BN Require Import Definitions Facts.
Open Scope R_scope.

Lemma euclid_dist_sq (v w : vec) :
  euclid_dist v w = sqrt ((fst v - fst w) ^ 2 + (snd v - snd w) ^ 2).
Proof. unfold euclid_dist, euclid_norm, vsub, dot; cbn [fst snd]. f_equal. ring. Qed.

Ltac ball_to_abs H :=
  unfold ball in H; simpl in H; unfold AbsRing_ball, abs, minus, plus, opp in H; simpl in H;
  apply Rabs_lt_between in H.

Theorem local_min_iff_locally (F : vec -> R) (D : vec -> Prop) (w : vec) :
  local_min F D w <-> D w /\ locally (w : R * R) (fun v : R * R => D v -> F w <= F v).
Proof.
  destruct w as [w1 w2]. split.
  - intros [Hw [eps [Heps Hmin]]]. split; [exact Hw|].
    exists (mkposreal (eps / 2) ltac:(lra)). intros [v1 v2] [H1 H2] Hv. apply (Hmin _ Hv).
    ball_to_abs H1. ball_to_abs H2.
    rewrite euclid_dist_sq; cbn [fst snd] in *.
    pose proof (pow2_ge_0 (v1 - w1)). pose proof (pow2_ge_0 (v2 - w2)).
    apply sqrt_lt_of_sq; [lra | lra |]. simpl. nra.
  - intros [Hw [delta Hball]]. split; [exact Hw|]. exists delta. split; [apply cond_pos|].
    intros [v1 v2] Hv Hd. apply (Hball (v1, v2)); [|exact Hv].
    rewrite euclid_dist_sq in Hd; cbn [fst snd] in Hd.
    pose proof (cond_pos delta) as Hpos.
    pose proof (pow2_ge_0 (v1 - w1)). pose proof (pow2_ge_0 (v2 - w2)).
    assert (Hsq : (v1 - w1) ^ 2 + (v2 - w2) ^ 2 < delta * delta)
      by (apply sq_lt_of_sqrt_lt; [lra | lra | exact Hd]).
    simpl in Hsq. split; unfold ball; simpl; unfold AbsRing_ball, abs, minus, plus, opp; simpl;
      apply Rabs_lt_between; split; nra.
Qed.
