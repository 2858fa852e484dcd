"""Draw a timeline frame with QPainter (QtGui only): the one code path for the window and for
PNG/SVG/PDF exports."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPaintEngine,
    QPainter,
    QPalette,
    QPen,
)

from explorer.model import Precision
from explorer.timeline.layout import (
    Frame,
    Metrics,
    Placed,
    TimelineData,
    View,
    layout,
    layout_by_actor,
)

AXIS_HEIGHT = 36.0
TOP_PAD = 8.0
TITLE_HEIGHT = 34.0
LEGEND_HEIGHT = 26.0
QUIET = 0.55  # how far an event beside the key events fades towards the background


@dataclass(frozen=True)
class Style:
    background: QColor
    text: QColor
    muted: QColor
    grid: QColor
    point: QColor
    month: QColor
    year: QColor
    decade: QColor
    range: QColor
    cluster: QColor
    selection: QColor
    metrics: Metrics = Metrics()
    font_size: float = 9.0

    @classmethod
    def light(cls) -> Style:
        return cls(
            QColor("#ffffff"),
            QColor("#202124"),
            QColor("#5f6368"),
            QColor("#e8eaed"),
            QColor("#1a73e8"),
            QColor("#12a4a0"),
            QColor("#e8710a"),
            QColor("#9aa0a6"),
            QColor("#8e24aa"),
            QColor("#3c4043"),
            QColor("#d93025"),
        )

    @classmethod
    def dark(cls) -> Style:
        return cls(
            QColor("#1f1f1f"),
            QColor("#e8eaed"),
            QColor("#9aa0a6"),
            QColor("#333333"),
            QColor("#8ab4f8"),
            QColor("#4fd1c5"),
            QColor("#fbbc04"),
            QColor("#bdc1c6"),
            QColor("#c58af9"),
            QColor("#dadce0"),
            QColor("#f28b82"),
        )

    @classmethod
    def for_palette(cls, palette: QPalette) -> Style:
        return (
            cls.dark()
            if palette.color(QPalette.ColorRole.Window).lightness() < 128
            else cls.light()
        )

    def quieted(self, color: QColor, share: float = QUIET) -> QColor:
        """``color`` mixed with the background: how events beside the key events are drawn.
        An opaque mix, not transparency, so a marker reads the same over the grid lines."""
        b = self.background
        return QColor(
            round(color.red() * (1 - share) + b.red() * share),
            round(color.green() * (1 - share) + b.green() * share),
            round(color.blue() * (1 - share) + b.blue() * share),
            color.alpha(),
        )

    def color_for(self, precision: Precision, is_range: bool) -> QColor:
        if is_range and precision is Precision.DAY:
            return self.range
        if precision is Precision.DAY:
            return self.point
        if precision in (
            Precision.WEEK,
            Precision.MONTH,
            Precision.SEASON,
            Precision.QUARTER,
            Precision.HALF,
        ):
            return self.month
        if precision is Precision.YEAR:
            return self.year
        return self.decade


def lanes_area(rect: QRectF, title: bool, legend: bool) -> QRectF:
    top = rect.top() + TOP_PAD + (TITLE_HEIGHT if title else 0)
    bottom = rect.bottom() - AXIS_HEIGHT - (LEGEND_HEIGHT if legend else 0)
    return QRectF(rect.left(), top, rect.width(), max(0.0, bottom - top))


def compute_frame(
    data: TimelineData,
    view: View,
    rect: QRectF,
    style: Style,
    title: bool = False,
    legend: bool = False,
    by_actor: bool = False,
) -> Frame:
    area = lanes_area(rect, title, legend)
    lanes = int(area.height() // style.metrics.lane_height)
    if by_actor:
        return layout_by_actor(data, view, rect.width(), lanes, style.metrics)
    return layout(data, view, rect.width(), lanes, style.metrics)


def paint(
    painter: QPainter,
    rect: QRectF,
    data: TimelineData,
    view: View,
    style: Style,
    *,
    frame: Frame | None = None,
    selected: int | None = None,
    marked: frozenset[int] = frozenset(),
    title: str | None = None,
    legend: bool = False,
) -> Frame:
    frame = frame or compute_frame(data, view, rect, style, bool(title), legend)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillRect(rect, style.background)
    font = QFont(painter.font())
    font.setPointSizeF(style.font_size)
    painter.setFont(font)
    fm = QFontMetricsF(font)
    bold = QFont(font)  # key events' titles
    bold.setBold(True)
    area = lanes_area(rect, bool(title), legend)
    if title:
        big = QFont(font)
        big.setPointSizeF(style.font_size * 1.5)
        big.setBold(True)
        painter.setFont(big)
        painter.setPen(style.text)
        painter.drawText(
            QRectF(rect.left() + 12, rect.top() + TOP_PAD, rect.width() - 24, TITLE_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        painter.setFont(font)
    _axis(painter, rect, area, frame, style, fm, legend)
    painter.setClipRect(area)
    lane_h = style.metrics.lane_height
    key = data.key
    for p in frame.placed:
        y = area.top() + p.lane * lane_h + lane_h / 2
        if p.event is None:
            _cluster(painter, rect.left() + p.x0, y, p.count, style, fm)
        else:
            chosen = p.event.id == selected or p.event.id in marked
            is_key = p.event.id in key
            _event(
                painter,
                rect.left(),
                y,
                p,
                style,
                fm,
                chosen,
                quiet=bool(key) and not is_key and not chosen,
                title_font=bold if is_key else None,
            )
    if frame.lane_labels:
        _lane_labels(painter, area, frame, style, fm)
    painter.setClipping(False)
    if legend:
        _legend(painter, rect, style, fm, keyed=bool(key))
    painter.restore()
    return frame


def _axis(
    painter: QPainter,
    rect: QRectF,
    area: QRectF,
    frame: Frame,
    style: Style,
    fm: QFontMetricsF,
    legend: bool,
) -> None:
    axis_y = area.bottom() + 4
    painter.setPen(QPen(style.muted, 1))
    painter.drawLine(QPointF(rect.left(), axis_y), QPointF(rect.right(), axis_y))
    last_right = float("-inf")
    for t in frame.ticks:
        x = rect.left() + t.x
        painter.setPen(QPen(style.grid, 1))
        painter.drawLine(QPointF(x, area.top()), QPointF(x, axis_y))
        painter.setPen(QPen(style.muted, 1))
        painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + (7 if t.major else 4)))
        w = fm.horizontalAdvance(t.label)
        if x - w / 2 > max(last_right + 6, rect.left()) and x + w / 2 < rect.right():
            painter.setPen(style.text if t.major else style.muted)
            painter.drawText(QPointF(x - w / 2, axis_y + 9 + fm.ascent()), t.label)
            last_right = x + w / 2


def _event(
    painter: QPainter,
    left: float,
    y: float,
    p: Placed,
    style: Style,
    fm: QFontMetricsF,
    selected: bool,
    quiet: bool = False,
    title_font: QFont | None = None,
) -> None:
    """An event: its marker and, if it has room, its title. ``quiet``: an event beside the
    key events, drawn paler (still there, still clickable); ``title_font``: a key event's
    (bold) title."""
    e = p.event
    assert e is not None
    is_range = e.precision is Precision.DAY and not e.is_point
    color = style.color_for(e.precision, is_range)
    edge = color.darker(130)
    if quiet:
        color, edge = style.quieted(color), style.quieted(edge)
    x0 = left + p.x0
    outline = QPen(style.selection, 2) if selected else QPen(edge, 1)
    if e.is_point:
        if _raster(painter):
            ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
            marker = _dot(color, QColor(outline.color()), outline.widthF(), ratio)
            painter.drawImage(QPointF(x0 - 7, y - 7), marker)
        else:
            painter.setPen(outline)
            painter.setBrush(color)
            painter.drawEllipse(QPointF(x0, y), 5.0, 5.0)
        text_x = x0 + 9
    else:
        x1 = max(left + p.x1, x0 + 3)
        fill = QColor(color)
        if not is_range:
            fill.setAlpha(90 if not quiet else 60)  # a band: somewhere in it, not all over it
        painter.setPen(outline)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(x0, y - 6, x1 - x0, 12), 3, 3)
        inside = x1 - max(x0, left) >= p.label_room - 1 > 0
        text_x = max(x0, left) + 6 if inside else x1 + 5
    room = p.label_room - 12
    if room < 16:
        return  # a bare marker: its title did not fit, a click or a zoom shows it
    painter.setPen(style.selection if selected else style.muted if quiet else style.text)
    if title_font is not None:
        painter.save()
        painter.setFont(title_font)
        fm = QFontMetricsF(title_font)
    text = fm.elidedText(e.title, Qt.TextElideMode.ElideRight, room)
    if p.label_left:
        text_x = x0 - 9 - fm.horizontalAdvance(text)
    painter.drawText(QPointF(text_x, y + fm.ascent() / 2 - 1), text)
    if title_font is not None:
        painter.restore()


def _cluster(
    painter: QPainter, x: float, y: float, count: int, style: Style, fm: QFontMetricsF
) -> None:
    label = str(count) if count < 10000 else f"{count // 1000}k"
    r = max(10.0, fm.horizontalAdvance(label) / 2 + 5)
    painter.setPen(QPen(style.cluster, 1))
    fill = QColor(style.cluster)
    fill.setAlpha(200)
    painter.setBrush(fill)
    painter.drawEllipse(QPointF(x + r, y), r, r * 0.8)
    painter.setPen(style.background)
    painter.drawText(QRectF(x, y - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, label)


_DOTS: dict[tuple[int, int, float, float], QImage] = {}  # QImage: usable off the GUI thread


def _raster(painter: QPainter) -> bool:
    """Screen and PNG: markers come from a small pixmap cache (an antialiased ellipse costs
    tens of microseconds). SVG and PDF keep drawing them as vectors."""
    engine = painter.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Raster


def _dot(fill: QColor, line: QColor, width: float, ratio: float = 1.0) -> QImage:
    """A marker drawn once per colour and screen scale (sharp at 2x too)."""
    key = (fill.rgba(), line.rgba(), width, ratio)
    pixmap = _DOTS.get(key)
    if pixmap is None:
        side = max(1, round(14 * ratio))
        pixmap = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(0, 0, 0, 0))
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(line, width))
        p.setBrush(fill)
        p.drawEllipse(QPointF(7, 7), 5.0, 5.0)
        p.end()
        _DOTS[key] = pixmap
    return pixmap


def _lane_labels(
    painter: QPainter, area: QRectF, frame: Frame, style: Style, fm: QFontMetricsF
) -> None:
    lane_h = style.metrics.lane_height
    for lane, name in enumerate(frame.lane_labels):
        y = area.top() + lane * lane_h
        painter.setPen(QPen(style.grid, 1))
        painter.drawLine(QPointF(area.left(), y + lane_h), QPointF(area.right(), y + lane_h))
        w = fm.horizontalAdvance(name) + 8
        back = QColor(style.background)
        back.setAlpha(220)
        painter.fillRect(QRectF(area.left(), y + 1, w, fm.height() + 2), back)
        painter.setPen(style.muted)
        painter.drawText(QPointF(area.left() + 4, y + 1 + fm.ascent()), name)


def _legend(
    painter: QPainter, rect: QRectF, style: Style, fm: QFontMetricsF, keyed: bool = False
) -> None:
    y = rect.bottom() - LEGEND_HEIGHT / 2
    x = rect.left() + 12
    items = [
        ("day", style.point, "point"),
        ("date range", style.range, "bar"),
        ("month / quarter", style.month, "band"),
        ("year", style.year, "band"),
        ("decade or longer", style.decade, "band"),
        ("cluster (count)", style.cluster, "dot"),
    ]
    if keyed:  # the key events in full colour, the others pale
        items.append(("not a key event", style.quieted(style.point), "point"))
    for label, color, shape in items:
        painter.setPen(QPen(color.darker(130), 1))
        fill = QColor(color)
        if shape == "band":
            fill.setAlpha(90)
        painter.setBrush(fill)
        if shape in ("point", "dot"):
            painter.drawEllipse(QPointF(x + 6, y), 5.0, 5.0)
        else:
            painter.drawRoundedRect(QRectF(x, y - 5, 14, 10), 2, 2)
        painter.setPen(style.text)
        painter.drawText(QPointF(x + 18, y + fm.ascent() / 2 - 1), label)
        x += 18 + fm.horizontalAdvance(label) + 18


def hit(
    frame: Frame,
    rect: QRectF,
    style: Style,
    x: float,
    y: float,
    title: bool = False,
    legend: bool = False,
) -> Placed | None:
    """What is drawn under (x, y), if anything."""
    area = lanes_area(rect, title, legend)
    if not area.contains(QPointF(x, y)):
        return None
    lane = int((y - area.top()) // style.metrics.lane_height)
    rel = x - rect.left()
    best: Placed | None = None
    for p in frame.placed:
        if p.lane != lane:
            continue
        if p.event is None:
            if p.x0 - 4 <= rel <= p.x0 + 30:
                return p
            continue
        lo = p.x0 - p.label_room if p.label_left else p.x0 - 6
        hi = max(p.x1, p.x0) + (6 if p.label_left else max(p.label_room - 12, 6))
        if lo <= rel <= hi:
            best = p
    return best
