"""Same articles, same events, on news nobody tuned for: each article of ../shared/actors-dev
(GUM's Wikinews articles and biographies) written as .txt, as a PDF laid out by Qt's text
engine (wrapped, paginated, a running header), as .docx, as .eml and as a row of a CSV, each
set imported into a store of its own; then, article by article, are the events (start, end,
precision, title) the ones the .txt gives?

    python benchmarks/formats_same.py [--limit N] [--show 5] [--keep DIR]

Prints the share of articles whose events are identical to the .txt's, per format, and the
first differences (--show) to read. The articles are read from ../shared and written only to a
temporary folder; the benchmark skips when ../shared/actors-dev is absent. Every format gets
the same publication date (given, as a user would with --published), so that what is compared
is the reading of the text, not where a date came from.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import email.message
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "actors-dev"
sys.path.insert(0, str(ROOT))

PUBLISHED = dt.date(2017, 6, 1)


def articles(limit: int) -> list[tuple[str, str, str]]:
    """(name, headline, text) with paragraphs apart and sentences of a paragraph joined."""
    out = []
    for path in sorted(SHARED.glob("GUM_*.txt"))[:limit]:
        blocks = [b.split("\n") for b in path.read_text(encoding="utf-8").strip().split("\n\n")]
        paragraphs = [" ".join(s.strip() for s in b if s.strip()) for b in blocks]
        paragraphs = [p for p in paragraphs if p]
        out.append((path.stem, paragraphs[0], "\n\n".join(paragraphs)))
    return out


def write_pdf(path: Path, headline: str, text: str) -> None:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    writer.setTitle(headline)
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Serif", 11))
    doc.setPlainText(text)  # print_() lays it out on the writer's pages
    doc.print_(writer)


def write_docx(path: Path, headline: str, text: str) -> None:
    import docx

    document = docx.Document()
    for n, paragraph in enumerate(text.split("\n\n")):
        document.add_paragraph(paragraph, style="Title" if n == 0 else None)
    document.save(str(path))


def _message(headline: str, text: str) -> email.message.EmailMessage:
    msg = email.message.EmailMessage()
    msg["Subject"], msg["From"] = headline, "Desk <desk@example.org>"
    msg["Date"] = "Thu, 01 Jun 2017 09:00:00 +0000"
    msg.set_content(text)
    return msg


def write_eml(path: Path, headline: str, text: str) -> None:
    path.write_bytes(bytes(_message(headline, text)))


def write_html_eml(path: Path, headline: str, text: str) -> None:
    """A newsletter: plain text and an HTML part (read as web pages are)."""
    from html import escape

    msg = _message(headline, text)
    paragraphs = text.split("\n\n")
    body = f"<h1>{escape(paragraphs[0])}</h1>" + "".join(
        f"<p>{escape(p)}</p>" for p in paragraphs[1:]
    )
    msg.add_alternative(
        f"<html><head><title>{escape(headline)}</title></head><body>{body}</body></html>",
        subtype="html",
    )
    path.write_bytes(bytes(msg))


Writer = Callable[[Path, str, str], None]
FORMATS: dict[str, tuple[str, Writer]] = {
    "pdf": (".pdf", write_pdf),
    "docx": (".docx", write_docx),
    "eml": (".eml", write_eml),
    "html-eml": (".eml", write_html_eml),
}


def events_by_article(folder: Path, db: Path) -> dict[str, set[tuple[object, ...]]]:
    from explorer import pipeline
    from explorer.store.repo import Store

    store = Store(db)
    try:
        report = pipeline.ingest([folder], store, published=PUBLISHED, workers=2)
        if report.failed:
            print(f"  {folder.name}: {len(report.failed)} failed, e.g. {report.failed[0]}")
        names = {d.id: Path(d.path).name.split(".")[0] if "#" not in d.path
                 else d.title or d.path for d in store.documents()}
        titles = {d.id: d.title for d in store.documents()}
        out: dict[str, set[tuple[object, ...]]] = {}
        for e in store.events():
            for s in e.sources:
                key = names[s.document_id] if folder.name != "csv" else str(titles[s.document_id])
                out.setdefault(key, set()).add(
                    (e.span.iso_start(), e.span.iso_end(), e.span.precision.value, e.title)
                )
        return out
    finally:
        store.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("--keep", type=Path)
    args = ap.parse_args()
    if not SHARED.exists():
        print("../shared/actors-dev is not here: nothing to measure")
        return 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    work = args.keep or Path(tempfile.mkdtemp(prefix="formats-same-"))
    items = articles(args.limit)
    try:
        (work / "txt").mkdir(parents=True, exist_ok=True)
        for name, _headline, text in items:
            (work / "txt" / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        for kind, (suffix, write) in FORMATS.items():
            (work / kind).mkdir(exist_ok=True)
            for name, headline, text in items:
                write(work / kind / f"{name}{suffix}", headline, text)
        (work / "csv").mkdir(exist_ok=True)
        with (work / "csv" / "articles.csv").open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "headline", "text"])
            for name, _headline, text in items:
                w.writerow([name, name, text])  # the id as title: rows found again by it
        base = events_by_article(work / "txt", work / "txt.sqlite")
        print(f"{len(items)} articles; the .txt files give {sum(map(len, base.values()))} "
              "(article, event) pairs")
        for kind in [*FORMATS, "csv"]:
            got = events_by_article(work / kind, work / f"{kind}.sqlite")
            same = [n for n, _, _ in items if got.get(n, set()) == base.get(n, set())]
            print(f"  {kind:8s} identical events for {len(same)}/{len(items)} articles "
                  f"({len(same) / len(items):.0%})")
            shown = 0
            for n, _, _ in items:
                if got.get(n, set()) != base.get(n, set()) and shown < args.show:
                    shown += 1
                    only_txt = sorted(base.get(n, set()) - got.get(n, set()), key=str)[:2]
                    only_fmt = sorted(got.get(n, set()) - base.get(n, set()), key=str)[:2]
                    print(f"    {n}: only in .txt {only_txt}\n      only in .{kind} {only_fmt}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
