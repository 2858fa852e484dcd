"""The zoomable, pannable timeline widget: one painter draws only what is visible."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from explorer.timeline import data as tdata
from explorer.timeline.layout import Frame, Placed, TimelineData, View
from explorer.timeline.opening import data_view
from explorer.timeline.paint import AXIS_HEIGHT, Style, compute_frame, hit, lanes_area, paint

ZOOM_STEP = 1.25


class TimelineView(QWidget):
    eventSelected = Signal(int)  # event id, -1 for none
    viewChanged = Signal()
    painted = Signal()  # after each paint (the startup benchmark waits for the first)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(400, 200)
        self.data = TimelineData([])
        self.view = tdata.empty_view()
        self.selected: int | None = None
        self.marked: set[int] = set()  # Ctrl+click: events picked for a merge
        self.by_actor = False  # one lane per actor
        self._frame: Frame | None = None
        self._drag_start: QPointF | None = None
        self._drag_view: View | None = None
        self._range_start: float | None = None  # x where an axis drag began
        self._range_now: float | None = None
        self._style = Style.for_palette(self.palette())

    # ------------------------------------------------------------------ data and view

    def set_data(self, data: TimelineData, keep_view: bool = True) -> None:
        self.data = data
        if not keep_view:
            self.view = data_view(data)
        if self.selected is not None and self.selected not in data.by_id:
            self.select(None)
        self.marked &= set(data.by_id)
        self._invalidate()

    def set_view(self, view: View) -> None:
        self.view = view.clamped()
        self._invalidate()
        self.viewChanged.emit()

    def zoom(self, factor: float, x: float | None = None) -> None:
        anchor = self.view.t(x if x is not None else self.width() / 2, self.width())
        self.set_view(self.view.zoom(factor, anchor))

    def set_by_actor(self, on: bool) -> None:
        self.by_actor = on
        self._invalidate()

    def fit_all(self) -> None:
        self.set_view(tdata.fit(self.data))

    def centre_on(self, event_id: int) -> None:
        """Select an event and pan the view (its zoom kept) to put it in the middle."""
        e = self.data.by_id.get(event_id)
        if e is not None:
            self.set_view(self.view.pan((e.start + e.end) / 2 - (self.view.t0 + self.view.t1) / 2))
        self.select(event_id)

    def select(self, event_id: int | None) -> None:
        self.selected = event_id
        self.update()
        self.eventSelected.emit(event_id if event_id is not None else -1)

    def frame(self) -> Frame:
        if self._frame is None:
            self._frame = compute_frame(
                self.data, self.view, self._rect(), self._style, by_actor=self.by_actor
            )
        return self._frame

    def layout_size(self) -> tuple[float, int]:
        """The width and the number of lanes the layout works with."""
        area = lanes_area(self._rect(), False, False)
        return float(self.width()), max(1, int(area.height() // self._style.metrics.lane_height))

    def point_of(self, event_id: int) -> QPoint | None:
        """Where an event's marker is drawn (for tests and keyboard focus)."""
        area = lanes_area(self._rect(), False, False)
        for p in self.frame().placed:
            if p.event is not None and p.event.id == event_id:
                y = area.top() + p.lane * self._style.metrics.lane_height
                y += self._style.metrics.lane_height / 2
                return QPoint(int(max(p.x0, 0) + 2), int(y))
        return None

    def _rect(self) -> QRectF:
        return QRectF(0, 0, self.width(), self.height())

    def _invalidate(self) -> None:
        self._frame = None
        self.update()

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._frame = paint(
            painter,
            self._rect(),
            self.data,
            self.view,
            self._style,
            frame=self.frame(),
            selected=self.selected,
        )
        if self._range_start is not None and self._range_now is not None:
            band = QColor(self._style.selection)
            band.setAlpha(50)
            left, right = sorted((self._range_start, self._range_now))
            painter.fillRect(QRectF(left, 0, right - left, self.height()), band)
        painter.end()
        self.painted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._invalidate()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._style = Style.for_palette(self.palette())
            self._invalidate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ input

    def _on_axis(self, y: float) -> bool:
        return y >= self.height() - AXIS_HEIGHT

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120 or event.pixelDelta().y() / 60
        if steps:
            self.zoom(ZOOM_STEP**steps, event.position().x())
        event.accept()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.NativeGesture:  # trackpad pinch
            from PySide6.QtGui import QNativeGestureEvent

            if (
                isinstance(e, QNativeGestureEvent)
                and e.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
            ):
                self.zoom(1 + e.value(), e.position().x())
                return True
        return super().event(e)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        if self._on_axis(pos.y()):
            self._range_start = self._range_now = pos.x()
            return
        self._drag_start, self._drag_view = pos, self.view

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._range_start is not None:
            self._range_now = pos.x()
            self.update()
            return
        if self._drag_start is not None and self._drag_view is not None:
            dx = pos.x() - self._drag_start.x()
            if abs(dx) > 2:
                self.set_view(self._drag_view.pan(-dx / self.width() * self._drag_view.span))
            return
        placed = hit(self.frame(), self._rect(), self._style, pos.x(), pos.y())
        if placed is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self._tooltip(placed), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._range_start is not None:
            left, right = sorted((self._range_start, pos.x()))
            self._range_start = self._range_now = None
            if right - left > 8:
                w = self.width()
                self.set_view(View(self.view.t(left, w), self.view.t(right, w)))
            self.update()
            return
        moved = self._drag_start is not None and abs(pos.x() - self._drag_start.x()) > 2
        self._drag_start = self._drag_view = None
        if moved:
            return
        placed = self.hit_at(pos.x(), pos.y())
        if placed is None:
            self.select(None)
        elif placed.event is None:
            self._open_cluster(placed)
        elif event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.marked ^= {placed.event.id}
            self.update()
        else:
            self.select(placed.event.id)

    def hit_at(self, x: float, y: float) -> Placed | None:
        return hit(self.frame(), self._rect(), self._style, x, y)

    def _open_cluster(self, placed: Placed) -> None:
        ids = self.data.cluster_ids(placed)
        events = [self.data.by_id[i] for i in ids if i in self.data.by_id]
        if not events:
            return
        lo = min(e.start for e in events)
        hi = max(e.end for e in events)
        pad = max((hi - lo) * 0.1, 1.0)
        self.set_view(View(lo - pad, hi + pad))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step = self.view.span * 0.1
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Left:
            self.set_view(self.view.pan(-step))
        elif key == Qt.Key.Key_Right:
            self.set_view(self.view.pan(step))
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_N):
            self._step_selection(1)
        elif key in (Qt.Key.Key_Backtab, Qt.Key.Key_Up, Qt.Key.Key_P):
            self._step_selection(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.eventSelected.emit(self.selected if self.selected is not None else -1)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        return False  # Tab moves between events here, not between widgets

    def _step_selection(self, by: int) -> None:
        """Select the next/previous event in time, scrolling it into view."""
        ordered = self.data.ordered
        if not ordered:
            return
        ids = [e.id for e in ordered]
        if self.selected in self.data.by_id:
            index = min(max(ids.index(self.selected) + by, 0), len(ids) - 1)
        else:
            mid = (self.view.t0 + self.view.t1) / 2
            index = next((i for i, e in enumerate(ordered) if e.start >= mid), len(ids) - 1)
        e = ordered[index]
        if not (self.view.t0 <= e.start <= self.view.t1):
            self.set_view(self.view.pan(e.start - (self.view.t0 + self.view.t1) / 2))
        self.select(e.id)

    def _tooltip(self, placed: Placed) -> str:
        if placed.event is None:
            return f"{placed.count} events — click to zoom in"
        e = placed.event
        actors = ", ".join(e.actors[:6]) or "—"
        return f"<b>{e.title}</b><br>{e.label} ({e.precision.value})<br>Actors: {actors}"
