"""Installing the case walk and the delegation board into the main window.

Two docks, hidden at start and built when first shown (like the other
facilitation views): "Walk a case" on the right, the delegation board at
the bottom beside the RACI matrix. The walk is drawn on the main map and,
while presentation mode is on, on the presentation map too, where W plays
it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QWidget

from workshop_app.ui.i18n import tr

__all__ = ["CaseViews", "install_case_views"]


@dataclass
class CaseViews:
    """What :func:`install_case_views` added (``window.case_views``)."""

    window: Any
    docks: dict[str, QDockWidget] = field(default_factory=dict)

    @property
    def walk(self) -> Any:
        """The walk panel, built now if it has not been shown yet."""
        return self._view("walk")

    @property
    def board(self) -> Any:
        """The delegation board widget, built now if it has not been shown yet."""
        return self._view("delegation")

    def _view(self, name: str) -> Any:
        dock = self.docks[name]
        if dock.widget() is None:
            dock.setWidget(_BUILDERS[name](self.window))
        return dock.widget()

    def present(self, on: bool) -> None:
        """Draw the walk on the presentation map too (presentation mode was entered)."""
        presentation = getattr(self.window.facilitation, "presentation", None)
        if not on or presentation is None or self.docks["walk"].widget() is None:
            return
        from workshop_app.ui.views.cases.overlay import attach_overlay

        state = self.walk.state
        attach_overlay(presentation.map_view, state)
        QShortcut(QKeySequence(Qt.Key.Key_W), presentation, activated=state.play)


def install_case_views(window: Any) -> CaseViews:
    """Add the two docks and their menu entries; kept as ``window.case_views``."""
    views = CaseViews(window)
    for name, object_name, title, area in (
        ("walk", "walkDock", tr("Walk a case"), Qt.DockWidgetArea.RightDockWidgetArea),
        (
            "delegation",
            "delegationDock",
            tr("Delegation board"),
            Qt.DockWidgetArea.BottomDockWidgetArea,
        ),
    ):
        dock = QDockWidget(title, window)
        dock.setObjectName(object_name)
        window.addDockWidget(area, dock)
        dock.hide()
        dock.visibilityChanged.connect(partial(_build_if_visible, views, name))
        window.view_menu.addAction(dock.toggleViewAction())
        views.docks[name] = dock
    # Beside the findings: the case needs the dock's whole height.
    window.tabifyDockWidget(window.findings_dock, views.docks["walk"])
    raci = window.facilitation.docks.get("raci")
    if raci is not None:
        window.tabifyDockWidget(raci, views.docks["delegation"])
    window.facilitation.presentation_action.toggled.connect(views.present)
    window.case_views = views
    return views


def _build_if_visible(views: CaseViews, name: str, visible: bool) -> None:
    if visible:
        views._view(name)


def _walk(window: Any) -> QWidget:
    from workshop_app.ui.views.cases.overlay import attach_overlay
    from workshop_app.ui.views.cases.panel import WalkPanel

    panel = WalkPanel(window.controller)
    attach_overlay(window.map_view, panel.state)
    return panel


def _board(window: Any) -> QWidget:
    from workshop_app.ui.views.cases.board import DelegationWidget

    return DelegationWidget(window.controller)


_BUILDERS = {"walk": _walk, "delegation": _board}
