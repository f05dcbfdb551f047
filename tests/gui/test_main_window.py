"""The main window: lecture order, clicker keys, languages, drops, saved state, engine lifetime."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from gui.main_window import SECTIONS


def test_sections_follow_the_lecture(window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[0].endswith("Case studies") and titles[1].endswith("LeNet-5")
    assert titles[-1].endswith("Data sets") and len(titles) == len(SECTIONS) == 10


def test_page_down_and_up_step_through_sections(window, qtbot):
    window.show_section("overview")
    window.model_pages["lenet"].table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.current_section() == "lenet"
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageDown)
    assert window.current_section() == "alexnet"
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.current_section() == "lenet"
    window.show_section("datasets")
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.current_section() == "datasets"


def test_switching_to_korean_changes_visible_text(window, qtbot):
    english = window.nav.item(0).text()
    window.change_language("ko")
    qtbot.waitUntil(lambda: window.nav.item(0).text() != english)  # Qt posts LanguageChange events
    korean = window.nav.item(0).text()
    assert any("\uac00" <= ch <= "\ud7a3" for ch in korean), korean  # Hangul syllables
    assert window.settings.value("language") == "ko"
    window.change_language("en")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == english)


def test_zoo_reaches_the_overview_and_model_pages(window, qtbot):
    qtbot.waitUntil(lambda: window.overview.table.rowCount() > 10, timeout=60000)
    lenet = window.model_pages["lenet"]
    assert lenet.current_model() == "lenet5"
    qtbot.waitUntil(lambda: lenet.table.layer_model.rowCount() > 5, timeout=60000)
    assert "61,706" in lenet.facts.text()
    table = window.overview.table
    rows = {table.item(row, 0).text(): row for row in range(table.rowCount())}
    headers = [table.horizontalHeaderItem(column).text() for column in range(table.columnCount())]
    depth, top1, paper = headers.index("Depth\n(paper)"), headers.index("ImageNet top-1\n(torchvision, 1 crop)"), \
        headers.index("Paper's own\nfigure")
    assert [table.item(rows[t], depth).text() for t in ("ResNet-18", "ResNet-50", "GoogLeNet")] == ["18", "50", "22"]
    assert table.item(rows["ResNet-18"], depth).toolTip() == "21 convolution and dense modules in all"
    assert table.item(rows["ResNet-50"], top1).text() == "76.1% (V1)" and "V2: top-1 80.9%" in \
        table.item(rows["ResNet-50"], top1).toolTip()
    assert table.item(rows["GoogLeNet"], paper).text() == "89.9% top-5"


def test_files_dropped_anywhere_are_named_in_the_status_bar(window, qtbot, tmp_path, drop_files):
    photo = tmp_path / "고양이 사진.png"
    photo.write_bytes(b"not really a png")
    with qtbot.waitSignal(window.files_dropped) as blocker:
        assert drop_files(window.overview.table.viewport(), [photo])  # onto a child: the window takes it
    assert blocker.args == [[str(photo)]]
    assert "고양이 사진.png" in window.statusBar().currentMessage()


def test_closing_saves_the_page_and_stops_the_engine(window, qtbot, settings):
    qtbot.waitUntil(lambda: window.bridge.is_running(), timeout=5000)
    window.show_section("vgg")
    window.close()
    assert not window.bridge.is_running()
    assert not [t for t in threading.enumerate() if t.name == "casebook-engine"]
    settings.sync()
    assert settings.value("page") == "vgg"


def test_where_the_cost_goes_follows_and_drives_the_layer_selection(window, qtbot):
    page = window.model_pages["vgg"]
    window.show_section("vgg")
    qtbot.waitUntil(lambda: page.table.layer_model.rowCount() > 30, timeout=60000)
    conv = next(row.index for row in page.diagram.analysis().rows if row.kind == "conv" and row.index > 5)
    page.cost_distribution.layer_selected.emit(conv)
    assert page.table.currentIndex().row() == conv
    assert page.views.tabText(page.views.indexOf(page.cost_distribution)) == "Where the cost goes"


def test_the_training_panel_is_built_when_first_shown_and_again_after_a_restart(qtbot, window, settings):
    assert window.training_view is None  # four live plots cost a fifth of a second at start-up
    window.training_action.trigger()
    qtbot.waitUntil(lambda: window.training_view is not None and window.training_view.isVisible())
    assert window.training_dock.widget() is window.training_view
    window.close()  # saves the dock as shown

    from gui.app import create_window

    again = create_window(device="cpu", language="en", settings=settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.training_view is not None and again.training_view.isVisible())
    again.close()
