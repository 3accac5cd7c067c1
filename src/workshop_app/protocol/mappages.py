"""The map section: one page when the map fits, otherwise an overview and tiles.

A map is scaled down to fit one landscape page as long as its labels still
print at 5 pt or more (``MIN_SCALE``). A larger map gets an overview page
(the whole map, with a lettered grid) followed by one page per grid tile at
the readable scale. Tiles rather than one page per layer, because the point
of the map is what crosses the layers (who owns which responsibility, what
serves which priority); and because tiles keep the arrangement the group
built on the projector, so people find their own corner of the map again.
Tiles overlap by one node, so every node appears whole on at least one of
them; tiles with no node on them are left out.
"""

from __future__ import annotations

import math

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer
from reportlab.platypus.flowables import Flowable, PageBreak

from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.i18n import Translator, counter
from workshop_app.layout import NODE_HEIGHT, NODE_WIDTH
from workshop_app.protocol.document import FrameSize
from workshop_app.protocol.figure import MapView, draw_edges, draw_nodes
from workshop_app.protocol.scene import ARROW, LABEL_SIZE, MapScene, Rect
from workshop_app.protocol.styles import ACCENT, BOLD, INK, LINE, REGULAR, Styles, markup
from workshop_app.vocabulary import edge_kind_name, node_kind_name

__all__ = ["MAX_SCALE", "MIN_SCALE", "Legend", "map_flowables"]

MIN_SCALE = 0.5
MAX_SCALE = 1.0
#: Below this the overview leaves labels out: they would be specks, not text.
_OVERVIEW_LABELS = 3.0 / LABEL_SIZE
ACCENT_TINT = colors.HexColor("#DCE7F3")


class Legend(Flowable):
    """Swatches of the node and edge kinds on the map, flowing in rows."""

    _SWATCH = 26.0
    _SIZE = 7.5
    _ROW = 15.0

    def __init__(self, scene: MapScene, _: Translator, language: str) -> None:
        super().__init__()
        self.items: list[tuple[str, NodeKind | EdgeKind]] = [
            (node_kind_name(kind, language), kind) for kind in scene.kinds
        ] + [(edge_kind_name(kind, language), kind) for kind in scene.edge_kinds]
        self.title = _("Legend")
        self.placed: list[tuple[float, float, str, NodeKind | EdgeKind]] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        x, row = stringWidth(self.title, BOLD, self._SIZE) + 10, 0
        self.placed = []
        for text, kind in self.items:
            width = self._SWATCH + 5 + stringWidth(text, REGULAR, self._SIZE) + 14
            if x + width > available_width and x > 0:
                x, row = 0.0, row + 1
            self.placed.append((x, row, text, kind))
            x += width
        self.rows = row + 1
        self.width, self.height = available_width, self.rows * self._ROW
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height - self._ROW + 4
        canvas.setFont(BOLD, self._SIZE)
        canvas.setFillColor(INK)
        canvas.drawString(0, top, self.title)
        for x, row, text, kind in self.placed:
            y = top - row * self._ROW
            if isinstance(kind, NodeKind):
                draw_nodes(canvas, kind, [(x, y - 2, self._SWATCH, 10)], 0.6)
            else:
                draw_edges(canvas, kind, [((x, y + 3), (x + self._SWATCH, y + 3))])
            canvas.setFont(REGULAR, self._SIZE)
            canvas.setFillColor(INK)
            canvas.drawString(x + self._SWATCH + 5, y, text)


class TileHeading(Flowable):
    """A tile page's title, with a small map of all tiles where this one is marked."""

    HEIGHT = 30.0
    _LOCATOR = (96.0, 26.0)

    def __init__(self, title: str, bounds: Rect, tiles: list[tuple[str, Rect]], index: int) -> None:
        super().__init__()
        self.title, self.bounds, self.tiles, self.index = title, bounds, tiles, index

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, self.HEIGHT
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(BOLD, 12)
        canvas.setFillColor(INK)
        canvas.drawString(0, 10, self.title)
        x0, y0, x1, y1 = self.bounds
        box_w, box_h = self._LOCATOR
        scale = min(box_w / (x1 - x0), box_h / (y1 - y0))
        left = self.width - (x1 - x0) * scale
        top = self.height - 2
        canvas.setLineWidth(0.4)
        for number, (_name, (a, b, c, d)) in enumerate(self.tiles):
            current = number == self.index
            canvas.setStrokeColor(ACCENT if current else LINE)
            canvas.setFillColor(ACCENT_TINT)
            x, y = left + (a - x0) * scale, top - (d - y0) * scale
            canvas.rect(x, y, (c - a) * scale, (d - b) * scale, stroke=1, fill=int(current))


def _height(flowable: Flowable, width: float) -> float:
    _, height = flowable.wrap(width, 10_000)
    return height + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def map_flowables(
    scene: MapScene,
    frame: FrameSize,
    styles: Styles,
    _: Translator,
    heading: Flowable,
    language: str,
) -> list[Flowable]:
    """The map section's flowables, starting with ``heading`` on a landscape page.

    The legend names kinds in ``language`` with the vocabulary's terms.
    """
    if not scene.nodes:
        return [heading, Paragraph(markup(_("The map is empty.")), styles.body)]
    legend = Legend(scene, _, language)
    caption = Paragraph(markup(_map_caption(scene, _)), styles.small)
    reserved = sum(_height(f, frame.width) for f in (heading, caption, legend)) + 8
    room = FrameSize(frame.width, frame.height - reserved)
    scale = min(MAX_SCALE, room.width / scene.width, room.height / scene.height)
    tiles = [] if scale >= MIN_SCALE else _tiles(scene, frame)
    if len(tiles) <= 1:
        # A map that one tile would hold is better shown whole, with its legend,
        # a little below the readable scale than cut into an overview and a copy.
        view = MapView(scene, scene.bounds, scale)
        return [heading, caption, view, Spacer(1, 8), legend]
    overview = MapView(
        scene,
        scene.bounds,
        scale,
        labels=scale >= _OVERVIEW_LABELS,
        grid=tuple(tiles),
    )
    story: list[Flowable] = [heading, caption, overview, Spacer(1, 8), legend]
    for number, (name, window) in enumerate(tiles, start=1):
        title = _("Map, part {name} ({number} of {total})").format(
            name=name, number=number, total=len(tiles)
        )
        story += [
            PageBreak(),
            TileHeading(title, scene.bounds, tiles, number - 1),
            MapView(scene, window, MIN_SCALE),
        ]
    return story


def _map_caption(scene: MapScene, _: Translator) -> str:
    n_ = counter(_.language)
    return _("{nodes}, {edges}.").format(
        nodes=n_(len(scene.nodes), "node"), edges=n_(len(scene.edges), "relation")
    )


def _tiles(scene: MapScene, frame: FrameSize) -> list[tuple[str, Rect]]:
    """Named, overlapping windows of the map at the readable scale, skipping empty ones.

    Only the tiles a node touches are visited, found from each node's box:
    the work follows the map's content, not the distance between its nodes
    (two nodes far apart would otherwise mean billions of empty tiles).
    """
    tile_w = frame.width / MIN_SCALE
    tile_h = (frame.height - TileHeading.HEIGHT - 2) / MIN_SCALE
    step_x = max(tile_w - NODE_WIDTH - 2 * ARROW, tile_w / 2)
    step_y = max(tile_h - NODE_HEIGHT - 2 * ARROW, tile_h / 2)
    x0, y0, x1, y1 = scene.bounds
    columns = max(1, math.ceil((x1 - x0 - tile_w) / step_x) + 1)
    rows = max(1, math.ceil((y1 - y0 - tile_h) / step_y) + 1)
    touched: set[tuple[int, int]] = set()
    for node in scene.nodes:
        left, top, right, bottom = node.rect
        first_column = max(0, math.ceil((left - tile_w - x0) / step_x))
        last_column = min(columns - 1, math.floor((right - x0) / step_x))
        first_row = max(0, math.ceil((top - tile_h - y0) / step_y))
        last_row = min(rows - 1, math.floor((bottom - y0) / step_y))
        touched.update(
            (row, column)
            for row in range(first_row, last_row + 1)
            for column in range(first_column, last_column + 1)
        )
    return [
        (
            f"{_column_name(column)}{row + 1}",
            (
                x0 + column * step_x,
                y0 + row * step_y,
                x0 + column * step_x + tile_w,
                y0 + row * step_y + tile_h,
            ),
        )
        for row, column in sorted(touched)
    ]


def _column_name(index: int) -> str:
    """Spreadsheet-style column names: A…Z, AA, AB…"""
    name = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        name = chr(ord("A") + remainder) + name
    return name
