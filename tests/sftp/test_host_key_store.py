"""Pinned host keys and profiles in the database, on both dialects; roles enforced by PostgreSQL."""

from __future__ import annotations

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


@pytest.fixture
def db(any_db_url: str):  # type: ignore[no-untyped-def]
    database = Database(make_engine(any_db_url))
    yield database
    database.dispose()


def test_pin_lookup_replace_and_history(db: Database) -> None:
    with db.session() as s:
        assert hk.active_key(s, "sftp.example.se", 22) is None
        row = hk.pin_key(
            s, "sftp.example.se", 22, "ssh-ed25519", FP1, "AAAA", actor="anna", role="agent"
        )
        assert row.trusted and row.fingerprint == FP1 and row.pinned_by
        # A second active key for the same host:port is refused by the unique index.
        with pytest.raises(hk.HostKeyStoreError) as info:
            hk.pin_key(
                s, "sftp.example.se", 22, "ssh-ed25519", FP2, "BBBB", actor="anna", role="agent"
            )
        assert info.value.kind == "already_pinned"
        # Another port is another server.
        hk.pin_key(s, "sftp.example.se", 2222, "ssh-rsa", FP2, "BBBB", actor="anna", role="agent")
        new = hk.replace_key(
            s, "sftp.example.se", 22, FP1, "ssh-ed25519", FP2, "BBBB", actor="lena", role="lead"
        )
        assert new.fingerprint == FP2 and new.trusted
        history = hk.key_history(s, "sftp.example.se", 22)
        assert [k.fingerprint for k in history] == [FP1, FP2]
        assert history[0].retired_at is not None and history[0].retired_by
        assert not history[0].trusted
        with pytest.raises(hk.HostKeyStoreError) as info:
            hk.replace_key(
                s, "sftp.example.se", 22, FP1, "ssh-ed25519", FP1, "AAAA", actor="l", role="lead"
            )
        assert info.value.kind == "stale"


def test_approval_setting_makes_agent_pins_pending(db: Database) -> None:
    with db.session() as s:
        hk.set_requires_approval(s, True)
        assert hk.requires_approval(s)
        row = hk.pin_key(s, "h", 22, "ssh-ed25519", FP1, "AAAA", actor="anna", role="agent")
        if db.dialect == "sqlite":
            assert not row.trusted and row.approved_by is None
            assert [k.id for k in hk.pending_keys(s)] == [row.id]
            approved = hk.approve_key(s, row.id, actor="lena")
            assert approved.trusted and approved.approved_by == "lena"
        else:
            # The admin test login is a superuser: its own pins are approved by the server.
            assert row.trusted


def test_profiles_crud_with_optimistic_locking(db: Database) -> None:
    with db.session() as s:
        s.execute(
            text(
                "INSERT INTO customer (org_number, name, status, version) "
                "VALUES ('5566809827', 'Test AB', 'active', 1)"
            )
        )
        s.commit()
        cid = s.execute(text("SELECT id FROM customer")).scalar_one()
        p = hk.save_profile(
            s,
            customer_id=cid,
            name="Prod",
            host="sftp.test.se",
            port=22,
            username="bw",
            auth_kind="key",
            key_path="/home/a/.ssh/id_ed25519",
            remote_dir="/in",
        )
        assert hk.list_profiles(s, cid) == [p]
        p2 = hk.save_profile(
            s,
            customer_id=cid,
            name="Prod",
            host="sftp.test.se",
            port=2222,
            username="bw",
            auth_kind="password",
            key_path="ignored",
            remote_dir="/in",
            profile_id=p.id,
            version=p.version,
        )
        assert p2.port == 2222 and p2.key_path is None and p2.version == p.version + 1
        with pytest.raises(hk.HostKeyStoreError) as info:
            hk.save_profile(
                s,
                customer_id=cid,
                name="Prod",
                host="x",
                port=22,
                username="bw",
                auth_kind="password",
                key_path=None,
                remote_dir="",
                profile_id=p.id,
                version=p.version,
            )
        assert info.value.kind == "stale"
        with pytest.raises(hk.HostKeyStoreError):
            hk.save_profile(
                s,
                customer_id=cid,
                name="X",
                host="x",
                port=22,
                username="bw",
                auth_kind="key",
                key_path=None,
                remote_dir="",
            )
        # Deleting the customer deletes its profiles.
        s.execute(text("DELETE FROM customer"))
        s.commit()
        assert hk.list_profiles(s, cid) == []


# --- PostgreSQL: the server refuses what an agent may not do ----------------------------


@pytest.fixture
def pg_logins(pg_db):  # type: ignore[no-untyped-def]
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
    with dbs["agent"].session() as s:
        row = hk.pin_key(s, "h.se", 22, "ssh-ed25519", FP1, "AAAA", actor="spoof", role="admin")
        # The server, not the client, says who pinned it.
        assert row.pinned_by == names["agent"] and row.approved_by == names["agent"]
        with pytest.raises(hk.HostKeyStoreError) as info:
            hk.replace_key(s, "h.se", 22, FP1, "ssh-ed25519", FP2, "BBBB", actor="x", role="lead")
        assert info.value.kind == "not_allowed"
        with pytest.raises(hk.HostKeyStoreError) as info:
            hk.pin_key(s, "h.se", 22, "ssh-ed25519", FP2, "BBBB", actor="x", role="agent")
        assert info.value.kind == "already_pinned"
        assert hk.active_key(s, "h.se", 22).fingerprint == FP1  # type: ignore[union-attr]
    engine = dbs["agent"].engine
    for statement in (
        "UPDATE host_key SET retired_at = now()",
        "UPDATE host_key SET fingerprint_sha256 = 'SHA256:x'",
        "DELETE FROM host_key",
        "INSERT INTO host_key (host, port, key_type, fingerprint_sha256, public_key, pinned_by) "
        "VALUES ('o.se', 22, 't', 'SHA256:y', 'A', 'someone_else')",
    ):
        with engine.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
            conn.execute(text(statement))
    with dbs["lead"].session() as s:
        new = hk.replace_key(s, "h.se", 22, FP1, "ssh-ed25519", FP2, "BBBB", actor="x", role="x")
        assert new.pinned_by == names["lead"]
        old = hk.key_history(s, "h.se", 22)[0]
        assert old.retired_by == names["lead"]
    # Even a lead cannot edit a pinned key in place.
    with dbs["lead"].engine.connect() as conn, pytest.raises(DBAPIError):
        conn.execute(text("UPDATE host_key SET approved_by = 'x', retired_at = NULL"))


def test_postgres_pending_pin_needs_a_lead(pg_logins, pg_db) -> None:  # type: ignore[no-untyped-def]
    _, dbs = pg_logins
    admin = Database(make_engine(pg_db.admin_url_str))
    with admin.session() as s:
        hk.set_requires_approval(s, True)
    admin.dispose()
    with dbs["agent"].session() as s:
        row = hk.pin_key(s, "p.se", 22, "ssh-ed25519", FP1, "AAAA", actor="a", role="agent")
        assert not row.trusted
        with pytest.raises(hk.HostKeyStoreError) as info:
            hk.approve_key(s, row.id, actor="a")
        assert info.value.kind == "not_allowed"
        with pytest.raises(hk.HostKeyStoreError):
            hk.set_requires_approval(s, False)
    with dbs["lead"].session() as s:
        approved = hk.approve_key(s, row.id, actor="spoof")
        assert approved.trusted and approved.approved_by != "spoof"


def test_rows_convert_for_the_engine(db: Database) -> None:
    from bowebb_console.sftp.hostkeys import PinnedKey

    with db.session() as s:
        row = hk.pin_key(s, "h", 22, "ssh-ed25519", FP1, "AAAA", actor="a", role="agent")
    assert PinnedKey.from_row(row) == PinnedKey("h", 22, "ssh-ed25519", FP1, True)
