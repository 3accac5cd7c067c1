"""One editor per kind of field, for the inspector.

Each editor shows a field's value, tells whether the facilitator changed it,
and emits ``committed`` when an edit is complete (Enter, leaving the field, a
click on a check box) — never per keystroke, so one edit is one undo step.
Optional fields have an "unset" state: an empty text, or "—" at the lowest
value of a number.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from workshop_app.domain import UNSET, FieldSpec
from workshop_app.ui.dates import display_date, parse_date, typed_date_example
from workshop_app.ui.guards import wheel_only_when_focused
from workshop_app.ui.i18n import tr

__all__ = [
    "BoolEditor",
    "ChoiceEditor",
    "DateEditor",
    "FieldEditor",
    "IntEditor",
    "NotesEditor",
    "TextEditor",
]

#: Upper end of a number field whose spec has none: the largest a spin box can hold.
_OPEN_MAXIMUM = 2**31 - 1


class FieldEditor(QObject):
    """Base: the value of one field, shown in ``widget``."""

    committed = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self._loaded: Any = None

    def _raw(self) -> Any:
        """What the widget shows now, in the widget's own terms."""
        raise NotImplementedError

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        """The field's value as the widget shows it (``UNSET`` when empty)."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` (``UNSET`` or ``None`` for an absent field) without committing."""
        blocked = self.widget.blockSignals(True)
        self._show(UNSET if value is None else value)
        self.widget.blockSignals(blocked)
        self._loaded = self._raw()

    def is_modified(self) -> bool:
        """The facilitator changed the field since it was last shown."""
        return self._raw() != self._loaded

    def is_being_edited(self) -> bool:
        """Typing is under way: a change from elsewhere must not overwrite it."""
        return self.widget.hasFocus() and self.is_modified()

    def retranslate(self) -> None:
        """Rebuild what the editor composes in the window's language (the UI language changed)."""


class TextEditor(FieldEditor):
    def __init__(self, placeholder: str = "") -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        super().__init__(edit)
        self._edit = edit
        edit.editingFinished.connect(self.committed)

    def _raw(self) -> str:
        return self._edit.text()

    def _show(self, value: Any) -> None:
        self._edit.setText("" if value is UNSET else str(value))
        self._edit.setCursorPosition(0)

    def value(self) -> Any:
        return self._edit.text().strip() or UNSET


class DateEditor(TextEditor):
    """A date typed in ISO or the UI language's form, kept as ISO text.

    Shown in the UI language's form; text that names no date (``spring 2027``)
    is kept as typed, since the workshop's date is free text in the file.
    """

    def __init__(self) -> None:
        super().__init__(typed_date_example())

    def _show(self, value: Any) -> None:
        super()._show(value if value is UNSET else display_date(str(value)))

    def retranslate(self) -> None:
        self._edit.setPlaceholderText(typed_date_example())

    def value(self) -> Any:
        text = self._edit.text().strip()
        parsed = parse_date(text)
        return parsed.isoformat() if parsed is not None else text or UNSET


class _NotesEdit(QPlainTextEdit):
    """Several lines of notes; leaving the field or Ctrl+Enter finishes the edit."""

    editingFinished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.editingFinished.emit()
            return
        super().keyPressEvent(event)


class NotesEditor(FieldEditor):
    def __init__(self) -> None:
        edit = _NotesEdit()
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(tr("Notes (Ctrl+Enter to apply)"))
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        super().__init__(edit)
        self._edit = edit
        edit.editingFinished.connect(self.committed)

    def _raw(self) -> str:
        return self._edit.toPlainText()

    def _show(self, value: Any) -> None:
        self._edit.setPlainText("" if value is UNSET else str(value))

    def value(self) -> Any:
        return self._edit.toPlainText().strip() or UNSET


class IntEditor(FieldEditor):
    """A whole number in the spec's range; one below the range means "not set"."""

    def __init__(self, spec: FieldSpec, suffix: str = "") -> None:
        spin = QSpinBox()
        self._unset = (spec.minimum or 0) - 1
        spin.setRange(self._unset, spec.maximum if spec.maximum is not None else _OPEN_MAXIMUM)
        spin.setSpecialValueText(tr("— not set"))
        spin.setSuffix(suffix)
        spin.setToolTip(tr("The lowest value, “— not set”, removes the field."))
        wheel_only_when_focused(spin)
        super().__init__(spin)
        self._spin = spin
        spin.editingFinished.connect(self.committed)

    def _raw(self) -> int:
        return self._spin.value()

    def _show(self, value: Any) -> None:
        self._spin.setValue(value if isinstance(value, int) else self._unset)

    def value(self) -> Any:
        number = self._spin.value()
        return UNSET if number == self._unset else number


class BoolEditor(FieldEditor):
    """A check box; unchecked removes the field (absent means false)."""

    def __init__(self, text: str) -> None:
        box = QCheckBox(text)
        super().__init__(box)
        self._box = box
        box.toggled.connect(self.committed)

    def _raw(self) -> bool:
        return self._box.isChecked()

    def _show(self, value: Any) -> None:
        self._box.setChecked(value is True)

    def value(self) -> Any:
        return True if self._box.isChecked() else UNSET


class ChoiceEditor(FieldEditor):
    """One of a few values, each with its shown text."""

    def __init__(self, choices: list[tuple[str, str]]) -> None:
        combo = QComboBox()
        wheel_only_when_focused(combo)
        super().__init__(combo)
        self._combo = combo
        self.set_choices(choices)
        combo.activated.connect(self.committed)

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        """Offer ``choices`` (value, shown text) from now on."""
        blocked = self._combo.blockSignals(True)
        self._combo.clear()
        for value, text in choices:
            self._combo.addItem(text, value)
        self._combo.blockSignals(blocked)

    def _raw(self) -> Any:
        return self._combo.currentData()

    def _show(self, value: Any) -> None:
        self._combo.setCurrentIndex(max(0, self._combo.findData(value)))

    def value(self) -> Any:
        return self._combo.currentData()
