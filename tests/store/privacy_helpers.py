"""A person planted in every place an access request must find, beside another person who
must not appear in their export (built on tests.store.erasure_helpers)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, insert

from bowebb_console.store.db.connect import Database
from bowebb_console.store.erasure.journal import Journal, JournalEntry
from bowebb_console.store.models import NoticeExport, SftpProfile
from tests.store.erasure_helpers import EMAIL, Planted, _event, plant_person

# What the export must never hold: the other person's data.
OTHER_NAME = "Berit Bystander"
OTHER_EMAIL = "berit@annat.se"
OTHERS = ("Berit", "Bystander", "berit@annat.se", "berit-files", "ER-2026-BERITXXX")
FILE_NAME = "zebulon-lonespec.xlsx"


@dataclass(frozen=True)
class PlantedEverywhere:
    planted: Planted
    journal: Path
    profile_id: int


def plant_everywhere(engine: Engine, tmp: Path) -> PlantedEverywhere:
    planted = plant_person(engine)
    with Database(engine).transaction() as conn:
        # A file-transfer session the person agreed to, with one file.
        session = str(uuid.uuid4())
        _event(
            conn,
            session,
            "consent_recorded",
            customer_id=planted.customer_id,
            contact_id=planted.contact_id,
            session_kind="file_transfer",
            outcome="agreed",
            channel="phone",
            agreed_at=dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC).isoformat(),
            reference="T-3",
            scope="file_transfer",
            purpose="payroll file",
            purpose_kind="support",
            purpose_reference="T-3",
        )
        _event(conn, session, "session_started", tool="SFTP", tool_session_id="")
        _event(
            conn,
            session,
            "file_transferred",
            direction="download",
            remote_path=f"/in/{FILE_NAME}",
            local_name=FILE_NAME,
            size=1234,
            sha256="a" * 64,
            result="ok",
        )
        # The other person's file-transfer session: must not show.
        other = str(uuid.uuid4())
        _event(
            conn,
            other,
            "consent_recorded",
            customer_id=planted.other_customer_id,
            contact_id=planted.bystander_id,
            session_kind="file_transfer",
            outcome="agreed",
            channel="email",
            agreed_at=dt.datetime(2026, 11, 3, 9, 0, tzinfo=dt.UTC).isoformat(),
            reference="T-4",
            scope="file_transfer",
            purpose="invoices",
            purpose_kind="support",
            purpose_reference="T-4",
        )
        _event(conn, other, "session_started", tool="SFTP", tool_session_id="")
        _event(
            conn,
            other,
            "file_transferred",
            direction="upload",
            remote_path="/out/berit-files.zip",
            local_name="berit-files.zip",
            size=1,
            sha256="b" * 64,
            result="ok",
        )
    with engine.begin() as conn:
        values = {"recipient_count": 3, "reason": "Driftstörning 2026-11-30"}
        if engine.dialect.name != "postgresql":
            values["actor"] = "tester"
        conn.execute(insert(NoticeExport).values(**values))
        # A breach notice to a customer the person has nothing to do with: not theirs.
        conn.execute(
            insert(NoticeExport).values(
                **values, customer_ids=json.dumps([planted.customer_id + 1000])
            )
        )
        profile = conn.execute(
            insert(SftpProfile)
            .values(
                customer_id=planted.customer_id,
                name="Lön",
                host="sftp.vindelkraft.se",
                port=22,
                username=EMAIL,
                auth_kind="password",
                remote_dir="/in",
                version=1,
            )
            .returning(SftpProfile.id)
        ).scalar_one()
        conn.execute(
            insert(SftpProfile).values(
                customer_id=planted.other_customer_id,
                name="Fakturor",
                host="sftp.annat.se",
                port=22,
                username="berit-files",
                auth_kind="password",
                remote_dir="/",
                version=1,
            )
        )
    journal = Journal(tmp / "erasure-journal.jsonl")
    for reference, email in (("ER-2026-ZEBULONX", EMAIL), ("ER-2026-BERITXXX", OTHER_EMAIL)):
        journal.append(
            JournalEntry(
                reference=reference,
                on="2026-10-01",
                kind="person",
                chain="",
                hashes=journal.hashes(email=email),
            )
        )
    return PlantedEverywhere(planted, journal.path, int(profile))
