"""The one explicit context handed to every view's constructor (no globals, no event bus)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bowebb_console.config import Paths, Settings
from bowebb_console.ui.kit.changes import Changes

if TYPE_CHECKING:  # keeps SQLAlchemy and keyring off the import path of the GUI
    from bowebb_console.credentials import CredentialStore
    from bowebb_console.services.database import Database, Identity
    from bowebb_console.ui.kit.prompts import Prompts
    from bowebb_console.ui.kit.tasks import TaskRunner


@dataclass
class AppContext:
    paths: Paths
    settings: Settings  # the live settings; the Settings dialog updates it after saving
    database: Database
    identity: Identity
    runner: TaskRunner
    prompts: Prompts
    database_url: str  # as resolved (--db, environment or settings); never holds a password
    credentials: CredentialStore | None = None  # None: no keyring needed/available this run
    # One change signal per kind of record (ui/kit/changes.py): screens emit and listen.
    changes: Changes = field(default_factory=Changes)

    @property
    def is_sqlite(self) -> bool:
        return self.identity.dialect == "sqlite"

    @property
    def is_lead(self) -> bool:
        return self.identity.role in ("lead", "admin")
