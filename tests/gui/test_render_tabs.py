"""``render --tab`` reaches every tab of every page (a model page's views inside a section's tabs) and refuses
one that does not exist; ``--zoom`` is checked before any window opens."""

from __future__ import annotations

import pytest

from engine.runtime.errors import UserInputError
from gui.main_window import SECTIONS
from gui.render import _check_zoom, _show_tab


@pytest.fixture
def idle_window(qtbot, settings):
    """The window without its engine: tabs and pages, no answers."""
    from gui.app import create_app, create_window

    create_app()
    window = create_window(device="cpu", language="en", settings=settings)
    qtbot.addWidget(window)
    yield window
    window.close()


def test_every_tab_of_every_page_is_reachable_and_a_missing_one_is_refused(idle_window):
    window = idle_window
    _show_tab(window, "resnet", "0.1")
    assert window.section_tabs["resnet"].currentIndex() == 0
    assert window.model_pages["resnet"].views.currentIndex() == 1  # Where the cost goes
    _show_tab(window, "resnet", "feature maps")
    assert window.model_pages["resnet"].views.currentIndex() == 3
    _show_tab(window, "resnet", "1")
    assert window.section_tabs["resnet"].currentIndex() == 1
    _show_tab(window, "inception", "2.2")
    assert window.section_tabs["inception"].currentIndex() == 2
    assert window.model_pages["inception"].views.currentIndex() == 2
    _show_tab(window, "lenet", "3")
    assert window.model_pages["lenet"].views.currentIndex() == 3
    _show_tab(window, "overview", "0")
    for section in SECTIONS:
        with pytest.raises(UserInputError, match="no tab '999'"):
            _show_tab(window, section, "999")
    with pytest.raises(UserInputError, match="no tab"):
        _show_tab(window, "overview", "1")


@pytest.mark.parametrize("zoom", [99, 301, float("nan"), float("inf")])
def test_a_zoom_out_of_range_is_refused(zoom):
    with pytest.raises(UserInputError, match="--zoom"):
        _check_zoom(zoom)
    assert _check_zoom(150) == 150
