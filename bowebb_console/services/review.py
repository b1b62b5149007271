"""Team-lead review: the session list and its flags, reviews, exports, and the log's integrity.

Verification lives here because it is a lead's tool (the Review screen's button, the
Sessions screen's button and ``bowebb-console verify-log`` all call :func:`verify_log`).
"""

from __future__ import annotations

from collections.abc import Callable

from bowebb_console.domain.hashchain import VerifyResult
from bowebb_console.services.database import Database, transaction
from bowebb_console.store.log import verify as store_verify
from bowebb_console.store.log.chain import Head
from bowebb_console.store.log.chain import log_head as store_log_head
from bowebb_console.store.log.verify import default_workers
from bowebb_console.store.review.fold import rebuild_summaries as store_rebuild

__all__ = ["Head", "VerifyResult", "default_workers", "log_head", "rebuild_summaries", "verify_log"]


def verify_log(
    db: Database,
    *,
    anchor: str | None = None,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    workers: int = 1,
) -> VerifyResult:
    """Recompute the whole chain; the result names the first problem, if any."""
    return store_verify.verify_log(
        db.engine, anchor=anchor, progress=progress, cancel=cancel, workers=workers
    )


def log_head(db: Database) -> Head:
    """The last event's position and hash, to keep outside the database as an anchor."""
    return store_log_head(db.engine)


def rebuild_summaries(db: Database) -> int:
    """Recompute the session summary from the log (after a restore or an erasure)."""
    with transaction(db) as conn:
        return store_rebuild(conn)
