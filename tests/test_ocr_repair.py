"""OCR repairs (jianwu/ocr_repair.py): table-driven, on lines taken from OCR'd plans."""

from __future__ import annotations

import pytest

from jianwu import normalize_text, parse_document
from jianwu.ocr_repair import looks_ocred, repair_line

# (line as OCR left it, repaired line, repairs made)
CASES = [
    ("（国发 (2021) 4 号）", "（国发〔2021〕4号）", ["doc_number"]),
    ("为深入贯彻落实《国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见》(国发 〔2021〕 4号)，", "为深入贯彻落实《国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见》(国发〔2021〕4号)，", ["doc_number"]),
    ("大发改资源字(2021J 283", "大发改资源字〔2021〕283号", ["doc_number"]),
    ("冀政字 ( 2 0 2 1 ) 2 2 号", "冀政字〔2021〕22号", ["doc_number"]),
    ("已经市十六届人民政府第 1 0 0 次常务会议审议通过，", "已经市十六届人民政府第 100 次常务会议审议通过，", ["spaced_digits"]),
    ("关于印发大连市贯彻落实〈国 务院关于加快建立健全绿色低碳循环发展经济体系的指导意见〉实施方案，", "关于印发大连市贯彻落实〈国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见〉实施方案，", ["spaced_han"]),
    ("报县( 市、区) 人 民 政 府 批 准 后 执 行。", "报县(市、区)人民政府批准后执行。", ["spaced_han"]),
    ("十一）倡导绿色低碳生活方式", "（十一）倡导绿色低碳生活方式", ["clause_number"]),
    ("( 十二 ) 构建清洁低碳安全高效的能源体系", "（十二）构建清洁低碳安全高效的能源体系", ["clause_number"]),
    ("《大连市贯彻落实〈国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见〉实施方案~，已经", "《大连市贯彻落实〈国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见〉实施方案》，已经", ["title_mark"]),
    ("全面贯彻落实《大连市生活垃圾分类管理条例}，做好宣传", "全面贯彻落实《大连市生活垃圾分类管理条例》，做好宣传", ["title_mark"]),
    ("发展经济体系的指导意见〉实施方案~，已经市十六届人民政府", "发展经济体系的指导意见〉实施方案》，已经市十六届人民政府", ["title_mark"]),
    ("二0二一年十二月十日", "二〇二一年十二月十日", ["look_alike"]),
    ("到2O25年，森林覆盖率达到l5%以上", "到2025年，森林覆盖率达到15%以上", ["look_alike"]),
    ("农膜回收利用工作实施秸轩综合利用试点", "农膜回收利用工作实施秸秆综合利用试点", ["look_alike"]),
    # left alone: a line of issuers, a year range, a Latin word, a tilde between numbers
    ("沙坪坝区生态环境局 沙坪坝区交通局", "沙坪坝区生态环境局 沙坪坝区交通局", []),
    ("《重庆市国土空间总体规划(2021-2035年)》", "《重庆市国土空间总体规划(2021-2035年)》", []),
    ("数据中心电能利用效率（PUE）不高于1.3", "数据中心电能利用效率（PUE）不高于1.3", []),
    ("温度控制在18~26摄氏度", "温度控制在18~26摄氏度", []),
]


@pytest.mark.parametrize(("line", "repaired", "names"), CASES)
def test_repair_line(line: str, repaired: str, names: list[str]) -> None:
    assert repair_line(line) == (repaired, names)


@pytest.mark.parametrize(
    ("text", "ocred"),
    [
        ("（国发 (2021) 4 号）\n《实施方案~，已经审议通过。", True),
        ("关于〈国 务院关于加快建立健全绿色低碳循环发展〉，推进绿 色低碳发展，建立健 全体系，加 快发展，促 进转型。", True),
        ("（国发〔2021〕4号）\n温度控制在18~26摄氏度。", False),
        ("重庆高新区生态环境局 重庆高新区改革发展局\n各镇人民政府：", False),
    ],
)
def test_looks_ocred(text: str, ocred: bool) -> None:
    assert looks_ocred(text) is ocred


def test_ocr_text_reads_numbering_doc_number_citations_and_targets() -> None:
    text = "\n".join([
        "大连市人民政府办公室文件",
        "大政办发 ( 2 0 2 1 ) 2 8 3 号",
        "为深入贯彻落实《国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见~ (国发 (2021) 4 号)，制定本方案。",
        "一、总体要求",
        "( 一 ) 主要目标。到 2 0 2 5 年，森林覆盖率达到 4 5 % 以上。",
        "十一）倡导绿色低碳生活方式。开展绿色创建行动。",
    ])
    normalized = normalize_text(text)
    assert {r.kind for r in normalized.repairs} >= {"ocr_doc_number", "ocr_spaced_digits", "ocr_clause_number", "ocr_title_mark"}
    doc = parse_document(text, doc_id="ocr")
    assert doc.doc_number == "大政办发〔2021〕283号"
    assert [(c.title, c.doc_number) for c in doc.cites] == [("国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见", "国发〔2021〕4号")]
    assert [c.path for c in doc.clauses] == [["一、"], ["一、", "（一）"], ["一、", "（十一）"]]
    target = doc.clauses[1].targets[0]
    assert (target.indicator, target.value, target.unit, target.year) == ("森林覆盖率", 45, "%", 2025)


def test_clean_text_is_not_touched(seeds) -> None:
    for doc in seeds.values():
        assert not any(r.kind.startswith("ocr_") for r in doc.normalized.repairs)
