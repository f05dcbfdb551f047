"""Training's options, each checked where it acts: in the optimiser's own steps and in the batches the model is fed.

Each ``check_…(request)`` runs a tiny real training (LeNet-5 on the embedded digits, batches of 512, so two steps
an epoch, on the CPU) and compares what the optimiser or the model really got with figures computed here by hand:
the rate each step was taken with, each weight's first update, the images fed. Nothing is read from the trainer's
own bookkeeping but the events it yields. ``tests/engine/test_options_used.py`` runs them on the real code and,
with ``tests/breakage_tools.py``, on one-line mutations of engine/learning/training.py that ignore the option,
where they must fail. ``request`` gives the fixtures, as in ``tests/display_checks.py``.
"""

from __future__ import annotations

import math

import numpy as np

# The tiny run: 1,438 training digits in batches of 512 make two steps an epoch; 359 test digits, one batch.
TINY = dict(model="lenet5", dataset="digits", batch_size=512, device="cpu")
STEPS_PER_EPOCH = 2
# How a run asks for training's augmentation: the augmentation page's methods, each on its own (issue 17); True
# means every method that keeps the digits' labels.
AUGMENT_ON = dict(augment=True)


def _run(config):
    from engine.learning.training import run_training

    return list(run_training(config))


class _OptimizerSteps:
    """Records, around every optimiser step of the run, each group's rate and weight decay and, for the first
    step, every parameter before and after and its gradient (torch's global optimiser step hooks)."""

    def __init__(self) -> None:
        self.rates: list[float] = []
        self.decays: list[float] = []
        self.before: list[np.ndarray] = []
        self.grads: list[np.ndarray] = []
        self.after: list[np.ndarray] = []
        self.optimizer_type = None

    def __enter__(self):
        from torch.optim.optimizer import register_optimizer_step_post_hook, register_optimizer_step_pre_hook

        self._handles = [register_optimizer_step_pre_hook(self._pre), register_optimizer_step_post_hook(self._post)]
        return self

    def __exit__(self, *exc) -> None:
        for handle in self._handles:
            handle.remove()

    @staticmethod
    def _parameters(optimizer):
        return [p for group in optimizer.param_groups for p in group["params"] if p.grad is not None]

    def _pre(self, optimizer, args, kwargs) -> None:
        self.optimizer_type = type(optimizer)
        self.rates.append(optimizer.param_groups[0]["lr"])
        self.decays.append(optimizer.param_groups[0]["weight_decay"])
        if len(self.rates) == 1:
            parameters = self._parameters(optimizer)
            self.before = [p.detach().numpy().astype(np.float64) for p in parameters]
            self.grads = [p.grad.detach().numpy().astype(np.float64) for p in parameters]

    def _post(self, optimizer, args, kwargs) -> None:
        if len(self.rates) == 1:
            self.after = [p.detach().numpy().astype(np.float64) for p in self._parameters(optimizer)]


# ---------------------------------------------------------------- schedules


def check_cosine_schedule(request) -> None:
    """The "cosine" schedule: the optimiser steps with the rate falling from ``lr`` along half a cosine over the
    run's steps (step k of n, from 0: lr·(1 + cos(πk/n))/2), and the learning-rate curve shows the same."""
    from engine.learning.training import TrainConfig
    from engine.runtime import events as ev

    tmp_path = request.getfixturevalue("tmp_path")
    epochs, lr = 2, 0.1
    config = TrainConfig(**TINY, epochs=epochs, schedule="cosine", lr=lr, optimizer="sgd", out_dir=str(tmp_path))
    with _OptimizerSteps() as steps:
        events = _run(config)
    total = epochs * STEPS_PER_EPOCH
    expected = [lr * (1 + math.cos(math.pi * k / total)) / 2 for k in range(total)]
    assert len(set(expected)) == total  # every step its own rate: a flat or stepped curve cannot pass
    np.testing.assert_allclose(steps.rates, expected, rtol=1e-12)
    curve = [e for e in events if isinstance(e, ev.TrainingProgress)][-1].lrs
    np.testing.assert_allclose(curve, expected, rtol=1e-12)
    # Each epoch's row gives the rate at its last step.
    rows = [e for e in events if isinstance(e, ev.TrainingEpoch)]
    np.testing.assert_allclose([row.lr for row in rows], expected[STEPS_PER_EPOCH - 1::STEPS_PER_EPOCH], rtol=1e-12)


def check_constant_schedule(request) -> None:
    """The "constant" schedule (the default) keeps the rate given, and an absent rate is the optimiser's usual
    one (0.001 for Adam)."""
    from engine.learning.training import TrainConfig

    tmp_path = request.getfixturevalue("tmp_path")
    for optimizer, lr, expected in (("sgd", 0.05, 0.05), ("adam", None, 0.001)):
        config = TrainConfig(**TINY, epochs=1, lr=lr, optimizer=optimizer, out_dir=str(tmp_path / f"{optimizer}{lr}"))
        with _OptimizerSteps() as steps:
            _run(config)
        assert steps.rates == [expected] * STEPS_PER_EPOCH, (optimizer, lr)


# ---------------------------------------------------------------- weight decay


def check_sgd_weight_decay(request) -> None:
    """Weight decay with SGD: the first step moves every weight by −lr·(gradient + decay·weight) (momentum has
    nothing to add yet), as the lecture writes the L2 penalty's gradient."""
    import torch

    from engine.learning.training import TrainConfig

    tmp_path = request.getfixturevalue("tmp_path")
    lr, decay = 0.05, 0.3
    config = TrainConfig(**TINY, epochs=1, lr=lr, optimizer="sgd", weight_decay=decay, out_dir=str(tmp_path))
    with _OptimizerSteps() as steps:
        _run(config)
    assert steps.before and len(steps.before) == len(steps.after) == len(steps.grads)
    for before, grad, after in zip(steps.before, steps.grads, steps.after, strict=True):
        np.testing.assert_allclose(after, before - lr * (grad + decay * before), rtol=1e-5, atol=1e-7)
    assert steps.optimizer_type is torch.optim.SGD
    assert steps.decays == [decay] * STEPS_PER_EPOCH
    # The decay is visible: without it the weights would have moved by −lr·gradient alone.
    shrink = max(np.abs(after - (before - lr * grad)).max()
                 for before, grad, after in zip(steps.before, steps.grads, steps.after, strict=True))
    assert shrink > 1e-3


def check_adam_weight_decay(request) -> None:
    """Weight decay with Adam (added to the gradient, as torch's Adam does): Adam's first step moves each weight
    by −lr·g/(|g| + ε) with g = gradient + decay·weight (both moments bias-corrected are g and g²)."""
    import torch

    from engine.learning.training import TrainConfig

    tmp_path = request.getfixturevalue("tmp_path")
    lr, decay, eps = 0.001, 0.3, 1e-8
    config = TrainConfig(**TINY, epochs=1, lr=lr, optimizer="adam", weight_decay=decay, out_dir=str(tmp_path))
    with _OptimizerSteps() as steps:
        _run(config)
    assert steps.before
    moved_by_decay = 0
    for before, grad, after in zip(steps.before, steps.grads, steps.after, strict=True):
        g = grad + decay * before
        np.testing.assert_allclose(after, before - lr * g / (np.abs(g) + eps), rtol=1e-4, atol=lr * 1e-3)
        moved_by_decay += int((np.sign(g) != np.sign(grad)).sum())
    assert moved_by_decay > 100  # the decay turned many weights' steps: without it they would go the other way
    assert steps.optimizer_type is torch.optim.Adam


# ---------------------------------------------------------------- augmentation


class _FedImages:
    """The images a run's model is fed, training and test apart (a forward pre-hook on every model of the
    run's class; the training images are those fed in training mode)."""

    def __init__(self, model_class) -> None:
        self.model_class = model_class
        self.train: list[np.ndarray] = []
        self.test: list[np.ndarray] = []

    def __enter__(self):
        from torch.nn.modules.module import register_module_forward_pre_hook

        self._handle = register_module_forward_pre_hook(self._pre)
        return self

    def __exit__(self, *exc) -> None:
        self._handle.remove()

    def _pre(self, module, args) -> None:
        if type(module) is not self.model_class:
            return
        images = args[0].detach().numpy().copy()
        if len(images) > 1:  # the probe feeds one image at a time, neither a training nor a test batch
            (self.train if module.training else self.test).append(images)


def _nearest_distances(fed: np.ndarray, plain: np.ndarray) -> np.ndarray:
    """For each fed image, the largest pixel difference to the plain image nearest it."""
    fed, plain = fed.reshape(len(fed), -1), plain.reshape(len(plain), -1)
    squared = (fed**2).sum(1)[:, None] + (plain**2).sum(1)[None] - 2 * fed @ plain.T
    nearest = squared.argmin(axis=1)
    return np.abs(fed - plain[nearest]).max(axis=1)


def _fed_and_plain(request, folder: str, **options):
    """A one-epoch run; returns (training images fed, test images fed, plain training set, plain test set), the
    fed ones brought back to [0, 1] with the normalisation the run's checkpoint records."""
    import torch

    from engine.data.datasets import make_dataset
    from engine.learning.training import TrainConfig
    from engine.models.checkpoints import load_checkpoint
    from engine.models.zoo import get_model
    from engine.runtime import events as ev

    tmp_path = request.getfixturevalue("tmp_path")
    config = TrainConfig(**TINY, epochs=1, out_dir=str(tmp_path / folder), **options)
    with _FedImages(type(get_model("lenet5"))) as fed:
        events = _run(config)
    saved = load_checkpoint([e for e in events if isinstance(e, ev.CheckpointSaved)][0].path)
    mean, std = np.array(saved.mean)[None, :, None, None], np.array(saved.std)[None, :, None, None]
    train = np.concatenate(fed.train) * std + mean
    test = np.concatenate(fed.test) * std + mean

    def plain(split):
        data = make_dataset("digits", split, channels=1, size=32)
        return torch.stack([data[i][0] for i in range(len(data))]).numpy().astype(np.float64)

    return train, test, plain("train"), plain("test")


def check_augmentation_switch(request) -> None:
    """Training's augmentation switch: off, every training image the model is fed is a training digit as it is;
    on, the training images fed are changed digits (none equal to any digit of the set), while the test digits
    are fed as they are either way."""
    train, test, plain_train, plain_test = _fed_and_plain(request, "plain")
    assert len(train) == 2 * 512 and len(test) == len(plain_test)
    assert _nearest_distances(train, plain_train).max() < 1e-4
    assert _nearest_distances(test, plain_test).max() < 1e-4

    train, test, plain_train, plain_test = _fed_and_plain(request, "augmented", **AUGMENT_ON)
    assert len(train) == 2 * 512
    distances = _nearest_distances(train, plain_train)
    assert (distances > 0.05).mean() > 0.9, np.quantile(distances, [0.1, 0.5])
    assert _nearest_distances(test, plain_test).max() < 1e-4
