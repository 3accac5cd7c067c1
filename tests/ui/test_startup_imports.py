"""Starting the window loads nothing that only exporting or comparing needs.

The protocol (reportlab) and image export (QtSvg) are imported when the
facilitator exports, the comparison of two sessions when one is first
compared, not before the window shows: every import before the first paint
is time the room waits (``python -m benchmarks`` measures it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import workshop_app

EXPORT_ONLY = (
    "reportlab",
    "PySide6.QtSvg",
    "workshop_app.protocol.export",
    "workshop_app.ui.map.export",
)
COMPARE_ONLY = ("workshop_app.compare.diff", "workshop_app.ui.compare.dock")
#: What ``workshop-app`` does before the window shows: ``run`` imports and builds the window.
WINDOW_START = (
    "import workshop_app.ui.app; from PySide6.QtWidgets import QApplication; "
    "app = QApplication([]); from workshop_app.ui.mainwindow import MainWindow; "
    "window = MainWindow()"
)


def _run(code: str, home: Path) -> list[str]:
    """What ``code`` prints (a JSON list), run in a fresh interpreter with an empty home,
    on the package these tests import."""
    source = str(Path(workshop_app.__file__).resolve().parent.parent)
    env = dict(os.environ, HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=source)
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[variable] = str(home / variable.lower())
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120,
        env=env,
    )  # fmt: skip
    return json.loads(done.stdout.splitlines()[-1])


def test_starting_the_window_does_not_load_export_or_comparison_code(tmp_path: Path) -> None:
    code = (
        f"import json, sys; {WINDOW_START}; "
        f"print(json.dumps([m for m in {EXPORT_ONLY + COMPARE_ONLY!r} if m in sys.modules]))"
    )
    assert _run(code, tmp_path) == []


def test_starting_the_window_keeps_no_copy_of_the_sources_in_memory(tmp_path: Path) -> None:
    # PySide6 looks into every module imported after it for its own name; the
    # window's modules are read for that without keeping their text (17 MiB).
    code = (
        f"import json, linecache; {WINDOW_START}; "
        "print(json.dumps(sorted(f for f in linecache.cache if 'workshop_app' in f "
        "or 'networkx' in f)))"
    )
    assert _run(code, tmp_path) == []
