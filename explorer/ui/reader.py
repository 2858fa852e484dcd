"""A document in full, as written, with one passage highlighted and scrolled into view; a
paged one (a PDF) a page at a time, opened on the passage's page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from explorer.model import Document, file_of


class DocumentReader(QDialog):
    # a passage the analyst selected: start, end (offsets in the document as written), text
    addEventRequested = Signal(int, int, str)
    deleteRequested = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(doc.title or doc.path)
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        meta = [file_of(doc.path)]
        if doc.location:
            meta.append(doc.location)
        if doc.published:
            meta.append(f"published {doc.published} ({doc.published_source or 'given'})")
        if doc.url:
            meta.append(doc.url)
        info = QLabel(" · ".join(meta))
        info.setWordWrap(True)
        layout.addWidget(info)
        self._doc = doc
        self._original = doc.original
        self._first = 0  # where the text shown begins in the document (a page's start)
        self.page = 0  # the page shown, from 1; 0 for a document without pages
        self.page_label = QLabel(self)
        self.previous_page = QPushButton("◀ Previous page", self)
        self.next_page = QPushButton("Next page ▶", self)
        self.previous_page.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_page.clicked.connect(lambda: self.show_page(self.page + 1))
        if doc.pages:
            row = QHBoxLayout()
            row.addWidget(self.previous_page)
            row.addWidget(self.page_label, 1)
            row.addWidget(self.next_page)
            layout.addLayout(row)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        if doc.pages:
            self.show_page(1)
        else:
            self.text.setPlainText(doc.original)
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

    @property
    def pages(self) -> int:
        return len(self._doc.pages)

    def _page_bounds(self, page: int) -> tuple[int, int]:
        starts = self._doc.pages
        end = starts[page] if page < len(starts) else len(self._original)
        return starts[page - 1], end

    def show_page(self, page: int) -> None:
        """Show one page of a paged document (the text between its start and the next's)."""
        if not self._doc.pages or not 1 <= page <= self.pages or page == self.page:
            return
        self.page = page
        self._first, end = self._page_bounds(page)
        self.text.setExtraSelections([])
        self.text.setPlainText(self._original[self._first : end].rstrip("\n"))
        self.page_label.setText(f"Page {page} of {self.pages}")
        self.previous_page.setEnabled(page > 1)
        self.next_page.setEnabled(page < self.pages)
        self.highlighted = None

    def show_passage(self, start: int, end: int, expr_start: int, expr_end: int) -> None:
        page = self._doc.page_of(start)
        if page is not None:
            self.show_page(page)
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
        """A position in the text shown as an offset into the document."""
        shown = self._original[self._first :]
        if shown.isascii():
            return self._first + qt
        units = 0
        for i, ch in enumerate(shown):
            if units >= qt:
                return self._first + i
            units += 2 if ord(ch) > 0xFFFF else 1
        return len(self._original)

    def _qt_pos(self, index: int) -> int:
        """Qt counts UTF-16 units; Python counts code points (they differ past U+FFFF). An
        offset off the page shown is held to its edge."""
        limit = self.text.document().characterCount() - 1
        head = self._original[self._first : max(index, self._first)]
        units = len(head.encode("utf-16-le")) // 2 if not head.isascii() else len(head)
        return min(units, limit)
