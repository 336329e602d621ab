"""`bnproof check FILE --plot OUT`: the plane of W* and d for any dimension, drawn faithfully
(a W0 fails exactly when its projection lies in the drawn region), written atomically with the
same bytes on every run; bad --plot paths are refused before any work."""

from __future__ import annotations

import importlib.util
import random
from fractions import Fraction

import pytest

# matplotlib is imported by the tests, not at collection (a worker's memory makes its forks slower)
if importlib.util.find_spec("matplotlib") is None:
    pytest.skip("could not import 'matplotlib'", allow_module_level=True)

from harness.check import distance_sq_to_ray, lemma_right_side  # noqa: E402
from harness.cli import main  # noqa: E402
from harness.plot import _half_planes_polygon, _plane  # noqa: E402
from harness.statistics import dot, exact_statistics  # noqa: E402
from harness.learning_set import LearningSet  # noqa: E402
from harness.vectors import RationalVector  # noqa: E402


def write_csv(path, text) -> str:
    path.write_text(text)
    return str(path)


CANONICAL = "a,b,price\n0,0,-3\n0,1,0\n1,0,2\n"


def random_set(dim: int, n: int, seed: int) -> LearningSet:
    rng = random.Random(seed)
    X = tuple(tuple(Fraction(rng.randint(-9, 9)) for _ in range(dim)) for _ in range(n))
    y = tuple(Fraction(rng.randint(-9, 9)) for _ in range(n))
    return LearningSet(X=X, y=y, name="random")


def test_plot_writes_the_same_png_bytes_on_every_run(tmp_path, capsys):
    data = write_csv(tmp_path / "c.csv", CANONICAL)
    first, second = tmp_path / "a.png", tmp_path / "b.png"
    assert main(["check", data, "--plot", str(first)]) == 0
    assert main(["check", data, "--plot", str(second), "--json"]) == 0
    assert first.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png", "b.png", "c.csv"]


def test_plot_draws_any_dimension(tmp_path, capsys):
    ls = random_set(6, 30, seed=5)
    text = "".join(",".join(str(v) for v in (*x, t)) + "\n" for x, t in zip(ls.X, ls.y))
    data = write_csv(tmp_path / "d6.csv", "a,b,c,d,e,f,y\n" + text)
    out = tmp_path / "plane.svg"
    assert main(["check", data, "--plot", str(out)]) == 0
    assert out.read_text().lstrip().startswith("<?xml")


def test_degenerate_set_writes_no_plot_and_says_why(tmp_path, capsys):
    out = tmp_path / "x.png"
    assert main(["check", "examples/collinear.json", "--plot", str(out)]) == 0
    assert "degenerate set has no plane" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("name, message", [("plane.txt", "ending in .png, .pdf, .svg"),
                                           ("missing/plane.png", "folder"),
                                           (".", "is a directory")])
def test_bad_plot_path_exits_2_before_any_work(name, message, tmp_path, capsys):
    out = tmp_path / "report.json"
    code = main(["check", write_csv(tmp_path / "c.csv", CANONICAL), "--plot", str(tmp_path / name),
                 "--output", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1
    assert not out.exists()


def test_a_failed_drawing_leaves_no_file(tmp_path, monkeypatch):
    import matplotlib.figure

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", lambda *a, **k: 1 / 0)
    data = write_csv(tmp_path / "c.csv", CANONICAL)
    with pytest.raises(ZeroDivisionError):
        main(["check", data, "--plot", str(tmp_path / "p.png")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv"]


def projected_samples(stats, seed: int, count: int = 200):
    """(u = ŵ - d̂ in plane coordinates, [(a, b, fails)]) for random W0 in R^5: (a, b) the
    projection of W0 onto the plane of the figure, `fails` whether (L4.5) fails at W0 (exactly)."""
    w, d = stats.w_star, stats.bn_direction
    e1, e2 = _plane([float(v) for v in w], [float(v) for v in d])
    dp = (sum(float(a) * b for a, b in zip(d, e1)), sum(float(a) * b for a, b in zip(d, e2)))
    norm = (dp[0] ** 2 + dp[1] ** 2) ** 0.5
    rng = random.Random(seed)
    samples = []
    for _ in range(count):
        w0 = [Fraction(rng.randint(-50, 50), 7) for _ in range(len(w))]
        v0, vw, vd = RationalVector.of(w0), RationalVector.of(w), RationalVector.of(d)
        fails = dot(w0, w) > 0 and distance_sq_to_ray(v0, vd) > lemma_right_side(v0, vw)
        samples.append((sum(float(x) * e for x, e in zip(w0, e1)),
                        sum(float(x) * e for x, e in zip(w0, e2)), fails))
    return (1 - dp[0] / norm, -dp[1] / norm), samples


BOX = (-1e4, 1e4, -1e4, 1e4)


@pytest.mark.parametrize("seed", range(4))
def test_a_w0_fails_exactly_when_its_projection_is_in_the_drawn_region(seed):
    """The figure is faithful in any dimension: for random W0 in R^5, (L4.5) fails at W0
    (exactly, docs/spec.md §3) iff its projection onto the plane of W* and d lies in the polygon
    the figure fills."""
    stats = exact_statistics(random_set(5, 12, seed))
    assert stats.degenerate is None and stats.lemma_fails
    u, samples = projected_samples(stats, seed)
    polygon = _half_planes_polygon(u, BOX)
    clear = [(a, b, fails) for a, b, fails in samples
             if min(abs(a), abs(a * u[0] + b * u[1])) > 1e-6]   # off the region's boundary
    assert len(clear) > 150
    assert all(_inside_polygon((a, b), polygon) == fails for a, b, fails in clear)


def _inside_polygon(p, polygon) -> bool:
    """p strictly inside a convex polygon (either orientation)."""
    sign = []
    for k, q in enumerate(polygon):
        r = polygon[(k + 1) % len(polygon)]
        sign.append((r[0] - q[0]) * (p[1] - q[1]) - (r[1] - q[1]) * (p[0] - q[0]))
    return all(s > 0 for s in sign) or all(s < 0 for s in sign)


def test_the_region_test_catches_a_flipped_half_plane():
    """Mutation: with the sign of ŵ - d̂ flipped the polygon no longer matches the failing W0."""
    u, samples = projected_samples(exact_statistics(random_set(5, 12, 0)), 1)
    polygon = _half_planes_polygon((-u[0], -u[1]), BOX)
    assert sum(_inside_polygon((a, b), polygon) != fails for a, b, fails in samples) > 20
