"""The Qt layer: the only package that imports PySide6.

The core it shows is imported before PySide6: PySide6 hooks every import
made after it, looking for its opt-in ``__feature__`` imports, and the
core's modules (some 330 with networkx and PyYAML) loaded about 20 ms
faster before it than after it, even with the hook made cheaper for every
module the window imports later (see :func:`_read_sources_lightly`).
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

import workshop_app.analysis
import workshop_app.fileformat
import workshop_app.layout  # noqa: F401  (the core before Qt, see above)

# isort: split
import PySide6.QtCore  # noqa: F401  (installs the import hook lightened below)


def _read_sources_lightly() -> None:
    """Let PySide6 look for ``PySide6`` in a module's file without keeping its source.

    After PySide6 is imported, it checks every module imported from then on
    for the word ``PySide6`` (for its opt-in ``__feature__`` imports) through
    ``inspect.getsource``: that splits each file into lines and keeps them in
    ``linecache`` for the life of the process. For the window's 560 modules
    that was 80 ms of the start and 17 MiB of source lines, more than the
    map of a 5,000-node session. The same question, answered from the file's
    bytes, keeps nothing. Modules without a source file, and any other
    version of PySide6's hook, are left to PySide6.
    """
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or getattr(check, "reads_lightly", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return check(module)
        try:
            source = os.open(path, os.O_RDONLY)
        except OSError:
            return check(module)
        try:
            return b"PySide6" in os.read(source, os.fstat(source).st_size + 1)
        except OSError:
            return check(module)
        finally:
            os.close(source)

    uses_pyside.reads_lightly = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


_read_sources_lightly()
