"""What a number measures: the indicator phrase before (or after) a value.

Plans state targets in a few shapes, and the rules here undo each:

- subject + predicate + value: 装配式建筑占新建建筑比例 | 达到 | 30%
- verb + object + count:       建设 | 充电基础设施 | 3万台以上
- verb + count + noun:         完成 | 1个 | 近零碳园区
- a 、 list sharing one head:   化肥、农药利用率 → 化肥利用率, 农药利用率

``analyse_predicate`` peels predicate words (达到, 稳定在, 不低于, 力争, 比2020年 …)
off the end of the text before a value and reports what they said (comparator,
direction, modality); ``clean_subject`` strips framing words off the start
(到2025年, 全市, 推动 …); ``split_items`` distributes a shared head over a list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex

from .patterns import lazy, word_trie
from .quantities import cn_numeral, sheltered

YEAR_NUM = r"(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}"

# Comparator words written before a value: 不低于30%, 超过250个, 约5万吨.
COMPARATOR_BEFORE = {
    "不低于": ">=", "不少于": ">=", "不小于": ">=", "至少": ">=",
    "不超过": "<=", "不高于": "<=", "不大于": "<=", "不多于": "<=", "最多": "<=", "控制在": "<=",
    "超过": ">", "高于": ">", "大于": ">", "多于": ">", "突破": ">",
    "低于": "<", "少于": "<", "小于": "<", "不足": "<",
    "约": "≈", "大约": "≈",
    "优于": ">=", "好于": ">=",  # water / air classes: 达到或好于Ⅲ类
}
# Comparator words written after a value (quantities.SUFFIX): 3万台以上, 30%左右.
COMPARATOR_AFTER = {
    "以上": ">=", "及以上": ">=", "或以上": ">=",
    "以下": "<=", "及以下": "<=", "或以下": "<=", "以内": "<=", "之内": "<=", "范围内": "<=",
    "左右": "≈", "上下": "≈",
}
DOWN_VERBS = ("下降", "降低", "减少", "削减", "压减", "压降", "降")
UP_VERBS = ("提高", "提升", "增加", "新增", "增长", "上升", "扩大", "翻")  # 翻 | 一番 (quantities.WORDED_DOUBLING)
MODALITIES = ("力争", "预计", "确保", "争取", "努力")

_VERBS = ("达到", "达", "实现", "完成", "稳定", "保持", "维持", "控制", "下降", "降低", "减少", "削减", "压减", "压降", "降",
          "提高", "提升", "增加", "新增", "增长", "上升", "扩大", "翻")
_ADVERBS = ("分别", "均", "都", "各", "稳步", "持续", "累计", "基本", "全部", "总体", "进一步", "大幅", "显著", "有效",
            "年均", "平均", "每年", "平均每年", "逐年", "要", "将", "应", "应当", "需", "需要", "须", "必须", "或", *MODALITIES)


def _words(words: tuple[str, ...] | list[str]) -> str:
    """The words as an alternation, longest first, written as a trie (``patterns.word_trie``: the same matches
    in the same order, each character tried once instead of once a word)."""
    return word_trie(list(set(words)))


# One predicate word at the end of the text before a value: 稳定在 / 下降至 / 不低于 / 分别 / 力争.
PREDICATE_END = lazy(
    rf"(?P<w>(?:{_words(_VERBS)})(?:到|至|为|在)?|{_words(list(COMPARATOR_BEFORE))}|{_words(_ADVERBS)}|为|在|至|到)$"
)
# The characters a PREDICATE_END match can end with (the last of each word it spells out, and 到/至/为/在): a
# text ending with none of them (nor with one and a line break, where $ also matches) has no match.  稳定在 -> 在
PREDICATE_END_LAST = frozenset({w[-1] for w in (*_VERBS, *COMPARATOR_BEFORE, *_ADVERBS)} | set("到至为在"))
# The longest text PREDICATE_END matches: a verb and 到/至/为/在, a comparator, an adverb.
PREDICATE_END_SPAN = max(max(map(len, _VERBS)) + 1, max(map(len, COMPARATOR_BEFORE)), max(map(len, _ADVERBS)))
# A value stated as a share of a reference: 达到汽车新车销售总量的 | 20% / 占全市总量的 | 30%
# (also after a bound: 储能设施规模不低于装机容量的 | 10% -> 储能设施规模占装机容量, ≥)
SHARE_OF = lazy(r"(?P<verb>达到|占|不低于|不少于|不高于|不超过|超过|低于|高于)(?P<ref>[^，。；、的]{2,30})的$")
# The point a baseline names: a year (2020年, 2020年底) or the end of a five-year plan (“十三五”末 = 2020,
# the year its period ends: see baseline_year).
BASE_POINT = rf"(?:(?P<y>{YEAR_NUM})年(?:底|末)?|“?十(?P<p>[一二三四五六七八九])五”?(?:期末|末))"
# A value stated as a multiple or share of a base year's: 新能源装机规模达到2020年的 | 3倍 / 是2020年的 | 两倍 /
# 控制在2020年的 | 90%以内.  The year is the baseline (not a deadline, not a reference SHARE_OF names).
# Not the year of a change's end: 提高到2025年的 | 20% (a deadline).
BASE_OF = lazy(
    rf"(?P<verb>是|为|达到|达|相当于)?(?<!(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|削减|压减|降)[到至]){BASE_POINT}(?:水平)?的$"
)
# Baseline: 比2020年 / 较2020年 / 与2020年相比 / 以2020年为基准 / 在2020年基础上 / 较“十三五”末 (every one
# has 年 or 五).  Not the 比 of 占比: 新能源公交车占比2024年底前达到90% has a deadline, no baseline.
BASELINE = lazy(
    rf"(?:(?<!占)比|较|相比于?|相较于?|对比|同){BASE_POINT}(?:相比|比较|水平)?"
    rf"|与{BASE_POINT}(?:相比|比较)"
    rf"|以{BASE_POINT}为基[准数]年?"
    rf"|在?{BASE_POINT}(?:的)?(?:基础上|水平上|基数上)"
)


def may_hold_baseline(text: str) -> bool:
    """Can ``text`` hold a BASELINE match?  Every match holds 比 (比, 相比, 对比, 比较), 较 (较, 相较), 同, 为基
    (为基准, 为基数) or ends in 基础上 / 水平上 / 基数上: substring tests, much cheaper than the search, turn
    down the texts with a year but no baseline (到2025年，…).  Ask it after the test for 年 / 五."""
    return ("比" in text or "较" in text or "同" in text or "为基" in text or "基础上" in text or "水平上" in text
            or "基数上" in text)


# A baseline of the period before, named by no year: 同比 / 环比 / 比上年 / 较上年度 (PM2.5平均浓度同比下降2%).
RELATIVE_BASELINES = ("同比", "环比", "比上年", "较上年", "比上年度", "较上年度", "比去年", "较去年", "比上一年", "较上一年")
# The characters a BASELINE match can end with: 比2020年 / 2020年底 / “十三五”末 / 相比 / 比较 / 水平 / 为基准 /
# 基数 / 为基准年 / 基础上.
BASELINE_LAST = "年底末比较平准数上"
# A deadline phrase inside an indicator span: 到2025年底前 / 2025年 / “十四五”期间 / “十四五”末 (each has 年 or 五).
TIME_PHRASE = lazy(
    rf"(?:到|至|截至|截止到?|在|于)?(?:{YEAR_NUM})年(?:底|末)?(?:前|时)?"
    r"|(?:到|在)?“?十[一二三四五六七八九]五”?(?:规划)?(?:期间|时期|末)?(?:内)?"
)
# The characters a TIME_PHRASE match can end with: 2025年 / 年底 / 年末 / 前 / 时 / 十四五 / ” / 规划 / 期间 / 时期 / 末 / 内.
TIME_PHRASE_LAST = "年底末前时五”划间期内"
# Framing words at the start of a subject: 全区 / 我市 / 其中 / 推动 / 力争 / 使.
# An item number a box (专栏) or a table row leaves in its text, a dash of a list, 五年 before 累计: 1. / （1） / ① /
# 1长兴… / 1  长兴… (a row's cells) / —— (tried only at a text starting with one of ITEM_MARK_FIRST, before LEAD_FRAME).
ITEM_MARK = lazy(
    r"^(?:[—－]+|五年(?=累计|$)|\d{1,2}[.．、](?!\d)|\d{1,2}(?:[ \t]+|(?!(?:个|家|座|项|条|类|种|大|年|月|日|号)))(?=\p{Han})|"
    r"[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|[①②③④⑤⑥⑦⑧⑨⑩])"
)
ITEM_MARK_FIRST = frozenset("—－五0123456789（(①②③④⑤⑥⑦⑧⑨⑩")
LEAD_FRAME = lazy(
    rf"^(?:[，、；：,\s]+|(?:全|我)(?:国|省|市|区|县|镇|乡|州|盟|旗)(?:范围内)?|每年|逐年|当年|原则上|分别|其中|同时|并且|并(?=力争|确保|推动|实现|使)|以及|另外|此外|对(?!外)|"
    rf"使(?!用)|推动|推进|促进|引导|实现|{_words(list(MODALITIES))}|累计|和|及(?!时)|与|或)"
)
# Framing that is only punctuation or space (，、): stripped without being a framing word.
PUNCTUATION_ONLY = lazy(r"[，、；：,\s]+")
# Verbs of an object form (建设充电基础设施3万台, 遴选150家…领跑者): stripped only when the subject is the
# verb's object.  Two verbs joined by 和/及/与/、 go together: 新增和改造污水收集管网 -> 污水收集管网.
ACTION_VERBS = (
    r"推进|推动|新建|新增|改建|扩建|建设|建成|创建|争创|创成|完成|打造|培育|推广|实施|改造|更新|淘汰|关停|发展|安装|配备|配建|建立|开展|"
    r"引进|种植|治理|整治|修复|认定|评定|形成|开工|投运|投产|鼓励|支持|加强|持续|基本|全部|累计|遴选|选择|评选|筛选|命名|发布|制定|"
    r"修订|培训|示范|新改建|提升|升级|整合|布局|规划|储备|谋划|加快|完善|压减|削减|减少|新发展"
)
ACTION_LEAD = lazy(rf"^(?:(?:{ACTION_VERBS})(?:(?:和|及|与|、|或)(?:{ACTION_VERBS}))*|对|在(?!线))")
# Padding left at the end of an indicator: 塑料袋使用比例每年 | 下降20% / 公共建筑原则上 | 达到…
# 五年 (单位GDP能耗五年累计下降13.5%): the period of a cumulative change, not part of what is measured.
TRAILING_PADDING = lazy(r"(?:每年|每年度|逐年|原则上|均|都|各|(?<!\d)五年|(?:回升|回落|企稳|下降|上升|增长|提高|降低|提升)并)$")
# The last characters of TRAILING_PADDING's words: a text ending in none of these (or a line break, before which
# $ also matches) has none, and is not searched (the search tries every alternative at every character).
TRAILING_PADDING_LAST = "年度上均都各并\n"
# The noun after a count, up to the next list item, clause break or number: 1个近零碳园区、1个… / 25座充电站和5座…
COUNTED_NOUN = lazy(r"[^，。；、,;（\n\d]+?(?=[和及与]?(?:[，。；、,;（\n\d]|$))")
# Qualities listed before the counted noun: 左右积极性高、社会影响大、带动作用强的 | 企业.
DESCRIBED_NOUN = lazy(r"(?:左右|以上)?[^，。；,;（\n\d的]{1,12}(?:、[^，。；,;（\n\d的]{1,12})+的")
# Where a counted noun stops before the rest of its sentence: 铁路专用线 | 力争2021年底前建成投用.
NOUN_STOP = lazy(r"力争|确保|争取|预计|计划|将于|要在|于(?=\d|[〇零一二三四五六七八九]{4})|在(?=\d{4})|到(?=\d{4})")
# Trailing words after a counted noun that name the action, not the thing: 低碳社区试点示范创建.
TRAILING_ACTION = lazy(r"(?:的)?(?:创建|建设|工作|任务|建成投运|建成投用|建成投产|建成|投运|投用|投产)$")
# The head noun of an indicator, shared by a 、 list: 化肥、农药利用率 / 溶剂型工业涂料、溶剂型油墨使用比例.
HEADS = (
    r"减排量|排放量|排放总量|排放强度|消费量|消费总量|使用量|使用比例|使用率|综合利用率|利用率|利用量|处置量|回收量|"
    r"产生量|收集量|覆盖率|处理率|处置率|治理率|达标率|回收率|收集率|普及率|合格率|优良率|占比|比例|比重|浓度|强度|"
    r"总量|产量|面积|能耗|蓄积量|天数|数量|规模|指数|效率|"
    # power capacity, the head of every 风电、光伏 list (总装机容量, 合计装机规模: one total, see COMBINED_HEAD)
    r"(?:总|合计)?(?:并网)?装机(?:容量|规模)?|发电量"
)
INDICATOR_HEAD = lazy(rf"(?:重点工程|工程)?(?:{HEADS})$")
# An indicator that is only a head noun has lost its subject to the sentence before:
# 大宗固废年利用量达到40亿吨左右；到2030年，年利用量达到45亿吨左右 (年利用量 <- 大宗固废年利用量).
# (and a rate of change: 年均增速 <- 煤炭消费量年均增速, see targets._with_subject)
BARE_HEAD = lazy(rf"^(?:年|年度|总|综合|平均|年均)?(?:{HEADS}|增速|增长率|增幅|降幅)$")
# The close of a list: 化学需氧量、氨氮、氮氧化物、挥发性有机物等4项主要污染物 | 重点工程减排量. The count is
# the list's own length (not a target) and the category noun (主要污染物) names the items, not the head.
LIST_CLOSE = lazy(r"等(?:[\d一二三四五六七八九十两]+(?:项|个|种|类|大|方面))?(?P<tail>.*)$")
# Pollutants, the items of many lists: 颗粒物、二氧化硫、氮氧化物 | 有组织排放浓度 (the rest of the last item is shared).
POLLUTANTS = r"颗粒物|二氧化硫|氮氧化物|挥发性有机物|VOCs|化学需氧量|氨氮|总磷|总氮|二氧化碳|甲烷|一氧化碳|臭氧|PM2\.5|PM10"
POLLUTANT = lazy(POLLUTANTS)
POLLUTANT_END = lazy(rf"(?:{POLLUTANTS})$")
# A sector at the start of a list's first item, shared by the items after it: 钢铁行业 | 颗粒物、二氧化硫….
SECTOR_PREFIX = lazy(r"^(?P<prefix>\p{Han}{1,10}?(?:行业|作物))(?=\p{Han})")
SECTOR_WORD = lazy(r"行业|作物|产业|领域|部门")
# Items that are sectors or places of their own: 交通运输碳排放 / 城镇… (no sector prefix is shared with them).
NOT_SECTOR_ITEM = lazy(r"交通|建筑|工业|农业|电力|钢铁|水泥|化工|能源|服务业|公共机构|城镇|农村|城市|全")
SECTOR_ITEM_MAX = 6
# The sector noun after 等 that each item takes: 钢铁、水泥、炼油等行业 | 能耗强度 -> 钢铁行业能耗强度 (the rest of the
# tail is the head, not only its last INDICATOR_HEAD: 能耗强度, not 强度).
LIST_SECTOR = lazy(r"^(?:重点|主要|高耗能)?(?P<sector>行业|产业|领域)(?=\p{Han})")
# Where a per-unit head starts inside the last item of a list: 营运船舶 | 单位换算周转量碳排放强度.
PER_UNIT_HEAD = lazy(
    r"单位(?=地区|国内|GDP|工业|换算|运输|建筑|产品|面积|周转|产值|增加值|营业|能源|耕地|土地|用地|水资源)|人均|万元|亩均|户均|每万"
)
# The things a list names before its shared attribute: 新建公共机构建筑、新建厂房 | 屋顶光伏覆盖率.
OBJECTS = r"建筑|厂房|园区|企业|城市|县城|城区|农村|乡镇|机关|学校|医院|社区|家庭|工厂|港口|码头|机场|车辆|船舶|设施|项目"
OBJECT_NOUN = lazy(OBJECTS)
OBJECT_NOUN_END = lazy(rf"(?:{OBJECTS})$")
# A head that adds the items up: 风电、太阳能发电 | 总装机容量 is one total, not two.
# What the last item of a list counts among, written once for all the items: 城市公交、出租车 | 中新能源车辆占比 /
# 城市公交、出租汽车、城市物流配送 | 领域新能源汽车 (not 中心城区, 中型, 中小企业, 中央, 中国).
FRAME_IN_LAST = lazy(r"(?<=\p{Han})(?:中(?![心型小部央国华西东])|领域)(?=\p{Han}{2})")
COMBINED_HEAD = lazy(r"^(?:总|合计|共计|总计|合共|累计总)")
# A per-unit denominator written once at the start of a list, shared by the flows listed after it:
# 单位地区生产总值 | 能耗和二氧化碳排放 / 单位GDP | 能耗、水耗 / 规模以上工业单位增加值 | 能耗、用水量.
PER_UNIT_DENOMINATOR = lazy(
    r"(?:单位|每?万元)(?:地区生产总值|国内生产总值|GDP|(?:规模以上)?工业增加值|增加值|建筑面积|产品|(?:换算|运输)?周转量|产值|"
    r"营业收入|耕地(?:面积)?|(?:土地|用地)(?:面积)?)|人均|亩均"
)
# What such a denominator distributes over: a flow consumed or emitted (二氧化碳排放, 水耗, 用水量), as the
# whole item.  A share, a rate or a total (非化石能源消费比重, 能源消费总量) is not per unit of output, nor is
# the consumption of one fuel (煤炭消费量: a total cut, 煤炭消费量下降12%左右).
PER_UNIT_FLOW = lazy(
    r"(?:二氧化碳|碳|温室气体|主要污染物|污染物)?排放量?|(?:综合)?(?:能源|水资源|水)?消耗量?|"
    r"(?:综合)?能耗|水耗|电耗|煤耗|物耗|(?:新鲜)?用水量?|取水量?|用电量?|用能量?|(?:建设)?用地(?:面积|规模)?"
)
# The flows that, written alone right after a per-unit target, are per the same unit: 单位GDP能耗下降14%、
# 二氧化碳排放下降18% (a total would say 总量).  Not 用水量 or 用地: those are as often capped as totals.
PER_UNIT_SEQUEL = lazy(r"(?:二氧化碳|碳|温室气体)排放量?|水耗|电耗|煤耗|物耗")
# A 、 list whose last item is this much longer than the others is not a parallel list.
PARALLEL_SLACK = 4


@dataclass
class Predicate:
    """What the predicate words between an indicator and its value said."""

    subject: str  # the text before the predicate, not yet cleaned
    words: list[str] = field(default_factory=list)  # stripped, nearest to the value first
    baseline_year: Optional[int] = None

    @property
    def comparator(self) -> Optional[str]:
        return next((COMPARATOR_BEFORE[w] for w in self.words if w in COMPARATOR_BEFORE), None)

    @property
    def direction(self) -> Optional[str]:
        return direction_of(self.words)

    @property
    def modality(self) -> Optional[str]:
        return next((w for w in self.words if w in MODALITIES), None)

    @property
    def respectively(self) -> bool:
        return "分别" in self.words

    @property
    def distributive(self) -> bool:
        """分别 / 均 / 都 / 各: the value holds for each item of the list, not for their sum."""
        return any(w in ("分别", "均", "都", "各") for w in self.words)


def direction_of(words: list[str]) -> Optional[str]:
    """down / up: the first word that starts with a verb of a change says which (Predicate.direction)."""
    for w in words:
        if w.startswith(DOWN_VERBS):
            return "down"
        if w.startswith(UP_VERBS):
            return "up"
    return None


def baseline_year(m: regex.Match[str]) -> int:
    """The year a BASELINE match names: 比2020年 -> 2020; 较“十三五”末 -> 2020 (the n-th plan ends in 1955 + 5n)."""
    year = m.group("y")
    return year_value(year) if year else 1955 + 5 * (cn_numeral("十" + m.group("p")) or 0)


def year_value(s: str) -> int:
    # cn_numeral imported at the top (quantities never imports this module): an import inside the
    # function cost 2.2 of its 2.5 µs, once per year read.
    return int(s) if s.isdigit() else (cn_numeral(s) or 0)


def analyse_predicate(text: str) -> Predicate:
    """Peel predicate, time and baseline words off the end of ``text``."""
    subject, words, baseline_year = _analysed_predicate(text)
    return Predicate(subject, list(words), baseline_year)  # a new one each time: callers change theirs


# The text before a value is often read twice in a row (the share rule, then the target rule, read
# the same stretch before a percentage): the last few readings are kept (immutable) and copied out.
RECENT_READINGS = 64


@lru_cache(maxsize=RECENT_READINGS)
def _analysed_predicate(text: str) -> tuple[str, tuple[str, ...], Optional[int]]:
    pred = _analyse_predicate(text)
    return pred.subject, tuple(pred.words), pred.baseline_year


def _analyse_predicate(text: str) -> Predicate:
    if text.endswith(("的", "的\n")) and ("年" in text or "五" in text):  # BASE_OF ends with 的 and has one of them
        base = BASE_OF.search(text)
        if base is not None and base.start() > 0:
            # 新能源装机规模达到2020年的3倍 -> 新能源装机规模 | 达到 | 3倍, based on 2020
            pred = analyse_predicate(text[: base.start()])
            if base.group("verb"):
                pred.words.append(base.group("verb"))
            if pred.baseline_year is None:
                pred.baseline_year = baseline_year(base)
            return pred
    share = SHARE_OF.search(text) if text.endswith(("的", "的\n")) else None  # SHARE_OF ends with 的
    if share and share.start() > 0:
        # 新能源汽车新车销售量达到汽车新车销售总量的20% -> 新能源汽车新车销售量占汽车新车销售总量
        verb = share.group("verb")
        pred = analyse_predicate(text[: share.start()] + (verb if verb != "占" else ""))
        pred.subject += "占" + share.group("ref")
        return pred
    pred = Predicate(subject=text)
    changed = True
    while changed and pred.subject:
        changed = False
        # A predicate word ends the text: only its last PREDICATE_END_SPAN characters (and a line
        # break, where $ also matches) can hold the match, so the search starts there.
        # (and only when the text ends with a character a match can end with: about half the searches)
        last = pred.subject[-1]
        m = PREDICATE_END.search(pred.subject, max(0, len(pred.subject) - PREDICATE_END_SPAN - 1)) if (
            last in PREDICATE_END_LAST or (last == "\n" and pred.subject[-2:-1] in PREDICATE_END_LAST)) else None
        if m:
            pred.words.append(m.group("w"))
            pred.subject = pred.subject[: m.start()]
            changed = True
            continue
        # A baseline or time phrase that ends the text ends with the text's last character: the
        # text is scanned for one only when that character can end one (and 年 / 五 is in it).
        subject = pred.subject
        last = subject[-1]
        tail = (_match_at_end(BASELINE, subject)
                if last in BASELINE_LAST and ("年" in subject or "五" in subject) and may_hold_baseline(subject) else None)
        if tail is not None:
            if pred.baseline_year is None:
                pred.baseline_year = baseline_year(tail)
            pred.subject = subject[: tail.start()]
            changed = True
            continue
        tail = _match_at_end(TIME_PHRASE, subject) if last in TIME_PHRASE_LAST and ("年" in subject or "五" in subject) else None
        if tail is not None:
            pred.subject = subject[: tail.start()]
            changed = True
            continue
        if subject.endswith(RELATIVE_BASELINES):
            # PM2.5平均浓度同比 | 下降2%: against the same period before, no year named
            pred.subject = subject[: -next(len(b) for b in RELATIVE_BASELINES if subject.endswith(b))]
            changed = True
    return pred


def _match_at_end(pattern: regex.Pattern[str], text: str) -> Optional[regex.Match[str]]:
    found = None
    for m in pattern.finditer(text):
        if m.end() == len(text) and m.end() > m.start():
            found = m
    return found


def clean_subject(text: str) -> tuple[str, list[str]]:
    """Strip framing (time phrases, 全市, 推动, 力争 …) from the start; return (subject, framing words)."""
    subject, words = _cleaned_subject(text)
    return subject, list(words)


@lru_cache(maxsize=RECENT_READINGS)
def _cleaned_subject(text: str) -> tuple[str, tuple[str, ...]]:
    """``clean_subject``, memoised for the last few texts like ``_analysed_predicate``."""
    subject, words = _clean_subject(text)
    return subject, tuple(words)


def _clean_subject(text: str) -> tuple[str, list[str]]:
    words: list[str] = []
    if ("年" in text or "五" in text) and may_hold_baseline(text):  # every BASELINE has 年 or 五
        text = BASELINE.sub("", text)
    changed = True
    while changed and text:
        changed = False
        if text[0] in ITEM_MARK_FIRST and (mark := ITEM_MARK.match(text)) is not None:
            text = text[mark.end():]
            changed = True
            continue
        for pattern in (LEAD_FRAME, TIME_PHRASE):
            if pattern is TIME_PHRASE and "年" not in text and "五" not in text:
                continue  # every TIME_PHRASE has one of them
            m = pattern.match(text)
            if m and m.end() > 0:
                if not PUNCTUATION_ONLY.fullmatch(m.group(0)):
                    words.append(m.group(0))
                text = text[m.end():]
                changed = True
    if "  " in text:  # a table row's cell gap (two spaces) is one space in an indicator
        text = " ".join(text.split())
    return _unquote(text.strip()), words


def strip_action(text: str) -> tuple[str, list[str]]:
    """建设充电基础设施 -> 充电基础设施: drop the verbs of an object form."""
    words: list[str] = []
    while text and (m := ACTION_LEAD.match(text)):
        words.append(m.group(0))
        text = text[m.end():]
    return _unquote(text), words


def strip_padding(text: str) -> tuple[str, list[str]]:
    """塑料袋使用比例每年 -> (塑料袋使用比例, [每年]): padding words left at the end of an indicator."""
    words: list[str] = []
    while text and text[-1] in TRAILING_PADDING_LAST and (m := TRAILING_PADDING.search(text)) and m.start() > 0:
        words.append(m.group(0))
        text = text[: m.start()]
    return text, words


def counted_noun(post: str) -> tuple[str, int]:
    """The noun after a count (1个近零碳园区、…) and how many characters it took.

    A list of qualities closed by 的 describes the noun after it: 100家左右积极性高、社会影响大的企业开展… -> 企业开展…
    """
    described = DESCRIBED_NOUN.match(post)
    if described is not None:
        rest, used = counted_noun(post[described.end():])
        return rest, described.end() + used
    m = COUNTED_NOUN.match(post)
    noun = m.group(0) if m else ""
    stop = NOUN_STOP.search(noun, 1)
    if stop is not None:
        noun = noun[: stop.start()]  # 6条铁路专用线 | 力争2021年底前建成投用
    return _unquote(TRAILING_ACTION.sub("", noun)), len(noun)


def _unquote(text: str) -> str:
    return text.replace("“", "").replace("”", "").replace("‘", "").replace("’", "")


def top_level_split(text: str, separators: str) -> list[str]:
    """Split on separators that are not inside quotes or brackets."""
    shelter = sheltered(text)
    parts, start = [], 0
    for i, ch in enumerate(text):
        if ch in separators and not shelter[i]:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p for p in parts if p]


def split_items(indicator: str, n: Optional[int], *, respectively: bool = False, total: bool = False) -> list[str]:
    """The indicators of a 、 list, the list's shared head appended to the items that lack one.

    With ``n`` (a 分别 list of n values) the split must give n items, splitting on 和/及/与
    too if needed; it returns ``[]`` when it cannot.  Without ``n`` (one value shared by the
    list) it returns ``[indicator]`` unless the items are parallel; ``respectively`` (分别
    with one value: A和B排放总量分别下降10%) lets it split on 和/及/与 as well.  ``total``
    (one absolute quantity, no 分别/均: 绿色食品、有机农产品认证产品达到2450个) is one sum.
    """
    if n is None and total and not respectively:
        return [indicator]
    items = top_level_split(indicator, "、")
    if (n is not None and len(items) < n) or (n is None and respectively and len(items) < 2):
        items = [part for item in items for part in top_level_split(item, "和及与")]
    if len(items) >= 2:
        regional = _regional_items(items)
        if regional is not None and (n is None or len(regional) == n):
            return regional
    if n is not None and len(items) != n:
        return []
    if len(items) < 2:
        return [indicator]
    items = _shared_sector(_shared_denominator(items))
    close = LIST_CLOSE.search(items[-1])
    if close is not None and close.start() > 0:
        # 化学需氧量、…、挥发性有机物等4项主要污染物重点工程减排量 -> the head is the indicator head of the tail
        if n is None and not respectively:
            return [indicator]  # 钢铁、水泥等行业能耗下降5%: one figure for the group
        tail = close.group("tail")
        sector = LIST_SECTOR.match(tail)
        if sector is not None:  # 钢铁、…、乙烯等行业 | 能耗强度 -> 钢铁行业能耗强度
            head = sector.group("sector") + tail[sector.end():]
        else:
            head_m = INDICATOR_HEAD.search(tail)
            head = tail[head_m.start():] if head_m is not None else tail
        if not head:
            return items if n is not None else [indicator]
        return [item + head for item in items[:-1]] + [items[-1][: close.start()] + head]
    own = [INDICATOR_HEAD.search(item) is not None for item in items[:-1]]
    if all(own):
        return items
    head = _shared_head(items)
    if head is None:
        return items if n is not None else [indicator]
    body = items[-1][: len(items[-1]) - len(head)]
    if n is None and not respectively and (COMBINED_HEAD.match(head) or "的" in body):
        # 风电、太阳能发电总装机容量 / 新能源、清洁能源动力的交通工具比例: one figure for the items together
        return [indicator]
    if n is None and len(body) > max(len(i) for i in items[:-1]) + PARALLEL_SLACK:
        return [indicator]  # 各级党政机关、事业单位…纯电动汽车占比 is one indicator
    return [item if has else item + head for item, has in zip(items[:-1], own)] + [items[-1]]


def _shared_sector(items: list[str]) -> list[str]:
    """钢铁行业颗粒物、二氧化硫、氮氧化物有组织排放浓度 / 三大粮食作物化肥、农药利用率: the sector the first item
    starts with is written once for all (钢铁行业二氧化硫…, 三大粮食作物农药利用率), when no other item names one."""
    m = SECTOR_PREFIX.match(items[0])
    if m is None or any(SECTOR_WORD.search(item) or NOT_SECTOR_ITEM.match(item) for item in items[1:]):
        return items
    # the later items are things of the sector, short (电力行业碳排放、交通运输碳排放 lists two sectors)
    last = items[-1]
    head = INDICATOR_HEAD.search(last)
    body = last[: head.start()] if head is not None and head.start() > 0 else last
    if any(len(item) > SECTOR_ITEM_MAX for item in items[1:-1]) or (len(body) > SECTOR_ITEM_MAX and not POLLUTANT.match(last)):
        return items
    return [items[0]] + [m.group("prefix") + item for item in items[1:]]


def _shared_denominator(items: list[str]) -> list[str]:
    """单位地区生产总值能耗、二氧化碳排放 -> 单位地区生产总值能耗, 单位地区生产总值二氧化碳排放.

    The first item's per-unit denominator (and what stands before it: 规模以上工业单位增加值) is
    written once for the flows listed after it; an item with a denominator of its own, or one
    that is not a bare flow (非化石能源消费比重), keeps its own wording.
    """
    first = items[0]
    if "单" not in first and "万" not in first and "均" not in first:
        return items  # every PER_UNIT_DENOMINATOR holds one of these
    m = PER_UNIT_DENOMINATOR.search(first)
    if m is None or m.end() == len(first):
        return items
    prefix = first[: m.end()]
    return [first] + [prefix + item if PER_UNIT_FLOW.fullmatch(item) else item for item in items[1:]]


def _regional_items(items: list[str]) -> Optional[list[str]]:
    """京津冀及周边地区、长三角地区煤炭消费量 -> 京津冀及周边地区煤炭消费量, 长三角地区煤炭消费量."""
    from .regions import scope_pattern

    pattern = scope_pattern()
    if not all(pattern.fullmatch(item) for item in items[:-1]):
        return None
    last = pattern.match(items[-1])
    if last is None or last.end() == len(items[-1]):
        return None
    head = items[-1][last.end():]
    return [item + head for item in items[:-1]] + [items[-1]]


def _shared_head(items: list[str]) -> Optional[str]:
    """The part of the last item that the earlier items leave out.

    化肥、农药利用率 -> 利用率 (a known indicator head); 国家级、市级绿色工厂 -> 绿色工厂
    (the earlier items end where the last item's modifier ends, at 级).
    """
    last = items[-1]
    per_unit = PER_UNIT_HEAD.search(last, 1)
    if per_unit is not None:
        return last[per_unit.start():]  # 营运车辆、营运船舶单位换算周转量碳排放强度
    if all(OBJECT_NOUN_END.search(item) for item in items[:-1]):
        objects = [m for m in OBJECT_NOUN.finditer(last) if 0 < m.end() < len(last)]
        if objects and INDICATOR_HEAD.search(last[objects[-1].end():]):
            return last[objects[-1].end():]  # 新建公共机构建筑、新建厂房 | 屋顶光伏覆盖率
    if all(POLLUTANT_END.search(item) for item in items[:-1]):
        named = list(POLLUTANT.finditer(last))
        if named and 0 < named[-1].end() < len(last):
            return last[named[-1].end():]  # 颗粒物、二氧化硫、氮氧化物 | 有组织排放浓度
    if "中" in last or "领域" in last:  # (every FRAME_IN_LAST match holds one)
        frame = FRAME_IN_LAST.search(last)
        if frame is not None and not any(FRAME_IN_LAST.search(item) for item in items[:-1]):
            return last[frame.start():]  # 城市公交、出租车 | 中新能源车辆占比
    head = INDICATOR_HEAD.search(last)
    ends = {item[-1] for item in items[:-1]}
    after_end = None
    if len(ends) == 1:
        p = last.find(ends.pop())
        if 0 < p < len(last) - 1:
            after_end = last[p + 1:]
    if head is not None and head.start() > 0:
        # 铁路、水路货运量占比: the earlier items end as the last item's first word does (路), so all after it
        # is shared (货运量占比), more than the head noun (占比)
        if (after_end is not None and len(after_end) > len(head.group(0)) and after_end.endswith(head.group(0))
                and "的" not in after_end):
            return after_end
        return head.group(0)
    return after_end
