"""The real window, driven for the crash-recovery trial (offscreen, in its own process).

``python reliability_app.py edit FILE DELAY_MS EDIT_MS`` opens FILE the way
``workshop-app FILE`` does, with the autosave delay set to DELAY_MS (the
app's is 30,000; the trigger logic is the same), and edits every EDIT_MS:
adds roles, renames, drags, undoes. It prints one line per event, with
``time.monotonic()`` (one clock for all processes on Linux):

- ``edit <n> <time> <sha256 of the session's text>`` after every edit,
- ``copy <n> <time>`` when the autosave timer takes its copy (after edit n),
- ``written <time>`` when that copy is on disk,

until the trial kills it. ``python reliability_app.py recover`` is the next
start: it answers "Recover" when asked and prints one JSON line with what
the window then holds.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from workshop_app.domain import AddNode, Batch, NodeKind, SetNodeFields
from workshop_app.fileformat import dumps_session
from workshop_app.ui import autosave, dialogs
from workshop_app.ui.app import configure_application, install_excepthook, open_first_session
from workshop_app.ui.i18n import set_ui_language
from workshop_app.ui.mainwindow import MainWindow


def _digest(window: MainWindow) -> str:
    return hashlib.sha256(dumps_session(window.controller.session).encode()).hexdigest()


def _say(*words: object) -> None:
    print(*words, flush=True)


def _edit(window: MainWindow, number: int) -> None:
    """One facilitator's edit; which one depends on ``number``."""
    controller = window.controller
    if number % 7 == 0:
        controller.undo_stack.undo()
    elif number % 5 == 0:
        drag = [SetNodeFields(n, {"position": [number * 3.5, -number]}) for n in ("p1", "r1")]
        controller.execute(Batch(tuple(drag)), "Move")
    elif number % 3 == 0:
        controller.execute(SetNodeFields("p1", {"label": f"Erstlösung {number}"}), "Rename")
    else:
        # Placed, as the map places what it adds: the next start's map then
        # has nothing to lay out, and shows exactly the autosaved session.
        place = {"position": [number * 40.0, 300.0]}
        controller.execute(AddNode(f"e{number}", NodeKind.ROLE, f"Rolle {number}", place), "Add")


def edit(path: Path, delay_ms: int, edit_ms: int) -> None:
    autosave.AUTOSAVE_DELAY_MS = delay_ms
    window = _start()
    asked = []
    dialogs.ask_recover = lambda *args: asked.append(args) or "later"
    open_first_session(window, path)
    assert not asked, "a first start found something to recover"
    count = [0]

    def step() -> None:
        count[0] += 1
        _edit(window, count[0])
        _say("edit", count[0], f"{time.monotonic():.4f}", _digest(window))

    window.autosaver.timer.timeout.connect(lambda: _say("copy", count[0], time.monotonic()))
    window.autosaver.written.connect(lambda: _say("written", time.monotonic()))
    ticker = QTimer(window)
    ticker.timeout.connect(step)
    ticker.start(edit_ms)
    QApplication.instance().exec()


def recover() -> None:
    window = _start()
    asked = []
    dialogs.ask_recover = lambda *args: asked.append(args[1:]) or "recover"
    open_first_session(window, None)
    controller = window.controller
    result = {
        "asked": len(asked),
        "digest": _digest(window),
        "path": str(controller.path),
        "modified": window.isWindowModified(),
    }
    _say(json.dumps(result))


def _start() -> MainWindow:
    app = QApplication(sys.argv[:1])
    configure_application(app)
    set_ui_language("en")
    install_excepthook()
    window = MainWindow()
    window.show()
    return window


if __name__ == "__main__":
    if sys.argv[1] == "edit":
        edit(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    else:
        recover()
