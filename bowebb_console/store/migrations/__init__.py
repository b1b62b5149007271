"""Alembic migrations; run through bowebb_console.store.schema, never a separate alembic.ini."""
