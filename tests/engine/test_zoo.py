"""The model zoo: names, facts and the parameter counts published for each network."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import torch
from torch import nn
from torchvision.models import get_weight

from engine.models.zoo import SECTIONS, get_info, get_model, list_models, top1
from engine.runtime.errors import UserInputError

ROOT = Path(__file__).resolve().parents[2]


def _params(name: str, **kwargs) -> int:
    with torch.device("meta"):
        return sum(p.numel() for p in get_model(name, **kwargs).parameters())


def test_list_models_follows_the_lecture_order():
    sections = [get_info(name).section for name in list_models()]
    assert [s for i, s in enumerate(sections) if i == 0 or sections[i - 1] != s] == list(SECTIONS)
    assert list_models("vgg") == ["vgg16", "vgg16_bn"]
    assert list_models("inception") == ["inception_module_naive", "inception_module", "googlenet"]
    assert {"plain20", "plain56", "resnet20", "resnet110"} <= set(list_models("resnet"))


def test_unknown_section_is_a_user_error():
    with pytest.raises(UserInputError, match="unknown section 'cats'; accepted: lenet, alexnet"):
        list_models("cats")


@pytest.mark.parametrize("name", ["nope", "resnet7", "resnet21", "plain", "vgg19"])
def test_unknown_model_names_what_is_accepted(name):
    accepted = rf"unknown model '{name}'; accepted: lenet5, .*resnetN with N = 6n\+2"
    with pytest.raises(UserInputError, match=accepted):
        get_info(name)


def test_cifar_depths_beyond_the_list_are_built():
    info = get_info("Plain26")
    assert (info.name, info.title, info.input_shape) == ("plain26", "Plain-26", (3, 32, 32))
    assert get_info("resnet50").family == "ResNet"  # torchvision's, not the CIFAR pattern's 6*8+2


def test_every_entry_is_complete():
    for name in list_models():
        info = get_info(name)
        assert info.name == name
        assert info.section in SECTIONS
        assert len(info.input_shape) == 3
        assert info.ideas_en and len(info.ideas_en) == len(info.ideas_ko)
        assert all(info.ideas_en) and all(info.ideas_ko)
        assert info.title and info.authors and info.paper and 1998 <= info.year <= 2015


def test_every_builder_works_on_the_meta_device():
    for name in list_models():
        with torch.device("meta"):
            model = get_model(name)
        assert isinstance(model, nn.Module)
        assert all(p.is_meta for p in model.parameters()), name


def test_importing_the_registry_does_not_import_torch():
    code = "import sys, engine.models.zoo; engine.models.zoo.list_models(); print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("name", "options", "params"),
    [
        ("lenet5", {}, 61_706),
        ("lenet5", {"activation": "sigmoid"}, 61_706),
        ("alexnet2012", {}, 62_378_344),
        ("alexnet2012", {"two_gpu": True}, 60_965_224),
        ("vgg16", {}, 138_357_544),
        # He et al. (2016), table 6: ResNet-20 0.27M, ResNet-56 0.85M. Option A's shortcuts have no
        # weights; option B adds a 1x1 convolution + batch norm at the two stage transitions.
        ("resnet20", {}, 269_722),
        ("resnet20", {"shortcut": "B"}, 272_474),
        ("resnet56", {}, 853_018),
        ("resnet56", {"shortcut": "B"}, 855_770),
    ],
)
def test_published_parameter_counts(name, options, params):
    assert _params(name, **options) == params


@pytest.mark.parametrize("name", [name for name in list_models() if get_info(name).torchvision_weights])
def test_torchvision_models_match_their_weights_metadata(name):
    meta = get_weight(get_info(name).torchvision_weights).meta
    assert _params(name) == meta["num_params"]
    assert top1(name) == meta["_metrics"]["ImageNet-1K"]["acc@1"]


def test_models_without_published_weights_have_no_top1():
    assert top1("lenet5") is None
    assert top1("resnet20") is None
    assert top1("alexnet") == pytest.approx(56.522)


@pytest.mark.parametrize("depth", [20, 32, 44, 56, 110])
def test_plain_and_residual_twins_have_the_same_parameters(depth):
    assert _params(f"plain{depth}") == _params(f"resnet{depth}")


def test_lenet5_activation_option():
    with torch.device("meta"):
        sigmoid = get_model("lenet5", activation="sigmoid")
        tanh = get_model("lenet5")
    assert sum(isinstance(m, nn.Sigmoid) for m in sigmoid.modules()) == 4
    assert sum(isinstance(m, nn.Tanh) for m in tanh.modules()) == 4
    with pytest.raises(UserInputError, match="tanh, sigmoid"):
        get_model("lenet5", activation="relu")


def test_alexnet2012_two_gpu_groups_the_papers_convolutions():
    with torch.device("meta"):
        model = get_model("alexnet2012", two_gpu=True)
    grouped = {name for name, m in model.named_modules() if isinstance(m, nn.Conv2d) and m.groups == 2}
    assert grouped == {"conv2", "conv4", "conv5"}


def test_cifar_shortcut_option_is_checked():
    with pytest.raises(UserInputError, match="shortcut must be one of A, B"):
        get_model("resnet20", shortcut="C")
