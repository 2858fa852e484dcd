"""A title that opens with "he" or "she" names who, where the article leaves no doubt: a
timeline row is read alone, but a wrong name reads worse than "He". The articles are our own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.story import events_of

_BIOGRAPHY = (
    "Karl Lindqvist\n\n"
    "Karl Lindqvist was a Norwegian composer. Lindqvist was born in Tromso in 1950 and "
    "studied the piano as a boy. Karl Lindqvist later said the lessons had bored him. "
    "He moved to Bergen in 1975 to write for the city orchestra.\n"
)


def _titles(tmp_path: Path, text: str) -> dict[str, str]:
    return {e.span.label(): e.title for e in events_of(tmp_path, text)}


def test_he_is_the_one_person_the_story_names(tmp_path: Path) -> None:
    assert _titles(tmp_path, _BIOGRAPHY)["1975"].startswith("Karl Lindqvist moved to Bergen")


def test_his_names_whose(tmp_path: Path) -> None:
    text = _BIOGRAPHY + "\nHis first opera opened in Bergen in 1979.\n"
    assert _titles(tmp_path, text)["1979"].startswith("Karl Lindqvist's first opera opened")


def test_the_story_s_subject_over_someone_named_in_passing(tmp_path: Path) -> None:
    text = _BIOGRAPHY.replace("He moved", "His teacher was Anders Moe. He moved")
    assert _titles(tmp_path, text)["1975"].startswith("Karl Lindqvist moved to Bergen")


def test_two_people_who_could_be_meant_leave_the_pronoun(tmp_path: Path) -> None:
    text = _BIOGRAPHY.replace(
        "He moved", "Anders Moe taught him. Anders Moe liked him. Anders Moe said so. He moved"
    )
    assert _titles(tmp_path, text)["1975"].startswith("He moved to Bergen")


def test_a_pronoun_with_nobody_named_before_it_stays(tmp_path: Path) -> None:
    text = "Harbour\n\nHe opened the new harbour office in Kessa on 3 March 2019.\n"
    titles = [e.title for e in events_of(tmp_path, text, published=dt.date(2019, 3, 4))]
    assert titles == ["He opened the new harbour office in Kessa"]


def test_a_name_that_is_no_persons_is_never_put_for_he() -> None:
    from explorer.events.build import _person_name

    assert _person_name("Karl Lindqvist")
    assert not _person_name("Climate Change")  # a recogniser slip: common words
    assert not _person_name("Norway More")  # a country's name
    assert not _person_name("Lindqvist")  # one word: whose, of several Lindqvists?


def test_a_quoted_he_is_not_the_speaker(tmp_path: Path) -> None:
    text = _BIOGRAPHY + '\n"He rather liked the city in 1979," says Karl Lindqvist.\n'
    assert _titles(tmp_path, text)["1979"].startswith("He rather liked the city")


def test_the_company_is_the_one_company_the_story_names(tmp_path: Path) -> None:
    text = (
        "Kessa Mills results\n\n"
        "Kessa Mills Inc. reported higher sales in the quarter. "
        "The company earned $4.2 million in 1997, its best year.\n"
    )
    assert _titles(tmp_path, text)["1997"].startswith("Kessa Mills Inc. earned $4.2 million")


def test_the_company_of_a_story_about_two_stays(tmp_path: Path) -> None:
    text = (
        "Mills merger\n\n"
        "Kessa Mills Inc. agreed to buy Lorvan Paper Corp. for $40 million. "
        "The company earned $4.2 million in 1997, its best year.\n"
    )
    assert _titles(tmp_path, text)["1997"].startswith("The company earned $4.2 million")
