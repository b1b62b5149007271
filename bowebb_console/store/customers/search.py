"""Customer search: one service call for the GUI and the tests, ranked, on both dialects.

``search_customers(conn, text, limit)`` looks at org numbers (with or without the dash, the
``16`` and ``SE…01`` forms), company names, contact names, e-mail addresses and phone numbers
(any spacing, ``+46`` or ``0``). Tiers, best first, each run only while results are missing:

1. exact: org number (``org_exact``), e-mail (``email_exact``), phone (``phone_exact``);
2. ``prefix`` of any of those fields (an index range scan; the only tier below 3 characters);
3. ``contains``: the query at the start of a later word of a name (a surname, "bygg" in
   "Sundqvist Bygg AB") or of an address's domain, read in order from btree indexes on "the
   text from its k-th word" (migration 0026) so it stops after the page asked for; digits
   anywhere in an org number (SQLite FTS5 trigram; PostgreSQL pg_trgm GIN + LIKE);
4. ``fuzzy``: typo-tolerant, on company names, contact names and e-mail addresses:
   candidates from pieces of the query that one typo leaves intact (the pieces are separated
   by one character, so a swap of two letters at a piece boundary breaks one piece, not two)
   and, for a person's name, from each word alone (a typo leaves the other word intact);
   when there are more than the cap, PostgreSQL keeps the most similar by pg_trgm's
   ``similarity()`` and SQLite by rapidfuzz over (id, text) pairs (SQLite reads a
   company name's candidates of all its piece alternatives in one FTS5 scan). The kept
   ones are re-scored in Python by similarity (trigram overlap, then edit distance with
   transpositions) before the best are kept.

Names are matched on their diacritic-insensitive key (``name_plain``, migration 0011):
``Angstrom`` finds "Ångström". A query typed with å/ä/ö ranks the exact spelling above the
folded one. A match that ends on a word boundary (``Akessons`` in "Åkessons Måleri") ranks
above one inside a longer word (``akessonsara@``). The contains tier always runs for names:
many company-name prefixes never hide a contact whose surname was typed. It matches word
starts only: a match inside a word ("lund mål" in "Zetterlund Måleri") is found by the typo
tier, at distance 0; a shorter one that nothing begins with ("qvist" in "Lindqvist") by a
last ``contains`` scan of the trigram indexes.

All text is folded in Python (``domain.search_text.fold``/``plain``), the same way the stored
``*_folded``/``*_plain`` columns are, because SQL folds only ASCII. User text only ever
reaches SQL as a bound parameter; LIKE wildcards are escaped and FTS5 phrases quoted. Odd
input never raises.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import phonenumbers
from rapidfuzz import fuzz, process
from sqlalchemy import Connection, text

from bowebb_console.domain.orgnr import OrgNumber, digits_for_search
from bowebb_console.domain.search_text import fold, strip_marks

MAX_QUERY = 200  # longer input is cut: nobody types more, and it bounds the work
MIN_CONTAINS = 3  # trigram indexes need three characters
MIN_FUZZY = 4
INSIDE_BELOW = 7  # shorter text inside a word is beyond the typo tier: _inside finds it
FUZZY_MIN_SCORE = 0.3  # share of the query's trigrams found in the candidate
FUZZY_MIN_SIMILARITY = 0.65  # 1 - edits / query length (similarity())
FUZZY_RESCORE = 25  # the candidates with most trigrams in common, re-scored by edit distance
FUZZY_CANDIDATES = 200  # per field, the most similar first; all re-scored in Python
FUZZY_POOL = 600  # SQLite: per alternative, (id, text) pairs ranked by rapidfuzz
FUZZY_KEEP = 50  # SQLite: the closest of the pool, fetched whole and re-scored
FUZZY_UNION = 1000  # SQLite: company names read by the one scan at most (_company_pools)
FUZZY_STRONG = 0.9  # a company name this close ends the fuzzy tier (_close_company)
FUZZY_NEIGHBOURS = 20  # names read on each side of the query in index order (_neighbours)
MAX_PIECES = 5
FUZZY_SPAN = 24  # characters of the query that generate fuzzy candidates
FUZZY_IF_FEWER = 5  # run the fuzzy tier only when the other tiers found fewer hits
EXACT_SPELLING = 20.0  # bonus: the query as typed (with å/ä/ö) is in the name
WORD_END = 30.0  # bonus: the match ends where a word ends
# bonus: a company name that begins with the typed word(s). With it such a company
# (>= 750) outranks a contact whose later word starts with them (contains + word start +
# word end < 750), e.g. "Abrahamsson & Engman AB" above two people named Abrahamsson.
COMPANY_NAME_FIRST = 20.0

ORG_EXACT, EMAIL_EXACT, PHONE_EXACT = "org_exact", "email_exact", "phone_exact"
PREFIX, CONTAINS, FUZZY = "prefix", "contains", "fuzzy"
_BASE = {ORG_EXACT: 1000.0, EMAIL_EXACT: 950.0, PHONE_EXACT: 900.0, PREFIX: 700.0}
_BASE |= {CONTAINS: 500.0, FUZZY: 300.0}

_PHONE_LIKE = re.compile(r"^\+?[0-9][0-9\s\-().\/\u2010-\u2015\u2212]*$")


@dataclass(frozen=True)
class SearchHit:
    customer_id: int
    org_number: str  # NNNNNN-NNNN
    name: str
    status: str  # trial | active | terminated
    dpa_signed: bool
    matched_contact: str | None  # "Name <e-mail>" when a contact matched, else None
    contact_id: int | None
    match_kind: str  # org_exact | email_exact | phone_exact | prefix | contains | fuzzy
    score: float


@dataclass(frozen=True)
class _Query:
    folded: str
    plain: str  # folded without diacritics (domain.search_text.plain)
    digits: str | None  # org-number digits, when the text is numeric
    phone_exact: str | None  # E.164
    phone_prefix: str | None  # "+4670123…" for a partly typed number


def search_customers(conn: Connection, text_: str, limit: int = 50) -> list[SearchHit]:
    """Ranked customers matching ``text_`` (at most ``limit``); [] for empty input."""
    if not isinstance(text_, str) or limit <= 0:
        return []
    query = _analyse(text_)
    if query is None:
        return []
    searcher: _Searcher = (
        _PostgresSearcher(conn, limit)
        if conn.dialect.name == "postgresql"
        else _SqliteSearcher(conn, limit)
    )
    return searcher.run(query)


def clean_query(text_: str) -> str:
    """Cut to MAX_QUERY and drop what no stored text holds: control characters (NUL too,
    which PostgreSQL refuses in text), lone surrogates (not encodable) and unassigned code
    points."""
    out = []
    for ch in text_[:MAX_QUERY]:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Zl", "Zp"):
            out.append(" ")
        elif category not in ("Cs", "Cn", "Co"):
            out.append(ch)
    return "".join(out)


def _analyse(text_: str) -> _Query | None:
    cleaned = clean_query(text_)
    folded = fold(cleaned)
    if not folded:
        return None
    digits = digits_for_search(cleaned)
    if digits is not None and not digits:
        digits = None
    exact, prefix = _phone_forms(cleaned)
    return _Query(
        folded=folded,
        plain=strip_marks(folded),
        digits=digits,
        phone_exact=exact,
        phone_prefix=prefix,
    )


def _phone_forms(cleaned: str) -> tuple[str | None, str | None]:
    """(E.164 if a complete valid number, E.164 prefix if a plausible partial one)."""
    raw = cleaned.strip()
    if not _PHONE_LIKE.match(raw):
        return None, None
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        prefix = "+" + digits
    elif digits.startswith("00"):
        prefix = "+" + digits[2:]
    elif digits.startswith("0"):
        prefix = "+46" + digits[1:]
    elif digits.startswith("46") and len(digits) >= 11:
        # A Swedish number with its country code but no +, as some systems export it; no
        # org number has 11 or more digits starting 46 (12-digit forms start 16/19/20).
        prefix = "+" + digits
        raw = prefix
    else:
        return None, None  # bare digits without 0 or +: an org number, not a phone
    if len(prefix) < 6:  # "+46" and a couple of digits matches half the country
        return None, None
    exact = None
    try:
        number = phonenumbers.parse(raw, "SE")
        if phonenumbers.is_valid_number(number):
            exact = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        pass
    return exact, prefix


def escape_like(value: str) -> str:
    """``value`` as a literal inside a LIKE pattern with ``ESCAPE '\\'``."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_phrase(value: str) -> str:
    """``value`` as one FTS5 phrase: inside double quotes only ``"`` is special."""
    return '"' + value.replace('"', '""') + '"'


def trigram_score(query: str, candidate: str) -> float:
    """Share of the query's trigrams (words padded like pg_trgm) found in ``candidate``."""
    wanted = _trigrams(query)
    if not wanted:
        return 0.0
    return len(wanted & _trigrams(candidate)) / len(wanted)


def similarity(query: str, candidate: str) -> float:
    """0..1, how well ``query`` matches the best part of ``candidate``: one minus the edit
    distance (substitution, insertion, deletion, swap of neighbours) between the query and
    the candidate's closest substring, over the query's length."""
    if not query:
        return 0.0
    n = len(query)
    allowed = int(n * (1.0 - FUZZY_MIN_SIMILARITY))
    return max(0.0, 1.0 - substring_distance(query, candidate, allowed) / n)


def substring_distance(query: str, text_: str, give_up: int | None = None) -> int:
    """Fewest edits (substitution, insertion, deletion, swap of neighbours) turning
    ``query`` into some substring of ``text_``: optimal string alignment with a free start
    and end in ``text_``. Past ``give_up`` edits it answers ``give_up + 1``.

    Bit-parallel (Myers 1999 with Hyyrö's 2003 transposition term): one column of the
    dynamic-programming table per character of ``text_`` in a few integer operations,
    about five times faster in Python than filling the table cell by cell (the same
    answers; a test compares it with the table on random strings)."""
    if query in text_:
        return 0
    m = len(query)
    peq: dict[str, int] = {}
    for i, ch in enumerate(query):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    vp, vn, d0, pm_prev = mask, 0, 0, 0
    score = best = m
    for ch in text_:
        pm = peq.get(ch, 0)
        swap = (((~d0) & pm) << 1) & pm_prev
        d0 = ((((pm & vp) + vp) & mask) ^ vp) | pm | vn | swap
        hp = vn | (~(d0 | vp) & mask)
        hn = d0 & vp
        if hp & high:
            score += 1
        elif hn & high:
            score -= 1
        hp = (hp << 1) & mask
        hn = (hn << 1) & mask
        vp = hn | (~(d0 | hp) & mask)
        vn = d0 & hp
        pm_prev = pm
        if score < best:
            best = score
    if give_up is not None and best > give_up:
        return give_up + 1
    return best


def osa_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein without repeated edits)."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _jaccard(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


@lru_cache(maxsize=8192)
def _trigrams(value: str) -> frozenset[str]:
    """The trigrams of ``value``'s words, padded like pg_trgm's. Cached: the same names
    come back as candidates query after query (and a typed query keystroke after
    keystroke)."""
    grams: set[str] = set()
    for word in value.split():
        padded = f"  {word} "
        grams.update([padded[i : i + 3] for i in range(len(padded) - 2)])
    return frozenset(grams)


# Every part of a tier selects the same ten columns, so a tier is one UNION ALL round trip.
_CUSTOMER_COLS = (
    "c.id, c.org_number, c.name, c.status, c.dpa_signed_on, CAST(NULL AS INTEGER) AS kid, "
    "CAST(NULL AS VARCHAR(200)) AS kname, CAST(NULL AS VARCHAR(254)) AS kemail"
)
_CONTACT_COLS = "c.id, c.org_number, c.name, c.status, c.dpa_signed_on, k.id, k.name, k.email"
_CONTACT_FROM = "contact k JOIN customer c ON c.id = k.customer_id"


@dataclass(frozen=True)
class _Field:
    """A searchable column: what to select and from where, and which text it matches."""

    columns: str
    source: str
    column: str


def _find(dialect: str, column: str, char: str) -> str:
    if dialect == "postgresql":
        return f"strpos({column}, '{char}')"
    return f"instr({column}, '{char}')"


def word_rest(dialect: str, column: str, word: int) -> tuple[str, str]:
    """(expression, condition): ``column`` from its ``word``-th word (2 or more; words are
    separated by one space, as ``plain()`` leaves them), and when that word exists. Written
    exactly as the indexes of migration 0026 are, so the database reads them."""
    rest, conditions = column, []
    for _ in range(word - 1):
        at = _find(dialect, rest, " ")
        conditions.append(f"{at} > 0")
        rest = f"substr({rest}, {at} + 1)"
    return rest, " AND ".join(conditions)


def domain(dialect: str, column: str) -> tuple[str, str]:
    """(expression, condition): an address from after its ``@`` (migration 0026)."""
    at = _find(dialect, column, "@")
    return f"substr({column}, {at} + 1)", f"{at} > 0"


_CUSTOMER_NAME = _Field(_CUSTOMER_COLS, "customer c", "c.name_plain")
_ORG_NUMBER = _Field(_CUSTOMER_COLS, "customer c", "c.org_number")
_CONTACT_NAME = _Field(_CONTACT_COLS, _CONTACT_FROM, "k.name_plain")
_EMAIL = _Field(_CONTACT_COLS, _CONTACT_FROM, "k.email_folded")
_PHONE = _Field(_CONTACT_COLS, _CONTACT_FROM, "k.phone")


def _word_starts(dialect: str, field: _Field) -> list[tuple[str, str]]:
    """The indexed (expression, condition) pairs whose start the contains tier matches."""
    if field is _CUSTOMER_NAME:
        return [word_rest(dialect, field.column, w) for w in (2, 3, 4)]
    if field is _CONTACT_NAME:
        return [word_rest(dialect, field.column, w) for w in (2, 3)]
    if field is _EMAIL:
        return [domain(dialect, field.column)]
    return []


class _Searcher:
    """The tiers; the dialects differ in how prefix, contains and fuzzy reach their indexes."""

    def __init__(self, conn: Connection, limit: int) -> None:
        self.conn = conn
        self.limit = limit
        # customer id -> (score, row, kind) of its best hit; SearchHits are made for the page
        # only (most rows of a short prefix never reach it).
        self.hits: dict[int, tuple[float, Any, str]] = {}
        self._parts: list[tuple[str, str | None, int]] = []
        self._params: dict[str, Any] = {}
        self._exact_inside = False  # a fuzzy candidate holds the query as typed (_neighbours)
        self._begins_one = False  # the prefix tier found something

    def run(self, q: _Query) -> list[SearchHit]:
        self._exact(q)
        self._flush_parts(q)
        # An exact hit is what was asked for: only the cheap prefix tier joins it.
        exact_found = bool(self.hits)
        self._prefix(q)
        self._flush_parts(q)
        begins_one = self._begins_one = bool(self.hits)
        # An address fragment is typed from its start: when it already begins an address,
        # the substring scan of a million contacts' trigrams adds nothing but time.
        address_like = "@" in q.folded or ("." in q.folded and " " not in q.folded)
        # Names are looked for inside too even when prefixes filled the page: a surname
        # typed alone must still reach its contacts (they rank by word start below).
        if not exact_found and len(q.folded) >= MIN_CONTAINS and not (address_like and self.hits):
            self._contains(q)
            self._flush_parts(q)
        # Typo tolerance only when the spelling as typed found (almost) nothing: digits and
        # complete addresses are matched as typed.
        numeric = q.digits is not None or q.phone_prefix is not None
        # An address typed from its start that already begins one is spelled right so far
        # ("lara.lindgre"): the typo scan of a million addresses would only add look-alikes,
        # at 10-500 ms per keystroke. (Not so for names: "Said Ros" begins "Said Rosén"
        # but was "Said Roos" mistyped.)
        if (
            not exact_found
            and not (address_like and begins_one)
            and len(self.hits) < FUZZY_IF_FEWER
            and len(q.folded) >= MIN_FUZZY
            and not numeric
        ):
            self._fuzzy(q)
            self._flush_parts(q)
        # Last resort: a short text inside a word ("qvist" in "Lindqvist"), too short for
        # the typo tier's pieces, when nothing begins with it: the only case that pays for
        # a scan of the trigram indexes.
        as_typed = any(kind != FUZZY for _, _, kind in self.hits.values())
        if not as_typed and not numeric and MIN_CONTAINS <= len(q.folded) < INSIDE_BELOW:
            self._inside(q)
            self._flush_parts(q)
        ranked = sorted(
            self.hits.items(), key=lambda item: (-item[1][0], str(item[1][1][2]), item[0])
        )
        return [_hit(customer_id, *best) for customer_id, best in ranked[: self.limit]]

    def _fields(self, q: _Query) -> list[tuple[_Field, str]]:
        """The fields worth trying for this query, with the (folded) value to look for."""
        fields: list[tuple[_Field, str]] = []
        if q.digits:
            fields.append((_ORG_NUMBER, q.digits))
        if q.phone_prefix:
            fields.append((_PHONE, q.phone_prefix))
        if q.digits is None and q.phone_prefix is None:
            if "@" not in q.folded:
                fields += [(_CUSTOMER_NAME, q.plain), (_CONTACT_NAME, q.plain)]
            if " " not in q.folded:  # an address has no spaces: don't scan for one
                fields.append((_EMAIL, q.plain if q.plain.isascii() else q.folded))
        return fields

    # -- building and running a tier ------------------------------------------------------

    def _part(
        self,
        kind: str,
        field: _Field,
        where: str,
        order: str = "",
        limit: str = ":n",
        if_capped: tuple[str, str] | None = None,
        **params: Any,
    ) -> None:
        """Add one SELECT to the pending tier; ``where`` refers to params as ``:{name}``.
        ``if_capped`` (where, order): the same part ranked in SQL, run only when the cheap
        form filled its ``limit`` (so a cap never cuts candidates in index order)."""
        n = len(self._parts)
        names = {key: f"{key}{n}" for key in params}
        for key, value in params.items():
            self._params[names[key]] = value

        def select(where_: str, order_: str) -> str:
            marks = {key: f":{name}" for key, name in names.items()}
            return (
                f"SELECT * FROM (SELECT {field.columns}, {field.column} AS matched, "
                f"CAST({n} AS REAL) AS s, '{kind}' AS kind FROM {field.source} "
                f"WHERE {where_.format(**marks)} {order_.format(**marks)} LIMIT {limit}) AS t{n}"
            )

        capped = select(*if_capped) if if_capped else None
        self._parts.append((select(where, order), capped, int(limit) if capped else 0))

    def _flush_parts(self, q: _Query) -> None:
        if not self._parts:
            return
        parts, params = self._parts, {**self._params, "n": self.limit}
        self._parts, self._params = [], {}
        rows = self._rows(" UNION ALL ".join(p[0] for p in parts), params)
        per_part: dict[int, int] = {}
        for row in rows:
            per_part[int(row[9])] = per_part.get(int(row[9]), 0) + 1
        full = [
            n for n, (_, capped, cap) in enumerate(parts) if capped and per_part.get(n, 0) >= cap
        ]
        if full:
            again = " UNION ALL ".join(str(parts[n][1]) for n in full)
            rows = [row for row in rows if int(row[9]) not in full]
            rows += self._rows(again, params)
        self._add(rows, q)

    def _rows(self, sql: str, params: dict[str, Any]) -> list[Any]:
        """The rows of one statement whose parameters are written ``:name``."""
        return list(self.conn.execute(text(sql), params).all())

    def _add(self, rows: Iterable[Any], q: _Query) -> None:
        rows = list(rows)
        fuzzy_scores: dict[int, float] = {}
        if rows and str(rows[0][10]) == FUZZY:
            rows, fuzzy_scores = self._best_fuzzy(rows, q)
        for n, row in enumerate(rows):
            kind = str(row[10])
            matched = str(row[8] or "")
            score = _BASE[kind]
            if kind == FUZZY:
                score += 100.0 * fuzzy_scores[n]
            elif kind in (PREFIX, CONTAINS):
                wanted = q.digits if matched.isdigit() and q.digits else q.plain
                if "@" in matched and wanted not in matched:
                    wanted = q.folded
                score += 20.0 * min(1.0, len(wanted) / max(1, len(matched)))
                at = matched.find(wanted)
                if kind == CONTAINS and _at_word_start(matched, wanted):
                    score += 200.0  # a word typed from its start (a surname) counts as a prefix
                if at >= 0:
                    end = at + len(wanted)
                    if end == len(matched) or not matched[end].isalnum():
                        score += WORD_END
                        if kind == PREFIX and at == 0 and row[5] is None:
                            # The company's name begins with the typed word(s): it comes
                            # before the people who bear that word as a surname.
                            score += COMPANY_NAME_FIRST
            if q.folded != q.plain:
                # The query then holds a letter beyond ASCII, which no ASCII name (folded:
                # still ASCII) can hold: only the others are folded, the costly part.
                shown = str(row[6] if row[5] is not None else row[2])
                if not shown.isascii() and q.folded in fold(shown):
                    score += EXACT_SPELLING
            score = round(score, 3)
            customer_id = int(row[0])
            best = self.hits.get(customer_id)
            if best is None or score > best[0]:
                self.hits[customer_id] = (score, row, kind)

    # -- the tiers ----------------------------------------------------------------------

    def _exact(self, q: _Query) -> None:
        if q.digits and len(q.digits) == 10:
            self._part(ORG_EXACT, _ORG_NUMBER, "c.org_number = {v}", v=q.digits)
        if "@" in q.folded:
            self._part(EMAIL_EXACT, _EMAIL, "k.email_folded = {v}", v=q.folded)
        if q.phone_exact:
            self._part(PHONE_EXACT, _PHONE, "k.phone = {v}", v=q.phone_exact)

    def _prefix(self, q: _Query) -> None:
        raise NotImplementedError

    def _contains(self, q: _Query) -> None:
        """A later word of a name, or an address's domain, that begins with the query: a
        range of an index of migration 0026, in its order, so it stops after ``limit``
        rows whatever the number of matches. (The first word is the prefix tier's.) Org
        number digits are still looked for anywhere (:meth:`_digits_inside`)."""
        dialect = self.conn.dialect.name
        for field, value in self._fields(q):
            if len(value) < MIN_CONTAINS or field is _PHONE:
                continue
            if field is _ORG_NUMBER:
                self._digits_inside(value)
                continue
            for expression, condition in _word_starts(dialect, field):
                where, order, params = self._starts_with(expression, value)
                self._part(CONTAINS, field, f"{condition} AND {where}", order, **params)

    def _starts_with(self, expression: str, value: str) -> tuple[str, str, dict[str, Any]]:
        """(where, order, params): ``expression`` begins with ``value``, read in index order."""
        raise NotImplementedError

    def _digits_inside(self, digits: str) -> None:
        raise NotImplementedError

    def _inside(self, q: _Query) -> None:
        """The query anywhere inside a name or an address, from the trigram indexes."""
        raise NotImplementedError

    def _fuzzy(self, q: _Query) -> None:
        raise NotImplementedError

    def _neighbours(self, q: _Query) -> bool:
        """First, cheaply: the names and addresses next to the query in index order (the
        FUZZY_NEIGHBOURS either side, two short index ranges). A name typed partly ("Lucas
        Hjal", begun by "Lucas Hjalmarsson") is found there as typed, at distance 0: the
        query is spelled like a name so far, and the piece-wise scans of a million names
        (most of the time of such a query, which finds few hits) are not run. Anything else
        (a typo) runs the scans as before; these candidates only join them (a typo late in
        a name has its match right here). Candidates near a name typed partly with a typo
        ("Said Ros": "Said Rosén" as typed, "Said Roos" meant) are next to it too. True when
        the query was found as typed.

        Only when the prefix tier found something: otherwise nothing begins with the query
        and it is not found as typed here (a typo, whose candidates the scans find)."""
        if not self._begins_one:
            return False
        wanted = (_CUSTOMER_NAME, _CONTACT_NAME, _EMAIL)
        for field, value in self._fields(q):
            if field not in wanted:
                continue
            for where, order in self._around(field.column):
                self._part(FUZZY, field, where, order, limit=str(FUZZY_NEIGHBOURS), v=value)
        self._flush_parts(q)
        return self._exact_inside

    def _around(self, column: str) -> list[tuple[str, str]]:
        """(where, order) for the rows just after and just before ``{v}`` in the index."""
        raise NotImplementedError

    def _close_company(self) -> bool:
        """Whether the fuzzy tier already found a company name within one edit in ten
        characters (FUZZY_STRONG): the query was a company's name."""
        strong = _BASE[FUZZY] + 100.0 * FUZZY_STRONG
        return any(
            kind == FUZZY and score >= strong and row[5] is None
            for score, row, kind in self.hits.values()
        )

    def _best_fuzzy(self, rows: list[Any], q: _Query) -> tuple[list[Any], dict[int, float]]:
        """All candidates scored by trigram overlap, the best re-scored by edit distance;
        those still too far from the query are dropped."""
        typed = q.plain.split("@")[0]  # an address is compared by its local part
        wanted = _trigrams(typed)
        first = []
        for row in rows:
            texts = _fuzzy_texts(row)
            grams = [_trigrams(t) for t in texts]  # (trigram_score, without recounting)
            overlap = max(len(wanted & g) for g in grams) / len(wanted) if wanted else 0.0
            if overlap >= FUZZY_MIN_SCORE:
                # pg_trgm's similarity (shared over all trigrams): extra words cost.
                jaccard = max(_jaccard(wanted, g) for g in grams)
                first.append((jaccard, row, texts))
        first.sort(key=lambda item: -item[0])
        kept: list[Any] = []
        scores: dict[int, float] = {}
        for jaccard, row, texts in first[:FUZZY_RESCORE]:
            # Edit distance decides; among equals, the one with less besides the query.
            closest = max(similarity(typed, t) for t in texts)
            self._exact_inside |= closest >= 1.0
            best = closest + 0.05 * jaccard
            if row[5] is not None:
                best -= 0.01  # a tie goes to the company's own name
            if best >= FUZZY_MIN_SIMILARITY:
                scores[len(kept)] = best
                kept.append(row)
        return kept, scores


def _hit(customer_id: int, score: float, row: Any, kind: str) -> SearchHit:
    contact = f"{row[6]} <{row[7]}>" if row[5] is not None else None
    return SearchHit(
        customer_id=customer_id,
        org_number=OrgNumber(str(row[1])).formatted,
        name=str(row[2]),
        status=str(row[3]),
        dpa_signed=row[4] is not None,
        matched_contact=contact,
        contact_id=int(row[5]) if row[5] is not None else None,
        match_kind=kind,
        score=score,
    )


def _fuzzy_texts(row: Any) -> tuple[str, ...]:
    """What a fuzzy candidate is compared on: a company's name; a contact's name and the
    local part of its address (the domain names the company, whose own row answers)."""
    candidate = str(row[8] or "")
    if row[5] is None:
        return (candidate,)
    if "@" in candidate:
        return (candidate.split("@")[0],)
    return (candidate,)


def _at_word_start(haystack: str, needle: str) -> bool:
    at = haystack.find(needle)
    return at == 0 or (at > 0 and not haystack[at - 1].isalnum())


class _SqliteSearcher(_Searcher):
    def _rows(self, sql: str, params: dict[str, Any]) -> list[Any]:
        # sqlite3 takes ``:name`` parameters itself: passing the statement through as it is
        # saves parsing it into a text() construct and compiling that on every keystroke
        # (0.1-0.4 ms a statement, a typo query runs five). Still on this Connection, in its
        # transaction, with its events.
        return list(self.conn.exec_driver_sql(sql, params).all())

    def _prefix(self, q: _Query) -> None:
        for field, value in self._fields(q):
            if field is _ORG_NUMBER and len(value) >= 10:
                continue
            # A range, not LIKE: it uses the plain (BINARY) index and has no wildcards at
            # all. U+10FFFF sorts after every continuation of the prefix in UTF-8.
            self._part(
                PREFIX,
                field,
                f"{field.column} >= {{lo}} AND {field.column} < {{hi}}",
                f"ORDER BY {field.column}",
                lo=value,
                hi=value + "\U0010ffff",
            )

    def _starts_with(self, expression: str, value: str) -> tuple[str, str, dict[str, Any]]:
        # A range, as in the prefix tier: the expression index (BINARY) serves it in order.
        where = f"{expression} >= {{lo}} AND {expression} < {{hi}}"
        return where, f"ORDER BY {expression}", {"lo": value, "hi": value + "\U0010ffff"}

    def _digits_inside(self, digits: str) -> None:
        # The trigram index over the company's name and org number (a name may hold them).
        where = "c.id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH {m} LIMIT :n)"
        self._part(CONTAINS, _ORG_NUMBER, where, m=fts_phrase(digits))

    def _inside(self, q: _Query) -> None:
        for fts, field, value, column in self._fts_fields(q):
            if len(value) < MIN_CONTAINS:
                continue
            match = fts_phrase(value)
            if column:
                match = f"{column} : ({match})"
            key = "c.id" if fts == "customer_fts" else "k.id"
            where = f"{key} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH {{m}} LIMIT :n)"
            self._part(CONTAINS, field, where, m=match)

    def _fuzzy(self, q: _Query) -> None:
        """Typo-tolerant candidates read as (id, text) only, ranked by rapidfuzz (C++)
        against the query; the closest FUZZY_KEEP of each field are then fetched whole and
        re-scored like PostgreSQL's. A surname shared by hundreds of contacts or a common
        piece (`` ab``, ``son``) no longer cuts the right one by index order, and no bm25
        pass over every match is needed.

        Company names first (100,000 rows): when one is already a close match (at most one
        edit in ten characters), the query was a company's name and the scan of a million
        contacts' names and addresses for it is skipped (it found nothing there but cost
        most of the time of a typo query)."""
        if self._neighbours(q):
            return
        fields = self._fts_fields(q)
        companies = [f for f in fields if f[0] == "customer_fts"]
        self._fuzzy_fields(companies)
        self._flush_parts(q)
        if not self._close_company():
            self._fuzzy_fields([f for f in fields if f[0] != "customer_fts"])

    def _around(self, column: str) -> list[tuple[str, str]]:
        return [
            (f"{column} >= {{v}}", f"ORDER BY {column}"),
            (f"{column} < {{v}}", f"ORDER BY {column} DESC"),
        ]

    def _fuzzy_fields(self, wanted: list[tuple[str, _Field, str, str | None]]) -> None:
        selects: list[str] = []
        params: dict[str, str] = {}
        fields: list[tuple[_Field, str, str]] = []
        union: dict[int, dict[int, str]] = {}  # field -> its candidates (_company_pools)
        for fts, field, value, column in wanted:
            alternatives = _alternatives(value)
            words: list[list[str]] = []
            if field is _CONTACT_NAME:
                # A person's name: first name and surname; one of them is intact.
                words = _word_alternatives(value)
                alternatives += [w for w in words if w not in alternatives]
            if not alternatives:
                continue
            n = len(fields)
            shown = "email_folded" if field is _EMAIL else "name_plain"
            base = "customer" if fts == "customer_fts" else "contact"
            if fts == "customer_fts" and _one_scan(alternatives):
                union[n] = self._company_pools(alternatives)
                fields.append((field, "c.id", value))
                continue
            # Each alternative on its own, with its own cap: one whose pieces are common
            # (``lund``) cannot crowd out a selective one (the first name alone).
            for pieces in alternatives:
                key = f"m{len(params)}"
                if pieces in words and len(pieces) == 1 and value.startswith(pieces[0]):
                    # The first name alone ("jack "): a range of the name index, a tenth of
                    # the cost of the trigram phrase.
                    params[key], params[key + "hi"] = pieces[0], pieces[0] + "\U0010ffff"
                    selects.append(
                        f"SELECT * FROM (SELECT {n} AS f, k.id AS id, k.name_plain AS t "
                        f"FROM contact k WHERE k.name_plain >= :{key} AND "
                        f"k.name_plain < :{key}hi LIMIT {FUZZY_POOL})"
                    )
                    continue
                expr = " AND ".join(fts_phrase(p) for p in pieces)
                params[key] = f"{column} : ({expr})" if column else expr
                # The matching rowids first, then their text from the base table by primary
                # key: reading the column through the FTS5 table (external content) costs
                # about 1.6 times as much for a full pool. The same rows, in the same order.
                selects.append(
                    f"SELECT * FROM (SELECT {n} AS f, m.id AS id, b.{shown} AS t FROM "
                    f"(SELECT rowid AS id FROM {fts} WHERE {fts} MATCH :{key} "
                    f"LIMIT {FUZZY_POOL}) AS m JOIN {base} b ON b.id = m.id)"
                )
            fields.append((field, "c.id" if fts == "customer_fts" else "k.id", value))
        found: dict[int, dict[int, str]] = dict(union)
        if selects:
            for f, id_, t in self._rows(" UNION ALL ".join(selects), params):
                found.setdefault(int(f), {})[int(id_)] = str(t or "")
        for n, (field, key, value) in enumerate(fields):
            candidates = list(found.get(n, {}).items())
            if not candidates:
                continue
            ids = _closest(value, candidates, FUZZY_KEEP, local_part=field is _EMAIL)
            self._part(
                FUZZY,
                field,
                f"{key} IN (SELECT value FROM json_each({{ids}}))",
                limit=str(len(ids)),
                ids=json.dumps(ids),
            )

    def _company_pools(self, alternatives: list[list[str]]) -> dict[int, str]:
        """The company names of every alternative's pool, as the FTS5 AND of each would
        give them (its first FUZZY_POOL rows by rowid, alternatives in order), from one
        scan: the names holding all pieces but one (_all_but_one), read by rowid. Which
        alternatives a name answers is then tested in Python: a trigram phrase matches
        where its text is a substring of a column's, the name or the org number (both
        folded alike; _one_scan). The scan reads the pieces' doclists once where the
        separate ANDs read each of them again (about a fifth less FTS5 work).

        A scan stops at FUZZY_UNION names; when it does, the next one goes on after the
        last name read, for the alternatives whose pools are not full yet."""
        pieces = [alternatives[1][0], *alternatives[0]]
        pools: list[list[tuple[int, str]]] = [[] for _ in alternatives]
        open_ = list(range(len(alternatives)))
        last: int | None = None
        while open_:
            after = "" if last is None else "AND rowid > :last "
            rows = self._rows(
                "SELECT m.id, b.name_plain, b.org_number FROM (SELECT rowid AS id FROM "
                f"customer_fts WHERE customer_fts MATCH :m {after}ORDER BY rowid "
                f"LIMIT {FUZZY_UNION}) AS m LEFT JOIN customer b ON b.id = m.id",
                {"m": _all_but_one(pieces, open_), "last": last},
            )
            read = sorted((int(id_), str(t or ""), str(o or "")) for id_, t, o in rows)
            # Alternative a is every piece but the a-th: a name lacking one piece answers
            # that alternative only, a name with all of them answers every one.
            for id_, t, o in read:
                lacking = [a for a, p in enumerate(pieces) if p not in t and p not in o]
                if len(lacking) > 1:
                    continue
                for a in lacking or open_:
                    if a in open_ and len(pools[a]) < FUZZY_POOL:
                        pools[a].append((id_, t))
            if len(read) < FUZZY_UNION:
                break
            last = read[-1][0]
            open_ = [a for a in open_ if len(pools[a]) < FUZZY_POOL]
        found: dict[int, str] = {}
        for pool in pools:
            found.update(pool)
        return found

    def _fts_fields(self, q: _Query) -> list[tuple[str, _Field, str, str | None]]:
        """(FTS table, field, value, column filter) for the fields worth matching.

        One FTS5 table per base table covers all its searchable columns. Phone numbers
        are matched by prefix only (the prefix tier). Substrings of contact names and of
        addresses are looked up apart (FTS5 column filters), so addresses that contain a
        surname cannot take all the places of the people who bear it."""
        wanted: list[tuple[str, _Field, str, str | None]] = []
        for field, value in self._fields(q):
            if field in (_CUSTOMER_NAME, _ORG_NUMBER):
                if not any(w[0] == "customer_fts" for w in wanted):
                    wanted.append(("customer_fts", field, value, None))
            elif field is _PHONE:
                continue
            else:
                only = "name_plain" if field is _CONTACT_NAME else "email_folded"
                wanted.append(("contact_fts", field, value, only))
        return wanted


def _closest(
    typed: str, candidates: list[tuple[int, str]], keep: int, local_part: bool
) -> list[int]:
    """The ids of the ``keep`` candidates most like ``typed`` (rapidfuzz's normalised Indel
    similarity, computed in C++ over the whole pool; an address by its local part)."""
    typed = typed.split("@")[0]
    if len(candidates) <= keep:
        return [id_ for id_, _ in candidates]
    texts = [t.split("@")[0] if local_part else t for _, t in candidates]
    best = process.extract(typed, texts, scorer=fuzz.ratio, limit=keep)
    return [candidates[index][0] for _, _, index in best]


def _pigeonhole(value: str) -> str | None:
    """An FTS5 expression a single typo cannot defeat (see _alternatives)."""
    alternatives = _alternatives(value)
    if not alternatives:
        return None
    return " OR ".join(
        "(" + " AND ".join(fts_phrase(p) for p in pieces) + ")" for pieces in alternatives
    )


def _word_alternatives(value: str) -> list[list[str]]:
    """A name of several words with a typo in one of them still has the others intact: each
    alternative is every word of three or more characters but one. A short first name
    (``Ebbe``, ``Max``) that leaves the pigeonhole no piece of its own is then found
    through the surname, and a mistyped surname through the first name."""
    split = value.split()
    if len(split) < 2:
        return []
    # Each word with the spaces around it (the trigram index then wants a word, not any
    # substring: `` borg`` is Borg and Borgström, not every Lindborg).
    last = len(split) - 1
    words = [
        (" " if i else "") + w + (" " if i < last else "")
        for i, w in enumerate(split)
        if len(w) >= MIN_CONTAINS and sum(map(len, split[: i + 1])) + i <= FUZZY_SPAN
    ]
    out = [[w for j, w in enumerate(words) if j != i] for i in range(len(words))]
    return [alt for alt in out if alt]


def _alternatives(value: str) -> list[list[str]]:
    """Pigeonhole: cut the query into k pieces (at least three characters each, the trigram
    minimum); one typo breaks at most one piece, so a match has all pieces but one. Each
    alternative ANDs k-1 pieces, which is selective."""
    # A typo past FUZZY_SPAN leaves the span intact, so the span alone finds the candidates
    # (the re-score compares the whole query) and the cost no longer grows with length.
    value = value[:FUZZY_SPAN]
    n = len(value)
    # Pieces separated by one unused character: a swap of two neighbours at a boundary then
    # changes one piece only (without the gap it breaks both sides of the boundary).
    k = min(MAX_PIECES, (n + 1) // (MIN_CONTAINS + 1))
    if k >= 2:
        size = (n + 1) / k  # each piece plus its gap
        pieces = [value[round(i * size) : round((i + 1) * size) - 1] for i in range(k)]
    else:
        k = min(MAX_PIECES, n // MIN_CONTAINS)
        if k < 2:
            return []
        size = n / k
        pieces = [value[round(i * size) : round((i + 1) * size)] for i in range(k)]
    pieces = [p for p in pieces if len(p) >= MIN_CONTAINS and p.strip()]
    if len(pieces) < 2:
        return []
    return [pieces[:i] + pieces[i + 1 :] for i in range(len(pieces))]


def _one_scan(alternatives: list[list[str]]) -> bool:
    """Whether _company_pools answers these alternatives exactly as their FTS5 ANDs: all
    pieces but one each (as _alternatives makes them), three or more, and ASCII (which
    FTS5's case folding cannot reach from any letter that fold() leaves)."""
    if len(alternatives) < 3:
        return False
    pieces = [alternatives[1][0], *alternatives[0]]
    if alternatives != [pieces[:i] + pieces[i + 1 :] for i in range(len(pieces))]:
        return False
    return all(p.isascii() for p in pieces)


def _all_but_one(pieces: list[str], open_: list[int]) -> str:
    """One FTS5 expression for the rows holding all ``pieces`` but one, the one left out
    among the ``open_`` indexes: the union of those alternatives, nested so each piece
    appears fewer times than in an OR of the ANDs."""
    needed = [fts_phrase(p) for i, p in enumerate(pieces) if i not in open_]
    # Last piece first: a company name ends in its commonest words ("AB", "Transport");
    # measured a fifth less FTS5 work than first piece first.
    some = [fts_phrase(pieces[i]) for i in open_][::-1]

    def nest(phrases: list[str]) -> str:
        if len(phrases) == 2:
            return f"({phrases[0]} OR {phrases[1]})"
        rest = " AND ".join(phrases[1:])
        return f"(({phrases[0]} AND {nest(phrases[1:])}) OR ({rest}))"

    if len(some) == 1:
        return " AND ".join(needed)
    return " AND ".join([*needed, nest(some)])


class _PostgresSearcher(_Searcher):
    def _prefix(self, q: _Query) -> None:
        for field, value in self._fields(q):
            if field is _ORG_NUMBER and len(value) >= 10:
                continue
            # text_pattern_ops btrees serve LIKE 'abc%' whatever the database collation;
            # ~<~ orders by the same index.
            self._part(
                PREFIX,
                field,
                f"{field.column} LIKE {{p}} ESCAPE '\\'",
                f"ORDER BY {field.column} USING ~<~",
                p=escape_like(value) + "%",
            )

    def _starts_with(self, expression: str, value: str) -> tuple[str, str, dict[str, Any]]:
        # text_pattern_ops expression indexes serve LIKE 'abc%' and order by ~<~.
        where = f"{expression} LIKE {{p}} ESCAPE '\\'"
        return where, f"ORDER BY {expression} USING ~<~", {"p": escape_like(value) + "%"}

    def _digits_inside(self, digits: str) -> None:
        self._part(
            CONTAINS,
            _ORG_NUMBER,
            f"{_ORG_NUMBER.column} LIKE {{p}} ESCAPE '\\'",
            p="%" + escape_like(digits) + "%",
        )

    def _inside(self, q: _Query) -> None:
        # The ids come from a subquery without LIMIT: with one, and no statistics on these
        # columns (personal data), the planner scans the whole table hoping for early rows;
        # without, it reads pg_trgm's GIN index (0.05 ms when nothing matches).
        for field, value in self._fields(q):
            if len(value) < MIN_CONTAINS or field in (_PHONE, _ORG_NUMBER):
                continue
            alias, column = field.column.split(".")
            table = "customer" if alias == "c" else "contact"
            inner = f"SELECT id FROM {table} WHERE {column} LIKE {{p}} ESCAPE '\\'"
            self._part(
                CONTAINS, field, f"{alias}.id IN ({inner})", p="%" + escape_like(value) + "%"
            )

    def _fuzzy(self, q: _Query) -> None:
        # The same pigeonhole pieces as on SQLite, as LIKE conditions the GIN trigram index
        # answers (ANDed pieces are selective; pg_trgm's own % and <% operators must visit
        # every row sharing a few common trigrams, measured 50 ms at p95). Candidates are
        # re-scored in Python like SQLite's; only when they fill the cap does pg_trgm's
        # similarity() rank them in SQL (apply_grants grants EXECUTE on that one function).
        # Company names first, as on SQLite: a close one spares the contacts' scan.
        if self._neighbours(q):
            return
        fields = [(f, v) for f, v in self._fields(q) if f not in (_ORG_NUMBER, _PHONE)]
        self._fuzzy_fields([(f, v) for f, v in fields if f is _CUSTOMER_NAME])
        self._flush_parts(q)
        if not self._close_company():
            self._fuzzy_fields([(f, v) for f, v in fields if f is not _CUSTOMER_NAME])

    def _around(self, column: str) -> list[tuple[str, str]]:
        # The text_pattern_ops btrees (prefix tier) in their own order, both ways.
        return [
            (f"{column} ~>=~ {{v}}", f"ORDER BY {column} USING ~<~"),
            (f"{column} ~<~ {{v}}", f"ORDER BY {column} USING ~>~"),
        ]

    def _fuzzy_fields(self, fields: list[tuple[_Field, str]]) -> None:
        for field, value in fields:
            alternatives = _alternatives(value)
            if not alternatives:
                continue
            params: dict[str, str] = {}
            ors = []
            for pieces in alternatives:
                ands = []
                for piece in pieces:
                    key = f"p{len(params)}"
                    params[key] = "%" + escape_like(piece) + "%"
                    ands.append(f"{field.column} LIKE {{{key}}} ESCAPE '\\'")
                ors.append("(" + " AND ".join(ands) + ")")
            where = " OR ".join(ors)
            params["q"] = value.split("@")[0]
            # When the candidates fill the cap, pg_trgm's similarity orders them: the cap
            # then cuts the least similar, not whichever the index holds first.
            self._part(
                FUZZY,
                field,
                where,
                limit=str(FUZZY_CANDIDATES),
                if_capped=(where, f"ORDER BY similarity({field.column}, {{q}}) DESC"),
                **params,
            )


def compact_search_index(conn: Connection) -> None:
    """Physically drop deleted rows' trigrams from the SQLite FTS5 indexes (erasure).

    Deletes already leave the index through the triggers (no search finds them), but FTS5
    keeps the old segments until they are merged; 'optimize' merges all of them. It rewrites
    the index, so erasure calls it once after its deletes, not per row. No-op on PostgreSQL,
    whose index entries go with VACUUM.
    """
    if conn.dialect.name != "sqlite":
        return
    for table in ("customer_fts", "contact_fts"):
        conn.execute(text(f"INSERT INTO {table}({table}) VALUES ('optimize')"))
