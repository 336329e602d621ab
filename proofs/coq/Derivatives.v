(** * Partial derivatives of the closed form G of L̂ (BnLoss.v) along the coordinate lines

    For w <> 0, with s = sqrt((2/9) q(w)) the batch standard deviation, the chain rule gives
      ∂G/∂w1 = -(2/9) (7/s - A(w) (2/9)(2 w1 - w2) / (2 s^3)),
      ∂G/∂w2 = -(2/9) (1/s - A(w) (2/9)(2 w2 - w1) / (2 s^3)),
    checked by Coquelicot's [auto_derive] and [field]. G is moreover (Fréchet) differentiable
    there with gradient (∂G/∂w1, ∂G/∂w2) ([G_frechet]: Coquelicot's [filterdiff] on R × R,
    built from the chain, product and sum rules). *)

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

(** The rules of differentiation on R × R, for real-valued functions. *)
Lemma frechet_fst (x : R * R) : filterdiff (fun w : R * R => fst w) (locally x) (fun h => fst h).
Proof. apply filterdiff_linear, is_linear_fst. Qed.

Lemma frechet_snd (x : R * R) : filterdiff (fun w : R * R => snd w) (locally x) (fun h => snd h).
Proof. apply filterdiff_linear, is_linear_snd. Qed.

Lemma frechet_mult (x : R * R) (f g lf lg : R * R -> R) :
  filterdiff f (locally x) lf -> filterdiff g (locally x) lg ->
  filterdiff (fun w => f w * g w) (locally x) (fun h => lf h * g x + f x * lg h).
Proof.
  intros Df Dg. apply (filterdiff_mult_fct f g x lf lg Rmult_comm Df Dg).
Qed.

Lemma frechet_plus (x : R * R) (f g lf lg : R * R -> R) :
  filterdiff f (locally x) lf -> filterdiff g (locally x) lg ->
  filterdiff (fun w => f w + g w) (locally x) (fun h => lf h + lg h).
Proof. intros Df Dg. apply (filterdiff_plus_fct f g lf lg Df Dg). Qed.

Lemma frechet_scal (x : R * R) (k : R) (f lf : R * R -> R) :
  filterdiff f (locally x) lf -> filterdiff (fun w => k * f w) (locally x) (fun h => k * lf h).
Proof. intro Df. apply (filterdiff_scal_r_fct k f lf Rmult_comm Df). Qed.

Lemma frechet_const (x : R * R) (a : R) :
  filterdiff (fun _ : R * R => a) (locally x) (fun _ => 0).
Proof. apply (filterdiff_const a). Qed.

(** Composition with a one-variable function differentiable at f x. *)
Lemma frechet_comp (x : R * R) (f lf : R * R -> R) (k : R -> R) (dk : R) :
  filterdiff f (locally x) lf -> is_derive k (f x) dk ->
  filterdiff (fun w => k (f w)) (locally x) (fun h => lf h * dk).
Proof. intros Df Dk. apply (filterdiff_comp' f k x lf (fun y => scal y dk) Df Dk). Qed.

Lemma frechet_ext (x : R * R) (f g l1 l2 : R * R -> R) :
  (forall w, f w = g w) -> (forall h, l1 h = l2 h) ->
  filterdiff f (locally x) l1 -> filterdiff g (locally x) l2.
Proof.
  intros Ef El D. apply (filterdiff_ext_lin _ l1 l2); [|exact El].
  apply (filterdiff_ext f g); [exact Ef | exact D].
Qed.

(** G is (Fréchet) differentiable off the origin, with the partial derivatives above as its
    gradient: the chain rule through the polynomial (2/9) q, the linear A and y ↦ 1/√y. *)
Lemma G_frechet (x : R * R) :
  q x > 0 -> filterdiff G (locally x) (fun h => fst h * dG1 x + snd h * dG2 x).
Proof.
  intro Hq.
  set (s := sqrt (2 / 9 * q x)).
  assert (Hs : 0 < s) by (apply sqrt_lt_R0; lra).
  assert (Hss : s * s = 2 / 9 * q x) by (apply sqrt_sqrt; lra).
  assert (DQ : filterdiff (fun w => 2 / 9 * q w) (locally x)
    (fun h => 2 / 9 * ((2 * fst x - snd x) * fst h + (2 * snd x - fst x) * snd h))).
  { eapply (frechet_ext x (fun w => 2 / 9 * ((fst w * fst w) + - 1 * (fst w * snd w)
                                             + (snd w * snd w)))).
    3: { apply frechet_scal. apply frechet_plus; [apply frechet_plus|].
         - apply frechet_mult; apply frechet_fst.
         - apply frechet_scal. apply frechet_mult; [apply frechet_fst | apply frechet_snd].
         - apply frechet_mult; apply frechet_snd. }
    - intro w. unfold q. ring.
    - intros [h1 h2]. destruct x as [x1 x2]. cbn -[Rmult Rplus Ropp Rminus Rdiv]. ring. }
  assert (Dk : is_derive (fun y => / sqrt y) (2 / 9 * q x) (- (1 / (2 * s)) / s ^ 2)).
  { unfold s. apply (is_derive_inv (fun y => sqrt y)); [|fold s; lra].
    pose proof (is_derive_sqrt (fun y => y) (2 / 9 * q x) 1 (is_derive_id _) ltac:(lra)) as D.
    exact D. }
  assert (DA : filterdiff A (locally x) (fun h => 7 * fst h + snd h)).
  { eapply (frechet_ext x (fun w => 7 * fst w + snd w)).
    3: { apply frechet_plus; [apply frechet_scal, frechet_fst | apply frechet_snd]. }
    - intro w. reflexivity.
    - intro h. cbv beta. ring. }
  eapply (frechet_ext x (fun w => 16 / 3 + - (2 / 9) * (A w * / sqrt (2 / 9 * q w)))).
  3: { apply frechet_plus; [apply frechet_const|]. apply frechet_scal. apply frechet_mult.
       - exact DA.
       - apply (frechet_comp x (fun w => 2 / 9 * q w) _ (fun y => / sqrt y) _ DQ Dk). }
  - intro w. unfold G. unfold Rdiv. ring.
  - intro h. cbv beta. fold s. unfold dG1, dG2. fold s.
    field. lra.
Qed.
