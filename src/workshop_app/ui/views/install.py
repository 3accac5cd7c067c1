"""Installing the facilitation views into the main window: docks, menu entries.

The docks and actions are created here; all behaviour lives in the view
modules beside this one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from workshop_app.ui.i18n import tr
from workshop_app.ui.views._widgets import full_screen_keys
from workshop_app.ui.views.actions import ActionsWidget
from workshop_app.ui.views.guide import GuideWidget
from workshop_app.ui.views.presentation import PresentationWindow
from workshop_app.ui.views.priorities import PrioritiesWidget
from workshop_app.ui.views.raci import RaciWidget
from workshop_app.ui.views.timer import Timebox

__all__ = ["FacilitationViews", "install"]


@dataclass
class FacilitationViews:
    """What :func:`install_facilitation_views` added to a window (``window.facilitation``)."""

    window: Any
    timebox: Timebox
    guide: GuideWidget
    priorities: PrioritiesWidget
    raci: RaciWidget
    actions: ActionsWidget
    docks: dict[str, QDockWidget]
    presentation_action: QAction
    presentation: PresentationWindow | None = None

    def set_presenting(self, on: bool) -> None:
        """Enter or leave presentation mode (the View menu's checkable action)."""
        if on and self.presentation is None:
            window = self.window
            self.presentation = PresentationWindow(
                window.controller, lambda c: type(window.map_view)(c), self.timebox, window
            )
            self.presentation.setAttribute(Qt.WA_DeleteOnClose)
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
    controller = window.controller
    timebox = Timebox(parent=window)
    guide = GuideWidget(controller, timebox)
    priorities = PrioritiesWidget(controller)
    raci = RaciWidget(controller)
    actions = ActionsWidget(controller)
    docks = {
        "guide": _dock(window, "guideDock", tr("Guide"), guide, Qt.LeftDockWidgetArea),
        "priorities": _dock(
            window, "prioritiesDock", tr("Priorities"), priorities, Qt.RightDockWidgetArea
        ),
        "raci": _dock(window, "raciDock", tr("RACI matrix"), raci, Qt.BottomDockWidgetArea),
        "actions": _dock(window, "actionsDock", tr("Actions"), actions, Qt.BottomDockWidgetArea),
    }
    window.tabifyDockWidget(docks["raci"], docks["actions"])
    # The guide is what the facilitator steers by; the others open when a phase needs them.
    for name in ("priorities", "raci", "actions"):
        docks[name].hide()

    presenting = QAction(tr("Presentation mode"), window, checkable=True)
    presenting.setShortcuts(full_screen_keys())
    presenting.setStatusTip(tr("Full screen for the room: the map and the open findings"))
    views = FacilitationViews(window, timebox, guide, priorities, raci, actions, docks, presenting)
    presenting.toggled.connect(views.set_presenting)

    menu = window.view_menu
    menu.addSeparator()
    for dock in docks.values():
        menu.addAction(dock.toggleViewAction())
    menu.addSeparator()
    menu.addAction(presenting)
    window.facilitation = views


def _dock(
    window: QMainWindow, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea
) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)  # saveState/restoreState find docks by name
    dock.setWidget(widget)
    window.addDockWidget(area, dock)
    return dock
