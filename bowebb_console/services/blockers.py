"""Sessions that block others, and ending one (issue 13, item 13).

Any write gives up after the connection's lock timeout with a ``db.locked`` error that names
the session in the way (store.db.blockers). A team lead or admin then ends that session here,
from the console or with ``bowebb-console db blockers --end PID``; the database checks the
role (the functions of migration 0010), so this module adds no rule of its own beyond saying
clearly that an embedded SQLite database has no sessions to end.
"""

from __future__ import annotations

import logging
import uuid

from sqlalchemy.exc import DBAPIError

from bowebb_console.domain.errors import ShownError
from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.services.database import Database, transaction
from bowebb_console.store.db import blockers as store
from bowebb_console.store.db.blockers import Blocker
from bowebb_console.store.db.errors import driver_error
from bowebb_console.store.log.chain import write_event

__all__ = ["Blocker", "end_session", "list_blockers"]

log = logging.getLogger(__name__)
ENDED_KIND = "backend_ended"  # leads and admins only (migration 0009's kind rules)


def _postgres_only(db: Database) -> None:
    if db.dialect != "postgresql":
        raise ShownError(
            "blockers.sqlite",
            "An embedded SQLite database has no sessions to list or end; a program that holds "
            "its file's lock has to finish (or be closed).",
        )


def list_blockers(db: Database) -> list[Blocker]:
    """Every session another one waits for, oldest first, with who waits (leads, admins)."""
    _postgres_only(db)
    with transaction(db, write=False) as conn:
        return store.list_blockers(conn)


def end_session(db: Database, pid: int) -> str:
    """End session ``pid`` (a BoWebb login's; never a superuser's or your own); the login it
    belonged to. Its open transaction is rolled back: nothing it had not committed is kept."""
    _postgres_only(db)
    try:
        with db.engine.connect() as conn, conn.begin():
            login = store.end_backend(conn, pid)
            # The audit trail: who ended whose session (the database names the actor).
            write_event(
                conn,
                ENDED_KIND,
                str(uuid.uuid4()),
                str(uuid.uuid4()),
                canonical_payload({"pid": pid, "login": login}),
                None,
            )
    except DBAPIError as exc:
        raise driver_error(exc) from exc
    log.info("ended database session %s", pid)  # the pid only: no login in the log file
    return login
