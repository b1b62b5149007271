"""CSV import: every bad row reported with line, column and why; all or nothing; update by
org number; BOM and ';' as Excel writes them; the CLI's exit codes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bowebb_console.cli import main
from bowebb_console.store.customers.csv_import import ImportFileError, import_csv, read_rows
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.models import Contact, Customer

HEADER = "org_number,company_name,status,contact_name,email,phone,title\n"
GOOD = (
    HEADER
    + "556680-9827,Sundqvist Bygg AB,active,Anna Berg,anna@sundqvist.se,070-123 45 67,VD\n"
    + "5566809827,Sundqvist Bygg AB,active,Per Ek,per@sundqvist.se,,\n"
    + "165590123450,Åkesson Handel AB,trial,Örjan Ärlig,orjan@akesson.se,+46 8 123 456 78,\n"
)


@pytest.fixture
def engine(any_db_url: str) -> Iterator[Engine]:
    engine = make_engine(any_db_url)
    yield engine
    engine.dispose()


def run(engine: Engine, content: str | bytes, dry_run: bool = False):  # type: ignore[no-untyped-def]
    data = content.encode() if isinstance(content, str) else content
    with engine.begin() as conn:
        return import_csv(conn, data, dry_run=dry_run)


def counts(engine: Engine) -> tuple[int, int]:
    with Session(engine) as s:
        return (
            s.scalar(select(func.count()).select_from(Customer)) or 0,
            s.scalar(select(func.count()).select_from(Contact)) or 0,
        )


def test_import_then_update_by_org_number(engine: Engine) -> None:
    report = run(engine, GOOD)
    assert report.errors == ()
    assert (report.customers_created, report.contacts_created) == (2, 3)
    assert counts(engine) == (2, 3)
    again = (
        HEADER
        + "556680-9827,Sundqvist Bygg & Måleri AB,,Anna Berg,ANNA@sundqvist.se,070-1111111,"
        + "Ekonomi\n"
        + "556680-9827,Sundqvist Bygg & Måleri AB,,Ny Person,ny@sundqvist.se,,\n"
    )
    report = run(engine, again)
    assert report.errors == ()
    assert (report.customers_created, report.customers_updated) == (0, 1)
    assert (report.contacts_created, report.contacts_updated) == (1, 1)
    assert counts(engine) == (2, 4)
    with Session(engine) as s:
        customer = s.scalars(select(Customer).where(Customer.org_number == "5566809827")).one()
        assert customer.name == "Sundqvist Bygg & Måleri AB"
        assert customer.status == "active"  # blank status keeps the existing one
        assert customer.version == 2
        anna = next(c for c in customer.contacts if c.name == "Anna Berg")
        assert anna.phone == "+46701111111" and anna.title == "Ekonomi"


def test_dry_run_reports_every_bad_row_and_changes_nothing(engine: Engine) -> None:
    bad = (
        HEADER
        + "556680-9828,Bad Check AB,active,Anna Berg,anna@x.se,,\n"  # line 2
        + "556680-9827,Good AB,active,Per Ek,,,\n"  # line 3: missing e-mail
        + "556680-9827,Other Name AB,active,Eva,eva@x.se,,\n"  # line 4: duplicate org
        + "559012-3450,Fine AB,paused,Eva,eva@fine.se,123,\n"  # line 5: status and phone
        + "559012-3450,Fine AB,paused,Eva,eva@fine.se,,\n"  # line 6: status again
    )
    report = run(engine, bad, dry_run=True)
    got = [(e.line, e.column) for e in report.errors]
    assert got == [
        (2, "org_number"),
        (3, "email"),
        (4, "org_number"),
        (5, "status"),
        (5, "phone"),
        (6, "status"),
    ]
    reasons = {(e.line, e.column): e.reason for e in report.errors}
    assert "check digit" in reasons[(2, "org_number")]
    assert "missing" in reasons[(3, "email")]
    assert "duplicate org number 556680-9827" in reasons[(4, "org_number")]
    assert "than line 3" in reasons[(4, "org_number")]
    assert str(report.errors[0]).startswith("line 2, org_number: ")
    codes = {(e.line, e.column): (e.code, dict(e.params)) for e in report.errors}
    assert codes[(2, "org_number")] == ("orgnr.check_digit", {})
    assert codes[(3, "email")] == ("email.missing", {})
    assert codes[(4, "org_number")] == (
        "import.duplicate_org_name",
        {"org_number": "556680-9827", "line": "3"},
    )
    assert counts(engine) == (0, 0)


def test_dry_run_of_a_good_file_changes_nothing(engine: Engine) -> None:
    report = run(engine, GOOD, dry_run=True)
    assert report.errors == () and report.customers_created == 2
    assert "would import 3 rows" in report.summary()
    assert counts(engine) == (0, 0)


def test_all_or_nothing(engine: Engine) -> None:
    content = GOOD + "556680-9827,Sundqvist Bygg AB,active,Per Ek,per@sundqvist.se,,\n"
    report = run(engine, content)
    assert [(e.line, e.column) for e in report.errors] == [(5, "email")]
    assert "duplicate e-mail" in report.errors[0].reason
    assert (report.errors[0].code, report.errors[0].params) == (
        "import.duplicate_email",
        {"line": "3"},
    )
    assert counts(engine) == (0, 0)


def test_excel_semicolons_bom_and_crlf(engine: Engine) -> None:
    content = GOOD.replace(",", ";").replace("\n", "\r\n")
    report = run(engine, "\ufeff".encode() + content.encode())
    assert report.errors == () and counts(engine) == (2, 3)


def test_quoted_fields_with_delimiters(engine: Engine) -> None:
    content = HEADER + '556680-9827,"Berg, Ek & Co AB",,"Berg; Anna",anna@berg.se,,\n'
    assert run(engine, content).errors == ()
    with Session(engine) as s:
        assert s.scalars(select(Customer.name)).one() == "Berg, Ek & Co AB"


def test_unreadable_files() -> None:
    with pytest.raises(ImportFileError, match="not UTF-8") as caught:
        read_rows("org_number;company_name\n5566809827;Åkesson\n".encode("cp1252"))
    assert (caught.value.code, caught.value.params) == ("import.not_utf8", {"byte": "36"})
    with pytest.raises(ImportFileError, match="unknown column 'orgnr'"):
        read_rows(b"orgnr,company_name,contact_name,email\n")
    with pytest.raises(ImportFileError, match="required column 'email'"):
        read_rows(b"org_number,company_name,contact_name\n")
    with pytest.raises(ImportFileError, match="empty"):
        read_rows(b"")
    with pytest.raises(ImportFileError, match="line 2: 9 fields"):
        read_rows((HEADER + "a,b,c,d,e,f,g,h,i\n").encode())


def test_cli_exit_codes(
    any_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text(GOOD, encoding="utf-8-sig")
    bad.write_text(HEADER + "556680-9828,X AB,,Anna,anna@x.se,,\n", encoding="utf-8")
    assert main(["import", str(bad), "--db", any_db_url, "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "line 2, org_number: The check digit is wrong" in err
    assert "nothing was imported" in err
    assert main(["import", str(good), "--db", any_db_url, "--dry-run"]) == 0
    assert "would import 3 rows" in capsys.readouterr().out
    assert main(["import", str(bad), "--db", any_db_url]) == 1
    assert main(["import", str(good), "--db", any_db_url]) == 0
    assert "imported 3 rows: 2 new" in capsys.readouterr().out
    assert main(["import", str(tmp_path / "missing.csv"), "--db", any_db_url]) == 1
    assert "cannot read" in capsys.readouterr().err
    engine = make_engine(any_db_url)
    assert counts(engine) == (2, 3)
    engine.dispose()


def test_cli_shows_progress_on_a_terminal_only(
    any_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import io
    import sys

    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8-sig")
    assert main(["import", str(good), "--db", any_db_url, "--dry-run"]) == 0
    assert "%" not in capsys.readouterr().err  # a pipe or a log: the result lines only

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["import", str(good), "--db", any_db_url]) == 0
    shown = terminal.getvalue()
    assert shown.startswith("\rimporting… ") and shown.endswith("\rimporting… 100%\n")
    percents = [int(p.split("… ")[1].rstrip("%\n")) for p in shown.split("\r")[1:]]
    assert percents == sorted(set(percents)) and percents[-1] == 100
    assert "imported 3 rows" in capsys.readouterr().out


def test_repeated_values_are_checked_on_every_row(engine: Engine) -> None:
    """The check pass reuses a company's checked columns on its next rows and remembers
    checked titles: a bad value is still reported on every row that has it, a good row
    after a bad one of the same company is still good."""
    long_title = "x" * 101
    content = (
        HEADER
        + f"556680-9827,Sundqvist Bygg AB,active,Anna Berg,anna@s.se,,{long_title}\n"  # 2
        + f"556680-9827,Sundqvist Bygg AB,active,Per Ek,per@s.se,,{long_title}\n"  # 3
        + "556680-9828,Fel AB,active,Eva,eva@fel.se,,VD\n"  # 4: check digit
        + "556680-9828,Fel AB,active,Eva Ek,evaek@fel.se,,VD\n"  # 5: again
        + "556680-9827,Sundqvist Bygg AB,active,Bo,bo@s.se,070-123,VD\n"  # 6: phone
        + "556680-9827,Sundqvist Bygg AB,active,Li,li@s.se,,VD\n"  # 7: good
    )
    report = run(engine, content, dry_run=True)
    assert [(e.line, e.column) for e in report.errors] == [
        (2, "title"),
        (3, "title"),
        (4, "org_number"),
        (5, "org_number"),
        (6, "phone"),
    ]


def test_import_stream_leaves_the_callers_stream_open(engine: Engine) -> None:
    import io

    from bowebb_console.store.customers.csv_import import import_stream

    stream = io.BytesIO(GOOD.encode())
    with engine.begin() as conn:
        report = import_stream(conn, stream)
    assert report.errors == () and not stream.closed


def _staging_tables(conn) -> list[str]:  # type: ignore[no-untyped-def]
    if conn.dialect.name == "postgresql":
        sql = (
            "SELECT relname FROM pg_class WHERE relpersistence = 't' "
            "AND relname IN ('import_company', 'import_contact')"
        )
    else:
        sql = "SELECT name FROM sqlite_temp_master WHERE type = 'table' AND name LIKE 'import%'"
    return [str(r[0]) for r in conn.exec_driver_sql(sql)]


def test_a_bad_row_after_staged_rows_leaves_nothing_staged_or_written(engine: Engine) -> None:
    """The check stages good contacts as it reads; a bad row further down stops that, and the
    staged rows are dropped in the same transaction (the connection goes on)."""
    rows = "".join(
        f"556680-9827,Sundqvist Bygg AB,active,Person {i},p{i}@sundqvist.se,,\n" for i in range(50)
    )
    bad = HEADER + rows + "556680-9828,Fel AB,active,Fel Person,fel@fel.se,,\n"
    with engine.begin() as conn:
        report = import_csv(conn, bad.encode())
        assert [e.line for e in report.errors] == [52]
        assert not report.applied
        assert _staging_tables(conn) == []
        assert conn.exec_driver_sql("SELECT count(*) FROM contact").scalar() == 0
    assert counts(engine) == (0, 0)


def test_a_broken_file_after_staged_rows_raises_and_the_database_goes_on(engine: Engine) -> None:
    """A CSV error late in the file (while PostgreSQL's COPY of the staged rows is open) is
    the file's error, not a database error; the transaction rolls back and the next import
    on the same engine works."""
    rows = "".join(
        f"556680-9827,Sundqvist Bygg AB,active,Person {i},p{i}@sundqvist.se,,\n" for i in range(50)
    )
    broken = HEADER + rows + "556680-9827,Sundqvist Bygg AB,active,X,x@s.se,,,extra,fields\n"
    with pytest.raises(ImportFileError) as caught:
        run(engine, broken)
    assert caught.value.code == "import.too_many_fields"
    assert counts(engine) == (0, 0)
    assert run(engine, GOOD).errors == ()
    assert counts(engine) == (2, 3)


def test_a_company_in_both_number_forms_is_one_company_and_still_checked(engine: Engine) -> None:
    """The check takes a company's name and status from the row before when only the form of
    its org number changed (with or without the dash): a different name on such a row is
    still a duplicate, and a good name on a row after a bad one is still good."""
    content = (
        HEADER
        + "556680-9827,Sundqvist Bygg AB,active,Anna Berg,anna@s.se,,\n"  # 2
        + "5566809827,Sundqvist Bygg AB,active,Per Ek,per@s.se,,\n"  # 3: same company
        + "556680-9827,Sundqvist Bygg HB,active,Li Ek,li@s.se,,\n"  # 4: another name
        + "5566809827,,active,Bo Ek,bo@s.se,,\n"  # 5: no name
        + "556680-9827,Sundqvist Bygg AB,trial,Eva Ek,eva@s.se,,\n"  # 6: another status
        + "5566809827,Sundqvist Bygg AB,active,Kim Ek,kim@s.se,,\n"  # 7: good again
    )
    report = run(engine, content, dry_run=True)
    assert [(e.line, e.column, e.code) for e in report.errors] == [
        (4, "org_number", "import.duplicate_org_name"),
        (5, "company_name", "name.missing"),
        (6, "org_number", "import.duplicate_org_status"),
    ]
    good = "".join(content.splitlines(keepends=True)[i] for i in (0, 1, 2, 6))
    report = run(engine, good)
    assert report.errors == () and (report.customers_created, report.contacts_created) == (1, 3)
