"""A page's experiments in one tab: a button per experiment when there are several (large, for a projector),
each experiment's view built when first shown, so that a page's build loads neither pyqtgraph nor the view."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from gui.widgets.text import LanguageAware, scaled_font

__all__ = ["ExperimentsTab", "experiments_tab"]

# The ResNet page's experiment (depth) has a page of its own, the plain-versus-residual tab beside it.
_OWN_PAGE = ("depth",)


def experiments_tab(page: str, bridge, parent: QWidget | None = None) -> ExperimentsTab | None:
    """The tab of the experiments whose ``pages`` name ``page`` (a section key), or None when there are none."""
    from engine.learning.experiments.registry import experiments_for

    experiments = [e for e in experiments_for(page) if e.name not in _OWN_PAGE]
    return ExperimentsTab(experiments, bridge, parent) if experiments else None


class ExperimentsTab(LanguageAware, QWidget):
    """One or more experiments (the registry's ``Experiment``), one shown at a time.

    Parameters
    ----------
    experiments : sequence of Experiment
        In the order of the lecture; the first is shown first.
    bridge : gui.engine_bridge.EngineBridge
        Handed to each ``ExperimentView``.
    """

    def __init__(self, experiments: Sequence, bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.experiments = tuple(experiments)
        self._bridge = bridge
        self._views: dict[str, QWidget] = {}
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)
        row = QHBoxLayout()
        row.setContentsMargins(6, 6, 6, 0)
        for index in range(len(self.experiments)):
            button = QPushButton(self)
            button.setCheckable(True)
            button.setFont(scaled_font(self, 1.15, bold=True))
            button.setMinimumHeight(40)
            self.buttons.addButton(button, index)
            row.addWidget(button)
        row.addStretch(1)
        self.buttons.idClicked.connect(self._on_chosen)
        self.stack = QStackedWidget(self)
        for _ in self.experiments:
            self.stack.addWidget(QWidget(self.stack))  # a placeholder until the view is built
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if len(self.experiments) > 1:
            layout.addLayout(row)
        else:  # one experiment: no choice to offer
            for button in self.buttons.buttons():
                button.hide()
        layout.addWidget(self.stack, 1)
        self.buttons.button(0).setChecked(True)
        self.retranslate()

    def names(self) -> tuple[str, ...]:
        return tuple(experiment.name for experiment in self.experiments)

    def current_name(self) -> str:
        return self.experiments[self.stack.currentIndex()].name

    def show_experiment(self, name: str) -> None:
        """Show the experiment ``name`` (one of :meth:`names`)."""
        index = self.names().index(name)
        self.buttons.button(index).setChecked(True)
        self._on_chosen(index)

    def view(self, name: str):
        """The ``ExperimentView`` of ``name``, built now if it was not yet."""
        if name not in self._views:
            from gui.experiments.view import ExperimentView

            index = self.names().index(name)
            view = ExperimentView(name, self._bridge, self.stack, experiment=self.experiments[index])
            from gui.widgets.zoom import adopt

            adopt(view)  # built at the app's zoom: its charts' sizes in points follow it too
            placeholder = self.stack.widget(index)
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, view)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            self._views[name] = view
        return self._views[name]

    def built(self) -> dict[str, QWidget]:
        """The views built so far, by name."""
        return dict(self._views)

    def tab_text(self) -> str:
        """The name of this tab on its page."""
        return self.tr("Experiments") if len(self.experiments) > 1 else self.tr("Experiment")

    def _on_chosen(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        if self.isVisible():
            self.view(self.experiments[index].name)

    def showEvent(self, event) -> None:
        self.view(self.current_name())
        super().showEvent(event)

    def retranslate(self) -> None:
        for index, experiment in enumerate(self.experiments):
            self.buttons.button(index).setText(QCoreApplication.translate("engine", experiment.title))
