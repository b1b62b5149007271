"""Connection profiles in the database, on both dialects: checks, optimistic locking, the
demo servers' flag, and profiles going with their customer."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bowebb_console.store.db.connect import Database
from bowebb_console.store.transfers import profiles as pr
from tests.store.log_helpers import add_customer

FIELDS = dict(
    name="Prod", host="sftp.test.se", port=22, username="bw", auth_kind="key",
    key_path="/home/a/.ssh/id_ed25519", remote_dir="/in",
)  # fmt: skip


def test_profiles_crud_with_optimistic_locking(db: Database) -> None:
    cid, _ = add_customer(db.engine)
    with db.transaction() as conn:
        p = pr.save_profile(conn, customer_id=cid, **FIELDS)  # type: ignore[arg-type]
        assert pr.list_profiles(conn, cid) == [p] and p.version == 1 and not p.demo
    changed = FIELDS | {"port": 2222, "auth_kind": "password", "key_path": "ignored"}
    with db.transaction() as conn:
        p2 = pr.save_profile(
            conn,
            customer_id=cid,
            profile_id=p.id,
            version=p.version,
            **changed,  # type: ignore[arg-type]
        )
    assert p2.port == 2222 and p2.key_path is None and p2.version == p.version + 1
    with pytest.raises(pr.ProfileError) as info, db.transaction() as conn:
        pr.save_profile(conn, customer_id=cid, profile_id=p.id, version=p.version, **changed)  # type: ignore[arg-type]
    assert (info.value.kind, info.value.code) == ("stale", "transfers.profile_stale")
    with pytest.raises(pr.ProfileError) as info, db.transaction() as conn:
        pr.save_profile(conn, customer_id=cid, **FIELDS)  # type: ignore[arg-type]
    assert info.value.code == "transfers.profile_name_taken"
    with db.transaction() as conn:
        assert pr.list_profiles(conn, cid) == [p2]  # the refused saves changed nothing
        # Deleting the customer deletes its profiles.
        conn.execute(text("DELETE FROM customer"))
        assert pr.list_profiles(conn, cid) == []


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"auth_kind": "token"}, "transfers.profile_auth_kind"),
        ({"key_path": None}, "transfers.profile_key_missing"),
        ({"port": 70000}, "transfers.profile_port"),
        ({"host": "  "}, "transfers.profile_host"),
    ],
)
def test_invalid_profiles_are_refused(db: Database, change, code) -> None:  # type: ignore[no-untyped-def]
    cid, _ = add_customer(db.engine)
    with pytest.raises(pr.ProfileError) as info, db.transaction() as conn:
        pr.save_profile(conn, customer_id=cid, **(FIELDS | change))  # type: ignore[arg-type]
    assert (info.value.kind, info.value.code) == ("invalid", code)


def test_delete_and_the_demo_flag(db: Database) -> None:
    """Every demo server's profile is flagged (the demo data uses one port per customer)."""
    cid, _ = add_customer(db.engine)
    with db.transaction() as conn:
        for i in range(pr.DEMO_SERVERS + 1):
            pr.save_profile(
                conn, customer_id=cid, **(FIELDS | {"name": f"p{i}", "host": pr.DEMO_HOST,
                                                    "port": pr.DEMO_PORT + i})  # type: ignore[arg-type]
            )  # fmt: skip
        rows = pr.list_profiles(conn, cid)
    assert [r.demo for r in rows] == [True] * pr.DEMO_SERVERS + [False]
    with db.transaction() as conn:
        pr.delete_profile(conn, rows[0].id)
        assert [r.name for r in pr.list_profiles(conn, cid)] == [f"p{i}" for i in range(1, 7)]


def test_a_profile_of_a_deleted_customer_is_a_database_refusal(db: Database) -> None:
    from bowebb_console.domain.errors import ShownError

    with pytest.raises(ShownError) as info, db.transaction() as conn:
        pr.save_profile(conn, customer_id=424242, **FIELDS)  # type: ignore[arg-type]
    assert not isinstance(info.value, pr.ProfileError) and info.value.code == "db.refused"
