"""Each breakage the class would see, written as a one-line mutation of the app, fails a display check.

Issue 20 found seven such breakages (and grouped convolutions counted whole) that passed the whole suite. Each is
applied here to the running code for one test (tests/breakage_tools.py: the function's source with one line
changed, put in place with monkeypatch), and the check of what that view shows (tests/display_checks.py) must
then fail. The same checks pass on the real code in tests/gui/test_displayed.py.
"""

from __future__ import annotations

import functools

import display_checks
import display_checks_more
import display_checks_pages
import pytest
from breakage_tools import Mutation, apply

from engine.inspection import cost
from engine.models import analysis

BREAKAGES = [
    (Mutation("gui.widgets.layer_table:LayerTableModel.data",
              '_kernel_text(row), exact(row.params) if row.params else ""',
              '_kernel_text(row), exact(row.macs) if row.macs else ""',
              "1. the layer table shows multiply-adds in its Parameters column"),
     display_checks.check_layer_table),
    (Mutation("gui.widgets.layer_table:LayerTableModel.data",
              'exact(row.macs) if row.macs else "", _field_text(row)',
              'exact(row.params) if row.params else "", _field_text(row)',
              "1. the layer table shows parameters in its Multiply-adds column"),
     display_checks.check_layer_table),
    (Mutation("engine.models.overview:zoo_entry", "macs=analysis.macs", "macs=analysis.params",
              "2. the overview's multiply-adds are the parameter count"),
     display_checks.check_overview),
    (Mutation("gui.feature_maps.view:FeatureMapView._show_cam", "picture = self._cam.cam\n",
              "picture = self._cam.cam * 0\n", "3. the Grad-CAM overlay is all zeros"),
     display_checks.check_grad_cam_overlay),
    (Mutation("gui.feature_maps.view:FeatureMapView._show_cam",
              "self.cam_overlay.setRect(QRectF(0, 0, self._event.crop.shape[1], self._event.crop.shape[0]))",
              "self.cam_overlay.setRect(QRectF(16, 0, self._event.crop.shape[1], self._event.crop.shape[0]))",
              "3. the Grad-CAM overlay is laid beside the picture"),
     display_checks.check_grad_cam_overlay),
    (Mutation("gui.panels.training:TrainingView.retranslate", "self.tr(", "(",
              "4. every self.tr( is gone from the training panel's retranslate"),
     display_checks.check_training_view_korean),
    (Mutation("engine.learning.training:scheduled_learning_rate",
              "return base * 0.1 ** sum(epoch >= milestone for milestone in milestones)", "return base",
              "5. the step schedule stays flat"),
     display_checks.check_step_schedule),
    (Mutation("engine.learning.training:_Session._train_step", 'group["lr"] = lr', "pass",
              "5. the schedule is drawn but the optimiser never gets its rate"),
     display_checks.check_step_schedule),
    (Mutation("gui.pages.cost:_CostChart.set_cost", "self.conv_bar.setOpts(y0=[reduce], height=[conv])",
              "self.conv_bar.setOpts(y0=[reduce], height=[direct - reduce])",
              "6. the bottleneck bar is drawn at the direct convolution's height"),
     display_checks.check_bottleneck_bars),
    (Mutation("gui.pages.augmentation:AugmentationView._on_examples_ready",
              "made = [e.pixels for e in event.examples", "made = [event.original for e in event.examples",
              "7. the augmentation page shows the original in every example slot"),
     display_checks.check_augmentation_examples),
    (Mutation("engine.models.analysis:_macs", "(module.in_channels // module.groups)", "module.in_channels",
              "8. grouped convolutions counted without dividing by the groups"),
     display_checks.check_grouped_layer_table),
]

# The transfer, depth, feature-map and model pages (tests/display_checks_pages.py).
BREAKAGES += [
    (Mutation("gui.pages.transfer:LayerStrip.paintEvent",
              "painter.fillRect(rect, _FROZEN if layer.frozen else _TRAINED)", "painter.fillRect(rect, _TRAINED)",
              "the transfer strip draws every layer as trained"),
     display_checks_pages.check_transfer_bars),
    (Mutation("gui.pages.transfer:LayerStrip.bar_rects",
              "max(math.log10(max(layer.params, 1)) - low, 0.05) / (high - low)",
              "max(layer.params, 1) / 10 ** high", "the transfer bars on a linear scale under a log axis"),
     display_checks_pages.check_transfer_bars),
    (Mutation("engine.learning.transfer:_frozen", "if place[row.index] > half}", "if place[row.index] > 2 * half}",
              "case 2 freezes the whole network instead of its first half"),
     display_checks_pages.check_transfer_bars),
    (Mutation("gui.pages.transfer:TransferLearningView._show_plan", "trained=exact(plan.trained_params),",
              "trained=exact(plan.params - plan.trained_params),",
              "the transfer page's trained count shows the frozen parameters"),
     display_checks_pages.check_transfer_bars),
    (Mutation("gui.pages.depth:DepthView._redraw_now", "100 * run.smoothed)", "100 * run.errors)",
              "the depth page's curves show the raw errors, not the smoothed ones"),
     display_checks_pages.check_depth_plots),
    (Mutation("engine.learning.depth:smooth", "starts = np.maximum(0, ends - window)",
              "starts = np.maximum(0, ends - window + 1)", "the smoothing window one step short"),
     display_checks_pages.check_depth_plots),
    (Mutation("gui.pages.depth:DepthView._draw_depth_plot", 'run.train_error if split == "train"',
              'run.test_error if split == "train"', "the final training errors against depth show the test errors"),
     display_checks_pages.check_depth_plots),
    (Mutation("gui.pages.depth:DepthView._draw_gradients", 'norms = run.gradient_norms[0 if when == "init" else index]',
              "norms = run.gradient_norms[0]", "the thick gradient lines stay at initialisation"),
     display_checks_pages.check_depth_plots),
    (Mutation("gui.pages.depth:DepthView._fill_table", "_percent(run.train_error), _percent(run.test_error)",
              "_percent(run.test_error), _percent(run.test_error)",
              "the depth table's training error column shows the test error"),
     display_checks_pages.check_depth_plots),
    (Mutation("gui.feature_maps.view:FeatureMapView._show_layer", "self.grid.set_maps(layer.maps,",
              "self.grid.set_maps(self._event.layers[1].maps,", "the feature grid shows conv1 whatever the layer"),
     display_checks_pages.check_feature_grid),
    (Mutation("gui.widgets.map_grid:MapGrid.set_maps", "normalised(maps, per_channel, out=cells[:channels])",
              "normalised(maps[::-1], per_channel, out=cells[:channels])", "the feature maps in each other's cells"),
     display_checks_pages.check_feature_grid),
    (Mutation("gui.widgets.map_grid:normalised", "axes = (1, 2) if per_channel else None", "axes = None",
              "the feature maps scaled on the layer's range when each should be on its own"),
     display_checks_pages.check_feature_grid),
    (Mutation("gui.pages.model_page:ModelPageView._show_facts", "({rounded(entry.params)})", "({rounded(entry.macs)})",
              "the fact sheet's rounded parameters are the multiply-adds"),
     display_checks_pages.check_fact_sheets),
    (Mutation("gui.pages.model_page:ModelPageView._show_facts", 'f"{exact(entry.macs)} (',
              'f"{exact(entry.params)} (', "the fact sheet's multiply-adds are the parameter count"),
     display_checks_pages.check_fact_sheets),
    (Mutation("engine.models.analysis:_analysis_of",
              "weighted_modules=sum(kind in WEIGHTED_KINDS for kind in kinds)",
              "weighted_modules=sum(kind == 'conv' for kind in kinds)",
              "the fact sheet counts the convolutions only, not the dense modules"),
     display_checks_pages.check_fact_sheets),
]


# Survivors of `make mutation` that changed what the layer table shows, now killed by its column check.
_TABLE, _COLUMNS = "gui.widgets.layer_table", display_checks_pages.check_layer_table_columns
BREAKAGES += [
    (Mutation(f"{_TABLE}:_kernel_text", 'text += f", s={row.stride[0]}"', 'text = f", s={row.stride[0]}"',
              "the Kernel column loses the kernel's size where a stride is written"), _COLUMNS),
    (Mutation(f"{_TABLE}:_kernel_text", "if row.padding and row.padding != (0, 0):",
              "if row.padding or row.padding != (0, 0):", "the Kernel column writes p=0 on unpadded layers"), _COLUMNS),
    (Mutation(f"{_TABLE}:_kernel_text", 'text = f"{row.kernel[0]}×{row.kernel[1]}"',
              'text = f"{row.kernel[1]}×{row.kernel[1]}"', "a 1×7 kernel shown as 7×7"), _COLUMNS),
    (Mutation(f"{_TABLE}:_field_text", "return str(size[0]) if size[0] == size[1]", "return str(size[0]) if True",
              "a 1×7 receptive field shown as 1"), _COLUMNS),
    (Mutation(f"{_TABLE}:LayerTableModel.data", "row.paper_name or row.name, row.name",
              "row.paper_name and row.name, row.name", "the paper's layer names replaced by torch's"), _COLUMNS),
    (Mutation(f"{_TABLE}:LayerTableModel._field_tooltip", "if row.rf_jump[0] == row.rf_jump[1] else",
              "if row.rf_jump[0] != row.rf_jump[1] else", "the receptive field's tooltip: a jump of 16 as 16×16"),
     _COLUMNS),
    (Mutation("engine.text.numbers:shape_text", '"×".join(str(d) for d in shape)', '"×".join(str(None) for d in shape)',
              "the Output shape column shows None for a vector"), _COLUMNS),
]


# The experiments, the augmentation captions, the training panel's plots, the 1×1 and Inception pages, the diagram
# and the layer table's looks (tests/display_checks_more.py); one experiment each where one shows the breakage.
_VIEW = "gui.experiments.view"


def _experiments(*names):
    return functools.partial(display_checks_more.check_experiment_plots, names=names)


BREAKAGES += [
    (Mutation(f"{_VIEW}:ExperimentView._redraw_now", "line.setData(x, scale * values)", "line.setData(x, values)",
              "the experiment's error curves drawn as fractions under a % axis"), _experiments("activation")),
    (Mutation(f"{_VIEW}:seed_spread", "values.min(axis=0), values.max(axis=0)",
              "values.mean(axis=0), values.max(axis=0)", "the seeds' band starts at their mean, not the lowest"),
     _experiments("activation")),
    (Mutation(f"{_VIEW}:ExperimentView._redraw_now", "x = np.log10(np.maximum(x, 1e-12))",
              "x = np.log2(np.maximum(x, 1e-12))", "the timings drawn at the wrong batch sizes"),
     _experiments("bottleneck-time")),
    (Mutation(f"{_VIEW}:ExperimentView._draw_bars", "highs.append(float(finite.max()) - mean",
              "highs.append(float(finite.max())", "the whiskers reach twice too high"), _experiments("pooling")),
    (Mutation(f"{_VIEW}:ExperimentView._draw_bars", 'scale = 100.0 if figure.kind == "fraction" else 1.0',
              "scale = 1.0", "the error bars drawn as fractions under a % axis"), _experiments("pooling")),
    (Mutation(f"{_VIEW}:format_figure", "float(finite.max() - finite.min()) / 2", "float(finite.max() - finite.min())",
              "the table's ± is the whole range, not half of it"), _experiments("pooling")),
    (Mutation(f"{_VIEW}:ExperimentView._fill_table", "figure_values(result, variant.key, figure.key)",
              "figure_values(result, result.variants[0].key, figure.key)", "every table row shows the first variant"),
     _experiments("stacked-filters")),
]


_LAYOUT = "gui.diagram.layout"
_DIAGRAM = functools.partial(display_checks_more.check_diagram_boxes, models=("alexnet2012", "vgg16"))
BREAKAGES += [
    (Mutation(f"{_LAYOUT}:_Placer._texts", 'shape = "" if box.kind == "add" else shape_text(rows[box.rows[-1]]',
              'shape = "" if box.kind == "add" else shape_text(rows[box.rows[0] - 1]',
              "each diagram box shows the shape that enters it, not the one it makes"), _DIAGRAM),
    (Mutation(f"{_LAYOUT}:_window", "if row.stride and row.stride != (1, 1):", "if row.stride:",
              "every diagram box writes s=1"), _DIAGRAM),
    (Mutation(f"{_LAYOUT}:_Placer._label", "return SEPARATOR.join(parts[shared:])",
              "return SEPARATOR.join(parts[shared + 1:])", "the diagram's boxes lose the paper's layer names"),
     _DIAGRAM),
]

_INCEPTION = functools.partial(display_checks_more.check_inception_figures, modules=("3a", "4e"))
BREAKAGES += [
    (Mutation("gui.pages.nin:NinView._show", 'self.tr("≈ {0} multiply-adds").format(rounded(s.macs))',
              'self.tr("≈ {0} multiply-adds").format(rounded(s.params))',
              "the 1×1 page's headline multiply-adds are its parameters"), display_checks_more.check_nin_figures),
    (Mutation("gui.pages.nin:NinView._show", "exact(s.weights), exact(s.biases)", "exact(s.params), exact(s.biases)",
              "the 1×1 page counts the biases twice among its weights"), display_checks_more.check_nin_figures),
    (Mutation("gui.pages.cost:CostView._show", 'self.bottleneck_total.setText(f"= {exact(cost.bottleneck_macs)}")',
              'self.bottleneck_total.setText(f"= {exact(cost.conv.macs)}")',
              "the bottleneck's total forgets the 1×1 reduction"), display_checks_more.check_bottleneck_figures),
    (Mutation("engine.inspection.cost:_design", "sum(r.macs for r in rows)", "rows[-1].macs",
              "an Inception branch costs only its last layer"), _INCEPTION),
    (Mutation("gui.pages.inception:InceptionView._show",
              "exact(branch.out_channels), exact(branch.macs), exact(branch.params)",
              "exact(branch.out_channels), exact(branch.params), exact(branch.macs)",
              "the Inception table's multiplications and parameters swapped"), _INCEPTION),
    (Mutation("gui.pages.inception:InceptionView._fill_chart",
              "self.naive_bars.setOpts(x=positions - 0.2, height=naive)",
              "self.naive_bars.setOpts(x=positions - 0.2, height=reduced)",
              "the naive Inception bars drawn at the reduced heights"), _INCEPTION),
]

_TRAINING = "gui.panels.training:TrainingView"
# The tiny run is trained once a session and reopened from its folder, which draws through the same code.
_PLOTS = functools.partial(display_checks_more.check_training_plots, reopen=True)
BREAKAGES += [
    (Mutation(f"{_TRAINING}._draw_steps", "smooth.setData(run.steps, run.smoothed)",
              "smooth.setData(run.steps, run.losses)", "the bold loss curve is not smoothed"),
     _PLOTS),
    (Mutation(f"{_TRAINING}._draw_steps", "run.items[self.lr_plot][0].setData(run.steps, run.lrs)",
              "run.items[self.lr_plot][0].setData(run.steps, np.full_like(run.lrs, run.lrs[0]))",
              "the learning-rate plot stays flat while the optimiser's rate steps down"),
     _PLOTS),
    (Mutation(f"{_TRAINING}._draw_epochs", "train.setData(epochs, train_accuracy)",
              "train.setData(epochs, test_accuracy)", "the training accuracy line shows the test accuracy"),
     _PLOTS),
]

_AUGMENTATION, _CAPTIONS = "gui.pages.augmentation:AugmentationView", display_checks_more.check_augmentation_captions
BREAKAGES += [
    (Mutation(f"{_AUGMENTATION}._caption", 'self.tr("rotated {angle}°").format(angle=signed(p[0]))',
              'self.tr("rotated {angle}°").format(angle=signed(-p[0]))',
              "the rotation's caption gives the angle the other way round"), _CAPTIONS),
    (Mutation(f"{_AUGMENTATION}._caption", r'y=f"y\u00a0{signed(p[1])}°"', r'y=f"y\u00a0{signed(p[0])}°"',
              "the shear's caption writes the x angle for y"), _CAPTIONS),
    (Mutation(f"{_AUGMENTATION}._caption", "red, green, blue = (signed(value) for value in p)",
              "blue, green, red = (signed(value) for value in p)", "the colour caption's red and blue swapped"),
     _CAPTIONS),
    (Mutation(f"{_AUGMENTATION}._on_examples_ready", "made = [e.pixels for e in event.examples if e.method == method]",
              "made = [e.pixels for e in event.examples if e.method == method][::-1]",
              "the examples' pictures under each other's captions"), _CAPTIONS),
]

# The rest of the layer table's survivors of `make mutation`: how it looks.
_LOOKS = display_checks_more.check_layer_table_looks
BREAKAGES += [
    (Mutation(f"{_TABLE}:LayerTableView.__init__", "self.setAlternatingRowColors(True)",
              "self.setAlternatingRowColors(False)", "the layer table's rows all one colour"), _LOOKS),
    (Mutation(f"{_TABLE}:LayerTableView.__init__", "self.verticalHeader().setVisible(False)",
              "self.verticalHeader().setVisible(True)", "row numbers from 1 beside the # column from 0"), _LOOKS),
    (Mutation(f"{_TABLE}:LayerTableView.__init__", "header.setStretchLastSection(True)",
              "header.setStretchLastSection(False)", "the layer table stops short of its right edge"), _LOOKS),
    (Mutation(f"{_TABLE}:LayerTableModel.retranslate",
              "self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)", "pass",
              "the header keeps its English column widths after a switch to Korean"), _LOOKS),
]


@pytest.fixture
def fresh_analyses():
    """Zoo analyses and Inception breakdowns are cached: a mutant must not reuse, nor leave behind, the real ones."""
    analysis._analyze_zoo.cache_clear()
    cost.inception_breakdowns.cache_clear()
    yield
    analysis._analyze_zoo.cache_clear()
    cost.inception_breakdowns.cache_clear()


@pytest.mark.parametrize(("mutation", "check"), BREAKAGES, ids=[m.why for m, _ in BREAKAGES])
def test_the_breakage_fails_its_display_check(mutation, check, request, monkeypatch, fresh_analyses):
    apply(monkeypatch, mutation)
    with pytest.raises(AssertionError):
        check(request)
