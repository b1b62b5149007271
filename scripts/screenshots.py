"""Regenerate the README screenshots from demo data.

    PYTHONPATH=$PWD .venv/bin/python scripts/screenshots.py [--lang en|sv] [--size WxH] [--out DIR]

The README's set: English at 1366x768 (a support laptop) in ``docs/screenshots``; the other
sizes and Swedish go to ``docs/screenshots/<lang>-<size>`` (for instance ``sv-1920x1080``):

    for lang in en sv; do for size in 1366x768 1920x1080; do
        xvfb-run -a -s "-screen 0 ${size}x24" .venv/bin/python scripts/screenshots.py \
            --lang $lang --size $size; done; done

Starts the console offscreen (or on $DISPLAY, e.g. under Xvfb, when it is set) on a fresh
demo database in a temporary directory, opens each main screen as a user would and saves
``<out>/<name>.png`` with ``widget.grab()``. Nothing outside the temporary directory and the
output folder is touched: config, data and logs go to the temporary directory too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1366, 768)
TASK_BAR = 40  # the window gets the screen's usable height, under a task bar


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--lang", choices=("en", "sv"), default="en")
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}", help="screen, e.g. 1920x1080")
    parser.add_argument("--companies", type=int, default=300)
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    out = args.out
    if out is None:
        out = ROOT / "docs" / "screenshots"
        if (args.lang, (width, height)) != ("en", SIZE):
            out = out / f"{args.lang}-{width}x{height}"
    with tempfile.TemporaryDirectory(prefix="bowebb-shots-") as tmp:
        return shoot(Path(tmp), out, args.lang, args.companies, (width, height - TASK_BAR))


def shoot(tmp: Path, out: Path, lang: str, companies: int, size: tuple[int, int] = SIZE) -> int:
    for name in ("config", "data", "log"):
        os.environ[f"BOWEBB_{name.upper()}_DIR"] = str(tmp / name)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from bowebb_console.app import _application
    from bowebb_console.config import Paths, Settings
    from bowebb_console.demo.fill import fill_demo
    from bowebb_console.store.db.connect import open_database
    from bowebb_console.store.db.engine import make_engine
    from bowebb_console.store.db.setup import init_database
    from bowebb_console.store.sessions import events as sessions
    from bowebb_console.ui.i18n import install_translators
    from bowebb_console.ui.kit.context import AppContext
    from bowebb_console.ui.kit.prompts import RecordingPrompts
    from bowebb_console.ui.kit.tasks import TaskRunner
    from bowebb_console.ui.main_window import MainWindow

    url = f"sqlite:///{tmp / 'demo.sqlite3'}"
    init_database(url)
    engine = make_engine(url)
    fill_demo(engine, companies=companies, contacts=companies * 3)
    engine.dispose()

    app, _owned = _application(smoke_test=False)
    install_translators(lang)
    database, identity = open_database(url)  # SQLite: admin, so every screen is offered
    runner = TaskRunner()
    ctx = AppContext(
        paths=Paths.from_environment(),
        settings=Settings(language=lang),
        database=database,
        identity=identity,
        runner=runner,
        prompts=RecordingPrompts(),  # never a blocking message box in a script
        database_url=url,
    )
    window = MainWindow(ctx)
    window.resize(*size)
    window.show()
    out.mkdir(parents=True, exist_ok=True)

    def settle(cond: Callable[[], bool] = lambda: True, timeout: float = 20.0) -> None:
        """Run the event loop until the background work is done and ``cond`` holds."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            app.processEvents()
            if runner.active_count == 0 and cond():
                break
            time.sleep(0.02)
        for _ in range(20):  # let the results paint
            app.processEvents()
            time.sleep(0.01)

    def save(name: str) -> None:
        settle()
        path = out / f"{name}.png"
        window.grab().save(str(path), "PNG")
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    # 1. Lookup: a query typed, its results, a customer card open.
    from PySide6.QtTest import QTest

    lookup = window.views["customers"]
    settle(lambda: lookup.model.rowCount() > 0)
    # An active customer with a signed DPA, so that its session starts without a reason.
    rows = [lookup.model.row_at(i) for i in range(lookup.model.rowCount())]
    chosen = next(r for r in rows if r.dpa_signed and r.status == "active")
    query = chosen.name.split()[0]
    lookup.search.setFocus()
    QTest.keyClicks(lookup.search, query)
    lookup.run_search()
    settle(lambda: lookup.shown_query == query)
    # The user picks that customer's row (the first hit may be a contact of another one).
    hits = [lookup.model.row_at(i).customer_id for i in range(lookup.model.rowCount())]
    row = hits.index(chosen.customer_id)
    lookup.results.selectRow(row)
    lookup.open_row(row)
    settle(lambda: getattr(lookup.current_card, "customer", None) is not None)
    save("lookup")

    # 2. A running session for that customer (consent logged, started, one note).
    from sqlalchemy import select

    from bowebb_console.store.models import Contact

    customer_id = chosen.customer_id
    with database.session() as orm:
        contact_id = orm.scalars(
            select(Contact.id).where(Contact.customer_id == customer_id).order_by(Contact.id)
        ).first()
    consent = sessions.record_consent(
        database,
        customer_id=customer_id,
        session_kind="remote_control",
        outcome="agreed",
        channel="phone",
        agreed_at=dt.datetime.now(dt.UTC),
        contact_id=contact_id,
        reference="ÄR-2041",
        scope="control",
        purpose="The invoice printer stopped working after an update",
    )
    session_uuid = consent.session_uuid
    sessions.start_session(database, session_uuid, tool="AnyDesk", tool_session_id="1 234 567 890")
    sessions.add_note(database, session_uuid, "Printer driver reinstalled; test page OK.")
    window.show_page("sessions")
    window.views["sessions"].show_running(session_uuid)
    save("session")

    # 3-5. Transfers, Review (first session selected), Erasure.
    window.show_page("transfers")
    save("transfers")
    window.show_page("review")
    review = window.views["review"]
    settle(lambda: review.model.rowCount() > 0)
    review.table.selectRow(0)
    save("review")
    window.show_page("erasure")
    save("erasure")
    shoot_first_dialog(window.views["erasure"], out / "erasure.png", settle)

    # 6. The DPA checklist of the first sub-processor.
    window.show_page("sub_processors")
    register = window.views["sub_processors"]
    settle(lambda: register.model.rowCount() > 0)
    register.table.selectRow(0)
    settle()
    register.detail.tabs.setCurrentIndex(0)
    save("dpa-checklist")

    # 7. The breach register and the privacy officer's dashboard (an admin's screens).
    window.show_page("breaches")
    breaches = window.views["breaches"]
    settle(lambda: breaches.model.rowCount() > 0)
    save("breaches")
    window.show_page("privacy")
    settle(lambda: not getattr(window.views["privacy"], "loading", False))
    settle()
    save("privacy")

    window.close()
    runner.shutdown(10_000)
    database.dispose()
    return 0


def shoot_first_dialog(view: object, path: Path, settle: Callable[..., None]) -> None:
    """If the screen has a wizard (its first "…" button opens a dialog), the first page of it
    replaces the screen's picture. The grab runs from a timer, so a dialog opened with a
    blocking exec() is grabbed and closed as well as one opened with open()."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

    assert isinstance(view, QWidget)
    buttons = [
        b
        for b in view.findChildren(QPushButton)
        if b.isVisible() and b.isEnabled() and b.text().endswith("…")
    ]
    if not buttons:
        return

    def grab() -> None:
        dialog = QApplication.activeModalWidget() or next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()),
            None,
        )
        if isinstance(dialog, QDialog):
            dialog.grab().save(str(path), "PNG")
            print(f"{path} (wizard)")
            dialog.reject()

    QTimer.singleShot(2000, grab)
    buttons[0].click()
    settle(timeout=3.0)
    deadline = time.monotonic() + 3.0
    while time.monotonic() < deadline:  # let the timer fire if the click did not block
        QApplication.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
