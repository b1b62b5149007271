"""The canonical encoding and the pure verifier (domain.hashchain)."""

from __future__ import annotations

import datetime as dt
import hashlib

from bowebb_console.domain import hashchain as hc

EU = "11111111-2222-4333-8444-555555555555"
SU = "66666666-7777-4888-8999-aaaaaaaaaaaa"


def test_known_answer_vector() -> None:
    commitment = hc.payload_commitment(b"\x00" * 16, b'{"a":1}')
    assert commitment == hashlib.sha256(b"\x00" * 16 + b'{"a":1}').hexdigest()
    line = hc.event_line(
        1, EU, SU, "consent_recorded", "anna", "2026-11-26T08:00:00.000001Z", commitment, hc.GENESIS
    )
    assert line == (
        b"v1|1|" + EU.encode() + b"|" + SU.encode() + b"|consent_recorded|anna|"
        b"2026-11-26T08:00:00.000001Z|" + commitment.encode() + b"|" + b"0" * 64
    )
    # Fixed vector: a change to the encoding must be deliberate (and PostgreSQL's trigger too).
    assert (
        hc.event_hash(
            1,
            EU,
            SU,
            "consent_recorded",
            "anna",
            "2026-11-26T08:00:00.000001Z",
            commitment,
            hc.GENESIS,
        )
        == "4e483e484c3627fb8e4ca4acfdb5da0166ac6a0348731bb921a505d6f7566e94"
    )


def test_canonical_payload_is_sorted_compact_utf8() -> None:
    assert hc.canonical_payload({"b": "Å", "a": [1, 2]}) == '{"a":[1,2],"b":"Å"}'


def test_format_at_is_utc_with_microseconds() -> None:
    cet = dt.timezone(dt.timedelta(hours=1))
    assert hc.format_at(dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=cet)) == (
        "2026-01-02T02:04:05.000000Z"
    )


def chain(n: int) -> tuple[list[hc.ChainRow], list[hc.PayloadRow]]:
    rows: list[hc.ChainRow] = []
    payloads: list[hc.PayloadRow] = []
    prev = hc.GENESIS
    for seq in range(1, n + 1):
        salt, payload = bytes([seq]) * 16, hc.canonical_payload({"n": seq})
        c = hc.payload_commitment(salt, payload.encode())
        eu = f"00000000-0000-4000-8000-{seq:012d}"
        at = f"2026-11-26T08:00:{seq % 60:02d}.000000Z"
        h = hc.event_hash(seq, eu, SU, "note_added", "anna", at, c, prev)
        rows.append((seq, eu, SU, "note_added", "anna", at, c, prev, h))
        payloads.append((seq, salt, payload))
        prev = h
    return rows, payloads


def test_intact_chain_and_erased_payloads() -> None:
    rows, payloads = chain(10)
    del payloads[4]  # erased: the chain still verifies
    result = hc.verify_chain(rows, payloads)
    assert result.ok and result.events == 10 and result.erased_payloads == 1
    assert result.report() == f"10 events, chain intact, head {rows[-1][8]}"


def test_each_problem_is_named_at_its_place() -> None:
    rows, payloads = chain(10)
    edited = list(rows)
    edited[3] = (*rows[3][:3], "session_started", *rows[3][4:])
    p = hc.verify_chain(edited, payloads).problem
    assert p is not None and (p.kind, p.seq) == ("changed", 4)
    missing = rows[:3] + rows[4:]
    p = hc.verify_chain(missing).problem
    assert p is not None and (p.kind, p.seq) == ("missing", 4)
    swapped = [*rows[:3], (4, *rows[4][1:]), (5, *rows[3][1:]), *rows[5:]]
    p = hc.verify_chain(swapped).problem
    assert p is not None and (p.kind, p.seq) == ("reordered", 4)
    bad_payload = list(payloads)
    bad_payload[6] = (7, payloads[6][1], '{"n":99}')
    p = hc.verify_chain(rows, bad_payload).problem
    assert p is not None and (p.kind, p.seq) == ("payload", 7)
    duplicated = [*rows[:4], rows[3], *rows[4:]]
    p = hc.verify_chain(duplicated).problem
    assert p is not None and (p.kind, p.seq) == ("duplicate", 4)
    forged_hash = hc.event_hash(5, *rows[4][1:7], rows[3][8])
    forged = (5, *rows[4][1:7], rows[3][8], forged_hash)
    renumbered = [(r[0] + 1, *r[1:]) for r in rows[4:]]
    p = hc.verify_chain([*rows[:4], forged, *renumbered]).problem
    assert p is not None and (p.kind, p.seq) == ("inserted", 5)
    p = hc.verify_chain(rows[:5], payloads).problem  # a payload with no event
    assert p is not None and (p.kind, p.seq) == ("payload", 6)


def test_anchor_catches_a_truncated_chain() -> None:
    rows, _ = chain(10)
    assert hc.verify_chain(rows, anchor=rows[-1][8]).ok
    assert hc.verify_chain(rows[:8], anchor=rows[7][8]).ok
    p = hc.verify_chain(rows[:8], anchor=rows[-1][8]).problem
    assert p is not None and p.kind == "anchor"


def test_cancel_and_progress() -> None:
    seen: list[int] = []
    rows, payloads = chain(10)
    result = hc.verify_chain(
        rows, payloads, progress=seen.append, cancel=lambda: True, progress_every=5
    )
    assert result.cancelled and not result.ok and seen == [5]
