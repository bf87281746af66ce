"""The task dialog's percent editor for a task that follows its checklist."""

from __future__ import annotations

from smartcity_desktop.ui.task_dialog import TaskDialog


def test_dialog_percent_follows_the_checklist(qtbot, context):
    """A task that follows its checklist takes its percent from it: not typed in the dialog."""
    task = next(t for t in context.plan.ordered_tasks()
                if t.percent_from_checklist and context.store.checklist(t.id))
    dialog = TaskDialog(context, task.id)
    qtbot.addWidget(dialog)
    assert not dialog.percent.isEnabled()
    assert "점검 항목" in dialog.percent.toolTip()
    dialog.from_checklist.setChecked(False)
    assert dialog.percent.isEnabled()
