"""One verify-log widget: intact, then the first problem named, in the reader's language;
a database that cannot be reached is said by its code, never by a class name."""

from __future__ import annotations

from PySide6.QtCore import Qt

from bowebb_console.services.review import VerifyResult
from bowebb_console.ui.kit.verify import VerifyLogBox, verify_words
from tests.store.log_helpers import as_superuser


def test_words_for_each_result(language) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.domain.hashchain import Problem

    language("en")  # English plurals come from the English translator
    head = "a" * 64
    assert verify_words(VerifyResult(1, 1, head, 0, None)) == f"1 event, chain intact, head {head}"
    erased = verify_words(VerifyResult(3, 3, head, 2, None))
    assert erased.endswith("(2 payloads erased, as allowed)")
    language("sv")
    assert verify_words(VerifyResult(9, 9, head, 0, None, cancelled=True)) == (
        "Kontrollen avbröts efter 9 händelser: ingen slutsats."
    )
    broken = verify_words(VerifyResult(4, 4, head, 0, Problem("payload", 3, "x")))
    assert broken.startswith("Sessionsloggen är INTE intakt: vid händelse 3, en händelses")
    moved = verify_words(VerifyResult(4, 4, head, 0, Problem("head", 4, "x")))
    assert "vid händelse 4, loggens huvudpost, som nya händelser numreras" in moved
    backwards = verify_words(VerifyResult(4, 4, head, 0, Problem("time", 2, "x")))
    assert "vid händelse 2, en händelse är daterad före händelsen som loggades" in backwards
    language("en")
    assert "at event 4, the log's head record" in verify_words(
        VerifyResult(4, 4, head, 0, Problem("head", 4, "x"))
    )


def test_the_box_verifies_a_real_log(qtbot, make_ctx, sqlite_url, language) -> None:  # type: ignore[no-untyped-def]
    language("en")
    from bowebb_console.store.db.engine import make_engine
    from bowebb_console.store.db.setup import init_database
    from tests.store.log_helpers import add_customer, full_session

    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    full_session(engine, *add_customer(engine))
    box = VerifyLogBox(make_ctx(sqlite_url))
    qtbot.addWidget(box)
    box.show()
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.button.isEnabled() and "intact" in box.result_label.text())
    assert box.result_label.text().startswith("7 events, chain intact, head ")
    as_superuser(engine, "UPDATE log_event SET actor = 'someone.else' WHERE seq = 2")
    engine.dispose()
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "NOT intact" in box.result_label.text())
    assert "at event 2, an event was changed" in box.result_label.text()


def test_an_unreachable_database_is_said_by_code(qtbot, make_ctx, sqlite_url, language) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.services.database import Database
    from bowebb_console.store.db.engine import make_engine
    from bowebb_console.store.db.setup import init_database

    language("sv")
    init_database(sqlite_url)
    ctx = make_ctx(sqlite_url)
    ctx.database = Database(make_engine("postgresql+psycopg://nobody@127.0.0.1:9/nothing"))
    box = VerifyLogBox(ctx)
    qtbot.addWidget(box)
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.button.isEnabled() and "kunde inte" in box.result_label.text())
    text = box.result_label.text()
    assert text.startswith("Loggen kunde inte läsas: Databasen går inte att nå")
    assert "Error" not in text and "psycopg" not in text
    ctx.database.dispose()
