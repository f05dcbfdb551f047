"""Training's augmentation in the training panel: a toggle per method of the augmentation page, and a few images
of the batch being trained on, before and after their augmentation."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from engine.data.augmentation import METHODS, methods_for
from gui.widgets.map_grid import ImagePanel
from gui.widgets.text import LanguageAware, scaled_font

__all__ = ["AugmentationChoice", "AugmentedExamples", "example_sheet"]

_COLUMNS = 2


class AugmentationChoice(LanguageAware, QWidget):
    """One check box per method (``engine.data.augmentation.METHODS``), in the lecture's order.

    :meth:`set_dataset` disables the methods that do not keep that data set's labels (mirroring and colour
    shifting for digits), unticked, with a tooltip that says why.
    """

    methods_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes = {method: QCheckBox(self) for method in METHODS}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        for index, box in enumerate(self.boxes.values()):
            grid.addWidget(box, *divmod(index, _COLUMNS))
            box.toggled.connect(self.methods_changed)
        self._dataset = "digits"
        self.retranslate()
        self.set_dataset(self._dataset)

    def methods(self) -> tuple[str, ...]:
        """The methods ticked, in the lecture's order."""
        return tuple(method for method, box in self.boxes.items() if box.isChecked() and box.isEnabled())

    def set_methods(self, methods) -> None:
        for method, box in self.boxes.items():
            box.setChecked(method in methods and box.isEnabled())

    def set_dataset(self, dataset: str) -> None:
        """Enable the methods that keep ``dataset``'s labels; the others are unticked."""
        self._dataset = dataset
        allowed = methods_for(dataset)
        for method, box in self.boxes.items():
            box.setEnabled(method in allowed)
            if method not in allowed:
                box.setChecked(False)
        self._set_tooltips()

    def retranslate(self) -> None:
        names = {"mirror": self.tr("Mirroring"), "crop": self.tr("Cropping"), "rotation": self.tr("Rotation"),
                 "shear": self.tr("Shearing"), "warp": self.tr("Warping"), "colour": self.tr("Colour shifting")}
        for method, box in self.boxes.items():
            box.setText(names[method])
        self._set_tooltips()

    def _set_tooltips(self) -> None:
        reasons = {"mirror": self.tr("A mirrored 2 is not a 2: mirroring would change the digits' labels."),
                   "colour": self.tr("The digits are gray: there is no colour to shift.")}
        for method, box in self.boxes.items():
            box.setToolTip("" if box.isEnabled() else reasons.get(method, ""))


def example_sheet(originals: np.ndarray, augmented: np.ndarray, columns: int = 3, gap: int = 2) -> np.ndarray:
    """The images in rows of ``columns``, each row of originals with the row of their augmented images under
    it, ``gap`` pixels apart (a larger gap between the pairs of rows).

    Gray images (N, H, W) give a float sheet in [0, 1] with NaN gaps (drawn transparent); colour images
    (N, H, W, 3) a ``uint8`` sheet with white gaps.
    """
    count, height, width = originals.shape[:3]
    columns = max(1, min(columns, count))
    pairs = -(-count // columns)
    colour = originals.ndim == 4
    pair_height = 2 * height + gap
    shape = (pairs * pair_height + (pairs - 1) * 3 * gap, columns * (width + gap) - gap) + ((3,) if colour else ())
    sheet = np.full(shape, 255, dtype=np.uint8) if colour else np.full(shape, np.nan, dtype=np.float32)
    for index in range(count):
        pair, column = divmod(index, columns)
        left = column * (width + gap)
        for row, images in enumerate((originals, augmented)):
            top = pair * (pair_height + 3 * gap) + row * (height + gap)
            sheet[top:top + height, left:left + width] = images[index] if colour else images[index] / 255.0
    return sheet


class AugmentedExamples(LanguageAware, QWidget):
    """A few images of the batch a run trains on: the originals above, what augmentation made of them below
    (``engine.runtime.events.TrainingAugmented``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setFont(scaled_font(self, 1.15, bold=True))
        self.title.setWordWrap(True)
        self.panel = ImagePanel(self)
        self.panel.setMinimumSize(160, 140)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.panel, 1)
        self.retranslate()

    def show_examples(self, originals: np.ndarray, augmented: np.ndarray) -> None:
        sheet = example_sheet(originals, augmented)
        if sheet.ndim == 2:
            self.panel.show_array(sheet, levels=(0.0, 1.0), colormap="CET-L1")
        else:
            self.panel.show_array(sheet)

    def retranslate(self) -> None:
        self.title.setText(self.tr("This batch: each image above, augmented below"))
