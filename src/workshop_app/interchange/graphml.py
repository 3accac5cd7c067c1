"""The session as GraphML, for yEd, Gephi and networkx — and back.

Every node carries its ``kind``, ``label`` and every field as GraphML data
keys (a position as ``x`` and ``y``), every edge its ``kind`` and fields;
what the session holds beyond the graph (meta, actions, reviews, cases…)
travels as one JSON text on the graph, so that a file written here reads
back into the same session. yEd's graphics extension
(:mod:`workshop_app.interchange.yed`) adds the map's own geometry, shapes
and colours, which yEd shows and every other reader ignores.

Reading accepts GraphML from other tools too, as long as each node says its
kind (a data key named ``kind``); what cannot be inferred is refused naming
the element. The result goes through the session file's own validation, so
a GraphML file can hold nothing a session file could not.
"""

from __future__ import annotations

import json
import math
import os
import re
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from workshop_app.domain import EDGE_FIELDS, NODE_FIELDS, EdgeKind, NodeKind, Session
from workshop_app.fileformat import MAX_FILE_BYTES
from workshop_app.fileformat.atomic import write_atomic
from workshop_app.fileformat.schema import build_session
from workshop_app.fileformat.writer import session_to_document
from workshop_app.interchange.errors import ImportRefused
from workshop_app.interchange.xmltree import Element, parse_xml
from workshop_app.interchange.yed import YED_NAMESPACE, YedGraphics

__all__ = ["GRAPHML_NAMESPACE", "dumps_graphml", "export_graphml", "loads_graphml"]

GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
_SESSION_KEY = "session"
_JSON = "JSON"
_INTEGER = re.compile(r"[+-]?[0-9]+")


def export_graphml(
    session: Session, path: str | os.PathLike[str], language: str | None = None
) -> None:
    """Write ``session`` as GraphML to ``path``, atomically."""
    write_atomic(
        path,
        dumps_graphml(session, language or session.language).encode("utf-8"),
        keep_backup=False,
    )


def dumps_graphml(session: Session, language: str) -> str:
    """The GraphML text of ``session``; yEd's labels and legend words in ``language``."""
    document = session_to_document(session)
    nodes, edges = document.pop("nodes"), document.pop("edges")
    keys = _Keys()
    graphics = YedGraphics(session, language)
    body = [
        *(_node(node, keys, graphics.node(node["id"])) for node in nodes),
        *(_edge(index, edge, keys, graphics.edge(edge)) for index, edge in enumerate(edges)),
    ]
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<graphml xmlns="{GRAPHML_NAMESPACE}" xmlns:y="{YED_NAMESPACE}">',
        *keys.declarations(),
        '  <key id="graph_session" for="graph" attr.name="session" attr.type="string">'
        f"<desc>{_JSON}</desc></key>",
        '  <key id="node_graphics" for="node" yfiles.type="nodegraphics"/>',
        '  <key id="edge_graphics" for="edge" yfiles.type="edgegraphics"/>',
        '  <graph id="G" edgedefault="directed">',
        f'    <data key="graph_session">{escape(json.dumps(document, ensure_ascii=False))}</data>',
    ]
    return "\n".join([*head, *body, "  </graph>", "</graphml>", ""])


class _Keys:
    """The data keys used, one per (element, name, type)."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str, str], str] = {}

    def use(self, domain: str, name: str, kind: str) -> str:
        return self.ids.setdefault((domain, name, kind), f"{domain}_{name}_{kind}")

    def declarations(self) -> list[str]:
        lines = []
        for (domain, name, kind), key_id in self.ids.items():
            attr_type = "string" if kind == "json" else kind
            desc = f"<desc>{_JSON}</desc>" if kind == "json" else ""
            lines.append(
                f"  <key id={quoteattr(key_id)} for={quoteattr(domain)} "
                f"attr.name={quoteattr(name)} attr.type={quoteattr(attr_type)}>{desc}</key>"
            )
        return lines


def _data(keys: _Keys, domain: str, name: str, value: Any) -> str:
    if isinstance(value, bool):
        kind, text = "boolean", "true" if value else "false"
    elif isinstance(value, int):
        kind, text = "long", str(value)
    elif isinstance(value, float):
        kind, text = "double", repr(value)
    elif isinstance(value, str):
        kind, text = "string", value
    else:
        kind, text = "json", json.dumps(value, ensure_ascii=False)
    return f"<data key={quoteattr(keys.use(domain, name, kind))}>{escape(text)}</data>"


def _node(node: dict[str, Any], keys: _Keys, graphics: str) -> str:
    fields = [(name, value) for name, value in node.items() if name not in ("id", "position")]
    if "position" in node:
        fields += [("x", node["position"][0]), ("y", node["position"][1])]
    data = "".join(_data(keys, "node", name, value) for name, value in fields)
    return f"    <node id={quoteattr(node['id'])}>{data}{graphics}</node>"


def _edge(index: int, edge: dict[str, Any], keys: _Keys, graphics: str) -> str:
    fields = [(n, v) for n, v in edge.items() if n not in ("source", "target")]
    data = "".join(_data(keys, "edge", name, value) for name, value in fields)
    ends = f"source={quoteattr(edge['source'])} target={quoteattr(edge['target'])}"
    return f'    <edge id="e{index}" {ends}>{data}{graphics}</edge>'


def loads_graphml(data: bytes, source: str, language: str = "en") -> Session:
    """A new session from GraphML text.

    ``language`` is the session's language when the file does not say.

    Raises
    ------
    ImportRefused
        For XML that is not GraphML, or a node or edge whose kind cannot be told.
    SessionFormatError
        For a value the session file would refuse, naming its line and field.
    """
    if len(data) > 4 * MAX_FILE_BYTES:
        raise ImportRefused("is too large to be a map", source=source)
    root = parse_xml(data, source)
    if root.tag != "graphml":
        raise ImportRefused("is not GraphML (it starts with <{tag}>)", source=source, tag=root.tag)
    graphs = root.all("graph")
    if len(graphs) != 1:
        raise ImportRefused("must hold exactly one graph, not {count}", source=source,
                            count=len(graphs))  # fmt: skip
    keys = {k.attributes.get("id", ""): k for k in root.all("key")}
    reader = _Reader(source, keys)
    document, lines = reader.session_part(graphs[0], language)
    document["nodes"] = [reader.node(i, n, lines) for i, n in enumerate(graphs[0].all("node"))]
    document["edges"] = [reader.edge(i, e, lines) for i, e in enumerate(graphs[0].all("edge"))]
    return build_session(document, lines, source)


class _Reader:
    def __init__(self, source: str, keys: dict[str, Element]) -> None:
        self.source = source
        self.keys = keys

    def _fields(self, element: Element) -> list[tuple[str, Any, int]]:
        """(name, value, line) of the element's data, typed by its key."""
        fields = []
        for data in element.all("data"):
            key = self.keys.get(data.attributes.get("key", ""))
            if key is None or "yfiles.type" in key.attributes:
                continue  # graphics of yEd, or a key nobody declared: nothing of the session
            name = key.attributes.get("attr.name") or key.attributes["id"]
            fields.append((name, self._typed(key, data), data.line))
        return fields

    def _typed(self, key: Element, data: Element) -> Any:
        text = data.text.strip()
        described = any(d.text.strip() == _JSON for d in key.all("desc"))
        kind = key.attributes.get("attr.type", "string")
        try:
            if described:
                return json.loads(text)
            if kind == "boolean":
                return {"true": True, "false": False}.get(text.lower(), text)
            if kind in ("int", "long") or (
                kind in ("double", "float") and _INTEGER.fullmatch(text)
            ):
                return int(text)
            if kind in ("double", "float"):
                value = float(text)
                return value if math.isfinite(value) else text
        except (ValueError, RecursionError):
            return text
        return data.text

    def session_part(self, graph: Element, language: str) -> tuple[dict[str, Any], dict]:
        document: dict[str, Any] = {"format": "workshop-session", "version": 1,
                                    "meta": {"language": language}}  # fmt: skip
        lines: dict[tuple[Any, ...], int] = {}
        for name, value, line in self._fields(graph):
            if name == _SESSION_KEY and isinstance(value, dict):
                document.update(value)
                lines.update({(part,): line for part in value})
        return document, lines

    def node(self, index: int, element: Element, lines: dict) -> dict[str, Any]:
        node: dict[str, Any] = {"id": element.attributes.get("id", "")}
        lines[("nodes", index)] = element.line
        x = y = None
        for name, value, line in self._fields(element):
            lines[("nodes", index, name)] = line
            if name == "x":
                x = value
            elif name == "y":
                y = value
            else:
                node[name] = value
        kind = self._kind(node.get("kind"), NodeKind, "node", element)
        node.setdefault("label", _yed_label(element) or node["id"])
        if x is not None and y is not None:
            node["position"] = [x, y]
        return _known_types(node, {f.name: f.type for f in NODE_FIELDS[kind]})

    def edge(self, index: int, element: Element, lines: dict) -> dict[str, Any]:
        edge: dict[str, Any] = {
            "source": element.attributes.get("source", ""),
            "target": element.attributes.get("target", ""),
        }
        lines[("edges", index)] = element.line
        for name, value, line in self._fields(element):
            lines[("edges", index, name)] = line
            edge[name] = value
        kind = self._kind(edge.get("kind"), EdgeKind, "edge", element)
        return _known_types(edge, {f.name: f.type for f in EDGE_FIELDS[kind]})

    def _kind(
        self, value: Any, kinds: type[NodeKind] | type[EdgeKind], what: str, element: Element
    ) -> Any:
        names = ", ".join(k.value for k in kinds)
        place = f"line {element.line}, {what} {element.attributes.get('id', '?')}"
        if value is None:
            raise ImportRefused(
                "has no kind: give each {what} a data key 'kind' ({names})",
                source=self.source, place=place, what=what, names=names,
            )  # fmt: skip
        try:
            return kinds(value)
        except ValueError:
            raise ImportRefused(
                "has the unknown kind {kind} (known: {names})",
                source=self.source, place=place, kind=repr(value), names=names,
            ) from None  # fmt: skip


def _known_types(item: dict[str, Any], types: dict[str, str]) -> dict[str, Any]:
    """Plain GraphML from other tools writes every value as text: a known
    whole-number or true/false field is read as one (anything else is left
    for the session's validation to refuse, naming the place)."""
    for name, value in item.items():
        if not isinstance(value, str):
            continue
        if types.get(name) == "int" and _INTEGER.fullmatch(value.strip()):
            item[name] = int(value)
        elif types.get(name) == "bool" and value.strip().lower() in ("true", "false"):
            item[name] = value.strip().lower() == "true"
    return item


def _yed_label(element: Element) -> str | None:
    labels = [label.text.strip() for label in element.iter("NodeLabel") if label.text.strip()]
    return labels[0] if labels else None
