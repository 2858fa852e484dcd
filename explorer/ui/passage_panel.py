"""The selected event: title, date and how it was read, actors, and every source passage with
its date expression and actor mentions highlighted. A passage link opens the reader."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from explorer.model import Event, Source
from explorer.store.repo import DocumentInfo


class PassagePanel(QTextBrowser):
    # document id, passage start, passage end, expression start, expression end
    openPassage = Signal(int, int, int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_link)
        self.current: Event | None = None
        self.show_event(None, {})

    def show_event(self, event: Event | None, documents: dict[int, DocumentInfo]) -> None:
        self.current = event
        if event is None:
            self.setHtml(
                "<p style='color:gray'>Click an event on the timeline to see where it "
                "comes from.</p>"
            )
            return
        parts = [
            f"<h3>{html.escape(event.title)}</h3>",
            f"<p><b>{html.escape(event.span.label())}</b> "
            f"<span style='color:gray'>({event.span.precision.value})</span></p>",
        ]
        written = sorted({s.expression for s in event.sources})
        parts.append(f"<p>Written as: {', '.join(html.escape(w) for w in written)}</p>")
        readings = sorted({s.resolved for s in event.sources if s.resolved})
        if len(readings) > 1:
            parts.append(
                "<p style='color:#d93025'><b>The sources disagree on the date:</b> "
                f"{html.escape(', '.join(readings))}</p>"
            )
        if readings and readings != [event.span.label()]:
            parts.append(
                f"<p style='color:gray'>Read from the text as {html.escape(', '.join(readings))}; "
                "edited since.</p>"
            )
        if event.actors:
            parts.append(f"<p>Actors: {html.escape(', '.join(event.actors))}</p>")
        parts.append(f"<p><b>{len(event.sources)} source(s)</b></p>")
        for n, s in enumerate(event.sources):
            doc = documents.get(s.document_id)
            parts.append(self._source_html(n, s, doc, event.actors))
        self.setHtml("".join(parts))

    def _source_html(
        self, n: int, s: Source, doc: DocumentInfo | None, actors: tuple[str, ...]
    ) -> str:
        title = html.escape(doc.title or doc.path) if doc else f"document {s.document_id}"
        meta = []
        if doc is not None:
            if doc.outlet:
                meta.append(html.escape(doc.outlet))
            meta.append(f"published {doc.published}" if doc.published else "no publication date")
            if doc.location:
                meta.append(html.escape(doc.location))
            page = doc.page_of(s.passage_start)
            if page is not None:
                meta.append(f"page {page}")
        link = (
            f"passage:{s.document_id}:{s.passage_start}:{s.passage_end}:"
            f"{s.expression_start}:{s.expression_end}"
        )
        return (
            f"<hr><p><a href='{link}'>{title}</a><br>"
            f"<span style='color:gray'>{' · '.join(meta)}</span></p>"
            f"<p>{highlight(s.text, s.expression, actors)}</p>"
        )

    def _on_link(self, url: QUrl) -> None:
        parts = url.toString().split(":")
        if len(parts) == 6 and parts[0] == "passage":
            self.openPassage.emit(*(int(p) for p in parts[1:]))


def highlight(sentence: str, expression: str, actors: tuple[str, ...]) -> str:
    """The sentence as HTML, the date expression marked, actor names underlined."""
    marks: list[tuple[int, int, str]] = []
    at = sentence.find(expression)
    if at >= 0:
        marks.append((at, at + len(expression), "date"))
    for name in actors:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sentence):
            if not any(a < m.end() and m.start() < b for a, b, _ in marks):
                marks.append((m.start(), m.end(), "actor"))
    out, pos = [], 0
    for a, b, kind in sorted(marks):
        out.append(html.escape(sentence[pos:a]))
        style = (
            "background-color:#fde293;font-weight:bold"
            if kind == "date"
            else "text-decoration:underline;color:#1a73e8"
        )
        out.append(f"<span style='{style}'>{html.escape(sentence[a:b])}</span>")
        pos = b
    out.append(html.escape(sentence[pos:]))
    return "".join(out)
