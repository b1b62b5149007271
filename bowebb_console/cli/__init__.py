"""The ``bowebb-console`` command: without a sub-command the desktop app, else an admin
command (parser and dispatch in :mod:`bowebb_console.cli.main`).

Starting the GUI is the one import from the CLI to Qt; it stays here, and lazy, so that the
admin commands never load PySide6.
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from bowebb_console.cli.main import build_parser, run

    args = build_parser().parse_args(argv)
    if args.command is None:
        from bowebb_console.app import run_gui

        return run_gui(args.db, demo=args.demo, smoke_test=args.smoke_test)
    return run(args)
