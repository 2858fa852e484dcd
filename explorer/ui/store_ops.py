"""The window's store reads and writes, off the GUI thread and in the order they were asked
(Anki's CollectionOp: the collection is touched by one background thread, results come back
as signals on the GUI thread). A slow or absent server delays an answer; it never freezes
painting. Only plain values and the event source (read-only once made) cross threads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, QTimer

from explorer.ui.workers import Job


class StoreOps(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one at a time, in order: a write, then its reload
        self.pending = 0
        self._jobs: set[Job] = set()

    def run(
        self,
        fn: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[str, bool], None],
    ) -> Job:
        """Run ``fn()`` on the store thread; ``done(result)`` or ``failed(message, is_bug)``
        follow on the GUI thread."""
        job = Job(lambda _progress, _cancel: fn())
        self.pending += 1
        self._jobs.add(job)

        def over() -> None:
            self.pending -= 1
            self._jobs.discard(job)

        # An answer that arrives after the window is gone is dropped: nothing is left to show it.
        def finished(result: object) -> None:
            over()
            if shiboken6.isValid(self):
                done(result)

        def failure(message: str, bug: bool) -> None:
            over()
            if shiboken6.isValid(self):
                failed(message, bug)

        job.signals.finished.connect(finished)
        job.signals.failed.connect(failure)
        # Queued once control is back in the event loop: the signals are connected first.
        QTimer.singleShot(0, self, lambda: self.pool.start(job))
        return job

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)
