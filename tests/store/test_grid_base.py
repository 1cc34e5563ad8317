"""``GridBase.clusters`` (coarse cells wholly in the view from per-zoom sums, border cells from
fine cells found by binary search: ``store/grid_levels.py``) gives exactly what the plain
version gave: every fine cell tested against the box, cells grouped by ``np.unique(axis=1)``
(kept here as the reference)."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictscope.store.stats import BASE_ZOOM, GridBase, GridCluster, cell_size

TYPES = ("Battles", "Protests", "Riots")
FINE_X, FINE_Y = int(360 / cell_size(BASE_ZOOM)), int(180 / cell_size(BASE_ZOOM))


def reference_clusters(base: GridBase, zoom: int,
                       bbox: tuple[float, float, float, float] | None) -> list[GridCluster]:
    """The implementation before the band search (every cell tested, 2-D unique)."""
    fine, cell = cell_size(BASE_ZOOM), cell_size(zoom)
    keep = np.ones(len(base.gx), dtype=bool)
    if bbox is not None:
        cx, cy = (base.gx + 0.5) * fine - 180.0, (base.gy + 0.5) * fine - 90.0
        keep = (cx >= bbox[0]) & (cx <= bbox[2]) & (cy >= bbox[1]) & (cy <= bbox[3])
    factor = 2 ** (BASE_ZOOM - zoom)
    index = np.flatnonzero(keep)
    cx_, cy_ = base.gx[index] // factor, base.gy[index] // factor
    keys, slot = np.unique(np.stack([cx_, cy_]), axis=1, return_inverse=True)
    slot = slot.ravel()
    n = keys.shape[1]
    count, lon, lat, deaths = (np.bincount(slot, weights=w[index], minlength=n)
                               for w in (base.count, base.lon_sum, base.lat_sum, base.deaths))
    by_type = np.zeros((n, len(base.types)), dtype=np.int64)
    np.add.at(by_type, (slot, base.kind[index]), base.count[index])
    alone = count[slot] == 1
    first_of = {int(p): base.first[int(r)] for p, r in zip(slot[alone], index[alone], strict=True)}
    out = []
    for i in range(n):
        x, y = int(keys[0, i]), int(keys[1, i])
        total = int(count[i])
        kinds = {base.types[t]: int(v) for t, v in enumerate(by_type[i]) if v}
        box = (x * cell - 180.0, y * cell - 90.0, (x + 1) * cell - 180.0, (y + 1) * cell - 90.0)
        out.append(GridCluster(round(float(lat[i]) / total, 5), round(float(lon[i]) / total, 5),
                               total, int(deaths[i]), kinds, box, first_of.get(i)))
    return out


@st.composite
def bases(draw: st.DrawFn) -> GridBase:
    """A grid base as ``Store.grid_base`` builds it: unique (cell, type) rows sorted by row,
    column, type; sums consistent with points inside each cell."""
    fine = cell_size(BASE_ZOOM)
    cells = draw(st.sets(st.tuples(st.integers(0, FINE_X - 1), st.integers(0, FINE_Y - 1),
                                   st.integers(0, len(TYPES) - 1)), max_size=60))
    rows = sorted(cells, key=lambda c: (c[1], c[0], c[2]))
    counts = [draw(st.integers(1, 5)) for _ in rows]
    lon = [n * ((x + 0.5) * fine - 180.0) for (x, _, _), n in zip(rows, counts, strict=True)]
    lat = [n * ((y + 0.5) * fine - 90.0) for (_, y, _), n in zip(rows, counts, strict=True)]
    arr = lambda values, kind: np.array(values, dtype=kind)  # noqa: E731
    return GridBase(arr([r[0] for r in rows], np.int64), arr([r[1] for r in rows], np.int64),
                    arr([r[2] for r in rows], np.int64), arr(counts, np.int64),
                    arr(lon, np.float64), arr(lat, np.float64),
                    arr([draw(st.integers(0, 50)) for _ in rows], np.int64),
                    tuple(f"e{i:04d}" for i in range(len(rows))), TYPES)


def dense_base(seed: int, size: int) -> GridBase:
    """A grid base crowding a few coarse cells around (0, 0) (random points in each fine cell,
    1-3 events each), so that views hold whole coarse cells and partial ones."""
    rng = np.random.default_rng(seed)
    fine = cell_size(BASE_ZOOM)
    drawn = zip(rng.integers(990, 1031, size).tolist(), rng.integers(490, 531, size).tolist(),
                rng.integers(0, len(TYPES), size).tolist(), strict=True)
    rows = sorted(set(drawn), key=lambda c: (c[1], c[0], c[2]))
    n = len(rows)
    counts = rng.integers(1, 4, n)
    column, row = np.array([r[0] for r in rows]), np.array([r[1] for r in rows])
    return GridBase(column, row, np.array([r[2] for r in rows]), counts,
                    ((column + rng.random(n)) * fine - 180.0) * counts,
                    ((row + rng.random(n)) * fine - 90.0) * counts,
                    rng.integers(0, 5, n), tuple(f"e{i:04d}" for i in range(n)), TYPES)


dense_bases = st.builds(dense_base, st.integers(0, 2**32 - 1), st.integers(200, 900))


boxes = st.none() | st.tuples(st.floats(-200, 200), st.floats(-100, 100),
                              st.floats(0, 400), st.floats(0, 200)).map(
    lambda b: (b[0], b[1], b[0] + b[2], b[1] + b[3]))


@settings(max_examples=300, deadline=None)
@given(base=bases(), zoom=st.integers(0, BASE_ZOOM), bbox=boxes)
def test_band_search_gives_the_reference_clusters(base: GridBase, zoom: int,
                                                  bbox: tuple[float, float, float, float] | None) -> None:
    assert base.clusters(zoom, bbox) == reference_clusters(base, zoom, bbox)


near_boxes = st.tuples(st.floats(-8, 3), st.floats(-6, 4), st.floats(0, 10), st.floats(0, 10)).map(
    lambda b: (b[0], b[1], b[0] + b[2], b[1] + b[3]))


@settings(max_examples=300, deadline=None)
@given(base=dense_bases, zoom=st.integers(0, BASE_ZOOM), bbox=st.none() | near_boxes)
def test_whole_and_partial_coarse_cells_give_the_reference_clusters(
        base: GridBase, zoom: int, bbox: tuple[float, float, float, float] | None) -> None:
    assert base.clusters(zoom, bbox) == reference_clusters(base, zoom, bbox)
    assert base.clusters(zoom, bbox) == reference_clusters(base, zoom, bbox)  # levels kept


def test_a_box_on_a_cell_centre_keeps_that_cell() -> None:
    fine = cell_size(BASE_ZOOM)
    y = 700
    centre = (y + 0.5) * fine - 90.0
    base = GridBase(np.array([5, 5, 5], dtype=np.int64), np.array([y - 1, y, y + 1], dtype=np.int64),
                    np.zeros(3, dtype=np.int64), np.ones(3, dtype=np.int64),
                    np.full(3, (5.5) * fine - 180.0), np.array([centre - fine, centre, centre + fine]),
                    np.zeros(3, dtype=np.int64), ("a", "b", "c"), ("Battles",))
    box = (-180.0, centre, 180.0, centre)
    found = base.clusters(BASE_ZOOM, box)
    assert [c.event_id for c in found] == ["b"] == [c.event_id for c in reference_clusters(base, BASE_ZOOM, box)]
    assert math.isclose(found[0].latitude, round(centre, 5))


def test_many_dense_views_give_the_reference_clusters() -> None:
    """Seeded views over dense bases, every zoom: most hold whole and partial coarse cells."""
    rng = np.random.default_rng(5)
    for seed in range(40):
        base = dense_base(seed, 300 + 15 * seed)
        for zoom in range(BASE_ZOOM + 1):
            west, south = rng.uniform(-8, 2, 2)
            box = (west, south, west + rng.uniform(0, 10), south + rng.uniform(0, 10))
            assert base.clusters(zoom, box) == reference_clusters(base, zoom, box), (seed, zoom, box)
