"""Remove light markup (Markdown emphasis, inline HTML tags, escapes, entities) from text,
keeping for every character of the clean text its offset in the original, so that a passage
found in the clean text can be highlighted where the user sees it."""

from __future__ import annotations

import array
import html
import re

from explorer.model import TextMap

# Each alternative is a piece of markup; group "keep" (when present) is the text it stands for.
_MARKUP = re.compile(
    r"\[(?P<link>[^\]\n]{1,300})\]\([^)\s]{1,2000}\)"  # [text](url) -> text
    r"|(?P<entity>&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)"
    r"|\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|~>])"  # \* -> *
    r"|</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,500})?/?>"  # inline tags
    r"|(?<![\w*])\*\*(?=\S)|(?<=\S)\*\*(?![\w*])"  # **bold**
    r"|(?<![\w_])__(?=\S)|(?<=\S)__(?![\w_])"
    r"|^\#{1,6}[ \t]+"  # heading marks
    r"|^>[ \t]?",  # block quotes
    re.MULTILINE,
)


def clean(original: str) -> TextMap:
    out: list[str] = []
    offsets = array.array("i")  # see TextMap: four bytes a character
    pos = 0
    for m in _MARKUP.finditer(original):
        _copy(original, pos, m.start(), out, offsets)
        if m.group("link") is not None:
            _copy(original, m.start("link"), m.end("link"), out, offsets)
        elif m.group("entity") is not None:
            value = html.unescape(m.group("entity"))
            out.append(value)
            offsets.extend([m.start()] * len(value))
        elif m.group("escaped") is not None:
            out.append(m.group("escaped"))
            offsets.append(m.start("escaped"))
        pos = m.end()
    _copy(original, pos, len(original), out, offsets)
    return TextMap("".join(out), offsets, len(original))


def _copy(text: str, start: int, end: int, out: list[str], offsets: array.array[int]) -> None:
    if end > start:
        out.append(text[start:end])
        offsets.extend(range(start, end))
