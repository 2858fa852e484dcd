"""Candidate expressions: every rule's matches, traps removed, longest first."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from explorer.temporal import lexicon
from explorer.temporal.grammar import RULES


@dataclass(frozen=True)
class Candidate:
    rule: str
    start: int
    end: int
    text: str
    groups: dict[str, str]  # the named groups that matched, lower-cased values kept as written

    def get(self, name: str) -> str | None:
        return self.groups.get(name)


# Regions where nothing is a date: addresses, copyright notices.
_MASKS = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+"
    r"|(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))"
    r"[^\n]{0,150}?(?=(?<![\s.][A-Z])[.!?]\s+[A-Z]|\n|$)",
    re.IGNORECASE,
)
# Titles of papers and programmes that hold a date word: "USA Today", "Fox News Sunday", the
# "Sunday Times", NBC's "Today" show. Written capitalised, so matched so.
_MEDIA_NAMES = re.compile(
    r"\bUSA\s+Today\b|\bNews\s+Sunday\b|\b(?:Mail|Independent|Observer|Scotland)\s+on\s+Sunday\b"
    r"|\b(?:Sunday|Saturday|Monday)\s+(?:Times|Telegraph|Herald|Mirror|Express|Post|Tribune"
    r"|Independent|Star|Mail|People|Sport|World|Business|Night\s+Live|Morning)\b"
    r"|[\"“]Today[\"”](?:\s+(?:show|programme|program))?|\bToday\s+(?:show|programme|program)\b"
)
_WORD_BEFORE = re.compile(r"([\w.#]+)\W*$")
_WORD_AFTER = re.compile(r"^[\s-]*([\w/]+)")
_TEMPORAL_PREPS = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "from",
        "through",
        "to",
        "during",
        "before",
        "after",
        "of",
        "last",
        "this",
        "next",
        "early",
        "late",
        "mid",
        "between",
        "and",
        "or",
        "around",
        "about",
        "circa",
        "throughout",
        "following",
        "for",
        "on",
        "the",
        "beginning",
        "end",
    ]
)
_MONTHS_NEEDING_CONTEXT = frozenset({"may", "march", "may.", "mar."})
_BARE_SEASONS_NEEDING_CONTEXT = frozenset({"fall", "spring"})
# Words after a season that leave it a time ("by winter and", "this summer when …"); any other
# lower-case word after a bare season is the noun it qualifies ("winter flu", "summer job").
_AFTER_A_SEASON = frozenset(
    re.findall(
        r"\w+",
        "and or but of in on at to for when as is was will has had the a an this that with by "
        "after before until if while months weeks season he she they we i you it his her their "
        "its our my there were are be been would could should may might can did does do so then "
        "now also only just again too",
    )
)


# Every expression holds one of these words or a number; the rules only run near them, which
# keeps the tagger several times faster than scanning every position of the text with each rule.
_ANCHORS = re.compile(
    r"\b(?:1\d|20)\d\d|\d0'?s\b|\d/\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|year"
    r"|quarter|week|month|decade|century|spring|summer|autumn|fall|winter|now|current|recent"
    r"|previous|formerly|lately|past|future|soon|term|ago|today|yesterday|tomorrow|tonight"
    r"|nineteen|twenty|two\s+thousand|twenties|thirties|forties|fifties|sixties|seventies"
    r"|eighties|nineties|period|half|eighteenth|moment|present|days|nowadays|q[1-4]|h[12])",
)
_ANCHORS_ANY_CASE = re.compile(_ANCHORS.pattern, re.IGNORECASE)
_MARGIN = 64


def _windows(text: str, lowered: str, anchors: re.Pattern[str] = _ANCHORS) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    # A case-sensitive scan of the lower-cased text is several times faster than IGNORECASE;
    # lower() may change the length of some non-ASCII text, which then takes the slow scan.
    same = len(lowered) == len(text)
    if not same:
        anchors = re.compile(anchors.pattern, re.IGNORECASE)
    size = len(text)
    for m in anchors.finditer(lowered if same else text):
        start, end = m.start() - _MARGIN, m.end() + _MARGIN
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], min(size, end))
        else:
            windows.append((max(0, start), min(size, end)))
    return windows


_RULE_ANCHORS = {a: re.compile(a) for a in {r.anchor for r in RULES if r.anchor}}


def find(text: str) -> list[Candidate]:
    spans = [(m.start(), m.end()) for m in _MASKS.finditer(text)]
    if "day" in text:  # every name _MEDIA_NAMES knows holds "Today" or a weekday
        spans = _merged(spans + [(m.start(), m.end()) for m in _MEDIA_NAMES.finditer(text)])
    masked = _Masks(spans)
    found: list[Candidate] = []
    lowered = text.lower()
    windows: dict[str, list[tuple[int, int]]] = {}  # by anchor, made when a rule needs them
    for rule in RULES:
        if rule.requires and not any(word in lowered for word in rule.requires):
            continue
        if rule.anchor not in windows:
            windows[rule.anchor] = (
                _windows(text, lowered, _RULE_ANCHORS[rule.anchor])
                if rule.anchor
                else _windows(text, lowered)
            )
        for m in _in_windows(rule.pattern, text, windows[rule.anchor]):
            if m.end() == m.start():
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            cand = Candidate(rule.name, m.start(), m.end(), m.group(0), groups)
            if masked.touches(cand.start, cand.end) or not _plausible(cand, text):
                continue
            found.append(cand)
    return _longest_first(found)


def _in_windows(
    pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The regions in order, overlapping ones joined: what ``_Masks`` expects."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


class _Masks:
    """Masked regions (as ``finditer`` gives them: in order, apart), asked whether a candidate
    starts or ends inside one by bisection, not by a scan of every region."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = spans
        self._starts = [s for s, _ in spans]

    def touches(self, start: int, end: int) -> bool:
        """Whether a region ``s, e`` has ``s <= start < e`` or ``s < end <= e``."""
        k = bisect.bisect_right(self._starts, start) - 1  # the last region with s <= start
        if k >= 0 and start < self._spans[k][1]:
            return True
        k = bisect.bisect_left(self._starts, end) - 1  # the last region with s < end
        return k >= 0 and end <= self._spans[k][1]


def _longest_first(found: list[Candidate]) -> list[Candidate]:
    chosen: list[Candidate] = []
    # The chosen spans never overlap, so by start they are in order of their ends too: a
    # candidate overlaps one of them exactly when it overlaps the last that starts before its
    # end. Kept sorted by start, they are searched by bisection.
    starts: list[int] = []
    ends: list[int] = []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        k = bisect.bisect_left(starts, c.end)  # spans before k start before c ends
        if k > 0 and c.start < ends[k - 1]:
            continue
        chosen.append(c)
        starts.insert(k, c.start)
        ends.insert(k, c.end)
    return sorted(chosen, key=lambda c: c.start)


def word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, pos - 40) : pos])
    return m.group(1).lower() if m else ""


def word_after(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text[pos : pos + 40])
    return m.group(1) if m else ""


def _plausible(c: Candidate, text: str) -> bool:
    """Reject matches that read as counts, labels, names or verbs rather than dates."""
    before = word_before(text, c.start)
    after = word_after(text, c.end)
    if c.rule == "year":
        return _plausible_year(c, text, before, after)
    if c.rule in ("year_range", "month_year", "spoken_year"):
        if after.lower() in lexicon.COUNT_NOUNS or before in lexicon.LABEL_WORDS:
            return False
        if c.rule == "spoken_year":
            # Broadcast copy writes years out: "in nineteen ninety-six", "Atlanta, nineteen
            # ninety-six.", "a nineteen ninety-seven attack"; a count would name what it counts.
            return (
                before in _TEMPORAL_PREPS
                or c.text.lower().startswith("the year")
                or after.lower() not in lexicon.COUNT_NOUNS
            )
        return True
    if c.rule == "month" and not c.get("rel") and not c.get("mod"):
        mon = c.groups["mon"].lower()
        if mon in _MONTHS_NEEDING_CONTEXT and before not in _TEMPORAL_PREPS:
            return False
        # "June Carter", "August Strindberg": a bare month name followed by a name.
        return not (after[:1].isupper() and after.lower() not in _CAPITAL_OK)
    bare = not c.get("rel") or str(c.get("rel")).lower() == "the"
    if c.rule == "season" and bare and not (c.get("year") or c.get("year2")):
        if (
            after.isalpha()
            and after.islower()
            and after not in _AFTER_A_SEASON
        ):
            return False  # "an ordinary winter flu virus", "a summer job": a kind, not a time
        if c.get("rel"):
            return True  # "the summer", "the winter": a time
        return c.groups["season"].lower() not in _BARE_SEASONS_NEEDING_CONTEXT
    if c.rule == "year_rel" and c.text.lower() == "the year" and _AWARD.search(
        text, max(0, c.start - 24), c.start
    ):
        return False  # "campaign of the year", "player of the year": an award, not a time
    if c.rule in ("week", "month_rel", "year_rel") and c.groups["unit"][:1].isupper():
        # "This Week" mid-sentence is a programme's or a column's name, not a time.
        return c.start == 0 or text[max(0, c.start - 2) : c.start].strip() in (".", "\n", "")
    if c.rule == "ago" and c.groups["dir"].lower() == "before":
        # "six days before Putin's trip" counts from another event, not from the article.
        return not (after[:1].isalnum() and after.lower() not in ("and", "but", "when"))
    if c.rule in ("day_month", "month_day") and c.get("year") is None:
        # "3 March" is a date, "3 Mar" is too, but "7 May" after a count word is a measure.
        return after.lower() not in lexicon.COUNT_NOUNS
    if c.rule != "weekday" or c.get("rel"):
        return True
    if before.lower() == "the" and after[:1].isupper() and after.lower() not in _CAPITAL_OK:
        # "the Sunday New York Times", "the Monday Club": the day names a paper or a society
        return after.rstrip(",.").lower() in lexicon.MONTHS
    # "Good Friday", "Easter Monday", "Black Friday": a feast or a named day, whose date is no
    # weekday counted from the article's (and whose year the article may not say)
    return not _FEAST.search(text, max(0, c.start - 14), c.start)


# Capitalised, as the names are: "a good Friday for the market" is a Friday.
_FEAST = re.compile(
    r"\b(?:Good|Easter|Palm|Ash|Maundy|Holy|Black|Cyber|Bloody|Super|Whit|Shrove|Trinity"
    r"|Thanksgiving)\s+$"
)


_AWARD = re.compile(
    r"\b(?:campaign|player|person|man|woman|album|song|book|car|company|team|coach|athlete|story"
    r"|word|ad|product|firm|deal|game|goal|rookie|manager|teacher|artist|film|movie|writer"
    r"|photographer|journalist|restaurant|brand)s?\s+of\s+$",
    re.IGNORECASE,
)
_CAPITAL_OK = frozenset({"i", "a", "the", "in", "on", "at", "and", "but", "as", "this", "it"})


def _plausible_year(c: Candidate, text: str, before: str, after: str) -> bool:
    if c.get("mod") or c.get("fiscal"):
        return True
    value = int(c.groups["year"])
    prev_char = text[c.start - 1] if c.start > 0 else " "
    next_text = text[c.end : c.end + 2]
    if prev_char in "-/:" or next_text.startswith(("-", "/", ":", "%", "+")):
        return False  # "COVID-2019", "7000-word", "10:2020", "2020%"
    if before in lexicon.LABEL_WORDS or after.lower() in lexicon.COUNT_NOUNS:
        return False
    if after.lower() in ("percent", "per", "times", "more", "less", "fewer"):
        return False  # "roughly 2000 more dilute", "2000 times the dose": a count
    if _AGE.match(text, c.end):
        return False  # "a 2000 year old tradition": an age, not a year
    return not (value < 1800 and before not in _TEMPORAL_PREPS)


_AGE = re.compile(r"[\s-]+years?[\s-]+old\b", re.IGNORECASE)
