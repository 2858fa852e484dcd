"""Big single files: is an import linear in the file's size, in time and memory?

    python benchmarks/big_file.py [--sizes 1 4 16] [--line-mb 4] [--mb 20] [--runs N]
        [--shapes tiny names dates nopunct ...] [--shape-mb 4] [--timeout S]
        [--source auto|shared|generated] [--no-stages] [--keep DIR] [--tree CHECKOUT]

Inputs are built at run time in a temporary folder, never stored in the project: distinct
agency-style articles (a headline, a dateline, "CITY (Agency) -" and the body) concatenated
into one file of 1, 4 and 16 MB (--sizes), and one 4 MB line with no line breaks at all (the
same articles with every run of white space made one space). The bodies come from the TimeBank
articles in ../shared/timebank and the Timeline17 articles in ../shared/tls-dev when they are
there, each copy made distinct (its own dateline, its years moved on); without ../shared the
articles are generated here from word lists (names, countries, bodies, dates). --shapes adds
files of other shapes: ``tiny`` (each sentence a paragraph), ``names`` and ``dates``
(generated paragraphs crowded with people sharing surnames, or with dates), ``nopunct`` (the
articles without punctuation or line breaks: one "sentence" as long as the file).

Each file is imported as a user does, ``python -m explorer ingest FILE --db tmp.sqlite
--workers 0`` in a subprocess with its own home folder (--tree runs another checkout's code);
wall time and peak RSS (of that process, from wait4) are the medians of --runs. Each file's
seconds per MB, less the fixed cost of any import (measured on a 4 KB file), is compared with
the first size's (1 MB) measured in the same run: 1.00x is linear, and 0.7x to 1.3x passes. --mb 20 adds a 20 MB file and the check: under 60 s and 1 GB. Then, in this process,
the stages of the analysis of each file (read and decode, passages, dates, actors, drafts,
store) are timed once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

MB = 1024 * 1024  # the reader's limit is 20 MB of these


# --- Inputs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Body:
    text: str
    published: dt.date


def _timebank_bodies() -> list[Body]:
    folder = SHARED / "timebank"
    if not folder.is_dir():
        return []
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import timebank

    return [Body(a.text.strip(), a.dct) for a in timebank.read_all(folder)]


def _tls_bodies() -> list[Body]:
    folder = SHARED / "tls-dev"
    out: list[Body] = []
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*/InputDocs/*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        if len(text) < 400:
            continue
        try:
            day = dt.date.fromisoformat(path.parent.name)
        except ValueError:
            continue
        out.append(Body(_detokenise(text), day))
    return out


_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]]|'s|n't|'re|'ve|'ll|'d|'m)")
_SPACE_AFTER = re.compile(r"([(\[$]) ")


def _detokenise(text: str) -> str:
    """Timeline17 is tokenised (``BP 's``, ``-LRB-``); make it read as a newspaper's text."""
    text = text.replace("-LRB-", "(").replace("-RRB-", ")").replace("``", '"').replace("''", '"')
    text = _SPACE_BEFORE.sub(r"\1", text)
    return _SPACE_AFTER.sub(r"\1", text)


_FIRST = [
    "Anna",
    "Boris",
    "Carlos",
    "Dmitri",
    "Elena",
    "Fatima",
    "Gustav",
    "Hiroshi",
    "Ingrid",
    "Jamal",
    "Katarina",
    "Luis",
    "Maria",
    "Nikolai",
    "Olga",
    "Pedro",
    "Qasim",
    "Rosa",
    "Sergei",
    "Tomas",
    "Ursula",
    "Viktor",
    "Wang",
    "Xavier",
    "Yusuf",
    "Zara",
    "Ahmed",
    "Beatriz",
    "Chen",
    "Daniel",
    "Emma",
    "Farid",
    "Greta",
    "Hassan",
    "Irina",
    "Jorge",
    "Kenji",
    "Leila",
    "Mikhail",
    "Nadia",
    "Oscar",
    "Priya",
]
_LAST = [
    "Petrov",
    "Garcia",
    "Nakamura",
    "Okafor",
    "Schmidt",
    "Rossi",
    "Kowalski",
    "Haddad",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Santos",
    "Ivanova",
    "Tanaka",
    "Mensah",
    "Fischer",
    "Romano",
    "Nowak",
    "Karimi",
    "Berg",
    "Dubois",
    "Horvat",
    "Silva",
    "Volkov",
    "Yamamoto",
    "Osei",
    "Weber",
    "Greco",
    "Zielinski",
    "Rahimi",
    "Dahl",
    "Laurent",
    "Kovac",
    "Costa",
    "Sokolov",
    "Mori",
    "Boateng",
    "Keller",
    "Ferraro",
    "Wojcik",
]
_COUNTRIES = [
    "Russia",
    "China",
    "Ukraine",
    "France",
    "Germany",
    "Japan",
    "India",
    "Brazil",
    "Turkey",
    "Iran",
    "Kenya",
    "Nigeria",
    "Canada",
    "Mexico",
    "Egypt",
    "Poland",
    "Italy",
    "Spain",
    "Norway",
    "Sweden",
    "Finland",
    "Georgia",
    "Armenia",
    "Chile",
]
_BODIES = [
    "the Ministry of Finance",
    "the European Commission",
    "the World Health Organization",
    "the Central Bank",
    "the National Assembly",
    "the Supreme Court",
    "the United Nations",
    "NATO",
    "the Red Cross",
    "Global Energy Corp",
    "the Atlantic Shipping Company",
    "the Farmers Union",
]
_CITIES = [
    "MOSCOW",
    "BEIJING",
    "KYIV",
    "PARIS",
    "BERLIN",
    "TOKYO",
    "DELHI",
    "ANKARA",
    "NAIROBI",
    "OTTAWA",
    "CAIRO",
    "ROME",
]
_AGENCIES = ["Reuters", "AP", "AFP", "Xinhua"]
_VERBS = [
    "said",
    "announced",
    "warned",
    "signed an agreement",
    "met officials",
    "rejected the proposal",
    "opened talks",
    "raised interest rates",
]
_WHEN = [
    "on Monday",
    "on Wednesday",
    "last week",
    "in March",
    "on 4 May",
    "on June 23",
    "earlier this year",
    "in the third quarter",
    "two days ago",
    "in {year}",
    "between 4 and 20 February",
    "next month",
]


def _generated_bodies(count: int, seed: int = 20) -> list[Body]:
    """News-like bodies from word lists, for machines without ../shared."""
    rnd = random.Random(seed)
    out: list[Body] = []
    for n in range(count):
        people = [f"{rnd.choice(_FIRST)} {rnd.choice(_LAST)}" for _ in range(3)]
        sentences = []
        for _ in range(rnd.randint(12, 30)):
            who = rnd.choice(
                [rnd.choice(people), rnd.choice(_COUNTRIES), rnd.choice(_BODIES).capitalize()]
            )
            when = rnd.choice(_WHEN).format(year=rnd.randint(1990, 2023))
            what = rnd.choice(_VERBS)
            tail = rnd.choice(
                [
                    f", according to {rnd.choice(_BODIES)}",
                    f" with {rnd.choice(_COUNTRIES)}",
                    f". {people[0].split()[-1]} told reporters that {rnd.choice(_COUNTRIES)} "
                    "would respond",
                    "",
                ]
            )
            sentences.append(f"{who} {what} {when}{tail}.")
        paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
        published = dt.date(2000, 1, 1) + dt.timedelta(days=(n * 37) % 8000)
        out.append(Body("\n\n".join(paragraphs), published))
    return out


_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")


def articles(source: str) -> Iterator[str]:
    """Distinct agency-style articles, without end: each round of the bodies moves every
    dateline and every year on, so no two articles are the same text."""
    bodies: list[Body] = []
    if source in ("shared", "auto"):
        bodies = _timebank_bodies() + _tls_bodies()
    if not bodies:
        if source == "shared":
            raise SystemExit(f"{SHARED} has no articles")
        bodies = _generated_bodies(400)
    rnd = random.Random(7)
    for round_ in range(10_000):
        for n, body in enumerate(bodies):
            shift = round_
            day = body.published.replace(year=body.published.year + shift, day=min(
                body.published.day, 28))  # fmt: skip
            text = _YEAR.sub(lambda m, s=shift: str(int(m.group(1)) + s), body.text)
            first = text.split(".", 1)[0].split("\n", 1)[0][:70].strip()
            headline = " ".join(w.capitalize() for w in first.split()[:9]) or f"Report {n}"
            yield (
                f"{headline}\n{day:%B %d, %Y}\n\n{rnd.choice(_CITIES)} "
                f"({rnd.choice(_AGENCIES)}) - {text}\n"
            )


def _crowded_names(rnd: random.Random) -> str:
    """A paragraph crowded with people, many of them sharing a surname, named in full and
    then by surname alone: the recogniser's work of telling them apart."""
    people = [f"{rnd.choice(_FIRST)} {rnd.choice(_LAST)}" for _ in range(6)]
    a, b, c, d, e, f = people
    return (
        f"{a}, {b} and {c} met {d} and {rnd.choice(_COUNTRIES)} President {e} in "
        f"{rnd.choice(_CITIES).title()} on Monday. {a.split()[-1]} said {f} and "
        f"{b.split()[-1]} would join {rnd.choice(_BODIES)}. {c.split()[-1]} told "
        f"{d.split()[0]} that {e.split()[-1]} and Mr. {f.split()[-1]} disagreed.\n\n"
    )


def _crowded_dates(rnd: random.Random) -> str:
    """A paragraph crowded with dates of every kind."""
    whens = [w.format(year=rnd.randint(1950, 2030)) for w in rnd.sample(_WHEN, 6)]
    day, month = rnd.randint(1, 28), rnd.choice(["January", "March", "May", "July", "October"])
    return (
        f"{rnd.choice(_COUNTRIES)} said {whens[0]} that talks held {whens[1]} and {whens[2]} "
        f"would resume {whens[3]}; the deal signed on {day} {month} {rnd.randint(1990, 2024)} "
        f"runs from {month} {day} to {rnd.randint(2025, 2030)} and was revised {whens[4]}, "
        f"{whens[5]} and in the first half of {rnd.randint(1990, 2024)}.\n"
    )


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_PUNCTUATION = re.compile(r"[^\w\s]+")
SHAPES = ("articles", "line", "tiny", "names", "dates", "nopunct")


def pieces(shape: str, source: str) -> Iterator[str]:
    """The text of a file of this shape, piece by piece: ``articles`` (one after another),
    ``line`` (the articles on one line), ``tiny`` (each sentence a paragraph), ``names`` and
    ``dates`` (generated paragraphs crowded with people or dates) and ``nopunct`` (the
    articles without any punctuation or line break: one sentence as long as the file)."""
    rnd = random.Random(11)
    if shape in ("names", "dates"):
        yield f"Crowded {shape}\nMay 4, 2021\n\n"  # a dateline: the dates have a base
        while True:
            yield _crowded_names(rnd) if shape == "names" else _crowded_dates(rnd)
    for article in articles(source):
        if shape == "articles":
            yield article + "\n"
        elif shape == "line":
            yield " ".join(article.split()) + " "
        elif shape == "tiny":
            yield "\n\n".join(_SENTENCE_END.split(article.strip())) + "\n\n"
        elif shape == "nopunct":
            yield " ".join(_PUNCTUATION.sub(" ", article).split()) + " "
        else:
            raise ValueError(shape)


def build_file(path: Path, size: int, source: str, shape: str = "articles") -> int:
    """A file of this shape, of ``size`` bytes (UTF-8) or a little less; returns its size."""
    parts: list[str] = []
    total = 0
    for piece in pieces(shape, source):
        length = len(piece.encode("utf-8"))
        if total + length > size and total:
            break
        parts.append(piece)
        total += length
    path.write_text("".join(parts), encoding="utf-8")
    return path.stat().st_size


# --- Measurements -------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float
    rss_mb: float
    ok: bool
    note: str = ""


def run_ingest(path: Path, work: Path, timeout: float, tree: Path = ROOT) -> Run:
    """``python -m explorer ingest`` in a subprocess with its own home; wall time and the
    subprocess's own peak RSS (wait4 gives the rusage of that one child)."""
    home = Path(tempfile.mkdtemp(dir=work, prefix="home-"))
    env = dict(os.environ, TIMELINE_EXPLORER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    cmd = [sys.executable, "-m", "explorer", "ingest", str(path)]
    cmd += ["--db", str(home / "bench.sqlite"), "--workers", "0"]
    output = home / "output.txt"
    with output.open("w") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=tree, env=env, stdout=out, stderr=subprocess.STDOUT)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - t0 > timeout:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                shutil.rmtree(home, ignore_errors=True)
                return Run(time.perf_counter() - t0, usage.ru_maxrss / 1024, False, "timeout")
            time.sleep(0.02)
        elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = output.read_text(errors="replace").strip().splitlines() or [""]
    shutil.rmtree(home, ignore_errors=True)
    ok = proc.returncode == 0
    return Run(elapsed, usage.ru_maxrss / 1024, ok, lines[0] if ok else lines[-1])


STAGES = ("read", "passages", "dates", "actors", "drafts", "store")


def time_stages(path: Path, work: Path) -> dict[str, float]:
    """The analysis of one file, stage by stage, as analysis.analyse() chains it."""
    from explorer import pipeline
    from explorer.analysis import ANALYSIS_VERSION
    from explorer.events.build import drafts_for
    from explorer.events.rules import EVENT_RULES
    from explorer.ingest import byline
    from explorer.ingest.passages import split_passages
    from explorer.ingest.readers import read_document
    from explorer.model import Analysis
    from explorer.store.repo import Store
    from explorer.temporal import tag

    home = Path(tempfile.mkdtemp(dir=work, prefix="stages-"))
    os.environ["TIMELINE_EXPLORER_HOME"] = str(home)
    store = Store(home / "stages.sqlite")
    matcher = pipeline.default_matcher(store)
    # Loaded once in a run (dateparser, word lists), not a cost of this file's size.
    tag("Warm up: on 4 May 2020 President Joe Biden met NATO.", dt.date(2020, 5, 5))
    matcher.find("Warm up: on 4 May 2020 President Joe Biden met NATO.")
    t = [time.perf_counter()]
    doc = read_document(path)
    t.append(time.perf_counter())
    passages = split_passages(doc.text)
    t.append(time.perf_counter())
    expressions = tag(doc.text, doc.published, [(p.start, p.end) for p in passages])
    t.append(time.perf_counter())
    mentions = matcher.find(doc.text)
    t.append(time.perf_counter())
    dateline = byline.read_byline(doc.text).date_span
    drafts = drafts_for(passages, expressions, mentions, exclude=dateline)
    t.append(time.perf_counter())
    analysis = Analysis(doc, passages, expressions, mentions, drafts, ANALYSIS_VERSION)
    store.save(analysis, EVENT_RULES, kinds=matcher.kinds)
    t.append(time.perf_counter())
    store.close()
    return {name: t[n + 1] - t[n] for n, name in enumerate(STAGES)}


# --- Report -------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").strip().splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16], help="MB, first is 1x")
    ap.add_argument("--line-mb", type=float, default=4, help="the one-line file (0: none)")
    ap.add_argument("--mb", type=float, default=0, help="also a file of this many MB (20)")
    ap.add_argument(
        "--shapes",
        nargs="*",
        choices=SHAPES,
        default=[],
        help="also files of these shapes (tiny paragraphs, crowded names or dates, no "
        "punctuation ...), each of --shape-mb MB",
    )
    ap.add_argument("--shape-mb", type=float, default=4)
    ap.add_argument("--runs", type=int, default=1, help="median of this many imports")
    ap.add_argument("--timeout", type=float, default=900, help="seconds before a run is given up")
    ap.add_argument("--source", choices=("auto", "shared", "generated"), default="auto")
    ap.add_argument("--no-stages", action="store_true", help="skip the in-process stage times")
    ap.add_argument("--keep", type=Path, help="build the inputs in this folder and keep them")
    ap.add_argument(
        "--tree", type=Path, default=ROOT, help="the checkout to measure (default: this one)"
    )
    args = ap.parse_args()
    args.tree = args.tree.resolve()
    sys.path.insert(0, str(args.tree))
    work = args.keep or Path(tempfile.mkdtemp(prefix="big-file-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return measure(args, work)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def measure(args: argparse.Namespace, work: Path) -> int:
    inputs: list[tuple[str, Path, str, float]] = []  # label, file, shape, MB
    sizes = list(args.sizes) + ([args.mb] if args.mb and args.mb not in args.sizes else [])
    for mb in sizes:
        inputs.append((f"{mb:g} MB articles", work / f"articles-{mb:g}mb.txt", "articles", mb))
    if args.line_mb:
        mb = args.line_mb
        inputs.append((f"{mb:g} MB one line", work / f"line-{mb:g}mb.txt", "line", mb))
    for shape in args.shapes:
        mb = args.shape_mb
        inputs.append((f"{mb:g} MB {shape}", work / f"{shape}-{mb:g}mb.txt", shape, mb))
    for _, path, shape, mb in inputs:
        if not path.exists():
            build_file(path, int(mb * MB), args.source, shape)

    print(f"big files ({args.source} text, {args.runs} run(s) each, median), in {work}")
    print(f"code: {args.tree}")
    # What any import costs (starting Python, loading the gazetteer, opening the store) is
    # measured on one small article and taken off each size's time before comparing per MB:
    # otherwise the 1 MB file, which carries it alone, makes every bigger file look faster.
    small = work / "one-article.txt"
    if not small.exists():
        build_file(small, 4096, args.source)
    fixed = statistics.median(
        run_ingest(small, work, args.timeout, args.tree).seconds for _ in range(max(3, args.runs))
    )
    print(f"fixed cost (a 4 KB file): {fixed:.2f} s, taken off before s/MB")
    print(f"{'input':<20} {'MB':>6} {'s':>8} {'s/MB':>7} {'vs 1st':>7} {'RSS MB':>8}  result")
    base: float | None = None
    done: set[Path] = set()
    ratios: dict[float, float] = {}  # articles MB -> s/MB against the first
    for label, path, shape, mb in inputs:
        size = path.stat().st_size / MB
        runs = [run_ingest(path, work, args.timeout, args.tree) for _ in range(args.runs)]
        seconds = statistics.median(r.seconds for r in runs)
        rss = statistics.median(r.rss_mb for r in runs)
        per_mb = max(seconds - fixed, 0.01) / size
        if base is None:
            base = per_mb
        ok = all(r.ok for r in runs)
        if ok:
            done.add(path)
        if shape == "articles":
            ratios[mb] = per_mb / base
        note = runs[-1].note if ok else f"FAILED: {runs[-1].note}"
        print(
            f"{label:<20} {size:6.2f} {seconds:8.1f} {per_mb:7.2f} {per_mb / base:6.2f}x "
            f"{rss:8.0f}  {note[:60]}",
            flush=True,
        )
        if mb == args.mb and shape == "articles":
            verdict = "yes" if ok and seconds < 60 and rss < 1024 else "NO"
            print(f"  {mb:g} MB under 60 s and 1 GB: {verdict}")
    worst = max(ratios.values(), default=1.0)
    least = min(ratios.values(), default=1.0)
    linear = least >= 0.7 and worst <= 1.3
    print(f"  articles' s/MB within 30% of the first size's: {'yes' if linear else 'NO'} "
          f"(from {least:.2f}x to {worst:.2f}x)")  # fmt: skip
    if args.no_stages:
        return 0
    print("\nstages in this process, seconds (and per MB):")
    print(f"{'input':<20} " + " ".join(f"{s:>13}" for s in STAGES))
    for label, path, _, _ in inputs:
        if path not in done:
            print(f"{label:<20} (not timed: the import did not finish)")
            continue
        size = path.stat().st_size / MB
        stages = time_stages(path, work)
        cells = " ".join(f"{stages[s]:6.1f} ({stages[s] / size:4.2f})" for s in STAGES)
        print(f"{label:<20} {cells}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
