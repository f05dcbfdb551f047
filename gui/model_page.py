"""A model page (LeNet-5, AlexNet, VGG-16, ResNet, Inception): fact sheet, diagram area and layer table."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget)

from engine.numbers import exact, rounded
from gui.i18n import current_language
from gui.layer_table import LayerTableView, shape_text
from gui.widgets import PageHeader, scaled_font

__all__ = ["ModelPageView"]


class ModelPageView(QWidget):
    """One lecture section's models: pick a variant, read its facts and walk its layers.

    The page is passive: it asks for data with ``analysis_wanted`` and shows what it is given.
    """

    analysis_wanted = Signal(str)

    def __init__(self, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self._entries: dict[str, object] = {}
        self._analysis = None
        self._title, self._question = "", ""

        self.header = PageHeader(self)
        self.variant_label = QLabel(self)
        self.variant_combo = QComboBox(self)
        self.variant_combo.setFont(scaled_font(self, 1.2))
        self.variant_combo.currentIndexChanged.connect(self._on_variant_changed)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.facts.setFont(scaled_font(self, 1.15))
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.diagram_area = QLabel(self)
        self.diagram_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.diagram_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.diagram_area.setWordWrap(True)
        self.diagram_area.setMinimumHeight(160)
        self.table = LayerTableView(self)

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.variant_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.variant_combo, 0, Qt.AlignmentFlag.AlignBottom)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.facts)
        upper.addWidget(self.diagram_area)
        upper.setSizes([500, 700])
        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(upper)
        body.addWidget(self.table)
        body.setSizes([420, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        self.retranslate()

    # ------------------------------------------------------------ inputs

    def set_section_texts(self, title: str, question: str) -> None:
        self._title, self._question = title, question
        self.header.set_texts(title, question)

    def set_entries(self, entries) -> None:
        """The zoo entries of this page's section (``engine.events.ZooEntry``), in lecture order."""
        current = self.current_model()
        self._entries = {e.name: e for e in entries}
        self.variant_combo.blockSignals(True)
        self.variant_combo.clear()
        for entry in entries:
            self.variant_combo.addItem(entry.title, entry.name)
        index = self.variant_combo.findData(current) if current else 0
        self.variant_combo.setCurrentIndex(max(index, 0))
        self.variant_combo.blockSignals(False)
        self._on_variant_changed()

    def set_analysis(self, event) -> None:
        """An ``AnalysisReady`` event; ignored unless it is for the variant on screen."""
        if event.model != self.current_model():
            return
        self._analysis = event.analysis
        self.table.layer_model.set_rows(event.analysis.rows)
        self._show_facts()

    def current_model(self) -> str | None:
        return self.variant_combo.currentData()

    # ------------------------------------------------------------ events

    def _on_variant_changed(self) -> None:
        self._analysis = None
        self.table.layer_model.set_rows(())
        self._show_facts()
        if self.current_model():
            self.analysis_wanted.emit(self.current_model())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.variant_label.setText(self.tr("Model:"))
        self.diagram_area.setText(self.tr(
            "The network diagram of this model will be drawn here. "
            "It is not built yet: the diagram view is its own issue (#3)."))
        self.table.layer_model.retranslate()
        self._show_facts()

    # ------------------------------------------------------------ drawing

    def _show_facts(self) -> None:
        entry = self._entries.get(self.current_model())
        if entry is None:
            self.facts.setText(self.tr("Loading the model zoo…"))
            return
        ideas = entry.ideas_ko if current_language() == "ko" else entry.ideas_en
        lines = [
            f"<h2>{escape(entry.title)} <span style='font-weight:normal'>({entry.year})</span></h2>",
            f"<p><i>{escape(entry.paper)}</i><br>{escape(entry.authors)}</p>",
            "<table cellspacing='6'>",
            self._fact(self.tr("Input"), shape_text(entry.input_shape)),
            self._fact(self.tr("Weighted layers"), str(entry.depth)),
            self._fact(self.tr("Parameters"), f"{exact(entry.params)} ({rounded(entry.params)})"),
            self._fact(self.tr("Multiply-adds per image"), f"{exact(entry.macs)} ({rounded(entry.macs)})"),
        ]
        if entry.top1 is not None:
            lines.append(self._fact(self.tr("ImageNet top-1 (torchvision)"), f"{entry.top1:.1f}%"))
        lines.append("</table><ul>")
        lines += [f"<li>{escape(idea)}</li>" for idea in ideas]
        lines.append("</ul>")
        if self._analysis is None:
            analysing = self.tr("Analysing the layers…")
            lines.append(f"<p>{escape(analysing)}</p>")
        self.facts.setText("".join(lines))

    @staticmethod
    def _fact(label: str, value: str) -> str:
        return f"<tr><td><b>{escape(label)}</b></td><td>{escape(value)}</td></tr>"
