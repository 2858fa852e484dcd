"""Probes of how the CLI holds up under what users throw at it: each runs `explorer` as a user
would, in a scratch folder, and prints one row: the probe, what happened, and whether the data
it should not touch is intact. Run it on an installed app (a wheel or `pip install .`):

    python scripts/probes.py [--explorer "python -m explorer"] [--pg URL]

It writes its own articles (never third-party text). Exit 1 if a probe fails.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shlex
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ARTICLE = (
    "Harbour deal signed\n\nMarch 3, 2023\n\n"
    "The port authority of Valmont and the Ferrand Shipping Company signed the harbour deal on "
    "March 1, 2023. Work on the new quay starts in June 2023, and Mayor Ana Duarte said the "
    "first ships would dock on 12 May 2024.\n"
)


@dataclass
class Row:
    probe: str
    result: str
    intact: str
    ok: bool


class Probes:
    def __init__(self, explorer: list[str], root: Path) -> None:
        self.explorer = explorer
        self.root = root
        self.rows: list[Row] = []

    def run(
        self, *args: str, cwd: Path | None = None, timeout: float = 300, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.explorer, *args],
            cwd=cwd or self.root,
            capture_output=True,
            text=True,
            timeout=timeout,
            input=stdin,
        )

    def record(self, probe: str, ok: bool, result: str, intact: str = "n/a") -> None:
        self.rows.append(Row(probe, result.replace("\n", " ").replace("|", "/")[:160], intact, ok))

    def folder(self, name: str, n: int = 6) -> Path:
        folder = self.root / name
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(n):
            text = ARTICLE.replace("harbour deal", f"harbour deal {i}").replace(
                "12 May 2024", f"{i + 1} June 2024"
            )
            (folder / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
        return folder


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest() if path.exists() else "absent"


def traceback_in(p: subprocess.CompletedProcess[str]) -> bool:
    return "Traceback (most recent call last)" in p.stderr + p.stdout


def documents(p: Probes, db: Path) -> int:
    out = p.run("documents", "--db", str(db))
    return len([line for line in out.stdout.splitlines() if line.strip()])


def export(p: Probes, db: Path | str, out: Path) -> list[str]:
    r = p.run("export", "--db", str(db), "--format", "json", "--output", str(out))
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    names = {d["id"]: Path(d["path"]).name for d in data["documents"]}
    return sorted(
        json.dumps(
            {
                **{k: v for k, v in e.items() if k != "id"},
                "sources": sorted(
                    json.dumps({**s, "document_id": names[s["document_id"]]}, sort_keys=True)
                    for s in e["sources"]
                ),
            },
            sort_keys=True,
        )
        for e in data["events"]
    )


# --------------------------------------------------------------------------- the probes


def same_file_two_spellings(p: Probes) -> None:
    folder = p.folder("many")
    db = p.root / "spell.sqlite"
    p.run("ingest", "many", "--db", str(db))
    p.run("ingest", str(folder), "--db", str(db))
    p.run("ingest", "./many/../many", "--db", str(db))
    n = documents(p, db)
    p.record(
        "same folder as `many`, absolute and `./many/../many`", n == 6, f"{n} documents (6 files)"
    )


def import_order(p: Probes) -> None:
    folder = p.folder("order", 12)
    files = sorted(str(f) for f in folder.glob("*.txt"))
    results = []
    for name, order in (
        ("sorted", files),
        ("reversed", files[::-1]),
        ("odd-even", files[1::2] + files[::2]),
    ):
        db = p.root / f"order-{name}.sqlite"
        p.run("ingest", *order, "--db", str(db))
        results.append(export(p, db, p.root / f"order-{name}.json"))
    split = p.root / "order-split.sqlite"
    for part in (files[:4], files[4:8], files[8:]):
        p.run("ingest", *part, "--db", str(split))
    results.append(export(p, split, p.root / "order-split.json"))
    same = all(r == results[0] for r in results)
    p.record(
        "12 files in 3 orders and in 3 commands",
        same,
        "exports identical" if same else "exports differ",
    )


def manifest_full_paths(p: Probes) -> None:
    folder = p.folder("man", 2)
    manifest = p.root / "manifest.csv"
    manifest.write_text(
        "file,published,title\n"
        f"{folder / 'a00.txt'},2020-02-02,Full path row\n"
        "a01.txt,2020-03-03,Name row\nnowhere.txt,2020-01-01,x\n",
        encoding="utf-8",
    )
    db = p.root / "man.sqlite"
    r = p.run("ingest", str(folder), "--manifest", str(manifest), "--db", str(db))
    out = p.run("documents", "--db", str(db)).stdout
    ok = "2020-02-02" in out and "2020-03-03" in out and "nowhere.txt" in r.stderr
    p.record(
        "manifest rows by full path, by name, and one unmatched",
        ok,
        "both applied; unmatched row reported" if ok else out + r.stderr,
    )


def reads_never_create(p: Probes) -> None:
    bad = []
    for command in (
        ["events"],
        ["documents"],
        ["edits"],
        ["export", "--format", "json"],
        ["report", "--format", "md", "--output", str(p.root / "r.md")],
    ):
        db = p.root / "typo.sqlite"
        r = p.run(*command, "--db", str(db))
        if r.returncode != 2 or db.exists() or traceback_in(r):
            bad.append(f"{command[0]}: exit {r.returncode}")
    p.record(
        "read commands on a path that is not a store",
        not bad,
        "; ".join(bad) or "exit 2, no file made",
        "no file created" if not bad else "file created",
    )


def foreign_sqlite(p: Probes) -> None:
    db = p.root / "other.sqlite"
    raw = sqlite3.connect(db)
    raw.execute("create table foo(x)")
    raw.commit()
    raw.close()
    before = md5(db)
    codes = [p.run(c, "--db", str(db)).returncode for c in ("events", "documents")]
    codes.append(p.run("ingest", str(p.folder("f", 1)), "--db", str(db)).returncode)
    same = md5(db) == before
    p.record(
        "someone else's SQLite file: events, documents, ingest",
        codes == [2, 2, 2] and same,
        f"exit {codes}",
        "md5 unchanged" if same else "CHANGED",
    )


def damaged_store(p: Probes) -> None:
    db = p.root / "damaged.sqlite"
    p.run("ingest", str(p.folder("dmg", 30)), "--db", str(db))
    raw = sqlite3.connect(db)
    pages = [r[0] for r in raw.execute("SELECT pageno FROM dbstat WHERE name = 'events'")]
    size = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    with open(db, "r+b") as fh:
        fh.seek((pages[-1] - 1) * size + 200)
        fh.write(os.urandom(min(size - 300, 3000)))
    before = md5(db)
    results = {
        "events": p.run("events", "--db", str(db)),
        "export": p.run(
            "export", "--db", str(db), "--format", "json", "--output", str(p.root / "d.json")
        ),
    }
    results["ingest"] = p.run("ingest", str(p.folder("dmg2", 1)), "--db", str(db))
    codes = {c: r.returncode for c, r in results.items()}
    check = p.run("check", "--db", str(db))
    said = all("migrate" in r.stderr for r in results.values())
    ok = (
        all(c == 2 for c in codes.values()) and said and check.returncode == 1 and md5(db) == before
    )
    p.record(
        "store with an `events` page overwritten",
        ok,
        f"exit {codes}; check exit {check.returncode}",
        "md5 unchanged" if md5(db) == before else "CHANGED",
    )


def fifo_and_links(p: Probes) -> None:
    folder = p.folder("special", 2)
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    db = p.root / "special.sqlite"
    t = time.monotonic()
    r = p.run("ingest", str(folder), str(folder / "pipe.txt"), "--db", str(db), timeout=60)
    took = time.monotonic() - t
    said = all(n in r.stderr for n in ("pipe.txt", "dangling.txt", "loop.txt"))
    ok = r.returncode == 1 and said and documents(p, db) == 2
    p.record(
        "FIFO given and inside a folder, dangling link, link loop",
        ok,
        f"exit {r.returncode} in {took:.1f} s; each reported: {said}",
        "2 good files imported",
    )


def _session_alive(sid: int) -> list[int]:
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                alive.append(int(entry.name))
    return alive


def killed_ingest(p: Probes) -> None:
    folder = p.folder("kill", 200)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        db = p.root / f"kill-{sig.name}.sqlite"
        proc = subprocess.Popen(
            [*p.explorer, "ingest", str(folder), "--db", str(db), "--workers", "2"],
            cwd=p.root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(_session_alive(proc.pid)) < 3:
            time.sleep(0.1)
        time.sleep(1.0)
        proc.send_signal(sig)
        proc.wait(timeout=60)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and _session_alive(proc.pid):
            time.sleep(0.1)
        left = _session_alive(proc.pid)
        r = p.run("events", "--db", str(db))
        p.record(
            f"kill -{sig.name[3:]} of an ingest with 2 workers",
            not left and r.returncode in (0, 2),
            f"{len(left)} process(es) left 5 s later",
            f"store opens (exit {r.returncode})",
        )


def concurrent_new_sqlite(p: Probes) -> None:
    fails = 0
    for trial in range(3):
        db = p.root / f"race-{trial}.sqlite"
        procs = [
            subprocess.Popen(
                [*p.explorer, "ingest", str(p.folder(f"race{trial}-{k}", 3)), "--db", str(db)],
                cwd=p.root,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for k in range(2)
        ]
        fails += sum(proc.wait(timeout=120) != 0 for proc in procs)
        if documents(p, db) != 6:
            fails += 1
    p.record(
        "two ingests into a new SQLite file at once (3 trials)",
        fails == 0,
        f"{fails} failure(s)",
        "6 documents each",
    )


def read_only_store(p: Probes) -> None:
    folder = p.root / "ro"
    folder.mkdir()
    db = folder / "ro.sqlite"
    p.run("ingest", str(p.folder("rodata", 3)), "--db", str(db))
    before = md5(db)
    as_user = p.explorer
    if os.geteuid() == 0:  # root ignores permissions: drop the capabilities that let it
        as_user = ["setpriv", "--inh-caps=-all", "--bounding-set=-all",
                   "--securebits=+noroot,+noroot_locked", "--", *p.explorer]  # fmt: skip
    os.chmod(db, 0o444)
    os.chmod(folder, 0o555)
    out = p.root / "ro.json"

    def run(*args: str) -> int:
        return subprocess.run(
            [*as_user, *args], cwd=p.root, capture_output=True, text=True, timeout=120
        ).returncode

    try:
        reads = [
            run("events", "--db", str(db)),
            run("export", "--db", str(db), "--format", "json", "--output", str(out)),
        ]
        edit = run("hide", "1", "--db", str(db))
    finally:
        os.chmod(folder, 0o755)
        os.chmod(db, 0o644)
    same = md5(db) == before and not (folder / "ro.sqlite-wal").exists()
    ok = reads == [0, 0] and edit == 2 and same
    who = " (root without its capabilities)" if os.geteuid() == 0 else ""
    p.record(
        "store in a read-only folder: events, export, hide" + who,
        ok,
        f"reads exit {reads}, hide exit {edit}",
        "md5 unchanged, no file added" if same else "CHANGED",
    )


def missing_among_good(p: Probes) -> None:
    folder = p.folder("miss", 2)
    db = p.root / "miss.sqlite"
    r = p.run(
        "ingest",
        str(folder / "a00.txt"),
        str(p.root / "missing.txt"),
        str(folder / "a01.txt"),
        "--db",
        str(db),
    )
    ok = r.returncode == 1 and documents(p, db) == 2 and "missing.txt" in r.stderr
    p.record(
        "`ingest good missing good`",
        ok,
        f"exit {r.returncode}, {documents(p, db)} imported",
        "good files stored",
    )


def bad_values(p: Probes) -> None:
    db = p.root / "vals.sqlite"
    p.run("ingest", str(p.folder("vals", 2)), "--db", str(db))
    before = md5(db)
    f = str(p.root / "vals" / "a00.txt")
    cases = {
        "--published 0001-01-01": ["ingest", f, "--db", str(db), "--published", "0001-01-01"],
        "--from 0000": ["events", "--db", str(db), "--from", "0000"],
        "--from 2020-13-45": ["events", "--db", str(db), "--from", "2020-13-45"],
        "--from 1999-02-30": ["events", "--db", str(db), "--from", "1999-02-30"],
        "undo 99999999999999999999": ["undo", "99999999999999999999", "--db", str(db)],
        "--dpi 0": [
            "export",
            "--db",
            str(db),
            "--format",
            "png",
            "--dpi",
            "0",
            "--output",
            str(p.root / "x.png"),
        ],
        "--dpi 100000": [
            "export",
            "--db",
            str(db),
            "--format",
            "png",
            "--dpi",
            "100000",
            "--output",
            str(p.root / "x.png"),
        ],
        "edit --title with a newline": ["edit", "1", "--title", "a\nb", "--db", str(db)],
        "URL password with /": ["events", "--db", "postgresql+psycopg://u:pa/ss@127.0.0.1:1/x"],
    }
    bad = []
    for name, args in cases.items():
        r = p.run(*args)
        if r.returncode != 2 or traceback_in(r) or not r.stderr.strip():
            bad.append(f"{name}: exit {r.returncode}")
    p.record(
        f"{len(cases)} bad values (dates, numbers, DPI, URL, title)",
        not bad,
        "; ".join(bad) or "each: a message, exit 2",
        "md5 unchanged" if md5(db) == before else "CHANGED",
    )


def _unprivileged() -> list[str]:
    """A prefix that runs a command without root's power to ignore permissions."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--inh-caps=-all", "--bounding-set=-all",
            "--securebits=+noroot,+noroot_locked", "--"]  # fmt: skip


def export_read_only_folder(p: Probes) -> None:
    db = p.root / "exp.sqlite"
    p.run("ingest", str(p.folder("expdata", 2)), "--db", str(db))
    out = p.root / "locked"
    out.mkdir()
    os.chmod(out, 0o555)
    try:
        r = subprocess.run(
            [*_unprivileged(), *p.explorer, "export", "--db", str(db), "--format", "json",
             "--output", str(out / "x.json")],
            cwd=p.root, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        os.chmod(out, 0o755)
    ok = r.returncode == 2 and not traceback_in(r) and "x.json" in r.stderr
    left = sorted(f.name for f in out.iterdir())
    p.record(
        "export into a read-only folder",
        ok and not left,
        f"exit {r.returncode}: {r.stderr.strip()[:90]}",
        f"nothing left there: {not left}",
    )


def second_migrate(p: Probes) -> None:
    a, b = p.root / "vals.sqlite", p.root / "mig.sqlite"
    p.run("migrate", "--from", str(a), "--to", str(b))
    r = p.run("migrate", "--from", str(a), "--to", str(b))
    ok = "copied 0" in r.stdout
    p.record("second `migrate` into the same target", ok, r.stdout.strip()[:120])


def encodings(p: Probes) -> None:
    folder = p.root / "enc"
    folder.mkdir()
    (folder / "utf16.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    (folder / "utf32.txt").write_bytes(ARTICLE.encode("utf-32-be"))
    (folder / "cp1252.txt").write_bytes(ARTICLE.replace("Mayor", "Mayor’s aide").encode("cp1252"))
    (folder / "binary.txt").write_bytes(os.urandom(4000))
    db = p.root / "enc.sqlite"
    r = p.run("ingest", str(folder), "--db", str(db))
    ok = documents(p, db) == 3 and "binary.txt" in r.stderr
    p.record(
        "UTF-16/32 without BOM, Windows-1252, binary",
        ok,
        f"{documents(p, db)} of 3 text files imported; binary refused: {'binary.txt' in r.stderr}",
    )


def far_year(p: Probes) -> None:
    f = p.root / "far.txt"
    f.write_text("The licence runs until December 31, 9999, the registry said.\n", encoding="utf-8")
    r = p.run("dates", str(f), "--published", "2004-06-01", "--json")
    found = [e["start"] for e in json.loads(r.stdout)] if r.returncode == 0 else []
    p.record('"December 31, 9999"', found == ["9999-12-31"], f"read as {found}")


def svg_size_and_font(p: Probes) -> None:
    db = p.root / "vals.sqlite"
    out = p.root / "t.svg"
    p.run(
        "export",
        "--db",
        str(db),
        "--format",
        "svg",
        "--output",
        str(out),
        "--width",
        "1200",
        "--height",
        "700",
    )
    head = out.read_text(encoding="utf-8")[:800] if out.exists() else ""
    ok = 'width="1200"' in head and "mm" not in head.split("viewBox")[0] and "sans" in head.lower()
    p.record("SVG size and font", ok, "px size, sans-serif family" if ok else head[:120])


def store_actors(p: Probes) -> None:
    r = p.run("actors", "--db", str(p.root / "vals.sqlite"), "--json")
    rows = json.loads(r.stdout) if r.returncode == 0 else []
    ok = bool(rows) and {"actor", "kind"} <= set(rows[0])
    p.record("`explorer actors --db DB --json`", ok, f"{len(rows)} actors with kinds and counts")


def big_file(p: Probes) -> None:
    text = "".join(
        ARTICLE.replace("harbour deal", f"harbour deal {i}").replace(
            "Ana Duarte", f"Ana Duarte{i % 50}"
        )
        for i in range(4000)
    )
    f = p.root / "big.txt"
    f.write_text(text, encoding="utf-8")
    db = p.root / "big.sqlite"
    t = time.monotonic()
    r = p.run("ingest", str(f), "--db", str(db), "--workers", "0", timeout=600)
    took = time.monotonic() - t
    p.record(
        f"one {len(text.encode()) / 1e6:.1f} MB file",
        r.returncode == 0,
        f"{took:.1f} s, exit {r.returncode}",
    )


def server_gone(p: Probes, pg: str | None) -> None:
    if not pg:
        p.record("PostgreSQL server unreachable", True, "skipped: no --pg given")
        return
    r = p.run("events", "--db", "postgresql+psycopg://nobody@127.0.0.1:9/none")
    ok = r.returncode == 2 and not traceback_in(r)
    p.record("PostgreSQL server unreachable", ok, f"exit {r.returncode}: {r.stderr.strip()[:90]}")


PROBES: list[Callable[[Probes], None]] = [
    same_file_two_spellings,
    import_order,
    manifest_full_paths,
    reads_never_create,
    foreign_sqlite,
    damaged_store,
    fifo_and_links,
    killed_ingest,
    concurrent_new_sqlite,
    read_only_store,
    missing_among_good,
    bad_values,
    export_read_only_folder,
    second_migrate,
    encodings,
    far_year,
    svg_size_and_font,
    store_actors,
    big_file,
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--explorer", default=f"{shlex.quote(sys.executable)} -m explorer")
    parser.add_argument("--pg", default=os.environ.get("TIMELINE_EXPLORER_TEST_PG"))
    parser.add_argument("--only", nargs="*", default=None, help="probe function names")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="explorer-probes-") as tmp:
        p = Probes(shlex.split(args.explorer), Path(tmp))
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ["TIMELINE_EXPLORER_HOME"] = str(Path(tmp) / "home")
        for probe in PROBES:
            if args.only and probe.__name__ not in args.only:
                continue
            try:
                probe(p)
            except Exception as err:  # noqa: BLE001 - a probe that breaks is a failed row
                p.record(probe.__name__, False, f"probe broke: {type(err).__name__}: {err}")
        server_gone(p, args.pg)
    print("| probe | result | data intact | ok |\n|---|---|---|---|")
    for row in p.rows:
        print(f"| {row.probe} | {row.result} | {row.intact} | {'yes' if row.ok else '**NO**'} |")
    return 0 if all(r.ok for r in p.rows) else 1


if __name__ == "__main__":
    sys.exit(main())
