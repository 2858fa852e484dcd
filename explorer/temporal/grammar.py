"""The date grammar: one regular expression per kind of expression.

Spans follow the TimeML convention news annotators use: the expression with its determiner and
modifiers ("the third quarter", "early next year"), without the preposition ("in", "on").
Month and weekday names are matched case-sensitively, so the modal "may" never becomes May.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CS = "(?-i:{})"  # a case-sensitive piece inside an otherwise case-insensitive pattern

MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MONTH = _CS.format(
    rf"(?:(?:{MONTH_FULL})\b|(?:{MONTH_ABBR})(?:\.|\b(?=\s+\d))|(?:{MONTH_FULL.upper()})\b)"
)
WEEKDAY = _CS.format(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)\b"
)
DAY = r"(?<![\d.,])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d]|,\d)"
YEAR4 = r"(?<![\d.,$£€#])(?:1[0-9]\d\d|20\d\d)(?![\d]|[.,]\d)"
# After a month and day, a year past 2099 is still a year when a comma sets it off and no word
# follows ("until December 31, 9999."): "on March 5, 3000 troops" is a count.
DAY_YEAR = (
    r"(?:(?<![\d.,$£€#])(?:1[0-9]\d\d|20\d\d)(?![\d]|[.,]\d)"
    r"|(?<=,)\s*[2-9]\d\d\d(?=\s*(?:[.,;:)\]\"'’”]|$))|(?<=, )[2-9]\d\d\d(?=\s*(?:[.,;:)\]\"'’”]|$)))"
)
TO = r"\s*(?:-|–|—|to|through|until|till)\s*"
MOD = (
    r"(?:early|mid|late|the\s+(?:very\s+)?(?:beginning|start|end|middle|close|turn|first\s+part"
    r"|last\s+part|latter\s+part)\s+of)"
)
REL_UNIT = (
    r"(?:this|last|next|the\s+past|the\s+previous|the\s+prior|the\s+preceding|the\s+coming"
    r"|the\s+following|the\s+current|the\s+latest|this\s+past|this\s+coming|the\s+same|the\s+next"
    r"|the\s+full"
    r"|that|the)"
)
UNIT_MOD = (
    r"(?:earlier|later|early|late|sometime|the\s+(?:very\s+)?(?:end|beginning|start|middle|rest"
    r"|remainder|balance)\s+of)"
)
COUNT = (
    r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|a\s+couple\s+of|a\s+few|few|several|many|some|a\s+dozen)"
)
DECADE_WORD = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
SPOKEN_UNIT = "one|two|three|four|five|six|seven|eight|nine"
SPOKEN_TENS = (
    "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
    "|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
SPOKEN_YEAR = (
    rf"(?:nineteen|twenty)[\s-](?:(?:{SPOKEN_TENS})(?:[\s-](?:{SPOKEN_UNIT}))?|hundred)"
    rf"|two\s+thousand\s+and\s+(?:{SPOKEN_UNIT}|{SPOKEN_TENS})"
    # A bare "two thousand" before a word is a count ("two thousand dockworkers"); as a
    # year it ends a phrase ("in two thousand."), or follows "the year" ("the year two
    # thousand problem").
    r"|two\s+thousand(?:(?<=year two thousand)|(?![ \t]+[a-z]))"
)
QNUM = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    # The rule can only match a text that holds one of these (lower-case) strings; checking
    # that first skips most rules for most articles.
    requires: tuple[str, ...] = ()
    # Every match holds a match of this (lower-case) pattern, so the rule only runs near one:
    # a month rule near month names, not near every number and "year" in the article.
    anchor: str = ""


# Anchors, matched in the lower-cased text.
MONTH_ANCHOR = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
WEEKDAY_ANCHOR = r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
YEAR_ANCHOR = r"(?:1\d|20)\d\d"  # every rule anchored here holds a four-digit year


def _rule(name: str, pattern: str, requires: tuple[str, ...] = (), anchor: str = "") -> Rule:
    compiled = re.compile(rf"(?<![\w'-])(?:{pattern})(?![\w-]|'\w\w)", re.IGNORECASE)
    if not anchor and requires:
        # Every match holds one of the words it requires: run it only near them.
        anchor = "|".join(re.escape(word) for word in requires)
    return Rule(name, compiled, requires, anchor or _OWN_ANCHORS.get(name, ""))


# Anchors of the rules that require no word (their matches still hold one of these).
_OWN_ANCHORS = {
    "present": r"now|current|present|these\s+days|moment",
    "past": r"recent|lately|past",
    "future": r"future|soon|term|coming",
    "decade": r"\d0'?s|ties\b",
}


RULES: tuple[Rule, ...] = (
    _rule(
        "weekday",
        rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following"
        rf"|the\s+next|coming|early|late|earlier|later)\s+)?(?P<wd>{WEEKDAY})"
        rf"(?:\s+(?:morning|afternoon|evening|night))?"
        rf"(?:,?\s+(?P<mon>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{DAY_YEAR}))?"
        rf"|,?\s+(?:the\s+)?(?P<day2>{DAY})\s+(?:of\s+)?(?P<mon2>{MONTH})(?:,?\s+(?P<year2>{DAY_YEAR}))?)?",
        anchor=WEEKDAY_ANCHOR,
    ),
    _rule(
        "month_day",
        # "this May 26", "last June 3": the word says which way the day lies
        rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?"
        rf"(?:(?P<mod>{MOD})[\s-]*)?(?P<mon>{MONTH})\s+(?P<day>{DAY})"
        rf"(?:(?:\s*,\s*|\s+)(?P<year>{DAY_YEAR}))?",
        anchor=MONTH_ANCHOR,
    ),
    _rule(
        "day_month",
        rf"(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH})(?:,?\s+(?P<year>{DAY_YEAR}))?",
        anchor=MONTH_ANCHOR,
    ),
    _rule(
        "month_day_range",
        rf"(?P<mon>{MONTH})\s+(?P<day>{DAY}){TO}(?P<day2>{DAY})"
        rf"(?:(?:\s*,\s*|\s+)(?P<year>{YEAR4}))?",
        anchor=MONTH_ANCHOR,
    ),
    _rule(
        "day_month_range",
        rf"(?P<day>{DAY})(?:{TO}|\s+and\s+)(?P<day2>{DAY})\s+(?P<mon>{MONTH})"
        rf"(?:,?\s+(?P<year>{YEAR4})|\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year)?",
        anchor=MONTH_ANCHOR,
    ),
    _rule(
        "month_year",
        rf"(?:(?P<mod>{MOD})[\s-]*)?(?P<mon>{MONTH}),?\s+(?:of\s+)?"
        rf"(?:(?P<year>{YEAR4})|(?P<spoken>{SPOKEN_YEAR}))",
        anchor=MONTH_ANCHOR,
    ),
    _rule(
        "month_rel_year",
        # "June last year", and with its day: "22 June last year", "June 22 of last year"
        rf"(?:(?P<day>{DAY})(?:\s+of)?\s+)?(?:(?P<mod>{MOD})[\s-]*)?(?P<mon>{MONTH})"
        rf"(?:\s+(?P<day2>{DAY}))?,?\s+(?:of\s+)?"
        rf"(?P<rel>last|this|next|that|the\s+same|the\s+following|the\s+previous)\s+year",
        requires=("year",),
        anchor=MONTH_ANCHOR,
    ),
    _rule(
        "month",
        rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following"
        rf"|the\s+next|the\s+same)\s+)?(?:(?P<mod>{MOD})[\s-]*)?(?P<mon>{MONTH})",
        anchor=MONTH_ANCHOR,
    ),
    _rule(
        "year",
        rf"(?:(?P<mod>{MOD})[\s-]*)?(?:(?P<fiscal>fiscal|calendar|FY)(?:\s+year)?[\s-]*)?"
        rf"(?P<year>{YEAR4})",
        anchor=YEAR_ANCHOR,
    ),
    _rule(
        "spoken_year",
        rf"(?:the\s+year\s+)?(?P<spoken>{SPOKEN_YEAR})",
        requires=("nineteen", "twenty", "thousand"),
    ),
    _rule(
        "year_range",
        rf"(?P<year>{YEAR4})\s*(?:-|–|—|/)\s*(?P<year2>{YEAR4}|\d\d)",
        requires=("-", "–", "—", "/"),
        anchor=YEAR_ANCHOR,
    ),
    _rule(
        "decade",
        rf"(?:the\s+)?(?:(?P<mod>{MOD}|early|mid|late)[\s-]+(?:the\s+)?)?"
        rf"(?:(?P<dec>1[0-9]\d0|20\d0)'?s|'(?P<dec2>\d0)s)"
        rf"|the\s+(?:(?P<modw>early|mid|late)[\s-]+)?(?P<decw>{DECADE_WORD})",
    ),
    _rule(
        "century",
        r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)[\s-]+century"
        r"|the\s+(?P<centw>eighteenth|nineteenth|twentieth|twenty[\s-]first)\s+century",
        requires=("century",),
    ),
    _rule(
        "quarter",
        rf"(?:(?P<rel>this|last|next)\s+year'?s\s+|(?:the\s+)?(?P<year0>{YEAR4})(?:'s)?\s+"
        rf"|the\s+|its\s+|a\s+|(?:the\s+)?fiscal[\s-]+)?"
        rf"(?:(?:fiscal|calendar)[\s-]+)?(?P<qn>{QNUM})[\s-]+(?:fiscal[\s-]+)?quarter"
        rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{YEAR4})|\s+of\s+(?P<rel2>this|last|next)\s+year)?",
        requires=("quarter",),
    ),
    _rule(
        "quarter_code",
        rf"(?-i:Q(?P<qn>[1-4]))(?:\s*(?:of\s+)?(?P<year>{YEAR4}))?|(?P<year0>{YEAR4})\s*(?-i:Q(?P<qn2>[1-4]))",
        requires=("q1", "q2", "q3", "q4"),
    ),
    _rule(
        "quarter_rel",
        r"(?:(?P<yrel>this|last|next)\s+year'?s\s+|the\s+(?P<year>(?:19|20)\d\d)\s+|the\s+|this\s+"
        r"|that\s+|its\s+|last\s+|next\s+)"
        r"(?:(?P<qrel>latest|current|previous|prior|past|coming|next|last|same|recent|just[\s-]ended"
        r"|fiscal|(?:comparable\s+)?year[\s-](?:ago|earlier)|corresponding|comparable)\s+)?quarter"
        r"(?P<ago>\s+a\s+year\s+(?:ago|earlier))?",
        requires=("quarter",),
    ),
    _rule(
        "period",
        rf"(?:the\s+)?(?:(?P<qrel>latest|same|(?:comparable\s+)?year[\s-](?:ago|earlier)|comparable"
        rf"|corresponding)|(?P<year>{YEAR4}))\s+period",
        requires=("period",),
    ),
    _rule("year_ago", r"(?P<qrel>year[\s-](?:ago|earlier))", requires=("year",)),
    _rule(
        "half",
        rf"(?:the\s+)?(?P<hn>first|second|last|latter)\s+half\s+of\s+(?:(?:the\s+)?(?P<year>{YEAR4})"
        rf"|(?P<rel>this|last|next|the)\s+(?:fiscal\s+)?year)"
        rf"|(?-i:H(?P<hd>[12]))\s*(?P<year2>{YEAR4})",
        requires=("half", "h1", "h2"),
    ),
    _rule(
        "season",
        r"(?:(?P<rel>this|last|next|this\s+past|this\s+coming|the\s+past|the\s+coming|the\s+next"
        r"|the)\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?-i:(?P<season>spring|summer|autumn|fall|winter))"
        rf"(?:\s+of\s+(?P<year>{YEAR4})|\s+(?P<year2>{YEAR4}))?",
        requires=("spring", "summer", "autumn", "fall", "winter"),
    ),
    _rule(
        "week",
        rf"(?:(?P<mod>{UNIT_MOD})\s+)?(?P<rel>{REL_UNIT})\s+(?P<unit>week(?:end)?)",
        requires=("week",),
    ),
    _rule("weekend", r"(?P<unit>weekend)", requires=("weekend",)),
    _rule(
        "month_rel",
        rf"(?:(?P<mod>{UNIT_MOD})\s+)?(?P<rel>{REL_UNIT})\s+(?P<unit>month)",
        requires=("month",),
    ),
    _rule(
        "year_rel",
        rf"(?:(?P<mod>{UNIT_MOD}|the\s+(?P<hn>first|second|last)\s+half\s+of)\s+)?(?P<rel>{REL_UNIT})"
        r"\s+(?:(?P<fiscal>fiscal|calendar)[\s-]+)?(?P<unit>year)",
        requires=("year",),
    ),
    _rule(
        "year_in",
        r"(?P<mod>earlier|later|early|late)\s+in\s+the\s+(?P<unit>year|month|week)",
        requires=("year", "month", "week"),
    ),
    _rule(
        "year_end",
        r"(?:the\s+)?year(?:'s)?[\s-]end|(?:the\s+)?end\s+of\s+the\s+year",
        requires=("year",),
    ),
    _rule(
        "decade_rel",
        r"(?:the\s+)?(?P<rel>past|last|previous|next|coming|this|current)\s+(?P<unit>decade|century)",
        requires=("decade", "century"),
    ),
    _rule(
        "ago",
        rf"(?:(?P<approx>nearly|almost|about|some|more\s+than|over|just|only|roughly|around|barely"
        rf"|less\s+than|exactly)\s+)?(?P<n>{COUNT})\s+(?P<unit>day|week|month|year|decade|century)s?"
        r"\s+(?P<dir>ago|earlier|before|later|from\s+now|hence|previously|back)",
        requires=(
            "ago",
            "earlier",
            "before",
            "later",
            "from now",
            "hence",
            "previously",
            "back",
        ),
    ),
    _rule(
        "day_rel",
        r"(?:(?P<mod>earlier|later|late|early)\s+)?(?:the\s+day\s+(?P<ba>before|after)\s+)?"
        r"(?P<rel>yesterday|today|tomorrow|tonight)(?:\s+(?:morning|afternoon|evening|night))?",
        requires=("yesterday", "today", "tomorrow", "tonight"),
    ),
    _rule(
        "iso",
        rf"(?P<year>{YEAR4})-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])",
        requires=("-",),
        anchor=YEAR_ANCHOR,
    ),
    _rule(
        "numeric",
        r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)",
        requires=("/",),
        anchor=YEAR_ANCHOR,
    ),
    _rule(
        "present",
        r"right\s+now|now|currently|at\s+present|nowadays|these\s+days|presently"
        r"|at\s+the\s+moment|the\s+present(?=\s+(?:day|time)|[.,;])(?:\s+(?:day|time))?"
        r"|current(?=\s+(?!account|affairs|events|flows?|issue)[a-z])",  # "current prices"
    ),
    _rule(
        "past",
        r"recently|lately|more\s+recently|the\s+past(?=[\s.,;:])"
        r"(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty"
        r"|week|month|year|decade|quarter|century|day|days|weeks|months|years))"
        r"|recent\s+(?:years|months|weeks|days|times|decades)|recent(?=\s+[a-z])",
    ),
    _rule(
        "future",
        r"the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short)[\s-]term"
        r"|soon|the\s+coming\s+(?:years|months|weeks|days|decades)"
        r"|coming\s+(?:years|months|weeks|days|decades|quarters)|future\s+quarters",
    ),
)

RULE_BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}
