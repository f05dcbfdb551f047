"""The training panel starts from each model's default recipe (engine/learning/recipes.py), as the command line."""

from __future__ import annotations

import gc

import pytest

from engine.learning.recipes import recipe_for
from gui.engine_bridge import EngineBridge
from gui.panels.training import TrainingView


@pytest.fixture
def view(qtbot, tmp_path):
    bridge = EngineBridge(device="cpu")
    view = TrainingView(bridge, runs_folder=tmp_path / "runs")
    qtbot.addWidget(view)
    yield view
    bridge.shutdown()
    gc.collect()


def _recipe_shown(view: TrainingView) -> tuple:
    config = view.options()
    return config.optimizer, config.learning_rate, config.batch_size, config.schedule, config.weight_decay


def test_the_panel_starts_from_lenet5_s_recipe_and_follows_the_model_picked(view):
    lenet = recipe_for("lenet5", "digits")
    assert _recipe_shown(view) == (lenet.optimizer, lenet.lr, lenet.batch_size, lenet.schedule, lenet.weight_decay)
    view.model_combo.setCurrentIndex(view.model_combo.findData("resnet20"))
    view.model_combo.activated.emit(view.model_combo.currentIndex())
    resnet = recipe_for("resnet20", "digits")
    assert _recipe_shown(view) == (resnet.optimizer, resnet.lr, resnet.batch_size, resnet.schedule,
                                   pytest.approx(resnet.weight_decay))
    view.dataset_combo.setCurrentIndex(view.dataset_combo.findData("cifar10"))
    view.dataset_combo.activated.emit(view.dataset_combo.currentIndex())
    assert _recipe_shown(view)[2:4] == (128, "step")  # He et al.'s CIFAR recipe
