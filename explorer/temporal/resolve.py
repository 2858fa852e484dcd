"""Turn a candidate into a calendar span, relative to the publication date.

dateparser reads calendar dates ("23 November 2021", "Sept. 30", "3 years ago"); this module
decides which year a date without one belongs to (tense, else the nearest), the granularity the
text spoke in, and the anaphoric ones ("the quarter", "that year") from what the article last
mentioned.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from explorer.model import DateSpan, Precision, Reference, last_day_of_month
from explorer.temporal import lexicon
from explorer.temporal.calendar_parse import parse_day
from explorer.temporal.candidates import Candidate
from explorer.temporal.tense import Direction


@dataclass
class DocumentTime:
    """What the article has said so far, for anaphora ("the quarter", "that year")."""

    published: dt.date | None
    last_quarter: tuple[int, int] | None = None
    last_year: int | None = None
    last_month: tuple[int, int] | None = None


@dataclass(frozen=True)
class Resolution:
    span: DateSpan | None
    reference: Reference | None = None
    kind: str = "absolute"
    inferred: bool = False


UNRESOLVED_RELATIVE = Resolution(None, None, "relative", True)


def resolve(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    handler = _HANDLERS[c.rule]
    result = handler(c, doc, direction)
    if result.span is not None:
        _remember(doc, c, result.span)
    return result


def _remember(doc: DocumentTime, c: Candidate, span: DateSpan) -> None:
    if span.precision is Precision.MONTH:
        doc.last_month = (span.start.year, span.start.month)
    if span.precision is Precision.QUARTER and c.rule in ("quarter", "quarter_code"):
        doc.last_quarter = (span.start.year, (span.start.month - 1) // 3 + 1)
    explicit_year = c.get("year") or c.get("year0") or c.get("year2")
    if explicit_year and span.start.year == span.end.year:
        doc.last_year = span.start.year


# ---------------------------------------------------------------- helpers


def _month(c: Candidate, key: str = "mon") -> int:
    return lexicon.MONTHS[c.groups[key].lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def _year(text: str) -> int:
    return int(text)


def _year2(first: int, text: str) -> int:
    """The second year of "2021-25" or "1998/99"."""
    if len(text) == 2:
        century = first - first % 100
        value = century + int(text)
        return value if value > first else value + 100
    return int(text)


def _nearest_year(base: dt.date, month: int, day: int | None, direction: Direction | None) -> int:
    """The year of month (and day) that lies in ``direction`` from ``base``, else the nearest."""

    def point(y: int) -> dt.date:
        d = min(day or 1, last_day_of_month(y, month).day)
        return dt.date(y, month, d)

    years = (base.year - 1, base.year, base.year + 1)
    if day is None:
        # At month granularity the current month is both "this past" and "this coming".
        if month == base.month:
            return base.year
        past = max(y for y in years if (y, month) < (base.year, base.month))
        future = min(y for y in years if (y, month) > (base.year, base.month))
    else:
        past = max(y for y in years if point(y) <= base)
        future = min(y for y in years if point(y) >= base)
    # Tense decides only between two readings that are both plausible: a day mentioned
    # without a year lies within about half a year of the article, a month within a year.
    horizon = _TENSE_HORIZON_DAYS if day is not None else 335
    if direction is Direction.PAST and (base - point(past)).days <= horizon:
        return past
    if direction is Direction.FUTURE and (point(future) - base).days <= horizon:
        return future
    return min((past, future), key=lambda y: (abs((point(y) - base).days), y > base.year))


_TENSE_HORIZON_DAYS = 270


def _day_span(
    c: Candidate,
    doc: DocumentTime,
    direction: Direction | None,
    mon_key: str,
    day_key: str,
    year_key: str,
) -> Resolution:
    month = _month(c, mon_key)
    day = _day(c.groups[day_key])
    year_text = c.get(year_key)
    if year_text is not None:
        year = _year(year_text)
        parsed = parse_day(f"{day} {_MONTH_NAMES[month]} {year}", None, None)
        if parsed is None or (parsed.month, parsed.day) != (month, day):
            return Resolution(None)  # "31 February 2021": not a day
        return Resolution(DateSpan.day(parsed))
    base = doc.published
    if base is None:
        return UNRESOLVED_RELATIVE
    year = _nearest_year(base, month, day, direction)
    weekday = c.get("wd")
    if weekday is not None:
        # "Saturday, April 25": the year in which that date falls on that weekday.
        wd = lexicon.WEEKDAYS[weekday.lower()]
        for y in (year, base.year, base.year + 1, base.year - 1):
            if day <= last_day_of_month(y, month).day and dt.date(y, month, day).weekday() == wd:
                return Resolution(DateSpan.day(dt.date(y, month, day)), kind="relative")
    else:
        # dateparser reads the day in the direction the year was chosen in.
        way = (
            Direction.PAST
            if (month, day) <= (base.month, base.day) and year <= base.year or year < base.year
            else Direction.FUTURE
        )
        parsed = parse_day(f"{day} {_MONTH_NAMES[month]}", base, way)
        if parsed is not None and (parsed.month, parsed.day) == (month, day):
            year = parsed.year
    if day > last_day_of_month(year, month).day:
        return Resolution(None)
    return Resolution(DateSpan.day(dt.date(year, month, day)), kind="relative", inferred=True)


_MONTH_NAMES = {v: k.capitalize() for k, v in lexicon.MONTHS.items() if len(k) > 3 or k == "may"}


# ---------------------------------------------------------------- rules


def _weekday(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    if c.get("mon") or c.get("mon2"):
        key = "" if c.get("mon") else "2"
        return _day_span(c, doc, direction, "mon" + key, "day" + key, "year" + key)
    base = doc.published
    if base is None:
        return UNRESOLVED_RELATIVE
    wd = lexicon.WEEKDAYS[c.groups["wd"].lower()]
    rel = (c.get("rel") or "").lower().split()
    delta_back = (base.weekday() - wd) % 7
    delta_fwd = (wd - base.weekday()) % 7
    if "last" in rel or "previous" in rel or "past" in rel:
        d = base - dt.timedelta(days=delta_back or 7)
    elif "next" in rel or "following" in rel or "coming" in rel:
        d = base + dt.timedelta(days=delta_fwd or 7)
    elif "this" in rel:
        d = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=wd)
    elif direction is Direction.FUTURE:
        d = base + dt.timedelta(days=delta_fwd)
    elif direction is Direction.PAST or delta_back <= delta_fwd:
        # News reports the week behind it: a bare weekday is the latest one, today included.
        d = base - dt.timedelta(days=delta_back)
    else:
        # No tense to go by: the nearer reading ("Friday" in Thursday's paper is tomorrow).
        d = base + dt.timedelta(days=delta_fwd)
    return Resolution(DateSpan.day(d), kind="relative", inferred=not rel)


def _month_day(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    rel = (c.get("rel") or "").lower()
    if "last" in rel or "past" in rel:
        direction = Direction.PAST
    elif "next" in rel or "coming" in rel:
        direction = Direction.FUTURE
    elif rel:  # "this May 26": the nearest, whatever the verbs around it say
        direction = None
    return _day_span(c, doc, direction, "mon", "day", "year")


def _day_range(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    if c.get("yrel"):  # "from 4 to 20 February next year"
        if doc.published is None:
            return UNRESOLVED_RELATIVE
        year = doc.published.year + {"last": -1, "this": 0, "next": 1}[c.groups["yrel"].lower()]
        month, d1, d2 = _month(c), _day(c.groups["day"]), _day(c.groups["day2"])
        if not 1 <= d1 <= d2 <= last_day_of_month(year, month).day:
            return Resolution(None)
        span = DateSpan(dt.date(year, month, d1), dt.date(year, month, d2), Precision.DAY)
        return Resolution(span, kind="relative")
    first = _day_span(c, doc, direction, "mon", "day", "year")
    if first.span is None:
        return first
    month = first.span.start.month
    year = first.span.start.year
    day2 = _day(c.groups["day2"])
    if day2 > last_day_of_month(year, month).day or day2 < first.span.start.day:
        return Resolution(None)
    span = first.span.to(DateSpan.day(dt.date(year, month, day2)))
    return Resolution(span, kind=first.kind, inferred=first.inferred)


def _month_year(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    # "early May 2020" keeps month precision: the modifier never invents days.
    year = _year(c.groups["year"]) if c.get("year") else _spoken_value(c.groups["spoken"])
    return Resolution(DateSpan.month(year, _month(c)))


_YEAR_ANAPHORA = {"that": 0, "the same": 0, "the following": 1, "the previous": -1}


def _month_rel_year(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    if doc.published is None:
        return UNRESOLVED_RELATIVE
    rel = " ".join(c.groups["rel"].lower().split())
    month = _month(c)
    if rel in _YEAR_ANAPHORA:  # "in November that year": the year the article last named
        if doc.last_year is None:
            return UNRESOLVED_RELATIVE
        year = doc.last_year + _YEAR_ANAPHORA[rel]
    else:
        year = doc.published.year + {"last": -1, "this": 0, "next": 1}[rel]
    day = c.get("day") or c.get("day2")
    if day is not None:  # "22 June last year": the day, not the month
        d = int(re.sub(r"\D", "", day))
        if 1 <= d <= last_day_of_month(year, month).day:
            return Resolution(DateSpan.day(dt.date(year, month, d)), kind="relative")
    return Resolution(DateSpan.month(year, month), kind="relative")


def _bare_month(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    base = doc.published
    if base is None:
        return UNRESOLVED_RELATIVE
    month = _month(c)
    rel = (c.get("rel") or "").lower()
    if "last" in rel or "past" in rel or "previous" in rel:
        year = base.year if month < base.month else base.year - 1
    elif "next" in rel or "coming" in rel or "following" in rel:
        year = base.year if month > base.month else base.year + 1
    elif rel.startswith("this") or "same" in rel:
        year = base.year
    else:
        year = _nearest_year(base, month, None, direction)
    return Resolution(DateSpan.month(year, month), kind="relative", inferred=not rel)


def _year_rule(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    return Resolution(DateSpan.year(_year(c.groups["year"])))


def _spoken_year(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    return Resolution(DateSpan.year(_spoken_value(c.groups["spoken"])))


def _spoken_value(text: str) -> int:
    """ "nineteen ninety-six" -> 1996, "two thousand and two" -> 2002."""
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + sum(lexicon.TENS_WORDS.get(w, lexicon.UNITS_WORDS.get(w, 0)) for w in rest)
    century = lexicon.TENS_WORDS[words[0]] * 100
    rest = words[1:]
    if rest == ["hundred"]:
        return century
    return century + sum(lexicon.TENS_WORDS.get(w, lexicon.UNITS_WORDS.get(w, 0)) for w in rest)


def _year_range(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    first = _year(c.groups["year"])
    last = _year2(first, c.groups["year2"])
    if not first < last <= first + 100:
        return Resolution(None)
    return Resolution(DateSpan.year(first).to(DateSpan.year(last)))


def _decade(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    if c.get("dec"):
        return Resolution(DateSpan.decade(int(c.groups["dec"])))
    if c.get("dec2"):
        short = int(c.groups["dec2"])
    else:
        short = lexicon.DECADE_WORDS[c.groups["decw"].lower()]
    # "the '80s", "the nineties": the latest such decade that has begun by publication.
    base_year = doc.published.year if doc.published else dt.date.today().year
    century = base_year - base_year % 100
    first = century + short if century + short <= base_year else century - 100 + short
    return Resolution(DateSpan.decade(first), kind="relative")


def _century(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    number = (
        int(c.groups["cent"])
        if c.get("cent")
        else lexicon.CENTURY_WORDS[" ".join(c.groups["centw"].lower().replace("-", " ").split())]
    )
    if not 1 <= number <= 21:
        return Resolution(None)
    first = (number - 1) * 100 + 1
    return Resolution(
        DateSpan(dt.date(first, 1, 1), dt.date(first + 99, 12, 31), Precision.CENTURY)
    )


def _quarter_span(year: int, q: int) -> DateSpan:
    return DateSpan.months(year, 3 * (q - 1) + 1, 3, Precision.QUARTER)


def _quarter(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    q = lexicon.ORDINALS.get((c.get("qn") or "").lower()) or int(c.get("qn") or c.groups["qn2"])
    year_text = c.get("year") or c.get("year0")
    if year_text:
        return Resolution(_quarter_span(_year(year_text), q))
    base = doc.published
    if base is None:
        return UNRESOLVED_RELATIVE
    rel = (c.get("rel") or c.get("rel2") or "").lower()
    if rel:
        year = base.year + {"last": -1, "this": 0, "next": 1}[rel]
    else:
        # A quarter named alone is the latest one of that number, unless the tense says ahead.
        current = (base.month - 1) // 3 + 1
        year = base.year if q <= current or direction is Direction.FUTURE else base.year - 1
    return Resolution(_quarter_span(year, q), kind="relative", inferred=not rel)


def _quarter_rel(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    base = doc.published
    if base is None:
        return UNRESOLVED_RELATIVE
    qrel = (c.get("qrel") or "").lower().replace("-", " ")
    det = c.text.lower().split()[0]
    yrel = (c.get("yrel") or "").lower()
    current = (base.year, (base.month - 1) // 3 + 1)
    previous = _shift_quarter(current, -1)
    if c.get("year"):
        anchor = doc.last_quarter or previous
        return Resolution(_quarter_span(int(c.groups["year"]), anchor[1]), kind="anaphoric")
    if (
        "year ago" in qrel
        or "year earlier" in qrel
        or "corresponding" in qrel
        or "comparable" in qrel
    ):
        anchor = doc.last_quarter or previous
        return Resolution(_quarter_span(anchor[0] - 1, anchor[1]), kind="anaphoric", inferred=True)
    if yrel:
        anchor = doc.last_quarter or previous
        offset = {"last": -1, "this": 0, "next": 1}[yrel]
        return Resolution(
            _quarter_span(base.year + offset, anchor[1]), kind="anaphoric", inferred=True
        )
    if c.get("ago"):
        anchor = doc.last_quarter or previous
        return Resolution(_quarter_span(anchor[0] - 1, anchor[1]), kind="anaphoric", inferred=True)
    if qrel == "current":
        y, q = current
    elif det == "this":
        # In results reporting "this quarter" is the one being reported.
        y, q = doc.last_quarter or current
    elif qrel in ("next", "coming") or det == "next":
        y, q = _shift_quarter(current, 1)
    elif qrel in ("previous", "prior", "past", "last", "just ended", "recent") or det == "last":
        y, q = previous
    elif qrel in ("latest",):
        y, q = doc.last_quarter or previous
    else:
        y, q = doc.last_quarter or previous
    return Resolution(_quarter_span(y, q), kind="anaphoric", inferred=True)


def _shift_quarter(yq: tuple[int, int], by: int) -> tuple[int, int]:
    index = yq[0] * 4 + yq[1] - 1 + by
    return index // 4, index % 4 + 1


def _period(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    # "Period" in results reporting is the quarter being discussed; without one it's no date.
    if doc.last_quarter is None:
        if c.get("year"):
            return Resolution(DateSpan.year(_year(c.groups["year"])))
        return Resolution(None)
    y, q = doc.last_quarter
    qrel = (c.get("qrel") or "").lower()
    if c.get("year"):
        y = _year(c.groups["year"])
    elif "ago" in qrel or "earlier" in qrel or "comparable" in qrel or "corresponding" in qrel:
        y -= 1
    return Resolution(_quarter_span(y, q), kind="anaphoric", inferred=True)


def _year_ago(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    if doc.last_quarter is not None:
        y, q = doc.last_quarter
        return Resolution(_quarter_span(y - 1, q), kind="anaphoric", inferred=True)
    if doc.published is None:
        return UNRESOLVED_RELATIVE
    return Resolution(DateSpan.year(doc.published.year - 1), kind="relative")


def _half(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    if c.get("hd"):
        return Resolution(_half_span(_year(c.groups["year2"]), int(c.groups["hd"])))
    half = 1 if c.groups["hn"].lower() == "first" else 2
    if c.get("year"):
        return Resolution(_half_span(_year(c.groups["year"]), half))
    if doc.published is None:
        return UNRESOLVED_RELATIVE
    rel = c.groups["rel"].lower()
    offset = {"last": -1, "this": 0, "next": 1, "the": 0}[rel]
    year = doc.last_year if rel == "the" and doc.last_year else doc.published.year + offset
    return Resolution(_half_span(year, half), kind="relative")


def _half_span(year: int, half: int) -> DateSpan:
    return DateSpan.months(year, 1 if half == 1 else 7, 6, Precision.HALF)


def _season_span(year: int, season: str) -> DateSpan:
    return DateSpan.months(year, lexicon.SEASONS[season], 3, Precision.SEASON)


def _season(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    season = c.groups["season"].lower()
    year_text = c.get("year") or c.get("year2")
    if year_text:
        return Resolution(_season_span(_year(year_text), season))
    base = doc.published
    if base is None:
        return UNRESOLVED_RELATIVE
    rel = (c.get("rel") or "").lower()
    this = _season_span(base.year, season)
    if season == "winter" and base.month <= 2:
        this = _season_span(base.year - 1, season)
    last = _season_span(this.start.year - 1, season)
    nxt = _season_span(this.start.year + 1, season)
    if "last" in rel or "past" in rel:
        span = last if this.end >= base else this
    elif "next" in rel or "coming" in rel:
        span = nxt if this.start <= base else this
    elif rel.startswith("this"):
        span = this
    elif direction is Direction.PAST:
        span = this if this.start <= base else last
    elif direction is Direction.FUTURE:
        span = this if this.end >= base else nxt
    else:
        span = this
    return Resolution(span, kind="relative", inferred=not rel)


_UNIT_REL_OFFSET = {
    "this": 0, "last": -1, "next": 1, "the past": -1, "the previous": -1, "the prior": -1,
    "the preceding": -1, "the coming": 1, "the following": 1, "the current": 0, "the latest": 0,
    "this past": -1, "this coming": 1, "the next": 1, "the same": 0, "that": 0, "the": 0,
    "the full": 0,
}  # fmt: skip


def _unit_rel(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    base = doc.published
    if base is None:
        return UNRESOLVED_RELATIVE
    unit = c.groups["unit"].lower()
    rel = " ".join((c.get("rel") or "the").lower().split())
    offset = _UNIT_REL_OFFSET.get(rel, 0)
    anaphoric = rel in ("that", "the same", "the following", "the")
    if anaphoric and direction is Direction.FUTURE:
        # "…could be ready by the end of the month": a sentence looking ahead does not
        # mean a month (year) the article mentioned that is already past ("last November").
        if doc.last_month is not None and doc.last_month < (base.year, base.month):
            anaphoric = unit != "month"
        if unit == "year" and doc.last_year is not None and doc.last_year < base.year:
            anaphoric = False
    if unit == "year":
        if anaphoric and doc.last_year is not None:
            year = doc.last_year + (1 if rel == "the following" else 0)
        else:
            year = base.year + offset
        hn = (c.get("hn") or "").lower()
        if hn:
            return Resolution(_half_span(year, 1 if hn == "first" else 2), kind="relative")
        return Resolution(DateSpan.year(year), kind="relative")
    if unit == "month":
        y, m = base.year, base.month
        if anaphoric and doc.last_month is not None:
            (y, m), offset = doc.last_month, (1 if rel == "the following" else 0)
        index = y * 12 + m - 1 + offset
        return Resolution(DateSpan.month(index // 12, index % 12 + 1), kind="relative")
    if unit == "weekend":
        # The weekend just gone unless the sentence looks ahead.
        days_to_saturday = (5 - base.weekday()) % 7
        upcoming = base + dt.timedelta(days=days_to_saturday)
        if offset < 0 or (offset == 0 and direction is not Direction.FUTURE and base.weekday() < 5):
            saturday = upcoming - dt.timedelta(days=7)
        else:
            saturday = upcoming + dt.timedelta(days=7 * max(offset, 0))
        if base.weekday() >= 5 and offset == 0:
            saturday = base - dt.timedelta(days=base.weekday() - 5)
        return Resolution(
            DateSpan(saturday, saturday + dt.timedelta(days=1), Precision.DAY), kind="relative"
        )
    return Resolution(DateSpan.week_of(base + dt.timedelta(weeks=offset)), kind="relative")


def _weekend(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    return Resolution(None)  # a bare "weekend" ("weekend trips") names no particular one


def _year_in(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    base = doc.published
    if base is None:
        return UNRESOLVED_RELATIVE
    unit = c.groups["unit"].lower()
    if unit == "year":
        return Resolution(DateSpan.year(doc.last_year or base.year), kind="relative")
    if unit == "month":
        return Resolution(DateSpan.month(base.year, base.month), kind="relative")
    return Resolution(DateSpan.week_of(base), kind="relative")


def _year_end(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    if doc.published is None:
        return UNRESOLVED_RELATIVE
    return Resolution(DateSpan.year(doc.published.year), kind="relative")


def _decade_rel(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    if doc.published is None:
        return UNRESOLVED_RELATIVE
    rel = c.groups["rel"].lower()
    year = doc.published.year
    if c.groups["unit"].lower() == "century":
        number = (year - 1) // 100 + 1 + (1 if rel in ("next", "coming") else 0)
        first = (number - 1) * 100 + 1
        return Resolution(
            DateSpan(dt.date(first, 1, 1), dt.date(first + 99, 12, 31), Precision.CENTURY),
            kind="relative",
        )
    shift = {"next": 10, "coming": 10, "last": -10, "past": -10, "previous": -10}.get(rel, 0)
    first = year - year % 10 + shift
    return Resolution(DateSpan.decade(first), kind="relative")


_VAGUE_COUNTS = frozenset({"a few", "few", "several", "many", "some", "a couple of"})


def _ago(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    base = doc.published
    n_text = " ".join(c.groups["n"].lower().split())
    if n_text in _VAGUE_COUNTS:
        forward = c.groups["dir"].lower() in ("later", "from now", "hence")
        return Resolution(None, Reference.FUTURE if forward else Reference.PAST, "reference")
    if base is None:
        return UNRESOLVED_RELATIVE
    n = int(n_text) if n_text.isdigit() else lexicon.NUMBERS.get(n_text, 1)
    unit = c.groups["unit"].lower()
    sign = 1 if c.groups["dir"].lower() in ("later", "from now", "hence") else -1
    if unit == "day":
        parsed = parse_day(f"{n} days {'ago' if sign < 0 else 'later'}", base, None)
        d = parsed or base + dt.timedelta(days=sign * n)
        return Resolution(DateSpan.day(d), kind="relative")
    if unit == "week":
        return Resolution(DateSpan.week_of(base + dt.timedelta(weeks=sign * n)), kind="relative")
    if unit == "month":
        index = base.year * 12 + base.month - 1 + sign * n
        return Resolution(DateSpan.month(index // 12, index % 12 + 1), kind="relative")
    if unit == "year":
        if doc.last_quarter is not None and n == 1 and sign < 0:
            # Results reporting: "up from $3 million a year earlier" compares quarters.
            y, q = doc.last_quarter
            return Resolution(_quarter_span(y - 1, q), kind="anaphoric", inferred=True)
        return Resolution(DateSpan.year(base.year + sign * n), kind="relative")
    if unit == "decade":
        year = base.year + sign * 10 * n
        return Resolution(DateSpan.decade(year - year % 10), kind="relative")
    return Resolution(None, Reference.PAST if sign < 0 else Reference.FUTURE, "reference")


def _day_rel(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    base = doc.published
    if base is None:
        return UNRESOLVED_RELATIVE
    rel = c.groups["rel"].lower()
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[rel]
    ba = (c.get("ba") or "").lower()
    offset += -1 if ba == "before" else 1 if ba == "after" else 0
    return Resolution(DateSpan.day(base + dt.timedelta(days=offset)), kind="relative")


def _calendar_text(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
    """ISO and numeric dates ("2021-11-23", "12/15/2021"): dateparser reads them whole."""
    d = parse_day(c.text, None, None)
    return Resolution(DateSpan.day(d) if d else None)


Handler = Callable[[Candidate, DocumentTime, Direction | None], Resolution]


def _reference(kind: Reference) -> Handler:
    def handler(c: Candidate, doc: DocumentTime, direction: Direction | None) -> Resolution:
        return Resolution(None, kind, "reference")

    return handler


_HANDLERS: dict[str, Handler] = {
    "weekday": _weekday,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_day_range": _day_range,
    "day_month_range": _day_range,
    "month_year": _month_year,
    "month_rel_year": _month_rel_year,
    "month": _bare_month,
    "year": _year_rule,
    "spoken_year": _spoken_year,
    "year_range": _year_range,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "quarter_code": _quarter,
    "quarter_rel": _quarter_rel,
    "period": _period,
    "year_ago": _year_ago,
    "half": _half,
    "season": _season,
    "week": _unit_rel,
    "weekend": _weekend,
    "month_rel": _unit_rel,
    "year_rel": _unit_rel,
    "year_in": _year_in,
    "year_end": _year_end,
    "decade_rel": _decade_rel,
    "ago": _ago,
    "day_rel": _day_rel,
    "iso": _calendar_text,
    "numeric": _calendar_text,
    "present": _reference(Reference.PRESENT),
    "past": _reference(Reference.PAST),
    "future": _reference(Reference.FUTURE),
}
