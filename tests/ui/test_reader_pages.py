"""The document reader on a PDF: it opens the passage's page, with the passage highlighted,
and turns pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from explorer import pipeline
from explorer.store.repo import Store
from explorer.ui.reader import DocumentReader
from tests.ingest.formats.makers import lines, write_pdf

PAGE_ONE = [
    ["Velm ferries get a new timetable"],
    lines("The harbour board of Velm met on Tuesday and agreed a new timetable for the ferries."),
    lines("The ferry company said the change had long been asked for by the islanders."),
]
PAGE_TWO = [
    lines("The first ferry under the new timetable will sail on 4 April 2022, the board said."),
]


def test_the_reader_opens_a_pdf_passage_on_its_page(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = write_pdf(tmp_path / "ferries.pdf", [PAGE_ONE, PAGE_TWO], header="VELM COURIER",
                    numbers=True, created="20220315")
    store = Store(tmp_path / "t.sqlite")
    try:
        assert pipeline.ingest([pdf], store).ok
        (event,) = [e for e in store.events() if e.span.start == dt.date(2022, 4, 4)]
        source = event.sources[0]
        doc = store.document(source.document_id)
        infos = {d.id: d for d in store.documents()}
    finally:
        store.close()
    from explorer.ui.passage_panel import PassagePanel

    panel = PassagePanel()
    qtbot.addWidget(panel)
    panel.show_event(event, infos)
    assert "page 2" in panel.toPlainText()  # the source says where in the PDF it is
    reader = DocumentReader(doc)
    qtbot.addWidget(reader)
    reader.show_passage(source.passage_start, source.passage_end,
                        source.expression_start, source.expression_end)
    reader.show()
    qtbot.waitExposed(reader)
    assert (reader.page, reader.page_label.text()) == (2, "Page 2 of 2")
    shown = reader.text.toPlainText()
    assert shown.startswith("The first ferry") and "harbour board" not in shown
    passage, expression = reader.text.extraSelections()
    assert passage.cursor.selectedText() == source.text
    assert expression.cursor.selectedText() == "4 April 2022"
    assert not reader.next_page.isEnabled() and reader.previous_page.isEnabled()
    # a selection on the page is an offset into the whole document
    reader.select(source.passage_start + 4, source.passage_start + 15)
    assert reader.selection() == (source.passage_start + 4, source.passage_start + 15)
    assert doc.text[source.passage_start + 4 : source.passage_start + 15] == "first ferry"
    shot = tmp_path / "reader.png"
    assert reader.grab().save(str(shot)) and shot.stat().st_size > 0
    reader.previous_page.click()
    assert reader.page == 1 and reader.text.toPlainText().startswith("Velm ferries")
    assert "VELM COURIER" not in reader.text.toPlainText()
    assert reader.highlighted is None
