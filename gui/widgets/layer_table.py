"""A table of an analysis' rows: one line per layer with its shape, kernel, parameters, cost and
receptive field (the input pixels one unit sees, ``engine.models.receptive``)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from engine.text.numbers import exact, shape_text

__all__ = ["LayerTableModel", "LayerTableView"]


def _kernel_text(row) -> str:
    if row.kernel is None:
        return ""
    text = f"{row.kernel[0]}×{row.kernel[1]}"
    if row.stride and row.stride != (1, 1):
        text += f", s={row.stride[0]}"
    if row.padding and row.padding != (0, 0):
        text += f", p={row.padding[0]}"
    if row.groups > 1:
        text += f", g={row.groups}"
    return text


def _field_text(row) -> str:
    size = row.rf_size
    if size is None:
        return ""
    return str(size[0]) if size[0] == size[1] else f"{size[0]}×{size[1]}"


class LayerTableModel(QAbstractTableModel):
    """Rows of an ``engine.models.analysis.Analysis``; numbers right-aligned and sortable by value."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple = ()
        self._headers: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self._headers = [self.tr("#"), self.tr("Layer (paper)"), self.tr("Module (torch)"), self.tr("Kind"),
                         self.tr("Output shape"), self.tr("Kernel"), self.tr("Parameters"),
                         self.tr("Multiply-adds"), self.tr("Receptive field")]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def set_rows(self, rows: tuple) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(row.index), row.paper_name or row.name, row.name, row.kind, shape_text(row.output_shape),
                    _kernel_text(row), exact(row.params) if row.params else "",
                    exact(row.macs) if row.macs else "", _field_text(row))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 6, 7, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"{row.op}: {shape_text(row.input_shape)} → {shape_text(row.output_shape)}"
            if column == 8 and row.rf_size is not None:
                text += "\n" + self._field_tooltip(row)
            return text
        return None

    def _field_tooltip(self, row) -> str:
        size = f"{row.rf_size[0]}×{row.rf_size[1]}"
        if row.rf_jump is None:
            return self.tr("Receptive field: {size} input pixels (everything the units before it see).").format(
                size=size)
        jump = str(row.rf_jump[0]) if row.rf_jump[0] == row.rf_jump[1] else f"{row.rf_jump[0]}×{row.rf_jump[1]}"
        text = self.tr("Receptive field: {size} pixels, units {jump} pixels apart, the first starting at {start}.")
        return text.format(size=size, jump=jump, start=f"({row.rf_start[0]}, {row.rf_start[1]})")


class LayerTableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer_model = LayerTableModel(self)
        self.setModel(self.layer_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
