"""Inspector fields for decision spaces: a delegation level, an escalation deadline."""

from __future__ import annotations

from typing import Any

from workshop_app.cases import level_name
from workshop_app.domain import UNSET, normalise_duration
from workshop_app.ui.i18n import tr, ui_language
from workshop_app.ui.inspector_fields import ChoiceEditor, TextEditor

__all__ = ["LEVEL_FIELDS", "DurationEditor", "LevelEditor"]

#: The responsibility fields that hold a level of the delegation board.
LEVEL_FIELDS = ("delegation", "delegation_target")
_NOT_SET = 0


class LevelEditor(ChoiceEditor):
    """One of the seven delegation levels by number and name, or none."""

    def __init__(self) -> None:
        language = ui_language()
        levels = [(level, f"{level} · {level_name(level, language)}") for level in range(1, 8)]
        super().__init__([(_NOT_SET, tr("— not set")), *levels])

    def _show(self, value: Any) -> None:
        super()._show(value if isinstance(value, int) else _NOT_SET)

    def value(self) -> Any:
        level = super().value()
        return UNSET if level == _NOT_SET else level


class DurationEditor(TextEditor):
    """How long a case may wait before it goes up: ``4h``, ``30 min``, ``2 Tage``…

    What is typed is saved in the file's form (``4 Std.`` → ``4h``);
    :meth:`problem` says when it is not a duration at all.
    """

    def __init__(self) -> None:
        super().__init__(tr("e.g. 30min, 4h or 2d"))

    def value(self) -> Any:
        text = self._edit.text().strip()
        if not text:
            return UNSET
        return normalise_duration(text) or text

    def problem(self) -> str | None:
        """Why the text is no duration, in the UI language; ``None`` if it is one."""
        text = self._edit.text().strip()
        if not text or normalise_duration(text) is not None:
            return None
        return tr("“{text}” is no duration: type a number and min, h or d, such as 4h.").format(
            text=text
        )
