"""Search: the "contains" tier matches the starts of words, read from btree indexes (issue 17).

Issue 17 made the contains tier always run for names (a surname typed alone must reach its
contacts past a page of company-name prefixes). It matched any substring: SQLite's FTS5
trigram phrase and PostgreSQL's ``LIKE '%…%'`` over pg_trgm GIN, whose cost grows with how
common the query's trigrams are, not with the page asked for (at 1,000,000 contacts
PostgreSQL's planner, which has no statistics of these personal columns, also chose a
sequential scan: 230 ms for a name no contact has). The ranking only ever rewarded a match
at a word start (a surname typed from its start counts as a prefix), so the tier now looks
for those: the query at the start of a later word of a name, or at the start of an
address's domain. Mid-word matches ("lund mål" in "Zetterlund Måleri") are left to the typo
tier, which finds an exact substring at distance 0.

The "rest of the text from its k-th word" is an expression of the column (words separated by
single spaces: ``plain()`` collapses whitespace), indexed where that word exists; a range
(SQLite) or ``LIKE 'q%'`` on ``text_pattern_ops`` (PostgreSQL) ordered by the index stops
after the page asked for, like the prefix tier:

- ``customer.name_plain`` from its 2nd, 3rd and 4th word ("Stahl & Jonsson Bygg AB":
  "& jonsson …", "jonsson bygg ab", "bygg ab");
- ``contact.name_plain`` from its 2nd and 3rd word (the surname, a middle name);
- ``contact.email_folded`` from after its ``@`` (the domain: "partial domains").

No new column and no new table: the indexes follow every insert, update (erasure's
anonymisation) and delete by themselves, and a rewrite of the table rebuilds them. On
PostgreSQL each index column gathers no statistics (``SET STATISTICS 0``), like the personal
columns they are made of (migrations 0008, 0019): ANALYZE would otherwise keep the most
common surnames and domains in ``pg_statistic``.

The same expressions are written by ``store.customers.search.word_rest``; a test checks that
the search reads these indexes.

Revision ID: 0026
Revises: 0025 (the lead re-chains)
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _find(dialect: str, column: str, char: str) -> str:
    if dialect == "postgresql":
        return f"strpos({column}, '{char}')"
    return f"instr({column}, '{char}')"


def word_rest(dialect: str, column: str, word: int) -> tuple[str, str]:
    """(expression, condition): ``column`` from its ``word``-th word (2 or more), and when
    that word exists. A frozen copy of ``store.customers.search.word_rest``."""
    rest, conditions = column, []
    for _ in range(word - 1):
        at = _find(dialect, rest, " ")
        conditions.append(f"{at} > 0")
        rest = f"substr({rest}, {at} + 1)"
    return rest, " AND ".join(conditions)


def domain(dialect: str, column: str) -> tuple[str, str]:
    at = _find(dialect, column, "@")
    return f"substr({column}, {at} + 1)", f"{at} > 0"


def _indexes(dialect: str) -> list[tuple[str, str, str, str]]:
    """(index name, table, expression, condition)."""
    out = [
        (f"ix_customer_name_w{w}", "customer", *word_rest(dialect, "name_plain", w))
        for w in (2, 3, 4)
    ]
    out += [
        (f"ix_contact_name_w{w}", "contact", *word_rest(dialect, "name_plain", w)) for w in (2, 3)
    ]
    out.append(("ix_contact_email_domain", "contact", *domain(dialect, "email_folded")))
    return out


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, table, expression, condition in _indexes(dialect):
        if dialect == "postgresql":
            op.execute(
                f"CREATE INDEX {name} ON {table} (({expression}) text_pattern_ops) "
                f"WHERE {condition}"
            )
            op.execute(f"ALTER INDEX {name} ALTER COLUMN 1 SET STATISTICS 0")
        else:
            op.execute(f"CREATE INDEX {name} ON {table} ({expression}) WHERE {condition}")


def downgrade() -> None:
    for name, _table, _expression, _condition in _indexes(op.get_bind().dialect.name):
        op.execute(f"DROP INDEX IF EXISTS {name}")
