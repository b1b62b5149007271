"""Pinned host keys in the database, on both dialects; roles enforced by PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bowebb_console.store.db import users
from bowebb_console.store.db.connect import Database
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.db.setup import init_database
from bowebb_console.store.transfers import host_keys as hk

FP1 = "SHA256:" + "A" * 43
FP2 = "SHA256:" + "B" * 43
PASSWORD = "correct horse battery"


def test_pin_lookup_replace_and_history(db: Database) -> None:
    with db.transaction() as conn:
        assert hk.active_key(conn, "sftp.example.se", 22) is None
        row = hk.pin_key(
            conn, "sftp.example.se", 22, "ssh-ed25519", FP1, "AAAA", actor="anna", role="agent"
        )
        assert row.trusted and row.fingerprint == FP1 and row.pinned_by
    # A second active key for the same host:port is refused by the unique index.
    with pytest.raises(hk.HostKeyStoreError) as info, db.transaction() as conn:
        hk.pin_key(
            conn, "sftp.example.se", 22, "ssh-ed25519", FP2, "BBBB", actor="anna", role="agent"
        )
    assert (info.value.kind, info.value.code) == ("already_pinned", "hostkey.already_pinned")
    with db.transaction() as conn:
        # Another port is another server.
        hk.pin_key(
            conn, "sftp.example.se", 2222, "ssh-rsa", FP2, "BBBB", actor="anna", role="agent"
        )
        new = hk.replace_key(
            conn, "sftp.example.se", 22, FP1, "ssh-ed25519", FP2, "BBBB", actor="lena", role="lead"
        )
        assert new.fingerprint == FP2 and new.trusted
        history = hk.key_history(conn, "sftp.example.se", 22)
    assert [k.fingerprint for k in history] == [FP1, FP2]
    assert history[0].retired_at is not None and history[0].retired_by
    assert not history[0].trusted
    with pytest.raises(hk.HostKeyStoreError) as info, db.transaction() as conn:
        hk.replace_key(
            conn, "sftp.example.se", 22, FP1, "ssh-ed25519", FP1, "AAAA", actor="l", role="lead"
        )
    assert (info.value.kind, info.value.code) == ("stale", "hostkey.replace_stale")


def test_bad_fingerprint_and_agents_replacing_are_refused(db: Database) -> None:
    with pytest.raises(hk.HostKeyStoreError) as info, db.transaction() as conn:
        hk.pin_key(conn, "h", 22, "ssh-ed25519", "MD5:aa", "AAAA", actor="a", role="agent")
    assert info.value.code == "hostkey.invalid_fingerprint"
    if db.dialect == "sqlite":  # PostgreSQL decides by the login (below)
        with pytest.raises(hk.HostKeyStoreError) as info, db.transaction() as conn:
            hk.replace_key(conn, "h", 22, FP1, "ssh-ed25519", FP2, "B", actor="a", role="agent")
        assert info.value.code == "hostkey.replace_not_allowed"


def test_approval_setting_makes_agent_pins_pending(db: Database) -> None:
    with db.transaction() as conn:
        hk.set_requires_approval(conn, True)
        assert hk.requires_approval(conn)
        row = hk.pin_key(conn, "h", 22, "ssh-ed25519", FP1, "AAAA", actor="anna", role="agent")
    if db.dialect == "sqlite":
        assert not row.trusted and row.approved_by is None
        with db.transaction() as conn:
            assert [k.id for k in hk.pending_keys(conn)] == [row.id]
            approved = hk.approve_key(conn, row.id, actor="lena")
        assert approved.trusted and approved.approved_by == "lena"
        with pytest.raises(hk.HostKeyStoreError) as info, db.transaction() as conn:
            hk.approve_key(conn, row.id, actor="lena")
        assert info.value.code == "hostkey.approval_stale"
    else:
        # The admin test login is a superuser: its own pins are approved by the server.
        assert row.trusted
    with db.transaction() as conn:
        hk.set_requires_approval(conn, False)
        assert not hk.requires_approval(conn)


# --- PostgreSQL: the server refuses what an agent may not do ----------------------------


@pytest.fixture
def pg_logins(pg_db) -> Iterator[tuple[dict[str, str], dict[str, Database]]]:  # type: ignore[no-untyped-def]
    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    names = {}
    with admin.begin() as conn:
        for role in ("agent", "lead"):
            names[role] = pg_db.login_name(role)
            users.add_user(conn, names[role], role, PASSWORD)
    admin.dispose()
    dbs = {r: Database(make_engine(pg_db.url_for(n, PASSWORD))) for r, n in names.items()}
    yield names, dbs
    for d in dbs.values():
        d.dispose()


def test_postgres_agent_pins_first_key_but_cannot_replace(pg_logins) -> None:  # type: ignore[no-untyped-def]
    names, dbs = pg_logins
    agent = dbs["agent"]
    with agent.transaction() as conn:
        row = hk.pin_key(conn, "h.se", 22, "ssh-ed25519", FP1, "AAAA", actor="spoof", role="admin")
    # The server, not the client, says who pinned it.
    assert row.pinned_by == names["agent"] and row.approved_by == names["agent"]
    with pytest.raises(hk.HostKeyStoreError) as info, agent.transaction() as conn:
        hk.replace_key(conn, "h.se", 22, FP1, "ssh-ed25519", FP2, "BBBB", actor="x", role="lead")
    assert info.value.kind == "not_allowed"
    with pytest.raises(hk.HostKeyStoreError) as info, agent.transaction() as conn:
        hk.pin_key(conn, "h.se", 22, "ssh-ed25519", FP2, "BBBB", actor="x", role="agent")
    assert info.value.kind == "already_pinned"
    with agent.transaction(write=False) as conn:
        assert hk.active_key(conn, "h.se", 22).fingerprint == FP1  # type: ignore[union-attr]
    for statement in (
        "UPDATE host_key SET retired_at = now()",
        "UPDATE host_key SET fingerprint_sha256 = 'SHA256:x'",
        "DELETE FROM host_key",
        "INSERT INTO host_key (host, port, key_type, fingerprint_sha256, public_key, pinned_by) "
        "VALUES ('o.se', 22, 't', 'SHA256:y', 'A', 'someone_else')",
    ):
        with agent.engine.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
            conn.execute(text(statement))
    with dbs["lead"].transaction() as conn:
        new = hk.replace_key(conn, "h.se", 22, FP1, "ssh-ed25519", FP2, "BBBB", actor="x", role="x")
        assert new.pinned_by == names["lead"]
        old = hk.key_history(conn, "h.se", 22)[0]
        assert old.retired_by == names["lead"]
    # Even a lead cannot edit a pinned key in place.
    with dbs["lead"].engine.connect() as conn, pytest.raises(DBAPIError):
        conn.execute(text("UPDATE host_key SET approved_by = 'x', retired_at = NULL"))


def test_postgres_pending_pin_needs_a_lead(pg_logins, pg_db) -> None:  # type: ignore[no-untyped-def]
    _, dbs = pg_logins
    admin = Database(make_engine(pg_db.admin_url_str))
    with admin.transaction() as conn:
        hk.set_requires_approval(conn, True)
    admin.dispose()
    agent = dbs["agent"]
    with agent.transaction() as conn:
        row = hk.pin_key(conn, "p.se", 22, "ssh-ed25519", FP1, "AAAA", actor="a", role="agent")
    assert not row.trusted
    with pytest.raises(hk.HostKeyStoreError) as info, agent.transaction() as conn:
        hk.approve_key(conn, row.id, actor="a")
    assert (info.value.kind, info.value.code) == ("not_allowed", "hostkey.approve_not_allowed")
    with pytest.raises(hk.HostKeyStoreError) as info, agent.transaction() as conn:
        hk.set_requires_approval(conn, False)
    assert info.value.code == "hostkey.setting_not_allowed"
    with dbs["lead"].transaction() as conn:
        approved = hk.approve_key(conn, row.id, actor="spoof")
    assert approved.trusted and approved.approved_by != "spoof"


def test_rows_convert_for_the_engine(db: Database) -> None:
    from bowebb_console.sftp.hostkeys import PinnedKey

    with db.transaction() as conn:
        row = hk.pin_key(conn, "h", 22, "ssh-ed25519", FP1, "AAAA", actor="a", role="agent")
    assert PinnedKey.from_row(row) == PinnedKey("h", 22, "ssh-ed25519", FP1, True)
