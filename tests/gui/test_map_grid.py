"""The map grid: the scaling of maps for display, the mosaic kept between updates, and a blank that comes back."""

from __future__ import annotations

import numpy as np
import pytest

from gui.widgets.map_grid import MapGrid, normalised, normalised_map


@pytest.mark.parametrize("per_channel", [True, False])
def test_one_map_is_scaled_as_the_whole_layer_scales_it(per_channel):
    rng = np.random.default_rng(3)
    maps = rng.normal(size=(5, 7, 9)).astype(np.float32)
    maps[2] = 1.5  # a flat map
    maps[4, -1, 3:] = np.nan  # past the end of a vector laid out as a map
    whole = normalised(maps, per_channel)
    for channel in range(5):
        np.testing.assert_allclose(normalised_map(maps, channel, per_channel), whole[channel], rtol=1e-6)
    out = np.empty_like(maps)
    assert normalised(maps, per_channel, out=out) is out
    np.testing.assert_allclose(out, whole, rtol=1e-6)


def _colours(grid: MapGrid) -> int:
    picture = grid.grab().toImage()
    return len({picture.pixel(x, y) for x in range(0, picture.width(), 5) for y in range(0, picture.height(), 5)})


def test_fewer_maps_in_the_same_mosaic_leave_no_old_map_behind_and_a_blank_grid_paints_again(qtbot):
    grid = MapGrid()
    qtbot.addWidget(grid)
    grid.resize(300, 200)
    grid.show()
    rng = np.random.default_rng(0)
    grid.set_maps(rng.random((9, 6, 6), dtype=np.float32), per_channel=True)
    grid.set_maps(rng.random((8, 6, 6), dtype=np.float32), per_channel=True)  # 3×3 cells still: one left over
    mosaic = grid.image.image
    assert np.isnan(mosaic[-6:, -6:]).all() and not np.isnan(mosaic[:6, :6]).any()
    assert _colours(grid) > 3
    grid.blank()
    assert _colours(grid) == 1
    grid.set_maps(rng.random((8, 6, 6), dtype=np.float32), per_channel=True)
    assert _colours(grid) > 3  # painted again: blank keeps the view box (pyqtgraph's clear removed it)


def test_maps_start_at_the_top_of_a_panel_taller_than_they_need(qtbot):
    # On a short screen the feature page scrolls: maps centred in a tall panel began below the fold.
    grid = MapGrid()
    qtbot.addWidget(grid)
    grid.resize(300, 900)
    grid.show()
    grid.set_maps(np.random.default_rng(1).random((6, 28, 28), dtype=np.float32), per_channel=True)
    qtbot.waitExposed(grid)
    corner = grid.box.mapViewToDevice(grid.image.mapToView(grid.image.boundingRect().topLeft()))
    bottom = grid.box.mapViewToDevice(grid.image.mapToView(grid.image.boundingRect().bottomRight()))
    assert corner.y() < 20 and bottom.y() < 300  # two rows of three maps, 300 px wide: at the top
    assert corner.x() < 20 and bottom.x() > 280  # and as wide as the panel
