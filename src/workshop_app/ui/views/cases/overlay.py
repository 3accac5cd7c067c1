"""The walked case on the map: who holds it, where it waits, where it stalls.

One :class:`WalkOverlay` item sits above the map's nodes and edges and
shows the walk of a :class:`~workshop_app.ui.views.cases.state.WalkState`:
the map around the case is veiled; the responsibility where the case
starts carries the case's title and amount; each role it reaches gets a
numbered halo; the hand-off arrows say how long the case may wait; absent
roles are grey and tagged; at the end a green "decides" or a red "stalls
here" with the reason in a few words. While the animation runs the case
travels along the arrows.

It is an item of its own, put on the map through the map's overlay API
(``scene.add_overlay``, ``scene.node_rect``, ``scene.geometryChanged``): it
reads only where the nodes are, follows them when they move, and takes no
mouse events. :meth:`WalkOverlay.picture` says
what it shows, for the painting and for tests.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from workshop_app.cases import CaseWalk, Step
from workshop_app.cases.words import amount_words, duration_words
from workshop_app.ui.i18n import tr, ui_language
from workshop_app.ui.views.cases.drawing import (
    ABSENT,
    DECIDED,
    PATH,
    STALLED,
    Arrow,
    Badge,
    Halo,
    Picture,
    Placer,
    Tag,
    arrow_tag_boxes,
    curve,
    draw,
    node_tag_boxes,
    pill_size,
)
from workshop_app.ui.views.cases.state import WalkState

__all__ = ["WalkOverlay", "attach_overlay", "stall_words"]


def stall_words(reason: str | None) -> str:
    """The reason a case stalls, in a few words for a tag on the map."""
    return {
        "several-handlers": tr("several handle it"),
        "no-handler": tr("nobody handles it"),
        "no-escalation": tr("no escalation path"),
        "absent-no-deputy": tr("absent, nobody stands in"),
        "escalation-loop": tr("escalation goes in a circle"),
        "no-confirmer": tr("nobody can confirm"),
    }.get(reason or "", "")


class WalkOverlay(QGraphicsObject):
    """Shows the walk of ``state`` over the nodes of ``scene``."""

    def __init__(self, state: WalkState, scene: Any) -> None:
        """``scene`` is the map's scene; only its overlay API is used (see the module)."""
        super().__init__()
        self.state = state
        self.map_scene = scene
        self.setZValue(5)  # above nodes (1) and edges (0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self._rect = QRectF()

    def refresh(self) -> None:
        """Follow the nodes and the walk: new bounds, new picture."""
        shown = any(self._rect_of(node) is not None for node in self._involved())
        # The whole map: everything the case does not touch is veiled.
        rect = self.map_scene.sceneRect() if shown else QRectF()
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.setVisible(shown)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        picture = self.picture()
        if picture is not None:
            draw(painter, picture)

    # --- what is shown -------------------------------------------------------

    def picture(self) -> Picture | None:
        """What the overlay shows now (``None`` when no case is walked)."""
        walk, case = self.state.walk, self.state.case
        if walk is None or case is None or self._rect_of(case["responsibility"]) is None:
            return None
        font = QFont()
        # Words sized to the nodes, so they grow and shrink with the map.
        font.setPixelSize(max(8, round(self._rect_of(case["responsibility"]).height() * 0.26)))
        font.setBold(True)
        picture = Picture(self._rect, font)
        picture.holes = [r for r in map(self._rect_of, dict.fromkeys(self._involved())) if r]
        start_id = case["responsibility"]
        legs = self._legs(walk, start_id)
        done = self.state.progress >= max(len(walk.steps), 1) - 1e-6
        end_id = walk.path[-1] if walk.path else start_id
        absent = [role for role in case.get("absent") or () if self._rect_of(role)]
        picture.halos += [self._halo(role, ABSENT, dashed=True) for role in absent]
        picture.halos.append(self._halo(start_id, PATH, dashed=True))
        for index, (step, source, shown) in enumerate(legs):
            path, tip, tangent = curve(self._rect_of(source), self._rect_of(step.role), shown)
            picture.arrows.append(Arrow(source, step.role, path, tip, tangent, shown))
            if shown >= 1.0:
                colour = ABSENT if step.absent else PATH
                picture.halos.append(self._halo(step.role, colour, dashed=step.absent))
                picture.badges.append(Badge(step.role, self._rect_of(step.role), index + 1))
        if done:
            colour = DECIDED if walk.decided else STALLED
            picture.halos.append(self._halo(end_id, colour, width=8.0))
            picture.halos += [
                self._halo(r, STALLED, dashed=True) for r in walk.handlers if self._rect_of(r)
            ]
        self._place_tags(picture, walk, case, legs, done, absent)
        return picture

    def _place_tags(
        self,
        picture: Picture,
        walk: CaseWalk,
        case: dict[str, Any],
        legs: list[tuple[Step, str, float]],
        done: bool,
        absent: list[str],
    ) -> None:
        """The words on the map, the most important placed first (they get the best spot)."""
        placer = Placer(picture.holes, [arrow.path for arrow in picture.arrows])

        def beside_node(node: str, text: str, colour: Any, solid: bool = False) -> None:
            width, height = pill_size(picture.font, text)
            box = placer.place(node_tag_boxes(self._rect_of(node), width, height))
            picture.tags.append(Tag(text, box, colour, solid))

        end_id = walk.path[-1] if walk.path else case["responsibility"]
        if done and walk.decided:
            beside_node(end_id, "\u2713 " + tr("decides"), DECIDED, solid=True)
        elif done:
            text = tr("stalls here: {reason}").format(reason=stall_words(walk.reason))
            beside_node(end_id, "\u2717 " + text, STALLED, solid=True)
        beside_node(case["responsibility"], self._case_tag(case), PATH)
        for role in absent:
            beside_node(role, tr("absent"), ABSENT)
        for arrow, (step, _source, _shown) in zip(picture.arrows, legs, strict=True):
            if arrow.shown >= 1.0 and (label := _arrow_label(step)):
                width, height = pill_size(picture.font, label)
                box = placer.place(arrow_tag_boxes(arrow.path, width, height))
                picture.tags.append(Tag(label, box, PATH))

    def _legs(self, walk: CaseWalk, start: str) -> list[tuple[Step, str, float]]:
        """Each hand-off the animation has reached: the step, where from, how much is shown."""
        legs = []
        previous, progress = start, self.state.progress
        for index, step in enumerate(walk.steps):
            if self._rect_of(step.role) is None or progress <= index:
                break
            legs.append((step, previous, min(progress - index, 1.0)))
            previous = step.role
        return legs

    def _halo(self, node: str, colour: Any, *, dashed: bool = False, width: float = 6.0) -> Halo:
        return Halo(node, self._rect_of(node) or QRectF(), colour, dashed, width)

    def _rect_of(self, node_id: str) -> QRectF | None:
        return self.map_scene.node_rect(node_id)

    def _involved(self) -> list[str]:
        walk, case = self.state.walk, self.state.case or {}
        if walk is None:
            return []
        return [case.get("responsibility", ""), *walk.path, *(case.get("absent") or ())]

    def _case_tag(self, case: dict[str, Any]) -> str:
        amount = case.get("amount")
        title = case.get("title") or tr("Case")
        if amount is None or isinstance(amount, bool):
            return title
        shown = amount_words(Decimal(repr(amount)), ui_language())
        return tr("{title} · {amount}").format(title=title, amount=shown)


def _arrow_label(step: Step) -> str:
    if step.how == "deputy":
        return tr("stands in")
    if step.how == "confirmation":
        return tr("to confirm")
    if step.how == "escalation" and step.after is not None:
        return tr("up to {wait}").format(wait=duration_words(step.after, ui_language()))
    if step.how == "escalation":
        return tr("no deadline")
    return ""


class _Host(QObject):
    """Keeps one overlay on a map view (the map keeps it through its rebuilds)."""

    def __init__(self, view: Any, state: WalkState) -> None:
        super().__init__(view)
        scene = view.scene()
        self.overlay = WalkOverlay(state, scene)
        scene.add_overlay(self.overlay)
        state.walkChanged.connect(self.overlay.refresh)
        state.progressChanged.connect(self.overlay.refresh)
        scene.geometryChanged.connect(self.overlay.refresh)
        self.overlay.refresh()


def attach_overlay(view: Any, state: WalkState) -> _Host:
    """Draw ``state``'s walk on the map ``view`` from now on (``host.overlay`` is the item)."""
    return _Host(view, state)
