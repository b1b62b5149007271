"""The session log's hash chain: one canonical encoding, used by writers and the verifier.

Canonical encoding (version 1). An event is hashed as the UTF-8 bytes of one text line::

    v1|<seq>|<event_uuid>|<session_uuid>|<kind>|<actor>|<at>|<payload_commitment>|<prev_hash>

- ``seq``: decimal, no sign, no leading zeros (1, 2, ...).
- ``event_uuid``, ``session_uuid``: lower-case 8-4-4-4-12 hex UUIDs.
- ``kind``: ``[a-z_]{1,40}``; ``actor``: the database login (PostgreSQL ``session_user``) or
  the local user (SQLite); neither may contain ``|``, CR or LF (checked by the writers and
  by CHECK constraints), so the line splits back into its fields unambiguously.
- ``at``: UTC, ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (always six fraction digits). It is stored as
  this very text in both dialects, so the bytes hashed are the bytes stored. PostgreSQL's
  trigger makes it with ``to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')``.
- ``payload_commitment``, ``prev_hash``: 64 lower-case hex digits; the first event's
  ``prev_hash`` is ``GENESIS`` (64 zeros).

``hash = hex(SHA-256(line))``. The payload (erasable, in ``log_payload``) is committed to as
``payload_commitment = hex(SHA-256(salt ‖ canonical_payload))`` where ``salt`` is 16 random
bytes and ``canonical_payload`` is the UTF-8 of ``json.dumps(payload, sort_keys=True,
separators=(",", ":"), ensure_ascii=False)``. The payload text is stored as those exact bytes
(text, never ``jsonb``), so the verifier hashes stored bytes and never re-serialises JSON.
Erasing a payload deletes the salt with it: the chain still verifies, and nothing left can
confirm a guess of what the payload said.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from hashlib import sha256
from typing import Any

VERSION = "v1"
GENESIS = "0" * 64
SALT_BYTES = 16
KIND_RE = re.compile(r"^[a-z_]{1,40}$")
HEX64_RE = re.compile(r"^[0-9a-f]{64}$")
_BAD_ACTOR = re.compile(r"[|\r\n]")

# One event row as read for verification, in this column order:
# seq, event_uuid, session_uuid, kind, actor, at, payload_commitment, prev_hash, hash
ChainRow = tuple[int, str, str, str, str, str, str, str, str]
# One payload: seq of its event, salt, canonical payload text (ascending seq; erased ones absent)
PayloadRow = tuple[int, bytes, str]


def canonical_payload(payload: dict[str, Any]) -> str:
    """The exact text stored and hashed for a payload."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def payload_commitment(salt: bytes, canonical: bytes) -> str:
    return sha256(salt + canonical).hexdigest()


def format_at(moment: dt.datetime) -> str:
    """``at`` as stored and hashed: UTC with microseconds and a ``Z``."""
    if moment.tzinfo is None:
        raise ValueError("log times must be timezone-aware")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def check_fields(kind: str, actor: str) -> None:
    if not KIND_RE.match(kind):
        raise ValueError(f"invalid event kind {kind!r}")
    if not actor or _BAD_ACTOR.search(actor):
        raise ValueError("an actor must be non-empty and contain no '|' or line break")


def event_line(
    seq: int,
    event_uuid: str,
    session_uuid: str,
    kind: str,
    actor: str,
    at: str,
    commitment: str,
    prev_hash: str,
) -> bytes:
    return (
        f"{VERSION}|{seq}|{event_uuid}|{session_uuid}|{kind}|{actor}|{at}|{commitment}|{prev_hash}"
    ).encode()


def event_hash(
    seq: int,
    event_uuid: str,
    session_uuid: str,
    kind: str,
    actor: str,
    at: str,
    commitment: str,
    prev_hash: str,
) -> str:
    line = event_line(seq, event_uuid, session_uuid, kind, actor, at, commitment, prev_hash)
    return sha256(line).hexdigest()


# --- verification -------------------------------------------------------------------------

PROBLEM_KINDS = (
    "changed",  # an event's columns no longer match its hash
    "missing",  # a sequence number is missing (deleted event)
    "duplicate",  # a sequence number appears twice, or out of order
    "inserted",  # an event was inserted between two linked events
    "reordered",  # two events swapped places
    "broken_link",  # prev_hash does not match the previous event (other causes)
    "payload",  # a payload no longer matches its commitment
    "anchor",  # the anchored head is gone or no longer matches
    "head",  # the chain-head row does not match the last event, or its seq was raised
    "time",  # an event's time is earlier than the previous event's
)

# What the store passes as ``head`` when the chain-head row is gone.
NO_HEAD_ROW = (-1, "")


@dataclass(frozen=True)
class Problem:
    kind: str
    seq: int
    message: str


@dataclass(frozen=True)
class VerifyResult:
    events: int
    head_seq: int
    head: str
    erased_payloads: int
    problem: Problem | None
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.problem is None and not self.cancelled

    def report(self) -> str:
        if self.cancelled:
            return f"verification cancelled after {self.events} events"
        if self.problem is not None:
            p = self.problem
            return f"chain broken at seq {p.seq}: {p.kind}: {p.message}"
        return f"{self.events} events, chain intact, head {self.head}"


def verify_chain(
    rows: Iterable[ChainRow],
    payloads: Iterable[PayloadRow] = (),
    *,
    anchor: str | None = None,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    progress_every: int = 50_000,
    first_seq: int = 1,
    first_prev: str = GENESIS,
    first_at: str = "",
    head: tuple[int, str] | None = None,
) -> VerifyResult:
    """Recompute the chain over ``rows`` and check ``payloads`` against their commitments
    (both in ascending ``seq``); stop at the first problem.

    ``anchor`` is a head hash exported earlier: some event must still carry it, so deleting
    the newest events (which leaves a shorter, self-consistent chain) is caught.
    ``first_seq``/``first_prev``/``first_at`` verify a slice that starts later in the chain
    (parallel verification checks the links between slices itself).
    ``head`` is the stored chain-head row ``(seq, hash)`` read in the same snapshot as
    ``rows`` (``NO_HEAD_ROW`` when it is gone; ``None``: a slice that does not end the chain).
    Writers take the next position from it, so it must equal the last event.
    """
    it: Iterator[ChainRow] = iter(rows)
    pit: Iterator[PayloadRow] = iter(payloads)
    end = (1 << 63, b"", "")
    pseq, psalt, ptext = next(pit, end)
    expected = first_seq
    prev = first_prev
    prevprev: str | None = None
    prev_seq = first_seq - 1
    prev_at = first_at
    checked_payloads = 0
    anchor_seen = anchor is None
    count = 0
    line = event_line  # the writers' own encoding; a local name for the hot loop

    def result(problem: Problem | None, cancelled: bool = False) -> VerifyResult:
        return VerifyResult(count, prev_seq, prev, count - checked_payloads, problem, cancelled)

    for row in it:
        seq, eu, su, kind, actor, at, commit, prev_hash, stored = row
        computed = sha256(line(seq, eu, su, kind, actor, at, commit, prev_hash)).hexdigest()
        if seq != expected:
            return result(_diagnose_gap(row, computed, expected, prev))
        if prev_hash != prev:
            return result(_diagnose_link(row, computed, prev, prevprev, prev_seq, it))
        if computed != stored:
            return result(
                Problem("changed", seq, "the event's columns do not match its hash (edited)")
            )
        if at < prev_at:  # canonical text: its order is the time order
            return result(_time_problem(seq, at, prev_seq, prev_at))
        if pseq == seq:  # else erased (or not written): the chain does not depend on it
            if sha256(psalt + ptext.encode()).hexdigest() != commit:
                return result(Problem("payload", seq, "the payload does not match its commitment"))
            checked_payloads += 1
            pseq, psalt, ptext = next(pit, end)
        elif pseq < seq:
            return result(Problem("payload", pseq, "a payload belongs to no event"))
        if not anchor_seen and stored == anchor:
            anchor_seen = True
        prevprev, prev, prev_seq, prev_at = prev, stored, seq, at
        expected += 1
        count += 1
        if count % progress_every == 0:
            if progress is not None:
                progress(count)
            if cancel is not None and cancel():
                return result(None, cancelled=True)
    if pseq != end[0]:
        return result(Problem("payload", pseq, "a payload belongs to no event"))
    if head is not None and head != (prev_seq, prev):
        return result(_head_problem(head, prev_seq, prev))
    return result(None if anchor_seen else _anchor_problem(prev_seq, anchor))


def _time_problem(seq: int, at: str, prev_seq: int, prev_at: str) -> Problem:
    return Problem(
        "time",
        seq,
        f"event {seq} is dated {at}, before event {prev_seq} ({prev_at}): a time was changed, "
        "or the clock went back",
    )


def _anchor_problem(last_seq: int, anchor: str | None) -> Problem:
    return Problem(
        "anchor",
        last_seq,
        f"no event has the anchored hash {anchor}: events were removed after it, or it was changed",
    )


def _diagnose_gap(row: ChainRow, computed: str, expected: int, prev: str) -> Problem:
    """``row`` does not carry the expected seq: a deletion, a duplicate, or a raised head."""
    seq, prev_hash, stored = row[0], row[7], row[8]
    if seq < expected:
        return Problem("duplicate", seq, f"sequence number {seq} repeated or out of order")
    missing = f"{expected}" if seq == expected + 1 else f"{expected}–{seq - 1}"
    if prev_hash == prev and computed == stored:
        # Deleting events would leave the next one linking to a deleted hash; this one links
        # straight across the gap: the writer was handed a raised seq by the chain head.
        return Problem(
            "head",
            expected,
            f"sequence number(s) {missing} were skipped, but event {seq} links straight to "
            f"event {expected - 1}: the chain head's seq was raised before event {seq} was "
            "written (nothing was deleted)",
        )
    return Problem("missing", expected, f"sequence number(s) {missing} missing")


def _head_problem(head: tuple[int, str], last_seq: int, last_hash: str) -> Problem:
    """The chain-head row does not match the last event (checked after the whole chain)."""
    if head == NO_HEAD_ROW:
        return Problem("head", last_seq, "the chain head row is missing: no event can be written")
    head_seq, head_hash = head
    if head_seq > last_seq and head_hash != last_hash:
        # The head still names a later event: those events were deleted.
        missing = f"{last_seq + 1}" if head_seq == last_seq + 1 else f"{last_seq + 1}–{head_seq}"
        return Problem(
            "missing",
            last_seq + 1,
            f"sequence number(s) {missing} missing at the end: the chain head row still names "
            f"seq {head_seq}",
        )
    if head_seq > last_seq:
        cause = "its seq was raised: new events would skip sequence numbers"
    elif head_seq < last_seq:
        cause = "its seq was lowered: new events would reuse a taken seq and be refused"
    else:
        cause = (
            "its hash (or the last event, re-hashed) was changed: the next event would link "
            "to a hash no event has"
        )
    return Problem(
        "head",
        last_seq,
        f"the chain head row (seq {head_seq}, hash {head_hash[:16]}…) does not match the last "
        f"event (seq {last_seq}, hash {last_hash[:16]}…): {cause}",
    )


def _diagnose_link(
    row: ChainRow,
    computed: str,
    prev: str,
    prevprev: str | None,
    prev_seq: int,
    rest: Iterator[ChainRow],
) -> Problem:
    """Name what most likely broke the link into ``row`` (only run once, on failure)."""
    seq, prev_hash, stored = row[0], row[7], row[8]
    if prevprev is not None and prev_hash == prevprev:
        return Problem("inserted", prev_seq, "an event was inserted before this one")
    following = next(rest, None)
    if following is not None and following[7] == prev and prev_hash == following[8]:
        return Problem("reordered", seq, f"events {seq} and {following[0]} swapped places")
    if computed != stored:
        return Problem("changed", seq, "the event's columns do not match its hash (edited)")
    if prev_seq > 0:
        return Problem(
            "changed",
            prev_seq,
            "the event was changed and re-hashed: the next event still links to the original "
            "(or the chain head row was changed before the next event was written)",
        )
    return Problem("broken_link", seq, "the first event does not link to the genesis hash")
