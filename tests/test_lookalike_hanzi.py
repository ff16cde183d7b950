"""Look-alikes of hanzi in text layers (jianwu/lookalike_hanzi.py): Kangxi radicals, radicals of the
supplement, compatibility ideographs, replaced by the hanzi they stand for in every reader's text."""

from __future__ import annotations

import pytest

from jianwu.document import parse_bytes
from jianwu.lookalike_hanzi import stands_for, unify_lookalikes
from jianwu.model import Repair
from jianwu.normalize import decode
from jianwu.readers import read_bytes
from pdfmake import Run, make_pdf

# A plan as a PDF text layer gives it when its font maps common hanzi to radicals (⼀ U+2F00,
# ⽣ U+2F63, ⽐ U+2F50, ⼆ U+2F06, ⾃ U+2F83, ⻓ U+2ED3, ⻔ U+2ED4).
PLAN = (
    "⼀、总体要求\n"
    "（⼀）主要⽬标\n"
    "到2025年，单位地区⽣产总值能耗⽐2020年下降14%。\n"
    "⼆、重点任务\n"
    "（⼀）推进⻓江保护\n"
    "推进⻓江经济带⽣态环境保护。（⾃治区⽣态环境厅牵头，⾃治区⽔利厅等部⻔配合）\n"
)
CLEAN = PLAN.translate(str.maketrans("⼀⽣⽐⼆⾃⻓⻔⽬⽔", "一生比二自长门目水"))


@pytest.mark.parametrize(
    ("text", "expected", "found"),
    [
        ("⽣态环境", "生态环境", {"⽣": "生"}),  # U+2F63 KANGXI RADICAL LIFE
        ("部⻔协同", "部门协同", {"⻔": "门"}),  # U+2ED4 CJK RADICAL C-SIMPLIFIED GATE (the supplement: data/radicals.tsv)
        ("⺠⽣⻄部", "民生西部", {"⺠": "民", "⽣": "生", "⻄": "西"}),
        ("\uf901新", "更新", {"\uf901": "更"}),  # U+F901 CJK COMPATIBILITY IDEOGRAPH: its canonical hanzi
        ("﨎", "﨎", {}),  # U+FA0E: a unified ideograph of the compatibility block, itself
        ("⺡⻏", "⺡⻏", {}),  # component forms (氵, 阝) are no character of a text: kept
        ("生态环境", "生态环境", {}),
        ("一､总体要求｡｢双碳｣", "一、总体要求。「双碳」", {"､": "、", "｡": "。", "｢": "「", "｣": "」"}),  # half-width ideographic punctuation
    ],
)
def test_lookalikes_become_the_hanzi_they_stand_for(text: str, expected: str, found: dict[str, str]) -> None:
    unified, replaced, _ = unify_lookalikes(text)
    assert (unified, replaced) == (expected, found)
    assert len(unified) == len(text)  # one character for one: offsets stay
    assert {ch: stands_for(ch) for ch in found} == found and stands_for("生") is None


def test_a_text_saved_from_such_a_pdf_decodes_and_parses_as_the_clean_text() -> None:
    raw = PLAN.encode("utf-8")
    assert decode(raw, "plan.txt") == (PLAN, "utf-8")  # (81% common hanzi as written: judged as their hanzi)
    doc = parse_bytes(raw, name="plan.txt", path="plan.txt", doc_id="plan")
    clean = parse_bytes(CLEAN.encode("utf-8"), name="clean.txt", path="clean.txt", doc_id="clean")
    assert doc.text == clean.text
    assert [(c.key, c.title) for c in doc.clauses] == [
        ("一、", "总体要求"), ("一、/（一）", "主要目标"), ("二、", "重点任务"), ("二、/（一）", "推进长江保护")]
    assert [(t.indicator, t.value, t.baseline_year) for c in doc.clauses for t in c.targets] == [("单位地区生产总值能耗", 14.0, 2020)]
    assert [(a.name, a.role) for c in doc.clauses for a in c.departments] == [("自治区生态环境厅", "lead"), ("自治区水利厅", "support")]
    assert doc.normalized.repairs == (Repair("lookalike_hanzi", 1, "⼀→一 ⽬→目 ⽣→生 ⽐→比 ⼆→二 ⻓→长 ⾃→自 ⽔→水 ⻔→门"),)


def test_a_pdf_text_layer_of_lookalikes_reads_as_hanzi() -> None:
    runs = [Run(60, 760 - 30 * i, line, size=12) for i, line in enumerate(PLAN.splitlines())]
    read = read_bytes(make_pdf([runs]), "plan.pdf")
    assert read.text == CLEAN.rstrip("\n")
    assert [r.kind for r in read.repairs] == ["lookalike_hanzi"]
