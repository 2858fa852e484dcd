"""The only place the steps are chained: files -> documents -> analysis -> store -> exports.

The CLI and the GUI both call these functions; they report through ``progress`` and stop
between documents when ``cancel`` says so, leaving every finished document stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from explorer.actors.gazetteer import load_gazetteer
from explorer.actors.match import ActorMatcher
from explorer.analysis import analyse
from explorer.errors import ExplorerError, ExportError, InputError, StoreError
from explorer.ingest.formats.base import ReadOptions, Skipped
from explorer.ingest.manifest import FileInfo, Manifest
from explorer.ingest.readers import count_articles, expand_paths, holds_many, pieces
from explorer.parallel import Job, analysed, big_work, default_workers
from explorer.report import REPORT_FORMATS

__all__ = ["default_workers", "ingest"]
from explorer.events.rules import EVENT_RULES
from explorer.query.event_query import EventQuery
from explorer.query.sources import EventSource, open_source
from explorer.store.repo import Store

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]


@dataclass
class IngestReport:
    imported: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    undated: list[int] = field(default_factory=list)  # document ids with no publication date
    events_created: int = 0
    events_merged: int = 0
    cancelled: bool = False
    unmatched_rows: list[str] = field(default_factory=list)  # manifest rows naming no file
    # The store failed (full disk, server gone, locked too long): the run stopped at once.
    # The sentence names the store; the files above were saved before and stay saved.
    store_error: str | None = None
    left: int = 0  # files the run did not get to: cancelled, or stopped by store_error

    @property
    def ok(self) -> bool:
        return not self.failed and self.store_error is None


def default_matcher(store: Store | None = None, user_actors: Path | None = None) -> ActorMatcher:
    """The bundled gazetteer, the user's actors file (default: actors.json in the data folder),
    the aliases the analyst added or implied by renaming actors in this store, and the people
    the store knows (whose surnames later articles use alone)."""
    from explorer import paths

    actors = load_gazetteer(user_actors or paths.user_gazetteer_path())
    people: list[str] = []
    if store is not None:
        # People the store knows by full name: a later article's "Zarif" is one of them.
        people = [n for n, kind in store.actor_kinds().items() if kind == "person"]
        from explorer.curation.overlay import curated_aliases
        from explorer.model import Actor

        by_name = {a.name: a for a in actors}
        for name, alias in curated_aliases(store.curations()):
            known = by_name.get(name, Actor(name, "other"))
            by_name[name] = Actor(known.name, known.kind, known.aliases + (alias,))
        actors = list(by_name.values())
    return ActorMatcher(actors, people=people)


def ingest(
    paths: list[Path],
    store: Store,
    *,
    published: dt.date | None = None,
    manifest: Path | None = None,
    matcher: ActorMatcher | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    workers: int = 0,
    options: ReadOptions | None = None,
) -> IngestReport:
    """Import files and folders, one transaction per document (one per article of a file of
    many: a mailbox, a feed, a table). With ``workers`` > 0 a big import is analysed by that
    many processes while this one stores (the CLI and the window pass ``default_workers()``);
    a script that does so needs the ``__main__`` guard."""
    report = IngestReport()
    rows = Manifest.read(manifest) if manifest else None
    matcher = matcher or default_matcher(store=store)
    files = expand_paths(paths)
    metas = {path: rows.info_for(path) if rows else FileInfo() for path in files}
    if rows is not None:
        report.unmatched_rows = rows.unmatched()
    # A file of many articles counts as many (cheaply estimated): the progress is articles.
    total = sum(count_articles(path) if holds_many(path) else 1 for path in files)
    jobs = _jobs(files, published, metas, options or ReadOptions())
    with _terminate_as_exit():
        outcomes = analysed(jobs, matcher, workers, total)
        try:
            for n, outcome in enumerate(outcomes):
                total = max(total, n + 1)  # the estimate was short (a table's blank lines)
                if cancel is not None and cancel():
                    report.cancelled = True
                    report.left = total - n
                    break
                name = outcome.job.name
                if progress is not None:
                    progress(n, total, name)
                if outcome.analysis is None:
                    report.failed.append((name, outcome.error or "could not be read"))
                    continue
                matcher.kinds.update(outcome.kinds)
                try:
                    with big_work(len(outcome.analysis.document.text)):
                        result = store.save(outcome.analysis, EVENT_RULES, kinds=matcher.kinds)
                except StoreError as err:
                    if _refused_document(err):
                        report.failed.append((name, str(err)))
                        continue
                    # The store, not this file: every later save would fail the same way.
                    message = str(err).rstrip()
                    report.store_error = (
                        message if message.endswith((".", "?", "!")) else message + "."
                    )
                    report.left = total - n
                    break
                except ExplorerError as err:
                    report.failed.append((name, str(err)))
                    continue
                {
                    "imported": report.imported,
                    "replaced": report.replaced,
                    "unchanged": report.unchanged,
                }[result.status].append(name)
                report.events_created += result.events_created
                report.events_merged += result.events_merged
                if outcome.analysis.document.published is None and result.status != "unchanged":
                    report.undated.append(result.document_id)
            else:
                if progress is not None:
                    progress(total, total, "done")
        finally:
            outcomes.close()  # a cancelled or stopped import drops the queued work
    return report


def _jobs(
    files: list[Path],
    published: dt.date | None,
    metas: dict[Path, FileInfo],
    options: ReadOptions,
) -> Iterator[Job]:
    """One job per article, lazily: a file of many articles is split here as the import goes
    (a table of 100k rows is never held whole); a fault that stops the split fails the file
    at that place, after the articles before it."""
    for path in files:
        meta = metas[path]
        if not holds_many(path):
            yield Job(path, published, meta)
            continue
        try:
            for item in pieces(path, options):
                if isinstance(item, Skipped):
                    failure = f"{path}, {item.location}: {item.reason}."
                    yield Job(path, published, meta, failure=failure, key=item.key)
                else:
                    yield Job(path, published, meta, piece=item, key=item.key)
        except InputError as err:
            yield Job(path, published, meta, failure=str(err))


def _refused_document(err: StoreError) -> bool:
    """The database works but refused this document's rows (DB-API DataError or
    IntegrityError: a NUL character PostgreSQL cannot store, say): a failure of the file,
    not of the store."""
    from sqlalchemy.exc import DataError, IntegrityError

    return isinstance(err.__cause__, DataError | IntegrityError)


# How a process ended by SIGTERM exits, as shells report it (128 + the signal).
TERMINATED = 128 + signal.SIGTERM


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """In the main thread of a process that leaves SIGTERM to its default (the CLI), make a
    ``kill -TERM`` stop the import as Ctrl-C does: SystemExit(143) raised where the import is,
    so the document being saved is rolled back, the workers are shut down, and the process
    exits 143. A second TERM, while that happens, ends the process at once (the workers
    still go: see explorer/parallel.py). Elsewhere (the window's threads) nothing changes."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL
    ):
        yield
        return

    def stop(signum: int, _frame: FrameType | None) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        raise SystemExit(TERMINATED)

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def set_published(
    store: Store, doc_id: int, published: dt.date, matcher: ActorMatcher | None = None
) -> None:
    """Give a document its publication date and re-resolve its dates (one transaction)."""
    doc = dataclasses.replace(store.document(doc_id), published=published, published_source="user")
    matcher = matcher or default_matcher(store=store)
    store.save(analyse(doc, matcher), EVENT_RULES, force=True, kinds=matcher.kinds)


@dataclass
class MigrateReport:
    documents: int = 0  # copied (or already there, unchanged)
    curations: int = 0  # copied; the target's own and ones copied before are left alone
    cancelled: bool = False
    unreadable: list[str] = field(default_factory=list)  # source documents damage kept back
    edits_unreadable: bool = False


def migrate(
    source: Store,
    target: Store,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> MigrateReport:
    """Copy a store into another (a personal file into a shared server, say), edits included.

    Each document is analysed again from its stored text and saved like an import, one
    transaction each, so it merges with what the target holds already: the same piece from
    another outlet joins the target's event. Edits name events by their sentences, so they
    apply to the copies; they keep their author and time. Running it again copies nothing
    twice. The source is only read."""
    report = MigrateReport()
    matcher = default_matcher(store=source)
    documents = source.documents()
    for n, info in enumerate(documents):
        if cancel is not None and cancel():
            report.cancelled = True
            return report
        if progress is not None:
            progress(n, len(documents), info.path)
        try:
            document = source.document(info.id)
        except StoreError:  # a damaged source: rescue the others, say which stayed behind
            report.unreadable.append(info.path)
            continue
        saved = target.save(analyse(document, matcher), EVENT_RULES, kinds=matcher.kinds)
        if saved.status != "unchanged":  # a second run copies nothing, and says so
            report.documents += 1
    try:
        edits = source.curations()
    except StoreError:
        edits, report.edits_unreadable = [], True
    report.curations = target.copy_curations(edits)
    if progress is not None:
        progress(len(documents), len(documents), "edits")
    return report


def load_sample(
    store: Store, progress: Progress | None = None, cancel: Cancel | None = None
) -> IngestReport:
    """Import the bundled sample corpus into an empty store; a used store is never touched."""
    from explorer.resources import resource

    if store.documents():
        raise InputError(
            "The sample corpus loads into an empty database only; this one already holds documents."
        )
    return ingest([resource("sample")], store, progress=progress, cancel=cancel)


def export_image(
    store: Store,
    query: EventQuery,
    path: Path,
    fmt: str,
    *,
    width: int = 1600,
    height: int = 900,
    dpi: int = 96,
    title: str | None = "Timeline",
    source: EventSource | None = None,
    keys: int | None = None,
) -> int:
    """Draw the filtered timeline into a PNG, SVG or PDF file, opened where the window opens:
    on the span of its ``keys`` key events (KEY_EVENTS by default), named first, the other
    events drawn quietly (``source``: the store's event source when the caller has opened it
    already)."""
    from explorer.export.image import render
    from explorer.timeline import data as tdata
    from explorer.timeline.opening import KEY_EVENTS, open_timeline

    source = source if source is not None else open_source(store)
    opening = open_timeline(source, query, KEY_EVENTS if keys is None else keys)
    # Every event the query keeps, a big store's too: an export is drawn once.
    found = source.answer(query)
    data = tdata.build((tdata.to_timeline_event(s) for s in found), opening.key_ids)
    render(data, opening.view, path, fmt, width=width, height=height, dpi=dpi, title=title)
    return len(data)


def check_paths(paths: list[Path]) -> None:
    """Stop before anything is done only when no path given exists; a missing one among
    others is reported with the files that failed, and the rest are imported."""
    if paths and not any(p.exists() or p.is_symlink() for p in paths):
        raise InputError("No such file or folder: " + ", ".join(str(p) for p in paths))




def export_report(
    store: Store,
    query: EventQuery,
    path: Path,
    fmt: str,
    *,
    title: str = "Timeline",
    ids: frozenset[int] | None = None,
    page: str = "a4",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    source: EventSource | None = None,
    key: int | None = None,
) -> int | None:
    """Write the report of the filtered events (only ``ids`` when given: the window's view) as
    HTML, PDF or Markdown; the number of events, or None when cancelled (no file is left).
    ``key``: only the collection's ``key`` key events. ``source``: the store's event source
    when the caller has opened it already."""
    from explorer.report.content import build_report

    if fmt not in REPORT_FORMATS:
        raise ExportError(f"Unknown report format '{fmt}' (use html, pdf or md).")
    report = build_report(store, query, title=title, ids=ids, source=source, key=key)
    tmp = path.with_name(path.name + ".part")
    try:
        if fmt == "pdf":
            from explorer.report.pdf_report import write_pdf

            done = write_pdf(report, tmp, page, progress, cancel)
        else:
            with tmp.open("w", encoding="utf-8", newline="\n") as fh:
                if fmt == "html":
                    from explorer.report.html_report import write_html
                    from explorer.report.timeline_svg import timeline_svg

                    svg = timeline_svg(report)
                    done = write_html(report, svg, fh.write, progress, cancel)
                else:
                    from explorer.report.markdown_report import write_markdown

                    done = write_markdown(report, fh.write, cancel)
        if not done:
            return None
        tmp.replace(path)
    except OSError as err:
        raise ExportError(f"{path}: cannot write the report ({err.strerror or err}).") from err
    finally:
        tmp.unlink(missing_ok=True)
    if progress is not None:
        progress(len(report.entries), len(report.entries), "done")
    return len(report.entries)
