"""Reading and analysing documents, in this process or in a pool of worker processes.

Analysis (decoding, extraction, dates, actors, event drafts) needs no store, so it can run in
worker processes across the cores while this process writes finished documents one by one:
one writer, one transaction per document, documents stored in the order they were given, so
the result is the same whichever way they were analysed. Workers come from a fork server
(spawned once, with the analysis modules loaded and warm), never forked from a process that may
run Qt threads.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from explorer.actors.match import ActorMatcher
from explorer.analysis import Analysis, analyse
from explorer.errors import ExplorerError
from explorer.ingest.manifest import FileInfo
from explorer.ingest.readers import read_document
from explorer.model import Document

# Below this many files the pool's start-up costs more than it saves.
MIN_FILES_FOR_POOL = 24
_IN_FLIGHT_PER_WORKER = 4  # bounded look-ahead: memory stays flat on a folder of 100k files


@dataclass(frozen=True)
class Job:
    path: Path
    published: dt.date | None
    meta: FileInfo


@dataclass(frozen=True)
class Outcome:
    job: Job
    analysis: Analysis | None
    error: str | None
    kinds: dict[str, str]  # the kind of each actor the analysis names


def default_workers() -> int:
    """Analysis processes for a big import: one per core (analysis is most of the work; the
    storing process mostly waits), none on a single core, where a pool only adds its start-up."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cores = os.cpu_count() or 1
    return min(cores, 8) if cores > 1 else 0


def analysed(
    jobs: list[Job], matcher: ActorMatcher, workers: int
) -> Generator[Outcome, None, None]:
    """Each job's outcome, in the order of ``jobs``: analysed here when ``workers`` is 0 or
    the batch is small, else by ``workers`` processes. Closing the iterator early (a
    cancelled import) drops the work not yet started."""
    if workers < 1 or len(jobs) < MIN_FILES_FOR_POOL:
        for job in jobs:
            yield _run(job, matcher)
        return
    yield from _pooled(jobs, matcher, workers)


def _pooled(jobs: list[Job], matcher: ActorMatcher, workers: int) -> Iterator[Outcome]:
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(),
        initializer=_init_worker,
        initargs=(matcher,),  # pickled once per worker
    )
    pending: deque[Future[Outcome]] = deque()
    queue = iter(jobs)
    try:
        for job in queue:
            pending.append(pool.submit(_work, job))
            if len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                break
        while pending:
            outcome = pending.popleft().result()
            for job in queue:
                pending.append(pool.submit(_work, job))
                break
            yield outcome
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["explorer.parallel_warm"])
        return ctx
    return multiprocessing.get_context("spawn")


_matcher: ActorMatcher | None = None


def _init_worker(matcher: ActorMatcher) -> None:
    global _matcher
    _matcher = matcher


def _work(job: Job) -> Outcome:
    assert _matcher is not None, "worker used before its initializer ran"
    return _run(job, _matcher)


def _run(job: Job, matcher: ActorMatcher) -> Outcome:
    try:
        doc = with_metadata(read_document(job.path, job.published or job.meta.published), job.meta)
        analysis = analyse(doc, matcher)
    except ExplorerError as err:
        return Outcome(job, None, str(err), {})
    kinds = {m.actor: matcher.kinds.get(m.actor, "other") for m in analysis.mentions}
    return Outcome(job, analysis, None, kinds)


def with_metadata(doc: Document, meta: FileInfo) -> Document:
    """The manifest's title, outlet and author over what the file itself says (its date is
    the reader's ``published``: publication_date() decides)."""
    changes: dict[str, object] = {}
    if meta.title:
        changes["title"] = meta.title
    if meta.outlet:
        changes["outlet"] = meta.outlet
    if meta.author:
        changes["author"] = meta.author
    return dataclasses.replace(doc, **changes) if changes else doc  # type: ignore[arg-type]
