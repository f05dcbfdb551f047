"""Each breakage the class would see, written as a one-line mutation of the app, fails a display check.

Issue 20 found seven such breakages (and grouped convolutions counted whole) that passed the whole suite. Each is
applied here to the running code for one test (tests/breakage_tools.py: the function's source with one line
changed, put in place with monkeypatch), and the check of what that view shows (tests/display_checks.py) must
then fail. The same checks pass on the real code in tests/gui/test_displayed.py.
"""

from __future__ import annotations

import display_checks
import pytest
from breakage_tools import Mutation, apply

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


@pytest.fixture
def fresh_analyses():
    """Zoo analyses are cached: a mutant of the analysis must not reuse, nor leave behind, the real ones."""
    analysis._analyze_zoo.cache_clear()
    yield
    analysis._analyze_zoo.cache_clear()


@pytest.mark.parametrize(("mutation", "check"), BREAKAGES, ids=[m.why for m, _ in BREAKAGES])
def test_the_breakage_fails_its_display_check(mutation, check, request, monkeypatch, fresh_analyses):
    apply(monkeypatch, mutation)
    with pytest.raises(AssertionError):
        check(request)
