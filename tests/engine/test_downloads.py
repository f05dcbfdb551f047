"""engine.data.downloads against a real HTTP server on 127.0.0.1: progress, resume, checksums, cancel, full and
read-only disks. No test touches the internet (``no_internet`` refuses any other address)."""

from __future__ import annotations

import errno
import hashlib
import io

import pytest
import torch

import engine.data.downloads as downloads
from engine.data.downloads import CHUNK, DownloadError, RemoteFile, fetch, partial_path, sha256_prefix_of

pytestmark = pytest.mark.usefixtures("no_internet")


def _state_dict_bytes() -> bytes:
    """A tiny real state dict, saved as torchvision saves its weights."""
    buffer = io.BytesIO()
    torch.save(torch.nn.Linear(300, 400).state_dict(), buffer)  # ~480 kB: two chunks
    return buffer.getvalue()


@pytest.fixture
def weights_file(local_server, tmp_path):
    """A state dict served as ``/models/tiny-<its sha256 prefix>.pth``; the RemoteFile that fetches it."""
    payload = _state_dict_bytes()
    name = f"tiny-{hashlib.sha256(payload).hexdigest()[:8]}.pth"
    local_server.files[f"/models/{name}"] = payload
    target = tmp_path / "hub" / "checkpoints" / name
    return payload, RemoteFile(f"{local_server.url}/models/{name}", target, len(payload), sha256_prefix_of(name))


def _run(generator):
    """All the progress of a fetch, and its return value."""
    progress = []
    while True:
        try:
            progress.append(next(generator))
        except StopIteration as end:
            return progress, end.value


def test_the_sha256_prefix_is_read_from_torchvisions_file_names():
    assert sha256_prefix_of("resnet18-f37072fd.pth") == "f37072fd"
    assert sha256_prefix_of("alexnet-owt-7be5be79.pth") == "7be5be79"
    assert sha256_prefix_of("cifar-10-python.tar.gz") == ""


def test_a_download_reports_progress_and_lands_verified_in_place(weights_file):
    payload, remote = weights_file
    progress, finished = _run(fetch(remote))
    assert finished and remote.target.read_bytes() == payload
    assert not partial_path(remote.target).exists()
    assert len(progress) == -(-len(payload) // CHUNK)  # one report per chunk
    assert [p.done for p in progress] == sorted(p.done for p in progress)
    assert progress[-1].done == progress[-1].total == len(payload)
    assert all(p.rate > 0 for p in progress)
    assert progress[-1].seconds_left == 0
    assert set(torch.load(remote.target, weights_only=True)) == {"weight", "bias"}


def test_a_present_file_is_not_fetched_again(weights_file, local_server):
    _, remote = weights_file
    _run(fetch(remote))
    progress, finished = _run(fetch(remote))
    assert finished and progress == [] and len(local_server.requests) == 1


def test_a_download_broken_off_halfway_resumes_with_a_range_request(weights_file, local_server):
    payload, remote = weights_file
    path = remote.url.removeprefix(local_server.url)
    half = len(payload) // 2
    local_server.drop_after[path] = half
    with pytest.raises(DownloadError, match="broke off after 0.2 of 0.5 MB. What was fetched is kept") as broken:
        _run(fetch(remote))
    assert broken.value.kind == "network" and broken.value.stops_all
    assert not remote.target.exists()  # never a half-written file at the final path
    assert partial_path(remote.target).stat().st_size == half
    progress, finished = _run(fetch(remote))
    assert finished and remote.target.read_bytes() == payload
    assert local_server.requests[-1] == (path, f"bytes={half}-")
    assert progress[0].done > half and progress[-1].done == len(payload)  # only the rest came over the network


def test_a_server_that_ignores_range_sends_the_whole_file_again(weights_file, local_server):
    payload, remote = weights_file
    local_server.drop_after[remote.url.removeprefix(local_server.url)] = 1000
    with pytest.raises(DownloadError):
        _run(fetch(remote))
    local_server.ignore_range = True
    _, finished = _run(fetch(remote))
    assert finished and remote.target.read_bytes() == payload


@pytest.mark.parametrize("check", ["sha256", "md5"])
def test_a_wrong_checksum_is_refused_and_the_bad_file_removed(weights_file, check):
    payload, remote = weights_file
    wrong = RemoteFile(remote.url, remote.target, remote.size,
                       sha256_prefix="00000000" if check == "sha256" else "",
                       md5=hashlib.md5(b"other").hexdigest() if check == "md5" else "")  # noqa: S324
    expected = "its SHA-256 does not start with 00000000" if check == "sha256" else "its MD5 is"
    with pytest.raises(DownloadError, match=f"damaged: {expected}.*It was removed") as refused:
        _run(fetch(wrong))
    assert refused.value.kind == "checksum" and not refused.value.stops_all
    assert list(remote.target.parent.iterdir()) == []


def test_a_cancelled_download_keeps_only_its_temporary_file_and_resumes_later(weights_file, local_server):
    payload, remote = weights_file
    chunks = []
    progress, finished = _run(fetch(remote, should_stop=lambda: len(chunks) >= 1 or chunks.append(1)))
    assert not finished and len(progress) == 1
    assert not remote.target.exists()
    assert [p.name for p in remote.target.parent.iterdir()] == [remote.target.name + ".partial"]
    assert partial_path(remote.target).stat().st_size == CHUNK
    _, finished = _run(fetch(remote))
    assert finished and remote.target.read_bytes() == payload
    assert local_server.requests[-1][1] == f"bytes={CHUNK}-"


def test_a_full_disk_is_said_plainly_and_leaves_nothing(weights_file, monkeypatch):
    _, remote = weights_file

    class FullDisk(io.BytesIO):
        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    real = downloads._writable
    monkeypatch.setattr(downloads, "_writable", lambda path, mode: (real(path, mode).close(), FullDisk())[1])
    with pytest.raises(DownloadError, match=r"The disk holding .* is full: tiny-.*\.pth \(0\.5 MB\) does not fit. "
                                            "Free some space") as full:
        _run(fetch(remote))
    assert full.value.kind == "disk"
    assert list(remote.target.parent.iterdir()) == []


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_a_read_only_folder_is_said_plainly(weights_file, monkeypatch, code):
    _, remote = weights_file

    def refuse(path, mode):
        raise OSError(code, "Read-only file system" if code == errno.EROFS else "Permission denied")

    monkeypatch.setattr(downloads, "_writable", refuse)
    with pytest.raises(DownloadError, match="Cannot write into .*checkpoints .* The folder is read-only") as refused:
        _run(fetch(remote))
    assert refused.value.kind == "read-only" and not remote.target.exists()


def test_a_folder_that_cannot_be_made_is_said_plainly(weights_file, tmp_path):
    _, remote = weights_file
    (tmp_path / "blocked").write_text("a file where the folder should be")
    blocked = RemoteFile(remote.url, tmp_path / "blocked" / "sub" / remote.target.name, remote.size)
    with pytest.raises(DownloadError, match="Cannot write into"):
        _run(fetch(blocked))


def test_no_network_is_a_clear_message(tmp_path):
    remote = RemoteFile("http://127.0.0.1:9/models/resnet18-f37072fd.pth", tmp_path / "resnet18-f37072fd.pth")
    with pytest.raises(DownloadError, match="Cannot reach 127.0.0.1:9 to download resnet18-f37072fd.pth .*Check "
                                            "the network connection") as failed:
        _run(fetch(remote))
    assert failed.value.kind == "network" and not any(tmp_path.iterdir())


def test_a_missing_file_on_the_server_is_said_plainly(local_server, tmp_path):
    remote = RemoteFile(f"{local_server.url}/models/gone-12345678.pth", tmp_path / "gone-12345678.pth")
    with pytest.raises(DownloadError, match="The server refused gone-12345678.pth: .* answered 404"):
        _run(fetch(remote))
    assert not any(tmp_path.iterdir())
