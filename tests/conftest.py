"""Shared fixtures: the parsed seed corpus and golden-file comparison.

Regenerate every golden file with:  python -m pytest --update-goldens
"""

from __future__ import annotations

import atexit
import difflib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

import pytest

from jianwu import Document, parse_document

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED_IDS = (
    "chongqing-jianwu-2023",
    "shapingba-jianwu-2023",
    "gaoxin-jianwu-2023",
    "ziyang-jianwu-2023",
    "yongchuan-jieneng-2023",
)


# The seeds as paths relative to the repository root, sorted (data/raw also holds corpus/).
SEED_PATHS = [f"data/raw/{doc_id}.txt" for doc_id in sorted(SEED_IDS)]
# A corpus of the five seeds alone, for the corpus-mode tests of `jianwu diff` about the seeds
# (data/raw/ also holds the 21 PDFs of corpus/, whose pairs test_diff_cli checks once).
SEED_CORPUS = Path(tempfile.mkdtemp(prefix="jianwu-seeds-"))
for _doc_id in SEED_IDS:
    shutil.copy(RAW / f"{_doc_id}.txt", SEED_CORPUS)
atexit.register(shutil.rmtree, SEED_CORPUS, ignore_errors=True)
# The profile cache of `jianwu check` (lineage.profile_cache): one of the test run's own, empty
# at the start, for the tests in this process and the CLI processes they start; never ~/.cache.
PROFILE_CACHE = Path(tempfile.mkdtemp(prefix="jianwu-cache-"))
os.environ["JIANWU_CACHE_DIR"] = str(PROFILE_CACHE)
os.environ.pop("JIANWU_CACHE", None)
atexit.register(shutil.rmtree, PROFILE_CACHE, ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files instead of comparing")


@pytest.fixture(scope="session")
def seeds() -> dict[str, Document]:
    """Every seed document, parsed once per test session, by id."""
    return {doc_id: parse_document(RAW / f"{doc_id}.txt") for doc_id in SEED_IDS}


CORPUS = RAW / "corpus"
CORPUS_IDS = tuple(sorted(p.stem for p in CORPUS.glob("*.pdf")))


@pytest.fixture(scope="session")
def corpus() -> dict[str, Document]:
    """Every PDF of data/raw/corpus/, parsed once per test session, by id.

    Parsed by their path relative to the repository root, as `jianwu parse data/raw` is run
    (so a document's "path" is the same as in data/parsed/).
    """
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return {doc_id: parse_document(Path("data/raw/corpus") / f"{doc_id}.pdf") for doc_id in CORPUS_IDS}
    finally:
        os.chdir(here)


@pytest.fixture(scope="session")
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """golden("diff/shapingba.json", text): compare with tests/golden/<name>, or rewrite it."""
    update = request.config.getoption("--update-goldens")

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        if not path.exists():
            pytest.fail(f"missing golden file {path}; create it with: python -m pytest --update-goldens")
        expected = path.read_text(encoding="utf-8")
        if expected != actual:
            diff = "".join(
                difflib.unified_diff(
                    expected.splitlines(keepends=True), actual.splitlines(keepends=True), f"golden/{name}", "actual", n=2
                )
            )
            pytest.fail(f"output differs from golden/{name} (regenerate: python -m pytest --update-goldens)\n{diff[:6000]}")

    return check


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds indexed once per session by ``jianwu index`` (tests/test_corpus_*.py)."""
    from jianwu.corpus.indexer import index

    db = tmp_path_factory.mktemp("index") / "seeds.sqlite"
    report = index([RAW / f"{doc_id}.txt" for doc_id in SEED_IDS], db, jobs=2)  # the seeds, not corpus/'s PDFs
    assert report.failed == [] and report.parsed == len(SEED_IDS)
    return db


@pytest.fixture(scope="module")
def plan_texts(seeds: dict[str, Document], corpus: dict[str, Document]) -> list[str]:
    """The raw and the normalised text of every plan of data/raw (the speed-up tests' real inputs)."""
    docs = [*seeds.values(), *corpus.values()]
    return [d.normalized.raw for d in docs] + [d.normalized.text for d in docs]
