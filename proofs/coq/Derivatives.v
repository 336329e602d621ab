(** * Partial derivatives of the closed form G of L̂ (BnLoss.v) along the coordinate lines

    For w <> 0, with s = sqrt((2/9) q(w)) the batch standard deviation, the chain rule gives
      ∂G/∂w1 = -(2/9) (7/s - A(w) (2/9)(2 w1 - w2) / (2 s^3)),
      ∂G/∂w2 = -(2/9) (1/s - A(w) (2/9)(2 w2 - w1) / (2 s^3)),
    checked by Coquelicot's [auto_derive] and [field]. *)

From Coq Require Import Reals Lra Psatz.
From Coquelicot Require Import Coquelicot.
From BN Require Import Definitions Facts BnLoss.
Open Scope R_scope.

Definition dG1 (w : vec) : R :=
  - (2 / 9) * (7 / sqrt (2 / 9 * q w)
               - A w * (2 / 9 * (2 * fst w - snd w)) / (2 * sqrt (2 / 9 * q w) ^ 3)).
Definition dG2 (w : vec) : R :=
  - (2 / 9) * (1 / sqrt (2 / 9 * q w)
               - A w * (2 / 9 * (2 * snd w - fst w)) / (2 * sqrt (2 / 9 * q w) ^ 3)).

Lemma G_partials (w1 w2 : R) :
  q (w1, w2) > 0 ->
  is_derive (fun t => G (t, w2)) w1 (dG1 (w1, w2)) /\
  is_derive (fun t => G (w1, t)) w2 (dG2 (w1, w2)).
Proof.
  intro H. unfold dG1, dG2, G, A, q in *; cbn [fst snd] in *.
  assert (Hs : sqrt (2 / 9 * (w1 ^ 2 - w1 * w2 + w2 ^ 2)) > 0) by (apply sqrt_lt_R0; lra).
  split; (auto_derive;
    replace (2 / 9 * (w1 * (w1 * 1) + - (w1 * w2) + w2 * (w2 * 1)))
      with (2 / 9 * (w1 ^ 2 - w1 * w2 + w2 ^ 2)) by ring;
    [repeat split; lra | field; lra]).
Qed.
