"""Customers and contacts: lookup, the customer card, edits, trials, CSV import, notices."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from bowebb_console.services.database import Database, transaction
from bowebb_console.store.customers import csv_import
from bowebb_console.store.customers.csv_import import ImportReport

__all__ = ["ImportReport", "import_file"]


def import_file(db: Database, path: Path, *, dry_run: bool = False) -> ImportReport:
    """Check the CSV file and, unless ``dry_run`` or any row is bad, apply it: all or nothing."""
    with transaction(db) as conn, Session(bind=conn) as session:
        report = csv_import.import_file(session, path, dry_run=dry_run)
        if report.applied:
            session.flush()
        else:
            conn.rollback()
        return report
