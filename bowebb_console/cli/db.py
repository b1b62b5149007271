"""``db init``, ``db upgrade``, ``db status``: set up or migrate a database; ``db blockers``:
who holds a lock others wait for, and ending that session."""

from __future__ import annotations

import argparse
from typing import Any

from bowebb_console.cli.common import EXIT_FAIL, EXIT_OK, current_db, db_option


def add_parsers(sub: Any) -> None:
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
    blockers = db.add_parser(
        "blockers",
        help="list sessions that others wait for (team leads, admins); --end PID ends one",
    )
    db_option(blockers)
    blockers.add_argument(
        "--end", type=int, metavar="PID", help="end this session (its open transaction is undone)"
    )
    blockers.set_defaults(func=cmd_db_blockers)


def cmd_db_init(args: argparse.Namespace) -> int:
    from bowebb_console.services import admin

    rev = admin.init_database(args.db, role_prefix=args.role_prefix)
    print(f"database ready at schema revision {rev}")
    return EXIT_OK


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from bowebb_console.services import admin

    rev = admin.upgrade_database(args.db)
    print(f"database at schema revision {rev}")
    return EXIT_OK


def cmd_db_status(args: argparse.Namespace) -> int:
    from bowebb_console.services import admin

    status = admin.schema_status(args.db)
    print(f"revision {status.revision or '-'} ({status.state}; this app: {status.head})")
    return EXIT_OK if status.current else EXIT_FAIL


def cmd_db_blockers(args: argparse.Namespace) -> int:
    from bowebb_console.services import blockers

    with current_db(args) as db:
        if args.end is not None:
            login = blockers.end_session(db, args.end)
            print(f"ended session {args.end} (login {login}); its open transaction was undone")
            return EXIT_OK
        found = blockers.list_blockers(db)
    if not found:
        print("no session is holding a lock that another one waits for")
        return EXIT_OK
    print("PID\tLOGIN\tSTATE\tSINCE\tAPPLICATION\tWAITING")
    for b in found:
        waiting = ", ".join(
            f"{login} ({pid})" for pid, login in zip(b.waiting_pids, b.waiting_logins, strict=False)
        )
        print(f"{b.pid}\t{b.login}\t{b.state or '-'}\t{b.since_text()}\t{b.application or '-'}\t"
              f"{waiting}")  # fmt: skip
    print("end one with: bowebb-console db blockers --db URL --end PID")
    return EXIT_OK
