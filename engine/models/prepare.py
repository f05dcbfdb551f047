"""Prepare for class: fetch every weights file and data set the lecture uses once, verified, then work offline.

The checklist (:func:`checklist`) holds each ImageNet weights file the zoo uses — torchvision's own URL and
file name, into ``torch.hub.get_dir()/checkpoints`` where torchvision (and :mod:`engine.models.weights`) look — and
MNIST, CIFAR-10 and CIFAR-100 in torchvision's formats, checked against torchvision's published MD5s, into the
app's data folder (:func:`engine.data.datasets.default_data_root`) where :func:`engine.data.datasets.make_dataset` reads
them. Every file goes through :func:`engine.data.downloads.fetch`. A data set is unpacked after its download, into a
temporary name first, so that torchvision's layout appears whole or not at all.

:func:`readiness` looks at what is here without the network; :func:`prepare` fetches, as a generator of
events with a stop flag read every chunk, for the engine thread and for ``python main.py prepare``.

``CASEBOOK_WEIGHTS_URL`` and ``CASEBOOK_DATA_URL`` replace the servers (a local mirror, or a test's server):
a folder of the same files under the same names.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
import tarfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path

from engine.data.datasets import default_data_root
from engine.data.downloads import DownloadError, RemoteFile, fetch, partial_path, write_error
from engine.models.zoo import get_info, list_models
from engine.runtime import events as ev
from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = [
    "fetch_dataset",
    "DATA_MIRROR_VARIABLE",
    "DATASET_KEYS",
    "checklist",
    "prepare",
    "prepare_cli",
    "prepare_events",
    "readiness",
    "readiness_events",
    "remote_files",
]

DATA_MIRROR_VARIABLE = "CASEBOOK_DATA_URL"
DATASET_KEYS = ("mnist", "cifar10", "cifar100")
_DATASET_TITLES = {"mnist": "MNIST", "cifar10": "CIFAR-10", "cifar100": "CIFAR-100"}
# Bytes of the files torchvision downloads, as their servers publish them (the progress total before a
# server answers; the server's Content-Length wins once it does).
_PUBLISHED_SIZES = {
    "train-images-idx3-ubyte.gz": 9_912_422,
    "train-labels-idx1-ubyte.gz": 28_881,
    "t10k-images-idx3-ubyte.gz": 1_648_877,
    "t10k-labels-idx1-ubyte.gz": 4_542,
    "cifar-10-python.tar.gz": 170_498_071,
    "cifar-100-python.tar.gz": 169_001_437,
}
# Besides its own section, pretrained ImageNet weights serve transfer learning; data sets serve training.
_DATA_PAGES = ("training", "datasets")


def checklist(data_root: str | Path | None = None) -> tuple[ev.PreparationItem, ...]:
    """Everything the lecture's pages can use, weights first in lecture order, each with its size and whether it
    is here. Looks at files only: no network."""
    root = _root(data_root)
    items = []
    for name in _weights_models():
        remote = remote_files(name, root)[0]
        info = get_info(name)
        items.append(ev.PreparationItem(
            name, "weights", info.title, remote.size, remote.target.is_file(), _fetched(remote),
            str(remote.target), (info.section, "transfer")))
    for key in DATASET_KEYS:
        remotes = remote_files(key, root)
        items.append(ev.PreparationItem(
            key, "data", _DATASET_TITLES[key], sum(r.size for r in remotes), _dataset_present(key, root),
            sum(_fetched(r) for r in remotes), str(_dataset_folder(key, root)), _DATA_PAGES))
    return tuple(items)


def remote_files(key: str, data_root: str | Path | None = None) -> tuple[RemoteFile, ...]:
    """The files item ``key`` downloads (URL, place, published size and checksum)."""
    from engine.models.weights import weights_file

    root = _root(data_root)
    if key not in DATASET_KEYS:
        remote = weights_file(key) if key in _weights_models() else None
        if remote is None:
            raise _unknown(key)
        return (remote,)
    from torchvision.datasets import CIFAR10, CIFAR100, MNIST

    mirror = os.environ.get(DATA_MIRROR_VARIABLE, "").rstrip("/")
    if key == "mnist":
        base = mirror or MNIST.mirrors[0].rstrip("/")
        raw = root / "MNIST" / "raw"
        return tuple(RemoteFile(f"{base}/{file}", raw / file, _PUBLISHED_SIZES.get(file, 0), md5=md5)
                     for file, md5 in MNIST.resources)
    source = CIFAR10 if key == "cifar10" else CIFAR100
    url = f"{mirror}/{source.filename}" if mirror else source.url
    return (RemoteFile(url, root / source.filename, _PUBLISHED_SIZES.get(source.filename, 0), md5=source.tgz_md5),)


def readiness(data_root: str | Path | None = None) -> ev.Readiness:
    """The offline readiness report: the checklist, each model page's weights, the data sets training can use."""
    from engine.models.weights import cache_path, shipped_path

    items = checklist(data_root)
    pages = []
    for name in list_models():
        info = get_info(name)
        shipped, cached = shipped_path(name), cache_path(name)
        weights = "shipped" if shipped is not None and shipped.is_file() else (
            "cache" if cached is not None and cached.is_file() else "random")
        pages.append(ev.PageWeights(info.section, name, info.title, weights, name if cached is not None else ""))
    present = {item.key for item in items if item.present}
    return ev.Readiness(items, tuple(pages), ("digits", *(key for key in DATASET_KEYS if key in present)))


def prepare(keys: Sequence[str], data_root: str | Path | None = None,
            should_stop: Callable[[], bool] = lambda: False) -> Iterator[ev.Event]:
    """Fetch the checklist items ``keys`` that are not here yet, one after the other.

    Yields ``PreparationProgress`` after every chunk, ``ItemPrepared`` or ``ItemFailed`` per item, and last
    ``PreparationFinished``. A failure that would fail the next items too (no network, full or read-only disk)
    ends the run there; a damaged file (removed) does not. Items fetched before stay.

    Raises
    ------
    UserInputError
        For a key that is not on the checklist.
    """
    root = _root(data_root)
    by_key = {item.key: item for item in checklist(root)}
    unknown = [key for key in keys if key not in by_key]
    if unknown:
        raise _unknown(unknown[0])
    todo = [by_key[key] for key in dict.fromkeys(keys) if not by_key[key].present]
    overall = _Overall([remote for item in todo for remote in remote_files(item.key, root)])
    prepared, failed, cancelled = [], [], False
    for item in todo:
        try:
            finished = yield from _prepare_item(item, root, should_stop, overall)
        except DownloadError as error:
            failed.append(item.key)
            yield ev.ItemFailed(item.key, str(error))
            if error.stops_all:
                break
            continue
        if not finished:
            cancelled = True
            break
        prepared.append(item.key)
        yield ev.ItemPrepared(item.key, item.path)
    yield ev.PreparationFinished(cancelled, tuple(prepared), tuple(failed), readiness(root))


# ---------------------------------------------------------------- engine thread


_JOB = "preparation"


def fetch_dataset(name: str, data_root: str | Path | None = None) -> None:
    """``train --download``: fetch data set ``name`` (``mnist``, ``cifar10``, ``cifar100``) if it is not here
    yet, through the same checked, resumable downloader as ``prepare``.

    Raises
    ------
    UserInputError
        When it could not be fetched; the sentence says why.
    """
    if name not in DATASET_KEYS:
        return  # the embedded digits and image folders are already on this computer
    root = _root(data_root)
    failures = [event.message for event in prepare([name], root) if isinstance(event, ev.ItemFailed)]
    if failures:
        title = {item.key: item.title for item in checklist(root)}[name]
        raise UserInputError(text(QT_TRANSLATE_NOOP(
            "engine", "{title} could not be downloaded into {folder} ({error})."),
            title=title, folder=root, error=failures[0]))


def prepare_events(worker, request: ev.Request) -> Iterator[ev.Event]:
    """Serve ``StartPreparation`` (a long job: the worker serves ``CancelPreparation`` between its chunks) and
    ``CancelPreparation``."""
    if isinstance(request, ev.CancelPreparation):
        control = worker.job(_JOB)
        if control is not None:  # nothing is running: a late click does nothing
            control.stop = True
        return
    with worker.running_job(_JOB) as control:
        # A model the feature maps hold with random weights is rebuilt on its next image (features._Models).
        yield from prepare(request.keys, request.data_root or None,
                           should_stop=lambda: control.stop or worker.stopping)


def readiness_events(worker, request: ev.CheckReadiness) -> Iterator[ev.Event]:
    """Serve ``CheckReadiness``."""
    yield ev.ReadinessReady(readiness(request.data_root or None))


# ---------------------------------------------------------------- command line


def prepare_cli(args) -> int:
    """``python main.py prepare``: fetch with text progress bars, or ``--check`` what is here (offline)."""
    root = args.data_root
    if args.check:
        report = readiness(root)
        print(json.dumps(_report_json(report), indent=2, ensure_ascii=False) if args.json else _report_text(report))
        return 0 if not report.missing_bytes and all(item.present for item in report.items) else 1
    keys = _selected(args.only, args.skip)
    items = {item.key: item for item in checklist(root)}
    print(_checklist_text([items[key] for key in keys]))
    stop = False
    status = 0
    try:
        for event in prepare(keys, root, lambda: stop):
            if isinstance(event, ev.PreparationProgress):
                _draw_bar(event, items[event.key].title)
            elif isinstance(event, ev.ItemPrepared):
                _end_line(f"{items[event.key].title}: ready, verified ({event.path})")
            elif isinstance(event, ev.ItemFailed):
                _end_line(f"{items[event.key].title}: FAILED. {event.message}")
                status = 1
            elif isinstance(event, ev.PreparationFinished):
                left = [item.title for item in event.readiness.items if item.key in keys and not item.present]
                print("Everything selected is on this computer: the lecture works offline." if not left else
                      f"Still missing: {', '.join(left)}. Run `python main.py prepare` again to fetch it.")
    except KeyboardInterrupt:
        stop = True
        _end_line("Stopped. What was fetched stays; run prepare again to continue.")
        return 130
    return status


def _selected(only: str | None, skip: str | None) -> list[str]:
    keys = [item.key for item in checklist()]
    groups = {"weights": [k for k in keys if k not in DATASET_KEYS], "data": list(DATASET_KEYS)}

    def parse(value: str | None) -> list[str]:
        chosen = []
        for word in (w.strip() for w in (value or "").split(",") if w.strip()):
            if word in groups:
                chosen += groups[word]
            elif word in keys:
                chosen.append(word)
            else:
                raise UserInputError(text(QT_TRANSLATE_NOOP(
                    "engine", "{word} is not on the checklist; use weights, data, or some of: {names}."),
                    word=word, names=", ".join(keys)))
        return chosen

    picked = parse(only) or keys
    skipped = set(parse(skip))
    return [key for key in picked if key not in skipped]


def _checklist_text(items: Sequence[ev.PreparationItem]) -> str:
    lines = ["Prepare for class: every item is checked after its download, then the lecture runs offline."]
    for item in items:
        lines.append(f"  [{'x' if item.present else ' '}] {item.title:<24} {item.kind:<8} {_mb(item.size):>9}  "
                     f"{_STATUS_WORDS[item.status]}")
    missing = sum(item.size - min(item.fetched, item.size) for item in items if not item.present)
    lines.append(f"  To fetch: {_mb(missing)} of {_mb(sum(item.size for item in items))}.")
    return "\n".join(lines)


_STATUS_WORDS = {"present": "present", "missing": "missing", "partial": "partly fetched (will resume)"}
_WEIGHTS_WORDS = {"shipped": "trained (ships with the app)", "cache": "trained (ImageNet, prepared)",
                  "random": "RANDOM weights"}


def _report_text(report: ev.Readiness) -> str:
    lines = ["Items:"]
    for item in report.items:
        lines.append(f"  {item.title:<24} {item.kind:<8} {_mb(item.size):>9}  {_STATUS_WORDS[item.status]}"
                     f"  {item.path}")
    lines.append("Pages (feature maps, top-5, Grad-CAM):")
    for page in report.pages:
        hint = f"  (prepare {page.item})" if page.weights == "random" and page.item else (
            "  (no published weights: the maps show untrained filters)" if page.weights == "random" else "")
        lines.append(f"  {page.section:<10} {page.title:<24} {_WEIGHTS_WORDS[page.weights]}{hint}")
    lines.append(f"Training panel data sets: {', '.join(report.training_sets)}")
    lines.append(f"Left to fetch: {_mb(report.missing_bytes)}")
    return "\n".join(lines)


def _report_json(report: ev.Readiness) -> dict:
    return {
        "items": [asdict(item) | {"status": item.status} for item in report.items],
        "pages": [asdict(page) for page in report.pages],
        "training_sets": list(report.training_sets),
        "missing_bytes": report.missing_bytes,
    }


_last_width = 0
_last_drawn = 0.0
_BAR_INTERVAL_S = 0.1  # ten redraws a second: a fast line yields hundreds of chunks a second


def _draw_bar(event: ev.PreparationProgress, title: str) -> None:
    global _last_width, _last_drawn
    now = time.monotonic()
    if now - _last_drawn < _BAR_INTERVAL_S and event.done != event.total:
        return
    _last_drawn = now
    total = event.total or 1
    filled = int(30 * min(event.done / total, 1.0)) if event.total else 0
    rate = f"{event.rate / 1e6:.1f} MB/s" if event.rate else "--"
    left = _duration(event.overall_seconds_left)
    stage = "unpacking" if event.stage == "unpack" else f"{_mb(event.done)}/{_mb(event.total) if event.total else '?'}"
    line = (f"\r{title:<18} [{'#' * filled}{'.' * (30 - filled)}] {stage}  {rate}  "
            f"all: {_mb(event.overall_done)}/{_mb(event.overall_total)}, {left} left")
    _last_width = max(_last_width, len(line))
    sys.stdout.write(line.ljust(_last_width))
    sys.stdout.flush()


def _end_line(message: str) -> None:
    global _last_width
    if _last_width:
        sys.stdout.write("\r" + " " * _last_width + "\r")
        _last_width = 0
    print(message, flush=True)


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = round(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds >= 60 else f"{seconds} s"


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


# ---------------------------------------------------------------- one item


class _Overall:
    """Bytes of the whole run: each file's size as published until its server says otherwise, and how much of
    it is here."""

    def __init__(self, remotes: Sequence[RemoteFile]) -> None:
        self.sizes = {remote.url: remote.size for remote in remotes}
        self.done = dict.fromkeys(self.sizes, 0)

    @property
    def total(self) -> int:
        return sum(self.sizes.values())

    def event(self, key: str, remote: RemoteFile, progress, item: Sequence[RemoteFile]) -> ev.PreparationProgress:
        """Progress of the item (all its files: MNIST has four) and of the run, after a chunk of ``remote``."""
        if progress.total:
            self.sizes[remote.url] = progress.total
        self.done[remote.url] = progress.done
        item_done = sum(self.done[file.url] for file in item)
        item_total = sum(self.sizes[file.url] for file in item)
        done = sum(self.done.values())
        rate = progress.rate

        def left(total: int, finished: int) -> float | None:
            return (total - finished) / rate if rate > 0 else None

        return ev.PreparationProgress(key, item_done, max(item_total, item_done), rate, left(item_total, item_done),
                                      done, max(self.total, done), left(self.total, done))

    def finish(self, remote: RemoteFile) -> None:
        self.done[remote.url] = self.sizes[remote.url]


def _prepare_item(item: ev.PreparationItem, root: Path, should_stop, overall: _Overall):
    """Fetch and unpack one item; returns True when it is in place, False when stopped."""
    remotes = remote_files(item.key, root)
    for remote in remotes:
        fetching = fetch(remote, should_stop)
        while True:
            try:
                progress = next(fetching)
            except StopIteration as end:
                if not end.value:
                    return False
                break
            yield overall.event(item.key, remote, progress, remotes)
        overall.finish(remote)
    if item.kind == "data":
        size = sum(overall.sizes[remote.url] for remote in remotes)
        yield ev.PreparationProgress(item.key, size, size, 0.0, None, sum(overall.done.values()), overall.total,
                                     None, "unpack")
        _unpack(item.key, root)
    return True


def _unpack(key: str, root: Path) -> None:
    """Put a downloaded data set into torchvision's layout: MNIST's files un-gzipped beside the archives,
    CIFAR's folder extracted (and its archive removed, it is no longer needed)."""
    if key == "mnist":
        for remote in remote_files(key, root):
            unpacked = remote.target.with_suffix("")
            if unpacked.is_file():
                continue
            temporary = partial_path(unpacked)
            try:
                with gzip.open(remote.target, "rb") as source, temporary.open("wb") as sink:
                    shutil.copyfileobj(source, sink, 1 << 20)
                temporary.replace(unpacked)
            except OSError as error:
                temporary.unlink(missing_ok=True)
                if error.errno is None:  # not gzip: a verified download cannot be this, but a mirror's file can
                    remote.target.unlink(missing_ok=True)
                    raise _damaged(remote, error) from None
                raise write_error(error, remote.target, remote.size) from None
        return
    (remote,) = remote_files(key, root)
    folder = _dataset_folder(key, root)
    staging = root / f".{folder.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with tarfile.open(remote.target, "r:gz") as archive:
            archive.extractall(staging, filter="data")  # no absolute paths, links out or devices
        extracted = staging / folder.name
        if not extracted.is_dir():
            raise tarfile.ReadError(f"no {folder.name} folder inside")
        folder.mkdir(exist_ok=True)
        for file in extracted.iterdir():
            file.replace(folder / file.name)
        remote.target.unlink()
    except (OSError, tarfile.TarError, EOFError) as error:
        if not isinstance(error, OSError) or error.errno is None:
            remote.target.unlink(missing_ok=True)  # an archive that does not unpack: fetch it anew
            raise _damaged(remote, error) from None
        raise write_error(error, remote.target, remote.size) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _damaged(remote: RemoteFile, error: object) -> DownloadError:
    return DownloadError(text(QT_TRANSLATE_NOOP(
        "engine", "{name} could not be unpacked ({reason}). It was removed; prepare again to download it anew."),
        name=remote.target.name, reason=error), "checksum")


# ---------------------------------------------------------------- helpers


def _root(data_root: str | Path | None) -> Path:
    return Path(data_root).expanduser() if data_root else default_data_root()


def _weights_models() -> list[str]:
    return [name for name in list_models() if get_info(name).torchvision_weights]


def _dataset_folder(key: str, root: Path) -> Path:
    if key == "mnist":
        return root / "MNIST" / "raw"
    return root / ("cifar-10-batches-py" if key == "cifar10" else "cifar-100-python")


def _dataset_files(key: str) -> list[str]:
    """The files torchvision reads for ``key`` (MNIST: the un-gzipped ones)."""
    from torchvision.datasets import CIFAR10, CIFAR100, MNIST

    if key == "mnist":
        return [Path(file).stem for file, _ in MNIST.resources]
    source = CIFAR10 if key == "cifar10" else CIFAR100
    return [file for file, _ in source.train_list + source.test_list] + [source.meta["filename"]]


def _dataset_present(key: str, root: Path) -> bool:
    folder = _dataset_folder(key, root)
    return all((folder / file).is_file() for file in _dataset_files(key))


def _fetched(remote: RemoteFile) -> int:
    partial = partial_path(remote.target)
    return partial.stat().st_size if partial.is_file() else 0


def _unknown(key: str) -> UserInputError:
    names = ", ".join([*_weights_models(), *DATASET_KEYS])
    return UserInputError(text(QT_TRANSLATE_NOOP(
        "engine", "{word} is not on the checklist; use weights, data, or some of: {names}."), word=key, names=names))
