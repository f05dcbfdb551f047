"""AlexNet as the 2012 paper trained it (two GPUs, grouped convolutions) beside the one-tower drawing."""

from __future__ import annotations

import torch
from torch import nn

from engine.models.analysis import analyze
from engine.models.zoo import get_info, get_model, list_models


def test_both_variants_are_offered_with_their_published_sizes():
    assert list_models("alexnet")[:2] == ["alexnet2012", "alexnet2012_2gpu"]
    assert analyze("alexnet2012").params == 62_378_344        # one tower: conv2, conv4, conv5 see every map
    assert analyze("alexnet2012_2gpu").params == 60_965_224   # the paper's two GPUs: the slide's "60M"
    # The difference is exactly half the weights of the three grouped convolutions.
    assert 62_378_344 - 60_965_224 == (96 * 256 * 5 * 5 + 384 * 384 * 3 * 3 + 384 * 256 * 3 * 3) // 2
    assert get_info("alexnet2012_2gpu").trained_instead == get_info("alexnet2012").trained_instead == "alexnet"


def test_grouped_convolutions_are_counted_divided_by_their_groups():
    rows = {row.paper_name: row for row in analyze("alexnet2012_2gpu").rows if row.kind == "conv"}
    conv2 = rows["conv2"]
    assert conv2.groups == 2
    assert conv2.params == 256 * (96 // 2) * 5 * 5 + 256
    assert conv2.macs == 27 * 27 * 256 * (96 // 2) * 5 * 5  # each output sees half of the input maps
    assert rows["conv3"].groups == 1 and rows["conv3"].macs == 13 * 13 * 384 * 256 * 3 * 3
    # Against a real grouped convolution: the counted multiply-adds equal those of the two halves run apart.
    grouped = nn.Conv2d(8, 6, 3, groups=2)
    halves = analyze(nn.Sequential(nn.Conv2d(4, 3, 3)), (4, 10, 10)).macs * 2
    assert analyze(nn.Sequential(grouped), (8, 10, 10)).macs == halves


def test_the_two_gpu_network_runs_and_keeps_the_papers_shapes():
    model = get_model("alexnet2012_2gpu").eval()
    with torch.no_grad():
        assert model(torch.zeros(1, 3, 227, 227)).shape == (1, 1000)
    assert analyze("alexnet2012_2gpu").paper_depth == 8
