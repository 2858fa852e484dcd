"""Page furniture gives no events: captions, reader-comment stamps and copyright lines are told
by their credits and stamps; sentences that only look like them stay the story's. The
sentences are our own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from explorer.events.furniture import is_furniture
from tests.story import events_of


@pytest.mark.parametrize(
    "text",
    [
        "The two presidents meet at the forum in Vladivostok on September 11, 2018. Photo: AP",
        "Rescue workers search the rubble on 3 March 2011. Photograph: Jane Doe/Getty Images",
        "Delegates arrive for the talks in Geneva on May 2, 2009. (AP Photo/John Smith)",
        "A tanker leaves the port on Friday. REUTERS/Jane Doe",
        "Demonstrators gather outside parliament, 12 June 2020. PHOTO: XINHUA",
        "At 6:46 pm on May 4, 2010 | Report abuse | Now who wants to become",
        # what a newsletter or a saved copy says of itself
        "You are receiving this email because you signed up on 12 March 2023.",
        "View this email in your browser | Unsubscribe | Update your preferences",
        "Downloaded from courier.example.org on 4 June 2024",
        "Accessed 3 May 2021.",
        "At 18:20 29th Apr 2010, riverfan wrote: the dam should never have opened in 1998.",
        "AP Apr. 21: Smoke rises over the flooded valley as the dam gives way.",
        "Re: Posted by riverfan-May 1st, 2010 -- 4:59 pm GMT I agree with the mayor.",
        "(c) 2010 The Daily Example",
        "A version of this article appeared in print on June 3, 2010, on page A12 of the edition.",
        "This article appeared on p18 of the Main section of the Daily Example on 3 June 2010.",
        "Copyright 2009 Example News Agency. All rights reserved.",
        "Will the dam hold? -- March 04, 2011 3:12 PM -- Thanks for asking about the valley",
        "-- 3:14 PM -- March 04, 2011 3:15 PM Good question",
        "In this May 26, 2010 photo provided by the harbour board, a barge holds position.",
        "In this file photo taken on Friday, the mayor waves to the crowd in Kessa.",
        "A ferry leaves the harbour at Lorvan in this May 8, 2008 file photo.",
        "Divers check the pier in a file photo taken on Friday.",
        # a dateline, an agency and a time, with nothing said
        "KESSA, Lorvan | Tue Jun 30, 2009 9:33 am EDT KESSA, Lorvan (Example News!)",
        "LORVAN, December 2 (Example Agency) --",
        "Photos, Top: A copy of the harbour report in Kessa on January 11, 2011.",
        "(Example Photo/Ana Ruiz) Workers clean the beach in Kessa, Monday, July 19, 2010.",
        "FILE - In this March 9, 2011 file photo, divers check the pier at Kessa harbour.",
        "Guardsmen walk along a sand barrier near the harbour, Friday, June 11, 2010, in Kessa.",
        "Ana Ruiz, left, and Mara Lind, right, sign the deal in Kessa on May 3, 2010.",
        "(Example) Ana Ruiz, background right, hugs a neighbour in Kessa on April 22, 2010.",
    ],
)
def test_furniture_is_recognised(text: str) -> None:
    assert is_furniture(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met in Geneva on May 2, 2009, and agreed a new formula.",
        "The union said members would unsubscribe from the pension plan on 3 May.",
        "Readers who signed up for our alerts on Monday got the news first.",
        "The broader picture: exports fell in 2019 for the first time in a decade.",
        "Copyright lawyers argued in 2015 that the rules had been written for a world of paper "
        "books, and that the courts would have to decide what a lending library was online.",
        "The poll was run for the paper by a research firm in March 2020.",
        "The article appeared on Monday, a week after the minister had resigned.",
        "At 18:20 on Friday the minister wrote to the council.",
        "AP reported on Apr. 21 that the dam had given way.",
        "The video, posted by the group on Monday, shows the breach.",
        "The count ended at 2:30 pm -- and the mayor conceded on March 5, 2011.",
        "In this town, the photo shop closed on May 26, 2010.",
        "The two mayors met in this city in 2001 to sign a photo agreement.",
        "The flood began on Tuesday, April 20, 2010, when the wall gave way.",
        "Lind, a former mayor, left, and Ruiz stayed on until May 2010.",
        "KESSA, Lorvan | Tue Jun 30, 2009 9:33 am EDT KESSA (Example News) - The port reopened.",
        "",
    ],
)
def test_the_story_is_not_furniture(text: str) -> None:
    assert not is_furniture(text)


def test_a_caption_gives_no_event_but_the_story_beside_it_does(tmp_path: Path) -> None:
    events = events_of(
        tmp_path,
        "Talks resume\n\n"
        "The two leaders met in Vladivostok on 11 September 2018 and agreed to expand trade.\n\n"
        "The two leaders shake hands at the forum on 12 September 2018. Photo: Reuters\n",
        published=dt.date(2018, 9, 20),
    )
    days = {e.span.start for e in events}
    assert dt.date(2018, 9, 11) in days
    assert dt.date(2018, 9, 12) not in days


def test_a_date_a_figure_is_compared_with_gives_no_event(tmp_path: Path) -> None:
    events = events_of(
        tmp_path,
        "Kessa Mills results\n\n"
        "Kessa Mills said on Tuesday that its net income rose to $5.2 million in the third "
        "quarter, compared with $3.1 million a year earlier.\n\n"
        "Sales fell to $80 million, down from $93.5 million in 1996.\n",
        published=dt.date(1997, 10, 21),
    )
    days = {e.span.iso_start() for e in events}
    assert "1996" not in days and not any(d.startswith("1996-") for d in days)
    assert "1997-07" in days  # the quarter the figure is for is one
