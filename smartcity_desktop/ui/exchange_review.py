"""Menu 교환 (Exchange) and the merge review window.

``install_menu(window)`` adds the menu: 보내기 (write an update package), 받기 (import
packages or filled-in return forms), 실적 취합 양식 만들기 / 회수 (make and read return
forms) and 검토 (the review window). The window lists what the exchange holds, grouped
by ministry: conflicts and proposals side by side with who, when and the base value,
decided one by one or in bulk (take mine / take theirs / edit / newest wins). Each
decision is one undoable, audited edit through ``context.edits.run``, and so is each
import (받기): one Ctrl+Z takes the whole import back (``app.exchange`` says how the
other desks learn of it). Above it, the
desk status: per ministry, when its last package or form arrived and how many of its
items changed.

Texts come from the Qt-free message catalogue (``smartcity_desktop.messages``) in the
context's language, so the exchange reads the same in the window and the CLI.
The return-form code (openpyxl) is imported when a form is made or read, not when
the menu is built (about 0.3 s of the window's start).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..app import exchange as ex
from ..app.exchange_resolve import bulk_resolve, resolve
from ..domain.merge import fixed_rule
from ..messages import CATALOGUE, Message, Refusal, register
from ..store import exchange_store as xs

register({
    "ui.exchange.menu": ("교환(&X)", "E&xchange"),
    "ui.exchange.send": ("보내기…", "Send…"),
    "ui.exchange.receive": ("받기…", "Receive…"),
    "ui.exchange.make_forms": ("실적 취합 양식 만들기…", "Make return forms…"),
    "ui.exchange.read_forms": ("실적 취합 양식 회수…", "Read return forms…"),
    "ui.exchange.review": ("병합 검토…", "Merge review…"),
    "ui.exchange.title": ("병합 검토", "Merge review"),
    "ui.exchange.status": ("부서별 수신 현황", "Desk status"),
    "ui.exchange.held": ("충돌·제안 (보류 {count}건)", "Conflicts and proposals ({count} held)"),
    "ui.exchange.mine": ("내 값 채택", "Take mine"),
    "ui.exchange.theirs": ("상대 값 채택", "Take theirs"),
    "ui.exchange.edit": ("값 입력…", "Edit…"),
    "ui.exchange.newest": ("최신 변경 채택(전체)", "Newest wins (all)"),
    "ui.exchange.close": ("닫기", "Close"),
    "ui.exchange.value": ("{field}의 새 값", "New value of {field}"),
    "ui.exchange.decide": ("교환 결정: {what}", "Exchange decision: {what}"),
    "ui.exchange.package_filter": ("업데이트 패키지 (*.scx)", "Update packages (*.scx)"),
    "ui.exchange.any_filter": ("패키지·양식 (*.scx *.xlsx)", "Packages and forms (*.scx *.xlsx)"),
    "ui.exchange.form_filter": ("실적 취합 양식 (*.xlsx)", "Return forms (*.xlsx)"),
    "ui.exchange.which": ("양식을 만들 기관", "Ministry of the form"),
    "ui.exchange.forms_made": ("양식 {count}개를 만들었습니다: {folder}",
                               "made {count} forms in {folder}"),
    "ui.exchange.col.ministry": ("기관", "Ministry"),
    "ui.exchange.col.kind": ("구분", "Kind"),
    "ui.exchange.col.row": ("항목", "Item"),
    "ui.exchange.col.field": ("필드", "Field"),
    "ui.exchange.col.base": ("기준 값", "Base"),
    "ui.exchange.col.mine": ("내 값", "Mine"),
    "ui.exchange.col.theirs": ("상대 값", "Theirs"),
    "ui.exchange.col.who": ("보낸 사람", "From"),
    "ui.exchange.col.when": ("시각", "When"),
    "ui.exchange.col.last": ("최근 수신", "Last arrival"),
    "ui.exchange.col.via": ("경로", "Via"),
    "ui.exchange.col.changed": ("반영 항목", "Items changed"),
    "ui.exchange.kind.conflict": ("충돌", "conflict"),
    "ui.exchange.kind.delete": ("삭제 충돌", "delete conflict"),
    "ui.exchange.kind.proposal": ("제안", "proposal"),
    "ui.exchange.kind.gate": ("승인 게이트", "sign-off gate"),
    "ui.exchange.deleted": ("(삭제)", "(deleted)"),
    "ui.exchange.via.package": ("업데이트 패키지", "update package"),
    "ui.exchange.via.form": ("실적 취합 양식", "return form"),
    "ui.exchange.field.percent_complete": ("진척률(%)", "percent complete"),
    "ui.exchange.field.notes": ("비고", "notes"),
    "ui.exchange.field.done": ("완료", "done"),
    "ui.exchange.field.start": ("시작", "start"),
    "ui.exchange.field.finish": ("완료 예정", "finish"),
    "ui.exchange.field.actual_start": ("실제 시작", "actual start"),
    "ui.exchange.field.actual_finish": ("실제 완료", "actual finish"),
    "ui.exchange.field.*": ("행 전체", "whole row"),
    "ui.exchange.field.signoff": ("승인", "sign-off"),
})
HELD_COLUMNS = ("ministry", "kind", "row", "field", "base", "mine", "theirs", "who", "when")


def t(context: Any, message_id: str, **values: Any) -> str:
    return Message(message_id, values).text(context.lang)


def _shown(context: Any, text: str | None) -> str:
    if text is None:
        return t(context, "ui.exchange.deleted")
    value = json.loads(text)
    if isinstance(value, dict):
        return value.get("text") or value.get("name_ko") or value.get("narrative") or "{…}"
    return "" if value is None else str(value)


class ExchangeReviewDialog(QDialog):
    """What the exchange holds, decided one by one or in bulk; every decision undoable."""

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("exchangeReview")
        self.resize(1100, 620)
        layout = QVBoxLayout(self)
        self.status_label = QLabel(self)
        self.status = QTableWidget(0, 4, self)
        self.status.setObjectName("deskStatus")
        self.held_label = QLabel(self)
        self.table = QTableWidget(0, len(HELD_COLUMNS), self)
        self.table.setObjectName("heldTable")
        for view in (self.status, self.table):
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.verticalHeader().setVisible(False)
        self.status.setMaximumHeight(150)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, slot in (("mine", lambda: self.decide("mine")),
                           ("theirs", lambda: self.decide("theirs")),
                           ("edit", self.edit_value), ("newest", self.newest_wins),
                           ("close", self.accept)):
            button = QPushButton(self)
            button.setObjectName(f"exchange_{name}")
            button.clicked.connect(slot)
            self.buttons[name] = button
            buttons.addWidget(button)
            if name == "newest":
                buttons.addStretch(1)
        for widget in (self.status_label, self.status, self.held_label, self.table):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.items: list[dict[str, Any]] = []
        context.changed.connect(self._on_changed)
        context.languageChanged.connect(lambda _lang: self.refresh())
        self.refresh()

    def _on_changed(self, _tables: Any) -> None:
        self.refresh()

    def done(self, result: int) -> None:  # noqa: D102 - stop listening once closed
        try:
            self.context.changed.disconnect(self._on_changed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)

    # -- contents -----------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx, store = self.context, self.context.store
        self.setWindowTitle(t(ctx, "ui.exchange.title"))
        for name, key in (("mine", "mine"), ("theirs", "theirs"), ("edit", "edit"),
                          ("newest", "newest"), ("close", "close")):
            self.buttons[name].setText(t(ctx, f"ui.exchange.{key}"))
        self.status_label.setText(t(ctx, "ui.exchange.status"))
        arrivals = xs.arrivals(store)
        self.status.setRowCount(len(arrivals))
        self.status.setHorizontalHeaderLabels([t(ctx, f"ui.exchange.col.{c}") for c in
                                               ("ministry", "last", "via", "changed")])
        orgs = store.org_by_code()
        for r, a in enumerate(arrivals):
            org = orgs.get(a["ministry"])
            name = org.name(ctx.lang) if org else a["ministry"]
            for c, text in enumerate((name, a["last_at"][:16].replace("T", " "),
                                      t(ctx, f"ui.exchange.via.{a['kind']}"),
                                      str(a["applied"]))):
                self.status.setItem(r, c, QTableWidgetItem(text))
        self.status.resizeColumnsToContents()
        self.items = sorted(xs.held(store, "open"),
                            key=lambda h: (h["theirs_ministry"], h["kind"], h["id"]))
        self.held_label.setText(t(ctx, "ui.exchange.held", count=len(self.items)))
        self.table.setRowCount(len(self.items))
        self.table.setHorizontalHeaderLabels([t(ctx, f"ui.exchange.col.{c}")
                                              for c in HELD_COLUMNS])
        for r, item in enumerate(self.items):
            row = xs.row_by_uid(store, item["table_name"], item["row_uid"]) or {}
            name = (row.get("name_en") if ctx.lang == "en" else "") or row.get("name_ko", "")
            label = (f"{row['wbs']} {name}" if "wbs" in row
                     else row.get("text") or item["row_uid"][:8])
            field_id = f"ui.exchange.field.{item['field']}"
            field = t(ctx, field_id) if field_id in CATALOGUE else item["field"]
            org = orgs.get(item["theirs_ministry"])
            cells = (org.name(ctx.lang) if org else item["theirs_ministry"],
                     t(ctx, f"ui.exchange.kind.{item['kind']}"), label, field,
                     _shown(ctx, item["base"]) if item["base"] is not None else "",
                     _shown(ctx, item["mine"]), _shown(ctx, item["theirs"]),
                     item["theirs_officer"], item["theirs_at"][:16].replace("T", " "))
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item["id"])
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.items[r]["id"] for r in rows]

    # -- decisions ----------------------------------------------------------------------------
    def _run(self, what: str, edit: Any) -> None:
        try:
            self.context.edits.run(t(self.context, "ui.exchange.decide", what=what), edit)
        except Refusal as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
        self.refresh()

    def decide(self, take: str) -> None:
        ids = self.selected_ids()
        if ids:
            self._run(f"{take} ×{len(ids)}", lambda s: bulk_resolve(s, ids, take))

    def edit_value(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        item = next(i for i in self.items if i["id"] == ids[0])
        text, ok = QInputDialog.getText(self, self.windowTitle(),
                                        t(self.context, "ui.exchange.value", field=item["field"]),
                                        text=_shown(self.context, item["theirs"]))
        if ok:
            self.decide_value(item["id"], text)

    def decide_value(self, held_id: int, text: str) -> None:
        from ..app.return_forms import parse_field_value

        item = xs.held_one(self.context.store, held_id)
        try:
            value = parse_field_value(item["field"], text)
        except Refusal as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self._run(f"#{held_id} = {text}", lambda s: resolve(s, held_id, "value", value))

    def newest_wins(self) -> None:
        """Every held conflict by the fixed rule (the newer change; a delete over an edit)."""
        picks = [(i["id"], fixed_rule(i["kind"], i["mine_rank"], i["theirs_rank"],
                                      theirs_deletes=i["theirs"] is None))
                 for i in self.items if i["kind"] in ("conflict", "delete")]
        if picks:
            self._run(t(self.context, "ui.exchange.newest"),
                      lambda s: [resolve(s, i, take) for i, take in picks])


# -- menu -------------------------------------------------------------------------------------
def open_review(parent: QWidget, context: Any) -> ExchangeReviewDialog:
    dialog = ExchangeReviewDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def send(parent: QWidget, context: Any, path: str | None = None) -> ex.ExportSummary | None:
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, t(context, "ui.exchange.send"),
                                              str(Path(context.store.path).parent / "update.scx"),
                                              t(context, "ui.exchange.package_filter"))
    if not path:
        return None
    try:
        summary = ex.export_package(context.store, path)
    except (Refusal, OSError) as exc:
        QMessageBox.warning(parent, t(context, "ui.exchange.send"), str(exc))
        return None
    QMessageBox.information(parent, t(context, "ui.exchange.send"), summary.line(context.lang))
    return summary


def receive(parent: QWidget, context: Any, paths: list[str] | None = None,
            forms_only: bool = False) -> ex.MergeSummary | None:
    """Import packages and/or forms, then show what they brought and open the review."""
    title = t(context, "ui.exchange.read_forms" if forms_only else "ui.exchange.receive")
    if paths is None:
        paths, _ = QFileDialog.getOpenFileNames(
            parent, title, str(Path(context.store.path).parent),
            t(context, "ui.exchange.form_filter" if forms_only else "ui.exchange.any_filter"))
    if not paths:
        return None
    from ..app.return_forms import import_forms, read_forms
    from ..interop.return_form import is_form

    forms = [p for p in paths if is_form(Path(p))]
    packages = [p for p in paths if p not in forms]
    def work(store: Any) -> ex.MergeSummary:
        summary = ex.MergeSummary()
        if packages:
            summary.add(ex.import_packages(store, packages))
        if forms:
            summary.add(import_forms(store, forms))
        return summary

    try:
        if forms and packages:  # check everything before anything is merged
            read_forms(context.store, forms)
            ex.read_packages(context.store, packages)
        summary = context.edits.run(title, work)  # one undoable edit (see app.exchange)
    except (Refusal, OSError) as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    lines = [Refusal("exchange.desk.new", **d).text(context.lang) for d in summary.new_desks]
    QMessageBox.information(parent, title, "\n".join([*lines, summary.line(context.lang)]))
    if summary.conflicts or summary.proposals:
        open_review(parent, context)
    return summary


def make_forms(parent: QWidget, context: Any) -> None:
    from ..app.return_forms import make_form

    store = context.store
    codes = sorted({xs.task_owner_code(store, task.id) for task in store.tasks()} - {None})
    code, ok = QInputDialog.getItem(parent, t(context, "ui.exchange.make_forms"),
                                    t(context, "ui.exchange.which"), codes, 0, False)
    if not ok:
        return
    path, _ = QFileDialog.getSaveFileName(parent, t(context, "ui.exchange.make_forms"),
                                          str(Path(store.path).parent / f"실적취합-{code}.xlsx"),
                                          t(context, "ui.exchange.form_filter"))
    if not path:
        return
    try:
        make_form(store, code, Path(path))
    except (Refusal, OSError) as exc:
        QMessageBox.warning(parent, t(context, "ui.exchange.make_forms"), str(exc))
        return
    QMessageBox.information(parent, t(context, "ui.exchange.make_forms"),
                            t(context, "ui.exchange.forms_made", count=1, folder=path))


def install_menu(window: Any) -> None:
    """Add the 교환 (Exchange) menu to the main window (before Help)."""
    context = window.context
    menu = window.menuBar().addMenu("")
    menu.setObjectName("menu_exchange")
    entries = [("send", lambda: send(window, context)),
               ("receive", lambda: receive(window, context)),
               ("make_forms", lambda: make_forms(window, context)),
               ("read_forms", lambda: receive(window, context, forms_only=True)),
               ("review", lambda: open_review(window, context))]
    actions = {}
    for name, slot in entries:
        action = menu.addAction("")
        action.setObjectName(f"exchange_{name}")
        action.triggered.connect(slot)
        actions[name] = action

    def retitle(_lang: str = "") -> None:
        menu.setTitle(t(context, "ui.exchange.menu"))
        for name, action in actions.items():
            action.setText(t(context, f"ui.exchange.{name}"))

    retitle()
    context.languageChanged.connect(retitle)
    help_menu = window.menus.get("help")
    if help_menu is not None:  # keep Help last
        window.menuBar().insertMenu(help_menu.menuAction(), menu)
    window.menus_exchange = menu
