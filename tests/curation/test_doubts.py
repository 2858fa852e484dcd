"""What the review queue asks about, on readings made up for these tests."""

from __future__ import annotations

import datetime as dt

from explorer.curation.doubts import DISAGREE, Reading, doubts_of, rank

THURSDAY = dt.date(2019, 3, 14)


def reading(sentence: str, text: str, date: dt.date, kind: str = "relative",
            inferred: bool = True) -> Reading:  # fmt: skip
    start = sentence.index(text)
    return Reading(sentence, start, start + len(text), kind, inferred, date, THURSDAY)


def test_a_year_read_the_normal_way_is_no_doubt() -> None:
    r = reading("The port reopened in January after repairs.", "January", dt.date(2019, 1, 1))
    assert doubts_of([r]) == []
    r = reading("The summit will open on Monday.", "Monday", dt.date(2019, 3, 18))
    assert doubts_of([r]) == []  # "will" says which Monday


def test_a_weekday_without_tense_is_a_doubt_unless_it_is_about_today() -> None:
    r = reading("Delegates arriving Monday in Oslo.", "Monday", dt.date(2019, 3, 11))
    assert "no tense says which week" in doubts_of([r])[0]
    r = reading("Delegates arriving Thursday in Oslo.", "Thursday", THURSDAY)
    assert doubts_of([r]) == []


def test_a_month_half_a_year_away_without_tense_is_a_doubt() -> None:
    r = reading("Prices at the port in September.", "September", dt.date(2018, 9, 1))
    assert "without a year" in doubts_of([r])[0]


def test_sources_that_disagree_come_first() -> None:
    a = reading("Talks were held on Tuesday.", "Tuesday", dt.date(2019, 3, 12), inferred=False)
    b = reading("Talks opened on 13 March 2019.", "13 March 2019", dt.date(2019, 3, 13),
                kind="absolute", inferred=False)  # fmt: skip
    far = reading("The port opened in June.", "June", dt.date(2016, 6, 1))  # inferred, far off
    reasons = doubts_of([a, b, far])
    assert reasons[0] == DISAGREE and "3 years" in reasons[1]
    assert rank(reasons) > rank(reasons[1:])


def test_a_date_that_says_how_far_it_is_is_no_doubt() -> None:
    r = reading("The port was built ten years ago.", "ten years ago", dt.date(2009, 3, 14),
                inferred=False)  # fmt: skip
    assert doubts_of([r]) == []
