"""Validation of a parsed session file, and the :class:`Session` it describes.

Every check names its place: the field path and the line the parser recorded.
The first problem found is the one reported; the session is built only when
the whole file is valid, so a refused file changes nothing.
"""

from __future__ import annotations

import math
from typing import Any, NoReturn

import networkx as nx

from workshop_app.domain.kinds import (
    ALLOWED_ENDS,
    EDGE_FIELDS,
    LARGEST_WHOLE_NUMBER,
    NODE_FIELDS,
    POSITION_LIMIT,
    EdgeKind,
    FieldSpec,
    NodeKind,
    check_field,
    check_id,
)
from workshop_app.domain.session import LANGUAGES, Session
from workshop_app.fileformat.cases import check_misplaced_fields, read_cases
from workshop_app.fileformat.errors import SessionFormatError, format_path, show
from workshop_app.fileformat.parser import Lines, Path
from workshop_app.fileformat.votes import read_votes

__all__ = [
    "ACTION_FIELDS",
    "FORMAT",
    "META_FIELDS",
    "PARTICIPANT_FIELDS",
    "REVIEW_FIELDS",
    "TOP_LEVEL",
    "VERSION",
    "build_session",
]

FORMAT = "workshop-session"
VERSION = 1
#: Known keys, in the order they are saved; unknown keys follow, kept as read.
TOP_LEVEL = (
    "format",
    "version",
    "meta",
    "nodes",
    "edges",
    "actions",
    "reviews",
    "cases",
    "votes",
)
META_FIELDS = ("title", "client", "date", "facilitator", "language", "participants")
PARTICIPANT_FIELDS = ("name", "role")
ACTION_FIELDS = ("id", "text", "owner", "due", "status")
REVIEW_FIELDS = ("code", "subjects", "status", "note")
REVIEW_STATUSES = ("accepted", "open")

_TEXT = FieldSpec("text", "text")
_NODE_KINDS = {kind.value: kind for kind in NodeKind}
_EDGE_KINDS = {kind.value: kind for kind in EdgeKind}
_NODE_SPECS = {kind: {spec.name: spec for spec in specs} for kind, specs in NODE_FIELDS.items()}
_EDGE_SPECS = {kind: {spec.name: spec for spec in specs} for kind, specs in EDGE_FIELDS.items()}


class _Checker:
    """Raises refusals that name the field and its line."""

    def __init__(self, lines: Lines, source: str) -> None:
        self.lines = lines
        self.source = source

    def fail(self, path: Path, problem: str, **params: Any) -> NoReturn:
        line = None
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                break
        raise SessionFormatError(
            problem, source=self.source, line=line, field=format_path(path) or None, **params
        )

    def field(self, path: Path, spec: FieldSpec, value: Any) -> None:
        """Refuse ``value`` unless it is valid for ``spec``."""
        if check_field(spec, value) is None:
            return
        shown = show(value)
        if spec.type == "text" and isinstance(value, int | float):
            self.fail(
                path, "must be text, not {value} (put it in quotes to keep it as text)", value=shown
            )
        if spec.type == "text":
            self.fail(path, "must be text, not {value}", value=shown)
        if spec.type == "bool":
            self.fail(path, "must be true or false, not {value}", value=shown)
        if spec.type == "position":
            self._position(path, value)
        if spec.type == "duration":
            self.fail(
                path,
                "must be a duration: a whole number and min, h or d, such as 30min, 4h "
                "or 2d, not {value}",
                value=shown,
            )
        maximum = LARGEST_WHOLE_NUMBER if spec.maximum is None else spec.maximum
        if spec.maximum is not None or (isinstance(value, int) and value > maximum):
            self.fail(
                path,
                "must be a whole number from {minimum} to {maximum}, not {value}",
                minimum=spec.minimum,
                maximum=maximum,
                value=shown,
            )
        self.fail(
            path,
            "must be a whole number of at least {minimum}, not {value}",
            minimum=spec.minimum,
            value=shown,
        )

    def _position(self, path: Path, value: Any) -> NoReturn:
        numbers = isinstance(value, list) and len(value) == 2
        if numbers and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value):
            for index, number in enumerate(value):
                finite = isinstance(number, int) or math.isfinite(number)
                if finite and abs(number) > POSITION_LIMIT:
                    self.fail(
                        (*path, index),
                        "is too far out ({value}); a position may be at most {limit} "
                        "from the centre",
                        value=show(number),
                        limit=POSITION_LIMIT,
                    )
        self.fail(path, "must be a pair of numbers [x, y], not {value}", value=show(value))

    def required_text(self, item: dict[str, Any], path: Path, name: str) -> str:
        """The non-empty text ``item[name]``, or a refusal."""
        if item.get(name) is None:
            self.fail((*path, name), "is missing")
        value = item[name]
        self.field((*path, name), _TEXT, value)
        if not value.strip():
            self.fail((*path, name), "must not be empty")
        return value

    def node_id(self, path: Path, value: Any) -> str:
        if value is None:
            self.fail(path, "is missing")
        if check_id(value) is not None:
            self.fail(
                path,
                "must be an id made of letters, digits, '_', '.' or '-', not {value}",
                value=show(value),
            )
        return value

    def mapping(self, path: Path, value: Any) -> dict[str, Any]:
        if value.__class__ is not dict:
            self.fail(
                path,
                "must be a mapping of fields like {{name: value}}, not {value}",
                value=show(value),
            )
        return value

    def items(self, data: dict[str, Any], name: str) -> list[Any]:
        """The list ``data[name]``; missing or null is an empty list."""
        value = data.get(name)
        if value is None:
            return []
        if value.__class__ is not list:
            self.fail((name,), "must be a list, not {value}", value=show(value))
        return value


def build_session(data: Any, lines: Lines, source: str) -> Session:
    """Check a parsed session file and build the session it describes.

    Raises
    ------
    SessionFormatError
        For the first problem found, naming its line and field.
    """
    check = _Checker(lines, source)
    if data is None:
        check.fail((), "is empty; a session file starts with 'format: {format}'", format=FORMAT)
    if data.__class__ is not dict:
        check.fail(
            (), "is not a session file; it must start with 'format: {format}'", format=FORMAT
        )
    _check_header(check, data)
    meta = _meta(check, data.get("meta"))
    graph = nx.MultiDiGraph()
    kinds = _add_nodes(check, check.items(data, "nodes"), graph)
    _add_edges(check, check.items(data, "edges"), graph, kinds)
    check_misplaced_fields(check, data)
    cases = read_cases(check, check.items(data, "cases"), kinds)
    actions = check.items(data, "actions")
    reviews = check.items(data, "reviews")
    return Session(
        meta=meta,
        graph=graph,
        actions=[_action(check, ("actions", i), item) for i, item in enumerate(actions)],
        reviews=[_review(check, ("reviews", i), item) for i, item in enumerate(reviews)],
        cases=cases,
        votes=read_votes(check, check.items(data, "votes")),
        extra={key: value for key, value in data.items() if key not in TOP_LEVEL},
    )


def _check_header(check: _Checker, data: dict[str, Any]) -> None:
    if data.get("format") != FORMAT:
        if "format" not in data:
            check.fail(
                ("format",),
                "is missing; a session file starts with 'format: {format}'",
                format=FORMAT,
            )
        check.fail(
            ("format",),
            "must be {format}, not {value}; this is not a session file",
            format=FORMAT,
            value=show(data["format"]),
        )
    version = data.get("version")
    if version is None:
        check.fail(("version",), "is missing; this app reads version {version}", version=VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        check.fail(("version",), "must be a whole number, not {value}", value=show(version))
    if version > VERSION:
        check.fail(
            ("version",),
            "is {value}: the file was made by a newer version of Responsibility Map; "
            "this app reads version {version}, please update it",
            value=show(version),
            version=VERSION,
        )
    if version < VERSION:
        check.fail(
            ("version",),
            "must be {version}, not {value}; there is no older version",
            value=show(version),
            version=VERSION,
        )


def _add_nodes(check: _Checker, items: list[Any], graph: nx.MultiDiGraph) -> dict[str, NodeKind]:
    """Check the nodes, add them to ``graph`` and return each id's kind."""
    kinds: dict[str, NodeKind] = {}
    first: dict[str, int] = {}
    entries = []
    for index, item in enumerate(items):
        path = ("nodes", index)
        check.mapping(path, item)
        node_id = check.node_id((*path, "id"), item.get("id"))
        if node_id in first:
            check.fail(
                (*path, "id"),
                "{value} is already the id of nodes[{other}]",
                value=show(node_id),
                other=first[node_id],
            )
        raw, kind = _kind(check, path, item, _NODE_KINDS)
        attrs = {"kind": raw, "label": check.required_text(item, path, "label")}
        _copy_fields(check, path, item, _NODE_SPECS[kind], _NODE_HEAD, attrs)
        first[node_id] = index
        kinds[node_id] = kind
        entries.append((node_id, attrs))
    graph.add_nodes_from(entries)
    return kinds


def _add_edges(
    check: _Checker, items: list[Any], graph: nx.MultiDiGraph, kinds: dict[str, NodeKind]
) -> None:
    first: dict[tuple[str, str, str], int] = {}
    entries = []
    for index, item in enumerate(items):
        path = ("edges", index)
        check.mapping(path, item)
        source, target = (_end(check, item, (*path, end), kinds) for end in ("source", "target"))
        raw, kind = _kind(check, path, item, _EDGE_KINDS)
        if source == target:
            check.fail(
                path,
                "connects {value} to itself; an edge needs two different nodes",
                value=show(source),
            )
        sources, targets = ALLOWED_ENDS[kind]
        if kinds[source] not in sources or kinds[target] not in targets:
            check.fail(
                (*path, "kind"),
                "{kind} cannot go from a {start} to a {end}",
                kind=raw,
                start=kinds[source].value,
                end=kinds[target].value,
            )
        if (source, target, raw) in first:
            check.fail(
                path,
                "repeats edges[{other}]: the same {kind} edge from {start} to {end}",
                other=first[source, target, raw],
                kind=raw,
                start=source,
                end=target,
            )
        first[source, target, raw] = index
        attrs = _copy_fields(check, path, item, _EDGE_SPECS[kind], _EDGE_HEAD, {})
        entries.append((source, target, raw, attrs))
    graph.add_edges_from(entries)


_NODE_HEAD = frozenset(("id", "kind", "label"))
_EDGE_HEAD = frozenset(("source", "target", "kind"))


def _kind(
    check: _Checker, path: Path, item: dict[str, Any], table: dict[str, Any]
) -> tuple[str, Any]:
    """The item's ``kind`` as written and as looked up in ``table`` (refused if unknown)."""
    raw = item.get("kind")
    kind = table.get(raw) if raw.__class__ is str else None
    if kind is None:
        check.fail(
            (*path, "kind"),
            "must be one of {kinds}, not {value}",
            kinds=", ".join(table),
            value=show(raw),
        )
    return raw, kind


def _copy_fields(
    check: _Checker,
    path: Path,
    item: dict[str, Any],
    specs: dict[str, FieldSpec],
    head: frozenset[str],
    attrs: dict[str, Any],
) -> dict[str, Any]:
    """Check the item's optional known fields and copy them, and unknown ones, into ``attrs``.

    Fields in ``head`` are handled by the caller; a null known field is left out.
    """
    for name, value in item.items():
        spec = specs.get(name)
        if spec is not None:
            if value is None:
                continue
            check.field((*path, name), spec, value)
        elif name in head:
            continue
        attrs[name] = value
    return attrs


def _end(check: _Checker, item: dict[str, Any], path: Path, kinds: dict[str, NodeKind]) -> str:
    node_id = check.node_id(path, item.get(path[-1]))
    if node_id not in kinds:
        check.fail(path, "there is no node with the id {value}", value=show(node_id))
    return node_id


def _known_fields(
    check: _Checker,
    path: Path,
    item: dict[str, Any],
    known: tuple[str, ...],
    texts: tuple[str, ...] = (),
) -> dict[str, Any]:
    """``item`` without its null ``known`` fields, after checking ``texts`` are text."""
    kept = {}
    for name, value in item.items():
        if name in known:
            if value is None:
                continue
            if name in texts:
                check.field((*path, name), _TEXT, value)
        kept[name] = value
    return kept


def _meta(check: _Checker, raw: Any) -> dict[str, Any]:
    if raw is None:
        return {}
    meta = _known_fields(
        check, ("meta",), check.mapping(("meta",), raw), META_FIELDS, META_FIELDS[:4]
    )
    language = meta.get("language")
    if language is not None and (language.__class__ is not str or language not in LANGUAGES):
        check.fail(("meta", "language"), "must be de or en, not {value}", value=show(language))
    participants = meta.get("participants")
    if participants is not None:
        if participants.__class__ is not list:
            check.fail(
                ("meta", "participants"), "must be a list, not {value}", value=show(participants)
            )
        meta["participants"] = [
            _known_fields(
                check, path, check.mapping(path, person), PARTICIPANT_FIELDS, PARTICIPANT_FIELDS
            )
            for path, person in (
                (("meta", "participants", i), person) for i, person in enumerate(participants)
            )
        ]
    return meta


def _action(check: _Checker, path: Path, item: Any) -> dict[str, Any]:
    check.mapping(path, item)
    check.required_text(item, path, "text")
    return _known_fields(check, path, item, ACTION_FIELDS, ACTION_FIELDS)


def _review(check: _Checker, path: Path, item: Any) -> dict[str, Any]:
    check.mapping(path, item)
    check.required_text(item, path, "code")
    subjects = item.get("subjects")
    if subjects.__class__ is not list:
        check.fail(
            (*path, "subjects"), "must be a list of node ids, not {value}", value=show(subjects)
        )
    for index, subject in enumerate(subjects):
        check.node_id((*path, "subjects", index), subject)
    status = item.get("status")
    if status is not None and (status.__class__ is not str or status not in REVIEW_STATUSES):
        check.fail((*path, "status"), "must be accepted or open, not {value}", value=show(status))
    return _known_fields(check, path, item, REVIEW_FIELDS, ("code", "note"))
