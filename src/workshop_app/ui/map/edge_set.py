"""The map's edges kept in step with the session and the nodes they join.

:class:`EdgeSet` knows which edges touch which node and how edges between
the same two nodes are spread apart; it computes each edge's route and hands
the drawn edge to the :class:`~.edge_layer.EdgeLayer`. A node that moves
re-routes only its own edges.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

from workshop_app.domain import EdgeKind, Session
from workshop_app.layout import EdgeRoute
from workshop_app.layout.labels import label_text
from workshop_app.ui.i18n import tr, ui_language
from workshop_app.ui.map.edge_layer import EdgeLayer
from workshop_app.ui.map.node_item import NodeItem
from workshop_app.ui.map.routes import EdgeKey, drawn_edge, straight_route
from workshop_app.ui.map.style import MapStyle, border_distance, edge_kind_name

__all__ = ["PARALLEL_SPACING", "EdgeSet"]

#: Distance between parallel edges joining the same two nodes.
PARALLEL_SPACING = 26.0
_KIND_ORDER = {kind.value: index for index, kind in enumerate(EdgeKind)}


class EdgeSet:
    """The edges of one session on the map; ``nodes`` are the scene's node items.

    It keeps no copy of the edges' fields (the session has them) and no
    list of pairs (the edges at a node say which join the same two nodes):
    a 5,000-node map has 18,000 edges, and every byte per edge counts.
    """

    def __init__(self, layer: EdgeLayer, nodes: Mapping[str, NodeItem], style: MapStyle) -> None:
        self.layer = layer
        self._nodes = nodes
        self._style = style
        self._session = Session()
        self._keys: set[EdgeKey] = set()
        #: each node's edges (lists: a set per node cost 3 MiB more at 5,000 nodes)
        self._incident: dict[str, list[EdgeKey]] = {}
        self._offsets: dict[EdgeKey, float] = {}  # only edges drawn apart from the middle
        self._pending: list[EdgeKey] = []  # built, not yet routed (last first)
        #: the core's routes, drawn while both ends stand where the core put them
        self._routes: dict[EdgeKey, EdgeRoute] = {}

    def __iter__(self) -> Iterator[EdgeKey]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def incident(self, node_id: str) -> set[EdgeKey]:
        """The keys of the edges from or to ``node_id``."""
        return set(self._incident.get(node_id, ()))

    def offset(self, key: EdgeKey) -> float:
        return self._offsets.get(key, 0.0)

    def build(self, session: Session) -> None:
        """Take every edge of ``session`` anew; :meth:`route_pending` draws them."""
        self._session = session
        self.layer.reset()
        self._keys.clear()
        self._incident.clear()
        self._offsets.clear()
        incident, pairs = self._incident, {}
        for key in session.graph.edges(keys=True):
            source, target, _kind = key
            self._keys.add(key)
            incident.setdefault(source, []).append(key)
            if target != source:
                incident.setdefault(target, []).append(key)
            pair = (source, target) if source < target else (target, source)
            pairs.setdefault(pair, []).append(key)
        for pair in pairs.values():
            if len(pair) > 1:
                pair.sort(key=lambda k: (_KIND_ORDER[k[2]], k[0]))
                middle = (len(pair) - 1) / 2
                for index, key in enumerate(pair):
                    if index != middle:
                        self._offsets[key] = (index - middle) * PARALLEL_SPACING
        self._pending = sorted(self._keys, reverse=True)

    @property
    def pending(self) -> int:
        """How many edges of the last :meth:`build` are still to be drawn."""
        return len(self._pending)

    def route_pending(self, seconds: float = math.inf, *, show: bool = True) -> None:
        """Route the edges still to be drawn, for at most about ``seconds``.

        A map of thousands of edges is drawn in slices, so the window shows
        the nodes at once and stays responsive while the edges fill in.
        ``show=False`` leaves them to the layer's next flush.
        """
        pending, end = self._pending, time.monotonic() + seconds
        while pending:
            for _ in range(min(200, len(pending))):
                key = pending.pop()
                if key in self._keys:  # not removed by an edit since the build
                    self._route(key)
            if time.monotonic() >= end:
                break
        if show:
            self.layer.flush()

    def sync(self, key: EdgeKey, session: Session) -> None:
        """Make edge ``key`` match ``session``: add, change or remove it."""
        self._session = session
        source, target, kind = key
        present = source in self._nodes and target in self._nodes
        if present and session.graph.has_edge(source, target, key=kind):
            new = key not in self._keys
            self._remember(key)
            if new:
                self._spread(key)
            else:
                self._route(key)
        elif key in self._keys:
            self._forget(key)

    def drop_node(self, node_id: str) -> None:
        """Forget the edges of a node that left the map."""
        for key in self.incident(node_id):
            self._forget(key, spread=False)

    def follow(self, node_ids: Iterable[str]) -> None:
        """Re-route the edges of nodes that moved (each edge once)."""
        keys: set[EdgeKey] = set()
        for node_id in node_ids:
            keys.update(self._incident.get(node_id, ()))
        for key in keys:
            self._route(key)

    def use_routes(self, routes: Mapping[EdgeKey, EdgeRoute]) -> None:
        """Draw the core's ``routes`` from the next routing on (a build)."""
        self._routes = dict(routes)

    def adopt(self, routes: Mapping[EdgeKey, EdgeRoute]) -> None:
        """Draw the core's ``routes`` (by ``(source, target, kind value)``); re-draw changes."""
        old, self._routes = self._routes, dict(routes)
        for key in (old.keys() | self._routes.keys()) & self._keys:
            if old.get(key) != self._routes.get(key):
                self._route(key)

    def set_style(self, style: MapStyle) -> None:
        self._style = style
        for key in self._keys:
            self._route(key)

    def tooltip(self, key: EdgeKey) -> str:
        """Name the relation and its ends (and an escalation's trigger)."""
        source, target = (self._nodes[node_id].label for node_id in key[:2])
        text = tr("{source} → {target}: {relation}").format(
            source=source, target=target, relation=edge_kind_name(EdgeKind(key[2]))
        )
        trigger = self._fields(key).get("trigger")
        if isinstance(trigger, str) and trigger.strip():
            text += "\n" + tr("Trigger: {trigger}").format(trigger=trigger.strip())
        return text

    # --- helpers ---

    def _remember(self, key: EdgeKey) -> None:
        key = (key[0], key[1], EdgeKind(key[2]).value)
        if key not in self._keys:
            self._keys.add(key)
            for node_id in {key[0], key[1]}:
                self._incident.setdefault(node_id, []).append(key)

    def _forget(self, key: EdgeKey, *, spread: bool = True) -> None:
        self._keys.discard(key)
        self._offsets.pop(key, None)
        for node_id in {key[0], key[1]}:
            edges = self._incident.get(node_id, [])
            if key in edges:
                edges.remove(key)
        self.layer.discard(key)
        if spread:
            self._spread(key, route_self=False)

    def _pair(self, key: EdgeKey) -> list[EdgeKey]:
        """The edges joining the same two nodes as ``key``, in drawing order."""
        ends = {key[0], key[1]}
        pair = [k for k in self._incident.get(key[0], ()) if {k[0], k[1]} == ends]
        pair.sort(key=lambda k: (_KIND_ORDER[k[2]], k[0]))
        return pair

    def _spread(self, key: EdgeKey, *, route_self: bool = True) -> None:
        """Give the edges of ``key``'s pair distinct offsets, centred on the line."""
        pair = self._pair(key)
        middle = (len(pair) - 1) / 2
        for index, member in enumerate(pair):
            offset = (index - middle) * PARALLEL_SPACING
            if offset != self._offsets.get(member, 0.0) or (route_self and member == key):
                if offset:
                    self._offsets[member] = offset
                else:
                    self._offsets.pop(member, None)
                self._route(member)

    def _route(self, key: EdgeKey) -> None:
        source, target = self._nodes[key[0]], self._nodes[key[1]]
        route = self._routes.get(key)
        if route is not None and _at_box(source) and _at_box(target):
            look = self._style.edges[EdgeKind(key[2])]
            self.layer.put(drawn_edge(key, route.path, look, self._tag(key), route.label))
            return
        start, end = source.pos(), target.pos()
        if (end - start).manhattanLength() < 1:
            self.layer.discard(key)
            return

        def clip(which: int, toward: tuple[float, float]) -> tuple[float, float]:
            node = target if which else source
            x, y = node.pos().x(), node.pos().y()
            dx, dy = toward[0] - x, toward[1] - y
            t = border_distance(node.kind, dx, dy, node.width, node.height)
            return x + dx * t, y + dy * t

        first = key[0] < key[1]
        steps = straight_route(
            (start.x(), start.y(), 0 if first else 1),
            (end.x(), end.y(), 1 if first else 0),
            self._offsets.get(key, 0.0),
            clip,
        )
        look = self._style.edges[EdgeKind(key[2])]
        self.layer.put(drawn_edge(key, steps, look, self._tag(key)))

    def _fields(self, key: EdgeKey) -> dict:
        """The edge's fields in the session (none while a batch is half applied)."""
        return self._session.graph.get_edge_data(*key, default={})

    def _tag(self, key: EdgeKey) -> tuple[str, ...]:
        """The lines written on the edge, as the core wraps them (a trigger on two at most)."""
        kind = EdgeKind(key[2])
        if kind is EdgeKind.ESCALATES_TO:
            return label_text(kind, self._fields(key), ui_language())
        return _kind_tag(kind, ui_language())


@lru_cache(maxsize=64)
def _kind_tag(kind: EdgeKind, language: str) -> tuple[str, ...]:
    """The tag of every edge of ``kind`` (one tuple shared by all of them)."""
    return label_text(kind, {}, language)


def _at_box(node: NodeItem) -> bool:
    """Whether the node stands where the core's box of it is (not dragged away since)."""
    box, pos = node.box, node.pos()
    return box is not None and box.x == pos.x() and box.y == pos.y()
