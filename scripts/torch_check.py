"""`make torch-check` (optional, not part of `make test`): the refutation seen by a real PyTorch
BatchNorm layer, in floats.

Model: one neuron, identity activation, ŷ = BatchNorm1d(<w, x>) with affine=False (γ = 1, β = 0),
eps = 1e-12, training mode (batch statistics, biased variance), float64, on the canonical set of
docs/spec.md §4; loss = MSE = L̂ (docs/spec.md §3, up to eps). It shows

1. at W* the float gradient of the loss matches the exact ∇L̂(W*) = (0, -3√2/4) of the proof
   to 1e-6 (the exact value comes from the claims the Z3 obligations proved);
2. gradient descent from W0 = W* ends on the BN-optimal ray (direction (5, 3)), at squared
   distance from W0 larger than the right side of (L4.5) at W0 = W*, which is 0; no point of
   the ray is closer than the exact 18/17.

Floats are a sanity check here, never part of the proof. Exit 0 if every check holds, else 1.
"""

from __future__ import annotations

import math
import sys

import sympy
import torch

from harness.cross_check import surd
from harness.learning_set import canonical
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics

TOLERANCE = 1e-6
STEPS, LEARNING_RATE = 3000, 1.0


def main() -> int:
    torch.manual_seed(0)
    torch.use_deterministic_algorithms(True)
    ls = canonical()
    claims = make_claims(ls, exact_statistics(ls))
    X = torch.tensor([[float(v) for v in row] for row in ls.X], dtype=torch.float64)  # small ints: exact
    y = torch.tensor([float(v) for v in ls.y], dtype=torch.float64)
    bn = torch.nn.BatchNorm1d(1, affine=False, eps=1e-12, dtype=torch.float64).train()

    def loss(w: torch.Tensor) -> torch.Tensor:
        return torch.nn.functional.mse_loss(bn((X @ w).unsqueeze(1)).squeeze(1), y)

    w_star = [float(v) for v in claims.w_star]
    exact_grad = [float(sympy.N(surd(g), 30)) for g in claims.grad_at_w_star]
    exact_loss = float(sympy.N(surd(claims.bn_loss_at_w_star), 30))
    w = torch.tensor(w_star, dtype=torch.float64, requires_grad=True)
    value = loss(w)
    value.backward()
    grad = w.grad.tolist()
    grad_error = max(abs(a - b) for a, b in zip(grad, exact_grad))

    for _ in range(STEPS):  # plain gradient descent from W0 = W*
        w.grad = None
        loss(w).backward()
        with torch.no_grad():
            w -= LEARNING_RATE * w.grad
    final = w.detach().tolist()
    final_grad_norm = math.hypot(*w.grad.tolist())
    d = [float(v) for v in claims.bn_direction]
    cos = (final[0] * d[0] + final[1] * d[1]) / (math.hypot(*final) * math.hypot(*d))
    moved_sq = (final[0] - w_star[0]) ** 2 + (final[1] - w_star[1]) ** 2
    min_loss = float(sympy.N(surd(claims.min_bn_loss), 30))
    ray_distance_sq = float(sympy.Rational(18, 17))  # exact squared distance from W* to the ray
    right_side = 0.0  # right side of (L4.5) at W0 = W*: ||W*||² - <W*,W*>²/||W*||² = 0

    checks = [
        (f"float ∇L̂(W*) = ({grad[0]:.12g}, {grad[1]:.12g}) vs exact (0, -3√2/4) = "
         f"({exact_grad[0]:.12g}, {exact_grad[1]:.12g}): max error {grad_error:.1e} <= {TOLERANCE:g}",
         grad_error <= TOLERANCE),
        (f"float L̂(W*) = {value.item():.12g} vs exact (16 - 7√2)/3 = {exact_loss:.12g}",
         abs(value.item() - exact_loss) <= TOLERANCE),
        (f"gradient descent, {STEPS} steps of lr {LEARNING_RATE:g} from W0 = W* = (2, 0): "
         f"ends at w = ({final[0]:.6f}, {final[1]:.6f}), |∇L̂| = {final_grad_norm:.1e}",
         final_grad_norm <= TOLERANCE),
        (f"  on the BN-optimal ray: cos(angle(w, (5, 3))) = {cos:.12f}, "
         f"L̂(w) = {loss(w).item():.12g} vs min L̂ = (16 - 2√38)/3 = {min_loss:.12g}",
         1 - cos <= TOLERANCE and abs(loss(w).item() - min_loss) <= TOLERANCE),
        (f"  ||w - W0||² = {moved_sq:.6f} > {right_side:g} = right side of (L4.5) at W0 = W* "
         f"(and >= 18/17 = {ray_distance_sq:.6f}, the exact distance² from W* to the ray)",
         moved_sq > right_side and moved_sq >= ray_distance_sq - TOLERANCE),
    ]
    print(f"torch {torch.__version__}, BatchNorm1d(affine=False, eps=1e-12), float64, training mode")
    for text, ok in checks:
        print(f"[{'ok' if ok else 'FAIL'}] {text}")
    passed = all(ok for _, ok in checks)
    print("torch-check: " + ("(L4.5) fails for a real BatchNorm layer too" if passed else "FAILED"))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
