"""Filters: actors (with counts, search, any/all), text search, date range, clear."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.model import parse_iso_span
from explorer.ui.models.actor_model import KIND_HEADINGS, KINDS, ActorFilterProxy, ActorModel


class FilterPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.text = QLineEdit(placeholderText="Search titles and passages")
        self.text.setClearButtonEnabled(True)
        layout.addWidget(self.text)
        dates = QFormLayout()
        self.date_from = QLineEdit(placeholderText="YYYY[-MM[-DD]]")
        self.date_to = QLineEdit(placeholderText="YYYY[-MM[-DD]]")
        dates.addRow("From", self.date_from)
        dates.addRow("To", self.date_to)
        layout.addLayout(dates)
        layout.addWidget(QLabel("<b>Actors</b>"))
        self.actor_search = QLineEdit(placeholderText="Find an actor")
        self.actor_search.setClearButtonEnabled(True)
        layout.addWidget(self.actor_search)
        self.kind = QComboBox()
        self.kind.addItem("All kinds", None)
        for kind in KINDS:
            self.kind.addItem(KIND_HEADINGS[kind], kind)
        layout.addWidget(self.kind)
        self.mode = QComboBox()
        self.mode.addItems(["Events with any checked actor", "Events with all checked actors"])
        layout.addWidget(self.mode)
        self.model = ActorModel()
        self.proxy = ActorFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.list = QListView()
        self.list.setModel(self.proxy)
        layout.addWidget(self.list, 1)
        self.clear = QPushButton("Clear filters")
        layout.addWidget(self.clear)
        self.error = QLabel()
        self.error.setStyleSheet("color: #d93025")
        layout.addWidget(self.error)

        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.changed)
        self.text.textChanged.connect(self._debounce.start)
        self.date_from.textChanged.connect(self._debounce.start)
        self.date_to.textChanged.connect(self._debounce.start)
        self.actor_search.textChanged.connect(self.proxy.set_search)
        self.kind.currentIndexChanged.connect(lambda _i: self.proxy.set_kind(self.kind.currentData()))
        self.mode.currentIndexChanged.connect(self.changed)
        self.model.checkedChanged.connect(self.changed)
        self.clear.clicked.connect(self.clear_all)

    def clear_all(self) -> None:
        for box in (self.text, self.date_from, self.date_to, self.actor_search):
            box.blockSignals(True)
            box.clear()
            box.blockSignals(False)
        self.proxy.set_search("")
        self.kind.setCurrentIndex(0)
        self.model.blockSignals(True)
        self.model.clear_checks()
        self.model.blockSignals(False)
        self.mode.setCurrentIndex(0)
        self.changed.emit()

    def match_all(self) -> bool:
        return self.mode.currentIndex() == 1

    def pending(self) -> bool:
        """A typed change not yet applied (the fields wait for the typing to pause)."""
        return self._debounce.isActive()

    def search_text(self) -> str:
        return self.text.text().strip()

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        """The From/To fields; a bad field is reported under the panel and ignored."""
        self.error.clear()
        out: list[dt.date | None] = []
        for box, first in ((self.date_from, True), (self.date_to, False)):
            value = box.text().strip()
            if not value:
                out.append(None)
                continue
            try:
                span = parse_iso_span(value)
                out.append(span.start if first else span.end)
            except (ValueError, KeyError):
                self.error.setText(f"'{value}' is not YYYY, YYYY-MM or YYYY-MM-DD")
                out.append(None)
        return out[0], out[1]
