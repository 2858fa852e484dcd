"""Read TempEval-3 TimeBank (.tml) files into plain text with gold TIMEX3 spans.

Used by benchmarks/timex_eval.py and the tagger tests; it never copies the articles anywhere.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "timebank"

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Article:
    name: str
    dct: dt.date
    text: str
    timexes: tuple[Timex, ...]


def read(path: Path) -> Article:
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<DCT><TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})', raw)
    if dct_match is None:
        raise ValueError(f"{path.name}: no DCT")
    dct = dt.date.fromisoformat(dct_match.group(1))
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    pos = 0
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos : m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(m.group(3)))))
        elif open_timex:
            start, attrs = open_timex.pop()
            text = "".join(out)[start:length]
            timexes.append(
                Timex(start, length, text, attrs.get("type", ""), attrs.get("value", ""))
            )
    out.append(html.unescape(body[pos:]))
    return Article(path.stem, dct, "".join(out), tuple(timexes))


def read_all(folder: Path = DEFAULT_DIR) -> list[Article]:
    return [read(p) for p in sorted(folder.glob("*.tml"))]
