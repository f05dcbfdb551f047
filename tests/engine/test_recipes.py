"""engine.learning.recipes: each model's default recipe per data set, which the command line starts from."""

from __future__ import annotations

import pytest

from engine.learning.recipes import GENERAL, Recipe, recipe_for
from engine.learning.training import config_from_args
from main import _build_parser


def _config(*argv):
    return config_from_args(_build_parser().parse_args(["train", *argv]))


def test_lenet5_on_the_digits_starts_from_the_measured_recipe():
    assert recipe_for("lenet5", "digits") == Recipe("sgd", 0.02, 8, "cosine")
    config = _config("lenet5")
    assert (config.optimizer, config.lr, config.batch_size, config.schedule, config.weight_decay) == \
        ("sgd", 0.02, 8, "cosine", 0.0)


def test_an_option_given_replaces_its_part_of_the_recipe_only():
    config = _config("lenet5", "--batch-size", "64", "--schedule", "constant")
    assert (config.optimizer, config.lr, config.batch_size, config.schedule) == ("sgd", 0.02, 64, "constant")
    # Another optimiser: its own usual rate, not the recipe's (which belongs to SGD).
    adam = _config("lenet5", "--optimizer", "adam")
    assert (adam.optimizer, adam.learning_rate) == ("adam", 0.001)
    assert _config("lenet5", "--optimizer", "adam", "--lr", "0.005").learning_rate == 0.005


@pytest.mark.parametrize(("model", "dataset", "recipe"), [
    ("resnet56", "cifar10", Recipe("sgd", 0.1, 128, "step", 1e-4)),   # He et al. 2016, section 4.2
    ("plain20", "digits", Recipe("sgd", 0.1, 64, "cosine", 1e-4)),    # the depth sweep's
    ("resnet50", "cifar10", GENERAL),                                  # the ImageNet ResNet is no CIFAR network
    ("vgg16", "digits", GENERAL),
    ("lenet5", "cifar10", GENERAL),
])
def test_recipes_by_model_and_data_set(model, dataset, recipe):
    assert recipe_for(model, dataset) == recipe
