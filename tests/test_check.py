"""`jianwu check` rules: a crafted input that triggers each rule and one that does not; the seeds' real findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from jianwu import parse_document
from jianwu.check import RULES, CheckConfig, all_rules, check_paths
from jianwu.check.context import Context, align_column, split_raw_lines
from jianwu.model import DepartmentRef, Target

from conftest import RAW, SEED_PATHS

HEAD = "某区减污降碳协同增效实施方案\n2023年8月18日\n"
TASKS = HEAD + "一、重点任务\n（一）加强管控。推进工作。\n（二）优化布局。推进工作。\n（三）强化监管。推进工作。\n"
SIMPLIFIED_BODY = "一、重点任务\n（一）加强环境质量监测。推进区域发展，实现环境质量改善，优化产业结构，强化监督检查，确保责任落实，开展绿色低碳转型，推动经济社会发展。\n"


def rule_findings(tmp_path: Path, rule_id: str, text: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of one rule on ``text`` written to a file."""
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    run = check_paths([path], CheckConfig(enable=frozenset({rule_id}), root=tmp_path))
    assert run.errors == []
    assert all(f.rule == rule_id and f.file == str(path) for f in run.findings)
    return [(f.line, f.column, f.message) for f in run.findings]


TRIGGERS = [
    ("JW001", HEAD + "一、总体要求\n（一）指导思想。坚持绿色发展。\n（三）工作目标。到2025年取得成效。\n",
     [(5, 1, "（二） is missing between （一） and （三） under 一、; renumber or restore the clause")]),
    ("JW001", HEAD + "一、重点任务\n1.加强管控。推进工作。\n2.优化布局。推进工作。\n4.强化监管。推进工作。\n",
     [(6, 1, "3. is missing between 2. and 4. under 一、; renumber or restore the clause")]),
    ("JW001", HEAD + "二、重点任务\n（一）加强管控。推进工作。\n",
     [(3, 1, "一、 is missing before 二、; number the first clause 一、")]),
    ("JW002", HEAD + "一、重点任务\n（一）加强管控。推进工作。\n（二）优化布局。推进工作。\n（二）强化监管。推进工作。\n",
     [(6, 1, "（二） is used twice under 一、 (first on line 5); renumber so each number appears once")]),
    ("JW003", HEAD + "一、重点任务\n（一）加强管控。推进工作。\n（三）优化布局。推进工作。\n（二）强化监管。推进工作。\n",
     [(6, 1, "（二） comes after （三） under 一、; put the clauses in order or renumber")]),
    ("JW004", HEAD + "一、总体要求\n（一）指导思想。坚持绿色发展。\n二、重点任务\n1.加强管控。推进工作。\n",
     [(6, 1, "1. is numbered differently from the other level-2 clauses (like （一）); use one style per level")]),
    ("JW004", HEAD + "一、重点任务\n1.加强管控。推进工作。\n2、优化布局。推进工作。\n3.强化监管。推进工作。\n",
     [(5, 1, "2、 is written differently from its level (like 1.); write the number the same way throughout")]),
    ("JW005", HEAD + "一、重点任务\n（一）加强金融支持。一是拓宽渠道；二是发展绿色信贷；二是引导资本流动；三是开展试点。\n",
     [(4, 27, "二是 repeats an earlier item of the enumeration: 三是 expected here; renumber the items")]),
    ("JW010", "某区减污降碳协同增效实施方案\n\n为推进工作，制定本方案。\n",
     [(1, 1, "no numbered clauses (一、 （一） 1.) found; check the conversion kept the clause numbers")]),
    ("JW013", "市政府办公室印发实施意见\n（记者张明）日前，市政府办公室印发《关于推动绿色发展的实施意见》，提出到2025年森林覆盖率达到45%。\n",
     [(1, 1, "a news report about 《关于推动绿色发展的实施意见》, not a plan: no clauses, departments or targets are read from it; give jianwu the plan itself")]),
    ("JW011", HEAD + "一、重点任务\n（一）加强管控。推进工作。(区生态环境局、区发展改革委按职责分工负责\n（二）优化布局。根据《重庆市方案〉推进。\n",
     [(4, 14, "the responsibility note （区生态环境局、区发展改革委按职责分工负责 is never closed; add ） at its end"),
      (5, 11, "《 is never closed in this paragraph; add the missing 》"),
      (5, 17, "〉 has no matching 〈 in this paragraph; add the 〈 or remove the 〉")]),
    ("JW012", TASKS.replace("推进工作。\n（二）", "推进工作。（区生态环境局负责）\n（二）", 1).replace("推进工作。\n（三）", "推进工作。（区发展改革委负责）\n（三）", 1),
     [(6, 1, "（三）强化监管 has no responsibility note while 2 of its 3 sibling clauses have one; add （…负责） naming the responsible departments")]),
    ("JW020", HEAD + "根据《方案》（渝环〔202371号）和《通知》（渝府发2022〕39号）、《意见》（渝委发〔2022〕号），制定本方案。\n一、重点任务\n（一）加强管控。推进工作。\n",
     [(3, 10, "malformed 文号 渝环〔202371号: the closing year bracket is lost; write 渝环〔2023〕71号"),
      (3, 28, "malformed 文号 渝府发2022〕39号: the opening year bracket is lost; write 渝府发〔2022〕39号"),
      (3, 46, "malformed 文号 渝委发〔2022〕号: the serial number is missing; restore it from the cited document")]),
    ("JW021", HEAD + "一、重点任务\n（一）加强管控。深入贯彻党的二十大精神 and 习近平总书记重要指示。\n",
     [(4, 21, "Latin “and” inside Chinese prose; write it in Chinese (and → 和) or remove it")]),
    ("JW022", HEAD + "一、重点任务\n（一）加强管控。推进工作。**（区生态环境局负责）**\n[bookmark: _GoBack]（此件公开发布）\n",
     [(4, 14, "Markdown emphasis “**” left by a conversion (2 marks on this line); delete it"),
      (5, 1, "Word bookmark “[bookmark: _GoBack]” left by a conversion; delete it")]),
    ("JW023", HEAD + SIMPLIFIED_BODY + "（二）强化監管。加强环境质量监测，推进区域发展。\n",
     [(5, 6, "1 traditional character(s) in a mixed document: 監→监")]),
    ("JW024", HEAD + "一、重点任务\n（一）加强管控。推进生态环\n\n境保护工作。\n",
     [(6, 1, "a word is split across lines here (。推进生态环|境保护工作。); join the lines")]),
    ("JW025", HEAD + "一、重点任务\n（—）加强管控。推进⽣态环境保护工作。\n",
     [(4, 1, "a dash stands for the 一 of the clause number （一）; write 一"),
      (4, 1, "look-alike characters stand for hanzi in this text: ⽣→生; replace them")]),
    ("JW030", HEAD + "一、重点任务\n（一）加强管控。推进工作。\n（二）加强管控。优化布局。\n",
     [(5, 4, "（二）加强管控 repeats the title of （一） (line 4); give this clause the title that matches its text")]),
    ("JW032", HEAD + "一、重点任务\n（一）加强管控。推进工作。（区生态环境局、区发展改革委、区生态环境局按职责分工负责）\n",
     [(4, 29, "“区生态环境局” is named twice in the responsibility note of （一）; delete the repetition")]),
]

CLEAN = [
    ("JW001", HEAD + "一、总体要求\n（一）指导思想。坚持绿色发展。\n二、重点任务\n（二）加强管控。推进工作。\n三、保障措施\n（一）加强领导。统筹推进。\n"),  # run-on, then restart
    ("JW002", TASKS),
    ("JW003", TASKS),
    ("JW004", HEAD + "一、总体要求\n（一）指导思想。坚持绿色发展。\n二、重点任务\n（二）加强管控。推进工作。\n1.优化布局。推进工作。\n"),
    ("JW005", HEAD + "一、重点任务\n（一）加强金融支持。一是拓宽渠道；二是发展绿色信贷；三是开展试点。统一是前提。\n"),
    ("JW010", TASKS),
    ("JW010", "市政府办公室印发实施意见\n（记者张明）日前，市政府办公室印发《关于推动绿色发展的实施意见》。\n"),  # a report: JW013
    ("JW013", TASKS),
    ("JW011", HEAD + "一、重点任务\n（一）加强管控。包括：1）产业；2）能源。（以下简称“三线一单”）（区生态环境局负责）\n"),
    ("JW012", TASKS),  # nobody has a note: nothing to be consistent with
    ("JW012", HEAD + "一、总体要求\n（一）主要目标。到2025年取得成效。\n（二）加强管控。推进工作。（区生态环境局负责）\n（三）优化布局。推进工作。（区发展改革委负责）\n"),
    ("JW020", HEAD + "根据《方案》（渝环〔2023〕71号）和（渝府发(2022)39号），制定本方案。\n一、重点任务\n（一）加强管控。推进工作。\n"),
    ("JW021", HEAD + "一、重点任务\n（一）加强管控。推广LNG动力船舶，治理VOCs，进水浓度低于100mg/L，PM2.5下降，每kg收费。\n"),
    ("JW022", TASKS),
    ("JW023", HEAD + SIMPLIFIED_BODY),
    ("JW024", TASKS),
    ("JW025", TASKS),
    ("JW030", HEAD + "一、重点任务\n（一）工作目标\n1.加强管控。推进工作。\n二、保障措施\n（二）工作目标\n1.加强领导。统筹推进。\n"),
    ("JW032", HEAD + "一、重点任务\n（一）加强管控。推进工作。（区生态环境局、区发展改革委按职责分工负责）\n"),
]


@pytest.mark.parametrize(("rule_id", "text", "expected"), TRIGGERS, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(TRIGGERS)])
def test_rule_triggers(tmp_path: Path, rule_id: str, text: str, expected: list[tuple[int, int, str]]) -> None:
    assert rule_findings(tmp_path, rule_id, text) == expected


@pytest.mark.parametrize(("rule_id", "text"), CLEAN, ids=[f"{r}-{i}" for i, (r, _) in enumerate(CLEAN)])
def test_rule_stays_quiet(tmp_path: Path, rule_id: str, text: str) -> None:
    assert rule_findings(tmp_path, rule_id, text) == []


# ---------------------------------------------------------------- rules read from extracted facts


def _context(text: str) -> Context:
    return Context(parse_document(text, doc_id="crafted"), None, split_raw_lines(text))


def _dept(name: str, start: int, *, known: bool = True, note: int = 0, generic: bool = False) -> DepartmentRef:
    return DepartmentRef(name=name, canonical=name[1:], level="区", role="responsible", generic=generic, known=known, span=(start, start + len(name)), note=note)


def _target(year: int | None, start: int, kind: str = "target") -> Target:
    return Target(indicator="单位地区生产总值能耗", value=14.5, value_text="14.5%", unit="%", comparator="=", direction="down",
                  year=year, kind=kind, text="", span=(start, start + 4))


NOTE_TEXT = HEAD + "一、重点任务\n（一）加强管控。推进工作。（区火星开发局、区生态环境局负责）\n"


@pytest.mark.parametrize(("known", "generic", "expected"), [
    (False, False, [(4, 15, "department “区火星开发局” in （一） is not in the alias table; check the name for a typo or add an alias")]),
    (True, False, []),
    (False, True, []),  # 各有关部门 is not a department to look up
])
def test_unknown_department(known: bool, generic: bool, expected: list[tuple[int, int, str]]) -> None:
    ctx = _context(NOTE_TEXT)
    clause = ctx.doc.clauses[-1]
    start = ctx.doc.text.index("区火星开发局")
    clause.departments = [_dept("区火星开发局", start, known=known, generic=generic), _dept("区生态环境局", start + 7)]
    assert [(h.line, h.column, h.message) for h in RULES["JW031"].check(ctx)] == expected


@pytest.mark.parametrize(("notes", "expected"), [
    ((0, 0), [(4, 22, "“区生态环境局” is named twice in the responsibility note of （一）; delete the repetition")]),
    ((0, 1), []),  # the same department in two notes of one clause is normal
])
def test_duplicate_department_kept_by_the_extractor(notes: tuple[int, int], expected: list[tuple[int, int, str]]) -> None:
    ctx = _context(NOTE_TEXT)
    clause = ctx.doc.clauses[-1]
    start = ctx.doc.text.index("区生态环境局")
    clause.departments = [_dept("区生态环境局", start, note=notes[0]), _dept("区生态环境局", start, note=notes[1])]
    assert [(h.line, h.column, h.message) for h in RULES["JW032"].check(ctx)] == expected


@pytest.mark.parametrize(("year", "kind", "expected"), [
    (2020, "target", [(4, 9, "target “单位地区生产总值能耗” is set for 2020, before the document's date 2023-08-18; check the year")]),
    (2023, "target", []),
    (2025, "target", []),
    (2020, "condition", []),
    (None, "target", []),
])
def test_target_year_before_date(year: int | None, kind: str, expected: list[tuple[int, int, str]]) -> None:
    ctx = _context(NOTE_TEXT)
    clause = ctx.doc.clauses[-1]
    clause.targets = [_target(year, clause.text_offset + 5, kind)]
    assert [(h.line, h.column, h.message) for h in RULES["JW033"].check(ctx)] == expected


# ---------------------------------------------------------------- rules against the parent plan

PARENT_PLAN = """江州市生态环境局
关于印发《江州市减污降碳协同增效实施方案》的通知
江环发〔2023〕7号
江州市生态环境局
2023年8月18日
江州市减污降碳协同增效实施方案
一、重点任务
（一）加强生态环境分区管控。严格落实生态保护红线、环境质量底线、资源利用上线和生态环境准入清单等生态环境分区管控政策，按程序更新、调整分区管控要求，增强环境质量改善目标对能源和产业布局的引导作用。（市生态环境局负责）
（二）推进生态建设协同增效。强化适应气候变化和生态保护修复工作的协同，推动韧性减碳、生态固碳，实施森林质量精准提升工程。到2025年，森林覆盖率达到57%以上。（市林业局负责）
（三）完善环境信用评价机制。严格执行企业环境信用评价办法，协同提高碳排放权交易配额履约完成率，完善环境信用评价与社会信用体系建设的联动机制，加强公共信用综合评价与企业环境信用评价的衔接。（市生态环境局负责）
"""
CHILD_PLAN = PARENT_PLAN.split("一、重点任务\n", 1)[1].replace("（市", "（区")
CHILD_HEAD = "江州市江北区减污降碳协同增效实施方案\n2023年10月20日\n根据《江州市减污降碳协同增效实施方案》（江环发〔2023〕7号），制定本方案。\n一、重点任务\n"


@pytest.mark.parametrize(("rule_id", "child", "expected"), [
    ("JW040", CHILD_HEAD + CHILD_PLAN.replace("（三）完善环境信用评价机制", "（三）加强生态环境分区管控"),
     [(7, 4, "（三）加强生态环境分区管控 has the title of the parent's （一）加强生态环境分区管控 but follows the text of "
             "its （三）完善环境信用评价机制; give the clause the title of the text it follows")]),
    ("JW040", CHILD_HEAD + CHILD_PLAN, []),
    ("JW041", CHILD_HEAD + CHILD_PLAN.replace("达到57%以上", "不低于50%"),
     [(6, 68, "target “森林覆盖率” is looser than in the parent plan: 50% here, 57% there; restore the parent's value or a stricter one")]),
    ("JW041", CHILD_HEAD + CHILD_PLAN.replace("达到57%以上", "不低于60%"), []),  # tightening is the point of a lower plan
    ("JW041", CHILD_HEAD + CHILD_PLAN, []),
])
def test_parent_rules(tmp_path: Path, rule_id: str, child: str, expected: list[tuple[int, int, str]]) -> None:
    (tmp_path / "jiangzhou.txt").write_text(PARENT_PLAN, encoding="utf-8")  # found in the child's directory by its 文号
    path = tmp_path / "jiangbei.txt"
    path.write_text(child, encoding="utf-8")
    run = check_paths([path], CheckConfig(enable=frozenset({rule_id}), root=tmp_path))
    assert [(f.line, f.column, f.message) for f in run.findings] == expected


def test_parent_rules_need_the_parent_in_the_directory(tmp_path: Path) -> None:
    path = tmp_path / "jiangbei.txt"
    path.write_text(CHILD_HEAD + CHILD_PLAN.replace("（三）完善环境信用评价机制", "（三）加强生态环境分区管控"), encoding="utf-8")
    assert check_paths([path], CheckConfig(enable=frozenset({"JW040", "JW041"}), root=tmp_path)).findings == []


def test_every_rule_is_tested() -> None:
    parent_rules = {"JW040", "JW041"}  # test_parent_rules
    tested = {r for r, _, _ in TRIGGERS} | {"JW031", "JW032", "JW033"} | parent_rules
    assert {r.id for r in all_rules()} == tested
    assert {r for r, _ in CLEAN} | {"JW031", "JW033"} | parent_rules == tested


# ---------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_findings() -> dict[str, list[tuple[int, int, str, str]]]:
    run = check_paths([RAW / Path(p).name for p in SEED_PATHS], CheckConfig(root=RAW.parent.parent))
    assert run.errors == [] and len(run.files) == 5
    out: dict[str, list[tuple[int, int, str, str]]] = {}
    for f in run.findings:
        out.setdefault(Path(f.file).stem, []).append((f.line, f.column, f.rule, f.message))
    return out


def _of(findings: list[tuple[int, int, str, str]], rule_id: str) -> list[tuple[int, int, str]]:
    return [(line, col, msg) for line, col, rid, msg in findings if rid == rule_id]


def test_gaoxin_unclosed_notes_and_garbled_doc_numbers(seed_findings: dict[str, list[tuple[int, int, str, str]]]) -> None:
    gaoxin = seed_findings["gaoxin-jianwu-2023"]
    assert _of(gaoxin, "JW011") == [
        (10, 61, "〉 has no matching 〈 in this paragraph; add the 〈 or remove the 〉"),
        (29, 56, "〉 has no matching 〈 in this paragraph; add the 〈 or remove the 〉"),
        (45, 129, "the responsibility note （改革发展局、生态环…局按职责分工负责 is never closed; add ） at its end"),
        (47, 273, "the responsibility note （改革发展局、生态环…局按职责分工负责 is never closed; add ） at its end"),
        (49, 196, "the responsibility note （改革发展局、生态环…心按职责分工负责 is never closed; add ） at its end"),
    ]
    assert _of(gaoxin, "JW020") == [
        (10, 68, "malformed 文号 渝环〔202371号: the closing year bracket is lost; write 渝环〔2023〕71号"),
        (29, 65, "malformed 文号 环综合〔202242号: the closing year bracket is lost; write 环综合〔2022〕42号"),
        (29, 125, "malformed 文号 渝委发〔20228号: the closing year bracket is lost; write 渝委发〔2022〕8号"),
    ]
    raw = (RAW / "gaoxin-jianwu-2023.txt").read_text(encoding="utf-8").split("\n")
    assert raw[44][128:134] == "(改革发展局" and raw[9][67:75] == "〔202371号"  # the columns point at the defect
    # （二十）–（二十二） under 六、保障措施 have no note, like each other: not a missing note.
    assert _of(gaoxin, "JW012") == []


def test_ziyang_latin_words_and_markdown(seed_findings: dict[str, list[tuple[int, int, str, str]]]) -> None:
    ziyang = seed_findings["ziyang-jianwu-2023"]
    assert _of(ziyang, "JW021") == [
        (11, 34, "Latin “and” inside Chinese prose; write it in Chinese (and → 和) or remove it"),
        (95, 145, "Latin “and” inside Chinese prose; write it in Chinese (and → 和) or remove it"),
    ]
    assert _of(ziyang, "JW022") == [
        (93, 159, "Markdown emphasis “**” left by a conversion (2 marks on this line); delete it"),
        (95, 245, "Markdown emphasis “**” left by a conversion (2 marks on this line); delete it"),
        (101, 201, "Markdown emphasis “**” left by a conversion (2 marks on this line); delete it"),
    ]
    raw = (RAW / "ziyang-jianwu-2023.txt").read_text(encoding="utf-8").split("\n")
    assert raw[10][33:36] == "and" and raw[92][158:160] == "**"


def test_shapingba_duplicates(seed_findings: dict[str, list[tuple[int, int, str, str]]]) -> None:
    shapingba = seed_findings["shapingba-jianwu-2023"]
    assert _of(shapingba, "JW030") == [
        (122, 5, "18.深入推进排污许可与碳排放协同管理 repeats the title of 15. (line 112); give this clause the title that matches its text"),
        (124, 5, "19.积极发挥市场交易机制作用 repeats the title of 16. (line 116); give this clause the title that matches its text"),
    ]
    assert _of(shapingba, "JW032") == [
        (94, 309, "“区规划和自然资源局” is named twice in the responsibility note of 9.; delete the repetition"),
        (104, 72, "“区规划和自然资源局” is named twice in the responsibility note of 12.; delete the repetition"),
    ]
    assert _of(shapingba, "JW005") == [(118, 154, "二是 repeats an earlier item of the enumeration: 三是 expected here; renumber the items")]
    assert [line for line, _, rid, _ in shapingba if rid == "JW022"] == [3, 8, 12, 14]


def test_shapingba_and_gaoxin_against_their_parent(seed_findings: dict[str, list[tuple[int, int, str, str]]]) -> None:
    fix = "give the clause the title of the text it follows"
    assert _of(seed_findings["shapingba-jianwu-2023"], "JW040") == [
        (122, 5, f"18.深入推进排污许可与碳排放协同管理 has the title of the parent's （十七）深入推进排污许可与碳排放协同管理 but follows the text of its （二十）完善环境和应对气候变化信用评价机制; {fix}"),
        (124, 5, f"19.积极发挥市场交易机制作用 has the title of the parent's （十八）积极发挥市场交易机制作用 but follows the text of its （二十二）创新协同管理制度; {fix}"),
    ]
    # 森林覆盖率不低于40% against the municipal 57%: reported for a reviewer (a zone may be below the city average)
    assert _of(seed_findings["gaoxin-jianwu-2023"], "JW041") == [
        (61, 308, "target “森林覆盖率” is looser than in the parent plan: 40% here, 57% there; restore the parent's value or a stricter one")]
    assert _of(seed_findings["gaoxin-jianwu-2023"], "JW040") == []


def test_yongchuan_bookmark(seed_findings: dict[str, list[tuple[int, int, str, str]]]) -> None:
    assert _of(seed_findings["yongchuan-jieneng-2023"], "JW022") == [
        (12, 1, "Word bookmark “[bookmark: _GoBack]” left by a conversion; delete it")]


def test_seed_counts_by_rule(seed_findings: dict[str, list[tuple[int, int, str, str]]]) -> None:
    """Everything else the seeds raise: numbering is sound everywhere; no traditional leftovers."""
    counts = {doc: sorted({rid: sum(1 for f in fs if f[2] == rid) for _, _, rid, _ in fs}.items()) for doc, fs in seed_findings.items()}
    assert "chongqing-jianwu-2023" not in counts  # the traditional-script parent is clean
    assert counts["gaoxin-jianwu-2023"] == [("JW011", 5), ("JW020", 3), ("JW041", 1)]
    assert [r for r, _ in counts["shapingba-jianwu-2023"]] == ["JW005", "JW022", "JW024", "JW030", "JW032", "JW040"]
    assert [r for r, _ in counts["ziyang-jianwu-2023"]] == ["JW021", "JW022", "JW024"]
    assert counts["yongchuan-jieneng-2023"] == [("JW022", 1)]


@pytest.mark.parametrize(("piece", "raw", "index", "column"), [
    ("到2025年", "到 2025 年", 1, 2),  # normalisation removed a space
    ("（三）加强", "(三) 加强", 0, 0),  # a half-width bracket became full-width
    ("加强管控", "**加强管控**", 2, 4),  # markup removed
    ("abc", "abc", 5, 3),  # past the end: clamped to the line
])
def test_columns_map_back_to_the_raw_line(piece: str, raw: str, index: int, column: int) -> None:
    assert align_column(piece, raw, index) == column


def test_run_checks_library_api(tmp_path: Path) -> None:
    from jianwu import InputError
    from jianwu.check import run_checks

    findings = run_checks([RAW / "yongchuan-jieneng-2023.txt", RAW / "gaoxin-jianwu-2023.txt"])
    assert [(Path(f.file).stem, f.line, f.rule, f.severity) for f in findings][:2] == [
        ("gaoxin-jianwu-2023", 10, "JW011", "error"), ("gaoxin-jianwu-2023", 10, "JW020", "error")]
    assert findings == sorted(findings, key=lambda f: f.sort_key())
    with pytest.raises(InputError, match="no such file or directory"):
        run_checks([tmp_path / "missing.txt"])
    problems: list[str] = []
    assert run_checks([tmp_path / "missing.txt"], on_error=lambda exc: problems.append(exc.problem)) == []
    assert problems == ["no such file or directory"]


@pytest.mark.parametrize("marker", ["jianwu: ignore JW011", "<!-- jianwu: ignore JW022, JW011 -->", "jianwu：ignore JW020 JW011"])
def test_inline_markers(tmp_path: Path, marker: str) -> None:
    text = HEAD + "一、重点任务\n（一）加强管控。推进工作。（区生态环境局负责  " + marker + "\n（二）优化布局。推进工作。（区生态环境局负责\n"
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    run = check_paths([path], CheckConfig(enable=frozenset({"JW011"}), root=tmp_path))
    assert ([(f.rule, f.line) for f in run.findings], run.silenced) == ([("JW011", 5)], 1)
    assert "jianwu" not in parse_document(path).text and "ignore" not in parse_document(path).text


def test_unbalanced_marks_is_the_per_character_scan(seeds: dict, corpus: dict) -> None:
    """``unbalanced_marks`` steps through ``BRACKET_MARK``'s matches where it once stepped through every
    character acting only on OPENERS and CLOSERS: the scan finds exactly those characters."""
    import random

    from jianwu.check.rules_structure import BRACKET_MARK, CLOSERS, OPENERS, unbalanced_marks

    paragraphs = [p for doc in [*seeds.values(), *corpus.values()] for p in doc.text.split("\n")]
    rnd = random.Random(16)
    alphabet = "（）()《》〈〉“”【】「」『』［］[]：；1a一负责牵头区局、。 \\"
    paragraphs += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(3000)]
    assert sum(bool(unbalanced_marks(p)) for p in paragraphs) > 100
    for p in paragraphs:
        assert [(m.start(), m.group()) for m in BRACKET_MARK.finditer(p)] == [
            (i, ch) for i, ch in enumerate(p) if ch in OPENERS or ch in CLOSERS], p
