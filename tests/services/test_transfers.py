"""services.transfers against a real OpenSSH sshd and a real database, without Qt: the session
check before anything connects, secrets, pinning (first key, approval, replacement by leads),
profiles, and the batch rules (one event per file; a failed log write stops the batch)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import paramiko
import pytest

from bowebb_console.services import transfers
from bowebb_console.services.database import Database, Identity
from bowebb_console.services.sessions import session_events
from bowebb_console.sftp.connection import SftpError
from bowebb_console.sftp.hostkeys import OfferedKey, fingerprint, public_key_b64
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.log.chain import LogWriteError, local_actor
from bowebb_console.store.log.verify import verify_log
from bowebb_console.store.sessions import events as sessions
from bowebb_console.store.transfers import log as transfer_log
from tests.sftp.conftest import KEY_PASSPHRASE, Sshd, sha256sum
from tests.sftp.conftest import sshd as sshd  # the fixture
from tests.store.log_helpers import add_customer

AGENT = Identity(user="anna", role="agent", dialect="sqlite")
LEAD = Identity(user="lena", role="lead", dialect="sqlite")


class Credentials:
    """The three calls the service makes on the keyring (credentials.CredentialStore)."""

    def __init__(self, **items: str) -> None:
        self.items = dict(items)

    def get(self, account: str) -> str | None:
        return self.items.get(account)

    def store(self, account: str, secret: str) -> None:
        self.items[account] = secret

    def delete(self, account: str) -> None:
        self.items.pop(account, None)


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    init_database(sqlite_url)
    database = Database(make_engine(sqlite_url))
    yield database
    database.dispose()


def open_session(db: Database, **consent: Any) -> tuple[str, int]:
    customer, contact = add_customer(db.engine)
    values: dict[str, Any] = {
        "session_kind": "file_transfer", "outcome": "agreed", "channel": "phone",
        "agreed_at": dt.datetime.now(dt.UTC), "reference": "O-12", "scope": "file_transfer",
        "purpose": "Import", "purpose_kind": "purchased_service", "purpose_reference": "O-12",
    } | consent  # fmt: skip
    su = sessions.record_consent(
        db, customer_id=customer, contact_id=contact, **values
    ).session_uuid
    sessions.start_session(db, su, tool="other")
    return su, customer


def profile(db: Database, customer: int, server: Sshd, key: Path | None = None) -> Any:
    (server.root / "in").mkdir(exist_ok=True)
    return transfers.save_profile(
        db, customer_id=customer, name="Kund", host="127.0.0.1", port=server.port,
        username=server.user, auth_kind="key", key_path=str(key or server.client_key),
        remote_dir=str(server.root / "in"),
    )  # fmt: skip


def offered(key_file: Path) -> OfferedKey:
    key = paramiko.PKey.from_path(key_file)
    return OfferedKey(key.get_name(), fingerprint(key), public_key_b64(key))


def kinds(db: Database, su: str) -> list[str]:
    return [e.kind for e in session_events(db, su)]


@pytest.mark.sshd
def test_first_contact_pin_then_connect(db: Database, sshd: Sshd) -> None:
    su, customer = open_session(db)
    (allowed,) = transfers.open_sessions(db, Identity(local_actor(), "admin", "sqlite"))
    assert (allowed.session_uuid, allowed.customer_name) == (su, "Testbolaget AB")
    row = profile(db, customer, sshd)
    with pytest.raises(SftpError) as info:
        transfers.open_link(db, su, row, None, None, False)
    assert info.value.kind == "host_key_unknown" and info.value.offered == offered(sshd.host_key)
    pinned = transfers.pin_key(db, AGENT, su, "127.0.0.1", sshd.port, info.value.offered)
    assert pinned.trusted and kinds(db, su)[-1] == "host_key_pinned"
    link = transfers.open_link(db, su, row, None, None, False)
    try:
        assert link.fingerprint == pinned.fingerprint and link.start_dir == row.remote_dir
        path, listing = transfers.list_dir(link, link.start_dir)
        assert path == link.start_dir and isinstance(listing, list)
    finally:
        link.close()


@pytest.mark.sshd
def test_refused_session_connects_to_nothing(db: Database, sshd: Sshd) -> None:
    su, customer = open_session(db, scope="control")
    row = profile(db, customer, sshd)
    with pytest.raises(transfers.TransferNotAllowed) as info:
        transfers.open_link(db, su, row, None, None, False)
    assert info.value.code == "transfers.wrong_scope"
    assert kinds(db, su) == ["consent_recorded", "session_started"]


@pytest.mark.sshd
def test_secret_asked_remembered_and_forgotten_when_wrong(db: Database, sshd: Sshd) -> None:
    from bowebb_console.sftp.connection import secret_account

    su, customer = open_session(db)
    row = profile(db, customer, sshd, sshd.client_key_protected)
    transfers.pin_key(db, LEAD, su, "127.0.0.1", sshd.port, offered(sshd.host_key))
    account = secret_account(transfers.to_profile(row))
    with pytest.raises(transfers.NeedSecret) as first:
        transfers.open_link(db, su, row, None, None, False)
    assert not first.value.forgot_remembered
    wrong = Credentials(**{account: "fel lösenfras"})
    with pytest.raises(transfers.NeedSecret) as again:
        transfers.open_link(db, su, row, wrong, None, False)  # type: ignore[arg-type]
    assert again.value.forgot_remembered and account not in wrong.items
    kept = Credentials()
    transfers.open_link(db, su, row, kept, KEY_PASSPHRASE, True).close()  # type: ignore[arg-type]
    assert kept.items == {account: KEY_PASSPHRASE}
    transfers.open_link(db, su, row, kept, None, False).close()  # type: ignore[arg-type]


@pytest.mark.sshd
def test_changed_key_is_replaced_only_by_a_lead(db: Database, sshd: Sshd) -> None:
    su, customer = open_session(db)
    row = profile(db, customer, sshd)
    old = transfers.pin_key(db, AGENT, su, "127.0.0.1", sshd.port, offered(sshd.other_host_key))
    with pytest.raises(SftpError) as info:
        transfers.open_link(db, su, row, None, None, False)
    assert info.value.kind == "host_key_changed" and info.value.old_fp == old.fingerprint
    new = offered(sshd.host_key)
    with pytest.raises(transfers.HostKeyStoreError) as refused:
        transfers.replace_key(db, AGENT, su, "127.0.0.1", sshd.port, old.fingerprint, new)
    assert refused.value.code == "hostkey.replace_not_allowed"
    transfers.replace_key(db, LEAD, su, "127.0.0.1", sshd.port, old.fingerprint, new)
    assert kinds(db, su)[-1] == "host_key_replaced"
    transfers.open_link(db, su, row, None, None, False).close()


@pytest.mark.sshd
def test_a_pending_pin_connects_after_a_leads_approval(db: Database, sshd: Sshd) -> None:
    su, customer = open_session(db)
    row = profile(db, customer, sshd)
    transfers.set_approval_required(db, True)
    pin = transfers.pin_key(db, AGENT, su, "127.0.0.1", sshd.port, offered(sshd.host_key))
    pending = transfers.pending_keys(db)
    assert not pin.trusted and pending.required and [r.id for r in pending.rows] == [pin.id]
    with pytest.raises(SftpError) as info:
        transfers.open_link(db, su, row, None, None, False)
    assert info.value.kind == "host_key_unknown" and info.value.offered is None
    approved = transfers.approve_key(db, LEAD, pin.id)
    assert approved.trusted and transfers.pending_keys(db).rows == []
    transfers.open_link(db, su, row, None, None, False).close()


def test_profiles_list_save_delete(db: Database) -> None:
    customer, _ = add_customer(db.engine)
    values: dict[str, Any] = {
        "name": "A", "host": "sftp.kund.se", "port": 22, "username": "bw",
        "auth_kind": "password", "key_path": None, "remote_dir": "",
    }  # fmt: skip
    first = transfers.save_profile(db, customer_id=customer, **values)
    edited = transfers.save_profile(
        db,
        customer_id=customer,
        profile_id=first.id,
        version=first.version,
        **values | {"port": 23},
    )
    with pytest.raises(transfers.ProfileError) as info:
        transfers.save_profile(
            db, customer_id=customer, profile_id=first.id, version=first.version, **values
        )
    assert info.value.code == "transfers.profile_stale"
    assert transfers.list_profiles(db, customer) == [edited] and edited.port == 23
    transfers.delete_profile(db, first.id)
    assert transfers.list_profiles(db, customer) == []


# --- the batch rules --------------------------------------------------------------------


def connected(db: Database, server: Sshd) -> tuple[str, transfers.Link]:
    su, customer = open_session(db)
    row = profile(db, customer, server)
    transfers.pin_key(db, LEAD, su, "127.0.0.1", server.port, offered(server.host_key))
    return su, transfers.open_link(db, su, row, None, None, False)


def run(db: Database, link: transfers.Link, batch: transfers.Batch) -> list[transfers.FileDone]:
    done: list[transfers.FileDone] = []
    transfers.run_batch(
        db, AGENT, link, batch, planned=lambda *_: None, progress=lambda *_: None,
        file_done=done.append,
    )  # fmt: skip
    return done


@pytest.mark.sshd
def test_every_file_is_one_event(db: Database, sshd: Sshd, tmp_path: Path) -> None:
    folder = tmp_path / "underlag"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(name * 100)
    su, link = connected(db, sshd)
    try:
        batch = transfers.Batch(1, "upload", [(str(folder), True)], link.start_dir, su)
        done = run(db, link, batch)
    finally:
        link.close()
    events = transfers.transfers_of(db, su)
    assert len(done) == len(events) == 2 and [d.job_index for d in done] == [0, 1]
    assert all(d.log_error is None and d.record.result == "ok" for d in done)
    for event in events:
        uploaded = sshd.root / "in" / "underlag" / str(event["local_name"])
        assert event["sha256"] == sha256sum(uploaded)
    assert verify_log(db).ok


@pytest.mark.sshd
def test_a_failed_log_write_stops_the_batch(
    db: Database, sshd: Sshd, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small files move several at once (sftp/many.py). When a log write fails, no file
    starts any more, and each file still moving stops at its next step and is removed
    (recorded cancelled) unless its final rename was already sent: then it is on the server
    and recorded ok, and its event is tried too (and fails here, loudly)."""
    files = [tmp_path / f"fil-{n:02d}.txt" for n in range(40)]
    for f in files:
        f.write_text(f.name)
    su, link = connected(db, sshd)
    real = transfer_log.log_file_transferred
    calls: list[str] = []

    def first_only(database: Any, session_uuid: str, record: Any, **kw: Any) -> Any:
        calls.append(record.local_name)
        if len(calls) > 1:
            raise LogWriteError(
                "log.unreachable", "The database cannot be reached (test); nothing was logged."
            )
        return real(database, session_uuid, record, **kw)

    monkeypatch.setattr(transfer_log, "log_file_transferred", first_only)
    try:
        batch = transfers.Batch(1, "upload", [(str(f), False) for f in files], link.start_dir, su)
        done = run(db, link, batch)
    finally:
        link.close()
    assert [d.job_index for d in done] == list(range(40))
    assert [d.record.result for d in done[:2]] == ["ok", "ok"] and done[0].log_error is None
    error = done[1].log_error
    assert isinstance(error, transfers.NotLogged) and error.code == "transfers.log_failed"
    assert batch.cancel_all.is_set()
    remote = sshd.root / "in"
    for d in done[2:]:
        there = (remote / d.record.local_name).exists()
        assert (d.record.result, there) in (("ok", True), ("cancelled", False)), d.record
        assert d.record.result == "cancelled" or d.log_error is not None
    assert sum(d.record.result == "cancelled" for d in done) >= 40 - 32  # never started
    assert not [p for p in remote.iterdir() if p.name.endswith(".bowebb-part")]
    assert [e["local_name"] for e in transfers.transfers_of(db, su)] == ["fil-00.txt"]


@pytest.mark.sshd
def test_a_batch_in_an_ended_session_moves_nothing(
    db: Database, sshd: Sshd, tmp_path: Path
) -> None:
    src = tmp_path / "sent.txt"
    src.write_text("x")
    su, link = connected(db, sshd)
    sessions.end_session(db, su, "klart", "resolved")
    try:
        with pytest.raises(transfers.TransferNotAllowed) as info:
            run(db, link, transfers.Batch(1, "upload", [(str(src), False)], link.start_dir, su))
    finally:
        link.close()
    assert info.value.code == "transfers.ended"
    assert not (sshd.root / "in" / "sent.txt").exists() and transfers.transfers_of(db, su) == []


# --- issue 16: a saved password survives a login that timed out or dropped ---------------


@pytest.mark.sshd
@pytest.mark.parametrize(("how", "kind"), [("stall", "timeout"), ("drop", "connection_lost")])
def test_a_saved_password_is_kept_when_the_login_times_out_or_drops(
    db: Database, sshd: Sshd, how: str, kind: str
) -> None:
    from bowebb_console.sftp.connection import secret_account
    from tests.sftp import scripted

    server = scripted.login_server(sshd.host_key, how)
    su, customer = open_session(db)
    row = transfers.save_profile(
        db, customer_id=customer, name="Kund", host="127.0.0.1", port=server.port,
        username="anna", auth_kind="password", key_path=None, remote_dir="",
    )  # fmt: skip
    transfers.pin_key(db, LEAD, su, "127.0.0.1", server.port, offered(sshd.host_key))
    account = secret_account(transfers.to_profile(row))
    saved = Credentials(**{account: "Rätt-lösenord-1"})
    try:
        with pytest.raises(SftpError) as info:
            transfers.open_link(db, su, row, saved, None, False, connect_timeout=1.5)  # type: ignore[arg-type]
    finally:
        server.close()
    assert info.value.kind == kind and saved.items == {account: "Rätt-lösenord-1"}
    refusing = scripted.login_server(sshd.host_key, "refuse")
    row = transfers.save_profile(
        db, customer_id=customer, name="Kund", host="127.0.0.1", port=refusing.port,
        username="anna", auth_kind="password", key_path=None, remote_dir="",
        profile_id=row.id, version=row.version,
    )  # fmt: skip
    transfers.pin_key(db, LEAD, su, "127.0.0.1", refusing.port, offered(sshd.host_key))
    account = secret_account(transfers.to_profile(row))
    saved = Credentials(**{account: "Fel-lösenord"})
    try:
        with pytest.raises(transfers.NeedSecret) as refused:
            transfers.open_link(db, su, row, saved, None, False, connect_timeout=1.5)  # type: ignore[arg-type]
    finally:
        refusing.close()
    assert refused.value.forgot_remembered and saved.items == {}  # a real refusal: forgotten


@pytest.mark.sshd
def test_links_and_undecodable_names_are_logged_and_the_batch_goes_on(
    db: Database, sshd: Sshd, tmp_path: Path
) -> None:
    import os

    folder = tmp_path / "mapp"
    folder.mkdir()
    (folder / "bra.txt").write_text("ok")
    os.close(os.open(os.fsencode(folder) + b"/d\xe5lig.txt", os.O_WRONLY | os.O_CREAT, 0o600))
    (tmp_path / "trasig").symlink_to(tmp_path / "saknas")  # dangling, picked as a file
    (tmp_path / "länk").symlink_to(folder, target_is_directory=True)  # picked as a folder
    su, link = connected(db, sshd)
    sources = [(str(tmp_path / "trasig"), False), (str(tmp_path / "länk"), True),
               (str(folder), True)]  # fmt: skip
    try:
        done = run(db, link, transfers.Batch(1, "upload", sources, link.start_dir, su))
    finally:
        link.close()
    assert all(d.log_error is None for d in done)
    events = transfers.transfers_of(db, su)
    assert sorted((str(e["remote_path"]).rsplit("/", 1)[1], e["result"]) for e in events) == [
        ("bra.txt", "ok"),
        ("d\\xe5lig.txt", "failed"),
        ("länk", "failed"),
        ("trasig", "failed"),
    ]
    assert verify_log(db).ok


@pytest.mark.sshd
def test_a_download_is_listed_for_the_purge(
    db: Database, sshd: Sshd, tmp_path: Path, fresh_paths: Any
) -> None:
    """Issue 14, item 13: each download lands on this machine's list of files written for
    the session's customer (the customer's purge deletes them)."""
    from bowebb_console.store.erasure import written

    (sshd.root / "in").mkdir(exist_ok=True)
    (sshd.root / "in" / "rapport.txt").write_text("kundens rapport")
    target = tmp_path / "hämtat"
    target.mkdir()
    su, link = connected(db, sshd)
    try:
        source = f"{link.start_dir.rstrip('/')}/rapport.txt"
        done = run(db, link, transfers.Batch(1, "download", [(source, False)], str(target), su))
    finally:
        link.close()
    assert [d.record.result for d in done] == ["ok"]
    customer = transfers.check_session(db, su).customer_id
    listed = written.entries(fresh_paths.written_files)
    assert [(e.customer_id, e.kind, e.path) for e in listed] == [
        (customer, written.DOWNLOAD, str(target / "rapport.txt"))
    ]
