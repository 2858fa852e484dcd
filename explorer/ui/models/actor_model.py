"""Actors with their event counts, checkable, for the filter list (Qt model/view)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

Index = QModelIndex | QPersistentModelIndex

COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


class ActorModel(QAbstractListModel):
    checkedChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._names: list[str] = []
        self._counts: Counter[str] = Counter()
        self._checked: set[str] = set()

    def set_counts(self, counts: Counter[str]) -> None:
        self.beginResetModel()
        self._counts = counts
        self._names = sorted(counts, key=lambda n: (-counts[n], n.casefold()))
        self._checked &= set(self._names)
        self.endResetModel()

    def update_counts(self, counts: Counter[str]) -> None:
        """New counts for the same actors (after a filter): rows stay, numbers change."""
        self._counts = Counter({n: counts.get(n, 0) for n in self._names})
        if self._names:
            self.dataChanged.emit(self.index(0), self.index(len(self._names) - 1))

    def checked(self) -> frozenset[str]:
        return frozenset(self._checked)

    def clear_checks(self) -> None:
        self._checked.clear()
        if self._names:
            self.dataChanged.emit(self.index(0), self.index(len(self._names) - 1))
        self.checkedChanged.emit()

    def set_checked(self, name: str, on: bool) -> None:
        if name in self._names:
            row = self._names.index(name)
            self.setData(
                self.index(row),
                Qt.CheckState.Checked if on else Qt.CheckState.Unchecked,
                Qt.ItemDataRole.CheckStateRole,
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._names)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        name = self._names[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name}  ({self._counts[name]})"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if name in self._checked else Qt.CheckState.Unchecked
        if role == COUNT_ROLE:
            return self._counts[name]
        if role == NAME_ROLE:
            return name
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        name = self._names[index.row()]
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked:
            self._checked.add(name)
        else:
            self._checked.discard(name)
        self.dataChanged.emit(index, index, [role])
        self.checkedChanged.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() else base


class ActorFilterProxy(QSortFilterProxyModel):
    """Search box over the actor list; sorted by count, then name."""

    def __init__(self) -> None:
        super().__init__()
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(NAME_ROLE)
