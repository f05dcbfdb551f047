"""Property-based tests (issue 15): whatever the files on disk or the arguments hold, the app either works or
says what is wrong in one sentence (a ``UserInputError``; exit status 2 on the command line), never raises
anything else, and never changes a file of the user's.

Examples per test: ``tests/conftest.py``'s Hypothesis profile (a few dozen in the normal run; ``make fuzz`` runs
thousands).
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import tempfile
import types
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import bench
import engine.learning.depth
import engine.learning.experiments.registry
import engine.learning.training
import gui.app
import gui.i18n
from engine.data.images import IMAGE_SUFFIXES, load_image, sample_images
from engine.learning.runs import list_runs, load_run
from engine.learning.training import TrainConfig
from engine.models.checkpoints import SHIPPED_FILES, SHIPPED_WEIGHTS, Checkpoint, load_checkpoint
from engine.runtime import events as ev
from engine.runtime.errors import UserInputError
from main import main

# ---------------------------------------------------------------- shared strategies and checks

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=6) | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=30,
)


def _fingerprints(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and a hash of its bytes: what "never changed" is checked against."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------- run folders and their metrics


def _good_metrics() -> dict:
    return {"run_id": "run", "label": "a run", "model": "lenet5", "dataset": "digits", "epochs": 2,
            "status": "finished", "message": "",
            "steps": {"step": [1, 2], "epoch": [1, 1], "loss": [2.3, 2.1], "smoothed": [2.3, 2.2], "lr": [0.1, 0.1]},
            "epoch_metrics": [{"epoch": 1, "step": 2, "train_loss": 2.2, "train_accuracy": 0.2, "test_loss": 2.1,
                               "test_accuracy": 0.3, "lr": 0.1, "seconds": 0.5}]}


@st.composite
def _metrics_documents(draw) -> str:
    """Arbitrary JSON, or a good metrics file with some of its values (at any depth) replaced by arbitrary JSON."""
    if draw(st.booleans()):
        return json.dumps(draw(JSON))
    metrics = _good_metrics()
    for _ in range(draw(st.integers(1, 4))):
        key = draw(st.sampled_from(sorted(metrics)))
        inner = metrics[key] if key == "steps" else None
        if key == "epoch_metrics" and isinstance(metrics[key], list) and metrics[key]:
            inner = metrics[key][0]
        if isinstance(inner, dict) and inner and draw(st.booleans()):  # not yet replaced by something else
            inner[draw(st.sampled_from(sorted(inner)))] = draw(JSON)
        else:
            metrics[key] = draw(JSON)
    return json.dumps(metrics)


@given(documents=st.lists(_metrics_documents() | st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
                          min_size=1, max_size=3))
def test_any_run_folder_is_listed_and_opened_or_refused_in_a_sentence(documents):
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        for index, document in enumerate(documents):
            (root / f"run{index}").mkdir()
            (root / f"run{index}" / "metrics.json").write_text(document, encoding="utf-8")
        before = _fingerprints(root)
        summaries = list_runs(root)
        assert len(summaries) == len(documents) and all(isinstance(s, ev.RunSummary) for s in summaries)
        for summary in summaries:
            assert isinstance(summary.epochs, int) and summary.status
            try:
                metrics = load_run(summary.path)
            except UserInputError as error:
                assert str(error).endswith(".")
            else:
                assert len(metrics.steps) == len(metrics.losses) == len(metrics.smoothed) == len(metrics.lrs)
        assert _fingerprints(root) == before


# ---------------------------------------------------------------- checkpoints


def _shipped_payload() -> dict:
    return torch.load(SHIPPED_WEIGHTS / SHIPPED_FILES["lenet5"], map_location="cpu", weights_only=True)


TENSORS = hnp.arrays(
    dtype=st.sampled_from([np.float32, np.float64, np.int64, np.bool_, np.uint8]),
    shape=hnp.array_shapes(min_dims=0, max_dims=3, max_side=4),
    elements=None,
).map(lambda array: torch.from_numpy(np.array(array)))

VALUES = (JSON | TENSORS | st.lists(st.floats(allow_nan=True), max_size=4)
          | st.lists(st.integers(-5, 2000), max_size=4) | st.dictionaries(st.text(max_size=8), TENSORS, max_size=3))
FIELDS = ("model", "state_dict", "classes", "input_shape", "mean", "std", "dataset", "epoch", "metrics", "config",
          "format")


@st.composite
def _payloads(draw) -> object:
    """A real checkpoint's payload with fields replaced, removed or added; or something else entirely."""
    if draw(st.integers(0, 9)) == 0:
        return draw(VALUES)
    payload = _shipped_payload()
    for _ in range(draw(st.integers(1, 3))):
        field = draw(st.sampled_from(FIELDS))
        action = draw(st.sampled_from(("replace", "remove", "poison")))
        if action == "remove":
            payload.pop(field, None)
        elif action == "poison" and isinstance(payload.get("state_dict"), dict) and payload["state_dict"]:
            name = draw(st.sampled_from(sorted(payload["state_dict"])))
            payload["state_dict"][name] = draw(TENSORS)
        else:
            payload[field] = draw(VALUES)
    return payload


def _resume_with(checkpoint: Checkpoint, path: Path) -> None:
    """What resuming does with a checkpoint that loaded: check it against lenet5 on the digits, build the model."""
    config = TrainConfig(model="lenet5", epochs=5, resume=str(path), device="cpu")
    resumed = engine.learning.training._checkpoint_to_resume(config, tuple("0123456789"), (1, 32, 32))
    engine.learning.training._build_model("lenet5", 10, resumed)


@given(payload=_payloads())
def test_any_checkpoint_dict_loads_or_is_refused_naming_what_is_wrong(payload):
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "user.pt"
        torch.save(payload, path)
        before = _fingerprints(Path(name))
        try:
            checkpoint = load_checkpoint(path)
            _resume_with(checkpoint, path)
        except UserInputError as error:
            assert str(error).endswith(".")
        else:
            assert all(math.isfinite(m) for m in checkpoint.mean + checkpoint.std)
            assert checkpoint.epoch >= 0 and len(checkpoint.input_shape) == 3
        assert _fingerprints(Path(name)) == before


def _saved_bytes(payload) -> bytes:
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    return buffer.getvalue()


@st.composite
def _checkpoint_bytes(draw) -> bytes:
    """Arbitrary bytes, or a saved payload whole, cut short (a copy or download that stopped) or with bytes changed."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=600))
    content = bytearray(_saved_bytes(draw(_payloads())))
    if draw(st.booleans()):
        content = content[: draw(st.integers(0, len(content)))]
    for _ in range(draw(st.integers(0, 4))):
        if content:
            content[draw(st.integers(0, len(content) - 1))] = draw(st.integers(0, 255))
    return bytes(content)


@given(content=_checkpoint_bytes())
def test_any_bytes_as_a_checkpoint_are_read_or_refused(content):
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "user.pt"
        path.write_bytes(content)
        before = _fingerprints(Path(name))
        with warnings.catch_warnings(record=True) as escaped:  # torch's warnings about a damaged file go to the log
            warnings.simplefilter("always")
            try:
                load_checkpoint(path)
            except UserInputError as error:
                assert str(error).endswith(".") and "\n" not in str(error)
        assert not escaped, [str(w.message) for w in escaped]
        assert _fingerprints(Path(name)) == before


# ---------------------------------------------------------------- argument vectors for every subcommand


class _ReachedError(Exception):
    """Raised by the stubs below: the command got past its checks to the work itself (the window, training...)."""


NUMBERS = st.sampled_from(["0", "1", "2", "-1", "3", "7", "64", "1e309", "nan", "inf", "-inf", "0.5", "1e-9",
                           "99999999999999999999", "10", "x", ""])
WORDS = st.sampled_from(["lenet5", "vgg16", "resnet20", "resnet56", "plain20", "alexnet", "nin", "inception_module",
                         "resnet20000", "plain7", "overview", "vgg", "features", "diagram", "cost", "nonsense", "",
                         "digits", "folder:", "mnist", "cifar10", "A", "B", "en", "ko", "cpu", "auto", "cuda",
                         "3x32x32", "1x8x8", "0x1x1", "3x99999x2", "1920x1080", "10x10", "20,32", "8", "7,8",
                         "startup", "features", "sgd", "adam", "cosine", "none", "case1", "-"])
FREE = st.text(max_size=12)

OPTIONS = {
    None: {"--page": WORDS | FREE, "--language": WORDS, "--device": WORDS},
    "models": {},
    "summary": {"--input": WORDS | FREE, "--json": None},
    "cost": {"--hw": NUMBERS | WORDS, "--cin": NUMBERS, "--cout": NUMBERS, "--k": NUMBERS, "--bottleneck": NUMBERS,
             "--json": None},
    "train": {"--dataset": WORDS | FREE, "--epochs": NUMBERS, "--batch-size": NUMBERS, "--lr": NUMBERS,
              "--optimizer": WORDS, "--schedule": WORDS, "--weight-decay": NUMBERS, "--augment": None,
              "--seed": NUMBERS, "--device": WORDS, "--data-root": "PATH", "--download": None,
              "--transfer": WORDS, "--resume": "PATH", "--out": "PATH"},
    "depth": {"--depths": WORDS | NUMBERS | FREE, "--steps": NUMBERS, "--width": NUMBERS, "--shortcut": WORDS,
              "--data": WORDS | FREE, "--seed": NUMBERS, "--device": WORDS, "--json": None, "--out": "PATH"},
    "experiment": {"--list": None, "--seeds": NUMBERS, "--steps": NUMBERS, "--data": WORDS | FREE,
                   "--device": WORDS, "--json": None, "--out": "PATH"},
    "render": {"--model": WORDS, "--image": "PATH", "--layer": WORDS | NUMBERS, "--collapsed": None,
               "--tab": NUMBERS | WORDS, "--zoom": NUMBERS, "--language": WORDS, "--device": WORDS,
               "--size": WORDS | FREE, "--scale": NUMBERS,
               "--out": "PATH"},
    "translations": {},
    "bench": {"--repeat": NUMBERS},
}
POSITIONAL = {"experiment": st.sampled_from(["activation", "pooling", "stacked-filters", "depth"]) | WORDS | FREE,
              "summary": WORDS | FREE, "train": WORDS | FREE, "render": WORDS | FREE, "bench": WORDS | FREE}
# Paths inside the test's folder: the user's own image and checkpoint, a folder, a missing file, a file where a
# folder should be. None of them may change.
PATHS = ("user.png", "user.pt", "folder", "folder/result.json", "missing.pt", "user.png/inside.json",
         "folder/out.png", "out.svg", "new-folder")


@st.composite
def _argvs(draw) -> tuple[list[str], list[str]]:
    """An argument vector for one subcommand (or none: the window), with options in any order, any value."""
    command = draw(st.sampled_from(list(OPTIONS)))
    argv = [] if command is None else [command]
    if command in POSITIONAL and draw(st.integers(0, 9)) > 0:
        argv.append(draw(POSITIONAL[command]))
    options = OPTIONS[command]
    for option in draw(st.lists(st.sampled_from(sorted(options)), max_size=5)) if options else []:
        value = options[option]
        argv.append(option)
        if value == "PATH":
            argv.append(draw(st.sampled_from(PATHS)))
        elif value is not None:
            argv.append(draw(value))
    if draw(st.integers(0, 19)) == 0:
        argv.insert(draw(st.integers(0, len(argv))), draw(st.sampled_from(["--help", "--bogus", "-x", "--"])))
    return argv


def _stub_the_work(monkeypatch) -> None:
    """Everything past the checks (a window, training, a sweep, the translation files, a benchmark) raises
    ``_ReachedError`` instead of running: the property is about the checks, and the real work is tested elsewhere."""

    def reached(*args, **kwargs):
        raise _ReachedError

    def sweep(config, *args, **kwargs):
        config.validate()
        engine.learning.depth._result_path(config.out, config.data)  # the destination check that comes before the work
        raise _ReachedError
        yield

    def experiment(config, *args, **kwargs):
        engine.learning.experiments.registry.check_config(config)
        engine.learning.experiments.result.result_path(config.out, config.name)  # checked before the work too
        raise _ReachedError
        yield

    monkeypatch.setattr(gui.app, "create_app", reached)
    monkeypatch.setattr(engine.learning.experiments.registry, "run_experiment", experiment)
    monkeypatch.setattr(gui.i18n, "update_translations", reached)
    monkeypatch.setattr(engine.learning.training, "run_training", reached)
    monkeypatch.setattr(engine.learning.depth, "run_depth_sweep", sweep)
    monkeypatch.setattr(bench, "importlib", types.SimpleNamespace(import_module=lambda name: types.SimpleNamespace(
        run=reached)))


@pytest.fixture(scope="module")
def user_files(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("user")
    (folder / "user.png").write_bytes(sample_images()[0].read_bytes())
    (folder / "user.pt").write_bytes((SHIPPED_WEIGHTS / SHIPPED_FILES["lenet5"]).read_bytes())
    (folder / "folder").mkdir()
    return folder


@given(argv=_argvs())
def test_any_argument_vector_works_or_gets_one_line_and_status_2(argv, user_files, monkeypatch, capsys):
    _stub_the_work(monkeypatch)
    monkeypatch.chdir(user_files)
    before = {name: digest for name, digest in _fingerprints(user_files).items() if name.startswith("user")}
    capsys.readouterr()
    try:
        status = main(argv)
    except SystemExit as exit_:  # argparse: --help (0) or a usage error (2)
        status = exit_.code
    except _ReachedError:
        status = 0
    err = capsys.readouterr().err
    assert status in (0, 2), (argv, status, err)
    if status == 2:
        assert err.count("\n") == 1 and err.startswith("main.py"), (argv, err)
    assert "Traceback" not in err
    after = {name: digest for name, digest in _fingerprints(user_files).items() if name.startswith("user")}
    assert after == before


# ---------------------------------------------------------------- image bytes


SAMPLES = [path.read_bytes() for path in sample_images()[:6]]


@st.composite
def _image_bytes(draw) -> bytes:
    """Arbitrary bytes, or a real image cut short or with some bytes changed (what a broken download gives)."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=400))
    content = bytearray(draw(st.sampled_from(SAMPLES)))
    if draw(st.booleans()):
        content = content[: draw(st.integers(0, len(content)))]
    for _ in range(draw(st.integers(0, 6))):
        if content:
            content[draw(st.integers(0, len(content) - 1))] = draw(st.integers(0, 255))
    return bytes(content)


@given(content=_image_bytes(), suffix=st.sampled_from(sorted(IMAGE_SUFFIXES)))
def test_any_bytes_as_an_image_decode_or_are_refused_in_a_sentence(content, suffix):
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / f"dropped{suffix}"
        path.write_bytes(content)
        before = _fingerprints(Path(name))
        try:
            image = load_image(path)
        except UserInputError as error:
            assert str(error).strip()
        else:
            assert image.pixels.dtype == np.uint8 and image.pixels.ndim == 3 and image.pixels.shape[2] == 3
        assert _fingerprints(Path(name)) == before
