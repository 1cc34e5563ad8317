"""Coarse map cells summed from a fine grid, fast for wide views: each zoom's cells are summed
once from every fine cell (a *level*), and a view takes the coarse cells lying wholly inside it
from that level and sums only the fine cells of its partial border cells.

The answer is the one of summing every fine cell whose centre lies in the view (the rule of
``GridBase.clusters``): a coarse cell all of whose fine cells have their centre in the view
has the level's sums, accumulated over the same rows in the same order (so the floating-point
sums are the same to the bit); every other coarse cell of the view is summed from its fine
cells in the view, in row order. ``tests/store/test_grid_base.py`` checks both against the
plain sum with Hypothesis.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

#: More rows than the fine grid has: a coarse cell's key is column * this + row.
ROW_SPAN = 1 << 20
#: Fine column and row indexes are clamped to this magnitude (no stored point is near it).
_FAR = 1 << 40


@dataclass(frozen=True)
class Sums:
    """Coarse cells (sorted by key: column, then row) and their sums: count, longitudes,
    latitudes, deaths, count per type (n x types), and the smallest event id of a cell that
    holds one event (None otherwise)."""

    keys: Any
    count: Any
    lon: Any
    lat: Any
    deaths: Any
    by_type: Any
    alone: list[str | None]

    def take(self, chosen: Any) -> Sums:
        """These sums for the cells at the positions ``chosen``."""
        return Sums(self.keys[chosen], self.count[chosen], self.lon[chosen], self.lat[chosen],
                    self.deaths[chosen], self.by_type[chosen], [self.alone[i] for i in chosen.tolist()])


def sum_cells(base: Any, index: Any, factor: int) -> Sums:
    """The coarse cells (``factor`` fine cells a side) of the fine rows ``index`` of ``base``
    (a ``GridBase``), each sum accumulated in the order of ``index``."""
    key = (base.gx[index] // factor) * ROW_SPAN + base.gy[index] // factor
    keys, slot = np.unique(key, return_inverse=True)
    slot = slot.ravel()
    n, kinds_n = len(keys), len(base.types)
    count, lon, lat, deaths = (np.bincount(slot, weights=w[index], minlength=n)
                               for w in (base.count, base.lon_sum, base.lat_sum, base.deaths))
    by_type = np.bincount(slot * kinds_n + base.kind[index], weights=base.count[index],
                          minlength=n * kinds_n).reshape(n, kinds_n)
    alone: list[str | None] = [None] * n
    single = count[slot] == 1  # rows that are the only event of their coarse cell
    for position, row in zip(slot[single].tolist(), index[single].tolist(), strict=True):
        alone[position] = base.first[row]
    return Sums(keys, count, lon, lat, deaths, by_type, alone)


def merge(parts: list[Sums]) -> Sums:
    """Sums of disjoint sets of coarse cells, as one, sorted by key."""
    if len(parts) == 1:
        return parts[0]
    keys = np.concatenate([p.keys for p in parts])
    order = np.argsort(keys, kind="stable")
    count, lon, lat, deaths, by_type = (np.concatenate([getattr(p, name) for p in parts])
                                        for name in ("count", "lon", "lat", "deaths", "by_type"))
    joined = Sums(keys, count, lon, lat, deaths, by_type, [a for p in parts for a in p.alone])
    return joined.take(order)


def centre_range(low: float, high: float, origin: float, fine: float) -> tuple[int, int]:
    """The first and last fine index whose cell centre ``(i + 0.5) * fine - origin`` lies in
    ``[low, high]`` (the same floating-point expression as the plain test; empty when first >
    last)."""
    def centre(i: int) -> float:
        return (i + 0.5) * fine - origin

    first = max(-_FAR, min(_FAR, math.floor((low + origin) / fine - 0.5)))
    while first < _FAR and centre(first) < low:
        first += 1
    while first > -_FAR and centre(first - 1) >= low:
        first -= 1
    last = max(-_FAR, min(_FAR, math.ceil((high + origin) / fine - 0.5)))
    while last > -_FAR and centre(last) > high:
        last -= 1
    while last < _FAR and centre(last + 1) <= high:
        last += 1
    return first, last


class Levels:
    """The per-zoom sums of one grid base and its rows in column order (built on first use)."""

    def __init__(self, base: Any) -> None:
        self.base = base
        self._sums: dict[int, Sums] = {}
        self._by_x: Any = None

    def level(self, factor: int) -> Sums:
        """Every coarse cell of ``factor`` fine cells a side, summed over all rows."""
        found = self._sums.get(factor)
        if found is None:
            found = self._sums[factor] = sum_cells(self.base, np.arange(len(self.base.gx)), factor)
        return found

    def _rows_between(self, gy_low: int, gy_high: int, gx_low: int, gx_high: int) -> Any:
        """Fine rows with gy in [gy_low, gy_high] and gx in [gx_low, gx_high] (the base is
        sorted by gy): a binary search for the band, a test of gx in it."""
        gy, gx = self.base.gy, self.base.gx
        band = np.arange(int(np.searchsorted(gy, gy_low, side="left")),
                         int(np.searchsorted(gy, gy_high, side="right")))
        column = gx[band]
        return band[(column >= gx_low) & (column <= gx_high)]

    def _columns_between(self, gx_low: int, gx_high: int, gy_low: int, gy_high: int) -> Any:
        """Fine rows with gx in [gx_low, gx_high] and gy in [gy_low, gy_high], through the
        rows in column order."""
        if self._by_x is None:
            order = np.lexsort((self.base.gy, self.base.gx))
            self._by_x = (order, self.base.gx[order])
        order, sorted_x = self._by_x
        strip = order[int(np.searchsorted(sorted_x, gx_low, side="left")):
                      int(np.searchsorted(sorted_x, gx_high, side="right"))]
        row = self.base.gy[strip]
        return strip[(row >= gy_low) & (row <= gy_high)]

    def view(self, factor: int, columns: tuple[int, int], rows: tuple[int, int]) -> Sums:
        """The coarse cells of the fine cells in ``columns`` x ``rows`` (inclusive ranges)."""
        (c0, c1), (r0, r1) = columns, rows
        if c0 > c1 or r0 > r1:
            return sum_cells(self.base, np.arange(0), factor)
        # coarse columns / rows whose fine cells all lie in the ranges
        x0, x1 = -(-c0 // factor), (c1 + 1) // factor - 1
        y0, y1 = -(-r0 // factor), (r1 + 1) // factor - 1
        if x0 > x1 or y0 > y1:  # no whole coarse cell: sum the fine cells
            return sum_cells(self.base, self._rows_between(r0, r1, c0, c1), factor)
        level = self.level(factor)  # sorted by key: the block's columns are one slice
        first = int(np.searchsorted(level.keys, x0 * ROW_SPAN, side="left"))
        last = int(np.searchsorted(level.keys, (x1 + 1) * ROW_SPAN, side="left"))
        row = level.keys[first:last] % ROW_SPAN
        inner = level.take(first + np.flatnonzero((row >= y0) & (row <= y1)))
        inner_c0, inner_c1 = x0 * factor, (x1 + 1) * factor - 1  # fine ranges of the inner block
        inner_r0, inner_r1 = y0 * factor, (y1 + 1) * factor - 1
        border = [self._rows_between(r0, inner_r0 - 1, c0, c1),  # below and above the block
                  self._rows_between(inner_r1 + 1, r1, c0, c1),
                  self._columns_between(c0, inner_c0 - 1, inner_r0, inner_r1),  # left, right
                  self._columns_between(inner_c1 + 1, c1, inner_r0, inner_r1)]
        edge = np.sort(np.concatenate(border))
        return merge([inner, sum_cells(self.base, edge, factor)]) if len(edge) else inner
