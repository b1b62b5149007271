"""``verify-log``, ``log-head`` and ``review-rebuild``: the session log's integrity tools."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bowebb_console.cli.common import EXIT_FAIL, EXIT_OK, CliError, current_db, db_option


def add_parsers(sub: Any) -> None:
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


def cmd_verify_log(args: argparse.Namespace) -> int:
    from bowebb_console.services import review

    anchor = args.anchor.strip().lower() if args.anchor else None
    if anchor is not None and (len(anchor) != 64 or set(anchor) - set("0123456789abcdef")):
        raise CliError("--anchor must be the 64 hex digits printed by log-head")
    with current_db(args) as db:
        result = review.verify_log(db, anchor=anchor, workers=review.default_workers())
    if result.ok:
        print(result.report())
        return EXIT_OK
    print(f"bowebb-console: {result.report()}", file=sys.stderr)
    return EXIT_FAIL


def cmd_log_head(args: argparse.Namespace) -> int:
    from bowebb_console.services import review

    with current_db(args) as db:
        head = review.log_head(db)
    print(f"{head.hash} seq {head.seq}")
    return EXIT_OK


def cmd_review_rebuild(args: argparse.Namespace) -> int:
    """The summary is derived; after a restore or an erasure, rebuild it from the log."""
    from bowebb_console.services import review

    with current_db(args) as db:
        rebuilt = review.rebuild_summaries(db)
    print(f"{rebuilt.sessions} session summaries rebuilt from the log")
    if rebuilt.skipped:
        print(
            f"{rebuilt.skipped} payload(s) skipped: not a JSON object, treated as erased "
            "(the log was written around its rules; run verify-log)"
        )
    return EXIT_OK
