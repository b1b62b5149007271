"""Issue 14, item 13: files the console itself writes outside the database. This machine's
downloads of a customer's files and its notice exports are listed when written; the
customer's purge deletes them (and the SQLite copies from before upgrades), keeps other
customers' files, and names the downloads another machine made so the admin can have them
deleted there. Pre-upgrade copies also age out after their retention."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

from sqlalchemy import Engine

from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.services import customers
from bowebb_console.services import erasure as service
from bowebb_console.store.db.connect import Database, open_database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.erasure import written
from bowebb_console.store.erasure.person import chain_id
from bowebb_console.store.log.chain import write_event
from tests.store.erasure.test_purge import ALICE, TODAY, _approve
from tests.store.erasure_helpers import COMPANY, EMAIL, plant_person


def _transfer_session(engine: Engine, customer: int, contact: int, name: str) -> None:
    """A file-transfer session of the customer in which a download of ``name`` is logged
    (by another machine: this one's list does not have it)."""
    session = str(uuid.uuid4())
    consent = {
        "customer_id": customer,
        "contact_id": contact,
        "session_kind": "file_transfer",
        "outcome": "agreed",
        "channel": "phone",
        "agreed_at": "2026-11-01T10:00:00+00:00",
        "reference": "T-9",
        "scope": "file_transfer",
        "purpose": "Hämta bokslutet",
        "purpose_kind": "support",
        "purpose_reference": "T-9",
    }
    download = {"direction": "download", "remote_path": f"/ut/{name}", "local_name": name}
    with engine.begin() as conn:
        for kind, body in (
            ("consent_recorded", consent),
            ("session_started", {"tool": "SFTP", "tool_session_id": ""}),
            ("file_transferred", download),
        ):
            write_event(conn, kind, session, str(uuid.uuid4()), canonical_payload(body), "bo")


def test_purge_deletes_the_files_this_machine_wrote(
    any_db_url: str, tmp_path: Path, fresh_paths
) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(any_db_url)
    db = Database(engine)
    planted = plant_person(engine, hard_delete_due=TODAY - dt.timedelta(days=3))
    # A notice export (every customer's contacts) is listed when it is written.
    export = tmp_path / "exports" / "avbrott.csv"
    export.parent.mkdir()
    assert customers.export_notices(db, export, reason="Avbrott", local_user="alice") > 0
    assert EMAIL.lower() in export.read_text(encoding="utf-8-sig").lower()
    manifest = fresh_paths.written_files
    assert [e.kind for e in written.entries(manifest)] == [written.NOTICE_EXPORT]
    # Downloads made here (as services.transfers lists them): one of the purged customer's,
    # with a part left by an interrupted one, and one of another customer's.
    with engine.connect() as conn:
        chain = chain_id(conn)
    downloads = tmp_path / "Hämtat"
    downloads.mkdir()
    mine, part, theirs = downloads / "faktura.pdf", downloads / "logg.zip", downloads / "x.txt"
    for path in (mine, Path(str(part) + ".part"), Path(str(part) + ".part.json"), theirs):
        path.write_text("Zebulon Quixtrapp", encoding="utf-8")
    for path, customer in ((mine, planted.customer_id), (part, planted.customer_id)):
        written.record(manifest, chain, customer, written.DOWNLOAD, path)
    written.record(manifest, chain, planted.other_customer_id, written.DOWNLOAD, theirs)
    # A download another machine made (only its name is in the log).
    _transfer_session(engine, planted.customer_id, planted.contact_id, "kontrakt.pdf")
    # SQLite: a copy from before an upgrade holds every customer.
    copies: list[Path] = []
    if engine.dialect.name == "sqlite":
        db_file = Path(any_db_url.removeprefix("sqlite:///"))
        copies = [db_file.with_name(db_file.name + ".before-0016-20261120-101010")]
        copies.append(copies[0].with_name(copies[0].name + "-wal"))
        for copy in copies:
            copy.write_bytes(b"SQLite format 3\x00 Zebulon")
    approval = service.request_purge(db, ALICE, planted.customer_id, TODAY)
    _approve(engine, approval.id)
    done = service.run_purge(
        db, ALICE, tmp_path / "journal.jsonl", approval.id, COMPANY, today=TODAY
    )
    assert set(done.files.deleted) == {str(export), str(mine), str(part)} | {str(c) for c in copies}
    assert done.files.kept == ()
    assert [(d.name, d.at[:4]) for d in done.files.elsewhere] == [("kontrakt.pdf", "2026")]
    assert not export.exists() and not mine.exists() and not any(c.exists() for c in copies)
    assert not [p for p in downloads.iterdir() if p.name.startswith("logg.zip")]
    assert theirs.exists()  # another customer's download stays, and stays listed
    assert [e.path for e in written.entries(manifest)] == [str(theirs)]
    engine.dispose()


def test_a_file_that_cannot_be_deleted_is_reported(
    sqlite_url: str, tmp_path: Path, fresh_paths
) -> None:  # type: ignore[no-untyped-def]
    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    planted = plant_person(engine, hard_delete_due=TODAY - dt.timedelta(days=3))
    with engine.connect() as conn:
        chain = chain_id(conn)
    stuck = tmp_path / "folder-not-file"
    (stuck / "inside").mkdir(parents=True)  # a non-empty folder: unlink fails, as on a lock
    written.record(fresh_paths.written_files, chain, planted.customer_id, written.DOWNLOAD, stuck)
    approval = service.request_purge(Database(engine), ALICE, planted.customer_id, TODAY)
    _approve(engine, approval.id)
    done = service.run_purge(
        Database(engine), ALICE, tmp_path / "j.jsonl", approval.id, COMPANY, today=TODAY
    )
    assert [p for p, _ in done.files.kept] == [str(stuck)]
    assert [e.path for e in written.entries(fresh_paths.written_files)] == [str(stuck)]
    engine.dispose()


def test_pre_upgrade_copies_age_out(sqlite_url: str) -> None:
    init_database(sqlite_url)
    db_file = Path(sqlite_url.removeprefix("sqlite:///"))
    now = dt.datetime.now()
    old = db_file.with_name(
        f"{db_file.name}.before-0015-{(now - dt.timedelta(days=31)):%Y%m%d-%H%M%S}"
    )
    recent = db_file.with_name(
        f"{db_file.name}.before-0016-{(now - dt.timedelta(days=29)):%Y%m%d-%H%M%S}"
    )
    for copy in (old, Path(str(old) + "-wal"), recent):
        copy.write_bytes(b"copy")
        os.utime(copy, (now.timestamp(), now.timestamp()))  # copy2 keeps the source's time
    db, _ = open_database(sqlite_url)  # the app's every open prunes
    db.dispose()
    assert not old.exists() and not Path(str(old) + "-wal").exists()
    assert recent.exists()
    assert written.PRE_UPGRADE_COPY_DAYS == 30


def test_written_list_survives_a_torn_line(tmp_path: Path) -> None:
    manifest = tmp_path / "written-files.jsonl"
    written.record(manifest, "c", 1, written.DOWNLOAD, tmp_path / "a")
    with manifest.open("a", encoding="utf-8") as fh:
        fh.write('{"chain": "c", "customer_id": 1, "ki')
    assert [e.customer_id for e in written.of_customer(manifest, "c", 1)] == [1]
    assert written.of_customer(manifest, "other database", 1) == []
