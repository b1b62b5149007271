"""Database URLs: parsing with clear messages, and a form that is safe to show or log."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from bowebb_console.domain.errors import ShownError


class DatabaseUrlError(ShownError, ValueError):
    """A database URL that cannot be used; ``code`` is ``url.<why>``."""


SUPPORTED = ("sqlite", "postgresql")


def parse_database_url(text: str) -> URL:
    """Parse ``text``; only SQLite and PostgreSQL are accepted. ``postgresql://`` uses psycopg 3."""
    if not text or not text.strip():
        raise DatabaseUrlError("url.empty", "The database URL is empty.")
    try:
        url = make_url(text.strip())
    except ArgumentError:
        raise DatabaseUrlError(
            "url.malformed",
            "The database URL is malformed; expected e.g. postgresql://user@host/bowebb "
            "or sqlite:///path/to/file.sqlite3.",
        ) from None
    backend = url.get_backend_name()
    if backend not in SUPPORTED:
        raise DatabaseUrlError(
            "url.unsupported",
            f"Unsupported database {backend!r}: use PostgreSQL (shared) or SQLite (embedded).",
            {"backend": backend},
        )
    if backend == "postgresql":
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        if not url.database:
            raise DatabaseUrlError(
                "url.no_database", "The PostgreSQL URL names no database (…/bowebb)."
            )
    elif backend == "sqlite" and not url.database:
        raise DatabaseUrlError(
            "url.no_file", "The SQLite URL names no file (sqlite:///path/to/file.sqlite3)."
        )
    if url.port is not None and not 0 < url.port < 65536:
        raise DatabaseUrlError("url.bad_port", "The port in the database URL is out of range.")
    return url


def display_url(url: URL | str) -> str:
    """The URL without any password, for the status bar, messages and logs."""
    if isinstance(url, str):
        url = parse_database_url(url)
    if url.get_backend_name() == "sqlite":
        return f"SQLite: {url.database}"
    # Options the engine adds itself are noise for a person reading the status bar.
    query = {k: v for k, v in url.query.items() if k not in ("application_name", "connect_timeout")}
    shown = url.set(drivername="postgresql", query=query)._replace(password=None)
    return shown.render_as_string(hide_password=True)


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"
