"""Every event title the app makes for the shared corpus and the TimeBank articles, and the share
that breaks each rule of a headline title.

    python benchmarks/titles.py [--quiet]

Rules checked (a title may break several): it opens mid-phrase (a preposition, conjunction or
relative word, or lower case), opens with a discourse opener or an attribution frame ("Be that
as it may", "He said"), holds a half quotation, ends in "…", ends on a word that cannot end a
phrase ("of", "the", "and"), runs past titles.TARGET_WORDS (12, a headline's length) or
titles.MAX_WORDS (18: where no whole phrase can go, a clause is kept whole up to 18 rather than
cut before its object), says less than 3 words, still holds an attribution ("…, officials
said"), keeps typewriter quotes (``), is a dateline or an agency credit, or still names a date
(the tagger finds an absolute date in it). It also counts the dated sentences that give one
title to events of different dates (the title then tells one of them, at the others' dates
too). Reads ../shared (skips cleanly where it is absent); the articles never leave it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import timebank  # noqa: E402

from explorer.analysis import analyse  # noqa: E402
from explorer.events.titles import MAX_WORDS, TARGET_WORDS  # noqa: E402
from explorer.ingest.readers import parse_document, read_document  # noqa: E402
from explorer.model import EventDraft  # noqa: E402
from explorer.pipeline import default_matcher  # noqa: E402
from explorer.temporal import tag  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

_MID_PHRASE = re.compile(
    r"^(?:of|from|by|to|with|for|in|on|at|who|which|that|whose|whom|and|but|or|as|than|into"
    r"|about|after|before|since|until|while|because|although|if|said|says)\b",
    re.IGNORECASE,
)
_OPENER = re.compile(
    r"^(?:be that as it may|most important|more important|however|meanwhile|moreover|indeed"
    r"|conceivably|of course|in fact|according to|he said|she said|they said|it said"
    r"|officials said|lest)\b",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(r"(?:,\s*|\b)(?:said|says|according to|told reporters)\b", re.IGNORECASE)
_WEAK_END = re.compile(
    r"\b(?:the|a|an|of|to|in|on|at|by|for|from|with|and|or|but|as|that|which|who|its|his|her"
    r"|their|is|are|was|were|will|would|than|into|about|between)$",
    re.IGNORECASE,
)

# A dateline or an agency credit as a title: "WASHINGTON, August 8 (Xinhua) --", "BRUSSELS (AP)".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w .]*)?\s*(?:,\s*\w+\s+\d{1,2})?\s*"
    r"\((?:AP|Reuters|Xinhua|AFP|UPI|dpa|PA)\)|^[A-Z][A-Z .'-]{2,},\s+\w+\s+\d{1,2}\s*--"
)

def _holds_a_date(title: str) -> bool:
    """The title still names a date ("If in 2014 the Kremlin …"): the date should have gone."""
    return any(e.span is not None for e in tag(title, None) if e.kind == "absolute")


RULES: dict[str, Callable[[str], bool]] = {
    "opens mid-phrase": lambda t: bool(_MID_PHRASE.match(t)) or t[:1].islower(),
    "opens with an opener or a frame": lambda t: bool(_OPENER.match(t)),
    "half quotation": lambda t: (t.count('"') + t.count("“") + t.count("”")) % 2 == 1,
    "ends in …": lambda t: t.endswith("…"),
    "ends on a function word": lambda t: bool(_WEAK_END.search(t.rstrip(" .…"))),
    f"over {TARGET_WORDS} words": lambda t: len(t.split()) > TARGET_WORDS,
    f"over {MAX_WORDS} words": lambda t: len(t.split()) > MAX_WORDS,
    "under 3 words": lambda t: len(t.split()) < 3,
    "holds an attribution": lambda t: bool(_ATTRIBUTION.search(t)),
    "typewriter quotes": lambda t: "``" in t or "''" in t,
    "a dateline or credit": lambda t: bool(_DATELINE.search(t)),
    "holds a date": _holds_a_date,
}


PARSED = False  # --parsed: titles from the dependency parse (events/clause.py)


@dataclass(frozen=True)
class Titled:
    source: str  # the article
    title: str
    sentence: int  # the start of the sentence it titles, in the article
    date: str  # the date it was given


def _titled(source: str, drafts: list[EventDraft]) -> list[Titled]:
    return [Titled(source, d.title, d.passage.start, d.span.label()) for d in drafts]


def corpus_titles() -> list[Titled]:
    matcher = default_matcher()
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        doc = read_document(path)
        out += _titled(path.name[:3], analyse(doc, matcher, PARSED).drafts)
    return out


def timebank_titles() -> list[Titled]:
    matcher = default_matcher()
    out = []
    for a in timebank.read_all():
        data = f"{a.dct:%B %d, %Y}\n\n{a.text.strip()}\n".encode()
        doc = parse_document(a.name, data, ".txt")
        out += _titled(a.name, analyse(doc, matcher, PARSED).drafts)
    return out


def one_title_many_dates(titled: list[Titled]) -> tuple[int, int]:
    """Of the sentences that give events of several dates, how many give one title to events
    of different dates (the title then tells only one of them)."""
    by_sentence: dict[tuple[str, int], list[Titled]] = defaultdict(list)
    for t in titled:
        by_sentence[(t.source, t.sentence)].append(t)
    several = [ts for ts in by_sentence.values() if len({t.date for t in ts}) > 1]
    shared = 0
    for ts in several:
        dates_of: dict[str, set[str]] = defaultdict(set)
        for t in ts:
            dates_of[t.title].add(t.date)
        shared += any(len(d) > 1 for d in dates_of.values())
    return shared, len(by_sentence)


def summarise(label: str, titled: list[Titled], quiet: bool) -> None:
    broken: Counter[str] = Counter()
    any_broken = 0
    titles = [(t.source, t.title) for t in titled]
    for source, title in titles:
        hits = [name for name, rule in RULES.items() if rule(title)]
        broken.update(hits)
        any_broken += bool(hits)
        if not quiet:
            print(f"  {source[:14]:<14} {title}" + (f"   [{'; '.join(hits)}]" if hits else ""))
    n = max(1, len(titles))
    print(f"\n{label}: {len(titles)} titles, {any_broken / n:.1%} break a rule")
    for name in RULES:
        print(f"  {name:<34} {broken[name] / n:6.1%}  ({broken[name]})")
    words = [len(t.split()) for _, t in titles]
    if words:
        print(f"  words per title: median {sorted(words)[len(words) // 2]}, max {max(words)}")
    shared, sentences = one_title_many_dates(titled)
    print(
        f"  sentences giving one title to events of different dates: "
        f"{shared / max(1, sentences):.1%} ({shared} of {sentences} dated sentences)"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quiet", action="store_true", help="only the shares, not every title")
    ap.add_argument("--parsed", action="store_true", help="titles from the dependency parse")
    args = ap.parse_args()
    global PARSED
    PARSED = args.parsed
    if CORPUS.is_dir():
        summarise("shared corpus", corpus_titles(), args.quiet)
    else:
        print(f"{CORPUS} not found; skipping it")
    if timebank.DEFAULT_DIR.is_dir():
        summarise("TimeBank", timebank_titles(), args.quiet)
    else:
        print(f"{timebank.DEFAULT_DIR} not found; skipping it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
