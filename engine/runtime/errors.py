"""The one exception type that means "the user asked for something we cannot do", with a message for people,
and the ``Text`` that lets the window show such a message in Korean.

The engine does not use Qt, so it cannot translate. A message written as ``text(QT_TRANSLATE_NOOP("engine",
"{name} is empty (0 bytes)."), name=...)`` reads as English everywhere (it is a ``str``), and keeps its template
and values: the window looks the template up in the Korean catalogue (``gui.i18n.localized``). lupdate finds
the templates by the marker's name.
"""

from __future__ import annotations

__all__ = ["QT_TRANSLATE_NOOP", "Text", "UserInputError", "text"]


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``source`` for the translation catalogue (``context`` is its section there); returns it unchanged."""
    return source


class Text(str):
    """An English message that remembers the ``template`` and ``values`` it was made from."""

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, values: dict[str, object]) -> Text:
        made = super().__new__(cls, template.format(**values))
        made.template, made.values = template, values
        return made

    def __str__(self) -> Text:
        return self  # str(error) keeps the template for the window


def text(template: str, **values: object) -> Text:
    """``template`` (marked with ``QT_TRANSLATE_NOOP("engine", ...)``) filled with ``values``."""
    return Text(template, values)


class UserInputError(ValueError):
    """Bad model name, shape, file or number. The message names what is wrong and what is accepted."""
