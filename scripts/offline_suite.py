"""Run the whole test suite and a PDF export with the network blocked; count the attempts.

    python scripts/offline_suite.py [pytest arguments]

Two counts, both must be 0:

- Python level: the suite runs with the ``reliability_network_guard`` pytest
  plugin (every internet connect and host lookup from Python in the test
  process is recorded and refused);
- system level, when run as root on Linux with ``unshare`` and ``strace``:
  the suite runs in a network namespace with no network at all, and every
  ``connect``/``sendto``/``sendmsg`` system call of every process it starts
  (Qt's C++, pdftotext, child Python processes) that addresses an internet
  socket is counted. Local sockets (``AF_UNIX``) are allowed and counted
  separately, for information.

Then ``workshop-app export`` writes the sample's protocol the same way.
Prints the figures; the exit code is 0 only if the suite passed and both
counts are 0.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RELIABILITY = ROOT / "tests" / "reliability"


def _wrapped(command: list[str], trace: Path) -> list[str]:
    if (
        os.name == "posix"
        and os.geteuid() == 0
        and shutil.which("unshare")
        and shutil.which("strace")
    ):
        strace = ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace)]
        return ["unshare", "-n", *strace, *command]
    return command


def _run(name: str, command: list[str], folder: Path) -> bool:
    trace, attempts = folder / f"{name}.strace", folder / f"{name}.attempts"
    env = {**os.environ, "RELIABILITY_NETWORK_LOG": str(attempts), "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join([str(RELIABILITY), env.get("PYTHONPATH", "")])
    result = subprocess.run(_wrapped(command, trace), cwd=ROOT, env=env)
    python_level = len(attempts.read_text().splitlines()) if attempts.exists() else 0
    print(f"{name}: exit {result.returncode}, Python-level attempts {python_level}", end="")
    if trace.exists():
        lines = trace.read_text(encoding="utf-8", errors="replace").splitlines()
        internet = [line for line in lines if re.search(r"sa_family=AF_INET6?\b", line)]
        local = [line for line in lines if "sa_family=AF_UNIX" in line]
        print(f", system calls to the internet {len(internet)}, to local sockets {len(local)}")
        for line in internet[:20]:
            print("   ", line)
    else:
        internet = []
        print(" (no system-level count: needs root, unshare and strace)")
    return result.returncode == 0 and python_level == 0 and not internet


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="offline-"))
    pytest = [sys.executable, "-m", "pytest", "-p", "reliability_network_guard", *sys.argv[1:]]
    suite = _run("suite", pytest, folder)
    sample = ROOT / "resources" / "samples" / "versandhandel.yaml"
    export = [
        sys.executable,
        "-m",
        "workshop_app",
        "export",
        str(sample),
        "-o",
        str(folder / "p.pdf"),
    ]
    exported = _run("export", export, folder)
    return 0 if suite and exported else 1


if __name__ == "__main__":
    sys.exit(main())
