"""data/parsed/ holds `jianwu parse data/raw -o data/parsed`; this fails when it is stale.

Regenerate with:  jianwu parse data/raw -o data/parsed
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jianwu import Document, parse_document
from jianwu.serialize import document_to_dict, dumps

from jianwu.document import iter_document_paths

from conftest import ROOT

# Every document of data/raw (the seeds and corpus/*.pdf; a README is not a document).
RAW_FILES = [p for p, _ in iter_document_paths([ROOT / "data" / "raw"])]


@pytest.mark.parametrize("raw", RAW_FILES, ids=lambda p: p.stem)
def test_parsed_json_is_up_to_date(raw: Path, monkeypatch: pytest.MonkeyPatch, corpus: dict[str, Document]) -> None:
    monkeypatch.chdir(ROOT)
    relative = raw.relative_to(ROOT)
    parsed = ROOT / "data" / "parsed" / f"{raw.stem}.json"
    assert parsed.exists(), f"{parsed} missing; run: jianwu parse data/raw -o data/parsed"
    doc = corpus[raw.stem] if raw.suffix == ".pdf" else parse_document(relative)  # PDFs: parsed once per session
    expected = dumps(document_to_dict(doc))
    assert parsed.read_text(encoding="utf-8") == expected, f"{parsed.name} is stale; run: jianwu parse data/raw -o data/parsed"


def test_every_parsed_file_has_its_raw_document() -> None:
    parsed = sorted(p.stem for p in (ROOT / "data" / "parsed").glob("*.json"))
    assert parsed == sorted(p.stem for p in RAW_FILES)
