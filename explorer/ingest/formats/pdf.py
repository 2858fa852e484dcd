"""PDF articles and reports: the text layer, page by page, as paragraphs.

pypdfium2 (Google's PDFium, the engine of Chrome's viewer) reads the text layer: it is many
times faster than the pure-Python readers, keeps reading order on most layouts, and tells a
wrong password from a damaged file. A PDF sets text as positioned lines, not paragraphs, so
the lines are put back together here: a line joins the one before unless the gap above it is
wider than the page's usual line spacing or its type size differs (a headline); a word broken
by a hyphen at a line's end is joined again; lines that repeat at the top or bottom of most
pages (a running header, a footer) and bare page numbers are dropped.
"""

from __future__ import annotations

import ctypes
import dataclasses
import datetime as dt
import functools
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from explorer.errors import InputError
from explorer.ingest.formats.base import Format, sha256, text_document
from explorer.model import Document, TextMap
from explorer.resources import resource


@dataclass(frozen=True)
class _Line:
    text: str
    bottom: float  # the baseline's height on the page (PDF points, from the bottom)
    size: float  # the line's type height
    left: float
    right: float
    first: float  # the width of its first word


def read_pdf(name: str, data: bytes) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise InputError(
                f"{name}: this PDF is encrypted (it needs a password); save an unlocked copy "
                "to import it."
            ) from err
        raise InputError(f"{name}: not a readable PDF (damaged or incomplete).") from err
    try:
        pages = [_page_lines(pdf[i]) for i in range(len(pdf))]
        info = pdf.get_metadata_dict()
    except pdfium.PdfiumError as err:
        raise InputError(f"{name}: not a readable PDF (damaged or incomplete).") from err
    finally:
        pdf.close()
    if not pages:
        raise InputError(f"{name}: this PDF has no pages.")
    if sum(len(line.text) for page in pages for line in page) < 20:
        raise InputError(
            f"{name}: this PDF has no text layer (a scan?); Timeline Explorer reads the text "
            "of a PDF and does not read images: run it through OCR first."
        )
    kept = _without_furniture(_without_repeats(pages))
    texts, words = _page_texts(kept)
    # A page whose last line was wrapped (the next page's first word would not have fitted
    # on it) ends in the middle of a paragraph.
    wrapped = [
        bool(page and after) and not _ends_short(page[-1], after[0], page)
        for page, after in zip(kept, [*kept[1:], []], strict=True)
    ]
    text, starts = _joined(texts, words, wrapped)
    doc = text_document(
        name,
        sha256(data),
        text,
        TextMap.identity(text),
        "pdf",
        metadata=_pdf_date(info.get("CreationDate", "")),
        pages=starts,
    )
    title = _meta_title(info.get("Title", ""))
    author = (info.get("Author") or "").strip() or None
    # The byline's author is the article's; the metadata's is often the account that made
    # the file ("jsmith").
    return dataclasses.replace(doc, title=title or doc.title, author=doc.author or author)


def _page_lines(page: object) -> list[_Line]:
    """The page's lines, from where its glyphs sit. PDFium's own line breaks are not trusted:
    some makers set each glyph apart and PDFium then breaks after every one, and it joins a
    line ending in a hyphen to the next itself. A line ends where the next glyph sits lower
    or higher by half its type size (the next column), or back at the left; a break PDFium
    made inside a line is a space where the glyphs stand apart, nothing where they touch."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()  # type: ignore[attr-defined]
    text: str = textpage.get_text_range()
    lines: list[_Line] = []
    current: list[tuple[str, _Box, float]] = []
    last: tuple[_Box, float] | None = None
    broken = False  # PDFium wrote a line break since the last glyph
    ox, oy = ctypes.c_double(), ctypes.c_double()
    loose = pdfium_c.FS_RECTF()

    def close() -> None:
        inked = [(b, z) for ch, b, z in current if ch > " " and ch != _LINE_END_HYPHEN]
        line = " ".join("".join(ch for ch, _, _ in current).replace(_LINE_END_HYPHEN, "-").split())
        if line and inked:
            left = min(b[0] for b, _ in inked)
            first = left
            for ch, b, _ in current:
                if ch == " " and first > left:
                    break
                if ch > " ":
                    first = max(first, b[2])
            lines.append(
                _Line(
                    line,
                    statistics.median(b[1] for b, _ in inked),
                    statistics.median(z for _, z in inked),  # the type size, not the ink
                    left,
                    max(b[2] for b, _ in inked),
                    first - left,
                )
            )
        current.clear()

    for i, ch in enumerate(text):
        if ch in "\r\n":
            broken = True
            continue
        ink: _Box = textpage.get_charbox(i)
        # The glyph's baseline, not its ink's bottom: an apostrophe's ink sits high, a "y"'s
        # low, on the one line.
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(ox), ctypes.byref(oy))
        box: _Box = (ink[0], oy.value, ink[2], ink[3])
        # The type size on the page: the height of the glyph's font box (its ascent and
        # descent), where FPDFText_GetFontSize gives the size before the page's scaling.
        pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, ctypes.byref(loose))
        size = (loose.top - loose.bottom) or (ink[3] - ink[1]) or 1.0
        if ch <= " " or ch == _LINE_END_HYPHEN:
            current.append((" " if ch <= " " else ch, box, size))
            continue
        if last is not None:
            (l_left, l_bottom, l_right, _), l_size = last
            scale = max(size, l_size)
            if abs(l_bottom - box[1]) > 0.5 * scale or box[0] < l_left - 2 * scale:
                close()
            elif broken and box[0] - l_right > 0.2 * scale and ch not in _NO_SPACE_BEFORE:
                # a word space, not the gap between two glyphs
                current.append((" ", box, size))
        current.append((ch, box, size))
        last, broken = (box, size), False
    close()
    return lines


# Marks whose ink sits apart from the glyph before (an apostrophe, a comma) but take no space.
_NO_SPACE_BEFORE = frozenset("'’,.;:!?)]}”%")

# PDFium's mark for a hyphen that ended a line: it joins the two lines itself.
_LINE_END_HYPHEN = "\ufffe"
_Box = tuple[float, float, float, float]  # left, baseline, right, top


_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_EDGE = 2  # lines at each end of a page that may be running headers or footers


def _without_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers, and lines at a page's top or bottom that recur (numbers aside) on at
    least half the pages of a document of two or more."""
    def edges(page: list[_Line]) -> list[_Line]:
        return page[:_EDGE] + page[-_EDGE:] if len(page) > 2 * _EDGE else page

    seen = Counter(key for page in pages for key in {_DIGITS.sub("#", line.text) for line in edges(page)})
    repeated = {k for k, n in seen.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    out: list[list[_Line]] = []
    for page in pages:
        edge = {id(line) for line in edges(page)}
        out.append(
            [
                line
                for line in page
                if not (
                    id(line) in edge
                    and (_PAGE_NUMBER.match(line.text) or _DIGITS.sub("#", line.text) in repeated)
                )
            ]
        )
    return out


_BROKEN_WORD = re.compile(r"(\w+)-$")


def _without_repeats(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop a line at the top of a page that is one of the last lines of the page before:
    some makers set the line a page ends across on both pages. (Before the running headers
    are looked for: twice at a page's edge, it would pass for one.)"""
    out = [pages[0]] if pages else []
    for before, page in zip(pages, pages[1:], strict=False):
        ends = {line.text for line in before[-_EDGE - 1 :] if len(line.text) >= 20}
        head = page[: _EDGE + 1]
        out.append([line for line in head if line.text not in ends] + page[_EDGE + 1 :])
    return out


def _page_texts(pages: list[list[_Line]]) -> tuple[list[str], Counter[str]]:
    text = " ".join(line.text for page in pages for line in page).lower()
    words = Counter(re.findall(r"\w+(?:-\w+)*", text))
    return ["\n\n".join(_paragraphs(page, words)) for page in pages], words


def _paragraphs(lines: Sequence[_Line], words: Counter[str]) -> list[str]:
    if not lines:
        return []
    # The line spacing is the page's smaller common step between baselines: the lower quartile,
    # not the median, as a page of short paragraphs has as many paragraph gaps as line steps.
    pitches = sorted(
        a.bottom - b.bottom for a, b in zip(lines, lines[1:], strict=False) if a.bottom > b.bottom
    )
    pitch = pitches[len(pitches) // 4] if pitches else 0.0
    paragraphs: list[str] = [lines[0].text]
    for before, line in zip(lines, lines[1:], strict=False):
        gap = before.bottom - line.bottom
        if abs(gap) < 0.3 * max(line.size, 1.0) and line.left > before.left:
            # the same baseline, further right: a line PDFium gave in pieces (wide
            # justification, a word set apart), not a new one
            paragraphs[-1] = f"{paragraphs[-1]} {line.text}"
            continue
        new = (
            gap <= 0  # a new column, or text set out of order
            or (pitch and gap > pitch * 1.3)
            or abs(line.size - before.size) > 0.2 * max(line.size, before.size)
        )
        if new:
            paragraphs.append(line.text)
            continue
        if _ends_short(before, line, lines):
            paragraphs[-1] = f"{paragraphs[-1]}\n{line.text}"  # a line ended by hand
            continue
        paragraphs[-1] = _join(paragraphs[-1], line.text, words)
    return paragraphs


def _ends_short(before: _Line, line: _Line, lines: Sequence[_Line]) -> bool:
    """Whether ``before`` ended before the margin although ``line``'s first word would have
    fitted there: its writer ended it (a headline, a byline, a dateline, a list), where a
    line the layout wrapped is full. The margin is the right edge of the longest lines of
    its column (lines that begin where it begins). A word broken at its end is a wrap."""
    if _BROKEN_WORD.search(before.text) and line.text[:1].islower():
        return False
    column = [ln.right for ln in lines if abs(ln.left - before.left) < 2 * before.size]
    rights = sorted(column)
    margin = rights[int(0.9 * (len(rights) - 1))] if rights else before.right
    return before.right + 0.3 * line.size + line.first < margin - 0.5 * line.size


def _join(head: str, tail: str, words: Counter[str]) -> str:
    m = _BROKEN_WORD.search(head)
    if m and tail[:1].islower():
        found = re.match(r"\w+", tail)
        first, rest = m.group(1).lower(), found.group(0).lower() if found else ""
        hyphened, solid = words[f"{first}-{rest}"], words[f"{first}{rest}"]
        # "state-/ment" is one word; "Russia-/China", and "well-/known" where the document
        # writes it so elsewhere, keep their hyphen. Else a word list decides: two words
        # ("second-/largest") that are not one ("some-/thing") keep it.
        if hyphened > solid:
            return head + tail
        if hyphened == solid == 0:
            known = _common_words()
            if f"{first}{rest}" not in known and first in known and rest in known:
                return head + tail
        return head[:-1] + tail
    if m and tail[:1].isupper() or (m and tail[:1].isdigit()):
        return head + tail  # "Zhou En-/Lai", "1890-/91": a compound broken at its hyphen
    return f"{head} {tail}"


@functools.cache
def _common_words() -> frozenset[str]:
    text = resource("actors", "common_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and w[0] != "#")


_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")


def _joined(
    texts: list[str], words: Counter[str], full: list[bool]
) -> tuple[str, tuple[int, ...]]:
    """The pages' texts as one, and where each page begins in it. A sentence that runs on
    from one page to the next (the page ends without a full stop, on a line the layout
    wrapped or before a page that begins in lower case or with a number) is one sentence
    again: the next page begins where it goes on."""
    out = ""
    starts: list[int] = []
    for n, text in enumerate(texts):
        runs_on = n > 0 and (full[n - 1] or text[:1].islower() or text[:1].isdigit())
        if out and text and not _SENTENCE_END.search(out) and runs_on:
            head = out
            out = _join(out, text, words)
            starts.append(len(out) - len(text))  # the page's own text, after the join
            if len(out) - len(text) < len(head):  # a word broken across the pages
                starts[-1] = len(head) - len(head.rsplit(" ", 1)[-1])
            continue
        if out:
            out += "\n\n"
        starts.append(len(out))
        out += text
    return out, tuple(starts)


_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})?(\d{2})?")


def _pdf_date(value: str) -> dt.date | None:
    m = _PDF_DATE.match(value.strip())
    if not m or not m.group(3):
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# Titles a PDF's maker writes by itself, that say nothing of the article.
_MADE_UP_TITLE = re.compile(
    r"^(?:untitled|document\d*|microsoft word - .*|.*\.(?:docx?|pdf|odt|rtf|txt|html?))$",
    re.IGNORECASE,
)


def _meta_title(value: str) -> str | None:
    title = " ".join(value.split())
    if not title or _MADE_UP_TITLE.match(title):
        return None
    return title


PDF = Format("pdf", "PDF documents", (".pdf",), read=read_pdf, max_bytes=200 * 1024 * 1024)
