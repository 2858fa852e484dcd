"""Small dialogs: image export options, dates for undated documents, error reports."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer import APP_NAME
from explorer.pipeline import IngestReport
from explorer.store.repo import DocumentInfo


class ExportImageDialog(QDialog):
    def __init__(self, width: int, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export image")
        form = QFormLayout(self)
        self.width_box = QSpinBox(minimum=200, maximum=20000, value=width)
        self.height_box = QSpinBox(minimum=150, maximum=20000, value=height)
        self.dpi_box = QSpinBox(minimum=72, maximum=1200, value=96)
        self.scope = QComboBox()
        self.scope.addItems(["Current view", "Whole filtered timeline"])
        self.title_box = QCheckBox("Title and legend")
        self.title_box.setChecked(True)
        form.addRow("Width (px)", self.width_box)
        form.addRow("Height (px)", self.height_box)
        form.addRow("DPI", self.dpi_box)
        form.addRow("Range", self.scope)
        form.addRow(self.title_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class UndatedDialog(QDialog):
    """Documents without a publication date, one date field each."""

    def __init__(self, docs: list[DocumentInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Set publication dates")
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "These documents have no publication date, so their relative "
                "dates (\u201clast year\u201d, \u201con Wednesday\u201d) are "
                "not resolved yet. Set a date to resolve them."
            )
        )
        form = QFormLayout()
        self.fields: dict[int, tuple[QCheckBox, QDateEdit]] = {}
        for d in docs:
            box = QCheckBox(d.title or d.path)
            edit = QDateEdit(QDate.currentDate())
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d, b=box: b.setChecked(True))
            form.addRow(box, edit)
            self.fields[d.id] = (box, edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> dict[int, dt.date]:
        out = {}
        for doc_id, (box, edit) in self.fields.items():
            if box.isChecked():
                q = edit.date()
                out[doc_id] = dt.date(q.year(), q.month(), q.day())
        return out


class ErrorReport(QDialog):
    """An unexpected error: what happened, with a report the user can copy."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Timeline Explorer: unexpected error")
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Something went wrong that should not have. Your data is "
                "safe: each import and edit is one transaction.<br>Please "
                "copy this report into a bug report."
            )
        )
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        copy = QPushButton("Copy report")
        clip = QApplication.clipboard()
        copy.clicked.connect(lambda: clip.setText(report))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


_LISTED = 15  # failures named in the message; all of them are under Show Details


def failure_box(report: IngestReport, parent: QWidget) -> QMessageBox:
    """Which files an import could not read, and why: the same list the CLI prints."""
    failed = report.failed
    done = len(report.imported) + len(report.replaced) + len(report.unchanged)
    head = (
        f"{len(failed)} of {len(failed) + done} file(s) could not be imported; the rest were."
        if done
        else f"None of the {len(failed)} file(s) could be imported."
    )
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, head, parent=parent)
    # A reason names its file already (the CLI prints it alone); the list names it once.
    rows = [(Path(p).name, why.removeprefix(f"{p}: ")) for p, why in failed[:_LISTED]]
    more = (
        f"<p>… and {len(failed) - _LISTED} more (Show Details).</p>"
        if len(failed) > _LISTED
        else ""
    )
    box.setInformativeText(list_html(rows) + more)
    box.setDetailedText("\n".join(f"{p}: {why}" for p, why in failed))
    return box


def list_html(rows: list[tuple[str, str]]) -> str:
    return (
        "<ul>"
        + "".join(f"<li><b>{html.escape(a)}</b>: {html.escape(b)}</li>" for a, b in rows)
        + "</ul>"
    )
