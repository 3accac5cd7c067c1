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


def test_the_window_module_does_not_load_export_code() -> None:
    code = (
        "import json, sys; import workshop_app.ui.app; "
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
        "import json, linecache; import workshop_app.ui.app; "
        "print(json.dumps(sorted(f for f in linecache.cache if 'workshop_app' in f "
        "or 'networkx' in f)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(done.stdout) == []
