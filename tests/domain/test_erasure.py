"""Deadline arithmetic (GDPR Art. 12(3)) and the bookkeeping hold (bokföringslagen 7:2)."""

from __future__ import annotations

import datetime as dt

import pytest

from bowebb_console.domain import erasure as rules
from bowebb_console.domain.errors import ValidationError

D = dt.date


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 1, 15), D(2026, 2, 15)),
        (D(2026, 1, 31), D(2026, 2, 28)),  # no 31 Feb: the month's last day
        (D(2028, 1, 31), D(2028, 2, 29)),  # leap year
        (D(2028, 1, 29), D(2028, 2, 29)),
        (D(2027, 1, 29), D(2027, 2, 28)),
        (D(2026, 3, 31), D(2026, 4, 30)),
        (D(2026, 12, 31), D(2027, 1, 31)),  # over the year end
        (D(2026, 2, 28), D(2026, 3, 28)),
    ],
)
def test_answer_due_one_month(received: dt.date, due: dt.date) -> None:
    assert rules.answer_due(received) == due


@pytest.mark.parametrize(
    ("received", "extended"),
    [
        (D(2026, 1, 15), D(2026, 4, 15)),
        (D(2026, 11, 30), D(2027, 2, 28)),
        (D(2027, 11, 30), D(2028, 2, 29)),
        (D(2026, 12, 31), D(2027, 3, 31)),
    ],
)
def test_extension_is_two_further_months(received: dt.date, extended: dt.date) -> None:
    assert rules.extended_due(received) == extended
    assert rules.check_extension(received, received, "many requests") == extended


def test_extension_needs_a_reason_and_comes_in_time() -> None:
    with pytest.raises(ValidationError, match="reason") as caught:
        rules.check_extension(D(2026, 1, 15), D(2026, 1, 20), "  ")
    assert caught.value.code == "erasure.extension_reason"
    with pytest.raises(ValidationError, match="passed") as caught:
        rules.check_extension(D(2026, 1, 15), D(2026, 2, 16), "late")
    assert caught.value.code == "erasure.extension_too_late"
    assert rules.check_extension(D(2026, 1, 15), D(2026, 2, 15), "on the last day")


def test_overdue() -> None:
    due = D(2026, 2, 15)
    assert not rules.is_overdue(due, None, "open", D(2026, 2, 15))
    assert rules.is_overdue(due, None, "open", D(2026, 2, 16))
    assert not rules.is_overdue(due, D(2026, 4, 15), "open", D(2026, 2, 16))
    assert not rules.is_overdue(due, None, "done", D(2027, 1, 1))


def test_received_on_not_in_future() -> None:
    with pytest.raises(ValidationError) as caught:
        rules.check_received_on(D(2026, 11, 27), D(2026, 11, 26))
    assert caught.value.code == "erasure.received_in_future"


@pytest.mark.parametrize(
    ("typed", "matches"),
    [
        (" vindelkraft ödmjuk ab ", True),
        ("VINDELKRAFT ÖDMJUK AB", True),
        ("Vindelkraft", False),
        ("", False),
        ("   ", False),
    ],
)
def test_typed_company_name(typed: str, matches: bool) -> None:
    assert rules.names_match(typed, "Vindelkraft Ödmjuk AB") is matches


@pytest.mark.parametrize(
    ("year_end", "hold"),
    [
        (D(2025, 12, 31), D(2032, 12, 31)),
        (D(2026, 6, 30), D(2033, 12, 31)),  # broken financial year: the calendar year counts
        (D(2024, 2, 29), D(2031, 12, 31)),
    ],
)
def test_bookkeeping_hold(year_end: dt.date, hold: dt.date) -> None:
    assert rules.bookkeeping_hold_until(year_end) == hold


def test_reference_and_hashes_hold_no_person() -> None:
    ref = rules.new_reference(D(2026, 11, 26))
    assert ref.startswith("ER-2026-") and len(ref) == 16
    forms = rules.identifier_forms(email=" Anna@Exempel.SE ", phone="+46 70-123", name="Ånna  Ek")
    assert forms == ["email:anna@exempel.se", "phone:+4670123", "name:ånna ek"]
    h = rules.keyed_hash(b"k" * 32, forms[0])
    assert len(h) == 64 and "anna" not in h
    assert h != rules.keyed_hash(b"j" * 32, forms[0])
