"""The core never imports Qt: domain, store, sftp, credentials and the CLI's admin commands
run headless (servers, CI, scripts). Checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "bowebb_console.domain.orgnr",
    "bowebb_console.domain.contact_info",
    "bowebb_console.domain.policy",
    "bowebb_console.store.db.connect",
    "bowebb_console.store.db.setup",
    "bowebb_console.store.db.users",
    "bowebb_console.demo.fill",
    "bowebb_console.store.db.saving",
    "bowebb_console.domain.hashchain",
    "bowebb_console.store.log.chain",
    "bowebb_console.store.sessions.events",
    "bowebb_console.store.log.verify",
    "bowebb_console.demo.sessions",
    "bowebb_console.store.transfers.host_keys",
    "bowebb_console.store.transfers.log",
    "bowebb_console.demo.transfers",
    "bowebb_console.sftp.names",
    "bowebb_console.sftp.hostkeys",
    "bowebb_console.sftp.connection",
    "bowebb_console.sftp.transfer",
    "bowebb_console.store.sessions.desk",
    "bowebb_console.domain.countries",
    "bowebb_console.domain.checklist",
    "bowebb_console.domain.subprocessor_flags",
    "bowebb_console.store.subprocessors.register",
    "bowebb_console.store.subprocessors.changes",
    "bowebb_console.store.subprocessors.evidence",
    "bowebb_console.store.subprocessors.export",
    "bowebb_console.demo.subprocessors",
    "bowebb_console.store.customers.search",
    "bowebb_console.store.customers.edit",
    "bowebb_console.store.customers.card",
    "bowebb_console.store.customers.csv_import",
    "bowebb_console.store.customers.notices",
    "bowebb_console.store.review.queries",
    "bowebb_console.store.review.fold",
    "bowebb_console.store.review.export",
    "bowebb_console.demo.review",
    "bowebb_console.credentials",
    "bowebb_console.config",
    "bowebb_console.cli",
    "bowebb_console.domain.erasure",
    "bowebb_console.store.erasure.person",
    "bowebb_console.store.erasure.requests",
    "bowebb_console.store.erasure.journal",
    "bowebb_console.store.erasure.replay",
    "bowebb_console.store.erasure.purge",
    "bowebb_console.store.erasure.scrub",
    "bowebb_console.store.erasure.certificates",
    "bowebb_console.store.pdf",
    "bowebb_console.demo.erasure",
    "bowebb_console.cli.erasure",
]


def test_core_modules_do_not_import_qt() -> None:
    code = (
        "import sys, importlib\n"
        f"for m in {CORE!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
