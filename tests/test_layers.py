"""The core never imports Qt: domain, store, sftp, credentials and the CLI's admin commands
run headless (servers, CI, scripts). Checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "bowebb_console.domain.orgnr",
    "bowebb_console.domain.contact_info",
    "bowebb_console.domain.policy",
    "bowebb_console.store.connect",
    "bowebb_console.store.setup",
    "bowebb_console.store.users",
    "bowebb_console.store.demo",
    "bowebb_console.store.saving",
    "bowebb_console.domain.hashchain",
    "bowebb_console.store.session_log",
    "bowebb_console.store.sessions",
    "bowebb_console.store.log_verify",
    "bowebb_console.store.demo_sessions",
    "bowebb_console.store.host_keys",
    "bowebb_console.store.transfer_log",
    "bowebb_console.store.demo_transfers",
    "bowebb_console.sftp.names",
    "bowebb_console.sftp.hostkeys",
    "bowebb_console.sftp.connection",
    "bowebb_console.sftp.transfer",
    "bowebb_console.store.session_desk",
    "bowebb_console.domain.countries",
    "bowebb_console.domain.checklist",
    "bowebb_console.domain.subprocessor_flags",
    "bowebb_console.store.subprocessors",
    "bowebb_console.store.subprocessor_changes",
    "bowebb_console.store.subprocessor_evidence",
    "bowebb_console.store.subprocessor_export",
    "bowebb_console.store.demo_subprocessors",
    "bowebb_console.store.search",
    "bowebb_console.store.customer_edit",
    "bowebb_console.store.customer_card",
    "bowebb_console.store.csv_import",
    "bowebb_console.store.notices",
    "bowebb_console.store.review",
    "bowebb_console.store.review_fold",
    "bowebb_console.store.review_export",
    "bowebb_console.store.demo_review",
    "bowebb_console.credentials",
    "bowebb_console.config",
    "bowebb_console.cli",
    "bowebb_console.domain.erasure",
    "bowebb_console.store.erasure",
    "bowebb_console.store.erasure_requests",
    "bowebb_console.store.erasure_journal",
    "bowebb_console.store.erasure_replay",
    "bowebb_console.store.purge",
    "bowebb_console.store.scrub",
    "bowebb_console.store.certificates",
    "bowebb_console.store.pdf",
    "bowebb_console.store.demo_erasure",
    "bowebb_console.cli_erasure",
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
