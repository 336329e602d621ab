(** * The BN loss in closed form on the canonical set

    With q(w) = w1^2 - w1 w2 + w2^2 and A(w) = 7 w1 + w2 (so that Σ = (1/9)[[2,-1],[-1,2]],
    c = (7/9, 1/9), <c,w> = A(w)/9):
    - the biased batch variance is σ(w)^2 = (2/9) q(w)  (a ring identity);
    - σ(w) > 0 iff q(w) > 0 iff w <> 0;
    - on that domain L̂(w) = 16/3 - (2/9) A(w)/σ(w)  (the spec's 1 + mean(y^2) - 2<c,w>/σ(w));
    - Cauchy–Schwarz in the Σ inner product, as a polynomial identity:
      76 q(w) - A(w)^2 = 3 (3 w1 - 5 w2)^2. *)

From Coq Require Import Reals Lra Psatz.
From BN Require Import Definitions Facts.
Open Scope R_scope.

Definition q (w : vec) : R := fst w ^ 2 - fst w * snd w + snd w ^ 2.
Definition A (w : vec) : R := 7 * fst w + snd w.

Lemma variance_closed_form (w : vec) :
  / 3 * ((u w x1 - mu w) ^ 2 + (u w x2 - mu w) ^ 2 + (u w x3 - mu w) ^ 2) = 2 / 9 * q w.
Proof. unfold mu, u, dot, x1, x2, x3, q; cbn [fst snd]. field. Qed.

Lemma sigma_closed_form (w : vec) : sigma w = sqrt (2 / 9 * q w).
Proof. unfold sigma. rewrite variance_closed_form. reflexivity. Qed.

Lemma q_as_squares (w : vec) : q w = (fst w - snd w / 2) ^ 2 + 3 / 4 * snd w ^ 2.
Proof. unfold q. field. Qed.

Lemma q_nonneg (w : vec) : 0 <= q w.
Proof.
  rewrite q_as_squares. pose proof (pow2_ge_0 (fst w - snd w / 2)).
  pose proof (pow2_ge_0 (snd w)). lra.
Qed.

Lemma bn_domain_iff (w : vec) : bn_domain w <-> q w > 0.
Proof.
  unfold bn_domain. rewrite sigma_closed_form. split; intro H.
  - destruct (Rle_or_lt (2 / 9 * q w) 0) as [Hle|Hlt].
    + rewrite (sqrt_neg_0 _ Hle) in H. lra.
    + lra.
  - apply sqrt_lt_R0. lra.
Qed.

Lemma q_pos_iff (w : vec) : q w > 0 <-> w <> (0, 0).
Proof.
  destruct w as [w1 w2]. rewrite q_as_squares; cbn [fst snd]. split.
  - intros H E. inversion E; subst. lra.
  - intro H. pose proof (pow2_ge_0 (w1 - w2 / 2)).
    destruct (Req_dec w2 0) as [->|Hw2].
    + assert (Hw1 : w1 <> 0) by (intro; subst; apply H; reflexivity).
      pose proof (Rsqr_pos_lt w1 Hw1). unfold Rsqr in *. simpl. lra.
    + pose proof (Rsqr_pos_lt w2 Hw2). unfold Rsqr in *. simpl in *. lra.
Qed.

Lemma sigma_sq (w : vec) : bn_domain w -> sigma w > 0 /\ sigma w * sigma w = 2 / 9 * q w.
Proof.
  intro H. split; [exact H|]. rewrite sigma_closed_form. apply sqrt_sqrt.
  pose proof (q_nonneg w). lra.
Qed.

Lemma Lhat_identity (w : vec) :
  bn_domain w -> Lhat w = 16 / 3 - 2 / 9 * A w / sigma w.
Proof.
  intro H. destruct (sigma_sq w H) as [Hs Hss].
  unfold Lhat, fhat. set (s := sigma w) in *. unfold A, q, mu, u, dot, x1, x2, x3, y1, y2, y3 in *.
  cbn [fst snd] in *.
  field_simplify_eq; [|lra]. lra.
Qed.

Lemma cauchy_schwarz_identity (w : vec) : 76 * q w - A w ^ 2 = 3 * (3 * fst w - 5 * snd w) ^ 2.
Proof. unfold q, A. ring. Qed.

(** The smooth extension G of L̂ off the origin: L̂ = G wherever w <> 0. *)
Definition G (w : vec) : R := 16 / 3 - 2 / 9 * A w / sqrt (2 / 9 * q w).

Lemma Lhat_eq_G (w : vec) : w <> (0, 0) -> Lhat w = G w.
Proof.
  intro H. assert (Hd : bn_domain w) by (apply bn_domain_iff, q_pos_iff, H).
  rewrite (Lhat_identity w Hd). unfold G. rewrite sigma_closed_form. reflexivity.
Qed.

(** d = Σ⁻¹c: Σ d = c, and Σ is invertible (Σ v = 0 only for v = 0). *)
Lemma d_is_Sigma_inv_c : Sigma_mul d = c.
Proof.
  unfold Sigma_mul, c, d, xbar, ybar, vadd, vscale, vsub, dot, x1, x2, x3, y1, y2, y3;
    cbn [fst snd]. f_equal; field.
Qed.

Lemma Sigma_invertible (v : vec) : Sigma_mul v = (0, 0) -> v = (0, 0).
Proof.
  destruct v as [v1 v2].
  unfold Sigma_mul, xbar, vadd, vscale, vsub, dot, x1, x2, x3; cbn [fst snd].
  intro E. injection E as E1 E2. f_equal; lra.
Qed.

(** d is the only solution of Σ v = c: the constant d of Definitions.v is Σ⁻¹c. *)
Lemma d_unique (v : vec) : Sigma_mul v = c -> v = d.
Proof.
  destruct v as [v1 v2]. rewrite <- d_is_Sigma_inv_c.
  unfold Sigma_mul, d, xbar, vadd, vscale, vsub, dot, x1, x2, x3; cbn [fst snd].
  intro E. injection E as E1 E2. f_equal; lra.
Qed.
