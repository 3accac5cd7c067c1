"""A fork server of savers that the kill trial shoots down.

``python reliability_saver.py PATH SIZE`` builds sessions A (seed 1) and B
(seed 2) once, prints ``ready <sha256 of A's text> <sha256 of B's text>``,
then answers each ``fork`` line on stdin: it forks a saver that saves A and
B to PATH, alternately and for ever, with the app's own ``save_session``;
prints the saver's pid; and, once the saver is dead (the trial kills it),
prints ``reaped <wait status>``. Forking from this single-threaded process
costs milliseconds, so a trial does not wait for Python to start each time.
"""

from __future__ import annotations

import hashlib
import os
import sys
import traceback

from reliability_sessions import large_session

from workshop_app.fileformat import dumps_session, save_session


def _saver(path: str, sessions: list) -> None:
    """Save the sessions in turn until killed (never returns)."""
    while True:
        for session in sessions:
            save_session(session, path)


def main() -> None:
    path, size = sys.argv[1], int(sys.argv[2])
    sessions = [large_session(size, seed=1), large_session(size, seed=2)]
    digests = [hashlib.sha256(dumps_session(s).encode()).hexdigest() for s in sessions]
    print("ready", *digests, flush=True)
    for turn, command in enumerate(sys.stdin, start=1):
        if command.strip() != "fork":
            break
        pid = os.fork()
        if pid == 0:
            try:
                _saver(path, sessions[turn % 2 :] + sessions[: turn % 2])
            except BaseException:
                traceback.print_exc()
            os._exit(1)  # only reached if a save failed: the trial sees the status
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print("reaped", status, flush=True)


if __name__ == "__main__":
    main()
