"""The presenter's own screen while the projector shows the page: the section, the deck's question for it, short
speaker notes, the next section and a clock (View → Present, F5, with a second screen)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from gui.widgets.text import ACCENT, LanguageAware, scaled_font, text_label

__all__ = ["BlankScreen", "ClickerKeys", "PresenterView"]


class ClickerKeys(QObject):
    """A presentation clicker's keys for the whole application while it is installed: the arrows, space,
    Page Up/Down, B and Esc reach the presentation even when a table or spin box has the focus (they would
    take the arrows for themselves). ``actions`` maps a key to what it does (hold widgets' methods weakly)."""

    def __init__(self, actions: dict[int, Callable[[], object]], parent: QObject) -> None:
        super().__init__(parent)
        self._actions = actions

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            action = self._actions.get(event.key())
            if action is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
                    action()
                event.accept()
                return True
        return super().eventFilter(watched, event)


class PresenterView(LanguageAware, QWidget):
    """What the lecturer reads on the laptop; :meth:`show_slide` sets it for the section on the projector."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenter")
        self.clock = QLabel(self)
        self.clock.setFont(scaled_font(self, 3.0, bold=True))
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.section = text_label(self, 2.4, bold=True)
        self.question = text_label(self, 1.7)
        self.question.setStyleSheet(f"color: {ACCENT};")
        self.notes_title = text_label(self, 1.3, bold=True)
        self.notes = text_label(self, 1.6)
        self.next_section = text_label(self, 1.5)
        self.next_section.setStyleSheet("color: #495057;")
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.clock)
        layout.addWidget(self.section)
        layout.addWidget(self.question)
        layout.addWidget(line)
        layout.addWidget(self.notes_title)
        layout.addWidget(self.notes)
        layout.addStretch(1)
        layout.addWidget(self.next_section)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(1000)
        self._next = ""
        self._tick()
        self.retranslate()

    def show_slide(self, section: str, question: str, notes: str, next_section: str) -> None:
        """The texts for the section on the projector (``next_section`` empty at the last)."""
        self.section.setText(section)
        self.question.setText(question)
        self.question.setVisible(bool(question))
        self.notes.setText(notes)
        self._next = next_section
        self.retranslate()

    def _tick(self) -> None:
        self.clock.setText(QDateTime.currentDateTime().toString("HH:mm"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Presenter view"))
        self.notes_title.setText(self.tr("Notes"))
        self.next_section.setText(self.tr("Next: {section}").format(section=self._next) if self._next
                                  else self.tr("Last section"))


class BlankScreen(QWidget):
    """A black screen over the window (B in presenter mode): the class looks at the lecturer, not the slide."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), Qt.GlobalColor.black)
        self.setPalette(palette)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
            self.show()
