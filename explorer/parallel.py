"""Reading and analysing documents, in this process or in a pool of worker processes.

Analysis (decoding, extraction, dates, actors, event drafts) needs no store, so it can run in
worker processes across the cores while this process writes finished documents one by one:
one writer, one transaction per document, documents stored in the order they were given, so
the result is the same whichever way they were analysed. Workers come from a fork server
(spawned once, with the analysis modules loaded and warm), never forked from a process that may
run Qt threads.

Workers never outlive the import, however it ends (Ctrl-C, ``kill -TERM``, ``kill -9``, a
crash): each watches a *lifeline*, a pipe whose only write end the importing process holds,
and exits when it reads end-of-file. On Linux the kernel also kills a worker when its parent,
the fork server, dies, and kills the fork server when the importing process dies, if that
process started it from its main thread (see prepare_fork_server()). Once the workers are gone
the fork server and the resource tracker end by themselves: they run until every holder of
their pipes has closed it, and the workers hold those pipes too.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import datetime as dt
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from explorer.actors.match import ActorMatcher
from explorer.analysis import Analysis, analyse
from explorer.errors import ExplorerError
from explorer.ingest.formats import read_piece
from explorer.ingest.formats.base import Piece
from explorer.ingest.manifest import FileInfo
from explorer.ingest.readers import file_identity, read_document, with_published
from explorer.model import Document, identity

# Below this many files the pool's start-up costs more than it saves.
MIN_FILES_FOR_POOL = 24
_IN_FLIGHT_PER_WORKER = 4  # bounded look-ahead: memory stays flat on a folder of 100k files


@dataclass(frozen=True)
class Job:
    path: Path
    published: dt.date | None
    meta: FileInfo
    # One article of a file of many (a mailbox's message, a table's row), already split out
    # of its file by the importing process; None: the file is the article, read by the worker.
    piece: Piece | None = None
    # Set when the file could not be split any further, or the item is no article: the job
    # fails with this sentence without being worked on.
    failure: str | None = None
    key: str = ""  # the article's key in its file

    @property
    def name(self) -> str:
        """How the user's report names it: the path given, and the article's key in it."""
        return identity(str(self.path), self.key)


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
    jobs: Iterable[Job], matcher: ActorMatcher, workers: int, count: int | None = None
) -> Generator[Outcome, None, None]:
    """Each job's outcome, in the order of ``jobs``: analysed here when ``workers`` is 0 or
    the batch (``count`` jobs, when ``jobs`` is a stream) is small, else by ``workers``
    processes. Closing the iterator early (a cancelled import) drops the work not yet
    started, and stops reading the stream."""
    if count is None:
        jobs = list(jobs)
        count = len(jobs)
    if workers < 1 or count < MIN_FILES_FOR_POOL:
        for job in jobs:
            yield _run(job, matcher)
        return
    yield from _pooled(jobs, matcher, workers)


def _pooled(jobs: Iterable[Job], matcher: ActorMatcher, workers: int) -> Iterator[Outcome]:
    ctx = _context()
    _start_fork_server(ctx)
    # Nothing is ever written to the lifeline: its workers read end-of-file once this process
    # closes its end, or dies. Both ends are close-on-exec and go to no other process.
    lifeline, keep_alive = ctx.Pipe(duplex=False)
    try:
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(matcher, lifeline),  # pickled once per worker
        )
    except BaseException:
        lifeline.close()
        keep_alive.close()
        raise
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
        try:
            pool.shutdown(wait=True, cancel_futures=True)
        finally:
            # Workers still starting are spawned from ``lifeline``: it stays open until the
            # pool is down. Closing ``keep_alive`` then ends any worker left over.
            lifeline.close()
            keep_alive.close()


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["explorer.parallel_warm"])
        return ctx
    return multiprocessing.get_context("spawn")


# Set, in the environment the fork server starts with, to the pid of the process it must die
# with (see prepare_fork_server()).
_FORK_SERVER_PARENT = "EXPLORER_FORK_SERVER_PARENT"


def _start_fork_server(ctx: multiprocessing.context.BaseContext) -> None:
    """Start the fork server (once per process) here, rather than in the first submit().

    The kernel signals a child whose parent died when the *thread* that started it ends.
    Started from the main thread (the CLI's import), which lives as long as the process, the
    fork server is told to die with this process. Started from another thread (the window
    imports from a thread pool, whose threads come and go), it is not told: it would die with
    that thread, in the middle of a later import running on another one. It still ends when
    this process and its workers have gone (the lifeline ends the workers)."""
    if ctx.get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    tie = threading.current_thread() is threading.main_thread()
    if tie:  # the main thread: in the CLI no other thread reads the environment meanwhile
        os.environ[_FORK_SERVER_PARENT] = str(os.getpid())
    try:
        forkserver.ensure_running()
    finally:
        if tie:
            os.environ.pop(_FORK_SERVER_PARENT, None)


# The fork server's pid, in the fork server and in the workers it forks (see
# prepare_fork_server()); None elsewhere.
_fork_server: int | None = None


def prepare_fork_server() -> None:
    """Run in the fork server as it starts (explorer.parallel_warm, which it preloads, calls
    it): remember its pid for the workers it forks, and, on Linux, die with the process that
    started it when that process asked for it (_start_fork_server())."""
    global _fork_server
    _fork_server = os.getpid()
    parent = os.environ.pop(_FORK_SERVER_PARENT, "")
    if parent.isdigit() and int(parent) == os.getppid():
        die_with_parent(int(parent))


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent: int) -> bool:
    """On Linux, have the kernel kill this process (SIGKILL) when the thread that started it
    ends, and exit now if ``parent``, the pid that started it, is gone already (no signal
    would come). False where the kernel cannot do it (other systems): nothing was done."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        done = libc.prctl(
            ctypes.c_int(_PR_SET_PDEATHSIG),
            ctypes.c_ulong(signal.SIGKILL),
            ctypes.c_ulong(0),
            ctypes.c_ulong(0),
            ctypes.c_ulong(0),
        )
    except (OSError, AttributeError):  # no C library to load, or no prctl in it
        return False
    if done != 0:
        return False
    if os.getppid() != parent:
        os._exit(1)
    return True


_matcher: ActorMatcher | None = None


def _init_worker(matcher: ActorMatcher, lifeline: Connection) -> None:
    global _matcher
    _matcher = matcher
    if _fork_server is not None:
        die_with_parent(_fork_server)
    threading.Thread(target=_watch, args=(lifeline,), name="lifeline", daemon=True).start()


def _watch(lifeline: Connection) -> None:
    """End this worker when the importing process has gone (its end of the lifeline closed).
    Only a worker whose pool is shut down, or whose importer died, gets here: there is no work
    to finish and no one to give it to."""
    with contextlib.suppress(EOFError, OSError):
        lifeline.recv_bytes()  # nothing is ever sent: this waits for end-of-file
    os._exit(1)


def _work(job: Job) -> Outcome:
    assert _matcher is not None, "worker used before its initializer ran"
    return _run(job, _matcher)


def _run(job: Job, matcher: ActorMatcher) -> Outcome:
    if job.failure is not None:
        return Outcome(job, None, job.failure, {})
    try:
        if job.piece is not None:
            name = identity(file_identity(job.path), job.key)
            doc = with_published(read_piece(name, job.piece), job.published)
        else:
            doc = read_document(job.path, job.published or job.meta.published)
        doc = with_metadata(doc, job.meta)
        with big_work(len(doc.text)):
            analysis = analyse(doc, matcher)
    except ExplorerError as err:
        return Outcome(job, None, str(err), {})
    kinds = {m.actor: matcher.kinds.get(m.actor, "other") for m in analysis.mentions}
    return Outcome(job, analysis, None, kinds)


_BIG_TEXT = 1_000_000  # characters: a document this big is analysed and saved without the GC


@contextlib.contextmanager
def big_work(size: int) -> Iterator[None]:
    """Pause Python's cycle collector while one big document is analysed or saved. The
    analysis makes hundreds of thousands of objects that all live on (passages, dates,
    mentions), and each collection walks them all again: on a 20 MB file that is a sixth of
    the time (41.7 s against 33.7 s), for no garbage, as the analysis makes no cycles. Small
    documents leave it alone; reference counting frees everything meanwhile."""
    if size < _BIG_TEXT or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


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
