"""The training panel's augmentation: a toggle per method of the augmentation page (mirroring and colour
shifting off for digits, saying why), and a few images of the batch being trained on, before and after."""

from __future__ import annotations

import numpy as np

from engine.data.augmentation import METHODS
from engine.learning.training import TrainConfig
from gui.panels.training import TrainingView
from gui.widgets.augmentation import AugmentationChoice, example_sheet


def test_each_method_is_toggled_on_its_own_and_digits_refuse_mirroring(qtbot):
    choice = AugmentationChoice()
    qtbot.addWidget(choice)
    assert tuple(choice.boxes) == METHODS
    choice.set_dataset("cifar10")
    assert all(box.isEnabled() for box in choice.boxes.values())
    choice.set_methods(("mirror", "colour"))
    assert choice.methods() == ("mirror", "colour")
    choice.set_dataset("digits")
    assert choice.methods() == ()  # both would change or miss the digits' labels: unticked
    assert not choice.boxes["mirror"].isEnabled() and "mirrored 2 is not a 2" in choice.boxes["mirror"].toolTip()
    assert not choice.boxes["colour"].isEnabled() and choice.boxes["crop"].toolTip() == ""
    choice.boxes["warp"].setChecked(True)
    choice.boxes["crop"].setChecked(True)
    assert choice.methods() == ("crop", "warp")


def test_the_sheet_puts_each_original_above_what_augmentation_made_of_it():
    originals = np.stack([np.full((4, 5), 10 * k, dtype=np.uint8) for k in range(3)])
    augmented = 255 - originals
    sheet = example_sheet(originals, augmented, columns=2, gap=1)
    assert sheet.shape == (2 * 9 + 3, 11)  # two pairs of rows, three pixels between them
    assert sheet[0, 6] == 10 / 255 and sheet[5, 6] == (255 - 10) / 255 and np.isnan(sheet[4, 0])
    assert sheet[12, 0] == 20 / 255 and sheet[17, 0] == (255 - 20) / 255 and np.isnan(sheet[12, 6])
    colour = example_sheet(np.repeat(originals[..., None], 3, -1), np.repeat(augmented[..., None], 3, -1))
    assert colour.shape == (10, 19, 3) and colour.dtype == np.uint8 and colour[4, 0, 0] == 255


def test_a_run_that_augments_shows_its_batch_and_the_options_carry_the_methods(qtbot, bridge, tmp_path):
    view = TrainingView(bridge, runs_folder=tmp_path / "runs")
    qtbot.addWidget(view)
    view.resize(1600, 900)
    view.show()
    config = TrainConfig(model="lenet5", dataset="digits", batch_size=512, epochs=1, device="cpu",
                         augment=("rotation", "warp"))
    view.set_options(config)
    assert view.options().augment == ("rotation", "warp")
    assert not view.augmented_examples.isVisible()
    view.start()
    qtbot.waitUntil(view.augmented_examples.isVisible, timeout=60_000)
    shown = view.augmented_examples.panel.image.image
    assert shown.shape == (2 * 66 + 6, 3 * 34 - 2)  # six images of the batch, each above its augmented one
    qtbot.waitUntil(lambda: view.start_button.isEnabled(), timeout=60_000)
    view.set_options(TrainConfig(model="lenet5", dataset="digits", batch_size=512, epochs=1, device="cpu"))
    view.start()
    qtbot.waitUntil(lambda: not view.augmented_examples.isVisible(), timeout=60_000)  # a new run without
    qtbot.waitUntil(lambda: view.start_button.isEnabled(), timeout=60_000)
