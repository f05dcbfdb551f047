"""File → Prepare for class…: the checklist of weights and data sets, their downloads, and the readiness report.

Everything goes through the engine (``CheckReadiness``, ``StartPreparation``, ``CancelPreparation``); the
dialog only shows what comes back. Opening it looks at files only: the network is used when the user clicks
Fetch, never before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.runtime import events as ev
from gui.i18n import localized
from gui.widgets.text import ERROR_STYLE, GOOD_STYLE, NOTICE_STYLE, LanguageAware, scaled_font, text_label

__all__ = ["PrepareDialog"]

_ITEM, _KIND, _SIZE, _STATUS, _PROGRESS = range(5)


class PrepareDialog(LanguageAware, QDialog):
    """The checklist (tick what to fetch; sizes, presence and total), one progress bar per item and one overall
    with bytes, rate and time left, Cancel, and the readiness report in its own tab.

    Parameters
    ----------
    bridge : EngineBridge
    parent : QWidget, optional
    data_root : str
        Where MNIST and CIFAR go; empty: the app's data folder.

    Signals
    -------
    readiness_changed(object)
        A new ``engine.runtime.events.Readiness`` arrived (on opening, and after every run).
    item_prepared(str)
        A checklist item (a model's weights, a data set) arrived, verified: its key.
    """

    readiness_changed = Signal(object)
    item_prepared = Signal(str)

    def __init__(self, bridge, parent: QWidget | None = None, data_root: str = "") -> None:
        super().__init__(parent)
        self._engine = bridge.client(self)
        self._data_root = data_root
        self.readiness: ev.Readiness | None = None
        self._rows: dict[str, int] = {}
        self._running = False
        self._cancelling = False
        self._messages: list[str] = []
        self._last: ev.PreparationProgress | None = None
        self._finished = False  # a run has ended: the overall line keeps its bytes, without rate or time
        self.setMinimumSize(900, 620)

        self.intro = text_label(self, 1.1)
        self.table = QTableWidget(0, 5, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_PROGRESS, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._show_total)
        self.total_label = text_label(self, 1.1, bold=True)
        self.overall_label = text_label(self, 1.0)
        self.overall_bar = QProgressBar(self)
        self.message_label = text_label(self, 1.0)
        self.message_label.setVisible(False)
        self.fetch_button = QPushButton(self, clicked=self.start)
        self.cancel_button = QPushButton(self, clicked=self.cancel)
        self.close_button = QPushButton(self, clicked=self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.fetch_button, self.cancel_button, self.close_button):
            button.setFont(scaled_font(self, 1.1))
            buttons.addWidget(button)

        checklist = QWidget(self)
        column = QVBoxLayout(checklist)
        column.addWidget(self.intro)
        column.addWidget(self.table, 1)
        column.addWidget(self.total_label)
        column.addWidget(self.overall_label)
        column.addWidget(self.overall_bar)
        column.addWidget(self.message_label)
        column.addLayout(buttons)

        report = QWidget(self)
        self.report_summary = text_label(report, 1.1)
        self.pages_table = QTableWidget(0, 4, report)
        self.pages_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pages_table.verticalHeader().setVisible(False)
        self.pages_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.pages_table.horizontalHeader().setStretchLastSection(True)
        self.training_label = text_label(report, 1.1)
        report_column = QVBoxLayout(report)
        report_column.addWidget(self.report_summary)
        report_column.addWidget(self.pages_table, 1)
        report_column.addWidget(self.training_label)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(checklist, "")
        self.tabs.addTab(report, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate()
        self._show_buttons()

    # ------------------------------------------------------------ public

    def refresh(self) -> None:
        """Ask the engine what is on this computer (offline)."""
        self._engine.submit(ev.CheckReadiness(self._data_root), {ev.ReadinessReady: self._on_readiness})

    def show_report(self) -> None:
        """Open on the readiness report (the feature-map pages' banners link here)."""
        self.tabs.setCurrentIndex(1)

    def selected(self) -> list[str]:
        """The keys ticked, in checklist order."""
        return [key for key, row in self._rows.items()
                if self.table.item(row, _ITEM).checkState() == Qt.CheckState.Checked]

    def set_selected(self, keys) -> None:
        for key, row in self._rows.items():
            self.table.item(row, _ITEM).setCheckState(Qt.CheckState.Checked if key in keys else
                                                      Qt.CheckState.Unchecked)

    def start(self) -> None:
        """Fetch what is ticked and not yet here."""
        if self.readiness is None or self._running:
            return
        present = {item.key for item in self.readiness.items if item.present}
        keys = tuple(key for key in self.selected() if key not in present)
        if not keys:
            return
        self._running, self._cancelling, self._messages, self._last = True, False, [], None
        self._finished = False
        for key in keys:
            bar = self._bar(key)
            bar.setRange(0, 1000)
            bar.setValue(0)
            bar.setFormat(self.tr("waiting"))
        self._show_messages()
        self._engine.submit(ev.StartPreparation(keys, self._data_root), {
            ev.PreparationProgress: self._on_progress, ev.ItemPrepared: self._on_item_prepared,
            ev.ItemFailed: self._on_item_failed, ev.PreparationFinished: self._on_finished,
        }, self._on_start_failed)
        self._show_buttons()

    def cancel(self) -> None:
        if self._running:
            self._cancelling = True
            self._engine.submit(ev.CancelPreparation())
            self._show_buttons()

    def is_running(self) -> bool:
        return self._running

    # ------------------------------------------------------------ events

    def _on_readiness(self, event: ev.ReadinessReady) -> None:
        self._set_readiness(event.readiness)

    def _on_item_prepared(self, event: ev.ItemPrepared) -> None:
        self.item_prepared.emit(event.key)
        if event.key not in self._rows:
            return
        bar = self._bar(event.key)
        bar.setRange(0, 1000)
        bar.setValue(1000)
        bar.setFormat(self.tr("ready, verified"))
        status = self.table.item(self._rows[event.key], _STATUS)
        status.setText(self.tr("on this computer"))
        status.setForeground(Qt.GlobalColor.darkGreen)

    def _on_item_failed(self, event: ev.ItemFailed) -> None:
        if event.key in self._rows:
            self._bar(event.key).setFormat(self.tr("failed"))
            self._messages.append(localized(event.message))
            self._show_messages()

    def _on_finished(self, event: ev.PreparationFinished) -> None:
        self._finished = True
        if event.cancelled:
            self._messages.append(self.tr("Cancelled. What was fetched stays; an unfinished file is kept aside "
                                          "and the next Fetch continues it."))
        self._set_readiness(event.readiness)  # still running: the bars keep what the run showed
        self._running = False
        self._show_messages(good=not event.failed and not event.cancelled)
        self._show_buttons()

    def _on_start_failed(self, event: ev.RequestFailed) -> None:
        self._running = False
        self._messages.append(localized(event.message))
        self._show_messages()
        self._show_buttons()

    def _on_progress(self, event: ev.PreparationProgress) -> None:
        if event.key not in self._rows:
            return
        self._last = event
        bar = self._bar(event.key)
        if event.stage == "unpack":
            bar.setRange(0, 0)
            bar.setFormat(self.tr("unpacking…"))
        else:
            bar.setRange(0, 1000)
            bar.setValue(round(1000 * event.done / event.total) if event.total else 0)
            bar.setFormat(self._amounts(event.done, event.total, event.rate, event.seconds_left))
        self.overall_bar.setRange(0, 1000)
        self.overall_bar.setValue(round(1000 * event.overall_done / event.overall_total) if event.overall_total else 0)
        self._show_overall()

    # ------------------------------------------------------------ showing

    def _set_readiness(self, readiness: ev.Readiness) -> None:
        first = self.readiness is None
        ticked = set(self.selected())
        self.readiness = readiness
        self.table.blockSignals(True)
        self.table.setRowCount(len(readiness.items))
        self._rows = {}
        for row, item in enumerate(readiness.items):
            self._rows[item.key] = row
            cell = QTableWidgetItem(item.title)
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            # Default: everything the lecture's pages use that is not here yet.
            checked = not item.present if first else item.key in ticked  # later: the user's own ticks stay
            cell.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            cell.setToolTip(item.path)
            self.table.setItem(row, _ITEM, cell)
            for column in (_KIND, _SIZE, _STATUS):
                self.table.setItem(row, column, QTableWidgetItem())
            self.table.item(row, _SIZE).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if self.table.cellWidget(row, _PROGRESS) is None:
                bar = QProgressBar(self.table)
                bar.setRange(0, 1000)
                bar.setTextVisible(True)
                self.table.setCellWidget(row, _PROGRESS, bar)
            bar = self._bar(item.key)
            if not self._running:
                bar.setValue(1000 if item.present else round(1000 * min(item.fetched, item.size) / item.size)
                             if item.size else 0)
                bar.setFormat("")
        self.table.blockSignals(False)
        self._fill_item_texts()
        self._fill_report()
        self._show_total()
        self._show_buttons()
        self.readiness_changed.emit(readiness)

    def _fill_item_texts(self) -> None:
        if self.readiness is None:
            return
        kinds = {"weights": self.tr("ImageNet weights"), "data": self.tr("Data set")}
        for item in self.readiness.items:
            row = self._rows[item.key]
            self.table.item(row, _KIND).setText(kinds[item.kind])
            self.table.item(row, _SIZE).setText(self._mb(item.size))
            self.table.item(row, _STATUS).setText(self._status_text(item))
            self.table.item(row, _STATUS).setForeground(Qt.GlobalColor.darkGreen if item.present else
                                                        Qt.GlobalColor.darkRed)

    def _status_text(self, item: ev.PreparationItem) -> str:
        if item.present:
            return self.tr("on this computer")
        if item.fetched:
            return self.tr("partly fetched ({done}), will continue").format(done=self._mb(item.fetched))
        return self.tr("missing")

    def _fill_report(self) -> None:
        readiness = self.readiness
        if readiness is None:
            return
        sections = self._section_titles()
        self.pages_table.setRowCount(len(readiness.pages))
        weights = {"shipped": self.tr("trained (ships with the app)"),
                   "cache": self.tr("trained on ImageNet (prepared)"),
                   "random": self.tr("random: its guesses mean nothing")}
        titles = {item.key: item.title for item in readiness.items}
        for row, page in enumerate(readiness.pages):
            if page.weights == "random" and page.item:
                todo = self.tr("tick {item} in the checklist").format(item=titles.get(page.item, page.item))
            elif page.weights == "random":
                todo = self.tr("no published weights: the maps show untrained filters")
            else:
                todo = ""
            cells = [sections.get(page.section, page.section), page.title, weights[page.weights], todo]
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                if column == 2:
                    cell.setForeground(Qt.GlobalColor.darkRed if page.weights == "random" else Qt.GlobalColor.darkGreen)
                self.pages_table.setItem(row, column, cell)
        trained = sum(page.weights != "random" for page in readiness.pages)
        missing = [item.title for item in readiness.items if not item.present]
        summary = self.tr("{trained} of {pages} models show trained weights.").format(
            trained=trained, pages=len(readiness.pages))
        if missing:
            summary += " " + self.tr("Not on this computer: {items} ({size} to fetch).").format(
                items=", ".join(missing), size=self._mb(readiness.missing_bytes))
        else:
            summary += " " + self.tr("Everything on the checklist is here: the lecture runs offline.")
        self.report_summary.setText(summary)
        self.report_summary.setStyleSheet(GOOD_STYLE if not missing else NOTICE_STYLE)
        names = {"digits": self.tr("handwritten digits (embedded)"), "mnist": "MNIST", "cifar10": "CIFAR-10",
                 "cifar100": "CIFAR-100"}
        self.training_label.setText(self.tr("The training panel can use: {sets}.").format(
            sets=", ".join(names[name] for name in readiness.training_sets)))

    def _show_total(self, *_args) -> None:
        if self.readiness is None:
            self.total_label.setText(self.tr("Looking at what is on this computer…"))
            return
        selected = set(self.selected())
        items = [item for item in self.readiness.items if item.key in selected]
        to_fetch = sum(item.size - min(item.fetched, item.size) for item in items if not item.present)
        here = sum(item.present for item in self.readiness.items)
        self.total_label.setText(self.tr("{here} of {count} items on this computer. Ticked: {size} to fetch "
                                         "(everything: {all}).").format(
            here=here, count=len(self.readiness.items), size=self._mb(to_fetch),
            all=self._mb(sum(item.size for item in self.readiness.items))))
        self._show_buttons()

    def _show_overall(self) -> None:
        event = self._last
        if event is None:
            self.overall_label.setText(self.tr("All ticked items: nothing fetched yet.") if not self._running else
                                       self.tr("Connecting…"))
            return
        if self._finished:
            amounts = self._amounts(event.overall_done, event.overall_total, 0.0, None)
        else:
            amounts = self._amounts(event.overall_done, event.overall_total, event.rate, event.overall_seconds_left)
        self.overall_label.setText(self.tr("All ticked items: {amounts}").format(amounts=amounts))

    def _show_messages(self, good: bool = False) -> None:
        if not self._messages and good:
            self.message_label.setText(self.tr("Done: every ticked item is on this computer, verified."))
            self.message_label.setStyleSheet(GOOD_STYLE)
            self.message_label.setVisible(True)
            return
        self.message_label.setText("\n".join(self._messages))
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setVisible(bool(self._messages))

    def _show_buttons(self) -> None:
        ready = self.readiness is not None
        present = {item.key for item in self.readiness.items if item.present} if ready else set()
        wanted = any(key not in present for key in self.selected()) if ready else False
        self.fetch_button.setEnabled(ready and not self._running and wanted)
        self.cancel_button.setEnabled(self._running and not self._cancelling)
        flags = Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.NoItemFlags if self._running else
                                             Qt.ItemFlag.ItemIsUserCheckable)
        self.table.blockSignals(True)
        for row in self._rows.values():
            self.table.item(row, _ITEM).setFlags(flags)  # the ticks hold still while a run fetches them
        self.table.blockSignals(False)
        self._show_overall()

    def _bar(self, key: str) -> QProgressBar:
        return self.table.cellWidget(self._rows[key], _PROGRESS)

    def _amounts(self, done: int, total: int, rate: float, seconds_left: float | None) -> str:
        amount = self.tr("{done} of {total}").format(done=self._mb(done), total=self._mb(total)) if total else \
            self._mb(done)
        parts = [amount]
        if rate > 0:
            parts.append(self.tr("{rate} MB/s").format(rate=f"{rate / 1e6:.1f}"))
        if seconds_left is not None:
            seconds = round(seconds_left)
            parts.append(self.tr("{minutes} min {seconds} s left").format(minutes=seconds // 60, seconds=seconds % 60)
                         if seconds >= 60 else self.tr("{seconds} s left").format(seconds=seconds))
        return " · ".join(parts)

    def _mb(self, size: int) -> str:
        return self.tr("{size} MB").format(size=f"{size / 1e6:,.1f}")

    def _section_titles(self) -> dict[str, str]:
        return {"lenet": self.tr("LeNet-5"), "alexnet": self.tr("AlexNet"), "vgg": self.tr("VGG-16"),
                "resnet": self.tr("ResNet"), "nin": self.tr("1×1 convolution"), "inception": self.tr("Inception")}

    # ------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Prepare for class"))
        self.tabs.setTabText(0, self.tr("Checklist"))
        self.tabs.setTabText(1, self.tr("Readiness report"))
        self.intro.setText(self.tr(
            "A lecture hall often has no network. Fetch here, once, the trained weights and data sets the lecture's "
            "pages use: each file is checked against its published checksum before it is used, and afterwards "
            "every page works offline. Nothing is downloaded until you click Fetch."))
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Kind"), self.tr("Size"), self.tr("Status"),
                                              self.tr("Progress")])
        self.pages_table.setHorizontalHeaderLabels([self.tr("Page"), self.tr("Model"), self.tr("Weights"),
                                                    self.tr("For trained weights")])
        self.fetch_button.setText(self.tr("Fetch ticked items"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self._fill_item_texts()
        self._fill_report()
        self._show_total()
        self._show_overall()
