"""data/parsed/ holds `jianwu parse data/raw -o data/parsed`; this fails when it is stale.

Regenerate with:  jianwu parse data/raw -o data/parsed
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jianwu import parse_document
from jianwu.serialize import document_to_dict, dumps

from conftest import ROOT

RAW_FILES = sorted((ROOT / "data" / "raw").glob("*.txt"))


@pytest.mark.parametrize("raw", RAW_FILES, ids=lambda p: p.stem)
def test_parsed_json_is_up_to_date(raw: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    relative = raw.relative_to(ROOT)
    parsed = ROOT / "data" / "parsed" / f"{raw.stem}.json"
    assert parsed.exists(), f"{parsed} missing; run: jianwu parse data/raw -o data/parsed"
    expected = dumps(document_to_dict(parse_document(relative)))
    assert parsed.read_text(encoding="utf-8") == expected, f"{parsed.name} is stale; run: jianwu parse data/raw -o data/parsed"


def test_every_parsed_file_has_its_raw_document() -> None:
    parsed = sorted(p.stem for p in (ROOT / "data" / "parsed").glob("*.json"))
    assert parsed == [p.stem for p in RAW_FILES]
