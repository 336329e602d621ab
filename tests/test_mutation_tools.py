"""`make mutate`'s bookkeeping (docs/mutation-testing.md): which mutants a run still has to
decide, how a verdict is recorded, and how the summary keeps the figures of earlier runs."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def meta(folder, codes):
    path = folder / "m.py.meta"
    path.write_text(json.dumps({"exit_code_by_key": codes, "hash_by_function_name": {}}))
    return path


def test_a_run_decides_exactly_the_undecided_mutants_its_globs_name(tmp_path, monkeypatch):
    runner = script("mutate_covered")
    monkeypatch.setattr(runner, "MUTANTS", tmp_path)
    path = meta(tmp_path, {"p.m.x_f__mutmut_1": None, "p.m.x_f__mutmut_2": 1,
                           "p.m.x_g__mutmut_1": None})
    assert runner.pending(["p.m.x_f*"], rerun=False) == [(path, "p.m.x_f__mutmut_1")]
    assert len(runner.pending(["p.m.x_f*"], rerun=True)) == 2
    runner.record(path, "p.m.x_f__mutmut_1", runner.SURVIVED, 1.5)
    assert json.loads(path.read_text())["exit_code_by_key"]["p.m.x_f__mutmut_1"] == 0
    assert runner.pending(["*"], rerun=False) == [(path, "p.m.x_g__mutmut_1")]


def test_the_coverage_run_clears_the_caches_of_test_modules_only():
    """A cached decision in a test module would record only its first test as covering the
    obligation builders (the later tests read the cache): the recorder clears such caches
    before every test, and nothing outside the tests."""
    import functools
    import types

    runner = script("mutate_covered")
    calls = []
    cached = functools.lru_cache(maxsize=None)(lambda x: calls.append(x) or x)
    elsewhere = functools.lru_cache(maxsize=None)(lambda x: x)
    test_module = types.SimpleNamespace(decided=cached)
    other = types.SimpleNamespace(helper=elsewhere)
    cached(1), cached(1), elsewhere(2)
    assert runner.clear_test_caches({"tests.test_x": test_module, "harness.y": other}) == 1
    cached(1)
    assert calls == [1, 1] and elsewhere.cache_info().currsize == 1


def entry(mutants, killed, surviving, not_checked=0):
    return {"mutants": mutants, "killed": killed, "surviving": surviving, "no_tests": 0,
            "not_checked": not_checked, "surviving_mutants": [], "untested_mutants": []}


def test_a_module_this_run_left_undecided_keeps_the_earlier_figures_and_says_so():
    summary = script("mutation_summary")
    earlier = {"modules": {"a.py": entry(10, 8, 2), "b.py": entry(5, 5, 0)},
               "earlier_runs": [{"note": "n"}]}
    now = {"modules": {"a.py": entry(12, 0, 0, not_checked=12), "b.py": entry(6, 4, 2),
                       "c.py": entry(3, 3, 0)}}
    data = summary.carry_over(now, earlier)
    assert data["modules"]["a.py"] == {**entry(10, 8, 2), "carried_over": True}
    assert data["modules"]["b.py"] == entry(6, 4, 2)          # decided now: the new figures
    assert data["total"]["mutants"] == 10 + 6 + 3 and data["total"]["surviving"] == 4
    assert data["earlier_runs"] == [{"note": "n"}]


def test_the_diffs_of_carried_over_survivors_are_kept_from_the_earlier_summary():
    """A run that decides nothing of a module keeps its figures and the diff of each of its
    survivors, so a partial `make mutate` does not lose the committed diffs."""
    summary = script("mutation_summary")
    earlier_md = (ROOT / "results" / "mutation.md").read_text()
    earlier = summary.diff_sections(earlier_md)
    previous = json.loads((ROOT / "results" / "mutation.json").read_text())
    data = summary.carry_over({"modules": {}}, previous)
    assert all(m["carried_over"] for m in data["modules"].values())
    text = summary.markdown(data, earlier)
    survivors = [n for m in previous["modules"].values() for n in m["surviving_mutants"]]
    kept = [n for n in survivors if n in earlier]
    assert len(kept) > 300                          # the diffs of the third run
    for name in kept:
        assert earlier[name] in text
    assert summary.diff_sections(text) == {n: earlier[n] for n in kept}
