"""What the map can do next, said where people look: the status bar and F1.

:class:`MapHint` names the keys for what is selected (C connects, F2
renames…), so connecting and the rest are found without a manual;
:func:`map_keys` lists the map's own keys and gestures for the keyboard help.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel

from workshop_app.ui.i18n import tr

if TYPE_CHECKING:
    from workshop_app.ui.map.view import MapView

__all__ = ["MapHint", "map_keys"]

_LABEL_CHARS = 30


def map_keys() -> list[tuple[str, str, list[str]]]:
    """The map's keys and gestures: (where, what, keys as shown)."""
    where = tr("Map")
    return [
        (where, tr("Connect the selected node to…"), ["C", "Ctrl+K"]),
        (where, tr("Connect by mouse"), [tr("Shift+drag from a node"), tr("drag its + handle")]),
        (where, tr("Menu of a node, relation or empty spot"), [tr("right click")]),
        (where, tr("Rename the selected node"), ["F2", tr("double click")]),
        (where, tr("Move the selection"), [tr("arrow keys"), tr("Shift+arrow keys")]),
        (where, tr("Pan"), [tr("Space+drag"), tr("middle button drag")]),
        (where, tr("Show or hide the legend"), ["L"]),
        (where, tr("Cancel connecting, or select nothing"), ["Esc"]),
    ]


class MapHint(QLabel):
    """The keys for what is selected on ``view``, kept up to date; for a status bar."""

    def __init__(self, view: MapView) -> None:
        super().__init__()
        self.setObjectName("mapHint")
        self._view = view
        view.selectionChanged.connect(self.refresh)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        view = self._view
        nodes, edges = view.selected_nodes(), view.selected_edges()
        if len(nodes) == 1 and not edges:
            label = view.scene().nodes[nodes[0]].label
            if len(label) > _LABEL_CHARS:
                label = label[: _LABEL_CHARS - 1] + "…"
            text = tr("C: connect “{label}” to… · F2: rename · Del: delete · right click: more")
            self.setText(text.format(label=label))
        elif len(edges) == 1 and not nodes:
            self.setText(tr("Del: delete the relation · right click: more"))
        elif nodes or edges:
            self.setText(tr("Arrow keys: move · Del: delete"))
        else:
            self.setText(
                tr("Right click: add a node · Shift+drag from a node: connect · F1: all keys")
            )
