"""Page furniture: passages of a saved page that are not the story, so their dates are never
events. A photo caption dates the picture ("The two mayors meet at the forum on 11 September
2018. Photo: AP"), a reader comment's stamp dates the comment ("At 6:46 pm | Report abuse"),
a print-edition note or a copyright line dates the page. Each is told by the credit, the stamp or the sign it ends or
opens with, the way newsrooms write them, not by what it says. Inside the story, two dates are
no events either: a filing stamp ("Sat Jun 5, 2010 7:16 pm EDT") and the point a figure is
compared with ("…, compared with $3 million a year earlier")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from explorer.model import Passage

# A caption ends with its credit: "Photo: Reuters", "Photograph: Jane Doe/Getty Images",
# "(AP Photo/John Smith)", "REUTERS/Jane Doe", "Credit: ...". The credit is short and
# nothing follows it.
# Capitalised, as credits are: "the broader picture: markets fell" is a sentence.
_LABELS = "Photo|Photograph|Picture|Image|Illustration|File photo|Photo credit|Credit|Pictured"
_LABEL = rf"(?:{_LABELS}|{_LABELS.upper()})s?\s*:\s*[^.!?:\n]{{2,80}}\.?\s*$"
_CREDIT_LABEL = re.compile(rf"(?:^|[.!?)\]\s])\s*{_LABEL}")
_CREDIT_ALONE = re.compile(rf"^\s*{_LABEL}")
# "Photos, Top: A copy of the report …", "Photo above: …": a caption that opens with its label.
_LABEL_FIRST = re.compile(
    r"^\s*(?:Photos?|Pictures?|Images?|PHOTOS?)(?:,?\s+(?:top|above|below|left|right|main|inset)"
    r"(?:\s+(?:left|right))?)?\s*:\s", re.IGNORECASE
)
_CREDIT_BRACKET = re.compile(
    r"[(\[][^()\[\]]{0,40}\b(?:Photo|Photograph|Picture|PHOTO)\b[^()\[\]]{0,60}[)\]]\s*$"
)
# "(AP Photo/Dave Lind) Oil workers clean the beach …": a caption that opens with its credit.
_CREDIT_BRACKET_FIRST = re.compile(
    r"^\s*[(\[][^()\[\]]{0,40}\b(?:Photo|Photograph|Picture|PHOTO)\b[^()\[\]]{0,60}[)\]]"
)
_CREDIT_AGENCY = re.compile(
    r"\b(?:REUTERS|AFP|EPA|XINHUA|Getty Images)\s*/\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}"
    r"\s*\.?\s*$"
)
# A gallery caption that opens with its credit and date: "AP Apr. 21: Smoke rises over the valley …".
_CREDIT_FIRST = re.compile(
    r"^\s*(?:AP|Reuters|REUTERS|AFP|EPA|Getty Images|Xinhua)(?:\s+Photo)?\s+"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*:"
)
# A reader comment's stamp and the links around it.
_COMMENT = re.compile(
    r"\b(?:Report abuse|Report this comment|Recommend\s*\(\d+\)|Reply to this)\b"
    # "At 18:20 29th Apr 2010, riverfan wrote:": a reader's comment and its stamp
    r"|^\s*At\s+\d{1,2}[:.]\d{2}\b[^,]{0,30},\s*\S+\s+wrote\b"
    r"|(?-i:\bPosted by\b)"  # "Re: Posted by riverfan-May 1st, 2010 -- 4:59 pm GMT"
    # a live chat's or a comment thread's stamp between dashes or bars:
    # "… agree? -- March 04, 2011 3:12 PM -- Thanks for …"
    r"|(?:--|\|)\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s+)?\d{1,2}:\d{2}\s*[ap]\.?m\.?"
    r"\s*(?:[A-Z]{2,4}\s*)?(?:--|\|)",
    re.IGNORECASE,
)
# The print-edition note: "A version of this article appeared in print on June 3, 2010, on
# page A1", "This article appeared on p18 of the Main section of the Daily Example on ...".
_PRINT = re.compile(
    r"\b(?:article|version)\b[^.]{0,60}?\bappeared\s+(?:on|in)\s+"
    r"(?:p\.?\s?\d+|page\s+[A-Z]?\d+|print|the print edition)\b",
    re.IGNORECASE,
)
# What a newsletter, a saved page or a database export says of itself: "You are receiving
# this email because you signed up on …", "Downloaded from … on 4 June 2024", "Accessed 3
# May 2021", "Unsubscribe", "View this email in your browser". About the copy, not the story.
_NOTICE = re.compile(
    r"\b(?:you(?:'re| are)? receiving this (?:e-?mail|newsletter|message|alert)"
    r"|you(?:'ve| have)? (?:signed|subscribed) up (?:for|to) (?:this|our|the)\b"
    # "Unsubscribe" as a link: alone, or between bars, or ending the line
    r"|(?:^|\|)\s*unsubscribe\b|\bunsubscribe\s*(?:\||$)"
    r"|view (?:this|it) (?:e-?mail |newsletter )?in (?:your|a) browser"
    r"|manage (?:your )?(?:e-?mail )?(?:preferences|subscription)"
    r"|this (?:e-?mail|message) was sent (?:to|by|on)\b)"
    r"|^\s*(?:downloaded|retrieved|accessed|printed) (?:from|on|at)\b"
    r"|^\s*(?:accessed|retrieved)\s+(?:\d|[A-Z][a-z]+ \d)",
    re.IGNORECASE,
)
# An agency caption that opens with its photo: "In this May 26, 2010 photo provided by the
# Coast Guard, …", "In this file photo taken Friday, …".
_PHOTO_FIRST = re.compile(
    r"^\s*(?:FILE\s*[-–—:]\s*)?(?:\(?(?:AP|Reuters|AFP)\)?\s*)?In\s+this\s+(?:[^,.]|,\s*\d{4}\b){0,60}?\b"
    r"(?:photo|photograph|file\s+photo|image|picture|video\s+image|frame\s+grab)\b",
    re.IGNORECASE,
)
# A caption that ends with its photo: "A ferry leaves the harbour at Lorvan in this March 4,
# 2011 file photo.", "…, in a file photo taken on Friday."
_PHOTO_LAST = re.compile(
    r"\bin\s+(?:this|a)\s+(?:(?:undated|file|handout|(?-i:[A-Z][a-z]{2,8})\.?|\d{1,4},?|AP|AFP"
    r"|(?-i:Reuters))\s+){0,5}(?:photo|photograph|picture|image)"
    r"(?:\s+(?:taken|made|provided|released|shot|from)\b[^.]{0,60})?\.?\s*$",
    re.IGNORECASE,
)
# A line that only names a place, an agency and a time ("KESSA, Lorvan | Tue Mar 8, 2011 9:10
# am EDT KESSA, Lorvan (Example News!)", "LORVAN, December 2 (Example Agency) --"): no word of it
# says anything happened.
_SAYING_WORD = re.compile(r"\b[a-z]{3,}\b")
_STAMP_WORDS = re.compile(r"\b(?:am|pm|a\.m|p\.m)\b")
_SHORT_LINE = 14  # words

# An agency caption: "Guardsmen walk along a barrier, Friday, June 11, 2010, near Venice, La.":
# a weekday and a full date between commas, with no "on" (prose writes "on Friday, June 11");
# or a picture's positions: "Stanley Lind, left, and Ana Ruiz, background right, hug …".
_CAPTION_DATE = re.compile(
    r"(?<!\bon)(?<!\bOn),\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+[A-Z][a-z]{2,8}\.?\s+"
    r"\d{1,2},\s+\d{4}\b"
)
# "left" alone may be a verb ("Lind, a former mayor, left, …"): two positions, or one with a
# qualifier ("background right", "second from left"), make a caption.
_CAPTION_POSITION = re.compile(
    r"[A-Za-z.],\s+(?:(?P<q>(?:far|second\s+from|third\s+from)\s+(?:left|right)|center|centre"
    r"|background(?:\s+(?:left|right))?|foreground(?:\s+(?:left|right))?)|left|right)\s*,"
)

# "(c) 2010 The Outlet", "Copyright 2009 ...", "© 2021 ...": a short line of its own.
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_COPYRIGHT_LINE = 160  # characters: longer, it is a sentence that starts with the word


_GAP = 3  # characters between a caption's last sentence and its credit: a space, a line break


def furniture(passages: Sequence[Passage]) -> set[int]:
    """The indices of the passages (sentences) that are furniture: those that are so on their
    own, and the sentence a credit follows ("... on 12 September 2018. Photo: Reuters", where
    the credit is a sentence of its own)."""
    out = set()
    for i, p in enumerate(passages):
        if is_furniture(p.text):
            out.add(i)
            if i > 0 and _is_credit(p.text) and p.start - passages[i - 1].end <= _GAP:
                out.add(i - 1)
    return out


def _is_credit(text: str) -> bool:
    stripped = text.strip()
    return bool(
        _CREDIT_ALONE.match(stripped)
        or (_CREDIT_BRACKET.search(stripped) and stripped.startswith(("(", "[")))
        or (_CREDIT_AGENCY.search(stripped) and len(stripped) <= 60)
    )


def is_furniture(text: str) -> bool:
    """Whether a passage is a caption, a comment stamp, a print-edition note or a copyright
    line."""
    stripped = text.strip()
    if not stripped:
        return False
    if _COMMENT.search(stripped) or _PRINT.search(stripped) or _NOTICE.search(stripped):
        return True
    if _COPYRIGHT.match(stripped) and len(stripped) <= _COPYRIGHT_LINE:
        return True
    if len(stripped.split()) <= _SHORT_LINE and not _SAYING_WORD.search(
        _STAMP_WORDS.sub("", stripped)
    ):
        return True
    return bool(
        _CREDIT_FIRST.match(stripped)
        or _LABEL_FIRST.match(stripped)
        or _CREDIT_BRACKET_FIRST.match(stripped)
        or _PHOTO_FIRST.match(stripped)
        or _PHOTO_LAST.search(stripped)
        or _CAPTION_DATE.search(stripped)
        or _picture_positions(stripped)
        or _CREDIT_LABEL.search(stripped)
        or _CREDIT_BRACKET.search(stripped)
        or _CREDIT_AGENCY.search(stripped)
    )


# "Sat Jun 5, 2010 7:16 pm EDT", "May 30, 2010 15:39 GMT": a date with a clock time and a
# zone right after it (no "at") is the page's stamp of when it was filed, not an event.
_CLOCK_AND_ZONE = re.compile(
    r"\s*,?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:[A-Z]{2,4}|GMT[+-]\d{1,2}|UTC[+-]\d{1,2})\b"
)


# "Monday, November 22, 2010; 7:16 PM": a full date and a clock time, no zone.
_CLOCK = re.compile(r"\s*[,;]?\s*\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\b")
_YEAR = re.compile(r"\b\d{4}\b")


def is_time_stamp(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is a filing stamp: a clock time and a time zone
    follow it, or a clock time follows a date written with its year."""
    if _CLOCK_AND_ZONE.match(text, end) is not None:
        return True
    return _CLOCK.match(text, end) is not None and _YEAR.search(text, start, end) is not None


def _picture_positions(text: str) -> bool:
    found = list(_CAPTION_POSITION.finditer(text))
    return len(found) >= 2 or any(m["q"] for m in found)


# "net income rose to $5 million, compared with $3 million a year earlier", "down from 4.5%
# in May": a date in a comparison dates the figure compared with, not an event.
_BASELINE = re.compile(
    r"(?:\bcompared\s+(?:with|to)\b|\bup\s+from\b|\bdown\s+from\b|\bversus\b|\bvs\."
    r"|\b(?:from|against)\s+(?=(?:an?\s+)?[$£€¥]?\s?\d))(?:[^;:!?.]|\.(?=\d)){0,60}$",
    re.IGNORECASE,
)


def is_baseline(text: str, start: int) -> bool:
    """Whether the date at ``start`` of ``text`` is the point a figure is compared with."""
    return _BASELINE.search(text, max(0, start - 70), start) is not None
