"""Fitting a node's label into its box: font size, line breaks, ellipsis.

Done once per label change (never while painting), with the label font's
metrics, so a label breaks the same way on every laptop.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

from workshop_app.layout.text import compound_joint

__all__ = ["MIN_LABEL_PIXELS", "fitting_font", "wrap_label"]

#: A label never shrinks below this size to fit its longest word.
MIN_LABEL_PIXELS = 11
_UNIT = re.compile(r"(\d) (%|‰|€|EUR|CHF|USD)(?!\w)")
_SPACES = re.compile(r"[ \t\r\n]+")


def fitting_font(label: str, font: QFont, width: float) -> QFont:
    """``font``, or one up to 25 % smaller if that lets every word fit a line.

    German compounds ("Beschwerdemanagement") rather shrink a pixel or two
    than break mid-word; where even that is not enough they break.
    """
    words = _words(label)
    smallest = max(MIN_LABEL_PIXELS, round(font.pixelSize() * 0.75))
    for pixels in range(font.pixelSize(), smallest - 1, -1):
        candidate = QFont(font)
        candidate.setPixelSize(pixels)
        metrics = QFontMetricsF(candidate)
        if all(metrics.horizontalAdvance(word) <= width for word in words):
            return candidate
    return font


def _words(text: str) -> list[str]:
    """The words of ``text``; a number keeps its unit ("50 EUR", "20 %") on its line."""
    return _SPACES.split(_UNIT.sub("\\1\u00a0\\2", text).strip())


_UNIT = re.compile(r"(\d) (%|‰|€|EUR|CHF|USD)(?!\w)")
_SPACES = re.compile(r"[ \t\r\n]+")


def _words(text: str) -> list[str]:
    """The words of ``text``; a number keeps its unit ("50 EUR", "20 %") on its line."""
    return _SPACES.split(_UNIT.sub("\\1\u00a0\\2", text).strip())


def wrap_label(
    text: str, metrics: QFontMetricsF, width: float, max_lines: int
) -> tuple[list[str], bool]:
    """Break ``text`` into at most ``max_lines`` lines no wider than ``width``.

    Returns the lines and whether text was cut off (the last line then ends
    in "…"). A word too long for a line (German compounds) is split with a
    hyphen rather than overflowing the node.
    """
    lines: list[str] = []
    current = ""
    split_last = False  # the last line ends in a hyphen that split a word
    words = _words(text)
    while words and len(lines) < max_lines:
        word = words.pop(0)
        candidate = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(candidate) <= width:
            current = candidate
        elif current:
            lines.append(current)
            current, split_last = "", False
            words.insert(0, word)
        else:
            head = _break_word(word, metrics, width)
            lines.append(head + "-")
            split_last = True
            words.insert(0, word[len(head) :])
    if current and len(lines) < max_lines:
        lines.append(current)
        current, split_last = "", False
    tail = " ".join([current, *words]).strip()
    if not tail:
        return lines, False
    rest = lines[-1][:-1] + tail if split_last else f"{lines[-1]} {tail}"
    lines[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines, True


def _break_word(word: str, metrics: QFontMetricsF, width: float) -> str:
    """The head of ``word`` to put before a hyphen, as long as fits ``width``.

    Prefers a break between the parts of a German compound
    ("Beschwerde-management", "Kündigungs-rückgewinnung") over the longest
    head that fits ("Beschwerdema-nagement").
    """
    hyphen = metrics.horizontalAdvance("-")
    fits = [
        end
        for end in range(2, len(word) - 1)
        if metrics.horizontalAdvance(word[:end]) + hyphen <= width
    ]
    if not fits:
        return word[:1]
    lower = word.lower()
    joints = [
        end for end in fits if end >= 3 and len(word) - end >= 3 and compound_joint(lower, end)
    ]
    return word[: max(joints or fits)]
