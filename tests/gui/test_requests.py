"""Requests and replies (docs/ARCHITECTURE.md): each answer reaches whoever asked and no one else, a newer
request cancels the one before, and a drop on the window costs one request."""

from __future__ import annotations

from engine.data.images import SAMPLES_DIR
from engine.runtime import events as ev
from gui.feature_maps.view import FeatureMapView

DIGIT, CAT = SAMPLES_DIR / "digit_3.png", SAMPLES_DIR / "cat.jpg"


def test_two_views_asking_at_once_each_get_only_their_own_answers(qtbot, bridge):
    first, second = bridge.client(), bridge.client()
    got_first, got_second = [], []
    first.submit(ev.Analyze("lenet5"), {ev.AnalysisReady: got_first.append})
    second.submit(ev.Analyze("alexnet"), {ev.AnalysisReady: got_second.append})
    qtbot.waitUntil(lambda: bool(got_first and got_second), timeout=60000)
    assert [e.model for e in got_first] == ["lenet5"] and [e.model for e in got_second] == ["alexnet"]
    qtbot.waitUntil(lambda: bridge.outstanding() == 0)  # RequestDone: the bridge forgets both


def test_two_feature_views_on_one_engine_show_their_own_images(qtbot, bridge):
    views = [FeatureMapView(bridge), FeatureMapView(bridge)]
    for view, image in zip(views, (DIGIT, CAT), strict=True):
        qtbot.addWidget(view)
        view.show()
        view.set_model("lenet5")
        view.open_paths([str(image)])
    qtbot.waitUntil(lambda: all(v.shown_image() and not v.is_busy() for v in views), timeout=60000)
    assert [v.shown_image() for v in views] == [DIGIT.name, CAT.name]


def test_asking_again_cancels_the_earlier_request_and_a_failure_goes_to_its_sender(qtbot, bridge, tmp_path):
    client = bridge.client()
    answers, failures = [], []
    for model in ("vgg16", "resnet50", "lenet5"):  # a burst: only the last one's answer arrives
        client.submit(ev.Analyze(model), {ev.AnalysisReady: answers.append}, failures.append)
    qtbot.waitUntil(lambda: bridge.outstanding() == 0, timeout=60000)
    assert [e.model for e in answers] == ["lenet5"] and not failures
    unhandled = []
    bridge.failure_unhandled.connect(unhandled.append)
    client.submit(ev.Analyze("resnet9000"), {ev.AnalysisReady: answers.append}, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=60000)
    assert "resnet9000" in failures[0].message and failures[0].request_id > 0 and not unhandled


def test_a_newer_frame_replaces_the_waiting_one_and_the_sender_forgets_it_at_once(qtbot):
    """Live frames: a frame waiting in the engine's queue is replaced by a newer one (the engine starts on the
    newest frame), and the sender knows at once that no answer will come to the replaced one, so its count of
    frames in flight stays exact."""
    import numpy as np

    from gui.engine_bridge import EngineBridge

    bridge = EngineBridge(device="cpu")  # not started: the frames wait, as behind a frame being served
    client, answers = bridge.client(), []
    frames = [np.full((32, 32, 3), shade, np.uint8) for shade in (0, 255)]
    first, second = (client.submit(ev.InspectFrame("lenet5", pixels=f, layer=0), {ev.FrameMapsReady: answers.append})
                     for f in frames)
    assert not client.awaits(first) and client.awaits(second)
    with qtbot.waitSignal(bridge.device_ready, timeout=60000):
        bridge.start()
    try:
        qtbot.waitUntil(lambda: not client.awaits(second), timeout=60000)
        assert [a.request_id for a in answers] == [second]
    finally:
        bridge.shutdown()


def test_a_destroyed_view_is_answered_no_more(qtbot, bridge):
    view = FeatureMapView(bridge)
    view.show()
    view.set_model("lenet5")
    assert bridge.outstanding() >= 1
    view.deleteLater()
    qtbot.waitUntil(lambda: bridge.outstanding() == 0, timeout=60000)


def _count_requests(window) -> list:
    sent = []
    worker_submit = window.bridge._worker.submit

    def counting(request):
        sent.append(request)
        return worker_submit(request)

    window.bridge._worker.submit = counting
    return sent


def test_a_drop_is_one_request_whatever_page_is_on_screen(qtbot, window, drop_files):
    # Pages are built when first shown and then ask for their own analysis: walk them once, as a lecture does,
    # so that what is counted below is the drop alone.
    for section in ("vgg", "nin", "lenet", "overview"):  # the last model page shown takes a drop elsewhere
        window.show_section(section)
        qtbot.waitUntil(window.engine_idle, timeout=60000)
    qtbot.waitUntil(lambda: window.model_pages["vgg"].current_model() is not None, timeout=60000)
    cases = (("overview", "lenet5"), ("vgg", "vgg16"), ("lenet", "lenet5"))
    for section, model in cases:
        window.show_section(section)
        qtbot.waitUntil(window.engine_idle, timeout=60000)
        sent = _count_requests(window)
        assert drop_files(window, [DIGIT])
        assert [(type(r), r.model) for r in sent] == [(ev.InspectImage, model)], section
        view = window.feature_view
        # its maps on screen; the Grad-CAM and occlusion still running give up when the next page asks
        qtbot.waitUntil(lambda v=view: v.shown_image() == DIGIT.name, timeout=60000)
    window.show_section("nin")
    window.section_tabs["nin"].setCurrentIndex(0)
    qtbot.waitUntil(window.engine_idle, timeout=60000)
    sent = _count_requests(window)
    assert drop_files(window, [CAT])
    assert [type(r) for r in sent] == [ev.ExplainPointwise]  # the page on screen takes it; nothing else runs
