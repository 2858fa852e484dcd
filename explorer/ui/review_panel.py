"""The review queue: events whose date deserves a second look, the gravest doubts first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from explorer.curation.doubts import rank
from explorer.store.queries import EventSummary

Index = QModelIndex | QPersistentModelIndex
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ReviewModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[EventSummary, list[str]]] = []

    def set_rows(self, events: list[EventSummary], doubts: dict[int, list[str]]) -> None:
        self.beginResetModel()
        ranked = [(e, doubts[e.id]) for e in events if e.id in doubts]
        ranked.sort(key=lambda r: (-rank(r[1]), r[0].span.start))  # gravest doubts first
        self.rows = ranked
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event, reasons = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{event.span.label()}  {event.title}\n    {'; '.join(reasons)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "<br>".join(reasons)
        if role == EVENT_ID_ROLE:
            return event.id
        return None


class ReviewPanel(QWidget):
    eventChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel()
        layout.addWidget(self.heading)
        self.model = ReviewModel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.clicked.connect(
            lambda index: self.eventChosen.emit(int(self.model.data(index, EVENT_ID_ROLE)))
        )
        layout.addWidget(self.list)

    def set_rows(self, events: list[EventSummary], doubts: dict[int, list[str]]) -> None:
        self.model.set_rows(events, doubts)
        n = self.model.rowCount()
        # Nothing to review: one line, not an empty list taking a third of the window.
        self.list.setVisible(n > 0)
        self.setMaximumHeight(16777215 if n else self.heading.sizeHint().height() + 12)
        self.heading.setText(f"<b>To review</b>: {n} event(s)" if n else "<b>To review</b>: nothing")
