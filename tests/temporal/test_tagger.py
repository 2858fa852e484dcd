"""The tagger on sentences written for these tests, one rule each."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.model import Precision, Reference
from explorer.temporal import tag

PUB = dt.date(2021, 12, 15)  # a Wednesday


def one(text: str, published: dt.date | None = PUB):  # type: ignore[no-untyped-def]
    found = tag(text, published)
    assert len(found) == 1, [e.text for e in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "expr", "label", "precision"),
    [
        ("The pact was signed in 2001 by both sides.", "2001", "2001", Precision.YEAR),
        ("Talks were held on Wednesday in the capital.", "Wednesday", "2021-12-15", Precision.DAY),
        ("The ministers met on Sunday in Lisbon.", "Sunday", "2021-12-12", Precision.DAY),
        (
            "The two armies agreed on November 23 to hold drills.",
            "November 23",
            "2021-11-23",
            Precision.DAY,
        ),
        ("The fighting began on 10 May near the border.", "10 May", "2021-05-10", Precision.DAY),
        ("Exports fell sharply last year.", "last year", "2020", Precision.YEAR),
        ("The budget grows again next year.", "next year", "2022", Precision.YEAR),
        ("The envoy arrived last week.", "last week", "2021-12-06 – 2021-12-12", Precision.WEEK),
        ("Prices rose this month.", "this month", "2021-12", Precision.MONTH),
        (
            "Reserves could run dry by the mid-2030s, analysts say.",
            "the mid-2030s",
            "2030 – 2039",
            Precision.DECADE,
        ),
        ("The plan covers 2021-2025 in detail.", "2021-2025", "2021 – 2025", Precision.YEAR),
        (
            "Trade doubled from 2013 to 2019 overall.",
            "from 2013 to 2019",
            "2013 – 2019",
            Precision.YEAR,
        ),
        ("Growth slowed in early 2022 for the region.", "early 2022", "2022", Precision.YEAR),
        (
            "The report is dated December 15, 2021 and signed.",
            "December 15, 2021",
            "2021-12-15",
            Precision.DAY,
        ),
        (
            "Sales fell in the third quarter of 2020.",
            "the third quarter of 2020",
            "2020-07 – 2020-09",
            Precision.QUARTER,
        ),
        ("Output rose in Q3 2019.", "Q3 2019", "2019-07 – 2019-09", Precision.QUARTER),
        (
            "The dispute dates to the 1990s in the region.",
            "the 1990s",
            "1990 – 1999",
            Precision.DECADE,
        ),
        ("The firm was founded two years ago in Riga.", "two years ago", "2019", Precision.YEAR),
        ("Shipments resumed on Aug. 7 after a pause.", "Aug. 7", "2021-08-07", Precision.DAY),
        ("The deal was struck in mid-2021 quietly.", "mid-2021", "2021", Precision.YEAR),
        (
            "The summer of 2019 was calm there.",
            "The summer of 2019",
            "2019-06 – 2019-08",
            Precision.SEASON,
        ),
        (
            "The ceasefire held through the 20th century mostly.",
            "the 20th century",
            "1901 – 2000",
            Precision.CENTURY,
        ),
        ("Revenue for fiscal 1989 was flat.", "fiscal 1989", "1989", Precision.YEAR),
    ],
)
def test_expression_kinds(text: str, expr: str, label: str, precision: Precision) -> None:
    e = one(text)
    assert e.text == expr
    assert e.span is not None
    assert e.span.label() == label
    assert e.span.precision is precision


def test_day_range_within_one_month() -> None:
    e = one("The games will be held on 4-20 February in the north.")
    assert e.text == "4-20 February"
    assert e.span is not None and e.span.label() == "2022-02-04 – 2022-02-20"


def test_month_day_range_in_us_order() -> None:
    e = one("The Winter Games run from February 4-20 this time.")
    assert e.span is not None and e.span.label() == "2022-02-04 – 2022-02-20"


def test_year_precision_never_invents_a_day() -> None:
    e = one("In 2001 the two neighbours signed a treaty.")
    assert e.span is not None
    assert e.span.iso_start() == "2001" and e.span.iso_end() is None


@pytest.mark.parametrize(
    "text",
    [
        "Russia may find itself bound by pipelines to its neighbour.",
        "Be that as it may, the talks went on.",
        "The border is 4,209.3 km long.",
        "The 7000-word document attacked the alliance.",
        "The missiles could strike within 3-4 minutes.",
        "The group adopted a 10-year strategy.",
        "Copyright © Jane Roe, The Daily Planet, 2021",
        "Read more at https://example.org/2020/12/02/story-about-2019",
        "Turnover rose 18 percent to 2,019 units, or 12% of 2000 people.",
        "The minister, 45 years old, retired.",
        "He is a 64-year-old economist.",
        "The festival keeps a 2000 year old custom alive.",
        "A 1200-year-old chapel stands on the hill.",
        "The oil could be smelt at the harbour on Good Friday.",
        "The shops opened early on Black Friday.",
        "The previously announced plan was dropped.",  # anteriority, not a time
        'The minister said on the show "This Week" that talks would go on.',
        # papers and programmes named with a date word
        "The governor told USA Today that the levee would hold.",
        'The senator said on "Fox News Sunday" that the bill had the votes.',
        'She conceded on NBC\'s "Today" show that the estimate was low.',
        "The Sunday Times and the Mail on Sunday both ran the story.",
        "She still reads the Sunday Kessa Herald in print.",
        "The spill will be roughly 2000 more dilute at sea.",
        "More than two thousand dockworkers walked off the job.",
        "The slogan won a campaign of the year award.",
        "It is no different from an ordinary winter flu virus.",
        "She took a summer job at the harbour.",
        "Most of the summer rental huts stood empty.",
        "Speaking on the Today programme, the minister defended the plan.",
    ],
)
def test_traps_are_not_dates(text: str) -> None:
    assert tag(text, PUB) == []


def test_between_two_months_the_first_takes_the_second_year() -> None:
    found = tag("The index fell 14 percent between January and March 2003.", PUB)
    assert [(e.text, e.span.label() if e.span else None) for e in found] == [
        ("January", "2003-01"),
        ("March 2003", "2003-03"),
    ]


def test_a_date_beside_a_paper_is_still_a_date() -> None:
    found = tag("The Sunday Times reported on Monday that today the talks resume.", PUB)
    assert [e.text for e in found] == ["Monday", "today"]


def test_tense_points_a_yearless_date_ahead() -> None:
    # In a December article, "will be held on 4 February" is next February ...
    e = one("The summit will be held on 4 February in Beijing.")
    assert e.span is not None and e.span.start == dt.date(2022, 2, 4)
    # ... and a past tense sends a distant month back.
    e = one("The envoy visited Minsk in July.", dt.date(2021, 12, 15))
    assert e.span is not None and e.span.label() == "2021-07"
    e = one("The envoy will visit Minsk in July.", dt.date(2021, 12, 15))
    assert e.span is not None and e.span.label() == "2022-07"


def test_weekday_past_by_default_and_future_with_will() -> None:
    sat = dt.date(2021, 12, 18)
    assert one("The talks ended Friday.", sat).span.start == dt.date(2021, 12, 17)  # type: ignore[union-attr]
    e = one("The summit will open on Monday.", sat)
    assert e.span is not None and e.span.start == dt.date(2021, 12, 20)


def test_weekday_with_date_picks_the_matching_year() -> None:
    e = one("It opened on Saturday, April 25, as planned.", dt.date(1998, 4, 24))
    assert e.span is not None and e.span.start == dt.date(1998, 4, 25)


def test_unknown_publication_date_keeps_relative_unresolved() -> None:
    found = tag("The deal signed in 2001 was recalled last year.", None)
    assert [e.text for e in found] == ["2001", "last year"]
    assert found[0].span is not None and found[0].span.label() == "2001"
    assert found[1].span is None and found[1].kind == "relative"


def test_vague_references_have_no_calendar_value() -> None:
    found = tag("Prices are high now, and rose recently; relief may come in the future.", PUB)
    assert [(e.text, e.reference) for e in found] == [
        ("now", Reference.PRESENT),
        ("recently", Reference.PAST),
        ("the future", Reference.FUTURE),
    ]
    assert all(e.span is None for e in found)


def test_quarter_anaphora_follows_the_article() -> None:
    found = tag(
        "Profit rose in the third quarter of 1989. A year earlier it fell.", dt.date(1989, 11, 2)
    )
    assert found[1].text == "A year earlier"
    assert found[1].span is not None and found[1].span.label() == "1988-07 – 1988-09"


def test_event_relative_offsets_are_not_dates() -> None:
    assert tag("The attack began just six days before the president's trip.", PUB) == []


def test_between_and_stays_two_expressions_but_from_to_is_a_range() -> None:
    assert [e.text for e in tag("Shares were sold between 1985 and 1987.", PUB)] == ["1985", "1987"]
    (r,) = tag("Output was flat from May 10 to June 3, 2024, officials said.", PUB)
    assert r.span is not None and r.span.label() == "2024-05-10 – 2024-06-03"


def test_a_day_of_a_month_last_or_next_year_keeps_its_day() -> None:
    found = tag("The dam broke on 22 June last year and will reopen on 3 March next year.", PUB)
    assert [(e.text, e.span.label() if e.span else None) for e in found] == [
        ("22 June last year", f"{PUB.year - 1}-06-22"),
        ("3 March next year", f"{PUB.year + 1}-03-03"),
    ]


def test_a_month_range_takes_its_year_from_its_end_without_from() -> None:
    (r,) = tag("Output fell 4 percent, compared with July to September 1987.", PUB)
    assert r.span is not None and r.span.label() == "1987-07 – 1987-09"


def test_current_and_recent_as_vague_references() -> None:
    found = tag("Current prices reflect recent declines in demand.", PUB)
    assert [(e.text, e.reference) for e in found] == [
        ("Current", Reference.PRESENT), ("recent", Reference.PAST)]
    assert tag("The current account surplus grew.", PUB) == []


def test_words_ending_in_eed_are_not_past_tense() -> None:
    # "succeed" is no past tense: the appointment lies ahead.
    (e,) = tag("Ms. Roe, 52 years old, will succeed Mr. Doe Feb. 1.",
               dt.date(1989, 10, 26))
    assert e.span is not None and e.span.start == dt.date(1990, 2, 1)


THURSDAY = dt.date(2019, 3, 14)


def _day(text: str, published: dt.date = THURSDAY) -> dt.date:
    e = one(text, published)
    assert e.span is not None
    return e.span.start


def test_a_weekday_with_no_tense_is_the_nearer_one() -> None:
    # Thursday's paper: "Friday" with nothing to say which way is tomorrow, not six days back.
    assert _day("Delegates arriving Friday in Oslo.") == dt.date(2019, 3, 15)
    # ... and "Tuesday" two days back, not five days ahead.
    assert _day("Delegates arriving Tuesday in Oslo.") == dt.date(2019, 3, 12)
    # The publication weekday itself is the day of publication.
    assert _day("Delegates arriving Thursday in Oslo.") == THURSDAY


def test_a_past_verb_still_sends_a_weekday_back() -> None:
    assert _day("The council voted Friday to close the mine.") == dt.date(2019, 3, 8)


def test_news_present_tense_schedules_ahead() -> None:
    assert _day("The council meets Monday to discuss the budget.") == dt.date(2019, 3, 18)
    assert _day("Talks resume Tuesday in Vienna, diplomats said.") == dt.date(2019, 3, 19)


def test_would_is_no_future_marker() -> None:
    # A conditional or a question ("would the talks on Wednesday change anything?") is about
    # what happened; the weekday keeps the reading the rest of the sentence gives.
    assert _day("Would the talks on Tuesday change the plan?") == dt.date(2019, 3, 12)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # "since" looks back even from a present tense that would otherwise say nothing
        ("The plant is closed since October.", "2018-10"),
        ("Prices have risen since October.", "2018-10"),
        # aims and hopes look ahead
        ("The ministry aims to finish the line in October.", "2019-10"),
        ("Talks are supposed to conclude in May.", "2019-05"),
        # a participle after a future auxiliary is the future's, not a past tense
        ("Mara Lind will be named head of the harbour board for a term in December.", "2019-12"),
        # the tense of another clause, past a comma, gives way to the expression's own
        ("The talks, which are supposed to conclude by May, invited the two towns.", "2019-05"),
    ],
)
def test_which_way_a_yearless_month_points(text: str, label: str) -> None:
    e = one(text, dt.date(2019, 3, 14))
    assert e.span is not None and e.span.label() == label


def test_a_decision_taken_looks_ahead_to_what_it_decides() -> None:
    november = dt.date(2019, 11, 20)
    e = one("The bank agreed to buy the insurer in January, the companies said.", november)
    assert e.span is not None and e.span.label() == "2020-01"
    e = one("The bank bought the insurer in January, the companies said.", november)
    assert e.span is not None and e.span.label() == "2019-01"


def test_reported_would_and_an_effective_date_look_ahead() -> None:
    november = dt.date(2019, 11, 20)
    e = one("The bank said it would pay the dividend in January.", november)
    assert e.span is not None and e.span.label() == "2020-01"
    e = one("The union signed a new pay pact, effective March 1.", november)
    assert e.span is not None and e.span.label() == "2020-03-01"


@pytest.mark.parametrize(
    ("text", "expr", "label"),
    [
        ("Lisbon, nineteen ninety-eight. The expo opens.", "nineteen ninety-eight", "1998"),
        ("It recalled a nineteen ninety-seven flood in the valley.", "nineteen ninety-seven",
         "1997"),
        ("The first pier opened in January nineteen ninety-nine.", "January nineteen ninety-nine",
         "1999-01"),
    ],
)  # fmt: skip
def test_years_written_out_as_broadcast_copy_does(text: str, expr: str, label: str) -> None:
    e = one(text)
    assert e.text == expr and e.span is not None and e.span.label() == label


def test_a_market_day_named_by_its_result_has_been_traded() -> None:
    monday = dt.date(2019, 3, 18)
    e = one("The offer is a 20% premium over Thursday's closing price.", monday)
    assert e.span is not None and e.span.start == dt.date(2019, 3, 14)


def test_likely_to_looks_ahead() -> None:
    wednesday = dt.date(2019, 3, 13)
    e = one("Investors are likely to return to the market on Monday.", wednesday)
    assert e.span is not None and e.span.start == dt.date(2019, 3, 18)


def test_the_tagger_keeps_what_else_a_date_could_mean() -> None:
    """The edit dialog's other readings come from this, kept at import: a bare weekday could
    be a week either way, a date without a year a year either way, a full date nothing else."""
    from explorer.curation.readings import readings

    text = "Envoys met on Monday. Prices rose in September. The deal was signed on March 14, 2019."
    found = {e.text: e for e in tag(text, dt.date(2019, 3, 20))}
    assert found["Monday"].ambiguity == "week"
    assert found["September"].ambiguity == "year"
    assert found["March 14, 2019"].ambiguity is None
    monday = found["Monday"].span
    assert monday is not None
    hows = [(r.how, r.span.iso_start()) for r in readings(monday, "week")]
    assert hows[0] == ("as read", monday.iso_start())
    assert {h for h, _ in hows[1:]} == {"a week earlier", "a week later"}
    assert readings(found["March 14, 2019"].span, None)[1:] == []


def test_this_or_last_before_a_month_and_day_keeps_the_day() -> None:
    june = dt.date(2010, 6, 10)
    e = one("The barge was photographed this May 26 off the coast.", june)
    assert (e.text, e.span and e.span.label()) == ("this May 26", "2010-05-26")
    e = one("The council met last June 3 to vote.", june)
    assert (e.text, e.span and e.span.label()) == ("last June 3", "2010-06-03")


def test_ahead_of_is_a_preposition_not_a_future() -> None:
    september = dt.date(2010, 9, 8)
    e = one("The shares were at 650p ahead of the flood on April 20.", september)
    assert e.span is not None and e.span.label() == "2010-04-20"
    e = one("The council faces hard choices in the months ahead, starting in March.", september)
    assert e.span is not None and e.span.label() == "2011-03"


def test_spoken_years_and_a_spoken_count() -> None:
    def read(text: str) -> list[tuple[str, str | None]]:
        return [(e.text, e.span.label() if e.span else None) for e in tag(text, PUB)]

    assert read("The port opened in two thousand and one.") == [("two thousand and one", "2001")]
    assert read("It was the year two thousand.") == [("the year two thousand", "2000")]
    assert read("Some two thousand pilots struck.") == []  # a count before its noun


def test_the_year_two_thousand_before_a_noun_is_a_year() -> None:
    found = tag("Engineers fixed the year two thousand problem in time.", PUB)
    assert [(e.text, e.span.label() if e.span else None) for e in found] == [
        ("the year two thousand", "2000")
    ]


def test_the_month_ahead_is_no_month_gone_by() -> None:
    """ "The month" after a month the article mentioned is that month when the sentence
    tells of it, the month it was written in when the sentence looks ahead."""
    text = (
        "Talks collapsed last November. A draft will be ready by the end of the month. "
        "In March the envoys met, and by the end of the month they had a text."
    )
    found = tag(text, dt.date(2024, 6, 3))
    assert [(e.text, e.span.label() if e.span else None) for e in found] == [
        ("last November", "2023-11"),
        ("the end of the month", "2024-06"),
        ("March", "2024-03"),
        ("the end of the month", "2024-03"),
    ]


def test_a_day_range_with_a_relative_year() -> None:
    found = tag("The port will close from 4 to 20 February next year.", dt.date(2023, 3, 3))
    assert [(e.text, e.span.label() if e.span else None) for e in found] == [
        ("4 to 20 February next year", "2024-02-04 – 2024-02-20")
    ]


def test_a_month_of_that_year() -> None:
    found = tag(
        "Work began in 2020. A second contractor took over in November that year, and the "
        "plant closed in March the following year.",
        dt.date(2023, 3, 3),
    )
    assert [(e.text, e.span.label() if e.span else None) for e in found] == [
        ("2020", "2020"),
        ("November that year", "2020-11"),
        ("March the following year", "2021-03"),
    ]
