"""Input formats: PDF pages per second, table rows per second, and a 1 GB JSON Lines file
streamed in bounded memory.

    python benchmarks/formats.py [--pages 60] [--rows 20000] [--runs 5] [--jsonl-gb 1]
        [--ingest-rows 2000] [--keep DIR]

Every input is made here, in a temporary folder, from sentences of our own (invented ports and
ministers, real calendar dates): nothing is read from ../shared, nothing stored in the project.

- PDF: a --pages page PDF written with Qt's QPdfWriter (a running header, page numbers, a
  headline, paragraphs). Timed: explorer's PDF reader (text per page, lines joined into
  paragraphs, furniture dropped) against the baseline of PDFium's own page text
  (get_text_range on every page, nothing else), both in this process, medians of --runs.
- CSV: a --rows row table (headline, date, outlet, URL, a ~1,800-character body). Timed:
  splitting it into articles (columns found, dates read, keys made) against the baseline of
  csv.reader over the same file; then reading every row into a Document (decoded, markup
  cleaned, byline looked for).
- Whole import as a user runs it: ``python -m explorer ingest`` in a subprocess on the first
  500 rows of the table as one CSV, against the same 500 articles as .txt files.
- JSON Lines: a --jsonl-gb GB file (0 to skip), split in a subprocess that reports its peak
  resident memory (wait4's ru_maxrss) and rows per second; and ``pipeline.ingest`` of the
  same file, stopped after --ingest-rows articles (cancel), with its peak memory: the import
  streams the file, it never loads it whole.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PORTS = ["Velm", "Orsk Bay", "Talren", "Kessa Point", "Morrow Sound", "Lindqvist Quay"]
PEOPLE = ["Mara Lind", "Oren Task", "Ilse Varn", "Tomas Reyl", "Anya Corde", "Paul Hest"]
BODIES = [
    "The harbour board of {port} met on {date} and agreed a new timetable for the ferries.",
    "{person}, the transport minister, said the port would open a second customs office in "
    "{year}.",
    "Negotiators from both governments held their {n}th round of talks on {date}.",
    "The ferry company reported that traffic through {port} rose by {n} percent in {year}.",
    "A review conference on the port treaty is planned for {month} {year}, officials said.",
    "{person} told reporters that the strike of {date} had cost the port {n} million.",
    "The new terminal at {port} will take its first ships on {date}, the board said.",
]


def _sentence(rng: random.Random) -> str:
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    return rng.choice(BODIES).format(
        port=rng.choice(PORTS),
        person=rng.choice(PEOPLE),
        date=f"{day.day} {day:%B} {day.year}",
        year=day.year,
        month=f"{day:%B}",
        n=rng.randrange(2, 40),
    )


def _body(rng: random.Random, chars: int = 1800) -> str:
    paragraphs: list[str] = []
    while sum(map(len, paragraphs)) < chars:
        paragraphs.append(" ".join(_sentence(rng) for _ in range(3)))
    return "\n\n".join(paragraphs)


def _median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


# --- PDF -----------------------------------------------------------------------------------


def make_pdf(path: Path, pages: int, rng: random.Random) -> Path:
    from PySide6.QtGui import QGuiApplication

    from tests.ingest.formats.makers import lines, write_pdf

    _app = QGuiApplication.instance() or QGuiApplication([])
    content = [[lines(" ".join(_sentence(rng) for _ in range(3))) for _ in range(5)]
               for _ in range(pages)]
    return write_pdf(path, content, header="THE VELM COURIER  Weekly edition", numbers=True,
                     headline="Ports of the north", created="20220315")


def bench_pdf(folder: Path, pages: int, runs: int, rng: random.Random) -> None:
    import pypdfium2 as pdfium

    from explorer.ingest.formats.pdf import read_pdf

    path = make_pdf(folder / "report.pdf", pages, rng)
    data = path.read_bytes()

    def baseline() -> None:
        pdf = pdfium.PdfDocument(data)
        for i in range(len(pdf)):
            pdf[i].get_textpage().get_text_range()
        pdf.close()

    base = _median(baseline, runs)
    ours = _median(lambda: read_pdf(str(path), data), runs)
    print(f"PDF, {pages} pages ({len(data) / 1e6:.1f} MB), medians of {runs}:")
    print(f"  PDFium page text (baseline)   {base:7.3f} s  {pages / base:8.0f} pages/s")
    print(f"  explorer's PDF reader         {ours:7.3f} s  {pages / ours:8.0f} pages/s"
          f"  ({ours / base:.2f}x the baseline's time)")


# --- CSV -----------------------------------------------------------------------------------


def make_csv(path: Path, rows: int, rng: random.Random) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Headline", "Publish Date", "Source", "Link", "Body Text"])
        for n in range(rows):
            day = dt.date(2016, 1, 1) + dt.timedelta(days=n % 3000)
            w.writerow([f"Ports report {n}", day.isoformat(), "Velm Courier",
                        f"https://courier.example.org/{n}", _body(rng)])
    return path


def bench_csv(folder: Path, rows: int, runs: int, rng: random.Random) -> Path:
    from explorer.ingest.formats import read_piece
    from explorer.ingest.formats.base import Piece, ReadOptions
    from explorer.ingest.readers import pieces

    path = make_csv(folder / "articles.csv", rows, rng)

    def baseline() -> None:
        csv.field_size_limit(20 * 1024 * 1024)
        with path.open(newline="", encoding="utf-8") as fh:
            for _ in csv.reader(fh):
                pass

    def split() -> None:
        for _ in pieces(path, ReadOptions()):
            pass

    def documents() -> None:
        for item in pieces(path, ReadOptions()):
            if isinstance(item, Piece):
                read_piece(f"{path}#{item.key}", item)

    base = _median(baseline, runs)
    ours = _median(split, runs)
    docs = _median(documents, max(1, runs // 2))
    size = path.stat().st_size / 1e6
    print(f"CSV, {rows:,} rows ({size:.0f} MB), medians of {runs}:")
    print(f"  csv.reader (baseline)         {base:7.3f} s  {rows / base:8.0f} rows/s")
    print(f"  split into articles           {ours:7.3f} s  {rows / ours:8.0f} rows/s"
          f"  ({ours / base:.2f}x the baseline's time)")
    print(f"  ... and read into Documents   {docs:7.3f} s  {rows / docs:8.0f} rows/s"
          f"  ({docs / base:.2f}x)")
    return path


def bench_whole_import(folder: Path, table: Path, rows: int = 500) -> None:
    """``explorer ingest`` as a user runs it: rows of a CSV against the same articles as
    .txt files."""
    part = folder / "part.csv"
    texts = folder / "texts"
    texts.mkdir()
    with table.open(newline="", encoding="utf-8") as fh, part.open("w", newline="") as out:
        reader, writer = csv.reader(fh), csv.writer(out)
        writer.writerow(next(reader))
        for n, row in zip(range(rows), reader, strict=False):
            writer.writerow(row)
            (texts / f"{n:05d}.txt").write_text(f"{row[0]}\n\n{row[1]}\n\n{row[4]}\n")

    def run(target: Path) -> float:
        home = Path(tempfile.mkdtemp(dir=folder))
        env = dict(os.environ, TIMELINE_EXPLORER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "explorer", "ingest", str(target), "--db", str(home / "t.db")],
            check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
        )
        return time.perf_counter() - t

    as_txt = statistics.median(run(texts) for _ in range(2))
    as_csv = statistics.median(run(part) for _ in range(2))
    print(f"Whole import, {rows} articles, `explorer ingest` in a subprocess, median of 2:")
    print(f"  as {rows} .txt files (baseline)  {as_txt:6.1f} s  {rows / as_txt:6.0f} articles/s")
    print(f"  as one CSV table            {as_csv:6.1f} s  {rows / as_csv:6.0f} articles/s"
          f"  ({as_csv / as_txt:.2f}x the baseline's time)")


# --- JSON Lines ----------------------------------------------------------------------------


def make_jsonl(path: Path, gigabytes: float, rng: random.Random) -> int:
    bodies = [_body(rng) for _ in range(200)]  # varied enough, and quick to write 1 GB of
    target = int(gigabytes * 1e9)
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        while fh.tell() < target:
            day = dt.date(2016, 1, 1) + dt.timedelta(days=n % 3000)
            fh.write(json.dumps({"id": n, "headline": f"Ports report {n}",
                                 "published_at": f"{day}T06:00:00Z",
                                 "source": {"name": "Kessa Wire"},
                                 "content": bodies[n % len(bodies)] + f" Report {n}."}) + "\n")
            n += 1
    return n


_SPLIT_CHILD = """
import sys, time, resource
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from explorer.ingest.formats.base import ReadOptions
from explorer.ingest.readers import pieces
t = time.perf_counter(); n = 0
for _ in pieces(Path(sys.argv[2]), ReadOptions()):
    n += 1
print(n, time.perf_counter() - t)
"""

_INGEST_CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from explorer import pipeline
from explorer.store.repo import Store
limit = int(sys.argv[4]); seen = [0]
def progress(done, total, note):
    seen[0] = done
store = Store(Path(sys.argv[3]))
t = time.perf_counter()
report = pipeline.ingest([Path(sys.argv[2])], store, progress=progress,
                         cancel=lambda: seen[0] >= limit)
print(len(report.imported), time.perf_counter() - t)
"""


def _child(code: str, *args: str) -> tuple[str, float]:
    """Run ``code`` in a new interpreter: its output, and its peak resident memory in MB."""
    proc = subprocess.Popen([sys.executable, "-c", code, str(ROOT), *args],
                            stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"the child failed ({status}): {out}")
    return out, usage.ru_maxrss / 1024  # KB on Linux


def bench_jsonl(folder: Path, gigabytes: float, ingest_rows: int, rng: random.Random) -> None:
    path = folder / "big.jsonl"
    t = time.perf_counter()
    rows = make_jsonl(path, gigabytes, rng)
    size = path.stat().st_size
    print(f"JSON Lines, {size / 1e9:.2f} GB, {rows:,} rows (written in "
          f"{time.perf_counter() - t:.0f} s):")
    out, rss = _child(_SPLIT_CHILD, str(path))
    n, secs = out.split()
    print(f"  split, every row              {float(secs):7.1f} s  {int(n) / float(secs):8.0f} "
          f"rows/s  peak memory {rss:.0f} MB")
    out, rss = _child(_INGEST_CHILD, str(path), str(folder / "big.sqlite"), str(ingest_rows))
    n, secs = out.split()
    print(f"  pipeline.ingest, first {int(n):,} rows then cancelled  {float(secs):6.1f} s  "
          f"peak memory {rss:.0f} MB (the file is {size / 1e6:,.0f} MB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jsonl-gb", type=float, default=1.0)
    ap.add_argument("--ingest-rows", type=int, default=2000)
    ap.add_argument("--keep", type=Path, help="make the inputs here and leave them")
    args = ap.parse_args()
    rng = random.Random(7)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="formats-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        bench_pdf(folder, args.pages, args.runs, rng)
        table = bench_csv(folder, args.rows, args.runs, rng)
        bench_whole_import(folder, table)
        if args.jsonl_gb > 0:
            bench_jsonl(folder, args.jsonl_gb, args.ingest_rows, rng)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
