"""A title that opens with "he" or "she" names who: a timeline row is read alone. The person is
the story's subject, not whoever was named last. The articles are our own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.story import events_of

_BIOGRAPHY = (
    "Karl Lindqvist\n\n"
    "Karl Lindqvist was a Norwegian composer. Lindqvist was born in Tromso in 1950 and "
    "studied the piano as a boy. Karl Lindqvist later said the lessons had bored him. "
    "At the conservatory his teacher was Anders Moe, who had trained in Vienna. "
    "He moved to Bergen in 1975 to write for the city orchestra.\n"
)


def test_he_is_the_subject_of_the_story_not_the_last_person_named(tmp_path: Path) -> None:
    titles = {e.span.label(): e.title for e in events_of(tmp_path, _BIOGRAPHY)}
    assert titles["1975"].startswith("Karl Lindqvist moved to Bergen")


def test_a_pronoun_with_nobody_named_before_it_stays(tmp_path: Path) -> None:
    text = "Harbour\n\nHe opened the new harbour office in Kessa on 3 March 2019.\n"
    titles = [e.title for e in events_of(tmp_path, text, published=dt.date(2019, 3, 4))]
    assert titles == ["He opened the new harbour office in Kessa"]


def test_his_names_whose(tmp_path: Path) -> None:
    text = _BIOGRAPHY + "\nHis first opera opened in Bergen in 1979.\n"
    titles = {e.span.label(): e.title for e in events_of(tmp_path, text)}
    assert titles["1979"].startswith("Karl Lindqvist's first opera opened")
