"""Shared fixtures: fresh paths and settings per test, real SQLite and PostgreSQL databases.

PostgreSQL: each test that asks for one gets a uniquely named database and a unique group-role
prefix (group roles are cluster-wide), dropped afterwards. Outside CI a missing server skips
those tests with one line; under CI (CI=true) it fails them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_ADMIN_URL = os.environ.get("BOWEBB_TEST_PG", "postgresql://root@127.0.0.1:5432/test")
UNDER_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


@pytest.fixture(autouse=True)
def fresh_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own config, data and log dirs, and no inherited database URL."""
    from bowebb_console.config import Paths

    for name in ("config", "data", "log"):
        (tmp_path / name).mkdir()
    monkeypatch.setenv("BOWEBB_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("BOWEBB_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BOWEBB_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.delenv("BOWEBB_DATABASE_URL", raising=False)
    return Paths.from_environment()


def _pg_admin_engine():
    from sqlalchemy import create_engine

    from bowebb_console.store.db.urls import parse_database_url

    return create_engine(parse_database_url(PG_ADMIN_URL), isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_available() -> bool:
    from sqlalchemy import text

    try:
        engine = _pg_admin_engine()
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception as exc:
        if UNDER_CI:
            pytest.fail(f"PostgreSQL is required under CI but did not answer: {exc}")
        return False


class PgDatabase:
    """A throw-away PostgreSQL database plus the role names a test may create in it."""

    def __init__(self, name: str, role_prefix: str) -> None:
        from bowebb_console.store.db.urls import parse_database_url

        self.name = name
        self.role_prefix = role_prefix
        self.admin_url = parse_database_url(PG_ADMIN_URL).set(database=name)
        self.logins: list[str] = []

    def url_for(self, user: str, password: str | None = None) -> str:
        url = self.admin_url.set(username=user, password=password)
        return url.render_as_string(hide_password=False)

    @property
    def admin_url_str(self) -> str:
        return self.admin_url.render_as_string(hide_password=False)

    def login_name(self, base: str = "user") -> str:
        name = unique(f"{self.role_prefix}_{base}")
        self.logins.append(name)
        return name


@pytest.fixture
def pg_db(pg_available: bool) -> Iterator[PgDatabase]:
    """An empty, uniquely named PostgreSQL database (not initialised)."""
    from sqlalchemy import text

    if not pg_available:
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}")
    db = PgDatabase(unique("bowebb_test"), unique("t"))
    admin = _pg_admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{db.name}"'))
    try:
        yield db
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{db.name}" WITH (FORCE)'))
            rows = conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
                {"p": db.role_prefix.replace("_", r"\_") + r"\_%"},
            ).scalars()
            names = list(rows)
            # Members first, group roles last.
            for role in sorted(names, key=lambda r: r.endswith(("_agent", "_lead", "_admin"))):
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{(tmp_path / 'data' / 'test.sqlite3').as_posix()}"


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request: pytest.FixtureRequest, sqlite_url: str) -> Iterator[str]:
    """An initialised database URL of each dialect, with admin rights (store tests)."""
    from bowebb_console.store.db.setup import init_database

    if request.param == "sqlite":
        init_database(sqlite_url)
        yield sqlite_url
    else:
        db: PgDatabase = request.getfixturevalue("pg_db")
        init_database(db.admin_url_str, role_prefix=db.role_prefix)
        yield db.admin_url_str


# --- A private PostgreSQL cluster with password (SCRAM) authentication --------------------
# The machine's server trusts loopback connections, so wrong-password and disabled-login
# behaviour is tested against a throw-away cluster of our own that checks passwords.


def _pg_bin() -> Path | None:
    import shutil

    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    base = Path("/usr/lib/postgresql")
    versions = sorted(base.glob("*/bin/initdb")) if base.exists() else []
    return versions[-1].parent if versions else None


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def pg_scram() -> Iterator[str]:
    """Admin URL (with password) of a private cluster that requires SCRAM passwords."""
    import shutil
    import subprocess
    import tempfile

    bindir = _pg_bin()
    if bindir is None:
        if UNDER_CI:
            pytest.fail("PostgreSQL server binaries (initdb) are required under CI")
        pytest.skip("PostgreSQL server binaries (initdb) not found")
    # Not under pytest's tmp dir: that is private to root, and the server runs as postgres.
    root = Path(tempfile.mkdtemp(prefix="bowebb-pgscram-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    pwfile = root / "pw"
    password = uuid.uuid4().hex
    pwfile.write_text(password)
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        run_as = ["runuser", "-u", "postgres", "--"]
        subprocess.run(["chown", "-R", "postgres", str(root)], check=True)
        root.chmod(0o755)
    port = free_port()
    subprocess.run(
        [
            *run_as,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-A",
            "scram-sha-256",
            "-U",
            "pgadmin",
            f"--pwfile={pwfile}",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
    )
    opts = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *run_as,
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            opts,
            "-w",
            "-l",
            str(root / "log"),
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://pgadmin:{password}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)
