"""How fast the PDF protocol exports, against Graphviz ``dot -Tpdf`` on the same graph.

Run ``python -m benchmarks.protocol_export [SIZES…]`` (default 50 300 1000).
For each generated organisation, saved without positions, it reports:

- ``export``: ``export_protocol`` end to end: auto-layout, analysis, every
  section, writing the file (CPU seconds of this process);
- ``dot``: ``dot -Tpdf`` drawing only the map of the same graph (CPU seconds
  of the child process; ``--dot-timeout`` seconds at most, default 1800);
- their ratio, and the protocol's page count.

CPU time, not wall time, because the machines this runs on are shared:
``export`` and ``dot`` then compare fairly even when other work competes.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.orgs import generate_organisation, to_dot
from workshop_app.protocol import export_protocol


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_export(size: int, folder: Path) -> tuple[float, int]:
    session = generate_organisation(size)
    path = folder / f"protocol-{size}.pdf"
    start = time.process_time()
    export_protocol(session, path)
    seconds = time.process_time() - start
    pages = path.read_bytes().count(b"/Type /Page\n")
    return seconds, pages


def time_dot(size: int, folder: Path, timeout: float) -> float | None:
    """CPU seconds ``dot -Tpdf`` needs, or ``None`` when it is missing or times out."""
    dot = shutil.which("dot")
    if dot is None:
        return None
    source = folder / f"org-{size}.dot"
    source.write_text(to_dot(generate_organisation(size)), encoding="utf-8")
    before = _children_cpu()
    try:
        subprocess.run([dot, "-Tpdf", str(source), "-o", os.devnull], check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return _children_cpu() - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[50, 300, 1000])
    parser.add_argument("--dot-timeout", type=float, default=1800.0)
    args = parser.parse_args()
    # Register the fonts once, outside the timing, as a running app would have.
    with tempfile.TemporaryDirectory() as scratch:
        time_export(10, Path(scratch))
        print(f"{'nodes':>6} {'pages':>6} {'export s':>9} {'dot s':>9} {'ratio':>7}")
        for size in args.sizes:
            export, pages = time_export(size, Path(scratch))
            dot = time_dot(size, Path(scratch), args.dot_timeout)
            dot_text = f"{dot:9.2f}" if dot is not None else f"{'—':>9}"
            ratio = f"{export / dot:7.3f}" if dot else f"{'—':>7}"
            print(f"{size:>6} {pages:>6} {export:9.2f} {dot_text} {ratio}", flush=True)


if __name__ == "__main__":
    main()
