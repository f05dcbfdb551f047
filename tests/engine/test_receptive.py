"""Receptive fields: published sizes, and the gradient support of a unit equals its computed field."""

from __future__ import annotations

import json

import pytest
import torch
from torch import nn
from torchvision.models.feature_extraction import create_feature_extractor

from engine.models.analysis import analyze
from engine.models.receptive import Field, stacked_convolutions
from engine.models.zoo import get_model, list_models
from engine.text.report import summary_output


def _row(analysis, name):
    return next(row for row in analysis.rows if row.name == name)


def test_alexnet_published_sizes():
    # torchvision's AlexNet: conv5 is features.10, the last max pool features.12 (Araujo et al., table 1).
    analysis = analyze("alexnet")
    assert _row(analysis, "features.10").rf_size == (163, 163)
    assert _row(analysis, "features.12").rf_size == (195, 195)
    assert _row(analysis, "features.12").rf_jump == (32, 32)
    conv1 = _row(analysis, "features.0")
    assert (conv1.rf_size, conv1.rf_jump, conv1.rf_start) == ((11, 11), (4, 4), (-2, -2))
    # The 2012 paper's network has the same windows: the same sizes, without conv1's padding.
    paper = analyze("alexnet2012")
    assert (_row(paper, "conv5").rf_size, _row(paper, "pool5").rf_size) == ((163, 163), (195, 195))


def test_vgg16_published_sizes():
    analysis = analyze("vgg16")
    assert _row(analysis, "features.28").rf_size == (196, 196)  # conv5_3
    assert _row(analysis, "features.30").rf_size == (212, 212)  # pool5
    convs = [row for row in analysis.rows if row.kind == "conv"]
    # Two stacked 3x3 convolutions see 5x5, three see 7x7 (Simonyan and Zisserman, section 2.3).
    assert [row.rf_size[0] for row in convs[:2]] == [3, 5]
    assert [row.rf_size[0] for row in convs[4:7]] == [24, 32, 40]


def test_resnet_and_lenet_sizes():
    assert _row(analyze("resnet18"), "layer4.1.relu_1").rf_size == (435, 435)
    assert _row(analyze("resnet50"), "layer4.2.relu_2").rf_size == (427, 427)
    lenet = analyze("lenet5")
    assert [row.rf_size for row in lenet.rows if row.kind in ("conv", "pool")] == [
        (5, 5), (6, 6), (14, 14), (16, 16)
    ]
    # Dense layers are not a grid: one unit sees the span of everything before, here the whole 32x32 image.
    assert (_row(lenet, "fc1").rf_size, _row(lenet, "fc1").rf_jump) == ((32, 32), None)


def test_summary_json_and_text_carry_the_fields():
    layers = json.loads(summary_output("vgg16", None, as_json=True))["layers"]
    pool5 = next(layer for layer in layers if layer["name"] == "features.30")
    assert (pool5["rf_size"], pool5["rf_jump"], pool5["rf_start"]) == ([212, 212], [32, 32], [-90, -90])
    text = summary_output("alexnet", None, as_json=False)
    assert next(line for line in text.splitlines() if " features.12 " in line).split()[-1] == "195"


def test_field_box_is_clipped_to_the_image():
    field = Field((195, 195), (32, 32), (-66, -66))
    assert field.box(0, 0) == (-66, -66, 129, 129)
    assert field.box(0, 5, 224, 224) == (0, 94, 129, 224)
    assert field.center(1, 1) == (-66 + 32 + 97, -66 + 32 + 97)


class _Misaligned(nn.Module):
    """Two paths into one ``add`` that are not centred on the same pixel: a 3x3 valid conv and a crop."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 1, 3)

    def forward(self, x):
        return self.conv(x) + x[:, :, 2:, 2:]


def test_misaligned_paths_see_their_union():
    analysis = analyze(_Misaligned(), (1, 10, 10))
    add = next(row for row in analysis.rows if row.kind == "add")
    # The conv sees pixels 0..2 of unit 0, the crop pixel 2: the union is 0..2, size 3, starting at 0.
    assert (add.rf_size, add.rf_jump, add.rf_start) == ((3, 3), (1, 1), (0, 0))


class _WindowOnly(nn.Module):
    """A convolution's wiring without its channels: the sum of the input channels, one positive window
    with the convolution's kernel, stride, padding and dilation, repeated on every output channel.

    Each output channel of a convolution reads every input channel (a grouped one, some of them; the
    test sums a unit's channels, so the spatial support is the same), so the support of a unit's
    gradient is the same as the real convolution's with positive weights, at a small part of the cost.
    """

    def __init__(self, conv: nn.Conv2d) -> None:
        super().__init__()
        self.out_channels = conv.out_channels
        self.window = nn.Conv2d(1, 1, conv.kernel_size, conv.stride, conv.padding, conv.dilation, bias=False)

    def forward(self, x):
        summed = self.window(x.mean(1, keepdim=True))
        return summed.expand(-1, self.out_channels, -1, -1)


def _averaging(model: nn.Module, window_only: bool = True) -> nn.Module:
    """The same wiring with every unit a positive average of its inputs, so no gradient is ever cut.

    Max pooling routes the gradient to one input and ReLU cuts it at zero: max pools become average pools
    of the same window and activations (and LRN, which mixes channels only) become identities; every
    convolution averages its window (``_WindowOnly``). The functional ReLUs left (GoogLeNet's) see
    positive values only, and batch norm, in eval mode with its initial statistics, is the identity.
    """
    for parent in list(model.modules()):
        for name, child in parent.named_children():
            if isinstance(child, nn.MaxPool2d):
                setattr(parent, name, nn.AvgPool2d(child.kernel_size, child.stride, child.padding, child.ceil_mode))
            elif isinstance(child, nn.ReLU | nn.Tanh | nn.Sigmoid | nn.LocalResponseNorm):
                setattr(parent, name, nn.Identity())
            elif isinstance(child, nn.Conv2d) and window_only:
                setattr(parent, name, _WindowOnly(child))
    # Built on the meta device (VGG's 138M weights would take seconds to draw): give it memory, then
    # values. Dense layers stay uninitialised: the feature extractor never runs them.
    model = model.to_empty(device="cpu").double()
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, nn.BatchNorm2d):
                module.reset_parameters()
            elif isinstance(module, _WindowOnly):
                module.window.weight.fill_(1.0 / module.window.weight.numel())
            elif isinstance(module, nn.Conv2d):  # a real convolution, every weight positive
                module.weight.fill_(1.0 / module.weight[0].numel())
                if module.bias is not None:
                    module.bias.zero_()
    return model.eval()


_CASES = [(name, {}) for name in list_models()] + [("resnet20", {"shortcut": "B"})]


@pytest.mark.parametrize(("name", "options"), _CASES, ids=[f"{n}{o and '-B' or ''}" for n, o in _CASES])
def test_gradient_support_of_a_central_unit_is_its_field(name, options):
    _check_gradient_support(name, options, window_only=True)


@pytest.mark.parametrize("name", ["lenet5", "resnet20", "inception_module", "nin_block"])
def test_the_real_convolutions_with_positive_weights_agree(name):
    # The stand-in above keeps a convolution's windows and drops its channels; on the small models the real
    # convolutions, every weight positive, give the same supports.
    _check_gradient_support(name, {}, window_only=False)


def _check_gradient_support(name: str, options: dict, window_only: bool) -> None:
    # float64 so that the longest paths of the 110-layer network do not underflow to zero.
    analysis = analyze(name, **options)
    shape = analysis.input_shape
    height, width = shape[1:]
    grid = [row for row in analysis.rows[1:] if row.rf_jump is not None and len(row.output_shape) == 3]
    inside = [row for row in grid if row.rf_size[0] < height - 2]
    chosen = {inside[len(inside) // 2].name, inside[-1].name, grid[-1].name}
    with torch.device("meta"):
        model = get_model(name, **options)
    model = _averaging(model, window_only)
    features = create_feature_extractor(model, sorted(chosen))
    image = (torch.rand((1, *shape), dtype=torch.float64) + 0.5).requires_grad_(True)
    outputs = features(image)
    for row in grid:
        if row.name not in chosen:
            continue
        y, x = row.output_shape[1] // 2, row.output_shape[2] // 2
        # Every channel at (y, x): a concatenation's channels come from different branches.
        (gradient,) = torch.autograd.grad(outputs[row.name][0, :, y, x].sum(), image, retain_graph=True)
        support = gradient[0].abs().sum(0) != 0
        rows, columns = support.any(1).nonzero().flatten(), support.any(0).nonzero().flatten()
        seen = (int(rows.min()), int(columns.min()), int(rows.max()) + 1, int(columns.max()) + 1)
        top, left, bottom, right = Field(row.rf_size, row.rf_jump, row.rf_start).box(y, x, height, width)
        assert seen == (top, left, bottom, right), (name, row.name)
        assert support[top:bottom, left:right].all(), (name, row.name)


def test_vgg_argument_on_its_own_layers():
    stack = stacked_convolutions(analyze("vgg16").rows)
    assert stack.layers == ("features.24", "features.26", "features.28")  # conv5_1 to conv5_3
    assert (stack.kernel, stack.channels, stack.sizes) == (3, 512, (3, 5, 7))
    c2 = 512 * 512
    # Two 3×3 see 5×5 with 18C² weights (one 5×5: 25C²); three see 7×7 with 27C² (one 7×7: 49C²).
    assert [w // c2 for w in stack.weights] == [9, 18, 27] and [w // c2 for w in stack.single] == [9, 25, 49]
    assert stack.weights[1] == 2 * (_row(analyze("vgg16"), "features.26").params - 512)
    assert stacked_convolutions(analyze("lenet5").rows) is None
