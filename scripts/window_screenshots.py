"""The window's screenshots in ``docs/``: the sample map at 1920x1080 and 1280x720.

``xvfb-run -a -s "-screen 0 1920x1080x24" python scripts/window_screenshots.py``
writes ``docs/window-1920.png`` and ``docs/window-1280.png`` (German, "Fit map")
and prints how tall node and edge labels are on screen there (their fonts'
pixel sizes times the map's scale). At 1920x1080 it also writes
``docs/window-finding-selected.png`` (the first finding picked) and
``docs/presentation.png`` (presentation mode on its first finding). The PNGs
are reduced with ImageMagick when ``convert`` is there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from workshop_app.resources import resource_path
from workshop_app.ui.i18n import set_ui_language
from workshop_app.ui.mainwindow import MainWindow
from workshop_app.ui.map import MapView

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _settle(app: QApplication) -> None:
    for _ in range(40):
        app.processEvents()


def _save(widget: object, name: str) -> None:
    path = DOCS / name
    widget.grab().save(str(path))  # type: ignore[attr-defined]
    convert = shutil.which("convert", path="/usr/bin")
    if convert:
        subprocess.run([convert, str(path), "-colors", "256", f"PNG8:{path}"], check=True)
    print(path)


def _label_pixels(view: MapView) -> str:
    style, scale = view.scene().style, view.transform().m11()
    node, edge = style.box_font.pixelSize() * scale, style.edge_font.pixelSize() * scale
    return f"map scale {scale:.3f}, node labels {node:.1f} px, edge labels {edge:.1f} px"


def _finding_and_presentation(app: QApplication, window: MainWindow) -> None:
    tree = window.findings_dock.tree
    tree.setCurrentItem(tree.topLevelItem(0).child(0))
    _settle(app)
    _save(window, "window-finding-selected.png")
    window.facilitation.presentation_action.setChecked(True)
    _settle(app)
    presentation = window.facilitation.presentation
    print(f"presentation: {_label_pixels(presentation.map_view)}")
    _save(presentation, "presentation.png")
    window.facilitation.presentation_action.setChecked(False)
    _settle(app)


def _shoot(width: int, height: int) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    set_ui_language("de")
    window = MainWindow()
    window.files.open_path(resource_path("samples", "versandhandel.yaml"))
    window.setGeometry(0, 0, width, height)
    window.show()
    _settle(app)
    window.map_view.fit_all()
    _settle(app)
    print(f"{width}x{height}, Fit map: {_label_pixels(window.map_view)}")
    _save(window, f"window-{width}.png")
    if width == 1920:
        _finding_and_presentation(app, window)


def main() -> int:
    """Each size in a process of its own, as a user starts the app (no window before it)."""
    if len(sys.argv) == 3:
        _shoot(int(sys.argv[1]), int(sys.argv[2]))
        return 0
    for width, height in ((1920, 1080), (1280, 720)):
        subprocess.run([sys.executable, __file__, str(width), str(height)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
