(** * Square-root facts used throughout: a square root is handled as s > 0 with s^2 = v. *)

From Coq Require Import Reals Lra Psatz.
Open Scope R_scope.

Lemma sqrt_pos_sq (v : R) : 0 < v -> 0 < sqrt v /\ sqrt v * sqrt v = v.
Proof.
  intro H. split; [apply sqrt_lt_R0 | apply sqrt_sqrt]; lra.
Qed.

Lemma sqrt_nonneg_sq (v : R) : 0 <= v -> 0 <= sqrt v /\ sqrt v * sqrt v = v.
Proof.
  intro H. split; [apply sqrt_pos | apply sqrt_sqrt]; lra.
Qed.

(** sqrt v < e  <->  v < e^2, for v >= 0 and e > 0. *)
Lemma sqrt_lt_iff (v e : R) : 0 <= v -> 0 < e -> (sqrt v < e <-> v < e * e).
Proof.
  intros Hv He. destruct (sqrt_nonneg_sq v Hv) as [Hs Hss].
  split; intro H; [nra|].
  destruct (Rlt_or_le (sqrt v) e) as [Hl|Hl]; [exact Hl|nra].
Qed.

(** The square root of a square of a nonnegative number. *)
Lemma sqrt_of_sq (s v : R) : 0 <= s -> s * s = v -> sqrt v = s.
Proof.
  intros Hs Hv. subst v. apply sqrt_square. exact Hs.
Qed.

Lemma sqrt_lt_of_sq (v e : R) : 0 <= v -> 0 < e -> v < e * e -> sqrt v < e.
Proof. intros Hv He H. apply (proj2 (sqrt_lt_iff v e Hv He)). exact H. Qed.

Lemma sq_lt_of_sqrt_lt (v e : R) : 0 <= v -> 0 < e -> sqrt v < e -> v < e * e.
Proof. intros Hv He H. apply (proj1 (sqrt_lt_iff v e Hv He)). exact H. Qed.
