"""Build the one-folder application ``dist/responsibility-map/`` with PyInstaller.

    python scripts/build_bundle.py

The folder holds an executable ``responsibility-map`` (``.exe`` on Windows)
that is the same entry point as ``workshop-app`` — the window, and ``check``,
``export`` and the other commands — with Python, Qt, the fonts, the
templates and the sample inside; it runs where no Python is installed. Build
it on the system it is for (PyInstaller does not cross-compile): Linux,
Windows and macOS alike, with ``pip install ".[bundle]"`` first.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "responsibility-map"

#: Installed beside the app's own dependencies but never used by it; leaving
#: them out keeps the folder small (networkx and openpyxl import them only
#: when asked for features the app does not use).
EXCLUDED = [
    "tkinter",
    "numpy",
    "scipy",
    "pandas",
    "matplotlib",
    "IPython",
    "pytest",
    "hypothesis",
    "setuptools",
    "pip",
]


def pyinstaller_arguments(dist: Path, work: Path) -> list[str]:
    """The PyInstaller command line for the bundle (without the program name)."""
    separator = os.pathsep  # PyInstaller's SOURCE:DEST separator is the path separator
    arguments = [
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        f"--name={NAME}",
        "--onedir",
        f"--distpath={dist}",
        f"--workpath={work}",
        f"--specpath={work}",
        f"--paths={ROOT / 'src'}",
        # The command line imports its commands (and Qt) only when asked for them.
        "--collect-submodules=workshop_app",
        # Templates and settings these libraries read from their own folders.
        "--collect-data=docx",
        "--collect-data=arabic_reshaper",
        f"--add-data={ROOT / 'resources'}{separator}workshop_app/resources",
        f"--add-data={ROOT / 'workshop_templates'}{separator}workshop_app/workshop_templates",
        f"--icon={ROOT / 'resources' / 'icons' / 'responsibility-map.png'}",
    ]
    # python-docx finds its templates as docx/parts/../templates: the folder
    # docx/parts must exist on disk, although its modules live in the archive.
    import docx

    parts = Path(docx.__file__).parent / "parts" / "__init__.py"
    arguments.append(f"--add-data={parts}{separator}docx/parts")
    arguments += [f"--exclude-module={module}" for module in EXCLUDED]
    return [*arguments, str(ROOT / "packaging" / "bundle_entry.py")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    args = parser.parse_args()
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        print('build_bundle: PyInstaller is missing: pip install ".[bundle]"', file=sys.stderr)
        return 2
    work = ROOT / "build" / "pyinstaller"
    pyinstaller.run(pyinstaller_arguments(args.dist, work))
    folder = args.dist / NAME
    if sys.platform.startswith("linux"):
        shutil.copy(ROOT / "packaging" / "linux" / f"{NAME}.desktop", folder)
    print(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
