"""The key events list beside the timeline: the collection's key events (query/key.py), most
important first, and how many of them the timeline names first and opens on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QSpinBox, QVBoxLayout, QWidget

from explorer.query.key import KeyEvent

Index = QModelIndex | QPersistentModelIndex
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_KEYS = 100


class KeyEventsModel(QAbstractListModel):
    """One row per key event, in the order given (most important first)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[KeyEvent] = []

    def set_keys(self, keys: Sequence[KeyEvent]) -> None:
        self.beginResetModel()
        self.rows = list(keys)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.rows[index.row()]
        e = key.event
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {e.span.label()}\n{e.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            documents = len({s.document_id for s in e.sources})
            actors = ", ".join(e.actors[:6]) or "—"
            return f"<b>{e.title}</b><br>{e.span.label()}: {documents} document(s)<br>{actors}"
        if role == EVENT_ID_ROLE:
            return key.summary.id
        return None


class KeyEventsPanel(QWidget):
    eventChosen = Signal(int)  # an item was clicked: its event id
    countChanged = Signal(int)  # the user asked for another number of key events

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.heading = QLabel("<b>Key events</b>")
        row.addWidget(self.heading, 1)
        self.count = QSpinBox()
        self.count.setRange(0, MAX_KEYS)
        self.count.setSpecialValueText("off")  # 0: every event drawn alike
        self.count.setValue(count)
        self.count.setToolTip(
            "How many key events the timeline names first and opens on (0: off)"
        )
        row.addWidget(self.count)
        layout.addLayout(row)
        self.model = KeyEventsModel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)  # one event from the next, at a glance
        self.list.clicked.connect(self._chosen)
        self.list.activated.connect(self._chosen)  # Enter on the keyboard
        layout.addWidget(self.list, 1)
        # Clicking through 10, 11, 12… asks the store once, when the clicking pauses.
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(lambda: self.countChanged.emit(self.count.value()))
        self.count.valueChanged.connect(lambda _n: self._debounce.start())

    def _chosen(self, index: QModelIndex) -> None:
        event_id = self.model.data(index, EVENT_ID_ROLE)
        if event_id is not None:
            self.eventChosen.emit(int(event_id))

    def set_keys(self, keys: Sequence[KeyEvent]) -> None:
        self.model.set_keys(keys)
        self.heading.setText(f"<b>Key events</b> ({len(keys)})" if keys else "<b>Key events</b>")

    def pending(self) -> bool:
        """A change of the count not yet asked for."""
        return self._debounce.isActive()

    def select_event(self, event_id: int) -> None:
        """Show which row (if any) the timeline's selected event is."""
        for row, key in enumerate(self.model.rows):
            if key.summary.id == event_id:
                self.list.setCurrentIndex(self.model.index(row))
                return
        self.list.clearSelection()
