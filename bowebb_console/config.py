"""Where the console keeps its files, and the per-user settings.

Paths come from platformdirs, overridable with BOWEBB_CONFIG_DIR / BOWEBB_DATA_DIR /
BOWEBB_LOG_DIR (tests, portable installs). Settings are a small JSON file in the config dir,
written atomically. Nothing secret is ever stored here: a database URL with a password in it
is refused.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

APP_NAME = "bowebb-console"
APP_AUTHOR = "BoWebb"
ENV_DATABASE_URL = "BOWEBB_DATABASE_URL"
SQLITE_FILENAME = "bowebb-console.sqlite3"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Paths:
    config_dir: Path
    data_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def default_sqlite(self) -> Path:
        return self.data_dir / SQLITE_FILENAME

    @property
    def journal_dir(self) -> Path:
        """The erasure journal's folder on SQLite when the database names none: beside the
        data dir, not in it (the database file's folder is restored with the database)."""
        return self.data_dir.with_name(self.data_dir.name + "-journal")

    @property
    def written_files(self) -> Path:
        """This machine's list of files the console wrote per customer (downloads, notice
        exports), which a purge deletes (store.erasure.written)."""
        return self.data_dir / "written-files.jsonl"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "bowebb-console.log"

    @classmethod
    def from_environment(cls) -> Paths:
        env = os.environ
        return cls(
            config_dir=Path(
                env.get("BOWEBB_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)
            ),
            data_dir=Path(
                env.get("BOWEBB_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)
            ),
            log_dir=Path(
                env.get("BOWEBB_LOG_DIR") or platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)
            ),
        )


class SettingsError(ValueError):
    pass


LANGUAGES = ("sv", "en")


@dataclass
class Settings:
    """Per-user settings. Defaults are what a new workstation gets."""

    database_url: str = ""  # empty: the embedded SQLite file in the data dir
    language: str = ""  # "sv", "en" or empty for the system locale
    # The grace period, trial period and session-log retention are the database's, one for
    # every workstation (store.db.lifecycle); an old file's fields for them are ignored.
    idle_lock_minutes: int = 15
    # Review: sessions beyond these limits are flagged automatically.
    review_max_hours: int = 2
    review_max_files: int = 20
    review_max_megabytes: int = 500
    last_user: str = ""
    # Unused since the journal's place is the database's (store.erasure.journal.place_of);
    # kept so an old settings file still loads.
    erasure_journal_path: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    def validate(self) -> None:
        if self.language and self.language not in LANGUAGES:
            raise SettingsError(f"Unknown language {self.language!r}; use sv or en.")
        if not 1 <= self.idle_lock_minutes <= 480:
            raise SettingsError("The idle lock must be between 1 and 480 minutes.")
        if not 1 <= self.review_max_hours <= 48:
            raise SettingsError("The review's session-length limit must be 1 to 48 hours.")
        if not 1 <= self.review_max_files <= 100_000 or self.review_max_megabytes < 1:
            raise SettingsError("The review's file limits must be at least 1.")
        if self.database_url:
            # Imported here: keeps SQLAlchemy off the settings path for callers that need none.
            from bowebb_console.store.db.urls import parse_database_url

            url = parse_database_url(self.database_url)
            if url.password:
                raise SettingsError(
                    "The database URL must not contain a password: the password is kept in "
                    "the system keyring."
                )


def load_settings(paths: Paths) -> Settings:
    """Read the settings file; a missing or damaged file gives defaults (and is kept aside)."""
    path = paths.settings_file
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not an object")
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file unreadable (%s); using defaults", type(exc).__name__)
        with contextlib.suppress(OSError):  # keep the damaged file for a person to look at
            path.replace(path.with_suffix(".damaged.json"))
        return Settings()
    known = {f.name for f in fields(Settings)} - {"extra"}
    values = {k: v for k, v in raw.items() if k in known}
    settings = Settings()
    for key, value in values.items():
        if isinstance(value, type(getattr(settings, key))):
            setattr(settings, key, value)
    try:
        settings.validate()
    except SettingsError as exc:
        log.warning("settings invalid (%s); using defaults for the bad values", exc)
        fresh = Settings()
        for f in fields(Settings):
            try:
                probe = Settings(**{f.name: getattr(settings, f.name)})
                probe.validate()
            except SettingsError:
                setattr(settings, f.name, getattr(fresh, f.name))
    return settings


def save_settings(paths: Paths, settings: Settings) -> None:
    """Validate, then write atomically (temp file + rename) so a crash never leaves half a file."""
    settings.validate()
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    data = json.dumps(asdict(settings), indent=2, ensure_ascii=False)
    fd, tmp = tempfile.mkstemp(dir=paths.config_dir, prefix=".settings-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, paths.settings_file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def resolve_database_url(cli_url: str | None, settings: Settings, paths: Paths) -> str:
    """``--db`` beats ``BOWEBB_DATABASE_URL`` beats the settings; default: embedded SQLite."""
    for candidate in (cli_url, os.environ.get(ENV_DATABASE_URL), settings.database_url):
        if candidate and candidate.strip():
            return candidate.strip()
    return f"sqlite:///{paths.default_sqlite.as_posix()}"
