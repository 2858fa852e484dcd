"""Background work has one shape: a pipeline call in a QRunnable on the global thread pool,
reporting progress, result and failure through signals delivered on the GUI thread.

Each job opens its own store connection in its thread; only plain values cross threads.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from explorer.errors import ExplorerError


class JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str, bool)  # message, is_bug


class Job(QRunnable):
    """Runs ``fn(progress, cancelled)`` off the GUI thread."""

    def __init__(self, fn: Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]):
        super().__init__()
        self.fn = fn
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, self._cancel.is_set)
        except ExplorerError as err:
            self.signals.failed.emit(str(err), False)
        except Exception:  # a bug: shown with its report, never lost on a console
            self.signals.failed.emit(traceback.format_exc(), True)
        else:
            self.signals.finished.emit(result)


def start(job: Job) -> Job:
    """Queue ``job`` to start once control is back in the event loop, never at once: whoever
    gets the job back connects to its signals first. A job started at once can finish (and
    emit to nobody) before the caller's next line runs."""
    QTimer.singleShot(0, lambda: QThreadPool.globalInstance().start(job))
    return job
