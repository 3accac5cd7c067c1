"""A 200,000-character label costs the map a few lines' measuring, not the whole label's
measuring once per line (issue #18, item 9: such a label made the export take 108 s)."""

from __future__ import annotations

import pytest

from workshop_app.layout import text
from workshop_app.layout.text import FontMetrics


@pytest.mark.parametrize("label", ["Wort" * 50_000, "ab " * 66_000], ids=["one word", "words"])
def test_wrapping_a_huge_label_measures_about_what_is_shown(
    label: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    measured = [0]
    real = FontMetrics.width

    def counting(self: FontMetrics, line: str, size: float) -> float:
        measured[0] += len(line)
        return real(self, line, size)

    monkeypatch.setattr(FontMetrics, "width", counting)
    lines = text.wrap(label, 8.0, 120.0, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert "".join(lines).replace(" ", "").replace("-", "")[:-1] in label.replace(" ", "")
    assert measured[0] < 20_000
