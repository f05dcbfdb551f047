"""``python main.py render PAGE --out FILE``: draw a section of the app, or one view, offscreen to PNG or SVG.

The page is the real window's page, filled by the real engine thread, so a slide shows exactly what the
app shows in class. The command-line renderers live here and only here: no view imports the app.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from engine.runtime.errors import UserInputError

__all__ = ["render", "parse_size", "save_widget", "check_output_path"]

_TIMEOUT_S = 120.0
_VIEWS = ("diagram", "features")  # single views with a renderer of their own, beside the window's sections


def parse_size(text: str) -> tuple[int, int]:
    """"1920x1080" -> (1920, 1080); sizes from 320×240 to 7680×4320."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*[x×]\s*(\d{1,5})\s*", text or "")
    if not match:
        raise UserInputError(f"--size must look like 1920x1080 (width x height), got {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise UserInputError(f"--size must be between 320x240 and 7680x4320, got {width}x{height}")
    return width, height


def _check_scale(scale: float) -> None:
    if not 0.25 <= scale <= 8:
        raise UserInputError(f"--scale must be between 0.25 and 8, got {scale}")


def _check_zoom(zoom) -> float:
    zoom = 100.0 if zoom is None else float(zoom)
    if not 100 <= zoom <= 300:  # NaN fails too
        raise UserInputError(f"--zoom must be a percentage between 100 and 300, got {zoom:g}")
    return zoom


def _show_tab(window, section: str, spec: str) -> None:
    """Show the tab ``spec`` names: N (a section's tab, or a model page's when the section has no others),
    N.M (the model page in the section's tab N, its view M) or a tab's name, in the language shown.

    Raises
    ------
    UserInputError
        For a tab that does not exist, with the accepted ones.
    """
    window.show_section(section)  # a model page gets its feature-map view (its last tab) when shown
    tabs = window.section_tabs.get(section)
    page = window.model_pages.get(section)
    choices: dict[str, tuple[int | None, int | None]] = {} if tabs or page else {"0": (None, None)}
    names: list[str] = []
    model_tab = None
    if tabs is not None:
        for index in range(tabs.count()):
            choices[str(index)] = (index, None)
            choices[tabs.tabText(index).strip().lower()] = (index, None)
            names.append(f"{index} ({tabs.tabText(index)})")
            if page is not None and tabs.widget(index).isAncestorOf(page):
                model_tab = index
    if page is not None:
        for view in range(page.views.count()):
            key = f"{model_tab}.{view}" if tabs is not None else str(view)
            choices[key] = (model_tab, view)
            choices.setdefault(page.views.tabText(view).strip().lower(), (model_tab, view))
            names.append(f"{key} ({page.views.tabText(view)})")
    experiments = getattr(page, "experiments", None)  # a model page's experiments tab: each by its name
    for name in experiments.names() if experiments is not None else ():
        choices[name] = (model_tab, page.views.indexOf(experiments))
        names.append(name)
    choice = choices.get(str(spec).strip().lower())
    if choice is None:
        raise UserInputError(f"there is no tab {spec!r} on {section}; accepted: {', '.join(names) or '0'}")
    index, view = choice
    if index is not None:
        tabs.setCurrentIndex(index)
    if view is not None:
        page.views.setCurrentIndex(view)
    if experiments is not None and str(spec).strip().lower() in experiments.names():
        experiments.show_experiment(str(spec).strip().lower())


def check_output_path(path: str) -> Path:
    out = Path(path)
    if out.suffix.lower() not in (".png", ".svg"):
        raise UserInputError(f"--out must end in .png or .svg, got {path!r}")
    if not out.parent.exists() or not os.access(out.parent, os.W_OK) or out.is_dir():
        raise UserInputError(f"cannot write {path!r}: its folder does not exist or is not writable")
    return out


def save_widget(widget, out: Path, scale: float = 1.0) -> None:
    """Save ``widget`` as it is on screen: PNG at ``scale`` × its size, or SVG (vector text and lines)."""
    from PySide6.QtCore import QPoint, QRect, QSize
    from PySide6.QtGui import QPainter

    if out.suffix.lower() == ".svg":
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setFileName(str(out))
        generator.setSize(widget.size())
        generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
        painter = QPainter(generator)
        widget.render(painter, QPoint(0, 0))
        painter.end()
        return
    from PySide6.QtGui import QImage

    image = QImage(QSize(round(widget.width() * scale), round(widget.height() * scale)),
                   QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(widget.palette().window().color())
    painter = QPainter(image)
    widget.render(painter, QPoint(0, 0))
    painter.end()
    if not image.save(str(out)):
        raise UserInputError(f"could not write {str(out)!r}")


def _wait_until_settled(app, window) -> None:
    """Process events until the zoo has arrived and the engine has been idle for a moment."""
    deadline = time.monotonic() + _TIMEOUT_S
    quiet_since = None
    while time.monotonic() < deadline:
        app.processEvents()
        settled = window.overview.table.rowCount() > 0 and window.engine_idle()
        if settled:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > 0.5:
                return
        else:
            quiet_since = None
        time.sleep(0.01)
    raise UserInputError("the engine did not finish preparing the page within two minutes")


def render(args) -> int:
    """Render ``args.page`` to ``args.out``; returns the exit status."""
    from gui.main_window import SECTIONS

    if args.page not in (*SECTIONS, *_VIEWS):
        accepted = ", ".join([*SECTIONS, *_VIEWS])
        raise UserInputError(f"unknown page {args.page!r}; accepted: {accepted}")
    _check_scale(args.scale)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.page == "diagram":
        return _render_diagram(args)
    if args.page == "features":
        return _render_features(args)
    width, height = parse_size(args.size)
    out = check_output_path(args.out)
    zoom = _check_zoom(getattr(args, "zoom", None))

    from PySide6.QtCore import QSettings, Qt

    from gui.app import create_app, create_window
    from gui.widgets.zoom import app_zoom

    app = create_app()
    with tempfile.TemporaryDirectory() as tmp:  # never read or change the user's saved state
        settings = QSettings(str(Path(tmp) / "render.ini"), QSettings.Format.IniFormat)
        window = create_window(device=args.device or "cpu", language=getattr(args, "language", None) or "en",
                               page=args.page, settings=settings)
        window.setWindowState(Qt.WindowState.WindowNoState)  # exactly --size, not the screen's size
        window.resize(width, height)
        app_zoom().set_percent(zoom)
        page = window.model_pages.get(args.page)
        _show_tab(window, args.page, getattr(args, "tab", "0"))
        if args.page == "transfer" and (getattr(args, "model", None) or getattr(args, "case", None)):
            from gui.pages.transfer import CASES

            view = window.transfer_view
            view.select(args.model or view.model_combo.currentData(), CASES[(getattr(args, "case", None) or 1) - 1])
        window.show()
        window.start_engine()
        if page is not None and getattr(args, "model", None):  # a model page shows the variant asked for
            _show_variant(app, page, args.model)
        try:
            _wait_until_settled(app, window)
            save_widget(window, out, args.scale)
        finally:
            window.close()
    print(out)
    return 0


def _render_diagram(args) -> int:
    """``render diagram --model M [--collapsed] [--size WxH] [--scale S] [--language L] --out FILE``.

    The whole diagram, expanded unless ``--collapsed``, wrapped into the bands that suit a slide of
    ``--size`` (default 1920x1080); PNG at ``--scale`` × scene pixels, or SVG. Returns 0.
    """
    if not getattr(args, "model", None):
        raise UserInputError("render diagram needs --model NAME (see `python main.py models`)")
    out = check_output_path(args.out)
    size = parse_size(getattr(args, "size", None) or "1920x1080")
    from engine.models.analysis import analyze  # the command line is a script: no engine thread needed
    from gui.app import create_app
    from gui.diagram.view import DiagramView
    from gui.i18n import set_language

    zoom = _check_zoom(getattr(args, "zoom", None))
    analysis = analyze(args.model)
    create_app()
    from gui.widgets.zoom import app_zoom

    app_zoom().set_percent(zoom)
    set_language(getattr(args, "language", None) or "en")
    view = DiagramView()
    view.set_layout_size(size)
    view.set_analysis(analysis, collapsed=frozenset())
    if args.collapsed:
        view.collapse_all()
    view.export_image(out, args.scale)
    print(out)
    return 0


def _render_features(args) -> int:
    """``render features --model M --image PATH [--layer NAME] [--unit C,Y,X] --out FILE``; the exit status.

    ``--unit`` clicks that unit of the layer (channel, row, column of its full-size output): its receptive
    fields on the input and, in the lower tab, its computation.

    Raises
    ------
    UserInputError
        For an unknown model or layer, an image that cannot be shown, or an output that cannot be written.
    """
    from engine.data.images import load_image
    from engine.models.zoo import get_info
    from gui.app import create_app
    from gui.engine_bridge import EngineBridge
    from gui.feature_maps.view import FeatureMapView
    from gui.i18n import set_language

    model = get_info(args.model or "resnet18").name
    width, height = parse_size(args.size)
    out = check_output_path(args.out)
    if args.image:
        load_image(args.image)  # a bad file is refused here, with the same sentence the window shows
    app = create_app()
    set_language(getattr(args, "language", None) or "en")
    bridge = EngineBridge(device=getattr(args, "device", None) or "cpu")
    view = FeatureMapView(bridge)
    try:
        view.resize(width, height)
        if args.image:
            view.open_paths([args.image])
        view.set_model(model)
        view.show()
        bridge.start()
        if getattr(args, "draw", None) is not None:
            _draw_digit(view, model, args.draw)
        _wait_for_maps(app, view)
        if view.messages():
            raise UserInputError(view.messages()[-1])
        if getattr(args, "video", None):  # once the model is built and warm, so that the video plays from its start
            _play_video(app, view, args.video)
            _wait_for_maps(app, view)
        if args.layer:
            view.select_layer(_layer_index(view, args.layer))
        if getattr(args, "overlay", "gradcam") == "occlusion":
            view.occlusion_check.setChecked(True)
            _wait_for(app, lambda: view.occlusion() is not None, "the occlusion map")
        if getattr(args, "unit", None):
            _show_unit(app, view, args.unit)
        _wait_for_thumbnails(app, view)
        save_widget(view, out, args.scale)
    finally:
        bridge.shutdown()
        view.close()
    print(out)
    return 0


def _draw_digit(view, model: str, digit: int) -> None:
    """The pad open with most of the script of ``digit`` drawn (85% of its points): the drawing caught mid-digit."""
    from engine.data.digit_strokes import DIGIT_STROKES, partial_strokes

    if not view.draw_button.isVisibleTo(view):
        raise UserInputError(f"--draw needs a model that takes one channel, like lenet5; {model} takes colour")
    view.draw_button.setChecked(True)
    view.pad.set_strokes(partial_strokes(DIGIT_STROKES[digit], 0.85))


def _play_video(app, view, path: str) -> None:
    """The video live for a second, then frozen on the frame shown (Space), its maps and Grad-CAM complete."""
    if not view.open_video(path):
        raise UserInputError(view.messages()[-1])
    _wait_for(app, lambda: view.live is not None and view.live.shown > 0, "the video's first frame")
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    view.freeze_live()


def _wait_for(app, done, what: str) -> None:
    deadline = time.monotonic() + _TIMEOUT_S
    while not done():
        if time.monotonic() > deadline:
            raise UserInputError(f"the engine did not finish {what} within two minutes")
        app.processEvents()
        time.sleep(0.01)


def _wait_for_maps(app, view) -> None:
    deadline = time.monotonic() + _TIMEOUT_S
    while view.is_busy() or view.shown_image() is None:
        if view.messages() and not view.is_busy():
            return
        if time.monotonic() > deadline:
            raise UserInputError("the engine did not finish the feature maps within two minutes")
        app.processEvents()
        time.sleep(0.01)


def _show_unit(app, view, spec: str) -> None:
    """Click unit ``"C,Y,X"`` of the layer on screen and wait for the engine's answer."""
    try:
        channel, y, x = (int(part) for part in spec.split(","))
    except ValueError:
        raise UserInputError(f"--unit must look like 0,13,9 (channel, row, column), got '{spec}'") from None
    view.select_unit(channel, y, x)
    deadline = time.monotonic() + _TIMEOUT_S
    while view.unit_explanation() is None:
        if view.messages():
            raise UserInputError(view.messages()[-1])
        if time.monotonic() > deadline:
            raise UserInputError("the engine did not answer about the unit within two minutes")
        app.processEvents()
        time.sleep(0.01)


def _wait_for_thumbnails(app, view, seconds: float = 5.0) -> None:
    """The recent strip's pictures, for a few seconds at most: an unreadable file never gets one."""
    deadline = time.monotonic() + seconds
    app.processEvents()
    while view.thumbnails_pending() and time.monotonic() < deadline:
        time.sleep(0.01)
        app.processEvents()


def _layer_index(view, layer: str) -> int:
    names = view.layer_names()
    if layer in names:
        return names.index(layer)
    if layer.isdigit() and int(layer) < len(names):
        return int(layer)
    shown = ", ".join(names[:8])
    raise UserInputError(f"unknown layer {layer!r}; give a row number 0-{len(names) - 1} or a name such as "
                         f"{shown}, … (python main.py summary MODEL lists them)")
def _show_variant(app, page, model: str) -> None:
    """Choose ``model`` in ``page``'s model list, once the zoo has filled it."""
    from engine.models.zoo import get_info

    name = get_info(model).name
    deadline = time.monotonic() + 120
    while page.variant_combo.findData(name) < 0:
        if time.monotonic() > deadline:
            raise UserInputError(f"{model} is not a model of this page")
        app.processEvents()
        time.sleep(0.01)
    page.variant_combo.setCurrentIndex(page.variant_combo.findData(name))
