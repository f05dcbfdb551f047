"""CNN Casebook: no arguments opens the window; sub-commands serve scripts, slides and checks.

Every sub-command uses the same engine as the GUI. Bad arguments or files: one line on stderr naming what
is wrong and what is accepted, exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from engine.learning.transfer import TRANSFERS
from engine.runtime.errors import UserInputError

__all__ = ["main"]

DEVICES = ("auto", "cuda", "mps", "cpu")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line (not the usage block) with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        message = message.replace("\r", "\\r").replace("\n", "\\n")  # one line, whatever the arguments held
        self.exit(2, f"{self.prog}: {message}\n")


def _cmd_open(args: argparse.Namespace) -> int:
    from gui.app import run_app

    return run_app(device=args.device, language=args.language, page=args.page)


def _cmd_models(args: argparse.Namespace) -> int:
    from engine.text.report import models_text

    print(models_text())
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    from engine.text.report import summary_output

    print(summary_output(args.model, args.input, as_json=args.json))
    return 0


def _cmd_cost(args: argparse.Namespace) -> int:
    from engine.inspection.cost import cost_output

    print(cost_output(hw=args.hw, cin=args.cin, cout=args.cout, k=args.k, bottleneck=args.bottleneck,
                      as_json=args.json))
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from engine.learning.training import train_cli

    return train_cli(args)


def _cmd_depth(args: argparse.Namespace) -> int:
    from engine.learning.depth import depth_cli

    return depth_cli(args)


def _cmd_prepare(args: argparse.Namespace) -> int:
    from engine.models.prepare import prepare_cli

    return prepare_cli(args)


def _cmd_render(args: argparse.Namespace) -> int:
    from gui.render import render

    return render(args)


def _cmd_translations(args: argparse.Namespace) -> int:
    from gui.i18n import update_translations

    update_translations()
    return 0


def _cmd_bench(args: argparse.Namespace) -> int:
    from bench import run_benchmark

    return run_benchmark(args.name, args.repeat)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description=__doc__.splitlines()[0])
    parser.add_argument("--device", choices=DEVICES, default=None, help="compute device (default: auto)")
    parser.add_argument("--language", choices=("en", "ko"), default=None, help="interface language")
    parser.add_argument("--page", default=None, help="section to open on (overview, lenet, alexnet, vgg, resnet, "
                        "nin, inception, transfer, augmentation, datasets) or a model's, e.g. vgg16")
    parser.set_defaults(func=_cmd_open)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    sub.add_parser("models", help="the zoo, one line each").set_defaults(func=_cmd_models)

    summary = sub.add_parser("summary", help="per-layer shapes, params, multiply-adds")
    summary.add_argument("model")
    summary.add_argument("--input", default=None, metavar="CxHxW", help="input shape, e.g. 3x224x224")
    summary.add_argument("--json", action="store_true", help="machine-readable output")
    summary.set_defaults(func=_cmd_summary)

    cost = sub.add_parser("cost", help="1x1 bottleneck arithmetic (the Inception cost problem)")
    cost.add_argument("--hw", default="28", metavar="H[xW]", help="output height and width (default 28)")
    cost.add_argument("--cin", default="192", help="input channels (default 192)")
    cost.add_argument("--cout", default="32", help="output channels (default 32)")
    cost.add_argument("--k", default="5", help="filter size (default 5)")
    cost.add_argument("--bottleneck", default="16", help="1x1 bottleneck channels (default 16)")
    cost.add_argument("--json", action="store_true", help="machine-readable output")
    cost.set_defaults(func=_cmd_cost)

    train = sub.add_parser("train", help="headless training with a text progress bar")
    train.add_argument("model")
    train.add_argument("--dataset", default="digits", help="digits (embedded), mnist, cifar10, cifar100 or "
                       "folder:PATH")
    train.add_argument("--epochs", type=int, default=3)
    train.add_argument("--batch-size", type=int, default=32)
    train.add_argument("--lr", type=float, default=None, help="learning rate (default: the optimiser's)")
    train.add_argument("--optimizer", choices=("sgd", "adam"), default="adam")
    train.add_argument("--schedule", choices=("constant", "cosine", "step"), default="constant")
    train.add_argument("--weight-decay", type=float, default=0.0)
    train.add_argument("--augment", action="store_true", help="random crops, flips and colour jitter")
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--device", choices=DEVICES, default=argparse.SUPPRESS)
    train.add_argument("--data-root", default=None, help="where MNIST/CIFAR files are (default: user data folder)")
    train.add_argument("--download", action="store_true", help="download MNIST/CIFAR when missing (online)")
    train.add_argument("--transfer", choices=TRANSFERS, default="none",
                       help="start from pretrained weights and train the new classifier only (case 1), the later "
                            "half of the layers too (case 2) or everything (case 3); none: random weights")
    train.add_argument("--resume", default=None, metavar="CHECKPOINT")
    train.add_argument("--out", default=None, metavar="DIR", help="runs folder (default: ./runs)")
    train.set_defaults(func=_cmd_train)

    depth = sub.add_parser("depth", help="plain-vs-residual sweep over depth (He et al. 2016, Fig. 6)")
    depth.add_argument("--depths", default="20,32,44,56", help="comma-separated depths 6n+2 (default 20,32,44,56)")
    depth.add_argument("--steps", type=int, default=None, help="training steps per run")
    depth.add_argument("--width", type=int, default=None, help="channels of the first stage (paper: 16)")
    depth.add_argument("--shortcut", choices=("A", "B"), default="A", help="A: zero-padded identity, B: projection")
    depth.add_argument("--data", default="digits", help="digits (embedded) or cifar10 when its files are present")
    depth.add_argument("--seed", type=int, default=0)
    depth.add_argument("--device", choices=DEVICES, default=argparse.SUPPRESS)
    depth.add_argument("--json", action="store_true", help="per run: depth, kind, parameters, errors, seconds")
    depth.add_argument("--out", default=None, metavar="DIR|FILE.json", help="where to save the result")
    depth.set_defaults(func=_cmd_depth)

    prepare = sub.add_parser("prepare", help="fetch every weights file and data set the lecture uses, once, "
                             "verified, so that it runs offline; --check says what is here")
    prepare.add_argument("--check", action="store_true", help="offline readiness report (no network); exit "
                         "status 1 while something is missing")
    prepare.add_argument("--json", action="store_true", help="with --check: machine-readable report")
    prepare.add_argument("--only", default=None, metavar="ITEMS", help="comma-separated: weights, data, or "
                         "items such as resnet18,mnist (default: everything)")
    prepare.add_argument("--skip", default=None, metavar="ITEMS", help="comma-separated items or groups to leave "
                         "out, e.g. vgg16,vgg16_bn")
    prepare.add_argument("--data-root", default=None, help="where MNIST/CIFAR go (default: user data folder)")
    prepare.set_defaults(func=_cmd_prepare)

    render = sub.add_parser("render", help="a page or view drawn offscreen to PNG/SVG")
    render.add_argument("page", help="a section (overview, lenet, alexnet, vgg, resnet, nin, inception, ...) "
                        "or a view (diagram, features, cost)")
    render.add_argument("--model", default=None)
    render.add_argument("--image", default=None)
    render.add_argument("--layer", default=None)
    render.add_argument("--unit", default=None, metavar="C,Y,X",
                        help="features: click this unit of the layer (channel, row, column)")
    render.add_argument("--collapsed", action="store_true")
    render.add_argument("--video", default=None, metavar="FILE",
                        help="features: play this video live for a second, then freeze its frame (Space)")
    render.add_argument("--draw", type=int, choices=range(10), default=None, metavar="DIGIT",
                        help="features: open the drawing pad with 85%% of DIGIT drawn (one-channel models)")
    render.add_argument("--overlay", choices=("gradcam", "occlusion"), default="gradcam",
                        help="features: the attribution drawn over the input")
    render.add_argument("--case", type=int, choices=(1, 2, 3), default=None,
                        help="transfer: the case shown (with --model, the network)")
    render.add_argument("--tab", default="0", metavar="N|N.M|NAME",
                        help="tab within a section, or within a model page (0 = first); N.M: the model page in "
                             "the section's tab N, its view M (resnet --tab 0.1: Where the cost goes); or a tab's "
                             "name")
    render.add_argument("--zoom", type=float, default=100.0, metavar="PCT",
                        help="the app's zoom in percent, 100 to 300 (View → Zoom)")
    render.add_argument("--language", choices=("en", "ko"), default=argparse.SUPPRESS)
    render.add_argument("--device", choices=DEVICES, default=argparse.SUPPRESS)
    render.add_argument("--size", default="1920x1080", metavar="WxH")
    render.add_argument("--scale", type=float, default=1.0)
    render.add_argument("--out", required=True, metavar="FILE.png|.svg")
    render.set_defaults(func=_cmd_render)

    sub.add_parser("translations", help="refresh .ts sources and compile .qm").set_defaults(
        func=_cmd_translations
    )

    bench = sub.add_parser("bench", help="benchmarks: ratios against a baseline measured in the same run")
    bench.add_argument("name")
    bench.add_argument("--repeat", type=int, default=5, help="runs per figure; the median is printed")
    bench.set_defaults(func=_cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    from engine.runtime.log import start_log

    start_log()
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UserInputError as error:
        # One line, whatever a name given on the command line held: a line break in it is shown, not made.
        print(f"main.py: {error}".replace("\r", "\\r").replace("\n", "\\n"), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
