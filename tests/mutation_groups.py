"""`make mutation`: mutmut over groups of modules, each group judged by the tests that matter for it.

mutmut reads one ``[tool.mutmut]`` (one list of tests for everything it mutates), and runs, for each mutant, every
selected test that calls the mutated function: with the trainer's and the feature maps' tests selected too, each
mutant of the analysis would run a dozen trainings. So each group runs in its own copy of the project under
``build/mutation/GROUP/`` with its own ``[tool.mutmut]`` (the project's, with the group's modules and tests).

Usage: ``python tests/mutation_groups.py [GROUP ...] [--mutants GLOB ...] [--again]``; with no group, all of them,
in the order below. ``--mutants`` narrows a group to mutants whose names match (``engine.models.analysis.x__macs*``);
``--again`` reuses the group's last run and judges the named mutants again with the checkout's tests.
Prints each module's figures (killed, survived, timeouts, no tests) when its group ends; ``mutmut results`` and
``mutmut show NAME`` work in the group's folder.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("engine", "gui", "tests", "resources", "bench", "main.py")

GROUPS: dict[str, tuple[list[str], list[str]]] = {
    # The code that writes numbers for people: counts, the command line's tables, the layer table, the cost chart.
    "views": (["engine/text/numbers.py", "engine/text/report.py", "gui/widgets/layer_table.py",
               "gui/widgets/cost_chart.py"],
              ["tests/engine/test_cost.py", "tests/engine/test_cli_summary.py", "tests/gui/test_layer_table.py",
               "tests/gui/test_cost_view.py",
               "tests/gui/test_displayed_pages.py::test_the_layer_tables_kernels_and_receptive_fields_are_the_modules_own",
               "tests/gui/test_displayed.py::test_the_layer_tables_parameters_and_multiply_adds_are_the_modules_own",
               "tests/gui/test_displayed.py::test_the_overviews_totals_are_the_analysis_totals"]),
    "analysis": (["engine/models/analysis.py"],
                 ["tests/engine/test_analysis.py", "tests/engine/test_alexnet_variants.py",
                  "tests/engine/test_cli_summary.py", "tests/gui/test_layer_table.py"]),
    "cost": (["engine/inspection/cost.py"], ["tests/engine/test_cost.py", "tests/gui/test_cost_view.py"]),
    "training": (["engine/learning/training.py"],
                 ["tests/engine/test_options_used.py::test_the_option_acts",
                  "tests/engine/test_training.py::test_progress_probes_and_learning_rate_schedule",
                  "tests/engine/test_training.py::test_each_epochs_row_is_the_loss_and_accuracy_of_its_batches",
                  "tests/engine/test_training.py::test_absurd_options_are_refused_before_the_run",
                  "tests/engine/test_training.py::test_a_batch_larger_than_the_data_set_is_refused"]),
    "features": (["engine/inspection/features.py"], ["tests/engine/test_features.py"]),
}

_STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", None: "not checked",
           -24: "timeout", 24: "timeout", 36: "timeout", 152: "timeout", 255: "timeout", -11: "crashed",
           -9: "crashed"}


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(value) for value in values) + "]"


def prepare(group: str) -> Path:
    """A fresh copy of the project for ``group``, its pyproject.toml's [tool.mutmut] made the group's."""
    folder = ROOT / "build" / "mutation" / group
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, folder / name)
    _write_config(folder, group)
    return folder


def _write_config(folder: Path, group: str) -> None:
    """The folder's pyproject.toml: the project's, its [tool.mutmut] made the group's."""
    modules, tests = GROUPS[group]
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = re.search(r"^\[tool\.mutmut\]\n(.*?)(?=^\[)", project, flags=re.MULTILINE | re.DOTALL)
    own = (f"[tool.mutmut]\nsource_paths = [\"engine/\", \"gui/\"]\nonly_mutate = {_toml_list(modules)}\n"
           f"also_copy = [\"bench/\", \"main.py\", \"resources/\", \"tests/\"]\n"
           f"pytest_add_cli_args_test_selection = {_toml_list(tests)}\n"
           f"pytest_add_cli_args = [\"-q\", \"-p\", \"no:cacheprovider\"]\n"
           # Each mutant's tests run in a process forked from one that has never computed with torch: a child
           # forked from mutmut's own process (which ran every test once to time it) hangs in its first
           # multi-threaded torch operation (OpenMP's thread pool does not survive a fork), so every mutant
           # whose tests compute on real tensors ended as a timeout, never killed or survived.
           f"process_isolation = \"forkserver\"\n"
           # mutmut's limit is 15 times a test's time plus 1 s, that time measured with the engine's caches warm:
           # under mutation the caches start empty (tests/conftest.py), and on two cores shared with other jobs
           # a child that needs a second of CPU can wait 20 s for it, so correct mutants of the command line ended
           # as timeouts. A long constant and a small factor: a real endless loop costs a minute and a half.
           f"timeout_constant = 30\ntimeout_multiplier = 3\n\n")
    project = project[:section.start()] + own + project[section.end():] if section else project + "\n" + own
    (folder / "pyproject.toml").write_text(project, encoding="utf-8")


def refresh(group: str) -> Path:
    """The group's folder of an earlier run, with the checkout's tests copied over its own (mutmut copies them on
    into ``mutants/`` when it starts), so that mutants named again are judged by the tests written since."""
    folder = ROOT / "build" / "mutation" / group
    if not (folder / "mutants").is_dir():
        raise SystemExit(f"no earlier run of {group} in {folder}: run it once without --again")
    shutil.copytree(ROOT / "tests", folder / "tests", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    _write_config(folder, group)  # a new time limit judges the timeouts again; a new test list, every mutant
    return folder


def figures(folder: Path) -> dict[str, collections.Counter]:
    """Per mutated module, how many mutants ended how (read from mutmut's own records in ``mutants/``)."""
    found = {}
    for meta in sorted((folder / "mutants").rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        found[str(meta.relative_to(folder / "mutants"))[:-5]] = collections.Counter(
            _STATUS.get(code, "suspicious") for code in codes.values())
    return found


def report(found: dict[str, collections.Counter]) -> str:
    lines = []
    for module, counts in found.items():
        checked = sum(counts.values()) - counts["not checked"]
        share = f"{100 * counts['killed'] / checked:.1f} %" if checked else "-"
        lines.append(f"{module}: {sum(counts.values())} mutants, {checked} checked: killed {counts['killed']} "
                     f"({share}), timeouts {counts['timeout']}, crashed {counts['crashed']}, survived "
                     f"{counts['survived']}, no tests {counts['no tests']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", metavar="GROUP", help=", ".join(GROUPS))
    parser.add_argument("--mutants", nargs="+", default=[], metavar="GLOB")
    parser.add_argument("--again", action="store_true",
                        help="keep the group's folder and its results, refresh its tests from the checkout and run "
                             "the --mutants named (all of them again) or those not yet checked")
    args = parser.parse_args(argv)
    unknown = [group for group in args.groups if group not in GROUPS]
    if unknown:
        parser.error(f"unknown group {', '.join(unknown)}; use {', '.join(GROUPS)}")
    mutmut = Path(sys.executable).with_name("mutmut")
    for group in args.groups or list(GROUPS):
        folder = refresh(group) if args.again else prepare(group)
        print(f"== {group}: {', '.join(GROUPS[group][0])}", flush=True)
        environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        subprocess.run([str(mutmut), "run", "--max-children", "2", *args.mutants], cwd=folder, env=environment,
                       check=False)
        print(report(figures(folder)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
