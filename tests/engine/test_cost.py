"""The 1×1 bottleneck arithmetic, pinned to the lecture and checked against the analysis of real modules."""

from __future__ import annotations

import json
import random

import pytest
import torch
from torch import nn

import main
from engine.inspection.cost import (
    GOOGLENET_MODULES,
    LECTURE_SETTING,
    PRESETS,
    BottleneckSetting,
    bottleneck_cost,
    conv_stage,
    cost_output,
    format_ratio,
    inception_breakdown,
    inception_breakdowns,
    parse_setting,
)
from engine.models.analysis import analyze
from engine.runtime.errors import UserInputError
from engine.text.numbers import rounded, shape_text

EVEN_SAME = "ignore:Using padding='same' with even kernel"  # torch's note on even filters, not ours


def _measured(setting: BottleneckSetting) -> tuple[object, object]:
    """The analysis of the direct and the bottleneck design built from real convolutions (meta device)."""
    s = setting
    padding = "same" if s.padding == "same" else 0
    with torch.device("meta"):
        direct = nn.Sequential(nn.Conv2d(s.in_channels, s.out_channels, s.kernel, padding=padding))
        bottleneck = nn.Sequential(nn.Conv2d(s.in_channels, s.bottleneck, 1),
                                   nn.Conv2d(s.bottleneck, s.out_channels, s.kernel, padding=padding))
    shape = (s.in_channels, s.height, s.width)
    return analyze(direct, shape), analyze(bottleneck, shape)


def _random_settings(count: int, seed: int) -> list[BottleneckSetting]:
    rng = random.Random(seed)
    settings = []
    while len(settings) < count:
        cin = rng.randint(1, 96)
        setting = BottleneckSetting(rng.randint(1, 40), rng.randint(1, 40), cin, rng.randint(1, 96),
                                    rng.randint(1, 7), rng.randint(1, cin), rng.choice(("same", "none")))
        # even filters are refused with "same" padding (problem "even_same"), so both kinds stay in the draw
        if setting.problem() is None:
            settings.append(setting)
    return settings


def test_the_lecture_example_is_exact():
    cost = bottleneck_cost(LECTURE_SETTING)
    assert cost.direct.macs == 120_422_400
    assert cost.direct.macs_formula() == "(28×28×32) × (5×5×192)"
    assert (cost.reduce.macs, cost.conv.macs) == (2_408_448, 10_035_200)
    assert cost.reduce.macs_formula() == "(28×28×16) × (1×1×192)"
    assert cost.conv.macs_formula() == "(28×28×32) × (5×5×16)"
    assert cost.bottleneck_macs == 12_443_648
    assert round(cost.macs_ratio, 1) == 9.7
    assert (cost.direct.params, cost.bottleneck_params) == (153_632, 15_920)
    assert (rounded(cost.direct.macs), rounded(cost.bottleneck_macs)) == ("120.4M", "12.4M")
    # The parameters' formulas as the widget writes them (a mutant dropping their numbers survived `make mutation`).
    assert cost.direct.params_formula() == "5×5×192×32 + 32"
    assert (cost.reduce.params_formula(), cost.conv.params_formula()) == ("1×1×192×16 + 16", "5×5×16×32 + 32")
    assert cost.direct.params_formula("x") == "5x5x192x32 + 32"


@pytest.mark.filterwarnings(EVEN_SAME)
def test_the_arithmetic_equals_the_analysis_of_real_modules():
    for setting in _random_settings(50, seed=6):
        cost = bottleneck_cost(setting)
        direct, bottleneck = _measured(setting)
        assert (cost.direct.macs, cost.direct.params) == (direct.macs, direct.params), setting
        assert (cost.bottleneck_macs, cost.bottleneck_params) == (bottleneck.macs, bottleneck.params), setting
        assert cost.direct.output_shape == direct.rows[-1].output_shape, setting
        assert cost.conv.output_shape == bottleneck.rows[-1].output_shape, setting


def test_the_pointwise_convolution_of_the_nin_page_equals_its_module():
    stage = conv_stage(28, 28, 192, 32, 1)
    with torch.device("meta"):
        measured = analyze(nn.Sequential(nn.Conv2d(192, 32, 1)), (192, 28, 28))
    assert (stage.macs, stage.params) == (measured.macs, measured.params) == (4_816_896, 6_176)


def test_a_pointwise_convolution_is_a_fully_connected_layer_at_every_pixel():
    conv = nn.Conv2d(12, 5, 1)
    dense = nn.Linear(12, 5)
    dense.weight.data = conv.weight.data.view(5, 12)
    dense.bias.data = conv.bias.data
    x = torch.randn(2, 12, 6, 7)
    per_pixel = dense(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)
    torch.testing.assert_close(conv(x), per_pixel)


def test_huge_settings_stay_exact():
    big = 1_000_000
    cost = bottleneck_cost(BottleneckSetting(big, big, big, big, big - 1, big))  # "same" takes odd filters
    assert cost.direct.macs == big**4 * (big - 1) ** 2 > 2**63
    assert rounded(cost.direct.macs) == "1.0e36"


@pytest.mark.parametrize(("value", "text"), [
    (0, "0"), (999, "999"), (1_000, "1.0K"), (1_040, "1.0K"), (1_050, "1.1K"), (1_234, "1.2K"), (999_949, "999.9K"),
    (999_950, "1.0M"), (120_422_400, "120.4M"),
    (12_443_648, "12.4M"), (15_470_264_320, "15.5G"), (10**27, "1.0e27"), (996 * 10**25, "1.0e28"),
])
def test_rounded_forms(value, text):
    assert rounded(value) == text


@pytest.mark.parametrize(("shape", "text"), [
    ((96, 55, 55), "55×55×96"), ((400,), "400"), ((3, 4), "3×4"), ((1, 3, 32, 32), "1×3×32×32")])
def test_shape_forms(shape, text):
    assert shape_text(shape) == text


def test_refused_combinations():
    wider = BottleneckSetting(28, 28, 192, 32, 5, 300)
    assert wider.problem() == "bottleneck_wider"
    too_large = BottleneckSetting(4, 6, 192, 32, 5, 16, padding="none")
    assert too_large.problem() == "filter_larger"
    assert BottleneckSetting(4, 6, 192, 32, 5, 16, padding="same").problem() is None
    for setting in (wider, too_large):
        with pytest.raises(UserInputError):
            bottleneck_cost(setting)


def test_parse_accepts_height_by_width():
    setting = parse_setting("28x14", "192", "32", "5", "16")
    assert (setting.height, setting.width) == (28, 14)
    assert parse_setting(" 28 ", "192", "32", "5", "16") == LECTURE_SETTING


def test_cli_prints_both_costs_the_ratio_and_the_parameters(capsys):
    assert main.main(["cost"]) == 0
    out = capsys.readouterr().out
    for figure in ("(28x28x32) x (5x5x192)", "120,422,400", "(120.4M)", "12,443,648", "(12.4M)", "153,632",
                   "15,920", "9.7x fewer multiply-adds"):
        assert figure in out


def test_cli_says_more_when_the_bottleneck_costs_more(capsys):
    # A 192-channel "bottleneck" on a 192-channel input: 1×1 (28·28·192·192) + 5×5 (28·28·32·5·5·192)
    # = 149,323,776 against the direct 120,422,400 multiply-adds: 1.24 times more.
    assert main.main(["cost", "--bottleneck", "192"]) == 0
    out = capsys.readouterr().out
    assert "1.24x more multiply-adds" in out and "fewer multiply-adds" not in out


def test_an_even_filter_with_same_padding_is_refused_in_one_line(capsys):
    assert BottleneckSetting(28, 28, 192, 32, 4, 16).problem() == "even_same"
    assert BottleneckSetting(28, 28, 192, 32, 4, 16, padding="none").problem() is None
    assert main.main(["cost", "--k", "4"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "even 4x4 filter" in line and "odd filter" in line


def test_cli_json_schema(capsys):
    args = ["--hw", "14x7", "--cin", "480", "--cout", "48", "--k", "5", "--bottleneck", "16", "--json"]
    assert main.main(["cost", *args]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"setting", "direct", "bottleneck", "ratio"}
    assert data["setting"] == {"height": 14, "width": 7, "in_channels": 480, "out_channels": 48, "kernel": 5,
                               "bottleneck": 16, "padding": "same"}
    stage_keys = {"kernel", "input_shape", "output_shape", "macs", "macs_formula", "weights", "biases",
                  "params"}
    assert set(data["direct"]) == stage_keys
    assert set(data["bottleneck"]) == {"reduce", "conv", "macs", "params"}
    assert set(data["bottleneck"]["reduce"]) == set(data["bottleneck"]["conv"]) == stage_keys
    assert data["direct"]["macs"] == 14 * 7 * 48 * 5 * 5 * 480
    assert data["direct"]["output_shape"] == [48, 14, 7]
    bottleneck = data["bottleneck"]
    assert bottleneck["macs"] == bottleneck["reduce"]["macs"] + bottleneck["conv"]["macs"]
    assert data["ratio"]["macs"] == pytest.approx(data["direct"]["macs"] / data["bottleneck"]["macs"])


def test_cli_lecture_json_is_exact():
    data = json.loads(cost_output("28", "192", "32", "5", "16", as_json=True))
    assert (data["direct"]["macs"], data["bottleneck"]["macs"]) == (120_422_400, 12_443_648)


@pytest.mark.parametrize("args", [
    ["--cin", "0"], ["--cin", "-3"], ["--cout", "abc"], ["--k", "1e3"], ["--k", "2.5"], ["--hw", "28x28x3"],
    ["--hw", "x"], ["--bottleneck", "9999999"], ["--bottleneck", "300"], ["--cout", "١٢"],
])
def test_cli_refuses_bad_values_with_one_line(args, capsys):
    assert main.main(["cost", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert captured.err.startswith("main.py: ")


def test_presets_are_googlenet_branches():
    for key, module, branch in (("inception3a_3x3", "3a", "3x3"), ("inception4a_5x5", "4a", "5x5"),
                                ("inception5b_3x3", "5b", "3x3")):
        breakdown = inception_breakdown(module)
        reduce, conv = next(b for b in breakdown.reduced.branches if b.key == branch).steps
        preset = PRESETS[key]
        assert (preset.in_channels, preset.height, preset.width) == breakdown.input_shape
        assert (preset.bottleneck, preset.out_channels, preset.kernel) == (reduce.out_channels,
                                                                          conv.out_channels, conv.kernel)


def test_inception_3a_has_four_branches_and_256_channels():
    breakdown = inception_breakdown("3a")
    reduced, naive = breakdown.reduced, breakdown.naive
    assert breakdown.input_shape == (192, 28, 28)
    assert [b.key for b in reduced.branches] == ["1x1", "3x3", "5x5", "pool"]
    assert [b.out_channels for b in reduced.branches] == [64, 128, 32, 32]
    assert reduced.output_shape == (256, 28, 28)
    assert [b.out_channels for b in naive.branches] == [64, 128, 32, 192]
    assert naive.output_shape == (416, 28, 28)
    # The lecture's example is the 5×5 branch of this module.
    lecture = bottleneck_cost(LECTURE_SETTING)
    assert reduced.branches[2].macs == lecture.bottleneck_macs
    assert naive.branches[2].macs == lecture.direct.macs


def test_every_module_adds_up_and_matches_the_arithmetic():
    breakdowns = inception_breakdowns()
    assert [b.module for b in breakdowns] == list(GOOGLENET_MODULES)
    assert [b.input_shape[1] for b in breakdowns] == [28, 28, 14, 14, 14, 14, 14, 7, 7]
    assert breakdowns[-1].reduced.output_shape == (1024, 7, 7)
    for breakdown in breakdowns:
        _, height, width = breakdown.input_shape
        for design in (breakdown.reduced, breakdown.naive):
            assert sum(b.macs for b in design.branches) == design.macs
            assert sum(b.params for b in design.branches) == design.params
            assert sum(b.out_channels for b in design.branches) == design.output_shape[0]
            for step in (s for b in design.branches for s in b.steps if s.op == "conv"):
                stage = conv_stage(height, width, step.in_channels, step.out_channels, step.kernel)
                assert (step.macs, step.params) == (stage.macs, stage.params)
        assert breakdown.naive.macs > breakdown.reduced.macs


def test_unknown_inception_module_is_refused():
    with pytest.raises(UserInputError) as refused:
        inception_breakdown("6a")
    assert str(refused.value) == "unknown Inception module '6a'; accepted: 3a, 3b, 4a, 4b, 4c, 4d, 4e, 5a, 5b"


def test_cli_text_of_the_lecture_example_line_by_line(capsys):
    """The whole text a lecturer projects from ``python main.py cost``: labels, formulas with the lecture's
    numbers, the totals aligned, the parameters' formulas and the comparison in words."""
    assert main.main(["cost"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "28x28x192 -> 28x28x32, 5x5 filter, padding same; multiply-adds:",
        "Direct 5x5 convolution",
        "  5x5 conv    (28x28x32) x (5x5x192) = 120,422,400  (120.4M)",
        "  parameters  5x5x192x32 + 32 = 153,632",
        "With a 1x1 bottleneck of 16 channels",
        "  1x1 reduce  (28x28x16) x (1x1x192) =   2,408,448  (2.4M)",
        "  5x5 conv    (28x28x32) x (5x5x16)  =  10,035,200  (10.0M)",
        "  total                              =  12,443,648  (12.4M)",
        "  parameters  1x1x192x16 + 16 + 5x5x16x32 + 32 = 15,920",
        "The bottleneck needs 9.7x fewer multiply-adds and 9.7x fewer parameters.",
    ]


@pytest.mark.parametrize(("args", "sentence"), [
    # 28·28·32·25·192 / (28·28·96·192 + 28·28·32·25·96) = 1.61: a saving under two times keeps two decimals
    (["--bottleneck", "96"], "The bottleneck needs 1.61x fewer multiply-adds and 1.61x fewer parameters."),
    # 1×1×2 -> 2 channels through 1: 4 multiply-adds either way (ratio 1, said as "fewer"); parameters 6 against
    # 2 + 1 + 2 + 2 = 7
    (["--hw", "1", "--cin", "2", "--cout", "2", "--k", "1", "--bottleneck", "1"],
     "The bottleneck needs 1.00x fewer multiply-adds and 1.17x more parameters."),
])
def test_cli_comparison_in_words(args, sentence, capsys):
    assert main.main(["cost", *args]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == sentence


def test_cli_json_is_indented_with_every_figure():
    text = cost_output("14x7", "480", "48", "5", "16", as_json=True)
    assert text.startswith('{\n  "setting": {\n    "height": 14,')  # indented for a person reading it
    data = json.loads(text)
    direct, reduce = data["direct"], data["bottleneck"]["reduce"]
    assert direct["macs_formula"] == "(14x7x48) x (5x5x480)"
    assert (direct["input_shape"], direct["output_shape"]) == ([480, 14, 7], [48, 14, 7])
    assert reduce["macs_formula"] == "(14x7x16) x (1x1x480)"
    assert data["bottleneck"]["params"] == (480 * 16 + 16) + (5 * 5 * 16 * 48 + 48)
    assert data["ratio"]["params"] == pytest.approx((5 * 5 * 480 * 48 + 48) / data["bottleneck"]["params"])


def test_values_up_to_the_largest_accepted_and_the_message_beyond():
    assert parse_setting("1", "1000000", "1", "1", "1").in_channels == 1_000_000  # MAX_VALUE itself is accepted
    for value in ("0", "1000001"):
        with pytest.raises(UserInputError) as refused:
            parse_setting("1", value, "1", "1", "1")
        assert str(refused.value) == f"--cin must be a whole number from 1 to 1,000,000 (got '{value}')"


def test_the_cost_output_is_text_unless_json_is_asked_for():
    assert cost_output("28", "192", "32", "5", "16").startswith("28x28x192 -> 28x28x32, 5x5 filter")


@pytest.mark.parametrize(("hw", "message"), [
    ("0x14", "--hw must be a whole number from 1 to 1,000,000 (got '0')"),
    ("28x-1", "--hw must be a whole number from 1 to 1,000,000 (got '-1')"),
    ("28x28x3", "--hw must be H or HxW, e.g. 28 or 28x32 (got '28x28x3')"),
])
def test_a_bad_size_is_refused_with_its_sentence(hw, message):
    with pytest.raises(UserInputError) as refused:
        parse_setting(hw, "192", "32", "5", "16")
    assert str(refused.value) == message


def test_the_size_may_be_written_with_a_capital_x_or_a_times_sign():
    for hw in ("28X14", "28×14"):
        setting = parse_setting(hw, "192", "32", "5", "16")
        assert (setting.height, setting.width) == (28, 14), hw


@pytest.mark.parametrize("position", range(4))
def test_each_refused_value_is_named_by_its_option(position):
    values = ["192", "32", "5", "16"]
    values[position] = "0"
    with pytest.raises(UserInputError) as refused:
        parse_setting("28", *values)
    option = ("--cin", "--cout", "--k", "--bottleneck")[position]
    assert str(refused.value) == f"{option} must be a whole number from 1 to 1,000,000 (got '0')"


def test_the_padding_is_kept_and_an_unknown_one_refused():
    assert parse_setting("28", "192", "32", "4", "16", "none").padding == "none"
    with pytest.raises(UserInputError) as refused:
        parse_setting("28", "192", "32", "5", "16", "valid")
    assert str(refused.value) == "padding must be one of same, none (got 'valid')"


def test_inception_3a_steps_as_the_page_draws_them():
    """Each branch's boxes on the Inception page, bottom to top (op, filter side, channels in and out), naive and
    reduced, as in the paper's table 1 for module 3a; each step names its row of the measured analysis."""
    breakdown = inception_breakdown("3a")
    steps = {design: [[(s.op, s.kernel, s.in_channels, s.out_channels) for s in b.steps] for b in d.branches]
             for design, d in (("reduced", breakdown.reduced), ("naive", breakdown.naive))}
    assert steps["reduced"] == [
        [("conv", 1, 192, 64)],
        [("conv", 1, 192, 96), ("conv", 3, 96, 128)],
        [("conv", 1, 192, 16), ("conv", 5, 16, 32)],
        [("pool", 3, 192, 192), ("conv", 1, 192, 32)],
    ]
    assert steps["naive"] == [[("conv", 1, 192, 64)], [("conv", 3, 192, 128)], [("conv", 5, 192, 32)],
                              [("pool", 3, 192, 192)]]
    for design in (breakdown.reduced, breakdown.naive):
        analysis = analyze(design.model, breakdown.input_shape, **dict(design.options))
        assert analysis.macs == design.macs and analysis.params == design.params
        for step in (s for b in design.branches for s in b.steps):
            row = analysis.rows[step.row]
            assert (row.kind, row.kernel[0], row.output_shape[0]) == (step.op, step.kernel, step.out_channels)
    assert (breakdown.reduced.model, breakdown.naive.model) == ("inception_module", "inception_module_naive")


def test_ratios_under_two_keep_two_decimals():
    assert [format_ratio(r) for r in (1.996, 2.0, 2.96, 3.04)] == ["2.00×", "2.0×", "3.0×", "3.0×"]


def test_a_refused_setting_says_why():
    with pytest.raises(UserInputError) as refused:
        bottleneck_cost(BottleneckSetting(28, 28, 192, 32, 5, 300))
    assert str(refused.value) == ("the bottleneck (300 channels) must not be wider than the input (192 channels): "
                                  "a 1x1 reduction shrinks the channels")


@pytest.mark.parametrize(("setting", "message"), [
    (BottleneckSetting(4, 6, 192, 32, 5, 16, padding="none"),
     "the 5x5 filter is larger than the 4x6 image and there is no padding"),
    (BottleneckSetting(28, 28, 192, 32, 4, 16),
     "an even 4x4 filter cannot keep the size with equal padding on both sides (it needs 3 pixels, split unevenly); "
     "use an odd filter size such as 3"),
])
def test_each_refusal_says_why_with_the_settings_numbers(setting, message):
    with pytest.raises(UserInputError) as refused:
        bottleneck_cost(setting)
    assert str(refused.value) == message


def test_a_filter_as_large_as_the_image_fits_without_padding():
    setting = BottleneckSetting(5, 7, 192, 32, 5, 16, padding="none")
    assert setting.problem() is None
    assert bottleneck_cost(setting).direct.output_shape == (32, 1, 3)


def test_the_command_lines_parser_refuses_a_combination_itself():
    with pytest.raises(UserInputError, match="an even 4x4 filter cannot keep the size"):
        parse_setting("28", "192", "32", "4", "16")
