"""Organisation numbers and personal identity numbers (domain/orgnr.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.orgnr import (
    digits_for_search,
    luhn_check_digit,
    luhn_valid,
    make_orgnr,
    parse_orgnr,
)

BOWEBB = "5566809827"


@pytest.mark.parametrize(
    "text",
    [
        "556680-9827",
        "5566809827",
        "165566809827",
        "16556680-9827",
        "SE556680982701",
        "se556680982701",
        "  556680-9827 ",
        "556680 9827",
    ],
)
def test_bowebb_in_every_form(text: str) -> None:
    number = parse_orgnr(text)
    assert number.digits == BOWEBB
    assert number.formatted == "556680-9827"
    assert number.vat_number == "SE556680982701"
    assert not number.is_personal_identity_number
    assert str(number) == "556680-9827"


def test_luhn_of_bowebb() -> None:
    assert luhn_check_digit("556680982") == 7
    assert luhn_valid(BOWEBB)
    assert not luhn_valid("5566809828")
    assert not luhn_valid("556680982")


@pytest.mark.parametrize("wrong", ["556680-9820", "556680-9828", "5566809829"])
def test_wrong_check_digit(wrong: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_orgnr(wrong)
    assert info.value.field == "org_number"
    assert "check digit" in info.value.message
    assert info.value.code == "orgnr.check_digit"


@pytest.mark.parametrize("text", ["55668O-9827", "abc", "556680-98x7", "556680_9827"])
def test_letters_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="only contain digits"):
        parse_orgnr(text)


@pytest.mark.parametrize(("text", "count"), [("556680982", 9), ("55668098270", 11)])
def test_wrong_length(text: str, count: int) -> None:
    with pytest.raises(ValidationError, match=f"10 digits, not {count}"):
        parse_orgnr(text)


@pytest.mark.parametrize("text", ["", "   ", "5" * 41])
def test_missing_or_absurd_input(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_orgnr(text)


def test_twelve_digits_must_have_a_known_prefix() -> None:
    with pytest.raises(ValidationError, match="start with 16"):
        parse_orgnr("175566809827")


def test_personal_identity_number_is_detected() -> None:
    personal = make_orgnr("811218987")  # born 1981-12-18
    number = parse_orgnr(personal.formatted)
    assert number.is_personal_identity_number
    assert number.digits == personal.digits


def test_personal_identity_number_can_be_refused() -> None:
    personal = make_orgnr("811218987")
    with pytest.raises(ValidationError, match="personal identity number"):
        parse_orgnr(personal.digits, allow_personal=False)
    assert not parse_orgnr("556680-9827", allow_personal=False).is_personal_identity_number


def test_personal_number_with_impossible_month_is_refused() -> None:
    bad_month = make_orgnr("811318987")  # month 13
    with pytest.raises(ValidationError):
        parse_orgnr(bad_month.digits)


@pytest.mark.parametrize("century", ["19", "20"])
def test_twelve_digit_personal_forms(century: str) -> None:
    personal = make_orgnr("050101123")
    number = parse_orgnr(century + personal.digits)
    assert number.digits == personal.digits
    assert number.is_personal_identity_number


def test_century_prefix_is_not_for_organisations() -> None:
    with pytest.raises(ValidationError, match="only used for personal numbers"):
        parse_orgnr("195566809827")


def test_sixteen_prefix_is_not_for_personal_numbers() -> None:
    personal = make_orgnr("811218987")
    with pytest.raises(ValidationError, match="16 prefix"):
        parse_orgnr("16" + personal.digits)


def test_digits_for_search() -> None:
    assert digits_for_search("556680-98") == "55668098"
    assert digits_for_search("SE556680982701") == BOWEBB
    assert digits_for_search("165566809827") == BOWEBB
    assert digits_for_search("Bowebb") is None


def test_make_orgnr_refuses_bad_input() -> None:
    with pytest.raises(ValueError):
        make_orgnr("12345678")
    with pytest.raises(ValueError):
        make_orgnr("12345678x")


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_make_orgnr_always_parses_back(nine: str) -> None:
    number = make_orgnr(nine)
    assert luhn_valid(number.digits)
    assert number.formatted[6] == "-"
    assert number.formatted.replace("-", "") == number.digits
    month = int(nine[2:4])
    if nine[2] in "01" and not 1 <= month <= 12:
        with pytest.raises(ValidationError):
            parse_orgnr(number.formatted)
        return
    parsed = parse_orgnr(number.formatted)
    assert parsed == number
    assert parse_orgnr(number.digits) == number
    assert parse_orgnr(number.vat_number) == number


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("", "orgnr.missing", {}),
        ("5" * 41, "orgnr.too_long", {"max": "40"}),
        ("abc", "orgnr.bad_characters", {}),
        ("55668098", "orgnr.length", {"digits": "8"}),
        ("175566809827", "orgnr.prefix_unknown", {}),
        ("195566809827", "orgnr.prefix_century", {}),
        ("168112189876", "orgnr.prefix_16", {}),
        ("5566809828", "orgnr.check_digit", {}),
    ],
)
def test_every_refusal_has_a_code(text: str, code: str, params: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as info:
        parse_orgnr(text)
    assert (info.value.field, info.value.code, info.value.params) == ("org_number", code, params)
