"""A 200,000-character label costs the map a few lines' measuring, not the whole label's
measuring once per line (issue #18, item 9: such a label made the export take 108 s)."""

from __future__ import annotations

from typing import Any

import pytest

from workshop_app.protocol import scene
from workshop_app.protocol.styles import REGULAR, Styles


@pytest.mark.parametrize("label", ["Wort" * 50_000, "ab " * 66_000], ids=["one word", "words"])
def test_wrapping_a_huge_label_measures_about_what_is_shown(
    label: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    Styles.create()
    measured = [0]
    real = scene.stringWidth

    def counting(text: str, font: str, size: float) -> Any:
        measured[0] += len(text)
        return real(text, font, size)

    monkeypatch.setattr(scene, "stringWidth", counting)
    lines = scene.wrap_label(label, REGULAR, 8.0, 120.0, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert "".join(lines).replace(" ", "")[:-1] in label.replace(" ", "")
    assert measured[0] < 20_000
