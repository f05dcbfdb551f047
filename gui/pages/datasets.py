"""The lecture's standard data sets: real samples of those on this computer, and size, classes, resolution and
what each is for.

The samples come from the engine (``ShowDatasetSamples``), read from the files training reads: the embedded
digits always, MNIST and CIFAR once they are on this computer (File → Prepare for class… fetches them). One row
per class, with its name in the interface language.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.data.datasets import CATALOGUE
from engine.runtime import events as ev
from engine.text.numbers import exact
from gui.i18n import current_language, localized
from gui.widgets.class_names import class_label
from gui.widgets.text import NOTICE_STYLE, LanguageAware, PageHeader, scaled_font, text_label

__all__ = ["DatasetsView", "SAMPLE_SETS"]

SAMPLE_SETS = ("digits", "mnist", "cifar10", "cifar100")
_PER_CLASS = 10
_PIXELS = 64  # each sample drawn this many pixels a side, nearest-neighbour: a pixel of the data stays a square
_GAP = 4


class _CatalogueTable(QTableWidget):
    """The catalogue: the names' column no wider than a fifth of the table (they wrap), so that the
    description gets the room ("UCI handwritten digits (Optical Recognition of Handwritten Digits)" took half a
    1366-pixel screen, and each description ran down ten short lines)."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_names()

    def fit_names(self) -> None:
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        widest = max(self.sizeHintForColumn(0), header.sectionSizeHint(0))
        header.resizeSection(0, max(min(widest, self.viewport().width() // 5), header.sectionSizeHint(0)))


class DatasetsView(LanguageAware, QWidget):
    """Sample grids (one tab per data set on this computer) above the catalogue's facts.

    Parameters
    ----------
    bridge : EngineBridge or None
        The engine, which reads the samples; None: facts only.
    parent : QWidget, optional
    data_root : str
        Where MNIST and CIFAR are; empty: the app's data folder.
    """

    def __init__(self, bridge=None, parent: QWidget | None = None, data_root: str = "") -> None:
        super().__init__(parent)
        self._engine = bridge.client(self) if bridge is not None else None
        self._data_root = data_root
        self._samples: dict[str, ev.DatasetSamplesReady] = {}
        self._asked = False
        self.header = PageHeader(self)
        self.samples_title = text_label(self, 1.2, bold=True)
        self.samples_tabs = QTabWidget(self)
        self.samples_tabs.setFont(scaled_font(self, 1.1))
        self.missing_label = text_label(self, 1.05)
        self.missing_label.setStyleSheet(NOTICE_STYLE)
        self.missing_label.setVisible(False)
        samples = QWidget(self)
        samples_column = QVBoxLayout(samples)
        samples_column.setContentsMargins(0, 0, 0, 0)
        samples_column.addWidget(self.samples_title)
        samples_column.addWidget(self.samples_tabs, 1)
        samples_column.addWidget(self.missing_label)

        self.table = _CatalogueTable(len(CATALOGUE), 6, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setFont(scaled_font(self, 1.1))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.fit_names()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(samples)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([560, 440])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        self.retranslate()

    # ------------------------------------------------------------ public

    def ask_samples(self) -> None:
        """Ask the engine for the samples of every data set (files only, never the network)."""
        if self._engine is not None:
            self._asked = True
            for name in SAMPLE_SETS:
                self._engine.submit(ev.ShowDatasetSamples(name, _PER_CLASS, self._data_root),
                                    {ev.DatasetSamplesReady: self._on_samples_ready})

    def shown_sets(self) -> list[str]:
        """The data sets with a sample tab, in tab order."""
        return [self.samples_tabs.widget(i).property("dataset") for i in range(self.samples_tabs.count())]

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._asked:
            self.ask_samples()

    # ------------------------------------------------------------ events

    def _on_samples_ready(self, event: ev.DatasetSamplesReady) -> None:
        if event.name in SAMPLE_SETS:
            self._samples[event.name] = event
            self._show_samples()

    def data_arrived(self) -> None:
        """A preparation run has ended: a data set may have arrived."""
        if self._asked:
            self.ask_samples()

    # ------------------------------------------------------------ showing

    def _show_samples(self) -> None:
        current = self.samples_tabs.currentWidget()
        current_set = current.property("dataset") if current is not None else None
        self.samples_tabs.clear()
        for name in SAMPLE_SETS:
            samples = self._samples.get(name)
            if samples is None or samples.message:
                continue
            area = QScrollArea(self.samples_tabs)
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setWidget(self._grid(samples))
            area.setProperty("dataset", name)
            self.samples_tabs.addTab(area, self._set_title(name, len(samples.classes)))
            if name == current_set:
                self.samples_tabs.setCurrentWidget(area)
        missing = [self._set_name(name) for name in SAMPLE_SETS
                   if name in self._samples and self._samples[name].message]
        self.missing_label.setVisible(bool(missing))
        self.missing_label.setText(self.tr("Not on this computer, so facts only: {sets}. File → Prepare for class… "
                                           "fetches them (once, online).").format(sets=", ".join(missing)))
        if missing:
            self.missing_label.setToolTip("\n".join(localized(self._samples[n].message) for n in SAMPLE_SETS
                                                    if n in self._samples and self._samples[n].message))

    def _grid(self, samples: ev.DatasetSamplesReady) -> QWidget:
        grid = QWidget()
        layout = QGridLayout(grid)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(6)
        font = scaled_font(self, 1.1)
        for row, name in enumerate(samples.classes):
            label = QLabel(class_label(name), grid)
            label.setFont(font)
            label.setProperty("class_name", name)
            layout.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            strip = QLabel(grid)
            strip.setPixmap(_strip(samples.images[row, : samples.counts[row]]))
            layout.addWidget(strip, row, 1, Qt.AlignmentFlag.AlignLeft)
        layout.setColumnStretch(2, 1)
        layout.setRowStretch(len(samples.classes), 1)
        return grid

    def _set_name(self, name: str) -> str:
        return {"digits": self.tr("Handwritten digits (embedded)"), "mnist": "MNIST", "cifar10": "CIFAR-10",
                "cifar100": "CIFAR-100"}[name]

    def _set_title(self, name: str, classes: int) -> str:
        return self.tr("{name} · {classes} classes").format(name=self._set_name(name), classes=classes)

    # ------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.header.set_texts(self.tr("Data sets"),
                              self.tr("The standard image data sets, with their sizes (training + test where "
                                      "they come split); hover over a row for where the lecture rounds."))
        self.samples_title.setText(self.tr("Real samples of the data sets on this computer (test images, one row "
                                           "per class)"))
        if self._samples:
            self._show_samples()
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
        self.table.fit_names()


def _strip(images: np.ndarray) -> QPixmap:
    """``uint8`` (n, H, W, 3) side by side, each scaled to ``_PIXELS`` a side (nearest), with gaps."""
    count = len(images)
    if count == 0:
        return QPixmap()
    height, width = images.shape[1:3]
    scale = max(1, _PIXELS // max(height, width))
    tiles = np.repeat(np.repeat(images, scale, axis=1), scale, axis=2)
    tile_h, tile_w = tiles.shape[1:3]
    canvas = np.full((tile_h, count * (tile_w + _GAP) - _GAP, 3), 255, np.uint8)
    for index, tile in enumerate(tiles):
        left = index * (tile_w + _GAP)
        canvas[:, left: left + tile_w] = tile
    canvas = np.ascontiguousarray(canvas)
    image = QImage(canvas.data, canvas.shape[1], canvas.shape[0], canvas.strides[0], QImage.Format.Format_RGB888)
    return QPixmap.fromImage(image.copy())  # copy: the numpy buffer goes away
