"""Start the window: the database (last used, or the default created with the sample corpus
on first run), an exception hook that shows bugs as a copyable report."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from explorer import APP_NAME, __version__, paths
from explorer.errors import ExplorerError
from explorer.resources import resource
from explorer.store.repo import Store
from explorer.ui.dialogs import ErrorReport
from explorer.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    report = "".join(traceback.format_exception(kind, value, tb))
    log.error("unexpected error\n%s", report)
    if QApplication.instance() is not None:
        ErrorReport(f"{APP_NAME} {__version__}\n\n{report}").exec()
    else:
        sys.__excepthook__(kind, value, tb)


def open_store(db: str | Path | None, settings: QSettings) -> tuple[Store, bool] | None:
    """The store to show, and whether it is new (and wants the sample corpus)."""
    target = db or os.environ.get("TIMELINE_EXPLORER_DB") or last_database(settings)
    path = Path(target) if "://" not in str(target) else paths.default_db_path()
    while True:
        is_new = "://" not in str(target) and not Path(target).exists()
        try:
            return Store(target), is_new
        except ExplorerError as err:
            QMessageBox.warning(None, APP_NAME, f"{err}\n\nChoose another database.")
            chosen, _ = QFileDialog.getSaveFileName(
                None, "Choose a database", str(path.parent), "Timeline databases (*.sqlite)"
            )
            if not chosen:
                return None
            path = Path(chosen)
            target = path


def last_database(settings: QSettings) -> str | Path:
    """The database open when the window last closed: a file that still exists, or a server
    address (its password was never kept), else the default file."""
    last = str(settings.value("database/last") or "")
    if "://" in last or (last and Path(last).exists()):
        return last
    return paths.default_db_path()


def run(db: str | Path | None = None) -> int:
    logging.basicConfig(filename=paths.log_dir() / "explorer.log", level=logging.INFO)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("TimelineExplorer")
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = resource("icons", "timeline-explorer.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    sys.excepthook = _excepthook
    settings = QSettings()
    opened = open_store(db, settings)
    if opened is None:
        return 1
    store, is_new = opened
    window = MainWindow(store, settings)
    if os.environ.get("TIMELINE_EXPLORER_QUIT_AFTER_PAINT"):
        # benchmarks/startup.py: report the first painted timeline, then leave.
        def first_paint() -> None:
            print(f"first-paint {len(window.timeline.data)} events", flush=True)
            QTimer.singleShot(0, app.quit)

        window.timeline.painted.connect(first_paint)
    window.show()
    if is_new and not store.documents():
        window.start_import([resource("sample")])  # first run: a populated timeline
    return app.exec()
