"""Actors with their event counts, checkable, grouped by kind under a heading row each (people,
countries, organisations, companies, alliances, others), for the filter list (Qt model/view)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

Index = QModelIndex | QPersistentModelIndex

COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # None on a heading row
KIND_ROLE = Qt.ItemDataRole.UserRole + 3

KINDS = ("person", "country", "organisation", "company", "alliance", "other")
KIND_HEADINGS = {
    "person": "People",
    "country": "Countries",
    "organisation": "Organisations",
    "company": "Companies",
    "alliance": "Alliances",
    "other": "Other",
}


@dataclass(frozen=True)
class _Row:
    kind: str
    name: str | None  # None: the kind's heading


class ActorModel(QAbstractListModel):
    checkedChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[_Row] = []
        self._row_of: dict[str, int] = {}
        self._counts: Counter[str] = Counter()
        self._kinds: dict[str, str] = {}
        self._checked: set[str] = set()

    def set_counts(self, counts: Counter[str], kinds: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._counts = counts
        self._kinds = {n: _kind((kinds or {}).get(n)) for n in counts}
        rows: list[_Row] = []
        for kind in KINDS:
            names = [n for n in counts if self._kinds[n] == kind]
            if names:
                rows.append(_Row(kind, None))
                rows += [_Row(kind, n) for n in sorted(names, key=lambda n: (-counts[n], n.casefold()))]
        self._rows = rows
        self._row_of = {r.name: i for i, r in enumerate(rows) if r.name is not None}
        self._checked &= set(self._row_of)
        self.endResetModel()

    def update_counts(self, counts: Counter[str]) -> None:
        """New counts for the same actors (after a filter): rows stay, numbers change."""
        self._counts = Counter({n: counts.get(n, 0) for n in self._row_of})
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def names(self) -> list[str]:
        return list(self._row_of)

    def checked(self) -> frozenset[str]:
        return frozenset(self._checked)

    def clear_checks(self) -> None:
        self._checked.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
        self.checkedChanged.emit()

    def set_checked(self, name: str, on: bool) -> None:
        if name in self._row_of:
            self.setData(
                self.index(self._row_of[name]),
                Qt.CheckState.Checked if on else Qt.CheckState.Unchecked,
                Qt.ItemDataRole.CheckStateRole,
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == KIND_ROLE:
            return row.kind
        if row.name is None:
            return self._heading_data(row.kind, role)
        name = row.name
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name}  ({self._counts[name]})"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if name in self._checked else Qt.CheckState.Unchecked
        if role == COUNT_ROLE:
            return self._counts[name]
        if role == NAME_ROLE:
            return name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{name}: {KIND_HEADINGS[row.kind].lower().rstrip('s')}"
        return None

    def _heading_data(self, kind: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            total = sum(1 for n, k in self._kinds.items() if k == kind)
            return f"{KIND_HEADINGS[kind]} · {total}"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        name = self._rows[index.row()].name
        if name is None:
            return False
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked:
            self._checked.add(name)
        else:
            self._checked.discard(name)
        self.dataChanged.emit(index, index, [role])
        self.checkedChanged.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        if self._rows[index.row()].name is None:
            return Qt.ItemFlag.ItemIsEnabled  # a heading: neither checkable nor selectable
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable


def _kind(kind: str | None) -> str:
    return kind if kind in KINDS else "other"


class ActorFilterProxy(QSortFilterProxyModel):
    """The search box and the kind filter over the actor list; a heading stays while any actor
    under it does. Rows keep the model's order: kind, then count, then name."""

    def __init__(self) -> None:
        super().__init__()
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(NAME_ROLE)
        self.kind: str | None = None
        self.search = ""

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self.kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.search = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(row, 0, parent)
        kind = index.data(KIND_ROLE)
        if self.kind is not None and kind != self.kind:
            return False
        if index.data(NAME_ROLE) is None:  # a heading: shown if one of its actors is
            return any(
                self._name_matches(model.index(r, 0, parent))
                for r in range(row + 1, model.rowCount(parent))
                if model.index(r, 0, parent).data(KIND_ROLE) == kind
            )
        return self._name_matches(index)

    def _name_matches(self, index: QModelIndex) -> bool:
        name = index.data(NAME_ROLE)
        return name is not None and self.search in str(name).casefold()
