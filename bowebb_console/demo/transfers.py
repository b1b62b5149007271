"""Demo SFTP data: connection profiles, pinned host keys and finished file-transfer sessions.

The demo servers (the address store.transfers.profiles reserves for them) are not reachable;
the Transfers screen says so for their profiles (``ProfileRow.demo``). Sessions are whole
(consent with an allowed purpose, start, pin, files, end) so their timelines read in order,
plus one open session of the local user to try the screen with.
Deterministic per seed; skipped when host keys exist already.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import random
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from bowebb_console.demo.sessions import TRANSFER_DAYS, working_days
from bowebb_console.domain.hashchain import canonical_payload
from bowebb_console.store.db.connect import Database
from bowebb_console.store.log.chain import write_event
from bowebb_console.store.models import Contact, Customer, HostKey, SftpProfile
from bowebb_console.store.transfers.profiles import DEMO_HOST, DEMO_PORT, DEMO_SERVERS

AGENTS = ("anna.lind", "erik.berg", "sara.holm")
FILES = (
    ("upload", "lonefil_2026-10.csv", 48_213),
    ("upload", "SIE4_export_2025.se", 1_204_331),
    ("download", "bankfil_avvisad.xml", 9_812),
    ("download", "loggar.zip", 18_442_100),
    ("upload", "kundregister.xlsx", 310_554),
    ("download", "faktura_1042.pdf", 88_120),
)
REASONS = (
    ("connection_lost", "Anslutningen till servern bröts."),
    ("quota", "Serverns diskkvot är slut."),
)


def _fake_key(rng: random.Random) -> tuple[str, str]:
    """A made-up ed25519 public key blob and its OpenSSH fingerprint."""
    raw = rng.getrandbits(256).to_bytes(32, "big")
    name = b"ssh-ed25519"
    blob = len(name).to_bytes(4, "big") + name + (32).to_bytes(4, "big") + raw
    fp = "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    return base64.b64encode(blob).decode(), fp


def fill_demo_transfers(
    engine: Engine, *, seed: int = 20261126, sessions: int = 24, today: dt.date | None = None
) -> int:
    """Add demo profiles, keys and transfer sessions; returns the number of sessions. They
    run on the latest working days (after the support sessions, demo/sessions.py), in office
    hours; the open one was started just now."""
    rng = random.Random(seed + 6)
    days = working_days(today or dt.date.today())[-TRANSFER_DAYS:]
    with Database(engine).transaction() as conn:  # IMMEDIATE on SQLite: one writer
        if conn.execute(select(func.count()).select_from(HostKey)).scalar():
            return 0
        people = conn.execute(
            select(Contact.customer_id, Contact.id)
            .join(Customer, Customer.id == Contact.customer_id)
            .where(Customer.dpa_signed_on.is_not(None))
            .order_by(Contact.id)
        ).all()
        if not people:
            return 0
        chosen = people[:: max(1, len(people) // DEMO_SERVERS)][:DEMO_SERVERS]
        keys = _add_servers(conn, rng, chosen)
        now = dt.datetime.now(dt.UTC)
        clock = [dt.datetime.combine(days[0], dt.time(7, 0), dt.UTC), 0]  # time, day index
        for n in range(sessions + 1):
            customer_id, contact_id = chosen[n % len(chosen)]
            is_open = n == sessions  # the last one stays open, for the local user
            actor = None if is_open else rng.choice(AGENTS)
            su = str(uuid.UUID(int=rng.getrandbits(128), version=4))

            def log(
                kind: str,
                payload: dict[str, Any],
                su: str = su,
                who: Any = actor,
                live: bool = is_open,
            ) -> None:
                eu = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                at = None if live else min(_tick(clock, days, rng), now)
                write_event(conn, kind, su, eu, canonical_payload(payload), who, at=at)

            service = rng.random() < 0.4
            ref = f"{'O' if service else 'T'}-{rng.randint(10000, 99999)}"
            log(
                "consent_recorded",
                {
                    "customer_id": customer_id,
                    "contact_id": contact_id,
                    "session_kind": "file_transfer",
                    "outcome": "agreed",
                    "channel": rng.choice(("phone", "ticket", "chat")),
                    "agreed_at": (now - dt.timedelta(days=rng.randint(1, 120))).isoformat(),
                    "reference": ref,
                    "scope": "file_transfer",
                    "purpose": "Beställd dataimport" if service else "Felsökning av importfil",
                    "purpose_kind": "purchased_service" if service else "support",
                    "purpose_reference": ref,
                },
            )
            log("session_started", {})  # a file transfer names no remote tool (as the app)
            if is_open:
                break
            if n < len(chosen):  # each server's first session is where its key was pinned
                pin = {"host": DEMO_HOST, "port": DEMO_PORT + n, "key_type": "ssh-ed25519"}
                pin |= {"fingerprint": keys[customer_id], "pinned_by": AGENTS[n % 3]}
                log("host_key_pinned", pin | {"approved": True})
            for _ in range(rng.randint(1, 4)):
                log("file_transferred", _file_payload(rng, su, keys[customer_id], now))
            _tick(clock, days, rng, minutes=rng.randint(5, 15))  # checking with the customer
            log("session_ended", {"summary": "Filerna överförda", "outcome": "resolved"})
            _tick(clock, days, rng, minutes=rng.randint(10, 30), next_call=True)
    return sessions


def _tick(
    clock: list[Any],
    days: list[dt.date],
    rng: random.Random,
    minutes: int = 0,
    next_call: bool = False,
) -> dt.datetime:
    """Move the demo's clock on (a few minutes between a session's events, ``minutes``
    before the ``next_call``, which after 15:00 UTC waits for the next working day)."""
    at: dt.datetime = clock[0] + dt.timedelta(minutes=minutes or rng.randint(1, 6))
    if next_call and at.time() > dt.time(15, 0) and clock[1] + 1 < len(days):
        clock[1] += 1
        at = dt.datetime.combine(days[clock[1]], dt.time(7, rng.randint(0, 30)), dt.UTC)
    clock[0] = at
    return at


def _add_servers(conn: Connection, rng: random.Random, chosen: Sequence[Any]) -> dict[int, str]:
    """One unreachable demo server per chosen customer: a profile and a pinned key (keys are
    per host:port, so each gets its own port); returns customer id -> fingerprint."""
    keys: dict[int, str] = {}
    for i, (customer_id, _contact) in enumerate(chosen):
        port = DEMO_PORT + i
        conn.execute(
            insert(SftpProfile).values(
                customer_id=customer_id,
                name="Demoserver (ej nåbar)",
                host=DEMO_HOST,
                port=port,
                username="bowebb",
                auth_kind="password",
                key_path=None,
                remote_dir="/upload",
                version=1,
            )
        )
        blob, fp = _fake_key(rng)
        values: dict[str, Any] = {
            "host": DEMO_HOST,
            "port": port,
            "key_type": "ssh-ed25519",
            "fingerprint_sha256": fp,
            "public_key": blob,
        }
        if conn.dialect.name == "sqlite":
            now = dt.datetime.now(dt.UTC)
            values |= {"pinned_by": AGENTS[i % 3], "pinned_at": now}
            values |= {"approved_by": AGENTS[i % 3], "approved_at": now}
        conn.execute(insert(HostKey).values(**values))
        keys[customer_id] = fp
    return keys


def _file_payload(rng: random.Random, su: str, fp: str, now: dt.datetime) -> dict[str, Any]:
    """One file_transferred payload: mostly verified, some failed or cancelled."""
    direction, name, size = rng.choice(FILES)
    roll = rng.random()
    result = "ok" if roll < 0.8 else "failed" if roll < 0.93 else "cancelled"
    kind, reason = rng.choice(REASONS) if result == "failed" else (None, None)
    if result == "cancelled":
        kind, reason = "cancelled", "Avbruten av användaren."
    return {
        "direction": direction,
        "remote_path": f"/upload/{name}",
        "local_name": name,
        "size": size,
        "sha256": hashlib.sha256(f"{su}{name}".encode()).hexdigest() if result == "ok" else None,
        "host_key_fingerprint": fp,
        "resumed_from": None,
        "duration_s": round(size / 40_000_000 + rng.random(), 3),
        "result": result,
        "reason": reason,
        "error_kind": kind,
        "bytes_transferred": size if result == "ok" else size // 3,
        "started_at": now.isoformat(),
    }
