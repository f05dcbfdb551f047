"""One-line mutations of the app's code, applied for the length of one test (tests/gui/test_breakages.py).

A mutation names a function (or method) and a piece of its source to replace. The function's source is
re-compiled with the replacement in its own module's namespace and put in place of the original with
``monkeypatch``, so it is undone when the test ends, and nothing on disk changes.
"""

from __future__ import annotations

import importlib
import inspect
import textwrap
from dataclasses import dataclass


@dataclass(frozen=True)
class Mutation:
    """``old`` replaced by ``new`` in ``target`` ("package.module:function" or "package.module:Class.method")."""

    target: str
    old: str
    new: str
    why: str  # the breakage in a student's words: what the class would see

    def __str__(self) -> str:
        return self.why


def _resolve(target: str):
    module_name, _, path = target.partition(":")
    owner = importlib.import_module(module_name)
    *parents, name = path.split(".")
    for parent in parents:
        owner = getattr(owner, parent)
    return owner, name


def apply(monkeypatch, mutation: Mutation) -> None:
    """Replace ``mutation.target`` by its mutant until the test ends.

    Fails (rather than silently testing the unmutated code) when ``old`` is not in the function's source.
    """
    owner, name = _resolve(mutation.target)
    original = inspect.getattr_static(owner, name)
    function = original.__func__ if isinstance(original, staticmethod | classmethod) else original
    wrapped = getattr(function, "__wrapped__", None)  # functools.cache and friends: mutate what they wrap
    source = textwrap.dedent(inspect.getsource(wrapped or function))
    assert mutation.old in source, f"{mutation.old!r} is no longer in {mutation.target}: update the mutation"
    mutated = source.replace(mutation.old, mutation.new)
    assert mutated != source
    module = inspect.getmodule(function)
    namespace: dict = {}
    name_of = (wrapped or function).__name__
    if "__class__" in (wrapped or function).__code__.co_freevars:
        # A method calling super() needs its class in a __class__ cell: compiled inside a function that has it.
        mutated = f"def _with_class(__class__):\n{textwrap.indent(mutated, '    ')}\n    return {name_of}\n"
    # The module's own globals, so that the mutant sees the same names (and later monkeypatches) as the original.
    exec(compile(mutated, f"<mutant of {mutation.target}>", "exec"), module.__dict__, namespace)  # noqa: S102
    replacement = namespace["_with_class"](owner) if "_with_class" in namespace else namespace[name_of]
    if isinstance(original, staticmethod):
        replacement = staticmethod(replacement)
    elif isinstance(original, classmethod):
        replacement = classmethod(replacement)
    monkeypatch.setattr(owner, name, replacement)
