"""Issue 17: an agent's login may rank fuzzy search candidates with pg_trgm's similarity()
(every other function in the schema stays revoked from PUBLIC)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bowebb_console.store.customers import search


def test_an_agent_ranks_capped_fuzzy_candidates(logins, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    with logins.root.begin() as conn:
        for i, name in enumerate(("Sundqvist Bygg AB", "Sundqvist Måleri AB", "Lundqvist AB")):
            conn.execute(
                text(
                    "INSERT INTO customer (org_number, name, name_folded, name_plain, status, "
                    "version) VALUES (:o, CAST(:n AS text), lower(:n), lower(:n), 'active', 1)"
                ),
                {"o": ["5566809827", "5560360793", "5590123450"][i], "n": name},
            )
    monkeypatch.setattr(search, "FUZZY_CANDIDATES", 1)  # every fuzzy part fills its cap
    with logins["agent"].connect() as conn:
        hits = search.search_customers(conn, "Sundqvsit Bygg")
    assert hits[0].name == "Sundqvist Bygg AB" and hits[0].match_kind == "fuzzy"
