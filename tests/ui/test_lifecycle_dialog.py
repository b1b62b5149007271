"""The lifecycle dialog (File menu): the database's grace period, trial period and log
retention; an admin changes them by typing, everyone else sees them read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt

from bowebb_console.services import admin
from bowebb_console.ui.lifecycle import LifecycleDialog
from tests.store.log_helpers import lifecycle_events


def _open(qtbot, ctx) -> LifecycleDialog:  # type: ignore[no-untyped-def]
    dialog = LifecycleDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(
        lambda: dialog.message_label.text() != dialog.tr("Reading the settings from the database…")
    )
    return dialog


def _type(qtbot, spin, value: str) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, value)


def test_an_admin_changes_the_database_setting(qtbot, make_ctx, any_db_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(any_db_url)
    dialog = _open(qtbot, ctx)
    assert (dialog.grace_spin.value(), dialog.trial_spin.value()) == (90, 30)
    assert dialog.retention_spin.value() == 1095 and dialog.save_button.isEnabled()
    _type(qtbot, dialog.grace_spin, "45")
    _type(qtbot, dialog.trial_spin, "14")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert admin.lifecycle(ctx.database) == admin.Lifecycle(45, 14, 1095)
    # Exactly one chained event for the save (migration 0024), with before and after.
    assert [change for _actor, change in lifecycle_events(ctx.database.engine)] == [
        {
            "before": {"grace_period_days": 90, "trial_period_days": 30},
            "after": {"grace_period_days": 45, "trial_period_days": 14},
        }
    ]


def test_others_see_it_read_only(qtbot, make_ctx, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url, role="lead")
    dialog = _open(qtbot, ctx)
    assert dialog.grace_spin.value() == 90
    assert not dialog.grace_spin.isEnabled() and not dialog.save_button.isEnabled()
    assert "Only an admin" in dialog.message_label.text()


def test_an_admin_sets_the_erasure_journal_folder(qtbot, make_ctx, any_db_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 14, item 11: the journal's shared folder is the database's; a folder that cannot
    be written is refused in the dialog, a good one is saved for every workstation."""
    from bowebb_console.services import erasure

    ctx = make_ctx(any_db_url)
    dialog = _open(qtbot, ctx)
    if ctx.database.dialect == "sqlite":  # the default, beside the data folder
        assert dialog.journal_edit.text() == str(ctx.paths.journal_dir)
    else:
        assert dialog.journal_edit.text() == ""  # not set: erasures are refused
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    for folder, shown in ((str(blocked / "journal"), "cannot be written"), ("relativ", "full")):
        dialog.journal_edit.clear()
        qtbot.keyClicks(dialog.journal_edit, folder)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda s=shown: s in dialog.message_label.text())
        assert dialog.isVisible()
    shared = tmp_path / "delad"
    dialog.journal_edit.clear()
    qtbot.keyClicks(dialog.journal_edit, str(shared))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    place = erasure.journal_place(ctx.database, tmp_path / "another-machine")
    assert place.configured and place.file == shared / "erasure-journal.jsonl"
    # The refused tries left nothing; the folder's change is one event (migration 0024).
    assert [change for _actor, change in lifecycle_events(ctx.database.engine)] == [
        {"before": {"erasure_journal_dir": ""}, "after": {"erasure_journal_dir": str(shared)}}
    ]
