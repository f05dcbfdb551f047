"""Layer analysis: shapes, parameters, MACs and graph edges, pinned to published figures."""

from __future__ import annotations

import json
import time
from collections import Counter

import pytest
import torch
from torch import nn
from torchvision.models import get_weight

from engine.models.analysis import _analyze_zoo, analysis_to_dict, analyze
from engine.models.zoo import get_info, get_model, list_models
from engine.runtime.errors import UserInputError

TORCHVISION = ["alexnet", "vgg16", "vgg16_bn", "resnet18", "resnet34", "resnet50", "googlenet"]


def _row(analysis, name):
    return next(row for row in analysis.rows if row.name == name)


def _edges_into(analysis, index):
    return [edge for edge in analysis.edges if edge.dst == index]


def _edges_out_of(analysis, index):
    return [edge for edge in analysis.edges if edge.src == index]


def test_lenet5_rows_follow_the_lecture():
    analysis = analyze("lenet5")
    weighted = [row.output_shape for row in analysis.rows if row.kind in ("conv", "pool", "linear")]
    assert weighted == [(6, 28, 28), (6, 14, 14), (16, 10, 10), (16, 5, 5), (120,), (84,), (10,)]
    assert analysis.rows[0].kind == "input" and analysis.rows[0].output_shape == (1, 32, 32)
    assert _row(analysis, "flatten").output_shape == (400,)
    assert _row(analysis, "pool1").kernel == (2, 2) and _row(analysis, "pool1").stride == (2, 2)
    assert (analysis.params, analysis.paper_depth, analysis.weighted_modules) == (61_706, 5, 5)
    assert {edge.kind for edge in analysis.edges} == {"sequence"}


@pytest.mark.parametrize("name", TORCHVISION)
def test_totals_match_torchvision_metadata(name):
    meta = get_weight(get_info(name).torchvision_weights).meta
    analysis = analyze(name)
    assert analysis.params == meta["num_params"] == sum(row.params for row in analysis.rows)
    assert analysis.macs == pytest.approx(meta["_ops"] * 1e9, rel=0.01)


def test_alexnet2012_figures():
    analysis = analyze("alexnet2012")
    assert analysis.params == 62_378_344
    assert _row(analysis, "conv1").output_shape == (96, 55, 55)
    assert _row(analysis, "pool5").output_shape == (256, 6, 6)
    assert analyze("alexnet2012", two_gpu=True).params == 60_965_224
    assert _row(analyze("alexnet2012", two_gpu=True), "conv2").groups == 2


def test_conv_and_linear_macs_follow_the_convention():
    analysis = analyze("vgg16")
    first = _row(analysis, "features.0")  # 3 -> 64 channels, 3x3, on 224x224
    assert first.macs == 224 * 224 * 64 * 3 * 3 * 3
    assert _row(analysis, "classifier.0").macs == 25088 * 4096
    assert all(row.macs == 0 for row in analysis.rows if row.kind not in ("conv", "linear"))


def test_resnet18_shortcuts():
    analysis = analyze("resnet18")
    adds = [row for row in analysis.rows if row.kind == "add"]
    assert len(adds) == 8
    projected = []
    for add in adds:
        kinds = [edge.kind for edge in _edges_into(analysis, add.index)]
        assert sorted(kinds) in (["sequence", "skip"], ["projection", "sequence"])
        if "projection" in kinds:
            projected.append(add.name)
    assert projected == ["layer2.0.add", "layer3.0.add", "layer4.0.add"]
    on_projection = {analysis.rows[edge.src].name for edge in analysis.edges if edge.kind == "projection"}
    assert "layer2.0.downsample.0" in on_projection and "layer2.0.downsample.1" in on_projection


def test_resnet20_option_a_has_only_identity_shortcuts():
    analysis = analyze("resnet20")
    adds = [row for row in analysis.rows if row.kind == "add"]
    assert len(adds) == 9
    assert all(sum(e.kind == "skip" for e in _edges_into(analysis, add.index)) == 1 for add in adds)
    assert not any(edge.kind == "projection" for edge in analysis.edges)
    # the zero-padded shortcut of a stage transition still joins a 32-channel add
    assert _row(analysis, "layer2.0.add").output_shape == (32, 16, 16)


def test_resnet20_option_b_projects_at_the_two_transitions():
    analysis = analyze("resnet20", shortcut="B")
    projected = sorted(
        {analysis.rows[edge.dst].name for edge in analysis.edges if edge.kind == "projection"} & {
            row.name for row in analysis.rows if row.kind == "add"
        }
    )
    assert projected == ["layer2.0.add", "layer3.0.add"]
    assert analysis.params == 272_474


def test_plain_networks_have_no_adds_and_the_same_params():
    plain, residual = analyze("plain56"), analyze("resnet56")
    assert not any(row.kind == "add" for row in plain.rows)
    assert (plain.params, plain.macs, plain.paper_depth) == (residual.params, residual.macs, 56)


def test_googlenet_inception3a_branches_into_one_concatenation():
    analysis = analyze("googlenet")
    fork = _row(analysis, "maxpool2")
    branches = _edges_out_of(analysis, fork.index)
    assert [edge.kind for edge in branches] == ["branch"] * 4
    ends = set()
    for edge in branches:
        index = edge.dst
        while analysis.rows[index].kind != "concat":
            (nxt,) = _edges_out_of(analysis, index)
            index = nxt.dst
        ends.add(index)
    (cat,) = ends
    assert analysis.rows[cat].name == "inception3a.cat"
    assert analysis.rows[cat].output_shape == (256, 28, 28)
    assert len(_edges_into(analysis, cat)) == 4


def test_inception_bottleneck_cuts_the_5x5_cost_tenfold():
    reduced, naive = analyze("inception_module"), analyze("inception_module_naive")
    branch3 = sum(row.macs for row in reduced.rows if row.name.startswith("branch3."))
    assert branch3 == 28 * 28 * 16 * 192 + 28 * 28 * 32 * 5 * 5 * 16 == 12_443_648
    assert _row(naive, "branch3.conv5x5").macs == 28 * 28 * 32 * 5 * 5 * 192 == 120_422_400
    assert _row(reduced, "cat").output_shape == (256, 28, 28)
    assert _row(naive, "cat").output_shape == (64 + 128 + 32 + 192, 28, 28)
    assert analyze("inception_module", reduce=False).macs == naive.macs


def test_nin_block_shrinks_channels_with_1x1_convolutions():
    analysis = analyze("nin_block")
    convs = [row for row in analysis.rows if row.kind == "conv"]
    assert [row.kernel for row in convs] == [(3, 3), (1, 1), (1, 1)]
    assert [row.output_shape for row in convs] == [(192, 28, 28), (160, 28, 28), (96, 28, 28)]
    assert [row.kind for row in analysis.rows[1:]] == ["conv", "act"] * 3


@pytest.mark.parametrize("name", list_models())
def test_every_zoo_model_is_analysed_consistently(name):
    analysis = analyze(name)
    rows = analysis.rows
    assert rows[0].kind == "input" and rows[0].output_shape == get_info(name).input_shape
    assert [row.index for row in rows] == list(range(len(rows)))
    assert all(0 <= edge.src < edge.dst < len(rows) for edge in analysis.edges)
    assert {edge.dst for edge in analysis.edges} == set(range(1, len(rows)))
    assert analysis.params == sum(row.params for row in rows)
    assert analysis.macs == sum(row.macs for row in rows) > 0
    assert analysis.weighted_modules == sum(row.kind in ("conv", "linear") for row in rows)
    assert 0 < analysis.paper_depth <= analysis.weighted_modules
    assert all(row.paper_name for row in rows)
    with torch.device("meta"):
        assert analysis.params == sum(p.numel() for p in get_model(name).parameters())


def test_a_module_called_twice_owns_its_parameters_once():
    class Twice(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(8, 8)

        def forward(self, x):
            return self.fc(torch.relu(self.fc(x)))

    analysis = analyze(Twice(), (8,))
    assert [(row.name, row.params, row.macs) for row in analysis.rows if row.kind == "linear"] == [
        ("fc", 72, 64),
        ("fc_1", 0, 64),
    ]
    assert analysis.params == 72 and analysis.macs == 128


def test_each_layers_kernel_stride_padding_and_groups_are_its_modules():
    """The layer table's kernel column, pinned to the papers: AlexNet's 11×11/4 with padding 2 and its pools'
    3×3/2, VGG-16's 3×3/1 padded by 1, ResNet's 7×7/2 padded by 3 and 3×3/2 max pool padded by 1, the two-GPU
    AlexNet's conv2 in 2 groups; every other row (linear, ReLU, add) has no window and 1 group."""
    def window(analysis, name):
        row = _row(analysis, name)
        return row.kernel, row.stride, row.padding, row.groups

    alexnet, vgg, resnet = analyze("alexnet"), analyze("vgg16"), analyze("resnet18")
    assert window(alexnet, "features.0") == ((11, 11), (4, 4), (2, 2), 1)
    assert window(alexnet, "features.2") == ((3, 3), (2, 2), (0, 0), 1)
    assert window(vgg, "features.0") == ((3, 3), (1, 1), (1, 1), 1)
    assert window(resnet, "conv1") == ((7, 7), (2, 2), (3, 3), 1)
    assert window(resnet, "maxpool") == ((3, 3), (2, 2), (1, 1), 1)
    assert window(analyze("alexnet2012_2gpu"), "conv2") == ((5, 5), (1, 1), (2, 2), 2)
    for row in alexnet.rows + resnet.rows:
        if row.kind in ("linear", "act", "add", "flatten", "dropout", "input"):
            assert (row.kernel, row.stride, row.padding, row.groups) == (None, None, None, 1), row.name


def test_frozen_parameters_are_counted_but_not_as_trainable():
    """The transfer page's "parameters each case trains": a frozen layer's parameters are its own but none of
    them trains."""
    model = get_model("lenet5")
    for parameter in model.conv1.parameters():
        parameter.requires_grad_(False)
    analysis = analyze(model, (1, 32, 32))
    conv1 = next(row for row in analysis.rows if row.params == 156)
    assert conv1.trainable == 0
    assert all(row.trainable == row.params for row in analysis.rows if row is not conv1)
    assert (analysis.params, analysis.trainable) == (61_706, 61_706 - 156)


def test_a_layer_feeding_two_others_starts_two_branches():
    """Two parallel convolutions of one input (an Inception module of two branches): both edges out of the input
    are drawn as branches, the edges after them as a sequence."""
    class TwoWays(nn.Module):
        def __init__(self):
            super().__init__()
            self.left, self.right = nn.Conv2d(3, 4, 1), nn.Conv2d(3, 4, 3, padding=1)
            self.act = nn.ReLU()

        def forward(self, x):
            x = self.act(x)
            return torch.cat([self.left(x), self.right(x)], 1)

    analysis = analyze(TwoWays(), (3, 8, 8))
    act = _row(analysis, "act")
    assert [edge.kind for edge in _edges_out_of(analysis, act.index)] == ["branch", "branch"]
    assert [edge.kind for edge in _edges_out_of(analysis, _row(analysis, "left").index)] == ["sequence"]


def test_a_shortcut_through_a_lone_convolution_is_a_projection():
    """He et al.'s option B projects with a 1×1 convolution; without a batch norm after it, the shortcut is still
    a projection (drawn as one), not an identity skip."""
    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1, self.relu, self.conv2 = nn.Conv2d(2, 4, 3, padding=1), nn.ReLU(), nn.Conv2d(4, 4, 3, padding=1)
            self.shortcut = nn.Conv2d(2, 4, 1)

        def forward(self, x):
            return self.conv2(self.relu(self.conv1(x))) + self.shortcut(x)

    analysis = analyze(Block(), (2, 8, 8))
    add = next(row for row in analysis.rows if row.kind == "add")
    into_add = {analysis.rows[edge.src].name: edge.kind for edge in _edges_into(analysis, add.index)}
    assert into_add == {"conv2": "sequence", "shortcut": "projection"}


def test_a_linear_layer_reads_the_last_dimension_of_its_input():
    """A linear layer over a sequence of feature vectors (N, 3, 8) is analysed; with vectors of 5 features the
    message names the 5, not the sequence's length."""
    assert analyze(nn.Sequential(nn.Linear(8, 2)), (3, 8)).rows[-1].output_shape == (3, 2)
    with pytest.raises(UserInputError, match="it expects 8 input features, got 5"):
        analyze(nn.Sequential(nn.Linear(8, 2)), (3, 5))


def test_a_module_of_no_known_kind_is_drawn_as_other():
    analysis = analyze(nn.Sequential(nn.Conv2d(1, 2, 3), nn.Upsample(scale_factor=2)), (1, 8, 8))
    assert [(row.kind, row.op) for row in analysis.rows[1:]] == [("conv", "Conv2d"), ("other", "Upsample")]


def test_the_first_row_is_the_input_and_each_row_has_its_input_shape():
    """The layer table's first row and its input-shape column: the input itself, then each layer with the shape
    it receives (LeNet-5: C3 reads S2's 6×14×14)."""
    analysis = analyze("lenet5")
    first = analysis.rows[0]
    assert (first.name, first.kind, first.op, first.input_shape, first.output_shape) == (
        "input", "input", "input", (1, 32, 32), (1, 32, 32))
    assert [row.input_shape for row in analysis.rows[1:]] == [row.output_shape for row in analysis.rows[:-1]]
    assert next(row.input_shape for row in analysis.rows if row.paper_name == "C3") == (6, 14, 14)


def test_methods_called_on_tensors_are_layers_too():
    """``x.flatten(1)``, ``x.relu()`` and ``x.add(y)`` written as tensor methods are rows, as their functions are."""
    class Methods(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv, self.fc = nn.Conv2d(1, 2, 3), nn.Linear(2 * 6 * 6, 3)

        def forward(self, x):
            y = self.conv(x).relu()
            return self.fc(y.add(y).flatten(1))

    analysis = analyze(Methods(), (1, 8, 8))
    assert [(row.kind, row.op, row.input_shape) for row in analysis.rows[1:]] == [
        ("conv", "Conv2d", (1, 8, 8)), ("act", "relu", (2, 6, 6)), ("add", "add", (2, 6, 6)),
        ("flatten", "flatten", (2, 6, 6)), ("linear", "Linear", (72,))]


def test_a_model_without_parameters_or_buffers_is_analysed():
    """Nothing to take a device or precision from: the example input is made on the meta device."""
    analysis = analyze(nn.Sequential(nn.ReLU(), nn.MaxPool2d(2), nn.Flatten()), (3, 8, 8))
    assert [(row.kind, row.output_shape) for row in analysis.rows] == [
        ("input", (3, 8, 8)), ("act", (3, 8, 8)), ("pool", (3, 4, 4)), ("flatten", (48,))]
    assert (analysis.params, analysis.macs) == (0, 0)


def test_a_double_precision_model_is_analysed_in_its_own_precision():
    analysis = analyze(nn.Sequential(nn.Linear(4, 2)).double(), (4,))
    assert (analysis.params, analysis.macs) == (10, 8)


def test_options_and_a_missing_shape_are_programming_errors_said_plainly():
    with pytest.raises(TypeError, match="^options apply to zoo names only; build the module with them instead$"):
        analyze(nn.Linear(2, 2), (2,), shortcut="B")
    with pytest.raises(TypeError, match="^input_shape is required when analysing a module$"):
        analyze(nn.Linear(2, 2))


def test_an_error_without_words_is_named_by_its_kind():
    """A student's model that fails without a message: the sentence names the error's kind, not an empty reason."""
    class Silent(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(1, 2, 3)

        def forward(self, x):
            y = self.conv(x)
            if y.shape[-1] > 0:  # a branch on a shape: fx cannot follow it, the hooks run it
                raise RuntimeError()
            return y

    with pytest.raises(UserInputError, match="^input 1x8x8 does not fit Silent: RuntimeError$"):
        analyze(Silent(), (1, 8, 8))


def test_untraceable_models_fall_back_to_hooks():
    class ShapeDependent(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(3, 4, 3)
            self.pool = nn.AdaptiveAvgPool2d(1)

        def forward(self, x):
            if x.shape[-1] > 4:  # control flow on a traced value: torch.fx gives up
                x = self.conv(x)
            return torch.flatten(self.pool(x), 1)  # a function: a row when traced, unseen by hooks

    model = ShapeDependent()
    analysis = analyze(model, (3, 8, 8))
    assert [(row.name, row.output_shape) for row in analysis.rows] == [
        ("input", (3, 8, 8)),
        ("conv", (4, 6, 6)),
        ("pool", (4, 1, 1)),
    ]
    # What the layer table and the diagram show of each row, as the hooks saw it: kind, torch class, the shape
    # going in, and the receptive field (3×3 conv: 3, jump 1; the adaptive pool averages all 6×6: 3 + 5 = 8,
    # jump 6).
    assert [(r.kind, r.op, r.input_shape, r.rf_size, r.rf_jump) for r in analysis.rows] == [
        ("input", "input", (3, 8, 8), (1, 1), (1, 1)),
        ("conv", "Conv2d", (3, 8, 8), (3, 3), (1, 1)),
        ("pool", "AdaptiveAvgPool2d", (4, 6, 6), (8, 8), (6, 6)),
    ]
    assert [(e.src, e.dst, e.kind) for e in analysis.edges] == [(0, 1, "sequence"), (1, 2, "sequence")]
    assert analysis.macs == 4 * 6 * 6 * 3 * 3 * 3
    assert not any(module._forward_hooks for module in model.modules())
    assert model.training  # analysed in eval mode, given back as it was
    # An input that does not fit, met on the hook path: the one-line message names the input, the model and
    # torch's reason.
    with pytest.raises(UserInputError) as refused:
        analyze(model, (2, 8, 8))
    message = str(refused.value)
    assert message.startswith("input 2x8x8 does not fit ShapeDependent: ") and "3 channels" in message
    assert not any(module._forward_hooks for module in model.modules())


def test_a_real_module_gives_the_same_analysis_as_the_meta_one():
    model = get_model("lenet5")
    model.conv1.eval()  # a frozen layer in a training model keeps its own mode
    assert analyze(model, (1, 32, 32)).rows == analyze("lenet5").rows
    assert model.training and model.fc1.training and not model.conv1.training


@pytest.mark.parametrize(
    ("name", "shape", "message"),
    [
        ("vgg16", (3, 8, 8), r"input 3x8x8 does not fit vgg16 at layer 'features\.\d+': .*too small"),
        ("vgg16", (1, 224, 224), "at layer 'features.0': it expects 3 input channels, got 1"),
        ("alexnet2012", (3, 224, 224), "at layer 'fc6': it expects 9216 input features, got 6400"),
        ("resnet20", (3, 0, 32), r"input shape must be positive whole sizes such as \(3, 224, 224\)"),
        ("resnet20", (3, "32", 32), "input shape must be positive whole sizes"),
        ("resnet20", (), "input shape must be positive whole sizes"),
        ("nope", None, "unknown model 'nope'"),
    ],
)
def test_inputs_that_do_not_fit_are_user_errors(name, shape, message):
    with pytest.raises(UserInputError, match=message):
        analyze(name, shape)


def test_other_input_sizes_are_analysed():
    analysis = analyze("resnet18", (3, 64, 64))
    assert analysis.rows[0].output_shape == (3, 64, 64)
    assert _row(analysis, "layer4.1.relu_1").output_shape == (512, 2, 2)
    assert analysis.params == analyze("resnet18").params
    assert analysis.macs < analyze("resnet18").macs


@pytest.mark.parametrize("name", ["vgg16", "resnet50"])
def test_analysis_is_fast(name):
    analyze("resnet18")  # imports and first-call set-up are not what is measured
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        _analyze_zoo.__wrapped__(name, get_info(name).input_shape, ())  # past the cache
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.5


def test_analysis_to_dict_is_plain_json():
    analysis = analyze("resnet20")
    data = json.loads(json.dumps(analysis_to_dict(analysis)))
    assert data == analysis_to_dict(analysis)
    assert set(data) == {"model", "input_shape", "params", "trainable", "macs", "paper_depth",
                         "weighted_modules", "layers", "edges"}
    assert data["layers"][1]["kernel"] == [3, 3] and data["layers"][1]["output_shape"] == [16, 32, 32]
    assert Counter(edge["kind"] for edge in data["edges"]) == Counter(edge.kind for edge in analysis.edges)


def test_analyses_on_two_threads_at_once_do_not_trip_over_each_others_tracing():
    """torch.fx patches every thread's module calls while it traces: the depth page counts parameters on the GUI
    thread while the engine thread analyses the zoo, and the render of that page failed with "module is not
    installed as a submodule" (found by rendering resnet --tab 1)."""
    import threading

    errors: list[str] = []

    def work(name: str) -> None:
        for width in (3, 5, 7):  # widths no other test asks for: each is a fresh trace, not the cache
            try:
                analyze(name, width=width)
            except Exception as error:  # noqa: BLE001 - any failure on the thread is the finding
                errors.append(repr(error))

    threads = [threading.Thread(target=work, args=(name,)) for name in ("resnet20", "plain20", "resnet32")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
