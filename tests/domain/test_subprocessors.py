"""Countries and EU/EEA membership (the policy says EU: EEA-only countries are flagged), the
DPA checklist as data, and the register's flags (with a fixed clock)."""

from __future__ import annotations

import datetime as dt

import pytest

from bowebb_console.domain import checklist as cl
from bowebb_console.domain.countries import (
    MEMBERSHIP_CHECKED_ON,
    country_name,
    eea_not_eu,
    is_eu,
    is_eu_eea,
    outside_eu,
    outside_eu_eea,
    parse_locations,
)
from bowebb_console.domain.errors import ValidationError
from bowebb_console.domain.subprocessor_flags import (
    FlagKind,
    RegisterFacts,
    flag_text,
    flags_for,
    severity,
)

TODAY = dt.date(2026, 11, 26)
ALL_YES = {key: cl.YES for key in cl.load_checklist().keys}


@pytest.mark.parametrize("code", ["SE", "DE", "NO", "IS", "LI", "GR", "ie"])
def test_eu_eea_countries_pass(code: str) -> None:
    assert is_eu_eea(code)


@pytest.mark.parametrize("code", ["US", "GB", "CH", "IN"])
def test_countries_outside_are_flagged(code: str) -> None:
    assert not is_eu_eea(code)
    assert outside_eu_eea(["SE", code]) == (code,)


@pytest.mark.parametrize("code", ["NO", "IS", "LI", "no"])
def test_eea_but_not_eu_fails_the_policys_eu_check(code: str) -> None:
    assert is_eu_eea(code) and not is_eu(code)
    assert eea_not_eu(["SE", code, "US"]) == (code,)
    assert outside_eu(["SE", code, "US"]) == (code, "US")
    assert outside_eu_eea(["SE", code]) == ()


@pytest.mark.parametrize("code", ["SE", "DE", "GR", "IE", "fi"])
def test_eu_members_pass_the_policys_check(code: str) -> None:
    assert is_eu(code) and eea_not_eu([code]) == () and outside_eu([code]) == ()


def test_membership_says_when_it_was_checked() -> None:
    assert dt.date.today() >= MEMBERSHIP_CHECKED_ON


def test_country_names_from_iso_3166() -> None:
    assert country_name("US") == "United States"
    assert country_name("GB") == "United Kingdom"
    assert country_name("CH", "sv") == "Schweiz"
    assert country_name("DE", "sv") == "Tyskland"
    assert country_name("ZZ") == "ZZ"


def test_parse_locations_normalises_and_refuses_unknown_codes() -> None:
    assert parse_locations(" se, DE;no SE") == ("SE", "DE", "NO")
    assert parse_locations("") == ()
    with pytest.raises(ValidationError, match="'XX' is not a country code"):
        parse_locations("SE,XX")
    with pytest.raises(ValidationError, match="not a country code"):
        parse_locations("Sweden")


def test_checklist_is_data_with_both_languages_and_articles() -> None:
    checklist = cl.load_checklist()
    articles = [i.article for i in checklist.items]
    assert articles == [f"Art. 28(3)({c})" for c in "abcdefgh"] + ["Art. 28(2)", "Art. 28(4)"]
    for item in checklist.items:
        assert item.text("sv") != item.text("en") and item.text("sv") and item.text("en")
    assert "Art. 32" in checklist.item("art28_3_c").text("en")  # type: ignore[union-attr]


def test_malformed_checklists_are_refused() -> None:
    good = {"id": "x", "title": {"sv": "a", "en": "b"}}
    with pytest.raises(cl.ChecklistFormatError):
        cl.parse_checklist({**good, "items": []})
    item = {"key": "k", "article": "Art. 1", "sv": "s", "en": "e"}
    with pytest.raises(cl.ChecklistFormatError, match="unique"):
        cl.parse_checklist({**good, "items": [item, item]})
    with pytest.raises(cl.ChecklistFormatError, match="incomplete"):
        cl.parse_checklist({**good, "items": [{**item, "article": "28"}]})
    with pytest.raises(cl.ChecklistFormatError, match="malformed"):
        cl.parse_checklist({**good, "items": [{"key": "k"}]})


def test_completeness_rules() -> None:
    checklist = cl.load_checklist()
    assert cl.is_complete(checklist, ALL_YES)
    assert not cl.is_complete(checklist, {})  # never assessed counts as not assessed
    for status in (cl.NO, cl.PARTLY, cl.NOT_ASSESSED, "bogus"):
        statuses = {**ALL_YES, "art28_4": status}
        assert [i.key for i in cl.open_items(checklist, statuses)] == ["art28_4"]
    counts = cl.counts(checklist, {"art28_2": cl.NO, "art28_4": cl.PARTLY, "art28_3_a": cl.YES})
    assert counts == {"yes": 1, "no": 1, "partly": 1, "not_assessed": 7}


def facts(**changes: object) -> RegisterFacts:
    base: dict[str, object] = {
        "status": "active",
        "dpa_signed_on": dt.date(2025, 1, 10),
        "next_review_on": TODAY,
        "processing_locations": ("SE",),
        "storage_locations": ("DE",),
        "receiving_data": True,
        "item_statuses": ALL_YES,
    }
    return RegisterFacts(**(base | changes))  # type: ignore[arg-type]


def kinds(f: RegisterFacts, today: dt.date = TODAY) -> list[FlagKind]:
    return [flag.kind for flag in flags_for(f, cl.load_checklist(), today)]


def test_a_complete_sub_processor_in_the_eu_has_no_flags() -> None:
    assert kinds(facts(processing_locations=("SE", "DE"), storage_locations=("FI",))) == []


@pytest.mark.parametrize("code", ["NO", "IS", "LI"])
def test_eea_but_not_eu_is_flagged_apart_from_third_countries(code: str) -> None:
    for where in ("processing_locations", "storage_locations"):
        flags = flags_for(facts(**{where: ("SE", code)}), cl.load_checklist(), TODAY)
        assert [f.kind for f in flags] == [FlagKind.EEA_NOT_EU]
        assert flags[0].details == (code,)
    en = flag_text(flags[0], "en")
    assert en.startswith("Outside the EU; GDPR applies (EEA) but the policy says EU: ")
    assert f"{country_name(code)} ({code})" in en and "EU/EEA" not in en
    sv = flag_text(flags[0], "sv")
    assert sv.startswith("Utanför EU; GDPR gäller (EES) men policyn säger EU: ")
    assert f"{country_name(code, 'sv')} ({code})" in sv


def test_a_third_country_and_an_eea_country_give_two_flags_third_country_first() -> None:
    f = facts(processing_locations=("NO", "US"), storage_locations=("IS", "SE"))
    flags = flags_for(f, cl.load_checklist(), TODAY)
    assert [(x.kind, x.details) for x in flags] == [
        (FlagKind.OUTSIDE_EU_EEA, ("US",)),
        (FlagKind.EEA_NOT_EU, ("NO", "IS")),
    ]
    eea = flags_for(facts(processing_locations=("NO",)), cl.load_checklist(), TODAY)
    no_dpa = flags_for(facts(dpa_signed_on=None), cl.load_checklist(), TODAY)
    assert severity(flags) > severity(eea) > severity(no_dpa)
    assert flag_text(flags[1], "sv").endswith("Norge (NO), Island (IS)")


def test_review_is_overdue_the_day_after_its_date() -> None:
    f = facts(next_review_on=dt.date(2026, 11, 25))
    assert kinds(f, dt.date(2026, 11, 25)) == []
    assert kinds(f, dt.date(2026, 11, 26)) == [FlagKind.REVIEW_OVERDUE]
    assert kinds(facts(next_review_on=None)) == [FlagKind.REVIEW_OVERDUE]


@pytest.mark.parametrize("code", ["US", "GB", "CH"])
def test_location_outside_eu_eea_is_a_breach_named_by_country(code: str) -> None:
    for where in ("processing_locations", "storage_locations"):
        flags = flags_for(facts(**{where: ("SE", code)}), cl.load_checklist(), TODAY)
        assert [f.kind for f in flags] == [FlagKind.OUTSIDE_EU_EEA]
        assert flags[0].details == (code,)
    text = flag_text(flags[0], "en")
    assert country_name(code) in text and "breach" in text


def test_missing_dpa_and_checklist_gaps() -> None:
    f = facts(dpa_signed_on=None, item_statuses={**ALL_YES, "art28_2": cl.PARTLY})
    flags = flags_for(f, cl.load_checklist(), TODAY)
    assert [x.kind for x in flags] == [FlagKind.NO_DPA, FlagKind.CHECKLIST_GAP]
    assert flags[1].details == ("art28_2",)
    assert flag_text(flags[1], "sv") == "1 punkt(er) i checklistan är inte ja"


def test_ended_sub_processors() -> None:
    assert kinds(facts(status="ended", receiving_data=False, processing_locations=("US",))) == []
    assert kinds(facts(status="ended")) == [FlagKind.ENDED_RECEIVING]


def test_flags_sort_worst_first() -> None:
    worst = flags_for(facts(processing_locations=("US",)), cl.load_checklist(), TODAY)
    mild = flags_for(facts(next_review_on=None), cl.load_checklist(), TODAY)
    assert severity(worst) > severity(mild) > severity(())
