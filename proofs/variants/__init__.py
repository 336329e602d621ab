"""The variants of docs/spec.md §7, one module each: trainable γ and β (gamma_beta), ε > 0
(epsilon), PyTorch's default γ, β and ε > 0 (pytorch_default), a bias in the standard network
(bias); line_optima holds the obligations the two γ, β variants share (Ŵ* a line)."""

from __future__ import annotations

from proofs.obligation import Obligation
from proofs.variants.bias import bias
from proofs.variants.claims import VariantClaims
from proofs.variants.epsilon import epsilon
from proofs.variants.gamma_beta import gamma_beta
from proofs.variants.pytorch_default import pytorch_default

OBLIGATIONS = {"gamma-beta": gamma_beta, "epsilon": epsilon, "torch": pytorch_default, "bias": bias}


def variant_obligations(variant: str, claims: VariantClaims) -> list[Obligation]:
    return OBLIGATIONS[variant](claims)
