"""Customer search on both dialects: ranking, folding, number forms, hostile input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete, text
from sqlalchemy.orm import Session

from bowebb_console.domain.orgnr import make_orgnr
from bowebb_console.store.customers.search import (
    MAX_QUERY,
    compact_search_index,
    escape_like,
    fts_phrase,
    search_customers,
)
from bowebb_console.store.db.engine import make_engine
from bowebb_console.store.models import Contact, Customer

ORG_A = make_orgnr("556680982").digits  # BoWebb's own number: 5566809827
ORG_B = make_orgnr("559012345").digits
ORG_C = make_orgnr("556123456").digits


@pytest.fixture
def engine(any_db_url: str) -> Iterator[Engine]:
    engine = make_engine(any_db_url)
    with Session(engine) as session, session.begin():
        session.add_all(
            [
                Customer(
                    org_number=ORG_A,
                    name="Sundqvist Bygg AB",
                    status="active",
                    dpa_signed_on=dt.date(2025, 1, 1),
                    contacts=[
                        Contact(
                            name="Anna Berg", email="anna.berg@sundqvist.se", phone="+46701234567"
                        ),
                        Contact(name="Per Ek", email="per@sundqvist.se"),
                    ],
                ),
                # A name that contains another customer's org number digits.
                Customer(
                    org_number=ORG_B,
                    name=f"Holding {ORG_A} AB",
                    status="trial",
                    contacts=[
                        Contact(name="Anna Bergström", email="anna.berg@sundqvist.se.example.com")
                    ],
                ),
                Customer(
                    org_number=ORG_C,
                    name="ÅKESSON & ÖBERG HANDEL",
                    status="terminated",
                    contacts=[Contact(name="Örjan Ärlig", email="orjan@akesson.se")],
                ),
                Customer(org_number=make_orgnr("556000001").digits, name="100% Rent_Städ AB"),
            ]
        )
    yield engine
    engine.dispose()


def search(engine: Engine, q: str, limit: int = 50) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        return [(h.name, h.match_kind) for h in search_customers(conn, q, limit)]


def first(engine: Engine, q: str) -> tuple[str, str]:
    hits = search(engine, q)
    assert hits, q
    return hits[0]


@pytest.mark.parametrize(
    "q", ["5566809827", "556680-9827", "165566809827", "SE556680982701", " 556680 - 9827 "]
)
def test_exact_org_number_beats_a_name_containing_the_digits(engine: Engine, q: str) -> None:
    hits = search(engine, q)
    assert hits[0] == ("Sundqvist Bygg AB", "org_exact")
    assert all(kind != "org_exact" for _, kind in hits[1:])


def test_org_number_prefix(engine: Engine) -> None:
    assert first(engine, "556680") == ("Sundqvist Bygg AB", "prefix")
    assert ("Sundqvist Bygg AB", "prefix") in search(engine, "55")


def test_exact_email_beats_a_partial(engine: Engine) -> None:
    hits = search(engine, "Anna.Berg@Sundqvist.se")
    assert hits[0] == ("Sundqvist Bygg AB", "email_exact")
    assert hits[1][0] == f"Holding {ORG_A} AB"  # its address starts with the same text


def test_matched_contact_and_badges(engine: Engine) -> None:
    with engine.connect() as conn:
        hit = search_customers(conn, "anna.berg@sundqvist.se")[0]
        assert hit.matched_contact == "Anna Berg <anna.berg@sundqvist.se>"
        assert hit.org_number == "556680-9827"
        assert hit.status == "active" and hit.dpa_signed
        name_hit = search_customers(conn, "sundqvist bygg")[0]
        assert name_hit.matched_contact is None and name_hit.contact_id is None
        trial = search_customers(conn, "Holding")[0]
        assert trial.status == "trial" and not trial.dpa_signed


def test_one_letter_typo_in_a_company_name(engine: Engine) -> None:
    assert first(engine, "Sundkvist Bygg") == ("Sundqvist Bygg AB", "fuzzy")
    assert first(engine, "sundqvixt") == ("Sundqvist Bygg AB", "fuzzy")


def test_prefix_beats_contains(engine: Engine) -> None:
    hits = search(engine, "berg")
    kinds = dict(hits)
    assert kinds["Sundqvist Bygg AB"] == "contains"  # "Anna Berg", not a prefix of the name
    assert search(engine, "anna b")[0][1] == "prefix"


@pytest.mark.parametrize("q", ["åkesson", "ÅKESSON", "Åkesson", "öberg", "ärlig", "örjan"])
def test_swedish_letters_fold(engine: Engine, q: str) -> None:
    assert first(engine, q)[0] == "ÅKESSON & ÖBERG HANDEL"


def test_short_queries_are_prefix_lookups(engine: Engine) -> None:
    assert search(engine, "åk") == [("ÅKESSON & ÖBERG HANDEL", "prefix")]
    assert search(engine, "Ö")[0] == ("ÅKESSON & ÖBERG HANDEL", "prefix")
    assert search(engine, "q") == []  # no name or address starts with q


@pytest.mark.parametrize(
    "q", ["070-123 45 67", "0701234567", "+46 70 123 45 67", "+46701234567", "0046701234567"]
)
def test_phone_forms(engine: Engine, q: str) -> None:
    assert first(engine, q) == ("Sundqvist Bygg AB", "phone_exact")


def test_partial_phone_is_a_prefix(engine: Engine) -> None:
    assert first(engine, "070-123") == ("Sundqvist Bygg AB", "prefix")


@pytest.mark.parametrize("q", ["%", "_", "\\", "100%", "Rent_", "%_%", "\\%"])
def test_wildcards_are_literal(engine: Engine, q: str) -> None:
    names = {name for name, _ in search(engine, q)}
    assert names <= {"100% Rent_Städ AB"}
    if q in ("100%", "Rent_"):
        assert names == {"100% Rent_Städ AB"}


def test_sql_fragments_and_quotes_are_just_text(engine: Engine) -> None:
    for q in ["'; DROP TABLE customer; --", '" OR 1=1 --', "berg' OR '1'='1", 'a"b"c', "NEAR(a b)"]:
        search(engine, q)
    assert search(engine, "Sundqvist")  # the table is still there


def test_empty_and_limits(engine: Engine) -> None:
    assert search(engine, "") == []
    assert search(engine, "   \t ") == []
    assert search(engine, "a", limit=0) == []
    assert len(search(engine, "a", limit=1)) <= 1
    assert search(engine, "x" * 10_000) == []


def test_deleted_rows_leave_the_index(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        session.execute(delete(Contact).where(Contact.name == "Per Ek"))
        session.execute(delete(Customer).where(Customer.org_number == ORG_C))
    assert search(engine, "per@sundqvist") == []
    assert search(engine, "åkesson") == []
    assert search(engine, ORG_C) == []
    with engine.begin() as conn:
        compact_search_index(conn)
    if engine.dialect.name == "sqlite":
        # After compaction no trigram of the erased name is left in the index at all.
        with engine.connect() as conn:
            conn.execute(
                text("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, customer_fts, 'row')")
            )
            terms = set(conn.execute(text("SELECT term FROM temp.v")).scalars())
        assert "kes" not in terms and "öbe" not in terms
        assert "sun" in terms


def test_updates_reindex(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        customer = session.query(Customer).filter_by(org_number=ORG_A).one()
        customer.name = "Zetterlund Måleri AB"
    assert search(engine, "sundqvist bygg") == []
    assert first(engine, "ZETTERLUND")[0] == "Zetterlund Måleri AB"
    assert first(engine, "lund mål")[0] == "Zetterlund Måleri AB"


def test_helpers() -> None:
    assert escape_like("100%_\\") == "100\\%\\_\\\\"
    assert fts_phrase('a"b') == '"a""b"'


# -- property-based: arbitrary input never raises, on either dialect -----------------------

HOSTILE = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.text(alphabet="%_\\'\"`;-*()[]{}^$:.|+?@ NEAR AND OR NOT åäöÅÄÖ0123456789", max_size=80),
    st.sampled_from(
        [
            "'; DROP TABLE customer; --",
            '" OR ""="',
            "*",
            "NOT",
            "a OR b",
            "^abc",
            "col:abc",
            "\x01\x02\x1f",
            "\u202e\u200b",
            "\ud800",
            "16",
            "SE",
            "+",
            "00",
            "+46",
        ]
    ),
    st.integers(min_value=0, max_value=10**12).map(str),
    st.builds(lambda n: "å" * n, st.integers(min_value=9_000, max_value=10_000)),
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(q=HOSTILE)
def test_never_raises(engine: Engine, q: str) -> None:
    with engine.connect() as conn:
        hits = search_customers(conn, q.replace("\x00", ""))
        assert isinstance(hits, list)
        # The connection is still usable: no failed transaction left behind.
        conn.execute(text("SELECT 1"))
        assert len(q) <= MAX_QUERY or len(hits) <= 50


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=st.text(max_size=30))
def test_nul_is_tolerated(engine: Engine, q: str) -> None:
    with engine.connect() as conn:
        search_customers(conn, "\x00" + q + "\x00")


def test_agents_can_search_on_postgres(pg_db) -> None:  # type: ignore[no-untyped-def]
    """Search runs with an agent's rights: no function or table it may not use."""
    from bowebb_console.store.db import users
    from bowebb_console.store.db.setup import init_database

    init_database(pg_db.admin_url_str, role_prefix=pg_db.role_prefix)
    admin = make_engine(pg_db.admin_url_str)
    name = pg_db.login_name("agent")
    with admin.begin() as conn:
        users.add_user(conn, name, "agent", "correct horse battery")
    with Session(admin) as session, session.begin():
        session.add(Customer(org_number=ORG_A, name="Sundqvist Bygg AB"))
    admin.dispose()
    agent = make_engine(pg_db.url_for(name, "correct horse battery"))
    with agent.connect() as conn:
        for q in ["Sundkvist Bygg", "sundq", "su", ORG_A, "bygg", "x@y.se", "070-123 45 67"]:
            search_customers(conn, q)
        assert search_customers(conn, "Sundkvist Bygg")[0].match_kind == "fuzzy"
    agent.dispose()
