(** * The standard optimum: W* = (2,0) is the unique minimiser of L, L at W* is 3, and the set
    W* of local minimisers of L is exactly {(2,0)}.

    Certificate: L(w) = 3 + ((w1 - 2)^2 + w2^2) / 3 (a ring identity). A point w <> W* is not a
    local minimiser: the point v = w - δ·e with e = w - W* and 0 < δ < 1, lies within δ||e|| of w and has
    L(v) = 3 + (1-δ)^2 ||e||^2 / 3 < L(w). *)

From Coq Require Import Reals Lra Psatz.
From BN Require Import Definitions Facts.
Open Scope R_scope.

Lemma L_closed_form (w : vec) : L w = 3 + ((fst w - 2) ^ 2 + snd w ^ 2) / 3.
Proof. unfold L, f, dot, x1, x2, x3, y1, y2, y3; simpl. field. Qed.

Theorem standard_optimum :
  L W_star = 3 /\
  (forall w, L W_star <= L w) /\
  (forall w, L w = L W_star <-> w = W_star).
Proof.
  unfold W_star. split; [|split].
  - rewrite L_closed_form; cbn [fst snd]; lra.
  - intro w. rewrite !L_closed_form; cbn [fst snd].
    pose proof (pow2_ge_0 (fst w - 2)); pose proof (pow2_ge_0 (snd w)); lra.
  - intros [w1 w2]. split; [|intros ->; reflexivity]. intro H.
    rewrite !L_closed_form in H; cbn [fst snd] in H.
    pose proof (pow2_ge_0 (w1 - 2)); pose proof (pow2_ge_0 w2).
    assert (w1 = 2 /\ w2 = 0) as [-> ->] by (split; nra). reflexivity.
Qed.

Theorem standard_local_optima : forall w, W_star_set w <-> w = W_star.
Proof.
  intros [w1 w2]. split.
  - intros [_ [eps [Heps Hmin]]].
    set (e1 := w1 - 2). set (e2 := w2).
    destruct (Req_dec (e1 * e1 + e2 * e2) 0) as [Hz|Hnz].
    + destruct (Rplus_sqr_eq_0 e1 e2 Hz) as [H1 H2]. unfold e1, e2 in *.
      unfold W_star. f_equal; lra.
    + exfalso.
      assert (Hr2 : 0 < e1 * e1 + e2 * e2) by nra.
      destruct (sqrt_pos_sq _ Hr2) as [Hr Hrr]. set (r := sqrt (e1 * e1 + e2 * e2)) in *.
      set (delta := eps / (eps + r)).
      assert (Hd0 : 0 < delta) by (unfold delta; apply Rdiv_lt_0_compat; lra).
      assert (Hd1 : delta * (eps + r) = eps) by (unfold delta; field; lra).
      assert (Hdr : delta * r < eps) by nra.
      assert (Hd1' : delta < 1) by nra.
      specialize (Hmin (w1 - delta * e1, w2 - delta * e2) I).
      assert (Hlt : L (w1, w2) > L (w1 - delta * e1, w2 - delta * e2)).
      { assert (Hk : 0 < (1 - (1 - delta) ^ 2) * (e1 * e1 + e2 * e2))
          by (apply Rmult_lt_0_compat; nra).
        rewrite !L_closed_form; cbn [fst snd]. unfold e1, e2 in *. lra. }
      assert (Hdist : euclid_dist (w1 - delta * e1, w2 - delta * e2) (w1, w2) < eps).
      { unfold euclid_dist, euclid_norm, vsub, dot; cbn [fst snd].
        assert (Hdr0 : 0 < delta * r) by (apply Rmult_lt_0_compat; lra).
        assert (Hsq : (delta * r) * (delta * r) < eps * eps) by nra.
        assert (Heq : (delta * r) * (delta * r) = delta * delta * (e1 * e1 + e2 * e2))
          by (rewrite <- Hrr; ring).
        apply sqrt_lt_of_sq; [nra | lra |]. unfold e1, e2 in *. lra. }
      specialize (Hmin Hdist). lra.
  - intros H. inversion H; subst. split; [exact I|].
    exists 1. split; [lra|]. intros v _ _. apply (proj1 (proj2 standard_optimum)).
Qed.
