"""The layer table shows each layer's receptive field from the analysis."""

from __future__ import annotations

from PySide6.QtCore import Qt

from engine.models.analysis import analyze
from gui.widgets.layer_table import LayerTableView


def test_the_receptive_field_column_reads_the_analysis(qtbot):
    view = LayerTableView()
    qtbot.addWidget(view)
    rows = analyze("alexnet").rows
    view.layer_model.set_rows(rows)
    model = view.layer_model
    assert model.headerData(8, Qt.Orientation.Horizontal) == "Receptive field"
    pool5 = next(row.index for row in rows if row.name == "features.12")
    assert model.data(model.index(pool5, 8)) == "195"
    assert "32" in model.data(model.index(pool5, 8), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, 8)) == "1"
