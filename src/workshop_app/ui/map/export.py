"""Export the whole map, with its legend, as a PNG or SVG image.

The picture is drawn into memory and written with the app's one atomic write
(fsync, no backup, the old file untouched on failure). A PNG has at most
:data:`MAX_PNG_PIXELS` pixels and :data:`MAX_PNG_SIDE` per side, whatever the
map's extent: a node far out (±1e8) or 5,000 nodes shrink the scale instead of
asking for gigabytes and minutes with the window frozen.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from workshop_app.fileformat import SaveError
from workshop_app.fileformat.atomic import write_atomic
from workshop_app.ui.i18n import tr
from workshop_app.ui.map.legend import legend_height, paint_legend
from workshop_app.ui.map.scene import MapScene

__all__ = ["MAX_PNG_PIXELS", "MAX_PNG_SIDE", "SUFFIXES", "export_map", "png_scale"]

SUFFIXES = (".png", ".svg")
#: Pixels per scene unit in a PNG: crisp on a projector and in slides.
PNG_SCALE = 2.0
#: The most pixels a PNG gets (about 190 MB while drawn), and the most per side.
MAX_PNG_PIXELS = 48_000_000
MAX_PNG_SIDE = 16_384
#: Pixel rows of a PNG painted between two progress reports.
BAND_PIXELS = 512
#: Told the fraction done; False stops the export.
Progress = Callable[[float], bool]
Bands = tuple[int, Progress | None] | None
_MARGIN = 24.0
#: A small map's image is made this wide, so its legend is not a tall column.
LEGEND_MIN_WIDTH = 640.0


def export_map(scene: MapScene, path: Path, progress: Progress | None = None) -> bool:
    """Write ``scene`` and a legend to ``path``; the suffix picks PNG or SVG.

    A PNG is painted in bands; after each, ``progress(fraction)`` is called
    (it may let the window paint) and stops the export when it returns False:
    then nothing is written and the answer is False. The file is replaced
    only when the image is complete. Raises :class:`ValueError` for another
    suffix and :class:`OSError` when the file cannot be written; both carry a
    message for the user.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(tr("Choose a file name ending in .png or .svg."))
    scene.finish_building()
    source = scene.itemsBoundingRect().adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN)
    width = max(source.width(), LEGEND_MIN_WIDTH)
    height = source.height() + legend_height(scene.style, width)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    with _for_export(scene):
        if suffix == ".png":
            done = _write_png(scene, buffer, source, QSize(round(width), round(height)), progress)
        else:
            done = _write_svg(scene, buffer, source, QSize(round(width), round(height)))
    buffer.close()
    if not done:
        return False
    try:
        write_atomic(path, data.data(), keep_backup=False)
    except OSError as error:
        reason = error.cause.strerror if isinstance(error, SaveError) else error.strerror
        raise OSError(
            tr("Cannot write {path}: {reason}").format(path=path, reason=reason or error)
        ) from None
    return True


def png_scale(width: float, height: float) -> float:
    """Pixels per scene unit for a picture of ``width`` by ``height`` scene units.

    >>> png_scale(800, 600)
    2.0
    >>> png_scale(2e8, 600) == MAX_PNG_SIDE / 2e8
    True
    """
    fits = min(
        MAX_PNG_SIDE / width, MAX_PNG_SIDE / height, (MAX_PNG_PIXELS / (width * height)) ** 0.5
    )
    return min(PNG_SCALE, fits)


def _paint(
    painter: QPainter, scene: MapScene, source: QRectF, width: float, bands: Bands = None
) -> bool:
    """The map ``source`` at the top, centred in ``width``, the legend below it.

    ``bands`` (count, progress) paints the map in that many horizontal bands,
    each only what lies in it, telling ``progress`` after each; False when
    it said stop.
    """
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    left = (width - source.width()) / 2
    count, progress = bands if bands is not None else (1, None)
    step = source.height() / count
    for band in range(count):
        piece = QRectF(source.left(), source.top() + band * step, source.width(), step)
        target = QRectF(left, band * step, source.width(), step)
        scene.render(painter, target, piece, Qt.AspectRatioMode.IgnoreAspectRatio)
        if progress is not None and not progress((band + 1) / (count + 1)):
            return False
    paint_legend(painter, QPointF(0, source.height()), scene.style, width)
    return True


def _write_png(
    scene: MapScene, file: QBuffer, source: QRectF, size: QSize, progress: Progress | None
) -> bool:
    scale = png_scale(size.width(), size.height())
    pixels = QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
    image = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise OSError(tr("There is not enough memory for a picture of the map."))
    image.setDotsPerMeterX(round(96 * PNG_SCALE / 0.0254))
    image.setDotsPerMeterY(round(96 * PNG_SCALE / 0.0254))
    image.fill(scene.style.background)
    painter = QPainter(image)
    painter.scale(scale, scale)
    count = max(1, math.ceil(source.height() * scale / BAND_PIXELS))
    done = _paint(painter, scene, source, size.width(), (count, progress))
    painter.end()
    return done and file.write(_encoded(image, progress)) > 0


def _encoded(image: QImage, progress: Progress | None) -> bytes:
    """The PNG of ``image``, compressed in a worker thread (seconds for 48 Mpx) while
    ``progress`` keeps the window painting; it can no longer stop the export."""

    def encode() -> None:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        encoded.append(data.data())

    encoded: list[bytes] = []
    worker = threading.Thread(target=encode, name="png", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.03)
        if progress is not None:
            progress(0.99)
    return encoded[0] if encoded else b""


def _write_svg(scene: MapScene, file: QBuffer, source: QRectF, size: QSize) -> bool:
    generator = QSvgGenerator()
    generator.setOutputDevice(file)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(tr("Responsibility map"))
    painter = QPainter(generator)
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), scene.style.background)
    _paint(painter, scene, source, size.width())
    painter.end()
    return True


@contextmanager
def _for_export(scene: MapScene) -> Iterator[None]:
    """Draw items afresh as vectors (not from their pixmap caches), without the
    selection, the hover handle and the finding highlight; put all back after.

    The selection is cleared with the scene's signals blocked, so the rest of
    the window never hears of it.
    """
    cached = [
        (item, item.cacheMode())
        for item in (*scene.nodes.values(), scene.layer)
        if item.cacheMode() != QGraphicsItem.CacheMode.NoCache
    ]
    selected, selected_edges = scene.selectedItems(), scene.selected_edges
    focus = scene.focus
    hovered = [node for node in scene.nodes.values() if node.hovered]
    blocked = scene.blockSignals(True)
    try:
        for item, _mode in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        scene.clearSelection()
        scene.select_edges(())
        scene.set_focus(())
        for node in hovered:
            node.hovered = False
        yield
    finally:
        for node in hovered:
            node.hovered = True
        scene.set_focus(focus)
        for item in selected:
            item.setSelected(True)
        scene.select_edges(selected_edges)
        for item, mode in cached:
            item.setCacheMode(mode)
        scene.blockSignals(blocked)
