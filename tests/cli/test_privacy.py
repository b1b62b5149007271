"""``subject-access`` from the command line: JSON and PDF written, exit 0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bowebb_console.cli import main
from bowebb_console.store.db.engine import make_engine
from tests.store.erasure_helpers import EMAIL, NAME
from tests.store.privacy_helpers import OTHERS, plant_everywhere


def test_subject_access_writes_json_and_pdf(any_db_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(any_db_url)
    everywhere = plant_everywhere(engine, tmp_path)
    engine.dispose()
    out = tmp_path / "export"
    args = ["subject-access", "--phone", "0709 87 12 34", "--out", str(out), "--db", any_db_url]
    assert main([*args, "--journal", str(everywhere.journal)]) == 0
    printed = capsys.readouterr().out
    assert "answered (contacts: 2, consents: 2, transfers: 1" in printed
    (found,) = out.glob("*.json")
    assert len(list(out.glob("*.pdf"))) == 1
    report = json.loads(found.read_text(encoding="utf-8"))
    assert NAME in {c["name"] for c in report["contacts"]}
    assert EMAIL.lower() in {c["email"].lower() for c in report["contacts"]}
    assert not any(o.lower() in found.read_text(encoding="utf-8").lower() for o in OTHERS)
    with pytest.raises(SystemExit) as usage:  # no person named: argparse's usage error
        main(["subject-access", "--out", str(out), "--db", any_db_url])
    assert usage.value.code == 2


def test_subject_access_refusals(sqlite_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from bowebb_console.store.db.setup import init_database

    init_database(sqlite_url)
    bad = ["subject-access", "--email", EMAIL, "--out", str(tmp_path), "--db", sqlite_url]
    assert main([*bad, "--received", "2026-13-01"]) == 1
    assert "is not a date" in capsys.readouterr().err
    assert main([*bad, "--received", "2999-01-01"]) == 1
    assert "cannot be in the future" in capsys.readouterr().err
    assert list(tmp_path.glob("*.json")) == []
