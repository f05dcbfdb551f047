"""engine.models.paper through engine.models.analysis: the papers' depths and layer names, pinned to the papers."""

from __future__ import annotations

import json

import pytest

from engine.models.analysis import analyze
from engine.models.zoo import get_model
from engine.text.report import summary_output


@pytest.mark.parametrize(("model", "depth", "modules"), [
    ("lenet5", 5, 5),            # LeCun et al. 1998: C1, C3, C5, F6, output
    ("alexnet2012", 8, 8),       # Krizhevsky et al. 2012: five convolutional and three fully-connected layers
    ("alexnet", 8, 8),
    ("vgg16", 16, 16),           # Simonyan & Zisserman 2015, configuration D
    ("resnet18", 18, 21),        # He et al. 2016 Table 1; + 3 projection shortcuts beside the main path
    ("resnet34", 34, 37),
    ("resnet50", 50, 54),        # + 4 projections
    ("googlenet", 22, 58),       # Szegedy et al. 2015: "22 layers deep when counting only layers with parameters"
    ("resnet20", 20, 20),        # He et al. section 4.2: 6n + 2, n = 3
    ("plain56", 56, 56),         # n = 9
    ("resnet110", 110, 110),     # n = 18
])
def test_the_depth_is_the_papers(model, depth, modules):
    analysis = analyze(model)
    assert (analysis.paper_depth, analysis.weighted_modules) == (depth, modules)


def test_option_b_projections_add_modules_but_not_depth():
    analysis = analyze("resnet20", shortcut="B")
    assert (analysis.paper_depth, analysis.weighted_modules) == (20, 22)


def _weighted_names(model: str, **options) -> list[str]:
    return [row.paper_name for row in analyze(model, **options).rows if row.kind in ("conv", "linear")]


def test_vgg16_and_alexnet_rows_carry_the_papers_names():
    vgg = [f"conv{stage}_{i}" for stage, n in enumerate((2, 2, 3, 3, 3), 1) for i in range(1, n + 1)]
    assert _weighted_names("vgg16") == [*vgg, "fc6", "fc7", "fc8"]
    assert _weighted_names("vgg16_bn") == [*vgg, "fc6", "fc7", "fc8"]
    alexnet = ["conv1", "conv2", "conv3", "conv4", "conv5", "fc6", "fc7", "fc8"]
    assert _weighted_names("alexnet") == alexnet and _weighted_names("alexnet2012") == alexnet
    rows = {row.name: row.paper_name for row in analyze("vgg16").rows}
    assert (rows["features.28"], rows["features.29"], rows["features.30"], rows["classifier.0"]) == (
        "conv5_3", "conv5_3", "pool5", "fc6")  # the ReLU belongs to conv5_3
    rows = {row.name: row.paper_name for row in analyze("alexnet").rows}
    assert (rows["features.2"], rows["features.5"], rows["features.12"]) == ("pool1", "pool2", "pool5")


def test_lenet_resnet_and_googlenet_rows_carry_the_papers_names():
    assert _weighted_names("lenet5") == ["C1", "C3", "C5", "F6", "output"]
    pools = [row.paper_name for row in analyze("lenet5").rows if row.kind == "pool"]
    assert pools == ["S2", "S4"]
    rows = {row.name: row.paper_name for row in analyze("resnet18").rows}
    assert rows["conv1"] == "conv1" and rows["layer1.0.conv1"] == "conv2_x, block 1"
    assert rows["layer2.0.downsample.0"] == "conv3_x, block 1, shortcut"
    assert rows["layer4.1.conv2"] == "conv5_x, block 2"
    googlenet = {row.name: row.paper_name for row in analyze("googlenet").rows}
    assert googlenet["inception3a.branch2.0.conv"] == "inception (3a), #3×3 reduce"
    assert googlenet["inception5b.branch4.1.conv"] == "inception (5b), pool proj"
    modules = {name.split(", ")[0] for name in googlenet.values() if name.startswith("inception")}
    assert modules == {f"inception ({m})" for m in ("3a", "3b", "4a", "4b", "4c", "4d", "4e", "5a", "5b")}


def test_a_trained_copy_gets_the_zoo_names():
    # A module (not a zoo name) is recognised by its class, as the feature maps analyse loaded weights.
    model = get_model("vgg16", num_classes=10)
    analysis = analyze(model, (3, 224, 224))
    assert analysis.paper_depth == 16 and analysis.rows[1].paper_name == "conv1_1"


def test_summary_json_gives_the_paper_depth_and_name_of_every_row():
    data = json.loads(summary_output("googlenet", None, as_json=True))
    assert data["paper_depth"] == 22 and data["weighted_modules"] == 58
    assert all(layer["paper_name"] for layer in data["layers"])
