"""Where a value stands in the file: its line, found when a message needs it.

Recording the line of every value while reading costs a path tuple and a
dict entry per value — for a wide or deep list hundreds of times the file's
size in memory. Lines are needed only to name the place of a refusal, so
:class:`Lines` reads the events of the text again, once per place asked
for, and stops as soon as it has passed it.

Line numbers count ``\\n`` (and ``\\r``) line breaks, as an editor shows them;
libyaml also breaks lines at U+0085, U+2028 and U+2029, which
:func:`line_counter` takes back out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.events import (
    CollectionStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)

__all__ = ["Lines", "Path", "line_counter"]

Path = tuple[str | int, ...]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_UNICODE_BREAKS = re.compile("[\x85\u2028\u2029]")
_NO_KEY = object()


def line_counter(text: str) -> Callable[[Any], int]:
    """A function giving the 1-based line, as an editor counts, of a libyaml mark in ``text``."""
    if _UNICODE_BREAKS.search(text) is None:
        return lambda mark: mark.line + 1
    breaks = [match.start() for match in _UNICODE_BREAKS.finditer(text)]
    return lambda mark: mark.line + 1 - bisect.bisect_left(breaks, mark.index)


class Lines:
    """The 1-based line of each value of a parsed text, by path: ``lines[("nodes", 3, "rank")]``.

    A mapping's value has the line of its key; a list item the line where
    it starts. Paths that are not in the text are not in ``lines``.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._found: dict[Path, int | None] = {}

    def get(self, path: Path, default: int | None = None) -> int | None:
        if path not in self._found:
            self._found.update(_locate(self._text, path))
        line = self._found[path]
        return default if line is None else line

    def __getitem__(self, path: Path) -> int:
        line = self.get(path)
        if line is None:
            raise KeyError(path)
        return line

    def __contains__(self, path: object) -> bool:
        return isinstance(path, tuple) and self.get(path) is not None

    def nearest(self, path: Path) -> int | None:
        """The line of ``path``, or of the closest enclosing value that is in the text."""
        for end in range(len(path), -1, -1):
            line = self.get(path[:end])
            if line is not None:
                return line
        return None


def _locate(text: str, path: Path) -> dict[Path, int | None]:
    """The lines of ``path`` and all its beginnings (``None`` where the text has none)."""
    found: dict[Path, int | None] = {path[:end]: None for end in range(len(path) + 1)}
    line_of = line_counter(text)
    loader = _Loader(text)
    # One frame per open collection: [is a mapping, next index, pending key, on the path].
    stack: list[list[Any]] = []
    try:
        while True:
            event = loader.get_event()
            if isinstance(event, StreamEndEvent):
                break
            if isinstance(event, MappingEndEvent | SequenceEndEvent):
                if stack.pop()[3] and len(stack) <= len(path):
                    break  # left the part of the text the path leads into
                continue
            if not isinstance(event, ScalarEvent | CollectionStartEvent):
                continue
            on_path = _step(stack, event, path, found, line_of(event.start_mark))
            if isinstance(event, CollectionStartEvent):
                stack.append([isinstance(event, MappingStartEvent), 0, _NO_KEY, on_path])
    except yaml.YAMLError:
        pass  # the text was read once already; whatever was found stands
    finally:
        loader.dispose()
    return found


def _step(
    stack: list[list[Any]], event: Any, path: Path, found: dict[Path, int | None], line: int
) -> bool:
    """Place ``event`` in its parent; record its line if it lies on ``path``. Whether it does."""
    depth = len(stack) - 1  # the index in ``path`` of this value's step
    if not stack:
        found[()] = line
        return True
    frame = stack[-1]
    is_mapping, index, key, parent_on_path = frame
    if is_mapping and key is _NO_KEY:
        if isinstance(event, ScalarEvent):
            frame[2] = event.value
            if parent_on_path and depth < len(path) and path[depth] == event.value:
                found[path[: depth + 1]] = line
        else:
            frame[2] = None  # a collection as a key: refused when read, never on a path
        return False
    if is_mapping:
        step: str | int = key
        frame[2] = _NO_KEY
    else:
        step = index
        frame[1] = index + 1
    on_path = parent_on_path and depth < len(path) and path[depth] == step
    if on_path and not is_mapping:
        found[path[: depth + 1]] = line
    return on_path
