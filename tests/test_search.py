"""`bnproof search` (docs/spec.md §7): the counts of the {-1,0,1} box by the generic exact core, the
vectorised int64 route agreeing with it set by set, the two highlighted sets proved by the
pipeline of `bnproof prove --data`."""

import json
import random
from pathlib import Path
from collections import Counter
from fractions import Fraction

import pytest

from harness.cli import main
from harness.counterexamples import HIGHLIGHTED, angle_key
from harness.learning_set import load_json
from harness.search import (CATEGORIES, box_sets, category, exact_categories, integer_categories,
                            learning_set, repeated_x_sets)
from harness.statistics import exact_statistics


@pytest.fixture(scope="module")
def unit_box():
    return exact_categories(1)


def test_unit_box_has_1704_nondegenerate_sets_and_968_refute(unit_box):
    counts = Counter(c for _, _, c in unit_box)
    assert len(unit_box) == 2268 and repeated_x_sets(1) == 657
    assert counts["fails"] + counts["holds"] == 1704
    assert counts["fails"] == 968
    # the spec's split: 120 with W* = 0 (c != 0) and 444 degenerate (the c = 0 sets included)
    w_star_zero_c_nonzero = sum(1 for _, st, c in unit_box if c == "w_star_zero" and any(st.c))
    assert w_star_zero_c_nonzero == 120
    assert len(unit_box) - 1704 - 120 == 444


def test_integer_route_agrees_with_exact_core_on_unit_box(unit_box):
    fast = integer_categories(1)
    assert [CATEGORIES[k] for k in fast.category] == [c for _, _, c in unit_box]


def test_integer_route_agrees_with_exact_core_on_a_sample_of_the_two_box():
    fast = integer_categories(2)
    assert fast.counts()["fails"] == 207936
    sets = list(box_sets(2))
    assert len(sets) == len(fast.category)
    rng = random.Random(11)
    for i in rng.sample(range(len(sets)), 600):
        assert CATEGORIES[fast.category[i]] == category(exact_statistics(learning_set(sets[i])))
        assert tuple(map(tuple, fast.X[i])) == sets[i][0] and tuple(fast.y[i]) == sets[i][1]


def test_integer_route_directions_are_positive_multiples_of_w_star_and_d(unit_box):
    fast = integer_categories(1)
    for (s, st, c), P, Q in zip(unit_box, fast.P, fast.Q):
        if c in ("fails", "holds"):
            assert angle_key(tuple(map(int, P)), st.w_star) == -1
            assert angle_key(tuple(map(int, Q)), st.bn_direction) == -1


def test_smallest_refutation_has_fraction_three_quarters():
    st = exact_statistics(learning_set(HIGHLIGHTED["smallest_refutation"]))
    assert st.w_star == (1, 0) and st.bn_direction == (0, -1) and st.lemma_fails
    assert angle_key(st.w_star, st.bn_direction) == 0          # φ = π/2: fraction 3/4


def test_opposite_ray_set_refutes_with_zero_gradient():
    st = exact_statistics(learning_set(HIGHLIGHTED["opposite_ray"]))
    assert st.w_star == (Fraction(1, 3), Fraction(1, 3)) and st.bn_direction == (-1, -1)
    assert angle_key(st.w_star, st.bn_direction) == 1          # φ = π: fraction 1


@pytest.mark.parametrize("name", HIGHLIGHTED)
def test_highlighted_example_files_are_proved_refutations(name):
    """examples/NAME.json is the highlighted set, and its `bnproof prove --data` report is a
    proved refutation: tests/golden/NAME.json, which tests/test_golden.py regenerates with
    harness.prove and compares byte for byte."""
    ls = load_json(f"examples/{name}.json")
    assert (tuple(tuple(int(v) for v in x) for x in ls.X), tuple(int(v) for v in ls.y)) == HIGHLIGHTED[name]
    report = json.loads(Path(f"tests/golden/{name}.json").read_text(encoding="utf-8"))
    assert report["proved"] is True and report["verdict"] == "fails"
    assert all(r["result"] == r["expected"] and r["cross_check"] for r in report["obligations"])


def test_search_cli_prints_counts_as_json(capsys):
    assert main(["search", "--bound", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["counts"]["fails"] == 968 and out["nondegenerate"] == 1704


@pytest.mark.parametrize("argv", [["search", "--bound", "3"], ["search", "--report", "no/such/dir"]])
def test_search_cli_rejects_bad_input_with_exit_2(argv, capsys):
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_histogram_bytes_are_deterministic(tmp_path):
    import numpy as np

    from harness.counterexamples import histogram

    data = {"a": np.array([0.5, 0.75, 1.0]), "b": np.array([0.6, 0.6, 0.9])}
    first = [p.read_bytes() for p in histogram(data, tmp_path / "one")]
    second = [p.read_bytes() for p in histogram(data, tmp_path / "two")]
    assert first == second


def test_latex_macros_are_one_newcommand_per_value():
    from harness.counterexamples import macros_text

    text = macros_text({"BNSearchRefuting": ("968", "refuting sets")})
    assert "\\newcommand{\\BNSearchRefuting}{968}" in text.splitlines()
