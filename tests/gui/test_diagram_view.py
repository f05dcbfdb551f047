"""The diagram view, its details panel, the model page around it and `render diagram` (offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from engine.models.analysis import analyze
from engine.runtime.events import AnalysisReady, Analyze, ZooEntry
from gui.diagram.view import DiagramView, LayerDetailsView
from gui.pages.model_page import ModelPageView, counterpart_of
from main import main


def _view(qtbot, name: str, collapsed=None) -> DiagramView:
    view = DiagramView()
    qtbot.addWidget(view)
    view.resize(1200, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_analysis(analyze(name), collapsed)
    return view


def _row(name: str, analysis) -> int:
    return next(r.index for r in analysis.rows if r.name == name)


def _click(qtbot, view: DiagramView, scene_point: QPointF) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_point))


def test_clicking_a_volume_selects_its_layer(qtbot):
    view = _view(qtbot, "lenet5")
    node = next(n for n in view.diagram().nodes if n.title == "conv 5×5")
    with qtbot.waitSignal(view.layer_selected) as blocker:
        _click(qtbot, view, QPointF(node.x, node.y))
    assert blocker.args == [node.row] and view.selected_layer() == node.row


def test_hovering_a_volume_shows_the_full_rows_it_draws(qtbot):
    view = _view(qtbot, "alexnet2012")
    node = view.diagram().node_of_row(1)
    tip = next(i.toolTip() for i in view.items(view.mapFromScene(QPointF(node.x, node.y))) if i.toolTip())
    for text in ("conv1", "Conv2d", "227×227×3", "55×55×96", "11×11", "4×4", "34,944", "105,415,200", "relu1"):
        assert text in tip


def test_arrow_keys_step_through_the_layers_in_order(qtbot):
    view = _view(qtbot, "lenet5")
    nodes = view.diagram().nodes
    view.select_layer(nodes[2].row)
    selected = []
    view.layer_selected.connect(selected.append)
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Left):
        qtbot.keyClick(view, key)
    assert selected == [nodes[3].row, nodes[2].row, nodes[1].row]
    assert view.selected_layer() == nodes[1].row


def test_groups_expand_on_click_and_collapse_from_their_title(qtbot):
    view = _view(qtbot, "resnet18", collapsed=frozenset({"layer1", "layer2", "layer3", "layer4"}))
    stage = next(n for n in view.diagram().nodes if n.title == "conv3_x")
    with qtbot.waitSignal(view.collapsed_changed):
        _click(qtbot, view, QPointF(stage.x, stage.y))
    assert "layer2" not in view.collapsed()
    frame = next(f for f in view.diagram().frames if f.group == "layer2")  # the first band's part
    view.fit_to_window()
    _click(qtbot, view, QPointF(frame.rect[0] + 30, frame.rect[1] + 8))
    assert "layer2" in view.collapsed()


def test_selecting_a_hidden_layer_expands_the_groups_around_it(qtbot):
    analysis = analyze("resnet18")
    view = _view(qtbot, "resnet18", collapsed=frozenset({"layer1", "layer2", "layer3", "layer4"}))
    row = _row("layer3.1.conv2", analysis)
    view.select_layer(row)
    assert not {"layer3", "layer3.1"} & view.collapsed()
    assert view.diagram().node_of_row(row).kind == "conv" and view.selected_layer() == row


def test_wheel_zooms_and_fit_brings_the_whole_drawing_back(qtbot):
    view = _view(qtbot, "vgg16")
    fitted = view.transform().m11()
    centre = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.transform().m11() > fitted * 1.3
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert view.transform().m11() == fitted


def test_export_png_at_scale_with_a_transparent_background_and_svg(qtbot, tmp_path):
    view = _view(qtbot, "alexnet2012")
    one, two = tmp_path / "one.png", tmp_path / "two.png"
    view.export_image(one, 1.0)
    view.export_image(two, 2.0, transparent=True)
    small, large = QImage(str(one)), QImage(str(two))
    assert abs(large.width() - 2 * small.width()) <= 2 and abs(large.height() - 2 * small.height()) <= 2
    assert small.pixelColor(1, 1).alpha() == 255 and large.pixelColor(1, 1).alpha() == 0
    svg = tmp_path / "alexnet.svg"
    view.export_image(svg)
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "55×55×96" in text


def test_details_work_the_numbers_out(qtbot):
    analysis = analyze("alexnet2012")
    details = LayerDetailsView()
    qtbot.addWidget(details)
    details.show_layer(analysis, _row("conv1", analysis))
    steps = details.text.text().replace("&nbsp;", " ")
    assert "⌊(n + 2p − f)/s⌋ + 1<br>  = ⌊(227 + 2×0 − 11)/4⌋ + 1<br>  = 55" in steps
    assert "(f×f×C_in + 1)×C_out<br>  = (11×11×3 + 1)×96<br>  = 34,944" in steps
    assert "(H×W×C_out)×(f×f×C_in)<br>  = (55×55×96)×(11×11×3)<br>  = 105,415,200" in steps
    details.show_layer(analysis, _row("fc6", analysis))
    assert "(9216 + 1)×4096<br>&nbsp;&nbsp;= 37,752,832" in details.text.text()
    googlenet = analyze("googlenet")
    details.show_layer(googlenet, _row("maxpool1", googlenet))  # ceil_mode: the size rounds up
    assert "⌈(112 + 2×0 − 3)/2⌉ + 1<br>&nbsp;&nbsp;= 56" in details.text.text()
    resnet = analyze("resnet18")
    details.show_layer(resnet, _row("layer1.0.conv1", resnet))
    assert "3×3×64×64<br>&nbsp;&nbsp;= 36,864 (no bias)" in details.text.text()
    details.show_layer(None, None)
    assert "Select a layer" in details.text.text()


def _entry(name: str, title: str, shape=(3, 32, 32)) -> ZooEntry:
    return ZooEntry(name=name, title=title, section="resnet", year=2015, input_shape=shape, paper_depth=20,
                    weighted_modules=20, params=1,
                    macs=1, top1=None, authors="K. He", paper="Deep Residual Learning", ideas_en=("a",),
                    ideas_ko=("가",))


def test_counterparts_pair_cifar_plain_and_residual_networks_of_the_same_depth():
    assert counterpart_of("plain20", (3, 32, 32)) == "resnet20"
    assert counterpart_of("resnet110", (3, 32, 32)) == "plain110"
    assert counterpart_of("resnet50", (3, 224, 224)) is None
    assert counterpart_of("resnet21", (3, 32, 32)) is None


def test_resnet_page_draws_plain_and_residual_together_and_links_selection(qtbot, recording_bridge):
    page = ModelPageView("resnet", recording_bridge)
    qtbot.addWidget(page)
    page.resize(1600, 1000)
    page.show()
    page.set_entries([_entry("resnet18", "ResNet-18", (3, 224, 224)), _entry("plain20", "Plain-20"),
                      _entry("resnet20", "ResNet-20")])
    page.variant_combo.setCurrentIndex(1)
    assert [r.model for r in recording_bridge.requests if isinstance(r, Analyze)] == [
        "resnet18", "plain20", "resnet20"]
    plain, residual = analyze("plain20"), analyze("resnet20")
    page.set_analysis(AnalysisReady("plain20", (3, 32, 32), plain))
    page.set_analysis(AnalysisReady("resnet20", (3, 32, 32), residual))
    assert page.counterpart_diagram.isVisibleTo(page) and page.counterpart_diagram.diagram().arcs
    assert not page.diagram.diagram().arcs
    assert page.diagram.collapsed() == page.counterpart_diagram.collapsed()
    assert page.diagram.transform().m11() == page.counterpart_diagram.transform().m11()

    page.table.selectRow(_row("layer2.0.conv1", plain))  # table -> both diagrams and the details
    assert page.diagram.selected_layer() == _row("layer2.0.conv1", plain)
    assert page.counterpart_diagram.selected_layer() == _row("layer2.0.conv1", residual)
    assert "layer2.0.conv1" in page.details.text.text()
    page.counterpart_diagram.layer_selected.emit(_row("layer3.2.conv2", residual))  # residual -> plain, table
    assert page.table.currentIndex().row() == _row("layer3.2.conv2", plain)

    page.variant_combo.setCurrentIndex(0)
    assert not page.counterpart_diagram.isVisibleTo(page) and page.counterpart_model() is None


def test_render_diagram_writes_png_and_svg(tmp_path, capsys):
    png, svg = tmp_path / "resnet50.png", tmp_path / "lenet5.svg"
    assert main(["render", "diagram", "--model", "resnet50", "--collapsed", "--scale", "0.5", "--out",
                 str(png)]) == 0
    assert main(["render", "diagram", "--model", "lenet5", "--out", str(svg)]) == 0
    assert QImage(str(png)).width() > 300 and "<svg" in svg.read_text(encoding="utf-8")


def test_render_diagram_refuses_bad_input_with_one_line_and_status_2(tmp_path, capsys):
    cases = [["--model", "resnet9000", "--out", str(tmp_path / "x.png")],
             ["--model", "lenet5", "--out", str(tmp_path / "missing" / "x.png")],
             ["--out", str(tmp_path / "x.png")],
             ["--model", "lenet5", "--scale", "50", "--out", str(tmp_path / "x.png")]]
    for extra in cases:
        assert main(["render", "diagram", *extra]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("main.py: "), err
    assert not list(tmp_path.iterdir())


def _arc_crossings(view: DiagramView) -> list[str]:
    """Texts an arc's segment runs through: a group's title is drawn bold, and was measured plain."""
    from PySide6.QtCore import QRectF
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    texts = [(item.text(), item.sceneBoundingRect().adjusted(1, 1, -1, -1)) for item in view.scene().items()
             if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible() and item.text().strip()]
    crossings = []
    for arc in view.diagram().arcs:
        for (x0, y0), (x1, y1) in zip(arc.points, arc.points[1:], strict=False):
            segment = QRectF(QPointF(min(x0, x1), min(y0, y1)), QPointF(max(x0, x1), max(y0, y1)))
            segment = segment.adjusted(-0.5, -0.5, 0.5, 0.5)  # a line has no width; its pen has
            crossings += [f"{arc.dst} through {text!r}" for text, rect in texts if rect.intersects(segment)]
    return crossings


def test_skip_arcs_run_beside_the_block_labels_not_through_them(qtbot):
    for name in ("resnet20", "resnet18", "resnet56"):
        view = _view(qtbot, name)
        assert _arc_crossings(view) == [], name


def test_a_resnets_stages_and_blocks_are_named_in_the_interfaces_language(qtbot):
    """In Korean the ResNet-20 and ResNet-18 diagrams said "stage 1" and "block 1" (the engine names He et
    al.'s parts in English); they read "1단계" and "블록 1" now, and conv2_x keeps the paper's own name."""
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    from gui.i18n import set_language

    def texts(view: DiagramView) -> set[str]:
        return {item.text() for item in view.scene().items()
                if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible()}

    set_language("ko")
    try:
        small, large = _view(qtbot, "resnet20"), _view(qtbot, "resnet18")
        shown = " | ".join(texts(small))  # a title is drawn with its fold mark and its note: "▾ 1단계"
        assert all(word in shown for word in ("1단계", "3단계", "블록 1 · 층 2개", "블록 3")), shown
        assert all(word in " | ".join(texts(large)) for word in ("conv2_x", "블록 1", "블록 2"))
        assert not [t for t in texts(small) | texts(large) if "block" in t or "stage" in t]
        assert _arc_crossings(small) == [] and _arc_crossings(large) == []  # Korean titles are measured too
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: all(w in " | ".join(texts(small)) for w in ("stage 1", "block 1")))  # in English


def _arc_leg_clearance(view: DiagramView) -> float:
    """The least horizontal room, in scene units, between an arc's upright leg and a text beside it."""
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    texts = [item.sceneBoundingRect() for item in view.scene().items()
             if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible() and item.text().strip()]
    least = float("inf")
    for arc in view.diagram().arcs:
        for (x0, y0), (x1, y1) in zip(arc.points, arc.points[1:], strict=False):
            if abs(x0 - x1) > 0.5:
                continue
            low, high = min(y0, y1), max(y0, y1)
            for rect in texts:
                if rect.bottom() > low and rect.top() < high:
                    least = min(least, rect.left() - x0 if rect.left() >= x0 else x0 - rect.right())
    return least


def test_skip_arcs_legs_keep_clear_of_the_block_labels(qtbot):
    """In a compact stage (ResNet-20's third) an arc's leg ran about 9 scene units from the block labels on
    either side (half the gap between slots); the gap where a leg runs is wider now."""
    for name in ("resnet20", "resnet18", "resnet56"):
        view = _view(qtbot, name)
        assert _arc_leg_clearance(view) >= 14, (name, _arc_leg_clearance(view))
        assert _arc_crossings(view) == [], name
