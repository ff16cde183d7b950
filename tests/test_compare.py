"""Targets and departments compared as data, on real aligned clause pairs and real seed sentences."""

from __future__ import annotations

from typing import Optional

import pytest

from jianwu import Document
from jianwu.compare import compare_target, pair_departments
from jianwu.diff import diff_documents
from jianwu.diffmodel import DocumentDiff, summary_to_dict
from jianwu.model import DepartmentRef, Target

PARENT = "chongqing-jianwu-2023"


@pytest.fixture(scope="module")
def shapingba(seeds: dict[str, Document]) -> DocumentDiff:
    return diff_documents(seeds["shapingba-jianwu-2023"], seeds[PARENT])


@pytest.fixture(scope="module")
def gaoxin(seeds: dict[str, Document]) -> DocumentDiff:
    return diff_documents(seeds["gaoxin-jianwu-2023"], seeds[PARENT])


def rows(diff: DocumentDiff) -> list[tuple[str, str, Optional[str], Optional[str]]]:
    return [
        (
            t.status,
            t.indicator,
            diff.parent.clauses[t.parent_index].path[-1] if t.parent_index is not None else None,
            diff.child.clauses[t.child_index].path[-1] if t.child_index is not None else None,
        )
        for t in diff.targets
    ]


# ---- targets on real pairs


def test_gaoxin_targets(gaoxin: DocumentDiff) -> None:
    got = rows(gaoxin)
    # the zone keeps the municipal 2025 share of non-fossil energy and the building ratios …
    assert ("same", "非化石能源消费比重", "（五）", "（五）") in got
    assert ("same", "装配式建筑占新建建筑比例", "（九）", "（九）") in got
    assert ("same", "大宗工业固体废物资源化利用率", "（十五）", "（十四）") in got
    # … sets a forest cover of 40% where the city asks 57% (（十一） -> Gaoxin （十）)
    looser = next(t for t in gaoxin.targets if t.status == "looser")
    assert (looser.indicator, looser.detail) == ("森林覆盖率", "57% → 40%")
    # … drops the industrial intensity targets of （七） and adds its own green-factory counts
    assert ("dropped", "规模以上工业单位增加值能耗", "（七）", None) in got
    assert ("new", "国家级绿色工厂", None, "（七）") in got
    assert ("new", "PM2.5年平均浓度", None, "（十一）") in got


def test_shapingba_targets(shapingba: DocumentDiff) -> None:
    got = rows(shapingba)
    assert [r for r in got if r[0] == "same"] == [
        ("same", "装配式建筑占新建建筑比例", "（九）", "7."),
        ("same", "绿色建材在新建建筑中的应用比例", "（九）", "7."),
        ("same", "畜禽粪污综合利用率", "（十）", "8."),
        ("same", "化肥使用总量", "（十）", "8."),
        ("same", "秸秆综合利用率", "（十）", "8."),
        ("same", "大宗工业固体废物资源化利用率", "（十五）", "13."),
    ]
    # the district task list leaves out the 2025 figures of （五）, （七）, （八）, （九）, （十一）
    assert {r[2] for r in got if r[0] == "dropped"} == {"（五）", "（七）", "（八）", "（九）", "（十一）"}
    assert not [r for r in got if r[0] in ("new", "stricter", "looser")]


def target(value: float, comparator: str, direction: Optional[str], year: Optional[int] = 2025, unit: str = "%", text: str = "",
           basis: Optional[str] = None, indicator: str = "指标", measure: str = "rate") -> Target:
    """A target as extracted; a direction without a basis is a change (下降1%: cumulative)."""
    basis = basis or ("cumulative" if direction else "level")
    return Target(indicator, value, f"{value:g}{unit}", unit, comparator, direction, year, "target", text, (0, 0),
                  basis=basis, measure=measure)


@pytest.mark.parametrize(
    ("parent", "child", "status"),
    [
        # 规模以上工业单位增加值能耗降低14.5%以上 -> a larger decrease is stricter
        (target(14.5, ">=", "down"), target(15, ">=", "down"), "stricter"),
        (target(14.5, ">=", "down"), target(13.5, ">=", "down"), "looser"),
        # 森林覆盖率提高至57%以上 -> a higher floor is stricter
        (target(57, ">=", "up"), target(60, ">=", "up"), "stricter"),
        (target(57, ">=", "up"), target(40, ">=", None), "looser"),
        # PM2.5年平均浓度不超过34微克/立方米 -> a lower ceiling is stricter
        (target(34, "<=", "down", unit="微克/立方米"), target(32, "<=", "down", unit="微克/立方米"), "stricter"),
        (target(34, "<=", "down", unit="微克/立方米"), target(35, "<=", "down", unit="微克/立方米"), "looser"),
        # 化肥使用总量下降1%: a point value with a direction is a change of that size
        (target(1, "=", "down"), target(2, "=", "down"), "stricter"),
        # 装配式建筑占新建建筑比例达到30% (no direction): only "changed"
        (target(30, "=", None), target(35, "=", None), "value_changed"),
        (target(30, "=", None), target(30, "=", None), "same"),
        # 70%以上 -> 达到70%: reaching 70% of a share that must be at least 70% asks the same
        (target(70, ">=", None), target(70, "=", None), "same"),
        # different units are not comparable
        (target(3, ">=", None, unit="万台"), target(3, ">=", None, unit="台"), "value_changed"),
        # the year moved: reported as such whatever the value does
        (target(25, ">=", "up"), target(25, ">=", "up", year=2027), "year_changed"),
    ],
)
def test_compare_target(parent: Target, child: Target, status: str) -> None:
    assert compare_target(parent, child)[0] == status


@pytest.mark.parametrize(
    ("parent_base", "child_base", "child_value", "expected"),
    [
        # 比2020年下降13.5% -> 比2022年下降8%: re-based, neither stricter nor looser
        (2020, 2022, 8, ("value_changed", "13.5% → 8% (base year 2020 → 2022)")),
        (2020, 2022, 13.5, ("value_changed", "13.5% → 13.5% (base year 2020 → 2022)")),
        # the same base year: compared as ever
        (2020, 2020, 14, ("stricter", "13.5% → 14%")),
        # a base year on one side only (the other's sentence names none): compared as ever
        (None, 2020, 14, ("stricter", "13.5% → 14%")),
    ],
)
def test_a_change_from_another_base_year_is_not_ranked(
        parent_base: Optional[int], child_base: Optional[int], child_value: float, expected: tuple[str, str]) -> None:
    import dataclasses

    parent = dataclasses.replace(target(13.5, "=", "down"), baseline_year=parent_base)
    child = dataclasses.replace(target(child_value, "=", "down"), baseline_year=child_base)
    assert compare_target(parent, child) == expected


@pytest.mark.parametrize(
    ("parent_class", "child_class", "status"),
    [
        ("Ⅲ类", "Ⅱ类", "stricter"),  # 黄河干流水质稳定保持在Ⅲ类以上 -> Ⅱ类以上
        ("Ⅲ类", "Ⅳ类", "looser"),
        ("Ⅱ类", "Ⅱ类", "same"),
        ("劣Ⅴ类", "Ⅴ类", "stricter"),
        ("III类", "Ⅱ类", "stricter"),  # Latin capitals
        ("良好", "优", "value_changed"),  # other words: only "changed"
    ],
)
def test_water_quality_classes_are_ranked(parent_class: str, child_class: str, status: str) -> None:
    import dataclasses

    def cls(text: str) -> Target:
        return dataclasses.replace(target(0, ">=", None, unit=""), value=text, value_text=text, unit=None)

    assert compare_target(cls(parent_class), cls(child_class))[0] == status


def test_year_change_keeps_the_value_comparison() -> None:
    status, detail = compare_target(target(14.5, ">=", "down"), target(15, ">=", "down", year=2027))
    assert (status, detail) == ("year_changed", "year 2025 → 2027; value stricter: 14.5% → 15%")


# ---- departments on real pairs


def pair_names(diff: DocumentDiff, child_key: str) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    a = next(a for a in diff.alignments if a.child_index is not None and diff.child.clauses[a.child_index].key == child_key)
    assert a.departments is not None
    d = a.departments
    return [(p.name, c.name) for p, c in d.mapped], [p.name for p in d.parent_only], [c.name for c in d.child_only]


def test_departments_of_real_pairs(shapingba: DocumentDiff, gaoxin: DocumentDiff) -> None:
    # Shapingba 1. <- （三）: every 市X became 区X
    assert pair_names(shapingba, "1.") == (
        [("市发展改革委", "区发展改革委"), ("市经济信息委", "区经济信息委"), ("市规划自然资源局", "区规划和自然资源局"), ("市生态环境局", "区生态环境局")],
        [],
        [],
    )
    # Shapingba 16. <- （十八）: water and forestry bureaus gone, agriculture and planning brought in
    assert pair_names(shapingba, "16.") == (
        [("市发展改革委", "区发展改革委"), ("市经济信息委", "区经济信息委"), ("市生态环境局", "区生态环境局"), ("市金融监管局", "区金融办")],
        ["市水利局", "市林业局"],
        ["区农业农村委", "区规划和自然资源局"],
    )
    # Gaoxin （三） <- （三）: the zone's own 改革发展局 has no municipal counterpart by name
    assert pair_names(gaoxin, "二、/（三）") == (
        [("市规划自然资源局", "规划和自然资源局"), ("市生态环境局", "生态环境局")],
        ["市发展改革委", "市经济信息委"],
        ["改革发展局"],
    )


def test_department_table(shapingba: DocumentDiff, gaoxin: DocumentDiff) -> None:
    by = {d.canonical: d for d in shapingba.departments}
    assert (by["发展改革委"].status, by["发展改革委"].parent_names, by["发展改革委"].child_names) == ("mapped", ["市发展改革委"], ["区发展改革委"])
    assert by["水利局"].status == "parent_only"
    assert by["宣传部"].status == "child_only"
    assert {d.canonical for d in gaoxin.departments if d.status == "child_only"} >= {"改革发展局", "建设局", "科技创新局"}


def test_pair_departments_by_canonical() -> None:
    def ref(name: str, canonical: str) -> DepartmentRef:
        return DepartmentRef(name, canonical, name[0] if name[0] in "市区" else None, "responsible")

    pairing = pair_departments([ref("市交通局", "交通局"), ref("市水利局", "水利局")], [ref("区交通局", "交通局"), ref("区物流办", "口岸物流办")])
    assert [(p.name, c.name) for p, c in pairing.mapped] == [("市交通局", "区交通局")]
    assert [d.name for d in pairing.parent_only] == ["市水利局"]
    assert [d.name for d in pairing.child_only] == ["区物流办"]


@pytest.mark.parametrize(
    ("home", "mapped", "parent_only"),
    [
        # a Sichuan city under the joint 川渝 plan: its 市生态环境局 is the 四川省生态环境厅's
        ("四川省", [("四川省生态环境厅", "市生态环境局")], ["重庆市生态环境局"]),
        # a Chongqing district: the 重庆市生态环境局's
        ("重庆市", [("重庆市生态环境局", "市生态环境局")], ["四川省生态环境厅"]),
        # the child's province unknown: as written
        (None, [("重庆市生态环境局", "市生态环境局")], ["四川省生态环境厅"]),
    ],
)
def test_a_joint_parents_departments_of_the_childs_province_come_first(
        home: Optional[str], mapped: list[tuple[str, str]], parent_only: list[str]) -> None:
    parent = [DepartmentRef("重庆市生态环境局", "生态环境局", "市", "lead", region="重庆市"),
              DepartmentRef("四川省生态环境厅", "生态环境局", "省", "lead", region="四川省")]
    child = [DepartmentRef("市生态环境局", "生态环境局", "市", "lead")]
    pairing = pair_departments(parent, child, home)
    assert [(p.name, c.name) for p, c in pairing.mapped] == mapped
    assert [d.name for d in pairing.parent_only] == parent_only


# ---- summary


def test_summary_metrics(shapingba: DocumentDiff, gaoxin: DocumentDiff) -> None:
    s = summary_to_dict(shapingba.summary)
    assert (s["parent_clauses"], s["kept"], s["modified"], s["dropped"], s["added"]) == (28, 1, 26, 1, 0)
    assert s["parent_status"] == {"dropped": 1, "identical": 1, "merged": 1, "modified": 25}
    assert s["child_status"] == {"identical": 1, "merged": 1, "modified": 25}
    assert s["headings"] == {"child_status": {"added": 1}, "parent_status": {"dropped": 7}}
    assert s["flags"] == 4
    g = summary_to_dict(gaoxin.summary)
    assert (g["parent_clauses"], g["kept"], g["modified"], g["dropped"], g["added"]) == (28, 0, 22, 6, 0)
    assert g["headings"] == {"child_status": {"identical": 5, "merged": 1}, "parent_status": {"identical": 5, "merged": 2}}
    # Shapingba copies most of its text, Gaoxin rewrites much of it
    assert 0.9 < s["copied_share"] < 0.99  # level-only edits (全市 -> 全区) count as copied
    assert 0.4 < g["copied_share"] < 0.7
    assert g["targets"]["looser"] == 1


# ---- verdicts judged with comparator, direction, basis, scope and measure (issue 11)


@pytest.mark.parametrize(
    ("parent", "child", "status"),
    [
        # a floor raised above a point value of an up-indicator: 治理率 45% → 85%以上
        (target(45, "=", None, indicator="农村生活污水治理率"), target(85, ">=", None, indicator="农村生活污水治理率"), "stricter"),
        # 利用率 88%以上 → 96%: the parent's floor says which way is more
        (target(88, ">=", None, indicator="利用率"), target(96, "=", None, indicator="利用率"), "stricter"),
        (target(88, ">=", None, indicator="利用率"), target(80, "=", None, indicator="利用率"), "looser"),
        # 比重 20%左右 → 26%左右: neither side says; the indicator's polarity does
        (target(20, "≈", None, indicator="非化石能源消费比重"), target(26, "≈", None, indicator="非化石能源消费比重"), "stricter"),
        (target(60, "≈", None, indicator="煤炭消费比重"), target(55, "≈", None, indicator="煤炭消费比重"), "stricter"),
        # 左右 → 以上 at the same value asks more; 以上 → 左右 less
        (target(20, "≈", None, indicator="比重"), target(20, ">=", None, indicator="比重"), "stricter"),
        (target(20, ">=", None, indicator="比重"), target(20, "≈", None, indicator="比重"), "looser"),
        # a level lowered by 下降至: smaller is stricter
        (target(30, "≈", "down", basis="level"), target(28, "≈", "down", basis="level"), "stricter"),
        # a floor against a ceiling: nothing to say but changed
        (target(30, ">=", None), target(20, "<=", None), "value_changed"),
        # ranges are only same or changed
        (target(14, "range", "down"), target(15, "range", "down"), "value_changed"),
        # data/polarity.tsv: an electrified share, a share at the benchmark, clean heating grow
        (target(30, "≈", None, indicator="工业电能占终端用能比重"), target(35, "≈", None, indicator="工业电能占终端用能比重"), "stricter"),
        (target(30, "=", None, indicator="重点行业能效标杆水平以上产能比例"), target(25, "=", None, indicator="重点行业能效标杆水平以上产能比例"),
         "looser"),
        (target(80, "=", None, indicator="城镇清洁取暖比例"), target(75, "=", None, indicator="城镇清洁取暖比例"), "looser"),
        # water of good quality grows (劣Ⅴ类 shrinks)
        (target(95, "=", None, indicator="地表水省控断面达到或优于Ⅲ类水质比例"), target(100, "=", None, indicator="地表水省控断面达到或优于Ⅲ类水质比例"),
         "stricter"),
        (target(90, "=", None, indicator="国控断面水质优良比例"), target(85, "=", None, indicator="国控断面水质优良比例"), "looser"),
        (target(2, "=", None, indicator="劣Ⅴ类水体比例"), target(0, "=", None, indicator="劣Ⅴ类水体比例"), "stricter"),
        # 吨钢综合能耗降至560千克标准煤以下 -> 0.55吨标准煤以下: the same unit at another scale (550千克)
        (target(560, "<=", "down", basis="level", unit="千克标准煤/吨"), target(0.55, "<=", "down", basis="level", unit="吨标准煤/吨"), "stricter"),
        (target(560, "<=", "down", basis="level", unit="千克标准煤/吨"), target(0.56, "<=", "down", basis="level", unit="吨标准煤/吨"), "same"),
        (target(35, "<=", "down", basis="level", unit="微克/立方米"), target(0.04, "<=", "down", basis="level", unit="毫克/立方米"), "looser"),
    ],
)
def test_comparator_judged_with_direction(parent: Target, child: Target, status: str) -> None:
    assert compare_target(parent, child)[0] == status


def test_absolute_quantities_of_different_scopes_are_not_comparable() -> None:
    nation = target(70000, "=", "up", unit="公里", measure="absolute", indicator="污水收集管网")
    province = target(3000, "=", "up", unit="公里", measure="absolute", indicator="污水收集管网")
    status, detail = compare_target(nation, province, parent_place="全国", child_place="河北省")
    assert status == "not_comparable"
    assert detail == "70000公里 for 全国 → 3000公里 for 河北省: absolute quantities of different scopes"
    # the same place (a national target for the province itself) compares
    assert compare_target(nation, province, parent_place="河北省", child_place="河北")[0] == "looser"
    # a rate compares across levels
    assert compare_target(target(57, ">=", "up"), target(60, ">=", "up"), parent_place="全国", child_place="河北省")[0] == "stricter"


def plan(title: str, body: str) -> Document:
    from jianwu import parse_document

    return parse_document(f"{title}\n一、主要目标\n{body}\n".encode(), doc_id=title)


def test_a_child_is_compared_with_the_value_of_its_own_region() -> None:
    nation = plan("国务院关于印发节能减排综合工作方案的通知",
                  "到2025年，全国单位国内生产总值能源消耗比2020年下降13.5%，京津冀及周边地区、长三角地区煤炭消费量分别下降10%、5%左右，"
                  "新增和改造污水收集管网8万公里。")
    hebei = plan("河北省节能减排综合工作方案",
                 "到2025年，全省单位地区生产总值能源消耗比2020年下降15%，煤炭消费量下降12%左右，新增和改造污水收集管网3000公里。")
    jiangsu = plan("江苏省节能减排综合工作方案", "到2025年，全省煤炭消费量下降4%左右。")
    assert (hebei.region, jiangsu.region) == ("河北省", "江苏省")
    got = [(t.status, t.parent.scope if t.parent else None, t.indicator) for t in diff_documents(hebei, nation).targets]
    assert got == [
        ("stricter", None, "单位地区生产总值能源消耗"),
        ("stricter", "京津冀及周边地区", "煤炭消费量"),
        ("not_comparable", None, "污水收集管网"),
    ]
    got = [(t.status, t.parent.scope if t.parent else None, t.indicator) for t in diff_documents(jiangsu, nation).targets]
    assert ("looser", "长三角地区", "煤炭消费量") in got
    assert all(t.parent is None or t.parent.scope != "京津冀及周边地区" for t in diff_documents(jiangsu, nation).targets)


@pytest.mark.parametrize(
    ("child_body", "expected"),
    [
        # the child's value is the region's
        ("到2025年，全省细颗粒物（PM2.5）浓度下降12%。", [("same", "京津冀及周边地区", "12% → 12% (the parent's value for 京津冀及周边地区)")]),
        # tightened: still against the region's value, not the country's
        ("到2025年，全省细颗粒物（PM2.5）浓度下降13%。", [("stricter", "京津冀及周边地区", "12% → 13% (the parent's value for 京津冀及周边地区)")]),
        # the country's wording copied, the value the region's
        ("到2025年，全省地级及以上城市细颗粒物（PM2.5）浓度下降11%。",
         [("looser", "京津冀及周边地区", "12% → 11% (the parent's value for 京津冀及周边地区)")]),
    ],
)
def test_a_target_the_parent_sets_for_the_childs_region_binds_it(child_body: str, expected: list[tuple[str, Optional[str], str]]) -> None:
    # 京津冀及周边地区、汾渭平原细颗粒物浓度分别下降12%、6%: for Hebei the 12% is the target, before the
    # country's 10% (which it replaces: not dropped); 汾渭平原's is not Hebei's at all.
    nation = plan("国务院关于印发空气质量持续改善行动计划的通知",
                  "到2025年，全国地级及以上城市细颗粒物（PM2.5）浓度下降10%，京津冀及周边地区、汾渭平原细颗粒物浓度分别下降12%、6%。")
    hebei = plan("河北省空气质量持续改善行动实施方案", child_body)
    got = [(t.status, t.parent.scope if t.parent else None, t.detail) for t in diff_documents(hebei, nation).targets]
    assert got == expected


def test_a_city_is_compared_with_the_value_its_province_sets_for_it() -> None:
    # 武汉市、襄阳市…分别控制在36、39: for Wuhan the 36 is the target, before the province's 35 (which it
    # replaces: not dropped); 襄阳市's 39 is not Wuhan's at all.
    province = plan("湖北省空气质量改善行动方案",
                    "到2025年，全省细颗粒物（PM2.5）平均浓度控制在35微克/立方米，武汉市、襄阳市细颗粒物（PM2.5）平均浓度分别控制在36、"
                    "39微克/立方米以下，全省空气质量优良天数比率达到85%。")
    assert [t.scope for c in province.clauses for t in c.targets] == [None, "武汉市", "襄阳市", None]
    wuhan = plan("武汉市空气质量改善行动方案", "到2025年，全市细颗粒物（PM2.5）平均浓度控制在35微克/立方米以下，空气质量优良天数比率达到82%。")
    got = [(t.status, t.parent.scope if t.parent else None, t.detail) for t in diff_documents(wuhan, province).targets]
    assert got == [("stricter", "武汉市", "36 → 35微克/立方米 (the parent's value for 武汉市)"), ("looser", None, "85% → 82%")]
    # a city's own name before its indicator is no scope of its own: 武汉市细颗粒物… is the city's target
    own = plan("武汉市空气质量改善行动方案", "到2025年，武汉市细颗粒物（PM2.5）平均浓度控制在35微克/立方米以下。")
    got = [(t.status, t.parent.scope if t.parent else None) for t in diff_documents(own, province).targets]
    assert got[0] == ("stricter", "武汉市")


def test_a_city_whose_region_names_no_province_takes_its_provinces_regional_target() -> None:
    # 石家庄市: the province its text names (河北) tells that 京津冀 is its region and 长三角 is not.
    from jianwu import parse_document

    nation = plan("国务院关于印发空气质量持续改善行动计划的通知",
                  "到2025年，全国地级及以上城市细颗粒物浓度下降10%，京津冀地区、长三角地区细颗粒物浓度分别下降12%、8%。")
    city = parse_document("石家庄市空气质量持续改善行动实施方案\n为贯彻落实《河北省空气质量持续改善行动实施方案》，结合河北省和我市实际，"
                          "按照河北省部署，制定本方案。\n一、主要目标\n到2025年，全市细颗粒物浓度下降12%。\n", doc_id="sjz")
    assert city.region == "石家庄市"
    got = [(t.status, t.parent.scope if t.parent else None, t.detail) for t in diff_documents(city, nation).targets]
    assert got == [("same", "京津冀地区", "12% → 12% (the parent's value for 京津冀地区)")]


@pytest.mark.parametrize(
    ("parent_body", "child_body", "expected"),
    [
        # GDP = 国内生产总值 = 地区生产总值, 能耗 = 能源消耗 (data/indicator_synonyms.tsv)
        ("到2025年，全国单位国内生产总值能源消耗比2020年下降13.5%。", "到2025年，全省单位GDP能耗比2020年下降14%。",
         [("stricter", "单位国内生产总值能源消耗", "单位GDP能耗")]),
        # PM2.5 = 细颗粒物
        ("到2025年，地级及以上城市细颗粒物浓度下降10%。", "到2025年，全省PM2.5浓度下降12%。",
         [("stricter", "地级及以上城市细颗粒物浓度", "PM2.5浓度")]),
        # 非化石能源占能源消费总量比重 = 非化石能源消费占比
        ("到2025年，非化石能源占能源消费总量比重达到20%左右。", "到2025年，非化石能源消费占比达到18%左右。",
         [("looser", "非化石能源占能源消费总量比重", "非化石能源消费占比")]),
    ],
)
def test_indicators_are_matched_across_their_spellings(parent_body: str, child_body: str, expected: list[tuple[str, str, str]]) -> None:
    nation = plan("国务院关于印发节能减排综合工作方案的通知", parent_body)
    child = plan("河南省节能减排综合工作方案", child_body)
    got = [(t.status, t.parent.indicator if t.parent else None, t.child.indicator if t.child else None)
           for t in diff_documents(child, nation).targets]
    assert got == expected


def test_list_items_are_paired_one_to_one_on_the_best_total() -> None:
    nation = plan("国务院关于印发节能减排综合工作方案的通知",
                  "到2025年，营运车辆、营运船舶、营运交通工具单位换算周转量碳排放强度分别下降5%、3.5%、9.5%。")
    child = plan("河北省节能减排综合工作方案",
                 "到2025年，营运船舶、营运车辆单位换算周转量碳排放强度分别下降4%、6%。")
    got = {(t.status, t.parent.indicator if t.parent else None, t.child.indicator if t.child else None)
           for t in diff_documents(child, nation).targets}
    assert got == {
        ("stricter", "营运车辆单位换算周转量碳排放强度", "营运车辆单位换算周转量碳排放强度"),
        ("stricter", "营运船舶单位换算周转量碳排放强度", "营运船舶单位换算周转量碳排放强度"),
        ("dropped", "营运交通工具单位换算周转量碳排放强度", None),
    }


def test_jw041_never_asks_a_lower_level_to_restore_an_absolute_total(tmp_path) -> None:
    from jianwu.check import check_paths
    from jianwu.check.config import CheckConfig

    parent = ("江州市城镇污水处理提质增效实施方案\n江环发〔2023〕9号\n一、主要目标\n"
              "（一）管网建设。到2025年，新增和改造污水收集管网3000公里，城市生活污水集中收集率达到70%以上。\n")
    child = ("江州市江北区城镇污水处理提质增效实施方案\n根据《江州市城镇污水处理提质增效实施方案》（江环发〔2023〕9号），制定本方案。\n"
             "一、主要目标\n（一）管网建设。到2025年，新增和改造污水收集管网120公里，城市生活污水集中收集率达到{}。\n")
    (tmp_path / "jiangzhou.txt").write_text(parent, encoding="utf-8")
    path = tmp_path / "jiangbei.txt"
    config = CheckConfig(enable=frozenset({"JW041"}), root=tmp_path)
    path.write_text(child.format("72%"), encoding="utf-8")
    assert check_paths([path], config).findings == []  # 120公里 of the district against 3000公里 of the city: not comparable
    path.write_text(child.format("65%"), encoding="utf-8")
    assert [f.message for f in check_paths([path], config).findings] == [
        "target “城市生活污水集中收集率” is looser than in the parent plan: 65% here, 70% there; restore the parent's value or a stricter one"]


def test_a_target_in_another_units_detail_shows_the_converted_value() -> None:
    parent = target(560, "<=", "down", basis="level", unit="千克标准煤/吨")
    child = target(0.55, "<=", "down", basis="level", unit="吨标准煤/吨")
    assert compare_target(parent, child) == ("stricter", "560千克标准煤/吨 → 0.55吨标准煤/吨 (= 550千克标准煤/吨)")


@pytest.mark.parametrize(
    ("parent_body", "child_body", "expected"),
    [
        # The parent's 大宗工业固废 targets meet the child's own 大宗工业固废 target (the 2025 one first),
        # never the 工业电能 target written in the same sentence; that one meets the parent's 工业电能.
        ("到2025年，大宗工业固废综合利用率达到57%，2030年进一步提升至62%。\n二、推动工业用能电气化\n"
         "拓宽电能替代领域。到2025年，工业电能占终端用能比重达到30%左右。",
         "到2025年，全省大宗工业固废综合利用率达到60%，工业电能占终端用能比重达到28%左右。",
         [("stricter", "大宗工业固废综合利用率", "57%", "60%"), ("looser", "工业电能占终端用能比重", "30%", "28%"),
          ("dropped", "大宗工业固废综合利用率", "62%", None)]),
        # 一般工业固废 (all general solid waste) is not 大宗工业固废 (bulk waste): data/indicator_contrasts.tsv
        ("到2025年，大宗工业固废综合利用率达到57%。", "到2025年，一般工业固废综合利用率达到75%。",
         [("new", "一般工业固废综合利用率", None, "75%"), ("dropped", "大宗工业固废综合利用率", "57%", None)]),
        # … while a side naming both, or a qualifier of no row, meets either
        ("到2025年，县城生活污水处理率达到95%。", "到2025年，全省城市和县城生活污水处理率达到96%。",
         [("stricter", "城市和县城生活污水处理率", "95%", "96%")]),
        # a target of the parent's sentence in another unit is another measure: 1.8亿吨 is no 吨钢综合能耗
        ("到2025年，废钢铁加工准入企业年加工能力超过1.8亿吨，吨钢综合能耗明显下降。",
         "到2025年，吨钢综合能耗降至0.55吨标准煤以下。",
         [("new", "吨钢综合能耗", None, "0.55吨标准煤"), ("dropped", "废钢铁加工准入企业年加工能力", "1.8亿吨", None)]),
    ],
)
def test_targets_meet_their_own_indicator(parent_body: str, child_body: str, expected: list[tuple]) -> None:
    nation = plan("工业和信息化部关于印发工业领域碳达峰实施方案的通知", parent_body)
    child = plan("河南省工业领域碳达峰行动方案", child_body)
    got = [(t.status, t.indicator, t.parent.value_text if t.parent else None, t.child.value_text if t.child else None)
           for t in diff_documents(child, nation).targets]
    assert got == expected
