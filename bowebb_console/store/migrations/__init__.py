"""Alembic migrations; run through bowebb_console.store.db.schema, never a separate alembic.ini."""
