"""Headlines from the dependency parse (events/clause.py), on sentences of our own: the
shipped model (resources/language) is loaded and its parse pruned to the dated clause."""

from __future__ import annotations

import dataclasses

import pytest

pytest.importorskip("spacy", reason="spaCy is a dev dependency: `pip install -e .[dev]`")

from explorer.events.clause import TARGET_WORDS, clause_for  # noqa: E402
from explorer.language.parse import parse  # noqa: E402


def title(sentence: str, date: str, *others: str, names: dict[str, str] | None = None) -> str:
    (p,) = parse([sentence])
    assert p is not None
    at = sentence.index(date)
    spans = [(sentence.index(o), sentence.index(o) + len(o)) for o in others]
    people = names or {}

    def antecedent(start: int, kinds: tuple[str, ...]) -> str | None:
        return people.get(sentence[start:].split()[0].lower())

    clause = clause_for(p, at, at + len(date), spans, antecedent)
    assert clause is not None
    assert len(clause.title.split()) <= TARGET_WORDS
    return clause.title


def test_the_date_and_the_trailing_attribution_go() -> None:
    s = "Two car bombs exploded outside the city hall of Lyon on Friday, killing nine people, police said."
    assert title(s, "Friday") == "Two car bombs exploded outside the city hall of Lyon"


def test_an_infinitive_keeps_the_verb_that_governs_it() -> None:
    s = "The two ministers agreed during their talks in April to hold a summit on water rights."
    assert title(s, "April") == "The two ministers agreed to hold a summit on water rights"


def test_a_relative_clause_takes_the_noun_it_hangs_on() -> None:
    s = "The two ministers reviewed the roadmap for naval cooperation, which they signed on March 3, 2019."
    assert title(s, "March 3, 2019") == "They signed the roadmap for naval cooperation"


def test_a_scene_setting_phrase_is_its_own_event() -> None:
    s = "Since Norway's turn to the North in 2015, Oslo has widened its ties with Reykjavik."
    assert title(s, "2015") == "Norway's turn to the North"


def test_reported_speech_the_saying_and_what_was_said_are_two_events() -> None:
    s = "The company said on Tuesday that it would close its plant in Ohio next year."
    # The date of the saying keeps the frame; the date inside what was said titles the
    # content, with the speaker standing for its pronoun.
    assert title(s, "Tuesday", "next year") == "The company said it would close its plant in Ohio"
    assert title(s, "next year", "Tuesday") == "The company would close its plant in Ohio"


def test_a_pronoun_subject_takes_its_antecedent() -> None:
    s = "He did not resign until March 2003, when the inquiry reported."
    assert title(s, "March 2003", names={"he": "Karl Lindqvist"}) == "Karl Lindqvist did not resign"
    assert title(s, "March 2003") == "He did not resign"


def test_a_parenthetical_and_its_date_go() -> None:
    s = "Anna Berg will be the guest of honour at the Nordic Games (4-12 March)."
    assert title(s, "4-12 March") == "Anna Berg will be the guest of honour at the Nordic Games"


def test_no_predicate_no_clause() -> None:
    (p,) = parse(["March 3, 2009"])
    assert p is not None
    assert clause_for(p, 0, len("March 3, 2009")) is None


def test_a_number_and_a_hyphenated_word_stay_whole() -> None:
    s = "Kessa Mills raised its loan-loss reserves by $8.5 million before taxes in the third quarter of 2019."
    assert title(s, "the third quarter of 2019") == (
        "Kessa Mills raised its loan-loss reserves by $8.5 million before taxes"
    )
    s = "The Lorvan-led coalition won the vote in the northern provinces in May 2018."
    assert title(s, "May 2018") == "The Lorvan-led coalition won the vote in the northern provinces"


def test_a_possessive_date_leaves_the_noun_its_article() -> None:
    s = "Last year's loss at Kessa Mills was the largest in its history."
    assert title(s, "Last year") == "The loss at Kessa Mills was the largest in its history"


def test_a_relative_clause_without_a_pronoun_takes_its_noun_as_object() -> None:
    s = "The mayor defended the budget cuts she announced in March 2019."
    assert title(s, "March 2019") == "She announced the budget cuts"


def _analysed_titles(text: str) -> dict[str, str]:
    import datetime as dt

    from explorer.analysis import analyse
    from explorer.ingest.readers import parse_document
    from explorer.pipeline import default_matcher

    doc = parse_document("a.txt", text.encode(), ".txt")
    doc = dataclasses.replace(doc, published=dt.date(2019, 6, 1))
    return {d.expression.text: d.title for d in analyse(doc, default_matcher(), True).drafts}


def test_the_parse_titles_only_what_the_rules_title_badly() -> None:
    titles = _analysed_titles(
        "Harbour\n\n"
        "The harbour office opened in Kessa on 3 March 2019.\n\n"
        "The ministers of the two valley towns, who had argued over the water plan for a "
        "decade, signed the new Lorvan river accord in Vienna on 14 May 1998.\n"
    )
    # A short rule-made title is kept as it is; a long one gives way to the pruned clause.
    assert titles["3 March 2019"] == "The harbour office opened in Kessa"
    accord = titles["14 May 1998"]
    assert accord.startswith("The ministers") and "signed the new Lorvan river accord" in accord
    assert len(accord.split()) <= TARGET_WORDS
