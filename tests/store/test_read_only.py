"""Stores on read-only media (a read-only file, folder or mount) open read-only: every read
works, the write-ahead log of a store copied while open included; every edit is refused saying
why, with exit code 2, and the files are left exactly as they were.

Root ignores file permissions, and tests often run as root in CI, so the media are made
read-only in ways that bind root too, each where the machine allows it: permissions (as a
user, or as root in a child process stripped of its capabilities), the immutable attribute
(chattr +i, root), a read-only bind mount (root), and, everywhere, the read-only open itself,
forced by telling the store its folder cannot be written."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.store import db

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
IN_WAL = "Only in the write-ahead log"
ARTICLE = "Talks\n\nMarch 4, 2019\n\nThe treaty was signed in 1997 in Vienna by both sides.\n"

# (argv, what the output must hold) for the reads; every write must be refused.
READS: list[tuple[list[str], str]] = [
    (["events"], "event(s)"),
    (["events", "--json"], '"events"'),
    (["events", "--hidden"], "1 event(s)"),
    (["documents"], "events"),
    (["edits"], "hide"),
    (["actors"], "actor(s)"),
    (["export", "--format", "json", "--output", "{out}/events.json"], "wrote"),
    (["export", "--format", "csv", "--output", "{out}/events.csv"], "wrote"),
    (["report", "--format", "md", "--output", "{out}/report.md"], "wrote"),
    (["migrate", "--from", "{db}", "--to", "{out}/copy.sqlite"], "copied 8 document(s)"),
    (["check"], "OK"),
]
WRITES: list[list[str]] = [
    ["hide", "2"],
    ["show", "1"],
    ["edit", "2", "--title", "Changed"],
    ["add-event", "By hand", "--date", "2001"],
    ["undo"],
    ["ingest", "{article}"],
    ["load-sample"],
]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample store with one edit, as three folders: closed cleanly (no -wal file),
    copied while a writer had a change in its -wal (with the -shm, as a folder copy takes
    it), and that copy without its -shm."""
    base = tmp_path_factory.mktemp("made")
    src = base / "src"
    src.mkdir()
    store = src / "t.sqlite"
    home = base / "home"
    old = os.environ.get("TIMELINE_EXPLORER_HOME")
    os.environ["TIMELINE_EXPLORER_HOME"] = str(home)
    try:
        assert main(["load-sample", "--db", str(store)]) == 0
        assert main(["hide", "1", "--db", str(store)]) == 0
    finally:
        if old is None:
            os.environ.pop("TIMELINE_EXPLORER_HOME", None)
        else:
            os.environ["TIMELINE_EXPLORER_HOME"] = old
    gc.collect()  # the commands' engines, and their connections
    with contextlib.closing(sqlite3.connect(store)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all of it in the file, as on close
    out = {"closed": base / "closed", "copied-open": base / "open", "wal-no-shm": base / "noshm"}
    out["closed"].mkdir()
    shutil.copy(store, out["closed"])
    writer = sqlite3.connect(store, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")  # the change stays in the -wal
        writer.execute("UPDATE events SET title = ? WHERE id = 2", (IN_WAL,))
        assert Path(f"{store}-wal").stat().st_size > 0
        for name in ("copied-open", "wal-no-shm"):
            out[name].mkdir()
            suffixes = ("", "-wal", "-shm") if name == "copied-open" else ("", "-wal")
            for suffix in suffixes:
                shutil.copy(f"{store}{suffix}", out[name])
    finally:
        writer.close()
    return out


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.md5(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


Run = Callable[[list[list[str]]], list[tuple[int, str, str]]]


def _in_process(argvs: list[list[str]]) -> list[tuple[int, str, str]]:
    results = []
    for argv in argvs:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
        results.append((code, out.getvalue(), err.getvalue()))
    return results


_CHILD = """
import contextlib, io, json, os, sys
from explorer.cli import main
db = sys.argv[2]
results = [[-1, "", "the store is writable: permissions do not bind this process"]]
if not os.access(db, os.W_OK) and not os.access(os.path.dirname(db), os.W_OK):
    results = []
    for argv in json.loads(sys.argv[1]):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
        results.append([code, out.getvalue(), err.getvalue()])
print(json.dumps(results))
"""


def _without_capabilities() -> None:
    """In the child, before it runs Python: root keeps its uid but gets no capabilities from
    the exec (SECBIT_NOROOT), so file permissions bind it as they bind a user."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(47, 4, 0, 0, 0)  # PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL (may be absent)
    if libc.prctl(28, 1 | 2, 0, 0, 0) != 0:  # PR_SET_SECUREBITS: NOROOT, NOROOT_LOCKED
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECUREBITS)")


def _in_child_without_capabilities(store: Path) -> Run:
    def run(argvs: list[list[str]]) -> list[tuple[int, str, str]]:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        try:
            proc = subprocess.run(
                [sys.executable, "-c", _CHILD, json.dumps(argvs), str(store)],
                capture_output=True,
                text=True,
                env=env,
                preexec_fn=_without_capabilities,
                timeout=300,
            )
        except subprocess.SubprocessError as err:
            pytest.skip(f"cannot drop root's capabilities here: {err}")
        assert proc.returncode == 0, proc.stderr
        results = [tuple(r) for r in json.loads(proc.stdout.splitlines()[-1])]
        assert results[0][0] != -1, results[0][2]
        return results  # type: ignore[return-value]

    return run


@contextlib.contextmanager
def _read_only(how: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Run]:
    """Make ``folder`` (and the store in it) read-only ``how``; yields how to run commands
    so that the read-only media bind them."""
    store = folder / "t.sqlite"
    if how == "forced":
        # The open as on read-only media, whoever runs it: SQLite itself refuses the writes.
        media = db._media

        def forced(path: Path) -> db._Media:
            if path.parent == folder:
                return db._Media("it is on a read-only file system", False)
            return media(path)

        monkeypatch.setattr(db, "_media", forced)
        yield _in_process
    elif how == "permissions":
        for p in folder.iterdir():
            p.chmod(0o444)
        folder.chmod(0o555)
        try:
            yield _in_child_without_capabilities(store) if ROOT else _in_process
        finally:
            folder.chmod(0o755)
    elif how == "immutable":
        if not ROOT or shutil.which("chattr") is None:
            pytest.skip("chattr +i needs root and chattr")
        targets = [str(p) for p in folder.iterdir()] + [str(folder)]
        done = subprocess.run(["chattr", "+i", *targets], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"this file system has no immutable attribute: {done.stderr.strip()}")
        try:
            yield _in_process
        finally:
            subprocess.run(["chattr", "-i", *targets], check=True)
    elif how == "mount":
        if not ROOT or shutil.which("mount") is None:
            pytest.skip("a bind mount needs root")
        view = folder.parent / f"{folder.name}-ro"
        view.mkdir()
        bound = subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True)
        if bound.returncode != 0:
            view.rmdir()
            pytest.skip("mount is not allowed here")
        try:
            done = subprocess.run(
                ["mount", "-o", "remount,ro,bind", str(view)], capture_output=True, text=True
            )
            if done.returncode != 0:
                pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")
            yield _in_process
        finally:
            gc.collect()  # the commands' engines, whose connections hold the files open
            if subprocess.run(["umount", str(view)], capture_output=True).returncode != 0:
                subprocess.run(["umount", "--lazy", str(view)], check=True)
            view.rmdir()
    else:
        raise AssertionError(how)


def _where(how: str, folder: Path) -> Path:
    """The store as the commands name it: through the read-only view, for a mount."""
    return (folder.parent / f"{folder.name}-ro" if how == "mount" else folder) / "t.sqlite"


MEDIA = ["permissions", "immutable", "mount", "forced"]


@pytest.mark.parametrize("layout", ["closed", "copied-open"])
@pytest.mark.parametrize("how", MEDIA)
def test_reads_work_and_edits_are_refused_untouched(
    how: str,
    layout: str,
    made: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "media"
    shutil.copytree(made[layout], folder)
    out = tmp_path / "out"
    out.mkdir()
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    before = _files(folder)
    with _read_only(how, folder, monkeypatch) as run:
        store = str(_where(how, folder))
        values = {"db": store, "out": str(out), "article": str(article)}
        argvs = [argv for argv, _ in READS] + WRITES
        results = run(
            [
                [a.format(**values) for a in argv]
                + ([] if argv[0] == "migrate" else ["--db", store])  # it names --from
                for argv in argvs
            ]
        )
    for (argv, expected), (code, stdout, stderr) in zip(READS, results, strict=False):
        assert code == 0, (argv, stderr)
        assert expected in stdout, (argv, stdout)
    events = results[0][1]
    # The change still in the copied -wal file is read, not dropped.
    assert (IN_WAL in events) == (layout == "copied-open")
    for argv, (code, _stdout, stderr) in zip(WRITES, results[len(READS) :], strict=True):
        assert code == 2, (argv, stderr)
        assert "can only be read, because" in stderr and "nothing was done" in stderr, stderr
    after = _files(folder)
    if how == "forced":
        # The folder is writable in truth, and a reader keeps SQLite's shared-memory index
        # (-shm) up to date; the store and its log are what must not change.
        after.pop("t.sqlite-shm", None)
        before.pop("t.sqlite-shm", None)
    assert after == before  # not a byte changed, no file added
    assert json.loads((out / "events.json").read_text(encoding="utf-8"))["events"]
    assert sorted(p.name for p in out.iterdir()) >= ["copy.sqlite", "events.csv", "events.json"]


@pytest.mark.parametrize("how", ["permissions", "mount", "forced"])
def test_a_log_that_cannot_be_read_there_is_said_not_dropped(
    how: str, made: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copied with its -wal but not its -shm, on media where no -shm can be made: SQLite
    cannot read the log's changes, and the store is not shown without them."""
    folder = tmp_path / "media"
    shutil.copytree(made["wal-no-shm"], folder)
    before = _files(folder)
    with _read_only(how, folder, monkeypatch) as run:
        store = str(_where(how, folder))
        results = run([["events", "--db", store], ["hide", "2", "--db", store]])
    for code, stdout, stderr in results:
        assert code == 2 and not stdout
        assert "-wal" in stderr and "Copy the store and its -wal file" in stderr, stderr
    assert _files(folder) == before


def test_a_read_only_file_in_a_writable_folder(made: dict[str, Path], tmp_path: Path) -> None:
    """Only the file is read-only: SQLite makes its -shm beside it and reads the log through
    it; the store itself is never written."""
    folder = tmp_path / "media"
    shutil.copytree(made["wal-no-shm"], folder)
    store = folder / "t.sqlite"
    before = hashlib.md5(store.read_bytes()).hexdigest()
    for p in folder.iterdir():
        p.chmod(0o444)
    argvs = [["events", "--db", str(store)], ["hide", "2", "--db", str(store)]]
    if ROOT:
        # The folder stays writable: the child's check (file and folder) does not apply.
        results = []
        for argv in argvs:
            proc = subprocess.run(
                [sys.executable, "-m", "explorer", *argv],
                capture_output=True,
                text=True,
                env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                preexec_fn=_without_capabilities,
                timeout=300,
            )
            results.append((proc.returncode, proc.stdout, proc.stderr))
    else:
        results = _in_process(argvs)
    (code, stdout, stderr), (w_code, _, w_err) = results
    assert code == 0 and IN_WAL in stdout, stderr
    assert w_code == 2 and "can only be read, because the file is read-only" in w_err, w_err
    assert hashlib.md5(store.read_bytes()).hexdigest() == before


def test_no_store_is_made_in_a_read_only_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "media"
    folder.mkdir()
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setattr(
        db, "_media", lambda path: db._Media(f"its folder ({folder}) is read-only", False)
    )
    assert main(["ingest", str(article), "--db", str(folder / "new.sqlite")]) == 2
    assert "no database can be made there: its folder" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_an_older_store_on_read_only_media_says_it_needs_upgrading(
    made: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "media"
    shutil.copytree(made["closed"], folder)
    with sqlite3.connect(folder / "t.sqlite") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0006'")
    conn.close()
    before = _files(folder)
    monkeypatch.setattr(
        db, "_media", lambda path: db._Media("it is on a read-only file system", False)
    )
    assert main(["events", "--db", str(folder / "t.sqlite")]) == 2
    err = capsys.readouterr().err
    assert "older Timeline Explorer (schema 0006)" in err and "read-only file system" in err
    assert _files(folder) == before


def test_the_open_choice(tmp_path: Path) -> None:
    """mode=ro where SQLite can make or read a -shm; immutable only where nobody can be
    writing (no -shm, none can be made) and no change waits in a -wal."""
    store = tmp_path / "t.sqlite"
    store.write_bytes(b"")
    ro = db._Media("x", folder_writable=False)
    assert db._read_only_query(store, db._Media("x", True)) == {"mode": "ro"}
    assert db._read_only_query(store, ro) == {"mode": "ro", "immutable": "1"}
    Path(f"{store}-wal").write_bytes(b"")
    assert db._read_only_query(store, ro) == {"mode": "ro", "immutable": "1"}
    Path(f"{store}-shm").write_bytes(b"")
    assert db._read_only_query(store, ro) == {"mode": "ro"}
    Path(f"{store}-shm").unlink()
    Path(f"{store}-wal").write_bytes(b"x" * 100)
    with pytest.raises(db.StoreError, match="without its t.sqlite-shm"):
        db._read_only_query(store, ro)
