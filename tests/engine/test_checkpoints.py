from __future__ import annotations

import pytest
import torch

from engine.models.checkpoints import Checkpoint, load_checkpoint, save_checkpoint
from engine.runtime.errors import UserInputError


def _checkpoint() -> Checkpoint:
    layer = torch.nn.Linear(3, 2)
    return Checkpoint("lenet5", layer.state_dict(), ("a", "b"), (1, 32, 32), (0.5,), (0.25,), "digits", 3,
                      {"test_accuracy": 0.98}, {"lr": 0.01})


def test_round_trip(tmp_path):
    original = _checkpoint()
    path = save_checkpoint(original, tmp_path / "run" / "last.pt")
    loaded = load_checkpoint(path)
    assert (loaded.model, loaded.classes, loaded.input_shape, loaded.mean, loaded.std) == \
        (original.model, original.classes, original.input_shape, original.mean, original.std)
    assert loaded.epoch == 3 and loaded.metrics == {"test_accuracy": 0.98}
    for key, value in original.state_dict.items():
        assert torch.equal(loaded.state_dict[key], value)
    assert not list(tmp_path.rglob("*.partial"))


@pytest.mark.parametrize("content", [b"", b"garbage", b"PK\x03\x04 truncated zip"])
def test_damaged_files_are_refused_with_a_sentence(tmp_path, content):
    path = tmp_path / "bad.pt"
    path.write_bytes(content)
    with pytest.raises(UserInputError, match="bad.pt"):
        load_checkpoint(path)


def test_truncated_checkpoint_is_refused(tmp_path):
    path = save_checkpoint(_checkpoint(), tmp_path / "good.pt")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(UserInputError):
        load_checkpoint(path)


def test_a_bare_state_dict_is_not_taken_for_a_checkpoint(tmp_path):
    path = tmp_path / "plain.pt"
    torch.save(torch.nn.Linear(2, 2).state_dict(), path)
    with pytest.raises(UserInputError, match="not a CNN Casebook checkpoint"):
        load_checkpoint(path)


def test_missing_file(tmp_path):
    with pytest.raises(UserInputError, match="does not exist"):
        load_checkpoint(tmp_path / "nope.pt")


def test_random_bytes_never_escape_as_a_traceback(tmp_path):
    import random

    generator = random.Random(0)
    for attempt in range(30):
        path = tmp_path / f"noise{attempt}.pt"
        path.write_bytes(bytes(generator.randrange(256) for _ in range(generator.randrange(1, 400))))
        with pytest.raises(UserInputError):
            load_checkpoint(path)
