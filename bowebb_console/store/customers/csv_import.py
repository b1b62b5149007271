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
- It tells its progress and can be cancelled (``import_stream``); a cancelled import raises
  ImportCancelled out of that transaction, so it leaves nothing behind.
- Existing customers are matched by org number and updated, not duplicated; their existing
  contacts are matched by e-mail address and updated. Nothing is deleted.

Scale
-----
The file is read once and never held whole. The check keeps only what the cross-row rules
need (per org number its first line, name and status; per contact a 16-byte key of org number
and e-mail) and, while no row is bad, streams each checked contact with its search keys into
a temporary staging table (PostgreSQL: one COPY; SQLite: executemany); the companies follow
from what the check kept. Only when every row is good, the staged rows are matched to the
existing customers (by org number) and contacts (by customer and folded e-mail) with
set-based UPDATEs of the staging tables, and written with a few set-based statements per
table: UPDATE ... FROM for the rows whose values differ (unchanged rows are not rewritten: no
new version, index entries or change event) and INSERT ... SELECT for the new ones. On
PostgreSQL these run in ranges of ``PG_CHUNK`` staged rows, so each statement's recorded-change
event (one per statement, its statement trigger; migration 0023 builds its rows set-based)
stays a few MB. On SQLite the new rows' events are built in SQL from the inserted rows (the
noting triggers off for the load, see ``_Applier._insert``), a load that at least doubles a
table builds its indexes after the rows, and the FTS triggers are off for the load: the new
or changed rows are indexed in one statement each. A dry run stages and matches the same way
and writes nothing else. After a real import the planner statistics of both tables are
refreshed (ANALYZE), so the first searches after a bulk load are not slow.
"""

from __future__ import annotations

import codecs
import csv
import functools
import hashlib
import io
from collections.abc import Callable, Generator, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from itertools import chain, count
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from bowebb_console.domain.contact_info import clean_name, normalise_email, normalise_phone
from bowebb_console.domain.errors import ShownError, ValidationError
from bowebb_console.domain.orgnr import OrgNumber, parse_orgnr
from bowebb_console.domain.search_text import fold, strip_marks
from bowebb_console.store.db.errors import raw_cursor_errors
from bowebb_console.store.log import changes
from bowebb_console.store.models import CustomerStatus

COLUMNS = ("org_number", "company_name", "status", "contact_name", "email", "phone", "title")
REQUIRED = ("org_number", "company_name", "contact_name", "email")
STATUSES = tuple(s.value for s in CustomerStatus)
MAX_FILE_BYTES = 50 * 1024 * 1024
TITLE_MAX = 100
# Rows per SQLite INSERT into a staging table (9 columns: 9,000 parameters, within the 32,766
# of SQLite 3.32 and later; the search index's trigram tokenizer needs 3.34 anyway).
BATCH = 1000
PG_CHUNK = 5000  # staged rows per PostgreSQL INSERT/UPDATE statement (one change event each)
ANALYZE_FROM = 1000  # rows written before statistics are refreshed
# SQLite's page cache during a load, in KiB (the peak-memory floor is 300 MB: issue 17).
SQLITE_CACHE_KB = 64 * 1024
# SQLite FTS5's in-memory hash during a load, in bytes (its default: 1 MB; see _fts_hash). 64 MB
# took the import's peak memory to 304 MB (floor: 300 MB); 32 MB 261 MB, as fast.
SQLITE_FTS_HASH = 32 * 1024 * 1024
SQLITE_FTS_HASH_DEFAULT = 1024 * 1024
# SQLite's FTS5 tables (migration 0011) and what they index: a bulk import indexes its rows in
# one statement per batch instead of one trigger run per row (measured 4.6x faster).
SQLITE_FTS = {
    "customer": ("customer_fts", "name_plain, org_number"),
    "contact": ("contact_fts", "name_plain, email_folded"),
}


# A contact's columns as the import stages them (after the row number and org number) and
# writes them to ``contact``: one list for both.
CONTACT_FIELDS = ("name", "name_folded", "name_plain", "email", "email_folded", "phone", "title")


class ImportFileError(ShownError, ValueError):
    """The file as a whole cannot be read (encoding, header); a one-line reason.

    Codes ``import.too_large``, ``import.not_utf8``, ``import.no_header``,
    ``import.unknown_column``, ``import.missing_column``, ``import.column_twice``,
    ``import.too_many_fields``, ``import.bad_csv``, ``import.unreadable``."""

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(f"import.{code}", message, params)


class ImportCancelled(ShownError):
    """The user cancelled the import (code ``import.cancelled``); raised out of the caller's
    transaction, so nothing of it stays."""

    def __init__(self) -> None:
        super().__init__("import.cancelled", "the import was cancelled: nothing was imported")


Progress = Callable[[int], None] | None
Cancel = Callable[[], bool] | None

# Progress is told in thousandths of the whole import; the check pass takes the first part
# (by bytes read), the writing the rest (by step). The shares are rough averages of where a
# 300,000-row import spends its time on the two databases (docs/performance.md).
PROGRESS_TOTAL = 1000
CHECK_SHARE = {True: 900, False: 400}  # dry run: checking is nearly all of it
CANCEL_EVERY = 1000  # rows checked between two looks at Cancel (and progress reports)
# SQLite: virtual-machine steps between two looks at Cancel inside one statement (a few ms).
SQLITE_CANCEL_STEPS = 100_000


class _Watch:
    """The caller's progress and Cancel callbacks (either may be None)."""

    def __init__(self, progress: Progress, cancel: Cancel) -> None:
        self.progress = progress
        self.cancel = cancel
        self.done = -1
        self.cancelled = False

    def at(self, done: int) -> None:
        """Progress reached ``done`` thousandths (told only when it grows)."""
        done = min(done, PROGRESS_TOTAL)
        if self.progress is not None and done > self.done:
            self.done = done
            self.progress(done)

    def check(self) -> None:
        """ImportCancelled if the user has asked to cancel."""
        if self.asked():
            raise ImportCancelled()

    def asked(self) -> bool:
        if self.cancel is not None and self.cancel():
            self.cancelled = True
        return self.cancelled


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


# -- reading ----------------------------------------------------------------------------------


def _check_utf8(stream: IO[bytes]) -> None:
    """ImportFileError unless the whole (seekable) stream is UTF-8; back at its start after.
    A file saved in another encoding is reported as such before any header or row problem."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    while True:
        chunk = stream.read(1 << 20)
        pending = len(decoder.getstate()[0])  # bytes of a character cut by the last chunk
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            byte = offset - pending + exc.start + 1
            raise ImportFileError(
                "not_utf8",
                f"the file is not UTF-8 (byte {byte}): save it as 'CSV UTF-8' in Excel",
                byte=byte,
            ) from None
        if not chunk:
            break
        offset += len(chunk)
    stream.seek(0)


def iter_rows(stream: IO[bytes]) -> Generator[tuple[int, dict[str, str]], None, None]:
    """(line number, row by column name) for every data row, streamed; ImportFileError if the
    file cannot be read."""
    _check_utf8(stream)
    # The whole stream is UTF-8 (checked above): decoded by the io module's C code.
    text_stream = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        yield from _parse(text_stream)
    finally:
        text_stream.detach()  # the caller's stream stays open


def _parse(lines: Iterator[str]) -> Iterator[tuple[int, dict[str, str]]]:
    header_line = next(lines, "")
    if not header_line.strip():
        raise ImportFileError("no_header", "the file is empty or has no header line")
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","

    reader = csv.reader(chain((header_line,), lines), delimiter=delimiter, strict=True)
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
        line = reader.line_num + 1
        width = len(header)
        for values in reader:
            # Not a blank line (its first field alone says so for almost every row).
            if values and (values[0].strip() or "".join(values).strip()):
                if len(values) > width:
                    raise ImportFileError(
                        "too_many_fields",
                        f"line {line}: {len(values)} fields but the header has {len(header)}",
                        line=line,
                        fields=len(values),
                        header=len(header),
                    )
                if len(values) < width:
                    values += [""] * (width - len(values))
                yield line, dict(zip(header, values, strict=True))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(
            "bad_csv", f"line {reader.line_num}: {exc}", line=reader.line_num, detail=exc
        ) from None


def read_rows(data: bytes) -> list[tuple[int, dict[str, str]]]:
    """Every data row of ``data`` (small files and tests; the import streams)."""
    _check_size(len(data))
    return list(iter_rows(io.BytesIO(data)))


def _check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        megabytes = MAX_FILE_BYTES // 1024 // 1024
        raise ImportFileError(
            "too_large", f"the file is larger than {megabytes} MB", megabytes=megabytes
        )


# -- checking ---------------------------------------------------------------------------------


def _org_digits(value: str) -> str:
    """The org number's digits. A company's rows repeat it, often in both of the usual forms
    (``NNNNNN-NNNN`` and ten digits): those two are checked as the same ten digits, so the
    check-digit work is done once per number (measured: 0.8 s of a 300,000-row file's check
    pass when done once per form); any other form is checked as it is."""
    if len(value) == 11 and value[6] == "-":
        digits = value[:6] + value[7:]
        if digits.isdigit():
            return _org_checked(digits)
    return _org_checked(value)


@functools.lru_cache(maxsize=4096)
def _org_checked(value: str) -> str:
    """parse_orgnr's digits, remembered for the rows after (errors: not cached)."""
    return parse_orgnr(value).digits


def _contact_name(value: str) -> str:
    return clean_name(value, "contact_name")


def _company_name(value: str) -> str:
    return clean_name(value, "company_name")


def _phone(value: str) -> str | None:
    return normalise_phone(value) if value.strip() else None


def _title(value: str) -> str | None:
    return clean_name(value, "title", TITLE_MAX) if value.strip() else None


_CHECKS: tuple[tuple[str, Callable[[str], Any]], ...] = (
    ("org_number", _org_digits),
    ("company_name", _company_name),
    ("status", lambda v: _status(v)),
    ("contact_name", _contact_name),
    ("email", normalise_email),
    ("phone", _phone),
    ("title", _title),
)
_COMPANY_COLUMNS = ("org_number", "company_name", "status")
# Values many rows repeat (titles): the checked form per raw text, kept up to this many
# entries (then forgotten: memory stays bounded).
_MEMO_MAX = 50_000


class _Memo:
    """Per column, the checked value of a raw text already seen (errors are not kept: a bad
    value is checked, and reported, on every row that has it)."""

    def __init__(self, fn: Callable[[str], Any]) -> None:
        self.fn = fn
        self.seen: dict[str, Any] = {}

    def __call__(self, value: str) -> Any:
        seen = self.seen
        try:
            return seen[value]
        except KeyError:
            pass
        checked = seen[value] = self.fn(value)
        if len(seen) > _MEMO_MAX:
            seen.clear()
        return checked


def _check_row(
    line: int,
    row: dict[str, str],
    errors: list[RowError],
    previous: dict[str, Any] | None = None,
    checks: tuple[tuple[str, Callable[[str], Any]], ...] = _CHECKS,
) -> dict[str, Any]:
    """The row's checked values; its errors appended to ``errors``. ``previous``: a cache
    of the last row's company columns (raw texts and values): a company's contacts usually
    come one after another, so their repeated company columns are checked once."""
    values: dict[str, Any] = {}
    get = row.get
    raw = (get("org_number", ""), get("company_name", ""), get("status", ""))
    reuse = previous is not None and previous.get("raw") == raw
    for column, fn in checks:
        if reuse and column in _COMPANY_COLUMNS:
            assert previous is not None
            if column in previous:
                values[column] = previous[column]
                continue
        try:
            values[column] = fn(get(column, ""))
        except ValidationError as exc:
            errors.append(RowError(line, column, exc.message, exc.code, exc.params))
    if previous is not None and not reuse:
        previous.clear()
        previous["raw"] = raw
        previous.update({c: values[c] for c in _COMPANY_COLUMNS if c in values})
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


@dataclass
class _Checked:
    """What the first pass keeps: O(companies + contacts) small keys, no row values."""

    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    # org number -> (first line, name, status)
    companies: dict[str, tuple[int, str, str | None]] = field(default_factory=dict)
    # digest of org number + folded e-mail -> line
    contacts: dict[bytes, int] = field(default_factory=dict)


def _check_all(
    rows: Iterator[tuple[int, dict[str, str]]],
    out: Callable[[tuple[Any, ...]], object],
    tick: Callable[[], None] | None = None,
) -> _Checked:
    """Validate every row; each good contact's values go to ``out`` while no row is bad.
    ``tick`` is called every CANCEL_EVERY rows (progress, and a look at Cancel)."""
    checked = _Checked()
    errors = checked.errors
    previous: dict[str, Any] = {}
    title = _Memo(_title)  # a few dozen titles over all rows (names are mostly unique)
    checks = tuple((c, title if c == "title" else fn) for c, fn in _CHECKS)
    company_raw: tuple[str, str, str] | None = None
    company: tuple[str, str, str | None] = ("", "", None)
    for line, row in rows:
        checked.rows += 1
        if tick is not None and checked.rows % CANCEL_EVERY == 0:
            tick()
        # The common case first, in one go: a good row (whose company columns, repeated on
        # each of its contacts' rows, were checked on the row before). Any bad value: the
        # row again through _check_row, which reports every bad value of it.
        get = row.get
        try:
            raw = (get("org_number", ""), get("company_name", ""), get("status", ""))
            if raw != company_raw:
                # The same company's rows may give its org number in both usual forms (with
                # and without the dash): the name and status are checked again only when
                # they, or the number's digits, differ from the row before.
                before, company_raw = company_raw, None
                digits = _org_digits(raw[0])
                if before is None or raw[1:] != before[1:] or digits != company[0]:
                    company = (digits, _company_name(raw[1]), _status(raw[2]))
                company_raw = raw
            values = {
                "org_number": company[0],
                "company_name": company[1],
                "status": company[2],
                "contact_name": _contact_name(get("contact_name", "")),
                "email": normalise_email(get("email", "")),
                "phone": _phone(get("phone", "")),
                "title": title(get("title", "")),
            }
        except ValidationError:
            values = _check_row(line, row, errors, previous, checks)
        # The company columns are checked against other rows even when the contact's are
        # bad, so a duplicate org number is reported on every line it concerns.
        if not {"org_number", "company_name", "status"} <= values.keys():
            continue
        org = values["org_number"]
        known = checked.companies.get(org)
        if known is None:
            checked.companies[org] = (line, values["company_name"], values["status"])
        elif known[1] != values["company_name"] or known[2] != values["status"]:
            what = "company name" if known[1] != values["company_name"] else "status"
            formatted = OrgNumber(org).formatted
            errors.append(
                RowError(
                    line,
                    "org_number",
                    f"duplicate org number {formatted} with a different {what} "
                    f"than line {known[0]}",
                    "import.duplicate_org_" + ("name" if what == "company name" else "status"),
                    {"org_number": formatted, "line": str(known[0])},
                )
            )
            continue
        if len(values) < len(COLUMNS):
            continue
        # 16 bytes per contact instead of the text (300,000 contacts: memory, issue 17).
        email_folded = fold(values["email"])
        key = hashlib.blake2b(f"{org}{email_folded}".encode(), digest_size=16).digest()
        first = checked.contacts.get(key)
        if first is not None:
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
        checked.contacts[key] = line
        if not errors:
            out(
                (
                    org,
                    values["contact_name"],
                    values["email"],
                    email_folded,
                    values["phone"] or None,
                    values["title"] or None,
                )
            )
    errors.sort(key=lambda e: (e.line, COLUMNS.index(e.column)))
    return checked


# -- applying ---------------------------------------------------------------------------------


def import_csv(
    conn: Connection,
    data: bytes,
    *,
    dry_run: bool = False,
    progress: Progress = None,
    cancel: Cancel = None,
) -> ImportReport:
    """Check and (unless ``dry_run`` or any row is bad) apply the file in the caller's
    transaction; the caller commits. ImportFileError if the file cannot be read at all."""
    _check_size(len(data))
    return import_stream(conn, io.BytesIO(data), dry_run=dry_run, progress=progress, cancel=cancel)


def import_file(
    conn: Connection,
    path: Path,
    *,
    dry_run: bool = False,
    progress: Progress = None,
    cancel: Cancel = None,
) -> ImportReport:
    try:
        size = path.stat().st_size
        _check_size(size)
        stream = path.open("rb")
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise ImportFileError(
            "unreadable", f"cannot read {path}: {detail}", path=path, detail=detail
        ) from None
    with stream:
        return import_stream(conn, stream, dry_run=dry_run, progress=progress, cancel=cancel)


def import_stream(
    conn: Connection,
    stream: IO[bytes],
    *,
    dry_run: bool = False,
    progress: Progress = None,
    cancel: Cancel = None,
) -> ImportReport:
    """The import over a seekable binary stream (see the module docstring).

    ``progress(done)``: how far it is, in thousandths (PROGRESS_TOTAL); ``cancel()``: True
    when the user asks to stop, looked at every CANCEL_EVERY rows, before every statement and
    (SQLite) inside long statements. A cancelled import raises ImportCancelled out of the
    caller's transaction, which then rolls back: nothing of it stays (the staging tables, the
    indexes and triggers a SQLite load drops are all inside it). The last look is just before
    returning: an import not cancelled by then is the caller's to commit."""
    watch = _Watch(progress, cancel)
    size = stream.seek(0, io.SEEK_END)
    stream.seek(0)
    share = CHECK_SHARE[dry_run]

    def tick() -> None:
        watch.check()
        if size:
            watch.at(share * stream.tell() // size)

    applier = _Applier(conn, write=not dry_run, watch=watch)
    try:
        with applier.cancellable():
            # The checked contacts go straight into the staging table while the file is read
            # (nothing else uses the connection then); rows stop going there at the first bad
            # one.
            # closing: a check stopped early (Cancel, a database error) lets go of the
            # caller's stream now, not when the generator is collected after it was closed.
            with applier.staging() as stage, closing(iter_rows(stream)) as rows:
                checked = _check_all(rows, stage, tick)
            watch.check()
            watch.at(share)
            if checked.errors:
                applier.discard()
            else:
                applier.run(checked.companies)
            watch.check()
    except DBAPIError:
        if watch.cancelled:  # SQLite's progress handler stopped a statement
            raise ImportCancelled() from None
        raise
    finally:
        applier.restore_cache()
    watch.at(PROGRESS_TOTAL)
    counts = applier.counts
    return ImportReport(
        rows=checked.rows,
        customers_created=counts[0],
        customers_updated=counts[1],
        contacts_created=counts[2],
        contacts_updated=counts[3],
        errors=tuple(checked.errors),
        dry_run=dry_run,
    )


class _Applier:
    """The checked rows into temporary staging tables (PostgreSQL COPY, SQLite executemany)
    while the file is checked, then a few set-based statements per table that match, update
    only what changed, and insert the rest."""

    def __init__(self, conn: Connection, *, write: bool, watch: _Watch | None = None) -> None:
        self.conn = conn
        self.pg = conn.dialect.name == "postgresql"
        self.write = write
        self.watch = watch or _Watch(None, None)
        self.counts = [0, 0, 0, 0]  # customers created, updated; contacts created, updated
        # PostgreSQL: "a IS DISTINCT FROM b"; SQLite spells it "a IS NOT b".
        self.differs = "IS DISTINCT FROM" if self.pg else "IS NOT"
        self.cache_before: int | None = None
        self._folded: dict[str, tuple[str, str]] = {}

    @contextmanager
    def staging(self) -> Iterator[Callable[[tuple[Any, ...]], None]]:
        """Set up the load and stage the contacts: yields the function that takes each good
        contact as (org, name, email, folded e-mail, phone, title), in file order."""
        if self.pg:
            # The look-ups and joins must use the b-tree indexes. pg_trgm's GIN indexes also
            # answer "=", and while a load fills their pending lists the planner's bitmap
            # plans over them grew to minutes per batch. This transaction only.
            self.conn.execute(text("SET LOCAL enable_bitmapscan = off"))
            if self.write:
                # Bigger GIN pending lists: the trigram indexes take the load in a few large
                # merges instead of many small ones (this transaction only). Not larger: what
                # is left pending after the load, searches read sequentially until the next
                # (auto)vacuum merges it.
                self.conn.execute(text("SET LOCAL gin_pending_list_limit = '64MB'"))
                self.conn.execute(text("SET LOCAL work_mem = '64MB'"))
        elif self.write:
            self._sqlite_cache()
        self._drop_stage()
        self._create_stage()
        numbers = count()
        with self._loader("import_contact", ("n", "org", *CONTACT_FIELDS)) as write:

            def stage(row: tuple[Any, ...]) -> None:
                org, name, email, email_folded, phone, title = row
                f = fold(name)  # names are mostly unique: no memo, as companies have
                write(
                    (next(numbers), org, name, f, strip_marks(f), email, email_folded, phone, title)
                )

            yield stage

    def run(self, companies: Mapping[str, tuple[int, str, str | None]]) -> None:
        """Stage the companies, match, and (unless a dry run) write."""
        self._load(
            "import_company",
            ("n", "org", "name", "name_folded", "name_plain", "status"),
            self._company_rows(companies),
        )
        self._match()
        self._step(100)
        if self.write:
            self._apply()
        self._drop_stage()
        if self.write and sum(self.counts) >= ANALYZE_FROM:
            analyze(self.conn)

    @contextmanager
    def cancellable(self) -> Iterator[None]:
        """SQLite: Cancel also stops a running statement (its progress handler; an index or
        search-index build of a large load takes seconds). PostgreSQL's statements are a
        chunk each, so Cancel is looked at between them (see :meth:`_sql`)."""
        if self.pg or self.watch.cancel is None:
            yield
            return
        raw: Any = self.conn.connection.dbapi_connection
        raw.set_progress_handler(self.watch.asked, SQLITE_CANCEL_STEPS)
        try:
            yield
        finally:
            raw.set_progress_handler(None, 0)

    def discard(self) -> None:
        """A file with bad rows: nothing is written; the staged rows go."""
        self._drop_stage()

    def restore_cache(self) -> None:
        if self.cache_before is not None:
            raw: Any = self.conn.connection.dbapi_connection
            raw.execute(f"PRAGMA cache_size = {self.cache_before}")
            self.cache_before = None

    def _sqlite_cache(self) -> None:
        """SQLite: a larger page cache for the load. Its default (2 MB) is far smaller than the
        contact table's indexes, so a bulk insert spilled and re-read pages all along
        (measured: a 300,000-contact INSERT ... SELECT 40% faster with 100 MB). Set back to
        what it was by :meth:`restore_cache`; the page cache only, no setting that weakens
        durability or any rule."""
        raw: Any = self.conn.connection.dbapi_connection
        self.cache_before = int(raw.execute("PRAGMA cache_size").fetchone()[0])
        raw.execute(f"PRAGMA cache_size = {-SQLITE_CACHE_KB}")

    # -- staging ------------------------------------------------------------------------------

    def _drop_stage(self) -> None:
        schema = "pg_temp" if self.pg else "temp"
        for name in ("import_company", "import_contact"):
            self.conn.exec_driver_sql(f"DROP TABLE IF EXISTS {schema}.{name}")

    def _create_stage(self) -> None:
        """import_company and import_contact: every checked row with its search keys, numbered
        in file order; the ids they match are filled in by :meth:`_match`."""
        temp = "TEMPORARY " if self.pg else "TEMP "
        self.conn.exec_driver_sql(
            f"CREATE {temp}TABLE import_company (n integer PRIMARY KEY, org text NOT NULL, "
            "name text NOT NULL, name_folded text NOT NULL, name_plain text NOT NULL, "
            "status text, customer_id integer, existing integer NOT NULL DEFAULT 0)"
        )
        self.conn.exec_driver_sql(
            f"CREATE {temp}TABLE import_contact (n integer PRIMARY KEY, org text NOT NULL, "
            "name text NOT NULL, name_folded text NOT NULL, name_plain text NOT NULL, "
            "email text NOT NULL, email_folded text NOT NULL, phone text, title text, "
            "customer_id integer, contact_id integer)"
        )

    def _keys(self, name: str) -> tuple[str, str]:
        """A name's search keys (folded, and without diacritics); a company's name repeats
        on each of its contacts' rows."""
        folded = self._folded
        found = folded.get(name)
        if found is None:
            f = fold(name)
            found = folded[name] = (f, strip_marks(f))
            if len(folded) > 50_000:
                folded.clear()
        return found

    def _company_rows(
        self, companies: Mapping[str, tuple[int, str, str | None]]
    ) -> Iterator[tuple[Any, ...]]:
        for n, (org, (_line, name, status)) in enumerate(companies.items()):
            f, p = self._keys(name)
            yield (n, org, name, f, p, status)

    def _load(self, table: str, columns: tuple[str, ...], rows: Iterator[tuple[Any, ...]]) -> None:
        with self._loader(table, columns) as write:
            for values in rows:
                write(values)

    @contextmanager
    def _loader(
        self, table: str, columns: tuple[str, ...]
    ) -> Iterator[Callable[[tuple[Any, ...]], None]]:
        """Yields the function that stages one row into ``table``: PostgreSQL COPY (one
        statement for all), SQLite INSERTs of BATCH rows each (no triggers on a staging
        table)."""
        raw: Any = self.conn.connection.dbapi_connection
        names = ", ".join(columns)
        if self.pg:
            statement = f"COPY {table} ({names}) FROM STDIN"
            with raw_cursor_errors(statement), raw.cursor() as cur, cur.copy(statement) as copy:
                yield copy.write_row
            return
        # SQLite: BATCH rows per INSERT with as many VALUES rows (all bound in one call),
        # not executemany, which runs the statement once per row (measured: 300,000
        # staged contacts 0.42-0.46 s against 0.55-0.79 s).
        one = "(" + ", ".join("?" for _ in columns) + ")"
        statement = f"INSERT INTO {table} ({names}) VALUES " + ", ".join([one] * BATCH)
        cur = raw.cursor()
        pending: list[Any] = []
        width = len(columns)

        def write(values: tuple[Any, ...]) -> None:
            pending.extend(values)
            if len(pending) == BATCH * width:
                cur.execute(statement, pending)
                pending.clear()

        try:
            # The statement as errors name it: its first row of parameters only.
            with raw_cursor_errors(f"INSERT INTO {table} ({names}) VALUES {one}, ..."):
                yield write
                if pending:
                    rest = ", ".join([one] * (len(pending) // width))
                    cur.execute(f"INSERT INTO {table} ({names}) VALUES {rest}", pending)
        finally:
            cur.close()

    def _sql(self, sql: str) -> Any:
        self.watch.check()
        return self.conn.exec_driver_sql(sql)

    def _step(self, done: int) -> None:
        """Writing reached ``done`` of the part after the check (0-1000 of it)."""
        start = CHECK_SHARE[False]
        self.watch.at(start + (PROGRESS_TOTAL - start) * done // 1000)

    def _match(self) -> None:
        """The existing customer of each company (by org number) and contact of each contact
        row (by customer and folded e-mail); the counts for the report. A dry run only
        counts them (nothing written, not even to the staging tables)."""
        if self.pg:
            self._sql("ANALYZE import_company")
            self._sql("ANALYZE import_contact")
        if not self.write:
            companies, existing = self._sql(
                "SELECT count(*), count(c.id) FROM import_company v "
                "LEFT JOIN customer c ON c.org_number = v.org"
            ).one()
            contacts, matched = self._sql(
                "SELECT count(*), count(c.id) FROM import_contact v "
                "LEFT JOIN customer c ON c.org_number = v.org AND EXISTS (SELECT 1 FROM "
                "contact k WHERE k.customer_id = c.id AND k.email_folded = v.email_folded)"
            ).one()
        else:
            self._sql(
                "UPDATE import_company SET existing = 1, customer_id = c.id FROM customer c "
                "WHERE c.org_number = import_company.org"
            )
            companies, existing = self._sql(
                "SELECT count(*), coalesce(sum(existing), 0) FROM import_company"
            ).one()
            self._sql("CREATE INDEX import_company_org ON import_company (org)")
            if existing:  # else no staged contact has a customer yet, nor a contact to match
                self._sql(
                    "UPDATE import_contact SET customer_id = s.customer_id FROM import_company s "
                    "WHERE s.org = import_contact.org AND s.existing = 1"
                )
                # Two existing contacts of one customer with the same e-mail: the first is
                # updated.
                self._sql(
                    "UPDATE import_contact SET contact_id = (SELECT min(k.id) FROM contact k "
                    "WHERE k.customer_id = import_contact.customer_id "
                    "AND k.email_folded = import_contact.email_folded) "
                    "WHERE customer_id IS NOT NULL"
                )
            if self.pg:  # the id ranges of the chunked updates (see _chunks)
                self._sql("CREATE INDEX import_company_id ON import_company (customer_id)")
                self._sql("CREATE INDEX import_contact_id ON import_contact (contact_id)")
                self._sql("ANALYZE import_company")
                self._sql("ANALYZE import_contact")
            contacts, matched = self._sql(
                "SELECT count(*), count(contact_id) FROM import_contact"
            ).one()
        self.counts = [
            int(companies) - int(existing),
            int(existing),
            int(contacts) - int(matched),
            int(matched),
        ]

    # -- applying -----------------------------------------------------------------------------

    def _apply(self) -> None:
        fts = self._fts_triggers_off() if not self.pg else None
        customer_sets = {
            "name": "v.name",
            "name_folded": "v.name_folded",
            "name_plain": "v.name_plain",
            "status": "COALESCE(v.status, t.status)",
        }
        self._update("customer", "import_company", "v.customer_id", customer_sets, fts)
        self._step(150)
        first_customer = self._next_id("customer")
        self._insert(
            "customer",
            "org_number, name, name_folded, name_plain, status, version",
            f"v.org, v.name, v.name_folded, v.name_plain, "
            f"COALESCE(v.status, '{CustomerStatus.ACTIVE.value}'), 1",
            "import_company v WHERE v.existing = 0",
            (150, 300),
        )
        if self.pg:
            # The new customers' ids for their contacts: one join here, not one per chunk.
            self._sql(
                "UPDATE import_contact SET customer_id = c.id FROM customer c "
                "WHERE c.org_number = import_contact.org AND import_contact.customer_id IS NULL"
            )
            source = "import_contact v WHERE v.contact_id IS NULL"
        else:
            # SQLite inserts in one statement: the customer joined there, instead of an
            # UPDATE that rewrites every staged row first (measured: 0.40 s at 300,000).
            source = (
                "import_contact v JOIN customer c ON c.org_number = v.org "
                "WHERE v.contact_id IS NULL"
            )
        contact_sets = {c: f"v.{c}" for c in CONTACT_FIELDS}
        self._step(320)
        self._update("contact", "import_contact", "v.contact_id", contact_sets, fts)
        self._step(350)
        first_contact = self._next_id("contact")
        self._insert(
            "contact",
            "customer_id, name, name_folded, name_plain, email, email_folded, phone, title, "
            "version",
            f"{'v.customer_id' if self.pg else 'c.id'}, v.name, v.name_folded, v.name_plain, "
            "v.email, v.email_folded, v.phone, v.title, 1",
            source,
            (350, 950) if self.pg else (350, 650),
        )
        if fts is not None:
            for table, first, done in (
                ("customer", first_customer, 700),
                ("contact", first_contact, 950),
            ):
                index, cols = SQLITE_FTS[table]
                before = self._fts_hash(index, SQLITE_FTS_HASH)
                self._sql(
                    f"INSERT INTO {index}(rowid, {cols}) SELECT id, {cols} FROM {table} "
                    f"WHERE id >= {int(first)}"
                )
                self._fts_hash(index, before)
                self._step(done)
            for sql in fts:
                self._sql(sql)

    def _fts_hash(self, index: str, size: int) -> int:
        """SQLite: set an FTS5 index's ``hashsize`` (how much it gathers in memory before it
        writes a segment); the size it had. A bulk load into the default 1 MB writes hundreds
        of small segments that the automatic merge then merges again and again; a large hash
        writes a few (measured: 600,000 contacts indexed in 2.6-2.9 s of CPU instead of
        3.6-5.9 s, with the same search speed after). Set back after the load: a larger hash
        is memory every connection would hold while it writes."""
        found = self._sql(f"SELECT v FROM {index}_config WHERE k = 'hashsize'").first()
        self._sql(f"INSERT INTO {index}({index}, rank) VALUES ('hashsize', {int(size)})")
        return int(found[0]) if found is not None else SQLITE_FTS_HASH_DEFAULT

    def _chunks(self, stage: str, ids: str | None = None) -> Iterator[str]:
        """PostgreSQL: ranges of PG_CHUNK staged rows, one statement (and so one
        recorded-change event, written by the statement trigger) each; SQLite: one range
        (its row triggers note every change and the events are cut at COMMIT).

        ``ids``: the staged column naming the target row (an update): ranges of those ids,
        on both sides of the join, so each statement reads its part of the table through the
        primary key instead of hashing all of it (measured: 134 ms a chunk at 300,000
        contacts, the whole table each time)."""
        if not self.pg:
            yield "TRUE"
            return
        column = ids or "n"
        lo, hi = self._sql(f"SELECT min({column}), max({column}) FROM {stage}").one()
        if lo is None:
            return
        for start in range(int(lo), int(hi) + 1, PG_CHUNK):
            where = f"v.{column} >= {start} AND v.{column} < {start + PG_CHUNK}"
            if ids is not None:
                where += f" AND t.id >= {start} AND t.id < {start + PG_CHUNK}"
            yield where

    def _update(
        self,
        table: str,
        stage: str,
        id_column: str,
        sets: dict[str, str],
        fts: list[str] | None,
    ) -> None:
        """Existing rows whose values differ, set-based; unchanged rows are left alone (no
        new version, no index entries, no change event)."""
        changed = " OR ".join(f"t.{c} {self.differs} {v}" for c, v in sets.items())
        assignments = ", ".join(f"{c} = {v}" for c, v in sets.items())
        bump = "version = t.version + 1, updated_at = CURRENT_TIMESTAMP"
        if fts is None:
            for where in self._chunks(stage, id_column.removeprefix("v.")):
                self._sql(
                    f"UPDATE {table} AS t SET {assignments}, {bump} FROM {stage} v "
                    f"WHERE t.id = {id_column} AND {where} AND ({changed})"
                )
            return
        # SQLite: the changed rows' ids first, so their search-index entries can be replaced
        # around the update (the index's update trigger is off for the load).
        index, cols = SQLITE_FTS[table]
        self._sql("DROP TABLE IF EXISTS temp.import_changed")
        self._sql(
            f"CREATE TEMP TABLE import_changed AS SELECT t.id AS id FROM {table} AS t "
            f"JOIN {stage} v ON t.id = {id_column} WHERE {changed}"
        )
        if self._sql("SELECT count(*) FROM import_changed").scalar_one() == 0:
            return
        self._sql(
            f"INSERT INTO {index}({index}, rowid, {cols}) SELECT 'delete', id, {cols} "
            f"FROM {table} WHERE id IN (SELECT id FROM import_changed)"
        )
        self._sql(
            f"UPDATE {table} AS t SET {assignments}, {bump} FROM {stage} v "
            f"WHERE t.id = {id_column} AND t.id IN (SELECT id FROM import_changed)"
        )
        self._sql(
            f"INSERT INTO {index}(rowid, {cols}) SELECT id, {cols} FROM {table} "
            "WHERE id IN (SELECT id FROM import_changed)"
        )
        self._sql("DROP TABLE temp.import_changed")

    def _insert(
        self, table: str, columns: str, values: str, source: str, span: tuple[int, int]
    ) -> None:
        """INSERT ... SELECT in file order (PostgreSQL: per chunk, see :meth:`_chunks`);
        progress goes through ``span`` (see :meth:`_step`)."""
        stage = source.split()[0]
        start, end = span
        if self.pg:
            chunks = list(self._chunks(stage))
            for i, where in enumerate(chunks, 1):
                self._sql(
                    f"INSERT INTO {table} ({columns}) SELECT {values} FROM {source} "
                    f"AND {where} ORDER BY v.n"
                )
                self._step(start + (end - start) * i // len(chunks))
            return
        insert = f"INSERT INTO {table} ({columns}) SELECT {values} FROM {source} ORDER BY v.n"
        if self._sql("SELECT 1 FROM erasure_xact LIMIT 1").first() is not None:
            self._sql(insert)  # nothing is noted in an erasure's transaction (migration 0009)
            self._step(end)
            return
        # SQLite: the table's noting triggers are off for the load, and the new rows' events
        # are written from the table afterwards, their payloads built in SQL (store.log.changes
        # .record_inserts: the same events, measured 11.8 s -> ~1 s for 400,000 rows, and no
        # note per row written and deleted). The notes taken so far are chained first, so the
        # events keep the order the notes would have given them.
        changes.chain_notes(self.conn)
        first = self._next_id(table)
        restore = self._triggers_off([f"{table}_insert_noted", f"{table}_update_noted"])
        indexes = self._indexes_off(table, source)
        self._sql(insert)
        self._step(start + (end - start) // 2)
        for sql in indexes + restore:
            self._sql(sql)
        if any(sql.startswith(f"CREATE TRIGGER {table}_insert_noted ") for sql in restore):
            changes.record_inserts(self.conn, table, first)
        self._step(end)

    def _next_id(self, table: str) -> int:
        return int(self._sql(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").scalar_one())

    def _fts_triggers_off(self) -> list[str]:
        """SQLite: drop the FTS insert/update triggers for the load; their SQL to re-create
        them."""
        return self._triggers_off(
            [f"{fts}_{kind}" for fts, _ in SQLITE_FTS.values() for kind in ("ai", "au")]
        )

    def _indexes_off(self, table: str, source: str) -> list[str]:
        """SQLite: when the load at least doubles the table, drop its non-unique indexes for
        the INSERT and return their SQL to build them again after it (inside the import's
        transaction, so a failure restores them). Building an index sorts its keys once;
        inserting rows into it one by one is a random b-tree write per row and index
        (measured: 300,000 contacts into a table with their 7 indexes 7.1-7.6 s of CPU, into
        none and then the 7 built 2.4-2.6 s). A smaller load into a big table keeps them: a
        rebuild costs the whole table."""
        new = self._sql(f"SELECT count(*) FROM {source}").scalar_one()
        have = self._sql(f"SELECT count(*) FROM {table}").scalar_one()
        if new < max(have, ANALYZE_FROM):
            return []
        found = self._sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = "
            f"'{table}' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
        ).all()
        for name, _ in found:
            self._sql(f"DROP INDEX {name}")
        return [str(sql) for _, sql in found]

    def _triggers_off(self, names: list[str]) -> list[str]:
        """SQLite: drop these triggers for the load (inside the import's transaction, so a
        failure restores them); the SQL that puts them back after it.

        SQLite fires a table's triggers newest first, and their order matters: the noting
        trigger of an insert must stay older than the lifecycle trigger that updates the new
        row, or a terminated customer's insert would be noted before its dates and recorded as
        two events instead of one. So every trigger of the table from the first dropped one
        on is dropped too, the others are created again at once (they act during the load),
        and afterwards all of them are created again in their first order."""
        rows = [
            (str(n), str(t), str(sql))
            for n, t, sql in self._sql(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' "
                "ORDER BY rowid"
            )
        ]
        off = set(names)
        tables = {t for n, t, _ in rows if n in off}
        started: set[str] = set()
        suffix: list[tuple[str, str]] = []
        for name, table, sql in rows:
            if name in off:
                started.add(table)
            if table in tables and table in started:
                suffix.append((name, sql))
        for name, _ in suffix:
            self._sql(f"DROP TRIGGER {name}")
        kept = [(name, sql) for name, sql in suffix if name not in off]
        for _, sql in kept:
            self._sql(sql)
        return [f"DROP TRIGGER {name}" for name, _ in kept] + [sql for _, sql in suffix]


def analyze(conn: Connection) -> None:
    """Refresh the planner's statistics of the customer tables after a bulk load (on
    PostgreSQL the personal columns gather none: migration 0008)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("ANALYZE customer"))
        conn.execute(text("ANALYZE contact"))
    else:
        conn.execute(text("PRAGMA analysis_limit = 1000"))
        conn.execute(text("ANALYZE customer"))
        conn.execute(text("ANALYZE contact"))
