"""Erasure rules with dates and pseudonyms (pure Python: the CLI, the store and the wizards).

- A data subject's request is answered within one month of receipt; the deadline can be
  extended by two further months when a reason is recorded (GDPR Art. 12(3)). "One month"
  is the same day number in the next month, or that month's last day when it has no such day
  (31 Jan -> 28/29 Feb).
- Legal holds: bookkeeping records (räkenskapsinformation) are kept until the end of the
  seventh year after the calendar year in which the financial year ended (bokföringslagen
  7 kap. 2 §).
- Pseudonymous references: an erasure is named by a random reference, and the journal that
  outlives restores finds rows again by keyed hashes (HMAC-SHA-256) of their normalised
  identifiers, never by the identifiers themselves.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import hmac
import re
import secrets

from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.search_text import fold

ANSWER_MONTHS = 1
EXTENSION_MONTHS = 2  # GDPR Art. 12(3): "by two further months where necessary"
BOOKKEEPING_YEARS = 7  # bokföringslagen 7 kap. 2 §

CHANNELS = ("email", "phone", "letter", "web_form", "in_person")
ROLE_CONTROLLER, ROLE_PROCESSOR = "controller", "processor"
STATUS_OPEN, STATUS_FORWARDED, STATUS_DONE, STATUS_REFUSED = "open", "forwarded", "done", "refused"
STATUSES = (STATUS_OPEN, STATUS_FORWARDED, STATUS_DONE, STATUS_REFUSED)
CLOSED = (STATUS_FORWARDED, STATUS_DONE, STATUS_REFUSED)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day number ``months`` later, clamped to the last day of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def answer_due(received_on: dt.date) -> dt.date:
    """The last day to answer a request received on ``received_on`` (no extension)."""
    return add_months(received_on, ANSWER_MONTHS)


def extended_due(received_on: dt.date) -> dt.date:
    """The deadline after the Art. 12(3) extension: three months from receipt in all."""
    return add_months(received_on, ANSWER_MONTHS + EXTENSION_MONTHS)


def check_extension(received_on: dt.date, today: dt.date, reason: str) -> dt.date:
    """Validate an extension: a reason is required, and the data subject must be told within
    the first month, so the extension is only possible until the original deadline."""
    if not reason.strip():
        raise ValidationError(
            "extension_reason",
            "An extension needs a recorded reason.",
            "erasure.extension_reason",
        )
    if today > answer_due(received_on):
        raise ValidationError(
            "extension_reason",
            "The one-month deadline has passed: an extension had to be decided and told to "
            "the person before it.",
            "erasure.extension_too_late",
        )
    return extended_due(received_on)


def effective_due(due_on: dt.date, extended_to: dt.date | None) -> dt.date:
    return extended_to or due_on


def is_overdue(due_on: dt.date, extended_to: dt.date | None, status: str, today: dt.date) -> bool:
    return status not in CLOSED and today > effective_due(due_on, extended_to)


def check_received_on(received_on: dt.date, today: dt.date) -> None:
    if received_on > today:
        raise ValidationError(
            "received_on",
            "The date of receipt cannot be in the future.",
            "erasure.received_in_future",
        )


def bookkeeping_hold_until(financial_year_end: dt.date) -> dt.date:
    """Bookkeeping records are kept until the end of the seventh year after the calendar year
    in which the financial year ended (bokföringslagen 7 kap. 2 §)."""
    return dt.date(financial_year_end.year + BOOKKEEPING_YEARS, 12, 31)


def names_match(typed: str, name: str) -> bool:
    """The purge's typed confirmation: the company name, ignoring case and outer spaces."""
    return bool(typed.strip()) and fold(typed) == fold(name)


def new_reference(today: dt.date) -> str:
    """A pseudonymous reference: the year and random letters, nothing about the person."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no look-alikes (0/O, 1/I)
    tail = "".join(secrets.choice(alphabet) for _ in range(8))
    return f"ER-{today.year}-{tail}"


def identifier_forms(*, email: str = "", phone: str = "", name: str = "") -> list[str]:
    """The normalised identifiers a journal hashes: typed prefix so the forms never collide."""
    forms = []
    if email.strip():
        forms.append("email:" + fold(email.strip()))
    if phone.strip():
        forms.append("phone:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+"))
    if name.strip():
        forms.append("name:" + " ".join(fold(name).split()))
    return forms


def keyed_hash(key: bytes, form: str) -> str:
    """HMAC-SHA-256 of one identifier form: without the key a list of guesses confirms nothing."""
    return hmac.new(key, form.encode("utf-8"), hashlib.sha256).hexdigest()


# Separators people put between a phone number's digits: spaces (also non-breaking), dashes
# (also typographic), dots, slashes, parentheses. ``+46 (0)70-987 12 34`` is one number.
_PHONE_GAPS = re.compile(r"(?<=\d)[\s\-./()\u2010-\u2015]+(?=\d)")
MIN_PHONE_DIGITS = 6


def phone_core(e164: str) -> str:
    """The digits every written form of ``e164`` contains: the national significant number
    for Swedish numbers (``+46709871234`` -> ``709871234``), else all digits; "" when too
    short to search for."""
    digits = "".join(ch for ch in e164 if ch.isdigit())
    core = digits[2:] if e164.startswith("+46") else digits
    return core if len(core) >= MIN_PHONE_DIGITS else ""


def mentions_phone(text: str, e164: str) -> bool:
    """Whether ``text`` writes the number ``e164``, however it is spaced or punctuated:
    ``070-987 12 34``, ``+46 70 987 12 34``, ``0046 (0)70 987 1234``, ``0709871234``."""
    core = phone_core(e164)
    if not core:
        return False
    prefix = r"(?:(?:\+|00)?46)?0?" if e164.startswith("+46") else r"(?:\+|00)?"
    pattern = re.compile(rf"(?<!\d){prefix}{re.escape(core)}(?!\d)")
    return pattern.search(_PHONE_GAPS.sub("", text)) is not None


def surname(name: str) -> str:
    """The last word of a full name, folded ("" for a single word or a short one): a mention
    of it alone may be the person, for the admin to confirm."""
    words = fold(name).split()
    return words[-1] if len(words) >= 2 and len(words[-1]) >= 3 else ""


def mentions_word(text: str, word: str) -> bool:
    """Whether folded ``text`` holds ``word`` (folded) as a whole word."""
    return bool(word) and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", fold(text)) is not None
