"""Headline titles, one rule per test, on sentences written for these tests."""

from __future__ import annotations

import pytest

from explorer.events.titles import MAX_WORDS, make_title


def title(sentence: str, expression: str) -> str:
    start = sentence.index(expression)
    return make_title(sentence, start, start + len(expression))


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        # the date and its preposition go
        ("The two ministers signed a water treaty on Tuesday.", "Tuesday",
         "The two ministers signed a water treaty"),
        # discourse openers go
        ("Be that as it may, the summit opened in Lima on 4 May.", "4 May",
         "The summit opened in Lima"),
        ("However, the port reopened in March.", "March", "The port reopened"),
        ("Most important, the council approved the budget in 2019.", "2019",
         "The council approved the budget"),
        # a scene-setting phrase before the clause goes
        ("In conditions of growing unrest, the army withdrew on Friday.", "Friday",
         "The army withdrew"),
        ("Lest it be forgotten, the bridge was opened in 1998.", "1998", "The bridge was opened"),
        # an aside in brackets and a quotation mark go
        ('The mayor (a former judge) closed "the old market" on Monday.', "Monday",
         "The mayor closed the old market"),
        # an agency dateline goes
        ("LIMA, Peru_ Rescuers reached the miners on Sunday.", "Sunday",
         "Rescuers reached the miners"),
    ],
)  # fmt: skip
def test_what_a_title_leaves_out(sentence: str, expression: str, expected: str) -> None:
    assert title(sentence, expression) == expected


def test_a_pronoun_attribution_goes_and_a_named_source_stays() -> None:
    assert (
        title("He said that the ferry service would resume in June.", "June")
        == "The ferry service would resume"
    )
    assert (
        title("Northwind Shipping said net profit rose 12% in 2019.", "2019")
        == "Northwind Shipping: net profit rose 12%"
    )
    assert title("The port reopened in March, officials said.", "March") == "The port reopened"


def test_a_relative_clause_tells_who_did_what_to_what() -> None:
    sentence = (
        "Observers asked whether the talks fell within the plan for joint naval patrols, "
        "which the two governments signed on 3 March."
    )
    assert (
        title(sentence, "3 March") == "The two governments signed the plan for joint naval patrols"
    )


def test_a_fragment_after_a_colon_takes_the_clause_before_it() -> None:
    sentence = "Rail freight nearly doubled within a decade: from 4 percent in 2012."
    assert title(sentence, "2012").startswith("Rail freight nearly doubled")


def test_long_titles_are_cut_at_a_phrase_boundary_never_mid_word() -> None:
    sentence = (
        "The regional assembly approved the new fisheries agreement with its northern "
        "neighbours on Thursday, which ends a dispute that had lasted for more than a decade."
    )
    t = title(sentence, "Thursday")
    assert len(t.split()) <= MAX_WORDS
    assert (
        t
        == "The regional assembly approved the new fisheries agreement with its northern neighbours"
    )
    words = sentence.replace(",", " ").split()
    assert all(w in words for w in t.split())  # every word whole, as written


def test_a_title_never_ends_on_a_word_that_needs_more() -> None:
    sentence = (
        "The committee of the national assembly of the republic voted for the reform of the "
        "pension system of the country on Monday."
    )
    t = title(sentence, "Monday")
    assert t.split()[-1].lower() not in {"of", "the", "for", "and", "to", "a"}
    assert len(t.split()) <= MAX_WORDS


def test_a_date_in_brackets_dates_the_phrase_before_them() -> None:
    sentence = (
        "The visit sets the stage for the minister's trip to Quito as the guest of honour "
        "at the regional trade fair (3-9 June)."
    )
    assert title(sentence, "3-9 June") == "The guest of honour at the regional trade fair"


def test_a_that_clause_holds_the_event() -> None:
    sentence = "The pressure is such that the strike at the port began on 2 May after talks failed."
    assert title(sentence, "2 May") == "The strike at the port began after talks failed"


def test_a_date_in_the_opening_phrase_makes_that_phrase_the_event() -> None:
    sentence = (
        "Since the collapse of the coalition government in 2016, the party has lost every vote."
    )
    assert title(sentence, "2016") == "The collapse of the coalition government"


def test_titles_before_names_give_way_when_a_title_runs_long() -> None:
    sentence = (
        "Kenyan Transport Minister Amina Odhiambo and her Ugandan counterpart Paul Okello "
        "signed a rail agreement for the northern corridor on 3 March in Nairobi."
    )
    assert title(sentence, "3 March").startswith(
        "Amina Odhiambo and Paul Okello signed a rail agreement"
    )


def test_a_clause_a_little_longer_than_a_headline_is_kept_whole_not_cut_before_its_object() -> None:
    # Fifteen words with no phrase boundary inside: twelve would stop at "brought".
    sentence = (
        "Fears that a strike at the port could spread along the coast brought ministers "
        "back to Valmont on Sunday."
    )
    t = title(sentence, "Sunday")
    assert (
        t
        == "Fears that a strike at the port could spread along the coast brought ministers back to Valmont"
    )
    assert len(t.split()) <= MAX_WORDS


def test_the_words_that_led_into_a_removed_date_go_with_it() -> None:
    between = "Between March 1950 and June 1951, the ferry carried more than 9,000 settlers."
    assert not title(between, "March 1950").lower().startswith("between")
    of_year = "By June of that year, the ferry company had doubled its fleet."
    assert title(of_year, "June") == "The ferry company had doubled its fleet"


def test_a_run_of_bullet_points_gives_the_point_that_holds_the_date() -> None:
    sentence = (
        "* Ferry bookings up sharply this week * Port of Valmont expects a record summer "
        "* Strike talks resume"
    )
    assert title(sentence, "this week") == "Ferry bookings up sharply"
    assert title("* The 1998 storm closed the Valmont quay for a month.", "1998") == (
        "The storm closed the Valmont quay for a month"
    )


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        # a date as a possessive determiner: "the" stands in, the preposition stays
        ("Those detained in Saturday's march included two students.", "Saturday",
         "Those detained in the march included two students"),
        # a subject relative clause holding the date is turned into the main clause
        ("Farms bore the damage from the flood, which began on 3 March when the levee broke, "
         "sweeping away the crops.", "3 March", "The flood began when the levee broke"),
        ("The judge oversees enforcement of the decree that dissolved the railway company in "
         "1984.", "1984", "The decree dissolved the railway company"),
        # ... but not where it names which things are the subject of a later verb
        ("The number of shops that closed last month rose to 40, the council said.", "last month",
         "The number of shops that closed rose to 40"),
        # a scene phrase led by "soon after" is the dated event
        ("Soon after the dam burst in April, the company promised to pay every claim.", "April",
         "The dam burst"),
        # two verb phrases of one subject: each date its own, the subject repeated
        ("Her appointment was announced on 4 June but was only meant to take effect in August.",
         "August", "Her appointment was only meant to take effect"),
        ("Her appointment was announced on 4 June but was only meant to take effect in August.",
         "4 June", "Her appointment was announced"),
        # a speaker and what was said after a colon
        ('The harbour master said on Friday: "The channel will reopen to tankers.', "Friday",
         "The harbour master: the channel will reopen to tankers"),
        # "and" joining words is not a place to cut a title
        ("The mayor, who toured the flooded district on Friday, is sending three of her senior "
         "housing and transport officials back there this week.", "this week",
         "The mayor is sending three of her senior housing and transport officials back there"),
    ],
)  # fmt: skip
def test_the_clause_a_date_belongs_to(sentence: str, expression: str, expected: str) -> None:
    assert title(sentence, expression) == expected


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        # a date in a clause opened by "until", "when", "after" … dates that clause
        ("The ministry will grant no new licences until an expert panel delivers its report to "
         "the cabinet by 28 May.", "28 May", "An expert panel delivers its report to the cabinet"),
        ("Shares fell sharply after the refinery in the port caught fire on Tuesday.", "Tuesday",
         "The refinery in the port caught fire"),
        # ... or the event a noun phrase after "after" or "before" names
        ("Regulators could bar the firm from new leases after the blow-out at its offshore well "
         "in April.", "April", "The blow-out at its offshore well"),
        # ... or a possessive date's noun
        ("Gaps remained between the two sides before next week's talks in Geneva.", "next week",
         "The talks in Geneva"),
    ],
)  # fmt: skip
def test_a_date_in_a_subordinate_clause(sentence: str, expression: str, expected: str) -> None:
    assert title(sentence, expression) == expected


def test_a_time_of_day_after_a_subordinator_is_no_event_of_its_own() -> None:
    got = title("The shares will be delisted after the close of trading on Friday.", "Friday")
    assert got.startswith("The shares will be delisted")


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        # a date inside a noun phrase leaves the phrase whole
        ("The historian compares the 1952 flood to the storms of this winter.", "1952",
         "The historian compares the flood to the storms of this winter"),
        # the end of a list after an apposition is not an aside
        ("The shelter took in its first animal Friday, a heron covered in thick, black oil.",
         "Friday", "The shelter took in its first animal"),
        # a verb past the limit beats a phrase cut before it
        ("Wreckage and fuel drums from the Kessa river ferry and the two fishing boats that were "
         "moored beside it drifted ashore after the ferry sank, off Lorvan on 22 April.",
         "22 April",
         "Wreckage and fuel drums from the Kessa river ferry and the two fishing boats that were "
         "moored beside it drifted ashore"),
    ],
)  # fmt: skip
def test_what_a_title_keeps_whole(sentence: str, expression: str, expected: str) -> None:
    assert title(sentence, expression) == expected


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        # an apposition led by a possessive is an aside
        ("Mara Lind, the port's chief engineer, said on Monday the gates would open.", "Monday",
         "Mara Lind: the gates would open"),
        ("Mara Lind, Kessa's chief engineer, closed the gates on Monday.", "Monday",
         "Mara Lind closed the gates"),
        # ... but a clause after a comma is not
        ("Kessa's shares rose 2 pence on Monday, Lorvan's shares fell 3 pence, and trading was thin.",
         "Monday", "Kessa's shares rose 2 pence, Lorvan's shares fell 3 pence"),
    ],
)  # fmt: skip
def test_asides_of_a_name(sentence: str, expression: str, expected: str) -> None:
    assert title(sentence, expression) == expected


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        # a date written inside a noun phrase that names an event dates that event
        ("It is too soon to say whether the spill, caused by an April 20 pipeline explosion, "
         "killed the fish.", "April 20", "A pipeline explosion"),
        ("The repair is the best hope yet since the 20 April Kessa dam explosion that killed "
         "six workers.", "the 20 April", "The Kessa dam explosion that killed six workers"),
        ("According to a 2007 study by the river commission, silt had doubled.", "2007",
         "A study by the river commission"),
        # ... but not a noun that names no event
        ("The historian compares the 1952 flood maps to the storms of this winter.", "1952",
         "The historian compares the flood maps to the storms of this winter"),
    ],
)  # fmt: skip
def test_a_date_inside_an_event_noun_phrase(sentence: str, expression: str, expected: str) -> None:
    assert title(sentence, expression) == expected


def test_a_relative_clause_left_with_a_word_goes() -> None:
    sentence = "The Kremlin confirmed that the president will travel to Beijing for the Games, " \
        "which run from 4 to 20 February."
    got = title(sentence, "4 to 20 February")
    assert not got.endswith(("which run", "which", "run")), got
    assert got.startswith("The Kremlin confirmed")


def test_a_page_saved_with_its_escapes() -> None:
    # Some crawls keep a page's backslash escapes: "\/" for "/", "\*" for a bullet.
    got = title("Ferry traffic up sharply this week \\* Searches for the yard rise", "this week")
    assert got == "Ferry traffic up sharply"
    assert title("Fares rose on the BERGEN\\/OSLO route on Monday.", "Monday") == (
        "Fares rose on the BERGEN/OSLO route"
    )


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        # a named person's relative clause holding the date
        ('"It feels unreal," said Mara Lind, who arrived from Oslo on Thursday.', "Thursday",
         "Mara Lind arrived from Oslo"),
        # ... but a crowd's relative clause is no subject to turn round
        ("Officials who watch the border said privately on Thursday that the talks had failed.",
         "Thursday", "Officials who watch the border: the talks had failed"),
        # a noun phrase opening the clause after the date is its subject, not an aside
        ("Early on April 6, the town of Lorvan, in the north, was struck by a flood.", "April 6",
         "The town of Lorvan, in the north, was struck by a flood"),
    ],
)  # fmt: skip
def test_subjects_kept(sentence: str, expression: str, expected: str) -> None:
    assert title(sentence, expression) == expected


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        # A date in the clause that opens the sentence dates that clause ...
        ("When the gap between the two economies was smaller in 2010, Lorvan could still "
         "bargain.", "2010", "The gap between the two economies was smaller"),
        ("And if in 2014 the council at least had an alternative to the port in Kessa, in the "
         "mid-2030s there might be none.", "2014",
         "The council at least had an alternative to the port in Kessa"),
        # ... and one after its comma, the main clause.
        ("And if in 2014 the council at least had an alternative to the port in Kessa, in the "
         "mid-2030s there might be none.", "the mid-2030s", "There might be none"),
        ('Although he called trading "tough," Mr. Brandt, the bank\'s chief executive, '
         "forecast higher earnings for the full year.", "the full year",
         "Mr. Brandt forecast higher earnings"),
    ],
)  # fmt: skip
def test_a_leading_clause_and_the_main_clause(sentence: str, expression: str, expected: str) -> None:
    assert title(sentence, expression) == expected


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        # a person's dates in brackets after the name: a birth, a death, a life
        ("Karl Lindqvist (12 May 1950 – 3 June 2011) was a Norwegian composer.", "12 May 1950",
         "Karl Lindqvist is born"),
        ("Karl Lindqvist (12 May 1950 – 3 June 2011) was a Norwegian composer.", "3 June 2011",
         "Karl Lindqvist dies"),
        ("Karl Lindqvist (born 12 May 1950) is a Norwegian composer.", "12 May 1950",
         "Karl Lindqvist is born"),
        # a date between "that" and a comma opens what was said
        ("The mayor also says that in 2003 and 2004, the crews were sent to clear the harbour.",
         "2003", "The crews were sent to clear the harbour"),
        ("The minister said that in 2019, the council had closed the harbour to fishing boats.",
         "2019", "The council had closed the harbour to fishing boats"),
        # a date that is the subject of "marked" only frames what its object names
        ("This past week marked the opening night of an exhibit at the Lorvan gallery.",
         "This past week", "The opening night of an exhibit at the Lorvan gallery"),
        # a verb phrase sharing the subject of the one before borrows it
        ("He was promoted to colonel in 1678, was appointed to the high command at Kessa in "
         "1679, and in 1683 was made a general.", "1679",
         "He was appointed to the high command at Kessa"),
        ("Mara Lind had been ill for years, and died at the Kessa hospital on Sunday.",
         "Sunday", "Mara Lind died at the Kessa hospital"),
        # a participle that sets the scene goes, like one in -ing
        ("Based on an updated plan the mayor released Wednesday, the harbour could reopen late "
         "Thursday.", "late Thursday", "The harbour could reopen"),
        # "As X noted, …" frames what was said, as "X said …" does
        ("As one analyst noted on Friday, the council has run out of money.", "Friday",
         "One analyst: the council has run out of money"),
        # weak words go from the end, unless nothing would be left
        ("If in the flood year the council could defy its creditor, in 2030 it may not.",
         "2030", "It may not"),
        # a date in a clause beside the main one titles that clause
        ("The mayor hailed the work Thursday, telling reporters that the harbour would reopen by "
         "the end of June.", "the end of June", "The harbour would reopen"),
        ("Floods could wash away the dykes -- much like the storms of Kessa washed away the "
         "marshes in 2005.", "2005", "The storms of Kessa washed away the marshes"),
        ("The costs reached $3 billion, a figure that leaves out a $20 billion fund the company "
         "created last month.", "last month", "The company created a $20 billion fund"),
        ("By the spring it would pass the old record set by the Lorvan spill three decades ago.",
         "three decades ago", "The old record set by the Lorvan spill"),
        ("Based on an updated plan the mayor released Wednesday, the harbour could reopen late "
         "Thursday or early Friday.", "Wednesday", "The mayor released an updated plan"),
        ("Based on an updated plan the mayor released Wednesday, the harbour could reopen late "
         "Thursday or early Friday.", "late Thursday", "The harbour could reopen"),
        # "A clearly frustrated Mayor Lind" is who, not what happened
        ('A clearly frustrated Mayor Lind on Friday said that the flood plan for the lower valley '
         'towns "failed badly," while calling the row among engineers at hearings "a farce."',
         "Friday", "A clearly frustrated Mayor Lind: the flood plan for the lower valley towns "
         "failed badly"),
        # "Or, as X deadpanned, …" frames what was said; "that careless" is no relative
        ('Or, as the talk-show host Mara Lind deadpanned last week, "Are we really that careless?"',
         "last week", "The talk-show host Mara Lind: Are we really that careless"),
        # a name with an apposition and a relative: the relative's date is the name's
        ("Mara Lind, an expert on the valley who served as a professor at the Kessa college "
         "up until October, told reporters on Monday that the dam was safe.", "October",
         "Mara Lind served as a professor at the Kessa college"),
        # "…, released on November 25": a participle after the noun it tells of
        ("The flood dominated the agenda, and both were written into a revised version of the "
         "council's plan, released on November 25.", "November 25",
         "A revised version of the council's plan released"),
        # a photo credit run into the text after it is no part of the title
        ("Kessa Press/Rex Features Bad management by the harbour board led to the flood in "
         "2009, an inquiry found.", "2009", "Bad management by the harbour board led to the flood"),
        # a past event recalled for comparison is the event of its date
        ("Scientists believe the leak already surpasses the 11 million-gallon 1989 Kessa Star "
         "oil spill off Lorvan as the worst in the region.", "1989",
         "The 11 million-gallon Kessa Star oil spill"),
        ("It is the worst spill since the Kessa Star ran aground in 1989.", "1989",
         "The Kessa Star ran aground"),
        # a word that took the date as its complement goes with it
        ("Kessa Mills declared a 10% stock dividend, payable Dec. 7.", "Dec. 7",
         "Kessa Mills declared a 10% stock dividend"),
        ("Kessa Mills had sales of $538 million for the quarter ended Sept. 30.", "Sept. 30",
         "Kessa Mills had sales of $538 million for the quarter"),
        # the date's own preposition goes with it
        ("Prior to Thursday, Kessa was the only town in the valley to confirm a case.",
         "Thursday", "Kessa was the only town in the valley to confirm a case"),
    ],
)  # fmt: skip
def test_biography_and_reported_clause_shapes(sentence: str, expression: str, expected: str) -> None:
    assert title(sentence, expression) == expected


def test_a_long_clause_is_cut_where_a_phrase_begins_not_inside_one() -> None:
    s = (
        "The mayor on Monday announced plans to buy the old grain business of the Lorvan Mills "
        "cooperative and its river barge unit for 557 million crowns."
    )
    # eighteen words would end inside "its river barge unit"
    assert title(s, "Monday") == (
        "The mayor announced plans to buy the old grain business of the Lorvan Mills cooperative"
    )


def test_a_cut_point_at_the_very_end_is_no_trouble() -> None:
    from explorer.events.titles import _before_preposition

    sentence = "The board voted to close the old Kessa Market on"
    words = sentence.split()
    # the preposition is the last word: nothing follows it to look at
    assert _before_preposition(words, len(words)) == "The board voted to close the old Kessa Market"


def test_a_dated_noun_phrase_spaced_over_a_line_break() -> None:
    # saved pages break lines and double their spaces inside a phrase
    s = "The leak already surpasses the 11 million-gallon 1989 Kessa  Star\noil spill off Lorvan."
    assert title(s, "1989") == "The 11 million-gallon Kessa Star oil spill"


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        # a second clause with its own subject after "but", with no comma
        ("Official counts were not published but two grain traders put the harvest of Lorvan "
         "in 2008 at 40,000 tonnes.", "2008",
         "Two grain traders put the harvest of Lorvan at 40,000 tonnes"),
        # ... and a second verb phrase of one subject: the one holding the date
        ("He fell ill after landing and took a taxi to the clinic on Thursday evening.",
         "Thursday evening", "He took a taxi to the clinic"),
        ("It rarely reaches the coast but has flooded 30 villages in Kessa since 2003.", "2003",
         "It has flooded 30 villages in Kessa"),
        # a trailing "officials said on Friday" dates all that was said, both verb phrases
        ("A ferry never tested at sea before has carried 600 people across the bay and also "
         "reached Lorvan, where nine crew members stayed on board, port officials said on "
         "Friday.", "Friday",
         "A ferry never tested at sea before has carried 600 people across the bay and also "
         "reached Lorvan"),
        # the date in the first clause: a speaker after "but" is not the frame of the title
        ("The Kessa strike appeared to be ending on Saturday but union leaders warned the "
         "dispute could flare again.", "Saturday", "The Kessa strike appeared to be ending"),
        # a preposition before a date inside the subject goes with the date, and the subject stays
        ("Fields sown after mid-May usually yield a tenth less grain in Lorvan.", "mid-May",
         "Fields sown usually yield a tenth less grain in Lorvan"),
        # "former" goes with the title it qualifies
        ("In the late 1990s, former Kessa Rail Chairman Mara Lind had a plan to join the lines.",
         "the late 1990s", "Mara Lind had a plan to join the lines"),
        # a colon inside brackets is no clause break
        ("(Ref: kx7731) Lorvan Mills has four plants under construction that open in 2009.",
         "2009", "Lorvan Mills has four plants under construction that open"),
        # a possessive date in an opening phrase takes its "'s" along
        ("Since Saturday's port figures were counted, Kessa has reported two new cases.",
         "Saturday", "Port figures were counted"),
        # the name in apposition speaks, and a date between a verb and its complement is no cut
        ("The harbour chief, Port Captain Mara Lind, said Kessa would begin trying later on "
         "Thursday to lift the wreck off the channel floor to clear the way for ferries.",
         "Thursday",
         "Mara Lind: Kessa would begin trying to lift the wreck off the channel floor to clear "
         "the way"),
        # a noun phrase after "since", and the verb after the date is the outer clause's
        ("Hopes faded that the nine crew missing since the blast at the Kessa yard on Tuesday "
         "night would be found.", "Tuesday night", "The blast at the Kessa yard"),
        # ... and a named event after "after", even in three words
        ("The fund is run by a port group formed by the shipping lines after Lorvan's Kessa "
         "spill in 1989.", "1989", "Lorvan's Kessa spill"),
        # the subject after an opener and a comma
        ("A sailor by training, she joined the port board young and rose to its chair in May "
         "2007.", "May 2007", "She rose to its chair"),
        # "on Saturday, when …": the when-clause tells what happened then
        ("The mayor's comments followed the minister's on Saturday, when she blamed the flood "
         "on poor planning.", "Saturday", "She blamed the flood on poor planning"),
        # a quotation first: who said it, and what
        ('"We have much to do to put it right," Kessa Rail Chairman Mara Lind said in a call '
         "with investors Tuesday.", "Tuesday", "Mara Lind: We have much to do to put it right"),
        ('"The port is a victim of its own success," the board\'s chair, Ana Lind, wrote in '
         "early July.", "early July", "Ana Lind: The port is a victim of its own success"),
        ('"None of these go smoothly," she said on Friday.', "Friday", "None of these go smoothly"),
        # ... but a date inside the quotation dates its own clause
        ('"We will reopen the port on Monday," the mayor said.', "Monday",
         "We will reopen the port"),
        # a relative's antecedent is the name just before "who"
        ("The appointment of Lind, who will take charge Oct. 1, comes at a hard time.", "Oct. 1",
         "Lind will take charge"),
        # "between April and [July]" goes whole with the second date
        ("The firm aired fewer radio spots between April and July than its rivals.", "July",
         "The firm aired fewer radio spots than its rivals"),
        # a speaker with a phrase before the verb, and "wrote in an e-mail that"
        ("Pilot Mike Lind, in a September interview, said that the fund should have been "
         "bigger.", "September", "Pilot Mike Lind: the fund should have been bigger"),
        ("Port clerk Ana Ruiz wrote in an August 2008 e-mail that dozens of the harbour's "
         "logs were missing.", "August 2008", "Port clerk Ana Ruiz: dozens of the harbour's logs were missing"),
        # a passive "were first reported by" is no attribution to cut
        ("The papers were first reported by the Kessa Herald on Saturday afternoon.",
         "Saturday afternoon", "The papers were first reported by the Kessa Herald"),
        # an opening -ing phrase after "and" goes, as one with a capital does
        ("After long study of the harbour's books, and crunching data from three agencies, we "
         "estimate the flood will cut growth in 2010 by a tenth.", "2010",
         "The flood will cut growth by a tenth"),
        # an apposition of the date goes; the date as subject stays
        ("On Sunday, the third anniversary of her election, Lind began her day in Kessa.",
         "Sunday", "Lind began her day in Kessa"),
        ("September 11th was like a second Pearl Harbor for the town.", "September 11th",
         "September 11th was like a second Pearl Harbor for the town"),
        # a comma inside a number ends no opening phrase
        ("With more than 30,000 people hurt, the Lorvan board reported last Friday that only "
         "nine had died.", "last Friday", "The Lorvan board: only nine had died"),
        # "Today was …": the date is the subject
        ("Today was supposed to be the harbour's holiday.", "Today",
         "Today was supposed to be the harbour's holiday"),
        # "The airline said it would …": the speaker is the pronoun's subject
        ("The ferry line said it would send a special boat for stranded visitors tomorrow "
         "morning.", "tomorrow morning",
         "The ferry line would send a special boat for stranded visitors"),
        # "In 1918, when …, X advised": the when-clause sets the scene
        ("In 1918, when the board finally acted, Lind advised people to stay indoors.", "1918",
         "Lind advised people to stay indoors"),
        # an event noun dated by "of", inside a phrase of the clause
        ("Most readers think a flood means something like the great Kessa flood of 1953, which "
         "drowned the lower town.", "1953",
         "The great Kessa flood, which drowned the lower town"),
        # the name first, then its role, then what was told
        ("Mara Lind, head of the Kessa port board, told a conference call Saturday that the "
         "channel would stay shut for a month.", "Saturday",
         "Mara Lind: the channel would stay shut for a month"),
        # an aside between double dashes goes
        ("The singer Ana Ruiz -- who has led the protests over the dam -- told a crowd in Lorvan "
         "on Saturday that the valley would fight.", "Saturday",
         "The singer Ana Ruiz: the valley would fight"),
        # the words that led into the date go with it: "near", "over"
        ("The ferry summit will meet near the end of June in Kessa.", "the end of June",
         "The ferry summit will meet in Kessa"),
        ("Lind's remarks over the weekend about the port's role seemed a change of course.",
         "the weekend", "Lind's remarks about the port's role seemed a change of course"),
        # "said Saturday that …" is a frame, not a relative clause on "Saturday"
        ("In a sign of the strain, Kessa Rail said Saturday that its board would meet Monday to "
         "weigh a cut in fares.", "Monday", "Kessa Rail: its board would meet to weigh a cut in fares"),
        # a participle and its date between commas tell of the noun before them
        ("Lind's study, released Monday, is published in a harbour journal.", "Monday",
         "Lind's study released"),
        # a full date written before the noun it dates, with its own comma
        ("Lind paid the families of victims of the May 3, 2001, ferry disaster in Kessa.",
         "May 3, 2001", "Lind paid the families of victims of the ferry disaster in Kessa"),
        # the date as subject after a leading clause
        ("While there were doubts in the war years, the early 20th century was marked by trust in "
         "the courts.", "the early 20th century",
         "The early 20th century was marked by trust in the courts"),
        # a means ("by creating …") after a subordinate clause is the outer clause's
        ("The bill is a tribute to the crew who were killed when the Kessa dam burst in April by "
         "setting new rules for dams.", "April", "The Kessa dam burst"),
        # a picture's source run into a dateline
        ("Kessa Rail, via AP LORVAN, Ko. -- The flood crept close to the town's old harbour "
         "walls on Wednesday.", "Wednesday", "The flood crept close to the town's old harbour walls"),
        # a place and its state's abbreviation are one opening scene
        ("In Port Kessa, Ko., most of the rental huts stood empty in August.", "August",
         "Most of the rental huts stood empty"),
        # never a cut between an infinitive and its phrase
        ("Senior port officials were set to meet with Lind Thursday to discuss whether a new "
         "wall should be built in the meantime.", "Thursday",
         "Senior port officials were set to meet with Lind to discuss whether a new wall should "
         "be built"),
        # "X has said …" is X's frame; "said in a press conference that"; a " - aside - "
        ("Kessa Rail has said on Monday that the strike will not harm its summer timetable.",
         "Monday", "Kessa Rail: the strike will not harm its summer timetable"),
        ("Mayor Lind said in a press conference on Wednesday that the pumps were clearing 600 "
         "tonnes of water a day.", "Wednesday",
         "Mayor Lind: the pumps were clearing 600 tonnes of water a day"),
        ("On Friday, the head of the port board, Captain Mara Lind - the official in charge of "
         "the works - said the channel would reopen in a week.", "Friday",
         "Captain Mara Lind: the channel would reopen in a week"),
        # with the date in the first of two verb phrases, both stay; "was born and raised" is
        # one verb phrase; an expletive "it" stands for nobody
        ("He was freed in 1780 and served on the general's staff for the rest of the war.",
         "1780", "He was freed and served on the general's staff for the rest of the war"),
        ("Kessa Rail said on Monday it is time for riders to leave the old line.", "Monday",
         "Kessa Rail: it is time for riders to leave the old line"),
        # a relative clause on a plain noun phrase that opens the sentence, or after "that"
        ("Opposition councillors, who voted against the harbour plan in January, have called "
         "for an audit.", "January", "Opposition councillors voted against the harbour plan"),
        ("Officials said on Monday that the plan, which was signed in 2001, had failed.", "2001",
         "The plan was signed"),
        # the verb phrase before "and" may be a since-clause's, and so is its subject
        ("Mara Lind returned to Kessa last night for the first time since the Lorvan-built "
         "ferry caught fire off the coast and sank on 20 April, killing nine sailors.",
         "20 April", "The Lorvan-built ferry sank, killing nine sailors"),
        # a where-clause's event; a present verb the lists lack, and the main verb after it
        ("The flood has reached the capital, where the head of the board that oversees the "
         "river walls resigned today.", "today",
         "The head of the board that oversees the river walls resigned"),
        # "Interviewed on television yesterday, X said …": what was said then
        ("Interviewed on Kessa radio yesterday, Lind said the port would reopen within a week.",
         "yesterday", "Lind: the port would reopen within a week"),
        # a title ends on an object pronoun, never on a preposition
        ("The council's review will predict a slow recovery towards the end of this year.",
         "the end of this year", "The council's review will predict a slow recovery"),
    ],
)  # fmt: skip
def test_clauses_phrases_and_their_edges(sentence: str, expression: str, expected: str) -> None:
    assert title(sentence, expression) == expected


def test_a_clause_of_up_to_eighteen_words_keeps_its_trailing_phrases() -> None:
    # read blind twice: "extend a moratorium | on deep-water drilling" says less cut
    assert title(
        "Later on Thursday, the mayor of Kessa is expected to extend a ban on night fishing in "
        "the bay for years.", "Thursday",
    ) == "The mayor of Kessa is expected to extend a ban on night fishing in the bay for years"
    assert title(
        "The council confirmed that the mayor of Kessa will travel to Lorvan for the Games, "
        "which run from 4-20 June.", "4-20 June",
    ) == "The council confirmed that the mayor of Kessa will travel to Lorvan for the Games"
