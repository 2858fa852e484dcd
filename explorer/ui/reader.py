"""A document in full, as written, with one passage highlighted and scrolled into view."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from explorer.model import Document


class DocumentReader(QDialog):
    # a passage the analyst selected: start, end (offsets in the document as written), text
    addEventRequested = Signal(int, int, str)
    deleteRequested = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(doc.title or doc.path)
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        meta = [doc.path]
        if doc.published:
            meta.append(f"published {doc.published} ({doc.published_source or 'given'})")
        layout.addWidget(QLabel(" · ".join(meta)))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(doc.original)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = buttons.addButton(
            "Add event from selection", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.delete_button = buttons.addButton(
            "Delete this document", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.add_button.clicked.connect(self._add_from_selection)
        self.delete_button.clicked.connect(lambda: self.deleteRequested.emit())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.highlighted: tuple[int, int] | None = None
        self._original = doc.original

    def show_passage(self, start: int, end: int, expr_start: int, expr_end: int) -> None:
        passage = QTextEdit.ExtraSelection()
        passage.format = QTextCharFormat()
        passage.format.setBackground(QColor("#fef7e0"))
        passage.cursor = self._cursor(start, end)
        expression = QTextEdit.ExtraSelection()
        expression.format = QTextCharFormat()
        expression.format.setBackground(QColor("#fdd663"))
        expression.cursor = self._cursor(expr_start, expr_end)
        self.text.setExtraSelections([passage, expression])
        self.text.setTextCursor(self._cursor(start, start))
        self.text.centerCursor()
        self.highlighted = (start, end)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        c = QTextCursor(self.text.document())
        c.setPosition(self._qt_pos(start))
        c.setPosition(self._qt_pos(end), QTextCursor.MoveMode.KeepAnchor)
        return c

    def selection(self) -> tuple[int, int] | None:
        """The selected text as Python offsets into the document, or None."""
        c = self.text.textCursor()
        if not c.hasSelection():
            return None
        return self._py_pos(c.selectionStart()), self._py_pos(c.selectionEnd())

    def select(self, start: int, end: int) -> None:
        self.text.setTextCursor(self._cursor(start, end))

    def _add_from_selection(self) -> None:
        span = self.selection()
        if span is not None:
            self.addEventRequested.emit(span[0], span[1], self._original[span[0] : span[1]])

    def _py_pos(self, qt: int) -> int:
        if self._original.isascii():
            return qt
        units = 0
        for i, ch in enumerate(self._original):
            if units >= qt:
                return i
            units += 2 if ord(ch) > 0xFFFF else 1
        return len(self._original)

    def _qt_pos(self, index: int) -> int:
        """Qt counts UTF-16 units; Python counts code points (they differ past U+FFFF)."""
        head = self._original[:index]
        return len(head.encode("utf-16-le")) // 2 if not head.isascii() else index
