"""Korean at run time, the dialogs: the window switched to Korean opens each of its dialogs, and none shows English
outside the Korean walk's allow-list (tests/gui/test_korean_walk.py): File → Prepare for class (and its readiness
report), Help → About, the diagram's export warning, and every file dialog the app opens; switched back to English,
none shows Hangul.

The file dialogs are opened as Qt's own (non-native) dialog, with the caption and filter the app gives, on an
empty folder: a native dialog is the desktop's, drawn outside Qt, with no widgets to read (it follows the desktop's
language, not the app's). Qt's own dialog is translated by the qtbase catalogues the app loads, so it is walked
whole.
"""

from __future__ import annotations

import re

import pytest
from display_checks import TIMEOUT_MS, widget_texts
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from test_korean_walk import _HANGUL, _allowed_words, _english, _names


def _modal_texts(open_modal) -> list[str]:
    """Call ``open_modal`` (which runs a modal box until it is closed); read the box's texts, then close it."""
    seen: list[list[str]] = []

    def read() -> None:
        box = QApplication.activeModalWidget()
        if box is None:  # not shown yet: look again in a moment
            QTimer.singleShot(20, read)
            return
        seen.append(widget_texts(box))
        box.close()

    QTimer.singleShot(0, read)
    open_modal()
    assert seen, "no modal box opened"
    return seen[0]


class _QtFileDialogs:
    """Stands in for QFileDialog's static functions: opens Qt's own dialog with the app's caption and filter on
    an empty folder (the names of a folder's files are the user's, not the interface's), records what it shows
    (less that folder's path), and answers as if the user had cancelled."""

    def __init__(self, monkeypatch, empty_folder) -> None:
        self.folder = str(empty_folder)
        self.shown: list[tuple[str, list[str]]] = []
        for name, folders in (("getOpenFileName", False), ("getOpenFileNames", False), ("getSaveFileName", False),
                              ("getExistingDirectory", True)):
            monkeypatch.setattr(QFileDialog, name, self._stand_in(name, folders))

    def _stand_in(self, name: str, folders: bool):
        def open_dialog(parent=None, caption="", directory="", filter="", *args, **kwargs):  # noqa: A002 - Qt's
            dialog = QFileDialog(parent, caption, self.folder, filter)
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            if folders:
                dialog.setFileMode(QFileDialog.FileMode.Directory)
            elif name == "getSaveFileName":
                dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.show()
            QApplication.processEvents()
            self.shown.append((caption, [text.replace(self.folder, "") for text in widget_texts(dialog)]))
            dialog.close()
            dialog.deleteLater()
            return "" if folders else ([], "") if name == "getOpenFileNames" else ("", "")

        return staticmethod(open_dialog)


_PATTERN = re.compile(r"\*(\.\w+)?")  # a filter's file patterns (*.png, *): file names, not words


def _english_in(texts: list[str]) -> list[str]:
    texts = [_PATTERN.sub(" ", text) for text in texts]
    names = _names([])  # no layer names: the dialogs show none
    allowed = _allowed_words()
    return sorted({text for text in texts if _english(text, names, allowed)})


def _dialog_texts(window, qtbot, monkeypatch, folder) -> dict[str, list[str]]:
    """Open every dialog of ``window`` in turn; the texts each shows."""
    texts: dict[str, list[str]] = {}

    # File → Prepare for class…, then its readiness report.
    dialog = window.show_prepare()
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=TIMEOUT_MS)
    QApplication.processEvents()
    texts["prepare"] = widget_texts(dialog)
    window.show_prepare(report=True)
    QApplication.processEvents()
    texts["prepare report"] = widget_texts(dialog)
    dialog.close()

    # Help → About, a message box.
    texts["about"] = _modal_texts(window._on_about)

    # Every file dialog, as Qt's own.
    empty = folder / "empty"
    empty.mkdir(exist_ok=True)
    with monkeypatch.context() as patch:
        dialogs = _QtFileDialogs(patch, empty)
        window._on_open_images()
        feature_view = window.feature_view
        feature_view._on_video_clicked()
        feature_view._on_open_clicked()
        feature_view.set_model("lenet5")
        feature_view._on_weights_file_clicked()
        window.page("depth")._on_open_clicked()
        window.training_dock.show()
        qtbot.waitUntil(lambda: window.training_view is not None and window.training_view.isVisible(),
                        timeout=TIMEOUT_MS)
        training = window.training_view
        training._on_dataset_activated(training.dataset_combo.findData("folder"))
        training._on_open_clicked()
        training._on_csv_clicked()
        training._on_png_clicked()
    assert len(dialogs.shown) == 9, [caption for caption, _ in dialogs.shown]
    texts.update({f"file dialog {number}: {caption}": shown for number, (caption, shown) in enumerate(dialogs.shown)})

    # The diagram's export: a folder that cannot be written gets a warning box.
    page = window.page("lenet")
    qtbot.waitUntil(lambda: page._analysis is not None, timeout=TIMEOUT_MS)
    target = folder / "no such folder" / "diagram"
    for suffix in (".png", ".svg"):
        with monkeypatch.context() as patch:
            patch.setattr(QFileDialog, "getSaveFileName",
                          staticmethod(lambda *args, suffix=suffix, **kwargs: (f"{target}{suffix}", "")))
            shown = _modal_texts(lambda suffix=suffix: page.diagram._on_export_wanted(suffix, 2))
        assert any(f"{target}{suffix}" in text for text in shown), shown
        # The file name in the warning is the user's, not the interface's.
        texts[f"export {suffix}"] = [text.replace(f"{target}{suffix}", "") for text in shown]
    return texts


@pytest.mark.slow
def test_every_dialog_of_the_korean_window_is_korean(window, qtbot, monkeypatch, tmp_path):
    window.change_language("ko")
    QApplication.processEvents()
    texts = _dialog_texts(window, qtbot, monkeypatch, tmp_path)
    english = {where: _english_in(shown) for where, shown in texts.items()}
    assert not any(english.values()), {where: found for where, found in english.items() if found}
    assert all(any(_HANGUL.search(text) for text in shown) for shown in texts.values()), texts

    window.change_language("en")
    QApplication.processEvents()
    texts = _dialog_texts(window, qtbot, monkeypatch, tmp_path)
    hangul = {where: [text for text in shown if _HANGUL.search(text)] for where, shown in texts.items()}
    assert not any(hangul.values()), {where: found for where, found in hangul.items() if found}
