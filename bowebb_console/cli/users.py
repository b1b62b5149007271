"""``user add|list|set-role|set-password|disable|enable``: PostgreSQL logins of people."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from bowebb_console.cli.common import EXIT_OK, CliError, db_option

ROLE_CHOICES = ("agent", "lead", "admin")


def add_parsers(sub: Any) -> None:
    user = sub.add_parser("user", help="manage PostgreSQL logins").add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    add = user.add_parser("add", help="create a login in a role group")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLE_CHOICES)
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
    setrole.add_argument("role", choices=ROLE_CHOICES)
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


def read_password(args: argparse.Namespace) -> str:
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


def cmd_user_add(args: argparse.Namespace) -> int:
    from bowebb_console.services import admin

    admin.check_user_name(args.name)
    password = read_password(args)
    admin.check_password(password)
    admin.add_user(args.db, args.name, args.role, password)
    print(f"login {args.name} created with role {args.role}")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    from bowebb_console.services import admin

    for u in admin.list_users(args.db):
        print(f"{u.name}\t{u.role}\t{'enabled' if u.can_login else 'disabled'}")
    return EXIT_OK


def cmd_user_set_role(args: argparse.Namespace) -> int:
    from bowebb_console.services import admin

    admin.set_role(args.db, args.name, args.role)
    print(f"{args.name} is now {args.role}")
    return EXIT_OK


def cmd_user_set_password(args: argparse.Namespace) -> int:
    from bowebb_console.services import admin

    password = read_password(args)
    admin.set_password(args.db, args.name, password)
    print(f"password of {args.name} changed")
    return EXIT_OK


def cmd_user_disable(args: argparse.Namespace) -> int:
    from bowebb_console.services import admin

    ended = admin.disable_user(args.db, args.name)
    print(f"{args.name} disabled ({ended} open connection(s) ended)")
    return EXIT_OK


def cmd_user_enable(args: argparse.Namespace) -> int:
    from bowebb_console.services import admin

    admin.enable_user(args.db, args.name)
    print(f"{args.name} enabled")
    return EXIT_OK
