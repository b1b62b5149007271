"""Importing companies and contacts from a CSV file (``bowebb-console import FILE --db URL``).

File format
-----------
- Encoding UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8" writes one).
- Delimiter ``,`` or ``;`` (Excel with Swedish settings writes ``;``), detected from the
  header line. Fields may be quoted with ``"``.
- The first line is a header naming the columns, in any order, case-insensitive:

  ============== ======== ==================================================================
  column         required meaning
  ============== ======== ==================================================================
  org_number     yes      organisation number: ``556680-9827``, ``5566809827``,
                          ``165566809827`` or ``SE556680982701`` (check digit verified)
  company_name   yes      the company's name
  status         no       ``trial``, ``active`` or ``terminated``; blank: ``active`` for a
                          new customer, unchanged for an existing one
  contact_name   yes      the contact person's name
  email          yes      the contact's e-mail address
  phone          no       ``070-123 45 67``, ``+46 70 123 45 67``…; stored as E.164
  title          no       the contact's role at the customer, e.g. ``VD``
  ============== ======== ==================================================================

- One row per contact; the company columns are repeated on each of its contacts' rows and
  must agree (same name and status for the same org number).

Behaviour
---------
- Every row is checked first; any bad row (line number, column, why: bad check digit,
  missing e-mail, duplicate org number with different company data, duplicate e-mail for
  the same company, …) means nothing is imported. ``--dry-run`` reports the same and never
  changes anything, also when all rows are good.
- A real import is all-or-nothing: one transaction.
- Existing customers are matched by org number and updated, not duplicated; their existing
  contacts are matched by e-mail address and updated. Nothing is deleted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from bowebb_console.domain.contact_info import clean_name, normalise_email, normalise_phone
from bowebb_console.domain.errors import ShownError, ValidationError
from bowebb_console.domain.orgnr import OrgNumber, parse_orgnr
from bowebb_console.domain.search_text import fold
from bowebb_console.store.models import Contact, Customer, CustomerStatus

COLUMNS = ("org_number", "company_name", "status", "contact_name", "email", "phone", "title")
REQUIRED = ("org_number", "company_name", "contact_name", "email")
STATUSES = tuple(s.value for s in CustomerStatus)
MAX_FILE_BYTES = 50 * 1024 * 1024
TITLE_MAX = 100


class ImportFileError(ShownError, ValueError):
    """The file as a whole cannot be read (encoding, header); a one-line reason.

    Codes ``import.too_large``, ``import.not_utf8``, ``import.no_header``,
    ``import.unknown_column``, ``import.missing_column``, ``import.column_twice``,
    ``import.too_many_fields``, ``import.bad_csv``, ``import.unreadable``."""

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(f"import.{code}", message, params)


@dataclass(frozen=True)
class RowError:
    """One bad value: ``reason`` in English (CLI), ``code`` and ``params`` for the UI."""

    line: int
    column: str
    reason: str
    code: str = ""
    params: Mapping[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"line {self.line}, {self.column}: {self.reason}"


@dataclass(frozen=True)
class ImportReport:
    rows: int
    customers_created: int
    customers_updated: int
    contacts_created: int
    contacts_updated: int
    errors: tuple[RowError, ...]
    dry_run: bool

    @property
    def applied(self) -> bool:
        return not self.dry_run and not self.errors

    def summary(self) -> str:
        verb = "would import" if self.dry_run else "imported"
        return (
            f"{verb} {self.rows} rows: {self.customers_created} new and "
            f"{self.customers_updated} updated customers, {self.contacts_created} new and "
            f"{self.contacts_updated} updated contacts"
        )


@dataclass
class _Company:
    line: int
    org: str
    name: str
    status: str | None
    contacts: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict)


def read_rows(data: bytes) -> list[tuple[int, dict[str, str]]]:
    """(line number, row by column name) for every data row; ImportFileError if unreadable."""
    if len(data) > MAX_FILE_BYTES:
        megabytes = MAX_FILE_BYTES // 1024 // 1024
        raise ImportFileError(
            "too_large", f"the file is larger than {megabytes} MB", megabytes=megabytes
        )
    try:
        content = data.decode("utf-8-sig")  # strips the BOM Excel writes
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            "not_utf8",
            f"the file is not UTF-8 (byte {exc.start + 1}): save it as 'CSV UTF-8' in Excel",
            byte=exc.start + 1,
        ) from None
    header_line = content.split("\n", 1)[0]
    if not header_line.strip():
        raise ImportFileError("no_header", "the file is empty or has no header line")
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [h.strip().lstrip("\ufeff").lower() for h in next(reader)]
        unknown = [h for h in header if h not in COLUMNS]
        if unknown:
            raise ImportFileError(
                "unknown_column",
                f"line 1: unknown column {unknown[0]!r}; the columns are {', '.join(COLUMNS)}",
                column=unknown[0],
                columns=", ".join(COLUMNS),
            )
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise ImportFileError(
                "missing_column",
                f"line 1: required column {missing[0]!r} is missing",
                column=missing[0],
            )
        if len(set(header)) != len(header):
            raise ImportFileError("column_twice", "line 1: a column is named twice")
        rows: list[tuple[int, dict[str, str]]] = []
        line = reader.line_num + 1
        for values in reader:
            if any(v.strip() for v in values):
                if len(values) > len(header):
                    raise ImportFileError(
                        "too_many_fields",
                        f"line {line}: {len(values)} fields but the header has {len(header)}",
                        line=line,
                        fields=len(values),
                        header=len(header),
                    )
                padded = values + [""] * (len(header) - len(values))
                rows.append((line, dict(zip(header, padded, strict=True))))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(
            "bad_csv", f"line {reader.line_num}: {exc}", line=reader.line_num, detail=exc
        ) from None
    return rows


def _check_row(line: int, row: dict[str, str], errors: list[RowError]) -> dict[str, Any]:
    values: dict[str, Any] = {}

    def check(column: str, fn: Any) -> None:
        try:
            values[column] = fn(row.get(column, ""))
        except ValidationError as exc:
            errors.append(RowError(line, column, exc.message, exc.code, exc.params))

    check("org_number", lambda v: parse_orgnr(v).digits)
    check("company_name", lambda v: clean_name(v, "company_name"))
    check("status", _status)
    check("contact_name", lambda v: clean_name(v, "contact_name"))
    check("email", normalise_email)
    check("phone", lambda v: normalise_phone(v) if v.strip() else None)
    check("title", lambda v: clean_name(v, "title", TITLE_MAX) if v.strip() else None)
    return values


def _status(value: str) -> str | None:
    value = value.strip().lower()
    if not value:
        return None
    if value not in STATUSES:
        raise ValidationError(
            "status",
            f"Status must be one of {', '.join(STATUSES)}.",
            "customers.status_unknown",
            {"statuses": ", ".join(STATUSES)},
        )
    return value


def check_rows(
    rows: list[tuple[int, dict[str, str]]],
) -> tuple[dict[str, _Company], list[RowError]]:
    """Validate every row and group contacts by company; all errors, in line order."""
    errors: list[RowError] = []
    companies: dict[str, _Company] = {}
    for line, row in rows:
        values = _check_row(line, row, errors)
        # The company columns are checked against other rows even when the contact's are
        # bad, so a duplicate org number is reported on every line it concerns.
        if not {"org_number", "company_name", "status"} <= values.keys():
            continue
        org = values["org_number"]
        company = companies.get(org)
        if company is None:
            company = companies[org] = _Company(line, org, values["company_name"], values["status"])
        elif company.name != values["company_name"] or company.status != values["status"]:
            what = "company name" if company.name != values["company_name"] else "status"
            formatted = OrgNumber(org).formatted
            errors.append(
                RowError(
                    line,
                    "org_number",
                    f"duplicate org number {formatted} with a different {what} "
                    f"than line {company.line}",
                    "import.duplicate_org_" + ("name" if what == "company name" else "status"),
                    {"org_number": formatted, "line": str(company.line)},
                )
            )
            continue
        if len(values) < len(COLUMNS):
            continue
        key = fold(values["email"])
        if key in company.contacts:
            first = company.contacts[key][0]
            errors.append(
                RowError(
                    line,
                    "email",
                    f"duplicate e-mail for this company (also on line {first})",
                    "import.duplicate_email",
                    {"line": str(first)},
                )
            )
            continue
        company.contacts[key] = (line, values)
    errors.sort(key=lambda e: (e.line, COLUMNS.index(e.column)))
    return companies, errors


def import_csv(conn: Connection, data: bytes, *, dry_run: bool = False) -> ImportReport:
    """Check and (unless ``dry_run`` or any row is bad) apply the file in the caller's
    transaction; the caller commits. ImportFileError if the file cannot be read at all."""
    rows = read_rows(data)
    companies, errors = check_rows(rows)
    with Session(bind=conn) as session:
        counts = _apply(session, companies, write=not (dry_run or errors))
    return ImportReport(
        rows=len(rows),
        customers_created=counts[0],
        customers_updated=counts[1],
        contacts_created=counts[2],
        contacts_updated=counts[3],
        errors=tuple(errors),
        dry_run=dry_run,
    )


def _apply(session: Session, companies: dict[str, _Company], *, write: bool) -> list[int]:
    """[customers created, updated, contacts created, updated]; written only if ``write``."""
    counts = [0, 0, 0, 0]
    existing = (
        {
            c.org_number: c
            for c in session.scalars(
                select(Customer).where(Customer.org_number.in_(list(companies)))
            ).all()
        }
        if companies
        else {}
    )
    for org, company in companies.items():
        customer = existing.get(org)
        if customer is None:
            counts[0] += 1
            counts[2] += len(company.contacts)
            if write:
                customer = Customer(
                    org_number=org,
                    name=company.name,
                    status=company.status or CustomerStatus.ACTIVE.value,
                )
                session.add(customer)
                customer.contacts = [_new_contact(v) for _, v in company.contacts.values()]
            continue
        counts[1] += 1
        known = {c.email_folded: c for c in customer.contacts}
        if write:
            customer.name = company.name
            if company.status:
                customer.status = company.status
        for key, (_, values) in company.contacts.items():
            contact = known.get(key)
            if contact is None:
                counts[2] += 1
                if write:
                    customer.contacts.append(_new_contact(values))
            else:
                counts[3] += 1
                if write:
                    contact.name = values["contact_name"]
                    contact.email = values["email"]
                    contact.phone = values["phone"]
                    contact.title = values["title"]
    if write:
        session.flush()
    return counts


def _new_contact(values: dict[str, Any]) -> Contact:
    return Contact(
        name=values["contact_name"],
        email=values["email"],
        phone=values["phone"],
        title=values["title"],
    )


def import_file(conn: Connection, path: Path, *, dry_run: bool = False) -> ImportReport:
    try:
        data = path.read_bytes()
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise ImportFileError(
            "unreadable", f"cannot read {path}: {detail}", path=path, detail=detail
        ) from None
    return import_csv(conn, data, dry_run=dry_run)
