"""Fresh processes for the window measurements: the probe, its home, its display.

Each probe (:mod:`benchmarks.probe`) gets an empty home folder, so no recent
file, autosave or saved window layout of the user changes what it opens,
and may write bytecode (``PYTHONDONTWRITEBYTECODE`` is dropped).

Platform: ``xvfb`` runs the probes on an X server of their own (Xvfb, Qt's
real ``xcb`` plugin, as on a laptop but without a GPU); ``offscreen`` uses
Qt's offscreen plugin.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

__all__ = ["BARE", "platform_name", "probe", "x_server"]

#: What the reference probe is, in the table.
BARE = "bare full-screen QMainWindow + networkx"
_PROBE_TIMEOUT = 180
_ROOT = Path(__file__).resolve().parent.parent


def probe(args: list[str], display: str | None, wrapper: Sequence[str] = ()) -> dict[str, Any]:
    """Run one probe in a fresh interpreter; its report plus ``elapsed`` seconds
    from just before the spawn to the first paint (and ``map_elapsed`` to the
    map painted with its nodes, when the probe shows a map), and its ``stderr``.

    ``wrapper``: a command the interpreter is run under (valgrind, say).
    """
    with tempfile.TemporaryDirectory(prefix="bench-home-") as home:
        env = _environment(Path(home), display)
        start = time.monotonic()
        done = subprocess.run(
            [*wrapper, sys.executable, "-m", "benchmarks.probe", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=_PROBE_TIMEOUT,
            cwd=_ROOT,
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"probe {args} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    result = json.loads(lines[-1])
    result["stderr"] = done.stderr
    result["elapsed"] = result["first_paint"] - start
    if result.get("map_paint") is not None:
        result["map_elapsed"] = result["map_paint"] - start
    return result


def _environment(home: Path, display: str | None) -> dict[str, str]:
    env = dict(os.environ, HOME=str(home))
    # An installed app starts from compiled bytecode (pip compiles it); with
    # this set, every probe would compile the app's sources while the
    # reference's libraries come precompiled.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for variable, folder in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        (home / folder).mkdir()
        env[variable] = str(home / folder)
    if display is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env["QT_QPA_PLATFORM"] = "xcb"
        env["DISPLAY"] = display
    return env


def platform_name(display: str | None) -> str:
    return "offscreen platform" if display is None else f"Xvfb {display} (xcb)"


@contextlib.contextmanager
def x_server(platform: str) -> Iterator[str | None]:
    """An Xvfb display for ``platform == "xvfb"`` when Xvfb is installed;
    ``None`` means: use the offscreen platform."""
    xvfb = shutil.which("Xvfb")
    if platform != "xvfb" or xvfb is None:
        yield None
        return
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)
