"""``db init``, ``db upgrade``, ``db status``: set up or migrate a database."""

from __future__ import annotations

import argparse
from typing import Any

from bowebb_console.cli.common import EXIT_FAIL, EXIT_OK, db_option


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
