"""``lifecycle`` and ``retention`` sub-commands (admin tools; see services.admin and
services.retention).

``lifecycle show`` prints the database's grace period, trial period and session-log
retention (one setting for every workstation); ``lifecycle set`` changes them (admins).
``retention run`` erases the session-log payloads older than the retention (the events stay
and the chain verifies), logged as an ``erasure_performed`` event; ``--dry-run`` only counts.
Running it again changes nothing until more payloads pass the retention.
``journal show`` prints where this database's erasure journal is kept (one shared folder for
every workstation, recorded in the database); ``journal set FOLDER`` changes it (admins; the
folder is checked writable first). Replays read the journal there.
"""

from __future__ import annotations

import argparse
from typing import Any

from bowebb_console.cli.common import EXIT_OK, current_db, db_option


def add_parsers(sub: Any) -> None:
    lifecycle = sub.add_parser(
        "lifecycle", help="the database's grace period, trial period and log retention"
    ).add_subparsers(dest="lifecycle_command", metavar="ACTION", required=True)
    show = lifecycle.add_parser("show", help="print the lifecycle setting")
    db_option(show)
    show.set_defaults(func=cmd_lifecycle_show)
    change = lifecycle.add_parser("set", help="an admin: change the lifecycle setting")
    db_option(change)
    change.add_argument("--grace-days", type=int, help="grace period after termination")
    change.add_argument("--trial-days", type=int, help="trial period before a trial lapses")
    change.add_argument("--log-retention-days", type=int, help="session-log retention")
    change.set_defaults(func=cmd_lifecycle_set)

    journal = sub.add_parser(
        "journal", help="where this database's erasure journal is kept"
    ).add_subparsers(dest="journal_command", metavar="ACTION", required=True)
    where = journal.add_parser("show", help="print the erasure journal's place")
    db_option(where)
    where.set_defaults(func=cmd_journal_show)
    place = journal.add_parser("set", help="an admin: set the journal's shared folder")
    db_option(place)
    place.add_argument("folder", help="a full path every admin's machine reaches the same way")
    place.set_defaults(func=cmd_journal_set)

    retention = sub.add_parser(
        "retention",
        help="apply the session-log retention",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    ).add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    run = retention.add_parser(
        "run", help="an admin: erase log payloads older than the retention (events stay)"
    )
    db_option(run)
    run.add_argument("--dry-run", action="store_true", help="count what would go; change nothing")
    run.set_defaults(func=cmd_retention_run)


def _print(value: Any) -> None:
    print(f"grace period:          {value.grace_period_days} days")
    print(f"trial period:          {value.trial_period_days} days")
    print(f"session-log retention: {value.log_retention_days} days")


def cmd_lifecycle_show(args: argparse.Namespace) -> int:
    from bowebb_console.services import admin

    with current_db(args) as db:
        _print(admin.lifecycle(db))
    return EXIT_OK


def cmd_lifecycle_set(args: argparse.Namespace) -> int:
    from bowebb_console.services import admin, erasure

    with current_db(args) as db:
        old = admin.lifecycle(db)
        new = admin.Lifecycle(
            old.grace_period_days if args.grace_days is None else args.grace_days,
            old.trial_period_days if args.trial_days is None else args.trial_days,
            old.log_retention_days if args.log_retention_days is None else args.log_retention_days,
        )
        _print(admin.set_lifecycle(db, erasure.identity_of(db), new))
    return EXIT_OK


def _print_place(place: Any) -> None:
    if place.file is None:
        print("erasure journal: not set; erasures are refused until an admin runs")
        print("  bowebb-console journal set FOLDER   (a folder every admin's machine reaches)")
        return
    how = "set for this database" if place.configured else "this machine's default"
    print(f"erasure journal: {place.file} ({how})")
    print(f"journal key:     {place.file.with_name(place.file.name + '.key')}")


def cmd_journal_show(args: argparse.Namespace) -> int:
    from bowebb_console.config import Paths
    from bowebb_console.services import erasure

    with current_db(args) as db:
        _print_place(erasure.journal_place(db, Paths.from_environment().journal_dir))
    return EXIT_OK


def cmd_journal_set(args: argparse.Namespace) -> int:
    from bowebb_console.services import erasure

    with current_db(args) as db:
        _print_place(erasure.set_journal_place(db, erasure.identity_of(db), args.folder))
    return EXIT_OK


def cmd_retention_run(args: argparse.Namespace) -> int:
    from bowebb_console.services import erasure, retention

    with current_db(args) as db:
        if args.dry_run:
            plan = retention.plan_retention(db)
            print(
                f"retention {plan.retention_days} days: {len(plan.payload_seqs)} log payloads "
                f"older than {plan.cutoff} would be erased (the events stay)"
            )
            print("dry run: nothing was changed")
            return EXIT_OK
        done = retention.run_retention(db, erasure.identity_of(db))
    if done.reference is None:
        print(
            f"retention {done.plan.retention_days} days: no log payload is older than "
            f"{done.plan.cutoff}; nothing was changed"
        )
        return EXIT_OK
    print(
        f"retention {done.plan.retention_days} days: {done.erased} log payloads older than "
        f"{done.plan.cutoff} erased ({done.reference}); the events stay and the chain verifies"
    )
    if done.scrub is not None and done.scrub.pending:
        print("the files could not be rewritten yet: run `bowebb-console erasure compact` later")
    return EXIT_OK
