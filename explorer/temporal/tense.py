"""Which way an expression without a year points: back from the publication date, or ahead.

The nearest tense marker to the expression in its sentence decides: "Xi said on Monday that Putin
will visit" makes Monday past (``said`` is nearer) and "will visit on 4 February" future.
"""

from __future__ import annotations

import bisect
import enum
import re

from explorer.language.english import IRREGULAR_PAST


class Direction(enum.Enum):
    PAST = "past"
    FUTURE = "future"


_FUTURE = re.compile(
    r"\b(?:will|won't|shall|wo n't|going\s+to|is\s+to|are\s+to|upcoming|forthcoming"
    r"|scheduled|set\s+to|due\s+to|plans?\s+to|planned|planning|intends?\s+to|expected\s+to"
    r"|expects|to\s+be\s+held|next|coming|awaits?|awaited|ahead(?!\s+of)|later\s+this|tomorrow"
    # News writes a scheduled event in the present: "the council meets Tuesday".
    r"|meets|begins?|opens|starts|resumes?|convenes?|arrives|visits|hosts|faces|plays|travels"
    r"|supposed\s+to|aims?\s+to|hopes?\s+to|seeks?\s+to|wants?\s+to|in\s+order\s+to"
    r"|(?:un)?likely\s+to|as\s+soon\s+as"
    # A decision taken is a past verb, what it decides lies ahead: "agreed to buy it in May".
    r"|(?:agreed|decided|voted|promised|pledged|offered|vowed|proposed|sought|threatened"
    r"|hoped|intended|undertook|resolved)\s+to\s+(?!the\b|a\b|an\b)(?-i:[a-z]+)"
    r"|is\s+meeting|are\s+meeting|is\s+visiting|is\s+expected|are\s+expected"
    # a change announced with the day it takes effect: "the new pact, effective June 1"
    r"|effective)\b"
    r"|'ll\b",
    re.IGNORECASE,
)
# "would" is a conditional ("would the talks on Tuesday change anything?") except in reported
# speech, where it is the future seen from the saying: "the bank said it would pay in January".
_REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|told|announced|added|stated|predicted|indicated|forecast|warned|promised)"
    r"\b[^.;?]{0,60}?\b(would|'d)\b",
    re.IGNORECASE,
)
# A market day named by its result ("Thursday's close", "Friday's session") has been traded.
_MARKET_DAY = re.compile(
    r"^['’]s\s+(?:close|closing|trading|session|level|high|low|gains?|loss(?:es)?|drop|rise"
    r"|fall|decline|rally|sell-?off|slide|plunge|jump|surge)\b",
    re.IGNORECASE,
)
# "Since May" always looks back, whatever the verb; "by", "until" and "through" go either way
# ("had filed by Wednesday", "will finish by August") and are left to the verb.
_BACK = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?\s*)?$", re.IGNORECASE)
_PAST = re.compile(
    rf"\b(?:{'|'.join(sorted(IRREGULAR_PAST))}|ago|last|earlier|since|yesterday"
    r"|(?-i:(?![a-z]*(?:need|ceed|feed|speed|seed|indeed|heed|bleed|breed)\b)[a-z]{2,}ed))\b",
    re.IGNORECASE,
)


_REACH = 80  # characters
# A marker in another clause than the expression's (past a comma, a semicolon, a dash or a
# bracket) tells that clause's tense: "the talks, which are due to end by May, asked the two
# towns back" is about May ahead. It still counts, as if this much further away.
_OTHER_CLAUSE = 40
_CLAUSE_MARK = re.compile(r"[,;:()\[\]]|\s[-–—]{1,2}\s")
# "will be named", "is to be held", "will have finished": a participle after a future
# auxiliary is part of the future, not a past tense.
_FUTURE_AUX = re.compile(
    r"\b(?:will|shall|'ll|wo|to|going\s+to)\s+(?:not\s+)?(?:be|have|have\s+been|be\s+being)\s+$",
    re.IGNORECASE,
)


def direction(sentence: str, start: int, end: int) -> Direction | None:
    """Tense of the sentence around ``sentence[start:end]`` (the expression), or None."""
    return Tense(sentence).direction(start, end)


class Tense:
    """The tense markers of one sentence, found once and asked about each expression in it: a
    sentence with many dates is scanned once, not once per date."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        # Each pattern's matches are in order and apart, so their ends are in order too.
        self._future = sorted(
            [(m.start(), m.end()) for m in _FUTURE.finditer(sentence)]
            + [(m.start(1), m.end(1)) for m in _REPORTED_FUTURE.finditer(sentence)]
        )
        self._past = [
            (m.start(), m.end())
            for m in _PAST.finditer(sentence)
            if not _FUTURE_AUX.search(sentence[max(0, m.start() - 24) : m.start()])
        ]
        self._future_starts = [s for s, _ in self._future]
        self._future_ends = [e for _, e in self._future]
        self._past_starts = [s for s, _ in self._past]
        self._past_ends = [e for _, e in self._past]

    def direction(self, start: int, end: int) -> Direction | None:
        """Tense around ``sentence[start:end]``: the nearest marker within reach that is not a
        word of the expression itself (a past form inside a future phrase does not count)."""
        sentence = self.sentence
        if _BACK.search(sentence[max(0, start - 24) : start]):
            return Direction.PAST
        if _MARKET_DAY.match(sentence[end : end + 24]):
            return Direction.PAST
        best: tuple[int, Direction] | None = None
        for found, spans, starts, ends in (
            (Direction.FUTURE, self._future, self._future_starts, self._future_ends),
            (Direction.PAST, self._past, self._past_starts, self._past_ends),
        ):
            for s, e in _near(spans, starts, ends, start, end):
                if found is Direction.PAST and self._in_future(s, start, end):
                    continue  # "scheduled", "expected to": the -ed is not a past tense here
                distance = start - e if e <= start else s - end
                between = sentence[e:start] if e <= start else sentence[end:s]
                if _CLAUSE_MARK.search(between):
                    distance += _OTHER_CLAUSE
                # A marker before the expression binds a little more closely ("signed on").
                weight = distance if e <= start else distance + 2
                if (
                    best is None
                    or weight < best[0]
                    or (weight == best[0] and found is Direction.PAST)
                ):
                    best = (weight, found)
        return best[1] if best else None

    def _in_future(self, at: int, start: int, end: int) -> bool:
        """Whether ``at`` is inside a future marker that is not a word of the expression."""
        k = bisect.bisect_right(self._future_starts, at) - 1
        if k < 0:
            return False
        s, e = self._future[k]
        return at < e and not (s < end and e > start)


def _near(
    spans: list[tuple[int, int]], starts: list[int], ends: list[int], start: int, end: int
) -> list[tuple[int, int]]:
    """The markers within reach of ``start:end`` and not overlapping it, in text order: those
    ending at most _REACH before it, and those starting at most _REACH after it."""
    before = spans[bisect.bisect_left(ends, start - _REACH) : bisect.bisect_right(ends, start)]
    after = spans[bisect.bisect_left(starts, end) : bisect.bisect_right(starts, end + _REACH)]
    return before + after
