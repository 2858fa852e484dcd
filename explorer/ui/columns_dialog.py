"""Which column of a table holds what, asked when the table's names are not the usual ones
(the window's side of ``explorer ingest --columns``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from explorer.ingest.formats.table import guessed_columns

NONE = "(none)"
_ASKED = (
    ("text", "Article text"),
    ("title", "Headline"),
    ("date", "Publication date"),
    ("outlet", "Outlet"),
    ("author", "Author"),
    ("url", "Link"),
)


class ColumnsDialog(QDialog):
    def __init__(self, path: Path, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Which column holds what?")
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        note = QLabel(
            f"No column of {path.name} is named as the articles' text. Say which holds it, "
            "and what the others hold; each row becomes an article."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        guessed = guessed_columns(names)
        self.boxes: dict[str, QComboBox] = {}
        for role, label in _ASKED:
            box = QComboBox(self)
            if role != "text":
                box.addItem(NONE)
            box.addItems(names)
            if role in guessed:
                box.setCurrentText(guessed[role])
            form.addRow(label, box)
            self.boxes[role] = box
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> dict[str, str]:
        """Role -> column, as ``--columns`` takes them."""
        return {r: b.currentText() for r, b in self.boxes.items() if b.currentText() != NONE}
