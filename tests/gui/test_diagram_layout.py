"""The diagram's layout, from the real analysis of each zoo model (no Qt): order, labels, arcs, lanes, groups."""

from __future__ import annotations

import itertools

import pytest

from engine.models.analysis import Edge, LayerInfo, analyze
from gui.diagram.layout import (
    TextMetrics,
    build_structure,
    collapse_levels,
    default_collapsed,
    fit_scale,
    lay_out,
    lay_out_to_fit,
    op_title,
    volume_size,
)

# A projector page's diagram area at 1920×1080 (less the legend), as the view lays out for.
PAGE = (1600.0, 430.0)


def _structure(name: str):
    analysis = analyze(name)
    return analysis, build_structure(analysis.rows, analysis.edges)


def _main_nodes(diagram):
    return [n for n in diagram.nodes if not n.on_arc]


def _overlapping(diagram) -> list[tuple[str, str]]:
    def apart(a, b) -> bool:
        return a[2] <= b[0] + 0.01 or b[2] <= a[0] + 0.01 or a[3] <= b[1] + 0.01 or b[3] <= a[1] + 0.01

    return [(m.key, n.key) for m, n in itertools.combinations(diagram.nodes, 2) if not apart(m.rect, n.rect)]


def test_lenet5_boxes_run_left_to_right_in_forward_order_with_their_shapes():
    _, structure = _structure("lenet5")
    nodes = _main_nodes(lay_out(structure))
    assert [n.x for n in nodes] == sorted(n.x for n in nodes) and len({n.x for n in nodes}) == len(nodes)
    assert [n.row for n in nodes] == sorted(n.row for n in nodes)
    assert [n.shape for n in nodes] == ["32×32×1", "28×28×6", "14×14×6", "10×10×16", "5×5×16", "400", "120",
                                        "84", "10"]
    assert [n.title for n in nodes] == ["input", "conv 5×5", "avg pool 2×2, s=2", "conv 5×5", "avg pool 2×2, s=2",
                                        "flatten", "fc 120", "fc 84", "fc 10"]
    assert nodes[1].notes == ("tanh",)  # the activation is folded into its layer and named
    assert len({n.y for n in nodes}) == 1


def test_alexnet_labels_read_as_on_the_slides():
    analysis, structure = _structure("alexnet2012")
    labels = {(n.title, n.shape) for n in lay_out(structure).nodes}
    assert {("conv 11×11, s=4", "55×55×96"), ("max pool 3×3, s=2", "27×27×96"), ("fc 4096", "4096"),
            ("LRN", "55×55×96")} <= labels
    conv1 = lay_out(structure).node_of_row(next(r.index for r in analysis.rows if r.name == "conv1"))
    assert conv1.notes == ("ReLU",) and conv1.title_lines == ("conv1", "conv 11×11", "s=4")
    assert conv1.label == "conv1"  # the paper's name first, above the operation


def test_paper_names_title_the_boxes_and_frames():
    _, structure = _structure("vgg16")
    labels = [n.label for n in lay_out(structure).nodes if n.label]
    assert labels[:3] == ["conv1_1", "conv1_2", "pool1"] and labels[-3:] == ["fc6", "fc7", "fc8"]
    _, structure = _structure("resnet18")
    frames = {f.title for f in lay_out(structure).frames}
    assert {"conv2_x", "conv5_x", "block 1", "block 2"} <= frames and not any("layer" in t for t in frames)


@pytest.mark.parametrize(("name", "blocks"), [("resnet18", 8), ("resnet20", 9), ("resnet50", 16),
                                              ("resnet34", 16), ("plain20", 0)])
def test_one_skip_arc_per_residual_block(name, blocks):
    _, structure = _structure(name)
    diagram = lay_out(structure)
    assert len(structure.shortcuts) == len(diagram.arcs) == blocks
    assert all(diagram.node(arc.dst).kind == "add" for arc in diagram.arcs)
    for arc in diagram.arcs:  # up, across above what it bypasses, down onto the addition
        (x0, y0), (_, peak), (x1, _), (_, y1) = arc.points
        bypassed = [n for n in diagram.nodes if x0 < n.x < x1 and not n.on_arc and n.key != arc.dst]
        assert bypassed and all(peak < n.rect[1] for n in bypassed)


@pytest.mark.parametrize(("name", "changed"), [
    ("resnet18", {"layer2.0.add", "layer3.0.add", "layer4.0.add"}),
    ("resnet50", {"layer1.0.add", "layer2.0.add", "layer3.0.add", "layer4.0.add"}),
    ("resnet20", {"layer2.0.add", "layer3.0.add"}),
])
def test_shortcuts_change_style_exactly_where_the_shape_changes(name, changed):
    analysis, structure = _structure(name)
    rows = analysis.rows
    marked = set()
    for cut in structure.shortcuts:
        fork_shape = rows[structure.boxes[cut.fork].rows[-1]].output_shape
        add = rows[structure.boxes[cut.add].row]
        assert (cut.kind != "identity") == (fork_shape != add.output_shape)
        if cut.kind != "identity":
            marked.add(add.name)
    assert marked == changed
    kinds = {cut.kind for cut in structure.shortcuts if cut.kind != "identity"}
    assert kinds == ({"padded"} if name == "resnet20" else {"projection"})  # option A pads, option B projects


def test_a_projection_is_drawn_on_its_arc_as_the_1x1_convolution():
    _, structure = _structure("resnet18")
    diagram = lay_out(structure)
    projections = [arc for arc in diagram.arcs if arc.kind == "projection"]
    assert len(projections) == 3
    for arc in projections:
        (tag,) = (diagram.node(k) for k in arc.via)
        assert tag.on_arc and tag.title == "conv 1×1, s=2" and tag.notes == ("BN",)
        assert tag.y == pytest.approx(arc.points[1][1])


def test_googlenet_first_inception_module_has_four_branches_into_one_concatenation():
    analysis, structure = _structure("googlenet")
    diagram = lay_out(structure)
    index = {row.name: row.index for row in analysis.rows}
    concat = diagram.node_of_row(index["inception3a.cat"])
    fork = diagram.node_of_row(index["maxpool2"])
    into = [link for link in diagram.links if link.dst == concat.key]
    out = [link for link in diagram.links if link.src == fork.key]
    assert concat.kind == "concat" and concat.shape == "28×28×256"
    assert len(into) == 4 and len(out) == 4
    firsts = [diagram.node(link.dst) for link in out]
    lasts = [diagram.node(link.src) for link in into]
    assert [n.title for n in firsts] == ["conv 1×1", "conv 1×1", "conv 1×1", "max pool 3×3"]
    assert len({n.y for n in firsts}) == 4  # side by side, one lane each
    assert all(fork.x < n.x < concat.x for n in firsts + lasts)
    assert {n.y for n in lasts} == {n.y for n in firsts}


def test_collapsed_resnet50_has_one_group_per_stage_and_fits_the_window():
    _, structure = _structure("resnet50")
    diagram = lay_out(structure, collapse_levels(structure)[-1])
    groups = [n for n in diagram.nodes if n.kind == "group"]
    assert [n.title for n in groups] == ["conv2_x", "conv3_x", "conv4_x", "conv5_x"]
    assert [n.notes for n in groups] == [("3 blocks",), ("4 blocks",), ("6 blocks",), ("3 blocks",)]
    assert [n.shape for n in groups] == ["56×56×256", "28×28×512", "14×14×1024", "7×7×2048"]
    assert not diagram.arcs and len(diagram.nodes) == 10
    assert fit_scale(lay_out_to_fit(structure, PAGE, collapse_levels(structure)[-1]), PAGE) >= 1.0


def test_collapsed_googlenet_fits_the_window():
    _, structure = _structure("googlenet")
    collapsed = collapse_levels(structure)[-1]
    diagram = lay_out_to_fit(structure, PAGE, collapsed)
    assert [n.title for n in diagram.nodes if n.kind == "group"] == [
        f"inception ({m})" for m in ("3a", "3b", "4a", "4b", "4c", "4d", "4e", "5a", "5b")]
    assert {n.notes for n in diagram.nodes if n.kind == "group"} == {("4 branches",)}
    assert fit_scale(diagram, PAGE) >= 0.8


def test_resnet_collapses_layers_then_blocks_then_stages():
    _, structure = _structure("resnet18")
    expanded, blocks, stages = (lay_out(structure, level) for level in collapse_levels(structure))
    assert len(expanded.frames) == 12 and len(expanded.arcs) == 8
    assert [n.title for n in blocks.nodes if n.kind == "group"] == [
        f"block {b}" for s in range(1, 5) for b in (1, 2)]  # inside the frames conv2_x ... conv5_x
    assert len(blocks.arcs) == 8 and len(blocks.frames) == 4  # each block keeps its arc, over its volume
    assert sum(arc.kind == "projection" for arc in blocks.arcs) == 3
    assert not stages.arcs and not stages.frames


def test_vgg16_stages_end_at_their_pooling_layer():
    analysis, structure = _structure("vgg16")
    stages = [g for g in structure.groups if g.stage]
    assert [g.stage for g in stages] == [1, 2, 3, 4, 5]
    assert [g.weighted for g in stages] == [2, 2, 3, 3, 3]
    assert all(structure.boxes[g.boxes[-1]].kind == "pool" for g in stages)
    assert [n.title for n in lay_out(structure, frozenset(g.id for g in stages)).nodes if n.kind == "group"] == [
        f"stage {k}" for k in range(1, 6)]


def test_a_block_with_a_projection_counts_the_papers_two_layers():
    _, structure = _structure("resnet18")
    blocks = {g.name: g for g in structure.groups}
    assert blocks["layer2.0"].weighted == blocks["layer2.1"].weighted == 2  # the 1×1 projection is beside them


def test_default_level_is_the_most_expanded_that_reads_on_a_projector():
    _, vgg = _structure("vgg16")
    _, resnet50 = _structure("resnet50")
    assert default_collapsed(vgg, PAGE) == frozenset()
    assert default_collapsed(resnet50, PAGE) != frozenset()


@pytest.mark.parametrize("name", ["resnet18", "googlenet", "vgg16"])
def test_wrapped_bands_stack_without_overlap_and_arcs_stay_in_their_band(name):
    _, structure = _structure(name)
    diagram = lay_out(structure, bands=2)
    assert diagram.bands == 2
    assert not _overlapping(diagram)
    for arc in diagram.arcs:
        band = diagram.node(arc.dst).band
        same = [n.rect for n in diagram.nodes if n.band == band]
        assert min(r[1] for r in same) - 60 < min(y for _, y in arc.points)
        assert max(y for _, y in arc.points) <= max(r[3] for r in same)
    wraps = [link for link in diagram.links if link.kind == "wrap"]
    assert len(wraps) == 1 and diagram.node(wraps[0].src).band == 0 and diagram.node(wraps[0].dst).band == 1


@pytest.mark.parametrize("name", ["lenet5", "alexnet2012", "vgg16", "resnet18", "resnet50", "googlenet",
                                  "inception_module", "nin_block"])
def test_no_two_nodes_overlap_at_any_level(name):
    _, structure = _structure(name)
    for collapsed in collapse_levels(structure):
        diagram = lay_out(structure, collapsed)
        assert not _overlapping(diagram), (name, sorted(collapsed))
        assert {r for n in diagram.nodes for r in n.rows} <= set(range(len(structure.rows)))


def _row(index: int, kind: str = "conv") -> LayerInfo:
    return LayerInfo(index=index, name="input" if index == 0 else f"layer{index}", kind="input" if index == 0
                     else kind, op="Conv2d", input_shape=(8, 8, 8), output_shape=(8, 8, 8), kernel=(3, 3),
                     stride=(1, 1), padding=(1, 1), groups=1, params=584, trainable=584, macs=36864)


def test_a_graph_of_crossing_branches_falls_back_to_one_line_with_arcs():
    rows = [_row(i) for i in range(6)]
    pairs = [(0, 1), (0, 2), (1, 3), (2, 3), (1, 4), (2, 4), (3, 5), (4, 5)]
    edges = [Edge(a, b, "branch" if a in (0, 1, 2) else "sequence") for a, b in pairs]
    diagram = lay_out(build_structure(rows, edges))
    assert [n.row for n in diagram.nodes] == list(range(6))
    assert len({n.y for n in diagram.nodes}) == 1
    drawn = {(link.src, link.dst) for link in diagram.links} | {(a.src, a.dst) for a in diagram.arcs}
    assert drawn == {(f"b{a}", f"b{b}") for a, b in pairs}
    assert not _overlapping(diagram)


def test_volumes_grow_with_channels_and_spatial_size_on_readable_scales():
    assert volume_size((512, 7, 7))[0] > volume_size((64, 7, 7))[0]
    assert volume_size((64, 224, 224))[1] > volume_size((64, 7, 7))[1] > 35
    assert volume_size((64, 224, 224))[1] < 130 and volume_size((4096,))[1] > volume_size((10,))[1]


def test_pool_titles_name_global_and_adaptive_pooling():
    analysis = analyze("vgg16")
    avgpool = next(r for r in analysis.rows if r.name == "avgpool")
    assert op_title(avgpool) == "avg pool → 7×7"
    assert op_title(next(r for r in analyze("resnet18").rows if r.name == "avgpool")) == "global avg pool"


def test_text_metrics_measure_hangul_wider_than_latin():
    metrics = TextMetrics()
    assert metrics.width("합성곱") > metrics.width("abc")
