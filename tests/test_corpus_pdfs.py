"""The real PDF families (data/raw/corpus/, when present) through `jianwu index` and `jianwu coverage`.

The index must agree with `jianwu parse` document by document, hold the links
`find_links` makes on the same documents, and the coverage of every parent must
hold each of its clauses and each of its children (and, with --depth 2, the
grandchildren).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from jianwu.corpus.coverage import coverage
from jianwu.corpus.indexer import index
from jianwu.document import iter_document_paths, parse_document
from jianwu.errors import InputError
from jianwu.lineage import find_links

from conftest import RAW

CORPUS = RAW / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="data/raw/corpus/ (the real PDF families) is not in this checkout")


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    db = tmp_path_factory.mktemp("pdfs") / "corpus.sqlite"
    index([CORPUS], db, jobs=2)
    docs = {}
    for path, problem in iter_document_paths([CORPUS]):
        if problem is None:
            try:
                doc = parse_document(path)
            except InputError:
                continue
            docs[doc.id] = doc
    return db, docs


def test_index_agrees_with_parse(indexed: tuple[Path, dict]) -> None:
    db, docs = indexed
    conn = sqlite3.connect(db)
    got = {r[0]: r[1:] for r in conn.execute("SELECT id, sha256, title, doc_number, region, level, clauses FROM documents")}
    assert set(got) == set(docs)
    for doc_id, doc in docs.items():
        assert got[doc_id] == (doc.sha256, doc.title, doc.doc_number, doc.region, doc.level, len(doc.clauses))
        n_depts = conn.execute("SELECT count(*) FROM departments WHERE doc_id = ?", (doc_id,)).fetchone()[0]
        n_targets = conn.execute("SELECT count(*) FROM targets WHERE doc_id = ?", (doc_id,)).fetchone()[0]
        assert (n_depts, n_targets) == (sum(len(c.departments) for c in doc.clauses), sum(len(c.targets) for c in doc.clauses))
    links = sorted((l.child_id, l.parent_id, l.relation, l.found_by) for l in find_links([docs[i] for i in sorted(docs)]))
    assert sorted(conn.execute("SELECT child_id, parent_id, relation, found_by FROM links").fetchall()) == links
    conn.close()


def test_every_parent_covers_every_clause_and_child(indexed: tuple[Path, dict]) -> None:
    db, docs = indexed
    conn = sqlite3.connect(db)
    parents = [r[0] for r in conn.execute("SELECT DISTINCT parent_id FROM links ORDER BY parent_id")]
    conn.close()
    for parent in parents:
        cov = coverage(parent, db, depth=2)
        assert [r.parent_path for r in cov.rows] == [c.path for c in docs[parent].clauses]
        children = {c.id for c in cov.children if c.depth == 1}
        assert children == {l.child_id for l in find_links(list(docs.values())) if l.parent_id == parent}
        for row in cov.rows:
            assert set(row.cells) == {c.id for c in cov.children}
