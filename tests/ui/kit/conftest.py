"""A small row model over frozen rows, shared by the kit's table tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from bowebb_console.ui.kit.rows import Column, RowTableModel, iso_date
from tests.store.security.conftest import logins  # noqa: F401 - a fixture (real logins)


@dataclass(frozen=True)
class Company:
    name: str
    contacts: int
    due: dt.date | None


class CompanyModel(RowTableModel[Company]):
    CONTEXT = "CompanyModel"
    COL_NAME, COL_CONTACTS, COL_DUE = range(3)
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("CompanyModel", "Name"), lambda r: r.name, lambda r: r.name),
        Column(
            QT_TRANSLATE_NOOP("CompanyModel", "Contacts"),
            lambda r: str(r.contacts),
            lambda r: r.contacts,
            Qt.AlignmentFlag.AlignRight,
        ),
        Column(
            QT_TRANSLATE_NOOP("CompanyModel", "Hard delete due"),
            lambda r: iso_date(r.due),
            lambda r: r.due,
        ),
    )


ROWS = (
    Company("Öberg Bygg AB", 9, dt.date(2026, 3, 1)),
    Company("Åkesson El", 10, None),
    Company("Zetterlund Data", 2, dt.date(2025, 12, 24)),
    Company("adam Måleri", 100, dt.date(2026, 1, 5)),
)


@pytest.fixture
def companies(qapp) -> CompanyModel:  # type: ignore[no-untyped-def]
    model = CompanyModel()
    model.set_rows(ROWS)
    return model
