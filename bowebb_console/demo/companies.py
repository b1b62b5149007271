"""Fictitious Swedish companies, contacts and sub-processors, deterministic per seed.

Valid, unique organisation numbers (mostly aktiebolag, a few sole traders with a personal
identity number), unique e-mail addresses, E.164 phone numbers, a status mix with terminated
customers both inside and past their grace period, and a sub-processor register with one
processor outside the EU/EEA and one overdue review. Rows come out as dicts for bulk inserts.

The names, addresses and numbers are generated: any likeness to a real company or person is
chance. Phone numbers are random numbers in valid Swedish ranges, so a demo must never dial
them.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from typing import Any

import phonenumbers
from faker import Faker

from bowebb_console.domain.orgnr import make_orgnr
from bowebb_console.domain.policy import (
    STATUS_ACTIVE,
    STATUS_TERMINATED,
    STATUS_TRIAL,
    hard_delete_due,
)

MAX_CONTACTS_PER_COMPANY = 6
BOWEBB_ORGNR = "5566809827"  # BoWebb itself: never one of its own customers

TITLES = (
    "VD",
    "Ekonomiansvarig",
    "Ekonomichef",
    "IT-ansvarig",
    "Kontaktperson",
    "Redovisningsekonom",
    "Löneadministratör",
    "Kontorschef",
    "Administratör",
    "Inköpsansvarig",
    "Ordförande",
    "Kassör",
)
TRADES = (
    "Bygg",
    "Redovisning",
    "Fastigheter",
    "Konsult",
    "Data",
    "Transport",
    "Måleri",
    "El",
    "VVS",
    "Städ",
    "Trädgård",
    "Revision",
    "Handel",
    "Media",
    "Design",
    "Logistik",
    "Ekonomi",
    "Snickeri",
    "Plåt",
    "Bil",
)
ASSOCIATIONS = (
    "Idrottsförening",
    "Hembygdsförening",
    "Konstförening",
    "Scoutkår",
    "Skidklubb",
    "Båtklubb",
)
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "ı": "i"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """``Åsa Öberg-Ängström`` → ``asa oberg-angstrom`` (lower case, ASCII only)."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    return "".join(ch for ch in decomposed if ch.isascii() and not unicodedata.combining(ch))


def _slug(text: str, sep: str) -> str:
    return _NOT_SLUG.sub(sep, ascii_fold(text)).strip(sep)


# Six fictitious sub-processors: (name, registration, service, data categories, locations,
# DPA signed this many days ago, next review in this many days; negative: overdue).
SUB_PROCESSORS: tuple[tuple[str, str, str, str, str, int, int], ...] = (
    (
        "Mälardalens Serverhall AB",
        make_orgnr("559214731").formatted,
        "Drift av BoWebbs tjänst och dess databaser",
        "Kund- och kontaktuppgifter; kundernas bokföringsdata",
        "SE",
        3 * 365,
        200,
    ),
    (
        "Mainufer Datensicherung GmbH",
        "HRB 104233",
        "Krypterade säkerhetskopior på annan ort",
        "Krypterade säkerhetskopior av all data i tjänsten",
        "DE",
        2 * 365,
        90,
    ),
    (
        "Liffey Mail Delivery Ltd",
        "IE 651902",
        "Utskick av transaktionell e-post",
        "Mottagarnas namn och e-postadresser; meddelandenas innehåll",
        "IE,DE",
        600,
        -21,  # review overdue
    ),
    (
        "Grachtenhuis Support B.V.",
        "KvK 71845532",
        "Ärendehantering för supporten",
        "Kontaktuppgifter; supportärenden och bilagor",
        "NL",
        400,
        150,
    ),
    (
        "Kuitti Laskutus Oy",
        "FI 2981736-4",
        "Fakturering och betalningspåminnelser",
        "Kundernas faktureringsuppgifter; kontaktpersoners namn och e-postadresser",
        "FI,SE",
        500,
        60,
    ),
    (
        "Pinecrest Analytics Inc.",
        "EIN 84-3921775",
        "Kraschrapporter och användningsstatistik",
        "Pseudonymiserade enhets- och användningsdata; IP-adresser",
        "US",
        300,
        30,
    ),
)

# The remote-control tools' entries (issue 15, item 7): name, registration, locations, tool.
# Quick Assist's runs partly outside the EU, so starting with it needs a logged reason; Chrome
# Remote Desktop has no entry at all, which is flagged too.
REMOTE_TOOLS: tuple[tuple[str, str, str, str], ...] = (
    ("TeamViewer Germany GmbH", "HRB 534075", "DE", "TeamViewer"),
    ("AnyDesk Software GmbH", "HRB 748849", "DE", "AnyDesk"),
    ("RustDesk-relä hos Mälardalens Serverhall", "", "SE", "RustDesk"),
    ("Microsoft Ireland Operations Ltd (Snabbhjälp)", "IE 256796", "IE,US", "Quick Assist"),
)


class CompanyGenerator:
    """All randomness comes from one seeded ``random.Random`` and one seeded Faker."""

    def __init__(self, seed: int, today: dt.date, grace_period_days: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("sv_SE")
        self.fake.seed_instance(seed)
        self.today = today
        self.grace = grace_period_days
        self.used_orgnr: set[str] = {BOWEBB_ORGNR}
        self.used_domains: set[str] = set()
        self.used_emails: set[str] = set()

    # -- customers -------------------------------------------------------------------------

    def customers(self, count: int) -> tuple[list[dict[str, Any]], dict[str, str]]:
        """Customer rows, and the owner's name for each sole trader (by org number)."""
        statuses = self._statuses(count)
        rows: list[dict[str, Any]] = []
        owners: dict[str, str] = {}
        terminated_seen = 0
        for status in statuses:
            form = self.rng.choices(("ab", "hb", "ek", "ideell", "sole"), weights=(87, 5, 3, 4, 1))[
                0
            ]
            org = self._orgnr(form)
            name, owner = self._company_name(form)
            if owner:
                owners[org] = owner
            row: dict[str, Any] = {
                "org_number": org,
                "name": name,
                "status": status,
                "trial_registered_on": None,
                "customer_since": None,
                "terminated_on": None,
                "hard_delete_due": None,
                "dpa_signed_on": None,
                "dpa_version": None,
                "dpa_reference": None,
            }
            if status == STATUS_TRIAL:
                row["trial_registered_on"] = self._days_ago(1, 45)
            else:
                if status == STATUS_TERMINATED:
                    terminated_on = self._termination_date(terminated_seen)
                    terminated_seen += 1
                    since = terminated_on - dt.timedelta(days=self.rng.randint(60, 10 * 365))
                    row["terminated_on"] = terminated_on
                    row["hard_delete_due"] = hard_delete_due(terminated_on, self.grace)
                else:
                    since = self._days_ago(60, 12 * 365)
                row["customer_since"] = since
                if self.rng.random() < 0.3:
                    row["trial_registered_on"] = since - dt.timedelta(self.rng.randint(7, 30))
                if self.rng.random() >= 0.07:  # ~7% never returned a signed DPA
                    end = row["terminated_on"] or self.today
                    signed = since + dt.timedelta(self.rng.randint(0, min(30, (end - since).days)))
                    row["dpa_signed_on"] = signed
                    row["dpa_version"] = (
                        "3.0" if signed >= self.today - dt.timedelta(days=2 * 365) else "2.1"
                    )
            rows.append(row)
        # References numbered in signing order, like a real register.
        signed_rows = sorted(
            (r for r in rows if r["dpa_signed_on"]),
            key=lambda r: (r["dpa_signed_on"], r["org_number"]),
        )
        per_year: dict[int, int] = {}
        for r in signed_rows:
            year = r["dpa_signed_on"].year
            per_year[year] = per_year.get(year, 0) + 1
            r["dpa_reference"] = f"PUB-{year}-{per_year[year]:04d}"
        return rows, owners

    def _statuses(self, count: int) -> list[str]:
        n_trial = round(count * 0.05)
        n_terminated = round(count * 0.10)
        statuses = (
            [STATUS_TRIAL] * n_trial
            + [STATUS_TERMINATED] * n_terminated
            + [STATUS_ACTIVE] * (count - n_trial - n_terminated)
        )
        self.rng.shuffle(statuses)
        return statuses

    def _days_ago(self, low: int, high: int) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(low, high))

    def _termination_date(self, index: int) -> dt.date:
        """Spread over three grace periods back, so some are past due and some are not;
        the first two are one of each whenever the grace period allows it."""
        span = max(3 * self.grace, 30)
        if index == 0:
            days = self.rng.randint(1, max(1, self.grace - 1))  # inside the grace period
        elif index == 1:
            days = self.rng.randint(self.grace + 1, self.grace + 60)  # past it: due
        else:
            days = self.rng.randint(1, span)
        return self.today - dt.timedelta(days=days)

    def _orgnr(self, form: str) -> str:
        while True:
            if form == "sole":
                born = dt.date(1950, 1, 1) + dt.timedelta(days=self.rng.randint(0, 50 * 365))
                nine = born.strftime("%y%m%d") + f"{self.rng.randint(0, 999):03d}"
            else:
                prefix = {
                    "ab": self.rng.choices(("556", "559", "55"), weights=(55, 38, 7))[0],
                    "hb": self.rng.choice(("969", "916")),
                    "ek": self.rng.choice(("769", "716")),
                    "ideell": self.rng.choice(("802", "817")),
                }[form]
                if prefix == "55":
                    prefix += str(self.rng.randint(2, 5))  # 552–555: third digit ≥ 2
                nine = prefix + "".join(str(self.rng.randint(0, 9)) for _ in range(6))
            digits = make_orgnr(nine).digits
            if digits not in self.used_orgnr:
                self.used_orgnr.add(digits)
                return digits

    def _company_name(self, form: str) -> tuple[str, str | None]:
        """The name, and for a sole trader the owner's name (personal data)."""
        fake, rng = self.fake, self.rng
        if form == "sole":
            owner = f"{fake.first_name()} {fake.last_name()}"
            trade = rng.choice(TRADES)
            surname = owner.split()[-1]
            name = f"{surname}s {trade}" if rng.random() < 0.5 else f"{owner} {trade}"
            return name, owner
        if form == "ideell":
            if rng.random() < 0.25:
                return f"Stiftelsen {fake.last_name()}fonden", None
            return f"{fake.city()} {rng.choice(ASSOCIATIONS)}", None
        if form == "ek":
            if rng.random() < 0.5:
                return f"Bostadsrättsföreningen {fake.street_name()}", None
            return f"{fake.city()} {rng.choice(TRADES)} ekonomisk förening", None
        pick = rng.random()
        if pick < 0.35:
            core = f"{fake.last_name()} {rng.choice(TRADES)}"
        elif pick < 0.6:
            core = f"{fake.last_name()} & {fake.last_name()}"
        elif pick < 0.8:
            core = f"{fake.city()} {rng.choice(TRADES)}"
        else:
            core = fake.company().rsplit(" ", 1)[0]  # Faker's own, without its suffix
        suffix = " AB" if form == "ab" else rng.choice((" HB", " HB", " KB"))
        return core + suffix, None

    # -- contacts --------------------------------------------------------------------------

    def contacts(
        self,
        customers: list[dict[str, Any]],
        owners: dict[str, str],
        ids: dict[str, int],
        total: int,
    ) -> list[dict[str, Any]]:
        counts = self._contact_counts(len(customers), total)
        rows: list[dict[str, Any]] = []
        for customer, count in zip(customers, counts, strict=True):
            if count == 0:
                continue
            domain = self._domain(customer["name"])
            owner = owners.get(customer["org_number"])
            titles = self.rng.sample(TITLES[:10], k=min(count, 10))
            for i in range(count):
                title: str | None
                if i == 0 and owner:
                    name, title = owner, "Ägare"
                else:
                    name = f"{self.fake.first_name()} {self.fake.last_name()}"
                    title = titles[i % len(titles)] if self.rng.random() < 0.9 else None
                rows.append(
                    {
                        "customer_id": ids[customer["org_number"]],
                        "name": name,
                        "email": self._email(name, domain),
                        "phone": self._phone() if self.rng.random() < 0.92 else None,
                        "title": title,
                    }
                )
        return rows

    def _contact_counts(self, companies: int, total: int) -> list[int]:
        """Per company 1–6 (mostly 1–3), summing to exactly ``total``."""
        if companies == 0:
            return []
        low = 1 if total >= companies else 0
        counts = self.rng.choices(range(1, 7), weights=(20, 25, 20, 15, 10, 10), k=companies)
        diff = total - sum(counts)
        while diff:
            i = self.rng.randrange(companies)
            if diff > 0 and counts[i] < MAX_CONTACTS_PER_COMPANY:
                counts[i] += 1
                diff -= 1
            elif diff < 0 and counts[i] > low:
                counts[i] -= 1
                diff += 1
        return counts

    def _domain(self, company: str) -> str:
        words = [
            w for w in company.split() if w not in ("AB", "HB", "KB", "&", "ekonomisk", "förening")
        ]
        base = _slug(" ".join(words[:3]), "-") or "foretag"
        domain, n = f"{base}.se", 1
        while domain in self.used_domains:
            n += 1
            domain = f"{base}{n}.se"
        self.used_domains.add(domain)
        return domain

    def _email(self, name: str, domain: str) -> str:
        parts = [_slug(p, "-") for p in name.split()]
        parts = [p for p in parts if p] or ["kontakt"]
        style = self.rng.random()
        if style < 0.6:
            local = f"{parts[0]}.{parts[-1]}"
        elif style < 0.8:
            local = parts[0]
        else:
            local = f"{parts[0][0]}{parts[-1]}"
        email, n = f"{local}@{domain}", 1
        while email in self.used_emails:
            n += 1
            email = f"{local}{n}@{domain}"
        self.used_emails.add(email)
        return email

    def _phone(self) -> str:
        while True:
            if self.rng.random() < 0.6:
                national = self.rng.choice(("070", "072", "073", "076", "079")) + "".join(
                    str(self.rng.randint(0, 9)) for _ in range(7)
                )
            else:
                area, length = self.rng.choice(
                    (("08", 8), ("031", 7), ("040", 7), ("018", 6), ("019", 6), ("090", 6))
                )
                national = (
                    area
                    + str(self.rng.randint(2, 9))
                    + "".join(str(self.rng.randint(0, 9)) for _ in range(length - 1))
                )
            number = phonenumbers.parse(national, "SE")
            if phonenumbers.is_valid_number(number):
                return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    # -- sub-processors --------------------------------------------------------------------

    def sub_processors(self) -> list[dict[str, Any]]:
        """Six fictitious sub-processors (one outside the EU/EEA, one review overdue) and
        the remote-control tools' entries (one outside the EU)."""
        rows: list[dict[str, Any]] = []
        for i, entry in enumerate(SUB_PROCESSORS, 1):
            name, reg, service, categories, locations, age, review_in = entry
            signed = self.today - dt.timedelta(days=age)
            rows.append(
                {
                    "name": name,
                    "registration_number": reg,
                    "service": service,
                    "data_categories": categories,
                    "locations": locations,
                    "dpa_reference": f"UB-{signed.year}-{i:03d}",
                    "dpa_signed_on": signed,
                    "next_review_on": self.today + dt.timedelta(days=review_in),
                    "status": "active",
                    "remote_tool": None,
                }
            )
        for i, (name, reg, locations, tool) in enumerate(REMOTE_TOOLS, len(rows) + 1):
            signed = self.today - dt.timedelta(days=200 + 30 * i)
            rows.append(
                {
                    "name": name,
                    "registration_number": reg or None,
                    "service": "Fjärrstyrning vid support (" + tool + ")",
                    "data_categories": "Skärmbild och inmatning under fjärrsessionen; "
                    "sessions-id; IP-adresser",
                    "locations": locations,
                    "dpa_reference": f"UB-{signed.year}-{i:03d}",
                    "dpa_signed_on": signed,
                    "next_review_on": self.today + dt.timedelta(days=120),
                    "status": "active",
                    "remote_tool": tool,
                }
            )
        return rows
