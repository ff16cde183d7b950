"""Normalisation rules, one row per rule, on real seed fragments and their PDF-style variants."""

from __future__ import annotations

import codecs

import pytest

from jianwu.errors import InputError
from jianwu.normalize import clean_inline, decode, detect_script, normalize_bytes, normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # half-width brackets in Chinese context -> full-width (municipal plan, Gaoxin web text)
        ("(三)加強生態環境分區管控。", "（三）加強生態環境分區管控。"),
        ("(十四) 探索土壤污染治理协同控制。", "（十四）探索土壤污染治理协同控制。"),
        ("(1)推进重点行业", "（1）推进重点行业"),
        ("做好CCER(国家核证自愿减排量)项目储备", "做好CCER（国家核证自愿减排量）项目储备"),
        ("(改革发展局、生态环境局按职责分工负责", "（改革发展局、生态环境局按职责分工负责"),
        ("推动CQCER(“碳惠通”项目自愿", "推动CQCER（“碳惠通”项目自愿"),  # a PDF line wrapped before the ")"
        ("(QQ:51999076)", "(QQ:51999076)"),  # no Chinese inside: left alone
        # half-width , ; : next to Chinese -> full-width; digit groups stay
        ("到2025年,非化石能源消费比重达到25%,为实现", "到2025年，非化石能源消费比重达到25%，为实现"),
        ("有关部门,有关单位:", "有关部门，有关单位："),
        ("1,000吨", "1,000吨"),
        # full-width digits, ％ and ． -> ASCII
        ("１．加强组织领导", "1.加强组织领导"),
        ("下降１４．５％", "下降14.5%"),
        # clause numbers set as one enclosed character
        ("㈠指导思想。坚持绿色发展。", "（一）指导思想。坚持绿色发展。"),
        ("⑵压减散煤", "（2）压减散煤"),
        ("⒓大力发展光伏", "12.大力发展光伏"),
        ("①城区全面禁燃", "①城区全面禁燃"),  # circled numbers are a style of their own
        # spaces between digits / Latin and Chinese
        ("到 2025 年，装配式建筑占新建建筑比例达到 30%", "到2025年，装配式建筑占新建建筑比例达到30%"),
        ("稳定在 70% 以上", "稳定在70%以上"),
        # after a sentence's mark one space goes, two part a table's cells
        ("推进绿色发展。 二是加快转型", "推进绿色发展。二是加快转型"),
        ("坚决遏制盲目发展。  省发展改革委", "坚决遏制盲目发展。  省发展改革委"),
        ("（ 省发展改革委", "（省发展改革委"),
        # a decimal's digits set apart by an extraction (not a clause number's space)
        ("人均公园绿地面积达 14. 5 平方米", "人均公园绿地面积达14.5平方米"),
        ("细颗粒物(PM2. 5)平均浓度", "细颗粒物(PM2.5)平均浓度"),  # after a Latin letter too
        ("1. 2025年底前完成", "1. 2025年底前完成"),  # a clause number: left to the numbering
        # a clause number set apart from its mark (a PDF export's spacing)
        ("1 .强化生态环境分区管控", "1.强化生态环境分区管控"),
        ("12 、 加强组织领导", "12、加强组织领导"),
        ("1 .5万吨", "1 .5万吨"),  # not before a hanzi: not a clause number
        # a letter-spaced line (分散对齐, a wide heading): every hanzi apart; a chapter's number spaced
        ("第 一 章 总 体 要 求", "第一章总体要求"),
        ("附 件", "附件"),
        ("第 二 章 主要目标", "第二章 主要目标"),
        ("第 12 条 本办法自印发之日起施行", "第12条 本办法自印发之日起施行"),
        # a number set apart from its percent sign
        ("非化石能源消费比重达到20 %左右", "非化石能源消费比重达到20%左右"),
        ("推进绿色发展。2. 2025年", "推进绿色发展。2. 2025年"),
        ("有序推广 LNG 动力船舶应用", "有序推广LNG动力船舶应用"),
        ("1. 加强生态环境分区管控", "1.加强生态环境分区管控"),
        ("2023 10 25", "2023 10 25"),  # digits only: spaces are the date's separators
        ("重庆高新区生态环境局 重庆高新区改革发展局", "重庆高新区生态环境局 重庆高新区改革发展局"),
        # conversion artefacts
        ("**（市级相关部门按职责分工负责）**", "（市级相关部门按职责分工负责）"),
        ("沙坪坝区农业农村委员会** **文件**", "沙坪坝区农业农村委员会 文件"),
        ("[bookmark: _GoBack]（此件删减后公开）", "（此件删减后公开）"),
        ("## 一、总体要求", "一、总体要求"),
        ("推进&nbsp;绿色", "推进 绿色"),
        ("和【hé】新【xīn】疆生产建设兵团", "和新疆生产建设兵团"),  # pinyin injected by mirror sites
        ("【版权声明】", "【版权声明】"),  # a Chinese bracket label is not pinyin
        ("现(xiàn)将方案印发(fā)给你们", "现将方案印发给你们"),  # the same in half-width brackets
        ("道路长度(km)", "道路长度(km)"),  # no tone mark: no pinyin
        # a mirror's doubled comma, or its comma before the text's own mark
        ("印发给你们,,请认真组织实施,。", "印发给你们，请认真组织实施。"),
        ("一,、总体要求", "一、总体要求"),
        ("关于碳达峰,、碳中和", "关于碳达峰、碳中和"),
    ],
)
def test_clean_inline(raw: str, expected: str) -> None:
    assert clean_inline(raw) == expected


def norm(text: str) -> str:
    return normalize_text(text).text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a page break splitting a word, across blank lines (Shapingba cover)
        ("形成了《沙坪坝区减污降碳协同增\n\n效任务分工》。现印发给你们。", "形成了《沙坪坝区减污降碳协同增效任务分工》。现印发给你们。"),
        # a department name split by a page break (Ziyang, Shapingba)
        ("（十三）加快水环境治理。统筹推进。（市生态环\n\n境局、市发展改革委按职责分工负责)", "（十三）加快水环境治理。统筹推进。（市生态环境局、市发展改革委按职责分工负责）"),
        # a number and its unit split (Ziyang)
        ("到 2025 年，天然气消费量预计达到 135\n\n万吨标准煤，煤炭消费总量下降 5%左右。", "到2025年，天然气消费量预计达到135万吨标准煤，煤炭消费总量下降5%左右。"),
        # a line ending with 、 continues
        ("2. 严格生态环境准入管理。坚决遏制高耗能、高排放、\n\n低水平项目盲目发展。", "2.严格生态环境准入管理。坚决遏制高耗能、高排放、低水平项目盲目发展。"),
        # a quotation closing mid-sentence continues (municipal plan)
        ("倡導綠色低碳生活方式,建好用活集碳\n履約、碳中和、碳普惠為一體的“碳惠通”\n平臺,拓寬公眾參與渠道。", "倡导绿色低碳生活方式，建好用活集碳履约、碳中和、碳普惠为一体的“碳惠通”平台，拓宽公众参与渠道。"),
        # a short fragment of prose continues (municipal plan)
        ("碳金融產品。適時開設中遠期\n碳交易品種,加快培育\n碳金融生態。", "碳金融产品。适时开设中远期碳交易品种，加快培育碳金融生态。"),
        # page-number lines between two halves of a sentence
        ("推动绿色低碳发\n\n— 3 —\n\n展，提升水平。", "推动绿色低碳发展，提升水平。"),
        ("推动绿色低碳发\n- 12 -\n展，提升水平。", "推动绿色低碳发展，提升水平。"),
        ("推动绿色低碳发\n第 3 页 共 10 页\n展，提升水平。", "推动绿色低碳发展，提升水平。"),
        # pdftotext's form feed at a page break, with no page number
        ("推动绿色低碳发\n\f展，提升水平。", "推动绿色低碳发展，提升水平。"),
        ("推动绿色低碳发\n展，提升水平。", "推动绿色低碳发\n展，提升水平。"),  # the same lines without the page break
        # real boundaries are kept: heading / body / next clause / sentence end / closing note
        ("一、总体要求\n（一）指导思想\n以习近平新时代中国特色社会主义思想为指导，深入贯彻。", "一、总体要求\n（一）指导思想\n以习近平新时代中国特色社会主义思想为指导，深入贯彻。"),
        ("（三）加强管控。依法退出。（改革发展局按职责分工负责\n\n（四）严格准入管理。", "（三）加强管控。依法退出。（改革发展局按职责分工负责\n（四）严格准入管理。"),
        ("督察。\n\n（区生态环境局负责）", "督察。\n（区生态环境局负责）"),
        # title, issuer and date lines are not prose: never joined
        ("沙坪坝区减污降碳协同增效任务分工\n\n为深入贯彻落实党中央决策部署，制定本方案。", "沙坪坝区减污降碳协同增效任务分工\n为深入贯彻落实党中央决策部署，制定本方案。"),
        ("重庆高新区生态环境局\n\n重庆高新区改革发展局\n\n20231020", "重庆高新区生态环境局\n重庆高新区改革发展局\n20231020"),
        ("绍兴市发展和改革委员会、绍兴市生态环境局\n2023年7月3日", "绍兴市发展和改革委员会、绍兴市生态环境局\n2023年7月3日"),  # names between 、
        ("推进高耗能、高排放项目退出的期限为\n2025年12月31日", "推进高耗能、高排放项目退出的期限为2025年12月31日"),  # (prose: its 、 are not all)
        # web chrome and copyright banners are dropped
        ("首页 政务公开 渝快办 互动交流\n当前的位置: 首页>政务公开>政策文件\n字体:\n一、总体要求\n返回顶部", "一、总体要求"),
        ("一、总体要求\n【版權聲明】本网为公益类网站,如有侵权请告知(QQ:51999076)。", "一、总体要求"),
        ("分享到：\n一、总体要求\n打印 | 关闭\n浏览次数：1234", "一、总体要求"),
        # lines of one width that each end a sentence are paragraphs, not a hard wrap (a short text)
        ("一、主要任务\n" + "\n".join(f"加快推动{w}领域节能降碳改造工作。" for w in ("工业", "建筑", "交通", "农业", "商贸", "城市", "居民", "公共"))
         + "\n二、保障措施", "一、主要任务\n" + "\n".join(f"加快推动{w}领域节能降碳改造工作。" for w in ("工业", "建筑", "交通", "农业", "商贸", "城市", "居民", "公共"))
         + "\n二、保障措施"),
        # the rest of a wrapped line shaped like a label heading (设兵团：) continues the prose it was cut from
        ("各省、自治区、直辖市人民政府，新疆生产建\n设兵团：\n现将方案印发给你们。", "各省、自治区、直辖市人民政府，新疆生产建设兵团：\n现将方案印发给你们。"),
        ("（一）指导思想\n主要目标：\n到2025年，完成任务。", "（一）指导思想\n主要目标：\n到2025年，完成任务。"),  # a heading, then a label
        # under a header 序号 alone on its line, the rows' numbers in sequence are kept; other bare numbers are page numbers
        ("序号\n重点任务\n1\n强化分区管控\n2\n加强准入管理\n7\n推进协同", "序号\n重点任务\n1\n强化分区管控\n2\n加强准入管理推进协同"),  # (7: a page break)
        # traditional -> simplified
        ("重慶市減污降碳協同增效實施方案", "重庆市减污降碳协同增效实施方案"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert norm(raw) == expected


def pdf_wrap(text: str, width: int) -> str:  # also used by test_outline
    """Lay text out like a PDF extraction: fixed-width lines, indented paragraphs, page numbers."""
    out: list[str] = []
    for para in text.split("\n"):
        first = True
        while para:
            room = width - 2 if first else width
            out.append(("　　" if first else "") + para[:room])
            para, first = para[room:], False
            if len(out) % 23 == 22:
                out += ["", f"- {len(out) // 23 + 1} -", ""]
    return "\n".join(out)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the notice's date ends its page; the plan begins on the next (a page break, no sentence end)
        ("宁夏回族自治区人民政府办公厅\n2022年5月26日\n\f为认真落实《意见》精神，提出如下实施意见。",
         "宁夏回族自治区人民政府办公厅\n2022年5月26日\n为认真落实《意见》精神，提出如下实施意见。"),
        # a layout extraction (pdftotext -layout) sets the date at the right margin, wider than the prose
        ("\f    九、做好实施保障\n    （二十八）加强协调促进落实。各地可结合碳达峰碳中和、绿色发\n"
         "展等相关领域政策文件的制定研究提出具体措施，确保主要任务和政策\n措施落地见效。省各有关部门要切实履行部门职责，加强督促指导，强\n"
         "化协调配合，形成工作合力。\n    （二十九）深化国际国内合作。抓住“一带一路”建设、长江经济\n"
         "带发展、长三角一体化发展等战略机遇，加强与兄弟省市协同协作，探\n索建立区域合作联盟。\n"
         + " " * 71 + "2022 年 1 月 24 日\n资料整理：碳中和资料库公众号",
         "九、做好实施保障\n（二十八）加强协调促进落实。各地可结合碳达峰碳中和、绿色发展等相关领域政策文件的制定研究提出具体措施，"
         "确保主要任务和政策措施落地见效。省各有关部门要切实履行部门职责，加强督促指导，强化协调配合，形成工作合力。\n"
         "（二十九）深化国际国内合作。抓住“一带一路”建设、长江经济带发展、长三角一体化发展等战略机遇，加强与兄弟省市协同协作，探索建立区域合作联盟。\n"
         "2022年1月24日\n资料整理：碳中和资料库公众号"),
        # a sentence the page cut goes on across the break
        ("（一）推动绿色低碳发展，加快\n\f转型，提升水平。", "（一）推动绿色低碳发展，加快转型，提升水平。"),
    ],
)
def test_a_signatures_date_line_never_continues(raw: str, expected: str) -> None:
    assert normalize_text(raw).text == expected


def test_running_headers_beside_page_breaks_are_dropped() -> None:
    pages = [
        "（一）推动绿色低碳发展，加快",
        "重庆市减污降碳协同增效实施方案",
        "转型，提升水平。",
        "- 1 -",
        "重庆市减污降碳协同增效实施方案",
        "（二）加强管理，统筹",
        "- 2 -",
        "重庆市减污降碳协同增效实施方案",
        "推进。",
    ]
    result = normalize_text("\n".join(["一、总体要求"] + pages))
    assert result.text == "一、总体要求\n（一）推动绿色低碳发展，加快转型，提升水平。\n（二）加强管理，统筹推进。"
    assert [r.kind for r in result.repairs].count("running_header") == 1


def test_a_repeated_line_away_from_page_breaks_is_kept() -> None:
    text = "\n".join(["1.加强领导。", "（区生态环境局负责）", "2.加强宣传。", "（区生态环境局负责）", "3.加强评估。", "（区生态环境局负责）"])
    assert normalize_text(text).text == text


def test_trailer_repeating_the_cover_is_dropped() -> None:
    text = "\n".join(
        ["甲区生态环境局", "2023年10月25日", "（此件公开发布）", "甲区减污降碳协同增效任务分工", "1.加强生态环境分区管控。严格落实。", "甲区生态环境局", "（此件公开发布）"]
    )
    result = normalize_text(text)
    assert result.text.endswith("1.加强生态环境分区管控。严格落实。")
    assert [r.kind for r in result.repairs] == ["trailer"]


def test_line_map_points_at_raw_lines() -> None:
    raw = "一、总体要求\n\n（一）推动绿色低碳，加快发\n\n展，提升水平。\n（二）加强管理。"
    result = normalize_text(raw)
    assert result.text == "一、总体要求\n（一）推动绿色低碳，加快发展，提升水平。\n（二）加强管理。"
    assert result.line_at(result.text.index("总体")) == 1
    assert result.line_at(result.text.index("推动")) == 3
    assert result.line_at(result.text.index("展，")) == 5
    assert result.line_at(result.text.index("（二）")) == 6


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("重慶市減污降碳協同增效實施方案關于印發", "traditional"),
        ("重庆市减污降碳协同增效实施方案关于印发", "simplified"),
        ("重庆市减污降碳协同增效實施方案關於印發", "mixed"),
        ("123 ABC", "simplified"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text)[0] == script


SAMPLE = "一、总体要求\n（一）到2025年，全区单位地区生产总值能源消耗比2020年下降14.5%。\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
    ],
)
def test_decode_common_encodings(raw: bytes, encoding: str) -> None:
    result = normalize_bytes(raw, "x.txt")
    assert result.encoding == encoding
    assert result.text == SAMPLE.strip()


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes), not a text document"),
        (bytes([0xFF, 0xFE, 0xD8]) , "cannot decode as utf-16: truncated data at byte 2"),
        (bytes([0x81, 0x30, 0xFF, 0xFF, 0x80]) * 3, "cannot decode as Chinese text; tried utf-8 (invalid byte at offset 0), gb18030 (invalid byte at offset 0), big5 (invalid byte at offset 0), big5hkscs (invalid byte at offset 0)"),
        # a UTF-8 plan cut short inside a character, or with a byte of another encoding in it: where
        ("推进绿色发展。".encode("utf-8") * 20 + "推".encode("utf-8")[:2], "cannot decode as Chinese text; tried utf-8 (invalid byte at offset 420: the file ends inside a character), gb18030 (invalid byte at offset 40), big5 (invalid byte at offset 0), big5hkscs (invalid byte at offset 0)"),
    ],
)
def test_decode_rejects_bad_input(raw: bytes, problem: str) -> None:
    with pytest.raises(InputError) as info:
        decode(raw, "bad.txt")
    assert str(info.value) == f"bad.txt: {problem}"


def test_rows_of_a_table_under_its_header_are_not_joined() -> None:
    """After 序号 …, a line opening with the next row number starts a row, though the row above
    ends without punctuation (a cell of names); outside a table such a line may continue a sentence."""
    table = ("附件\n重点任务分工表\n序号 重点任务 牵头单位 配合单位\n1 实施重点行业绿色升级工程 省工业和信息化厅 省发展改革委、省生态环境厅\n"
             "2 实施园区节能环保提升工程 省发展改革委 省工业和信息化厅、省商务厅\n3 实施城镇绿色节能改造工程 省住房城乡建设厅 省能源局")
    lines = normalize_text(table).text.split("\n")
    assert [line[:2] for line in lines[3:]] == ["1实", "2实", "3实"]
    prose = normalize_text("到2025年，全省新增光伏发电装机容量达到\n10万千瓦以上，风电装机容量达到20万千瓦。").text
    assert prose == "到2025年，全省新增光伏发电装机容量达到10万千瓦以上，风电装机容量达到20万千瓦。"


# A table in a text: its cells set apart by a tab (or two spaces) stay apart; one space between a
# hanzi and a digit is still taken out ("到 2025 年" -> "到2025年").
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("3\t推广新能源汽车，比例不低于80%\t省交通运输厅\t2025年底前", "3  推广新能源汽车，比例不低于80%  省交通运输厅  2025年底前"),
        ("3  推广新能源汽车，比例不低于80%  省交通运输厅", "3  推广新能源汽车，比例不低于80%  省交通运输厅"),
        ("到 2025 年，比例达到 30% 以上。", "到2025年，比例达到30%以上。"),
        ("1\t推进产能置换\t省发展改革委（省能源局）\t省经信厅", "1  推进产能置换  省发展改革委（省能源局）  省经信厅"),
        ("（十四） 探索土壤污染治理", "（十四）探索土壤污染治理"),
    ],
)
def test_a_tables_cell_gaps_are_kept_one_space_is_not(line: str, expected: str) -> None:
    from jianwu.normalize import normalize_text

    assert normalize_text(line).text == expected


def test_lone_numbers_under_an_indicator_header_set_one_cell_a_line_are_cells() -> None:
    """Under 指标 / 单位 / 2025年 alone on their lines a bare number is a value cell (kept, a line of its own, never
    joined to the cell above it: —, %); the page number after the table's end, or one beside a form feed, is dropped."""
    from jianwu.normalize import normalize_text

    text = "一、主要目标\n指标\n单位\n2025年\n森林覆盖率\n%\n18\n能耗降低\n%\n—\n13.5\n到2025年，森林覆盖率达到18%。\n12\n二、任务"
    out = normalize_text(text)
    assert out.text.split("\n") == ["一、主要目标", "指标", "单位", "2025年", "森林覆盖率", "%", "18", "能耗降低", "%", "—",
                                    "13.5", "到2025年，森林覆盖率达到18%。", "二、任务"]
    assert [r.detail for r in out.repairs if r.kind == "page_number"] == ["12"]
    paged = normalize_text("指标\n单位\n2025年\n森林覆盖率\n%\n7\n\f18\n")
    assert [r.detail for r in paged.repairs if r.kind == "page_number"] == ["18"]  # (7, above the page break, a cell)
    assert paged.text.split("\n")[-1] == "7"


def test_a_numbered_heading_ends_a_table_set_one_cell_a_line() -> None:
    from jianwu.normalize import normalize_text

    out = normalize_text("一、目标\n指标\n2025年\n森林覆盖率（%）\n18\n二、重点任务\n5\n（一）推进绿色发展，加快转型。")
    assert [r.detail for r in out.repairs if r.kind == "page_number"] == ["5"]
