"""The main window: filters | timeline | key events over sources, with import, export and
database menus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
)

from explorer import APP_NAME, pipeline
from explorer.errors import ExplorerError
from explorer.export.tables import dump_json, events_csv, events_json, write_text
from explorer.ingest.formats import SUFFIXES, by_suffix, dialog_filter
from explorer.ingest.formats.base import ReadOptions
from explorer.ingest.formats.table import needs_columns
from explorer.model import Document, Event
from explorer.query.event_query import EventQuery, Hidden
from explorer.query.sources import EventSource, open_source
from explorer.resources import resource
from explorer.store.location import Location
from explorer.store.queries import DocumentInfo, EventSummary
from explorer.store.repo import Store
from explorer.timeline import data as tdata
from explorer.timeline.layout import TimelineData, View
from explorer.timeline.opening import KEY_EVENTS
from explorer.timeline.windowed import Provider, WindowedSource
from explorer.ui import workers
from explorer.ui.columns_dialog import ColumnsDialog
from explorer.ui.curation_ui import CurationUI
from explorer.ui.dialogs import ErrorReport, ExportImageDialog, UndatedDialog, failure_box
from explorer.ui.filter_panel import FilterPanel
from explorer.ui.key_panel import MAX_KEYS, KeyEventsPanel
from explorer.ui.passage_panel import PassagePanel
from explorer.ui.reader import DocumentReader
from explorer.ui.store_ops import StoreOps
from explorer.ui.timeline_view import TimelineView
from explorer.ui.view_loading import Empty, Loaded, Snapshot, load, load_view


class MainWindow(QMainWindow):
    reloaded = Signal()  # the store was read again and the timeline redrawn
    drawn = Signal()  # the timeline has new data (the review queue follows)

    def __init__(self, store: Store, settings: QSettings | None = None) -> None:
        super().__init__()
        self.store = store
        self.settings = settings or QSettings()
        self.job: workers.Job | None = None
        self.reader: DocumentReader | None = None
        self.dates_dialog: UndatedDialog | None = None
        self.setAcceptDrops(True)
        self.filters = FilterPanel()
        self.timeline = TimelineView()
        self.panel = PassagePanel()
        self.key_limit = _key_count(self.settings)
        self.key_view: View | None = None  # the span of the key events, once read
        self.keys_panel = KeyEventsPanel(self.key_limit)
        side = QSplitter(Qt.Orientation.Vertical)  # key events over the chosen one's sources
        side.addWidget(self.keys_panel)
        side.addWidget(self.panel)
        side.setStretchFactor(1, 1)
        side.setSizes([330, 470])
        split = QSplitter(Qt.Orientation.Horizontal)
        for w in (self.filters, self.timeline, side):
            split.addWidget(w)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 900, 340])
        self.setCentralWidget(split)
        self._status()
        self._menus()
        self.ops = StoreOps(self)
        self._generation = 0
        self._polling = False
        self.source: EventSource = Empty(store)
        self.provider: Provider | None = None
        self.documents: dict[int, DocumentInfo] = {}
        self.total_events = 0
        self.seen_changes = -1
        self.curation: CurationUI | None = None
        self.curation = CurationUI(self)
        self.filters.changed.connect(self.apply_filters)
        self.timeline.eventSelected.connect(self._show_event)
        self.timeline.eventSelected.connect(self.keys_panel.select_event)
        self.timeline.viewChanged.connect(self._window_data)
        self.keys_panel.eventChosen.connect(self.timeline.centre_on)
        self.keys_panel.countChanged.connect(self.set_key_count)
        self.panel.openPassage.connect(self.open_passage)
        self.resize(1400, 820)
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        t0, t1 = self.settings.value("view/t0"), self.settings.value("view/t1")
        mine = self.settings.value("view/database") in (None, store.location.saved)
        if t0 is not None and t1 is not None and mine:  # where this user left this timeline
            self.timeline.set_view(View(float(t0), float(t1)))
            self.reload(keep_view=True)
        else:
            self.reload(keep_view=False)
        # Others writing to a shared store: a cheap poll of its change counter, then a reload
        # that keeps this user's view and selection.
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.check_for_changes)
        self.poll.start()
        self._title()

    # ------------------------------------------------------------------ building

    def _status(self) -> None:
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_job)
        self.count_label = QLabel()
        bar = self.statusBar()
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    def _action(
        self,
        menu: Any,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _menus(self) -> None:
        m = self.menuBar().addMenu("&File")
        self.import_files_action = self._action(
            m, "Import files…", self.import_files, QKeySequence.StandardKey.Open
        )
        self._action(m, "Import folder…", self.import_folder)
        self._action(m, "Load sample data", self.load_sample)
        m.addSeparator()
        self._action(m, "Open database…", self.open_database)
        self._action(m, "Connect to shared database…", self.connect_database)
        self.recent_menu = m.addMenu("Open recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(m, "New database…", self.new_database)
        m.addSeparator()
        self._action(m, "Export image…", self.export_image, "Ctrl+E")
        self._action(m, "Export events (JSON or CSV)…", self.export_table)
        self._action(m, "Export report (HTML, PDF or Markdown)…", self.export_report, "Ctrl+R")
        m.addSeparator()
        self._action(m, "Set publication dates…", self.ask_dates)
        m.addSeparator()
        self._action(m, "Quit", self.close, QKeySequence.StandardKey.Quit)
        v = self.menuBar().addMenu("&View")
        self._action(v, "Zoom in", lambda: self.timeline.zoom(1.25), "Ctrl++")
        self._action(v, "Zoom out", lambda: self.timeline.zoom(0.8), "Ctrl+-")
        self._action(v, "Fit all", self.timeline.fit_all, "Ctrl+0")
        self._action(v, "Key events", self.show_key_events, "Ctrl+K")
        self._action(v, "Clear filters", self.filters.clear_all)
        self.actor_lanes = QAction("One lane per actor", self, checkable=True)
        self.actor_lanes.toggled.connect(self.timeline.set_by_actor)
        v.addAction(self.actor_lanes)

    def _title(self) -> None:
        self.setWindowTitle(f"{APP_NAME} — {self.store.location.name}")

    # ------------------------------------------------------------------ data

    # Every store read and write goes through self.ops, on its own thread (store_ops.py);
    # what comes back is applied here, on the GUI thread. A newer request makes an older
    # answer stale: it is dropped, not drawn.

    @property
    def idle(self) -> bool:
        """No store work queued or running, nor a filter or key-count change waiting (tests
        wait for it)."""
        waiting = self.filters.pending() or self.keys_panel.pending()
        return self.ops.pending == 0 and not waiting

    def _store_op(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.ops.run(fn, done, self._store_failed)

    def _store_failed(self, message: str, bug: bool) -> None:
        if not self.isVisible():  # closing: nobody to tell, and nothing was drawn
            return
        self.show_error(message, bug)

    def check_for_changes(self) -> None:
        """Ask, off the GUI thread, whether the store changed since this window read it; a
        change reloads, keeping the view and selection."""
        if self.job is not None or self._polling:
            return  # an import reloads when it ends; one question in flight is enough
        self._polling = True
        store = self.store

        def read() -> int | None:
            try:
                return store.changes()
            except ExplorerError:
                return None  # a server away for a moment: the next poll tries again

        def done(now: int | None) -> None:
            self._polling = False
            if now is not None and now != self.seen_changes and store is self.store:
                self.reload(keep_view=True)
                self.statusBar().showMessage("Updated with changes saved by others", 5000)

        self._store_op(read, done)

    def reload(self, keep_view: bool = True) -> None:
        """Read the store again: one event source, whatever its size (query/sources.py)."""
        self._generation += 1
        asked, store, query = self._generation, self.store, self.query()
        view, (width, lanes) = self.timeline.view, self.timeline.layout_size()
        keys = self.key_limit

        def read() -> Snapshot:
            changes = store.changes()
            source = open_source(store)
            # A big store's documents are read per event, when one is shown.
            documents = {} if source.indexed else {d.id: d for d in store.documents()}
            counts, kinds = source.actor_counts(), source.kinds
            loaded = load(source, query, view, width, lanes, keep_view, keys)
            return Snapshot(changes, source, documents, counts, kinds, loaded)

        def done(snap: Snapshot) -> None:
            if asked != self._generation or store is not self.store:
                return
            self.seen_changes = snap.changes
            self.source, self.total_events = snap.source, snap.source.stored
            self.documents = snap.documents
            missing = snap.source.missing()
            if missing and self.curation is not None:
                self.statusBar().showMessage(
                    f"{len(missing)} edit(s) no longer apply, their sentences are gone from "
                    f"the documents: {'; '.join(missing[:3])}",
                    15000,
                )
            self.filters.model.set_counts(snap.counts, snap.kinds)
            if self.query() != query:  # the actors on offer changed what is checked
                self.apply_filters(keep_view)
            else:
                self._apply_loaded(snap.loaded, keep_view)
            self.reloaded.emit()
            if self.timeline.selected is not None:
                self._show_event(self.timeline.selected)

        self._store_op(read, done)

    def query(self) -> EventQuery:
        """What the filters ask, as the one event query every view answers."""
        show_hidden = self.curation is not None and self.curation.show_hidden.isChecked()
        start, end = self.filters.date_range()
        return EventQuery(
            actors=tuple(sorted(self.filters.model.checked())),
            match_all=self.filters.match_all(),
            start=start,
            end=end,
            text=self.filters.search_text(),
            hidden=Hidden.INCLUDE if show_hidden else Hidden.EXCLUDE,
        )

    def apply_filters(self, keep_view: bool = True) -> None:
        self._generation += 1
        asked, source, query = self._generation, self.source, self.query()
        view, (width, lanes) = self.timeline.view, self.timeline.layout_size()
        keys = self.key_limit

        def done(loaded: Loaded) -> None:
            if asked == self._generation and source is self.source:
                self._apply_loaded(loaded, keep_view)

        self._store_op(lambda: load(source, query, view, width, lanes, keep_view, keys), done)

    def set_key_count(self, count: int) -> None:
        """Name, list and open on this many key events (kept for the next session)."""
        count = max(0, min(count, MAX_KEYS))
        if count == self.key_limit:
            return
        self.key_limit = count
        self.settings.setValue("keys/count", count)
        self.apply_filters(keep_view=True)

    def show_key_events(self) -> None:
        """The view the timeline opened on: the span of its key events."""
        if self.key_view is not None:
            self.timeline.set_view(self.key_view)

    def _apply_loaded(self, loaded: Loaded, keep_view: bool) -> None:
        self.provider = loaded.provider
        if loaded.keys is not None:  # the query was answered anew: its key events too
            self.key_view = loaded.key_view
            self.keys_panel.set_keys(loaded.keys)
            if self.timeline.selected is not None:
                self.keys_panel.select_event(self.timeline.selected)
        if not keep_view:
            self.timeline.view = loaded.view
        changed = loaded.data is not self.timeline.data
        if changed:
            self.timeline.set_data(loaded.data, keep_view=True)
        if not self.source.indexed:  # a big store's counts stay the store's own, exact ones
            self.filters.model.update_counts(self.provider.actor_counts())
        self.count_label.setText(f"{self.provider.total:,} of {self.total_events:,} events")
        self.drawn.emit()
        if changed:
            self._review(loaded.data)

    def _review(self, data: TimelineData) -> None:
        """The review queue's doubts about what the timeline holds (a big store: its loaded
        events), read after the timeline is drawn, so the drawing never waits for them."""
        if self.curation is None:
            return
        asked, source = self._generation, self.source

        def read() -> tuple[list[EventSummary], dict[int, list[str]]]:
            doubts = source.doubts(set(data.by_id))
            return source.answer(EventQuery(ids=frozenset(doubts))) if doubts else [], doubts

        def done(found: tuple[list[EventSummary], dict[int, list[str]]]) -> None:
            if asked == self._generation and self.curation is not None:
                self.curation.review.set_rows(*found)

        self._store_op(read, done)

    def _window_data(self, keep_view: bool = True) -> None:
        """The view moved: a big store loads what the new view shows (off the GUI thread)."""
        prov = self.provider
        if not isinstance(prov, WindowedSource):
            return
        asked, source = self._generation, self.source
        view, (width, lanes) = self.timeline.view, self.timeline.layout_size()

        def done(loaded: Loaded) -> None:
            if asked == self._generation and prov is self.provider:
                self._apply_loaded(loaded, keep_view=True)

        self._store_op(lambda: load_view(source, prov, view, width, lanes), done)

    def _show_event(self, event_id: int) -> None:
        if event_id < 0 and event_id not in self.timeline.data.by_id:
            self.panel.show_event(None, {})
            return
        source, known = self.source, dict(self.documents)

        def read() -> tuple[Event, dict[int, DocumentInfo]]:
            event = source.event(event_id)
            ids = {s.document_id for s in event.sources}
            docs = {i: known[i] for i in ids if i in known}
            if len(docs) < len(ids):
                docs.update({d.id: d for d in source.store.documents(ids - set(docs))})
            return event, docs

        def done(found: tuple[Event, dict[int, DocumentInfo]]) -> None:
            if self.timeline.selected == event_id:
                self.panel.show_event(*found)

        self._store_op(read, done)

    def open_passage(self, doc_id: int, start: int, end: int, e_start: int, e_end: int) -> None:
        store = self.store
        self._store_op(
            lambda: store.document(doc_id),
            lambda doc: self._open_reader(doc, doc_id, start, end, e_start, e_end),
        )

    def _open_reader(
        self, doc: Document, doc_id: int, start: int, end: int, e_start: int, e_end: int
    ) -> None:
        self.reader = DocumentReader(doc, self)
        self.reader.show_passage(start, end, e_start, e_end)
        if self.curation is not None:
            curation = self.curation
            self.reader.addEventRequested.connect(
                lambda a, b, text: curation.ask_add(
                    {"document_id": doc_id, "start": a, "end": b}, " ".join(text.split()[:10])
                )
            )
            self.reader.deleteRequested.connect(
                lambda: (curation.delete_document(doc_id), self.reader and self.reader.close())
            )
        self.reader.show()

    # ------------------------------------------------------------------ import

    def import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import articles", "", dialog_filter())
        if files:
            self.start_import([Path(f) for f in files])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles")
        if folder:
            self.start_import([Path(folder)])

    def load_sample(self) -> None:
        store = self.store

        def done(used: bool) -> None:
            if used:
                QMessageBox.information(
                    self,
                    APP_NAME,
                    "The sample corpus loads into an empty "
                    "database only; use File → New database… first.",
                )
            else:
                self.start_import([resource("sample")])

        self._store_op(lambda: bool(store.documents()), done)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        # The registry decides, as for the dialog and folders: a dropped picture or
        # spreadsheet is named, not read as text.
        wanted = [p for p in paths if p.is_dir() or by_suffix(p.suffix) is not None]
        refused = [p.name for p in paths if p not in wanted]
        if refused:
            QMessageBox.information(
                self,
                APP_NAME,
                "Not a format Timeline Explorer reads, so not imported: "
                + ", ".join(refused[:10])
                + (f" and {len(refused) - 10} more" if len(refused) > 10 else "")
                + ".\n\nIt reads: "
                + ", ".join(sorted(SUFFIXES))
                + ".",
            )
        if wanted:
            self.start_import(wanted)

    def start_import(
        self, paths: list[Path], options: ReadOptions | None = None
    ) -> workers.Job | None:
        if self.job is not None:
            QMessageBox.information(self, APP_NAME, "An import is already running.")
            return None
        if options is None:
            # A table given by name whose text column has no usual name: ask which it is
            # (reading one header line), then import with the answer.
            for path in paths:
                names = needs_columns(path, ReadOptions()) if path.is_file() else None
                if names:
                    self.columns_dialog = ColumnsDialog(path, names, self)
                    self.columns_dialog.accepted.connect(
                        lambda: self.start_import(
                            paths, ReadOptions(columns=self.columns_dialog.chosen())
                        )
                    )
                    self.columns_dialog.rejected.connect(
                        lambda: self.start_import(paths, ReadOptions())
                    )
                    self.columns_dialog.open()
                    return None
        read_options = options or ReadOptions()
        db = self.store.location

        def work(progress: Callable[[int, int, str], None], cancel: Callable[[], bool]) -> Any:
            store = Store(db)  # this thread's own connection
            try:
                return pipeline.ingest(
                    paths,
                    store,
                    progress=progress,
                    cancel=cancel,
                    matcher=pipeline.default_matcher(store),
                    workers=pipeline.default_workers(),
                    options=read_options,
                )
            finally:
                store.close()

        return self._run(work, self._import_done, "Importing")

    def _import_done(self, report: pipeline.IngestReport) -> None:
        self.reload()
        done = len(report.imported) + len(report.replaced)
        note = f"Imported {done} document(s), {report.events_created} new event(s)"
        if report.cancelled:
            note += " — cancelled; every finished document is stored"
        if report.store_error:
            note += " — stopped: the database failed"
        if self.source.missing():
            note += (
                f" — {len(self.source.missing())} edit(s) no longer apply, their sentences are "
                "gone from the documents (Edit menu: undo them, or see `explorer edits`)"
            )
        self.statusBar().showMessage(note, 10000)
        if report.failed:
            self.failure_box = failure_box(report, self)
            self.failure_box.show()
        if report.store_error:
            self.store_box = QMessageBox(
                QMessageBox.Icon.Warning,
                APP_NAME,
                f"The import stopped: {report.store_error}",
                parent=self,
            )
            self.store_box.setInformativeText(
                f"The {done} document(s) stored before are kept; {report.left} file(s) were not "
                "imported. Import again once the database works: stored files are skipped."
            )
            self.store_box.show()
        if report.undated:
            self.ask_dates()

    def ask_dates(self) -> None:
        """Offer a date field for each undated document (non-modal: work goes on)."""
        store = self.store
        self._store_op(
            lambda: [d for d in store.documents() if d.published is None], self._offer_dates
        )

    def _offer_dates(self, undated: list[DocumentInfo]) -> None:
        if not undated:
            return
        self.dates_dialog = UndatedDialog(undated, self)
        self.dates_dialog.accepted.connect(lambda: self.set_dates(self.dates_dialog.chosen()))
        self.dates_dialog.open()

    def set_dates(self, chosen: dict[int, dt.date]) -> workers.Job | None:
        if not chosen:
            return None
        db = self.store.location

        def work(progress: Callable[[int, int, str], None], cancel: Callable[[], bool]) -> int:
            store = Store(db)
            try:
                for n, (doc_id, date) in enumerate(chosen.items()):
                    progress(n, len(chosen), f"document {doc_id}")
                    pipeline.set_published(store, doc_id, date)
                return len(chosen)
            finally:
                store.close()

        return self._run(work, lambda _n: self.reload(), "Resolving dates")

    # ------------------------------------------------------------------ jobs

    def _run(self, fn: Any, on_done: Callable[[Any], None], label: str) -> workers.Job:
        job = workers.Job(fn)
        self.job = job
        self.progress.setFormat(f"{label} %v/%m")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        job.signals.progress.connect(self._on_progress)

        def finished(result: object) -> None:
            self._job_over()
            on_done(result)

        def failed(message: str, bug: bool) -> None:
            self._job_over()
            self.show_error(message, bug)

        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        return workers.start(job)

    def _on_progress(self, done: int, total: int, note: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.statusBar().showMessage(note[-80:])

    def _job_over(self) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()

    def cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.statusBar().showMessage("Cancelling after the current document…")

    # ------------------------------------------------------------------ export

    def export_image(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export image", "timeline.png", "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"
        )
        if not path:
            return
        dialog = ExportImageDialog(max(self.timeline.width(), 1200), 700, self)
        if not dialog.exec():
            return
        whole = dialog.scope.currentIndex() == 1
        self.export_image_to(
            Path(path),
            dialog.width_box.value(),
            dialog.height_box.value(),
            dialog.dpi_box.value(),
            whole,
            dialog.title_box.isChecked(),
        )

    def export_image_to(
        self,
        path: Path,
        width: int,
        height: int,
        dpi: int = 96,
        whole: bool = False,
        titled: bool = True,
    ) -> workers.Job:
        from explorer.export.image import render

        data = self.timeline.data
        view = tdata.fit(data) if whole else self.timeline.view
        fmt = path.suffix.lower().lstrip(".") or "png"
        title = f"Timeline — {self.store.location.stem}" if titled else None

        def work(progress: Callable[[int, int, str], None], cancel: Callable[[], bool]) -> Path:
            render(data, view, path, fmt, width=width, height=height, dpi=dpi, title=title)
            return path

        return self._run(
            work, lambda p: self.statusBar().showMessage(f"Wrote {p}", 8000), "Exporting"
        )

    def export_report(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            "Export report",
            "timeline-report.html",
            "HTML page (*.html);;PDF (*.pdf);;Markdown (*.md)",
        )
        if path:
            self.export_report_to(Path(path))

    def export_report_to(self, path: Path, title: str | None = None) -> workers.Job:
        """The report of what the timeline shows now (its filters), on a worker thread."""
        fmt = {".pdf": "pdf", ".md": "md", ".markdown": "md"}.get(path.suffix.lower(), "html")
        shown = frozenset(self.timeline.data.by_id)
        db = self.store.location
        title = title or f"Timeline — {db.stem}"

        def work(progress: Callable[[int, int, str], None], cancel: Callable[[], bool]) -> Any:
            store = Store(db)  # this thread's own connection
            try:
                count = pipeline.export_report(
                    store,
                    EventQuery(),
                    path,
                    fmt,
                    title=title,
                    ids=shown,
                    progress=progress,
                    cancel=cancel,
                )
                return (path, count)
            finally:
                store.close()

        def done(result: tuple[Path, int | None]) -> None:
            written, count = result
            message = "Report cancelled" if count is None else f"Wrote {count} events to {written}"
            self.statusBar().showMessage(message, 8000)

        return self._run(work, done, "Writing report")

    def export_table(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export events", "timeline.json", "JSON (*.json);;CSV (*.csv)"
        )
        if not path:
            return
        shown = frozenset(self.timeline.data.by_id)
        source = self.source

        def write() -> int:
            events = source.events(source.answer(EventQuery(hidden=Hidden.INCLUDE, ids=shown)))
            if path.lower().endswith(".csv"):
                write_text(Path(path), events_csv(events))
            else:
                write_text(Path(path), dump_json(events_json(events, source.store.documents())))
            return len(events)

        self._store_op(
            write, lambda n: self.statusBar().showMessage(f"Wrote {n} events to {path}", 8000)
        )

    # ------------------------------------------------------------------ databases

    def open_database(self) -> None:
        here = self.store.location.path
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open database",
            str(here.parent) if here else "",
            "Timeline databases (*.sqlite *.db);;All (*)",
        )
        if path:
            self.switch_database(Path(path))

    def connect_database(self) -> None:
        """A shared PostgreSQL store, by address; the password comes from PGPASSWORD or
        ~/.pgpass, so it is never typed here nor kept."""
        url, ok = QInputDialog.getText(
            self,
            "Connect to shared database",
            "PostgreSQL address (the password comes from PGPASSWORD or ~/.pgpass):",
            text="postgresql+psycopg://user@host/timeline",
        )
        if ok and url.strip():
            self.switch_database(url.strip())

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for where in recent_databases(self.settings):
            action = self.recent_menu.addAction(where)
            action.triggered.connect(lambda _=False, w=where: self.switch_database(w))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(none yet)").setEnabled(False)

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New database", "timeline.sqlite", "Timeline databases (*.sqlite)"
        )
        if path and Path(path).exists():
            self.show_error(f"{path} exists already; it is never overwritten.")
        elif path:
            self.switch_database(Path(path))

    def switch_database(self, target: Path | str) -> None:
        """Open another store (on the store thread: opening may migrate it, or wait for a
        server); the window switches when it is open, and stays as it was if it cannot."""

        def opened(store: Store) -> None:
            self.store.close()
            self.store = store
            remember_database(self.settings, store.location)
            self.panel.show_event(None, {})
            self.reload(keep_view=False)
            self._title()

        self._store_op(lambda: Store(target), opened)

    # ------------------------------------------------------------------ errors and exit

    def show_error(self, message: str, bug: bool = False) -> None:
        if bug:
            ErrorReport(message, self).show()
        else:
            QMessageBox.warning(self, APP_NAME, message)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            self.job.cancel()
            QThreadPool.globalInstance().waitForDone(10000)
        self.poll.stop()
        self.ops.wait()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("view/t0", self.timeline.view.t0)
        self.settings.setValue("view/t1", self.timeline.view.t1)
        self.settings.setValue("view/database", self.store.location.saved)
        remember_database(self.settings, self.store.location)
        super().closeEvent(event)


RECENT = 8
POLL_MS = 3000


def _key_count(settings: QSettings) -> int:
    """How many key events this user asked for (KEY_EVENTS until they choose)."""
    try:
        count = int(str(settings.value("keys/count", KEY_EVENTS)))
    except (TypeError, ValueError):
        return KEY_EVENTS
    return max(0, min(count, MAX_KEYS))


def recent_databases(settings: QSettings) -> list[str]:
    value = settings.value("database/recent") or []
    return [str(v) for v in (value if isinstance(value, list) else [value])][:RECENT]


def remember_database(settings: QSettings, where: Location) -> None:
    """Last and recent databases, as paths or addresses without their password."""
    saved = where.saved
    settings.setValue("database/last", saved)
    recent = [saved] + [r for r in recent_databases(settings) if r != saved]
    settings.setValue("database/recent", recent[:RECENT])
