"""The hanzi OpenCC changes (script.changed_hanzi) and the common hanzi (plausibility), kept in the
cache directory: the same sets, and the same script verdicts, whether worked out now or read back;
a damaged file is made again."""

from __future__ import annotations

from pathlib import Path

import pytest

from jianwu import script


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JIANWU_CACHE_DIR", str(tmp_path))
    script.changed_hanzi.cache_clear()
    yield tmp_path
    script.changed_hanzi.cache_clear()


def worked_out(config: str) -> frozenset[str]:
    ideographs = [chr(c) for c in script.IDEOGRAPHS]
    return frozenset(ch for ch in ideographs if script.converter(config).convert(ch) != ch)


@pytest.mark.parametrize("config", ["t2s", "s2t"])
def test_the_stored_sets_are_each_hanzi_converted_alone(config: str, fresh: Path) -> None:
    made = script.changed_hanzi(config)
    assert made == worked_out(config) and "於" in script.changed_hanzi("t2s") and "于" in script.changed_hanzi("s2t")
    (stored,) = fresh.glob(f"opencc-*-{config}-changes.txt")
    script.changed_hanzi.cache_clear()
    assert script.changed_hanzi(config) == made  # read back


@pytest.mark.parametrize("damage", ["truncated", "other header", "not ideographs", "not utf-8"])
def test_a_damaged_file_is_made_again(damage: str, fresh: Path) -> None:
    made = script.changed_hanzi("t2s")
    (stored,) = fresh.glob("opencc-*-t2s-changes.txt")
    text = stored.read_text("utf-8")
    spoilt = {
        "truncated": text[:-40].encode("utf-8"),
        "other header": text.replace(" t2s ", " s2t ", 1).encode("utf-8"),
        "not ideographs": text.replace("乾", "a", 1).encode("utf-8"),
        "not utf-8": b"\xff\xfe" + text.encode("utf-8"),
    }[damage]
    stored.write_bytes(spoilt)
    script.changed_hanzi.cache_clear()
    assert script.changed_hanzi("t2s") == made
    assert stored.read_text("utf-8") == text


def test_verdicts_without_a_cache_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIANWU_CACHE", "off")
    script.changed_hanzi.cache_clear()
    try:
        assert [script.detect_script(t) for t in ("推进绿色低碳发展", "推進綠色低碳發展", "发展與推进")] == [
            ("simplified", 0), ("traditional", 3), ("mixed", 1)
        ]
    finally:
        script.changed_hanzi.cache_clear()


def test_the_common_hanzi_read_back_are_those_worked_out(fresh: Path) -> None:
    from jianwu import plausibility

    plausibility.common_hanzi.cache_clear()
    try:
        made = plausibility.common_hanzi()
        assert made == plausibility._common_hanzi() and len(made) > 6000
        assert (fresh / plausibility.COMMON_HANZI_FILE).exists()
        plausibility.common_hanzi.cache_clear()
        assert plausibility.common_hanzi() == made
        (fresh / plausibility.COMMON_HANZI_FILE).write_text("jianwu-common-hanzi 1 1 0000\n的", "utf-8")  # a wrong digest
        plausibility.common_hanzi.cache_clear()
        assert plausibility.common_hanzi() == made
    finally:
        plausibility.common_hanzi.cache_clear()
