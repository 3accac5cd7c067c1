"""Saving: a session's canonical document and its deterministic text.

The text is diff-friendly and stable: known keys in a fixed order, nodes and
edges sorted, one flow mapping per node, edge, action or review, and scalars
written by our own rule (plain when it reads back as the same text, double
quoted with escapes otherwise), so saving the same session always gives the
same bytes and the file reads back as the same document.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

from workshop_app.domain.cases import CASE_FIELDS
from workshop_app.domain.kinds import EDGE_FIELDS, NODE_FIELDS, EdgeKind, NodeKind
from workshop_app.domain.session import Session
from workshop_app.domain.votes import BALLOT_FIELDS, VOTE_ROUND_FIELDS
from workshop_app.fileformat.errors import SessionTooLargeError
from workshop_app.fileformat.parser import MAX_FILE_BYTES, resolve_plain
from workshop_app.fileformat.schema import (
    ACTION_FIELDS,
    FORMAT,
    META_FIELDS,
    PARTICIPANT_FIELDS,
    REVIEW_FIELDS,
    TOP_LEVEL,
    VERSION,
)

__all__ = ["dump_document", "encode_document", "flow", "session_to_document"]

_NODE_ORDER = {kind.value: index for index, kind in enumerate(NodeKind)}
_EDGE_ORDER = {kind.value: index for index, kind in enumerate(EdgeKind)}
_NODE_NAMES = {kind.value: [s.name for s in specs] for kind, specs in NODE_FIELDS.items()}
_EDGE_NAMES = {kind.value: [s.name for s in specs] for kind, specs in EDGE_FIELDS.items()}

# A plain scalar may not start with an indicator or a space...
_BAD_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@` ")
# ...nor hold line breaks, control characters, flow indicators (it may sit in
# a flow mapping), '?' (the pure-Python parser ends a plain scalar there),
# ': ' or ' #', end with ':' or white space, or look like a document end.
_NOT_PLAIN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff,?\\[\\]{}]|: | #|:$|\\s$|^\\s|^\\.\\.\\."
)
_ESCAPED = re.compile('["\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]')
# Longer keys are written as explicit keys ("? key : value"); libyaml may
# count the limit in bytes, so it is kept in bytes, with room to spare.
_KEY_LIMIT = 1000
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\0": "\\0",
    "\a": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\v": "\\v",
    "\f": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


def session_to_document(session: Session) -> dict[str, Any]:
    """The session as the plain data that is saved, in canonical order.

    Nodes are sorted by kind (in :class:`NodeKind` order) and id, edges by
    kind (in :class:`EdgeKind` order), source and target; known fields come
    first in their fixed order, unknown ones after them as they were read.
    Null known fields are left out; two sessions with equal documents save
    to the same bytes.
    """
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    meta = _ordered(session.meta, META_FIELDS)
    if isinstance(meta.get("participants"), list):
        meta["participants"] = [
            _ordered(p, PARTICIPANT_FIELDS) if isinstance(p, Mapping) else p
            for p in meta["participants"]
        ]
    if meta:
        document["meta"] = meta
    document["nodes"] = [
        _ordered(attrs, _NODE_NAMES[attrs["kind"]], {"id": node_id, **_head(attrs)})
        for node_id, attrs in sorted(
            session.graph.nodes(data=True), key=lambda n: (_NODE_ORDER[n[1]["kind"]], n[0])
        )
    ]
    document["edges"] = [
        _ordered(attrs, _EDGE_NAMES[kind], {"source": source, "target": target, "kind": kind})
        for source, target, kind, attrs in sorted(
            session.graph.edges(keys=True, data=True),
            key=lambda e: (_EDGE_ORDER[e[2]], e[0], e[1]),
        )
    ]
    if session.actions:
        document["actions"] = [_ordered(action, ACTION_FIELDS) for action in session.actions]
    if session.reviews:
        document["reviews"] = [_ordered(review, REVIEW_FIELDS) for review in session.reviews]
    if session.cases:
        document["cases"] = [_ordered(case, CASE_FIELDS) for case in session.cases]
    if session.votes:
        document["votes"] = [_vote_round(entry) for entry in session.votes]
    for key, value in session.extra.items():
        if key not in TOP_LEVEL:
            document[key] = _plain(value)
    return document


def _vote_round(entry: Mapping[str, Any]) -> dict[str, Any]:
    """A round of votes with its known fields, and those of its ballots, in order."""
    ordered = _ordered(entry, VOTE_ROUND_FIELDS)
    if isinstance(ordered.get("ballots"), list):
        ordered["ballots"] = [
            _ordered(b, BALLOT_FIELDS) if isinstance(b, Mapping) else b for b in ordered["ballots"]
        ]
    return ordered


def _ordered(
    fields: Mapping[str, Any], known: Iterable[str], head: dict[str, Any] | None = None
) -> dict[str, Any]:
    """``head``, then the set ``known`` fields in order, then the unknown ones as they are."""
    result = {} if head is None else head
    known = list(known)
    for name in known:
        if fields.get(name) is not None:
            result[name] = _plain(fields[name])
    for name, value in fields.items():
        if name not in result and name not in known:
            result[name] = _plain(value)
    return result


def _head(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {"kind": attrs["kind"], "label": attrs["label"]}


def _plain(value: Any) -> Any:
    """A copy of ``value`` made of dicts and lists (tuples become lists)."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def dump_document(document: Mapping[str, Any]) -> str:
    """The text of a session document (see :func:`session_to_document`).

    A mapping at the top level is written as a block; a list of mappings
    with one flow mapping per line; everything else as flow collections,
    so no value is ever broken over lines.

    Examples
    --------
    >>> print(dump_document({"meta": {"title": "Kulanz: 50 EUR", "tags": ["a"]}}), end="")
    meta:
      title: "Kulanz: 50 EUR"
      tags: [a]
    """
    lines: list[str] = []
    for key, value in document.items():
        _block(lines, key, value, "", nested=False)
    return "\n".join(lines) + "\n"


def encode_document(document: Mapping[str, Any], path: str | os.PathLike[str]) -> bytes:
    """The bytes that saving ``document`` at ``path`` writes, within the size rule.

    The loader refuses files over ``MAX_FILE_BYTES``; the writer may need
    more bytes than the file it read (a hand-written ``[a,b]`` becomes
    ``[a, b]``), so the same limit is checked on what it produces: a save
    never writes a file the app would refuse to open.

    Raises
    ------
    SessionTooLargeError
        Before anything is written, when the text is over the limit.
    """
    data = dump_document(document).encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise SessionTooLargeError(path, size=len(data), limit=MAX_FILE_BYTES)
    return data


def _block(lines: list[str], key: str, value: Any, indent: str, *, nested: bool) -> None:
    head = f"{indent}{_key(key)}:"
    if _is_long(head):
        lines.extend((f"{indent}? {_key(key)}", f"{indent}: {flow(value)}"))
    elif isinstance(value, Mapping) and value and not nested:
        lines.append(head)
        for name, item in value.items():
            _block(lines, name, item, indent + "  ", nested=True)
    elif isinstance(value, list | tuple) and value and all(isinstance(v, Mapping) for v in value):
        lines.append(head)
        lines.extend(f"{indent}  - {flow(item)}" for item in value)
    else:
        lines.append(f"{head} {flow(value)}")


def _key(key: Any) -> str:
    if not isinstance(key, str):
        raise TypeError(f"field names must be text, not {key!r}")
    return _text(key)


def flow(value: Any) -> str:
    """``value`` as a one-line YAML flow node that reads back as ``value``.

    Examples
    --------
    >>> flow({"label": "NO", "rank": 1, "note": "true", "x": [1.5, None]})
    '{label: NO, rank: 1, note: "true", x: [1.5, null]}'
    """
    if isinstance(value, str):
        return _text(value)
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if math.isfinite(value):
            return float.__repr__(value)
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    if isinstance(value, Mapping):
        return "{" + ", ".join(_flow_entry(_key(k), flow(v)) for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    raise TypeError(f"cannot save a {type(value).__name__} in a session file: {value!r}")


def _flow_entry(key: str, value: str) -> str:
    return f"? {key} : {value}" if _is_long(key) else f"{key}: {value}"


def _is_long(key: str) -> bool:
    """Whether ``key`` is too long for an implicit key (YAML allows 1,024 characters)."""
    return len(key) > _KEY_LIMIT // 4 and len(key.encode("utf-8", "surrogatepass")) > _KEY_LIMIT


def _text(text: str) -> str:
    if text and text[0] not in _BAD_FIRST and not _NOT_PLAIN.search(text) and _reads_as_text(text):
        return text
    return '"' + _ESCAPED.sub(_escape, text) + '"'


def _reads_as_text(text: str) -> bool:
    try:
        return isinstance(resolve_plain(text), str)
    except ValueError:  # a whole number too long to read: not text either
        return False


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    escape = _ESCAPES.get(char)
    if escape is not None:
        return escape
    code = ord(char)
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"
