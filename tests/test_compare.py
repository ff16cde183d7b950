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


def target(value: float, comparator: str, direction: Optional[str], year: Optional[int] = 2025, unit: str = "%", text: str = "") -> Target:
    return Target("指标", value, f"{value:g}{unit}", unit, comparator, direction, year, "target", text, (0, 0))


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
        # 70%以上 -> 70%: same number, the floor became a point: changed, not same
        (target(70, ">=", None), target(70, "=", None), "value_changed"),
        # different units are not comparable
        (target(3, ">=", None, unit="万台"), target(3, ">=", None, unit="台"), "value_changed"),
        # the year moved: reported as such whatever the value does
        (target(25, ">=", "up"), target(25, ">=", "up", year=2027), "year_changed"),
    ],
)
def test_compare_target(parent: Target, child: Target, status: str) -> None:
    assert compare_target(parent, child)[0] == status


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
