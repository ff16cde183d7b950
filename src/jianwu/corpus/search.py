"""``jianwu search``: which plans say a phrase, with the clauses that say it.

Clause text is indexed with SQLite FTS5's ``trigram`` tokenizer, which needs no
word segmentation and so works for Chinese: any query of three or more characters
is a substring match served by the index.  A trigram index cannot serve one or
two characters, so those queries fall back to ``LIKE`` over the clauses table
(a full scan, still fast at corpus sizes).  The query is matched as one literal
phrase (FTS5 operators in it are not interpreted).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Optional

from ..errors import UsageError
from .store import DEFAULT_DB, connect

SNIPPET_CONTEXT = 24  # characters shown either side of the first hit in a clause
TRIGRAM = 3  # shortest query the trigram index can answer

Mode = Literal["fts", "like"]


@dataclass
class ClauseHit:
    path: str  # 二、/（三）
    title: str
    line: int
    snippet: str  # the hit with SNIPPET_CONTEXT characters either side, on one line


@dataclass
class DocumentHits:
    id: str
    title: Optional[str]
    path: str
    region: Optional[str]
    level: Optional[str]
    clauses: list[ClauseHit] = field(default_factory=list)


@dataclass
class SearchResult:
    query: str
    mode: Mode
    documents: list[DocumentHits]

    @property
    def clause_count(self) -> int:
        return sum(len(d.clauses) for d in self.documents)


def _snippet(text: str, query: str) -> str:
    at = text.casefold().find(query.casefold())
    if at < 0:
        return text[: 2 * SNIPPET_CONTEXT].replace("\n", " ")
    start, end = max(0, at - SNIPPET_CONTEXT), min(len(text), at + len(query) + SNIPPET_CONTEXT)
    return ("…" if start else "") + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")


def _like_pattern(query: str) -> str:
    return "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(query: str, db: Path | str = DEFAULT_DB, *, limit: Optional[int] = None) -> SearchResult:
    """Every clause whose text contains ``query`` (FTS5 trigram; LIKE below three characters), by document."""
    query = query.strip()
    if not query:
        raise UsageError("empty search query")
    conn = connect(Path(db), create=False, readonly=True)
    try:
        select = (
            "SELECT c.doc_id, d.title, d.path, d.region, d.level, c.path, c.title, c.line, c.text "
            "FROM clauses c JOIN documents d ON d.id = c.doc_id "
        )
        if len(query) >= TRIGRAM:
            mode: Mode = "fts"
            phrase = '"' + query.replace('"', '""') + '"'
            sql = select + "WHERE c.clause_id IN (SELECT rowid FROM clauses_fts WHERE clauses_fts MATCH ?) ORDER BY c.doc_id, c.idx"
            rows = conn.execute(sql, (phrase,)).fetchall()
        else:
            mode = "like"
            sql = select + "WHERE c.text LIKE ? ESCAPE '\\' OR c.title LIKE ? ESCAPE '\\' ORDER BY c.doc_id, c.idx"
            rows = conn.execute(sql, (_like_pattern(query),) * 2).fetchall()
    except sqlite3.DatabaseError as exc:
        from .store import DatabaseError

        raise DatabaseError(f"{db}: {exc}") from None
    finally:
        conn.close()
    documents: dict[str, DocumentHits] = {}
    for doc_id, title, path, region, level, clause_path, clause_title, line, text in rows:
        hits = documents.get(doc_id)
        if hits is None:
            if limit is not None and len(documents) >= limit:
                continue
            hits = documents[doc_id] = DocumentHits(doc_id, title, path, region, level)
        hits.clauses.append(ClauseHit(clause_path, clause_title, line, _snippet(text, query)))
    return SearchResult(query, mode, list(documents.values()))


def search_to_dict(result: SearchResult) -> dict[str, object]:
    return {
        "query": result.query,
        "mode": result.mode,
        "documents": [
            {
                "id": d.id,
                "title": d.title,
                "path": d.path,
                "region": d.region,
                "level": d.level,
                "clauses": [{"path": c.path, "title": c.title, "line": c.line, "snippet": c.snippet} for c in d.clauses],
            }
            for d in result.documents
        ],
    }
