"""Word automatic numbering rendered from numbering.xml: formats x templates x restarts x overrides x styles."""

from __future__ import annotations

import pytest

from jianwu.readers.docx_numbering import NumberingRenderer, chinese_counting, format_number

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"), (99, "九十九"),
        (100, "一百"), (101, "一百零一"), (105, "一百零五"), (110, "一百一十"), (111, "一百一十一"), (120, "一百二十"),
        (999, "九百九十九"), (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"), (1100, "一千一百"),
        (10000, "一万"), (10001, "一万零一"), (10010, "一万零一十"), (10100, "一万零一百"), (12345, "一万二千三百四十五"),
        (100000000, "一亿"), (0, "〇"),
    ],
)
def test_chinese_counting(n: int, text: str) -> None:
    assert chinese_counting(n) == text


@pytest.mark.parametrize(
    ("fmt", "n", "text"),
    [
        ("chineseCounting", 28, "二十八"),
        ("chineseCountingThousand", 1005, "一千零五"),
        ("taiwaneseCounting", 12, "十二"),
        ("taiwaneseCountingThousand", 105, "一百零五"),
        ("japaneseCounting", 105, "百五"),
        ("japaneseCounting", 23, "二十三"),
        ("chineseLegalSimplified", 12, "壹拾贰"),
        ("ideographLegalTraditional", 23, "貳拾參"),
        ("ideographDigital", 105, "一〇五"),
        ("ideographTraditional", 1, "甲"),
        ("ideographTraditional", 10, "癸"),
        ("ideographTraditional", 11, "甲"),
        ("ideographZodiac", 12, "亥"),
        ("decimal", 7, "7"),
        ("decimalZero", 7, "07"),
        ("decimalFullWidth", 12, "１２"),
        ("decimalEnclosedCircle", 1, "①"),
        ("decimalEnclosedCircle", 20, "⑳"),
        ("decimalEnclosedCircle", 21, "21"),
        ("decimalEnclosedCircleChinese", 3, "③"),
        ("ideographEnclosedCircle", 2, "㊁"),
        ("decimalEnclosedParen", 2, "⑵"),
        ("decimalEnclosedFullstop", 3, "⒊"),
        ("upperLetter", 1, "A"),
        ("upperLetter", 27, "AA"),
        ("lowerLetter", 28, "bb"),
        ("upperRoman", 14, "XIV"),
        ("lowerRoman", 9, "ix"),
        ("none", 3, ""),
        ("cardinalText", 3, "3"),  # a format jianwu does not spell out: decimal
    ],
)
def test_number_formats(fmt: str, n: int, text: str) -> None:
    assert format_number(n, fmt) == text


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>'
    )


# The GB/T 9704 hierarchy: 一、 （一） 1. （1）
GOV_LEVELS = (
    _lvl(0, "chineseCounting", "%1、")
    + _lvl(1, "chineseCounting", "（%2）")
    + _lvl(2, "decimal", "%3.")
    + _lvl(3, "decimal", "（%4）")
)


def _numbering(abstracts: str, nums: str) -> bytes:
    return f"<w:numbering {W}>{abstracts}{nums}</w:numbering>".encode()


def _abstract(abstract_id: int, levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{extra}{levels}</w:abstractNum>'


def _num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def _start_override(ilvl: int, value: int) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'


STYLES = f"""<w:styles {W}>
<w:style w:type="paragraph" w:styleId="Normal"/>
<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/>
  <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading2"><w:basedOn w:val="Heading2"/></w:style>
<w:style w:type="paragraph" w:styleId="Linked3"><w:basedOn w:val="Heading1"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>
</w:styles>""".encode()

# (name, numbering.xml, paragraphs as (numId, ilvl, pStyle), expected numbers)
CASES = [
    (
        "gov hierarchy, lower levels restart",
        _numbering(_abstract(0, GOV_LEVELS), _num(1, 0)),
        [("1", 0, None), ("1", 1, None), ("1", 1, None), ("1", 2, None), ("1", 2, None), ("1", 3, None),
         ("1", 0, None), ("1", 1, None), ("1", 2, None), ("1", 0, None)],
        ["一、", "（一）", "（二）", "1.", "2.", "（1）", "二、", "（一）", "1.", "三、"],
    ),
    (
        "lvlRestart 0: （三） runs on across chapters",
        _numbering(_abstract(0, _lvl(0, "chineseCounting", "%1、") + _lvl(1, "chineseCounting", "（%2）", extra='<w:lvlRestart w:val="0"/>')), _num(1, 0)),
        [("1", 0, None), ("1", 1, None), ("1", 1, None), ("1", 0, None), ("1", 1, None)],
        ["一、", "（一）", "（二）", "二、", "（三）"],
    ),
    (
        "lvlRestart 1: level 3 restarts after level 1 only, not after level 2",
        _numbering(_abstract(0, _lvl(0, "decimal", "第%1章") + _lvl(1, "decimal", "第%2节") + _lvl(2, "chineseCounting", "第%3条", extra='<w:lvlRestart w:val="1"/>')), _num(1, 0)),
        [("1", 0, None), ("1", 1, None), ("1", 2, None), ("1", 1, None), ("1", 2, None), ("1", 0, None), ("1", 2, None)],
        ["第1章", "第1节", "第一条", "第2节", "第二条", "第2章", "第一条"],
    ),
    (
        "start values and multi-level templates",
        _numbering(_abstract(0, _lvl(0, "decimal", "%1", start=3) + _lvl(1, "decimal", "%1.%2", start=5)), _num(1, 0)),
        [("1", 0, None), ("1", 1, None), ("1", 1, None), ("1", 0, None), ("1", 1, None)],
        ["3", "3.5", "3.6", "4", "4.5"],
    ),
    (
        "a lower level used before its parent shows the parent's start",
        _numbering(_abstract(0, _lvl(0, "chineseCounting", "%1、") + _lvl(1, "decimal", "%1.%2")), _num(1, 0)),
        [("1", 1, None), ("1", 1, None)],
        ["一.1", "一.2"],
    ),
    (
        "isLgl renders every level decimal",
        _numbering(_abstract(0, _lvl(0, "chineseCounting", "%1、") + _lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>")), _num(1, 0)),
        [("1", 0, None), ("1", 0, None), ("1", 1, None)],
        ["一、", "二、", "2.1"],
    ),
    (
        "two w:num of one abstractNum continue one list",
        _numbering(_abstract(0, GOV_LEVELS), _num(1, 0) + _num(2, 0)),
        [("1", 0, None), ("2", 0, None), ("1", 0, None)],
        ["一、", "二、", "三、"],
    ),
    (
        "startOverride restarts the list where its w:num is first used",
        _numbering(_abstract(0, GOV_LEVELS), _num(1, 0) + _num(2, 0, _start_override(0, 1)) + _num(3, 0, _start_override(1, 7))),
        [("1", 0, None), ("1", 0, None), ("2", 0, None), ("2", 0, None), ("3", 1, None), ("3", 1, None), ("2", 0, None), ("3", 1, None)],
        ["一、", "二、", "一、", "二、", "（七）", "（八）", "三、", "（七）"],
    ),
    (
        "lvlOverride with a w:lvl replaces the level's format",
        _numbering(
            _abstract(0, GOV_LEVELS),
            _num(1, 0) + _num(2, 0, '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl></w:lvlOverride>'),
        ),
        [("2", 0, None), ("2", 0, None), ("2", 1, None)],
        ["甲、\t", "乙、\t", "（一）"],
    ),
    (
        "separate abstract numberings keep separate counters",
        _numbering(_abstract(0, GOV_LEVELS) + _abstract(1, _lvl(0, "decimalEnclosedCircle", "%1")), _num(1, 0) + _num(2, 1)),
        [("1", 0, None), ("2", 0, None), ("2", 0, None), ("1", 0, None)],
        ["一、", "①", "②", "二、"],
    ),
    (
        "numbering from the paragraph style, inherited through basedOn; ilvl from the style",
        _numbering(_abstract(0, GOV_LEVELS), _num(1, 0)),
        [(None, None, "Heading1"), (None, None, "Heading2"), (None, None, "MyHeading2"), (None, None, "Heading1"), (None, None, "MyHeading2"),
         (None, 2, "Heading1")],  # the paragraph's own ilvl with the style's numId
        ["一、", "（一）", "（二）", "二、", "（一）", "1."],
    ),
    (
        "ilvl from the abstract level linked to the style (w:lvl/w:pStyle)",
        _numbering(_abstract(0, GOV_LEVELS.replace('<w:lvl w:ilvl="2"><w:start w:val="1"/>', '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:pStyle w:val="Linked3"/>')), _num(1, 0)),
        [(None, None, "Heading1"), (None, None, "Linked3"), (None, None, "Linked3")],
        ["一、", "1.", "2."],
    ),
    (
        "a paragraph's own numPr wins over its style's; numId 0 switches numbering off",
        _numbering(_abstract(0, GOV_LEVELS) + _abstract(1, _lvl(0, "decimal", "%1）")), _num(1, 0) + _num(2, 1)),
        [(None, None, "Heading1"), ("2", 0, "Heading1"), ("0", None, "Heading1"), (None, None, "Heading1")],
        ["一、", "1）", None, "二、"],
    ),
    (
        "ilvl defaults to 0; unknown numId, missing level, bullets and a style loop give no number",
        _numbering(_abstract(0, GOV_LEVELS) + _abstract(1, '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>'), _num(1, 0) + _num(2, 1)),
        [("1", None, None), ("9", 0, None), ("1", 7, None), ("2", 0, None), (None, None, "Loop"), ("1", None, None)],
        ["一、", None, None, None, None, "二、"],
    ),
]


@pytest.mark.parametrize(("name", "numbering", "paragraphs", "expected"), CASES, ids=[c[0] for c in CASES])
def test_numbering(name: str, numbering: bytes, paragraphs: list, expected: list) -> None:
    renderer = NumberingRenderer(numbering, STYLES)
    assert [renderer.number(num_id, ilvl, style) for num_id, ilvl, style in paragraphs] == expected


def test_suffix_tab_space_nothing() -> None:
    levels = (
        '<w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:suff w:val="space"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:numFmt w:val="decimal"/><w:lvlText w:val="%3、"/><w:suff w:val="nothing"/></w:lvl>'
    )
    renderer = NumberingRenderer(_numbering(_abstract(0, levels), _num(1, 0)), None)
    assert [renderer.number("1", i, None) for i in (0, 1, 2)] == ["第一条\t", "1. ", "1、"]


def test_no_numbering_part() -> None:
    assert NumberingRenderer(None, None).number("1", 0, None) is None
