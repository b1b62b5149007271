"""Text folded for search: the forms both dialects index and compare.

SQLite's ``lower``/``NOCASE``/``LIKE`` fold only ASCII and PostgreSQL's ``lower`` depends on
the server's locale, so the folding happens here, in Python, once: stored in ``*_folded`` and
``*_plain`` columns on write and applied to the query on search.

- :func:`fold` keeps å, ä and ö as the distinct letters they are in Swedish: ``ÅKESSON`` and
  ``åkesson`` fold alike, ``akesson`` does not.
- :func:`plain` is the diacritic-insensitive key beside it: ``Åkesson``, ``akesson`` and
  ``Akeßon``-like spellings typed on a keyboard without å/ä/ö meet (å, ä → a; ö, ø → o;
  é → e; ü → u; æ → ae ...). Search matches on it and ranks the exact spelling first.
"""

from __future__ import annotations

import unicodedata

# Letters NFKD does not decompose into a base letter and a mark.
_EXTRA = str.maketrans(
    {
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ŋ": "n",
    }
)


def fold(text: str | None) -> str:
    """NFKC, case-folded, whitespace runs collapsed; ``None`` folds to the empty string."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    # casefold can expand (ß → ss) and NFKC can recompose; normalise again so input and
    # stored text always meet in the same form.
    return " ".join(unicodedata.normalize("NFC", folded).split())


def plain(text: str | None) -> str:
    """:func:`fold` without diacritics: the key a name typed without å/ä/ö matches."""
    return strip_marks(fold(text))


def strip_marks(folded: str) -> str:
    """An already folded text without its combining marks (see :func:`plain`)."""
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)
