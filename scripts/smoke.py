"""What a user does first, run against an installed `explorer` (the PyInstaller bundle's
executable or a wheel's command in a fresh venv), with no display and a fresh data folder:
load the sample, import an HTML page, a text file and a folder big enough for the worker pool,
read dates, export JSON and PNG, and check what comes out.

Used by scripts/bundle_smoke.py and scripts/wheel_smoke.py; run from a folder outside the
checkout, so nothing can be read from the source tree by accident.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import tempfile
from pathlib import Path

ANCHORS = [  # (start, end, a phrase of one source sentence) in the bundled sample corpus
    ("2001-07-16", None, "Treaty of Good-Neighbourliness"),
    ("2014", None, "pivot to the East"),
    ("2021-11-23", None, "roadmap"),
    ("2022-02-04", "2022-02-20", "Winter Olympics"),
    ("2024-05-10", None, "Kharkiv"),
]

# Our own words, for the import checks.
PAGE = """<!DOCTYPE html><html><head><title>Harbour reopens | Coast Post</title>
<meta property="og:site_name" content="Coast Post">
<meta name="date" content="2023-04-14"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour reopens after storm repairs</h1>
<p>The northern harbour reopened on Wednesday after three months of repairs, the port
authority said. The breakwater had been damaged by a storm on 12 January.</p>
<p>Engineers first proposed a higher breakwater in 2019, and a second phase is planned
for next year.</p></article><footer>Copyright 2023 Coast Post</footer></body></html>
"""
TEXT = (
    "Rail link agreed\n\nBy Desk Writer\n\nMarch 3, 2021\n\n"
    "Transport ministers from Kenya and Uganda agreed on Tuesday to extend the rail link. "
    "Construction of the first section began in 2014.\n"
)


FERRY = (
    "The harbour board of Velm met on Tuesday and agreed a new timetable for the ferries. "
    "The first ferry under it will sail on 4 April 2022, the board said."
)


def write_formats(work: Path) -> list[Path]:
    """A PDF, a Word file, an e-mail and a CSV table of our own, made here, for the formats
    the registry reads with libraries of their own (PDFium, python-docx, email, csv)."""
    import csv
    import email.message
    import email.utils

    import docx
    from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display here either
    app = QGuiApplication.instance() or QGuiApplication([])
    pdf = work / "ferries.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setResolution(72)
    writer.setTitle("Velm ferries get a new timetable")
    painter = QPainter(writer)
    painter.drawText(40, 60, "Velm, 15 March 2022")  # a dateline, a paragraph of its own
    for n, line in enumerate(FERRY.split(". ")):
        painter.drawText(40, 100 + 15 * n, line + ("." if not line.endswith(".") else ""))
    painter.end()
    del app
    word = docx.Document()
    word.add_paragraph("Velm ferries get a new timetable", style="Title")
    word.add_paragraph("March 15, 2022")
    word.add_paragraph(FERRY)
    word.save(str(work / "ferries.docx"))
    msg = email.message.EmailMessage()
    msg["Subject"], msg["From"] = "Velm ferries get a new timetable", "Desk <desk@example.org>"
    msg["Date"] = "Tue, 15 Mar 2022 09:00:00 +0000"
    msg.set_content(FERRY)
    (work / "ferries.eml").write_bytes(bytes(msg))
    with (work / "ferries.csv").open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["headline", "pubdate", "body"],
                                  ["Velm ferries get a new timetable", "2022-03-15", FERRY]])
    return [work / f"ferries.{s}" for s in ("pdf", "docx", "eml", "csv")]


def run(cmd: list[str], *args: str, env: dict[str, str], cwd: Path) -> str:
    out = subprocess.run(
        [*cmd, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=600
    )
    if out.returncode != 0:
        raise SystemExit(f"{' '.join([*cmd, *args])} failed ({out.returncode}):\n{out.stderr}")
    return out.stdout


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or len(data) < 5000:
        raise SystemExit(f"{path} is not a real PNG")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def check(cmd: list[str]) -> None:
    home = Path(tempfile.mkdtemp(prefix="explorer-smoke-"))
    work = home / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(TIMELINE_EXPLORER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)

    print(run(cmd, "--version", env=env, cwd=work).strip())
    print(run(cmd, "load-sample", env=env, cwd=work).strip())
    db = home / "data" / "timeline.sqlite"
    assert db.exists(), "no database in the data folder"

    page, text = work / "harbour.html", work / "rail.txt"
    page.write_text(PAGE, encoding="utf-8")
    text.write_text(TEXT, encoding="utf-8")
    folder = work / "folder"
    folder.mkdir()
    for n in range(30):  # enough files for the worker pool
        (folder / f"{n:02d}.txt").write_text(
            TEXT.replace("March 3", f"March {n % 28 + 1}").replace("Uganda", f"Uganda ({n})"),
            encoding="utf-8",
        )
    print(run(cmd, "ingest", str(page), str(text), str(folder), env=env, cwd=work).strip())
    formats = write_formats(work)
    print(run(cmd, "ingest", *map(str, formats), env=env, cwd=work).strip())

    dates = json.loads(run(cmd, "dates", str(text), "--json", env=env, cwd=work))
    by_text = {d["text"]: d for d in dates}
    assert by_text["Tuesday"]["start"] == "2021-03-02", by_text
    assert by_text["2014"] == {
        "span": by_text["2014"]["span"],
        "text": "2014",
        "start": "2014",
        "end": None,
        "precision": "year",
    }

    # The PostgreSQL driver is in the package: a server that is not there is a clear message.
    away = subprocess.run(
        [*cmd, "documents", "--db", "postgresql+psycopg://nobody@127.0.0.1:9/timeline"],
        env=env, cwd=work, capture_output=True, text=True, timeout=60,
    )
    assert away.returncode == 2 and "cannot reach the database server" in away.stderr, away

    actors = json.loads(run(cmd, "actors", str(text), "--json", env=env, cwd=work))
    kinds = {(a["actor"], a["kind"]) for a in actors}
    assert {("Kenya", "country"), ("Uganda", "country")} <= kinds, kinds
    assert all(TEXT[a["span"][0] : a["span"][1]] == a["text"] for a in actors)

    out = work / "timeline.json"
    run(cmd, "export", "--format", "json", "--output", str(out), env=env, cwd=work)
    data = json.loads(out.read_text(encoding="utf-8"))
    events = data["events"]
    for start, end, phrase in ANCHORS:
        hits = [
            e
            for e in events
            if e["start"].startswith(start)
            and e["end"] == end
            and any(phrase in s["text"] for s in e["sources"])
        ]
        assert hits, f"sample anchor event {start} '{phrase}' missing from the export"
    titles = {Path(d["path"]).name: d for d in data["documents"]}
    assert titles["harbour.html"]["published"] == "2023-04-14", titles["harbour.html"]
    assert any(
        e["start"] == "2023-04-12" and any("reopened" in s["text"] for s in e["sources"])
        for e in events
    ), "the HTML page's Wednesday is not 12 April 2023"
    assert len([n for n in titles if n.endswith(".txt")]) == 31
    for made in formats:  # each format's reader is in the package, and each gives its events
        (doc,) = [d for d in data["documents"] if Path(d["path"]).name.startswith(made.name)]
        assert doc["published"] == "2022-03-15", doc
        assert any(
            e["start"] == "2022-04-04" and any(s["document_id"] == doc["id"] for s in e["sources"])
            for e in events
        ), f"no event of 4 April 2022 from {made.name}"

    png = work / "timeline.png"
    run(cmd, "export", "--format", "png", "--output", str(png), "--width", "1200",
        "--height", "600", env=env, cwd=work)  # fmt: skip
    assert png_size(png) == (1200, 600), png_size(png)
    print(
        f"smoke test passed: {len(data['documents'])} documents, {len(events)} events, "
        f"PNG {png_size(png)}, {len(ANCHORS)} sample anchor events"
    )
