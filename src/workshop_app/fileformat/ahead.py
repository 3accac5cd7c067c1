"""Reading a large session file in a child process while the window is being built.

The reader is Python: in a thread it would hold the interpreter that builds
the window. A forked child reads the file on another core and sends the
session back pickled: a 5,000-node session is about 1 MB and 10 ms to
unpickle, against 330 to 400 ms to read. The window takes it with
:meth:`ReadAhead.take` once it has painted, and reads the file itself
whenever the read-ahead has nothing for it: another file is opened, the
file changed since, it does not load (the window's own reading then says
why), or the child failed.

Only on Linux: Windows has no ``fork``, and on macOS a child forked from a
process with system frameworks loaded may not run safely.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import stat
import sys
from pathlib import Path

from workshop_app.domain import Session
from workshop_app.fileformat import SessionFormatError, load_session_with_state
from workshop_app.fileformat.state import DiskState

__all__ = ["READ_AHEAD_FROM_BYTES", "ReadAhead"]

#: Files larger than this are read ahead (about 400 nodes, read in 0.1 s); a
#: smaller one is read before the window shows, so its first frame has the map.
READ_AHEAD_FROM_BYTES = 200_000

#: The child's result: the session and the state of what it read, or None.
Loaded = tuple[Session, DiskState]


class ReadAhead:
    """A session file being read by a child process; :meth:`take` it once, or :meth:`discard` it.

    Examples
    --------
    >>> import tempfile
    >>> from workshop_app.fileformat import save_session
    >>> path = Path(tempfile.mkdtemp()) / "team.yaml"
    >>> _ = save_session(Session(meta={"title": "Team", "notes": "x" * 250_000}), path)
    >>> ahead = ReadAhead.start(path)
    >>> session, state = ahead.take(path)
    >>> session.meta["title"], state.size == path.stat().st_size
    ('Team', True)
    >>> ahead.take(path) is None  # once only
    True
    """

    def __init__(self, path: Path, pid: int, pipe: int) -> None:
        self.path = path
        self._pid: int | None = pid
        self._pipe: int | None = pipe

    @classmethod
    def start(cls, path: Path) -> ReadAhead | None:
        """Start reading ``path`` in a child process.

        None where nothing is read ahead: not on Linux, or ``path`` is no
        regular file larger than ``READ_AHEAD_FROM_BYTES`` (a small one is
        read in the time a fork takes; a FIFO would wait for a writer).
        """
        if not sys.platform.startswith("linux"):
            return None
        try:
            info = os.stat(path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size <= READ_AHEAD_FROM_BYTES:
            return None
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: read, send, and leave without running anything of the parent's
            try:
                os.close(read_end)
                _send(path, write_end)
            finally:
                os._exit(0)
        os.close(write_end)
        return cls(path, pid, read_end)

    def take(self, path: Path) -> Loaded | None:
        """The session read from ``path`` and its disk state, if unchanged since; else None.

        Waits for the child if it is still reading. The read-ahead is spent
        afterwards, also when it was for another file: a second call gives None.
        """
        if self._pipe is None or path != self.path:
            self.discard()
            return None
        chunks = []
        with contextlib.suppress(OSError):
            while chunk := os.read(self._pipe, 1 << 20):
                chunks.append(chunk)
        self._close()
        try:
            loaded = pickle.loads(b"".join(chunks))  # our own child's bytes, through our own pipe
        except Exception:  # the child was stopped or failed: the caller reads the file itself
            return None
        if loaded is None or not _unchanged(path, loaded[1]):
            return None
        return loaded

    def discard(self) -> None:
        """Stop the child if it still reads, and forget it."""
        if self._pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, 9)
        self._close()

    def _close(self) -> None:
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None
        if self._pid is not None:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            self._pid = None


def _send(path: Path, pipe: int) -> None:
    """In the child: read ``path`` and write the pickled result (None if it did not load)."""
    gc.disable()  # a short life: the collector's passes would only cost time
    loaded: Loaded | None
    try:
        loaded = load_session_with_state(path)
    except SessionFormatError:
        loaded = None
    with os.fdopen(pipe, "wb") as out:
        pickle.dump(loaded, out, protocol=pickle.HIGHEST_PROTOCOL)


def _unchanged(path: Path, state: DiskState) -> bool:
    try:
        return state.same_stat(os.stat(path))
    except OSError:
        return False
