"""Swedish organisation numbers (organisationsnummer) and personal identity numbers.

Accepted input forms, all normalised to ten digits:
``5566809827``, ``556680-9827``, ``165566809827`` (12 digits, ``16`` prefix for organisations),
``19``/``20``-prefixed 12-digit personal identity numbers, and the VAT form ``SE556680982701``.
The last digit is a Luhn (mod 10) check digit over the first nine.

A sole trader (enskild firma) uses the owner's personal identity number: third digit 0 or 1
(a month). Such an identifier is personal data and must be treated as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bowebb_console.domain.errors import ValidationError

# Spaces, the plus sign, and every dash a paste brings: hyphen-minus, hyphen, non-breaking
# hyphen, figure dash, en dash, em dash, horizontal bar, minus sign, small/full-width hyphens.
_SEPARATORS = re.compile(r"[\s\-+\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
_VAT = re.compile(r"^SE(\d{10})01$")
MAX_INPUT = 40


def luhn_check_digit(nine_digits: str) -> int:
    """The Luhn check digit for nine digits (weights 2,1,2,1,... from the left)."""
    total = 0
    for i, ch in enumerate(nine_digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10


def luhn_valid(ten_digits: str) -> bool:
    return (
        len(ten_digits) == 10
        and ten_digits.isdigit()
        and luhn_check_digit(ten_digits[:9]) == int(ten_digits[9])
    )


@dataclass(frozen=True)
class OrgNumber:
    """A validated identifier, stored as ten digits."""

    digits: str

    @property
    def formatted(self) -> str:
        """``NNNNNN-NNNN`` as shown everywhere in the UI."""
        return f"{self.digits[:6]}-{self.digits[6:]}"

    @property
    def is_personal_identity_number(self) -> bool:
        """True for a sole trader's personnummer (third digit 0 or 1): personal data."""
        return self.digits[2] in "01"

    @property
    def masked(self) -> str:
        """For lists and wizards, where the full number is not needed: a sole trader's
        personnummer keeps its first six digits only (``850709-****``); an organisation
        number is shown whole."""
        if self.is_personal_identity_number:
            return f"{self.digits[:6]}-****"
        return self.formatted

    @property
    def vat_number(self) -> str:
        return f"SE{self.digits}01"

    def __str__(self) -> str:
        return self.formatted


def masked(text: str) -> str:
    """``OrgNumber.masked`` for a stored or formatted number (``NNNNNN-NNNN`` or ten digits);
    anything else comes back unchanged."""
    digits = _strip(text)
    return OrgNumber(digits).masked if len(digits) == 10 and digits.isdigit() else text


def _strip(text: str) -> str:
    return _SEPARATORS.sub("", text.strip()).upper()


def digits_for_search(text: str) -> str | None:
    """Ten (or fewer) digits to search by, if ``text`` looks like an org number or part of one.

    Used by search, which must accept partial input: returns the digits with separators and
    the ``16``/``SE`` forms removed, or None when the text is not numeric.
    """
    raw = _strip(text)[:MAX_INPUT]
    vat = _VAT.match(raw)
    if vat:
        return vat.group(1)
    if raw.startswith("SE") and raw[2:].isdigit():
        raw = raw[2:]
    if not raw.isdigit():
        return None
    if len(raw) == 12 and raw[:2] in ("16", "19", "20"):
        return raw[2:]
    return raw


def _refuse(message: str, code: str, **params: object) -> ValidationError:
    return ValidationError("org_number", message, f"orgnr.{code}", params)


def parse_orgnr(text: str, *, allow_personal: bool = True) -> OrgNumber:
    """Parse and validate an organisation number; raises ValidationError with a clear reason
    (codes ``orgnr.missing``, ``orgnr.check_digit``, ...)."""
    if not isinstance(text, str) or not text.strip():
        raise _refuse("Organisation number is missing.", "missing")
    if len(text) > MAX_INPUT:
        raise _refuse("Organisation number is too long.", "too_long", max=MAX_INPUT)
    raw = _strip(text)
    vat = _VAT.match(raw)
    if vat:
        raw = vat.group(1)
    if not raw.isdigit():
        raise _refuse(
            "Organisation number may only contain digits and a dash (NNNNNN-NNNN).",
            "bad_characters",
        )
    if len(raw) == 12:
        raw = _strip_prefix(raw)
    if len(raw) != 10:
        raise _refuse(
            f"Organisation number must have 10 digits, not {len(raw)}.",
            "length",
            digits=len(raw),
        )
    if not luhn_valid(raw):
        raise _refuse("The check digit is wrong: check the number for a typo.", "check_digit")
    number = OrgNumber(raw)
    if number.is_personal_identity_number:
        month = int(raw[2:4])
        if not 1 <= month <= 12:
            raise _refuse("Not a valid organisation or personal number.", "not_valid")
        if not allow_personal:
            raise _refuse(
                "This is a personal identity number, not an organisation number.", "personal"
            )
    return number


def _strip_prefix(raw: str) -> str:
    """Ten digits from a 12-digit form: ``16`` for organisations, ``19``/``20`` for people."""
    if raw[:2] == "16":
        if raw[4] in "01":
            raise _refuse(
                "The 16 prefix is for organisations; this is a personal number.", "prefix_16"
            )
        return raw[2:]
    if raw[:2] in ("19", "20"):
        if raw[4] not in "01":
            raise _refuse(
                "A century prefix (19/20) is only used for personal numbers.", "prefix_century"
            )
        return raw[2:]
    raise _refuse("A 12-digit number must start with 16 (organisation) or 19/20.", "prefix_unknown")


def make_orgnr(first_nine: str) -> OrgNumber:
    """Complete nine digits with their check digit (demo data, benchmarks, tests)."""
    if len(first_nine) != 9 or not first_nine.isdigit():
        raise ValueError("need exactly nine digits")
    return OrgNumber(first_nine + str(luhn_check_digit(first_nine)))
