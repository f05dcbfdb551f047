"""Issue 15 in the training panel: damaged and uneven run folders, errors that outlive their cause, duplicates."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from engine.runtime import events as ev
from gui.engine_bridge import EngineBridge
from gui.panels.training import TrainingView


def _metrics(run_id: str, steps: int = 3) -> dict:
    return {"run_id": run_id, "label": f"{run_id} run", "model": "lenet5", "dataset": "digits", "epochs": 1,
            "status": "finished", "message": "",
            "steps": {"step": list(range(1, steps + 1)), "epoch": [1] * steps, "loss": [2.0] * steps,
                      "smoothed": [2.0] * steps, "lr": [0.1] * steps},
            "epoch_metrics": [{"epoch": 1, "step": steps, "train_loss": 2.0, "train_accuracy": 0.5,
                               "test_loss": 2.0, "test_accuracy": 0.6, "lr": 0.1, "seconds": 1.0}]}


def _folder(root: Path, name: str, metrics: dict) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "metrics.json").write_text(json.dumps(metrics), encoding="utf-8")
    return folder


@pytest.fixture
def bridge():
    bridge = EngineBridge(device="cpu")
    bridge.start()
    yield bridge
    bridge.shutdown()
    gc.collect()  # the bridge and its worker form a cycle: freed here, on the GUI thread


def _texts(view: TrainingView) -> list[str]:
    return [view.runs_list.item(row).text() for row in range(view.runs_list.count())]


def test_2_a_damaged_run_is_listed_as_damaged_beside_the_others(qtbot, bridge, tmp_path):
    _folder(tmp_path, "a-broken", _metrics("a") | {"epochs": "abc"})
    _folder(tmp_path, "b-good", _metrics("b"))
    view = TrainingView(bridge, runs_folder=tmp_path)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.runs_list.count() == 2, timeout=60_000)
    broken, good = _texts(view)
    assert "damaged" in broken and "best test accuracy 60.0%" in good
    assert not view.message_label.isVisibleTo(view)
    item = view.runs_list.item(0)
    assert "a-broken" in item.toolTip()
    view.runs_list.itemClicked.emit(item)
    assert "is damaged" in view.message_label.text()


def test_3_a_run_with_uneven_step_arrays_is_refused_and_not_half_added(qtbot, bridge, tmp_path):
    metrics = _metrics("uneven")
    metrics["steps"]["loss"] = [1.0]
    _folder(tmp_path, "uneven", metrics)
    view = TrainingView(bridge, runs_folder=tmp_path)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.runs_list.count() == 1, timeout=60_000)
    view.runs_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: "different lengths" in view.message_label.text(), timeout=10_000)
    assert not view._runs and view.loss_legend.items == []


def test_11_an_old_error_goes_once_a_run_opens_and_a_duplicate_says_so(qtbot, bridge, tmp_path):
    first = _folder(tmp_path, "first", _metrics("same"))
    copy = _folder(tmp_path, "copy", _metrics("same"))  # a copied folder keeps its run id
    view = TrainingView(bridge, runs_folder=tmp_path)
    qtbot.addWidget(view)
    view.show()
    view._on_request_failed(ev.RequestFailed("LoadRun", "an earlier problem"))
    assert view.message_label.isVisible()
    view.open_run(first)
    qtbot.waitUntil(lambda: len(view._runs) == 1, timeout=60_000)
    assert not view.message_label.isVisible()
    view.open_run(copy)
    qtbot.waitUntil(lambda: len(view._runs) == 2, timeout=10_000)
    assert any("(copy)" in run.label for run in view._runs.values())
    view.open_run(first)
    qtbot.waitUntil(lambda: "is already shown" in view.message_label.text(), timeout=10_000)
    assert len(view._runs) == 2
