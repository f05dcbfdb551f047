"""Suite-wide rules: no test may leave a thread running (docs/ARCHITECTURE.md, house rule 9)."""

from __future__ import annotations

import gc
import os
import threading
import time

import pytest
from hypothesis import HealthCheck, settings

# Property-based suites (tests/engine/test_properties.py): a few dozen examples each in the normal run, so the
# whole suite stays within minutes on two cores; `make fuzz` (HYPOTHESIS_PROFILE=fuzz) runs thousands.
_QUIET = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large]
settings.register_profile("default", max_examples=25, deadline=None, database=None, suppress_health_check=_QUIET)
settings.register_profile("fuzz", max_examples=2000, deadline=None, suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Qt tests draw offscreen unless a test (the end-to-end one) asks for a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="module")
def whole_collection_between_modules():
    """A full collection before each test module; after it, and after each test's collection (below), what is still
    alive is frozen (``gc.freeze``): a test's collection then walks only the objects made since, and no automatic
    collection (the engine thread's among them) ever walks the frozen ones. A full collection walks every object
    torch, Qt and the caches hold (some 400,000, about 0.25 s) and took half the suite's time run after every test.
    What a frozen object leaves when it dies in a cycle (a module's fixtures) is collected here, on the GUI thread,
    with no engine running."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    yield


@pytest.fixture(autouse=True)
def no_thread_left_behind():
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 3.0
    while True:
        extra = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not extra:
            # A test's top-level widgets may sit in reference cycles (a lambda slot, a fixture's locals): collect
            # them here, on the GUI thread, rather than leave them to a collection that the next test's engine
            # thread might trigger, which would destroy Qt objects off their thread.
            _delete_closed_widgets()
            gc.collect()
            gc.freeze()
            return
        if time.monotonic() > deadline:
            pytest.fail(f"test left threads running: {', '.join(t.name for t in extra)}")
        time.sleep(0.05)


def _delete_closed_widgets() -> None:
    """Delete the widgets the test's qtbot closed. pytest-qt asks with ``deleteLater``, which only an event loop
    serves, and the tests run none: up to 8,000 closed widgets piled up between two ``qWait`` calls, and every
    font change of the app's zoom and every language change went to each of them."""
    import sys

    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def local_server():
    """A real HTTP server on 127.0.0.1 (tests/local_server.py), stopped afterwards."""
    from local_server import LocalServer

    with LocalServer() as server:
        yield server


@pytest.fixture
def no_internet(monkeypatch):
    """Refuse any connection that is not to this computer: a test that would reach the internet fails."""
    import socket

    connect = socket.socket.connect

    def local_only(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in ("127.0.0.1", "localhost", "::1") and self.family != socket.AF_UNIX:
            raise AssertionError(f"a test tried to reach {address}")
        return connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", local_only)


@pytest.fixture
def mirror(local_server, tmp_path, monkeypatch):
    """The local server (``local_server``) as the weights and data mirror, holding resnet18's weights (a tiny
    real state dict whose name carries its SHA-256 prefix), a tiny MNIST and a tiny CIFAR-10; an empty torch hub
    and data folder (returned). torchvision's published checksums are replaced by the tiny files' own; everything
    else is the code the app runs."""
    import hashlib
    import io

    import torch
    from local_server import cifar_archive, md5, mnist_files
    from torchvision.datasets import CIFAR10, MNIST

    import engine.models.weights as weights
    from engine.models.prepare import DATA_MIRROR_VARIABLE
    from engine.models.weights import WEIGHTS_MIRROR_VARIABLE

    hub = tmp_path / "hub"
    monkeypatch.setattr(torch.hub, "get_dir", lambda: str(hub))
    model = torch.nn.Linear(2, 2)
    buffer = io.BytesIO()
    torch.save(model.state_dict(), buffer)
    state = buffer.getvalue()
    name = f"resnet18-{hashlib.sha256(state).hexdigest()[:8]}.pth"
    real_url = weights.weights_url
    monkeypatch.setattr(weights, "weights_url", lambda model: (
        f"https://download.pytorch.org/models/{name}" if model == "resnet18" else real_url(model)))
    local_server.files[f"/models/{name}"] = state
    mnist = mnist_files()
    for file, data in mnist.items():
        local_server.files[f"/data/{file}"] = data
    monkeypatch.setattr(MNIST, "resources", [(file, md5(data)) for file, data in mnist.items()])
    archive = cifar_archive()
    local_server.files[f"/data/{CIFAR10.filename}"] = archive
    monkeypatch.setattr(CIFAR10, "tgz_md5", md5(archive))
    monkeypatch.setenv(WEIGHTS_MIRROR_VARIABLE, f"{local_server.url}/models/")
    monkeypatch.setenv(DATA_MIRROR_VARIABLE, f"{local_server.url}/data")
    return tmp_path / "data"


# Under mutation testing (mutmut sets MUTANT_UNDER_TEST in the process that runs the tests) the tests start with
# the engine's caches empty: mutmut forks each mutant's tests from a process that has already run them on the
# real code, and an analysis cached there would be served to the mutant's tests without the mutated code running.
_CACHED = (("engine.models.analysis", "_analyze_zoo"), ("engine.inspection.cost", "inception_breakdowns"))


# While mutmut times the tests and records which functions each calls ("stats"), before every test: a test served
# a cached analysis calls none of the analysis' functions and would not be run against their mutants. For a mutant
# once per process: every test of that process runs under the same mutant, so what its first test caches was
# computed by the mutated code (clearing before every test made each re-analyse GoogLeNet and VGG-16).
_CLEARED_IN: list[int] = []


@pytest.fixture(autouse=True)
def no_cache_across_mutants():
    under_test = os.environ.get("MUTANT_UNDER_TEST")
    if under_test is not None and ("__mutmut_" not in under_test or _CLEARED_IN != [os.getpid()]):
        import sys

        for module_name, function in _CACHED:
            module = sys.modules.get(module_name)
            if module is not None:
                getattr(module, function).cache_clear()
        _CLEARED_IN[:] = [os.getpid()]
    yield
