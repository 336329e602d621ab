"""`check --engine dask`: the moments of byte ranges summed exactly on a 2-worker LocalCluster
give the local report byte for byte."""

import importlib.util
import random

import pytest

# dask is imported by the tests, not at collection (a worker's memory makes its forks slower)
if importlib.util.find_spec("distributed") is None:
    pytest.skip("could not import 'distributed'", allow_module_level=True)

from harness.check import check  # noqa: E402
from harness.columns import ReadOptions  # noqa: E402
from harness.dask_engine import dask_moments  # noqa: E402
from harness.learning_set import InputError  # noqa: E402
from harness.moments import moments_from  # noqa: E402
from harness.report import to_json  # noqa: E402


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


def _file(tmp_path, rows=2000):
    rng = random.Random(4)
    lines = ["id;a;b;c;y"] + [f"r{i};{rng.randint(-99, 99)};{rng.randint(-999, 999) / 100};"
                              f"{rng.randint(-9, 9)};{rng.randint(-50, 50)}" for i in range(rows)]
    path = tmp_path / "data.csv"
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def test_dask_moments_of_byte_ranges_give_the_local_report_byte_for_byte(client, tmp_path,
                                                                         monkeypatch):
    import harness.check
    import harness.dask_engine as engine

    path = _file(tmp_path)
    options = ReadOptions(drop=("id",))
    local = check(path, options=options)
    real = engine.dask_moments
    monkeypatch.setattr(engine, "dask_moments",
                        lambda p, o, s: real(p, o, client=client, block_bytes=4096))
    remote = harness.check.check(path, options=options, engine="dask")
    local.pop("seconds"), remote.pop("seconds")
    assert to_json(remote) == to_json(local)


def test_dask_splits_the_file_into_many_ranges_and_counts_every_row(client, tmp_path):
    groups, layout, _ = dask_moments(_file(tmp_path), ReadOptions(drop=("id",)), client=client,
                                     block_bytes=2048)
    n, _ = moments_from(groups)
    assert n == 2000 and layout.selection.feature_names() == ("a", "b", "c")


def test_bad_row_in_a_later_range_is_an_input_error(client, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("a,y\n" + "1,2\n" * 3000 + "x,3\n")
    with pytest.raises(InputError, match="'x' is not a number"):
        dask_moments(str(path), ReadOptions(), client=client, block_bytes=2048)
