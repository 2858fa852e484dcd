"""The report as a PDF made with Qt (no browser engine): the timeline, drawn as vectors by the
image export's painter, on the first page; the chronology after it, laid out by QTextDocument so
no line is cut at a page break; a page number on every page."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from explorer.errors import ExportError
from explorer.export.image import ensure_gui_app
from explorer.report.content import Report, ReportEntry, ReportSource
from explorer.report.timeline_svg import figure
from explorer.timeline.paint import Style, paint

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
_DPI = 96
_FOOTER = 28.0


def write_pdf(
    report: Report,
    path: Path,
    page: str = "a4",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> bool:
    """Write the PDF to ``path``; False when cancelled (nothing is left behind)."""
    ensure_gui_app()
    writer = QPdfWriter(str(path))
    writer.setResolution(_DPI)
    writer.setTitle(report.title)
    writer.setCreator("Timeline Explorer")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[page]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    width, height = float(writer.width()), float(writer.height())
    font = QFont("Sans Serif")
    font.setPointSizeF(9.5)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(_CSS)
    doc.setHtml(_chronology_html(report))
    doc.setPageSize(QSizeF(width, height - _FOOTER))
    pages = 1 + doc.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(f"{path}: the PDF could not be started.")
    try:
        _first_page(painter, report, width, height, font)
        _page_number(painter, 1, pages, width, height, font)
        for n in range(doc.pageCount()):
            if cancel is not None and cancel():
                return False
            if progress is not None:
                progress(n, doc.pageCount(), "report pages")
            writer.newPage()
            painter.save()
            painter.translate(0, -n * (height - _FOOTER))
            doc.drawContents(painter, QRectF(0, n * (height - _FOOTER), width, height - _FOOTER))
            painter.restore()
            _page_number(painter, n + 2, pages, width, height, font)
    finally:
        painter.end()
    return True


def _first_page(
    painter: QPainter, report: Report, width: float, height: float, font: QFont
) -> None:
    head = QTextDocument()
    head.documentLayout().setPaintDevice(painter.device())
    head.setDefaultFont(font)
    head.setDefaultStyleSheet(_CSS)
    scope = "".join(f"<li>{escape(s)}</li>" for s in report.scope)
    head.setHtml(
        f"<h1>{escape(report.title)}</h1><ul>{scope}"
        f"<li>{len(report.entries)} events from {report.documents} documents, "
        f"{escape(report.span)}.</li>"
        f"<li>Made {report.made:%d %B %Y, %H:%M} with Timeline Explorer.</li></ul>"
    )
    head.setTextWidth(width)
    head.drawContents(painter)
    top = head.size().height() + 12
    data, view = figure(report)
    box = QRectF(0, top, width, min(height - top - _FOOTER, width * 0.9))
    paint(painter, box, data, view, Style.light(), legend=True)


def _page_number(
    painter: QPainter, n: int, total: int, width: float, height: float, font: QFont
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.darkGray)
    painter.drawText(QPointF(width / 2 - 20, height - 8), f"{n} / {total}")
    painter.restore()


_CSS = """
h1 { font-size: 18pt; margin-bottom: 4px; }
h2 { font-size: 13pt; margin-top: 10px; }
h3 { font-size: 10.5pt; margin-top: 12px; margin-bottom: 2px; }
.date { color: #59636e; }
.actors { color: #59636e; }
.note { color: #8a1c24; }
.edited { color: #0b3d91; }
.key { color: #0d652d; }
.cite { color: #59636e; font-size: 8pt; }
blockquote { margin-left: 12px; }
"""


def _chronology_html(report: Report) -> str:
    parts = ["<h2>Chronology</h2>"]
    parts += [_entry(e) for e in report.entries]
    return "".join(parts)


def _entry(e: ReportEntry) -> str:
    notes = '<span class="key">Key event. </span>' if e.key else ""
    if e.disagree:
        notes += '<span class="note">The sources give different dates. </span>'
    if e.edited:
        notes += '<span class="edited">Edited by the analyst.</span>'
    actors = f'<p class="actors">Actors: {escape(", ".join(e.actors))}</p>' if e.actors else ""
    sources = "".join(_source(s) for s in e.sources)
    return (
        f'<h3><span class="date">{escape(e.date)}</span> — {escape(e.title)}</h3>'
        f"{('<p>' + notes + '</p>') if notes else ''}{actors}{sources}"
    )


def _source(s: ReportSource) -> str:
    text = s.passage
    if s.mark is not None:
        a, b = s.mark
        quoted = (
            f"{escape(text[:a])}<b style=\"background-color:#fff1a8\">{escape(text[a:b])}</b>"
            f"{escape(text[b:])}"
        )
    else:
        quoted = escape(text)
    cite = ""
    if s.document is not None:
        where = escape(s.where())
        cite = f'<br><span class="cite">{escape(", ".join(s.citation()))} · {where}</span>'
    return f"<blockquote>{quoted}{cite}</blockquote>"
