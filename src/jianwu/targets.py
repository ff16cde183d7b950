"""Quantified targets of each clause (``Clause.targets``), and the numbers that only scope an action.

A clause's text is cut into sentences (。；！？ and paragraph breaks) and each
sentence into segments (，：).  In each segment the numbers with units
(``quantities``) are grouped — values joined only by 、/和/或 form one group,
as in ``分别达到45%、50%`` — and each group is read against the text before it
(``indicators``): the indicator, comparator, direction and modality, the
baseline year of the sentence, and the deadline year in effect (``到2025年``,
``“十四五”期间`` → 2025) carried from sentence to sentence within the clause.

A number is a ``condition`` rather than a target when it only scopes what an
action applies to: it is followed by 的 (``1万吨以上的企业``), or a noun follows
a bound (``3吨以下叉车``) or a physical measure (``35蒸吨/小时以下燃煤锅炉``).
A water or air class reached (``水质稳定达到Ⅳ类``) is ``categorical``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Optional, Sequence

import regex

from .indicators import (
    ACTION_LEAD,
    ACTION_VERBS,
    BASE_POINT,
    BASELINE,
    DOWN_VERBS,
    UP_VERBS,
    COMPARATOR_AFTER,
    COMPARATOR_BEFORE,
    MODALITIES,
    YEAR_NUM,
    BARE_HEAD,
    INDICATOR_HEAD,
    OBJECT_NOUN_END,
    PER_UNIT_DENOMINATOR,
    PER_UNIT_HEAD,
    PER_UNIT_SEQUEL,
    Predicate,
    analyse_predicate,
    clean_subject,
    counted_noun,
    direction_of,
    may_hold_baseline,
    split_items,
    strip_action,
    strip_padding,
    top_level_split,
    baseline_year,
    year_value,
)
from .indicator_table import mask_tables, row_targets, table_years
from .model import Clause, NormalizedText, Target, Warning_
from .numbering import cn_to_int
from .patterns import lazy
from .quantities import Quantity, find_quantities, maybe_number_class, sheltered
from .regions import scope_prefix
from .std_patterns import compile_std

# Where a sentence may end: 。；！？ always; a line break only after a terminator or a heading line.
# (Plain characters, one each: the standard re finds them faster than regex does, at the same places.)
SENTENCE_END = compile_std(r"[。；;！？!?\n]")
# SENTENCE_END but the line break: each of these always ends a sentence.
TERMINATOR = compile_std(r"[。；;！？!?]")
# TERMINATOR's commonest characters, and the rest: a text holding none of the rest is cut at each 。 and ；
# by ``str.split`` (``_terminator_split``), a third quicker than the standard re's class scan.
COMMON_TERMINATORS = ("。", "；")
RARE_TERMINATORS = (";", "！", "？", "!", "?")
# A line break ends a sentence after these (a closing bracket ends a responsibility note).
BREAK_AFTER = set("。；;！？!?：:）)")
# A short line with none of these is a heading (主要目标), not part of the sentence that follows it.
PROSE = lazy(r"[，。、；：！？,;:]")
MAX_HEADING = 20
# A box's title is a heading whatever its length: 专栏1 “十四五”各地级以上市能耗强度降低目标 (not the start of its first line).
BOX_TITLE = "专栏"
# A line with this many spaces and no prose punctuation is a table's row or header: a line break ends it.
MIN_CELL_GAPS = 2
# What a target or a deadline needs: a number, a year or a period (digits or numerals: quantities,
# YEAR, PERIOD) or a class (CATEGORY: 类, or 一级 with its 一).  A sentence without any of these
# characters has no target and changes no deadline (推进绿色低碳发展), nine sentences in ten; a clause
# without them has no such sentence (a sentence is made of the clause's characters).
# 百 too: 百分之百 has no other numeral.
MAY_HOLD_TARGET = compile_std(maybe_number_class("类百"))
# Segment breaks inside a sentence.
SEGMENT_BREAK = compile_std(r"[，,：:]")  # plain characters: re (see SENTENCE_END)
# After a value, a word that is no noun it scopes: 稳定在2亿吨水平 / 的水平.
LEVEL_WORDS = ("水平", "的水平", "左右水平", "之间", "区间")
# A conjunction before a second target of the same indicator: 或比2020年提高 / 并力争 / 且不低于.
OR_ANOTHER_WAY = lazy(r"(?:或|并|且)(?:比|较|与|提高|提升|增加|下降|降低|减少|达到|力争|确保|争取|实现|不低于|不高于|不超过|保持|稳定)")
# A measure inside an indicator's name: 公园绿地500米 | 服务半径覆盖率 | 达到 | 95% (a rate head, then the verb of the
# next value, within NAME_VERB_SPAN characters of it).
IN_NAME_AFTER = lazy(r"\p{Han}{1,10}?(?:率|比例|比重|占比)(?:达到|达|提高到|提高|提升到|提升|保持在|保持|稳定在|不低于|超过|控制在)")
NAME_VERB_SPAN = 2
# A segment ending in 中 frames the shares after it (_Frame.among), unless it is an action or a time: 推进中 / 实施过程中.
MAX_AMONG = 40
MAX_LABEL = 30  # the longest label before a colon read as an indicator (_Frame.label)
AMONG_NOT = lazy(r"(?:过程|工作|实施|建设|推进|发展|期间|其)中$|^在")
# The longest bare entity read as the subject of the previous per-unit measure (_with_measure_of): 营运船舶.
SHORT_ENTITY = 6
# The measure a 其中 list's head names and its items leave out (…装机容量达到5000万千瓦，其中光伏发电3000万千瓦):
# what the head counts, at its end.
SUBSET_MEASURE = lazy(r"(?:保有量|装机容量|装机规模|装机|销售量|销量|产量|产能|规模|面积|总量|容量|消费量|排放量|利用量|处理能力|里程)$")
# How far before a value's segment a 其中 may stand (the items of its list follow it closely).
SUBSET_LOOKBACK = 40
# A responsibility note closing the sentence: …稳定保持100%（生态环境局…按职责分工负责）
DEPT_NOTE = lazy(r"\s*（[^（）]*(?:负责|牵头|配合)[^（）]*）?\s*$")
# A year that may be a deadline: 2025年 (not a date 2023年3月1日).
YEAR = lazy(rf"(?P<y>{YEAR_NUM})年(?!\d{{1,2}}月|[一二三四五六七八九十]{{1,2}}月)")
# A start, not a deadline: 自2023年起 / 2021年以来 (the words right before and, matched at the
# year's end, right after it).
YEAR_START_BEFORE = ("自", "从", "由")  # 由2020年的15.9%提高到20%: the year of a base value (FROM_BASE)
YEAR_START_AFTER = lazy(r"起|以来|开始|以后")
# A year whose value a target is a multiple or share of (indicators.BASE_OF): 达到2020年的3倍 / 是2020年的两倍.
BASE_OF_VALUE = lazy(rf"(?:{YEAR_NUM})年(?:底|末)?(?:水平)?的(?=(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)倍)")
# A five-year plan period as a deadline: “十四五”期间 / 十四五末 / “十五五”时期.
PERIOD = lazy(r"“?十(?P<n>[一二三四五六七八九])五”?(?:规划)?(?:期间|时期|末|内)")
# A number reported as done or as the current state, not committed: 已建成 / 下降了 / 超额完成 / 目前.
ACHIEVED = lazy(
    r"已经|已(?=建成|完成|达|实现|下降|降低|提高|提升|增长|累计|有)|超额完成|(?<=[成到降低高升长加少])了|现有|目前|现状|当前"
)
# Since a past point, up to now, also a report: 2021年以来 / “十三五”以来 / 党的十八大以来 / 近年来 (substring tests).
SINCE_WORDS = ("以来", "年来")
# Said after the number, these still mark it as a result: 累计下降19.4%，超额完成目标任务
ACHIEVED_AFTER = lazy(r"超额完成|圆满完成|如期完成|顺利完成|均已完成")
# Every ACHIEVED match holds one of these characters (已经, 已建成, 超额完成, 了, 现有, 目前, 当前), every ACHIEVED_AFTER
# match holds 完成: substring tests before the searches, which try each alternative at every character.
ACHIEVED_CHARS = "已了现目当超"
ACHIEVED_AFTER_WORD = "完成"
# Values joined into one group: 45%、50% / 200户或500人以上.
JOINER = lazy(r"^(?:、|和|及|与|或|以及)$")
# A class reached: 水质稳定达到Ⅳ类 / 达到或好于Ⅲ类 / 出水达到一级A标准.
CATEGORY = lazy(
    r"(?<=达到|达|优于|好于|保持|稳定在|保持在|为)(?P<value>(?:Ⅲ|Ⅱ|Ⅰ|Ⅳ|Ⅴ|III|II|IV|V|I|[一二三四五])类|一级[AB])"
    r"(?P<suffix>及以上|或以上|以上)?"
    # not a class that names what a share counts: 达到或优于Ⅲ类 | 水质比例达到95% (the share is the target)
    r"(?!\p{Han}{0,6}(?:比例|比率|占比|比重))"
)
CLASS_BEFORE = 3  # the longest class before its 类 in CATEGORY: III
HAN = lazy(r"\p{Han}")
# A value without a unit that is still a target: a coefficient or index reached (农田灌溉水有效利用系数提高到0.58 /
# 数据中心电能利用效率（PUE）降至1.3以下 / 生态环境状况指数保持在60以上).  A bare number is otherwise a year, a 文号
# or a clause number, never a quantity: it is read only after such a head in its phrase (UNITLESS_HEAD, no ，。；
# between), right after a predicate word (UNITLESS_VERB) or a base (FROM_BASE), and with nothing but a bound
# before the end of its phrase or the verb of a change (UNITLESS_AFTER).
UNITLESS_HEAD = lazy(r"系数|指数|PUE|能效比")
# The literals of UNITLESS_HEAD, tested one by one (substring tests, no generator) before it is searched.
UNITLESS_HEADS = ("系数", "指数", "PUE", "能效比")
UNITLESS_SPAN = 30  # how far after its head a unitless value is looked for
PHRASE_END = compile_std(r"[，。；,;：:]")
BARE_NUMBER = lazy(r"(?<![\d.A-Za-z])\d+(?:\.\d+)?(?![\d.])")
UNITLESS_VERB = lazy(
    r"(?:(?:提高|提升|增加|增长|上升|下降|降低|减少|降|达|稳定|保持|控制|维持)(?:到|至|在)?|达到|不低于|不高于|不超过|不大于|不小于|"
    r"低于|高于|超过|小于|大于|为)$"
)
UNITLESS_AFTER = lazy(
    r"(?P<suffix>及以上|或以上|以上|及以下|或以下|以下|以内|左右)?"
    r"(?=[，。；、,;）)]|$|和|或|(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|降)(?:到|至))"
)
# The noun a condition scopes: 的垃圾焚烧厂 | 和… ; 以上的企业 | 、工业园区
CONDITION_NOUN = lazy(r"的?(?P<noun>[^，。；、,;（\n\d和及与或]*)")
# Where a condition's noun stops: 燃煤锅炉 | 实施超低排放改造 / 燃煤锅炉 | 全部淘汰
CONDITION_NOUN_END = lazy(r"实施|开展|采用|进行|完成|配套|建设|改造|替代|淘汰|纳入|执行|全部|基本|全面|逐步|加快")
# A measured attribute that a condition bounds: 年产废量1万吨以上的企业 / 常住人口200户或500人以上的
ATTRIBUTE_END = lazy(r"(?:量|浓度|人口|规模|容量|功率|吨位|能力|产能|能耗|用能|用水|用电|面积|长度|车龄|年限|强度)$")
BOUNDS = {"以上", "及以上", "或以上", "以下", "及以下", "或以下", "以内", "之内", "范围内"}
# A price or tariff rule, not a target: 不受上浮20%限制 / 电价上浮不超过10% / 下浮幅度15%.
PRICE_BEFORE = lazy(r"(?:上浮|下浮|浮动|上调|下调)[^，。；：\d%]{0,8}$")
PRICE_AFTER = lazy(r"^(?:的)?(?:限制|浮动|上浮|下浮)")
PRICE_AFTER_SPAN = 3  # the longest match of PRICE_AFTER: 的上浮 (test_facts_speedups checks it)
# A box's title naming the indicator of each place listed in it: 专栏1 “十四五”各地级以上市能耗强度降低目标 / 专栏2 各市州
# 单位地区生产总值二氧化碳排放下降指标分解表 (the places, the plan's period and the table words left out).
BOX_INDICATOR = lazy(
    r"^专栏\s*[\d一二三四五六七八九十]*\s*(?:“[^”]{1,8}”|\p{Han}{0,2}“[^”]{1,8}”)?"
    r"(?:各(?:地级以上市|地级市|设区市|市州|市（州）|盟市|县（市、区）|县市区|县区|区县|市|县|区))?"
    r"(?P<ind>\p{Han}[^，。；：\s]*?)(?P<change>降低|下降|提高|提升|增长|减少)?(?:目标|任务|指标)?(?:分解表|分解|表)?$"
)
# Units of an extent that a verb right before makes what is built or done, the noun after it what is counted:
# 累计建成10.75亿亩高标准农田 / 推广500万平方米超低能耗建筑 (a capacity, 35蒸吨/小时燃煤锅炉, scopes the noun: a condition).
EXTENT_UNITS = frozenset(("亩", "公顷", "平方米", "平方公里", "公里"))
# A joiner alone before a value: 完成20万亩节水增粮增效项目和 | 5.9万亩…试点 (the verb's next item).
ITEM_JOINERS = frozenset(("和", "及", "与", "以及", "、"))
# The unit a value is per, written before it: 城市建成区平均人口密度不低于每平方公里 | 1万人 (1万 人/平方公里).
PER_BEFORE = lazy(r"每(?P<den>平方公里|平方米|公顷|亩|万人|千人|百人|万元|户|人)$")
PER_BEFORE_SPAN = 5  # the longest PER_BEFORE: 每平方公里
# A value that only names a target, in a pretext or in what a subject is (no commitment): 不得以下降30%为由关停企业 /
# 未完成年度能耗下降3%目标的区县 (not 完成下降3%的目标: the target itself, its value followed by 的目标).
NAMED_AFTER = lazy(r"(?:左右|以上)?(?:的)?(?:目标|任务|指标)?(?:为由|为借口|为名)|(?:左右|以上)?(?:目标|任务|目标任务)的")
NAMED_AFTER_SPAN = 10  # the longest NAMED_AFTER: 以上的目标为借口
# Money or a share granted, not an outcome to reach (a support rule, like a price rule): 按照投资额的10%给予补助 /
# 最高不超过500万元 / 单个项目最高补助200万元 / 省财政安排专项资金5亿元.  A money target (绿色信贷余额达到5000亿元,
# 营业收入达到1000亿元) names what is reached, not what is given.
# Before a sum of money, in its segment: a grant word, a fund of the budget, money allotted, a cap (最高).
# 下达 alone is no grant: 完成省下达的投资任务100亿元 is a target.
GRANT_BEFORE = lazy(
    r"补助|补贴|奖励|奖补|资助|贴息|(?:专项|引导|扶持|补助|奖补|财政|预算内)(?:资金|经费)|安排|"
    r"(?:下达|拨付|统筹|筹措|整合)[^，。；：\d]{0,8}?(?:资金|经费)|最高"
)
# Right before a share, the grant and its terms: 补助比例不超过30% / 补贴标准为总投资的30% (not 补贴资金使用率达到95%).
GRANT_SHARE_BEFORE = lazy(
    r"(?:补助|补贴|奖励|奖补|资助|贴息)(?:比例|标准)?(?:原则上|最高|为|按|按照|不超过|不高于)*"
    r"(?:项目|设备|实际)?(?:投资额|总投资|投资|贷款额?|费用)?的?$"
)
# Right after either: 给予50万元奖励 / 的10%给予补助 / 30%的贴息.
GRANT_AFTER = lazy(r"的?(?:一次性)?(?:给予|予以)?(?:一次性)?(?:补助|补贴|奖励|奖补|资助|贴息)")
# The cost of a project described, not an amount to reach: 项目总投资约120亿元 / 总投资（亿元） (完成投资100亿元 is a target).
INVESTMENT_BEFORE = lazy(r"(?:总投资|投资总额|总投资额|估算投资|投资估算|概算投资)(?:约|为|达|共计|合计)?$")
PENALTY_SPAN = 12  # how far from a sum of money 罚 (罚款, 罚金, 处罚) makes it a penalty
INVESTMENT_SPAN = 7  # the longest INVESTMENT_BEFORE: 总投资额共计
GRANT_AFTER_SPAN = 10  # the longest GRANT_AFTER: 的一次性给予一次性补助
GRANT_SHARE_SPAN = 20  # how far before a share GRANT_SHARE_BEFORE is looked for (补助比例原则上最高不超过项目总投资的)
# A sentence without any of these characters has no grant (every GRANT_* match holds one); one scan of the
# standard re tells.
GRANT_CHARS = "补奖贴资助最安费罚"  # 罚: a penalty (PENALTY_SPAN)
MAY_HOLD_GRANT = compile_std(f"[{GRANT_CHARS}]")
# Every GRANT_SHARE_BEFORE and GRANT_AFTER match holds one of these (补助 补贴 奖励 奖补 资助 贴息).
GRANT_WORD_CHAR = compile_std("[补奖贴资]")
# The count that closes a list of named items: 化学需氧量、氨氮…等4项主要污染物 (the list's length).
LIST_COUNT_BEFORE = lazy(r"等$")
# Who a share applies to: 90%的省级、85%的市级和65%的县级党政机关达到创建标准 / 75%以上县级及以上党政机关建成节约型机关.
# The group ends at the verb of the share's action.
SHARE_VERB = lazy(r"达到|建成|创建|完成|实现|开展|通过|具备|满足|纳入|执行|采用|使用|落实|实行|建立|参与|接入|配备|安装")
# Between two shares of one list: 90%的省级、85% (the group of the first, then a joiner).
SHARE_JOINER = lazy(r"的?[^，。；\d%]{1,12}?(?:、|和|及|与)")
# A group of a share ends before these: 65%的县级党政机关 | 达到 has none, 75%，… does.
GROUP_BREAK = lazy(r"[，。；\d]")
# A class reached or bettered: 达到或好于Ⅲ类 (the words right before the class).
BETTER_BEFORE = ("优于", "好于")
# A level of government at the start of a group: 县级及以上党政机关 (scope) -> 党政机关 (what is counted).
LEVEL_GROUP = lazy(r"^(?:国家|省|市|县|区|乡镇|乡|镇|地|村)级(?:及以上|以上|及以下)?")
# Years of a 分别 list: 2025年和2030年，…占比分别提升至12%、18%以上 -> one year per value.
YEAR_LIST = lazy(rf"(?:{YEAR_NUM})年(?:底|末)?(?:(?:、|和|及|与|以及|至|到|、到)(?:{YEAR_NUM})年(?:底|末)?)+")
YEAR_IN_LIST = lazy(rf"(?P<y>{YEAR_NUM})年")
# Words that make a value a change per year or a change over the period (Target.basis).
# A count after named examples: 防城港、贵港、梧州等5个国家资源综合利用基地 / 三亚、儋州等市县6座…设施 /
# 河北太行钢铁集团等6条铁路专用线.
EXAMPLES_BEFORE = lazy(r"\p{Han}{2}[^，。；]{0,40}?等\p{Han}{0,3}$")
# A count after a preposition refers to things, it does not commit to them: 对16个州（市）的 / 围绕城市体检8个方面.
PREPOSITION_BEFORE = lazy(r"(?:对|向|与|给|把|围绕|按照|根据|针对|关于|涉及|覆盖)[^，。；]{0,8}$")
# 甲市、乙市分别新增公共充电桩2000个、1500个: a list of who, 分别, then the verb that acts on the indicator.
INNER_RESPECTIVELY = lazy(rf"(?<=\p{{Han}})(?:分别|均|各)(?=(?:{ACTION_VERBS}))")
RESPECTIVELY_WORDS = ("分别", "均", "各")  # INNER_RESPECTIVELY's words: substring tests before its search
# A place named as a list item: 甲市 / 乙县 / 丙区 (scope of its row).
PLACE_ITEM = lazy(r"^\p{Han}{1,7}(?:省|市|县|区|州|盟|旗|自治区|新区)$")
# A list of places before the indicator they share: 拉萨市、日喀则市、那曲市 | PM2.5浓度分别控制在… (the last place
# written with its suffix, PLACE_IN_LAST) / 长沙、株洲、湘潭 | 三市 | 城镇新建建筑中绿色建筑面积占比 (PLACES_COUNTED).
PLACE_IN_LAST = lazy(r"^\p{Han}{1,7}?(?:省|市|县|区|州|盟|旗|自治区|新区)(?=[\p{Han}A-Za-z])")
PLACES_COUNTED = lazy(
    r"^(?P<name>\p{Han}{2,4}?)(?:[两二三四五六七八九十]|\d{1,2})个?(?:市州|县市区|县区|区县|地市|市|县|区|州|盟|旗)(?P<head>\p{Han}.*)$"
)
BARE_PLACE = lazy(r"^\p{Han}{2,4}$")
BARE_PLACE_MAX = 4  # the longest BARE_PLACE
# Words ending like a place that are none: 工业园区, 城市, 中心城区, 建成区, 示范区.
NOT_PLACE = lazy(r"(?:园|社|小|景|矿|库|片|辖|街|校|厂|服务|试验|集聚|功能|保护|示范|开发|中心城|主城|建成)区$|城市$|^各")
# The last characters of a place (PLACE_ITEM) or a region of the table (地区, 平原, 经济圈, 经济带, 流域, 城市群, 三角洲,
# 大湾区, 京津冀, 东北, 成渝, 京津冀及周边; test_targets checks the table).
PLACE_LAST = frozenset("省市县区州盟旗原圈带域群洲角湾冀北渝边")
PLACE_SPAN = 9  # the longest place name PLACE_ITEM takes, and its suffix
# Where a share's action ends: 党政机关达到创建标准，… / …建成节约型机关并…
TRAILING_ACTION_END = lazy(r"[，。；：,;:]|并|和(?=[^，。；]*(?:达到|建成))")
# A change from a base value to the target: 由2020年的15.9%提高到20% / 从56%下降至52% / 由“十三五”末的X增加到Y.
# FROM_BASE ends right before the base value (searched in its last FROM_BASE_SPAN characters); CHANGE_TO is
# all that stands between the base value and the target (提高到 / 下降至2025年的).
FROM_BASE = lazy(rf"(?:由|从)(?:{BASE_POINT}|目前|现在|当前|现状|基期)?的?$")
FROM_BASE_SPAN = 10  # 由“十三五”期末的 / 由2020年底的 and a character to spare
CHANGE_TO = lazy(
    rf"(?P<verb>(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|削减|压减|压降|降)(?:到|至))(?:(?:{YEAR_NUM})年(?:底|末)?的?)?"
)
CHANGE_TO_SPAN = 12  # the longest CHANGE_TO: 提高到2025年底的
# The next value of a 分别 list said with a verb of its own: PM2.5浓度和优良天数比率分别下降到33微克/立方米 | 、提高到 | 82%
# (each value with its own verb, the list's items in order).
NEXT_VERB_VALUE = lazy(r"[、和及与]\s*(?:(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|削减|压减|控制|稳定|保持|降|达)(?:到|至|在)?|达到|不低于|不高于|不超过|超过|低于)")
# Heads that are a rate of change (a bare one takes the previous indicator: _with_subject); with 年均 a rate per year.
CHANGE_RATE_HEADS = ("增速", "增长率", "增幅", "降幅")
ANNUAL_RATE_HEADS = tuple(w + h for w in ("年均", "年平均") for h in CHANGE_RATE_HEADS)
ANNUAL_WORDS = ("年均", "每年", "平均每年", "年平均", "逐年", "每年度")
CUMULATIVE_HEADS = lazy(r"(?:减排量|新增量|累计量)$|^新增")


NO_ITEM = 1 << 30  # past the end of any sentence: where the first item of a sentence without one is


@dataclass(frozen=True)
class _Time:
    """A deadline: a year, or a period (“十四五”期间), or none."""

    year: Optional[int] = None
    period: Optional[str] = None


# No deadline.  One shared instance (frozen, compared by value): a clause or condition without a
# deadline does not make its own (803 clauses over data/raw made one each).
NO_TIME = _Time()


@dataclass
class _Sentence:
    """A sentence of a clause as the target rules read it, with the deadline in effect along it."""

    text: str  # the sentence, line breaks left inside it by a PDF wrap removed
    offsets: Sequence[int]  # absolute offset in the normalised text of each character of ``text`` (a range when contiguous)
    events: list[tuple[int, _Time]]  # deadline mentions, by position in the sentence
    carried: _Time  # deadline in effect when the sentence begins
    # 由2020年的15.9%提高到20%: the change that leads to a target value, by the value's start (see _changes)
    changes: dict[int, "_Change"] = field(default_factory=dict)

    def span(self, start: int = 0, end: Optional[int] = None) -> tuple[int, int]:
        """Absolute span of text[start:end]."""
        end = len(self.text) if end is None else end
        return self.offsets[start], self.offsets[end - 1] + 1


def sentences(text: str, offset: int = 0, only: Optional[re.Pattern[str]] = None) -> list[tuple[str, Sequence[int]]]:
    """Sentences of a clause text with the absolute offset of each character.

    Normalisation rejoins most wrapped lines, but a PDF page break can still leave
    one inside a sentence (分别达到2133.\n3吨): a line break ends a sentence only
    after a terminator or a heading line, and is dropped from the sentence otherwise.
    The end of the clause ends its last sentence, written with a terminator or not
    (a list item 森林覆盖率达到60%, a line of a table).

    With ``only`` (a pattern of one character), the sentences whose stretch of ``text`` holds no
    match of it are left out unmade: the others are the same sentences at the same places.
    """
    out: list[tuple[str, Sequence[int]]] = []
    # With ``only``: where its next match is, at or after the sentence being cut (the search goes on
    # from a sentence that holds one, and a sentence before the next match is left out unsearched: one
    # scan over the clause's characters in all).
    wanted = len(text) + 1
    if only is not None:
        first = only.search(text)
        if first is None:
            return out  # one scan for a clause with nothing wanted (a third of them)
        wanted = first.start()
        if "\n" not in text:
            return _unbroken_sentences(text, offset, only, wanted)
    start = line_start = 0
    padded = text + "\n"
    for m in SENTENCE_END.finditer(padded):
        end = m.start()  # every end is one character: the next sentence starts at end + 1
        if padded[end] == "\n":
            before = text[start:end].rstrip()
            line = text[line_start:end].strip()
            line_start = end + 1
            heading = (len(line) <= MAX_HEADING and not PROSE.search(line) and not line[-1:].isdigit()) or line.startswith(BOX_TITLE)
            if (before and before[-1] not in BREAK_AFTER and not heading and end < len(text)
                    # a table's line (cells: 序号 项目名称 建设内容 总投资（亿元）) ends there, as a row does
                    and not (line.count(" ") >= MIN_CELL_GAPS and not PROSE.search(line))):
                continue  # a soft break inside the sentence (the clause's end always ends one)
        if only is not None:
            if wanted < start:  # the match was in the sentence before (or on its end): the next one
                m = only.search(text, start)
                wanted = m.start() if m is not None else len(text) + 1
            if wanted >= end:
                start = end + 1
                continue  # nothing wanted in text[start:end]: not made
        _make_sentence(text[start:end], offset + start, out)
        start = end + 1
    return out


def _make_sentence(piece: str, at: int, out: list[tuple[str, Sequence[int]]]) -> None:
    """Append the sentence ``piece`` (found at absolute offset ``at``) to ``out``, unless it is empty."""
    if "\n" in piece:  # soft breaks: the sentence without them, each character at its place
        positions: Sequence[int] = [i for i, ch in enumerate(piece, at) if ch != "\n"]
        joined = piece.replace("\n", "")
    else:
        positions, joined = range(at, at + len(piece)), piece
    body = DEPT_NOTE.sub("", joined) if "（" in joined else joined  # DEPT_NOTE needs a （
    stripped = body.lstrip()
    lead = len(body) - len(stripped)
    body = stripped.rstrip()
    if body:
        out.append((body, positions[lead:lead + len(body)]))  # a range stays a range: O(1)


def _unbroken_sentences(text: str, offset: int, only: re.Pattern[str], wanted: int) -> list[tuple[str, Sequence[int]]]:
    """``sentences`` of a text without a line break (most clauses): every terminator ends a sentence, so
    one ``split`` in C cuts them all (no match object per end), and only the pieces holding a match of
    ``only`` (one character; ``wanted``: where its first match is) are made.

    A piece holds a match when the next match after the pieces before it lies inside it: ``only`` is
    searched again only after a piece that holds one, from its end, so the pieces before the next match
    are passed over unsearched and each character is scanned once.  The end of the text ends the last
    piece, as in ``sentences``.
    """
    out: list[tuple[str, Sequence[int]]] = []
    start = 0
    for piece in _terminator_split(text):
        end = start + len(piece)
        if wanted < start:  # a match on the terminator before this piece (in no piece): the next one
            m = only.search(text, start)
            if m is None:
                break
            wanted = m.start()
        if wanted < end:
            _make_sentence(piece, offset + start, out)
            m = only.search(text, end + 1)
            if m is None:
                break  # nothing wanted after this piece
            wanted = m.start()
        start = end + 1
    return out


def _terminator_split(text: str) -> list[str]:
    """``TERMINATOR.split(text)``: the pieces between its characters, each one character wide.  With only 。
    and ； in the text (substring tests), the ； turned into 。 and ``str.split`` on 。 cut at the same places."""
    for ch in RARE_TERMINATORS:
        if ch in text:
            return TERMINATOR.split(text)
    return (text.replace("；", "。") if "；" in text else text).split("。")


def assign_targets(clauses: list[Clause], normalized: NormalizedText, issued: Optional[int] = None) -> list[Warning_]:
    """Set ``clause.targets`` on every clause; return warnings (分别 count mismatches).

    ``issued``: the year of the document's date, if known.  A value of an earlier year is a result the plan
    reports (2020年，全市PM2.5浓度为50微克/立方米 / 截至2020年底，森林覆盖率达到27.3% in a plan of 2022), not a
    target: it is left out.
    """
    warnings: list[Warning_] = []
    final: dict[str, _Time] = {}
    keys = [c.key for c in clauses]  # each clause's key made once (the property joins its path each time)
    by_key = dict(zip(keys, clauses))
    for clause, key in zip(clauses, keys):
        parent_key = "/".join(clause.path[:-1]) if len(clause.path) > 1 else None
        parent = by_key.get(parent_key) if parent_key is not None else None
        # A parent that ends with a colon introduces its children: 到2025年，主要目标是：
        time = final.get(parent_key, NO_TIME) if parent and parent.text.rstrip().endswith(("：", ":")) else NO_TIME
        clause.targets = []
        # The rows of a table of main indicators hold targets, and no sentence (indicator_table).
        own_text, table_targets = mask_tables(clause.text, clause.text_offset) if "指标" in clause.text else (clause.text, [])
        if clause.style == "row" and parent is not None and not table_targets:
            row = row_targets(clause.text, clause.text_offset, table_years(parent.text))
            if row is not None:  # a row of an indicator table, its values under the header's years
                own_text, table_targets = " " * len(clause.text), row
        # Only the sentences that may hold a target or a deadline are made: the others have neither.
        for text, offsets in sentences(own_text, clause.text_offset, only=MAY_HOLD_TARGET):
            events = _time_events(text)
            items = _sentence_items(text)
            if items is not None:  # the _Sentence is made only for the sentences with an item (one in five)
                sentence = _Sentence(text, offsets, events, time)
                clause.targets.extend(_sentence_targets(sentence, items, clause, normalized, warnings, clause.targets))
            if events:
                time = _carried(events, items, time, issued)
        clause.targets.extend(table_targets)
        if issued is not None and clause.targets:
            clause.targets = [t for t in clause.targets if t.year is None or t.year >= issued or t.kind == "condition"]
        final[key] = time
    return warnings


def _time_events(sentence: str) -> list[tuple[int, _Time]]:
    events: list[tuple[int, _Time]] = []
    years = list(YEAR.finditer(sentence)) if "年" in sentence else []  # YEAR needs it
    periods = list(PERIOD.finditer(sentence)) if "五" in sentence and "十" in sentence else []  # PERIOD needs both
    if not years and not periods:
        return events  # the brackets and baselines matter only around a year or period (每年, 年度 have none)
    baseline_spans = [m.span() for m in BASELINE.finditer(sentence)] if may_hold_baseline(sentence) else []
    if "倍" in sentence:  # 达到2020年的3倍: the year of a base value (every BASE_OF_VALUE match is followed by 倍)
        baseline_spans += [m.span() for m in BASE_OF_VALUE.finditer(sentence)]
    shelter = sheltered(sentence) if years else ()
    for m in years:
        if shelter[m.start()] or any(a <= m.start() < b for a, b in baseline_spans):
            continue
        if sentence.endswith(YEAR_START_BEFORE, 0, m.start()) or YEAR_START_AFTER.match(sentence, m.end()):
            continue
        events.append((m.start(), _Time(year_value(m.group("y")))))
    for m in periods:
        # 较“十三五”末 / 由“十三五”末的15.9%: the base of a change, not a deadline
        if any(a <= m.start() < b for a, b in baseline_spans) or sentence.endswith(YEAR_START_BEFORE, 0, m.start()):
            continue
        n = cn_to_int("十" + m.group("n"))
        if n and n >= 3:  # the n-th five-year plan ends in 1955 + 5n (十四五 → 2025)
            events.append((m.start(), _Time(1955 + 5 * n, f"十{m.group('n')}五")))
    return sorted(events, key=lambda e: e[0]) if len(events) > 1 else events  # most sentences have none


def _carried(
    events: list[tuple[int, _Time]],
    items: Optional[tuple[list[Quantity], list[regex.Match[str]]]],
    time: _Time,
    issued: Optional[int],
) -> _Time:
    """The deadline the sentence after one with ``events`` inherits (``time``: the one this sentence inherited).

    The deadline that frames a sentence, written before its first value, carries on: 到2025年，A下降13.5%，2030年
    提高至62%。B达到… (B's year is 2025; 2030 is a later milestone of A alone, a deadline written after a value).
    A year before ``issued`` frames a result reported (2020年，…为35微克/立方米，到2025年下降到30微克/立方米), no
    deadline.  A sentence without a value (到2025年，主要目标是：) hands on its last deadline, and so does one with no
    framing deadline when none was in effect before it.
    """
    if items is None:
        return events[-1][1]
    quantities, categories = items
    first = min(quantities[0].start if quantities else NO_ITEM,
                categories[0].start() if categories else NO_ITEM)
    for p, t in events:
        if p >= first:
            break
        if issued is None or t.year is None or t.year >= issued:
            return t
    return time if time.year is not None else events[-1][1]


def _time_at(sentence: _Sentence, pos: int) -> _Time:
    before = [t for p, t in sentence.events if p < pos]
    if before:
        return before[-1]
    if sentence.carried.year is not None:
        return sentence.carried
    return sentence.events[0][1] if sentence.events else NO_TIME


def _segments(text: str) -> list[tuple[int, int]]:
    shelter = sheltered(text)
    cuts = [m.start() for m in SEGMENT_BREAK.finditer(text) if not shelter[m.start()]]
    bounds = [-1, *cuts, len(text)]
    return [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i + 1] > bounds[i] + 1]


def _groups(text: str, quantities: list[Quantity]) -> list[list[Quantity]]:
    groups: list[list[Quantity]] = []
    for q in quantities:
        if groups and JOINER.match(text[groups[-1][-1].end:q.start].strip()):
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups


@dataclass
class _Reading:
    """The text before a value group, read."""

    subject: str
    pred: Predicate
    actions: list[str]
    frame: list[str]
    # The items of a 分别 list still to take a value, each written after its own verb (NEXT_VERB_VALUE).
    pending: list[str] = field(default_factory=list)
    # The indicator named before a colon (_Frame.label), for a value written without one.
    label: str = ""

    @property
    def words(self) -> list[str]:
        return self.pred.words + self.actions + self.frame

    @property
    def modality(self) -> Optional[str]:
        return next((w for w in self.words if w in MODALITIES), None)

    @property
    def direction(self) -> Optional[str]:
        return direction_of(self.words)


def _read(pre: str) -> _Reading:
    pred = analyse_predicate(pre)
    subject, frame = clean_subject(pred.subject)
    actions: list[str] = []
    obj, verbs = strip_action(subject)
    if not pred.words or not obj:  # verb + object + value, or a bare verb before the value
        subject, actions = obj, verbs
    return _Reading(subject, pred, actions, frame)


def _sentence_items(text: str) -> Optional[tuple[list[Quantity], list[regex.Match[str]]]]:
    """The values and classes of a sentence, or None when it has neither (and so no target)."""
    quantities = find_quantities(text)
    if "系数" in text or "指数" in text or "PUE" in text or "能效比" in text:  # UNITLESS_HEADS: a unitless value needs its head
        quantities = _with_unitless(text, quantities)
    categories: list[regex.Match[str]] = []
    kind, first = text.find("类"), text.find("一级")
    if kind >= 0 or first >= 0:  # a class needs one: most sentences skip the scan
        # A match starts at its class, at most CLASS_BEFORE characters before its 类 (III类) or at its 一级:
        # the scan starts at the earliest of these (CATEGORY's look-behind still sees the text before).
        if kind >= 0:
            kind = max(0, kind - CLASS_BEFORE)
            first = kind if first < 0 else min(kind, first)
        shelter = sheltered(text)
        categories = [m for m in CATEGORY.finditer(text, first) if not shelter[m.start()]]
    if not quantities and not categories:
        return None
    return quantities, categories


def _with_unitless(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` and the unitless values of ``text`` (UNITLESS_HEAD …), in order."""
    shelter = sheltered(text)
    taken = [(q.start, q.end) for q in quantities]
    found: list[Quantity] = []
    for head in UNITLESS_HEAD.finditer(text):
        stop = PHRASE_END.search(text, head.end(), head.end() + UNITLESS_SPAN)
        end = stop.start() if stop else min(len(text), head.end() + UNITLESS_SPAN)
        for m in BARE_NUMBER.finditer(text, head.end(), end):
            start = m.start()
            if shelter[start] or any(a <= start < b for a, b in taken) or any(q.start == start for q in found):
                continue
            verb = UNITLESS_VERB.search(text, max(head.end(), start - 3), start)
            if verb is None and FROM_BASE.search(text, max(head.end(), start - FROM_BASE_SPAN), start) is None:
                continue
            after = UNITLESS_AFTER.match(text, m.end())
            if after is None:
                continue
            found.append(Quantity(
                start=start, value_end=m.end(), end=after.end(), value=Decimal(m.group()), value_max=None, unit="",
                unit_class="ratio", measure="rate", factor=1, suffix=after.group("suffix") or "", approx="", text=m.group(),
            ))
    if not found:
        return quantities
    return sorted([*quantities, *found], key=lambda q: q.start)


def _sentence_targets(
    s: _Sentence,
    items: tuple[list[Quantity], list[regex.Match[str]]],
    clause: Clause,
    normalized: NormalizedText,
    warnings: list[Warning_],
    earlier: list[Target],
) -> list[Target]:
    quantities, categories = items  # _sentence_items(s.text), not None
    quantities = _commitments(s.text, quantities)
    if len(quantities) > 1 and ("率" in s.text or "比" in s.text):  # every IN_NAME_AFTER match has one
        quantities = _unnamed(s.text, quantities)
    if "由" in s.text or "从" in s.text:  # every FROM_BASE has one
        quantities, s.changes = _changes(s.text, quantities)
    if not quantities and not categories:
        return []  # price rules only: no segment has an item
    # Past the segment of the last value or class, a segment changes nothing: its frame (力争, 与2020年相比)
    # applies to the values of later segments only, and there are none.
    last_item = max([q.start for q in quantities] + [m.start() for m in categories])
    out: list[Target] = []
    frame = _Frame()
    for seg_start, seg_end in _segments(s.text):
        if seg_start > last_item:
            break
        in_segment = [q for q in quantities if seg_start <= q.start < seg_end]
        in_segment = [q for q in in_segment if not _list_count(s.text, q, in_segment)]
        shares, in_segment = _share_targets(s, in_segment, seg_start, seg_end)
        items: list[tuple[int, object]] = [(g[0].start, g) for g in _groups(s.text, in_segment)]
        items += [(m.start(), m) for m in categories if seg_start <= m.start() < seg_end]
        if not items and not shares:
            frame.read(s.text[seg_start:seg_end], labelled=s.text.startswith(("：", ":"), seg_end))
            continue
        cursor = seg_start
        segment_reading: Optional[_Reading] = None
        if frame.label:  # ——能源消费总量：| 控制在1.6亿吨标准煤左右
            segment_reading = _Reading("", Predicate(""), [], [], label=frame.label)
            frame.label = ""
        made_here: list[Target] = list(shares)
        for _, item in sorted(items, key=lambda it: it[0]):
            if isinstance(item, list):
                # the targets before it in the sentence, this segment's too: 2025年达到100万千瓦、2030年达到200万千瓦
                made, cursor, segment_reading = _group_targets(
                    s, item, cursor, seg_end, [*out, *made_here], segment_reading, clause, normalized, warnings, earlier)
            else:
                made, cursor = _category_target(s, item, cursor)
            made_here.extend(made)
        made_here.sort(key=lambda t: t.value_span or t.span)
        for t in made_here:
            if t.kind != "condition":
                t.modality = t.modality or frame.modality
                t.baseline_year = t.baseline_year or frame.baseline_year
                if frame.among and t.scope is None:
                    t.indicator = frame.among + t.indicator
        out.extend(made_here)
    _shared_baselines(out)
    return out


# The units of a change a base year measures (下降14.5%, 提高2个百分点); a total added (新增500万千瓦) has none.
BASED_CHANGE_UNITS = frozenset({"%", "个百分点"})


def _shared_baselines(targets: list[Target]) -> None:
    """A change the sentence gives no base year of is measured from the base of the change before it:
    二氧化碳排放较2020年降低20.5%，单位地区生产总值能耗降低14.5% (both from 2020)."""
    base: Optional[int] = None
    for t in targets:
        if t.kind != "target" or t.basis != "cumulative" or t.direction is None or t.unit not in BASED_CHANGE_UNITS:
            continue
        if t.baseline_year is not None:
            base = t.baseline_year
        elif base is not None:
            t.baseline_year = base


@dataclass(frozen=True)
class _Change:
    """由2020年的15.9%提高到 | 20%: where the change starts (由), its verb, the base year and where the base value ends."""

    start: int
    verb: str
    base_year: Optional[int]
    base_end: int


def _changes(text: str, quantities: list[Quantity]) -> tuple[list[Quantity], dict[int, _Change]]:
    """Drop the base value of each change from a base to a target (由2020年的15.9%提高到20%: 15.9% was,
    20% is the target) and return the changes by the start of their target value."""
    base: set[int] = set()
    changes: dict[int, _Change] = {}
    for a, b in zip(quantities, quantities[1:]):
        if b.start - a.end > CHANGE_TO_SPAN:
            continue
        verb = CHANGE_TO.fullmatch(text, a.end, b.start)
        if verb is None:
            continue
        start = FROM_BASE.search(text, max(0, a.start - FROM_BASE_SPAN), a.start)
        if start is None:
            continue
        year = baseline_year(start) if start.group("y") or start.group("p") else None
        changes[b.start] = _Change(start.start(), verb.group("verb"), year, a.end)
        base.add(a.start)
    if not base:
        return quantities, changes
    return [q for q in quantities if q.start not in base], changes


def _unnamed(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Drop the measures that are part of the name of the next value's indicator: 公园绿地500米服务半径覆盖率达到95%
    (500米 names the radius; the target is the 覆盖率)."""
    kept = []
    for q, nxt in zip(quantities, [*quantities[1:], None]):
        if nxt is not None and q.unit_class in ("measure", "count") and not q.suffix:
            named = IN_NAME_AFTER.match(text, q.end, nxt.start)
            if named is not None and named.end() >= nxt.start - NAME_VERB_SPAN:
                continue
        kept.append(q)
    return kept


def _commitments(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Drop the numbers of price rules (不受上浮20%限制, 电价上浮不超过10%) and of grants (最高补助200万元,
    按投资额的10%给予补助): rules, not targets."""
    kept = []
    grants = MAY_HOLD_GRANT.search(text) is not None
    for q in quantities:
        if grants and _granted(text, q):
            continue
        before = text[max(0, q.start - 12):q.start]
        # PRICE_AFTER is anchored and at most PRICE_AFTER_SPAN long: read only that much after the value
        # (the rest of the sentence was copied for each value).
        # every PRICE_BEFORE match holds 浮 or 调 (上浮, 下浮, 浮动, 上调, 下调): substring tests first
        if (("浮" in before or "调" in before) and PRICE_BEFORE.search(before)) or PRICE_AFTER.match(text[q.end:q.end + PRICE_AFTER_SPAN]):
            continue
        if "不受" in text[max(0, q.start - 8):q.start] and "限制" in text[q.end:q.end + 6]:
            continue
        after = text[q.end:q.end + NAMED_AFTER_SPAN]
        if ("为" in after or "的" in after) and NAMED_AFTER.match(after) is not None:
            continue
        kept.append(q)
    return kept


def _granted(text: str, q: Quantity) -> bool:
    """Is ``q`` money or a share granted (GRANT_BEFORE, GRANT_SHARE_BEFORE, GRANT_AFTER)?"""
    money = q.unit in ("元", "美元")
    if not money and q.unit_class != "ratio":
        return False
    if money and INVESTMENT_BEFORE.search(text, max(0, q.start - INVESTMENT_SPAN), q.start) is not None:
        return True  # a project's cost, like a grant a rule about money, not a target
    if money and "罚" in text[max(0, q.start - PENALTY_SPAN):q.end + PENALTY_SPAN]:
        return True  # 处10万元以上100万元以下的罚款: a penalty
    if not money and GRANT_WORD_CHAR.search(text, max(0, q.start - GRANT_SHARE_SPAN), q.end + GRANT_AFTER_SPAN) is None:
        return False  # no grant word around a share (most of them)
    if GRANT_AFTER.match(text, q.end, q.end + GRANT_AFTER_SPAN) is not None:
        return True
    if money:
        segment_start = max(text.rfind("，", 0, q.start), text.rfind(",", 0, q.start), text.rfind("：", 0, q.start)) + 1
        return GRANT_BEFORE.search(text, segment_start, q.start) is not None
    return GRANT_SHARE_BEFORE.search(text, max(0, q.start - GRANT_SHARE_SPAN), q.start) is not None


def _list_count(text: str, q: Quantity, segment: list[Quantity]) -> bool:
    """等4项主要污染物…分别达到…: the count closing a list is the list's length when values follow."""
    if q.unit_class != "count" or not LIST_COUNT_BEFORE.search(text[:q.start]):
        return False
    if "、" not in text[max(0, q.start - 40):q.start]:
        return False
    return any(o.start > q.end for o in segment)


def _share_targets(s: _Sentence, segment: list[Quantity], seg_start: int, seg_end: int) -> tuple[list[Target], list[Quantity]]:
    """Shares of a group that act: 90%的省级、85%的市级和65%的县级党政机关达到创建标准.

    A percentage at the head of its phrase (nothing but framing before it), followed by a
    group and the group's action, is a target on the share of the group that acts; the
    group is its scope.
    """
    ratios = [q for q in segment if q.unit_class == "ratio" and q.unit == "%"]
    if not ratios:
        return [], segment
    first = ratios[0]
    pre = s.text[seg_start:first.start]
    pred = analyse_predicate(pre)
    lead, frame_words = clean_subject(pred.subject)
    if lead:
        return [], segment
    modality = next((w for w in [*pred.words, *frame_words] if w in MODALITIES), None)
    chain = [first]
    for q in ratios[1:]:
        between = s.text[chain[-1].end:q.start]
        if not SHARE_JOINER.fullmatch(between):
            break
        chain.append(q)
    tail = s.text[chain[-1].end:seg_end]
    verb = SHARE_VERB.search(tail)
    if verb is None or verb.start() == 0:
        return [], segment
    last_group = tail[: verb.start()].removeprefix("的")
    if not last_group or GROUP_BREAK.search(last_group) or (len(chain) > 1 and "、" in last_group):
        return [], segment
    groups = [s.text[a.end:b.start].removeprefix("的").rstrip("、和及与") for a, b in zip(chain, chain[1:])] + [last_group]
    if len(groups) > 1:
        joined = split_items("、".join(groups), len(groups))
        groups = joined or groups
    action = tail[verb.start():]
    action = TRAILING_ACTION_END.split(action)[0]
    time = _time_at(s, first.start)
    made = []
    for q, group in zip(chain, groups):
        level = LEVEL_GROUP.match(group)
        counted = group[level.end():] if level else group
        made.append(Target(
            indicator=counted + action, value=float(q.value), value_text=q.text, unit=q.unit,
            comparator=COMPARATOR_AFTER.get(q.suffix) or "=", direction=None, year=time.year, kind="target",
            text=s.text, span=s.span(), period=time.period, value_span=s.span(q.start, q.value_end),
            scope=group if level else None, basis="level", measure="rate", modality=modality,
        ))
    used = {id(q) for q in chain}
    return made, [q for q in segment if id(q) not in used]


@dataclass
class _Frame:
    """What a segment without values says about the rest of its sentence: 力争到2025年， / 与2020年相比，"""

    modality: Optional[str] = None
    baseline_year: Optional[int] = None
    # What the values after it are counted among: 大型工矿企业中长距离运输的煤炭和焦炭中，| 铁路运输比例力争达到90%
    among: str = ""
    # The indicator a colon introduces the value of: ——非化石能源消费比重：| 16%以上 (for the next segment only)
    label: str = ""

    def read(self, segment: str, labelled: bool = False) -> None:
        may_baseline = ("年" in segment or "五" in segment) and may_hold_baseline(segment)  # every BASELINE has 年 or 五
        baseline = BASELINE.search(segment) if may_baseline else None
        rest, words = clean_subject(BASELINE.sub("", segment) if may_baseline else segment)
        self.label = rest if labelled and 2 <= len(rest) <= MAX_LABEL else ""
        if rest.endswith("中") and len(rest) <= MAX_AMONG and not AMONG_NOT.search(rest):
            self.among = rest
            return
        if rest:
            return  # a clause of its own (确保污染地块及时修复治理), not a frame
        self.modality = next((w for w in words if w in MODALITIES), self.modality)
        if baseline:
            self.baseline_year = baseline_year(baseline)


def _achieved(s: _Sentence, pos: int, after: int = 0) -> bool:
    """Is the number at ``pos`` reported as done or current (已建成, 下降了, 目前, …超额完成)?

    Only the words after ``after`` count (由目前的56%提高到60%: 目前 dates the base value, not the target).
    """
    scope_start = max([p for p, _ in s.events if p < pos], default=0)
    if after > scope_start:
        scope_start = after
    text = s.text
    before = text[scope_start:pos]  # what ACHIEVED is searched in (its look-behind sees the character before)
    for ch in ACHIEVED_CHARS:
        if ch in before:
            if ACHIEVED.search(text, scope_start, pos) is not None:
                return True
            break
    if text.find(ACHIEVED_AFTER_WORD, pos) >= 0 and ACHIEVED_AFTER.search(text, pos) is not None:
        return True
    return SINCE_WORDS[0] in before or SINCE_WORDS[1] in before


def _comparator(q: Quantity, reading: _Reading, shared_suffix: str = "") -> str:
    if q.value_max is not None:
        return "range"
    suffix = q.suffix or shared_suffix
    return reading.pred.comparator or COMPARATOR_AFTER.get(suffix) or (">" if q.approx else "=")


def _group_targets(
    s: _Sentence,
    group: list[Quantity],
    cursor: int,
    seg_end: int,
    previous: list[Target],
    segment_reading: Optional[_Reading],
    clause: Clause,
    normalized: NormalizedText,
    warnings: list[Warning_],
    earlier: list[Target],
) -> tuple[list[Target], int, Optional[_Reading]]:
    first, last = group[0], group[-1]
    end = last.end
    change = s.changes.get(first.start) if s.changes else None
    if _achieved(s, first.start, change.base_end if change else 0):
        return [], end, segment_reading
    if change is None:
        pre = s.text[cursor:first.start]
        per = PER_BEFORE.search(pre) if "每" in pre[-PER_BEFORE_SPAN:] else None
        if per is not None:  # 人口密度不低于每平方公里 | 1万人: a value per the unit written before it
            pre = pre[: per.start()]
            group = [replace(q, unit=f"{q.unit}/{per.group('den')}", measure="rate") for q in group]
            first, last = group[0], group[-1]
        reading = _read(pre)
    else:  # 非化石能源消费比重由2020年的15.9%提高到 | 20% reads as 非化石能源消费比重提高到 | 20%, based on 2020
        reading = _read(s.text[cursor:max(cursor, change.start)] + change.verb)
        if reading.pred.baseline_year is None:
            reading.pred.baseline_year = change.base_year
    if reading.frame and reading.frame[-1] in ITEM_JOINERS and not reading.subject:
        reading.frame = reading.frame[:-1]  # 完成20万亩A和 | 5.9万亩B: the next item of the verb's list
    if not reading.words and segment_reading is not None:
        # 建成市级绿色园区2个、市级绿色工厂18家: later items share the first item's verb.
        reading.pred = replace(reading.pred, words=[w for w in segment_reading.words if w not in COMPARATOR_BEFORE])
    post = s.text[end:seg_end]
    alternatives = any("或" in s.text[a.end:b.start] for a, b in zip(group, group[1:]))
    subject, kind = reading.subject, "target"
    subject, padding = strip_padding(subject)
    subject = subject.replace("原则上", "")  # 公共机构原则上新建建筑光伏覆盖率: an adverb inside the subject
    who: list[str] = []
    inner = INNER_RESPECTIVELY.search(subject) if any(w in subject for w in RESPECTIVELY_WORDS) else None
    if inner is not None:
        obj, verbs = strip_action(subject[inner.end():])
        items = top_level_split(subject[:inner.start()], "、")
        if len(items) < 2:
            items = top_level_split(subject[:inner.start()], "和与")  # 及 joins names: 京津冀及周边地区
        if obj and verbs and len(items) >= 2:
            who, subject = items, obj
            reading.actions = reading.actions + verbs
    counted_after = ""
    listed_places = False
    if previous and not who and subject and not reading.actions and _is_place(subject):  # (治理生态脆弱地区50万亩: an object)
        # 京津冀及周边地区、长三角地区PM2.5浓度分别下降10%、8%左右，汾渭平原 | 下降10%以上: the place of the
        # indicator before
        prior = [t for t in previous if t.kind == "target"]
        if prior:
            who, subject, listed_places = [subject], prior[-1].indicator, True
    if not who and "、" in subject and _may_list_places(subject):
        found = _place_list(subject)
        # one value for places together is one scope, unless the places are all there is: …；龙井市、图们市控制在
        # 25微克/立方米以内 (the indicator of the target before, for each)
        elided = found is not None and not found[1]
        if elided:
            prior = [t for t in previous if t.kind == "target"]
            found = (found[0], prior[-1].indicator) if prior else None
        if found is not None and (elided or len(group) > 1 or reading.pred.distributive):
            who, subject = found
            listed_places = True
    # 稳定在2亿吨水平 / 保持在35微克/立方米的水平: 水平 is no noun the value scopes; nor is a second way to meet the
    # target (达到70%以上或比2020年提高5个百分点以上)
    follows_noun = (bool(post) and (post.startswith("的") or HAN.match(post[0]) is not None) and not post.startswith(LEVEL_WORDS)
                    and not (post[0] in "或并且" and OR_ANOTHER_WAY.match(post) is not None))
    verb_only = not subject and bool(reading.pred.words or reading.actions or any(ACTION_LEAD.match(w) for w in reading.frame))
    n_is_count = len(group) == 1 and last.unit_class == "count" and follows_noun
    if n_is_count and PREPOSITION_BEFORE.search(s.text, max(cursor, first.start - 10), first.start):
        return [], end, segment_reading
    named_examples = n_is_count and EXAMPLES_BEFORE.search(s.text, cursor, first.start) is not None
    if named_examples:
        noun, used = counted_noun(post)  # 完成防城港、…等5个 | 国家资源综合利用基地建设
        subject, end = noun, end + used
    elif follows_noun:
        if (last.unit_class == "count" or (last.unit in EXTENT_UNITS and not last.suffix and not post.startswith("的"))) \
                and verb_only and not alternatives:
            # 完成1个近零碳园区 / 创建至少1家…示范单位 / 累计建成10.75亿亩高标准农田 (an extent built, not a scope)
            noun, used = counted_noun(post.removeprefix("的"))
            subject, end = noun, end + used + (1 if post.startswith("的") else 0)
        elif (last.unit_class == "count" and subject and not post.startswith("的") and last.suffix not in BOUNDS
              and not reading.pred.words and not reading.actions and not alternatives):
            # 空气质量综合指数退出全国168个重点城市后十位: a count with no verb before it names what follows
            return [], end, segment_reading
        elif post.startswith("的") or last.suffix in BOUNDS or last.unit_class == "measure" or alternatives:
            kind = "condition"
            noun, used = _condition_noun(post)
            end += used
            counted_after = noun  # 淘汰35蒸吨/小时以下燃煤锅炉 | 300台: what a value right after counts
            # 铁路货场3吨以下叉车 -> 叉车; but 年产废量1万吨以上 and 监测点三公里范围内 keep what is measured from
            if not ATTRIBUTE_END.search(subject) and not (subject and last.suffix == "范围内"):
                subject = noun
        elif last.unit_class == "ratio":
            phrase, used = counted_noun(post)  # 城镇新建建筑100%执行绿色建筑标准
            subject, end = subject + phrase, end + used
    pending: list[str] = []
    respective: list[str] = []
    stretch_of: Optional[Target] = None
    if not subject and segment_reading is not None and segment_reading.label:
        subject = segment_reading.label  # ——非化石能源消费比重：16%以上
        if subject[-1] in PLACE_LAST and all(_is_place(p) for p in top_level_split(subject, "、")):
            # 专栏1 各地级以上市能耗强度降低目标 | ——广州市、深圳市：14.5%: the places' value of the box's indicator
            box = _box_indicator(clause, s.offsets[0])
            if box is not None:
                who, listed_places = top_level_split(subject, "、"), True
                subject, change = box
                if change:
                    reading.pred = replace(reading.pred, words=[*reading.pred.words, change])
    elif not subject and segment_reading is not None and segment_reading.pending and not who:
        # …分别下降到33微克/立方米、提高到 | 82%: the next item of the list
        subject, pending = segment_reading.pending[0], segment_reading.pending[1:]
        if reading.pred.baseline_year is None:
            reading.pred.baseline_year = segment_reading.pred.baseline_year  # 分别比2020年下降8%、提高到…
    elif not subject:
        prior = [t for t in previous if t.kind == "target"]
        if not prior and earlier and earlier[-1].kind == "target" and earlier[-1].unit == first.unit and (
                reading.pred.words or reading.actions):
            # 2025年底前，累计推广超低能耗建筑500万平方米以上；2030年底前，推广1000万平方米以上: a value in the
            # unit of the clause's last target, with only a verb, is that indicator's next milestone
            prior = [earlier[-1]]
        if not prior:
            return [], end, segment_reading
        if len(group) > 1 and len(prior) >= len(group) and "分别" in reading.pred.words and all(
                t.unit == q.unit for t, q in zip(prior[-len(group):], group)):
            # A达到60%、B达到65%，2030年分别达到65%、70%: the indicators of the values before, in order
            respective = [t.indicator for t in prior[-len(group):]]
        subject = prior[-1].indicator  # 下降14%，力争下降14.5%: the stretch goal of the same indicator
        if (reading.direction is None and prior[-1].direction is not None and prior[-1].unit == first.unit
                and first.unit_class == "ratio"):
            # 累计下降14%以上，力争达到15%: 达到 the same change (新增1000万千瓦，累计达到2500万千瓦 is a total)
            stretch_of = prior[-1]
        if reading.pred.baseline_year is None:
            reading.pred.baseline_year = prior[-1].baseline_year
        if prior[-1].scope and not scope_prefix(subject):
            subject = prior[-1].scope + subject
    elif kind != "condition" and subject.startswith("占") and any(t.kind == "target" for t in previous):
        # 煤炭消费总量控制在4300万吨左右，占一次能源消费比重下降到30%以下: the share of the previous indicator
        subject = [t for t in previous if t.kind == "target"][-1].indicator + subject
    elif kind != "condition" and BARE_HEAD.match(subject):
        subject = _with_subject(subject, [*earlier, *previous])
    elif kind != "condition" and last.unit_class == "ratio" and PER_UNIT_SEQUEL.fullmatch(subject):
        subject = _with_denominator(subject, previous)
    elif (previous and kind != "condition" and last.unit_class == "ratio" and len(subject) <= SHORT_ENTITY
          and OBJECT_NOUN_END.search(subject)):
        measured = _with_measure_of(subject, previous)
        if measured != subject and reading.pred.baseline_year is None:
            reading.pred.baseline_year = [t for t in previous if t.kind == "target"][-1].baseline_year  # 比2020年 of both
        subject = measured
    if kind != "condition" and subject and previous and "其中" in s.text[max(0, cursor - SUBSET_LOOKBACK):first.start]:
        subject = _with_subset_measure(subject, s, first, previous)
    n = len(group)
    years: list[Optional[int]] = []
    places: dict[int, str] = {}
    if who and kind != "condition" and n in (1, len(who)):
        indicators = [item + subject for item in who]
        places = {i: item for i, item in enumerate(who) if listed_places or (PLACE_ITEM.match(item) and not scope_prefix(item))}
        if n == 1:
            group = [first] * len(who)
            n = len(who)
    elif kind == "condition":
        indicators = [subject] * n
    elif respective:
        indicators = respective
    elif n == 1:
        indicators = split_items(subject, None, respectively=reading.pred.distributive, total=first.measure == "absolute")
        if len(indicators) > 1 and "分别" in reading.pred.words and NEXT_VERB_VALUE.match(s.text, end, seg_end):
            indicators, pending = indicators[:1], indicators[1:]  # the others take the values that follow
    else:
        indicators = split_items(subject, n)
        if not indicators:
            years = _year_list(s.text, first.start, n)
            if not years:
                warnings.append(
                    Warning_(
                        "target_count_mismatch",
                        f"{clause.key}: 分别 list of {len(subject.split('、'))} indicators and {n} values: {s.text}",
                        normalized.line_at(s.offsets[first.start]),
                    )
                )
            indicators = [subject] * n
    pairs = [(ind, q) for ind, q in zip(indicators, group)] if n > 1 else [(ind, first) for ind in indicators]
    time = _time_at(s, first.start) if kind != "condition" else NO_TIME
    if kind != "condition" and not any(cursor <= p < first.start for p, _ in s.events):
        # 邯郸东郊热电等5条铁路专用线力争2022年建成投用: a deadline written after the value, in its own segment
        after = [t for p, t in s.events if end <= p < seg_end]
        if after:
            time = after[0]
    # 分别达到45%、50%以上: a comparator written once after the last value holds for the list
    shared_suffix = last.suffix if (alternatives or (n > 1 and not any(q.suffix for q in group[:-1]))) else ""
    words = reading.words + padding
    made = []
    for i, (ind, q) in enumerate(pairs):
        scope = None
        if i in places:
            scope, ind = places[i], ind[len(places[i]):]
        elif kind != "condition":
            scope = scope_prefix(ind)
            if scope is not None and len(ind) > len(scope):
                ind = ind[len(scope):]
            else:
                scope = None
        direction = reading.direction if kind != "condition" else None
        measure = _measure(q, ind)
        basis = _basis(words, ind, direction, measure)
        if stretch_of is not None:
            direction, basis = stretch_of.direction, stretch_of.basis
        made.append(Target(
            indicator=ind,
            value=float(q.value),
            value_text=q.text,
            unit=q.unit,  # "" for a unitless value (系数0.58): a number, dimensionless (the schema's unit is a string)
            comparator=_comparator(q, reading, shared_suffix),  # 200户或500人以上
            direction=direction,
            year=years[i] if years else time.year,
            kind=kind,
            text=s.text,
            span=s.span(),
            value_max=None if q.value_max is None else float(q.value_max),
            period=None if years else time.period,
            baseline_year=reading.pred.baseline_year if kind != "condition" else None,
            modality=reading.modality if kind != "condition" else None,
            value_span=s.span(q.start, q.value_end),
            scope=scope,
            basis=basis,
            measure=measure,
        ))
    reading.pending = pending
    reading.label = counted_after
    return made, end, reading


# Per-unit indicators are rates whatever their unit: 人均公园绿地面积, 单位GDP能耗, 万人拥有绿道长度.
PER_UNIT = lazy(
    r"人均|单位(?=地区|国内|GDP|工业|换算|运输|建筑|产品|面积|周转|产值|增加值|营业|能源|耕地|土地|用地|水资源)|每万|万人|万元|亩均|户均|"
    r"^平均每|^每|(?:强度|浓度|密度)$"
)


def _measure(q: Quantity, indicator: str) -> str:
    """rate (comparable across levels: %, 个百分点, per-unit) or absolute (a total that scales with the scope)."""
    return "rate" if q.measure == "rate" or PER_UNIT.search(indicator) else "absolute"


def _basis(words: list[str], indicator: str, direction: Optional[str], measure: str) -> str:
    """annual (年均下降2.7%, 每年), cumulative (累计, 下降14.5%, 新增500万平方米, 减排量) or level (达到, 提高至)."""
    if (any(w in ANNUAL_WORDS or w.startswith(ANNUAL_WORDS) for w in words) or indicator.endswith(ANNUAL_RATE_HEADS)
            or indicator.startswith(("年均", "每年"))):  # 年均节能量100万吨标准煤
        return "annual"
    if any(w.startswith("累计") for w in words) or (measure == "absolute" and CUMULATIVE_HEADS.search(indicator)):
        return "cumulative"
    change = [w for w in words if w.startswith(DOWN_VERBS + UP_VERBS)]
    if direction and change and not any(w.endswith(("至", "到", "为", "在")) for w in change):
        return "cumulative"
    return "level"


def _with_subject(head: str, earlier: list[Target]) -> str:
    """年利用量 after 大宗固废年利用量达到40亿吨左右: the subject a bare head lost to the sentence before.
    A rate of change is the previous indicator's: 煤炭消费量控制在1亿吨左右，年均增速控制在2%以内 -> 煤炭消费量年均增速."""
    prior = [t for t in earlier if t.kind == "target"]
    if prior and head.endswith(CHANGE_RATE_HEADS) and not prior[-1].indicator.endswith(CHANGE_RATE_HEADS):
        return prior[-1].indicator + head
    for t in reversed(prior):
        if t.indicator.endswith(head) and len(t.indicator) > len(head):
            return t.indicator
    if prior:
        m = INDICATOR_HEAD.search(prior[-1].indicator)
        if m is not None and m.start() >= 2:
            return prior[-1].indicator[: m.start()] + head
    return head


def _with_denominator(flow: str, previous: list[Target]) -> str:
    """单位GDP能耗下降14%、二氧化碳排放下降18%: a bare flow changed by a share, right after a per-unit
    target of the same sentence, is per the same unit (单位GDP二氧化碳排放); a total would be written
    with its own unit (用水量控制在10亿立方米) and is not read here."""
    prior = [t for t in previous if t.kind == "target"]
    if not prior or prior[-1].measure != "rate":
        return flow
    m = PER_UNIT_DENOMINATOR.search(prior[-1].indicator)
    if m is None or m.end() == len(prior[-1].indicator):
        return flow
    return prior[-1].indicator[: m.end()] + flow


def _is_place(text: str) -> bool:
    """A region or place and nothing else: 汾渭平原 / 河北省 / 延吉市 (not 工业园区, 城市)."""
    if len(text) > PLACE_SPAN + 4 or text[-1] not in PLACE_LAST:
        return False  # (the region pattern is long: most subjects are turned down by their last character)
    return scope_prefix(text) == text or (PLACE_ITEM.match(text) is not None and NOT_PLACE.search(text) is None)


def _may_list_places(subject: str) -> bool:
    """Cheap test before _place_list: the first item ends as a place does (PLACE_LAST) or is a bare short name (长沙)."""
    first = subject[: subject.index("、")]
    return bool(first) and (first[-1] in PLACE_LAST or len(first) <= BARE_PLACE_MAX)


def _place_list(subject: str) -> Optional[tuple[list[str], str]]:
    """(places, the indicator they share) of a subject that lists places first (PLACE_IN_LAST, PLACES_COUNTED),
    or None."""
    items = top_level_split(subject, "、")
    if "等" in items[-1]:
        return None  # 甲市、乙市、丙市等5个…基地: named examples of what is counted (EXAMPLES_BEFORE)
    if len(items) < 2 or not all(PLACE_ITEM.match(i) and not NOT_PLACE.search(i) for i in items[:-1]):
        counted = PLACES_COUNTED.match(items[-1]) if len(items) >= 2 else None
        if counted is None or not all(BARE_PLACE.match(i) for i in items[:-1]):
            return None
        return [*items[:-1], counted.group("name")], counted.group("head")
    # the last place ends with the suffix of the others (安州区 | 单位…, not 安州 | 区单位…), else with the first suffix
    suffixes = {i[-1] for i in items[:-1]}
    last = items[-1]
    if PLACE_ITEM.match(last) and not NOT_PLACE.search(last):
        return items, ""  # places only: the indicator is the one before (the caller's)
    cut = last.find(suffixes.pop(), 1, PLACE_SPAN) + 1 if len(suffixes) == 1 else 0
    if cut <= 0:
        m = PLACE_IN_LAST.match(last)
        cut = m.end() if m is not None else 0
    if cut <= 0 or cut >= len(last) or NOT_PLACE.search(last[:cut]) or not PLACE_ITEM.match(last[:cut]):
        return None
    return [*items[:-1], last[:cut]], last[cut:]


def _with_measure_of(entity: str, previous: list[Target]) -> str:
    """营运车辆单位运输周转量能耗比2020年下降5%，营运船舶下降3.5%: a bare entity changed by a share, right after a
    per-unit target of another entity in the same sentence, is measured the same way (营运船舶单位运输周转量能耗)."""
    prior = [t for t in previous if t.kind == "target"]
    if not prior:
        return entity
    indicator = prior[-1].indicator
    m = PER_UNIT_HEAD.search(indicator, 1)
    if m is None or not OBJECT_NOUN_END.search(indicator, 0, m.start()):
        return entity
    return entity + indicator[m.start():]


def _with_subset_measure(entity: str, s: _Sentence, q: Quantity, previous: list[Target]) -> str:
    """可再生能源装机容量达到5000万千瓦，其中光伏发电3000万千瓦、风电1500万千瓦: the items of a 其中 list, in
    the head's unit, are measured as the head is (光伏发电装机容量, 风电装机容量); an item naming its own
    measure keeps it."""
    lead = s.text.rfind("其中", 0, q.start)
    if lead < 0 or "；" in s.text[lead:q.start] or "。" in s.text[lead:q.start] or SUBSET_MEASURE.search(entity):
        return entity
    before = s.offsets[lead]
    heads = [t for t in previous if t.kind == "target" and t.value_span[1] <= before]
    if not heads or heads[-1].unit != q.unit:
        return entity
    m = SUBSET_MEASURE.search(heads[-1].indicator or "")
    return entity + m.group() if m else entity


def _box_indicator(clause: Clause, at: int) -> Optional[tuple[str, str]]:
    """(indicator, its change word or "") that the title of the 专栏 box holding absolute offset ``at`` names:
    专栏1 “十四五”各地级以上市能耗强度降低目标 -> (能耗强度, 降低); None outside a box or for another title."""
    text, start = clause.text, at - clause.text_offset
    head = text.rfind(BOX_TITLE, 0, start)
    if head < 0 or (head > 0 and text[head - 1] != "\n"):
        return None
    end = text.find("\n", head, start)
    m = BOX_INDICATOR.match(text[head:end if end >= 0 else start].rstrip())
    if m is None or len(m.group("ind")) < 2:
        return None
    return m.group("ind"), m.group("change") or ""


def _year_list(text: str, pos: int, n: int) -> list[Optional[int]]:
    """2025年和2030年，…分别提升至12%、18%以上: the years of a list of n years before pos, or []."""
    found = [m for m in YEAR_LIST.finditer(text, 0, pos)]
    if not found:
        return []
    years = [year_value(y.group("y")) for y in YEAR_IN_LIST.finditer(found[-1].group(0))]
    return list(years) if len(years) == n else []


def _condition_noun(post: str) -> tuple[str, int]:
    """The thing a condition scopes (…以上的企业、工业园区 -> 企业) and the characters it took."""
    m = CONDITION_NOUN.match(post)
    if not m:
        return "", 0
    noun = m.group("noun")
    stop = CONDITION_NOUN_END.search(noun)
    if stop and stop.start() > 0:
        noun = noun[: stop.start()]
    return noun.replace("“", "").replace("”", ""), m.start("noun") + len(noun)


def _category_target(s: _Sentence, m: regex.Match[str], cursor: int) -> tuple[list[Target], int]:
    pre = s.text[cursor:m.start()]
    reading = _read(pre)
    if not reading.subject or _achieved(s, m.start()):
        return [], m.end()
    better = m.group("suffix") or pre.endswith(BETTER_BEFORE)
    time = _time_at(s, m.start())
    target = Target(
        indicator=reading.subject,
        value=m.group("value"),
        value_text=m.group("value"),
        unit=None,
        comparator=">=" if better else "=",
        direction=None,
        year=time.year,
        kind="categorical",
        text=s.text,
        span=s.span(),
        period=time.period,
        modality=reading.modality,
        value_span=s.span(m.start(), m.end("value")),
    )
    return [target], m.end()
