"""engine.models.weights: shipped, cached, user-picked and random weights, and downloads, all without the network."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import torch
import torchvision

import engine.models.weights as weights
from engine.models.checkpoints import Checkpoint, save_checkpoint
from engine.models.zoo import get_model
from engine.runtime.errors import UserInputError


@pytest.fixture
def hub(tmp_path, monkeypatch) -> Path:
    """An empty torch hub cache in a temporary folder: the user's own is never read."""
    folder = tmp_path / "hub"
    monkeypatch.setattr(torch.hub, "get_dir", lambda: str(folder))
    return folder


@pytest.fixture
def fake_url(tmp_path, monkeypatch):
    """Make resnet18's weights come from a local file:// URL whose name carries the file's SHA-256 prefix."""

    def serve(payload: bytes, prefix: str | None = None) -> Path:
        prefix = prefix or hashlib.sha256(payload).hexdigest()[:8]
        source = tmp_path / "server" / f"resnet18-{prefix}.pth"
        source.parent.mkdir(exist_ok=True)
        source.write_bytes(payload)
        monkeypatch.setattr(weights, "weights_url", lambda name: source.as_uri() if name == "resnet18" else None)
        return source

    return serve


def test_without_shipped_file_lenet5_runs_with_random_weights_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(weights, "SHIPPED_WEIGHTS", tmp_path)
    loaded = weights.load_model("lenet5")
    assert loaded.status.kind == "random" and not loaded.status.downloadable
    assert loaded.classes == tuple("0123456789")
    assert loaded.preprocessing == weights.Preprocessing(1, 32, 32)
    assert not loaded.module.training


def test_shipped_checkpoint_gives_its_classes_normalisation_and_builder_options(tmp_path, monkeypatch):
    model = get_model("lenet5", activation="sigmoid")
    classes = tuple("abcdefghij")
    save_checkpoint(Checkpoint("lenet5", model.state_dict(), classes, (1, 32, 32), mean=(0.1,), std=(0.3,),
                               dataset="digits", epoch=7, config={"activation": "sigmoid", "lr": 0.01}),
                    tmp_path / "lenet5_digits.pt")
    monkeypatch.setattr(weights, "SHIPPED_WEIGHTS", tmp_path)
    loaded = weights.load_model("lenet5")
    assert (loaded.status.kind, loaded.status.detail, loaded.status.dataset) == ("shipped", "digits, epoch 7", "digits")
    assert loaded.classes == classes
    assert loaded.preprocessing == weights.Preprocessing(1, 32, 32, (0.1,), (0.3,))
    assert isinstance(loaded.module.act1, torch.nn.Sigmoid)
    assert torch.equal(loaded.module.conv1.weight, model.conv1.weight)


def test_torchvision_weights_come_from_the_hub_cache(hub):
    # torchvision's GoogLeNet weights carry the auxiliary classifiers the zoo leaves out: they must still load.
    published = torchvision.models.googlenet(weights=None, aux_logits=True, init_weights=False)
    torch.nn.init.constant_(published.fc.bias, 0.25)
    path = weights.cache_path("googlenet")
    assert path.parent == hub / "checkpoints" and path.name == "googlenet-1378be20.pth"
    path.parent.mkdir(parents=True)
    torch.save(published.state_dict(), path)
    loaded = weights.load_model("googlenet")
    assert (loaded.status.kind, loaded.status.path) == ("cache", str(path))
    assert loaded.status.detail == "GoogLeNet_Weights.IMAGENET1K_V1"
    assert torch.all(loaded.module.fc.bias == 0.25)
    assert len(loaded.classes) == 1000 and loaded.classes[0] == "tench"
    # The weights' transform_input re-normalises to (x - 0.5) / 0.5; the page normalises so directly.
    assert loaded.preprocessing == weights.Preprocessing(3, 256, 224, (0.5, 0.5, 0.5), (0.5, 0.5, 0.5))


def test_without_cached_weights_the_model_is_random_and_can_be_downloaded(hub):
    loaded = weights.load_model("resnet18")
    assert loaded.status.kind == "random" and loaded.status.downloadable
    assert 40e6 < loaded.status.download_bytes < 50e6  # torchvision's metadata: 44.7 MB
    assert loaded.preprocessing == weights.Preprocessing(3, 256, 224, (0.485, 0.456, 0.406), (0.229, 0.224, 0.225))
    assert loaded.classes[0] == "tench"


def test_a_damaged_cache_file_falls_back_to_random_weights_and_says_why(hub):
    path = weights.cache_path("resnet18")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a torch file")
    loaded = weights.load_model("resnet18")
    assert loaded.status.kind == "random"
    assert "resnet18-f37072fd.pth" in loaded.status.problem and "not a readable weights file" in loaded.status.problem


def test_a_bare_state_dict_chosen_by_the_user_is_loaded(tmp_path):
    model = get_model("resnet20")
    path = tmp_path / "my weights (1).pt"
    torch.save(model.state_dict(), path)
    loaded = weights.load_model("resnet20", path)
    assert (loaded.status.kind, loaded.status.path) == ("file", str(path))
    assert torch.equal(loaded.module.fc.weight, model.fc.weight)
    assert loaded.classes == weights.CIFAR10_CLASSES


def test_a_state_dict_of_another_model_is_refused_naming_the_mismatch(tmp_path):
    path = tmp_path / "resnet20.pt"
    torch.save(get_model("resnet20").state_dict(), path)
    with pytest.raises(UserInputError, match=r"resnet20\.pt does not fit LeNet5: .*missing \(e\.g\. conv1\.bias\)"):
        weights.load_model("lenet5", path)
    other = get_model("lenet5", num_classes=7)
    torch.save(other.state_dict(), path)
    with pytest.raises(UserInputError, match=r"another shape \(e\.g\. fc3\.weight: file 7×84, model 10×84\)"):
        weights.load_model("lenet5", path)


@pytest.mark.parametrize("content", [b"", b"hello", b"PK\x03\x04 broken zip"])
def test_a_file_that_is_not_weights_is_refused(tmp_path, content):
    path = tmp_path / "weights.pt"
    path.write_bytes(content)
    with pytest.raises(UserInputError, match="weights.pt is not a readable weights file"):
        weights.load_model("lenet5", path)


def test_a_torch_file_without_a_state_dict_is_refused(tmp_path):
    path = tmp_path / "numbers.pt"
    torch.save([1, 2, 3], path)
    with pytest.raises(UserInputError, match="holds no state dict"):
        weights.load_model("lenet5", path)


def test_download_goes_through_a_partial_file_into_the_cache(hub, fake_url):
    payload = bytes(range(256)) * 12_000  # 3 MB: three chunks
    fake_url(payload)
    progress = list(weights.download_weights("resnet18"))
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)
    assert progress[-1] == (len(payload), len(payload)) and len(progress) >= 3
    target = weights.cache_path("resnet18")
    assert target.read_bytes() == payload
    assert list(target.parent.iterdir()) == [target]


def test_downloaded_weights_are_used_next_time(hub, fake_url, tmp_path):
    model = get_model("resnet18")
    torch.nn.init.constant_(model.fc.bias, 0.5)
    torch.save(model.state_dict(), tmp_path / "state.pth")
    fake_url((tmp_path / "state.pth").read_bytes())
    assert weights.load_model("resnet18").status.kind == "random"
    for _ in weights.download_weights("resnet18"):
        pass
    loaded = weights.load_model("resnet18")
    assert loaded.status.kind == "cache" and torch.all(loaded.module.fc.bias == 0.5)


def test_a_download_that_fails_the_checksum_leaves_nothing(hub, fake_url):
    fake_url(b"x" * 1000, prefix="00000000")
    with pytest.raises(UserInputError, match="damaged"):
        list(weights.download_weights("resnet18"))
    assert not any((hub / "checkpoints").iterdir())


def test_a_stopped_download_leaves_only_its_partial_file(hub, fake_url):
    fake_url(bytes(3 * 1024 * 1024))
    download = weights.download_weights("resnet18")
    next(download)
    download.close()  # what the engine does when the window closes mid-download
    target = weights.cache_path("resnet18")
    assert [p.name for p in (hub / "checkpoints").iterdir()] == [target.name + ".partial"]


def test_no_network_is_a_clear_message(hub, monkeypatch):
    monkeypatch.setattr(weights, "weights_url", lambda name: "http://127.0.0.1:9/resnet18-f37072fd.pth")
    with pytest.raises(UserInputError, match="Cannot reach 127.0.0.1:9 .* Check the network connection"):
        list(weights.download_weights("resnet18"))


def test_a_model_without_published_weights_cannot_be_downloaded(hub):
    assert weights.cache_path("alexnet2012") is None
    with pytest.raises(UserInputError, match="publishes no weights for AlexNet \\(2012\\)"):
        list(weights.download_weights("alexnet2012"))
