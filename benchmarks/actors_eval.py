"""Actor recognition against hand-marked names: ../shared/actors-dev (GUM news and biographies).

    python benchmarks/actors_eval.py [--errors N] [--genre news|bio]

Gold actors are GUM's named people and organisations, and its places that are countries (by
name or Wikipedia page, through the app's country list); other places, works, events and
languages are not actors. Printed for the recogniser and, in the same run, for the old
list-only matcher (the gazetteer and every country's names, aliases, demonyms and capitals):

- mentions: precision (a found mention overlaps a gold person, organisation or place name),
  recall (a gold actor mention overlapped by a found one), F1; and the share of found mentions
  whose kind fits the gold type (person; organisation/company/alliance; country);
- distinct actors per article: recall (a gold actor, by Wikipedia page or text, with a mention
  found), precision (a found actor with a mention on a gold name), by kind.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from explorer.actors.lexicon import lexicon  # noqa: E402
from explorer.actors.match import ActorMatcher  # noqa: E402
from explorer.model import Actor  # noqa: E402
from explorer.pipeline import default_matcher  # noqa: E402

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "actors-dev"
_KIND_FITS = {
    "person": {"person"},
    "organization": {"organisation", "company", "alliance"},
    "country": {"country"},
}


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str  # person, organization, country, place (not a country), or another GUM type
    identity: str


def read_gold(genre: str | None) -> list[tuple[str, str, list[Gold]]]:
    lex = lexicon()
    countries = {c.name for c in lex.countries}
    docs = []
    for line in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if genre and d["genre"] != genre:
            continue
        text = (DEV / d["doc"]).read_text(encoding="utf-8")
        gold = []
        for e in d["entities"]:
            if e.get("nested"):
                continue
            kind = e["type"]
            wiki = (e.get("wikipedia") or "").replace("_", " ")
            country = lex.country_of.get(e["text"]) or lex.country_of.get(wiki)
            if kind == "place" and (country or wiki in countries):
                kind = "country"
            identity = wiki or e["text"]
            if kind == "country":
                identity = country or wiki
            gold.append(Gold(e["span"][0], e["span"][1], e["text"], kind, identity))
        docs.append((d["doc"], text, gold))
    return docs


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(matcher: ActorMatcher, docs: list[tuple[str, str, list[Gold]]], errors: int) -> None:
    names = ("person", "organization", "country")
    m_tp = m_fp = kind_ok = 0
    g_found: Counter[str] = Counter()
    g_total: Counter[str] = Counter()
    d_found: Counter[str] = Counter()
    d_total: Counter[str] = Counter()
    p_ok = p_all = 0
    fps: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    wrong_kind: Counter[str] = Counter()
    words = 0
    t0 = time.perf_counter()
    found_by_doc = [matcher.find(text) for _, text, _ in docs]
    elapsed = time.perf_counter() - t0
    for (_doc, text, gold), found in zip(docs, found_by_doc, strict=True):
        words += len(text.split())
        named = [g for g in gold if g.type in ("person", "organization", "country", "place")]
        actors = [g for g in gold if g.type in names]
        by_actor: dict[str, set[int]] = defaultdict(set)
        for n, f in enumerate(found):
            hit = next((g for g in named if _overlaps((f.start, f.end), (g.start, g.end))), None)
            kind = matcher.kinds.get(f.actor, "other")
            if hit is None:
                m_fp += 1
                fps[f"{text[f.start:f.end]} -> {f.actor} ({kind})"] += 1
            else:
                m_tp += 1
                if kind in _KIND_FITS.get(hit.type, set()):
                    kind_ok += 1
                else:
                    wrong_kind[f"{hit.text} [{hit.type}] as {kind}"] += 1
            by_actor[f.actor].add(n)
        for g in actors:
            g_total[g.type] += 1
            if any(_overlaps((f.start, f.end), (g.start, g.end)) for f in found):
                g_found[g.type] += 1
        distinct: dict[str, tuple[str, bool]] = {}
        for g in actors:
            hit = any(_overlaps((f.start, f.end), (g.start, g.end)) for f in found)
            seen = distinct.get(g.identity, (g.type, False))
            distinct[g.identity] = (g.type, seen[1] or hit)
        for identity, (kind, hit) in distinct.items():
            d_total[kind] += 1
            d_found[kind] += hit
            if not hit:
                misses[f"{identity} [{kind}]"] += 1
        for mentions in by_actor.values():
            p_all += 1
            p_ok += any(
                any(_overlaps((found[n].start, found[n].end), (g.start, g.end)) for g in named)
                for n in mentions
            )
    mp = m_tp / max(1, m_tp + m_fp)
    mr = sum(g_found.values()) / max(1, sum(g_total.values()))
    print(
        f"  mentions: precision {mp:.3f}  recall {mr:.3f}  F1 {2 * mp * mr / max(1e-9, mp + mr):.3f}"
        f"  kind right {kind_ok / max(1, m_tp):.3f}   ({words / elapsed:,.0f} words/s)"
    )
    dr = sum(d_found.values()) / max(1, sum(d_total.values()))
    dp = p_ok / max(1, p_all)
    print(f"  distinct actors per article: recall {dr:.3f}  precision {dp:.3f}")
    for kind in names:
        print(
            f"    {kind:<13} recall {d_found[kind] / max(1, d_total[kind]):.3f}"
            f"  ({d_found[kind]}/{d_total[kind]})"
        )
    if errors:
        for title, counter in (
            ("false alarms", fps),
            ("missed actors", misses),
            ("wrong kinds", wrong_kind),
        ):
            print(f"  {title}: " + "; ".join(f"{k} x{n}" for k, n in counter.most_common(errors)))


def listed_only() -> ActorMatcher:
    countries = [
        Actor(c.name, "country", c.aliases + c.demonyms + c.capitals) for c in lexicon().countries
    ]
    return ActorMatcher(default_matcher().actors + countries, listed_only=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--genre", choices=["news", "bio"])
    args = ap.parse_args()
    if not (DEV / "gold.jsonl").exists():
        print(f"{DEV} not found; nothing to measure")
        return 0
    genres = [args.genre] if args.genre else ["news", "bio", None]
    for genre in genres:
        docs = read_gold(genre)
        print(f"\n{genre or 'all'}: {len(docs)} documents")
        print(" recogniser (the app):")
        evaluate(default_matcher(), docs, args.errors)
        print(" lists only (the old matcher: gazetteer and every country's names, no recognition):")
        evaluate(listed_only(), docs, 0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
