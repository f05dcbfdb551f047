"""Korean ships complete: every tr() string is in the .ts, translated, and compiled into the shipped .qm."""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gui.i18n import TRANSLATIONS_DIR, _qt_tool

GUI = Path(__file__).resolve().parents[2] / "gui"
ENGINE = GUI.parent / "engine"
TS = TRANSLATIONS_DIR / "casebook_ko.ts"
_TR_CALL = re.compile(r"""\btr\(\s*(["'])((?:\\.|(?!\1).)*)\1\s*\)""", re.S)


def _messages() -> dict[str, str]:
    return {m.findtext("source"): (m.find("translation").text or "", m.find("translation").get("type"))
            for m in ET.parse(TS).getroot().iter("message")}


def test_every_tr_string_in_the_code_is_in_the_korean_catalogue():
    messages = _messages()
    in_code = {m.group(2).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
               for path in GUI.rglob("*.py") for m in _TR_CALL.finditer(path.read_text(encoding="utf-8"))}
    assert in_code, "no tr() calls found: the pattern is wrong"
    missing = sorted(s for s in in_code if s not in messages)
    assert not missing, f"run `python main.py translations` and translate: {missing}"


def _engine_messages() -> set[str]:
    """The templates the engine marks with ``QT_TRANSLATE_NOOP("engine", ...)`` (adjacent literals joined)."""
    marked = set()
    for path in ENGINE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP" and all(
                    isinstance(arg, ast.Constant) for arg in node.args):
                marked.add(node.args[1].value)
    return marked


def test_every_marked_engine_message_is_in_the_korean_catalogue():
    marked = _engine_messages()
    assert len(marked) > 25, "the engine's image messages are marked for translation"
    missing = sorted(marked - set(_messages()))
    assert not missing, f"run `python main.py translations` and translate: {missing}"


def test_an_engine_message_is_shown_in_the_interface_language(tmp_path):
    from engine.data.images import load_image
    from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text
    from gui.app import create_app
    from gui.i18n import localized, set_language

    create_app()
    empty = tmp_path / "빈 사진.png"
    empty.write_bytes(b"")
    try:
        load_image(empty)
    except UserInputError as error:
        message = str(error)
    assert message == "빈 사진.png is empty (0 bytes)." and localized(message) == message
    set_language("ko")
    try:
        assert localized(message) == "빈 사진.png은(는) 빈 파일입니다(0바이트)."
        from engine.data.datasets import make_dataset

        with pytest.raises(UserInputError) as missing:  # MNIST not downloaded: what a class without network sees
            make_dataset("mnist", "train", channels=1, size=32, root=tmp_path)
        korean = localized(str(missing.value))
        assert "allow downloading it" in str(missing.value)
        assert "내려받기를 허용하거나" in korean and str(tmp_path) in korean
        from engine.learning.depth import DepthConfig

        with pytest.raises(UserInputError) as shallow:  # a value inside the message is translated as well
            DepthConfig(depths=(2,)).validate()
        assert localized(str(shallow.value)) == "깊이은(는) 8에서 1,202 사이의 정수여야 합니다. 받은 값: 2"
        unknown = text(QT_TRANSLATE_NOOP("engine", "no catalogue has {this}"), this="it")
        assert localized(unknown) == "no catalogue has it" and localized("plain words") == "plain words"
    finally:
        set_language("en")


def test_every_korean_translation_is_finished():
    unfinished = [s for s, (text, kind) in _messages().items() if kind == "unfinished" or not text.strip()]
    assert not unfinished, unfinished


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([_qt_tool("lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == (TRANSLATIONS_DIR / "casebook_ko.qm").read_bytes(), \
        "resources/translations/casebook_ko.qm is stale: run `python main.py translations`"


def test_qt_dialogs_and_cifar_class_names_are_korean():
    from PySide6.QtWidgets import QFileDialog, QLabel

    from gui.app import create_app
    from gui.i18n import set_language
    from gui.widgets.class_names import CIFAR10, CIFAR100, class_label

    create_app()
    assert len(CIFAR10) == 10 and len(set(CIFAR100)) == 100
    set_language("ko")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert "다음에서 찾기(&L):" in labels and "파일 형식(&T):" in labels  # qtbase_ko leaves these in English
        assert (class_label("airplane"), class_label("trout"), class_label("7")) == ("비행기", "송어", "7")
        assert class_label("golden retriever") == "golden retriever"  # ImageNet's names stay English (README)
    finally:
        set_language("en")
    assert class_label("airplane") == "airplane"


def test_the_shipped_qt_extra_qm_is_compiled_from_its_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    ts = TRANSLATIONS_DIR / "qtbase_extra_ko.ts"
    subprocess.run([_qt_tool("lrelease"), str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes()
