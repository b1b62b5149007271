"""The Review screen on a real database with demo sessions: filter, open a session, mark it
reviewed, export CSV and PDF (read back), verify a tampered log, the paged model, overview."""

from __future__ import annotations

import csv
import time
import unicodedata
from pathlib import Path

import pypdf
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from bowebb_console.config import Settings
from bowebb_console.domain.hashchain import VerifyResult
from bowebb_console.services.review import EXPORTED, REVIEW
from bowebb_console.store.log.chain import read_session_events
from bowebb_console.store.models import LogEvent
from bowebb_console.ui.review import models as model_module
from bowebb_console.ui.review.view import ReviewView
from tests.store.log_helpers import as_superuser


def open_view(qtbot, ctx) -> ReviewView:  # type: ignore[no-untyped-def]
    view = ReviewView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    qtbot.waitUntil(lambda: view.model.ready)
    return view


def settle(qtbot, view: ReviewView) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: view.model.ready and not view.model.pending)
    view.ctx.runner.wait(10_000)
    qtbot.wait(20)


def demo_sessions(ctx) -> int:  # type: ignore[no-untyped-def]
    """Sessions in the demo log (sessions, transfers, ... — each feature adds its own)."""
    from sqlalchemy import text

    with ctx.database.session() as s:
        return int(s.execute(text("SELECT count(*) FROM session_summary")).scalar_one())


def shown_rows(view: ReviewView) -> list:  # type: ignore[no-untyped-def]
    return [view.model.row_at(i) for i in range(min(view.model.rowCount(), 100))]


def test_filter_and_open_a_session(qtbot, make_ctx, demo_url, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")
    ctx = make_ctx(demo_url, role="lead")
    view = open_view(qtbot, ctx)
    total = view.model.rowCount()
    assert total == demo_sessions(ctx) >= 50  # at least one demo session per company
    assert view.count_label.text() == f"{total} sessioner"
    assert view.model.headerData(1, Qt.Orientation.Horizontal) == "Medarbetare"
    first = view.model.row_at(0)
    # Agent filter: picked from the agents the database knows.
    qtbot.waitUntil(lambda: view.agent_combo.count() > 1)
    view.agent_combo.setCurrentIndex(view.agent_combo.findData(first.agent))
    settle(qtbot, view)
    assert 0 < view.model.rowCount() < total
    assert {r.agent for r in shown_rows(view)} == {first.agent}
    view.agent_combo.setCurrentIndex(0)
    # Free text: typed, applied after a pause.
    qtbot.keyClicks(view.text_edit, "felmeddelandet")
    qtbot.waitUntil(lambda: view.model.rowCount() < total and view.model.ready)
    settle(qtbot, view)
    found = shown_rows(view)
    assert found and view.model.rowCount() == len(found)
    view.text_edit.clear()
    view.flagged_combo.setCurrentIndex(view.flagged_combo.findData(True))
    settle(qtbot, view)
    assert all(r.flags for r in shown_rows(view))
    # A period that ends before it starts is refused with a message; nothing typed is lost.
    view.period_check.setChecked(True)
    view.from_edit.setDate(view.to_edit.date().addDays(2))
    assert "slutar innan den börjar" in view.error_label.text()
    view.period_check.setChecked(False)
    settle(qtbot, view)
    # Open a session: its timeline from the log.
    view.table.selectRow(0)
    row = view.model.row_at(0)
    qtbot.waitUntil(lambda: bool(view.detail.events))
    text = view.detail.browser.toPlainText()
    assert "Överenskommelse registrerad" in text and row.agent in text
    assert view.detail.events[0].kind == "consent_recorded"


def test_mark_reviewed_and_flag(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url, role="lead")
    view = open_view(qtbot, ctx)
    view.reviewed_combo.setCurrentIndex(view.reviewed_combo.findData(False))
    settle(qtbot, view)
    before = view.model.rowCount()
    view.table.selectRow(0)
    su = view.model.row_at(0).session_uuid
    qtbot.waitUntil(lambda: bool(view.detail.events))
    # Flagging needs a comment: said inline, nothing logged.
    qtbot.mouseClick(view.detail.flag_button, Qt.MouseButton.LeftButton)
    assert "följas upp" in view.detail.message_label.text() or "follow" in (
        view.detail.message_label.text()
    )
    qtbot.keyClicks(view.detail.comment_edit, "Samtycke OK, noteringar tydliga")
    qtbot.mouseClick(view.detail.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == before - 1)
    with ctx.database.engine.connect() as conn:
        events = read_session_events(conn, su)
    assert events[-1].kind == REVIEW
    assert events[-1].payload == {
        "action": "reviewed",
        "comment": "Samtycke OK, noteringar tydliga",
    }
    settle(qtbot, view)
    assert su not in {r.session_uuid for r in shown_rows(view)}
    # The next session to review is selected in its place.
    qtbot.waitUntil(lambda: view.detail.row is not None and view.detail.row.session_uuid != su)
    assert view.detail.row == view.model.row_at(0)


def _choose(qtbot, view: ReviewView, button, path: Path) -> None:  # type: ignore[no-untyped-def]
    view.ctx.prompts.paths.append(path)  # the file the user picks in the dialog
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.ctx.prompts.shown[-1].kind == "path"
    qtbot.waitUntil(lambda: path.exists() and view.csv_button.isEnabled(), timeout=20_000)


def test_export_csv_and_pdf(qtbot, make_ctx, demo_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url, role="lead")
    view = open_view(qtbot, ctx)
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("file_transfer"))
    settle(qtbot, view)
    shown = view.model.rowCount()
    assert shown > 0
    out = tmp_path / "granskning.csv"
    _choose(qtbot, view, view.csv_button, out)
    assert "exported" in view.job.result_label.text()
    lines = list(csv.reader(out.open(encoding="utf-8-sig")))  # English: ','
    assert lines[0][:2] == ["Log entry", lines[0][1]] and lines[0][1].startswith("Start (")
    assert len(lines) == 1 + shown
    assert {line[7] for line in lines[1:]} == {"File transfer"}
    pdf = tmp_path / "granskning.pdf"
    _choose(qtbot, view, view.pdf_button, pdf)
    raw = "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    text = unicodedata.normalize("NFKC", raw).replace("\t", " ")  # ligatures, word gaps
    for needle in ("Session log review", "Filter", "Kind: File transfer", "Chain head", "intact"):
        assert needle in text
    first = view.model.row_at(0)
    assert first.session_uuid not in text.replace("\n", "")  # people's words, not ids
    assert "Summary" in text and (first.customer_name or "") in text
    with ctx.database.engine.connect() as conn:
        exports = conn.execute(
            select(func.count()).select_from(LogEvent).where(LogEvent.kind == EXPORTED)
        ).scalar()
    assert exports == 2  # each export is itself in the chain


def test_verify_a_tampered_log_says_so(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_url, role="lead")
    view = open_view(qtbot, ctx)
    qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: view.verify_button.isEnabled() and "intact" in view.job.result_label.text()
    )
    assert "chain intact" in view.job.result_label.text()
    as_superuser(ctx.database.engine, "UPDATE log_event SET actor = 'someone.else' WHERE seq = 7")
    qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "NOT intact" in view.job.result_label.text())
    assert "at event 7, an event was changed" in view.job.result_label.text()


def test_cancel_stops_verification(qtbot, make_ctx, demo_url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.services import review

    def slow(db, *, progress, cancel, total):  # type: ignore[no-untyped-def]
        # Stands in for a long log: polls Cancel between batches as verify_chain does.
        total(1000)
        for n in range(1, 1000):
            progress(n)
            if cancel():
                return VerifyResult(n, n, "0" * 64, 0, None, cancelled=True)
            time.sleep(0.01)
        raise AssertionError("Cancel was not seen")

    monkeypatch.setattr(review, "check_log", slow)
    view = open_view(qtbot, make_ctx(demo_url, role="lead"))
    qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.job.cancel_button.isVisible())
    qtbot.mouseClick(view.job.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.verify_button.isEnabled())
    assert "cancelled after" in view.job.result_label.text()
    assert "no conclusion" in view.job.result_label.text()


def test_paged_model_keeps_a_window(qtbot, make_ctx, demo_url, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(model_module, "PAGE", 7)
    monkeypatch.setattr(model_module, "MAX_PAGES", 3)
    view = open_view(qtbot, make_ctx(demo_url, role="lead"))
    settle(qtbot, view)
    total = view.model.rowCount()
    seen = {}
    for row in range(total):
        view.table.scrollTo(view.model.index(row, 0))
        qtbot.waitUntil(lambda r=row: view.model.row_at(r) is not None)
        seen[row] = view.model.row_at(row)
        assert len(view.model.pages) <= 3
    keys = [seen[i].key for i in range(total)]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == total
    # A jump to the far end reads from that end; back to the top again.
    view.table.scrollToTop()
    qtbot.waitUntil(lambda: view.model.row_at(0) is not None)
    assert view.model.row_at(0) == seen[0]
    # Sorting by the header asks the database.
    view.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    settle(qtbot, view)
    agents = [view.model.row_at(i).agent for i in range(min(7, total))]
    assert agents == sorted(agents)


def test_overview_and_limits_from_settings(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from bowebb_console.services.review import FlagLimits, ReviewFilter, count_sessions

    settings = Settings(review_max_files=1)
    ctx = make_ctx(demo_url, role="lead", settings=settings)

    def in_week(monday: dt.date) -> int:  # the demo's sessions: over the last eight weeks
        flt = ReviewFilter(date_from=monday, date_to=monday + dt.timedelta(days=6))
        return count_sessions(ctx.database, flt, FlagLimits(max_files=1))

    view = open_view(qtbot, ctx)
    settle(qtbot, view)
    rows = [view.model.row_at(i) for i in range(view.model.rowCount())]
    assert all(("many_files" in r.flags) == (r.files > 1) for r in rows)
    view.tabs.setCurrentWidget(view.overview)
    qtbot.waitUntil(lambda: view.overview.overview is not None)
    overview = view.overview.overview
    expected = in_week(overview.week_start)
    assert overview.total == expected > 0
    assert sum(v for _, v in view.overview.days_chart.bars) == expected
    assert sum(v for _, v in view.overview.agents_chart.bars) == expected
    assert f"{expected} sessions" in view.overview.totals_label.text()
    earlier = in_week(overview.week_start - dt.timedelta(days=7))
    assert earlier > 0  # the desk worked last week too
    view.overview.prev_button.click()
    qtbot.waitUntil(lambda: view.overview.overview.total == earlier)
    # A whole week of the demo desk (this week may be minutes old, on a Monday night) has
    # sessions with more than one file, flagged by the limit from the settings.
    assert view.overview.overview.per_flag["many_files"] > 0


def test_settings_dialog_saves_the_review_limits(qtbot, fresh_paths) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.config import load_settings
    from bowebb_console.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(fresh_paths, Settings())
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.review_limits.hours.value() == 2  # the default: two hours
    dialog.review_limits.hours.setValue(3)
    dialog.review_limits.files.setValue(50)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = load_settings(fresh_paths)
    assert (saved.review_max_hours, saved.review_max_files, saved.review_max_megabytes) == (
        3,
        50,
        500,
    )


def test_refresh_shows_new_sessions(qtbot, make_ctx, demo_url) -> None:  # type: ignore[no-untyped-def]
    from tests.store.log_helpers import add_customer, full_session

    ctx = make_ctx(demo_url, role="lead")
    view = open_view(qtbot, ctx)
    settle(qtbot, view)
    before = view.model.rowCount()
    full_session(ctx.database.engine, *add_customer(ctx.database.engine, org="5566809827"))
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == before + 1)
    assert view.model.row_at(0).customer_name == "Testbolaget AB"  # the newest first


CLASS_NAMES = ("Error", "Exception", "sqlite3", "psycopg", "Traceback")


def _no_class_name(text: str) -> None:
    assert text and not any(name in text for name in CLASS_NAMES), text


def test_failures_are_said_by_code_in_the_users_language(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, demo_url, language, tmp_path
) -> None:
    language("sv")
    ctx = make_ctx(demo_url, role="lead")
    view = open_view(qtbot, ctx)
    # An export to a folder that does not exist: the file's failure, translated.
    out = tmp_path / "finns inte" / "granskning.csv"
    ctx.prompts.paths.append(out)
    qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: view.csv_button.isEnabled() and "Misslyckades" in view.job.result_label.text()
    )
    shown = view.job.result_label.text()
    assert shown.startswith(f"Misslyckades: Filen {out} kunde inte skrivas (")
    _no_class_name(shown)
    # The database fails under the list and under a review: the db.* text, never the driver's.
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(view.detail.events))
    as_superuser(ctx.database.engine, "DROP TABLE session_summary")
    db_failed = "Databasen rapporterade ett fel; inget har visats som sparat som inte sparades."
    qtbot.mouseClick(view.detail.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.detail.message_label.text().startswith("Inte sparat"))
    assert view.detail.message_label.text() == f"Inte sparat: {db_failed}"
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.error_label.isVisible())
    assert view.error_label.text() == f"Sessionerna kunde inte läsas in: {db_failed}"
    _no_class_name(view.error_label.text())
