"""A layout that puts its widgets side by side when the width holds them, one under another when it does not.

At 200 % zoom (or on a 1366-pixel screen at 150 %) a page whose panels sat in a fixed row was wider than the
window: it scrolled sideways and squeezed its result panels until their formulas were cut. A ``ReflowLayout``
keeps the row while every widget gets the width it needs, and stacks them otherwise; it answers height for
width, so a page's scroll area gives it the height of whichever arrangement its width makes.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem

from gui.widgets.zoom import zoom_factor

__all__ = ["ReflowLayout", "StackingReflowLayout"]


class ReflowLayout(QLayout):
    """Widgets in one row when each gets its ``min_width`` (pixels at 100 %, scaled by the app's zoom; a widget
    of fixed width gets that width), else in one column, each as wide as the layout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._min_widths: list[int] = []
        self._stretches: list[int] = []
        self.setSpacing(8)
        self.setContentsMargins(0, 0, 0, 0)

    # ------------------------------------------------------------ building

    def add(self, widget: QWidget, min_width: int = 0, stretch: int = 1) -> None:
        """Add ``widget``; side by side it needs ``min_width`` pixels at 100 % and shares spare width by
        ``stretch`` (a widget of fixed width, or of ``stretch`` 0, keeps its own)."""
        self.addChildWidget(widget)
        self._items.append(QWidgetItem(widget))
        self._min_widths.append(min_width)
        self._stretches.append(stretch)
        self.invalidate()

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)
        self._min_widths.append(0)
        self._stretches.append(1)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        if not 0 <= index < len(self._items):
            return None
        self._min_widths.pop(index)
        self._stretches.pop(index)
        return self._items.pop(index)

    # ------------------------------------------------------------ measuring

    def _shown(self) -> list[int]:
        return [i for i, item in enumerate(self._items) if not item.isEmpty()]

    def _fixed(self, index: int) -> int | None:
        item = self._items[index]
        low, high = item.minimumSize().width(), item.maximumSize().width()
        return low if low == high else None

    def _needed(self, index: int) -> int:
        fixed = self._fixed(index)
        if fixed is not None:
            return fixed
        return max(self._items[index].minimumSize().width(), round(self._min_widths[index] * zoom_factor()))

    def in_a_row(self, width: int) -> bool:
        """Whether ``width`` (the layout's, margins included) holds the shown widgets side by side."""
        shown = self._shown()
        margins = self.contentsMargins()
        room = width - margins.left() - margins.right()
        return sum(self._needed(i) for i in shown) + self.spacing() * max(len(shown) - 1, 0) <= room

    def _widths(self, room: int, shown: list[int]) -> list[int]:
        # A widget of fixed width, or of no stretch, keeps its own width; the others share what is left.
        fixed = {i: self._needed(i) if self._stretches[i] == 0 else self._fixed(i) for i in shown}
        spare = room - self.spacing() * (len(shown) - 1) - sum(w for w in fixed.values() if w is not None)
        shares = sum(self._stretches[i] for i in shown if fixed[i] is None) or 1
        return [fixed[i] if fixed[i] is not None else max(self._needed(i), spare * self._stretches[i] // shares)
                for i in shown]

    def _height(self, index: int, width: int) -> int:
        item = self._items[index]
        height = item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
        return max(item.minimumSize().height(), min(height, item.maximumSize().height()))

    def _arrangement(self, rect: QRect) -> list[tuple[int, QRect]]:
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        shown = self._shown()
        if not shown:
            return []
        if self.in_a_row(rect.width()):
            widths = self._widths(inner.width(), shown)
            height = max([inner.height()] + [self._height(i, w) for i, w in zip(shown, widths, strict=True)])
            x, placed = inner.x(), []
            for index, width in zip(shown, widths, strict=True):
                placed.append((index, QRect(x, inner.y(), width, height)))
                x += width + self.spacing()
            return placed
        y, placed = inner.y(), []
        heights = [self._height(i, inner.width()) for i in shown]
        spare = max(0, inner.height() - sum(heights) - self.spacing() * (len(shown) - 1))
        for n, (index, height) in enumerate(zip(shown, heights, strict=True)):
            height += spare if n == len(shown) - 1 else 0  # the last one takes what is left
            placed.append((index, QRect(inner.x(), y, inner.width(), height)))
            y += height + self.spacing()
        return placed

    # ------------------------------------------------------------ QLayout

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        placed = self._arrangement(QRect(0, 0, width, 0))
        margins = self.contentsMargins()
        return max((rect.bottom() + 1 for _, rect in placed), default=0) + margins.bottom()

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation.Horizontal | Qt.Orientation.Vertical

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        shown = self._shown()
        margins = self.contentsMargins()
        width = max((self._needed(i) for i in shown), default=0) + margins.left() + margins.right()
        height = max((self._items[i].minimumSize().height() for i in shown), default=0)
        return QSize(width, height + margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        shown = self._shown()
        margins = self.contentsMargins()
        width = sum(max(self._needed(i), self._items[i].sizeHint().width()) for i in shown)
        width += self.spacing() * max(len(shown) - 1, 0) + margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        for index, placed in self._arrangement(rect):
            self._items[index].setGeometry(placed)


class StackingReflowLayout(ReflowLayout):
    """A ``ReflowLayout`` whose least width is that of its widest widget one under another: a widget's
    ``min_width`` decides whether the widgets sit side by side, not how narrow the page may be.

    A plain ``ReflowLayout`` asks for its widest ``min_width`` even when it stacks: the bottleneck cost tab's
    results (two panels' 330 px + 8, × 2.5 = 1670 px at 250 %) then made the page wider than the window on
    1920×1080 (a 1364 px view), so it scrolled sideways and its panels stayed side by side, "(1×1×192)" cut.
    """

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        size = super().minimumSize()
        margins = self.contentsMargins()
        width = max((self.itemAt(i).minimumSize().width() for i in self._shown()), default=0)
        return QSize(width + margins.left() + margins.right(), size.height())
