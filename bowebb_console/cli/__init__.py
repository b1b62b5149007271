"""The ``bowebb-console`` command: the GUI by default, admin commands as sub-commands.

Every command exits 0 on success and non-zero with a one-line reason on stderr on failure.
Passwords are prompted or read from standard input (``--password-stdin``), never arguments.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bowebb_console import __version__
from bowebb_console.cli.common import EXIT_FAIL, EXIT_OK, CliError, db_option

if TYPE_CHECKING:
    from sqlalchemy import Engine


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bowebb-console",
        description="BoWebb Console. Without a command: start the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    db_option(parser, required=False)
    parser.add_argument(
        "--demo", action="store_true", help="fill an empty embedded database with demo data"
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start offscreen, open the database, show the main window, exit 0 (or 1 with why)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = sub.add_parser("db", help="set up or upgrade a database").add_subparsers(
        dest="db_command", metavar="ACTION", required=True
    )
    init = db.add_parser(
        "init", help="create schema, extensions, group roles and grants (safe to re-run)"
    )
    db_option(init)
    init.add_argument(
        "--role-prefix",
        default="bowebb",
        help="group roles are PREFIX_agent, PREFIX_lead, PREFIX_admin",
    )
    init.set_defaults(func=cmd_db_init)
    up = db.add_parser("upgrade", help="migrate the schema to this version")
    db_option(up)
    up.set_defaults(func=cmd_db_upgrade)
    status = db.add_parser("status", help="show the schema revision")
    db_option(status)
    status.set_defaults(func=cmd_db_status)

    user = sub.add_parser("user", help="manage PostgreSQL logins").add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    add = user.add_parser("add", help="create a login in a role group")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("agent", "lead", "admin"))
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    db_option(add)
    add.set_defaults(func=cmd_user_add)
    lst = user.add_parser("list", help="list logins and their roles")
    db_option(lst)
    lst.set_defaults(func=cmd_user_list)
    setrole = user.add_parser("set-role", help="move a login to another role")
    setrole.add_argument("name")
    setrole.add_argument("role", choices=("agent", "lead", "admin"))
    db_option(setrole)
    setrole.set_defaults(func=cmd_user_set_role)
    setpw = user.add_parser("set-password", help="change a login's password")
    setpw.add_argument("name")
    setpw.add_argument("--password-stdin", action="store_true")
    db_option(setpw)
    setpw.set_defaults(func=cmd_user_set_password)
    disable = user.add_parser("disable", help="refuse new logins and end open connections")
    disable.add_argument("name")
    db_option(disable)
    disable.set_defaults(func=cmd_user_disable)
    enable = user.add_parser("enable", help="allow a disabled login again")
    enable.add_argument("name")
    db_option(enable)
    enable.set_defaults(func=cmd_user_enable)

    verify = sub.add_parser(
        "verify-log", help="recompute the session log's hash chain and name the first problem"
    )
    db_option(verify)
    verify.add_argument(
        "--anchor",
        metavar="HASH",
        help="a head printed earlier by log-head: fails when that event is gone or changed",
    )
    verify.set_defaults(func=cmd_verify_log)
    head = sub.add_parser("log-head", help="print the session log's head hash, for anchoring")
    db_option(head)
    head.set_defaults(func=cmd_log_head)

    rebuild = sub.add_parser(
        "review-rebuild",
        help="recompute the review's session summaries from the log (database owner)",
    )
    db_option(rebuild)
    rebuild.set_defaults(func=cmd_review_rebuild)

    demo = sub.add_parser("demo", help="fill an empty database with demo data")
    db_option(demo)
    demo.add_argument("--companies", type=int, default=2000)
    demo.add_argument("--contacts", type=int, default=6000)
    demo.set_defaults(func=cmd_demo)

    from bowebb_console.cli import erasure as cli_erasure

    cli_erasure.add_parsers(sub, db_option)

    imp = sub.add_parser(
        "import",
        help="import companies and contacts from a CSV file (all or nothing)",
        description="Columns: org_number, company_name, status, contact_name, email, phone, "
        "title (one row per contact). UTF-8 with or without BOM; ',' or ';'.",
    )
    imp.add_argument("file", metavar="FILE")
    db_option(imp)
    imp.add_argument(
        "--dry-run", action="store_true", help="check every row and report; change nothing"
    )
    imp.set_defaults(func=cmd_import)
    return parser


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise CliError("no password on standard input")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CliError("no terminal to ask for the password: use --password-stdin")
    first = getpass.getpass("Password for the new login: ")
    if getpass.getpass("Again: ") != first:
        raise CliError("the two passwords differ")
    return first


def _admin_connection(url: str, work: Callable[..., object]) -> object:
    """Run ``work(conn)`` in one transaction on a PostgreSQL admin connection."""
    from bowebb_console.store.db.connect import classify
    from bowebb_console.store.db.engine import make_engine
    from bowebb_console.store.db.urls import parse_database_url

    parsed = parse_database_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise CliError("users are PostgreSQL logins: use a postgresql:// URL")
    engine = make_engine(parsed)
    try:
        with engine.begin() as conn:
            return work(conn)
    except _db_errors() as exc:
        raise CliError(_db_reason(exc, classify)) from None
    finally:
        engine.dispose()


def _db_errors() -> tuple[type[BaseException], ...]:
    from sqlalchemy.exc import DBAPIError

    return (DBAPIError,)


def _db_reason(exc: BaseException, classify: Callable[[BaseException], Exception]) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig or exc).strip().splitlines()
    reason = text[0] if text else type(exc).__name__
    if "permission denied" in reason or "must be" in reason:
        return f"the server refused: {reason}"
    return str(classify(exc)) if "connection" in reason.lower() else f"database error: {reason}"


def cmd_db_init(args: argparse.Namespace) -> int:
    from bowebb_console.store.db.setup import init_database

    rev = init_database(args.db, role_prefix=args.role_prefix)
    print(f"database ready at schema revision {rev}")
    return EXIT_OK


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from bowebb_console.store.db.setup import upgrade_database

    rev = upgrade_database(args.db)
    print(f"database at schema revision {rev}")
    return EXIT_OK


def cmd_db_status(args: argparse.Namespace) -> int:
    from bowebb_console.store.db import schema
    from bowebb_console.store.db.engine import make_engine

    engine = make_engine(args.db)
    try:
        with engine.connect() as conn:
            state = schema.schema_state(conn)
            rev = schema.current_revision(conn)
    finally:
        engine.dispose()
    print(f"revision {rev or '-'} ({state.value}; this app: {schema.head_revision()})")
    return EXIT_OK if state is schema.SchemaState.CURRENT else EXIT_FAIL


def cmd_user_add(args: argparse.Namespace) -> int:
    from bowebb_console.store.db import users

    users.check_user_name(args.name)
    password = _read_password(args)
    users.check_password(password)
    _admin_connection(args.db, lambda c: users.add_user(c, args.name, args.role, password))
    print(f"login {args.name} created with role {args.role}")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    from bowebb_console.store.db import users

    rows = _admin_connection(args.db, users.list_users)
    assert isinstance(rows, list)
    for u in rows:
        print(f"{u.name}\t{u.role}\t{'enabled' if u.can_login else 'disabled'}")
    return EXIT_OK


def cmd_user_set_role(args: argparse.Namespace) -> int:
    from bowebb_console.store.db import users

    _admin_connection(args.db, lambda c: users.set_role(c, args.name, args.role))
    print(f"{args.name} is now {args.role}")
    return EXIT_OK


def cmd_user_set_password(args: argparse.Namespace) -> int:
    from bowebb_console.store.db import users

    password = _read_password(args)
    _admin_connection(args.db, lambda c: users.set_password(c, args.name, password))
    print(f"password of {args.name} changed")
    return EXIT_OK


def cmd_user_disable(args: argparse.Namespace) -> int:
    from bowebb_console.store.db import users

    ended = _admin_connection(args.db, lambda c: users.disable_user(c, args.name))
    print(f"{args.name} disabled ({ended} open connection(s) ended)")
    return EXIT_OK


def cmd_user_enable(args: argparse.Namespace) -> int:
    from bowebb_console.store.db import users

    _admin_connection(args.db, lambda c: users.enable_user(c, args.name))
    print(f"{args.name} enabled")
    return EXIT_OK


def _log_engine(url: str) -> Engine:
    from bowebb_console.store.db import schema
    from bowebb_console.store.db.engine import make_engine

    engine = make_engine(url)
    with engine.connect() as conn:
        if schema.schema_state(conn) is not schema.SchemaState.CURRENT:
            engine.dispose()
            raise CliError("the database is not at this app's schema: run `db upgrade`")
    return engine


def cmd_verify_log(args: argparse.Namespace) -> int:
    from bowebb_console.store.log.verify import default_workers, verify_log

    anchor = args.anchor.strip().lower() if args.anchor else None
    if anchor is not None and (len(anchor) != 64 or set(anchor) - set("0123456789abcdef")):
        raise CliError("--anchor must be the 64 hex digits printed by log-head")
    engine = _log_engine(args.db)
    try:
        result = verify_log(engine, anchor=anchor, workers=default_workers())
    finally:
        engine.dispose()
    if result.ok:
        print(result.report())
        return EXIT_OK
    print(f"bowebb-console: {result.report()}", file=sys.stderr)
    return EXIT_FAIL


def cmd_log_head(args: argparse.Namespace) -> int:
    from bowebb_console.store.log.chain import log_head

    engine = _log_engine(args.db)
    try:
        head = log_head(engine)
    finally:
        engine.dispose()
    print(f"{head.hash} seq {head.seq}")
    return EXIT_OK


def cmd_review_rebuild(args: argparse.Namespace) -> int:
    """The summary is derived; after a restore or an erasure, rebuild it from the log."""
    from bowebb_console.store.db.connect import classify
    from bowebb_console.store.review.fold import rebuild_summaries

    engine = _log_engine(args.db)
    try:
        count = rebuild_summaries(engine)
    except _db_errors() as exc:
        raise CliError(_db_reason(exc, classify)) from None
    finally:
        engine.dispose()
    print(f"{count} session summaries rebuilt from the log")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from bowebb_console.demo.fill import fill_demo
    from bowebb_console.store.db import schema
    from bowebb_console.store.db.engine import make_engine

    engine = make_engine(args.db)
    try:
        with engine.connect() as conn:
            if schema.schema_state(conn) is not schema.SchemaState.CURRENT:
                raise CliError(
                    "the database is not at this app's schema: run `db init` or `db upgrade`"
                )
        summary = fill_demo(engine, companies=args.companies, contacts=args.contacts)
    finally:
        engine.dispose()
    print(f"demo data: {summary}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sqlalchemy.orm import Session

    from bowebb_console.store.customers.csv_import import import_file
    from bowebb_console.store.db import schema
    from bowebb_console.store.db.engine import make_engine

    engine = make_engine(args.db)
    try:
        with engine.connect() as conn:
            if schema.schema_state(conn) is not schema.SchemaState.CURRENT:
                raise CliError(
                    "the database is not at this app's schema: run `db init` or `db upgrade`"
                )
        bind = engine
        if engine.dialect.name == "sqlite":  # take the write lock up front: all or nothing
            bind = engine.execution_options(sqlite_begin="IMMEDIATE")
        with Session(bind) as session, session.begin():
            report = import_file(session, Path(args.file), dry_run=args.dry_run)
            if not report.applied:
                session.rollback()
    finally:
        engine.dispose()
    for error in report.errors:
        print(error, file=sys.stderr)
    if report.errors:
        raise CliError(f"{len(report.errors)} problem(s) in {args.file}: nothing was imported")
    print(report.summary())
    return EXIT_OK


def _known_errors() -> tuple[type[BaseException], ...]:
    from bowebb_console.cli.erasure import known_errors
    from bowebb_console.domain.errors import ValidationError
    from bowebb_console.store.customers.csv_import import ImportFileError
    from bowebb_console.store.db.connect import ConnectError
    from bowebb_console.store.db.setup import SetupError
    from bowebb_console.store.db.urls import DatabaseUrlError
    from bowebb_console.store.db.users import UserError

    return (
        CliError,
        ConnectError,
        SetupError,
        DatabaseUrlError,
        UserError,
        ValidationError,
        ImportFileError,
        *known_errors(),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from bowebb_console.app import run_gui

        return run_gui(args.db, demo=args.demo, smoke_test=args.smoke_test)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("bowebb-console: interrupted", file=sys.stderr)
        return EXIT_FAIL
    except Exception as exc:
        from bowebb_console.store.db.connect import classify

        if isinstance(exc, _known_errors()):
            reason = str(exc)
        elif isinstance(exc, _db_errors()):
            reason = _db_reason(exc, classify)
        else:
            raise
        print(f"bowebb-console: {reason}", file=sys.stderr)
        return EXIT_FAIL
