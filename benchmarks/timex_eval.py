"""Score the date tagger on TimeBank DATE expressions, beside dateparser's search_dates.

    python benchmarks/timex_eval.py [--timebank DIR] [--errors N] [--no-baseline]

Prints relaxed and strict precision/recall/F1, value accuracy and value F1, documents/s and
words/s for both taggers in the same run, then the tagger's misses, false alarms and wrong values
grouped by category. Expressions the annotators typed TIME, DURATION or SET neither count for
nor against a tagger.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import timebank  # noqa: E402

from explorer.model import Precision, TimeExpression  # noqa: E402
from explorer.temporal import tag  # noqa: E402

_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Prediction:
    start: int
    end: int
    text: str
    value: Callable[[str], bool]  # does this prediction's resolved date equal a gold value?
    label: str = ""


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    seconds: float = 0.0
    words: int = 0
    docs: int = 0

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ours_value_test(e: TimeExpression) -> Callable[[str], bool]:
    def test(gold: str) -> bool:
        if gold.endswith("_REF"):
            return e.reference is not None and gold == f"{e.reference.value.upper()}_REF"
        if e.span is None:
            return False
        return span_matches(e.span.start, e.span.end, e.span.precision, gold)

    return test


def span_matches(start: dt.date, end: dt.date, precision: Precision, gold: str) -> bool:
    """Does a span at its precision equal a TimeML value at the value's own granularity?"""
    gold = gold.split("T")[0]
    m = re.fullmatch(r"(\d{4})-Q(\d)", gold)
    if m:
        first = 3 * (int(m.group(2)) - 1) + 1
        return (
            precision is Precision.QUARTER
            and start.year == int(m.group(1))
            and start.month == first
        )
    m = re.fullmatch(r"(\d{4})-H(\d)", gold)
    if m:
        return precision is Precision.HALF and (start.year, start.month) == (
            int(m.group(1)),
            1 if m.group(2) == "1" else 7,
        )
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", gold)
    if m:
        return precision is Precision.SEASON and (start.year, start.month) == (
            int(m.group(1)),
            _SEASON_MONTH[m.group(2)],
        )
    m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", gold)
    if m:
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m.group(3):
            return start == monday + dt.timedelta(days=5)
        return precision is Precision.WEEK and start == monday
    if "X" in gold:
        # Only the known digits count: "1998-WXX" is some week of 1998, "199X" the 1990s.
        digits = re.match(r"\d+", gold)
        return bool(digits) and str(start.year).startswith(digits.group(0))
    known = re.match(r"\d{4}(?:-\d\d){0,2}|\d{2,3}", gold)
    if not known:
        return False
    prefix = known.group(0)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", prefix):
        return precision is Precision.DAY and start == end == dt.date.fromisoformat(prefix)
    if re.fullmatch(r"\d{4}-\d\d", prefix):
        return precision is Precision.MONTH and f"{start:%Y-%m}" == prefix
    if re.fullmatch(r"\d{4}", prefix):
        return precision is Precision.YEAR and str(start.year) == prefix
    if re.fullmatch(r"\d{3}", prefix):
        return precision is Precision.DECADE and str(start.year)[:3] == prefix
    if re.fullmatch(r"\d{2}", prefix):
        return precision is Precision.CENTURY and str(start.year + 99)[:2] == str(int(prefix) + 1)
    return False


def dateparser_value_test(when: dt.datetime) -> Callable[[str], bool]:
    def test(gold: str) -> bool:
        g = gold.split("T")[0]
        for fmt, pat in (
            ("%Y-%m-%d", r"\d{4}-\d\d-\d\d"),
            ("%Y-%m", r"\d{4}-\d\d"),
            ("%Y", r"\d{4}"),
        ):
            if re.fullmatch(pat, g):
                return when.strftime(fmt) == g
        if re.fullmatch(r"\d{3}", g):
            return str(when.year)[:3] == g
        return False

    return test


def run_ours(article: timebank.Article) -> list[Prediction]:
    return [
        Prediction(e.start, e.end, e.text, ours_value_test(e), _label(e))
        for e in tag(article.text, article.dct)
    ]


def run_dates_cli(article: timebank.Article) -> list[Prediction]:
    # What `explorer dates` prints by default: only expressions with a calendar value ("now",
    # "recently", "soon" need --references). TimeBank marks those as DATE too, so recall drops.
    return [p for p in run_ours(article) if p.label not in ("present", "past", "future")]


def _label(e: TimeExpression) -> str:
    if e.span is not None:
        return f"{e.span.label()} {e.span.precision.value}"
    return e.reference.value if e.reference else "unresolved"


def run_search_dates(article: timebank.Article) -> list[Prediction]:
    from dateparser.search import search_dates

    base = dt.datetime.combine(article.dct, dt.time(12))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(article.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out: list[Prediction] = []
    pos = 0
    for text, when in found:
        start = article.text.find(text, pos)
        if start < 0:
            continue
        pos = start + len(text)
        out.append(Prediction(start, pos, text, dateparser_value_test(when)))
    return out


def evaluate(
    articles: list[timebank.Article],
    tagger: Callable[[timebank.Article], list[Prediction]],
    errors: dict[str, list[str]] | None = None,
) -> Score:
    score = Score()
    for art in articles:
        t0 = time.perf_counter()
        preds = tagger(art)
        score.seconds += time.perf_counter() - t0
        score.words += len(art.text.split())
        score.docs += 1
        dates = [t for t in art.timexes if t.type == "DATE"]
        others = [t for t in art.timexes if t.type != "DATE"]
        score.gold += len(dates)
        used: set[int] = set()
        for p in preds:
            match = next(
                (
                    i
                    for i, g in enumerate(dates)
                    if i not in used and p.start < g.end and g.start < p.end
                ),
                None,
            )
            if match is None:
                if any(p.start < o.end and o.start < p.end for o in others):
                    continue  # a TIME/DURATION/SET expression: not scored
                score.predicted += 1
                if errors is not None:
                    errors["false alarm"].append(
                        f"{p.text!r}  ({_context(art.text, p.start, p.end)})"
                    )
                continue
            used.add(match)
            g = dates[match]
            score.predicted += 1
            score.relaxed += 1
            if (p.start, p.end) == (g.start, g.end):
                score.strict += 1
            elif errors is not None:
                errors["span differs"].append(f"ours {p.text!r} gold {g.text!r}")
            if p.value(g.value):
                score.value += 1
            elif errors is not None:
                errors["wrong value"].append(
                    f"{g.text!r} gold {g.value} ours {p.label} dct {art.dct} ({_context(art.text, g.start, g.end)})"
                )
        if errors is not None:
            for i, g in enumerate(dates):
                if i not in used:
                    errors["missed"].append(
                        f"{g.text!r} {g.value}  ({_context(art.text, g.start, g.end)})"
                    )
    return score


def _is_wsj(article: timebank.Article) -> bool:
    return article.name.lower().startswith("wsj")


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    return " ".join(text[max(0, start - width) : end + width].split())


def report(name: str, s: Score) -> None:
    rp, rr, rf = s.prf(s.relaxed)
    sp, sr, sf = s.prf(s.strict)
    vp, vr, vf = s.prf(s.value)
    acc = s.value / s.relaxed if s.relaxed else 0.0
    print(
        f"{name:<22} relaxed P {rp:.3f} R {rr:.3f} F1 {rf:.3f} | strict P {sp:.3f} R {sr:.3f} "
        f"F1 {sf:.3f} | value acc {acc:.3f} F1 {vf:.3f} | {s.docs / s.seconds:7.1f} docs/s "
        f"{s.words / s.seconds:9.0f} words/s"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timebank", type=Path, default=timebank.DEFAULT_DIR)
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors per category")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser.search_dates")
    args = ap.parse_args(argv)
    if not args.timebank.is_dir():
        print(f"TimeBank not found at {args.timebank}; nothing to measure.")
        return 0
    articles = timebank.read_all(args.timebank)
    tag("Warm-up on 4 May 2020.", dt.date(2020, 5, 5))  # load dateparser's data outside the clock
    errors: dict[str, list[str]] = collections.defaultdict(list)
    ours = evaluate(articles, run_ours, errors)
    print(f"{len(articles)} articles, {ours.gold} DATE expressions")
    report("explorer", ours)
    # The two halves of TimeBank: Wall Street Journal business news, and broadcast and wire
    # news (ABC, CNN, PRI, VOA, AP, APW, NYT). A rule fitted to one shows as a gap between them.
    for half, keep in (("  WSJ", _is_wsj), ("  wire+broadcast", lambda a: not _is_wsj(a))):
        part = [a for a in articles if keep(a)]
        report(f"{half} ({len(part)})", evaluate(part, run_ours))
    report("`dates` (no refs)", evaluate(articles, run_dates_cli))
    if not args.no_baseline:
        base = evaluate(articles, run_search_dates)
        report("search_dates", base)
        print(
            f"throughput ratio explorer / search_dates: "
            f"{(ours.words / ours.seconds) / (base.words / base.seconds):.1f}x"
        )
    if args.errors:
        for category, rows in sorted(errors.items()):
            print(f"\n== {category}: {len(rows)}")
            for row in rows[: args.errors]:
                print("  " + row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
