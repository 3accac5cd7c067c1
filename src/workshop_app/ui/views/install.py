"""Installing the facilitation views into the main window: docks, menu entries.

The docks and actions are created here; all behaviour lives in the view
modules beside this one.

Only the guide is in view when the window first shows. The priorities, RACI
and actions docks are created empty (with the object names
``QMainWindow.restoreState`` looks for) and get their view, and import its
module, when they are first shown or asked for: building them before the
first frame was about a third of what the window added to start-up
(``python -m benchmarks --only startup``). A view reads the session when it
is built, so one built late shows the same as one built at start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import tr
from workshop_app.ui.views._widgets import full_screen_keys
from workshop_app.ui.views.guide import GuideWidget
from workshop_app.ui.views.timer import Timebox

if TYPE_CHECKING:
    from workshop_app.ui.views.actions import ActionsWidget
    from workshop_app.ui.views.presentation import PresentationWindow
    from workshop_app.ui.views.priorities import PrioritiesWidget
    from workshop_app.ui.views.raci import RaciWidget
    from workshop_app.ui.views.voting import VotingWidget

__all__ = ["FacilitationViews", "guide_title", "install"]


@dataclass
class FacilitationViews:
    """What :func:`install_facilitation_views` added to a window (``window.facilitation``)."""

    window: Any
    timebox: Timebox
    guide: GuideWidget
    docks: dict[str, QDockWidget]
    presentation_action: QAction
    presentation: PresentationWindow | None = None

    @property
    def priorities(self) -> PrioritiesWidget:
        return self.view("priorities")

    @property
    def raci(self) -> RaciWidget:
        return self.view("raci")

    @property
    def actions(self) -> ActionsWidget:
        return self.view("actions")

    @property
    def voting(self) -> VotingWidget:
        return self.view("voting")

    def view(self, name: str) -> Any:
        """The view in dock ``name``, built now if it has not been shown yet."""
        dock = self.docks[name]
        if dock.widget() is None:
            dock.setWidget(_BUILDERS[name](self.window.controller))
        return dock.widget()

    def rebuild_views(self) -> None:
        """Build the views shown so far afresh (their words changed with the UI language).

        A view reads the session when it is built, so a new one shows the same.
        """
        for name, build in _BUILDERS.items():
            old = self.docks[name].widget()
            if old is not None:
                self.docks[name].setWidget(build(self.window.controller))
                old.deleteLater()

    def set_presenting(self, on: bool) -> None:
        """Enter or leave presentation mode (the View menu's checkable action)."""
        if on and self.presentation is None:
            from workshop_app.ui.views.presentation import PresentationWindow

            window = self.window
            self.presentation = PresentationWindow(
                window.controller, lambda c: type(window.map_view)(c), self.timebox, window
            )
            self.presentation.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.presentation.closed.connect(self._left)
            self.presentation.present()
        elif not on and self.presentation is not None:
            self.presentation.close()

    def _left(self) -> None:
        self.presentation = None
        self.presentation_action.setChecked(False)


def install(window: Any) -> None:
    """Add the guide, priorities, RACI and actions docks and presentation mode.

    ``window`` is the main window (a ``QMainWindow``) with ``controller``
    (the :class:`~workshop_app.ui.controller.SessionController`),
    ``map_view`` (its class is used for the presentation map) and
    ``view_menu``. The result is kept as ``window.facilitation``.
    """
    timebox = Timebox(parent=window)
    guide_dock = _dock(
        window, "guideDock", guide_title(), None, Qt.DockWidgetArea.LeftDockWidgetArea
    )
    # Built in its dock: a widget built alone and then put there is styled twice.
    guide = GuideWidget(window.controller, timebox, parent=guide_dock)
    guide_dock.setWidget(guide)
    docks = {
        "guide": guide_dock,
        "priorities": _dock(
            window, "prioritiesDock", tr("Priorities"), None, Qt.DockWidgetArea.RightDockWidgetArea
        ),
        "raci": _dock(
            window, "raciDock", tr("RACI matrix"), None, Qt.DockWidgetArea.BottomDockWidgetArea
        ),
        "actions": _dock(
            window, "actionsDock", tr("Actions"), None, Qt.DockWidgetArea.BottomDockWidgetArea
        ),
        "voting": _dock(
            window, "votingDock", tr("Dot voting"), None, Qt.DockWidgetArea.RightDockWidgetArea
        ),
    }
    # The guide is what the facilitator steers by; the others open when a phase needs them.
    for name in ("priorities", "raci", "actions", "voting"):
        docks[name].hide()
    window.tabifyDockWidget(docks["raci"], docks["actions"])
    findings = getattr(window, "findings_dock", None)
    if findings is not None:  # the bars take the findings' place, a tab away
        window.tabifyDockWidget(findings, docks["voting"])
    voting = docks["voting"]
    voting.toggleViewAction().triggered.connect(lambda on: on and voting.raise_())

    presenting = QAction(tr("Presentation mode"), window, checkable=True)
    presenting.setShortcuts(full_screen_keys())
    presenting.setStatusTip(tr("Full screen for the room: the map and the open findings"))
    views = FacilitationViews(window, timebox, guide, docks, presenting)
    presenting.toggled.connect(views.set_presenting)
    for name in _BUILDERS:
        # Emitted before the dock is laid out and painted: no empty frame.
        docks[name].visibilityChanged.connect(partial(_build_if_visible, views, name))

    menu = window.view_menu
    menu.addSeparator()
    for dock in docks.values():
        menu.addAction(dock.toggleViewAction())
    menu.addSeparator()
    menu.addAction(presenting)
    window.facilitation = views


def guide_title() -> str:
    """The guide dock's title in the UI language (the workshop's language may follow it)."""
    return tr("Guide")


def _dock(
    window: QMainWindow, name: str, title: str, widget: QWidget | None, area: Qt.DockWidgetArea
) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)  # saveState/restoreState find docks by name
    if widget is not None:
        dock.setWidget(widget)
    window.addDockWidget(area, dock)
    return dock


def _build_if_visible(views: FacilitationViews, name: str, visible: bool) -> None:
    if visible:
        views.view(name)
        # Measured once the dock has its place in the layout.
        QTimer.singleShot(0, partial(_give_room, views.window, views.docks[name]))


#: The share of the window's height a table dock below the map opens with…
TABLE_SHARE = 0.4
#: …when it would otherwise open shorter than this many pixels (a few table rows).
TABLE_AT_LEAST = 200


def _give_room(window: QMainWindow, dock: QDockWidget) -> None:
    """Open a table dock below the map tall enough to work in, not one row tall."""
    if not shiboken6.isValid(dock) or dock.isFloating() or not dock.isVisible():
        return
    area = window.dockWidgetArea(dock)
    below = area in (Qt.DockWidgetArea.TopDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea)
    if below and dock.height() < TABLE_AT_LEAST:
        height = round(window.height() * TABLE_SHARE)
        window.resizeDocks([dock], [height], Qt.Orientation.Vertical)


def _priorities(controller: SessionController) -> QWidget:
    from workshop_app.ui.views.priorities import PrioritiesWidget

    return PrioritiesWidget(controller)


def _raci(controller: SessionController) -> QWidget:
    from workshop_app.ui.views.raci import RaciWidget

    return RaciWidget(controller)


def _actions(controller: SessionController) -> QWidget:
    from workshop_app.ui.views.actions import ActionsWidget

    return ActionsWidget(controller)


def _voting(controller: SessionController) -> QWidget:
    from workshop_app.ui.views.voting import VotingWidget

    return VotingWidget(controller)


#: The docks hidden at start, and how their views are made on first show.
_BUILDERS: dict[str, Callable[[SessionController], QWidget]] = {
    "priorities": _priorities,
    "raci": _raci,
    "actions": _actions,
    "voting": _voting,
}
