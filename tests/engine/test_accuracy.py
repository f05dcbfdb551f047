"""engine.models.accuracy: torchvision's single-crop figures per weights version, and the papers' own beside them."""

from __future__ import annotations

import pytest

from engine.models.accuracy import paper_figure, torchvision_figures
from engine.models.overview import zoo_entry


def test_resnet50_has_two_weights_versions_and_the_app_loads_v1():
    figures = {f.version: f for f in torchvision_figures("resnet50")}
    assert set(figures) == {"V1", "V2"}
    assert (figures["V1"].top1, figures["V1"].loaded) == (76.13, True)     # torchvision's published metrics
    assert (figures["V2"].top1, figures["V2"].loaded) == (80.858, False)   # the newer training recipe
    entry = zoo_entry("resnet50")
    assert (entry.top1, entry.top1_version) == (76.13, "V1")


def test_feature_only_weights_and_models_without_weights_have_no_figure():
    assert [f.version for f in torchvision_figures("vgg16")] == ["V1"]  # IMAGENET1K_FEATURES has no accuracy
    assert torchvision_figures("lenet5") == () and torchvision_figures("resnet20") == ()


@pytest.mark.parametrize(("model", "metric", "accuracy"), [
    ("alexnet2012", "top-1", 59.3),   # Krizhevsky et al. 2012, Table 2: 40.7 % top-1 error, one CNN
    ("vgg16", "top-1", 75.2),         # Simonyan & Zisserman 2015, Table 4, D: 24.8 %
    ("resnet18", "top-1", 72.12),     # He et al. 2016, Table 2: 27.88 % (10-crop)
    ("resnet34", "top-1", 75.48),     # Table 3, option B: 24.52 %
    ("resnet50", "top-1", 77.15),     # Table 3: 22.85 %
    ("googlenet", "top-5", 89.93),    # Szegedy et al. 2015, Table 5: 10.07 % top-5 error, 1 model, 1 crop
])
def test_the_papers_figures_with_their_protocol(model, metric, accuracy):
    figure = paper_figure(model)
    assert (figure.metric, figure.accuracy) == (metric, accuracy)
    assert "Table" in figure.protocol_en and "표" in figure.protocol_ko
    assert paper_figure("lenet5") is None and paper_figure("alexnet") is None
