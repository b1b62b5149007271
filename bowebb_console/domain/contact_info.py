"""Contact details typed by people: e-mail addresses, phone numbers and names.

Each function returns the one normalised form the console stores, or raises
:class:`~bowebb_console.domain.errors.ValidationError` with a stable code (``email.no_domain``,
``phone.too_short``, ``name.missing`` ...) and its values for the UI to translate, and a plain
English sentence for the CLI. ``name.*`` errors carry the form's ``field`` as a value.

- E-mail: syntax checked with ``email-validator`` (no DNS look-up), domain lower-cased,
  internationalised addresses accepted, at most 254 characters.
- Phone: parsed with ``phonenumbers`` (national form in ``region``, or ``+``/``00`` and a
  country code) and stored as E.164, e.g. ``+46701234567``.
- Names: NFC, trimmed, inner whitespace collapsed to one space, no control characters.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import email_validator
import phonenumbers
from email_validator import EmailNotValidError, validate_email

from bowebb_console.domain.errors import ValidationError

EMAIL_MAX = 254  # RFC 5321 path limit, less the angle brackets
EMAIL_LOCAL_MAX = 64  # octets before the @ (RFC 5321 4.5.3.1.1)
PHONE_INPUT_MAX = 40
NAME_MAX = 200

_PHONE_CHARS = re.compile(r"^\+?[0-9\s\-().\/]+$")
_WHITESPACE_RUN = re.compile(r"\s+")
# Whitespace a paste may bring (tab, line breaks): collapsed, not refused.
_PASTED_WHITESPACE = frozenset("\t\n\r\v\f")
# Invisible characters that hide or reorder text: refused (spoofing, broken search).
_INVISIBLE = frozenset(
    "\u200b\u2060\ufeff"  # zero-width space, word joiner, BOM
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # bidi isolates
)


def normalise_email(text: str) -> str:
    """The address as stored: trimmed, domain lower-case; raises ValidationError("email")."""
    if not isinstance(text, str) or not text.strip():
        raise ValidationError("email", "The e-mail address is missing.", "email.missing")
    address = text.strip()
    if len(address) > EMAIL_MAX:
        raise ValidationError(
            "email",
            f"The e-mail address is too long ({len(address)} characters; at most {EMAIL_MAX}).",
            "email.too_long",
            {"length": len(address), "max": EMAIL_MAX},
        )
    if "@" not in address:
        raise ValidationError(
            "email",
            "The e-mail address has no @: it should look like anna@example.se.",
            "email.no_at",
        )
    local, _, domain = address.rpartition("@")
    if not domain:
        raise ValidationError(
            "email", "The e-mail address has no domain (the part after @).", "email.no_domain"
        )
    if not local:
        raise ValidationError(
            "email", "The e-mail address has no name before the @.", "email.no_local_part"
        )
    if "@" in local:
        raise ValidationError("email", "The e-mail address has more than one @.", "email.many_at")
    if "." not in domain and not domain.startswith("["):
        raise ValidationError(
            "email",
            "The domain (the part after @) is incomplete: it needs a dot, as in example.se.",
            "email.domain_incomplete",
        )
    if len(local.encode("utf-8")) > EMAIL_LOCAL_MAX:
        raise ValidationError(
            "email",
            f"The part before the @ is too long (at most {EMAIL_LOCAL_MAX} characters).",
            "email.local_part_too_long",
            {"max": EMAIL_LOCAL_MAX},
        )
    if _plain_ascii_address(local, domain):
        # What validate_email would return for this shape, without its cost (bulk import).
        return f"{local}@{domain.lower()}"
    try:
        result = validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationError(
            "email", f"The e-mail address is not valid: {exc}", "email.invalid", {"detail": exc}
        ) from exc
    local, _, domain = result.normalized.rpartition("@")
    normalised = f"{local}@{domain.lower()}"
    if len(normalised) > EMAIL_MAX:
        raise ValidationError(
            "email",
            f"The e-mail address is too long ({len(normalised)} characters; at most {EMAIL_MAX}).",
            "email.too_long",
            {"length": len(normalised), "max": EMAIL_MAX},
        )
    return normalised


def normalise_phone(text: str, region: str = "SE") -> str:
    """The number in E.164 (``+46701234567``); raises ValidationError("phone").

    Accepts the national form of ``region`` (``070-123 45 67``), ``+46 ...`` and ``0046 ...``,
    with spaces, dashes, dots, slashes and parentheses.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValidationError("phone", "The phone number is missing.", "phone.missing")
    raw = text.strip()
    if len(raw) > PHONE_INPUT_MAX:
        raise ValidationError(
            "phone",
            f"The phone number is too long ({len(raw)} characters; at most {PHONE_INPUT_MAX}).",
            "phone.input_too_long",
            {"length": len(raw), "max": PHONE_INPUT_MAX},
        )
    if region == "SE":
        fast = _swedish_e164(raw)
        if fast is not None:
            return fast
    if not _PHONE_CHARS.match(raw):
        raise ValidationError(
            "phone",
            "The phone number may only contain digits, spaces, dashes, parentheses "
            "and a leading +.",
            "phone.bad_characters",
        )
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError("phone", *_PARSE_ERRORS.get(exc.error_type, _NOT_A_NUMBER)) from exc
    if not phonenumbers.is_valid_number(number):
        reason = phonenumbers.is_possible_number_with_reason(number)
        raise ValidationError("phone", *_INVALID_REASONS.get(reason, _NOT_VALID))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str | None, region: str = "SE") -> str:
    """A stored number as people write it: ``+46708040947`` -> ``070-804 09 47`` (national
    form at home), ``+44 1234 567890`` abroad; anything unparsable comes back unchanged."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, region)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# Fast paths for the common shapes a bulk import brings (300,000 rows): each is checked
# against exactly the rules the library applies, and anything else takes the full path.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_DOT_ATOM = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_SPECIAL_USE = tuple(email_validator.SPECIAL_USE_DOMAIN_NAMES)


def _plain_ascii_address(local: str, domain: str) -> bool:
    """True if ``local@domain`` is a plain ASCII address that email-validator accepts as is
    (dot-atom local part, LDH labels without ``--`` in the 3rd/4th place, an alphabetic TLD,
    not a special-use domain)."""
    return local.isascii() and _plain_ascii_domain(domain) and bool(_DOT_ATOM.fullmatch(local))


@functools.lru_cache(maxsize=4096)
def _plain_ascii_domain(domain: str) -> bool:
    """The domain half of :func:`_plain_ascii_address`; a bulk import repeats a few thousand
    domains over hundreds of thousands of rows, so each is checked once."""
    if not domain.isascii():
        return False
    host = domain.lower()
    labels = host.split(".")
    if len(labels) < 2 or not labels[-1].isalpha() or not 2 <= len(labels[-1]) <= 63:
        return False
    if any(not _LABEL.fullmatch(label) or label[2:4] == "--" for label in labels):
        return False
    return not any(host == d or host.endswith("." + d) for d in _SPECIAL_USE)


_SE_SHAPE = re.compile(r"(\+46|0)([1-9][0-9 \-]{4,16})")


def _se_descs() -> tuple[tuple[tuple[int, ...], re.Pattern[str]], ...]:
    meta = phonenumbers.PhoneMetadata.metadata_for_region("SE")
    assert meta is not None
    descs = []
    for desc in (
        # The common kinds first: any match gives the same answer, so the order only
        # decides how soon a typical number is through.
        meta.mobile,
        meta.fixed_line,
        meta.premium_rate,
        meta.toll_free,
        meta.shared_cost,
        meta.voip,
        meta.personal_number,
        meta.pager,
        meta.uan,
        meta.voicemail,
    ):
        if desc is not None and desc.national_number_pattern:
            lengths = tuple(desc.possible_length or ())
            descs.append((lengths, re.compile(str(desc.national_number_pattern))))
    return tuple(descs)


_SE_GENERAL = re.compile(
    str(phonenumbers.PhoneMetadata.metadata_for_region("SE").general_desc.national_number_pattern)  # type: ignore[union-attr]
)
_SE_GENERAL_LENGTHS = tuple(
    phonenumbers.PhoneMetadata.metadata_for_region("SE").general_desc.possible_length  # type: ignore[union-attr]
)
_SE_DESCS = _se_descs()


def _swedish_e164(raw: str) -> str | None:
    """``+46…`` for a Swedish number typed as ``+46 70…`` or ``070-…`` that phonenumbers
    deems valid (its SE metadata, same matching rules); None: take the full path."""
    shape = _SE_SHAPE.fullmatch(raw)
    if shape is None:
        return None
    nsn = shape.group(2).replace(" ", "").replace("-", "")
    if not nsn.isdigit() or len(nsn) not in _SE_GENERAL_LENGTHS:
        return None
    if not _SE_GENERAL.fullmatch(nsn):
        return None
    for lengths, pattern in _SE_DESCS:
        if (not lengths or len(nsn) in lengths) and pattern.fullmatch(nsn):
            return "+46" + nsn
    return None


# (message, code) per phonenumbers' reason.
_TOO_SHORT = ("The phone number is too short: check for a missing digit.", "phone.too_short")
_TOO_LONG = ("The phone number is too long: check for an extra digit.", "phone.too_long")
_NOT_A_NUMBER = ("This is not a phone number: check the digits.", "phone.not_a_number")
_NOT_VALID = (
    "The phone number is not valid: check the digits and the area code.",
    "phone.invalid",
)
_PARSE_ERRORS = {
    phonenumbers.NumberParseException.INVALID_COUNTRY_CODE: (
        "The country code is not recognised: start with + and a country code, e.g. +46.",
        "phone.country_code",
    ),
    phonenumbers.NumberParseException.TOO_SHORT_NSN: _TOO_SHORT,
    phonenumbers.NumberParseException.TOO_SHORT_AFTER_IDD: _TOO_SHORT,
    phonenumbers.NumberParseException.TOO_LONG: _TOO_LONG,
}
_INVALID_REASONS = {
    phonenumbers.ValidationResult.TOO_SHORT: _TOO_SHORT,
    phonenumbers.ValidationResult.TOO_LONG: _TOO_LONG,
    phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: (
        "The country code is not recognised: start with + and a country code.",
        "phone.country_code",
    ),
}


def clean_name(text: str, field: str = "name", max_len: int = NAME_MAX) -> str:
    """A person's or company's name as stored; raises ValidationError(field).

    NFC-normalised, trimmed, runs of whitespace (tabs and line breaks from a paste too)
    collapsed to one space. Other control characters and invisible text-direction
    characters are refused, as is an empty name or one longer than ``max_len``.
    """
    if isinstance(text, str) and text.isprintable() and 0 < len(text) <= max_len:
        # No control, format (the invisible ones) or odd space characters: only the
        # whitespace runs and the normal form remain to fix (bulk import's common case).
        cleaned = " ".join(unicodedata.normalize("NFC", text).split())
        if cleaned and len(cleaned) <= max_len:
            return cleaned
    label = field.replace("_", " ").strip().capitalize() or "Name"
    if not isinstance(text, str):
        raise ValidationError(field, f"{label} is missing.", "name.missing", {"field": field})
    for ch in text:
        if ch in _PASTED_WHITESPACE:
            continue
        if ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cs"):
            raise ValidationError(
                field,
                f"{label} contains an invisible control character (U+{ord(ch):04X}): "
                "remove it and try again.",
                "name.control_character",
                {"field": field, "character": f"U+{ord(ch):04X}"},
            )
    cleaned = _WHITESPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip()
    if not cleaned:
        raise ValidationError(field, f"{label} is missing.", "name.missing", {"field": field})
    if len(cleaned) > max_len:
        raise ValidationError(
            field,
            f"{label} is too long ({len(cleaned)} characters; at most {max_len}).",
            "name.too_long",
            {"field": field, "length": len(cleaned), "max": max_len},
        )
    return cleaned
