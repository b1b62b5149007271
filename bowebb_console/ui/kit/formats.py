"""How values read on screen, in one place: local date and time (never UTC, never
microseconds), phone numbers as people write them, and counts in the chosen locale (the
locale ``install_translators`` makes the default). Exports keep their own, exact forms."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale

DATE = "%Y-%m-%d"  # ISO dates: the Swedish convention, and unambiguous in English too
MINUTE = "%Y-%m-%d %H:%M"


def _aware(value: dt.datetime | str | None) -> dt.datetime | None:
    """A moment from the store (aware, or naive UTC, or ISO text), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value


def local_time(value: dt.datetime | str | None, *, seconds: bool = False) -> str:
    """``2026-11-26 14:05`` in this computer's time zone; ``""`` for no value."""
    moment = _aware(value)
    if moment is None:
        return "" if not isinstance(value, str) else value
    return moment.astimezone().strftime(MINUTE + (":%S" if seconds else ""))


def local_date(value: dt.date | dt.datetime | str | None) -> str:
    """``2026-11-26``; a moment is turned into the local day first."""
    if isinstance(value, dt.datetime) or (isinstance(value, str) and "T" in value):
        moment = _aware(value)
        return moment.astimezone().strftime(DATE) if moment else ""
    if isinstance(value, dt.date):
        return value.strftime(DATE)
    return value or ""


def phone(e164: str | None) -> str:
    """``+46708040947`` -> ``070-804 09 47``."""
    # phonenumbers (with email-validator, ~80 ms) loads on first use, not with every screen
    from bowebb_console.domain.contact_info import display_phone

    return display_phone(e164)


def count(n: int) -> str:
    """``2 331`` in Swedish, ``2,331`` in English."""
    return QLocale().toString(n)


def weekday_day(day: dt.date) -> str:
    """``mån 23`` / ``Mon 23``: a short weekday name in the chosen language and the day."""
    locale = QLocale()
    name = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{name} {day.day:02d}"
