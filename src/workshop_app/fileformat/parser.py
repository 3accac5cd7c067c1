"""A hardened YAML reader: events to plain data, never trusting the text.

PyYAML's composer recurses (the C one segfaults on ~30,000 nested brackets,
the pure one raises ``RecursionError``), and its resolver follows YAML 1.1,
where ``NO`` is false and ``010`` is 8. So the composer never sees the text:
libyaml's event parser, which keeps its own stack, feeds a loop here that
builds dicts and lists with an explicit depth limit and resolves plain
scalars by a small YAML-1.2-core-like rule (see :func:`resolve_plain`).
Tags other than ``!!str``, anchors, aliases and duplicate keys are refused.

The workshop templates are read with the same :func:`parse_yaml`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from workshop_app.fileformat.errors import SessionFormatError, format_path, show
from workshop_app.fileformat.lines import Lines, Path, line_counter

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "Lines",
    "Path",
    "check_size",
    "parse_yaml",
    "resolve_plain",
]

#: Files larger than this are refused before they are read.
MAX_FILE_BYTES = 8 * 1024 * 1024
#: Collections nested deeper than this are refused (a session needs four).
MAX_DEPTH = 64

# libyaml when PyYAML was built with it; the pure parser's events are the same.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"
# Python refuses to turn longer digit strings into an int (CVE-2020-10735).
_MAX_DIGITS = 4000

_KEYWORDS: dict[str, Any] = {
    "": None,
    "~": None,
    "null": None,
    "true": True,
    "false": False,
    ".inf": math.inf,
    "-.inf": -math.inf,
    ".nan": math.nan,
}
_NUMBER_START = frozenset("-0123456789")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
# YAML's printable characters (YAML 1.2, 5.1); the stream may hold nothing else.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NO_KEY = object()


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar.

    Only ``true``/``false`` are booleans, only ``-?(0|[1-9][0-9]*)`` are
    whole numbers, decimal numbers with a point or exponent are floats,
    ``null``, ``~`` and nothing are null; everything else is text.

    Examples
    --------
    >>> [resolve_plain(t) for t in ("NO", "010", "2026-11-26", "-3", "1.5e3", "~")]
    ['NO', '010', '2026-11-26', -3, 1500.0, None]
    """
    value = _KEYWORDS.get(text, _NO_KEY)
    if value is not _NO_KEY:
        return value
    if text[0] in _NUMBER_START and (match := _NUMBER.fullmatch(text)):
        if match.group(1) or match.group(2):
            return float(text)
        if len(text) > _MAX_DIGITS:
            raise ValueError("too many digits")
        return int(text)
    return text


def parse_yaml(text: str | bytes, source: str = "<text>") -> tuple[Any, Lines]:
    """Read YAML text as plain Python data, refusing anything hostile.

    Parameters
    ----------
    text
        The file's content; bytes must be UTF-8.
    source
        The file's name, for messages.

    Returns
    -------
    data, lines
        ``data`` is built from ``dict``, ``list``, ``str``, ``int``,
        ``float``, ``bool`` and ``None`` (``None`` for an empty file);
        ``lines`` gives each path, e.g. ``("nodes", 3, "rank")``, its
        1-based line (a mapping's value has the line of its key), looked up
        when asked (see :class:`Lines`).

    Raises
    ------
    SessionFormatError
        With the line and field concerned, for text that is too large, not
        UTF-8, not printable, not YAML, or uses tags, anchors, aliases,
        duplicate keys, non-text keys or nesting deeper than ``MAX_DEPTH``.

    Examples
    --------
    >>> data, lines = parse_yaml("nodes:\\n  - {id: a, rank: 010}\\n")
    >>> data, lines[("nodes", 0, "rank")]
    ({'nodes': [{'id': 'a', 'rank': '010'}]}, 2)
    """
    text = _checked_text(text, source)
    line_of = line_counter(text)
    loader = _Loader(text)
    try:
        return _compose(loader, source, line_of), Lines(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "nesting depth" in (exc.problem or ""):
            # libyaml ≥ 0.2.5 stops deep nesting while scanning ahead, before
            # our own depth check sees the events: same refusal, same words.
            raise SessionFormatError(
                "is nested more than {limit} levels deep",
                source=source,
                line=line_of(mark) if mark else None,
                limit=MAX_DEPTH,
            ) from None
        raise SessionFormatError(
            "is not valid YAML ({detail})",
            source=source,
            line=line_of(mark) if mark else None,
            detail=exc.problem or exc.context or "",
        ) from None
    except yaml.YAMLError as exc:
        raise SessionFormatError(
            "is not valid YAML ({detail})", source=source, detail=str(exc)
        ) from None
    finally:
        loader.dispose()


def check_size(size: int, source: str) -> None:
    """Refuse a file of ``size`` bytes if it is larger than ``MAX_FILE_BYTES``."""
    if size > MAX_FILE_BYTES:
        raise SessionFormatError(
            "is too large ({size} MiB); a session file may have at most {limit} MiB",
            source=source,
            size=f"{size / 2**20:.1f}",
            limit=MAX_FILE_BYTES // 2**20,
        )


def _checked_text(text: str | bytes, source: str) -> str:
    """``text`` as a string, after the size, encoding and character checks."""
    if isinstance(text, bytes):
        check_size(len(text), source)
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SessionFormatError(
                "is not UTF-8 text (byte 0x{byte:02x} cannot be read); save it as UTF-8",
                source=source,
                line=text.count(b"\n", 0, exc.start) + 1,
                byte=text[exc.start],
            ) from None
    elif len(text) > MAX_FILE_BYTES // 4:  # only then can its UTF-8 be too large
        check_size(len(text.encode("utf-8", "surrogatepass")), source)
    if match := _NOT_PRINTABLE.search(text):
        raise SessionFormatError(
            "contains a character that is not allowed in a session file (U+{code:04X})",
            source=source,
            line=text.count("\n", 0, match.start()) + 1,
            code=ord(match.group()),
        )
    return text


class _Refusal(Exception):
    """A problem at a place, turned into a :class:`SessionFormatError` by the loop."""

    def __init__(self, problem: str, path: Path, line: int, **params: Any) -> None:
        super().__init__(problem)
        self.problem, self.path, self.line, self.params = problem, path, line, params


def _compose(loader: Any, source: str, line_of: Callable[[Any], int]) -> Any:
    try:
        return _build(loader.get_event, line_of)
    except _Refusal as refusal:
        raise SessionFormatError(
            refusal.problem,
            source=source,
            line=refusal.line,
            field=format_path(refusal.path) or None,
            **refusal.params,
        ) from None


def _build(get_event: Any, line_of: Callable[[Any], int]) -> Any:
    """Build the document from events, without recursion (one loop, one stack).

    A frame holds only its own step from its parent, not its whole path: a
    path is put together only for a refusal (:func:`_open_path`), which keeps
    deep and wide lists from costing a tuple per value.
    """
    root: Any = None
    documents = 0
    # One frame per open collection: [container, its step from the parent, pending key].
    stack: list[list[Any]] = []
    # Each text once: the keys, kinds and texts a large file repeats (a
    # 5,000-node file held 78,651 copies: 10 MiB more after loading it).
    texts: dict[str, str] = {}
    while True:
        event = get_event()
        cls = event.__class__
        if cls is ScalarEvent:
            value = _scalar(event, stack, line_of)
            if value.__class__ is str:
                value = texts.setdefault(value, value)
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            _check_collection(event, stack, line_of)
            value = {} if cls is MappingStartEvent else []
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            stack.pop()
            continue
        elif cls is StreamEndEvent:
            return root
        else:
            documents += cls is DocumentStartEvent
            _check_other(event, stack, documents, line_of)
            continue
        if not stack:
            root = value
            step: str | int | None = None
        elif (frame := stack[-1])[2] is _NO_KEY:
            container = frame[0]
            if container.__class__ is dict:
                frame[2] = _new_key(value, container, stack, line_of(event.start_mark))
                continue
            step = len(container)
            container.append(value)
        else:
            step = frame[2]
            frame[0][step] = value
            frame[2] = _NO_KEY
        if cls is not ScalarEvent:
            stack.append([value, step, _NO_KEY])


def _open_path(stack: list[list[Any]]) -> Path:
    """The path of the value the parser is at (for messages)."""
    if not stack:
        return ()
    path = tuple(frame[1] for frame in stack[1:])
    container, _step, key = stack[-1]
    if key is not _NO_KEY:
        return (*path, key)
    return (*path, len(container)) if isinstance(container, list) else path


def _scalar(event: ScalarEvent, stack: list[list[Any]], line_of: Callable[[Any], int]) -> Any:
    if event.anchor is not None:
        _refuse_anchor(event, stack, line_of)
    tag = event.tag
    if tag is None:
        if event.style:  # quoted or block: always text ('' or None is plain)
            return event.value
        try:
            return resolve_plain(event.value)
        except ValueError:
            raise _Refusal(
                "has a number with too many digits", _open_path(stack), line_of(event.start_mark)
            ) from None
    if tag != _STR_TAG:
        _refuse_tag(event, stack, line_of)
    return event.value


def _check_collection(event: Any, stack: list[list[Any]], line_of: Callable[[Any], int]) -> None:
    if event.anchor is not None:
        _refuse_anchor(event, stack, line_of)
    if event.tag is not None:
        _refuse_tag(event, stack, line_of)
    if len(stack) >= MAX_DEPTH:
        raise _Refusal(
            "is nested more than {limit} levels deep",
            _open_path(stack),
            line_of(event.start_mark),
            limit=MAX_DEPTH,
        )
    if stack and stack[-1][2] is _NO_KEY and isinstance(stack[-1][0], dict):
        raise _Refusal(
            "uses a list or mapping as a field name; field names must be text",
            _open_path(stack),
            line_of(event.start_mark),
        )


def _check_other(
    event: Any, stack: list[list[Any]], documents: int, line_of: Callable[[Any], int]
) -> None:
    """Refuse aliases and a second document; let stream and document marks pass."""
    line = line_of(event.start_mark)
    if isinstance(event, AliasEvent):
        raise _Refusal(
            "uses an alias (*{name}); anchors and aliases are not allowed in a session file",
            _open_path(stack),
            line,
            name=event.anchor,
        )
    if documents > 1:
        raise _Refusal("contains more than one YAML document", (), line)


def _new_key(key: Any, mapping: dict[str, Any], stack: list[list[Any]], line: int) -> str:
    if not isinstance(key, str):
        raise _Refusal(
            "a field name must be text, not {value}", _open_path(stack), line, value=show(key)
        )
    if key in mapping:
        raise _Refusal(
            "is given twice; a field may appear only once", (*_open_path(stack), key), line
        )
    return key


def _refuse_anchor(event: Any, stack: list[list[Any]], line_of: Callable[[Any], int]) -> None:
    raise _Refusal(
        "uses an anchor (&{name}); anchors and aliases are not allowed in a session file",
        _open_path(stack),
        line_of(event.start_mark),
        name=event.anchor,
    )


def _refuse_tag(event: Any, stack: list[list[Any]], line_of: Callable[[Any], int]) -> None:
    raise _Refusal(
        "uses the YAML tag {tag}; tags are not allowed in a session file",
        _open_path(stack),
        line_of(event.start_mark),
        tag=event.tag,
    )
