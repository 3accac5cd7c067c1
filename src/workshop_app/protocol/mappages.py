"""The map section: one page when the map fits, otherwise an overview and detail pages.

The map prints at the size where every label is at least 6 pt
(``MIN_SCALE``), or larger. A map that fits one landscape page at that size
(or larger) gets one page, with its legend. A larger map gets an overview
page (the whole map, shapes and routes only, with a lettered grid)
followed by detail pages at the readable size. Detail pages rather than one
page per layer, because the point of the map is what crosses the layers;
and because they keep the arrangement the group built on the projector, so
people find their own corner of the map again. Only the detail pages
needed to show every node whole are printed, and never one holding a single
node: such a node is shown on a neighbouring page instead.
"""

from __future__ import annotations

import math

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable, PageBreak

from workshop_app import vocabulary
from workshop_app.analysis import Severity
from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.i18n import Translator, counter
from workshop_app.layout import DETAIL_SIZE, EDGE_LABEL_SIZE, LABEL_SIZE
from workshop_app.protocol.document import FrameSize
from workshop_app.protocol.figure import BADGE, MapFigure, draw_edges, draw_mark, draw_nodes
from workshop_app.protocol.scene import Mark, PrintedMap, Rect
from workshop_app.protocol.styles import (
    ACCENT,
    BOLD,
    INK,
    LINE,
    NODE_COLOURS,
    REGULAR,
    Styles,
    markup,
)
from workshop_app.vocabulary import edge_kind_name, node_kind_name, severity_name

__all__ = ["MAX_SCALE", "MIN_SCALE", "MIN_TEXT", "Legend", "map_flowables"]

#: The smallest printed text, in points, and the scale that gives it to the smallest label.
MIN_TEXT = 6.0
MIN_SCALE = MIN_TEXT / min(LABEL_SIZE, DETAIL_SIZE, EDGE_LABEL_SIZE)
MAX_SCALE = 1.0
ACCENT_TINT = colors.HexColor("#DCE7F3")


def _detail_items(_: Translator) -> dict[Mark, tuple[str, str]]:
    """For each mark on boxes and routes: what it looks like, and what it means."""
    return {
        "rank": ("1", _("rank of a priority")),
        "load": ("95 %", _("load of a role")),
        "limit": ("≤ 50 EUR", _("decision limit")),
        "reconfirm": ("↻", _("must be re-confirmed by someone else")),
        "critical": ("!", _("critical")),
        "tag": ("A R C I", _("the role's part in a responsibility")),
        "trigger": ("…", _("on an escalation: when it applies")),
    }


class Legend(Flowable):
    """Every kind, mark and badge the map shows, each with its swatch, flowing in rows."""

    _SWATCH = 26.0
    _SIZE = 7.5
    _ROW = 15.0

    def __init__(
        self, printed: PrintedMap, _: Translator, language: str, *, details: bool = True
    ) -> None:
        """``details`` off leaves out the marks written as text (badges, load, limits, tags),
        for a map printed too small to carry them."""
        super().__init__()
        self.items: list[tuple[str, object]] = [
            (node_kind_name(kind, language), kind) for kind in printed.kinds
        ]
        self.items += [(edge_kind_name(kind, language), kind) for kind in printed.edge_kinds]
        self.items += [
            (severity_name(severity.value, language), severity) for severity in printed.severities
        ]
        named = _detail_items(_)
        self.items += [
            (named[mark][1], ("detail", mark, named[mark][0]))
            for mark in (printed.details if details else ())
        ]
        self.title = _("Legend")
        self.placed: list[tuple[float, float, list[str], object]] = []

    def _swatch_width(self, item: object) -> float:
        if isinstance(item, tuple):
            return max(12.0, stringWidth(item[2], BOLD, self._SIZE) + 4)
        return self._SWATCH

    def _item_width(self, text: str, item: object) -> float:
        return self._swatch_width(item) + 5 + stringWidth(text, REGULAR, self._SIZE) + 14

    #: The narrowest column it reads well in: a longer entry wraps onto more lines there.
    NARROWEST = 120.0
    #: Distance between the lines of one wrapped entry.
    _LINE = 9.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # In a column beside the map, one entry a line under the title; else in rows.
        column = available_width < 2 * self.NARROWEST + 20
        x, y = stringWidth(self.title, BOLD, self._SIZE) + 10, 0.0
        self.placed = []
        for text, item in self.items:
            width = self._item_width(text, item)
            lines = [text]
            if width > available_width:  # a narrow column: the entry's text wraps
                room = available_width - self._swatch_width(item) - 5
                lines = simpleSplit(text, REGULAR, self._SIZE, room) or [text]
            if column:
                width = available_width
            if x + width > available_width and x > 0:
                x, y = 0.0, y + self._ROW
            self.placed.append((x, y, lines, item))
            x += width
            y += (len(lines) - 1) * self._LINE
        self.width, self.height = available_width, y + self._ROW
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height - self._ROW + 4
        canvas.setFont(BOLD, self._SIZE)
        canvas.setFillColor(INK)
        canvas.drawString(0, top, self.title)
        for x, offset, lines, item in self.placed:
            y = top - offset
            self._draw_swatch(x, y, item)
            canvas.setFont(REGULAR, self._SIZE)
            canvas.setFillColor(INK)
            for number, line in enumerate(lines):
                canvas.drawString(x + self._swatch_width(item) + 5, y - number * self._LINE, line)

    def _draw_swatch(self, x: float, y: float, item: object) -> None:
        canvas = self.canv
        if isinstance(item, NodeKind):
            draw_nodes(canvas, item, [(x, y - 2, self._SWATCH, 10)], 0.6)
        elif isinstance(item, EdgeKind):
            draw_edges(canvas, item, [(("M", x, y + 3), ("L", x + self._SWATCH, y + 3))], arrow=6.0)
        elif isinstance(item, Severity):
            draw_nodes(canvas, NodeKind.RESPONSIBILITY, [(x + 2, y - 1, self._SWATCH - 8, 8)], 0.6)
            draw_mark(canvas, item, x + self._SWATCH - 5, y + 6, 5.5)  # its "!" at 6 pt or more
        else:
            _, mark, sample = item
            if mark == "rank":
                canvas.setFillColor(NODE_COLOURS[NodeKind.PRIORITY].stroke)
                canvas.circle(x + 6, y + 2.5, 5.5, stroke=0, fill=1)
                canvas.setFillColor(colors.white)
                canvas.setFont(BOLD, 7)
                canvas.drawCentredString(x + 6, y, sample)
            else:
                canvas.setFillColor(colors.HexColor(vocabulary.DETAIL_INK))
                canvas.setFont(BOLD, self._SIZE)
                canvas.drawString(x + 2, y, sample)


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
    printed: PrintedMap,
    frame: FrameSize,
    styles: Styles,
    _: Translator,
    heading: Flowable,
    language: str,
) -> list[Flowable]:
    """The map section's flowables, starting with ``heading`` on a landscape page.

    The legend names kinds in ``language`` with the vocabulary's terms.
    """
    if not printed.nodes:
        return [heading, Paragraph(markup(_("The map is empty.")), styles.body)]
    legend = Legend(printed, _, language)
    caption = Paragraph(markup(_map_caption(printed, _)), styles.small)
    below = [Spacer(1, 6), legend, caption]
    reserved = sum(_height(f, frame.width) for f in (heading, legend, caption)) + 14
    room = FrameSize(frame.width, frame.height - reserved)
    scale = min(MAX_SCALE, room.width / printed.width, room.height / printed.height)
    beside = _beside(printed, frame, heading, Legend(printed, _, language), caption)
    if beside is not None and beside[0] > scale:
        # A tall map leaves room at its side: the legend goes there, on the map's page.
        side_scale, column = beside
        figure = MapFigure(printed, printed.bounds, side_scale)
        return [heading, _side_by_side(figure, column, frame)]
    if scale < MIN_SCALE:
        # Readable on the first page if legend and caption go on the next: no overview then.
        alone = frame.height - _height(heading, frame.width) - 2
        scale = min(MAX_SCALE, frame.width / printed.width, alone / printed.height)
    if scale >= MIN_SCALE:
        return [heading, MapFigure(printed, printed.bounds, scale), *below]
    scale = min(room.width / printed.width, room.height / printed.height)
    tiles = _tiles(printed, frame)
    overview = MapFigure(printed, printed.bounds, scale, labels=False, grid=tuple(tiles))
    story: list[Flowable] = [heading, overview, *below]
    for number, (name, window) in enumerate(tiles, start=1):
        title = _("Map, part {name} ({number} of {total})").format(
            name=name, number=number, total=len(tiles)
        )
        story += [
            PageBreak(),
            TileHeading(title, printed.bounds, tiles, number - 1),
            MapFigure(printed, window, MIN_SCALE),
        ]
    return story


#: The gap between a tall map and the legend's column beside it.
_SIDE_GAP = 14.0


def _beside(
    printed: PrintedMap, frame: FrameSize, heading: Flowable, legend: Legend, caption: Flowable
) -> tuple[float, list[Flowable]] | None:
    """The scale of the map with the legend in a column at its right, and that column;
    ``None`` when the map would print too small that way or the column is too long."""
    height = frame.height - _height(heading, frame.width) - 2
    scale = min(
        MAX_SCALE,
        (frame.width - _SIDE_GAP - Legend.NARROWEST) / printed.width,
        height / printed.height,
    )
    width = frame.width - _SIDE_GAP - printed.width * scale
    column: list[Flowable] = [legend, Spacer(1, 6), caption]
    if scale < MIN_SCALE or sum(_height(f, width) for f in column) > height:
        return None
    return scale, column


def _side_by_side(figure: MapFigure, column: list[Flowable], frame: FrameSize) -> Table:
    side = frame.width - figure.width - _SIDE_GAP
    table = Table([[figure, column]], colWidths=[figure.width + _SIDE_GAP, side], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # not reportlab's Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _map_caption(printed: PrintedMap, _: Translator) -> str:
    n_ = counter(_.language)
    return _("{nodes}, {edges}.").format(
        nodes=n_(len(printed.nodes), "node"), edges=n_(len(printed.geometry.edges), "relation")
    )


def _tiles(printed: PrintedMap, frame: FrameSize) -> list[tuple[str, Rect]]:
    """Named windows of the map at the readable scale: as few as show every node whole.

    Candidate windows overlap by the largest box, so every node lies whole
    in one of them; the candidates are visited from the nodes' boxes (the
    work follows the map's content, not the distance between its nodes).
    Then the windows holding the most nodes not yet shown are kept first,
    until every node is shown; a window that would show a single node
    alone is moved to take in its neighbours as well.
    """
    tile_w = frame.width / MIN_SCALE
    tile_h = (frame.height - TileHeading.HEIGHT - 2) / MIN_SCALE
    widest = max(box.width for box in printed.nodes) + 2 * BADGE
    tallest = max(box.height for box in printed.nodes) + 2 * BADGE
    step_x = max(tile_w - widest, tile_w / 2)
    step_y = max(tile_h - tallest, tile_h / 2)
    x0, y0, _, _ = printed.bounds
    candidates: dict[tuple[int, int], Rect] = {}
    for box in printed.nodes:
        for row in range(
            max(0, math.ceil((box.bottom - tile_h - y0) / step_y)),
            math.floor((box.top - y0) / step_y) + 1,
        ):
            for column in range(
                max(0, math.ceil((box.right - tile_w - x0) / step_x)),
                math.floor((box.left - x0) / step_x) + 1,
            ):
                left, top = x0 + column * step_x, y0 + row * step_y
                candidates[row, column] = (left, top, left + tile_w, top + tile_h)
    chosen = _cover(printed, candidates)
    for number, key in enumerate(chosen):
        alone = printed.nodes_within(candidates[key])
        if len(alone) == 1:
            # A page for one node: centre it instead, to show its neighbours with it.
            box = alone[0]
            left, top = box.x - tile_w / 2, box.y - tile_h / 2
            candidates[key] = (left, top, left + tile_w, top + tile_h)
            chosen[number] = key
    return [
        (f"{_column_name(column)}{row + 1}", candidates[row, column])
        for row, column in sorted(chosen)
    ]


def _cover(printed: PrintedMap, candidates: dict[tuple[int, int], Rect]) -> list[tuple[int, int]]:
    """Greedy set cover: windows with the most unshown nodes first."""
    holds = {
        key: {box.id for box in printed.nodes_within(rect)} for key, rect in candidates.items()
    }
    unshown = {box.id for box in printed.nodes}
    chosen: list[tuple[int, int]] = []
    while unshown:
        key = max(holds, key=lambda k: (len(holds[k] & unshown), len(holds[k]), (-k[0], -k[1])))
        gained = holds[key] & unshown
        if not gained:
            break  # a node larger than a page: cannot happen with boxes this small
        chosen.append(key)
        unshown -= gained
    return chosen


def _column_name(index: int) -> str:
    """Spreadsheet-style column names: A…Z, AA, AB…"""
    name = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        name = chr(ord("A") + remainder) + name
    return name
