"""Small helpers shared by the table views (admin desk, feedback review)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QTableView


def select_row_at(table: QTableView, index: QModelIndex) -> bool:
    """Make `index`'s row the only selected row, current, and scrolled into view."""
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.selectionModel().setCurrentIndex(index, flags)
    table.scrollTo(index)
    return True
