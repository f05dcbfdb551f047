"""Korean ships complete: every tr() string is in the .ts, translated, and compiled into the shipped .qm."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from gui.i18n import TRANSLATIONS_DIR, _qt_tool

GUI = Path(__file__).resolve().parents[2] / "gui"
TS = TRANSLATIONS_DIR / "casebook_ko.ts"
_TR_CALL = re.compile(r"""\btr\(\s*(["'])((?:\\.|(?!\1).)*)\1\s*\)""", re.S)


def _messages() -> dict[str, str]:
    return {m.findtext("source"): (m.find("translation").text or "", m.find("translation").get("type"))
            for m in ET.parse(TS).getroot().iter("message")}


def test_every_tr_string_in_the_code_is_in_the_korean_catalogue():
    messages = _messages()
    in_code = {m.group(2).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
               for path in GUI.glob("*.py") for m in _TR_CALL.finditer(path.read_text(encoding="utf-8"))}
    assert in_code, "no tr() calls found: the pattern is wrong"
    missing = sorted(s for s in in_code if s not in messages)
    assert not missing, f"run `python main.py translations` and translate: {missing}"


def test_every_korean_translation_is_finished():
    unfinished = [s for s, (text, kind) in _messages().items() if kind == "unfinished" or not text.strip()]
    assert not unfinished, unfinished


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([_qt_tool("lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == (TRANSLATIONS_DIR / "casebook_ko.qm").read_bytes(), \
        "resources/translations/casebook_ko.qm is stale: run `python main.py translations`"
