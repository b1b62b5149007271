"""GUI fixtures: a task runner that must be idle and shut down, recording prompts, real
databases (SQLite filled with demo data, PostgreSQL with real logins), and the language."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QThreadPool

from bowebb_console.config import Paths, Settings
from bowebb_console.ui.i18n import install_translators, remove_translators
from bowebb_console.ui.kit.context import AppContext
from bowebb_console.ui.kit.prompts import RecordingPrompts
from bowebb_console.ui.kit.tasks import TaskRunner
from tests.keyrings import MemoryKeyring

PASSWORD = "correct horse battery staple 42"


@pytest.fixture
def memory_credentials():
    from bowebb_console.credentials import CredentialStore, dotted_name

    backend = MemoryKeyring()
    return CredentialStore(backend, trusted_backends={dotted_name(MemoryKeyring): "Test keyring"})


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    """A runner per test; the test fails if a task is still pending when it ends."""
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(10_000), "background tasks still running after the test"
    assert QThreadPool.globalInstance().activeThreadCount() == 0


@pytest.fixture
def prompts() -> RecordingPrompts:
    return RecordingPrompts()


@pytest.fixture
def language(qapp) -> Iterator[Callable[[str], None]]:  # type: ignore[no-untyped-def]
    """``language("sv")`` installs the Swedish translators for this test only."""
    yield lambda lang: install_translators(lang) or None
    remove_translators()


@pytest.fixture
def demo_url(sqlite_url: str) -> str:
    """A real embedded database with 50 demo companies and 150 contacts."""
    from bowebb_console.demo.fill import fill_demo
    from bowebb_console.store.db.engine import make_engine
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    engine = make_engine(sqlite_url)
    fill_demo(engine, companies=50, contacts=150)
    engine.dispose()
    return sqlite_url


@pytest.fixture
def make_ctx(
    fresh_paths: Paths, runner: TaskRunner, prompts: RecordingPrompts
) -> Iterator[Callable[..., AppContext]]:
    """Open a real database (blocking is fine in a fixture) and wrap it in an AppContext."""
    opened = []

    def make(url: str, *, role: str | None = None, settings: Settings | None = None) -> AppContext:
        from bowebb_console.services.admin import Identity, open_database

        database, identity = open_database(url)
        opened.append(database)
        if role is not None:  # the SQLite identity is always admin; tests try the others
            identity = Identity(user=identity.user, role=role, dialect=identity.dialect)
        return AppContext(
            paths=fresh_paths,
            settings=settings or Settings(),
            database=database,
            identity=identity,
            runner=runner,
            prompts=prompts,
            database_url=url,
        )

    yield make
    runner.shutdown(10_000)  # no task may touch a disposed engine
    for database in opened:
        database.dispose()
