"""Text folded for search: the one form both dialects index and compare.

SQLite's ``lower``/``NOCASE``/``LIKE`` fold only ASCII and PostgreSQL's ``lower`` depends on
the server's locale, so the folding happens here, in Python, once: stored in ``*_folded``
columns on write and applied to the query on search. ``ÅKESSON`` and ``åkesson`` fold alike;
å, ä and ö stay distinct letters (they are in Swedish), so no accent stripping.
"""

from __future__ import annotations

import unicodedata


def fold(text: str | None) -> str:
    """NFKC, case-folded, whitespace runs collapsed; ``None`` folds to the empty string."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    # casefold can expand (ß → ss) and NFKC can recompose; normalise again so input and
    # stored text always meet in the same form.
    return " ".join(unicodedata.normalize("NFC", folded).split())
