"""The timeline as an image: PNG (size or DPI chosen), SVG or PDF, drawn by timeline.paint.

Works without a display: the CLI starts an offscreen QGuiApplication (no widgets)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QGuiApplication, QImage, QPageSize, QPainter, QPdfWriter

from explorer.errors import ExportError
from explorer.timeline.layout import Frame, TimelineData, View
from explorer.timeline.paint import Style, paint

FORMATS = ("png", "svg", "pdf")
# The family Qt measured the text with on Linux first (DejaVu Sans), then its look-alikes.
SVG_FONTS = "DejaVu Sans, Verdana, Liberation Sans, Arial, Helvetica, sans-serif"


def ensure_gui_app() -> None:
    """A QGuiApplication for painting, offscreen when there is no display."""
    if QGuiApplication.instance() is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication([])


def svg_document(
    data: TimelineData,
    view: View,
    width: int,
    height: int,
    style: Style,
    *,
    title: str | None = None,
) -> tuple[str, Frame]:
    """The timeline as SVG text, and the frame drawn (where each event went): the one SVG
    writer of the image export and of the report, which links the events to its entries."""
    from PySide6.QtSvg import QSvgGenerator

    ensure_gui_app()
    rect = QRectF(0, 0, width, height)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(QSize(width, height))
    gen.setViewBox(rect)
    gen.setTitle(title or "Timeline")
    gen.setResolution(96)  # CSS pixels: Qt's default of 72 dpi made browsers draw it 33% large
    painter = QPainter(gen)
    frame = paint(painter, rect, data, view, style, title=title, legend=True)
    painter.end()
    svg = bytes(QByteArray(buffer.data()).data()).decode("utf-8")
    # Sizes in pixels, as the PNG, and a font family every browser knows: Qt writes its own
    # generic name ("Sans Serif"), which browsers do not, and fall back to a serif font.
    svg = re.sub(
        r'<svg width="[^"]*" height="[^"]*"',
        f'<svg width="{width}" height="{height}"',
        svg,
        count=1,
    )
    return svg.replace('font-family="Sans Serif"', f'font-family="{SVG_FONTS}"'), frame


def render(
    data: TimelineData,
    view: View,
    path: Path,
    fmt: str,
    *,
    width: int = 1600,
    height: int = 900,
    dpi: int = 96,
    title: str | None = "Timeline",
    style: Style | None = None,
) -> None:
    """Write the timeline of ``data`` over ``view`` to ``path``; ExportError on failure."""
    if fmt not in FORMATS:
        raise ExportError(f"Unknown image format '{fmt}' (use png, svg or pdf).")
    if not (16 <= width <= 20000 and 16 <= height <= 20000):
        raise ExportError(f"{width}x{height} is not a sensible image size (16 to 20000 px).")
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"{path}: there is no folder {folder}; nothing was written.")
    if not os.access(folder, os.W_OK):
        raise ExportError(f"{path}: the folder {folder} cannot be written to; nothing was written.")
    ensure_gui_app()
    style = style or Style.light()
    tmp = path.with_name(path.name + ".part")
    rect = QRectF(0, 0, width, height)
    try:
        if fmt == "png":
            image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
            painter = QPainter(image)
            paint(painter, rect, data, view, style, title=title, legend=True)
            painter.end()
            if not image.save(str(tmp), "PNG"):  # type: ignore[call-overload]
                raise ExportError(f"{path}: the PNG could not be written.")
        elif fmt == "svg":
            svg, _ = svg_document(data, view, width, height, style, title=title)
            tmp.write_text(svg, encoding="utf-8")
        else:
            writer = QPdfWriter(str(tmp))
            writer.setResolution(dpi)
            points = QSizeF(width * 72.0 / dpi, height * 72.0 / dpi)
            writer.setPageSize(QPageSize(points, QPageSize.Unit.Point, "timeline"))
            writer.setPageMargins(QMarginsF(0, 0, 0, 0))
            painter = QPainter(writer)
            paint(
                painter,
                QRectF(0, 0, writer.width(), writer.height()),
                data,
                view,
                style,
                title=title,
                legend=True,
            )
            painter.end()
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise ExportError(f"{path}: nothing was written.")
        tmp.replace(path)
    except OSError as err:
        raise ExportError(f"{path}: cannot write the image ({err.strerror or err}).") from err
    finally:
        tmp.unlink(missing_ok=True)
