"""The lecture's standard data sets: size, classes, resolution and what each is for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.datasets import CATALOGUE
from engine.numbers import exact
from gui.i18n import current_language
from gui.widgets import LanguageAware, PageHeader, scaled_font

__all__ = ["DatasetsView"]


class DatasetsView(LanguageAware, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = PageHeader(self)
        self.table = QTableWidget(len(CATALOGUE), 6, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setFont(scaled_font(self, 1.1))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.header.set_texts(self.tr("Data sets"),
                              self.tr("The standard image data sets, with their sizes (training + test where "
                                      "they come split); hover over a row for where the lecture rounds."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Data set"), self.tr("Year"), self.tr("Images"), self.tr("Classes"),
            self.tr("What it is"), self.tr("Trainable here")])
        korean = current_language() == "ko"
        for row, facts in enumerate(CATALOGUE):
            about = (facts.description_ko if korean else facts.description_en) + "\n" + \
                (facts.resolution_ko if korean else facts.resolution_en)
            withdrawn = facts.withdrawn_ko if korean else facts.withdrawn_en
            if withdrawn:  # on the row itself, first: a student must not go looking for it
                about = f"⚠ {withdrawn}\n{about}"
            note = facts.note_ko if korean else facts.note_en
            images = exact(facts.images)
            if facts.splits:
                images += "\n(" + " + ".join(exact(n) for n in facts.splits) + ")"
            cells = [facts.name, str(facts.year), images, exact(facts.classes), about,
                     self.tr("yes") if facts.loader else ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                item.setToolTip(note)  # where the lecture's figure is rounded, the canonical one
                if withdrawn:
                    item.setForeground(QColor("#a61e4d"))
                self.table.setItem(row, column, item)
