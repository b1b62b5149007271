"""``subject-access``: answer a data subject's access request (GDPR Art. 15) from a script.

Writes ``DIR/access-<reference>.json`` (machine-readable, Art. 20) and ``.pdf`` (readable),
records the request as received today (or ``--received``) and answered, and logs the files'
SHA-256 in the session log. The person's identifiers are only searched for, never stored.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from bowebb_console.cli.common import EXIT_OK, CliError, current_db, db_option


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "subject-access",
        help="export everything held about one person (access request, Art. 15)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--email", metavar="E", help="the person's e-mail address")
    who.add_argument("--phone", metavar="P", help="the person's phone number (any spacing)")
    who.add_argument("--name", metavar="N", help="the person's full name")
    p.add_argument("--out", metavar="DIR", required=True, help="folder for the JSON and PDF")
    p.add_argument(
        "--received", metavar="YYYY-MM-DD", help="when the request arrived (default: today)"
    )
    p.add_argument(
        "--channel",
        default="email",
        choices=("email", "phone", "letter", "web_form", "in_person"),
        help="how the request arrived (default: email)",
    )
    p.add_argument(
        "--journal",
        metavar="PATH",
        help="erasure journal file (default: the one in the place the database names)",
    )
    db_option(p)
    p.set_defaults(func=cmd_subject_access)


def _received(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"--received {text!r} is not a date (YYYY-MM-DD)") from None


def cmd_subject_access(args: argparse.Namespace) -> int:
    from bowebb_console.services import erasure, privacy

    query = privacy.PersonQuery(
        email=args.email or "", phone=args.phone or "", name=args.name or ""
    )
    request = privacy.NewRequest(_received(args.received), args.channel)
    journal = Path(args.journal) if args.journal else None
    with current_db(args) as db:
        if journal is None:
            journal = _database_journal(db)
        done = privacy.answer_access_request(
            db,
            erasure.identity_of(db),
            query,
            request,
            Path(args.out),
            today=dt.date.today(),
            journal_file=journal,
        )
    found = ", ".join(f"{k}: {n}" for k, n in done.counts.items())
    print(f"access request {done.reference} answered ({found})")
    print(f"{done.json_path}\n{done.pdf_path}")
    print(f"json sha256 {done.json_sha256} (logged)")
    return EXIT_OK


def _database_journal(db: Any) -> Path | None:
    """The erasure journal in the place the database names (its erasure history), if any."""
    from bowebb_console.config import Paths
    from bowebb_console.services import erasure

    return erasure.existing_journal(db, Paths.from_environment().journal_dir)
