"""Flags on a sub-processor: what an admin must act on (policy clauses 8 and 10). Pure:
``today`` is always passed in, so tests use a fixed clock."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from bowebb_console.domain.checklist import Checklist, open_items
from bowebb_console.domain.countries import country_name, eea_not_eu, is_eu, outside_eu_eea


class FlagKind(enum.StrEnum):
    OUTSIDE_EU_EEA = "outside_eu_eea"  # a third country: a breach of the policy's EU-only promise
    EEA_NOT_EU = "eea_not_eu"  # NO, IS, LI: GDPR applies, but the policy says EU
    ENDED_RECEIVING = "ended_receiving"
    NO_DPA = "no_dpa"
    CHECKLIST_GAP = "checklist_gap"
    REVIEW_OVERDUE = "review_overdue"


SEVERITY = {  # for sorting: the breaches first
    FlagKind.OUTSIDE_EU_EEA: 6,
    FlagKind.EEA_NOT_EU: 5,
    FlagKind.ENDED_RECEIVING: 4,
    FlagKind.NO_DPA: 3,
    FlagKind.CHECKLIST_GAP: 2,
    FlagKind.REVIEW_OVERDUE: 1,
}

# The flags that break the policy's promise to keep data inside the EU (details: countries).
COUNTRY_FLAGS = frozenset({FlagKind.OUTSIDE_EU_EEA, FlagKind.EEA_NOT_EU})


@dataclass(frozen=True)
class Flag:
    kind: FlagKind
    # Country codes (outside EU/EEA, or EEA but not EU), item keys (checklist gaps) or the
    # review date.
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegisterFacts:
    status: str  # active | ended
    dpa_signed_on: dt.date | None
    next_review_on: dt.date | None
    processing_locations: tuple[str, ...]
    storage_locations: tuple[str, ...]
    receiving_data: bool
    item_statuses: Mapping[str, str] = field(default_factory=dict)


def flags_for(facts: RegisterFacts, checklist: Checklist, today: dt.date) -> tuple[Flag, ...]:
    """The flags, most severe first. An ended sub-processor that no longer receives data
    raises none: it stays in the register as history."""
    flags: list[Flag] = []
    ended = facts.status == "ended"
    if ended and not facts.receiving_data:
        return ()
    places = tuple(dict.fromkeys(facts.processing_locations + facts.storage_locations))
    outside = outside_eu_eea(places)
    if outside:
        flags.append(Flag(FlagKind.OUTSIDE_EU_EEA, outside))
    eea_only = eea_not_eu(places)
    if eea_only:
        flags.append(Flag(FlagKind.EEA_NOT_EU, eea_only))
    if ended:
        flags.append(Flag(FlagKind.ENDED_RECEIVING))
    if facts.dpa_signed_on is None:
        flags.append(Flag(FlagKind.NO_DPA))
    gaps = open_items(checklist, facts.item_statuses)
    if gaps:
        flags.append(Flag(FlagKind.CHECKLIST_GAP, tuple(i.key for i in gaps)))
    if facts.next_review_on is None or facts.next_review_on < today:
        review = facts.next_review_on.isoformat() if facts.next_review_on else ""
        flags.append(Flag(FlagKind.REVIEW_OVERDUE, (review,)))
    return tuple(sorted(flags, key=lambda f: -SEVERITY[f.kind]))


def severity(flags: tuple[Flag, ...]) -> int:
    """A sort key for the overview: the worst flag, then how many."""
    return max((SEVERITY[f.kind] for f in flags), default=0) * 10 + len(flags)


_TEXTS = {
    "en": {
        FlagKind.OUTSIDE_EU_EEA: "Outside the EU/EEA (breach of the policy): {}",
        FlagKind.EEA_NOT_EU: "Outside the EU; GDPR applies (EEA) but the policy says EU: {}",
        FlagKind.ENDED_RECEIVING: "Ended but still marked as receiving data",
        FlagKind.NO_DPA: "No signed DPA",
        FlagKind.CHECKLIST_GAP: "{} checklist item(s) not yes",
        FlagKind.REVIEW_OVERDUE: "Review overdue {}",
    },
    "sv": {
        FlagKind.OUTSIDE_EU_EEA: "Utanför EU/EES (bryter mot policyn): {}",
        FlagKind.EEA_NOT_EU: "Utanför EU; GDPR gäller (EES) men policyn säger EU: {}",
        FlagKind.ENDED_RECEIVING: "Avslutat men tar fortfarande emot uppgifter",
        FlagKind.NO_DPA: "Inget undertecknat PUB-avtal",
        FlagKind.CHECKLIST_GAP: "{} punkt(er) i checklistan är inte ja",
        FlagKind.REVIEW_OVERDUE: "Granskningen är försenad {}",
    },
}


def flag_text(flag: Flag, lang: str = "en") -> str:
    """Text for exports (the GUI translates its own); countries by name."""
    template = _TEXTS.get(lang, _TEXTS["en"])[flag.kind]
    if flag.kind in COUNTRY_FLAGS:
        arg = ", ".join(f"{country_name(c, lang)} ({c})" for c in flag.details)
    elif flag.kind is FlagKind.CHECKLIST_GAP:
        arg = str(len(flag.details))
    else:
        arg = " ".join(flag.details)
    return template.format(arg).strip()


# --- remote-control tools (issue 15, item 7) ----------------------------------------------
class ToolFlag(enum.StrEnum):
    """Why a remote-control tool needs a logged reason before a session starts with it."""

    NOT_IN_REGISTER = "not_in_register"  # no register entry names this tool
    NO_DPA = "no_dpa"
    OUTSIDE_EU = "outside_eu"  # any location outside the EU (EEA-only countries too)
    ENDED = "ended"  # BoWebb has ended its use of the tool


@dataclass(frozen=True)
class ToolEntry:
    """The register entry a remote-control tool (its code, as the consent dialog names it)
    is linked to."""

    tool: str
    sub_processor_id: int
    name: str
    dpa_signed_on: dt.date | None
    locations: tuple[str, ...]  # processing and storage, ISO 3166 codes
    status: str  # active | ended


def tool_flags(entry: ToolEntry | None, register_lists_tools: bool) -> tuple[ToolFlag, ...]:
    """The flags of a tool. A tool with no entry is flagged once the register links any
    tool at all (before that, no tool is linked and nothing can be told apart); the same
    rule runs in PostgreSQL's ``log_payload_check`` (migration 0017)."""
    if entry is None:
        return (ToolFlag.NOT_IN_REGISTER,) if register_lists_tools else ()
    flags: list[ToolFlag] = []
    if any(not is_eu(c) for c in entry.locations):
        flags.append(ToolFlag.OUTSIDE_EU)
    if entry.dpa_signed_on is None:
        flags.append(ToolFlag.NO_DPA)
    if entry.status == "ended":
        flags.append(ToolFlag.ENDED)
    return tuple(flags)
