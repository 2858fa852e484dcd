"""Which way an expression without a year points: back from the publication date, or ahead.

The nearest tense marker to the expression in its sentence decides: "Xi said on Monday that Putin
will visit" makes Monday past (``said`` is nearer) and "will visit on 4 February" future.
"""

from __future__ import annotations

import enum
import re


class Direction(enum.Enum):
    PAST = "past"
    FUTURE = "future"


_FUTURE = re.compile(
    r"\b(?:will|won't|shall|wo n't|going\s+to|is\s+to|are\s+to|upcoming|forthcoming|scheduled"
    r"|set\s+to|due\s+to|plans?\s+to|planned|planning|intends?\s+to|expected\s+to|expects"
    r"|to\s+be\s+held|would|next|coming|awaits?|awaited|ahead|later\s+this|tomorrow|until)\b"
    r"|'ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|says|told|came|began|begun|took|met|made|went|saw|held|gave"
    r"|won|lost|left|fell|rose|led|sent|spoke|wrote|ago|last|earlier|since|yesterday"
    r"|(?-i:[a-z]{2,}ed))\b",
    re.IGNORECASE,
)


def direction(sentence: str, start: int, end: int) -> Direction | None:
    """Tense of the sentence around ``sentence[start:end]`` (the expression), or None."""
    best: tuple[int, Direction] | None = None
    for pattern, found in ((_FUTURE, Direction.FUTURE), (_PAST, Direction.PAST)):
        for m in pattern.finditer(sentence):
            if m.start() < end and m.end() > start:
                continue  # a word of the expression itself ("last", "next")
            distance = start - m.end() if m.end() <= start else m.start() - end
            # A marker before the expression binds a little more closely ("signed on").
            weight = distance if m.end() <= start else distance + 2
            if best is None or weight < best[0] or (weight == best[0] and found is Direction.PAST):
                best = (weight, found)
    return best[1] if best else None
