"""A network guard: every attempt to reach the network from Python is recorded and refused.

The app must work at a client site with no network, so nothing it does —
nor anything its tests do — may even try. :func:`install` patches the
socket module: ``connect``/``connect_ex``/``sendto`` on internet sockets and
host-name lookups (``getaddrinfo``, ``gethostbyname``…) for anything but
this machine raise ``OSError(ENETUNREACH)`` and are recorded; local
sockets (``AF_UNIX``, which Qt and D-Bus use) work as before.

As a pytest plugin it guards a whole test run and fails it after any attempt::

    PYTHONPATH=tests/reliability python -m pytest -p reliability_network_guard

With ``RELIABILITY_NETWORK_LOG`` set, each attempt is also appended to that
file, one line each, so a trial can count them across processes.
"""

from __future__ import annotations

import errno
import os
import socket
from typing import Any

__all__ = ["ATTEMPTS", "install"]

#: What was attempted, e.g. ``"connect ('192.0.2.1', 80)"``.
ATTEMPTS: list[str] = []

_INTERNET = (socket.AF_INET, socket.AF_INET6)
_LOCAL_HOSTS = (None, "", "localhost", "127.0.0.1", "::1", b"localhost")
_installed: list[bool] = []


def _refuse(what: str, target: Any) -> OSError:
    attempt = f"{what} {target!r}"
    ATTEMPTS.append(attempt)
    if log := os.environ.get("RELIABILITY_NETWORK_LOG"):
        with open(log, "a", encoding="utf-8") as file:
            file.write(f"{os.getpid()} {attempt}\n")
    return OSError(errno.ENETUNREACH, f"network blocked by the reliability guard: {attempt}")


def install() -> None:
    """Guard this process (idempotent)."""
    if _installed:
        return
    _installed.append(True)
    real = {name: getattr(socket.socket, name) for name in ("connect", "connect_ex", "sendto")}

    def guarded(name: str) -> Any:
        def method(self: socket.socket, *args: Any) -> Any:
            if self.family in _INTERNET:
                raise _refuse(name, args[-1])
            return real[name](self, *args)

        return method

    for name in real:
        setattr(socket.socket, name, guarded(name))
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        setattr(socket, name, _guarded_lookup(name, getattr(socket, name)))


def _guarded_lookup(name: str, lookup: Any) -> Any:
    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in _LOCAL_HOSTS:
            raise _refuse(name, host)
        return lookup(host, *args, **kwargs)

    return guarded


def pytest_configure(config: Any) -> None:
    install()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    terminalreporter.section("network guard")
    terminalreporter.write_line(f"network attempts: {len(ATTEMPTS)}")
    for attempt in ATTEMPTS[:20]:
        terminalreporter.write_line(f"  {attempt}")


def pytest_sessionfinish(session: Any, exitstatus: int) -> None:
    if ATTEMPTS and exitstatus == 0:
        session.exitstatus = 1
