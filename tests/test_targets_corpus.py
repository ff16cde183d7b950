"""Targets of real plans of the PDF corpus (data/raw/corpus/), checked by reading the documents.

Exact lists for the national 指导意见 (国发〔2021〕4号), the Hebei 实施意见 and the Handan
实施意见 that implements it; the verdicts of the Hebei → Handan pair; what the national
plan's one count becomes for a province.
"""

from __future__ import annotations

from typing import Any

from jianwu import Document
from jianwu.diff import diff_documents


def num(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def listed(doc: Document) -> list[tuple[Any, ...]]:
    return [(c.key, t.scope, t.indicator, num(t.value), t.unit, t.comparator, t.year, t.basis, t.measure)
            for c in doc.clauses for t in c.targets if t.kind != "condition"]


# 国发〔2021〕4号 sets directions, not numbers: its only figure is the 100 enterprises of the supply-chain pilot.
NATIONAL = [
    ("二、/（九）", None, "企业开展绿色供应链试点", 100, "家", "≈", None, "level", "absolute"),
]

HEBEI = [
    ("一、/（二）", None, "地级城市空气质量优良天数比例", 10, "个百分点", ">=", 2025, "cumulative", "rate"),
    ("一、/（二）", None, "单位GDP能耗", 15, "%", "=", 2025, "cumulative", "rate"),
    ("一、/（二）", None, "单位GDP二氧化碳排放", 19, "%", "=", 2025, "cumulative", "rate"),
    ("一、/（二）", None, "高新技术产业增加值占规模以上工业比重", 25, "%", "≈", 2025, "level", "rate"),
    ("一、/（二）", None, "非化石能源消费占比", 11, "%", "=", 2025, "level", "rate"),
    ("二、/（四）", None, "两品一标认证产品", 2000, "个", "=", 2025, "level", "absolute"),
    ("二、/（四）", None, "畜禽粪污综合利用率", 85, "%", "=", 2025, "level", "rate"),
    ("二、/（四）", None, "高标准农田", 10000000, "亩", "=", 2025, "level", "absolute"),
    ("二、/（四）", None, "农业灌溉用水量", 10000000000, "立方米", "=", 2025, "level", "absolute"),  # 下降到100亿立方米
    ("二、/（四）", None, "农田农药使用量", 1500, "吨", ">=", 2025, "cumulative", "absolute"),  # 累计减少1500吨以上
    ("二、/（四）", None, "主要农作物病虫害绿色防控覆盖率", 60, "%", ">=", 2025, "level", "rate"),
    ("二、/（四）", None, "主要农作物统防统治覆盖率", 50, "%", ">=", 2025, "level", "rate"),  # 分别达到60%、50%以上
    ("二、/（四）", None, "省级农业产业化重点龙头企业", 1000, "家", "=", 2025, "level", "absolute"),
    ("三、/（九）", None, "具有铁路专用线的大型工矿企业大宗货物绿色运输比例", 95, "%", ">=", 2025, "level", "rate"),
    ("三、/（九）", None, "清洁能源及新能源公交车占比", 90, "%", ">=", 2025, "level", "rate"),
    ("三、/（九）", None, "出租车占比", 85, "%", ">=", 2025, "level", "rate"),
    ("三、/（九）", None, "智慧物流园区", 25, "个", "=", 2025, "level", "absolute"),  # 加快25个智慧物流园区建设
    ("四、/（十三）", None, "常住人口100万以上城市绿色出行比例", 60, "%", "=", 2025, "level", "rate"),
    ("五、/（十四）", None, "管道分输能力", 150000000, "立方米/日", "=", 2025, "level", "absolute"),  # 1.5亿方/日
    ("五、/（十五）", None, "污泥无害化处理率", 97, "%", ">=", 2025, "level", "rate"),
    ("五、/（十五）", None, "污泥无害化处理率", 95, "%", ">=", 2025, "level", "rate"),
    ("五、/（十五）", None, "垃圾焚烧发电设施", 22, "座", "=", 2025, "level", "absolute"),
    ("五、/（十五）", None, "医疗废物焚烧处置率", 100, "%", "=", 2021, "level", "rate"),
    ("五、/（十六）", None, "高速公路废旧路面材料循环利用率", 100, "%", "=", 2025, "level", "rate"),
    ("五、/（十七）", None, "城镇绿色建筑占新建建筑比例", 100, "%", "=", 2025, "level", "rate"),
    ("五、/（十七）", None, "农村污水治理率", 45, "%", "=", 2025, "level", "rate"),
    ("五、/（十七）", None, "宜居宜业宜游的美丽乡村", 7500, "个", "=", 2025, "level", "absolute"),
]

HANDAN = [
    ("一、/（二）", None, "空气质量优良天数比例", 10, "个百分点", ">=", 2025, "cumulative", "rate"),
    ("一、/（二）", None, "单位GDP能耗", 16, "%", "=", 2025, "cumulative", "rate"),
    ("一、/（二）", None, "全社会煤炭消费", 5, "%", ">=", 2025, "cumulative", "rate"),
    ("一、/（二）", None, "单位GDP二氧化碳排放", 19, "%", "=", 2025, "cumulative", "rate"),
    ("一、/（二）", None, "高新技术产业增加值占规模以上工业比重", 20, "%", "=", 2025, "level", "rate"),
    ("一、/（二）", None, "非化石能源消费占比", 4, "%", ">=", 2025, "level", "rate"),
    ("二、/（四）", None, "两品一标认证产品", 150, "个", "=", 2025, "level", "absolute"),
    ("二、/（四）", None, "畜禽粪污综合利用率", 85, "%", "=", 2025, "level", "rate"),
    ("二、/（四）", None, "高标准农田", 1000000, "亩", ">=", 2025, "level", "absolute"),
    ("二、/（四）", None, "地下水超采量", 100000000, "立方米", ">=", 2021, "cumulative", "absolute"),  # 压减…1亿立方米以上
    ("二、/（四）", None, "南水北调引江水", 246000000, "立方米", "=", 2021, "level", "absolute"),
    ("二、/（四）", None, "河湖生态补水", 100000000, "立方米", "=", 2021, "level", "absolute"),
    # 力争完成20万亩节水增粮增效项目和5.9万亩…试点: an extent a verb completes, each item of its list
    ("二、/（四）", None, "节水增粮增效项目", 200000, "亩", "=", 2022, "level", "absolute"),
    ("二、/（四）", None, "一年两熟农田浅埋滴灌节水技术试点", 59000, "亩", "=", 2022, "level", "absolute"),
    ("二、/（四）", None, "农业灌溉用水量", 1300000000, "立方米", "=", 2025, "level", "absolute"),
    ("二、/（四）", None, "主要农作物病虫害绿色防控覆盖率", 60, "%", ">=", 2025, "level", "rate"),
    ("二、/（四）", None, "主要农作物统防统治覆盖率", 50, "%", ">=", 2025, "level", "rate"),
    ("二、/（四）", None, "省级农业产业化重点龙头企业", 110, "家", "=", 2025, "level", "absolute"),
    ("二、/（七）", None, "园区实施循环化改造", 11, "个", "=", 2023, "level", "absolute"),  # 涉县经济开发区…等11个园区
    ("三、/（九）", None, "铁路专用线", 6, "条", "=", 2021, "level", "absolute"),  # 河北太行钢铁集团等6条…力争2021年底前
    ("三、/（九）", None, "铁路专用线", 5, "条", "=", 2022, "level", "absolute"),  # …等5条…力争2022年建成投用
    ("三、/（九）", None, "具有铁路专用线的大型工矿企业大宗货物绿色运输比例", 95, "%", ">=", 2025, "level", "rate"),
    ("三、/（九）", None, "清洁能源及新能源公交车占比", 90, "%", ">=", 2025, "level", "rate"),
    ("三、/（九）", None, "出租车占比", 85, "%", ">=", 2025, "level", "rate"),
    ("四、/（十三）", None, "邮政快递网点使用不可降解塑料袋（带）比例", 20, "%", "=", 2025, "annual", "rate"),  # 每年下降20%
    ("四、/（十三）", None, "城市绿色出行比例", 60, "%", "=", 2025, "level", "rate"),
    ("五、/（十四）", None, "全社会煤炭消费", 5, "%", ">=", 2025, "cumulative", "rate"),
    ("五、/（十四）", None, "管道分输能力", 15000000, "立方米/日", "=", 2025, "level", "absolute"),  # 1500万立方米/天
    ("五、/（十五）", None, "污泥无害化处理率", 97, "%", ">=", 2025, "level", "rate"),
    ("五、/（十五）", None, "污泥无害化处理率", 95, "%", ">=", 2025, "level", "rate"),
    ("五、/（十五）", None, "垃圾焚烧发电厂", 7, "座", "=", 2021, "level", "absolute"),  # 永年区、肥乡区等7座…建成投运
    ("五、/（十五）", None, "医疗废物处置率", 100, "%", "=", 2021, "level", "rate"),
    ("五、/（十六）", None, "高速公路废旧路面材料循环利用率", 100, "%", "=", 2025, "level", "rate"),
    ("五、/（十七）", None, "城镇绿色建筑占新建建筑比例", 100, "%", "=", 2025, "level", "rate"),
    ("五、/（十七）", None, "绿色社区覆盖率", 70, "%", "=", 2025, "level", "rate"),
    ("五、/（十七）", None, "农村生活污水治理率", 60, "%", "=", 2025, "level", "rate"),
    ("五、/（十七）", None, "双代工程", 65900, "户", "=", 2021, "level", "absolute"),
    ("六、/（十八）", None, "产业技术创新战略联盟", 5, "家", "=", 2025, "level", "absolute"),
    ("六、/（十八）", None, "市级技术创新中心", 10, "家", "=", 2025, "level", "absolute"),
    ("六、/（十八）", None, "大型仪器资源共享平台", 1, "家", "=", 2025, "level", "absolute"),
    ("六、/（十九）", None, "认领额度", 5000000, "元", ">=", None, "annual", "absolute"),  # 每年达到500万元以上
]


def test_national_plan_targets(corpus: dict[str, Document]) -> None:
    assert listed(corpus["national-lvse"]) == NATIONAL


def test_hebei_plan_targets(corpus: dict[str, Document]) -> None:
    assert listed(corpus["hebei-lvse"]) == HEBEI


def test_handan_plan_targets(corpus: dict[str, Document]) -> None:
    assert listed(corpus["handan-lvse"]) == HANDAN


def test_handan_against_hebei_verdicts(corpus: dict[str, Document]) -> None:
    """The city re-issues the province's plan: the verdicts an analyst would quote, on real text."""
    diff = diff_documents(corpus["handan-lvse"], corpus["hebei-lvse"])
    verdicts = [(t.status, t.indicator, t.detail) for t in diff.targets if t.status not in ("new", "dropped")]
    assert verdicts == [
        ("same", "空气质量优良天数比例", "10个百分点 → 10个百分点"),
        ("stricter", "单位GDP能耗", "15% → 16%"),  # a larger cut
        ("same", "单位GDP二氧化碳排放", "19% → 19%"),
        ("looser", "高新技术产业增加值占规模以上工业比重", "25% → 20%"),  # 提高到25%左右 → 提高到20%
        ("looser", "非化石能源消费占比", "11% → 4%"),  # 提高到11% → 达到4%以上
        ("not_comparable", "两品一标认证产品", "2000个 for 河北省 → 150个 for 邯郸市: absolute quantities of different scopes"),
        ("same", "畜禽粪污综合利用率", "85% → 85%"),
        ("not_comparable", "高标准农田", "1000万亩 for 河北省 → 100万亩 for 邯郸市: absolute quantities of different scopes"),
        ("not_comparable", "农业灌溉用水量", "100亿立方米 for 河北省 → 13亿立方米 for 邯郸市: absolute quantities of different scopes"),
        ("same", "主要农作物病虫害绿色防控覆盖率", "60% → 60%"),
        ("same", "主要农作物统防统治覆盖率", "50% → 50%"),
        ("not_comparable", "省级农业产业化重点龙头企业", "1000家 for 河北省 → 110家 for 邯郸市: absolute quantities of different scopes"),
        ("same", "具有铁路专用线的大型工矿企业大宗货物绿色运输比例", "95% → 95%"),
        ("same", "清洁能源及新能源公交车占比", "90% → 90%"),
        ("same", "出租车占比", "85% → 85%"),
        ("same", "城市绿色出行比例", "60% → 60%"),
        ("not_comparable", "管道分输能力", "1.5亿方/日 for 河北省 → 1500万立方米/天 for 邯郸市: absolute quantities of different scopes"),
        ("same", "污泥无害化处理率", "97% → 97%"),
        ("same", "污泥无害化处理率", "95% → 95%"),
        ("not_comparable", "垃圾焚烧发电厂", "22座 for 河北省 → 7座 for 邯郸市: absolute quantities of different scopes"),
        ("same", "医疗废物处置率", "100% → 100%"),
        ("same", "高速公路废旧路面材料循环利用率", "100% → 100%"),
        ("same", "城镇绿色建筑占新建建筑比例", "100% → 100%"),
        ("stricter", "农村生活污水治理率", "45% → 60%"),
    ]
    # JW041's source: only rates are ever looser; no absolute total is
    assert {t.child.measure for t in diff.targets if t.status == "looser" and t.child} == {"rate"}
