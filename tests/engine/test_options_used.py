"""Every training option acts where it should, and a one-line breakage that ignores it fails its check.

The checks (tests/option_checks.py) run tiny real trainings and compare the optimiser's own steps and the images
the model is fed with figures computed by hand. On the real code they pass; each breakage below, one line of
engine/learning/training.py changed for the length of one test (tests/breakage_tools.py), must make its check
fail. The step schedule and grouped convolutions have theirs in tests/gui/test_breakages.py.
"""

from __future__ import annotations

import option_checks
import pytest
from breakage_tools import Mutation, apply

CHECKS = [option_checks.check_cosine_schedule, option_checks.check_constant_schedule,
          option_checks.check_sgd_weight_decay, option_checks.check_adam_weight_decay,
          option_checks.check_augmentation_switch]

_TRAINING = "engine.learning.training"
BREAKAGES = [
    (Mutation(f"{_TRAINING}:scheduled_learning_rate",
              "return base * 0.5 * (1 + math.cos(math.pi * (step - 1) / total))", "return base",
              "the cosine schedule stays flat"),
     option_checks.check_cosine_schedule),
    (Mutation(f"{_TRAINING}:scheduled_learning_rate",
              "math.cos(math.pi * (step - 1) / total)", "math.cos(math.pi * step / total)",
              "the cosine schedule is one step ahead (its first step already below the rate given)"),
     option_checks.check_cosine_schedule),
    (Mutation(f"{_TRAINING}:scheduled_learning_rate", 'if config.schedule == "cosine":', 'if False:',
              "asking for the cosine schedule gives a constant rate"),
     option_checks.check_cosine_schedule),
    (Mutation(f"{_TRAINING}:_Session._train_step", 'group["lr"] = lr', "pass",
              "the cosine curve is drawn but the optimiser keeps its first rate"),
     option_checks.check_cosine_schedule),
    (Mutation(f"{_TRAINING}:make_optimizer",
              "momentum=SGD_MOMENTUM,\n                               weight_decay=config.weight_decay)",
              "momentum=SGD_MOMENTUM)",
              "SGD ignores the weight decay"),
     option_checks.check_sgd_weight_decay),
    (Mutation(f"{_TRAINING}:make_optimizer",
              "torch.optim.Adam(parameters, lr=config.learning_rate, weight_decay=config.weight_decay)",
              "torch.optim.Adam(parameters, lr=config.learning_rate)",
              "Adam ignores the weight decay"),
     option_checks.check_adam_weight_decay),
    (Mutation(f"{_TRAINING}:make_optimizer",
              "torch.optim.Adam(parameters, lr=config.learning_rate, weight_decay=config.weight_decay)",
              "torch.optim.AdamW(parameters, lr=config.learning_rate, weight_decay=config.weight_decay)",
              "Adam's weight decay applied as AdamW's (decoupled) instead of the L2 penalty"),
     option_checks.check_adam_weight_decay),
    (Mutation(f"{_TRAINING}:_Session._epoch",
              "augmentation = _Augmentation(self.config, epoch) if self.config.augment else None",
              "augmentation = None", "training's augmentation switch does nothing"),
     option_checks.check_augmentation_switch),
    (Mutation(f"{_TRAINING}:_Session._evaluate",
              "images, labels = self._normalised(images), labels.to(self.device, non_blocking=True)",
              "images, labels = self._normalised(augment_batch(images, self.config.augment or ('rotation',), "
              "None)), labels.to(self.device, non_blocking=True)",
              "the test digits are augmented too"),
     option_checks.check_augmentation_switch),
]


@pytest.mark.parametrize("check", CHECKS, ids=[check.__name__ for check in CHECKS])
def test_the_option_acts(check, request):
    check(request)


@pytest.mark.parametrize(("mutation", "check"), BREAKAGES, ids=[m.why for m, _ in BREAKAGES])
def test_the_breakage_fails_its_check(mutation, check, request, monkeypatch):
    apply(monkeypatch, mutation)
    with pytest.raises(AssertionError):
        check(request)
