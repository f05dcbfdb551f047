"""A section whose interactive part is not built yet: it teaches the lecture's text and says what is missing."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.widgets import NOTICE_STYLE, LanguageAware, PageHeader, scaled_font

__all__ = ["TransferLearningView"]


class _TextPage(LanguageAware, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = PageHeader(self)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setFont(scaled_font(self, 1.3))
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet(NOTICE_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        raise NotImplementedError


class TransferLearningView(_TextPage):
    def retranslate(self) -> None:
        self.header.set_texts(self.tr("Transfer learning"),
                              self.tr("Start from a network trained on ImageNet; how much of it to retrain "
                                      "depends on how much data you have."))
        cases = [
            (self.tr("Case 1: little data"),
             self.tr("Freeze every pretrained layer and train only a new classifier (softmax) on top.")),
            (self.tr("Case 2: more data"),
             self.tr("Freeze the early layers (generic edges and textures) and retrain the later ones "
                     "with the new classifier.")),
            (self.tr("Case 3: lots of data"),
             self.tr("Use the pretrained weights as the starting point and fine-tune the whole network.")),
        ]
        self.body.setText("".join(f"<p><b>{escape(t)}</b><br>{escape(d)}</p>" for t, d in cases))
        self.status.setText(self.tr("Not built yet: a live fine-tuning demo with frozen and trainable "
                                    "layers. This page shows the lecture's three cases only."))
