"""Ranked full-text search over Annex entries (SQLite FTS5 with BM25 ranking).

Ids, titles, texts, notes, kinds and cross-references are indexed with the Porter stemmer, so
"heat shield" finds "Heat shields"; title words weigh more than words in notes.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from mtcr.annex.model import Annex, Entry
from mtcr.errors import InputError

# BM25 column weights: id, title, text, notes, kinds, refs. A title or kind hit (what the item is)
# should beat a passing mention (software "for guidance sets" is not a guidance set).
_WEIGHTS = (10.0, 8.0, 3.0, 1.0, 6.0, 4.0)
_TOKEN = re.compile(r"[\w]+", re.UNICODE)
# Words too common in control-list prose to help ranking; dropped from queries (unless all a query has).
_STOP_WORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to", "with"]
)


@dataclass(frozen=True, slots=True)
class SearchHit:
    entry_id: str
    title: str
    score: float  # higher is better
    snippet: str


class AnnexIndex:
    """An in-memory FTS5 index of one Annex edition or regime."""

    def __init__(self, annex: Annex) -> None:
        self.annex = annex
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE entries USING fts5("
            "entry_id, title, text, notes, kinds, refs, tokenize='porter unicode61')"
        )
        self._db.executemany(
            "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)", [self._row(entry) for entry in annex.entries]
        )

    @staticmethod
    def _row(entry: Entry) -> tuple[str, str, str, str, str, str]:
        notes = " ".join([*entry.notes, *(d.text for d in entry.decontrols), *(d.text for d in entry.downgrades)])
        kinds = " ".join(kind.replace("_", " ") for kind in entry.kinds)
        refs = " ".join([*entry.eu_refs, *entry.us_refs])
        return (entry.id, entry.title, entry.text, notes, kinds, refs)

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Entries ranked by relevance; an exact entry id comes first."""
        query = query.strip()
        if not query:
            raise InputError("query", "give some words to search for")
        if limit < 1:
            raise InputError("limit", "must be at least 1")
        hits: list[SearchHit] = []
        exact = self.annex.entry(query)
        if exact is not None:
            hits.append(SearchHit(exact.id, exact.title, float("inf"), exact.text[:160]))
        words = _TOKEN.findall(query.lower())
        tokens = [word for word in words if word not in _STOP_WORDS] or words
        if tokens:
            # Every word first; if that finds nothing, any word.
            for joiner in (" AND ", " OR "):
                expression = joiner.join(f'"{token}"' for token in tokens)
                rows = self._query(expression, limit + len(hits))
                if rows:
                    break
            seen = {hit.entry_id for hit in hits}
            hits += [row for row in rows if row.entry_id not in seen]
        return hits[:limit]

    def _query(self, expression: str, limit: int) -> list[SearchHit]:
        weights = ", ".join(str(w) for w in _WEIGHTS)
        cursor = self._db.execute(
            f"SELECT entry_id, title, bm25(entries, {weights}) AS rank, "
            "snippet(entries, 2, '[', ']', '...', 16) FROM entries WHERE entries MATCH ? "
            "ORDER BY rank LIMIT ?",
            (expression, limit),
        )
        # bm25() is lower-is-better and negative; flip it so a higher score means a better hit.
        return [SearchHit(entry_id, title, -rank, snippet) for entry_id, title, rank, snippet in cursor.fetchall()]


@lru_cache(maxsize=8)
def _index_for(annex: Annex) -> AnnexIndex:
    return AnnexIndex(annex)


def search(annex: Annex, query: str, limit: int = 10) -> list[SearchHit]:
    """Search ``annex`` for ``query``; see :class:`AnnexIndex`."""
    return _index_for(annex).search(query, limit)
