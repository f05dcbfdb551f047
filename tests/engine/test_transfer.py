"""engine.learning.transfer: the lecture's three transfer cases, on real zoo models and real training runs."""

from __future__ import annotations

import pytest
import torch
from PIL import Image

from engine.learning.training import TrainConfig, run_training
from engine.learning.transfer import freeze, has_pretrained_source, transfer_plan
from engine.models.checkpoints import load_checkpoint
from engine.models.weights import cache_path, load_model
from engine.models.zoo import get_model
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError

FAST = dict(dataset="digits", batch_size=256, epochs=1, device="cpu")
HEAD = FAST | dict(batch_size=32, lr=0.01)  # enough steps for a new classifier to learn in one epoch


# ---------------------------------------------------------------- what each case trains


@pytest.mark.parametrize(("model", "total", "head"), [
    ("resnet18", 11_689_512, 513_000),     # He et al. 2016 / torchvision: 11.7M; fc 512×1000 + 1000
    ("vgg16", 138_357_544, 4_097_000),     # Simonyan & Zisserman 2015: 138M; fc8 4096×1000 + 1000
    ("alexnet", 61_100_840, 4_097_000),    # torchvision's AlexNet: 61.1M
    ("googlenet", 6_624_904, 1_025_000),   # torchvision's GoogLeNet without its auxiliary classifiers
])
def test_case_one_trains_only_the_classifier_of_the_published_network(model, total, head):
    plan = transfer_plan(model, "classifier")
    assert plan.params == total
    assert plan.trained_params == head and plan.frozen_layers == len(plan.layers) - 1
    assert transfer_plan(model, "all").trained_params == total and transfer_plan(model, "all").frozen_layers == 0


@pytest.mark.parametrize(("model", "case", "trained"), [
    ("resnet18", "classifier", 5_130),         # a new fc, 512×10 + 10, not ImageNet's 513,000
    ("resnet18", "later", 10_498_570),         # conv4_x, conv5_x and the new fc
    ("resnet18", "all", 11_181_642),
    ("googlenet", "classifier", 10_250),       # 1024×10 + 10
    ("googlenet", "later", 4_199_578),         # inception (4c) onwards, whole modules
    ("vgg16", "classifier", 40_970),           # fc8 4096×10 + 10
    ("lenet5", "later", 59_134),               # C5, F6 and a new output layer; C1 and C3 frozen
])
def test_the_trained_parameters_are_those_of_a_real_ten_class_run(model, case, trained):
    plan = transfer_plan(model, case, classes=10)
    assert plan.trained_params == trained
    network = get_model(model, num_classes=10)  # as pretrained_model builds it: a new 10-way head
    freeze(network, model, case)
    assert sum(p.numel() for p in network.parameters() if p.requires_grad) == trained


def test_googlenet_case_two_freezes_whole_inception_modules_along_the_depth():
    plan = transfer_plan("googlenet", "later", classes=10)
    modules: dict[str, set[bool]] = {}
    for layer in plan.layers:
        modules.setdefault(layer.paper_name.split(", ")[0], set()).add(layer.frozen)
    assert all(len(states) == 1 for states in modules.values())  # no module half frozen
    assert modules["inception (4b)"] == {True} and modules["inception (4c)"] == {False}  # 11 of its 22 layers
    assert plan.pretrained_head == 1_025_000


def test_case_two_freezes_the_first_half_of_the_weight_layers_with_their_batch_norms():
    plan = transfer_plan("resnet18", "later")
    assert len(plan.layers) == 21 and plan.frozen_layers == 10  # conv1, layer1 and layer2 (with its shortcut)
    first = plan.layers[0]
    assert (first.name, first.followers, first.params) == ("conv1", ("bn1",), 9408 + 128)
    frozen = plan.frozen_modules()
    assert "layer2.1.bn2" in frozen and "layer2.0.downsample.1" in frozen and "layer3.0.conv1" not in frozen
    # VGG-16's three dense layers hold 89% of its weights: retraining its later half retrains nearly all of it
    assert transfer_plan("vgg16", "later").trained_params / 138_357_544 > 0.97


def test_freezing_stops_gradients_and_reports_the_modules_to_keep_in_eval_mode():
    model = get_model("resnet18")
    frozen = freeze(model, "resnet18", "later")
    assert model.bn1 in frozen and model.layer2[1].bn2 in frozen and model.layer3[0].bn1 not in frozen
    assert not model.conv1.weight.requires_grad and not model.layer2[0].downsample[1].weight.requires_grad
    assert model.layer3[0].conv1.weight.requires_grad and model.fc.weight.requires_grad
    assert freeze(get_model("resnet18"), "resnet18", "all") == []


def test_unknown_cases_and_models_without_pretrained_weights_are_refused(tmp_path):
    with pytest.raises(UserInputError, match="unknown transfer case 'case9'"):
        transfer_plan("resnet18", "case9")
    assert has_pretrained_source("lenet5") and has_pretrained_source("resnet18")
    assert not has_pretrained_source("resnet20")
    with pytest.raises(UserInputError, match="ResNet-20 has no pretrained weights"):
        TrainConfig(model="resnet20", transfer="later").validate()


# ---------------------------------------------------------------- runs that start from pretrained weights


def test_a_case_one_run_keeps_the_pretrained_layers_and_trains_a_new_classifier(tmp_path):
    shipped = load_model("lenet5").module.state_dict()
    events = list(run_training(TrainConfig(model="lenet5", transfer="classifier", out_dir=str(tmp_path), **HEAD)))
    finished = [e for e in events if isinstance(e, ev.TrainingFinished)]
    assert finished and finished[0].test_accuracy > 0.9  # the pretrained features already separate the digits
    trained = load_checkpoint(next(tmp_path.rglob("last.pt"))).state_dict
    for key in ("conv1.weight", "conv2.bias", "fc1.weight", "fc2.weight"):
        assert torch.equal(trained[key], shipped[key]), key
    assert not torch.equal(trained["fc3.weight"], shipped["fc3.weight"])


def _fake_imagenet_cache(monkeypatch, tmp_path, name: str) -> None:
    """torchvision's cache as a download leaves it, holding (random) weights of the right shape."""
    monkeypatch.setattr(torch.hub, "get_dir", lambda: str(tmp_path / "hub"))
    path = cache_path(name)
    path.parent.mkdir(parents=True)
    torch.manual_seed(0)
    torch.save(get_model(name).state_dict(), path)


def _photo_folders(root, per_class: int = 4) -> None:
    for index, name in enumerate(("cat", "dog")):
        (root / name).mkdir(parents=True)
        for k in range(per_class):
            Image.new("RGB", (64, 48), (200 * index, 40 * k, 90)).save(root / name / f"{k}.png")


def test_a_frozen_batch_norm_keeps_its_pretrained_statistics_while_the_rest_learns(monkeypatch, tmp_path):
    with pytest.raises(UserInputError, match="no pretrained weights for ResNet-18 are on this computer"):
        list(run_training(TrainConfig(model="resnet18", transfer="later", out_dir=str(tmp_path / "runs"), **FAST)))
    _fake_imagenet_cache(monkeypatch, tmp_path, "resnet18")
    _photo_folders(tmp_path / "photos")
    pretrained = load_model("resnet18").module.state_dict()
    config = TrainConfig(model="resnet18", transfer="later", dataset=f"folder:{tmp_path / 'photos'}", epochs=1,
                         batch_size=3, device="cpu", out_dir=str(tmp_path / "runs"))
    events = list(run_training(config))
    started = next(e for e in events if isinstance(e, ev.TrainingStarted))
    assert started.classes == ("cat", "dog") and started.config.transfer == "later"
    trained = load_checkpoint(next((tmp_path / "runs").rglob("last.pt"))).state_dict
    assert trained["fc.weight"].shape == (2, 512)
    for key in ("bn1.running_mean", "layer2.1.bn2.running_var", "layer1.0.conv1.weight"):
        assert torch.equal(trained[key], pretrained[key]), key
    for key in ("layer4.1.bn2.running_mean", "layer3.0.conv1.weight"):
        assert not torch.equal(trained[key], pretrained[key]), key


def test_the_command_line_refuses_a_transfer_without_pretrained_weights_in_one_line(tmp_path, capsys):
    from main import main

    assert main(["train", "resnet20", "--transfer", "later", "--out", str(tmp_path)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "ResNet-20 has no pretrained weights to start from" in line
