"""Small building blocks shared by the pages: the page header and projector-sized fonts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

__all__ = ["PageHeader", "LanguageAware", "scaled_font", "text_label", "ACCENT", "NOTICE_STYLE", "ERROR_STYLE",
           "GOOD_STYLE"]

ACCENT = "#1f6feb"  # one accent colour for questions and highlights, legible on a washed-out projector
# Message boxes: a notice (something to know), an error (something refused), a good state (something that works).
NOTICE_STYLE = "color: #8a5a00; background: #fff4d6; padding: 8px; border-radius: 4px;"
ERROR_STYLE = "color: #a61e1e; background: #ffe3e3; padding: 8px; border-radius: 4px;"
GOOD_STYLE = "color: #1b5e20; background: #e6f4ea; padding: 8px; border-radius: 4px;"


class LanguageAware:
    """Mixin for a widget with a ``retranslate()`` method: it runs whenever the interface language changes."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() * factor))
    font.setBold(bold)
    return font


class PageHeader(QWidget):
    """A page's title and the question the lecturer asks the class on that slide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setFont(scaled_font(self, 2.2, bold=True))
        self.title.setWordWrap(True)  # a long title at a large zoom on a small screen takes two lines
        self.question = QLabel(self)
        self.question.setFont(scaled_font(self, 1.35))
        self.question.setStyleSheet(f"color: {ACCENT};")
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.question)

    def set_texts(self, title: str, question: str = "") -> None:
        self.title.setText(title)
        self.question.setText(question)
        self.question.setVisible(bool(question))


def text_label(parent: QWidget, factor: float, bold: bool = False) -> QLabel:
    """A label for a page's figures and explanations: ``factor`` times the page's font, wrapped, selectable
    (a lecturer can copy a number onto a slide)."""
    label = QLabel(parent)
    label.setFont(scaled_font(parent, factor, bold))
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
