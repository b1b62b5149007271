"""PostgreSQL logins for people: one login role per person, member of exactly one group role.

Passwords are hashed client-side with libpq's own SCRAM-SHA-256 (PQencryptPasswordConn), so
the plaintext never reaches the server (nor its statement log). Run by an admin whose login
may create roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import psycopg
from psycopg import sql
from sqlalchemy import Connection, text

from bowebb_console.domain.errors import ShownError
from bowebb_console.store.db.errors import first_line
from bowebb_console.store.db.grants import ROLES, group_role
from bowebb_console.store.db.setup import role_prefix

_NAME = re.compile(r"^[a-z][a-z0-9_.-]{0,62}$")
MIN_PASSWORD = 10


class UserError(ShownError, ValueError):
    """A login cannot be added or changed; ``code`` is ``users.<why>``."""


@dataclass(frozen=True)
class UserInfo:
    name: str
    role: str
    can_login: bool


def check_user_name(name: str) -> str:
    if not _NAME.match(name or ""):
        raise UserError(
            "users.bad_name",
            "A user name is 1–63 lower-case letters, digits, '.', '-' or '_', "
            "starting with a letter.",
        )
    if name.startswith("pg_"):
        raise UserError(
            "users.reserved_name", "User names starting with pg_ are reserved by PostgreSQL."
        )
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(
            "users.unknown_role",
            f"Unknown role {role!r}; use one of: {', '.join(ROLES)}.",
            {"role": role},
        )
    return role


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError(
            "users.short_password",
            f"The password must be at least {MIN_PASSWORD} characters.",
            {"min": MIN_PASSWORD},
        )
    if "\x00" in password:
        raise UserError("users.nul_password", "The password contains a NUL character.")
    return password


def _role_exists(conn: Connection, name: str) -> bool:
    return bool(
        conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar()
    )


def _exec(conn: Connection, statement: sql.Composable) -> None:
    # Role DDL cannot take bound parameters; psycopg's sql module quotes names and literals.
    raw = conn.connection.dbapi_connection
    assert isinstance(raw, psycopg.Connection)
    try:
        with raw.cursor() as cur:
            cur.execute(statement)
    except psycopg.Error as exc:
        reason = first_line(exc)
        if exc.sqlstate is None:  # raised by the driver, not the server
            raise UserError(
                "users.failed", f"the request could not be sent: {reason}", {"detail": reason}
            ) from None
        raise UserError(
            "users.refused", f"the server refused: {reason}", {"detail": reason}
        ) from None


def _groups(conn: Connection) -> dict[str, str]:
    prefix = role_prefix(conn)
    return {role: group_role(prefix, role) for role in ROLES}


def add_user(conn: Connection, name: str, role: str, password: str) -> None:
    check_user_name(name)
    check_role(role)
    check_password(password)
    if _role_exists(conn, name):
        raise UserError(
            "users.exists", f"A database login named {name!r} already exists.", {"name": name}
        )
    raw = conn.connection.dbapi_connection
    assert raw is not None
    verifier = raw.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    _exec(
        conn,
        sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
            sql.Identifier(name),
            sql.Literal(verifier.decode()),
            sql.Identifier(_groups(conn)[role]),
        ),
    )


def list_users(conn: Connection) -> list[UserInfo]:
    groups = _groups(conn)
    users: dict[str, UserInfo] = {}
    # Highest role wins when someone is (wrongly) in more than one group.
    for role in ROLES:
        rows = conn.execute(
            text(
                "SELECT m.rolname, m.rolcanlogin FROM pg_auth_members am "
                "JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member "
                "WHERE g.rolname = :g ORDER BY m.rolname"
            ),
            {"g": groups[role]},
        )
        for member, can_login in rows:
            users[member] = UserInfo(member, role, bool(can_login))
    return sorted(users.values(), key=lambda u: u.name)


def _require_user(conn: Connection, name: str) -> None:
    check_user_name(name)
    if not any(u.name == name for u in list_users(conn)):
        raise UserError(
            "users.unknown", f"No BoWebb user named {name!r} in this database.", {"name": name}
        )


def set_role(conn: Connection, name: str, role: str) -> None:
    check_role(role)
    _require_user(conn, name)
    groups = _groups(conn)
    for other, group in groups.items():
        if other != role:
            _exec(
                conn,
                sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), sql.Identifier(name)),
            )
    _exec(
        conn, sql.SQL("GRANT {} TO {}").format(sql.Identifier(groups[role]), sql.Identifier(name))
    )


def set_password(conn: Connection, name: str, password: str) -> None:
    _require_user(conn, name)
    check_password(password)
    raw = conn.connection.dbapi_connection
    assert raw is not None
    verifier = raw.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    _exec(
        conn,
        sql.SQL("ALTER ROLE {} PASSWORD {}").format(
            sql.Identifier(name), sql.Literal(verifier.decode())
        ),
    )


def disable_user(conn: Connection, name: str) -> int:
    """Refuse new logins and end the user's open connections; returns how many were ended."""
    _require_user(conn, name)
    _exec(conn, sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(name)))
    ended = conn.execute(
        text(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE usename = :n AND pid <> pg_backend_pid()"
        ),
        {"n": name},
    ).scalar()
    return int(ended or 0)


def enable_user(conn: Connection, name: str) -> None:
    _require_user(conn, name)
    _exec(conn, sql.SQL("ALTER ROLE {} LOGIN").format(sql.Identifier(name)))
