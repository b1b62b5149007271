"""Who holds the lock a session waits for, and ending such a session (issue 13, item 13).

One login can take a lock (the log's chain head, a customer row) and sit on it: idle in its
transaction with its own ``idle_in_transaction_session_timeout`` set to 0, or running a
statement that never ends. Every other client gives up after its ``lock_timeout``
(store.db.engine) instead of waiting without limit, and says who is in the way:

- :func:`watching` registers a transaction with one process-wide watcher thread. A
  transaction still running after ``WATCH_AFTER_S`` is looked at (and again every
  ``WATCH_EVERY_S``) on a second connection: ``public.bowebb_blockers_of(pid)`` names the
  sessions it waits for. The names are taken *while* it waits: once the lock timeout has
  cancelled the wait, PostgreSQL no longer knows whom it was waiting for. A transaction that
  ends sooner costs a set insertion and removal, no query and no thread wake-up.
- :func:`list_blockers` (leads and admins) lists every session another one waits for, and
  :func:`end_backend` ends one (``public.bowebb_end_backend``, migration 0010).

The functions are SECURITY DEFINER (owned by the NOLOGIN session-guard role, which may read
every session's state and signal BoWebb logins' backends): an ordinary login sees neither
the state nor the transaction start of another login's session in ``pg_stat_activity``.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

WATCH_AFTER_S = 0.5
WATCH_EVERY_S = 1.0


@dataclass(frozen=True)
class Blocker:
    """A session that holds a lock others wait for. ``since``: the start of its transaction
    (how long it has held its locks, at most); ``waiting_*``: who waits for it."""

    pid: int
    login: str
    application: str
    state: str
    since: dt.datetime | None
    waiting_pids: tuple[int, ...] = ()
    waiting_logins: tuple[str, ...] = ()

    def since_text(self) -> str:
        """The transaction's start as local HH:MM (what a person compares with a clock)."""
        return self.since.astimezone().strftime("%H:%M") if self.since else "?"


def _blocker(row: Sequence[Any]) -> Blocker:
    waiting = tuple(int(p) for p in (row[5] or ())) if len(row) > 5 else ()
    logins = tuple(str(n) for n in (row[6] or ())) if len(row) > 6 else ()
    return Blocker(
        int(row[0]), str(row[1] or ""), str(row[2] or ""), str(row[3] or ""), row[4], waiting,
        logins,
    )  # fmt: skip


def blockers_of(conn: Connection, pid: int) -> list[Blocker]:
    """The sessions backend ``pid`` (one of the caller's own) is waiting for, oldest first."""
    rows = conn.execute(
        text(
            "SELECT pid, login, application, state, since "
            "FROM public.bowebb_blockers_of(:pid) ORDER BY since NULLS LAST, pid"
        ),
        {"pid": pid},
    )
    return [_blocker(r) for r in rows]


def list_blockers(conn: Connection) -> list[Blocker]:
    """Every session of this database another one waits for (leads and admins only)."""
    rows = conn.execute(
        text(
            "SELECT pid, login, application, state, since, waiting_pids, waiting_logins "
            "FROM public.bowebb_blockers() ORDER BY since NULLS LAST, pid"
        )
    )
    return [_blocker(r) for r in rows]


def end_backend(conn: Connection, pid: int) -> str:
    """End session ``pid`` (a BoWebb login's, in this database; never a superuser's or the
    caller's own); returns its login. Leads and admins only: the database checks."""
    return str(conn.execute(text("SELECT public.bowebb_end_backend(:pid)"), {"pid": pid}).scalar())


def backend_pid(conn: Connection) -> int:
    """The server process of ``conn`` (psycopg knows it without asking the server)."""
    info = getattr(conn.connection.dbapi_connection, "info", None)
    pid = getattr(info, "backend_pid", None)
    if isinstance(pid, int) and pid > 0:
        return pid
    return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


# --- the watcher ----------------------------------------------------------------------------


class Watch:
    """One watched transaction; ``holders`` is what the watcher found last (empty: nothing
    yet, or the transaction never waited)."""

    def __init__(self, engine: Engine, pid: int) -> None:
        self.engine = engine
        self.pid = pid
        self.due = time.monotonic() + WATCH_AFTER_S
        self.holders: tuple[Blocker, ...] = ()

    def look(self) -> None:
        try:
            with self.engine.connect() as conn:
                found = blockers_of(conn, self.pid)
        except DBAPIError:
            return  # the refusal then says "another session" without a name
        if found:
            self.holders = tuple(found)


class _Watcher:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._watches: set[Watch] = set()
        self._thread: threading.Thread | None = None
        self._idle = True  # waiting with no deadline: a new watch must wake it

    def add(self, watch: Watch) -> None:
        with self._cond:
            self._watches.add(watch)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="bowebb-lock-watcher", daemon=True
                )
                self._thread.start()
            elif self._idle:
                self._cond.notify()

    def discard(self, watch: Watch) -> None:
        with self._cond:
            self._watches.discard(watch)

    def _run(self) -> None:
        while True:
            with self._cond:
                now = time.monotonic()
                due = [w for w in self._watches if w.due <= now]
                if not due:
                    # Watches are added in deadline order, so a later one never needs an
                    # earlier wake-up than the one already planned.
                    wake = min((w.due for w in self._watches), default=None)
                    self._idle = wake is None
                    self._cond.wait(None if wake is None else wake - now)
                    continue
                for watch in due:
                    watch.due = now + WATCH_EVERY_S
            for watch in due:
                watch.look()


_WATCHER = _Watcher()


@contextmanager
def watching(conn: Connection) -> Iterator[Watch | None]:
    """Watch ``conn``'s transaction for lock waits while the block runs (PostgreSQL; None
    on SQLite, where the holder of the file's lock is another program)."""
    if conn.dialect.name != "postgresql":
        yield None
        return
    watch = Watch(conn.engine, backend_pid(conn))
    _WATCHER.add(watch)
    try:
        yield watch
    finally:
        _WATCHER.discard(watch)
