"""The task table's empty state: when a filter leaves no task, say so and offer to clear it.

A blank table reads as "the plan is empty" or "the program broke"; a message in
the middle of the table and a button that clears the filter say what happened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

from .task_filter import TaskFilterProxy


class EmptyState(QWidget):
    """Shown over ``tree``'s viewport while ``proxy`` filters and nothing matches."""

    def __init__(self, tree: QTreeView, proxy: TaskFilterProxy,
                 clear: Callable[[], None]) -> None:
        super().__init__(tree.viewport())
        self.setObjectName("emptyState")
        self.tree, self.proxy = tree, proxy
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #555; font-size: 11pt;")
        self.button = QPushButton(self)
        self.button.setObjectName("clearFilterButton")
        self.button.clicked.connect(clear)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        for signal in (proxy.layoutChanged, proxy.rowsInserted, proxy.rowsRemoved,
                       proxy.modelReset):
            signal.connect(self.refresh)
        tree.viewport().installEventFilter(self)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.message.setText(self.tr("No task matches the filter."))
        self.button.setText(self.tr("Clear filter"))

    def refresh(self, *_args) -> None:
        empty = self.proxy.is_active() and self.proxy.rowCount() == 0
        self.setGeometry(self.tree.viewport().rect())
        self.setVisible(empty)
        if empty:
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.tree.viewport().rect())
        return super().eventFilter(watched, event)
