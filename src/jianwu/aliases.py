"""Department names -> (canonical, level): the alias table and the level prefix.

Plans write a department with the administrative level of the office that
carries it out (市发展改革委, 区发展改革委, 县发展改革局) and in several
spellings (发展改革委 / 发展和改革委员会).  The comparison of a district plan with
its parent matches departments by ``canonical``, so canonical names are
level-free and merge every spelling of one department.  The spellings live in
``data/departments.tsv`` (see its header); this module knows how a level
prefix is written, and how to repair a name a page break cut and duplicated a
character of (区住房城乡建设 / 建委).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterator, Optional

import regex

from .model import NormalizedText
from .patterns import compile_pattern, lazy
from .std_patterns import compile_std

# ---------------------------------------------------------------- patterns

# Administrative levels a plan writes in front of a department: 国家发展改革委, 省生态环境厅,
# 市经济信息委, 区农业农村委, 县水利局.  ``level`` is always one of these five.
LEVELS = ("国家", "省", "市", "区", "县")
# How a level is written (longest first) and the level it means: 中央宣传部 and 全国妇联 are
# national, 自治区发展改革委 is provincial (Guangxi, Ningxia…), 自治州/州/盟 are prefecture
# level like a city, 旗/自治县 county level.
LEVEL_WORDS: tuple[tuple[str, str], ...] = (
    ("国务院", "国家"), ("国家", "国家"), ("中央", "国家"), ("全国", "国家"), ("中国", "国家"),
    ("自治区", "省"), ("省", "省"), ("自治州", "市"), ("市", "市"), ("州", "市"), ("盟", "市"),
    ("自治县", "县"), ("区", "区"), ("县", "县"), ("旗", "县"),
)
# What may stand between the level and the department name: 市级有关部门 (级),
# 区属重点国有企业 (属), 省直有关部门 (直), 区委宣传部 / 自治区党委宣传部 (委 / 党委: the
# party committee; only for party organs).
LEVEL_MODIFIERS = ("级", "属", "直")
PARTY_MODIFIERS = ("委", "党委")
PARTY_MODIFIER = "委"
# A place name written before the level: 重庆市 / 四川省 / 沙坪坝区 / 广西壮族自治区 (2–6 characters + level).
PLACE_PREFIX = lazy(
    r"^(?!各|有关|相关|自治|中央|全国|国家)(?P<place>\p{Han}{2,6}?)(?P<level>自治区|自治州|自治县|省|市|区|县|州|盟|旗)"
)
PLACE_LEVEL = dict(LEVEL_WORDS)
# The first characters of the level words: a name starting with none of them (most do not) has
# no level word to look for (国 for 国家, 自 for 自治区 …).
LEVEL_FIRST = frozenset(word[0] for word, _level in LEVEL_WORDS)
# Words that start with a level character but are not a level prefix: 市场监管局 (市场), 区域, 县域,
# 中国铁路… (a company), 州 in 州府.  Not 县城: 县城管局 is 县 + 城管局, 县城乡建设局 县 + 城乡建设局.
NOT_A_LEVEL = lazy(r"^(?:市场|市政(?!府|务)|区域|区县|县域|省级以上|中国铁路|国家电网|国网|国家开发银行|全国性)")
# Wildcards in the table: {地} a place name (重庆, 永川, 广西壮族自治区), {序} an ordinal (四, 七, 12),
# {名} any name (the committee of 绿化委员会成员单位).
WILDCARDS = {
    # A place never starts with a level word: 市地方金融监管局 is 市 + 地方金融监管局, not a place 市地方.
    "{地}": r"(?P<place>(?!各|有关|相关|[省市区县州旗盟]|自治|国家|中央|全国)\p{Han}{2,8}?)",
    "{序}": r"(?:[一二三四五六七八九十]{1,3}|\d{1,3})",
    "{名}": r"\p{Han}{2,16}?",
}
# A wildcard as written in the table: {地} / {序} / {名} (what surrounds them is fixed text).
WILDCARD_NAME = lazy("|".join(regex.escape(w) for w in WILDCARDS))
# The ending of an organisation's name; a list item without one (and not in the
# table) is prose, not a department: 局 委 办 部 厅 署 中心 政府 管委会 分行 海关 …
ORG_SUFFIX = lazy(
    r"(?:局|委|办|部|厅|署|院|中心|政府|会|社|研究所|站|分行|支行|银行|处|室|队|司|海关|企业|单位|部门"
    r"|镇街|街道|集团|公司|联|小组|校|馆|所)[）)〕]?$"
)
# Generic actors not in the table: 各… / 有关… / 相关… / …所属… / …成员单位
GENERIC_HINT = lazy(r"^各|有关|相关|所属|各级|成员单位")
# Local governments as a group, by level (one canonical function, 地方政府, for all of them):
# 新疆生产建设兵团各师市 / 兵团有关师市 / 兵团各团场 (the Corps' divisions rank as cities), 各省辖市
# (Henan's cities),
# 地方各级人民政府, 各级政府, 各市（州）人民政府, 各县（市、区）人民政府, 各设区市人民政府,
# 市州、县市区人民政府, 各地级市人民政府, 各区, 有关市, 各镇街 / 各街镇, 各乡镇（街道）, 地方, 涉农区人民政府
# (the districts with farmland: a qualifier, not a place); a league or prefecture
# governs through its 行政公署 (各盟行政公署, 各地区行署).
LOCAL_UNITS = (
    r"(?:(?:新疆生产建设兵团|生产建设兵团|兵团)(?:各|有关)?(?:师市|师|团场)|新疆生产建设兵团|生产建设兵团|师市|团场|计划单列市|省辖市|自治区|自治州|自治县|直辖市|设区的?市|地级市|县级市|省份|地区|乡镇|镇街|街镇|街道|兵团"
    r"|[省市州盟县区旗乡镇地])"
)
# The level of a unit that is not a level word: a municipality and the Xinjiang Production and
# Construction Corps rank as provinces, a county-level city as a county; other …市 are cities.
UNIT_LEVELS = {"直辖市": "省", "省份": "省", "新疆生产建设兵团": "省", "生产建设兵团": "省", "兵团": "省", "县级市": "县"}
LOCAL_UNIT = lazy(LOCAL_UNITS)  # each unit of 各市（州）、县（市、区）: 市 州 县 市 区
LOCAL_GOVERNMENTS = lazy(
    rf"^(?P<q>地方各级|各级|地方|各有关|各相关|各|有关|相关|所在地|沿线各?|属地|涉农|远郊|沿海|沿江|重点)?"
    rf"(?P<units>(?:{LOCAL_UNITS}|级以上|级|地方|[（）()、和及])*?)"
    r"(?P<gov>人民政府|政府|党委和政府|党委、政府|党委政府|办事处|街道办事处|行政公署|行署)?$"
)
# A place as an actor: 浦东新区, 松江区, 两江新区, 永川区, 平潭综合实验区 (a named district, county
# or zone written without a department).  Not 成渝地区, 长三角地区: areas, not governments.
# Also its government written out: 西昌市人民政府, 木里藏族自治县人民政府, 镇海区政府 (the region is the place).
# A prefecture governed by its 行署: 阿里地区行署 (地区 alone is an area: 成渝地区).
PLACE_ACTOR = lazy(
    r"^(?P<place>\p{Han}{2,8}?)(?:(?P<unit>新区|高新区|经开区|开发区|综合实验区|自治县|自治州|区|县|市|州|盟|旗)(?P<gov>人民政府|政府)?"
    r"|(?P<unit>地区|盟)(?P<gov>行政公署|行署))$"
)
# (城区 only after 主 / 中心 / 老 …: 东城区, 涪城区 and 历城区 are districts.)
NOT_A_PLACE_ACTOR = lazy(r"(?:地区|园区|景区|(?:主|中心|老|建成|核心|都市)城区|社区|小区|片区|林区|矿区|库区|灾区|山区|牧区|辖区|示范区|功能区|保护区|集聚区|先行区|核心区|全市|全省|全区|全县)$")
LOCAL_GOVERNMENT = "地方政府"
# A trailing bracket naming the same body under its other plate: 市发展改革委（市能源局）,
# 市委党校（行政学院）, 自治区交通运输厅〔铁建办〕.
OTHER_PLATE = lazy(r"^(?P<head>.+?)[（(〔](?P<alt>[^（）()〔〕]+)[）)〕]$")


@dataclass(frozen=True)
class _Row:
    """A row of the department table: the canonical name an alias stands for, and its kind and level."""

    canonical: str
    no_level: bool  # "-" in the level column: never carries a level
    kind: str  # dept / generic / party
    level: Optional[str] = None  # a fixed level: 生态环境部 is always 国家
    body: Optional[str] = None  # which of several bodies sharing the function: 国家电网 / 南方电网


@dataclass(frozen=True)
class Resolution:
    """What the alias table says about one department name."""

    canonical: str
    level: Optional[str]
    generic: bool
    known: bool
    place: Optional[str] = None  # 四川省 / 重庆市 / 厦门 (厦门证监局) when written with the name
    prefixed: bool = False  # a level or place was written before the department name
    local_government: bool = False  # a government or a place as actor (canonical 地方政府)
    fixed_level: bool = False  # the name fixes the level (生态环境部: 国家) or has none (人行X分行)
    # One of several bodies of one function (the body column): 国家电网 and 南方电网 are both 电网公司,
    # 市公安局 and 市公安局交管局 both 公安局, but they are two bodies, never one named twice.
    body: Optional[str] = None


@dataclass
class Wildcard:
    """An alias with wildcards (人行{地}分行), compiled on first use.

    The alias's fixed text before the first wildcard (``head``) and after the last
    (``tail``) must begin and end a name it matches, so most names are turned down
    by two string tests, and a table of a hundred such aliases costs nothing to load.
    """

    pattern: str  # the regular expression: the escaped alias, wildcards replaced
    head: str
    tail: str
    _compiled: Optional[regex.Pattern[str]] = None

    def fullmatch(self, name: str) -> Optional[regex.Match[str]]:
        if len(name) < len(self.head) + len(self.tail) or not name.startswith(self.head) or not name.endswith(self.tail):
            return None
        if self._compiled is None:
            self._compiled = compile_pattern(self.pattern)
        return self._compiled.fullmatch(name)


@dataclass(frozen=True)
class AliasTable:
    """The department table, exact aliases and wildcard ones (``data/departments.tsv``)."""

    exact: dict[str, _Row]
    patterns: tuple[tuple[Wildcard, _Row], ...]
    # The wildcard aliases a name can match, by the name's first and last character: an alias with a
    # fixed head (人行{地}分行) only names starting with the head's first character, one without a head
    # but with a tail ({地}税务局) only names ending with the tail's last character; the few with
    # neither are tried on every name.  A miss so tries a handful of aliases instead of all ~95
    # (16,664 -> ~1,000 ``fullmatch`` calls over data/raw with cold caches).
    _by_first: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _by_last: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _anywhere: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_first: dict[str, list[int]] = {}
        by_last: dict[str, list[int]] = {}
        anywhere: list[int] = []
        for i, (wildcard, _row) in enumerate(self.patterns):
            if wildcard.head:
                by_first.setdefault(wildcard.head[0], []).append(i)
            elif wildcard.tail:
                by_last.setdefault(wildcard.tail[-1], []).append(i)
            else:
                anywhere.append(i)
        object.__setattr__(self, "_by_first", {c: tuple(v) for c, v in by_first.items()})
        object.__setattr__(self, "_by_last", {c: tuple(v) for c, v in by_last.items()})
        object.__setattr__(self, "_anywhere", tuple(anywhere))

    def candidates(self, name: str) -> list[int]:
        """Indices into ``patterns``, in table order, of the wildcard aliases that may match ``name``."""
        if not name:
            return list(self._anywhere)
        found = [*self._by_first.get(name[0], ()), *self._by_last.get(name[-1], ()), *self._anywhere]
        found.sort()  # the table's order: the first alias that matches wins
        return found

    def lookup(self, name: str) -> Optional[_Row]:
        return self.match(name)[0]

    def match(self, name: str) -> tuple[Optional[_Row], Optional[str]]:
        """The row of ``name`` and the place a {地} wildcard matched, if any."""
        row = self.exact.get(name)
        if row is not None:
            return row, None
        patterns = self.patterns
        for i in self.candidates(name):
            pattern, prow = patterns[i]
            m = pattern.fullmatch(name)
            if m:
                return prow, m.groupdict().get("place")
        return None, None


def parse_table(text: str) -> AliasTable:
    """Read the TSV (alias, canonical, level, kind, body); '#' starts a comment line."""
    exact: dict[str, _Row] = {}
    patterns: list[tuple[Wildcard, _Row]] = []
    bodies: set[str] = set()
    escaped_wildcards = [(regex.escape(wildcard), pattern) for wildcard, pattern in WILDCARDS.items()]
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise ValueError(f"departments.tsv:{number}: expected alias<TAB>canonical[<TAB>level<TAB>kind]")
        alias, canonical = cols[0].strip(), cols[1].strip()
        level = cols[2].strip() if len(cols) > 2 else ""
        kind = (cols[3].strip() if len(cols) > 3 else "") or "dept"
        body = (cols[4].strip() if len(cols) > 4 else "") or None
        if kind not in ("dept", "generic", "party") or level not in ("", "-", *LEVELS):
            raise ValueError(f"departments.tsv:{number}: bad level {level!r} or kind {kind!r}")
        row = _Row(canonical, level == "-", kind, level if level in LEVELS else None, body)
        if alias in exact or alias in bodies:
            raise ValueError(f"departments.tsv:{number}: alias {alias} listed twice")
        if "{" in alias:
            body = regex.escape(alias)
            for escaped, pattern in escaped_wildcards:
                body = body.replace(escaped, pattern)
            fixed = WILDCARD_NAME.split(alias)  # [head, …, tail]; [alias] for a brace that is no wildcard
            patterns.append((Wildcard(body, fixed[0], fixed[-1] if len(fixed) > 1 else ""), row))
            bodies.add(body)
        else:
            exact[alias] = row
    return AliasTable(exact, tuple(patterns))


def _read(name: str) -> str:
    return resources.files("jianwu.data").joinpath(name).read_text("utf-8")


@lru_cache(maxsize=None)
def default_table() -> AliasTable:
    return parse_table(_read("departments.tsv"))


@lru_cache(maxsize=None)
def provinces() -> tuple[tuple[str, str], ...]:
    """(name as written, province) for every province-level name in data/provinces.tsv, longest first.

    A name that starts with one of these and no level word (广西税务局, 宁夏邮政管理局) is a
    provincial office of a vertically managed body or a provincial company: level 省.
    """
    from .tables import read_table

    names: list[tuple[str, str]] = []
    for full, *shorts in read_table("provinces.tsv"):
        names += [(full, full)] + [(short, full) for short in shorts if short]
    return tuple(sorted(names, key=lambda n: -len(n[0])))


@lru_cache(maxsize=None)
def county_level_cities() -> frozenset[str]:
    """The county-level cities of data/county_cities.tsv (延吉市, 昆山市, 西昌市): a 市 of county rank,
    so a note's 延吉市人民政府 or 昆山市发展改革委 is of level 县, not 市."""
    from .tables import read_table

    return frozenset(row[0] for row in read_table("county_cities.tsv"))


def _is_province(place: str) -> bool:
    """Is ``place`` a province's name, full or short (湖南省, 湖南, 广西)?"""
    return place in _provinces_by_first().get(place[:1], ())


@lru_cache(maxsize=None)
def _provinces_by_first() -> dict[str, tuple[str, ...]]:
    """The names of ``provinces()`` by their first character, longest first as there: a name is
    compared only with the few provinces it can start with (四川 / 四川省 for 四…), not all ~90."""
    by_first: dict[str, list[str]] = {}
    for written, _province in provinces():
        by_first.setdefault(written[0], []).append(written)
    return {c: tuple(v) for c, v in by_first.items()}


# White space a PDF or a page break left inside a name, and a page number a PDF left inside a
# note: 省能源局、四川 ― 3 ― 省经济和信息化厅 / 发展 - 12 - 改革委.
INNER_SPACE = lazy(r"\s+")
PAGE_NUMBER = lazy(r"\s*[―—–－-]\s*\d{1,3}\s*[―—–－-]\s*|\s+第\s*\d{1,3}\s*页\s+")


# What compact removes starts with one of these (most names have none: nothing to do).  The
# standard ``re`` module is several times quicker at this test; its \s is a superset of the
# regex module's (it adds \x1c–\x1f), so a name it passes has nothing to remove.
COMPACT_NEEDED = compile_std(r"[\s―—–－-]")


def compact(name: str) -> str:
    """Remove the spaces, line breaks and page numbers a PDF or a page break left inside a name.

    A name of letters and digits only (most: 市发展改革委) has none of COMPACT_NEEDED's characters
    (white space and dashes are neither): ``str.isalnum`` says so without setting up a search."""
    if name.isalnum() or COMPACT_NEEDED.search(name) is None:
        return name
    return INNER_SPACE.sub("", PAGE_NUMBER.sub("", name))


# The Xinjiang Production and Construction Corps before its departments (兵团发展改革委, 新疆生产建设兵团
# 生态环境局): a place ranking as a province (UNIT_LEVELS), as a province's name is.
CORPS_NAMES = ("新疆生产建设兵团", "新疆兵团", "生产建设兵团", "兵团")
CORPS_FIRSTS = "新生兵"


def _prefixes(name: str) -> Iterator[tuple[Optional[str], str, str, str]]:
    """(place, level, modifier, rest) for every way ``name`` may start with a level prefix.

    Shortest first: 市市场监管局 -> (None, 市, "", 市场监管局); 重庆市生态环境局 ->
    (重庆市, 市, "", 生态环境局); 区委宣传部 -> (None, 区, "", 委宣传部), (None, 区, 委, 宣传部);
    自治区发展改革委 -> (None, 省, "", 发展改革委); 广西税务局 -> (广西, 省, "", 税务局).
    """
    heads: list[tuple[Optional[str], str, int]] = []
    if not name:
        return
    first = name[0]
    if first in LEVEL_FIRST and not NOT_A_LEVEL.match(name):
        for word, level in LEVEL_WORDS:
            if name.startswith(word):
                heads.append((None, level, len(word)))
    m = PLACE_PREFIX.match(name)
    if m:
        level = PLACE_LEVEL[m.group("level")]
        if level == "市" and m.group(0) in county_level_cities():
            level = "县"  # 昆山市发展改革委: a county-level city's bureau
        heads.append((m.group(0), level, m.end()))
    for written in _provinces_by_first().get(first, ()):
        if name.startswith(written) and len(name) > len(written) + 1:
            if not any(end == len(written) for _, _, end in heads):
                heads.append((written, "省", len(written)))
            break
    if first in CORPS_FIRSTS:
        written = next((c for c in CORPS_NAMES if name.startswith(c) and len(name) > len(c) + 1), None)
        if written is not None:
            heads.append((written, "省", len(written)))
    for place, level, end in heads:
        rest = name[end:]
        yield place, level, "", rest
        for modifier in (*LEVEL_MODIFIERS, *PARTY_MODIFIERS):
            if rest.startswith(modifier):
                yield place, level, modifier, rest[len(modifier):]


def resolve(name: str, table: Optional[AliasTable] = None) -> Resolution:
    """Canonical name, level and kind of a department name as written (already repaired)."""
    return _resolve_default(name) if table is None else _resolve(compact(name), table)


@lru_cache(maxsize=8192)
def _resolve_default(name: str) -> Resolution:
    """``resolve`` with the package table, memoised by the name as written (compacting is part of it)."""
    return _resolve(compact(name), default_table())


# 〔〕 written inside a （） note for what other plans write as （）: Sichuan and Hubei nest brackets
# as （…各市〔州〕、县〔市、区〕人民政府负责落实）.  A name is looked up with them read as （）.
SQUARE_BRACKETS = str.maketrans("〔〕", "（）")


def fold_brackets(name: str) -> str:
    """``name`` with 〔〕 read as （）: 各市〔州〕人民政府 -> 各市（州）人民政府 (a quick test first: most names have none)."""
    return name.translate(SQUARE_BRACKETS) if "〔" in name or "〕" in name else name


def _resolve(name: str, table: AliasTable) -> Resolution:
    name = fold_brackets(name)
    found = _resolve_table(name, table)
    if found is not None:
        return found
    plate = OTHER_PLATE.match(name)
    if plate:  # 市发展改革委（市能源局）: the body under its first plate
        head = _resolve_table(plate.group("head"), table) or _local_government(plate.group("head"))
        if head is not None:  # 各区政府（新区管委会）: the governments, and the zones run like them
            return head
    local = _local_government(name)
    if local is not None:
        return local
    function = _function_departments(name, table) or _levels_function(name, table)
    if function is not None:
        return function
    if name.endswith(BRANCH_ENDINGS):
        branch = _branch_office(name, table)
        if branch is not None:
            return branch
    county = _county_bureau(name, table)
    if county is not None:
        return county
    if name.endswith(INTERNAL_UNIT_ENDINGS):
        internal = _internal_unit(name, table)
        if internal is not None:
            return internal
    return _unknown(name)


# A ministry's department or bureau (农业农村部科技教育司, 国家发展改革委资源节约和环境保护司, 国家林草局生态
# 保护修复司, 农业农村部畜牧兽医局): the ministry's function and level; the unit is its body, so two units
# of one ministry in one note are two.
INTERNAL_UNIT_ENDINGS = ("司", "局")
INTERNAL_UNIT = lazy(r"^(?P<head>\p{Han}{2,10}?(?:部|委|总局|局|署))(?P<unit>\p{Han}{2,14}(?:司|局))$")


def _internal_unit(name: str, table: AliasTable) -> Optional[Resolution]:
    m = INTERNAL_UNIT.match(name)
    if m is None:
        return None
    head = _resolve_table(m.group("head"), table)
    if head is None or head.generic or head.level != "国家":
        return None
    return Resolution(head.canonical, "国家", False, True, head.place, True, fixed_level=True, body=m.group("unit"))


def _county_bureau(name: str, table: AliasTable) -> Optional[Resolution]:
    """A city's bureau in one of its counties, the county's name between (苏州市昆山生态环境局, 常州市武进生态环境局:
    Jiangsu's vertically managed ecology bureaus): the bureau's function, the county its region, no level."""
    m = PLACE_PREFIX.match(name) if "市" in name else None
    if m is None or m.group("level") != "市":
        return None
    rest = name[m.end():]
    for k in (2, 3):
        if len(rest) - k < 3 or rest[k - 1] in "市区县":
            continue
        row, _ = table.match(rest[k:])
        if row is not None and row.kind == "dept" and not row.no_level and row.level is None:
            return Resolution(row.canonical, None, False, True, rest[:k], True, fixed_level=True, body=row.body)
    return None


# A branch of a bank or a company, its place between (国家开发银行广东省分行, 中国华能集团广东分公司, 中国石化
# 广州分公司, 广东电网有限责任公司佛山供电局, 中国铁路郑州局集团有限公司洛阳车务段): the body is the head (its
# canonical when the table knows it, else its name as written, 国家 and all), the place its region, no level.
BRANCH_ENDINGS = ("分行", "支行", "营业管理部", "公司", "供电局", "车务段", "货运中心", "办事处")
BRANCH_OFFICE = lazy(
    r"^(?P<head>\p{Han}{2,16}?(?:银行|集团|有限责任公司|股份有限公司|有限公司|公司)|(?:国家|中国)\p{Han}{2,4}?)"
    r"(?P<place>(?!有限|股份|公司)\p{Han}{2,6}?(?:省|市|自治区)?)(?P<unit>分行|中心支行|支行|营业管理部|分公司|供电局|供电公司|车务段|货运中心|办事处|公司)$"
)


def _branch_office(name: str, table: AliasTable) -> Optional[Resolution]:
    m = BRANCH_OFFICE.match(name)
    if m is None:
        return None
    if m.group("unit") == "公司" and not _is_province(m.group("place")):
        return None  # 中国移动湖南公司, but not 中国华能|集团有限|公司
    head = _resolve_table(m.group("head"), table)
    if head is not None and not head.generic:
        return Resolution(head.canonical, None, False, True, m.group("place"), True, fixed_level=True, body=head.body)
    return Resolution(m.group("head"), None, False, False, m.group("place"), True, fixed_level=True)


# The end of an enterprise's or an institute's name: a 国家 / 中国 before it is part of the name (中国华能集团,
# 国家能源投资集团有限责任公司, 中国建设银行, 中国科学院青岛生物能源与过程研究所, 中国电力企业联合会),
# not a level.
ENTERPRISE_ENDINGS = ("集团", "公司", "银行", "研究所", "研究院", "大学", "联合会", "协会")


# 生态环境部门 / 各级住房城乡建设部门 / 有关林草部门: the departments of one function, at every level.
FUNCTION_DEPARTMENTS = lazy(r"^(?P<q>各级|各地方|地方各级|各地|各|有关|相关)?(?P<function>\p{Han}{2,12}?)(?:主管|管理)?部门$")


def _function_departments(name: str, table: AliasTable) -> Optional[Resolution]:
    m = FUNCTION_DEPARTMENTS.match(name)
    if not m:
        return None
    for ending in ("局", "厅", "委", "部"):
        found = _resolve_table(m.group("function") + ending, table)
        if found is not None and found.known and not found.generic:
            # 省级生态环境部门: the level written before the function (not 生态环境部's own).
            level = found.level if found.prefixed and not found.fixed_level else None
            return Resolution(found.canonical, level, True, True)
    return None


def _resolve_table(name: str, table: AliasTable) -> Optional[Resolution]:
    whole, whole_place = table.match(name)
    if whole is not None and (whole.no_level or whole.level):
        return Resolution(whole.canonical, whole.level, whole.kind == "generic", True, whole_place, whole_place is not None,
                          fixed_level=True, body=whole.body)
    for place, level, modifier, rest in _prefixes(name):
        if len(rest) < 2:
            continue
        row, row_place = table.match(rest)
        if row is None:
            continue
        if modifier in PARTY_MODIFIERS and row.kind != "party":
            continue
        if place and row.kind == "generic":
            continue  # 永川高新区管委会 is one body, not 永川高新 + 区 + 管委会
        level_of = None if row.no_level else row.level or level
        # 市生态环境局万州分局: the branch's own place ({地}) says more than the level before it.
        return Resolution(row.canonical, level_of, row.kind == "generic", True, row_place or place, True,
                          fixed_level=row.no_level or row.level is not None, body=row.body)
    if whole is not None:
        return Resolution(whole.canonical, None, whole.kind == "generic", True, whole_place, whole_place is not None,
                          body=whole.body)
    return None


def _local_government(name: str) -> Optional[Resolution]:
    """各市（州）人民政府, 地方各级人民政府, 各区, 有关市, 浦东新区 …: local governments as actors."""
    m = LOCAL_GOVERNMENTS.match(name)
    if m and (m.group("q") or m.group("gov") or len(m.group("units")) >= 2) and name not in ("", "地"):
        levels = _levels(m.group("units"))
        broad = m.group("q") in ("地方各级", "各级") or "以上" in m.group("units")  # 县级以上: every level from 县 up
        level = levels.pop() if len(levels) == 1 and not broad else None
        return Resolution(LOCAL_GOVERNMENT, level, True, True, local_government=True)
    place = PLACE_ACTOR.match(name)
    if place and not GENERIC_HINT.search(name):
        region = name[:place.end("unit")]  # 西昌市 of 西昌市人民政府
        unit = place.group("unit")
        if NOT_A_PLACE_ACTOR.search(region) and unit != "地区":
            return None
        level = {"地区": "市", "区": "区", "新区": "区", "县": "县", "自治县": "县", "旗": "县", "市": "市", "州": "市", "自治州": "市", "盟": "市"}.get(unit)
        if unit == "市" and region in county_level_cities():
            level = "县"  # 延吉市, 西昌市人民政府: a county-level city
        return Resolution(LOCAL_GOVERNMENT, level, True, True, region, True, local_government=True)
    return None


def _unit_level(unit: str) -> Optional[str]:
    """The level of one unit of a list of local governments: 自治区 -> 省, 直辖市 -> 省, 地级市 -> 市, 乡镇 -> None."""
    return PLACE_LEVEL.get(unit) or UNIT_LEVELS.get(unit) or ("市" if unit.endswith(("市", "师")) else None)


# A bracket after a unit lists the other forms of that level: 各省（区、市） are the provinces,
# 各县（市、区） the counties, 各区县（自治县） districts and counties.
SAME_LEVEL_FORMS = lazy(r"[（(][^（）()]*[）)]")


def _levels(units: str) -> set[Optional[str]]:
    """The levels a list of units names, a bracket of other forms aside: 各市（州）、县（市、区） -> {市, 县}."""
    if "（" in units or "(" in units:
        written = units
        units = SAME_LEVEL_FORMS.sub("", units)
        if units.lstrip("各") in PREFECTURE_AREAS and any(u in written for u in "州市盟"):
            return {"市"}  # 各地（州、市）: the prefectures under their three names
    found = LOCAL_UNIT.findall(units)
    levels = {_unit_level(u) for u in found}
    if None in levels and len(levels) == 2 and "市" in levels and all(u in PREFECTURE_AREAS or _unit_level(u) for u in found):
        levels.discard(None)  # 各地州市 / 各地（州、市）: Xinjiang's 地区 beside its 州 and 市, all prefectures
    return levels


# An area that is a prefecture when listed with 州 and 市 (各地州市人民政府), and a place anywhere alone (各地).
PREFECTURE_AREAS = ("地", "地区")


# What may follow a unit inside a list of levels: 各省、自治区、直辖市及新疆生产建设兵团 / 各省（区、市）.
LEVEL_LIST_MARKS = lazy(r"[、和及与（）()]*")
LEVELS_QUALIFIER = ("各", "有关", "相关")


def levels_function(name: str, after_levels: bool = False) -> Optional[Resolution]:
    """``_levels_function`` with the package table, memoised.  ``after_levels``: the name ends a list
    whose earlier pieces are levels (各省、自治区、| 新疆生产建设兵团工业和信息化主管部门), so one unit
    before a function's 部门 is enough."""
    return _levels_function_default(fold_brackets(compact(name)), after_levels)


@lru_cache(maxsize=4096)
def _levels_function_default(name: str, after_levels: bool) -> Optional[Resolution]:
    return _levels_function(name, default_table(), after_levels)


def _levels_function(name: str, table: AliasTable, after_levels: bool = False) -> Optional[Resolution]:
    """A function's departments at the levels listed before it, as one generic actor:
    各省、自治区、直辖市及新疆生产建设兵团工业和信息化主管部门 (the ministries' standard phrase) ->
    经济信息委, level 省; 各省（区、市）生态环境厅; 省级生态环境部门 -> 生态环境局, 省.

    The units are read one after the other; the longest run after which the rest names a
    department of the table (or a function's 部门) wins (各市市场监管局: 市, then 市场监管局).
    A single unit with no 各 / 级 before the name is a level prefix, read by the table already.
    """
    qualifier = next((q for q in LEVELS_QUALIFIER if name.startswith(q)), "")
    pos = len(qualifier)
    units: list[tuple[str, int]] = []  # (unit, where the rest after it starts)
    while (m := LOCAL_UNIT.match(name, pos)) is not None:
        pos = LEVEL_LIST_MARKS.match(name, m.end()).end()
        units.append((m.group(), pos))
    for n in range(len(units), 0, -1):
        rest = name[units[n - 1][1]:]
        above = rest.startswith("级以上")  # 县级以上: every level from 县 up
        grade = above or rest.startswith("级")
        rest = rest[3 if above else 1:] if grade else rest
        if len(rest) < 2:
            continue
        found = _function_departments(rest, table)
        if not (qualifier or grade or n > 1 or (after_levels and found is not None)):
            continue
        if found is None or found.level is not None:
            found = _resolve_table(rest, table)  # a department: 生态环境厅 (not 有关部门, not 市生态环境局)
            if found is None or found.generic or found.prefixed or found.fixed_level:
                continue
        levels = _levels(name[len(qualifier):units[n - 1][1]])
        return Resolution(found.canonical, levels.pop() if len(levels) == 1 and not above else None, True, True)
    return None


def _unknown(name: str) -> Resolution:
    """Never drop a name the table does not know: strip a level prefix when one is written
    (not the 国家 / 中国 of an enterprise's name)."""
    enterprise = name.endswith(ENTERPRISE_ENDINGS)
    if enterprise and name.startswith(("中国", "国家")):
        return Resolution(name, None, False, False)
    for place, level, modifier, rest in _prefixes(name):
        if modifier in PARTY_MODIFIERS or len(rest) < 2:
            continue
        if place and not ORG_SUFFIX.search(rest):
            continue
        if place and enterprise:  # 天津港集团, 广西投资集团: one company of that place, not a level's function
            return Resolution(name, None, False, False, place, True)
        return Resolution(rest, level, bool(GENERIC_HINT.search(name)), False, place, True)
    return Resolution(name, None, bool(GENERIC_HINT.search(name)), False)


def is_known(name: str, table: Optional[AliasTable] = None) -> bool:
    return resolve(name, table).known


def looks_like_org(name: str, table: Optional[AliasTable] = None, places: bool = False) -> bool:
    """Is ``name`` a department or a group of actors (rather than prose)?

    A place as actor (松江区, 浦东新区) counts only with ``places``: inside a note already
    found, not when deciding whether a bracket is a note at all (（成渝地区）, （超大城市）).
    """
    return _looks_like_org_default(name, places) if table is None else _looks_like_org(name, table, places)


@lru_cache(maxsize=8192)
def _looks_like_org_default(name: str, places: bool) -> bool:
    """``looks_like_org`` with the package table, memoised like ``_resolve_default``: the notes of
    a plan name the same departments again and again."""
    return _looks_like_org(name, None, places)


def _looks_like_org(name: str, table: Optional[AliasTable], places: bool) -> bool:
    name = compact(name)
    if not name:
        return False
    if ORG_SUFFIX.search(name) is not None:
        return True
    res = resolve(name, table)
    return res.known and (places or not (res.local_government and res.place))


# ---------------------------------------------------------------- repair of names cut by a page break


def join_points(normalized: NormalizedText) -> list[int]:
    """Offsets where normalisation joined two raw lines without a paragraph break."""
    text = normalized.text
    return [o for o, _ in normalized.line_starts if 0 < o < len(text) and text[o - 1] != "\n"]


# Longest name repair_name tries to mend (the longest real department names are ~30
# characters: 市规划和自然资源局、市住房城乡建设委…); longer "names" are unclosed notes.
MAX_REPAIRED_NAME = 60


def _body_under_department(name: str) -> bool:
    """Does ``name`` read as a department followed by a body of its own (市公安局 + 交管局, 市水利局 +
    河长办)?  Such a name repeats a character (局) without any break having repeated it."""
    for k in range(3, len(name) - 1):
        head = resolve(name[:k])
        if head.known and not head.generic and resolve(name[k:]).known:
            return True
    return False


def repair_name(raw: str, start: int, joins: list[int]) -> Optional[str]:
    """A name a page break cut and duplicated a character of: 区住房城乡建设|建委 -> 区住房城乡建设委.

    Only a deletion that removes characters repeated right beside them and
    yields a name the alias table knows.  Join points are tried first; then
    every position, for text that reached us already re-flowed (a web copy of a
    paginated file keeps the duplicate but not the break).
    """
    if len(raw) > MAX_REPAIRED_NAME:
        return None  # no department name is this long; trying every cut would be quadratic
    if _body_under_department(compact(raw)):
        return None  # 市公安局交警大队: a body under its department, nothing repeated by a break
    inside = [join - start for join in joins if 0 < join - start < len(raw)]
    seen = set(inside)
    for r in inside + [r for r in range(1, len(raw)) if r not in seen]:
        for a, b, near in (
            (r, r + 1, raw[max(0, r - 3):r]),
            (r - 1, r, raw[r:r + 3]),
            (r, r + 2, raw[max(0, r - 4):r]),
            (r - 2, r, raw[r:r + 4]),
        ):
            cut = raw[max(a, 0):b]
            if a < 0 or b > len(raw) or cut not in near:
                continue
            candidate = compact(raw[:a] + raw[b:])
            if resolve(candidate).known:
                return candidate
    return None
