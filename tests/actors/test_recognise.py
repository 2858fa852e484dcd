"""Actor recognition, one rule or trap per test, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer import pipeline
from explorer.actors.match import ActorMatcher
from explorer.curation.view import curated
from explorer.model import Actor
from explorer.store.repo import Store


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return pipeline.default_matcher(user_actors=Path("/nonexistent/actors.json"))


def found(matcher: ActorMatcher, text: str) -> dict[str, str]:
    """Actor -> kind for every mention in ``text``."""
    return {m.actor: matcher.kinds.get(m.actor, "other") for m in matcher.find(text)}


def spans(matcher: ActorMatcher, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.actor) for m in matcher.find(text)]


# Countries -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Kenyan government closed the border on Monday.", "Kenya"),
        ("Kenyan police fired tear gas at the crowd.", "Kenya"),
        ("Exports to the U.S. fell by a tenth.", "United States"),
        ("Britain left the customs union.", "United Kingdom"),
        ("A statement from the Kremlin denied the report.", "Russia"),
        ("Moscow said the talks would resume.", "Russia"),
        ("Lisbon and Madrid signed the water treaty.", "Portugal"),
        ("Tanzania and Uganda share the lake.", "Tanzania"),
        ("Talks with the Islamic Republic of Iran stalled.", "Iran"),
        ("The Soviet Union collapsed at the end of that year.", "Soviet Union"),
    ],
)
def test_countries_by_name_demonym_seat_or_acting_capital(
    matcher: ActorMatcher, text: str, country: str
) -> None:
    assert found(matcher, text).get(country) == "country"


def test_a_capital_as_a_place_is_not_its_government(matcher: ActorMatcher) -> None:
    assert found(matcher, "The envoys met in Nairobi and then flew home.") == {}
    assert "Kenya" not in found(matcher, "Kenyan tea prices rose in Nairobi.")


def test_every_country_is_known_not_just_the_gazetteers(matcher: ActorMatcher) -> None:
    text = "Bhutan, Eritrea, Suriname and Vanuatu abstained."
    assert set(found(matcher, text)) == {"Bhutan", "Eritrea", "Suriname", "Vanuatu"}


# People ----------------------------------------------------------------------------------


def test_people_without_a_title(matcher: ActorMatcher) -> None:
    got = found(matcher, "Analysts said Theresa May triggered the exit clause in 2017.")
    assert got == {"Theresa May": "person"}


def test_a_participle_opening_the_sentence_is_not_part_of_a_name(matcher: ActorMatcher) -> None:
    text = "Chanting Mara Lind must go, the crowd marched to the harbour. Mara Lind stayed."
    assert {actor for _, actor in spans(matcher, text)} == {"Mara Lind"}
    # A name that ends so is still a name where the text writes it mid-sentence too.
    text = "Tomas Manning resigned. Manning said the board had asked Manning to stay."
    assert {actor for _, actor in spans(matcher, text)} == {"Tomas Manning"}


def test_a_hyphenated_pair_of_people_is_two_people(matcher: ActorMatcher) -> None:
    text = "Mara Lind met Tomas Berg in May. The Lind-Berg talks ended in a deal."
    assert spans(matcher, text) == [
        ("Mara Lind", "Mara Lind"),
        ("Tomas Berg", "Tomas Berg"),
        ("Lind", "Mara Lind"),
        ("Berg", "Tomas Berg"),
    ]


def test_titles_and_honorifics_are_not_part_of_a_name(matcher: ActorMatcher) -> None:
    text = "Foreign Minister Anna Lindqvist met Mr. Tomas Berg and Dr. Ines Alves."
    assert spans(matcher, text) == [
        ("Anna Lindqvist", "Anna Lindqvist"),
        ("Tomas Berg", "Tomas Berg"),
        ("Ines Alves", "Ines Alves"),
    ]


def test_later_mentions_take_the_full_name(matcher: ActorMatcher) -> None:
    text = (
        "Mohammad Javad Zarif arrived in Vienna on Sunday. "
        "The talks, Zarif said, were close to a deal. Mr. Zarif left on Monday."
    )
    assert [a for _, a in spans(matcher, text)] == ["Mohammad Javad Zarif"] * 3


def test_a_titled_surname_alone_is_a_person(matcher: ActorMatcher) -> None:
    assert found(matcher, "The bill was signed by Mr. Okafor after the vote.") == {
        "Okafor": "person"
    }


def test_weekdays_months_and_dates_never_join_a_name(matcher: ActorMatcher) -> None:
    text = "Officials met Lena Vogel Saturday and Omar Haddad in March."
    assert [t for t, _ in spans(matcher, text)] == ["Lena Vogel", "Omar Haddad"]


def test_a_surname_known_to_the_store_resolves_in_a_later_article(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text("Talks\n\nMay 2, 2019\n\nMohammad Javad Zarif met envoys on Monday.\n")
    later = tmp_path / "b.txt"
    later.write_text("Talks\n\nMay 9, 2019\n\nOn Tuesday Zarif rejected the offer.\n")
    store = Store(tmp_path / "t.sqlite")
    pipeline.ingest([first], store)
    pipeline.ingest([later], store, matcher=pipeline.default_matcher(store))
    tuesday = [e for e in curated(store).events if e.span.iso_start() == "2019-05-07"]
    store.close()
    assert tuesday and tuesday[0].actors == ("Mohammad Javad Zarif",)


# Organisations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "kind"),
    [
        ("A spokesman for the State Department declined to comment.", "State Department",
         "organisation"),
        ("The launch was run by SpaceX from Florida.", "SpaceX", "company"),
        ("The Labour Party won the by-election.", "Labour Party", "organisation"),
        ("Shares of Northwind Shipping Corp. fell sharply.", "Northwind Shipping Corp.",
         "company"),
        ("The Bank of England raised rates.", "Bank of England", "organisation"),
        ("Inspectors from the IAEA visited the site.", "International Atomic Energy Agency",
         "organisation"),
        ("Inspectors from the OSCE visited the site.", "OSCE", "organisation"),
    ],
)  # fmt: skip
def test_organisations_and_companies(
    matcher: ActorMatcher, text: str, actor: str, kind: str
) -> None:
    assert found(matcher, text).get(actor) == kind


def test_an_acronym_defined_in_brackets_becomes_an_alias(matcher: ActorMatcher) -> None:
    text = (
        "The International Atomic Energy Agency (IAEA) sent inspectors. "
        "A report by the IAEA is due in June."
    )
    assert [a for _, a in spans(matcher, text)] == ["International Atomic Energy Agency"] * 3


def test_a_lone_name_after_the_is_an_organisation(matcher: ActorMatcher) -> None:
    assert found(matcher, "Talks with the Taliban resumed; the Pentagon objected.") == {
        "Taliban": "organisation",
        "United States": "country",  # the Pentagon is the US government speaking
    }


# Traps -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "However, officials said the plan would wait.",
        "Officials said the plan would wait.",
        "Police said nobody was hurt.",
        "In May, the committee met again on Tuesday.",
        "The President said nothing about it.",
        "Prices rose 4 percent in the first quarter.",
        "He spoke English and Arabic at the meeting.",
    ],
)
def test_no_actor_in_common_words_titles_months_or_languages(
    matcher: ActorMatcher, text: str
) -> None:
    assert found(matcher, text) == {}


def test_headline_capitals_are_not_names(matcher: ActorMatcher) -> None:
    text = "Talks Resume After Long Pause\n\nNegotiators returned to the table on Monday.\n"
    assert found(matcher, text) == {}


def test_names_in_a_headline_still_count(matcher: ActorMatcher) -> None:
    text = "Kenya And Uganda Agree Rail Deal\n\nThe two ministers signed on Monday.\n"
    assert set(found(matcher, text)) == {"Kenya", "Uganda"}


def test_user_actors_win_over_recognition() -> None:
    m = ActorMatcher([Actor("Blue Coalition", "alliance", ("Blue Team",))])
    assert found(m, "The Blue Team met in Oslo.") == {"Blue Coalition": "alliance"}


def test_a_lone_name_takes_its_kind_from_the_pronoun_after_it(matcher: ActorMatcher) -> None:
    assert found(matcher, "Officials questioned Okonkwo twice. Later he was released.") == {
        "Okonkwo": "person"
    }
    assert found(matcher, "Analysts praised Zentora. Its shares rose.") == {
        "Zentora": "organisation"
    }


def test_two_people_of_one_surname_take_the_nearest(matcher: ActorMatcher) -> None:
    text = (
        "Maria Lopez met Carlos Lopez in Quito. Carlos Lopez spoke first. "
        "Then Lopez left the room."
    )
    assert [a for _, a in spans(matcher, text)][-1] == "Carlos Lopez"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels of the Khmer Rouge crossed the river.", {"Khmer Rouge": "organisation"}),
        ("The British Red Cross sent tents.", {"British Red Cross": "organisation"}),
        ("The German People gathered in the square.", {}),
        ("A London-based charity and a pro-Moscow party objected.", {}),
        ("Operation Sandstorm began at dawn.", {}),
    ],
)
def test_shapes_that_are_not_people(
    matcher: ActorMatcher, text: str, expected: dict[str, str]
) -> None:
    assert found(matcher, text) == expected


def test_actors_of_news_no_list_names(matcher: ActorMatcher) -> None:
    text = (
        "Station crew swap delayed\n\nMay 3, 2019\n\n"
        "NASA and SpaceX delayed the launch on Friday. Roscosmos said its crew was ready, and "
        "the European Space Agency and JAXA sent observers. In London, Boris Johnson said "
        "Theresa May, who had replaced David Cameron, would speak to the State Department. "
        "Iranian Foreign Minister Mohammad Javad Zarif met inspectors of the International "
        "Atomic Energy Agency (IAEA) in Vienna; Zarif said the IAEA had been told.\n"
    )
    got = found(matcher, text)
    assert got == {
        "NASA": "organisation",
        "SpaceX": "company",
        "Roscosmos": "organisation",
        "European Space Agency": "organisation",
        "JAXA": "organisation",
        "Boris Johnson": "person",
        "Theresa May": "person",
        "David Cameron": "person",
        "State Department": "organisation",
        "Iran": "country",
        "Mohammad Javad Zarif": "person",
        "International Atomic Energy Agency": "organisation",
    }


def test_a_compound_of_countries_is_each_country(matcher: ActorMatcher) -> None:
    text = "The Russia-China plan and US-Iranian talks went ahead."
    assert spans(matcher, text) == [
        ("Russia", "Russia"),
        ("China", "China"),
        ("US", "United States"),
        ("Iranian", "Iran"),
    ]


def test_a_headline_in_capitals_names_only_what_the_lists_know(matcher: ActorMatcher) -> None:
    text = "RUGBY - KENYA SEAL NARROW WIN OVER FIJI .\n\nNAIROBI 1998-05-02\n\nKenya won 21-20.\n"
    assert spans(matcher, text) == [("KENYA", "Kenya"), ("FIJI", "Fiji"), ("Kenya", "Kenya")]


def test_a_country_name_of_common_words_opens_a_line(matcher: ActorMatcher) -> None:
    text = "DUBAI , United Arab Emirates 1998-05-02\n\nTalks resumed.\n"
    assert spans(matcher, text) == [("United Arab Emirates", "United Arab Emirates")]


def test_a_letter_is_no_surname(matcher: ActorMatcher) -> None:
    assert found(matcher, "The team won its Group C match in Lima.") == {}


# Names that hold particles and "and" --------------------------------------------------------


def test_a_place_with_a_particle_is_one_name_or_none(matcher: ActorMatcher) -> None:
    got = spans(matcher, "Bombs went off near the embassies in Nairobi and Dar es Salaam.")
    assert ("Dar", "Dar") not in got and ("Salaam", "Salaam") not in got


def test_a_surname_with_its_particle_is_the_person_named_before(matcher: ActorMatcher) -> None:
    text = (
        "Police named Karim bin Hassoun as the organiser. Bin Hassoun denied it, and "
        "later bin Hassoun's lawyer spoke. Mayor Anne de Vries welcomed the arrest; "
        "De Vries said the port was safe."
    )
    got = spans(matcher, text)
    assert ("Bin Hassoun", "Karim bin Hassoun") in got
    assert ("bin Hassoun", "Karim bin Hassoun") in got
    assert ("De Vries", "Anne de Vries") in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Food and Drug Administration approved the drug.", "Food and Drug Administration"),
        ("The Securities and Exchange Commission sued the firm.", "Securities and Exchange Commission"),
        ("The Northern Rivers and Wetlands Protection League sued.", "Northern Rivers and Wetlands Protection League"),
    ],
)  # fmt: skip
def test_and_inside_an_organisations_name(matcher: ActorMatcher, text: str, name: str) -> None:
    assert found(matcher, text).get(name) == "organisation"


def test_and_between_two_names_keeps_them_two(matcher: ActorMatcher) -> None:
    got = found(matcher, "Researchers from the University of Lorvan and Kessa State University met.")
    assert "University of Lorvan and Kessa State University" not in got
    assert "Kessa State University" in got
    got = found(matcher, "Analysts at Halvard Securities and Brenton Capital Management agreed.")
    assert "Halvard Securities and Brenton Capital Management" not in got
    assert "Britain and France" not in found(matcher, "Britain and France signed the accord.")


def test_and_in_a_department_of_two_things(matcher: ActorMatcher) -> None:
    text = "The Department of Health and Human Services issued the rules."
    assert found(matcher, text).get("Department of Health and Human Services") == "organisation"
