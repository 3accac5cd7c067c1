"""install_facilitation_views adds the docks, the menu entries and presentation mode."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow
from views_support import StandInMap

from workshop_app.ui.views import install_facilitation_views
from workshop_app.ui.views.presentation import PresentationWindow
from workshop_app.ui.views.priorities import PrioritiesWidget
from workshop_app.ui.views.raci import RaciWidget


def test_docks_are_named_and_toggled_from_the_view_menu(views_window) -> None:
    install_facilitation_views(views_window)
    docks = {d.objectName(): d for d in views_window.findChildren(QDockWidget)}
    assert set(docks) == {"guideDock", "prioritiesDock", "raciDock", "actionsDock", "votingDock"}
    entries = [a.text() for a in views_window.view_menu.actions() if a.text()]
    assert entries == [
        "Guide",
        "Priorities",
        "RACI matrix",
        "Actions",
        "Dot voting",
        "Presentation mode",
    ]
    assert not docks["guideDock"].isHidden()
    assert docks["raciDock"].isHidden()


def test_f11_opens_presentation_mode_and_escape_leaves_it(views_window, qtbot) -> None:
    install_facilitation_views(views_window)
    views = views_window.facilitation
    action = views.presentation_action
    assert QKeySequence(Qt.Key.Key_F11) in action.shortcuts()
    views_window.show()
    qtbot.waitExposed(views_window)
    action.trigger()
    presentation = views.presentation
    assert isinstance(presentation, PresentationWindow)
    assert presentation.isFullScreen()
    assert presentation.map_view is not views_window.map_view
    assert presentation.map_view.presenting
    presentation.activateWindow()
    qtbot.waitUntil(presentation.isActiveWindow)
    qtbot.keyClick(presentation, Qt.Key.Key_Escape)
    assert not action.isChecked()
    assert views.presentation is None


def test_the_guide_and_presentation_share_one_timebox(views_window) -> None:
    install_facilitation_views(views_window)
    views = views_window.facilitation
    assert views.guide.timebox is views.timebox
    views.set_presenting(True)
    assert views.presentation.timebox is views.timebox
    views.set_presenting(False)
    assert not views.presentation_action.isChecked()


def _window_like(views_window, qtbot) -> QMainWindow:
    window = QMainWindow()
    window.controller = views_window.controller
    window.map_view = StandInMap(window.controller)
    window.setCentralWidget(window.map_view)
    window.view_menu = window.menuBar().addMenu("View")
    qtbot.addWidget(window)
    return window


def test_a_hidden_view_is_built_when_its_dock_is_first_shown(views_window, qtbot) -> None:
    install_facilitation_views(views_window)
    dock = views_window.facilitation.docks["raci"]
    views_window.show()
    qtbot.waitExposed(views_window)
    assert dock.widget() is None  # not built for the first frame
    dock.toggleViewAction().trigger()
    assert isinstance(dock.widget(), RaciWidget)
    assert dock.widget().isVisible()
    assert views_window.facilitation.raci is dock.widget()


def test_a_restored_layout_shows_its_open_views_filled(views_window, qtbot) -> None:
    install_facilitation_views(views_window)
    views_window.facilitation.docks["priorities"].show()
    state = views_window.saveState()
    window = _window_like(views_window, qtbot)
    install_facilitation_views(window)
    assert window.restoreState(state)
    window.show()
    qtbot.waitExposed(window)
    docks = window.facilitation.docks
    assert isinstance(docks["priorities"].widget(), PrioritiesWidget)
    assert docks["priorities"].widget().isVisible()
    assert docks["actions"].widget() is None
