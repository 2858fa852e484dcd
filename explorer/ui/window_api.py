"""What the window offers the parts it is built from (the curation tools, the review queue):
typed as a protocol, so those parts never import the window that imports them."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMenuBar, QWidget

from explorer.query.sources import EventSource
from explorer.store.queries import DocumentInfo
from explorer.store.repo import Store
from explorer.ui.filter_panel import FilterPanel
from explorer.ui.store_ops import StoreOps
from explorer.ui.timeline_view import TimelineView


class TimelineWindow(Protocol):
    store: Store
    source: EventSource
    documents: dict[int, DocumentInfo]
    filters: FilterPanel
    timeline: TimelineView
    ops: StoreOps
    curation: Any  # the CurationUI, once made

    def show_error(self, message: str, bug: bool = False) -> None: ...

    def reload(self, keep_view: bool = True) -> None: ...

    def window(self) -> QWidget: ...

    def menuBar(self) -> QMenuBar: ...

    def addDockWidget(self, area: Qt.DockWidgetArea, dockwidget: QDockWidget, /) -> None: ...
