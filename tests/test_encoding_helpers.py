"""Helpers of proofs/encoding.py that no obligation test of `make mutate`'s selection reaches,
checked against values computed by hand (docs/mutation-testing.md)."""

import pytest
import z3

from proofs.encoding import const, not_parallel

PAIRS = [                        # (w, d, w is not a multiple of d), by hand
    ((1, 0), (3, 0), False),     # ||w||²||d||² = 9 = <w,d>²
    ((-1, 0), (2, 0), False),    # a negative multiple is a multiple too
    ((1, 1), (2, 0), True),      # 8 - 4 = 4 > 0
    ((1, 1), (1, 0), True),      # 2 - 1 = 1 > 0
    ((1, 0), (0, 1), True),
]


@pytest.mark.parametrize("w, d, expected", PAIRS)
def test_not_parallel_holds_exactly_when_w_is_no_multiple_of_d(w, d, expected):
    formula = z3.simplify(not_parallel([const(v) for v in w], [const(v) for v in d]))
    assert z3.is_true(formula) if expected else z3.is_false(formula)
