"""What both backends' search indexes do the same way: a table of documents by key.

SQLite's index is an FTS5 table whose ``rowid`` is the document key; PostgreSQL's is
a plain table with a ``key`` column. Reading the texts back, counting, deleting a
kind and the bookkeeping table ``search_meta`` are the same SQL on both, written
once here; matching and ranking are each backend's own.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from huedesk.db.fulltext import KIND_BITS, Found, Match, Weights

FTS_TABLE = "search_fts"
META_TABLE = "search_meta"
KIND_MASK = (1 << KIND_BITS) - 1


def kind_condition(key: str, codes: Sequence[int]) -> str:
    """SQL condition on the key column ``key`` selecting documents of these kind codes."""
    return f"({key} & {KIND_MASK}) IN ({', '.join(str(int(c)) for c in codes)})"


class IndexTable(ABC):
    """The shared part of ``huedesk.db.fulltext.FullTextIndex``; ``key`` names the key column.

    Matching and ranking are each backend's own (``ranked``); ``best`` reads tiers of
    matches through it the same way on both.
    """

    key = "key"
    layout = ""

    def kind_condition(self, codes: Sequence[int]) -> str:
        return kind_condition(self.key, codes)

    def texts(self, session: Session, keys: Sequence[int]) -> dict[int, tuple[str, str, str]]:
        if not keys:
            return {}
        marks = ", ".join(str(int(k)) for k in keys)
        rows = session.execute(
            text(
                f"SELECT {self.key}, ref_x, title_x, body_x FROM {FTS_TABLE} "
                f"WHERE {self.key} IN ({marks})"
            )
        )
        return {int(r[0]): (r[1] or "", r[2] or "", r[3] or "") for r in rows}

    @abstractmethod
    def ranked(
        self,
        session: Session,
        match: Match,
        *,
        kinds: Sequence[int] | None,
        weights: Weights,
        limit: int,
        window: int,
    ) -> list[tuple[int, float]]:
        """``FullTextIndex.ranked``: the best ``limit`` ``(key, relevance)``, best first."""

    def best(
        self,
        session: Session,
        tiers: Sequence[tuple[int, Match]],
        *,
        kinds: Sequence[int] | None,
        weights: Weights,
        limit: int,
        window: int,
    ) -> list[Found]:
        """``FullTextIndex.best`` as one statement per tier, then one for the texts."""
        found: dict[int, tuple[int, float]] = {}
        for tier, match in tiers:
            if len(found) >= limit:
                break
            ranked = self.ranked(
                session,
                match,
                kinds=kinds,
                weights=weights,
                limit=limit + len(found),
                window=window,
            )
            for key, relevance in ranked:
                found.setdefault(key, (tier, relevance))
        best = sorted(found.items(), key=lambda item: (-item[1][0], -item[1][1]))[:limit]
        texts = self.texts(session, [key for key, _ in best])
        return [Found(key, tier, r, *texts[key]) for key, (tier, r) in best]

    def title(self, session: Session, key: int) -> str | None:
        return session.execute(
            text(f"SELECT title_x FROM {FTS_TABLE} WHERE {self.key} = :key"), {"key": key}
        ).scalar_one_or_none()

    def delete(self, session: Session, keys: Sequence[int]) -> None:
        if keys:
            session.execute(
                text(f"DELETE FROM {FTS_TABLE} WHERE {self.key} = :key"),
                [{"key": k} for k in keys],
            )

    def delete_kind(self, session: Session, kind_code: int) -> None:
        session.execute(text(f"DELETE FROM {FTS_TABLE} WHERE {self.kind_condition([kind_code])}"))

    def clear(self, session: Session) -> None:
        session.execute(text(f"DELETE FROM {FTS_TABLE}"))

    def counts(self, session: Session) -> dict[int, int]:
        rows = session.execute(
            text(f"SELECT {self.key} & {KIND_MASK}, count(*) FROM {FTS_TABLE} GROUP BY 1")
        )
        return {int(code): int(n) for code, n in rows}

    def get_meta(self, session: Session, key: str) -> str | None:
        return session.execute(
            text(f"SELECT value FROM {META_TABLE} WHERE key = :k"), {"k": key}
        ).scalar_one_or_none()

    def set_meta(self, session: Session, key: str, value: str) -> None:
        session.execute(
            text(
                f"INSERT INTO {META_TABLE} (key, value) VALUES (:k, :v) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            ),
            {"k": key, "v": value},
        )
