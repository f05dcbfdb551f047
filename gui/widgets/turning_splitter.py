"""A splitter that puts its two sides side by side when the width holds both, one above the other when not.

At 200 % and 250 % zoom on 1920×1080 the feature maps' image side and maps side (1261 + 650 px at 250 %) were
wider than the page (1364 px): since a section's tabs share one width, every page in the section, and every model
page after the feature maps had been shown, scrolled sideways (issue 13-f's walk). A ``TurningSplitter`` asks only
its widest side's width and turns vertical when its width is less than the sides' together.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QSplitter, QWidget

__all__ = ["TurningSplitter"]


class TurningSplitter(QSplitter):
    """A horizontal ``QSplitter`` that turns vertical when its width is less than its sides' least widths."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)

    def _sides(self) -> list[QWidget]:
        return [self.widget(i) for i in range(self.count()) if not self.widget(i).isHidden()]

    @staticmethod
    def _least(widget: QWidget) -> QSize:
        return widget.minimumSizeHint().expandedTo(widget.minimumSize())

    def row_width(self) -> int:
        """The width that holds the sides side by side, each at its least width."""
        sides = self._sides()
        return sum(self._least(w).width() for w in sides) + self.handleWidth() * max(len(sides) - 1, 0)

    def _needed_height(self, side: QWidget, width: int) -> int:
        """The height ``side`` needs at ``width``: its wrapped texts' (height for width), at least its least.
        A side's least height alone is too little: its wrapped labels need more lines than that assumes, and the
        layout then squeezed the top-5 below its five rows and cut the input's caption."""
        least = self._least(side).height()
        layout = side.layout()
        if layout is not None and layout.hasHeightForWidth():
            return max(least, layout.totalHeightForWidth(width))
        return least

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        sides = self._sides()
        if not sides:
            return super().minimumSizeHint()
        widest = max(self._least(w).width() for w in sides)
        if self.orientation() == Qt.Orientation.Horizontal:  # each side's texts wrapped at its present width
            return QSize(widest, max(self._needed_height(w, max(w.width(), self._least(w).width())) for w in sides))
        width = max(self.width(), widest)
        height = sum(self._needed_height(w, width) for w in sides) + self.handleWidth() * (len(sides) - 1)
        return QSize(widest, height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        wanted = (Qt.Orientation.Horizontal if event.size().width() >= self.row_width()
                  else Qt.Orientation.Vertical)
        if wanted != self.orientation():
            self.setOrientation(wanted)
        super().resizeEvent(event)
        if wanted == Qt.Orientation.Vertical:
            # Each side the height its texts need at this width, the last one what is left.
            sides = self._sides()
            sizes = [self._needed_height(w, event.size().width()) for w in sides]
            spare = event.size().height() - sum(sizes) - self.handleWidth() * (len(sides) - 1)
            if sides:
                sizes[-1] += max(0, spare)
                self.setSizes(sizes)
        self.updateGeometry()  # one above the other: the page gives it both sides' heights at this width
