"""`jianwu index`, `search`, `export`: the SQLite corpus index on the seeds (indexed once per session)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jianwu.cli import app
from jianwu.corpus.indexer import index
from jianwu.corpus.search import search
from jianwu.diff import diff_documents
from jianwu.lineage import find_links

from conftest import RAW, SEED_IDS

ROOT = Path(__file__).resolve().parent.parent


def rows(db: Path, sql: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jianwu", *args], capture_output=True, text=True, encoding="utf-8", env={**os.environ, **(env or {})}, timeout=120)


def _interruptible() -> None:
    # A shell that starts jobs in the background ignores SIGINT for them, and the ignore is
    # inherited; restore the default so that Ctrl-C reaches the child as it would at a terminal.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_cli(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "jianwu", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, **env},
        preexec_fn=_interruptible,
    )


def copy_corpus(tmp: Path, copies: int = 1) -> Path:
    """The seeds, and ``copies - 1`` more renamed copies of each (same bytes, other ids)."""
    corpus = tmp / "corpus"
    corpus.mkdir()
    for doc_id in SEED_IDS:
        for n in range(copies):
            shutil.copy(RAW / f"{doc_id}.txt", corpus / (f"{doc_id}.txt" if n == 0 else f"{doc_id}-copy{n}.txt"))
    return corpus


# ---------------------------------------------------------------- tables


def test_documents_agree_with_parse(seed_db: Path, seeds: dict) -> None:
    got = {r[0]: r[1:] for r in rows(seed_db, "SELECT id, sha256, format, title, doc_number, date, region, level, clauses, issuers FROM documents")}
    assert set(got) == set(SEED_IDS)
    for doc_id, doc in seeds.items():
        assert got[doc_id] == (doc.sha256, "text", doc.title, doc.doc_number, doc.date, doc.region, doc.level, len(doc.clauses), json.dumps(doc.issuers, ensure_ascii=False))
    assert rows(seed_db, "SELECT path FROM documents WHERE id = 'gaoxin-jianwu-2023'") == [(str((RAW / "gaoxin-jianwu-2023.txt").resolve()),)]
    assert dict(rows(seed_db, "SELECT key, value FROM meta"))["schema_version"] == "2"


def test_clauses_departments_targets_agree_with_parse(seed_db: Path, seeds: dict) -> None:
    for doc_id, doc in seeds.items():
        clauses = rows(seed_db, "SELECT idx, path, title, text, line, depth FROM clauses WHERE doc_id = ? ORDER BY idx", doc_id)
        assert clauses == [(i, c.key, c.title, c.text, c.line, c.depth) for i, c in enumerate(doc.clauses)]
        depts = rows(seed_db, "SELECT clause_idx, name, canonical, role, region, partner, inherited, declared_line FROM departments WHERE doc_id = ? ORDER BY clause_idx, seq", doc_id)
        assert depts == [
            (i, d.name, d.canonical, d.role, d.region, d.partner, int(d.inherited), d.declared_line) for i, c in enumerate(doc.clauses) for d in c.departments
        ]
        targets = rows(seed_db, "SELECT clause_idx, indicator, value_text, year, scope, basis, measure FROM targets WHERE doc_id = ? ORDER BY clause_idx, seq", doc_id)
        assert targets == [(i, t.indicator, t.value_text, t.year, t.scope, t.basis, t.measure) for i, c in enumerate(doc.clauses) for t in c.targets]
    assert rows(seed_db, "SELECT count(*) FROM departments")[0][0] > 100
    assert rows(seed_db, "SELECT count(*) FROM targets")[0][0] > 20
    # A clause with sub-clauses is a heading.
    assert rows(seed_db, "SELECT kind FROM clauses WHERE doc_id = 'chongqing-jianwu-2023' AND path = '二、'") == [("heading",)]
    assert rows(seed_db, "SELECT kind FROM clauses WHERE doc_id = 'chongqing-jianwu-2023' AND path = '二、/（三）'") == [("clause",)]


def test_links_and_alignments_are_the_library_results(seed_db: Path, seeds: dict) -> None:
    docs = [seeds[i] for i in sorted(seeds)]
    links = find_links(docs)
    assert links, "the seeds have linked pairs"
    got = rows(seed_db, "SELECT child_id, parent_id, relation, found_by, confidence FROM links ORDER BY child_id")
    assert got == sorted((l.child_id, l.parent_id, l.relation, l.found_by, l.confidence) for l in links)
    for link in links:
        diff = diff_documents(seeds[link.child_id], seeds[link.parent_id], found_by=link.found_by)
        stored = rows(seed_db, "SELECT kind, status, child_idx, parent_idx FROM alignments WHERE child_id = ? AND parent_id = ? ORDER BY seq", link.child_id, link.parent_id)
        assert stored == [(a.kind, a.status, a.child_index, a.parent_index) for a in diff.alignments]
        changes = rows(seed_db, "SELECT status, indicator, parent_clause_idx, child_clause_idx FROM target_changes WHERE child_id = ? AND parent_id = ? ORDER BY seq", link.child_id, link.parent_id)
        assert changes == [(t.status, t.indicator, t.parent_index, t.child_index) for t in diff.targets]
        depts = rows(seed_db, "SELECT canonical, status FROM department_changes WHERE child_id = ? AND parent_id = ? ORDER BY canonical", link.child_id, link.parent_id)
        assert depts == sorted((d.canonical, d.status) for d in diff.departments)
    assert rows(seed_db, "SELECT count(*) FROM errors") == [(0,)]


def test_foreign_keys_hold(seed_db: Path) -> None:
    conn = sqlite3.connect(seed_db)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


# ---------------------------------------------------------------- incremental


def test_incremental(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path)
    db = tmp_path / "db.sqlite"
    first = index([corpus], db, jobs=1)
    assert (first.parsed, first.unchanged, first.removed, first.failed) == (5, 0, 0, [])
    assert first.pairs_compared == first.links > 0
    again = index([corpus], db, jobs=1)
    assert (again.parsed, again.unchanged, again.removed, again.pairs_compared) == (0, 5, 0, 0)
    # One child changes: only it is parsed again, only its pair is compared again.
    child, parent = rows(db, "SELECT child_id, parent_id FROM links ORDER BY child_id")[0]
    before = rows(db, "SELECT child_id, child_sha256 FROM links ORDER BY child_id")
    with (corpus / f"{child}.txt").open("a", encoding="utf-8") as fh:
        fh.write("\n")
    changed = index([corpus], db, jobs=1)
    assert (changed.parsed, changed.unchanged, changed.pairs_compared) == (1, 4, 1)
    after = rows(db, "SELECT child_id, child_sha256 FROM links ORDER BY child_id")
    assert [a for a, b in zip(after, before) if a != b] == [(child, rows(db, "SELECT sha256 FROM documents WHERE id = ?", child)[0][0])]
    # The parent changes: every pair it is in is compared again.
    with (corpus / f"{parent}.txt").open("a", encoding="utf-8") as fh:
        fh.write("\n")
    changed = index([corpus], db, jobs=1)
    assert (changed.parsed, changed.pairs_compared) == (1, len(before))
    # A removed file leaves the index, with its links and alignments.
    (corpus / f"{child}.txt").unlink()
    removed = index([corpus], db, jobs=1)
    assert (removed.parsed, removed.unchanged, removed.removed) == (0, 4, 1)
    assert rows(db, "SELECT count(*) FROM documents WHERE id = ?", child) == [(0,)]
    assert rows(db, "SELECT count(*) FROM links WHERE child_id = ?", child) == [(0,)]
    assert rows(db, "SELECT count(*) FROM alignments WHERE child_id = ?", child) == [(0,)]
    assert rows(db, "SELECT count(*) FROM clauses WHERE doc_id = ?", child) == [(0,)]
    assert search(rows(db, "SELECT text FROM clauses LIMIT 1")[0][0][:6], db).documents  # FTS follows deletes


def test_changed_file_that_no_longer_parses_leaves_the_index(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path)
    db = tmp_path / "db.sqlite"
    index([corpus], db, jobs=1)
    (corpus / "ziyang-jianwu-2023.txt").write_bytes(b"\x00\x01\x02 not a plan")
    report = index([corpus], db, jobs=1)
    assert [Path(p).name for p, _ in report.failed] == ["ziyang-jianwu-2023.txt"]
    assert rows(db, "SELECT count(*) FROM documents WHERE id = 'ziyang-jianwu-2023'") == [(0,)]
    assert [Path(p).name for (p,) in rows(db, "SELECT path FROM errors")] == ["ziyang-jianwu-2023.txt"]


# ---------------------------------------------------------------- robustness (the CLI in a subprocess)


def test_killed_worker_costs_one_document(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path)
    db = tmp_path / "db.sqlite"
    result = run_cli("index", str(corpus), "--db", str(db), "--jobs", "2", env={"JIANWU_TEST_CRASH_ON": "shapingba-jianwu-2023.txt"})
    assert result.returncode == 1, result.stderr
    bad = str((corpus / "shapingba-jianwu-2023.txt").resolve())
    assert result.stdout == ""
    assert f"jianwu: {bad}: the worker process died while reading it" in result.stderr
    assert len([l for l in result.stderr.splitlines() if "died" in l]) == 1
    assert sorted(r[0] for r in rows(db, "SELECT id FROM documents")) == sorted(set(SEED_IDS) - {"shapingba-jianwu-2023"})
    assert rows(db, "SELECT path FROM errors") == [(bad,)]
    # Without the crash, the next run indexes it and clears the error.
    again = run_cli("index", str(corpus), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert rows(db, "SELECT count(*) FROM documents") == [(5,)]
    assert rows(db, "SELECT count(*) FROM errors") == [(0,)]


def _wait_for(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("timed out")
        time.sleep(0.05)


def _documents_so_far(db: Path) -> int:
    try:
        return rows(db, "SELECT count(*) FROM documents")[0][0]
    except sqlite3.OperationalError:
        return 0


def test_interrupted_run_leaves_a_consistent_database(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path, copies=4)
    db = tmp_path / "db.sqlite"
    proc = start_cli("index", str(corpus), "--db", str(db), "--jobs", "1", env={"JIANWU_TEST_SLOW": "0.15"})
    # Batches commit every BATCH_SECONDS; kill as soon as one has.
    _wait_for(lambda: db.exists() and _documents_so_far(db) > 0)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    done = _documents_so_far(db)
    assert 0 < done < 20
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    # Every committed document is complete: its clauses, its cached parse.
    assert conn.execute("SELECT count(*) FROM documents d WHERE clauses != (SELECT count(*) FROM clauses c WHERE c.doc_id = d.id)").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_cache c WHERE c.doc_id = d.id)").fetchone() == (0,)
    assert conn.execute("SELECT value FROM meta WHERE key = 'links_dirty'").fetchone() == ("1",)
    conn.close()
    # The next run parses only the rest, and does the links it owed.
    result = run_cli("index", str(corpus), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert rows(db, "SELECT count(*) FROM documents") == [(20,)]
    assert rows(db, "SELECT value FROM meta WHERE key = 'links_dirty'") == [("0",)]
    assert rows(db, "SELECT count(*) FROM links")[0][0] > 0


def test_ctrl_c(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path, copies=3)
    db = tmp_path / "db.sqlite"
    proc = start_cli("index", str(corpus), "--db", str(db), "--jobs", "1", env={"JIANWU_TEST_SLOW": "0.15"})
    _wait_for(lambda: db.exists() and _documents_so_far(db) > 0)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert stderr.strip().splitlines()[-1] == "jianwu: interrupted"
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_second_run_on_the_same_database_is_refused(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path, copies=2)
    db = tmp_path / "db.sqlite"
    lock = tmp_path / "db.sqlite.lock"
    proc = start_cli("index", str(corpus), "--db", str(db), "--jobs", "1", env={"JIANWU_TEST_SLOW": "0.2"})
    try:
        _wait_for(lambda: lock.exists() and lock.read_text().strip() == str(proc.pid))
        second = run_cli("index", str(corpus), "--db", str(db))
        assert second.returncode == 2
        assert second.stdout == ""
        assert second.stderr == f"jianwu: {db}: another jianwu index is running on this database (pid {proc.pid}); wait for it to finish\n"
    finally:
        proc.wait(timeout=120)
    assert proc.returncode == 0
    assert rows(db, "SELECT count(*) FROM documents") == [(10,)]


def test_usage_and_database_errors(tmp_path: Path) -> None:
    result = run_cli("index", str(tmp_path / "missing"), "--db", str(tmp_path / "db.sqlite"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"jianwu: {tmp_path / 'missing'}: no such file or directory\n"
    not_db = tmp_path / "not.sqlite"
    not_db.write_text("hello, not a database" * 100)
    result = run_cli("index", str(RAW), "--db", str(not_db))
    assert result.returncode == 2
    assert result.stderr.startswith(f"jianwu: {not_db}: file is not a database")
    raw_db = tmp_path / "data" / "raw" / "x.sqlite"
    result = run_cli("index", str(RAW), "--db", str(raw_db))
    assert (result.returncode, result.stderr) == (2, f"jianwu: {raw_db}: refusing to write into the raw corpus (data/raw)\n")
    assert not raw_db.parent.exists()
    result = run_cli("search", "碳排放", "--db", str(tmp_path / "none.sqlite"))
    assert (result.returncode, result.stderr) == (2, f"jianwu: {tmp_path / 'none.sqlite'}: no such index (build it with: jianwu index PATH --db {tmp_path / 'none.sqlite'})\n")


# ---------------------------------------------------------------- search and export


def expected_hits(seeds: dict, query: str) -> list[tuple[str, str]]:
    return sorted((doc_id, c.key) for doc_id, doc in seeds.items() for c in doc.clauses if query in c.text or query in c.title)


@pytest.mark.parametrize("query, mode", [("碳排放权交易", "fts"), ("生态环境局", "fts"), ("双控", "like"), ("碳", "like"), ("无此短语的查询", "fts")])
def test_search(seed_db: Path, seeds: dict, query: str, mode: str) -> None:
    result = search(query, seed_db)
    assert result.mode == mode
    got = sorted((d.id, c.path) for d in result.documents for c in d.clauses)
    assert got == expected_hits(seeds, query)
    for d in result.documents:
        for c in d.clauses:
            assert query in c.snippet


def test_search_cli(seed_db: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["search", "碳排放权交易", "--db", str(seed_db), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["mode"] == "fts" and data["query"] == "碳排放权交易"
    first = data["documents"][0]
    assert first["id"] == "chongqing-jianwu-2023"
    assert first["clauses"][0] == {"path": "五、/（十七）", "title": "深入推进排污许可与碳排放协同管理", "line": 57, "snippet": first["clauses"][0]["snippet"]}
    result = runner.invoke(app, ["search", "碳排放权交易", "--db", str(seed_db)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "chongqing-jianwu-2023  重庆市减污降碳协同增效实施方案  (6)"
    assert "  五、/（十七）  :57  " in result.stdout
    none = runner.invoke(app, ["search", "无此短语的查询", "--db", str(seed_db)])
    assert (none.exit_code, none.stdout) == (1, "0 documents, 0 clauses (fts)\n")


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export(seed_db: Path, tmp_path: Path, fmt: str) -> None:
    result = CliRunner().invoke(app, ["export", "--db", str(seed_db), "--format", fmt, str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    tables = ["meta", "documents", "clauses", "departments", "targets", "links", "alignments", "target_changes", "department_changes", "errors"]
    assert result.stdout.splitlines() == [str(tmp_path / "out" / f"{t}.{fmt}") for t in tables]
    for table in tables:
        text = (tmp_path / "out" / f"{table}.{fmt}").read_text(encoding="utf-8")
        count = rows(seed_db, f"SELECT count(*) FROM {table}")[0][0]
        if fmt == "csv":
            import csv
            import io

            parsed = list(csv.reader(io.StringIO(text)))
            assert len(parsed) == count + 1
        else:
            lines = text.splitlines()
            assert len(lines) == count
            if lines:
                assert set(json.loads(lines[0])) == {d[1] for d in rows(seed_db, f"PRAGMA table_info({table})")}
    again = CliRunner().invoke(app, ["export", "--db", str(seed_db), "--format", fmt, str(tmp_path / "again")])
    assert again.exit_code == 0
    for table in tables:
        assert (tmp_path / "out" / f"{table}.{fmt}").read_bytes() == (tmp_path / "again" / f"{table}.{fmt}").read_bytes()


def test_export_parquet_needs_pyarrow(seed_db: Path, tmp_path: Path) -> None:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        result = CliRunner().invoke(app, ["export", "--db", str(seed_db), "--format", "parquet", str(tmp_path)])
        assert result.exit_code == 2
        assert "pyarrow" in result.stderr
        return
    result = CliRunner().invoke(app, ["export", "--db", str(seed_db), "--format", "parquet", str(tmp_path)])
    assert result.exit_code == 0
    assert pq.read_table(tmp_path / "clauses.parquet").num_rows == rows(seed_db, "SELECT count(*) FROM clauses")[0][0]


def test_a_file_that_fails_again_costs_no_relinking(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path)
    (corpus / "notes.txt").write_text("not a plan, no numbered clauses\n", encoding="utf-8")
    db = tmp_path / "db.sqlite"
    first = index([corpus], db, jobs=1)
    assert [Path(p).name for p, _ in first.failed] == ["notes.txt"] and first.pairs_compared > 0
    again = index([corpus], db, jobs=1)
    assert [Path(p).name for p, _ in again.failed] == ["notes.txt"]
    assert (again.parsed, again.unchanged, again.pairs_compared) == (0, 5, 0)
    assert "link" not in again.phases  # find_links was not run again
    assert rows(db, "SELECT value FROM meta WHERE key = 'links_dirty'") == [("0",)]


def test_links_come_from_stored_profiles(seed_db: Path, tmp_path: Path) -> None:
    """Every document has its lineage profile; an index without them (built before they were
    stored) gets them from the cached parses on its next relink, with the same links."""
    from jianwu.lineage.profile import unpack_profile

    assert rows(seed_db, "SELECT count(*) FROM lineage_cache") == [(len(SEED_IDS),)]
    profile = unpack_profile(rows(seed_db, "SELECT profile FROM lineage_cache WHERE doc_id = 'gaoxin-jianwu-2023'")[0][0])
    assert (profile.id, profile.level, profile.shingles) == ("gaoxin-jianwu-2023", "zone", None)
    db = tmp_path / "old.sqlite"
    source, conn = sqlite3.connect(seed_db), sqlite3.connect(db)
    source.backup(conn)  # the WAL included
    source.close()
    expected = rows(db, "SELECT child_id, parent_id, relation, found_by, confidence, evidence FROM links ORDER BY child_id")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM lineage_cache")
    conn.execute("DELETE FROM links")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'links_dirty'")
    conn.commit()
    conn.close()
    again = index([RAW / f"{doc_id}.txt" for doc_id in SEED_IDS], db, jobs=1)
    assert (again.parsed, again.pairs_compared) == (0, len(expected))
    assert rows(db, "SELECT child_id, parent_id, relation, found_by, confidence, evidence FROM links ORDER BY child_id") == expected
    assert rows(db, "SELECT count(*) FROM lineage_cache") == [(len(SEED_IDS),)]


def test_index_reports_skipped_files(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path)
    (corpus / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    result = run_cli("index", str(corpus), "--db", str(tmp_path / "db.sqlite"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"jianwu: {corpus}: skipped 1 file (1 image)\n"
