"""A model page (LeNet-5, AlexNet, VGG-16, ResNet, NiN, Inception): the network diagram above the fact
sheet, the layer table and the selected layer's worked numbers. On the ResNet page a CIFAR network is drawn
with its counterpart of the same depth (plain20 with resnet20), plain above residual."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.runtime import events as ev
from engine.text.numbers import exact, rounded, shape_text
from gui.diagram.view import DiagramView, LayerDetailsView
from gui.experiments.tab import experiments_tab
from gui.i18n import current_language
from gui.widgets.cost_chart import CostDistributionView
from gui.widgets.layer_table import LayerTableView
from gui.widgets.receptive_chart import ReceptiveFieldView
from gui.widgets.text import LanguageAware, PageHeader, scaled_font

__all__ = ["ModelPageView", "counterpart_of"]

_CIFAR = re.compile(r"(plain|resnet)(\d+)")


def counterpart_of(name: str | None, input_shape: tuple[int, ...] | None) -> str | None:
    """plainN <-> resnetN for the CIFAR networks of He et al. (N = 6n + 2, 32×32 input); else None."""
    match = _CIFAR.fullmatch(name or "")
    if not match or tuple(input_shape or ()) != (3, 32, 32) or (int(match.group(2)) - 2) % 6:
        return None
    return ("resnet" if match.group(1) == "plain" else "plain") + match.group(2)


class _FactsArea(QScrollArea):
    """The fact sheet's scroll area: it gives up height (and scrolls), never the width its text needs.

    The facts' table cannot wrap inside a number such as "1,135,256,096 (1.1G)", so a narrower area scrolled
    sideways and cut the bullets on the right (Korean at 150 %, 1366×768): the splitter stops at this width.
    """

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        super().setWidget(widget)
        widget.installEventFilter(self)  # a new text or a zoomed font changes the width it needs

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LayoutRequest) and watched is self.widget():
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        inside = self.widget()
        if inside is None:
            return hint
        needed = inside.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(max(hint.width(), needed), hint.height())


class ModelPageView(LanguageAware, QWidget):
    """One lecture section's models: pick a variant, see its diagram, read its facts and walk its layers.

    The page asks the engine for the variant's analysis and, for a CIFAR ResNet or plain network, for its
    counterpart's; both answers come back through :meth:`set_analysis`. The page owns the selected layer:
    selecting one in either diagram, the table, the cost chart or the feature maps lent to it selects it in
    all of them (:meth:`_select`). ``model_changed`` says which variant is on screen.
    """

    model_changed = Signal(str)

    def __init__(self, section: str, bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        # Two senders: the variant's analysis and its counterpart's are asked for at once, each latest-wins.
        self._engine, self._counterpart_engine = bridge.client(self), bridge.client(self)
        self.feature_view = None  # the window's feature-map view while it is lent to this page
        self._entries: dict[str, object] = {}
        self._analysis = None
        self._counterpart: str | None = None
        self._syncing = False
        self._title, self._question = "", ""

        self.header = PageHeader(self)
        self.variant_label = QLabel(self)
        self.variant_combo = QComboBox(self)
        self.variant_combo.setFont(scaled_font(self, 1.2))
        # as wide as its longest model's name (an offscreen render once cut "ResNet-18" to "ResNet-1")
        self.variant_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.variant_combo.currentIndexChanged.connect(self._on_variant_changed)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.facts.setFont(scaled_font(self, 1.15))
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.diagram = DiagramView(self)
        self.counterpart_diagram = DiagramView(self)
        self.diagram_title = QLabel(self)
        self.counterpart_title = QLabel(self)
        self.table = LayerTableView(self)
        self.details = LayerDetailsView(self)

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.variant_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.variant_combo, 0, Qt.AlignmentFlag.AlignBottom)
        self.diagrams = QSplitter(Qt.Orientation.Vertical, self)
        self._panes = {view: self._pane(title, view) for title, view in
                       ((self.diagram_title, self.diagram), (self.counterpart_title, self.counterpart_diagram))}
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        facts_area = _FactsArea(self)  # so the facts give up height to the drawings and scroll instead
        self._facts_area = facts_area
        facts_area.setWidget(self.facts)
        facts_area.setWidgetResizable(True)
        facts_area.setFrameShape(QFrame.Shape.NoFrame)
        lower.addWidget(facts_area)
        lower.addWidget(self.table)
        lower.addWidget(self.details)
        lower.setSizes([470, 760, 370])
        self.body = QSplitter(Qt.Orientation.Vertical, self)
        self.body.addWidget(self.diagrams)
        self.body.addWidget(lower)
        # Tab 0: the architecture; tab 1: the window's one feature-map view, lent to the page on screen.
        self.views = QTabWidget(self)
        self.views.setFont(scaled_font(self, 1.1))
        self.body.setFont(self.font())
        self.views.addTab(self.body, "")
        self.cost_distribution = CostDistributionView(self)
        self.cost_distribution.layer_selected.connect(lambda row: self._select(row, self.cost_distribution))
        self.views.addTab(self.cost_distribution, "")
        # VGG's page sets out why it stacks 3×3 filters beside the chart, on VGG-16's own layers.
        self.receptive = ReceptiveFieldView(self, argument=section == "vgg")
        self.receptive.layer_selected.connect(lambda row: self._select(row, self.receptive))
        self.views.addTab(self.receptive, "")
        # The experiments that test this section's claims (activation, pooling...), each built when first shown.
        self.experiments = experiments_tab(section, bridge, self)
        if self.experiments is not None:
            self.views.addTab(self.experiments, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.views, 1)

        self.diagram.layer_selected.connect(self._on_diagram_layer_selected)
        self.counterpart_diagram.layer_selected.connect(self._on_counterpart_layer_selected)
        self.diagram.companion, self.counterpart_diagram.companion = self.counterpart_diagram, self.diagram
        self.diagram.collapsed_changed.connect(self.counterpart_diagram.set_collapsed)
        self.counterpart_diagram.collapsed_changed.connect(self.diagram.set_collapsed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        self._show_counterpart_pane()
        self.retranslate()

    def _pane(self, title: QLabel, view: DiagramView) -> QWidget:
        pane = QWidget(self.diagrams)
        title.setFont(scaled_font(self, 1.15, bold=True))
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(title)
        layout.addWidget(view, 1)
        self.diagrams.addWidget(pane)
        return pane

    # ------------------------------------------------------------ inputs

    def set_section_texts(self, title: str, question: str) -> None:
        self._title, self._question = title, question
        self.header.set_texts(title, question)

    def set_entries(self, entries) -> None:
        """The zoo entries of this page's section (``engine.runtime.events.ZooEntry``), in lecture order."""
        current = self.current_model()
        self._entries = {e.name: e for e in entries}
        self.variant_combo.blockSignals(True)
        self.variant_combo.clear()
        for entry in entries:
            self.variant_combo.addItem(entry.title, entry.name)
        index = self.variant_combo.findData(current) if current else 0
        self.variant_combo.setCurrentIndex(max(index, 0))
        self.variant_combo.blockSignals(False)
        self._on_variant_changed()

    def set_analysis(self, event) -> None:
        """An ``AnalysisReady`` event; ignored unless it is for the variant on screen or its counterpart."""
        if event.model == self.current_model():
            self._analysis = event.analysis
            self.table.layer_model.set_rows(event.analysis.rows)
            self.diagram.set_analysis(event.analysis)
            self.cost_distribution.set_analysis(event.analysis)
            self.receptive.set_analysis(event.analysis)
            self.details.show_layer(event.analysis, None)
            self._show_facts()
        elif event.model == self._counterpart and event.model is not None:
            self.counterpart_diagram.set_analysis(event.analysis)
        else:
            return
        self._match_collapsed()

    def current_model(self) -> str | None:
        return self.variant_combo.currentData()

    def counterpart_model(self) -> str | None:
        """The network drawn beside the variant (resnet20 for plain20 and back), or None."""
        return self._counterpart

    # ------------------------------------------------------------ events

    def _on_variant_changed(self) -> None:
        self._analysis = None
        self.table.layer_model.set_rows(())
        self.diagram.set_analysis(None)
        self.counterpart_diagram.set_analysis(None)
        self.details.show_layer(None, None)
        entry = self._entries.get(self.current_model())
        self._counterpart = counterpart_of(self.current_model(), entry.input_shape if entry else None)
        self._show_counterpart_pane()
        self._show_diagram_titles()
        self._show_facts()
        if self.current_model():
            self._engine.submit(ev.Analyze(self.current_model()), {ev.AnalysisReady: self.set_analysis})
            self.model_changed.emit(self.current_model())
        if self._counterpart:
            self._counterpart_engine.submit(ev.Analyze(self._counterpart), {ev.AnalysisReady: self.set_analysis})

    def _on_diagram_layer_selected(self, index: int) -> None:
        self._select(index, self.diagram)

    def _on_counterpart_layer_selected(self, index: int) -> None:
        self._select(index, self.counterpart_diagram)

    def _on_table_row_changed(self, current, _previous) -> None:
        if not self._syncing and current.isValid():
            self._select(current.row(), self.table)

    def _select(self, index: int, source) -> None:
        """Select a layer everywhere: by index in the variant's views, by name in the counterpart's."""
        source_analysis = self.counterpart_diagram.analysis() if source is self.counterpart_diagram else \
            self._analysis
        if source_analysis is None:
            return
        name = source_analysis.rows[index].name
        main = index if source is not self.counterpart_diagram else self._row_named(self._analysis, name)
        self._syncing = True
        try:
            if source is not self.diagram:
                self.diagram.select_layer(main)
            if source is not self.table:
                if main is None:
                    self.table.clearSelection()
                else:
                    self.table.selectRow(main)
            if source is not self.cost_distribution and main is not None:
                self.cost_distribution.select_layer(main)
            if source is not self.receptive and main is not None:
                self.receptive.select_layer(main)
            if source is not self.counterpart_diagram:
                self.counterpart_diagram.select_layer(
                    self._row_named(self.counterpart_diagram.analysis(), name))
            if self.feature_view is not None and source is not self.feature_view and main is not None:
                self.feature_view.select_layer(main)
        finally:
            self._syncing = False
        self.details.show_layer(source_analysis, index)

    @staticmethod
    def _row_named(analysis, name: str) -> int | None:
        if analysis is None:
            return None
        return next((row.index for row in analysis.rows if row.name == name), None)

    def _match_collapsed(self) -> None:
        """Both networks of a pair collapse alike; the residual one (the wider drawing) decides."""
        if self._counterpart is None or self.counterpart_diagram.analysis() is None or self._analysis is None:
            return
        residual, plain = (self.counterpart_diagram, self.diagram) if self._counterpart.startswith("resnet") \
            else (self.diagram, self.counterpart_diagram)
        plain.set_collapsed(residual.collapsed())
        for view in (self.diagram, self.counterpart_diagram):  # one zoom for both, to compare layer by layer
            view.fit_to_window()

    def _show_counterpart_pane(self) -> None:
        """Plain above residual when paired; the residual drawing's legend serves both."""
        paired = self._counterpart is not None
        plain = self.counterpart_diagram if paired and self._counterpart.startswith("plain") else self.diagram
        self._panes[self.counterpart_diagram].setVisible(paired)
        self.diagram_title.setVisible(paired)
        self.diagrams.insertWidget(0, self._panes[plain])
        self.diagram.set_legend_visible(not paired or plain is not self.diagram)
        self.counterpart_diagram.set_legend_visible(plain is not self.counterpart_diagram)
        # Two drawings share the height: the table and the facts give up some of theirs.
        self.body.setSizes([740, 200] if paired else [520, 380])

    def lend_feature_view(self, view) -> None:
        """Take the window's feature-map view as this page's last tab; its layer follows the page's selection."""
        if self.feature_view is view:
            return
        self.feature_view = view
        view.setFont(self.font())
        self.views.addTab(view, self.tr("Feature maps"))
        view.layer_changed.connect(self._on_feature_layer_changed)
        view.unit_selected.connect(self._on_feature_unit_selected)

    def return_feature_view(self) -> None:
        """Give the feature-map view back (another page takes it)."""
        if self.feature_view is not None:
            self.feature_view.layer_changed.disconnect(self._on_feature_layer_changed)
            self.feature_view.unit_selected.disconnect(self._on_feature_unit_selected)
            self.diagram.mark_feeding(())
            self.views.removeTab(self.views.indexOf(self.feature_view))
            self.feature_view = None

    def _on_feature_layer_changed(self, index: int) -> None:
        if self._analysis is not None and 0 <= index < len(self._analysis.rows):
            self._select(index, self.feature_view)

    def _on_feature_unit_selected(self, row: int) -> None:
        """A unit of row ``row`` was clicked in the feature maps (-1: none): tint the layers it depends on."""
        feeding: set[int] = set()
        if self._analysis is not None and 0 <= row < len(self._analysis.rows):
            inputs: dict[int, list[int]] = {}
            for edge in self._analysis.edges:
                inputs.setdefault(edge.dst, []).append(edge.src)
            waiting = [row]
            while waiting:
                current = waiting.pop()
                if current not in feeding:
                    feeding.add(current)
                    waiting.extend(inputs.get(current, ()))
        self.diagram.mark_feeding(feeding)

    def retranslate(self) -> None:
        self.variant_label.setText(self.tr("Model:"))
        self.views.setTabText(0, self.tr("Architecture"))
        self.views.setTabText(self.views.indexOf(self.cost_distribution), self.tr("Where the cost goes"))
        self.views.setTabText(self.views.indexOf(self.receptive), self.tr("Receptive field"))
        if self.experiments is not None:
            self.views.setTabText(self.views.indexOf(self.experiments), self.experiments.tab_text())
        if self.feature_view is not None:  # the lent feature-map view, when this page has it
            self.views.setTabText(self.views.indexOf(self.feature_view), self.tr("Feature maps"))
        self.table.layer_model.retranslate()
        self._show_diagram_titles()
        self._show_facts()

    def _show_diagram_titles(self) -> None:
        for label, name in ((self.diagram_title, self.current_model()),
                            (self.counterpart_title, self._counterpart)):
            if not name:
                label.clear()
                continue
            entry = self._entries.get(name)
            kind = self.tr("without shortcuts") if name.startswith("plain") else self.tr("with shortcuts")
            label.setText(f"{entry.title if entry else name} — {kind}")

    # ------------------------------------------------------------ drawing

    def _show_facts(self) -> None:
        entry = self._entries.get(self.current_model())
        if entry is None:
            self.facts.setText(self.tr("Loading the model zoo…"))
            return
        ideas = entry.ideas_ko if current_language() == "ko" else entry.ideas_en
        # "AlexNet (2012)" already says its year.
        year = "" if str(entry.year) in entry.title else f" <span style='font-weight:normal'>({entry.year})</span>"
        lines = [
            f"<h2>{escape(entry.title)}{year}</h2>",
            f"<p><i>{escape(entry.paper)}</i><br>{escape(entry.authors)}</p>",
            "<table cellspacing='6'>",
            self._fact(self.tr("Input"), shape_text(entry.input_shape)),
            self._fact(self.tr("Depth (paper)"), str(entry.paper_depth)),
            self._fact(self.tr("Conv + dense modules"), str(entry.weighted_modules)),
            self._fact(self.tr("Parameters"), f"{exact(entry.params)} ({rounded(entry.params)})"),
            self._fact(self.tr("Multiply-adds per image"), f"{exact(entry.macs)} ({rounded(entry.macs)})"),
        ]
        if entry.top1 is not None:
            lines.append(self._fact(self.tr("ImageNet top-1 (torchvision, 1 crop)"),
                                    f"{entry.top1:.1f}% ({entry.top1_version})"))
            newer = [f for f in entry.weights_figures if not f.loaded]
            for figure in newer:  # a later recipe, same network: say so rather than hide it
                lines.append(self._fact(self.tr("… with torchvision's {version} weights").format(
                    version=figure.version), f"{figure.top1:.1f}%"))
        if entry.paper_figure is not None:
            paper = entry.paper_figure
            protocol = paper.protocol_ko if current_language() == "ko" else paper.protocol_en
            lines.append(self._fact(self.tr("ImageNet {metric} in the paper").format(metric=paper.metric),
                                    f"{paper.accuracy:.1f}% ({protocol})"))
        lines.append("</table><ul>")
        lines += [f"<li>{escape(idea)}</li>" for idea in ideas]
        lines.append("</ul>")
        if self._analysis is None:
            analysing = self.tr("Analysing the layers…")
            lines.append(f"<p>{escape(analysing)}</p>")
        self.facts.setText("".join(lines))
        self._facts_area.updateGeometry()  # its minimum width follows the text (_FactsArea)

    @staticmethod
    def _fact(label: str, value: str) -> str:
        return f"<tr><td><b>{escape(label)}</b></td><td>{escape(value)}</td></tr>"
