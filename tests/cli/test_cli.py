"""The admin commands as an admin runs them: exit codes and one-line reasons."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import text

from bowebb_console.cli import main
from bowebb_console.store.db.connect import open_database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.errors import ConnectError

PASSWORD = "correct horse battery"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_db_init_twice_user_lifecycle(pg_db, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url = pg_db.admin_url_str
    code, out, _ = run(capsys, "db", "init", "--db", url, "--role-prefix", pg_db.role_prefix)
    assert code == 0 and "revision" in out
    code, _, _ = run(capsys, "db", "init", "--db", url, "--role-prefix", pg_db.role_prefix)
    assert code == 0  # safe to re-run
    assert run(capsys, "db", "upgrade", "--db", url)[0] == 0
    assert run(capsys, "db", "status", "--db", url)[0] == 0

    anna = pg_db.login_name("anna")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, out, err = run(
        capsys, "user", "add", anna, "--role", "agent", "--db", url, "--password-stdin"
    )
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "user", "list", "--db", url)
    assert f"{anna}\tagent\tenabled" in out.splitlines()

    login_url = pg_db.url_for("x").replace("x@", "", 1)
    _, identity = open_database(login_url, user=anna, password=PASSWORD)
    assert identity.role == "agent"

    assert run(capsys, "user", "set-role", anna, "lead", "--db", url)[0] == 0
    assert f"{anna}\tlead\tenabled" in run(capsys, "user", "list", "--db", url)[1]
    db, identity = open_database(login_url, user=anna, password=PASSWORD)
    assert identity.role == "lead"
    db.dispose()

    assert run(capsys, "user", "disable", anna, "--db", url)[0] == 0
    assert f"{anna}\tlead\tdisabled" in run(capsys, "user", "list", "--db", url)[1]
    with pytest.raises(ConnectError) as info:
        open_database(login_url, user=anna, password=PASSWORD)
    assert info.value.kind == "login_disabled"
    assert run(capsys, "user", "enable", anna, "--db", url)[0] == 0

    # Adding the same login again fails with one line.
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, _, err = run(
        capsys, "user", "add", anna, "--role", "agent", "--db", url, "--password-stdin"
    )
    assert code == 1 and "already exists" in err and len(err.strip().splitlines()) == 1


def test_password_is_never_an_argument(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as info:
        main(
            [
                "user",
                "add",
                "bob",
                "--role",
                "agent",
                "--db",
                "postgresql://h/db",
                "--password",
                "x",
            ]
        )
    assert info.value.code == 2


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["db", "init", "--db", "mysql://h/db"], "Unsupported database"),
        (["db", "upgrade", "--db", "postgresql://root@127.0.0.1:1/bowebb"], "does not answer"),
        (["user", "list", "--db", "sqlite:///x.sqlite3"], "PostgreSQL logins"),
        (
            [
                "user",
                "add",
                "Bad Name",
                "--role",
                "agent",
                "--db",
                "postgresql://h/d",
                "--password-stdin",
            ],
            "user name",
        ),
    ],
)
def test_failures_exit_non_zero_with_one_line(capsys, argv, fragment) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert fragment in err and len(err.strip().splitlines()) == 1


def test_short_password_refused_before_touching_the_server(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, _, err = run(
        capsys,
        "user",
        "add",
        "bob",
        "--role",
        "agent",
        "--db",
        "postgresql://127.0.0.1:1/x",
        "--password-stdin",
    )
    assert code == 1 and "at least" in err


def test_user_commands_refused_for_an_agent(pg_db, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db import users
    from bowebb_console.store.db.setup import init_database

    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    agent = pg_db.login_name("agent")
    admin = make_engine(pg_db.admin_url_str)
    with admin.begin() as conn:
        users.add_user(conn, agent, "agent", PASSWORD)
    admin.dispose()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, _, err = run(
        capsys,
        "user",
        "add",
        pg_db.login_name("eve"),
        "--role",
        "admin",
        "--db",
        pg_db.url_for(agent, PASSWORD),
        "--password-stdin",
    )
    assert code == 1 and "refused" in err


def test_demo_fills_sqlite_once(sqlite_url, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, "db", "init", "--db", sqlite_url)[0] == 0
    assert run(capsys, "demo", "--db", sqlite_url, "--companies", "40", "--contacts", "100")[0] == 0
    assert run(capsys, "demo", "--db", sqlite_url, "--companies", "40", "--contacts", "100")[0] == 0
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM customer")).scalar() == 40
        assert conn.execute(text("SELECT count(*) FROM contact")).scalar() == 100
    engine.dispose()


def test_demo_refuses_an_uninitialised_database(sqlite_url, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "demo", "--db", sqlite_url)
    assert code == 1 and "db init" in err


def test_a_server_error_is_one_line_without_a_class_name(pg_db, capsys) -> None:  # type: ignore[no-untyped-def]
    # Not initialised: the server reports the missing table, mapped to a db.* error.
    code, out, err = run(capsys, "user", "list", "--db", pg_db.admin_url_str)
    assert (code, out) == (1, "")
    assert err.startswith("bowebb-console: The database reported an error.")
    assert len(err.strip().splitlines()) == 1
    assert "Error" not in err and "psycopg" not in err


def test_db_status_of_an_empty_file_fails_and_says_so(sqlite_url, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "db", "status", "--db", sqlite_url)
    assert code == 1 and out.startswith("revision - (missing; this app: ")


def test_import_refused_by_a_guard_is_one_line_and_imports_nothing(pg_db, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A COPY refused by the customer guard (an agent may not record a terminated customer)
    is a one-line reason like any other refusal, and nothing of the file lands."""
    from bowebb_console.store.db import users
    from bowebb_console.store.db.setup import init_database

    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    agent = pg_db.login_name("agent")
    admin = make_engine(pg_db.admin_url_str)
    with admin.begin() as conn:
        users.add_user(conn, agent, "agent", PASSWORD)
    path = tmp_path / "customers.csv"
    path.write_text(
        "org_number,company_name,status,contact_name,email\n"
        "556016-0680,Ericsson Test AB,active,Anna Berg,anna@example.se\n"
        "556036-0793,Gamla Kunden AB,terminated,Per Ek,per@example.se\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "import", str(path), "--db", pg_db.url_for(agent, PASSWORD))
    assert code == 1
    assert "Traceback" not in err and "psycopg" not in err and len(err.strip().splitlines()) == 1
    assert "only team leads and admins" in err
    with admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM customer")).scalar_one() == 0
    admin.dispose()
