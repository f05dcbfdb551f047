"""Prepare for class: the checklist, ``python main.py prepare [--check --json]`` before and after, and the engine
thread's preparation with cancel, all against a real HTTP server on 127.0.0.1 serving tiny files in
torchvision's layouts. torchvision's published checksums are replaced by the tiny files' own (the real files
are never fetched); everything else is the code the app runs."""

from __future__ import annotations

import json
import threading

import pytest
import torch
from local_server import cifar_archive, md5
from torchvision.datasets import CIFAR10

from engine.data.datasets import make_dataset
from engine.data.samples import dataset_samples
from engine.models.prepare import DATA_MIRROR_VARIABLE, checklist, fetch_dataset, prepare, remote_files
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError
from engine.runtime.worker import EngineWorker
from main import main

pytestmark = pytest.mark.usefixtures("no_internet")


def _check(capsys, root) -> tuple[int, dict]:
    status = main(["prepare", "--check", "--json", "--data-root", str(root)])
    return status, json.loads(capsys.readouterr().out)


def test_the_checklist_holds_torchvisions_files_and_published_checksums(tmp_path, monkeypatch):
    monkeypatch.setattr(torch.hub, "get_dir", lambda: str(tmp_path / "hub"))
    items = {item.key: item for item in checklist(tmp_path)}
    assert list(items) == ["alexnet", "vgg16", "vgg16_bn", "resnet18", "resnet34", "resnet50", "googlenet",
                           "mnist", "cifar10", "cifar100"]
    (resnet,) = remote_files("resnet18", tmp_path)
    assert resnet.url == "https://download.pytorch.org/models/resnet18-f37072fd.pth"
    assert resnet.target == tmp_path / "hub" / "checkpoints" / "resnet18-f37072fd.pth"
    assert resnet.sha256_prefix == "f37072fd" and 46_000_000 < resnet.size < 47_000_000  # torchvision: 44.661 MiB
    (cifar,) = remote_files("cifar10", tmp_path)
    assert cifar.md5 == "c58f30108f718f92721af3b95e74349a" and cifar.size == 170_498_071
    assert [r.md5 for r in remote_files("mnist", tmp_path)][0] == "f68b3c2dcbeaaa9fbdd348bbdeb94873"
    assert not any(item.present for item in items.values())
    assert items["mnist"].pages == ("training", "datasets") and items["vgg16"].pages == ("vgg", "transfer")


def test_check_before_and_after_prepare(mirror, capsys):
    status, before = _check(capsys, mirror)
    assert status == 1
    assert {item["key"]: item["status"] for item in before["items"]} == {
        key: "missing" for key in ("alexnet", "vgg16", "vgg16_bn", "resnet18", "resnet34", "resnet50", "googlenet",
                                   "mnist", "cifar10", "cifar100")}
    pages = {page["model"]: page for page in before["pages"]}
    assert pages["lenet5"]["weights"] == "shipped"
    assert pages["resnet18"]["weights"] == "random" and pages["resnet18"]["item"] == "resnet18"
    assert pages["plain20"]["item"] == ""
    assert before["training_sets"] == ["digits"]

    assert main(["prepare", "--only", "resnet18,mnist,cifar10", "--data-root", str(mirror)]) == 0
    printed = capsys.readouterr().out
    assert "[#" in printed and "MB/s" in printed  # text progress bars
    assert "ResNet-18: ready, verified" in printed and "CIFAR-10: ready, verified" in printed
    assert "Everything selected is on this computer" in printed

    status, after = _check(capsys, mirror)
    assert status == 1  # the other items are still missing
    statuses = {item["key"]: item["status"] for item in after["items"]}
    assert statuses["resnet18"] == statuses["mnist"] == statuses["cifar10"] == "present"
    assert statuses["cifar100"] == statuses["vgg16"] == "missing"
    assert {page["model"]: page["weights"] for page in after["pages"]}["resnet18"] == "cache"
    assert after["training_sets"] == ["digits", "mnist", "cifar10"]
    # What the pages and the training panel then read, offline:
    assert make_dataset("mnist", "test", channels=1, size=28, root=mirror)[0][1] == 0
    assert len(make_dataset("cifar10", "train", channels=3, size=32, root=mirror)) == 100
    assert dataset_samples("cifar10", 2, mirror).counts == (2,) * 10
    assert not (mirror / CIFAR10.filename).exists()  # unpacked, then the archive removed
    assert not list(mirror.rglob("*.partial"))


def test_prepare_with_a_damaged_file_says_so_and_keeps_what_was_fetched(mirror, local_server, capsys):
    local_server.files[f"/data/{CIFAR10.filename}"] = b"not the archive"
    status = main(["prepare", "--only", "mnist,cifar10", "--data-root", str(mirror)])
    printed = capsys.readouterr().out
    assert status == 1
    assert "MNIST: ready, verified" in printed
    assert "CIFAR-10: FAILED. The downloaded cifar-10-python.tar.gz is damaged: its MD5 is" in printed
    assert "Still missing: CIFAR-10" in printed
    assert {item.key: item.status for item in checklist(mirror)}["mnist"] == "present"
    assert not (mirror / CIFAR10.filename).exists() and not list(mirror.rglob("*.partial"))


def test_without_network_prepare_stops_at_once_with_one_message(mirror, monkeypatch, capsys):
    monkeypatch.setenv(DATA_MIRROR_VARIABLE, "http://127.0.0.1:9/data")
    assert main(["prepare", "--only", "data", "--data-root", str(mirror)]) == 1
    printed = capsys.readouterr().out
    assert printed.count("FAILED") == 1 and "Cannot reach 127.0.0.1:9" in printed


def test_a_selection_that_is_not_on_the_checklist_is_refused(capsys):
    assert main(["prepare", "--only", "resnet18,lenet", "--check"]) != 2  # --check ignores the selection
    capsys.readouterr()
    assert main(["prepare", "--skip", "imagenet"]) == 2
    assert "imagenet is not on the checklist; use weights, data, or some of: alexnet" in capsys.readouterr().err


def test_progress_covers_each_item_and_the_whole_run(mirror):
    events = list(prepare(["mnist", "resnet18"], mirror))
    progress = [e for e in events if isinstance(e, ev.PreparationProgress)]
    assert {e.key for e in progress} == {"mnist", "resnet18"}
    overall = [e.overall_done for e in progress]
    assert overall == sorted(overall) and progress[-1].overall_done == progress[-1].overall_total
    assert any(e.stage == "unpack" for e in progress if e.key == "mnist")
    finished = events[-1]
    assert isinstance(finished, ev.PreparationFinished) and finished.prepared == ("mnist", "resnet18")
    assert not finished.cancelled and finished.failed == ()
    assert "mnist" in finished.readiness.training_sets


def test_the_engine_thread_prepares_and_a_cancel_stops_it_between_chunks(mirror, local_server, monkeypatch):
    local_server.files[f"/data/{CIFAR10.filename}"] = cifar_archive(per_batch=400)  # several chunks
    local_server.delay = 0.01
    monkeypatch.setattr(CIFAR10, "tgz_md5", md5(local_server.files[f"/data/{CIFAR10.filename}"]))
    seen: list[ev.Event] = []
    done = threading.Event()
    worker = None

    def emit(event):
        seen.append(event)
        if isinstance(event, ev.PreparationProgress) and event.key == "cifar10" and event.done > 0:
            worker.submit(ev.CancelPreparation())  # the Cancel button, between two chunks
        if isinstance(event, ev.PreparationFinished):
            done.set()

    worker = EngineWorker(emit, device="cpu")
    worker.start()
    try:
        worker.submit(ev.StartPreparation(("mnist", "cifar10"), str(mirror)))
        assert done.wait(60)
    finally:
        assert worker.stop()
    finished = next(e for e in seen if isinstance(e, ev.PreparationFinished))
    assert finished.cancelled and finished.prepared == ("mnist",) and finished.failed == ()
    items = {item.key: item for item in finished.readiness.items}
    assert items["mnist"].present and not items["cifar10"].present and items["cifar10"].status == "partial"
    assert not (mirror / "cifar-10-batches-py").exists() and not (mirror / CIFAR10.filename).exists()


def test_training_with_download_uses_the_same_downloader(mirror):
    fetch_dataset("mnist", mirror)
    dataset = make_dataset("mnist", "train", channels=1, size=28, root=mirror)
    assert len(dataset) == 20
    assert {item.key: item.status for item in checklist(mirror)}["mnist"] == "present"


def test_training_with_download_but_no_network_says_so(mirror, monkeypatch):
    monkeypatch.setenv(DATA_MIRROR_VARIABLE, "http://127.0.0.1:9/data")
    with pytest.raises(UserInputError, match="MNIST could not be downloaded into .* \\(Cannot reach 127.0.0.1:9"):
        fetch_dataset("mnist", mirror)
