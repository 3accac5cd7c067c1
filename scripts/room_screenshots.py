"""The in-the-room screenshots in ``docs/``: the real start of the app under Xvfb.

Run three times, each on its own Xvfb screen and with the same settings folder
(``XDG_CONFIG_HOME``), so the second start restores what the first saved::

    xvfb-run -a -s "-screen 0 1920x1080x24" python scripts/room_screenshots.py 1920 FILE
    xvfb-run -a -s "-screen 0 1280x720x24" python scripts/room_screenshots.py 1280 FILE
    xvfb-run -a -s "-screen 0 1920x1080x24" python scripts/room_screenshots.py voting FILE

``1920`` starts the app as a facilitator would on a full HD screen, saves
``docs/window-1920x1080.png`` and closes the window (its size and docks are
saved). ``1280`` starts it again on a 1280x720 projector (the saved, larger
geometry is fitted inside), saves ``docs/window-1280x720.png`` and presentation
mode as ``docs/presentation-1280x720.png``. ``voting`` holds a round of dot
voting on the priorities and saves ``docs/dot-voting.png``. FILE is a copy of
the sample (its lock must not land in the repository).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.ui import app as application
from workshop_app.ui.mainwindow import MainWindow

DOCS = Path(__file__).resolve().parents[1] / "docs"
BALLOTS = (
    ("Ana", {"p_zufriedenheit": 2, "p_fcr": 1}),
    ("Ben", {"p_zufriedenheit": 1, "p_compliance": 2}),
    ("Cem", {"p_zufriedenheit": 3}),
    ("Dora", {"p_fcr": 2, "p_kosten": 1}),
)


def _settle(milliseconds: int = 1500) -> None:
    app = QApplication.instance()
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.start(milliseconds)
    while deadline.isActive():
        app.processEvents()


def _save(widget: QWidget, name: str) -> None:
    path = DOCS / name
    widget.grab().save(str(path))
    convert = shutil.which("convert", path="/usr/bin")
    if convert:
        subprocess.run([convert, str(path), "-colors", "256", f"PNG8:{path}"], check=True)
    print(path, widget.width(), "x", widget.height())


def _window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def _full_hd() -> None:
    window = _window()
    _save(window, "window-1920x1080.png")
    window.close()


def _projector() -> None:
    window = _window()
    _save(window, "window-1280x720.png")
    window.facilitation.presentation_action.trigger()
    _settle()
    _save(window.facilitation.presentation, "presentation-1280x720.png")
    QApplication.instance().exit(0)  # the 1920 run's saved layout stays as it was


def _voting() -> None:
    window = _window()
    views = window.facilitation
    views.docks["voting"].show()
    views.docks["voting"].raise_()
    voting = views.voting
    voting.start_round()
    for voter, dots in BALLOTS:
        voting.voter.setText(voter)
        for item, count in dots.items():
            voting.spins[item].setValue(count)
        voting.count_ballot()
    window.resizeDocks([views.docks["voting"]], [640], Qt.Orientation.Horizontal)
    _settle()
    _save(window, "dot-voting.png")
    QApplication.instance().exit(0)


STEPS = {"1920": _full_hd, "1280": _projector, "voting": _voting}


def main() -> int:
    step, path = sys.argv[1], Path(sys.argv[2])
    app = QApplication(sys.argv[:1])

    def later() -> None:
        _settle(2500)
        STEPS[step]()

    QTimer.singleShot(0, later)
    assert app is QApplication.instance()
    return application.run(path)


if __name__ == "__main__":
    sys.exit(main())
