(** * Definitions, literally as the spec states them (docs/spec.md, sections 3 and 4)

    A single neuron with identity activation on the canonical learning set
    x_1 = (0,0), y_1 = -3;  x_2 = (0,1), y_2 = 0;  x_3 = (1,0), y_3 = 2.

    - Standard network f_w(x) = <w,x>,  L(w) = (1/n) Σ (f_w(x_i) - y_i)^2.
    - BN network: u_i = <w,x_i>, μ = (1/n) Σ u_i, σ = sqrt((1/n) Σ (u_i - μ)^2)
      (biased batch variance, ε = 0), f̂_w(x_i) = (u_i - μ)/σ  (γ = 1, β = 0),
      L̂(w) = (1/n) Σ (f̂_w(x_i) - y_i)^2, defined where σ(w) > 0.
    - A local minimiser of F on a domain D: a point of D with F w <= F v for every v of D
      in some open Euclidean ball around w.
    - W* = the local minimisers of L (everywhere defined); Ŵ* = the local minimisers of L̂
      on its domain σ > 0.
    - Distance from W0 to a set S: the infimum (Coquelicot's [Glb_Rbar]) of ||W0 - v|| over
      v in S.

    Nothing in this file is proved; the other files prove facts about these definitions. *)

From Coq Require Import Reals.
From Coquelicot Require Import Rbar Lub.
Open Scope R_scope.

(** Vectors of R^2 and their Euclidean geometry. *)
Definition vec := (R * R)%type.
Definition dot (a b : vec) : R := fst a * fst b + snd a * snd b.
Definition euclid_norm (a : vec) : R := sqrt (dot a a).
Definition vsub (a b : vec) : vec := (fst a - fst b, snd a - snd b).
Definition vscale (t : R) (a : vec) : vec := (t * fst a, t * snd a).
Definition euclid_dist (a b : vec) : R := euclid_norm (vsub a b).
(** The unit vector a/||a||. *)
Definition unit_vec (a : vec) : vec := vscale (/ euclid_norm a) a.

(** The canonical learning set (n = 3 points in R^2). *)
Definition x1 : vec := (0, 0).   Definition y1 : R := -3.
Definition x2 : vec := (0, 1).   Definition y2 : R := 0.
Definition x3 : vec := (1, 0).   Definition y3 : R := 2.

(** Standard network and its loss. *)
Definition f (w x : vec) : R := dot w x.
Definition L (w : vec) : R :=
  / 3 * ((f w x1 - y1) ^ 2 + (f w x2 - y2) ^ 2 + (f w x3 - y3) ^ 2).

(** BN network: batch mean, biased batch standard deviation, normalised output, loss. *)
Definition u (w x : vec) : R := dot w x.
Definition mu (w : vec) : R := / 3 * (u w x1 + u w x2 + u w x3).
Definition sigma (w : vec) : R :=
  sqrt (/ 3 * ((u w x1 - mu w) ^ 2 + (u w x2 - mu w) ^ 2 + (u w x3 - mu w) ^ 2)).
Definition fhat (w x : vec) : R := (u w x - mu w) / sigma w.
Definition Lhat (w : vec) : R :=
  / 3 * ((fhat w x1 - y1) ^ 2 + (fhat w x2 - y2) ^ 2 + (fhat w x3 - y3) ^ 2).
(** L̂ is defined where σ(w) > 0. *)
Definition bn_domain (w : vec) : Prop := sigma w > 0.

(** Local minimisers of F on the domain D (open Euclidean ball of radius eps). *)
Definition local_min (F : vec -> R) (D : vec -> Prop) (w : vec) : Prop :=
  D w /\ exists eps, eps > 0 /\
    forall v, D v -> euclid_dist v w < eps -> F w <= F v.

(** W*: the local optima of the standard network; Ŵ*: those of the BN network. *)
Definition W_star_set (w : vec) : Prop := local_min L (fun _ => True) w.
Definition W_hat_star (w : vec) : Prop := local_min Lhat bn_domain w.

(** Distance from W0 to a set S: inf over v in S of ||W0 - v||. *)
Definition dist_to_set (S : vec -> Prop) (W0 : vec) : R :=
  real (Glb_Rbar (fun r => exists v, S v /\ r = euclid_dist W0 v)).

(** Centered statistics: x̄, ȳ the means, Σ = (1/n) Σ (x_i - x̄)(x_i - x̄)ᵀ (as the map
    v ↦ Σ v), c = (1/n) Σ (x_i - x̄)(y_i - ȳ). *)
Definition vadd (a b : vec) : vec := (fst a + fst b, snd a + snd b).
Definition xbar : vec := vscale (/ 3) (vadd x1 (vadd x2 x3)).
Definition ybar : R := / 3 * (y1 + y2 + y3).
Definition Sigma_mul (v : vec) : vec :=
  vscale (/ 3) (vadd (vscale (dot (vsub x1 xbar) v) (vsub x1 xbar))
               (vadd (vscale (dot (vsub x2 xbar) v) (vsub x2 xbar))
                     (vscale (dot (vsub x3 xbar) v) (vsub x3 xbar)))).
Definition c : vec :=
  vscale (/ 3) (vadd (vscale (y1 - ybar) (vsub x1 xbar))
               (vadd (vscale (y2 - ybar) (vsub x2 xbar))
                     (vscale (y3 - ybar) (vsub x3 xbar)))).

(** The standard optimum of the canonical set and d = Σ⁻¹c, the direction of its BN optima
    (StandardOptimum.v and BnLoss.v prove that these constants are what their names say). *)
Definition W_star : vec := (2, 0).
Definition d : vec := (5, 3).

(** "(L4.5) fails at W0": the premise holds and the strict reverse inequality holds. *)
Definition lemma_4_5_fails_at (Wstar W0 : vec) : Prop :=
  dot W0 Wstar > 0 /\
  dist_to_set W_hat_star W0 ^ 2
    > euclid_dist W0 Wstar ^ 2
      - (euclid_norm Wstar ^ 2 - dot Wstar W0) ^ 2 / euclid_norm Wstar ^ 2.
