"""The first page of the customer list, read with the standard library's ``sqlite3``.

At start-up on the embedded database the lookup screen shows this page while SQLAlchemy and
the ORM models (about a second of imports on a loaded machine, holding the GIL) load in the
background. Same rows, same order and same texts as ``listing.list_customers`` (by name, then
id; the org number formatted), and the true number of customers; read in one snapshot from a
read-only connection that never creates the file. ``None`` when the file or the tables are
not (yet) there: the normal path then shows the list a moment later.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bowebb_console.domain.orgnr import OrgNumber


@dataclass(frozen=True)
class BrowseRow:
    id: int
    org_number: str  # NNNNNN-NNNN, as listing.CustomerRow
    name: str
    status: str
    dpa_signed: bool


def read_first_page(path: Path, limit: int) -> tuple[list[BrowseRow], int] | None:
    """(the first ``limit`` customers by name, how many customers there are)."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        conn.execute("BEGIN")  # both reads from one snapshot
        rows = conn.execute(
            "SELECT id, org_number, name, status, dpa_signed_on IS NOT NULL FROM customer "
            "ORDER BY name, id LIMIT ?",
            (limit,),
        ).fetchall()
        (total,) = conn.execute("SELECT count(*) FROM customer").fetchone()
        conn.execute("COMMIT")
        return [
            BrowseRow(r[0], OrgNumber(r[1]).formatted, r[2], r[3], bool(r[4])) for r in rows
        ], int(total)
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()
