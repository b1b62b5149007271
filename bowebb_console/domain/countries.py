"""Countries as ISO 3166-1 alpha-2 codes, and which of them are inside the EU (and the EEA).

Names come from ``pycountry`` (the ISO 3166 data, with its Swedish translations). Membership
is data kept here with the date it was last checked against the EU's and EFTA's own lists:
the policy promises that data stays inside the EU (clause 10), so a sub-processor location
outside the EU is a breach of the policy. Norway, Iceland and Liechtenstein are in the EEA
(GDPR applies there) but not in the EU: they fail the check too, flagged apart from third
countries. Greece is ``GR`` in ISO 3166 (the EU writes ``EL``).
"""

from __future__ import annotations

import datetime as dt
import gettext
from functools import cache

import pycountry

from bowebb_console.domain.errors import ValidationError

EU_MEMBERS = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
)
EEA_ONLY = frozenset({"IS", "LI", "NO"})  # EEA members outside the EU
EU_EEA = EU_MEMBERS | EEA_ONLY
MEMBERSHIP_CHECKED_ON = dt.date(2026, 11, 26)


def is_eu(code: str) -> bool:
    """Inside the EU proper: what the policy promises."""
    return code.upper() in EU_MEMBERS


def is_eu_eea(code: str) -> bool:
    """Inside the EEA (GDPR applies); not the same as the policy's "inside the EU"."""
    return code.upper() in EU_EEA


def is_country(code: str) -> bool:
    return len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()) is not None


@cache
def _swedish() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["sv"], fallback=True)


def country_name(code: str, lang: str = "en") -> str:
    """The country's common name (``US`` → "United States"); the code itself if unknown."""
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    name = str(getattr(country, "common_name", None) or country.name)
    if lang == "sv":
        return _swedish().gettext(str(country.name)) if name == country.name else name
    return name


def parse_locations(text: str | None, field: str = "locations") -> tuple[str, ...]:
    """``"se, DE;no"`` → ("SE", "DE", "NO"): upper-case, each once, in the order given.

    Raises ValidationError naming the first code that is not an ISO 3166 country.
    """
    out: list[str] = []
    for raw in (text or "").replace(";", ",").replace(" ", ",").split(","):
        code = raw.strip().upper()
        if not code:
            continue
        if not is_country(code):
            raise ValidationError(
                field,
                f"{raw.strip()!r} is not a country code (ISO 3166, e.g. SE, DE, IE).",
                "countries.unknown",
                {"code": raw.strip()},
            )
        if code not in out:
            out.append(code)
    return tuple(out)


def outside_eu_eea(codes: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Third countries: outside the EU and the EEA alike."""
    return tuple(c for c in codes if not is_eu_eea(c))


def eea_not_eu(codes: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """In the EEA but not the EU (Norway, Iceland, Liechtenstein): GDPR applies, the policy
    (EU only) does not pass."""
    return tuple(c for c in codes if is_eu_eea(c) and not is_eu(c))


def outside_eu(codes: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Everything that fails the policy's location check, EEA-only countries included."""
    return tuple(c for c in codes if not is_eu(c))
