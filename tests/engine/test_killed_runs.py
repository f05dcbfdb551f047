"""Issue 15: a training process ended by SIGTERM or SIGKILL in the middle of an epoch leaves a run folder that
reopens: SIGTERM is handled as Ctrl+C (files completed, the reason recorded), and a run a SIGKILL left saying
"running" is listed as interrupted."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engine.learning.runs import list_runs, load_run
from engine.models.checkpoints import load_checkpoint

MAIN = Path(__file__).resolve().parents[2] / "main.py"


def _start_and_signal(out: Path, signum: int) -> tuple[int, str]:
    """Start a long run, wait until it trains (its first epoch saved, then a moment into the next), send
    ``signum``; returns the exit status and stderr."""
    process = subprocess.Popen(
        [sys.executable, "-u", str(MAIN), "train", "lenet5", "--epochs", "200", "--batch-size", "8", "--device", "cpu",
         "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not list(out.glob("*/last.pt")):  # an epoch is done: the next one is under way
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no epoch finished within two minutes"
            time.sleep(0.05)
        time.sleep(0.3)  # into the middle of the next epoch (about a second long)
        process.send_signal(signum)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return process.returncode, err


@pytest.mark.slow
def test_sigterm_mid_epoch_ends_the_run_as_ctrl_c_does(tmp_path):
    status, err = _start_and_signal(tmp_path, signal.SIGTERM)
    assert status == 130 and "interrupted" in err and "Traceback" not in err
    (folder,) = tmp_path.iterdir()
    metrics = json.loads((folder / "metrics.json").read_text())
    assert metrics["status"] == "stopped" and "interrupted" in metrics["message"]
    (summary,) = list_runs(tmp_path)
    assert summary.status == "stopped" and summary.epochs_done >= 1
    reopened = load_run(folder)
    assert len(reopened.steps) >= 179 and len(reopened.epochs) == summary.epochs_done
    # The epoch's figures are written just before its checkpoint: a signal between the two leaves one epoch less.
    assert summary.epochs_done - 1 <= load_checkpoint(folder / "last.pt").epoch <= summary.epochs_done
    assert not list(folder.glob("*.partial"))


@pytest.mark.slow
def test_sigkill_mid_epoch_leaves_a_run_that_reopens_as_interrupted(tmp_path):
    status, _ = _start_and_signal(tmp_path, signal.SIGKILL)
    assert status == -signal.SIGKILL
    (folder,) = tmp_path.iterdir()
    metrics = json.loads((folder / "metrics.json").read_text())  # whole: it is only ever replaced whole
    assert metrics["status"] == "running"
    (summary,) = list_runs(tmp_path)
    assert summary.status == "interrupted" and summary.epochs_done >= 1
    assert len(load_run(folder).epochs) == summary.epochs_done
    assert summary.epochs_done - 1 <= load_checkpoint(folder / "last.pt").epoch <= summary.epochs_done

