"""The task table paints its rows from the model's row texts in one call per row: no
per-cell ``data()``/``flags()`` calls, and the cells show what ``data()`` says (colour,
selection)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from smartcity_desktop.ui.task_model import COL_NAME, COL_STATUS, TaskTreeModel


def _shown_rows(tree):
    first = tree.indexAt(tree.viewport().rect().topLeft())
    rows, index = [], first
    while index.isValid() and tree.visualRect(index).top() < tree.viewport().height():
        rows.append(index)
        index = tree.indexBelow(index)
    return rows


def test_a_repaint_asks_no_cell_data(window, monkeypatch):
    tree = window.tree
    tree.expandAll()
    rows = _shown_rows(tree)
    assert len(rows) > 20
    calls = []
    real = TaskTreeModel._tasks  # data() and flags() read it for every cell they answer

    def counting(self):
        calls.append(1)
        return real.fget(self)

    # (patching data() itself does not reach the calls Qt makes: PySide binds overrides once)
    monkeypatch.setattr(TaskTreeModel, "_tasks", property(counting))
    tree.viewport().repaint()
    monkeypatch.undo()
    visible_cells = len(rows) * sum(
        1 for c in range(window.model.columnCount()) if not tree.isColumnHidden(c))
    # through the item delegate it was flags() and ~6 data() roles per visible cell;
    # the row painter reads each row's task a few times
    assert 0 < len(calls) <= 4 * len(rows) < visible_cells, (len(calls), visible_cells)
    tree.viewport().repaint()  # the row painter is off outside a paint event
    assert not tree._rows.active


def test_cells_show_the_model_text_colour_and_selection(window, qtbot):
    tree, model = window.tree, window.model
    tree.expandAll()
    rows = _shown_rows(tree)
    done = next(ix for ix in rows if model.data(ix.siblingAtColumn(COL_STATUS)) == "완료")
    status = ix_rect = tree.visualRect(done.siblingAtColumn(COL_STATUS))
    image = tree.viewport().grab().toImage()
    green = QColor(model.data(done.siblingAtColumn(COL_STATUS), 9).color())  # ForegroundRole
    pixels = {image.pixelColor(x, y).name() for x in range(status.left(), status.right())
              for y in range(status.top(), status.bottom())}
    assert green.name() in pixels or any(
        abs(QColor(p).green() - QColor(p).red()) > 60 for p in pixels)  # anti-aliased green
    tree.selectionModel().select(done, tree.selectionModel().SelectionFlag.ClearAndSelect
                                 | tree.selectionModel().SelectionFlag.Rows)
    tree.viewport().repaint()
    image = tree.viewport().grab().toImage()
    highlight = tree.palette().color(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight)
    active = tree.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    name_rect = tree.visualRect(done.siblingAtColumn(COL_NAME))
    corner = image.pixelColor(name_rect.right() - 2, ix_rect.top() + 1)
    assert corner.name() in (highlight.name(), active.name())
