"""``purge-due`` and ``erasure`` sub-commands (admin tools; see services.erasure).

Four eyes from the command line: one admin runs ``purge-due request CUSTOMER_ID``, a second
lead or admin (another login) runs ``purge-due approve ID``, then an admin runs
``purge-due run ID --confirm "Company name"``. ``purge-due --dry-run`` lists what is due and
what would go, changing nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bowebb_console.cli.common import EXIT_OK, CliError

if TYPE_CHECKING:
    from bowebb_console.services.database import Database
    from bowebb_console.services.erasure import DatabaseJournal, PurgePlan


def add_parsers(sub: Any, db_option: Any) -> None:
    purge = sub.add_parser(
        "purge-due",
        help="hard-delete customers whose grace period has ended (four eyes)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    db_option(purge, required=False)
    purge.add_argument("--dry-run", action="store_true", help="list what would go; change nothing")
    purge.set_defaults(func=cmd_purge_list)
    actions = purge.add_subparsers(dest="purge_command", metavar="ACTION")

    def action(name: str, help_: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = actions.add_parser(name, help=help_)
        p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="database URL")
        return p

    req = action("request", "first admin: ask to purge one due customer")
    req.add_argument("customer_id", type=int)
    req.set_defaults(func=cmd_purge_request)
    appr = action("approve", "second person (lead or admin, not the requester): approve")
    appr.add_argument("approval_id", type=int)
    appr.add_argument("--approver", help="SQLite only: the approving person's name")
    appr.set_defaults(func=cmd_purge_approve)
    run = action("run", "an admin: run an approved purge after typing the company name")
    run.add_argument("approval_id", type=int)
    run.add_argument("--confirm", metavar="COMPANY", required=True, help="the company's name")
    run.add_argument("--dry-run", action="store_true", help="list what would go; change nothing")
    run.set_defaults(func=cmd_purge_run)
    lst = action("approvals", "list purge requests and their state")
    lst.set_defaults(func=cmd_purge_approvals)

    erasure = sub.add_parser("erasure", help="erasure journal tools").add_subparsers(
        dest="erasure_command", metavar="ACTION", required=True
    )
    replay = erasure.add_parser(
        "replay", help="after restoring a backup: erase again what the journal says was erased"
    )
    db_option(replay)
    replay.add_argument(
        "--journal",
        metavar="PATH",
        help="erasure journal file (default: the one in the place the database names)",
    )
    replay.set_defaults(func=cmd_erasure_replay)
    compact = erasure.add_parser(
        "compact",
        help="PostgreSQL, as an admin: rewrite the erasable tables so erased bytes leave the files",
    )
    db_option(compact)
    compact.set_defaults(func=cmd_erasure_compact)


def _open(args: argparse.Namespace) -> Database:
    """The database of --db, refused unless it is at this app's schema."""
    from bowebb_console.services.database import open_current

    if not getattr(args, "db", None):
        raise CliError("--db URL is required")
    return open_current(args.db)


def _journal(args: argparse.Namespace) -> Path | DatabaseJournal:
    """The journal in the place the database names (``journal show``), or --journal."""
    from bowebb_console.config import Paths
    from bowebb_console.services.erasure import DatabaseJournal

    given = getattr(args, "journal", None)
    if given:
        return Path(given).expanduser()
    return DatabaseJournal(Paths.from_environment().journal_dir)


def _print_plan(plan: PurgePlan) -> None:
    rows = ", ".join(f"{table}: {n}" for table, n in plan.rows)
    print(
        f"customer {plan.customer_id} (due {plan.hard_delete_due.isoformat()}): {rows}, "
        f"log payloads: {len(plan.payload_seqs)} (events stay, payload-free)"
    )


def cmd_purge_list(args: argparse.Namespace) -> int:
    from bowebb_console.services import erasure

    db = _open(args)
    try:
        due = erasure.due_customers(db, dt.date.today())
        if not due:
            print("no customer is due for deletion")
        for d in due:
            if args.dry_run:
                _print_plan(erasure.plan_purge(db, d.id, dt.date.today()))
            else:
                print(f"{d.id}\t{d.hard_delete_due.isoformat()}\t{d.name}")
    finally:
        db.dispose()
    if args.dry_run:
        print("dry run: nothing was changed")
    return EXIT_OK


def cmd_purge_request(args: argparse.Namespace) -> int:
    from bowebb_console.services import erasure

    db = _open(args)
    try:
        identity = erasure.identity_of(db)
        approval = erasure.request_purge(db, identity, args.customer_id, dt.date.today())
    finally:
        db.dispose()
    print(
        f"purge request {approval.id} ({approval.reference}) for customer "
        f"{approval.customer_id}: a second person now runs `purge-due approve {approval.id}`"
    )
    return EXIT_OK


def cmd_purge_approve(args: argparse.Namespace) -> int:
    from bowebb_console.services import erasure

    db = _open(args)
    try:
        approval = erasure.approve_purge(db, args.approval_id, approver=args.approver)
    finally:
        db.dispose()
    print(f"purge request {approval.id} approved by {approval.approved_by}")
    return EXIT_OK


def cmd_purge_approvals(args: argparse.Namespace) -> int:
    from bowebb_console.services import erasure

    db = _open(args)
    try:
        for a in erasure.list_approvals(db):
            print(
                f"{a.id}\t{a.reference}\tcustomer {a.customer_id}\t{a.status}\t"
                f"{a.started_by}\t{a.approved_by or '-'}"
            )
    finally:
        db.dispose()
    return EXIT_OK


def cmd_purge_run(args: argparse.Namespace) -> int:
    from bowebb_console.services import erasure

    db = _open(args)
    try:
        if args.dry_run:
            approvals = {a.id: a for a in erasure.list_approvals(db)}
            if args.approval_id not in approvals:
                raise CliError(f"there is no purge request {args.approval_id}")
            customer_id = approvals[args.approval_id].customer_id
            _print_plan(erasure.plan_purge(db, customer_id, dt.date.today()))
            print("dry run: nothing was changed")
            return EXIT_OK
        done = erasure.run_purge(
            db,
            erasure.identity_of(db),
            _journal(args),
            args.approval_id,
            args.confirm,
            today=dt.date.today(),
        )
    finally:
        db.dispose()
    _print_plan(done.plan)
    print(f"purged for good; certificate {done.reference}")
    for path in done.files.deleted:
        print(f"deleted the file {path}")
    for path, why in done.files.kept:
        print(f"could NOT delete {path} ({why}): delete it by hand")
    for d in done.files.elsewhere:
        print(
            f"downloaded on another machine by {d.agent} ({d.at[:10]}): {d.name} "
            "- have it deleted there"
        )
    if done.scrub.pending:
        print(
            "the files could not be wiped yet (tables busy); an admin runs "
            "`bowebb-console erasure compact` later to rewrite: " + ", ".join(done.scrub.pending)
        )
    return EXIT_OK


def cmd_erasure_replay(args: argparse.Namespace) -> int:
    from bowebb_console.services import erasure

    db = _open(args)
    try:
        result = erasure.replay_journal(db, _journal(args))
    finally:
        db.dispose()
    print(
        f"{result.entries} journal entries; erased again: {result.contacts} contact(s), "
        f"{result.customers} customer(s), {result.payloads} log payload(s), "
        f"{result.profiles} connection profile(s)"
    )
    if result.skipped_payloads:
        print(f"{result.skipped_payloads} payload(s) skipped: the log is a different chain")
    if result.resolved:
        print(f"{len(result.resolved)} pending journal entr(y/ies) found committed, marked done")
    if result.unresolved:
        print(
            f"{len(result.unresolved)} pending journal entr(y/ies) this database cannot confirm "
            "(a crash before the done mark, or a backup older than the erasure): replayed"
        )
    if result.scrub.pending:
        print(
            "tables busy: an admin runs `bowebb-console erasure compact` later: "
            + ", ".join(result.scrub.pending)
        )
    return EXIT_OK


def cmd_erasure_compact(args: argparse.Namespace) -> int:
    from bowebb_console.services import erasure

    db = _open(args)
    try:
        result = erasure.compact(db)
    finally:
        db.dispose()
    print("rewritten: " + ", ".join(result.rewritten))
    if result.pending:
        raise CliError("not rewritten (needs the table owner): " + ", ".join(result.pending))
    return EXIT_OK


def known_errors() -> tuple[type[BaseException], ...]:
    """What these commands raise for the admin to read: every ShownError (its message is
    plain English; purge and journal refusals, and driver errors mapped to ``db.*``)."""
    from bowebb_console.domain.errors import ShownError

    return (ShownError,)
