"""The one-folder application against the installed app: size and start time.

``python -m benchmarks.bundle`` is also the bundle's smoke test (CI runs it
after ``scripts/build_bundle.py``): with ``PATH=/usr/bin:/bin`` and an empty
home, ``responsibility-map check`` and ``export`` on the sample must work and
its window must appear on an X server (Xvfb). As a benchmark measurement
(``python -m benchmarks --only bundle``) it gives the folder's size against
the installed app's files and the time from spawn to the main window being
mapped on the X server, against ``workshop-app`` (the installed entry point)
started the same way; median of the repetitions.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from benchmarks.harness import Config, Figure
from benchmarks.processes import x_server
from workshop_app.resources import resource_path

__all__ = ["BUNDLE", "measure"]

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "responsibility-map" / "responsibility-map"
SAMPLE = resource_path("samples", "versandhandel.yaml")
#: The installed app: this package and what it needs at run time.
_DISTRIBUTIONS = ("workshop-app", "PySide6-Essentials", "shiboken6", "networkx", "reportlab",
                  "PyYAML", "openpyxl", "et-xmlfile", "pillow", "charset-normalizer")  # fmt: skip
_WINDOW_TIMEOUT = 90.0


def measure(config: Config) -> list[Figure]:
    if not BUNDLE.exists():
        return [Figure("bundle", None, float("nan"), "s", None,
                       note="no bundle: run scripts/build_bundle.py first")]  # fmt: skip
    if config.display is None:
        return [Figure("bundle", None, float("nan"), "s", None, note="needs Xvfb")]
    installed = [sys.executable, "-m", "workshop_app"]
    bundle_times, app_times = [], []
    for _ in range(config.process_repeat + 1):  # the first, cold start is not counted
        bundle_times.append(time_to_window([str(BUNDLE)], config.display))
        app_times.append(time_to_window(installed, config.display))
    bundle, app = statistics.median(bundle_times[1:]), statistics.median(app_times[1:])
    return [
        Figure("bundle: start to window", None, bundle, "s", None, reference=app,
               reference_name="installed app (python -m workshop_app)"),
        Figure("bundle: size", None, folder_mib(BUNDLE.parent), "MiB", None,
               reference=installed_mib(), reference_name="installed packages (no Python)"),
    ]  # fmt: skip


def folder_mib(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 2**20


def installed_mib() -> float:
    total = 0
    for name in _DISTRIBUTIONS:
        try:
            files = metadata.distribution(name).files or []
        except metadata.PackageNotFoundError:
            continue
        total += sum(f.size or 0 for f in files)
    return total / 2**20


def _environment(home: Path, display: str | None) -> dict[str, str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    if display is not None:
        env["DISPLAY"] = display
    if "PYTHONPATH" in os.environ:  # the installed app of a checkout under test
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return env


def time_to_window(command: list[str], display: str) -> float:
    """Seconds from spawn until a top-level "Responsibility Map" window is mapped."""
    with tempfile.TemporaryDirectory(prefix="bundle-home-") as home:
        start = time.monotonic()
        process = subprocess.Popen(
            [*command, str(SAMPLE)],
            env=_environment(Path(home), display),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            while time.monotonic() - start < _WINDOW_TIMEOUT:
                if process.poll() is not None:
                    raise RuntimeError(f"{command[0]} ended: {process.stderr.read()[-2000:]!r}")
                if _window_shown(display):
                    return time.monotonic() - start
                time.sleep(0.02)
            raise RuntimeError(f"{command[0]}: no window after {_WINDOW_TIMEOUT:.0f} s")
        finally:
            process.kill()
            process.wait()


def _window_shown(display: str) -> bool:
    listing = subprocess.run(
        ["xwininfo", "-root", "-tree", "-display", display],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return any("Responsibility Map" in line and "1x1+" not in line
               for line in listing.stdout.splitlines())  # fmt: skip


def smoke() -> int:
    """Check, export and the window of the bundle, with no Python on ``PATH``."""
    with tempfile.TemporaryDirectory(prefix="bundle-smoke-") as folder:
        home = Path(folder)
        env = _environment(home, None)
        env.pop("PYTHONPATH", None)
        check = subprocess.run([str(BUNDLE), "check", str(SAMPLE), "--format", "json"],
                               env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
        # The sample has open errors on purpose: the check's "no" is exit 1.
        assert check.returncode == 1 and check.stdout.lstrip().startswith("["), check.stderr
        for name, magic in (("protocol.pdf", b"%PDF-"), ("protocol.docx", b"PK"),
                            ("map.svg", b"<?xml"), ("tables.xlsx", b"PK")):  # fmt: skip
            out = home / name
            command = [str(BUNDLE), "export", str(SAMPLE), "-o", str(out)]
            export = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
            assert export.returncode == 0 and out.read_bytes().startswith(magic), export.stderr
        with x_server("xvfb") as display:
            if display is None:
                raise SystemExit("bundle smoke test: Xvfb is needed for the window")
            seconds = time_to_window([str(BUNDLE)], display)
    print(f"bundle smoke test passed: check, export (PDF, Word, SVG, Excel), "
          f"window after {seconds:.1f} s; {folder_mib(BUNDLE.parent):.0f} MiB")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(smoke())
