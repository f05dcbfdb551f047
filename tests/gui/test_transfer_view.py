"""The transfer-learning page: the three cases on a real pretrained network, and a run set up from them."""

from __future__ import annotations

import torch
from PySide6.QtCore import Qt

from engine.models.weights import cache_path
from engine.models.zoo import get_model
from gui.pages.transfer import TransferLearningView


def _shown(qtbot, bridge) -> TransferLearningView:
    view = TransferLearningView(bridge)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitUntil(lambda: view.plan() is not None, timeout=60000)
    return view


def test_each_case_colours_the_layers_it_trains_and_counts_their_parameters(qtbot, bridge):
    view = _shown(qtbot, bridge)
    assert view.model_combo.currentData() == "resnet18" and view.case() == "classifier"
    # The run trains a new 10-way classifier (512×10 + 10), not ImageNet's 1,000-way one (513,000).
    assert "5,130 of 11,181,642 parameters (0.05 %), in 1 of 21 layers" in view.figures.text()
    assert "1,000-way classifier (513,000 parameters)" in view.source_label.text()
    assert "ImageNet" in view.source_label.text() and "10-way classifier (5,130 parameters)" in view.source_label.text()
    assert len(view.strip.bar_rects()) == 21 and view.plan().layers[0].paper_name == "conv1"
    qtbot.mouseClick(view.case_buttons[1], Qt.MouseButton.LeftButton)
    assert view.plan().frozen_layers == 10 and "10,498,570 of 11,181,642" in view.figures.text()
    qtbot.mouseClick(view.case_buttons[2], Qt.MouseButton.LeftButton)
    assert view.plan().frozen_layers == 0 and "in 21 of 21 layers" in view.figures.text()
    view.classes_box.setValue(100)  # CIFAR-100: 512×100 + 100
    assert view.plan().layers[-1].params == 51_300
    view.classes_box.setValue(10)
    view.select("vgg16", "classifier")
    qtbot.waitUntil(lambda: view.plan() is not None and view.plan().model == "vgg16", timeout=60000)
    assert "40,970 of 134,301,514" in view.figures.text() and len(view.strip.bar_rects()) == 16
    bars = view.strip.bar_rects()
    assert bars[-2].height() > bars[0].height()  # fc7 (16.8M) stands above conv1_1 (1,792) on the log scale


def test_the_page_says_whether_the_pretrained_weights_are_here(qtbot, bridge, monkeypatch, tmp_path):
    monkeypatch.setattr(torch.hub, "get_dir", lambda: str(tmp_path / "hub"))
    view = _shown(qtbot, bridge)
    assert "not on this computer" in view.weights_label.text()
    path = cache_path("resnet18")
    path.parent.mkdir(parents=True)
    torch.save(get_model("resnet18").state_dict(), path)
    view.select("lenet5", "later")  # LeNet-5 ships its own weights
    qtbot.waitUntil(lambda: view.plan() is not None and view.plan().model == "lenet5", timeout=60000)
    assert "are on this computer" in view.weights_label.text()
    assert "digits" in view.source_label.text() and "ImageNet" not in view.source_label.text()
    assert "ImageNet" not in view.header.question.text()
    view.select("resnet18", "later")
    assert "are on this computer" in view.weights_label.text()


def test_train_this_case_sets_the_training_panel_up_for_it(qtbot, window):
    window.show_section("transfer")
    page = window.transfer_view
    qtbot.waitUntil(lambda: page.plan() is not None, timeout=60000)
    qtbot.mouseClick(page.case_buttons[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.train_button, Qt.MouseButton.LeftButton)
    options = window.training_view.options()
    assert (options.model, options.transfer) == ("resnet18", "later")
    assert (options.optimizer, options.lr) == ("sgd", 0.001)  # a fine-tuning rate, not the digits recipe's 0.02
    assert window.training_dock.isVisible()
    assert window.training_view.transfer_combo.currentText() == "Pretrained: later half"


def test_the_layer_strips_names_stay_under_its_legend(qtbot, bridge):
    """A layer's name written upwards above its bar ran into the frozen/trained legend at the strip's top
    (ResNet-18 at 150 % on a 1366×768 screen: "conv2_x, block 1" through "frozen: kept as pretrained"); a name
    that does not end under the legend goes inside its bar."""
    from painted_text import widget_faults

    from gui.widgets.painted_text import painted_texts
    from gui.widgets.zoom import app_zoom

    view = _shown(qtbot, bridge)
    try:
        for percent in (100, 150, 200):
            app_zoom().set_percent(percent)
            for width in (1000, 1400):
                qtbot.wait(10)
                # as the page's scroll area gives it: the height its wrapped texts need at that width
                view.resize(width, max(view.heightForWidth(width), view.minimumSizeHint().height()))
                qtbot.wait(10)
                texts = [text for text, _ in painted_texts(view.strip)]
                assert len(texts) > 8 and any(text.startswith("frozen") for text in texts), (percent, texts)
                assert not widget_faults(view.strip), (percent, width, widget_faults(view.strip)[:3])
    finally:
        app_zoom().reset()
