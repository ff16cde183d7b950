"""The profile cache of `jianwu check` (lineage.profile_cache): the same parent and findings whether
the directory's profiles come from a parse or from the cache, and a cache that cannot be used is no
error, only slower."""

from __future__ import annotations

import os
import pickle
import sqlite3
import time
from pathlib import Path

import pytest

import jianwu.check.parents as parents_module
from jianwu.check.parents import ParentFinder
from jianwu.check.runner import check_paths
from jianwu.document import parse_document
from jianwu.lineage.profile import profile_of
from jianwu.lineage.profile_cache import CACHE_FILE, MISS, ProfileCache
from jianwu.parent import find_parent

from clirun import invoke
from conftest import RAW

CORPUS = RAW / "corpus"
PDFS = sorted(CORPUS.glob("*.pdf"))


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("JIANWU_CACHE_DIR", str(directory))
    return directory


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files a check parses (for the search, or whole)."""
    names: list[str] = []
    real_bytes = parents_module.parse_bytes

    def spy_bytes(raw: bytes, **kwargs: object) -> object:
        names.append(Path(str(kwargs["name"])).name)
        return real_bytes(raw, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parents_module, "parse_bytes", spy_bytes)
    return names


def parent_and_findings_without_cache(path: Path) -> tuple[str, str, list[tuple[str, int, int, str]]]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JIANWU_CACHE", "off")
        return parent_and_findings(path)


def parent_and_findings(path: Path) -> tuple[str, str, list[tuple[str, int, int, str]]]:
    # One process (jobs=1): the parse counted by ``parsed`` is this process's (worker processes
    # making the search's profiles are tested in test_check_parallel).
    finder = ParentFinder(jobs=1)
    doc = finder.document(path)
    diff = finder.diff_for(doc, path)
    assert diff is not None
    found = [(f.rule, f.line, f.column, f.message) for f in check_paths([path], jobs=1).findings]
    return diff.parent.id, diff.found_by, found


def test_a_warm_check_parses_nothing(cache_dir: Path, parsed: list[str]) -> None:
    child = CORPUS / "handan-lvse.pdf"
    cold = parent_and_findings(child)
    assert cold[:2] == ("hebei-lvse", "doc_number")
    assert sorted(set(parsed)) == sorted(p.name for p in [*PDFS, CORPUS / "README.md"])  # cold: the whole directory
    parsed.clear()
    warm = parent_and_findings(child)
    assert warm == cold
    assert parsed == []  # the profiles, the plan and its parent: all from the cache


def test_an_edited_plan_is_parsed_alone(cache_dir: Path, parsed: list[str], tmp_path: Path) -> None:
    """A pre-commit check of an edited plan: the plan is parsed again, its parent comes from the cache."""
    corpus = tmp_path / "plans"
    corpus.mkdir()
    for name in ("chongqing-jianwu-2023.txt", "gaoxin-jianwu-2023.txt", "shapingba-jianwu-2023.txt"):
        (corpus / name).write_bytes((RAW / name).read_bytes())
    child = corpus / "shapingba-jianwu-2023.txt"
    cold = parent_and_findings(child)
    assert cold[:2] == ("chongqing-jianwu-2023", "title")
    child.write_bytes(child.read_bytes() + "\n附件：重点任务分工\n".encode("utf-8"))
    parsed.clear()
    edited = parent_and_findings(child)
    assert parsed == ["shapingba-jianwu-2023.txt"]
    assert edited[:2] == cold[:2]
    # The same run with no cache at all.
    parsed.clear()
    assert parent_and_findings_without_cache(child) == edited


def test_the_parent_from_profiles_is_find_parents(cache_dir: Path) -> None:
    """Every plan of the corpus directory: the parent found on (cached) profiles is find_parent's."""
    docs = [parse_document(p, require_clauses=False, facts=False) for p in PDFS]
    plans = [d for d in docs if any(c.number for c in d.clauses)]
    for _ in range(2):  # cold, then warm
        finder = ParentFinder()
        for path, doc in zip(PDFS, docs):
            if doc not in plans:
                continue
            diff = finder.diff_for(finder.document(path), path)
            try:
                expected = find_parent(doc, plans)
            except Exception:  # noqa: BLE001  (ParentNotFoundError)
                assert diff is None, path.name
                continue
            assert diff is not None and (diff.parent.id, diff.found_by) == (expected.document.id, expected.by), path.name


def test_the_profile_of_a_light_parse_is_that_of_a_whole_parse() -> None:
    """The cache mixes profiles of files parsed without their facts with the checked file's."""
    for path in [*PDFS[:6], *sorted(RAW.glob("*.txt"))]:
        light = profile_of(parse_document(path, require_clauses=False, facts=False))
        whole = profile_of(parse_document(path, require_clauses=False))
        assert pickle.dumps(light) == pickle.dumps(whole), path.name


def test_an_edited_file_or_other_code_is_a_miss(cache_dir: Path, tmp_path: Path) -> None:
    cache = ProfileCache()
    profile = profile_of(parse_document(RAW / "gaoxin-jianwu-2023.txt"))
    key = tmp_path / "a.txt"
    cache.put(key, "aa", profile)
    assert pickle.dumps(cache.get(key, "aa")) == pickle.dumps(profile)
    assert cache.get(key, "bb") is MISS  # the bytes changed
    cache.put(key, "cc", None)
    assert cache.get(key, "cc") is None and cache.get(key, "aa") is MISS  # one row per file: replaced
    with sqlite3.connect(cache_dir / CACHE_FILE) as db:
        db.execute("UPDATE profiles SET code = 'older jianwu'")
    assert cache.get(key, "cc") is MISS


@pytest.mark.parametrize("spoil", ["off", "unwritable", "damaged"])
def test_a_cache_that_cannot_be_used_changes_nothing(spoil: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    child = RAW / "shapingba-jianwu-2023.txt"
    monkeypatch.setenv("JIANWU_CACHE", "off")
    expected = invoke("check", str(child), "-f", "json")
    monkeypatch.delenv("JIANWU_CACHE")
    directory = tmp_path / "cache"
    if spoil == "off":
        monkeypatch.setenv("JIANWU_CACHE", "off")
    elif spoil == "unwritable":
        directory.write_text("a file where the cache directory should be")
    else:
        directory.mkdir()
        (directory / CACHE_FILE).write_bytes(b"not a database" * 100)
    monkeypatch.setenv("JIANWU_CACHE_DIR", str(directory))
    for _ in range(2):
        got = invoke("check", str(child), "-f", "json")
        assert (got.code, got.stdout, got.stderr) == (expected.code, expected.stdout, expected.stderr)
    assert not ProfileCache().enabled


def test_no_cache_in_the_raw_corpus_or_without_a_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jianwu.lineage.profile_cache import cache_dir

    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    monkeypatch.setenv("JIANWU_CACHE_DIR", str(raw / "cache"))
    assert not ProfileCache().enabled and not (raw / "cache").exists()
    monkeypatch.delenv("JIANWU_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr("os.path.expanduser", lambda path: path)  # no home directory to expand
    assert cache_dir() is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "jianwu"


def test_a_warm_check_writes_nothing(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each write is a SQLite transaction (an fsync): a warm run, the checked file included, makes none."""
    child = RAW / "shapingba-jianwu-2023.txt"
    check_paths([child])
    writes: list[Path] = []
    real_put, real_put_document = ProfileCache.put, ProfileCache.put_document  # (a stored diff is never written again)
    monkeypatch.setattr(ProfileCache, "put", lambda self, path, *rest, **kw: (writes.append(path), real_put(self, path, *rest, **kw))[1])
    monkeypatch.setattr(ProfileCache, "remember_sha256", lambda self, path, *rest: writes.append(path))
    monkeypatch.setattr(ProfileCache, "put_document", lambda self, path, doc: (writes.append(path), real_put_document(self, path, doc))[1])
    monkeypatch.setattr(ProfileCache, "put_diff", lambda self, path, *rest: writes.append(path))
    check_paths([child])
    assert writes == []


def test_a_stored_diff_is_the_diff_and_is_made_again_when_either_plan_changes(cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checked file's diff against its parent, stored: the same findings without comparing
    anything; an edited parent (or a damaged entry) is compared again."""
    import jianwu.diff

    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("chongqing-jianwu-2023.txt", "shapingba-jianwu-2023.txt"):
        (plans / name).write_bytes((RAW / name).read_bytes())
    child, parent = plans / "shapingba-jianwu-2023.txt", plans / "chongqing-jianwu-2023.txt"
    compared: list[str] = []
    real = jianwu.diff.compare_for_check
    monkeypatch.setattr(jianwu.diff, "compare_for_check", lambda c, p, **k: (compared.append(c.id), real(c, p, **k))[1])
    fresh = parent_and_findings(child)
    assert compared == ["shapingba-jianwu-2023"]  # diff_for compares and stores; check_paths after it reads the stored one
    compared.clear()
    assert parent_and_findings(child) == fresh and compared == []
    parent.write_bytes(parent.read_bytes() + "\n".encode("utf-8"))
    assert parent_and_findings(child)[:2] == fresh[:2] and compared[:1] == ["shapingba-jianwu-2023"]
    compared.clear()
    with sqlite3.connect(cache_dir / CACHE_FILE) as db:
        db.execute("UPDATE diffs SET diff = ?", (b"not a diff",))
    again = parent_and_findings(child)
    assert compared[:1] == ["shapingba-jianwu-2023"] and again == parent_and_findings_without_cache(child)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the parent search reads (for their digest, or to parse them)."""
    names: list[str] = []
    real = parents_module.read_source
    monkeypatch.setattr(parents_module, "read_source", lambda path: (names.append(Path(path).name), real(path))[1])
    return names


def _settled(directory: Path, *names: str, age_s: int = 3600) -> None:
    """Files as if written an hour ago (their change time is now, which is when they were copied:
    the stamp waits for it to settle too, so the clock is moved on instead)."""
    for name in names:
        os.utime(directory / name, ns=(time.time_ns() - age_s * 10**9,) * 2)


def test_a_settled_unchanged_plan_is_not_read_again(cache_dir: Path, reads: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    names = ("chongqing-jianwu-2023.txt", "gaoxin-jianwu-2023.txt", "shapingba-jianwu-2023.txt")
    for name in names:
        (plans / name).write_bytes((RAW / name).read_bytes())
    _settled(plans, *names)
    later = time.time_ns() + 10 * 10**9  # ten seconds on: the change times have settled
    monkeypatch.setattr(time, "time_ns", lambda: later)
    child = plans / "gaoxin-jianwu-2023.txt"
    cold = parent_and_findings(child)
    assert sorted(set(reads)) == sorted(names)
    reads.clear()
    assert parent_and_findings(child) == cold
    assert reads == []  # neither the checked plan, nor its parent, nor the third: their digests are known
    # Rewritten with other bytes of the same size, the time set back: the change time still moved.
    third = plans / "shapingba-jianwu-2023.txt"
    old = third.read_bytes()
    third.write_bytes(old.replace("沙坪坝".encode(), "沙坪垻".encode(), 1))
    assert len(third.read_bytes()) == len(old)
    _settled(plans, third.name)
    monkeypatch.setattr(time, "time_ns", lambda: later + 10 * 10**9)
    reads.clear()
    assert parent_and_findings(child) == cold
    assert third.name in reads
    # The checked plan itself, rewritten the same way: read (and parsed) again.
    child.write_bytes(child.read_bytes().replace("高新区".encode(), "高新區".encode(), 1))
    _settled(plans, child.name)
    monkeypatch.setattr(time, "time_ns", lambda: later + 20 * 10**9)
    reads.clear()
    parent_and_findings(child)
    assert child.name in reads


def test_a_file_modified_just_now_has_no_stamp() -> None:
    from jianwu.lineage.profile_cache import SETTLED_NS, file_stamp

    info = os.stat(RAW / "gaoxin-jianwu-2023.txt")
    newest = max(info.st_mtime_ns, info.st_ctime_ns)
    assert file_stamp(info, newest + SETTLED_NS - 1) is None
    assert file_stamp(info, newest + SETTLED_NS) == f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


def test_the_cache_commits_without_an_fsync_each(cache_dir: Path) -> None:
    # Write-ahead logging, synced at checkpoints only: a check's few commits wait for no disk.
    cache = ProfileCache()
    assert cache.enabled
    with sqlite3.connect(cache_dir / CACHE_FILE) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    cache.put(Path("/plans/a.txt"), "aa", None)
    assert ProfileCache().get(Path("/plans/a.txt"), "aa") is None  # stored: None is "not a plan", not MISS
