"""The window's screenshots in ``docs/``: the sample map at 1920x1080 and 1280x720.

``xvfb-run -a -s "-screen 0 1920x1080x24" python scripts/window_screenshots.py``
writes ``docs/window-1920.png`` and ``docs/window-1280.png`` (German, "Fit map")
and prints how tall a node label is on screen there (its font's pixel size
times the map's scale). The PNGs are reduced with ImageMagick when ``convert``
is there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from workshop_app.layout import LABEL_SIZE
from workshop_app.resources import resource_path
from workshop_app.ui.i18n import set_ui_language
from workshop_app.ui.mainwindow import MainWindow

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


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    set_ui_language("de")
    for width, height in ((1920, 1080), (1280, 720)):
        window = MainWindow()
        window.files.open_path(resource_path("samples", "versandhandel.yaml"))
        window.setGeometry(0, 0, width, height)
        window.show()
        _settle(app)
        window.map_view.fit_all()
        _settle(app)
        scale = window.map_view.transform().m11()
        label = LABEL_SIZE * scale
        print(f"{width}x{height}: map scale {scale:.3f}, label {label:.1f} px at Fit map")
        _save(window, f"window-{width}.png")
        window.close()
        _settle(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
