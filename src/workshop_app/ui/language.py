"""Two languages in the room: the window's, switched live, and the session's, shown.

The **UI language** (menus, buttons, the window's own words) is the
facilitator's: Settings → Language switches it at once, with no restart and
no box. :func:`switch_ui_language` swaps every text that came from a
catalogue as it is (titles, buttons, menu entries, tooltips: found through
:func:`~workshop_app.ui.i18n.translation_table`, whoever set them), then
sends ``QEvent.Type.LanguageChange`` through the window so that each view
rebuilds the texts it composes from templates (counts, phases, dates) in
its ``changeEvent``.

The **session's language** is the group's: the guide's phases, the findings
and the protocol speak it, so that the room and the paper read the same.
:class:`SessionLanguage` shows it in the status bar, says why, marks it when
it differs from the window's, and changes it (an undoable edit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QToolButton,
    QTreeView,
    QWidget,
)

from workshop_app.domain import Change, SetMeta
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import set_ui_language, tr, translation_table, ui_language

__all__ = ["LANGUAGE_NAMES", "SessionLanguage", "install_qt_translation", "switch_ui_language"]

#: Each language named in its own language, so that anyone finds theirs.
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}

_qt_translators: list[QTranslator] = []


def install_qt_translation(app: QCoreApplication, language: str) -> None:
    """Qt's own texts (standard buttons, file dialogs) in ``language``, replacing the last."""
    for translator in _qt_translators:
        app.removeTranslator(translator)
    _qt_translators.clear()
    if language == "en":
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        _qt_translators.append(translator)


def switch_ui_language(window: QWidget, language: str) -> None:
    """Show ``window`` (and all it owns) in ``language`` from now on, at once."""
    old = ui_language()
    set_ui_language(language)
    new = ui_language()
    table = translation_table(old, new)
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        _swap_widget(widget, table)
    for action in window.findChildren(QAction):
        _swap_action(action, table)
    app = QApplication.instance()
    if app is not None:
        install_qt_translation(app, new)
    # Now the views rebuild what they compose from templates.
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))


def _swap(read: Callable[[], str], write: Callable[[str], None], table: dict[str, str]) -> None:
    text = read()
    if text and (new := table.get(text)) is not None:
        write(new)


def _swap_widget(widget: QWidget, table: dict[str, str]) -> None:
    for read, write in (
        (widget.windowTitle, widget.setWindowTitle),
        (widget.toolTip, widget.setToolTip),
        (widget.statusTip, widget.setStatusTip),
        (widget.accessibleName, widget.setAccessibleName),
    ):
        _swap(read, write, table)
    if isinstance(widget, QLabel | QAbstractButton):
        _swap(widget.text, widget.setText, table)
    elif isinstance(widget, QLineEdit | QPlainTextEdit):
        _swap(widget.placeholderText, widget.setPlaceholderText, table)
    elif isinstance(widget, QGroupBox):
        _swap(widget.title, widget.setTitle, table)
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            if (new := table.get(widget.itemText(index))) is not None:
                widget.setItemText(index, new)
    elif isinstance(widget, QMenu):
        _swap(widget.title, widget.setTitle, table)
    if isinstance(widget, QAbstractItemView):
        _refresh_headers(widget)


def _refresh_headers(view: QAbstractItemView) -> None:
    """Let a table's model answer its headers again (they are translated when asked)."""
    model = view.model()
    headers = []
    if isinstance(view, QTableView):
        headers = [view.horizontalHeader(), view.verticalHeader()]
    elif isinstance(view, QTreeView):
        headers = [view.header()]
    for header in headers:
        if model is not None and header.count():
            model.headerDataChanged.emit(header.orientation(), 0, header.count() - 1)
    view.viewport().update()


def _swap_action(action: QAction, table: dict[str, str]) -> None:
    text = action.text()
    derived_icon_text = action.iconText() == _plain(text)
    derived_tooltip = action.toolTip() == _plain(text)
    _swap(action.text, action.setText, table)
    if not derived_icon_text:
        _swap(action.iconText, action.setIconText, table)
    if not derived_tooltip:
        _swap(action.toolTip, action.setToolTip, table)
    _swap(action.statusTip, action.setStatusTip, table)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class SessionLanguage(QToolButton):
    """The workshop's language in the status bar: what the group reads, and a way to change it.

    When it differs from the window's language it stands out, and the docks
    that speak it (findings, guide) say so in their titles.

    Parameters
    ----------
    controller
        The session; a change of its language is an undoable edit.
    docks
        The docks whose content follows the session's language, each with
        a function giving its plain title in the UI language.
    """

    def __init__(
        self,
        controller: SessionController,
        docks: Iterable[tuple[QDockWidget, Callable[[], str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionLanguage")
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._controller = controller
        self._docks = list(docks)
        menu = QMenu(self)
        for language, name in LANGUAGE_NAMES.items():
            action = menu.addAction(name)
            action.triggered.connect(lambda _checked=False, lang=language: self.choose(lang))
        self.setMenu(menu)
        controller.changed.connect(self._follow)
        controller.sessionReplaced.connect(self.refresh)
        self.refresh()

    def language(self) -> str:
        return self._controller.session.language

    def differs(self) -> bool:
        """The group's content is in another language than the window."""
        return self.language() != ui_language()

    def choose(self, language: str) -> None:
        """Make ``language`` the session's (one undo step)."""
        if language != self.language():
            self._controller.execute(
                SetMeta({"language": language}), tr("Change the workshop's language")
            )

    def _follow(self, change: Change) -> None:
        if "language" in change.meta:
            self.refresh()

    def refresh(self) -> None:
        """Show the session's language, marked when it differs from the window's."""
        name = LANGUAGE_NAMES[self.language()]
        self.setText(tr("Workshop language: {language}").format(language=name))
        self.setToolTip(
            tr(
                "The guide, the findings and the protocol are in the workshop's language, "
                "{language}, so that the room and the protocol read the same. The window's "
                "own language is under Settings → Language. Click to change the "
                "workshop's language."
            ).format(language=name)
        )
        differs = self.differs()
        self.setStyleSheet(
            "#sessionLanguage { background: #f6c343; color: #111111; border-radius: 4px;"
            " font-weight: bold; padding: 1px 8px; }"
            if differs
            else ""
        )
        suffix = f" · {name}" if differs else ""
        for dock, title in self._docks:
            dock.setWindowTitle(title() + suffix)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
