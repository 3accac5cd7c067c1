"""The comparison's screenshots in ``docs/``: run under Xvfb at 1920x1080.

``xvfb-run -a -s "-screen 0 1920x1080x24" python scripts/compare_screenshots.py``
writes ``docs/compare-view.png`` (the follow-up workshop compared with the
first, one change picked) and ``docs/stability-table.png`` (the three sample
workshops). The PNGs are reduced with ImageMagick when ``convert`` is there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog

from workshop_app.fileformat import load_session
from workshop_app.resources import resource_path
from workshop_app.ui.compare.install import show_stability
from workshop_app.ui.i18n import set_ui_language
from workshop_app.ui.mainwindow import MainWindow

DOCS = Path(__file__).resolve().parents[1] / "docs"
SAMPLES = ("versandhandel.yaml", "versandhandel-2027-01.yaml", "versandhandel-2027-03.yaml")


def _settle(app: QApplication) -> None:
    for _ in range(30):
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
    first, second, third = (resource_path("samples", name) for name in SAMPLES)
    window = MainWindow()
    window.files.open_path(second)
    window.resize(1920, 1080)
    window.show()
    _settle(app)
    window.comparison.show(load_session(first), window.controller.session, first.name, second.name)
    _settle(app)
    dock = window.comparison.dock
    dock.select_entry(next(e for e in dock.entries() if "Kulanz bis 100" in e.text))
    _settle(app)
    _save(window, "compare-view.png")

    QFileDialog.getOpenFileNames = lambda *_a: ([str(first), str(third)], "")  # type: ignore[method-assign]
    window.files.open_path(second)
    dialog = show_stability(window)
    assert dialog is not None
    dialog.resize(1280, 720)
    _settle(app)
    _save(dialog, "stability-table.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
