"""The one place that downloads: streamed, resumable, verified, cancellable, with clear messages.

A file is fetched into ``<target>.partial`` next to its place, checked (the SHA-256 prefix torchvision puts in
its weights' file names, or a data set's published MD5) and only then renamed onto ``target``: the final path
never holds a half-written or unverified file. A cancelled or broken-off download keeps its ``.partial``, and
the next attempt asks the server for the rest only (HTTP ``Range``); a server that ignores ``Range`` sends the
whole file again, which is written from the start. A file that fails its checksum is removed.

The standard library's ``urllib`` does the HTTP: the app needs nothing more than GET with one header, and no
new dependency comes with it. ``file://`` URLs work as well (a copy on a USB stick), without resume.
"""

from __future__ import annotations

import errno
import hashlib
import http.client
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from engine.runtime.errors import QT_TRANSLATE_NOOP, UserInputError, text

__all__ = [
    "CHUNK",
    "DownloadError",
    "Progress",
    "RemoteFile",
    "fetch",
    "partial_path",
    "sha256_prefix_of",
    "write_error",
]

CHUNK = 256 * 1024  # bytes read between two progress reports and two looks at the stop flag
_TIMEOUT_S = 30
_RATE_WINDOW_S = 3.0  # the rate is measured over the last few seconds, so a stall shows quickly


class DownloadError(UserInputError):
    """A download that could not finish; ``kind`` says why: ``network`` (cannot reach or broke off), ``disk``
    (full), ``read-only`` (cannot write the target folder), ``checksum`` (damaged file, removed) or ``server``
    (the server refused, e.g. 404). Every kind but ``checksum`` would fail the next file too."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind

    @property
    def stops_all(self) -> bool:
        """True when the files after this one would fail the same way (no network, full or read-only disk)."""
        return self.kind in ("network", "disk", "read-only")


@dataclass(frozen=True)
class RemoteFile:
    """One file to fetch: from ``url`` to ``target``, ``size`` bytes as published (0: unknown), checked
    against ``sha256_prefix`` (hex digits the file's SHA-256 starts with) and/or ``md5`` (the full hex digest);
    neither given: not checked."""

    url: str
    target: Path
    size: int = 0
    sha256_prefix: str = ""
    md5: str = ""


@dataclass(frozen=True)
class Progress:
    """Where one download stands: ``done`` of ``total`` bytes (``total`` 0: unknown), ``rate`` in bytes a
    second over the last seconds, ``seconds_left`` at that rate (None: unknown)."""

    done: int
    total: int
    rate: float
    seconds_left: float | None


def partial_path(target: Path) -> Path:
    """Where the download of ``target`` is written until it is verified."""
    return target.with_name(target.name + ".partial")


def sha256_prefix_of(file_name: str) -> str:
    """The SHA-256 prefix torchvision puts in a weights file's name (``resnet18-f37072fd.pth``); '' if none."""
    match = re.search(r"-([a-f0-9]{8,})\.", file_name)
    return match.group(1) if match else ""


def fetch(remote: RemoteFile, should_stop: Callable[[], bool] = lambda: False) -> Generator[Progress, None, bool]:
    """Download ``remote`` into place, yielding progress after every chunk.

    Parameters
    ----------
    remote : RemoteFile
        What to fetch and where; its folder is created when missing.
    should_stop : callable
        Read before every chunk; True ends the download there, keeping the ``.partial`` for a later resume.

    Returns
    -------
    bool
        (the generator's return value) True when ``remote.target`` now holds the verified file, False when
        stopped. A target already present is not fetched again.

    Raises
    ------
    DownloadError
        With a sentence for people: the network cannot be reached or broke off (the part fetched is kept for
        a resume), the disk is full or the folder read-only (the part is removed), or the file fails its
        checksum (removed).
    """
    target = Path(remote.target)
    if target.is_file():
        return True
    partial = partial_path(target)
    _make_folder(target.parent)
    resumed = partial.stat().st_size if partial.is_file() else 0
    response = _open(remote, resumed)
    with response:
        start, total = _range_of(response, resumed, remote)
        sha256, md5 = hashlib.sha256(), hashlib.md5()  # noqa: S324 - md5 is what the data sets publish
        if start:
            _hash_file(partial, start, (sha256, md5))
        meter = _Meter(start, total)
        try:
            file = _writable(partial, "r+b" if start else "wb")
        except OSError as error:
            raise write_error(error, target, remote.size) from None
        with file:
            file.seek(start)
            file.truncate()
            done = start
            while True:
                if should_stop():
                    return False
                chunk = _read(response, remote, done)
                if not chunk:
                    break
                try:
                    file.write(chunk)
                except OSError as error:
                    file.close()
                    partial.unlink(missing_ok=True)  # a full disk gets its space back
                    raise write_error(error, target, remote.size) from None
                sha256.update(chunk)
                md5.update(chunk)
                done += len(chunk)
                yield meter.progress(done)
    if total and done < total:
        raise DownloadError(text(QT_TRANSLATE_NOOP(
            "engine", "The download of {name} broke off after {done} of {total} MB. What was fetched is kept; "
            "prepare again to continue from there."), name=target.name, done=_mb(done), total=_mb(total)),
            "network")
    _verify(partial, target, remote, sha256.hexdigest(), md5.hexdigest())
    try:
        partial.replace(target)
    except OSError as error:
        raise write_error(error, target, remote.size) from None
    return True


# ---------------------------------------------------------------- helpers


class _Meter:
    """Bytes a second over the last few seconds, and the time left at that rate."""

    def __init__(self, done: int, total: int) -> None:
        self.total = total
        self._samples = [(time.monotonic(), done)]

    def progress(self, done: int) -> Progress:
        now = time.monotonic()
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[1][0] > _RATE_WINDOW_S:
            self._samples.pop(0)
        then, before = self._samples[0]
        rate = (done - before) / (now - then) if now > then else 0.0
        left = (self.total - done) / rate if self.total and rate > 0 else None
        return Progress(done, self.total, rate, left)


def _writable(path: Path, mode: str):
    return path.open(mode)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _read_only(folder, error) from None


def _open(remote: RemoteFile, resumed: int):
    headers = {"User-Agent": "cnn-casebook"}
    if resumed:
        headers["Range"] = f"bytes={resumed}-"
    request = urllib.request.Request(remote.url, headers=headers)  # noqa: S310 - torchvision's URLs or a mirror
    name = Path(remote.target).name
    try:
        return urllib.request.urlopen(request, timeout=_TIMEOUT_S)  # noqa: S310
    except urllib.error.HTTPError as error:
        if error.code == 416 and resumed:  # the part on disk is not a prefix the server knows: start again
            partial_path(Path(remote.target)).unlink(missing_ok=True)
            return _open(remote, 0)
        raise DownloadError(text(QT_TRANSLATE_NOOP(
            "engine", "The server refused {name}: {url} answered {code} ({reason}). Try again later, or check that "
            "the address is right."), name=name, url=remote.url, code=error.code, reason=error.reason),
            "server") from None
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as error:
        reason = getattr(error, "reason", error)
        raise DownloadError(text(QT_TRANSLATE_NOOP(
            "engine", "Cannot reach {host} to download {name} ({reason}). Check the network connection and try "
            "again; what was already fetched is kept."), host=urlparse(remote.url).netloc or remote.url,
            name=name, reason=reason), "network") from None


def _range_of(response, resumed: int, remote: RemoteFile) -> tuple[int, int]:
    """Where the response's bytes start in the file, and the file's whole size (0: unknown)."""
    status = getattr(response, "status", None)
    length = int(response.headers.get("Content-Length") or 0)
    if resumed and status == 206:
        match = re.match(r"bytes (\d+)-\d+/(\d+|\*)", response.headers.get("Content-Range", ""))
        if match and int(match.group(1)) == resumed:
            whole = match.group(2)
            return resumed, int(whole) if whole != "*" else resumed + length
    return 0, length or remote.size  # the server ignored Range (or it is a file:// URL): the whole file comes


def _hash_file(path: Path, length: int, digests) -> None:
    with path.open("rb") as file:
        left = length
        while left > 0 and (block := file.read(min(left, 1 << 20))):
            for digest in digests:
                digest.update(block)
            left -= len(block)


def _read(response, remote: RemoteFile, done: int) -> bytes:
    try:
        return response.read(CHUNK)
    except (OSError, http.client.HTTPException) as error:  # a timeout is an OSError too
        raise DownloadError(text(QT_TRANSLATE_NOOP(
            "engine", "The download of {name} broke off after {done} MB ({reason}). What was fetched is kept; "
            "prepare again to continue from there."), name=Path(remote.target).name, done=_mb(done),
            reason=error or type(error).__name__), "network") from None


def _verify(partial: Path, target: Path, remote: RemoteFile, sha256: str, md5: str) -> None:
    if remote.sha256_prefix and not sha256.startswith(remote.sha256_prefix):
        partial.unlink(missing_ok=True)
        raise DownloadError(text(QT_TRANSLATE_NOOP(
            "engine", "The downloaded {name} is damaged: its SHA-256 does not start with {expected}, as published. "
            "It was removed; prepare again to download it anew."), name=target.name,
            expected=remote.sha256_prefix), "checksum")
    if remote.md5 and md5 != remote.md5:
        partial.unlink(missing_ok=True)
        raise DownloadError(text(QT_TRANSLATE_NOOP(
            "engine", "The downloaded {name} is damaged: its MD5 is {actual}, not the published {expected}. It was "
            "removed; prepare again to download it anew."), name=target.name, actual=md5,
            expected=remote.md5), "checksum")


def write_error(error: OSError, target: Path, size: int = 0) -> DownloadError:
    """The message for an ``OSError`` met while writing ``target`` (``size`` bytes): a full disk, a read-only
    folder, or another reason."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DownloadError(text(QT_TRANSLATE_NOOP(
            "engine", "The disk holding {folder} is full: {name} ({size} MB) does not fit. Free some space and "
            "prepare again."), folder=target.parent, name=target.name, size=_mb(size) or "?"), "disk")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _read_only(target.parent, error)
    return DownloadError(text(QT_TRANSLATE_NOOP(
        "engine", "{name} could not be written into {folder} ({reason})."), name=target.name,
        folder=target.parent, reason=error.strerror or error), "disk")


def _read_only(folder: Path, error: OSError) -> DownloadError:
    return DownloadError(text(QT_TRANSLATE_NOOP(
        "engine", "Cannot write into {folder} ({reason}). The folder is read-only for this user: make it "
        "writable, or choose another folder (TORCH_HOME for weights, --data-root for data sets)."),
        folder=folder, reason=error.strerror or error), "read-only")


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f}" if size else ""
