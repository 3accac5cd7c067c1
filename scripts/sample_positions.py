"""Store the automatic layout's positions in the bundled sample session.

``python scripts/sample_positions.py`` rewrites the ``position: [x, y]`` of
every node in ``resources/samples/versandhandel.yaml`` with the place the
automatic layout gives it (``layout.settle_positions`` on the session without
positions), leaving every other byte of the file as it is. The sample stores
positions so that opening it needs no layout before the map's first paint;
run this after a change to the layout (``tests/layout/test_sample_positions.py``
says when).
"""

from __future__ import annotations

import re
from pathlib import Path

from workshop_app.fileformat import loads_session
from workshop_app.layout.settle import settle_positions

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "versandhandel.yaml"
_POSITION = re.compile(r"position: \[[-0-9.]+, [-0-9.]+\]")
_NODE = re.compile(r"  - \{id: (\w+), kind: ")


def main() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    session = loads_session(text, str(SAMPLE))
    for _, data in session.graph.nodes(data=True):
        data.pop("position", None)
    settle_positions(session)
    lines = []
    for line in text.splitlines(keepends=True):
        node = _NODE.match(line)
        if node and _POSITION.search(line):
            x, y = session.graph.nodes[node.group(1)]["position"]
            line = _POSITION.sub(f"position: [{x}, {y}]", line)
        lines.append(line)
    SAMPLE.write_text("".join(lines), encoding="utf-8")
    print(SAMPLE)


if __name__ == "__main__":
    main()
