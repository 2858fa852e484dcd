"""A document keeps its id when it is replaced (its file changed) or given a new date: the ids
a user was shown, and scripts keep, stay true."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from explorer import pipeline
from explorer.store.repo import Store


def test_a_replaced_or_redated_document_keeps_its_id(store: Store, tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("The harbour board of Velm met on Tuesday.\n")
    second.write_text("The pilots of Velm struck on 6 September 2021.\n")
    assert pipeline.ingest([first, second], store).ok
    ids = {Path(d.path).name: d.id for d in store.documents()}
    first.write_text("The harbour board of Velm met on Tuesday and again on Friday.\n")
    report = pipeline.ingest([first, second], store)
    assert len(report.replaced) == 1 and len(report.unchanged) == 1
    pipeline.set_published(store, ids["a.txt"], dt.date(2021, 9, 10))
    after = {Path(d.path).name: (d.id, d.published) for d in store.documents()}
    assert after == {"a.txt": (ids["a.txt"], dt.date(2021, 9, 10)), "b.txt": (ids["b.txt"], None)}
    (event,) = [e for e in store.events() if e.span.start == dt.date(2021, 9, 7)]  # Tuesday
    assert event.sources[0].document_id == ids["a.txt"]
    third = tmp_path / "c.txt"  # a new document after them takes a new id
    third.write_text("The ferry sailed on 4 April 2022.\n")
    pipeline.ingest([third], store)
    assert {d.id for d in store.documents()} == {*ids.values(), max(ids.values()) + 1}
