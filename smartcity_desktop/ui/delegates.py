"""Editors for the task table and the task dialog.

* :class:`PlanDateEdit`: a line edit that accepts exact and imprecise plan dates
  (``2019-01-15``, ``2019-01-E``, ``2019-H1``, ``2019년 1월 초``, ``2019년 상반기`` ...)
  with a calendar pop-up for exact days; it shows what it understood, or the
  parse error, right under or beside the field and refuses to commit bad text.
* :class:`PlanDateDelegate`, :class:`OrgComboDelegate` (owner ministry),
  :class:`CityComboDelegate` and :class:`PercentDelegate` for the tree table.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QToolButton,
    QToolTip,
    QWidget,
    QWidgetAction,
)

from ..domain.dates import DateParseError, PlanDate, parse_plan_date

ERROR_STYLE = "QLineEdit { border: 1px solid #c62828; background: #fff3f3; }"


class PlanDateEdit(QWidget):
    """Text entry for a :class:`PlanDate`; ``error()`` is "" when the text is valid."""

    validityChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None, lang: str = "ko",
                 allow_empty: bool = True) -> None:
        super().__init__(parent)
        self.lang = lang
        self.allow_empty = allow_empty
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.tr("e.g. 2019-03-15, 2019-H1, 2019년 1월 초"))
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setToolTip(self.tr("Pick a day"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self._pick)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self._error = ""
        self._valid = True
        self.line.textChanged.connect(self._check)

    # -- value --------------------------------------------------------------------------
    def text(self) -> str:
        return self.line.text().strip()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self.line.setText(text)
        self._check()

    def value(self) -> PlanDate | None:
        """The parsed date (None when empty); raises DateParseError on bad text."""
        if not self.text():
            if self.allow_empty:
                return None
            raise DateParseError(self.tr("a date is required"))
        return parse_plan_date(self.text())

    def set_value(self, value: PlanDate | date | None) -> None:
        if isinstance(value, date):
            value = PlanDate.exact(value)
        if value is None:
            self.setText("")
        else:  # an imprecise date as the officer writes it ("2019년 1월 말"); it parses back
            self.setText(value.code() if value.is_exact else value.label(self.lang))

    def error(self) -> str:
        return self._error

    def interpretation(self) -> str:
        """What the text means, e.g. ``2019년 상반기 (2019-01-01 ~ 2019-06-30)``."""
        try:
            value = self.value()
        except DateParseError:
            return ""
        if value is None:
            return ""
        if value.is_exact:
            return value.label(self.lang)
        return f"{value.label(self.lang)} ({value.earliest()} ~ {value.latest()})"

    def _check(self) -> None:
        try:
            self.value()
        except DateParseError as exc:
            self._error = str(exc)
        else:
            self._error = ""
        valid = not self._error
        self.line.setStyleSheet("" if valid else ERROR_STYLE)
        self.line.setToolTip(self._error or self.interpretation())
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)

    def _pick(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        try:
            current = self.value()
        except DateParseError:
            current = None
        if current is not None:
            d = current.earliest()
            calendar.setSelectedDate(QDate(d.year, d.month, d.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(qd: QDate) -> None:
            self.set_value(date(qd.year(), qd.month(), qd.day()))
            menu.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        menu.exec(self.mapToGlobal(self.rect().bottomLeft()))
        menu.deleteLater()


class PlanDateDelegate(QStyledItemDelegate):
    """Edits a start/finish cell; bad text stays in the editor with the error shown."""

    def __init__(self, lang_getter, parent=None) -> None:
        super().__init__(parent)
        self._lang = lang_getter

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = PlanDateEdit(parent, lang=self._lang())
        editor.setAutoFillBackground(True)
        editor.validityChanged.connect(lambda ok, e=editor: self._show_error(e, ok))
        editor.line.returnPressed.connect(lambda e=editor: self._enter(e))
        return editor

    @staticmethod
    def _show_error(editor: PlanDateEdit, ok: bool) -> None:
        if ok:
            QToolTip.hideText()
        elif editor.isVisible():
            QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), editor.error(),
                              editor)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def _enter(self, editor: PlanDateEdit) -> None:
        """Enter commits good text; on bad text the editor stays open showing the problem."""
        if editor.error():
            self._show_error(editor, False)
            return
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        if editor.error():
            self._show_error(editor, False)
            return  # nothing is written; the cell keeps its value
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class _IdComboDelegate(QStyledItemDelegate):
    """A combo whose items carry ids (None for "none")."""

    def items(self) -> list[tuple[str, int | None]]:
        raise NotImplementedError

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for label, value in self.items():
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        pos = editor.findData(value)
        editor.setCurrentIndex(max(pos, 0))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class OrgComboDelegate(_IdComboDelegate):
    """Owner ministry: the ministries first, then the other bodies."""

    def __init__(self, model, parent=None) -> None:
        super().__init__(parent)
        self.model = model

    def items(self) -> list[tuple[str, int | None]]:
        return org_items(self.model.organisations(), self.model.context.lang, self.tr("(none)"))


class CityComboDelegate(_IdComboDelegate):
    def __init__(self, model, parent=None) -> None:
        super().__init__(parent)
        self.model = model

    def items(self) -> list[tuple[str, int | None]]:
        lang = self.model.context.lang
        out: list[tuple[str, int | None]] = [(self.tr("(none)"), None)]
        for city in self.model.cities():
            out.append((city.name_ko if lang == "ko" else city.name_en or city.name_ko, city.id))
        return out


def org_items(orgs: list[Any], lang: str, none_label: str) -> list[tuple[str, int | None]]:
    """Combo entries for organisations in protocol order (as every list of bodies)."""
    from ..domain.model import protocol_order

    ordered = protocol_order(orgs)
    return [(none_label, None)] + [(o.name(lang), o.id) for o in ordered]


class PercentDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        spin = QDoubleSpinBox(parent)
        spin.setRange(0, 100)
        spin.setDecimals(0)
        spin.setSingleStep(5)
        spin.setSuffix(" %")
        return spin

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        editor.setValue(float(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
