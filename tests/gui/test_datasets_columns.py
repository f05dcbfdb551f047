"""The data sets' catalogue gives its room to the descriptions: the names' column wraps at a fifth of the table
(issue 13: at 1366×768 a 66-character name took half the table and each description ran down ten lines)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from gui.i18n import set_language
from gui.pages.datasets import DatasetsView


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_names_wrap_and_the_descriptions_get_the_room(qtbot, language):
    set_language(language)
    view = DatasetsView()
    qtbot.addWidget(view)
    view.resize(1090, 700)  # the page beside the navigation on a 1366×768 screen
    view.show()
    try:
        qtbot.wait(10)
        table = view.table
        width = table.viewport().width()
        assert table.columnWidth(0) <= width // 5 + 1
        assert table.columnWidth(4) >= 0.35 * width
        metrics = QFontMetrics(table.font())
        for row in range(table.rowCount()):  # every name whole, on as many lines as it needs
            text = table.item(row, 0).text()
            needed = metrics.boundingRect(QRect(0, 0, table.columnWidth(0) - 8, 10_000),
                                          int(Qt.TextFlag.TextWordWrap), text).height()
            assert needed <= table.rowHeight(row), text
    finally:
        set_language("en")
