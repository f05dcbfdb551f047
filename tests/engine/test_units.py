"""engine.inspection.units: one unit's receptive fields (theoretical and effective) and its computation."""

from __future__ import annotations

import queue
import time

import numpy as np
import pytest
import torch

from engine.data.images import SAMPLES_DIR, load_image
from engine.inspection.features import preprocess
from engine.inspection.units import explain_unit
from engine.models.analysis import analyze
from engine.models.weights import load_model
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError
from engine.runtime.worker import EngineWorker

DIGITS = sorted(SAMPLES_DIR.glob("digit_*.png"))


def _lenet_digit():
    loaded = load_model("lenet5")
    batch, _, _ = preprocess(load_image(DIGITS[3]).pixels, loaded.preprocessing)
    return loaded, analyze(loaded.module, tuple(batch.shape[1:])).rows, batch


def test_a_lenet_c1_unit_is_worked_out_to_its_map_value():
    loaded, rows, batch = _lenet_digit()
    conv1 = next(row.index for row in rows if row.name == "conv1")
    answer = explain_unit("lenet5", loaded.module, rows, batch, conv1, 2, 13, 9)
    with torch.no_grad():
        expected = float(loaded.module.conv1(batch)[0, 2, 13, 9])
    work = answer.computation
    assert work is not None and work.patch.shape == work.weights.shape == (1, 5, 5)
    assert (work.top, work.left) == (13, 9)  # no padding: the window starts at the unit's own position
    assert np.allclose(work.patch[0], batch[0, 0, 13:18, 9:14].numpy())
    assert np.allclose(work.products, work.patch * work.weights)
    assert work.total == pytest.approx(expected, abs=1e-5)
    assert answer.value == pytest.approx(expected, abs=1e-6) and work.after == ()
    assert answer.rf_size == (5, 5) and answer.box == (13, 9, 18, 14)
    # The gradient of a C1 unit is its 5×5 filter, so its effective field lies inside the box.
    assert answer.effective.shape == (32, 32) and answer.effective.max() == pytest.approx(1.0)
    outside = np.ones((32, 32), bool)
    outside[13:18, 9:14] = False
    assert not answer.effective[outside].any()


def test_an_activation_after_a_convolution_shows_the_chain_to_the_map_value():
    loaded, rows, batch = _lenet_digit()
    act1 = next(row.index for row in rows if row.name == "act1")
    answer = explain_unit("lenet5", loaded.module, rows, batch, act1, 0, 20, 4)
    work = answer.computation
    assert work.layer == "conv1" and [name for name, _, _ in work.after] == ["act1"]
    assert work.after[-1][2] == pytest.approx(np.tanh(work.total), abs=1e-5) == pytest.approx(answer.value)


def test_a_padded_strided_alexnet_conv1_unit_reads_its_window():
    loaded = load_model("alexnet")
    batch = torch.rand(1, 3, 224, 224)
    rows = analyze(loaded.module, (3, 224, 224)).rows
    conv1 = next(row.index for row in rows if row.name == "features.0")
    answer = explain_unit("alexnet", loaded.module, rows, batch, conv1, 5, 0, 30)
    work = answer.computation
    assert work.patch.shape == (3, 11, 11) and (work.top, work.left) == (-2, 118)
    assert not work.patch[:, :2].any()  # the two top rows lie in the zero padding
    assert not work.inside[:2].any() and work.inside[2:].all()
    assert work.total == pytest.approx(work.conv_value, abs=1e-4)
    assert answer.rf_size == (11, 11) and answer.box == (0, 118, 9, 129)


def test_a_deep_resnet_unit_has_an_effective_field_inside_its_theoretical_one():
    loaded = load_model("resnet18")
    batch = torch.rand(1, 3, 224, 224)
    rows = analyze(loaded.module, (3, 224, 224)).rows
    layer = next(row.index for row in rows if row.name == "layer3.0.conv1")
    answer = explain_unit("resnet18", loaded.module, rows, batch, layer, 0, 7, 7)
    top, left, bottom, right = answer.box
    assert answer.rf_size == (115, 115) and (bottom - top, right - left) == (115, 115)
    inside = np.zeros((224, 224), bool)
    inside[top:bottom, left:right] = True
    assert answer.effective[inside].any() and not answer.effective[~inside].any()
    # Its own value: the convolution's output there, worked out over 128 channels of 3×3.
    assert answer.computation.patch.shape == (128, 3, 3)
    assert answer.computation.total == pytest.approx(answer.value, rel=1e-4, abs=1e-4)


def test_a_unit_outside_the_layer_is_refused():
    loaded, rows, batch = _lenet_digit()
    with pytest.raises(UserInputError, match="no unit"):
        explain_unit("lenet5", loaded.module, rows, batch, 1, 0, 28, 0)


def test_the_engine_answers_an_inspect_unit_request():
    events: queue.Queue = queue.Queue()
    worker = EngineWorker(events.put, device="cpu")
    worker.start()
    try:
        worker.submit(ev.InspectUnit("lenet5", layer=1, unit=(0, 3, 4), path=str(DIGITS[0]), request_id=3))
        deadline, seen = time.monotonic() + 60, []
        while not any(isinstance(event, ev.RequestDone) for event in seen) and time.monotonic() < deadline:
            try:
                seen.append(events.get(timeout=0.1))
            except queue.Empty:
                pass
    finally:
        worker.stop()
    answer = next(event for event in seen if isinstance(event, ev.UnitExplained))
    assert answer.request_id == 3 and answer.layer_name == "conv1" and answer.box == (3, 4, 8, 9)


def test_unit_captures_are_reused_for_one_model_and_let_go_for_another():
    from engine.inspection.units import _Captures

    captures = _Captures()
    first, second = load_model("lenet5").module, load_model("lenet5").module
    names = ("input", "conv1")
    kept = captures.get(first, names)
    assert captures.get(first, names) is kept  # stepping across one layer traces the model once
    captures.get(second, names)
    assert len(captures._entries) == 1  # the first model's layers are not kept alive by its capture


def test_a_concatenated_channel_sees_through_its_own_branch():
    loaded = load_model("googlenet")
    analysis = analyze(loaded.module, (3, 224, 224))
    rows = analysis.rows
    cat = next(row.index for row in rows if row.name == "inception3a.cat")
    before = next(row for row in rows if row.name == "maxpool2")  # what inception 3a reads
    batch = torch.rand(1, 3, 224, 224)
    one_by_one = explain_unit("googlenet", loaded.module, rows, batch, cat, 0, 14, 14, edges=analysis.edges)
    pooled = explain_unit("googlenet", loaded.module, rows, batch, cat, 255, 14, 14, edges=analysis.edges)
    assert one_by_one.rf_size == before.rf_size  # 64 channels of a 1×1 convolution: no wider than its input
    assert pooled.rf_size[0] == before.rf_size[0] + 2 * before.rf_jump[0]  # a 3×3 max pool, then a 1×1
    # The layer's own field is its widest branch's (torchvision's "5×5" branch is a 3×3, as wide as the pool's).
    assert rows[cat].rf_size[0] == pooled.rf_size[0] > one_by_one.rf_size[0]
    for answer in (one_by_one, pooled):
        top, left, bottom, right = answer.box
        inside = np.zeros((224, 224), bool)
        inside[top:bottom, left:right] = True
        assert not answer.effective[~inside].any()
