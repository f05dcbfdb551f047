"""File → Prepare for class…, the feature-map banner's link to it, and the data sets page's samples, against a
real HTTP server on 127.0.0.1 (``mirror``); and nothing reaches the network unless the user asks."""

from __future__ import annotations

import socket

import pytest
from local_server import cifar_archive, md5
from torchvision.datasets import CIFAR10

from engine.models.prepare import prepare
from gui.i18n import set_language
from gui.pages.datasets import DatasetsView
from gui.panels.prepare import PrepareDialog

TIMEOUT_MS = 60000


@pytest.fixture
def dialog(qtbot, bridge, mirror):
    dialog = PrepareDialog(bridge, data_root=str(mirror))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.readiness is not None, timeout=TIMEOUT_MS)
    return dialog


def _texts(table, column):
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_the_checklist_shows_sizes_presence_and_total_and_ticks_everything_missing(dialog):
    assert _texts(dialog.table, 0) == ["AlexNet (torchvision)", "VGG-16", "VGG-16 (BN)", "ResNet-18", "ResNet-34",
                                       "ResNet-50", "GoogLeNet", "MNIST", "CIFAR-10", "CIFAR-100"]
    assert _texts(dialog.table, 2)[3] == "46.8 MB"  # torchvision's metadata: 44.661 MiB
    assert set(_texts(dialog.table, 3)) == {"missing"}
    assert len(dialog.selected()) == 10
    assert dialog.total_label.text() == ("0 of 10 items on this computer. Ticked: 1,991.3 MB to fetch (everything: "
                                         "1,991.3 MB).")
    dialog.set_selected({"resnet18", "mnist"})
    assert "Ticked: 58.4 MB to fetch" in dialog.total_label.text()
    assert dialog.fetch_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_fetching_shows_progress_then_ready_and_the_report_changes(qtbot, dialog, mirror):
    dialog.set_selected({"resnet18", "mnist"})
    progress = []
    shown = dialog._on_progress  # the dialog's own handler of its progress answers, watched
    dialog._on_progress = lambda event: (progress.append(event), shown(event))
    dialog.fetch_button.click()
    assert dialog.is_running() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=TIMEOUT_MS)
    assert {e.key for e in progress} == {"resnet18", "mnist"}
    rows = dialog._rows
    assert dialog.table.cellWidget(rows["resnet18"], 4).format() == "ready, verified"
    assert dialog.table.cellWidget(rows["mnist"], 4).value() == 1000
    assert _texts(dialog.table, 3)[rows["mnist"]] == "on this computer"
    assert dialog.message_label.text() == "Done: every ticked item is on this computer, verified."
    assert dialog.overall_bar.value() == 1000
    pages = {dialog.pages_table.item(r, 1).text(): dialog.pages_table.item(r, 2).text()
             for r in range(dialog.pages_table.rowCount())}
    assert pages["ResNet-18"] == "trained on ImageNet (prepared)" and pages["LeNet-5"] == "trained (ships with the app)"
    assert pages["ResNet-34"] == "random: its guesses mean nothing"
    assert dialog.training_label.text() == "The training panel can use: handwritten digits (embedded), MNIST."
    assert "2 of 22 models show trained weights" in dialog.report_summary.text()  # LeNet-5 and ResNet-18
    assert not dialog.fetch_button.isEnabled()  # what is ticked is all here


def test_cancel_stops_between_chunks_and_keeps_what_was_fetched(qtbot, dialog, local_server, monkeypatch):
    archive = cifar_archive(per_batch=400)
    local_server.files[f"/data/{CIFAR10.filename}"] = archive
    monkeypatch.setattr(CIFAR10, "tgz_md5", md5(archive))
    local_server.delay = 0.02
    dialog.set_selected({"mnist", "cifar10"})
    dialog.start()
    bar = dialog.table.cellWidget(dialog._rows["cifar10"], 4)
    qtbot.waitUntil(lambda: "MB/s" in bar.format(), timeout=TIMEOUT_MS)
    assert " of " in dialog.overall_label.text() and "left" in dialog.overall_label.text()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=TIMEOUT_MS)
    assert dialog.message_label.text().startswith("Cancelled. What was fetched stays")
    statuses = {item.key: item.status for item in dialog.readiness.items}
    assert statuses["mnist"] == "present" and statuses["cifar10"] == "partial"
    assert _texts(dialog.table, 3)[dialog._rows["cifar10"]].startswith("partly fetched")


def test_a_failed_item_is_said_in_the_dialog(qtbot, dialog, local_server):
    local_server.files[f"/data/{CIFAR10.filename}"] = b"not the archive"
    dialog.set_selected({"cifar10"})
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=TIMEOUT_MS)
    assert dialog.table.cellWidget(dialog._rows["cifar10"], 4).format() == "failed"
    assert "The downloaded cifar-10-python.tar.gz is damaged" in dialog.message_label.text()
    assert dialog.message_label.isVisible()


def test_the_feature_map_banner_links_to_the_readiness_report(qtbot, window):
    assert window.prepare_action.text() == "Prepare for &class…"
    assert "Prepare for class…" in window.feature_view.prepare_link.text()
    window.feature_view.prepare_link.linkActivated.emit("prepare")
    dialog = window.prepare_dialog
    assert dialog is not None and dialog.isVisible() and dialog.tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: dialog.readiness is not None, timeout=TIMEOUT_MS)
    dialog.close()


def test_the_data_sets_page_shows_samples_of_every_set_here(qtbot, bridge, mirror):
    for _ in prepare(["mnist", "cifar10"], mirror):
        pass
    view = DatasetsView(bridge, data_root=str(mirror))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: len(view.shown_sets()) == 3 and view.missing_label.isVisible(), timeout=TIMEOUT_MS)
    assert view.shown_sets() == ["digits", "mnist", "cifar10"]
    assert [view.samples_tabs.tabText(i) for i in range(3)] == [
        "Handwritten digits (embedded) · 10 classes", "MNIST · 10 classes", "CIFAR-10 · 10 classes"]
    assert "facts only: CIFAR-100" in view.missing_label.text()

    def row_names(tab):
        grid = view.samples_tabs.widget(tab).widget().layout()
        return [grid.itemAtPosition(row, 0).widget().text() for row in range(grid.rowCount() - 1)]

    assert row_names(0) == [str(d) for d in range(10)]
    assert row_names(1)[0] == "0 - zero" and row_names(2)[:2] == ["airplane", "automobile"]
    strip = view.samples_tabs.widget(0).widget().layout().itemAtPosition(0, 1).widget().pixmap()
    assert (strip.width(), strip.height()) == (10 * 64 + 9 * 4, 64)  # ten 8×8 digits drawn 8× with gaps
    set_language("ko")
    try:
        qtbot.waitUntil(lambda: row_names(2)[0] == "비행기", timeout=5000)  # on Qt's LanguageChange event
        assert row_names(2)[:2] == ["비행기", "자동차"] and row_names(1)[0] == "0 - 영"
        assert view.samples_tabs.tabText(0) == "손글씨 숫자 (내장) · 클래스 10개"
    finally:
        set_language("en")


def test_nothing_reaches_the_network_at_start_or_on_any_page(qtbot, settings, monkeypatch, tmp_path):
    from gui.app import create_app, create_window
    from gui.main_window import SECTIONS

    monkeypatch.setenv("HOME", str(tmp_path))  # no data sets, no weights in the cache: nothing to find offline
    monkeypatch.setenv("TORCH_HOME", str(tmp_path / "torch"))
    reached = []
    connect = socket.socket.connect

    def record(self, address):
        if self.family != socket.AF_UNIX:
            reached.append(address)
        return connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", record)
    create_app()
    win = create_window(device="cpu", language="en", settings=settings)
    qtbot.addWidget(win)
    win.show()
    try:
        with qtbot.waitSignal(win.bridge.device_ready, timeout=TIMEOUT_MS):
            win.start_engine()
        for key in SECTIONS:
            win.show_section(key)
            qtbot.waitUntil(win.engine_idle, timeout=TIMEOUT_MS)
        win.show_section("resnet")
        win.model_pages["resnet"].views.setCurrentWidget(win.feature_view)  # it runs only while on screen
        win.feature_view.set_model("resnet18")  # a model whose weights are not here: random, no download
        qtbot.waitUntil(lambda: "Random weights" in win.feature_view.weights_label.text(), timeout=TIMEOUT_MS)
        win.show_prepare()
        qtbot.waitUntil(lambda: win.prepare_dialog.readiness is not None, timeout=TIMEOUT_MS)
    finally:
        win.close()
    assert reached == []
