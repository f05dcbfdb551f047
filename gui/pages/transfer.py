"""Transfer learning (section 8): the lecture's three cases drawn on a real pretrained network, layer by layer.

Every weight layer of the chosen network is a bar (its height the layer's parameters, on a log scale), named
as in its paper; the layers a case freezes are grey, the ones it trains are coloured, and the figures under
the strip count the parameters each side for the classifier the run will train (as many classes as the
data set has, chosen beside the network). "Train this case" sets the training panel up to run it on a data set
chosen there.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from engine.learning.training import trainable_models
from engine.learning.transfer import TransferPlan, has_pretrained_source, plan_of, pretrained_on_disk
from engine.models.checkpoints import SHIPPED_FILES
from engine.models.zoo import get_info
from engine.runtime import events as ev
from engine.text.numbers import exact, rounded
from gui.widgets.painted_text import PaintedTexts
from gui.widgets.text import ACCENT, GOOD_STYLE, NOTICE_STYLE, LanguageAware, PageHeader, scaled_font, text_label

__all__ = ["LayerStrip", "TransferLearningView"]

CASES = ("classifier", "later", "all")
_DEFAULT_MODEL = "resnet18"
_CASE_STYLE = f"QPushButton:checked {{ background: {ACCENT}; color: white; border-radius: 4px; padding: 6px; }}"
_FROZEN, _TRAINED, _AXIS = QColor("#9aa5b1"), QColor("#e8590c"), QColor("#495057")


def _percent(share: float) -> str:
    """A share in per cent with enough digits that a small one does not read as 0.0 %."""
    return f"{share:.2f} %" if share < 1 else f"{share:.1f} %"


_LEGEND_BOTTOM = 2.0  # lines from the strip's top: the frozen/trained legend's row and a gap


def _shortened(metrics: QFontMetricsF, text: str, room: float) -> str:
    """``text`` if it fits ``room`` pixels, else its last comma-separated parts after "…" ("…block 1,
    shortcut"), else its end cut mid-word; empty when not even that fits."""
    parts = text.split(", ")
    for first in range(len(parts)):
        shortened = ("…" if first else "") + ", ".join(parts[first:])
        if metrics.horizontalAdvance(shortened) <= room:
            return shortened
    shortened = metrics.elidedText(text, Qt.TextElideMode.ElideLeft, room)
    return "" if shortened in ("", "…") else shortened


class LayerStrip(QWidget):
    """The weight layers of a :class:`~engine.learning.transfer.TransferPlan` as bars, input on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: TransferPlan | None = None
        self.painted = PaintedTexts()
        self.texts = {"frozen": "frozen", "trained": "trained", "axis": "parameters", "input": "input",
                      "output": "output"}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """300 px tall at least, and tall enough for the upright axis title beside the plot (at 200 % "parameters
        (log scale)" was longer than 300 px and cut at both ends)."""
        line = self.fontMetrics().height()
        return QSize(200, max(300, self.fontMetrics().horizontalAdvance(self.texts["axis"]) + round(line * 5.2)))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:  # the app's zoom
            self.updateGeometry()
        super().changeEvent(event)

    def set_plan(self, plan: TransferPlan | None) -> None:
        self.plan = plan
        self.update()

    def bar_rects(self) -> list[QRectF]:
        """Where each layer's bar is drawn, in the strip's coordinates."""
        if self.plan is None or not self.plan.layers:
            return []
        area, (low, high) = self._area(), self._decades()
        step = area.width() / len(self.plan.layers)
        rects = []
        for index, layer in enumerate(self.plan.layers):
            height = area.height() * max(math.log10(max(layer.params, 1)) - low, 0.05) / (high - low)
            rects.append(QRectF(area.left() + index * step + step * 0.12, area.bottom() - height, step * 0.76, height))
        return rects

    def _area(self) -> QRectF:
        line = self.fontMetrics().height()
        return QRectF(self.rect()).adjusted(line * 4.5, line * 2.6, -line * 0.5, -line * 2.2)

    def _decades(self) -> tuple[int, int]:
        """The powers of ten at the foot and the top of the axis: around the smallest and the largest layer."""
        counts = [max(layer.params, 1) for layer in self.plan.layers]
        low = math.floor(math.log10(min(counts)))
        return low, max(low + 1, math.ceil(math.log10(max(counts))))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.painted.clear()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        rects = self.bar_rects()
        if not rects:
            painter.end()
            return
        area, line = self._area(), self.fontMetrics().height()
        for rect, layer in zip(rects, self.plan.layers, strict=True):
            painter.fillRect(rect, _FROZEN if layer.frozen else _TRAINED)
        self._draw_scale(painter, area, line)
        self._draw_names(painter, rects, area, line)
        frozen = self.plan.frozen_layers
        if 0 < frozen < len(rects):  # the boundary between what stays and what learns
            x = (rects[frozen - 1].right() + rects[frozen].left()) / 2
            painter.setPen(QPen(_AXIS, 2, Qt.PenStyle.DashLine))
            painter.drawLine(int(x), int(area.top() - line * 0.3), int(x), int(area.bottom() + line * 0.3))
        self._draw_texts(painter, area, line)

    def _name_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() * 0.8, 6.0))
        return small

    def name_spots(self) -> list[tuple[str, float, float, float, bool]]:
        """Each bar's paper name as drawn: (text, x, foot, room, inside) — written upwards from ``foot`` at
        ``x``, with ``room`` pixels of length, inside its bar (white) or above it. Above the bar when it fits
        there (under the legend's row), else inside it when it fits there, else where there is more room,
        shortened from its start ("…block 1, shortcut": the bar's neighbours name its part). The part's name
        (conv3_x, inception (4c)) once for a run of bars of one part, when the bars are too narrow for one
        name each."""
        rects = self.bar_rects()
        if not rects:
            return []
        metrics = QFontMetricsF(self._name_font())
        area, line = self._area(), self.fontMetrics().height()
        top = line * _LEGEND_BOTTOM  # under the legend's row
        step = rects[1].left() - rects[0].left() if len(rects) > 1 else rects[0].width() * 2
        spots = []
        if step >= metrics.height():  # room for one name per bar, written upwards
            for rect, layer in zip(rects, self.plan.layers, strict=True):
                name = layer.paper_name or layer.name
                above, inside = rect.top() - 3 - top, rect.height() - 6
                width = metrics.horizontalAdvance(name)
                if width <= above:
                    spots.append((name, rect.center().x(), rect.top() - 3, above, False))
                elif width <= inside or inside > above:
                    room = max(inside, 0.0)
                    spots.append((_shortened(metrics, name, room), rect.center().x(), rect.bottom() - 3, room,
                                  True))
                else:
                    spots.append((_shortened(metrics, name, above), rect.center().x(), rect.top() - 3, above,
                                  False))
        else:  # too many bars: one name per part, below the axis
            parts: list[tuple[str, float, float]] = []
            for rect, layer in zip(rects, self.plan.layers, strict=True):
                part = (layer.paper_name or layer.name).split(", ")[0]
                if parts and parts[-1][0] == part:
                    parts[-1] = (part, parts[-1][1], rect.right())
                else:
                    parts.append((part, rect.left(), rect.right()))
            for part, left, right in parts:
                if right - left >= metrics.height():
                    room = area.height() - 6
                    spots.append((_shortened(metrics, part, room), (left + right) / 2, area.bottom() - 3, room,
                                  False))
        return [spot for spot in spots if spot[0]]

    def _draw_names(self, painter: QPainter, rects: list[QRectF], area: QRectF, line: int) -> None:  # noqa: ARG002
        painter.save()
        painter.setFont(self._name_font())
        for text, x, foot, _room, inside in self.name_spots():
            painter.setPen(Qt.GlobalColor.white if inside else _AXIS)
            self._upright(painter, x, foot, text)
        painter.restore()

    def _upright(self, painter: QPainter, x: float, bottom: float, text: str) -> None:
        painter.save()
        painter.translate(x + painter.fontMetrics().ascent() / 2 - 1, bottom)
        painter.rotate(-90)
        self.painted.draw_at(painter, QPointF(0, 0), text)
        painter.restore()

    def _draw_scale(self, painter: QPainter, area: QRectF, line: int) -> None:
        low, high = self._decades()
        for power in range(low, high + 1):
            y = area.bottom() - area.height() * (power - low) / (high - low)
            painter.setPen(QPen(QColor("#dee2e6"), 1))
            painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
            painter.setPen(_AXIS)
            self.painted.draw(painter, QRectF(area.left() - line * 3.2, y - line, line * 3, line * 2),
                              Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                              rounded(10**power).replace(".0", ""))
        painter.setPen(QPen(_AXIS, 1.5))
        painter.drawLine(area.bottomLeft(), area.bottomRight())

    def _draw_texts(self, painter: QPainter, area: QRectF, line: int) -> None:
        painter.setPen(_AXIS)
        painter.save()  # the axis title, upright along the left edge
        painter.translate(line * 0.2, area.center().y())
        painter.rotate(-90)
        self.painted.draw(painter, QRectF(-area.height() / 2, 0, area.height(), line * 1.2),
                          Qt.AlignmentFlag.AlignCenter, self.texts["axis"])
        painter.restore()
        below = QRectF(area.left(), area.bottom() + line * 0.4, area.width(), line * 1.4)
        self.painted.draw(painter, below, Qt.AlignmentFlag.AlignLeft, "← " + self.texts["input"])
        self.painted.draw(painter, below, Qt.AlignmentFlag.AlignRight, self.texts["output"] + " →")
        legend = QFont(self.font())
        legend.setBold(True)
        painter.setFont(legend)
        x = area.left()
        for key, colour in (("frozen", _FROZEN), ("trained", _TRAINED)):
            painter.fillRect(QRectF(x, line * 0.5, line, line), colour)
            width = painter.fontMetrics().horizontalAdvance(self.texts[key])
            self.painted.draw(painter, QRectF(x + line * 1.4, line * 0.35, width + 4, line * 1.3),
                              Qt.AlignmentFlag.AlignVCenter, self.texts[key])
            x += line * 3 + width

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        point = event.position()
        for rect, layer in zip(self.bar_rects(), self.plan.layers if self.plan else (), strict=False):
            if rect.left() <= point.x() <= rect.right():
                names = ", ".join((layer.name, *layer.followers))
                QToolTip.showText(event.globalPosition().toPoint(),
                                  f"{layer.paper_name or layer.name} ({names}): {exact(layer.params)}", self)
                return
        QToolTip.hideText()


class TransferLearningView(LanguageAware, QWidget):
    """The section's page: a pretrained network, the three cases, and what each trains."""

    train_requested = Signal(str, str)  # model, case: set the training panel up for this run

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = bridge.client(self)
        self._analyses: dict[str, object] = {}
        self._asked = False
        self.header = PageHeader(self)
        self.model_combo = QComboBox(self)
        self.model_combo.setFont(scaled_font(self, 1.2))
        for name in trainable_models():
            if has_pretrained_source(name):
                self.model_combo.addItem(get_info(name).title, name)
        self.model_combo.setCurrentIndex(max(0, self.model_combo.findData(_DEFAULT_MODEL)))
        self.model_combo.currentIndexChanged.connect(self._on_model_changed)
        self.model_label = QLabel(self)
        self.model_label.setFont(scaled_font(self, 1.2))
        self.classes_label = QLabel(self)
        self.classes_label.setFont(scaled_font(self, 1.1))
        self.classes_box = QSpinBox(self)
        self.classes_box.setRange(2, 1000)
        self.classes_box.setValue(10)  # CIFAR-10 and the digits, the data sets the training panel offers
        self.classes_box.setFont(scaled_font(self, 1.1))
        self.classes_box.valueChanged.connect(lambda _: self._show_plan())
        self.source_label = text_label(self, 1.05)
        self.weights_label = text_label(self, 1.1)

        self.case_group = QButtonGroup(self)
        self.case_buttons, self.case_texts = [], []
        cases = QHBoxLayout()
        for index, _case in enumerate(CASES):
            button = QPushButton(self)
            button.setCheckable(True)
            button.setFont(scaled_font(self, 1.25, bold=True))
            button.setMinimumHeight(44)
            button.setStyleSheet(_CASE_STYLE)
            self.case_group.addButton(button, index)
            explanation = text_label(self, 1.15)
            explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            column = QVBoxLayout()
            column.addWidget(button)
            column.addWidget(explanation, 1)
            cases.addLayout(column, 1)
            self.case_buttons.append(button)
            self.case_texts.append(explanation)
        self.case_buttons[0].setChecked(True)
        self.case_group.idClicked.connect(lambda _: self._show_plan())

        self.strip = LayerStrip(self)
        self.figures = text_label(self, 1.3, bold=True)
        self.train_button = QPushButton(self)
        self.train_button.setFont(scaled_font(self, 1.2, bold=True))
        self.train_button.setMinimumHeight(44)
        self.train_button.clicked.connect(
            lambda: self.train_requested.emit(self.model_combo.currentData(), self.case()))
        self.train_note = text_label(self, 1.05)

        chooser = QHBoxLayout()
        chooser.addWidget(self.model_label)
        chooser.addWidget(self.model_combo)
        chooser.addWidget(self.classes_label)
        chooser.addWidget(self.classes_box)
        chooser.addWidget(self.weights_label, 1)
        action = QHBoxLayout()
        action.addWidget(self.train_button)
        action.addWidget(self.train_note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(chooser)
        layout.addWidget(self.source_label)
        layout.addLayout(cases)
        layout.addWidget(self.strip, 1)
        layout.addWidget(self.figures)
        layout.addLayout(action)
        self.retranslate()

    def case(self) -> str:
        return CASES[max(0, self.case_group.checkedId())]

    def select(self, model: str, case: str) -> None:
        """Show ``case`` (one of ``CASES``) on ``model`` (a zoo name offered in the model list)."""
        self.case_buttons[CASES.index(case)].setChecked(True)
        self.model_combo.setCurrentIndex(self.model_combo.findData(get_info(model).name))
        self._show_plan()

    def plan(self) -> TransferPlan | None:
        analysis = self._analyses.get(self.model_combo.currentData())
        return plan_of(analysis, self.case(), self.classes_box.value()) if analysis is not None else None

    # ------------------------------------------------------------ engine

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._asked:  # the analysis is asked for when the page is first seen, not at start-up
            self._asked = True
            self._ask()
        super().showEvent(event)

    def _ask(self) -> None:
        name = self.model_combo.currentData()
        if name not in self._analyses:
            self._engine.submit(ev.Analyze(name), {ev.AnalysisReady: self._on_analysis_ready})

    def _on_analysis_ready(self, event: ev.AnalysisReady) -> None:
        self._analyses[event.model] = event.analysis
        self._show_plan()

    def _on_model_changed(self) -> None:
        self._ask()
        self._show_plan()

    # ------------------------------------------------------------ showing

    def _show_plan(self) -> None:
        plan = self.plan()
        self.strip.set_plan(plan)
        name = self.model_combo.currentData()
        title = get_info(name).title
        self.source_label.setText(self._source_text(name, plan))
        if plan is None:
            self.figures.setText(self.tr("Counting the layers of {model}…").format(model=title))
        else:
            trained = sum(not layer.frozen for layer in plan.layers)
            self.figures.setText(self.tr(
                "Trained: {trained} of {total} parameters ({share}), in {layers} of {count} layers. "
                "Frozen: {frozen} parameters.").format(
                trained=exact(plan.trained_params), total=exact(plan.params),
                share=_percent(100 * plan.trained_params / plan.params), layers=trained,
                count=len(plan.layers), frozen=exact(plan.params - plan.trained_params)))
        on_disk = pretrained_on_disk(name) if name in self._analyses else None
        if on_disk is None:
            self.weights_label.clear()
        elif on_disk:
            self.weights_label.setText(self.tr("The pretrained weights of {model} are on this computer.").format(
                model=title))
        else:
            self.weights_label.setText(self.tr(
                "The pretrained weights of {model} are not on this computer: download them once (online) on "
                "its feature-map page; until then a run from them is refused.").format(model=title))
        self.weights_label.setStyleSheet(GOOD_STYLE if on_disk else NOTICE_STYLE if on_disk is False else "")
        self.weights_label.setVisible(on_disk is not None)

    def _source_text(self, name: str, plan: TransferPlan | None) -> str:
        """What the pretrained network was trained on, and the classifier it came with and the run's."""
        source = (self.tr("the UCI handwritten digits (shipped with the app)") if name in SHIPPED_FILES
                  else self.tr("ImageNet (torchvision's published weights)"))
        if plan is None:
            return self.tr("Pretrained on {source}.").format(source=source)
        came_with = plan.layers[-1]
        pretrained = next(r for r in reversed(self._analyses[name].rows) if r.kind == "linear").output_shape[-1]
        return self.tr(
            "Pretrained on {source}, with a {pretrained}-way classifier ({head} parameters). Training replaces "
            "it with a new {classes}-way classifier ({new} parameters), counted below.").format(
            source=source, pretrained=exact(pretrained),
            head=exact(plan.pretrained_head), classes=plan.classes, new=exact(came_with.params))

    def retranslate(self) -> None:
        self.header.set_texts(self.tr("Transfer learning"),
                              self.tr("Start from a network someone has already trained; how much of it to "
                                      "retrain depends on how much data you have."))
        self.model_label.setText(self.tr("Pretrained network:"))
        self.classes_label.setText(self.tr("Classes in your data:"))
        titles = (self.tr("Case 1: little data"), self.tr("Case 2: more data"), self.tr("Case 3: lots of data"))
        texts = (
            self.tr("Freeze every pretrained layer and train only a new classifier (softmax) on top."),
            self.tr("Freeze the early layers (generic edges and textures) and retrain the later ones "
                    "with the new classifier: here the first half of the network's depth stays frozen, cut "
                    "between the paper's parts (a whole Inception module or ResNet stage on one side)."),
            self.tr("Use the pretrained weights as the starting point and fine-tune the whole network."),
        )
        for button, explanation, title, body in zip(self.case_buttons, self.case_texts, titles, texts, strict=True):
            button.setText(title)
            explanation.setText(body)
        self.strip.texts = {"frozen": self.tr("frozen: kept as pretrained"), "trained": self.tr("trained"),
                            "axis": self.tr("parameters (log scale)"), "input": self.tr("input"),
                            "output": self.tr("new classifier")}
        self.strip.updateGeometry()  # its axis title sets its height
        self.strip.update()
        self.train_button.setText(self.tr("Train this case…"))
        self.train_note.setText(self.tr(
            "Opens the training panel set up for this network and case: choose the data there (your own "
            "image folder, one subfolder per class, or CIFAR-10) and press Start."))
        self._show_plan()
