"""Interface language: English (the source strings) and Korean (resources/translations/casebook_ko.qm).

Every user-visible string goes through Qt's ``tr()``; switching language installs another QTranslator and
Qt sends every widget a LanguageChange event, on which each view calls its ``retranslate()``. Qt's own dialogs
(the file dialog, message boxes) take Qt's catalogue that PySide6 ships (``qtbase_ko``), completed by
``qtbase_extra_ko`` for the few texts it leaves in English.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from engine.runtime.errors import Text

__all__ = ["LANGUAGES", "TRANSLATIONS_DIR", "localized", "set_language", "current_language", "system_language",
           "update_translations"]

# Each language is named in itself, never translated, so a lecturer can always find their own.
LANGUAGES = {"en": "English", "ko": "한국어"}
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
_CATALOGUE = "casebook"
_QT_EXTRA = "qtbase_extra"  # Qt's dialog texts missing from qtbase_ko

_installed: list[QTranslator] = []
_current = "en"


def localized(message: str) -> str:
    """An engine message (``engine.runtime.errors.Text``) in the interface language; any other text as it is."""
    if not isinstance(message, Text):
        return message
    try:
        values = {key: localized(value) if isinstance(value, Text) else value for key, value in message.values.items()}
        return QCoreApplication.translate("engine", message.template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that names a value the template lacks
        return str.__str__(message)


def system_language() -> str:
    """``"ko"`` on a Korean system, otherwise ``"en"``."""
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def current_language() -> str:
    return _current


def set_language(code: str) -> str:
    """Install the translators for ``code`` (unknown codes fall back to English); returns the code in use."""
    global _current
    app = QCoreApplication.instance()
    code = code if code in LANGUAGES else "en"
    _current = code  # set first: removing or installing a translator sends LanguageChange, handlers read it
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues = ((f"qtbase_{code}", qt_dir), (f"{_QT_EXTRA}_{code}", str(TRANSLATIONS_DIR)),
                      (f"{_CATALOGUE}_{code}", str(TRANSLATIONS_DIR)))
        for name, folder in catalogues:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
    return code


def _qt_tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(candidate) if candidate.exists() else f"pyside6-{name}"


def update_translations() -> None:
    """Refresh the Korean .ts from every tr() string in gui/ and every marked engine message in engine/ (keeping
    translations), then compile the .qm."""
    root = TRANSLATIONS_DIR.parent.parent
    sources = sorted(str(p) for folder in ("gui", "engine") for p in (root / folder).rglob("*.py"))
    ts_file = TRANSLATIONS_DIR / f"{_CATALOGUE}_ko.ts"
    lupdate = [_qt_tool("lupdate"), *sources, "-no-obsolete", "-locations", "none", "-ts", str(ts_file)]
    subprocess.run(lupdate, check=True)
    for ts in (ts_file, TRANSLATIONS_DIR / f"{_QT_EXTRA}_ko.ts"):  # the second is written by hand, not by lupdate
        subprocess.run([_qt_tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
