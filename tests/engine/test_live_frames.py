"""A live frame (``InspectFrame``) gives what an image gives for the layer on screen, from one pass, no more."""

from __future__ import annotations

import queue
import time

import numpy as np
import pytest

from engine.data.frames import SyntheticSource
from engine.runtime import events as ev
from engine.runtime.worker import EngineWorker


def _answers(requests, until, timeout: float = 120.0) -> list[ev.Event]:
    events: queue.Queue = queue.Queue()
    worker = EngineWorker(events.put, device="cpu")
    for request in requests:
        worker.submit(request)
    worker.start()
    seen, deadline = [], time.monotonic() + timeout
    try:
        while not until(seen):
            assert time.monotonic() < deadline, [type(e).__name__ for e in seen]
            try:
                seen.append(events.get(timeout=0.1))
            except queue.Empty:
                continue
    finally:
        worker.stop()
    assert not [e for e in seen if isinstance(e, ev.RequestFailed)], seen
    return seen


def _done(ids):
    return lambda seen: set(ids) <= {e.request_id for e in seen if isinstance(e, ev.RequestDone)}


@pytest.fixture(scope="module")
def frame() -> np.ndarray:
    return SyntheticSource(size=(120, 160)).read()


def test_a_frame_brings_the_layer_on_screen_and_the_top5_as_an_image_does(frame):
    image = ev.InspectImage("lenet5", pixels=frame, name="frame", request_id=1, sender=1)
    live = ev.InspectFrame("lenet5", pixels=frame, layer=3, name="frame", request_id=2, sender=2)
    seen = _answers([image, live], _done([1, 2]))
    full = next(e for e in seen if type(e) is ev.FeatureMapsReady)
    answer = next(e for e in seen if isinstance(e, ev.FrameMapsReady))
    assert [e for e in seen if e.request_id == 2 and not isinstance(e, ev.RequestDone)] == [answer]  # nothing more
    assert answer.computed == 3 and len(answer.layers) == len(full.layers)
    assert [layer.name for layer in answer.layers] == [layer.name for layer in full.layers]
    np.testing.assert_allclose(answer.layers[3].maps, full.layers[3].maps, rtol=1e-5, atol=1e-6)
    assert all(layer.maps.shape == (0, 0, 0) for i, layer in enumerate(answer.layers) if i != 3)
    assert [p.index for p in answer.predictions] == [p.index for p in full.predictions]
    assert np.array_equal(answer.crop, full.crop) and answer.cam is None


def test_a_frame_that_asks_for_grad_cam_gets_the_one_an_image_gets(frame):
    image = ev.InspectImage("lenet5", pixels=frame, name="frame", request_id=1, sender=1)
    live = ev.InspectFrame("lenet5", pixels=frame, layer=1, explain=True, request_id=2, sender=2)
    seen = _answers([image, live], _done([1, 2]))
    cam = next(e for e in seen if isinstance(e, ev.GradCamReady))
    answer = next(e for e in seen if isinstance(e, ev.FrameMapsReady))
    assert answer.cam is not None
    assert (answer.cam.class_index, answer.cam.layer, answer.cam.activation) == (
        cam.class_index, cam.layer, cam.activation)
    np.testing.assert_allclose(answer.cam.cam, cam.cam, atol=1e-4)


def test_waiting_frames_replace_each_other_but_one_being_served_is_finished(frame):
    # Three frames of one view wait before the engine starts: only the newest is served (latest frame wins).
    frames = [ev.InspectFrame("lenet5", pixels=frame, layer=1, request_id=i, sender=7) for i in (1, 2, 3)]
    seen = _answers(frames, _done([1, 2, 3]))
    assert [e.request_id for e in seen if isinstance(e, ev.FrameMapsReady)] == [3]


def test_a_waiting_frame_cuts_a_still_images_grad_cam_and_occlusion_short(frame):
    # The view's own image first, then a frame of the same view: the image's maps come, its extras do not.
    image = ev.InspectImage("resnet18", pixels=frame, name="still", request_id=1, sender=5)
    live = ev.InspectFrame("resnet18", pixels=frame, layer=1, request_id=2, sender=5)
    seen = _answers([image, live], _done([1, 2]))
    assert [type(e) for e in seen if e.request_id == 1][:1] == [ev.FeatureMapsReady]
    assert not [e for e in seen if isinstance(e, (ev.GradCamReady, ev.OcclusionReady))]
    assert [e.request_id for e in seen if isinstance(e, ev.FrameMapsReady)] == [2]


def test_a_frame_on_the_cpu_leaves_a_core_to_the_screen_and_gives_the_threads_back(frame, monkeypatch):
    import torch

    import engine.inspection.live as live

    during = []
    original = live._frame_maps

    def watched(*args):
        during.append(torch.get_num_threads())
        return original(*args)

    monkeypatch.setattr(live, "_frame_maps", watched)
    before = torch.get_num_threads()
    worker = EngineWorker(lambda event: None, device="cpu")  # not started: the handler runs on this thread
    worker.set_device("cpu")
    answers = list(live.inspect_frame_events(worker, ev.InspectFrame("lenet5", pixels=frame, layer=1)))
    assert [type(a) for a in answers] == [ev.FrameMapsReady]
    assert during == [max(1, before - 1)] and torch.get_num_threads() == before
