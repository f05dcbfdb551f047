"""Korean at run time: the real main window switched to Korean shows no English outside a short allow-list,
on every page, tab, menu, dock and the training panel (widget texts and the diagrams' scene items); switched
back to English, it shows no Hangul."""

from __future__ import annotations

import os
import re
import time

import pytest
from display_checks import TIMEOUT_MS, widget_texts
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem, QGraphicsTextItem, QGraphicsView, QTabWidget

from gui.i18n import LANGUAGES, TRANSLATIONS_DIR
from gui.main_window import _PAGE_BUILDERS, SECTIONS

# What the Korean interface writes as English does. Most of it is read from where it is decided: the glossary's
# Korean terms kept in English (residual), the proper names of the models, families, papers, authors and data
# sets in the registry and the catalogue, and the layers' names in the paper and in torch. The rest is this list:
ALLOWED_WORDS = {
    "CNN", "Casebook",                                             # the app
    "torch", "torchvision", "PyTorch", "TensorBoard", "scikit",    # libraries
    "CPU", "GPU", "GPUs", "CUDA", "MPS", "Apple",                  # hardware
    "PNG", "CSV", "JPEG", "px", "MB", "GB", "ms",                  # files and units
    "ReLU", "tanh", "sigmoid", "softmax", "Grad", "CAM", "SGD", "Adam", "top", "ILSVRC", "LRN", "MLP",  # terms
    "CONV", "POOL", "MAX", "AVG", "FC", "BN", "Stride",  # the slides' layer labels (case-studies.ko.md)
    "layers", "error",            # the deck's own question: "Q. 왜 실제에서 layers가 쌓이면서 error가 커질까?"
    "plain",                      # the paper's network without shortcuts, beside "residual" (glossary.tsv)
    "groups", "same",             # torch's own words: Conv2d(groups=2), padding="same"
}
# People and sources named in the data sets' descriptions.
PROPER_NOUNS = ["scikit-learn", "Alpaydin", "Kaynak", "He", "WordNet", "Flickr", "Google", "Network in Network",
                "Krizhevsky"]  # the experiments' captions cite the paper they test
_WORD = re.compile(r"[A-Za-z]{2,}")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# A torch module's name or call ("features.0", "layer1.0.conv1", "Conv2d"), or a registry id: code, shown as code.
_CODE = re.compile(r"^[A-Za-z_][\w.]*(\s*\([\w.]+\))?$")


def _names(analyses) -> list[str]:
    """Proper names and code: every model's title, paper and authors, its layers' names in the paper ("conv3_x",
    "block 1", "mlpconv") and in torch ("layer4.0.conv1") for the ``analyses`` on screen, every data set's name,
    every sample's file name; longest first."""
    from engine.data.datasets import CATALOGUE
    from engine.data.images import sample_images
    from engine.models.paper import paper_parts
    from engine.models.zoo import get_info, list_models

    names = {entry.name for entry in CATALOGUE} | {path.name for path in sample_images()}
    for model in list_models():
        info = get_info(model)
        names |= {info.title, info.family, info.paper, info.name, *re.split(r",\s*", info.authors)}
    for analysis in analyses:
        for row in analysis.rows:
            names |= {row.name, *row.name.split("."), row.paper_name, *paper_parts(row.paper_name)}
    return sorted((name for name in names | set(PROPER_NOUNS) if name), key=len, reverse=True)


def _allowed_words() -> set[str]:
    glossary = (TRANSLATIONS_DIR / "glossary.tsv").read_text(encoding="utf-8").splitlines()
    kept = {word for line in glossary if not line.startswith("#") and "\t" in line
            for word in _WORD.findall(line.split("\t")[1])}
    return {word.lower() for word in ALLOWED_WORDS | kept}


def _scene_texts(root) -> list[str]:
    texts = []
    for view in root.findChildren(QGraphicsView):
        if view.scene() is None:
            continue
        for item in view.scene().items():
            if isinstance(item, QGraphicsTextItem):
                texts.append(item.toPlainText())
            elif isinstance(item, QGraphicsSimpleTextItem):
                texts.append(item.text())
    return texts


def _menu_texts(window) -> list[str]:
    texts = []
    for menu in (window.file_menu, window.view_menu, window.language_menu, *window.menuBar().findChildren(
            type(window.file_menu))):
        texts.append(menu.title())
        texts.extend(action.text() for action in menu.actions() if not action.isSeparator())
    return texts


def _walk(window, qtbot) -> list[str]:
    """Every page and tab shown once, the training dock opened; all the texts on screen and in the menus."""
    qtbot.waitUntil(lambda: bool(window._zoo), timeout=TIMEOUT_MS)  # the zoo's lines fill the overview
    for key in SECTIONS:
        window.show_section(key)
        QApplication.processEvents()
        for tabs in window.pages.currentWidget().findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
    for key in _PAGE_BUILDERS:
        window.page(key)
    for section in window.model_pages:  # every experiment of a page, not only the one its tab shows first
        experiments = window.model_pages[section].experiments
        for name in experiments.names() if experiments is not None else ():
            experiments.view(name)
    window.training_dock.show()  # as the View menu's Training does; the panel is built when first shown
    qtbot.waitUntil(lambda: window.training_view is not None and window.training_view.isVisible(),
                    timeout=TIMEOUT_MS)
    # The engine's answers fill the pages (the zoo's lines, each model page's analysis): wait for them.
    model_pages = [window.page(key) for key in ("lenet", "alexnet", "vgg", "resnet", "nin-model", "inception-model")]
    qtbot.waitUntil(lambda: bool(window._zoo) and all(page._analysis is not None for page in model_pages),
                    timeout=TIMEOUT_MS)
    QApplication.processEvents()
    texts = widget_texts(window) + _scene_texts(window) + _menu_texts(window)
    texts += [window.nav.item(row).text() for row in range(window.nav.count())]
    texts.append(window.training_dock.windowTitle())
    return texts


def _english(text: str, names: list[str], allowed: set[str]) -> list[str]:
    """The words of ``text`` that are English and not allowed."""
    # Markup, `commands` and dotted module names ("inception3a.branch3.0"): not words of the interface.
    text = re.sub(r"<[^>]+>|&\w+;|`[^`]*`|\b\w+(\.\w+)+\b", " ", text)
    if _CODE.match(text.strip()):
        return []
    for name in names:
        if name in text:  # what re.sub would find only there: 2 million calls took 6 s
            text = re.sub(r"(?<![A-Za-z])" + re.escape(name) + r"(?![a-z])", " ", text)
    # The deck glosses a Korean term with its English in brackets: "회전 (Rotation)", "평균 풀링(average pooling)".
    text = re.sub(r"(?<=[\uac00-\ud7a3])\s*\([A-Za-z][A-Za-z ,-]*\)", " ", text)
    return [word for word in _WORD.findall(text) if word.lower() not in allowed]


@pytest.mark.slow
def test_the_korean_window_shows_no_english_and_the_english_no_hangul(window, qtbot):
    window.change_language("ko")
    QApplication.processEvents()
    started = time.monotonic()
    korean = _walk(window, qtbot)
    print(f"walk in {time.monotonic() - started:.1f} s")
    model_pages = [window.page(key) for key in ("lenet", "alexnet", "vgg", "resnet", "nin-model", "inception-model")]
    names, allowed = _names(page._analysis for page in model_pages), _allowed_words()
    english_left = sorted({text for text in korean if _english(text, names, allowed)})
    if os.environ.get("KOREAN_WALK_DUMP"):
        print("\n".join(f"{_english(t, names, allowed)} {t!r}" for t in english_left))
    assert not english_left, english_left
    window.change_language("en")
    QApplication.processEvents()
    english = _walk(window, qtbot)
    # The language menu names each language in itself ("한국어"), so that a lecturer can always find their own.
    hangul_left = sorted({text for text in english if _HANGUL.search(text) and text not in LANGUAGES.values()})
    assert not hangul_left, hangul_left
