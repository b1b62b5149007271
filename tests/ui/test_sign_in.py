"""The sign-in dialog, driven by typing and clicking: every ConnectError kind reads clearly in
Swedish and English (by its code, never a class name), a real PostgreSQL login signs in, the
password can be remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from bowebb_console.services.admin import ConnectError, open_database
from bowebb_console.store.db.errors import KINDS
from bowebb_console.ui.kit.errors import UNEXPECTED, fill
from bowebb_console.ui.shell_errors import TEXTS
from bowebb_console.ui.sign_in import SignInDialog

PASSWORD = "correct horse battery staple 42"

SWEDISH_WORDS = {
    "bad_url": "URL",
    "unreachable": "svarar inte",
    "auth_failed": "lösenord",
    "login_disabled": "spärrad",
    "no_role": "roll",
    "schema_older": "äldre",
    "schema_newer": "nyare",
    "schema_missing": "inte förberedd",
    "database_missing": "finns inte",
    "other": "kunde inte öppnas",
}


def make_dialog(qtbot, runner, open_fn, **kwargs) -> SignInDialog:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(
        "postgresql://db.example.se/bowebb",
        "postgresql://db.example.se/bowebb",
        runner=runner,
        open_fn=open_fn,
        **kwargs,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def sign_in_as(qtbot, dialog: SignInDialog, user: str, password: str) -> None:  # type: ignore[no-untyped-def]
    dialog.user_edit.clear()
    qtbot.keyClicks(dialog.user_edit, user)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_connect_error_kind_is_shown(qtbot, runner, language, lang: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    language(lang)

    def refuse(url: str, **_kw: object) -> None:
        raise ConnectError(kind, "English detail from the store")

    dialog = make_dialog(qtbot, runner, refuse)
    sign_in_as(qtbot, dialog, "anna", "secret")
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message_label.text() != "Ansluter…")
    text = dialog.message_label.text()
    assert dialog.message_label.isVisible()
    source = fill(TEXTS[f"connect.{kind}"], {}).strip()
    assert text == fill(QCoreApplication.translate("Errors", TEXTS[f"connect.{kind}"]), {}).strip()
    if lang == "sv":
        assert SWEDISH_WORDS[kind] in text
        assert text != source  # really translated
    else:
        assert text == source
    assert "ConnectError" not in text and "English detail" not in text
    # Nothing typed is lost, and the dialog is still waiting for the user.
    assert dialog.user_edit.text() == "anna"
    assert dialog.password_edit.text() == "secret"
    assert dialog.isVisible() and dialog.signed_in is None


def test_the_server_reason_follows_an_unexplained_refusal(qtbot, runner, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")

    def refuse(url: str, **_kw: object) -> None:
        raise ConnectError("other", "The database refused the connection: x", "SSL error: x")

    dialog = make_dialog(qtbot, runner, refuse)
    sign_in_as(qtbot, dialog, "anna", "secret")
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message_label.text() != "Ansluter…")
    assert dialog.message_label.text() == "Databasen kunde inte öppnas.\nSSL error: x"


def test_a_bug_is_not_shown_by_its_class_name(qtbot, runner, language) -> None:  # type: ignore[no-untyped-def]
    language("sv")

    def broken(url: str, **_kw: object) -> None:
        raise KeyError("identity")

    dialog = make_dialog(qtbot, runner, broken)
    with qtbot.captureExceptions() as raised:
        sign_in_as(qtbot, dialog, "anna", "secret")
        qtbot.waitUntil(lambda: not dialog.busy and dialog.message_label.text() != "Ansluter…")
    assert [type(e[1]) for e in raised] == [KeyError]  # the crash dialog and the log get it
    text = dialog.message_label.text()
    assert text == QCoreApplication.translate("Errors", UNEXPECTED) != UNEXPECTED
    assert "KeyError" not in text and "identity" not in text


def test_empty_fields_are_named_without_connecting(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    calls: list[object] = []
    dialog = make_dialog(qtbot, runner, lambda *a, **k: calls.append(a))
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert "user name and password" in dialog.message_label.text()
    assert calls == []


def test_real_postgres_agent_signs_in_and_password_is_remembered(
    qtbot, runner, pg_db, memory_credentials
) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db import users
    from bowebb_console.store.db.connect import password_account
    from bowebb_console.store.db.engine import make_engine
    from bowebb_console.store.db.setup import init_database

    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    agent = pg_db.login_name("agent")
    admin = make_engine(pg_db.admin_url_str)
    with admin.begin() as conn:
        users.add_user(conn, agent, "agent", PASSWORD)
    admin.dispose()
    url = pg_db.url_for("placeholder").replace("placeholder@", "")

    dialog = make_dialog(qtbot, runner, open_database, credentials=memory_credentials)
    dialog.url = url
    dialog.remember_check.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        sign_in_as(qtbot, dialog, agent, PASSWORD)
    result = dialog.signed_in
    assert result is not None
    try:
        assert (result.identity.user, result.identity.role) == (agent, "agent")
        assert result.saved_in == "keyring" and result.detail == "Test keyring"
        assert memory_credentials.get(password_account(url, agent)) == PASSWORD
        assert dialog.password_edit.text() == ""  # the dialog forgets the typed password
    finally:
        result.database.dispose()


def test_real_postgres_login_without_a_role(qtbot, runner, pg_db, language) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from bowebb_console.store.db.engine import make_engine
    from bowebb_console.store.db.setup import init_database

    language("sv")
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    lonely = pg_db.login_name("lonely")
    admin = make_engine(pg_db.admin_url_str)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE ROLE \"{lonely}\" LOGIN PASSWORD '{PASSWORD}'"))
        conn.execute(text(f'GRANT CONNECT ON DATABASE "{pg_db.name}" TO "{lonely}"'))
        conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{lonely}"'))
        conn.execute(text(f'GRANT SELECT ON alembic_version, app_meta TO "{lonely}"'))
    admin.dispose()
    dialog = make_dialog(qtbot, runner, open_database)
    dialog.url = pg_db.url_for("placeholder").replace("placeholder@", "")
    sign_in_as(qtbot, dialog, lonely, PASSWORD)
    qtbot.waitUntil(lambda: "roll" in dialog.message_label.text(), timeout=20_000)
    assert "saknar BoWebb-roll" in dialog.message_label.text()
    assert dialog.signed_in is None
