"""Starting the window loads nothing that only exporting needs.

The protocol (reportlab) and image export (QtSvg) are imported when the
facilitator exports, not before the window shows: every import before the
first paint is time the room waits (``python -m benchmarks`` measures it).
"""

from __future__ import annotations

import json
import subprocess
import sys

EXPORT_ONLY = (
    "reportlab",
    "PySide6.QtSvg",
    "workshop_app.protocol.export",
    "workshop_app.ui.map.export",
)
#: What ``workshop-app`` imports before the window shows (``run`` imports the window).
WINDOW_IMPORTS = "import workshop_app.ui.app, workshop_app.ui.mainwindow"


def test_the_window_module_does_not_load_export_code() -> None:
    code = (
        f"import json, sys; {WINDOW_IMPORTS}; "
        f"print(json.dumps([m for m in {EXPORT_ONLY!r} if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(done.stdout) == []


def test_starting_the_window_keeps_no_copy_of_the_sources_in_memory() -> None:
    # PySide6 looks into every module imported after it for its own name; the
    # window's modules are read for that without keeping their text (17 MiB).
    code = (
        f"import json, linecache; {WINDOW_IMPORTS}; "
        "print(json.dumps(sorted(f for f in linecache.cache if 'workshop_app' in f "
        "or 'networkx' in f)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(done.stdout) == []
