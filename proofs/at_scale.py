"""The obligations of `prove --data` in encodings that scale with the dimension (`check --prove`).

Same claims as proofs.all_obligations. In dimension > 3 no Z3 query expands a polynomial whose
coefficients come from W* or d (hundreds of digits at d = 100): the literal formulas are tied
to matrices of the data's own small numbers (proofs/matrix_identities.py), variable-free matrix
facts are decided exactly, and the claims are proved on those matrices:
- the standard optimum by the normal equations and a positive definite XᵀX
  (proofs/standard_optimum_matrix.py);
- the BN loss identity as a polynomial identity and the BN optima in Σ-orthogonal coordinates
  (proofs/bn_optima_sigma.py);
- L̂ and ∇L̂ at W* on the matrices (proofs/at_w_star_matrix.py);
- the distance to the ray, the negated lemma and the failure region in normalised Gram
  coordinates of (W0, W*, d) (proofs/lemma_gram.py), the region only where (L4.5) fails (where
  it holds the region is empty, the sufficiency query would be vacuous, and `negated_lemma` is
  unsat instead).
One Network and one weight vector w serve every literal identity (its outputs <w,x_i> are
built once).
"""

from __future__ import annotations

from proofs import all_obligations
from proofs.at_w_star_matrix import at_w_star_matrix
from proofs.bn_optima_sigma import bn_optima_sigma
from proofs.claims import Claims
from proofs.encoding import Network, reals
from proofs.lemma_gram import lemma_gram
from proofs.matrix_identities import data_matrices
from proofs.obligation import Obligation
from proofs.standard_optimum_matrix import standard_optimum_matrix

LITERAL_MAX_DIM = 3        # up to here: exactly the obligations of `prove --data`


def obligations_at_scale(claims: Claims) -> list[Obligation]:
    dim = len(claims.w_star)
    if dim <= LITERAL_MAX_DIM:
        return all_obligations(claims)
    net = Network(claims.X, claims.y)
    w = reals("w", dim)
    m = data_matrices(claims)
    return [*standard_optimum_matrix(claims, net, w, m), *bn_optima_sigma(claims, net, w, m),
            *at_w_star_matrix(claims, m), *lemma_gram(claims)]
