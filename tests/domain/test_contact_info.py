"""E-mail addresses, phone numbers and names as people type them (domain/contact_info.py)."""

from __future__ import annotations

import pytest

from bowebb_console.domain.contact_info import (
    clean_name,
    display_phone,
    normalise_email,
    normalise_phone,
)
from bowebb_console.domain.errors import ValidationError

# -- e-mail ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("anna@example.se", "anna@example.se"),
        ("  anna.svensson@example.se  ", "anna.svensson@example.se"),
        ("Anna.Svensson@BoWebb.SE", "Anna.Svensson@bowebb.se"),
        ("anna+support@sub.example.co.uk", "anna+support@sub.example.co.uk"),
        ("jörgen@exämple.se", "jörgen@exämple.se"),  # internationalised
        ("anna@EXÄMPLE.SE", "anna@exämple.se"),
        ("anna@xn--exmple-cua.se", "anna@exämple.se"),  # IDNA form, stored as Unicode
    ],
)
def test_valid_emails(text: str, expected: str) -> None:
    assert normalise_email(text) == expected


@pytest.mark.parametrize(
    ("text", "message", "code"),
    [
        ("anna@", "The e-mail address has no domain (the part after @).", "email.no_domain"),
        ("@x.se", "The e-mail address has no name before the @.", "email.no_local_part"),
        ("", "The e-mail address is missing.", "email.missing"),
        ("   ", "The e-mail address is missing.", "email.missing"),
        (
            "anna.example.se",
            "The e-mail address has no @: it should look like anna@example.se.",
            "email.no_at",
        ),
        ("anna@@x.se", "The e-mail address has more than one @.", "email.many_at"),
        ("anna@localhost", "it needs a dot", "email.domain_incomplete"),
        ("anna svensson@x.se", "not valid", "email.invalid"),
        ("anna@x..se", "not valid", "email.invalid"),
        ("Anna <anna@x.se>", "not valid", "email.invalid"),
        ("anna@ex\u200bample.se", "not valid", "email.invalid"),  # zero-width space
        ("an\u202ena@x.se", "not valid", "email.invalid"),  # right-to-left override
        ("anna\n@x.se", "not valid", "email.invalid"),
        ("a" * 65 + "@x.se", "before the @ is too long", "email.local_part_too_long"),
    ],
)
def test_invalid_emails(text: str, message: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalise_email(text)
    assert info.value.field == "email"
    assert message in info.value.message
    assert info.value.code == code


def test_email_over_254_characters_is_refused() -> None:
    domain = ".".join(["a" * 60] * 4) + ".se"  # 246 characters, each label within limits
    address = "anna.bo@" + domain  # 254
    assert len(address) == 254
    assert normalise_email(address) == address
    with pytest.raises(ValidationError, match=r"too long \(255 characters; at most 254\)"):
        normalise_email("anna.bob@" + domain)


def test_huge_email_is_refused_quickly() -> None:
    with pytest.raises(ValidationError, match="too long"):
        normalise_email("a" * 1_000_000 + "@x.se")


# -- phone ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("070-123 45 67", "+46701234567"),
        ("0701234567", "+46701234567"),
        ("070 123 45 67", "+46701234567"),
        ("+46 70 123 45 67", "+46701234567"),
        ("+46701234567", "+46701234567"),
        ("0046 70-123 45 67", "+46701234567"),
        ("+46 (0)70 123 45 67", "+46701234567"),
        ("+46 8 123 456 78", "+46812345678"),
        ("08-123 456 78", "+46812345678"),
        ("031-390 06 00", "+46313900600"),
        ("+1 650 253 0000", "+16502530000"),
    ],
)
def test_valid_phones(text: str, expected: str) -> None:
    assert normalise_phone(text) == expected


def test_phone_region_is_used_for_national_form() -> None:
    assert normalise_phone("020 7946 0958", region="GB") == "+442079460958"


@pytest.mark.parametrize(
    ("text", "message", "code"),
    [
        ("", "missing", "phone.missing"),
        ("070-12", "too short", "phone.too_short"),
        ("070-123 45", "not valid", "phone.invalid"),
        ("070-123 45 67 89 01", "too long", "phone.too_long"),
        ("070-ABC 45 67", "only contain digits", "phone.bad_characters"),
        ("1-800-FLOWERS", "only contain digits", "phone.bad_characters"),
        ("+999 123 456 789", "country code", "phone.country_code"),
        ("070+1234567", "only contain digits", "phone.bad_characters"),
        ("0" * 41, "too long", "phone.input_too_long"),
        ("+46 0", "too short", "phone.too_short"),
        ("---", "not a phone number", "phone.not_a_number"),
    ],
)
def test_invalid_phones(text: str, message: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalise_phone(text)
    assert info.value.field == "phone"
    assert message in info.value.message
    assert info.value.code == code


# -- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Svensson", "Anna Svensson"),
        ("  Anna   Svensson  ", "Anna Svensson"),
        ("Anna\tSvensson\r\n", "Anna Svensson"),
        ("Åsa Öberg-Ängström", "Åsa Öberg-Ängström"),
        ("A\u030asa", "Åsa"),  # decomposed å is stored composed (NFC)
        ("Anna\u00a0Svensson", "Anna Svensson"),  # no-break space
    ],
)
def test_clean_names(text: str, expected: str) -> None:
    assert clean_name(text) == expected


def test_ten_thousand_character_name() -> None:
    with pytest.raises(ValidationError) as info:
        clean_name("a" * 10_000)
    assert info.value.field == "name"
    assert info.value.message == "Name is too long (10000 characters; at most 200)."


def test_name_limit_counts_after_cleaning() -> None:
    assert clean_name("  " + "a" * 200 + "  ") == "a" * 200
    with pytest.raises(ValidationError, match=r"\(201 characters; at most 200\)"):
        clean_name("a" * 201)


def test_field_and_limit_are_in_the_message() -> None:
    with pytest.raises(ValidationError) as info:
        clean_name("x" * 101, field="title", max_len=100)
    assert info.value.field == "title"
    assert info.value.message == "Title is too long (101 characters; at most 100)."
    assert info.value.code == "name.too_long"
    assert info.value.params == {"field": "title", "length": "101", "max": "100"}
    with pytest.raises(ValidationError, match=r"^Company name is missing\.$"):
        clean_name("   ", field="company_name")


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_names_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match=r"^Name is missing\.$") as info:
        clean_name(text)
    assert (info.value.code, info.value.params) == ("name.missing", {"field": "name"})


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Anna\x00Svensson", "U+0000"),
        ("Anna\x1bSvensson", "U+001B"),
        ("Anna\x7f", "U+007F"),
        ("Anna\x85Svensson", "U+0085"),
        ("Anna\x1fSvensson", "U+001F"),
        ("\u202eAnna", "U+202E"),  # right-to-left override
        ("An\u200bna", "U+200B"),  # zero-width space
    ],
)
def test_control_characters_are_refused(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        clean_name(text)
    assert code in info.value.message
    assert "control character" in info.value.message
    assert info.value.code == "name.control_character"
    assert info.value.params["character"] == code


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+46708040947", "070-804 09 47"),
        ("+4686123456", "08-612 34 56"),
        ("+46313456789", "031-345 67 89"),
        ("+441234567890", "+44 1234 567890"),  # abroad: the international form
        ("", ""),
        (None, ""),
        ("not a number", "not a number"),  # unparsable: shown as it is
    ],
)
def test_display_phone_as_people_write_it(stored: str | None, shown: str) -> None:
    assert display_phone(stored) == shown
    if stored and stored.startswith("+46"):
        assert normalise_phone(shown) == stored  # what is shown reads back as what is stored
