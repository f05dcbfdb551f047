"""A real HTTP server on 127.0.0.1 for download tests: serves files from memory, honours ``Range``, and can drop
the connection halfway through a file or ignore ``Range``, as real servers do. No test touches the internet."""

from __future__ import annotations

import gzip
import hashlib
import io
import pickle
import re
import struct
import tarfile
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import numpy as np

__all__ = ["LocalServer", "cifar_archive", "mnist_files"]


class LocalServer:
    """``files`` maps a URL path (``/models/x.pth``) to its bytes. ``drop_after[path] = n``: the next GET of
    ``path`` sends its headers and ``n`` bytes, then closes. ``ignore_range``: always the whole file, 200.
    ``delay``: seconds slept between 64 KiB blocks (a slow line). ``requests``: (path, Range header) seen."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.drop_after: dict[str, int] = {}
        self.ignore_range = False
        self.delay = 0.0
        self.requests: list[tuple[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                wanted = self.headers.get("Range", "")
                server.requests.append((self.path, wanted))
                data = server.files.get(self.path)
                if data is None:
                    self.send_error(404, "Not Found")
                    return
                start = 0
                match = re.fullmatch(r"bytes=(\d+)-", wanted)
                if match and not server.ignore_range:
                    start = int(match.group(1))
                    if start >= len(data):
                        self.send_error(416, "Range Not Satisfiable")
                        return
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", str(len(data) - start))
                self.send_header("Accept-Ranges", "bytes")
                self.end_headers()
                body = data[start:]
                cut = server.drop_after.pop(self.path, None)
                if cut is not None:
                    body = body[:cut]
                    self.close_connection = True
                for offset in range(0, len(body), 65536):
                    try:
                        self.wfile.write(body[offset: offset + 65536])
                    except (BrokenPipeError, ConnectionResetError):  # the client stopped reading: cancelled
                        return
                    if server.delay:
                        time.sleep(server.delay)

            def log_message(self, *args) -> None:  # quiet
                pass

        self._httpd = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="test-http-server", daemon=True)

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)


def _idx(array: np.ndarray) -> bytes:
    """An array in MNIST's IDX format (big-endian header: magic, then each dimension)."""
    magic = 0x0800 | array.ndim
    return struct.pack(">I", magic) + struct.pack(f">{array.ndim}I", *array.shape) + array.astype(np.uint8).tobytes()


def mnist_files(train: int = 20, test: int = 20) -> dict[str, bytes]:
    """Tiny MNIST in torchvision's layout: the four gzipped IDX files under their real names."""
    rng = np.random.default_rng(0)
    files = {}
    for prefix, count in (("train", train), ("t10k", test)):
        labels = np.arange(count) % 10
        images = rng.integers(0, 256, (count, 28, 28))
        files[f"{prefix}-images-idx3-ubyte.gz"] = gzip.compress(_idx(images), mtime=0)
        files[f"{prefix}-labels-idx1-ubyte.gz"] = gzip.compress(_idx(labels), mtime=0)
    return files


def cifar_archive(hundred: bool = False, per_batch: int = 20) -> bytes:
    """A tiny CIFAR-10 (or -100) ``.tar.gz`` in the real archive's layout, with pickled batches."""
    rng = np.random.default_rng(1)
    classes = 100 if hundred else 10
    folder = "cifar-100-python" if hundred else "cifar-10-batches-py"
    key = "fine_labels" if hundred else "labels"
    batches = ["train", "test"] if hundred else [*(f"data_batch_{n}" for n in range(1, 6)), "test_batch"]
    members = {name: {"data": rng.integers(0, 256, (per_batch, 3072), dtype=np.uint8),
                      key: [i % classes for i in range(per_batch)]} for name in batches}
    if hundred:
        members["meta"] = {"fine_label_names": [f"class{i}" for i in range(100)]}
    else:
        members["batches.meta"] = {"label_names": ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
                                                   "horse", "ship", "truck"]}
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, content in members.items():
            data = pickle.dumps(content)
            info = tarfile.TarInfo(f"{folder}/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def md5(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()  # noqa: S324 - the data sets' published checksum kind
