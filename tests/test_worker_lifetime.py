"""A killed import leaves nothing running: `kill -TERM` or `kill -9` of `explorer ingest` ends its
fork server, resource tracker and workers too, and the store it was writing stays whole.

Each import runs in a session of its own (start_new_session), so "its processes" are the
processes of that session, read from /proc. Zombies do not count: they run nothing, and in a
container whose first process reaps no orphans they stay in /proc for good.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from explorer.parallel import MIN_FILES_FOR_POOL
from explorer.pipeline import TERMINATED

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads processes from /proc (Linux only)"
)

ROOT = Path(__file__).resolve().parent.parent
FILES = MIN_FILES_FOR_POOL * 10  # the pool for sure, and far more than is stored before the kill
START_LIMIT = 180.0  # seconds for the import to start its workers and store a first document
GONE_LIMIT = 10.0  # seconds from the kill until no process of the import runs

# Made-up news, generated here: places, people and bodies that vary from article to article.
_PLACES = ["Lisbon", "Nairobi", "Hanoi", "Quito", "Oslo", "Accra", "Lima", "Riga", "Tunis"]
_PEOPLE = ["Maria Okafor", "Tomas Lindqvist", "Aiko Tanaka", "Rafael Duarte", "Lena Brandt"]
_BODIES = ["port authority", "grain council", "water board", "transport ministry", "trade court"]
_MONTHS = ["January", "March", "April", "June", "August", "October", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _article(n: int) -> str:
    place = _PLACES[n % len(_PLACES)]
    person = _PEOPLE[n % len(_PEOPLE)]
    body = _BODIES[(n // 3) % len(_BODIES)]
    month = _MONTHS[n % len(_MONTHS)]
    year = 2010 + n % 12
    paragraphs = [
        f"{body.title()} in {place} weighs plan {n}",
        "By Staff Reporter",
        f"{month} {n % 27 + 1}, {year}",
        f"Officials of the {body} in {place} met on {_WEEKDAYS[n % 5]} to weigh proposal {n}, "
        f"which {person} first put forward in {year - 1 - n % 4}.",
    ]
    for k in range(6):
        paragraphs.append(
            f"In {_MONTHS[(n + k) % len(_MONTHS)]} {year - k % 3} the {body} had already "
            f"reviewed item {n}-{k}, and {person} said a decision would follow next month. "
            f"Critics in {_PLACES[(n + k) % len(_PLACES)]} asked for a vote before "
            f"{1 + (n + k) % 28} {_MONTHS[(n + 2 * k) % len(_MONTHS)]}."
        )
    return "\n\n".join(paragraphs) + "\n"


def _write_folder(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:04d}.txt").write_text(_article(n), encoding="utf-8")


def _session(sid: int) -> dict[int, int]:
    """The processes of session ``sid`` that are not zombies: pid -> parent pid."""
    found: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:  # gone meanwhile
            continue
        # pid (comm) state ppid pgrp session ...; comm may hold spaces and parentheses
        state, ppid, _pgrp, session = stat[stat.rindex(")") + 2 :].split()[:4]
        if int(session) == sid and state not in ("Z", "X"):
            found[int(entry)] = int(ppid)
    return found


def _stored(db: Path) -> int:
    """Documents committed so far (0 while the store is being made)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _explorer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


class _Import:
    """A real import of a generated folder, in a session of its own, with workers."""

    def __init__(self, tmp_path: Path, command: list[str] | None = None) -> None:
        self.folder = tmp_path / "news"
        self.db = tmp_path / "store.sqlite"
        self.err_path = tmp_path / "stderr.txt"
        _write_folder(self.folder, FILES)
        command = command or [
            "-m", "explorer", "ingest", str(self.folder), "--db", str(self.db), "--workers", "2"
        ]  # fmt: skip
        with self.err_path.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, *command],
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                start_new_session=True,
            )
        self.sid = self.proc.pid

    def stderr(self) -> str:
        return self.err_path.read_text(errors="replace")

    def workers(self) -> list[int]:
        """The import's workers: the children of the children of the importing process (the
        fork server's children)."""
        procs = _session(self.sid)
        children = {pid for pid, parent in procs.items() if parent == self.proc.pid}
        return [pid for pid, parent in procs.items() if parent in children]

    def wait_until_busy(self) -> None:
        """Until both workers run and a first document is stored (polled: a busy machine
        takes its time to start the fork server)."""
        deadline = time.monotonic() + START_LIMIT
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"the import ended early:\n{self.stderr()}"
            if len(self.workers()) >= 2 and _stored(self.db) >= 1:
                return
            time.sleep(0.1)
        pytest.fail(f"no workers and stored document after {START_LIMIT} s:\n{self.stderr()}")

    def kill_and_wait(self, sig: int) -> int:
        """Send ``sig`` to the importing process only; its exit code, once no process of its
        session runs (or fail, naming what is left)."""
        assert self.proc.poll() is None, "the import finished before it could be killed"
        before = sorted(_session(self.sid))
        os.kill(self.proc.pid, sig)
        deadline = time.monotonic() + GONE_LIMIT
        left = _session(self.sid)
        while left and time.monotonic() < deadline:
            self.proc.poll()  # reap it as soon as it exits: a zombie is not "left"
            time.sleep(0.05)
            left = _session(self.sid)
        assert not left, (
            f"{GONE_LIMIT} s after signal {sig}, of {before} these still run: "
            + ", ".join(f"{pid} {_cmdline(pid)}" for pid in left)
        )
        return self.proc.wait(timeout=5)

    def clean_up(self) -> None:
        """Whatever a failed test left: every process of the session, by its pid."""
        for pid in _session(self.sid):
            with contextlib.suppress(OSError):  # gone meanwhile
                os.kill(pid, signal.SIGKILL)
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:120]
    except OSError:
        return "?"


@pytest.fixture
def started(tmp_path: Path) -> Iterator[_Import]:
    run = _Import(tmp_path)
    try:
        yield run
    finally:
        run.clean_up()


def _assert_store_whole(db: Path) -> int:
    """The store opens, holds no half-written document, and the CLI reads it; its documents."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        documents = int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        bare = conn.execute(
            "SELECT count(*) FROM documents d "
            "WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.document_id = d.id)"
        ).fetchone()[0]
    assert 1 <= documents < FILES, documents  # stopped part-way, what was stored kept
    assert bare == 0, "a document was stored without its passages"

    from explorer.store.repo import Store

    store = Store(db)  # opens at the current schema
    try:
        assert len(store.documents()) == documents
    finally:
        store.close()
    events = _explorer("events", "--db", str(db))
    assert events.returncode == 0, events.stderr
    assert events.stdout.rstrip().endswith("event(s)")
    listed = _explorer("documents", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == documents
    return documents


def test_term_shuts_the_pool_down_and_exits_143(started: _Import) -> None:
    started.wait_until_busy()
    code = started.kill_and_wait(signal.SIGTERM)
    assert code == TERMINATED, started.stderr()
    assert "Traceback" not in started.stderr()
    _assert_store_whole(started.db)


def test_kill_9_leaves_no_process(started: _Import) -> None:
    started.wait_until_busy()
    code = started.kill_and_wait(signal.SIGKILL)
    assert code == -signal.SIGKILL
    _assert_store_whole(started.db)


def test_kill_9_ends_workers_that_cannot_run(started: _Import) -> None:
    """Stopped workers cannot watch anything: the kernel ends them (Linux's parent-death
    signal, through the fork server), not their own thread."""
    started.wait_until_busy()
    for pid in started.workers():
        os.kill(pid, signal.SIGSTOP)
    started.kill_and_wait(signal.SIGKILL)


_THREADED = """
import sys, threading
from pathlib import Path
from explorer import pipeline
from explorer.store.repo import Store

def run():  # as the window imports: off the main thread
    store = Store(Path(sys.argv[2]))
    pipeline.ingest([Path(sys.argv[1])], store, workers=2)

if __name__ == "__main__":
    thread = threading.Thread(target=run)
    thread.start()
    thread.join()  # the main thread waits, as the window's event loop does
"""


def test_kill_9_of_an_import_run_from_a_thread(tmp_path: Path) -> None:
    """An import run from another thread (the window's) gets no parent-death signal for its
    fork server; the workers' lifeline ends them, and the rest follows."""
    script = tmp_path / "threaded.py"
    script.write_text(_THREADED, encoding="utf-8")
    run = _Import(tmp_path, [str(script), str(tmp_path / "news"), str(tmp_path / "store.sqlite")])
    try:
        run.wait_until_busy()
        assert run.kill_and_wait(signal.SIGKILL) == -signal.SIGKILL
        _assert_store_whole(run.db)
    finally:
        run.clean_up()
