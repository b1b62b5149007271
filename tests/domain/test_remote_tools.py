"""Issue 15, item 7: when a remote-control tool's register entry is flagged."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

from bowebb_console.domain.countries import EU_MEMBERS
from bowebb_console.domain.subprocessor_flags import ToolEntry, ToolFlag, tool_flags

SIGNED = dt.date(2025, 1, 1)


def _entry(locations: tuple[str, ...], dpa: dt.date | None = SIGNED, status: str = "active"):  # type: ignore[no-untyped-def]
    return ToolEntry("AnyDesk", 1, "AnyDesk Software GmbH", dpa, locations, status)


def test_flags() -> None:
    assert tool_flags(_entry(("DE",)), True) == ()
    assert tool_flags(_entry(("DE", "US")), True) == (ToolFlag.OUTSIDE_EU,)
    assert tool_flags(_entry(("NO",)), True) == (ToolFlag.OUTSIDE_EU,)  # EEA is not the EU
    assert tool_flags(_entry(("SE",), dpa=None), True) == (ToolFlag.NO_DPA,)
    assert tool_flags(_entry(("SE",), status="ended"), True) == (ToolFlag.ENDED,)
    assert tool_flags(None, True) == (ToolFlag.NOT_IN_REGISTER,)
    assert tool_flags(None, False) == ()  # no tool linked yet: nothing to tell apart


def test_the_database_rule_knows_the_same_eu() -> None:
    path = Path(__file__).parents[2] / "bowebb_console/store/migrations/versions/0018_processing.py"
    spec = importlib.util.spec_from_file_location("m0018", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert set(module.EU_MEMBERS.split(" ")) == EU_MEMBERS
