"""The analyst's edits in the window: an undo stack over curations, the Edit menu, a context
menu on events, the edit dialog and the review queue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDockWidget, QInputDialog, QMenu, QMessageBox

from explorer.curation import actions
from explorer.curation.readings import Reading, readings
from explorer.model import DateSpan, Event
from explorer.ui.edit_dialog import EditEventDialog
from explorer.ui.models.actor_model import NAME_ROLE
from explorer.ui.review_panel import ReviewPanel
from explorer.ui.window_api import TimelineWindow


class CurationCommand(QUndoCommand):
    """One curation: the first redo records it, later ones switch it on, undo switches it off."""

    def __init__(self, window: TimelineWindow, label: str, record: Callable[[], int]) -> None:
        super().__init__(label)
        self.window = window
        self.record = record
        self.curation_id: int | None = None
        self.failed: str | None = None

    # The writes run on the window's store thread, in order; the undo stack moves at once
    # and the timeline follows when the store has answered.

    def redo(self) -> None:
        store, known = self.window.store, self.curation_id

        def write() -> int:
            if known is None:
                return self.record()
            actions.redo(store, known)
            return known

        def done(curation_id: int) -> None:
            self.curation_id = curation_id
            self.window.reload()

        self.window.ops.run(write, done, self._refused)

    def undo(self) -> None:
        if self.curation_id is not None:
            store, known = self.window.store, self.curation_id
            self.window.ops.run(
                lambda: actions.undo(store, known), lambda _: self.window.reload(), self._refused
            )

    def _refused(self, message: str, bug: bool) -> None:
        self.failed = message
        if self.curation_id is None:
            self.setObsolete(True)  # nothing was recorded: the stack drops it
            stack = self.window.curation.stack if self.window.curation else None
            if stack is not None and stack.command(stack.index() - 1) is self:
                stack.undo()
        self.window.show_error(message, bug)


class CurationUI(QObject):
    def __init__(self, window: TimelineWindow) -> None:
        super().__init__(window.window())
        self.window = window
        self.parent_widget = window.window()  # the window as a widget: dialogs' parent
        self.stack = QUndoStack(self)
        self.edit_dialog: EditEventDialog | None = None
        menu = window.menuBar().addMenu("&Edit")
        undo = self.stack.createUndoAction(self, "&Undo")
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        menu.addAction(undo)
        menu.addAction(redo)
        menu.addSeparator()
        self.edit_action = self._add(menu, "Edit event…", self.edit_selected, "F2")
        self.hide_action = self._add(menu, "Hide event", self.hide_selected, "Del")
        self.merge_action = self._add(menu, "Merge marked events", self.merge_marked, "Ctrl+M")
        self.split_action = self._add(menu, "Split a source off…", self.ask_split, "Ctrl+T")
        self.add_action = self._add(menu, "Add event…", lambda: self.ask_add(), "Ctrl+N")
        self.show_hidden = QAction("Show hidden events", self, checkable=True)
        self.show_hidden.toggled.connect(lambda _on: window.reload())
        menu.addAction(self.show_hidden)
        self.review = ReviewPanel()
        self.review.eventChosen.connect(self.focus_event)
        dock = QDockWidget("Review queue", self.parent_widget)
        dock.setWidget(self.review)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        window.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.timeline.customContextMenuRequested.connect(self.context_menu)
        actor_list = window.filters.list
        actor_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        actor_list.customContextMenuRequested.connect(self.actor_menu)

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object], key: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(key)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def push(self, label: str, record: Callable[[], int]) -> CurationCommand:
        command = CurationCommand(self.window, label, record)
        self.stack.push(command)
        return command

    # ------------------------------------------------------------------ actions

    def selected(self) -> int | None:
        return self.window.timeline.selected

    def hide_selected(self) -> None:
        event_id = self.selected()
        if event_id is not None:
            hidden = self.window.source.is_hidden(event_id)
            fn = actions.unhide if hidden else actions.hide
            self.push(
                "Show event" if hidden else "Hide event",
                lambda: fn(self.window.store, event_id, self.window.source),
            )

    def merge_marked(self) -> None:
        ids = sorted(self.window.timeline.marked | {i for i in [self.selected()] if i is not None})
        if len(ids) < 2:
            QMessageBox.information(
                self.parent_widget,
                "Merge",
                "Ctrl+click the events to merge, then choose Merge marked events.",
            )
            return
        self.push(
            f"Merge {len(ids)} events",
            lambda: actions.merge(self.window.store, ids, self.window.source),
        )
        self.window.timeline.marked.clear()

    def edit_selected(self) -> None:
        event_id = self.selected()
        if event_id is None:
            return
        source = self.window.source

        def read() -> tuple[Event, list[Reading], str]:
            event = source.event(event_id)
            first = event.sources[0] if event.sources else None
            docs = source.store.documents([first.document_id]) if first else []
            doc = docs[0] if docs else None
            options = (
                readings(*source.store.reading_of(first.document_id, first.expression_start))
                if first
                else []
            )
            against = f"published {doc.published}" if doc and doc.published else "no date"
            return event, options, against

        def done(found: tuple[Event, list[Reading], str]) -> None:
            self.edit_dialog = EditEventDialog(*found, self.parent_widget)
            self.edit_dialog.accepted.connect(lambda: self.apply_edit(event_id))
            self.edit_dialog.open()

        self.window.ops.run(read, done, self.window.show_error)

    def apply_edit(self, event_id: int) -> None:
        assert self.edit_dialog is not None
        changes = self.edit_dialog.changes()
        if changes:
            self.push(
                "Edit event",
                lambda: actions.edit(
                    self.window.store, event_id, lookup=self.window.source, **changes
                ),
            )

    def ask_split(self) -> None:
        event_id = self.selected()
        if event_id is None:
            return
        source = self.window.source
        self.window.ops.run(
            lambda: source.event(event_id),
            lambda event: self._choose_split(event_id, event),
            self.window.show_error,
        )

    def _choose_split(self, event_id: int, event: Event) -> None:
        items = [f"{n}: {s.text[:70]}" for n, s in enumerate(event.sources)]
        if len(items) < 2:
            QMessageBox.information(self.parent_widget, "Split", "This event has one source.")
            return
        item, ok = QInputDialog.getItem(
            self.parent_widget,
            "Split a source off",
            "Source to make an event of its own:",
            items,
            0,
            False,
        )
        if ok:
            self.split_source(event_id, items.index(item))

    def split_source(self, event_id: int, index: int) -> CurationCommand:
        return self.push(
            "Split event",
            lambda: actions.split(self.window.store, event_id, index, self.window.source),
        )

    def ask_add(self, source: dict[str, int] | None = None, title: str = "") -> None:
        today = dt.date.today()
        blank = Event(None, title, DateSpan.year(today.year), ())
        self.edit_dialog = EditEventDialog(blank, [], "—", self.parent_widget)
        self.edit_dialog.setWindowTitle("Add event")
        self.edit_dialog.accepted.connect(lambda: self._add_from_dialog(source))
        self.edit_dialog.open()

    def _add_from_dialog(self, source: dict[str, int] | None) -> None:
        d = self.edit_dialog
        assert d is not None
        actors = [a.strip() for a in d.actors.text().split(",") if a.strip()]
        self.add_event(
            d.title.text(),
            d.start.text().strip(),
            d.end.text().strip() or None,
            d.precision.currentText(),
            actors,
            source,
        )

    def add_event(
        self,
        title: str,
        start: str,
        end: str | None,
        precision: str | None,
        actors: list[str],
        source: dict[str, int] | None = None,
    ) -> CurationCommand:
        return self.push(
            "Add event",
            lambda: actions.add_event(
                self.window.store, title, start, end, precision, actors, source
            ),
        )

    def delete_document(self, document_id: int) -> CurationCommand:
        return self.push(
            "Delete document", lambda: actions.remove_document(self.window.store, document_id)
        )

    def rename_actor(self, old: str, new: str) -> CurationCommand:
        return self.push(
            f"Rename actor {old}",
            lambda: actions.rename_actor(self.window.store, old, new, self.window.source),
        )

    def add_alias(self, actor: str, alias: str) -> CurationCommand:
        return self.push(
            f"Alias for {actor}", lambda: actions.add_alias(self.window.store, actor, alias)
        )

    def actor_menu(self, pos: QPoint) -> None:
        view = self.window.filters.list
        index = view.indexAt(pos)
        if not index.isValid():
            return
        name = str(index.data(NAME_ROLE))
        menu = QMenu(view)
        menu.addAction(
            "Rename…",
            lambda: self._ask(
                "Rename actor",
                f"New name for {name} (an existing actor's name merges the two):",
                name,
                lambda new: self.rename_actor(name, new),
            ),
        )
        menu.addAction(
            "Add alias…",
            lambda: self._ask(
                "Add alias",
                f"Another name for {name}, used by later imports:",
                "",
                lambda alias: self.add_alias(name, alias),
            ),
        )
        menu.popup(view.mapToGlobal(pos))

    def _ask(self, title: str, label: str, text: str, then: Callable[[str], object]) -> None:
        value, ok = QInputDialog.getText(self.parent_widget, title, label, text=text)
        if ok and value.strip():
            then(value.strip())

    def focus_event(self, event_id: int) -> None:
        tl = self.window.timeline
        e = tl.data.by_id.get(event_id)
        if e is not None and not (tl.view.t0 <= e.start <= tl.view.t1):
            tl.set_view(tl.view.pan(e.start - (tl.view.t0 + tl.view.t1) / 2))
        tl.select(event_id)

    def context_menu(self, pos: QPoint) -> None:
        tl = self.window.timeline
        placed = tl.hit_at(pos.x(), pos.y())
        if placed is None or placed.event is None:
            return
        tl.select(placed.event.id)
        menu = QMenu(tl)
        menu.addAction(self.edit_action)
        menu.addAction(self.hide_action)
        menu.addAction(self.merge_action)
        menu.addAction(self.split_action)
        menu.popup(tl.mapToGlobal(pos))
