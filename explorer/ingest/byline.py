"""What the top of an article says about it: title, author and publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from explorer.model import Precision
from explorer.temporal import tag

_HEADER_CHARS = 1500
_HEADER_LINES = 15
_BY = re.compile(
    r"^[ \t]*By[ \t]+((?:[A-Z]\.[ \t]*){0,3}[A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+)?)", re.MULTILINE
)
# A byline ("By …"), or a label that says the date is the article's ("Published 3 June",
# "| Updated: …"): at the line's start, after a separator, or before a colon. Inside a
# sentence ("its first planned opening date of 1 April 2021") the words are the story's.
_DATELINE_WORDS = re.compile(
    r"^\s*By\s|(?:^|[|·•—–]\s*)(?:Published|Updated|Posted|Date)\b"
    r"|\b(?:Published|Updated|Posted|Date)\s*:",
    re.IGNORECASE,
)
_NOT_TITLES = frozenset({"advertisement", "opinion", "analysis", "news", "share", "menu"})


@dataclass(frozen=True)
class Byline:
    title: str | None
    author: str | None
    published: dt.date | None
    date_span: tuple[int, int] | None  # where the publication date is written


@lru_cache(maxsize=4)  # the reader and the analysis ask about the same text
def read_byline(text: str) -> Byline:
    header = _header(text)
    published: dt.date | None = None
    date_span: tuple[int, int] | None = None
    for line_start, line in _dateline_candidates(header):
        for e in tag(line, None):
            # The dateline is a full date (day, month and year) in the first lines, alone on
            # its line or in a byline ("By …, December 15, 2021"), not a date in the story.
            if e.span is None or e.kind != "absolute" or e.span.precision is not Precision.DAY:
                continue
            if len(line.strip()) - (e.end - e.start) <= 12 or _DATELINE_WORDS.search(line):
                published, date_span = e.span.start, (line_start + e.start, line_start + e.end)
                break
        if published is not None:
            break
    author_match = _BY.search(header)
    return Byline(
        _title(header),
        author_match.group(1).strip() if author_match else None,
        published,
        date_span,
    )


_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_LONGEST_DATE = 40  # "Wednesday, the 15th of December, 2021" and some room


def _dateline_candidates(header: str) -> list[tuple[int, str]]:
    """Header lines that could be a dateline: short, or a byline, and holding a year. Tagging
    only these (not the whole header) keeps the byline a small part of the ingest time."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in header.split("\n"):
        stripped = line.strip()
        if _YEAR.search(line) and (
            len(stripped) <= _LONGEST_DATE + 12 or _DATELINE_WORDS.search(line)
        ):
            out.append((pos, line))
        pos += len(line) + 1
    return out


def _header(text: str) -> str:
    lines = text[:_HEADER_CHARS].split("\n")
    kept, count = [], 0
    for line in lines:
        kept.append(line)
        if line.strip():
            count += 1
        if count >= _HEADER_LINES:
            break
    return "\n".join(kept)


def _title(header: str) -> str | None:
    lines = [line for line in header.split("\n") if line.strip()]
    for line in lines[:4]:
        line = line.strip().strip("#*_ ").strip()
        if not line or line.lower() in _NOT_TITLES or len(line.split()) < 3:
            continue
        if line.lower().startswith(("by ", "photo", "illustration", "image", "also read")):
            continue
        if len(line) > 200 or line.endswith(".") or "Photo:" in line:
            continue  # a sentence of the story or a caption, not a headline
        return line
    return None


# "QUITO, August 8 (Xinhua) --", "BERGEN | Fri Mar 5, 2010 9:40 am CET BERGEN (Reuters) -",
# "MOSCOW (AP) —": a city in capitals, maybe a date and a time, an agency in brackets, a dash.
_AGENCY = re.compile(r"\((?:[A-Z][A-Za-z]{1,15})(?: [A-Z][A-Za-z]{1,15}){0,2}\)\s*(?:--|-|—|–)")
_DATELINE_REACH = 90  # characters before the agency: the city, the date and the time
_CITY_START = re.compile(r"(?:^|(?<=[\n.!?\"”]))\s*(?=[A-Z][A-Z .'-]{2,40}\b)")
# A city in capitals (and maybe its date) right before the agency, whatever precedes it.
_CAPS_CITY_BEFORE = re.compile(
    r"\s[A-Z][A-Z.'’\\/-]{2,}(?: [A-Z][A-Z.'’\\/-]+){0,3}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*$"
)
_SENTENCE_AFTER = re.compile(r"\s*[\"“‘'A-Z0-9]")
_CITY_BAR = re.compile(r"\b[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)* \| ")  # "LAS VEGAS | Sat …"


# A blog post's stamp: "Mara Lind | 18:00 UK time, Saturday, 25 April 2009" before its text.
_POST_STAMP = re.compile(
    r"\b[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,3} \| \d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?"
    r"(?: (?:UK|GMT|BST|CET|ET|EST|EDT|PST|PDT|local))? time"
    r"(?: ?, [A-Z][a-z]+day)?(?: ?, \d{1,2} [A-Z][a-z]+ \d{4})?"
)


def datelines(text: str) -> list[tuple[int, int]]:
    """Where agency datelines and blog posts' stamps are written, anywhere in the text (a
    file may hold many articles or posts): a date in one dates the article, not an event in
    it."""
    out = [(m.start(), m.end()) for m in _POST_STAMP.finditer(text)] if " time" in text else []
    for m in _AGENCY.finditer(text):
        lo = max(0, m.start() - _DATELINE_REACH)
        window = text[lo : m.start()]
        starts = [c.end() for c in _CITY_START.finditer(window)]
        if not starts:  # "… Photo: Steve Marcus LAS VEGAS | Sat May 2, 2009 …": a credit first
            starts = [c.start() for c in _CITY_BAR.finditer(window)][:1]
        if starts:
            start = lo + starts[-1]
            head = text[start : m.start()]
            # A dateline opens with a city in capitals and holds no sentence.
            if re.match(r"[A-Z][A-Z .'-]{2,40}\b", head) and not re.search(
                r"[a-z]{3,}\.\s", head
            ):
                out.append((start, m.end()))
                continue
        stamped = _stamped(text, m.start())
        if stamped is not None:
            out.append((stamped, m.end()))
        elif _SENTENCE_AFTER.match(text, m.end()) and (
            caps := _CAPS_CITY_BEFORE.search(window)
        ):  # "… wins ferry order BERGEN (Reuters) - A yard": a headline run on
            out.append((lo + caps.start() + len(caps.group(0)) - len(caps.group(0).lstrip()), m.end()))
    return sorted(out)


# "2009 04 25 08:50 JST By Ana Ruiz and Li Wei MEXICO CITY (Reuters) -": a line that opens
# with the wire's time stamp and byline, then the city in capitals.
_STAMP_REACH = 160
_STAMP_WORDS = frozenset(["by", "and", "am", "pm", "de", "da", "del", "di", "von", "van"])
_STAMP_START = re.compile(
    r"\s*(?:\d|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.?\b)"
)
_CITY_BEFORE_AGENCY = re.compile(r"\b[A-Z]{2,}(?:[ .'-]+[A-Z]{2,})*\s*$")
# "Fri Mar 4, 2011 8:12 pm EDT Mar 4 (Reuters) -": the dateline's date without its city.
_DATE_BEFORE_AGENCY = re.compile(r"\b[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*$")


def _stamped(text: str, agency: int) -> int | None:
    """The start of a time-stamped dateline ending at ``agency``, or None: from the start of
    the line, at most _STAMP_REACH characters, a number (the stamp) first and a city in
    capitals last, and no word in lower case but "by", "and" and the like between. The
    number may be a weekday or a month ("Sat Apr 25, 2009 8:50 am EDT")."""
    start = text.rfind("\n", max(0, agency - _STAMP_REACH), agency) + 1
    if start == 0 and agency > _STAMP_REACH:
        return None
    head = text[start:agency]
    if not _STAMP_START.match(head) or not (
        _CITY_BEFORE_AGENCY.search(head) or _DATE_BEFORE_AGENCY.search(head)
    ):
        return None
    lower = [w for w in re.findall(r"[A-Za-z]+", head) if w.islower()]
    if any(w not in _STAMP_WORDS for w in lower):
        return None
    return start + len(head) - len(head.lstrip())

