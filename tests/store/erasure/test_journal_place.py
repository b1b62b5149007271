"""Issue 14, item 11: the erasure journal has one place per database, recorded in the database
(admin-only), checked writable before anything is erased, and read there by the replay. On
SQLite the default is not the database file's folder; on PostgreSQL an erasure is refused
until an admin has set the place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from bowebb_console.cli import main
from bowebb_console.domain.errors import ShownError
from bowebb_console.services import erasure as service
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.erasure.person import ErasurePlan, PersonQuery
from bowebb_console.store.erasure.requests import NewRequest
from tests.store.erasure.test_purge import logins  # noqa: F401  (a fixture)
from tests.store.erasure.test_replay_kinds import _snapshot
from tests.store.erasure_helpers import EMAIL, NAME, plant_person
from tests.store.log_helpers import lifecycle_events

TODAY = dt.date(2026, 11, 26)
QUERY = PersonQuery(email=EMAIL, phone="+46709871234", name=NAME)


def _code(caught: pytest.ExceptionInfo[ShownError]) -> str:
    return caught.value.code


def _erase(db: Database, who: Identity, where: service.JournalWhere) -> service.ErasureDone:
    found = service.find_person(db, QUERY)
    return service.erase_person(
        db,
        who,
        where,
        ErasurePlan(
            request=NewRequest(TODAY, "email"),
            identity_check="call_back",
            query=QUERY,
            contact_actions={c.id: "erase" for c in found.contacts},
            payload_seqs=tuple(p.seq for p in found.payloads),
        ),
        today=TODAY,
    )


def _contacts_named(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT count(*) FROM contact WHERE email = :e"), {"e": EMAIL}
            ).scalar_one()
        )


def test_sqlite_default_place_is_not_the_database_folder(sqlite_url: str, tmp_path: Path) -> None:
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    plant_person(engine)
    db = Database(engine)
    admin = Identity("alice", "admin", "sqlite")
    db_folder = Path(sqlite_url.removeprefix("sqlite:///")).parent
    default = tmp_path / "data-journal"
    place = service.journal_place(db, default)
    assert place.file == default / "erasure-journal.jsonl" and not place.configured
    # The database file's own folder is refused (a restore of it would roll the journal back),
    # so is a relative path, and so is anyone but an admin.
    for folder, code in ((str(db_folder), "beside_database"), ("journal", "not_absolute")):
        with pytest.raises(ShownError) as caught:
            service.set_journal_place(db, admin, folder)
        assert _code(caught) == f"erasure.journal_{code}"
    with pytest.raises(ShownError) as caught:
        service.set_journal_place(db, Identity("bo", "lead", "sqlite"), str(tmp_path / "s"))
    assert _code(caught) == "erasure.journal_admin_only"
    shared = tmp_path / "shared"
    place = service.set_journal_place(db, admin, str(shared))
    assert place.configured and place.file == shared / "erasure-journal.jsonl"
    # Another workstation (another default) reads the same place from the database.
    assert service.journal_file(db, tmp_path / "elsewhere") == place.file
    done = _erase(db, admin, service.DatabaseJournal(default))
    assert done.reference in place.file.read_text(encoding="utf-8")
    assert not default.exists()
    engine.dispose()


def test_unwritable_place_erases_nothing_any_user(any_db_url: str, tmp_path: Path) -> None:
    """A place that is a file, not a folder, cannot be written by anyone (root included)."""
    engine = make_engine(any_db_url)
    plant_person(engine)
    db = Database(engine)
    admin = Identity("alice", "admin", db.dialect)
    shared = tmp_path / "shared"
    service.set_journal_place(db, admin, str(shared))
    for f in shared.iterdir():
        f.unlink()
    shared.rmdir()
    shared.write_text("a file where the folder was", encoding="utf-8")
    with pytest.raises(ShownError) as caught:
        _erase(db, admin, service.DatabaseJournal(tmp_path / "d"))
    assert _code(caught) == "erasure.journal_unwritable"
    assert _contacts_named(engine) == 1
    engine.dispose()


def test_pg_no_place_no_erasure_then_replay_reads_the_shared_place(
    logins,  # noqa: F811
    tmp_path: Path,
    pg_db,  # type: ignore[no-untyped-def]
) -> None:
    names, engines, _ = logins
    admin_db = Database(engines["admin"])
    who = Identity(names["admin"], "admin", "postgresql")
    machine_a, machine_b = tmp_path / "a-default", tmp_path / "b-default"
    assert service.journal_place(admin_db, machine_a).file is None
    with pytest.raises(ShownError) as caught:
        _erase(admin_db, who, service.DatabaseJournal(machine_a))
    assert _code(caught) == "erasure.journal_unset"
    assert _contacts_named(engines["admin"]) == 1  # nothing erased
    # Only an admin may set it: the service says so, and the database refuses a lead's UPDATE.
    with pytest.raises(ShownError):
        service.set_journal_place(
            Database(engines["lead"]),
            Identity(names["lead"], "lead", "postgresql"),
            str(tmp_path / "x"),
        )
    with pytest.raises(Exception, match="permission denied"), engines["lead"].begin() as conn:
        conn.execute(text("UPDATE lifecycle_setting SET erasure_journal_dir = '/tmp/evil'"))
    with pytest.raises(Exception, match="journal_dir"), engines["admin"].begin() as conn:
        conn.execute(text("UPDATE lifecycle_setting SET erasure_journal_dir = 'relative/dir'"))
    shared = tmp_path / "share"
    service.set_journal_place(admin_db, who, str(shared))
    for engine in engines.values():
        engine.dispose()  # the backup copies a database nobody is connected to
    with _snapshot(pg_db.admin_url_str, tmp_path) as backup_url:
        done = _erase(admin_db, who, service.DatabaseJournal(machine_a))  # on machine A
        assert _contacts_named(engines["admin"]) == 0
        restored = make_engine(backup_url)
        assert _contacts_named(restored) == 1
        # Machine B replays the restored database: it finds the journal in the shared place.
        replayed = service.replay_journal(Database(restored), service.DatabaseJournal(machine_b))
        assert replayed.references == (done.reference,)
        assert replayed.contacts == done.contacts_erased and _contacts_named(restored) == 0
        restored.dispose()
    assert not machine_a.exists() and not machine_b.exists()


def test_cli_journal_show_and_set(sqlite_url: str, tmp_path: Path, capsys, fresh_paths) -> None:  # type: ignore[no-untyped-def]
    init_database(sqlite_url)
    assert main(["journal", "show", "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert str(fresh_paths.journal_dir) in out and "this machine's default" in out
    shared = tmp_path / "shared"
    assert main(["journal", "set", str(shared), "--db", sqlite_url]) == 0
    assert main(["journal", "show", "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert str(shared / "erasure-journal.jsonl") in out and "set for this database" in out
    assert main(["journal", "set", "relative", "--db", sqlite_url]) == 1
    assert "full path" in capsys.readouterr().err
    # One chained event for the change (migration 0024); the refused one left none.
    engine = make_engine(sqlite_url)
    assert [change for _actor, change in lifecycle_events(engine)] == [
        {"before": {"erasure_journal_dir": ""}, "after": {"erasure_journal_dir": str(shared)}}
    ]
    engine.dispose()
