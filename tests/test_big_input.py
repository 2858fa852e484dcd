"""Big inputs take the paths built for them (bisection, per-passage grouping, bounded
passages) and give what small ones give: a document of N copies of a paragraph has N times the
paragraph's dates, actors and events. No timings here: benchmarks/big_file.py measures those."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from explorer import pipeline
from explorer.actors.chunks import MAX_RUN, chunks_of, words_of
from explorer.actors.match import ActorMatcher
from explorer.analysis import analyse
from explorer.events import titles
from explorer.ingest.passages import split_passages
from explorer.ingest.readers import parse_document
from explorer.language.sentences import MAX_SENTENCE, split_sentences
from explorer.model import Actor, Analysis
from explorer.temporal import tense

PUBLISHED = dt.date(2021, 12, 1)
PARAGRAPH = (
    "In Beijing on Monday, Sergei Lavrov, Russia's top diplomat, held talks with Wang Yi, who "
    "runs China's foreign ministry. Lavrov said the pair put their names to a joint transport plan on 23 "
    "November 2021, a text both delegations had drawn up in October. The International "
    "Atomic Energy Agency (IAEA) will visit the plant next month, and the IAEA report is due in "
    "2022. Wang told reporters that NATO had rejected the plan last week (details at "
    "https://example.org/2021/11/23 or from desk@example.org)."
)
COPIES = 300


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return pipeline.default_matcher(user_actors=Path("/nonexistent/actors.json"))


def analysed(text: str, matcher: ActorMatcher) -> Analysis:
    return analyse(parse_document("big.txt", text.encode(), ".txt", PUBLISHED), matcher)


@pytest.mark.parametrize("between", ["\n\n", "\n", " "], ids=["paragraphs", "lines", "one-line"])
def test_n_copies_of_a_paragraph_have_n_times_its_dates_actors_and_events(
    matcher: ActorMatcher, between: str
) -> None:
    one = analysed(PARAGRAPH, matcher)
    many = analysed(between.join([PARAGRAPH] * COPIES), matcher)
    step = len(PARAGRAPH) + len(between)
    assert one.drafts and one.mentions and one.expressions

    def shifted(n: int, start: int, end: int) -> tuple[int, int]:
        return start + n * step, end + n * step

    assert len(many.passages) == COPIES * len(one.passages)
    assert len(many.expressions) == COPIES * len(one.expressions)
    assert len(many.mentions) == COPIES * len(one.mentions)
    assert len(many.drafts) == COPIES * len(one.drafts)
    for n in range(COPIES):
        for p, q in zip(one.passages, many.passages[n * len(one.passages) :], strict=False):
            assert (q.start, q.end, q.text) == (*shifted(n, p.start, p.end), p.text)
        for e, f in zip(one.expressions, many.expressions[n * len(one.expressions) :],
                        strict=False):  # fmt: skip
            assert (f.start, f.end) == shifted(n, e.start, e.end)
            assert (f.text, f.span, f.kind, f.inferred) == (e.text, e.span, e.kind, e.inferred)
        for m, k in zip(one.mentions, many.mentions[n * len(one.mentions) :], strict=False):
            assert (k.actor, k.start, k.end) == (m.actor, *shifted(n, m.start, m.end))
        for d, g in zip(one.drafts, many.drafts[n * len(one.drafts) :], strict=False):
            assert (g.title, g.span, g.actors) == (d.title, d.span, d.actors)
            assert (g.passage.start, g.passage.end) == shifted(n, d.passage.start, d.passage.end)


def test_the_paragraph_reads_as_it_should(matcher: ActorMatcher) -> None:
    """What the copies are compared with is itself right: names resolved, the URL's digits
    not a date, the acronym defined in brackets the agency."""
    one = analysed(PARAGRAPH, matcher)
    said = {(PARAGRAPH[m.start : m.end], m.actor) for m in one.mentions}
    assert {("Lavrov", "Sergei Lavrov"), ("Wang", "Wang Yi"), ("NATO", "NATO")} <= said
    assert ("IAEA", "International Atomic Energy Agency") in said
    assert not [e for e in one.expressions if e.start > PARAGRAPH.index("https://")]
    roadmap = next(d for d in one.drafts if d.expression.text == "23 November 2021")
    assert roadmap.span.start == dt.date(2021, 11, 23)
    assert "Sergei Lavrov" in roadmap.actors


def _words(count: int, seed: int = 3) -> str:
    rnd = random.Random(seed)
    vocab = [
        "the",
        "minister",
        "said",
        "talks",
        "would",
        "resume",
        "on",
        "monday",
        "and",
        "officials",
        "met",
        "in",
        "may",
    ]
    return " ".join(rnd.choice(vocab) for _ in range(count))


def test_a_long_line_without_punctuation_is_cut_into_bounded_passages_between_words() -> None:
    text = _words(40_000)  # about 200,000 characters, not one sentence end
    passages = split_passages(text)
    assert len(passages) > len(text) // MAX_SENTENCE
    assert all(0 < p.end - p.start <= MAX_SENTENCE for p in passages)
    assert all(p.text == text[p.start : p.end] == p.text.strip() for p in passages)
    for p, q in zip(passages, passages[1:], strict=False):
        assert p.end < q.start and not text[p.end : q.start].strip()  # only spaces between
    assert text[passages[0].start : passages[-1].end].split() == text.split()  # every word


def test_a_run_without_spaces_is_cut_at_the_bound() -> None:
    bounds = split_sentences("x" * (3 * MAX_SENTENCE + 5))
    assert [e - s for s, e in bounds] == [MAX_SENTENCE] * 3 + [5]


def test_a_long_run_is_cut_after_a_semicolon_before_a_plain_space() -> None:
    first = _words(250) + "; " + _words(50, seed=4)
    text = first + " " + _words(200, seed=5)
    (s, e), *_ = split_sentences(text)
    assert e - s <= MAX_SENTENCE
    assert text[s:e].endswith(";")


def test_sentences_of_ordinary_length_are_never_cut() -> None:
    sentence = "The ministers, " + ", ".join(["who met in Geneva and then in Vienna"] * 40) + "."
    assert 1000 < len(sentence) < MAX_SENTENCE
    text = " ".join([sentence] * 50)
    assert split_sentences(text) == [
        (n * (len(sentence) + 1), n * (len(sentence) + 1) + len(sentence)) for n in range(50)
    ]


def test_no_punctuation_text_still_gives_bounded_titles(matcher: ActorMatcher) -> None:
    text = " ".join(
        f"{_words(30, seed=n)} on {day} may 2021 the council of ministers approved the budget"
        for n, day in enumerate([1, 5, 9, 13, 17, 21, 25] * 60)
    )
    result = analysed(text, matcher)
    assert all(p.end - p.start <= MAX_SENTENCE for p in result.passages)
    assert len(result.drafts) == 7 * 60
    assert all(0 < len(d.title.split()) <= titles.LONGEST for d in result.drafts)


def test_a_lone_surname_is_the_person_named_last_before_it(matcher: ActorMatcher) -> None:
    """Many people share a surname: each lone "Petrov" is the Petrov named in full nearest
    before it; before any, the first of them in alphabetical order."""
    rnd = random.Random(5)
    firsts = ["Olga", "Anna", "Igor", "Vera", "Pavel"]
    parts = ["Petrov said the talks had failed."]
    expected = ["Anna Petrov"]
    for _ in range(400):
        first = rnd.choice(firsts)
        parts.append(f"{first} Petrov met the minister on Monday. Petrov said the talks failed.")
        expected.append(f"{first} Petrov")
    text = " ".join(parts)
    lone = [
        m.actor
        for m in matcher.find(text)
        if text[m.start : m.end] == "Petrov" and m.actor.endswith("Petrov")
    ]
    assert lone == expected


def test_a_run_of_thousands_of_capitalised_words_is_read_in_bounded_pieces(
    matcher: ActorMatcher,
) -> None:
    """ "Bank of Anna of Boris of …" with no end: no name is read from all of it (it was read
    by a recursion as deep as the run is long, which gave up)."""
    rnd = random.Random(8)
    names = ["Anna", "Boris", "Petrov", "Garcia", "Nakamura", "Okafor"]
    text = " of ".join(rnd.choice(names) for _ in range(6000))
    chunks = chunks_of(words_of(text))
    assert sum(1 for c in chunks for w in c.words if w.capital) == 6000  # every name word
    assert max(len(c.words) for c in chunks) <= MAX_RUN + 2  # and connectors inside
    assert all(m.end - m.start < 200 for m in matcher.find(text))


def test_a_listed_lower_case_name_is_found_in_every_copy() -> None:
    matcher = ActorMatcher([Actor("Eurozone", "organisation", ("euro area",))])
    text = " ".join(["Prices in the euro area rose by a tenth in May 2021."] * 500)
    found = [m for m in matcher.find(text) if m.actor == "Eurozone"]
    assert len(found) == 500
    assert all(text[m.start : m.end] == "euro area" for m in found)


# The per-sentence tense markers against the scan they replace -----------------------------


def _direction_by_scan(sentence: str, start: int, end: int) -> tense.Direction | None:
    """How a tense was read before markers were kept per sentence: every marker of the
    sentence looked at for each expression."""
    if tense._BACK.search(sentence[max(0, start - 24) : start]):
        return tense.Direction.PAST
    if tense._MARKET_DAY.match(sentence[end : end + 24]):
        return tense.Direction.PAST
    best: tuple[int, tense.Direction] | None = None
    future: list[tuple[int, int]] = []
    for pattern, found in ((tense._FUTURE, tense.Direction.FUTURE),
                           (tense._PAST, tense.Direction.PAST)):  # fmt: skip
        for m in pattern.finditer(sentence):
            if m.start() < end and m.end() > start:
                continue
            if found is tense.Direction.FUTURE:
                future.append((m.start(), m.end()))
            elif any(s <= m.start() < e for s, e in future):
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            if distance > tense._REACH:
                continue
            weight = distance if m.end() <= start else distance + 2
            if (
                best is None
                or weight < best[0]
                or (weight == best[0] and found is tense.Direction.PAST)
            ):
                best = (weight, found)
    return best[1] if best else None


def test_tense_markers_read_once_per_sentence_decide_as_a_full_scan_does() -> None:
    rnd = random.Random(11)
    vocab = [
        "he",
        "said",
        "will",
        "visit",
        "on",
        "Monday",
        "expected",
        "to",
        "be",
        "signed",
        "agreed",
        "to",
        "buy",
        "scheduled",
        "met",
        "last",
        "next",
        "week",
        "planned",
        "talks",
        "earlier",
        "is",
        "to",
        "meet",
        "going",
        "to",
        "the",
        "council",
        "meets",
        "Tuesday",
        "since",
        "May",
        "and",
        "Friday",
        "'s",
        "close",
        "was",
        "held",
    ]
    for _ in range(150):
        sentence = " ".join(rnd.choice(vocab) for _ in range(rnd.randint(5, 120)))
        markers = tense.Tense(sentence)
        for m in re.finditer(r"Monday|Tuesday|Friday|May|week", sentence):
            expected = _direction_by_scan(sentence, m.start(), m.end())
            assert markers.direction(m.start(), m.end()) is expected
            assert tense.direction(sentence, m.start(), m.end()) is expected


# The title's name compression against the nested scan it replaces -------------------------


def _compress_by_scan(text: str) -> str:
    demonyms = titles.lexicon().demonym_of
    words = text.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        j = i + 1 if words[i].lower() in ("his", "her", "their", "its") else i
        run_end = j
        while run_end < len(words) and (
            words[run_end][:1].isupper() or words[run_end].lower() in titles._TITLE_NOUNS
        ):
            run_end += 1
        found = [
            t
            for t in range(j, run_end)
            if (
                words[t] in titles.TITLES
                or words[t].lower() in titles._TITLE_NOUNS
                or words[t] in demonyms
            )
            and t + 2 < len(words)
            and words[t + 1][:1].isupper()
            and words[t + 2][:1].isupper()
            and t + 2 < run_end
        ]
        if found and any(words[t] not in demonyms for t in found):
            i = found[-1] + 1
        out.append(words[i])
        i += 1
    return " ".join(out)


def test_title_compression_drops_the_titles_a_nested_scan_drops() -> None:
    rnd = random.Random(2)
    vocab = [
        "his",
        "her",
        "their",
        "its",
        "President",
        "Minister",
        "Russian",
        "Chinese",
        "Kenyan",
        "counterpart",
        "spokesman",
        "Sergei",
        "Shoigu",
        "Wei",
        "Fenghe",
        "and",
        "the",
        "said",
        "on",
        "Monday",
        "Transport",
        "Amina",
        "Odhiambo",
        "minister",
        "leader",
        "of",
        "in",
        "Foreign",
        "British",
    ]
    for _ in range(3000):
        text = " ".join(rnd.choice(vocab) for _ in range(rnd.randint(0, 40)))
        assert titles._compress(text) == _compress_by_scan(text)
