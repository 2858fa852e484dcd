"""Curations: hide, edit, merge, undo/redo, and that they survive re-import."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from explorer import pipeline
from explorer.cli import main
from explorer.curation import actions
from explorer.curation.view import curated, curated_event
from explorer.errors import InputError
from explorer.store.repo import Store

OUTLET_A = (
    "Border talks\n\nMarch 4, 2019\n\n"
    "Today, in a tense week, the two delegations sat down again in Vienna.\n"
    "The border treaty was signed in 1997 by both governments.\n"
    "Trade rose sharply in 2014 after the crisis.\n"
)
OUTLET_B = (  # the same story, a day later in another outlet: "today" becomes another day
    "Border talks\n\nMarch 5, 2019\n\n"
    "Today, in a tense week, the two delegations sat down again in Vienna, officials said.\n"
)


def _ingest(tmp_path: Path, store: Store, name: str, text: str) -> None:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    assert pipeline.ingest([p], store).ok


def _by_year(store: Store, year: str):  # type: ignore[no-untyped-def]
    return [e for e in curated(store).events if e.span.iso_start().startswith(year)]


def test_hide_and_undo(tmp_path: Path, store: Store) -> None:
    _ingest(tmp_path, store, "a.txt", OUTLET_A)
    (treaty,) = _by_year(store, "1997")
    edit = actions.hide(store, treaty.id)
    assert not _by_year(store, "1997")
    assert [e.id for e in curated(store).hidden] == [treaty.id]
    actions.undo(store, edit)
    assert _by_year(store, "1997") and not curated(store).hidden
    actions.redo(store, edit)
    assert not _by_year(store, "1997")


def test_edit_keeps_the_precision_asked_for(tmp_path: Path, store: Store) -> None:
    _ingest(tmp_path, store, "a.txt", OUTLET_A)
    (trade,) = _by_year(store, "2014")
    actions.edit(store, trade.id, title="Trade jumps after the crisis", start="2015",
                 precision="year", actors=["Austria"])
    (edited,) = _by_year(store, "2015")
    assert edited.title == "Trade jumps after the crisis"
    assert (edited.span.iso_start(), edited.span.iso_end(), edited.span.precision.value) == (
        "2015", None, "year")
    assert edited.actors == ("Austria",)
    with pytest.raises(InputError):
        actions.edit(store, trade.id, start="2015-13")
    with pytest.raises(InputError):
        actions.edit(store, trade.id, start="2016", end="2015")


def test_edits_survive_reimport_of_a_changed_file(tmp_path: Path, store: Store) -> None:
    _ingest(tmp_path, store, "a.txt", OUTLET_A)
    (treaty,) = _by_year(store, "1997")
    (trade,) = _by_year(store, "2014")
    actions.hide(store, treaty.id)
    actions.edit(store, trade.id, start="2014-03", precision="month")
    changed = OUTLET_A + "A new round is planned for 2020, the ministry said.\n"
    (tmp_path / "a.txt").write_text(changed, encoding="utf-8")
    report = pipeline.ingest([tmp_path / "a.txt"], store)
    assert report.replaced  # the events were rebuilt from scratch ...
    assert not _by_year(store, "1997")  # ... and the hidden one stays hidden
    assert [e.span.label() for e in _by_year(store, "2014")] == ["2014-03"]
    assert _by_year(store, "2020")
    assert not curated(store).missing


def test_edit_whose_sentence_is_gone_is_reported(tmp_path: Path, store: Store) -> None:
    _ingest(tmp_path, store, "a.txt", OUTLET_A)
    (treaty,) = _by_year(store, "1997")
    edit = actions.hide(store, treaty.id)
    (tmp_path / "a.txt").write_text(OUTLET_A.replace("signed in 1997", "signed in 1998"),
                                    encoding="utf-8")
    pipeline.ingest([tmp_path / "a.txt"], store)
    assert [c.id for c in curated(store).missing] == [edit]
    assert _by_year(store, "1998")  # a new sentence: nothing hides it


def test_hand_merge_of_two_outlets_survives_reimport(tmp_path: Path, store: Store) -> None:
    _ingest(tmp_path, store, "a.txt", OUTLET_A)
    _ingest(tmp_path, store, "b.txt", OUTLET_B)
    todays = _by_year(store, "2019-03")
    assert len(todays) == 2  # 4 and 5 March: extraction keeps them apart
    merge = actions.merge(store, [e.id for e in todays])
    (merged,) = _by_year(store, "2019-03")
    assert len({s.document_id for s in curated_event(store, merged.id).sources}) == 2
    for name, text in (("a.txt", OUTLET_A + "More talks follow.\n"),
                       ("b.txt", OUTLET_B + "More talks follow.\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert pipeline.ingest([tmp_path / name], store).replaced
    (merged,) = _by_year(store, "2019-03")
    assert len(curated_event(store, merged.id).sources) == 2
    actions.undo(store, merge)
    assert len(_by_year(store, "2019-03")) == 2


def test_cli_edits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "a.txt"
    p.write_text(OUTLET_A, encoding="utf-8")
    db = str(tmp_path / "t.sqlite")
    assert main(["ingest", str(p), "--db", db]) == 0
    assert main(["events", "--db", db, "--json"]) == 0
    out = capsys.readouterr().out
    events = json.loads(out[out.index("{"):])["events"]
    treaty = next(e for e in events if e["start"] == "1997")
    assert main(["hide", str(treaty["id"]), "--db", db]) == 0
    assert main(["events", "--db", db, "--hidden", "--json"]) == 0
    out = capsys.readouterr().out
    assert [e["id"] for e in json.loads(out[out.index("{"):])["events"]] == [treaty["id"]]
    assert main(["edit", str(treaty["id"]), "--date", "1997-05", "--db", db]) == 0
    assert main(["edits", "--db", db]) == 0
    listing = capsys.readouterr().out
    assert "hide" in listing and "edit" in listing
    assert main(["undo", "--db", db]) == 0  # the edit
    assert main(["undo", "--db", db]) == 0  # the hide
    assert main(["events", "--db", db, "--json", "--from", "1997", "--to", "1997"]) == 0
    out = capsys.readouterr().out
    assert [e["start"] for e in json.loads(out[out.index("{"):])["events"]] == ["1997"]
    assert main(["merge", "1", "--db", db]) == 2
    assert "two or more" in capsys.readouterr().err


def _events_json(db: str, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    assert main(["events", "--db", db, "--json"]) == 0
    out = capsys.readouterr().out
    return json.loads(out[out.index("{"):])["events"]


def test_cli_split_add_event_and_delete_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(OUTLET_A, encoding="utf-8")
    b.write_text(OUTLET_A.replace("Border talks", "Talks on the border"), encoding="utf-8")
    db = str(tmp_path / "t.sqlite")
    assert main(["ingest", str(a), str(b), "--db", db]) == 0
    treaty = next(e for e in _events_json(db, capsys) if e["start"] == "1997")
    assert len(treaty["sources"]) == 2  # one event told by both files
    assert main(["split", str(treaty["id"]), "1", "--db", db]) == 0
    split = [e for e in _events_json(db, capsys) if e["start"] == "1997"]
    assert sorted(len(e["sources"]) for e in split) == [1, 1]
    assert main(["add-event", "Talks resume", "--date", "2019-04", "--precision", "month",
                 "--actor", "Austria", "--db", db]) == 0  # fmt: skip
    added = [e for e in _events_json(db, capsys) if e["title"] == "Talks resume"]
    assert [(e["start"], e["precision"], e["actors"]) for e in added] == [
        ("2019-04", "month", ["Austria"])
    ]
    assert main(["documents", "--db", db]) == 0
    assert capsys.readouterr().out.count("events") == 2
    assert main(["delete-document", "2", "--db", db]) == 0
    assert main(["documents", "--db", db]) == 0
    assert capsys.readouterr().out.count("events") == 1
    left = [e for e in _events_json(db, capsys) if e["start"] == "1997"]
    assert [len(e["sources"]) for e in left] == [1]
    assert main(["undo", "--db", db]) == 0  # the document comes back
    assert main(["documents", "--db", db]) == 0
    assert capsys.readouterr().out.count("events") == 2
    assert main(["split", str(treaty["id"]), "9", "--db", db]) == 2
    assert "cannot be split" in capsys.readouterr().err  # one source left: a message, exit 2


def test_curations_are_stored_apart(tmp_path: Path, store: Store) -> None:
    _ingest(tmp_path, store, "a.txt", OUTLET_A)
    before = store.summaries()
    (treaty,) = _by_year(store, "1997")
    actions.edit(store, treaty.id, title="Changed", start="1990")
    assert store.summaries() == before  # extraction's own record is untouched
    assert dt.date(1990, 1, 1) == _by_year(store, "1990")[0].span.start


def test_rename_and_merge_actors_with_undo(tmp_path: Path, store: Store) -> None:
    text = ("Talks\n\nMarch 4, 2019\n\nPutin met Xi in Beijing in 2018.\n"
            "Moscow and Beijing signed a pact in 2001.\n")
    _ingest(tmp_path, store, "a.txt", text)
    first = actions.rename_actor(store, "Vladimir Putin", "V. Putin")
    assert all("Vladimir Putin" not in e.actors for e in curated(store).events)
    assert any("V. Putin" in e.actors for e in curated(store).events)
    second = actions.rename_actor(store, "Russia", "China")  # a merge: one actor left
    (pact,) = _by_year(store, "2001")
    assert pact.actors == ("China",)
    actions.undo(store, second)
    (pact,) = _by_year(store, "2001")
    assert set(pact.actors) == {"Russia", "China"}
    actions.undo(store, first)
    assert any("Vladimir Putin" in e.actors for e in curated(store).events)
    with pytest.raises(InputError):
        actions.rename_actor(store, "Nobody", "Somebody")


def test_alias_is_used_by_the_next_import(tmp_path: Path, store: Store) -> None:
    actions_id = None
    _ingest(tmp_path, store, "a.txt", "Talks\n\nMarch 4, 2019\n\nThe Blue Team met in 2015.\n")
    assert "NATO" not in _by_year(store, "2015")[0].actors
    actions_id = actions.add_alias(store, "NATO", "Blue Team")
    _ingest(tmp_path, store, "b.txt", "Drills\n\nMarch 5, 2019\n\nThe Blue Team drilled in 2016.\n")
    assert _by_year(store, "2016")[0].actors == ("NATO",)
    actions.undo(store, actions_id)
    _ingest(tmp_path, store, "c.txt", "Drills\n\nMarch 6, 2019\n\nThe Blue Team sailed in 2017.\n")
    assert _by_year(store, "2017")[0].actors == ("Blue Team",)  # its own name again


def test_split_an_auto_merged_event_and_undo(tmp_path: Path, store: Store) -> None:
    _ingest(tmp_path, store, "a.txt", OUTLET_A)
    _ingest(tmp_path, store, "b.txt", OUTLET_A.replace("tense week", "tense, long week"))
    (treaty,) = _by_year(store, "1997")
    event = curated_event(store, treaty.id)
    assert len(event.sources) == 2  # one story, two files: merged by extraction
    split = actions.split(store, treaty.id, 1)
    parts = _by_year(store, "1997")
    assert len(parts) == 2
    assert sorted(len(curated_event(store, p.id).sources) for p in parts) == [1, 1]
    assert {curated_event(store, p.id).sources[0].document_id for p in parts} == {1, 2}
    actions.undo(store, split)
    assert len(_by_year(store, "1997")) == 1
    with pytest.raises(InputError):
        actions.split(store, _by_year(store, "2014")[0].id, 5)


def test_add_event_by_hand_from_a_selection(tmp_path: Path, store: Store) -> None:
    _ingest(tmp_path, store, "a.txt", OUTLET_A)
    doc = store.documents()[0]
    text = store.document(doc.id).original
    start = text.index("the two delegations")
    added = actions.add_event(store, "Delegations meet", "2019-03", precision="month",
                              actors=["Austria"],
                              source={"document_id": doc.id, "start": start, "end": start + 19})
    (made,) = [e for e in curated(store).events if e.id == -added]
    assert (made.title, made.span.label(), made.actors) == ("Delegations meet", "2019-03",
                                                           ("Austria",))
    (src,) = curated_event(store, -added).sources
    assert src.text == "the two delegations" and src.document_id == doc.id
    actions.undo(store, added)
    assert all(e.id != -added for e in curated(store).events)
    with pytest.raises(InputError):
        actions.add_event(store, "", "2019")


def test_delete_document_removes_what_only_it_told(tmp_path: Path, store: Store) -> None:
    _ingest(tmp_path, store, "a.txt", OUTLET_A)
    _ingest(tmp_path, store, "b.txt", OUTLET_A.replace("tense week", "tense, long week")
            .replace("Trade rose sharply in 2014 after the crisis.\n", ""))
    a_id = next(d.id for d in store.documents() if d.path.endswith("a.txt"))
    removal = actions.remove_document(store, a_id)
    assert not _by_year(store, "2014")  # only a.txt told it
    (treaty,) = _by_year(store, "1997")  # b.txt tells it too: it stays, with b's source only
    assert {s.document_id for s in curated_event(store, treaty.id).sources} != {a_id}
    assert len(curated_event(store, treaty.id).sources) == 1
    actions.undo(store, removal)
    assert _by_year(store, "2014")


def test_an_older_analysis_is_redone_on_reimport_and_edited_titles_stay(
    tmp_path: Path, store: Store
) -> None:
    from sqlalchemy import text

    _ingest(tmp_path, store, "a.txt", OUTLET_A)
    (trade,) = _by_year(store, "2014")
    (treaty,) = _by_year(store, "1997")
    actions.edit(store, treaty.id, title="Border treaty signed")
    with store.engine.begin() as conn:  # as a store made by an older version would be
        conn.execute(text("UPDATE documents SET analysis_version = 1"))
        conn.execute(text("UPDATE events SET title = 'an old fragment of a title'"))
    again = pipeline.ingest([tmp_path / "a.txt"], store)
    assert again.replaced and not again.unchanged  # the same file, analysed again
    assert _by_year(store, "2014")[0].title == "Trade rose sharply after the crisis"
    assert _by_year(store, "1997")[0].title == "Border treaty signed"  # the analyst's stays
    assert pipeline.ingest([tmp_path / "a.txt"], store).unchanged  # now it is current
