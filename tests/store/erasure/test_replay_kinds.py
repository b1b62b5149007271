"""Issue 14, item 9: for each kind of erasure and the purge, snapshot -> erase -> restore the
snapshot -> replay the journal gives the same personal data as right after the erasure
(connection profiles included). Both databases: SQLite restores a copied file, PostgreSQL a
database copied with CREATE DATABASE ... TEMPLATE."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from bowebb_console.services import erasure as service
from bowebb_console.store.db.connect import Database, Identity
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.erasure.person import ErasurePlan, PersonQuery
from bowebb_console.store.erasure.requests import NewRequest
from bowebb_console.store.log.verify import verify_log
from tests.store.erasure_helpers import COMPANY, EMAIL, NAME, plant_person

TODAY = dt.date(2026, 11, 26)
ADMIN = Identity("alice", "admin", "sqlite")
QUERY = PersonQuery(email=EMAIL, phone="+46709871234", name=NAME)


def _personal(engine: Engine) -> dict[str, list[Any]]:
    """Every personal value the console keeps in the database, table by table (the
    erasure's own events are left out: the replay logs its own)."""
    queries = {
        "customer": "SELECT id, name, org_number FROM customer ORDER BY id",
        "contact": "SELECT id, name, email, phone, title FROM contact ORDER BY id",
        "sftp_profile": "SELECT id, name, host, username, remote_dir FROM sftp_profile ORDER BY id",
        "log_payload": (
            "SELECT p.seq, p.payload FROM log_payload p JOIN log_event e ON e.seq = p.seq "
            "WHERE e.kind <> 'erasure_performed' ORDER BY p.seq"
        ),
        "session_summary": (
            "SELECT session_uuid, customer_id, search_text FROM session_summary "
            "ORDER BY session_uuid"
        ),
    }
    with engine.connect() as conn:
        return {k: [tuple(r) for r in conn.execute(text(q))] for k, q in queries.items()}


def _plant(engine: Engine) -> int:
    planted = plant_person(engine, hard_delete_due=TODAY - dt.timedelta(days=1))
    with engine.begin() as conn:
        for customer, name in ((planted.customer_id, "hemma"), (planted.other_customer_id, "x")):
            conn.execute(
                text(
                    "INSERT INTO sftp_profile (customer_id, name, host, port, username, "
                    "auth_kind, remote_dir, version) VALUES (:c, :n, 'sftp.example.se', 22, "
                    ":u, 'password', '/home/zebulon quixtrapp', 1)"
                ),
                {"c": customer, "n": name, "u": "zquixtrapp" if name == "hemma" else "x"},
            )
    return planted.customer_id


def _erase(action: str) -> Callable[[Engine, Path, int], None]:
    def run(engine: Engine, journal: Path, customer_id: int) -> None:
        db = Database(engine)
        found = service.find_person(db, QUERY)
        assert found.profiles, "the profiles mention the person"
        service.erase_person(
            db,
            ADMIN,
            journal,
            ErasurePlan(
                request=NewRequest(TODAY, "email"),
                identity_check="call_back",
                query=QUERY,
                contact_actions={c.id: action for c in found.contacts},
                payload_seqs=tuple(p.seq for p in found.payloads),
                profiles=found.profiles,
            ),
            today=TODAY,
        )

    return run


def _purge(engine: Engine, journal: Path, customer_id: int) -> None:
    from tests.store.erasure.test_purge import _approve

    db = Database(engine)
    approval = service.request_purge(db, ADMIN, customer_id, TODAY)
    if engine.dialect.name == "sqlite":
        service.approve_purge(db, approval.id, approver="bob")
    else:
        _approve(engine, approval.id)
    service.run_purge(db, ADMIN, journal, approval.id, COMPANY, today=TODAY)


KINDS = {"erase": _erase("erase"), "anonymise": _erase("anonymise"), "purge": _purge}


@contextmanager
def _snapshot(url: str, tmp_path: Path) -> Iterator[str]:
    """A copy of the database as it is now (the backup); yields the restored copy's URL."""
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        restored = tmp_path / "restored" / path.name
        restored.parent.mkdir()
        for suffix in ("", "-wal"):
            if Path(str(path) + suffix).exists():
                shutil.copy2(str(path) + suffix, str(restored) + suffix)
        yield f"sqlite:///{restored.as_posix()}"
        return
    from tests.conftest import _pg_admin_engine

    source = url.rsplit("/", 1)[1]
    copy = source + "_restored"
    admin = _pg_admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{copy}" TEMPLATE "{source}"'))
    try:
        yield url.rsplit("/", 1)[0] + "/" + copy
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_restore_then_replay_equals_the_erasure(any_db_url: str, tmp_path: Path, kind: str) -> None:
    engine = make_engine(any_db_url)
    customer_id = _plant(engine)
    before = _personal(engine)
    engine.dispose()
    journal = tmp_path / "journal.jsonl"
    with _snapshot(any_db_url, tmp_path) as restored_url:
        engine = make_engine(any_db_url)
        KINDS[kind](engine, journal, customer_id)
        after = _personal(engine)
        engine.dispose()
        assert after != before
        restored = make_engine(restored_url)
        assert _personal(restored) == before  # the backup brings the person back
        result = service.replay_journal(Database(restored), journal)
        assert result.references
        assert result.scrub.pending == ()
        assert _personal(restored) == after
        assert verify_log(Database(restored)).ok
        again = service.replay_journal(Database(restored), journal)  # harmless twice
        assert again.references == ()
        assert _personal(restored) == after
        restored.dispose()
