"""Edit an event: title, time at the precision the analyst means, actors; and the other
readings of its date expression, one click each."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from explorer.curation.readings import Reading
from explorer.model import Event, Precision


class EditEventDialog(QDialog):
    def __init__(
        self,
        event: Event,
        readings: list[Reading],
        resolved_against: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit event")
        self.resize(560, 300)
        self.edited_event = event
        form = QFormLayout(self)
        self.title = QLineEdit(event.title)
        self.start = QLineEdit(event.span.iso_start())
        self.end = QLineEdit(event.span.iso_end() or "")
        self.end.setPlaceholderText("empty for a single day, month or year")
        self.precision = QComboBox()
        self.precision.addItems([p.value for p in Precision])
        self.precision.setCurrentText(event.span.precision.value)
        self.actors = QLineEdit(", ".join(event.actors))
        self.actors.setPlaceholderText("comma-separated")
        form.addRow("Title", self.title)
        form.addRow("Start (YYYY[-MM[-DD]])", self.start)
        form.addRow("End", self.end)
        form.addRow("Precision", self.precision)
        form.addRow("Actors", self.actors)
        written = ", ".join(sorted({s.expression for s in event.sources}))
        form.addRow("Written as", QLabel(f"“{written}” — resolved against {resolved_against}"))
        self.reading_buttons: list[QPushButton] = []
        if readings:
            row = QHBoxLayout()
            for r in readings:
                button = QPushButton(f"{r.how}: {r.span.label()}")
                button.clicked.connect(lambda _=False, r=r: self.use(r))
                row.addWidget(button)
                self.reading_buttons.append(button)
            box = QWidget()
            box.setLayout(row)
            form.addRow("Readings", box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def use(self, reading: Reading) -> None:
        self.start.setText(reading.span.iso_start())
        self.end.setText(reading.span.iso_end() or "")
        self.precision.setCurrentText(reading.span.precision.value)

    def changes(self) -> dict[str, Any]:
        """Only what differs from the event, as keyword arguments for ``actions.edit``."""
        e = self.edited_event
        out: dict[str, Any] = {}
        if self.title.text().strip() != e.title:
            out["title"] = self.title.text()
        start, end = self.start.text().strip(), self.end.text().strip() or None
        precision = self.precision.currentText()
        if (start, end, precision) != (
            e.span.iso_start(),
            e.span.iso_end(),
            e.span.precision.value,
        ):
            out.update(start=start, end=end, precision=precision)
        actors = [a.strip() for a in self.actors.text().split(",") if a.strip()]
        if sorted(actors) != sorted(e.actors):
            out["actors"] = actors
        return out
