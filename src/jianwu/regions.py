"""Regional groupings and provinces (``data/regions.tsv``): which targets of a parent apply to a child.

A national plan sets some targets per region (``京津冀及周边地区、长三角地区煤炭消费量分别
下降12%、6%左右``).  ``scope_prefix`` finds such a region at the start of an indicator;
``covers(scope, region)`` says whether a child document's region (its metadata: 河北省,
邯郸市, 河北省邯郸市) lies in the scope, so that a Hebei plan is compared with the
京津冀 value only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from .patterns import compile_pattern, lazy
from .tables import read_table

# A province-level name as written in titles: 河北省, 广西壮族自治区, 重庆市, 香港特别行政区 -> the short name.
PROVINCE_SUFFIX = lazy(r"(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)$")
# The same after a province's name at the start of a region: 河北省邯郸市 -> 邯郸市 once 河北 is taken off.
LEADING_PROVINCE_SUFFIX = lazy(r"^(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)")
# Where a city-level name ends inside a longer region: 邯郸市|丛台区, 延边朝鲜族自治州|延吉市.
AFTER_CITY = lazy(r"(?<=市|自治州|地区|盟)")
# A city-level name: 邯郸市, 延边朝鲜族自治州, 大兴安岭地区, 锡林郭勒盟 -> 邯郸.
CITY_SUFFIX = lazy(r"(?:市|自治州|地区|盟)$")


@dataclass(frozen=True)
class Region:
    """A named region: a province or a group of provinces and cities (京津冀及周边地区)."""

    name: str  # canonical name, e.g. 京津冀及周边地区
    kind: str  # group / province
    provinces: frozenset[str]
    cities: frozenset[str]


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Region], dict[str, str]]:
    regions: dict[str, Region] = {}
    aliases: dict[str, str] = {}
    for row in read_table("regions.tsv"):
        name, kind, provinces = row[0], row[1], row[2]
        cities = row[3] if len(row) > 3 else ""
        if kind == "alias":
            aliases[name] = provinces
        else:
            regions[name] = Region(name, kind, frozenset(provinces.split()), frozenset(cities.split()))
    return regions, aliases


def canonical(name: str) -> Optional[str]:
    """The table's name for a written region (长三角地区 -> 长三角, 河北省 -> 河北), a prefecture or
    county-level city's full name as written (武汉市), or None."""
    regions, aliases = _table()
    for candidate in (name, PROVINCE_SUFFIX.sub("", name), name.removesuffix("地区")):
        candidate = aliases.get(candidate, candidate)
        if candidate in regions:
            return candidate
    return name if name in _city_provinces() else None  # a prefecture or county-level city, by its full name


@lru_cache(maxsize=1)
def scope_pattern() -> regex.Pattern[str]:
    """A region written at the start of a phrase: 京津冀及周边地区 / 长三角地区 / 河北省 / 汾渭平原."""
    regions, aliases = _table()
    names = set(regions) | set(aliases)
    spellings = {n for n in names if regions.get(n, None) is None or regions[n].kind == "group"}
    provinces = [n for n, r in regions.items() if r.kind == "province"]
    alternation = "|".join(regex.escape(n) for n in sorted(spellings, key=lambda n: (-len(n), n)))
    province = "|".join(regex.escape(n) for n in sorted(provinces, key=lambda n: (-len(n), n)))
    # A province only with its suffix (河北省, 广西壮族自治区): a bare 北京 may be part of a name.
    # The look-ahead for the names' first characters turns most places down in one test (the
    # engine would try every name); it changes no match.
    firsts = "".join(regex.escape(c) for c in sorted({n[0] for n in (*spellings, *provinces)}))
    return compile_pattern(
        rf"(?=[{firsts}])(?:(?:{alternation})(?:地区)?|(?:{province})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区))"
    )


def scope_prefix(text: str) -> Optional[str]:
    """The region ``text`` starts with, as written (京津冀及周边地区煤炭消费量 -> 京津冀及周边地区), or the
    prefecture or county-level city it starts with (武汉市可吸入颗粒物年均浓度 -> 武汉市: a provincial plan's
    value for one of its cities)."""
    m = scope_pattern().match(text)
    return m.group(0) if m else city_prefix(text)


def city_prefix(text: str) -> Optional[str]:
    """The prefecture or county-level city ``text`` starts with, by the full name the tables hold
    (``data/prefectures.tsv``, ``data/county_cities.tsv``): 武汉市可吸入颗粒物… -> 武汉市; 城市… -> None."""
    names = _city_names_by_first().get(text[:1])
    return next((name for name in names if text.startswith(name)), None) if names else None


@lru_cache(maxsize=1)
def _city_names_by_first() -> dict[str, tuple[str, ...]]:
    """The cities' full names by their first character, the shortest first (most indicators start with
    a character no city's name does: one dict lookup turns them down)."""
    by_first: dict[str, list[str]] = {}
    for name in sorted(_city_provinces(), key=lambda n: (len(n), n)):
        by_first.setdefault(name[0], []).append(name)
    return {first: tuple(names) for first, names in by_first.items()}


@lru_cache(maxsize=1)
def _county_city_provinces() -> dict[str, str]:
    """County-level city -> its province's short name (``data/county_cities.tsv``): 昆山市 -> 江苏."""
    return {row[0]: PROVINCE_SUFFIX.sub("", row[1]) for row in read_table("county_cities.tsv")}


@lru_cache(maxsize=1)
def _city_provinces() -> dict[str, str]:
    """Prefecture or county-level city -> its province (full name), from ``data/prefectures.tsv`` and
    ``data/county_cities.tsv``: 广州市 -> 广东省, 昆山市 -> 江苏省, 延边朝鲜族自治州 -> 吉林省."""
    table = {name: province for name, province in read_table("prefectures.tsv")}
    for name, province, *_ in read_table("county_cities.tsv"):
        table.setdefault(name, province)
    return table


def city_province(region: Optional[str]) -> Optional[str]:
    """The province of a region that is, or begins with, a prefecture or a county-level city:
    广州市 -> 广东省, 苏州市吴江区 -> 江苏省, 昆山市 -> 江苏省; None for a name the tables do not hold."""
    if not region:
        return None
    table = _city_provinces()
    found = table.get(region)
    if found is None:
        for end in ("市", "州", "盟", "地区"):
            cut = region.find(end)
            if 0 < cut < len(region) - len(end):
                found = table.get(region[:cut + len(end)])
                if found is not None:
                    break
    return found


def place_of(region: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(province, city) short names of a document region: 河北省邯郸市 -> (河北, 邯郸); 邯郸市 -> (None, 邯郸);
    a county-level city, whose province the table knows: 昆山市 -> (江苏, 昆山)."""
    if not region:
        return None, None
    regions, _ = _table()
    provinces = [n for n, r in regions.items() if r.kind == "province"]
    province = next((p for p in sorted(provinces, key=len, reverse=True) if region.startswith(p)), None)
    rest = region
    if province is not None:
        rest = LEADING_PROVINCE_SUFFIX.sub("", region[len(province):])  # (region starts with province)
    city = CITY_SUFFIX.sub("", AFTER_CITY.split(rest)[0]) if rest else None
    if province is None and region.endswith("市"):
        province = _county_city_provinces().get(region)
    return province, city or None


def grouping_or_province(name: str) -> bool:
    """Is ``name`` a grouping or a province of the table (长三角地区, 京津冀, 河北省), not a city?"""
    found = canonical(name)
    return found is not None and found in _table()[0]


def names_own_place(scope: str, region: Optional[str]) -> bool:
    """Does ``scope`` name the document region ``region`` itself (湖北省 for 湖北省, 武汉市 for 武汉市 or
    湖北省武汉市)?  A plan's target for its own region is its target for no region in particular."""
    if not region or canonical(scope) is None:
        return False
    s_province, s_city = place_of(scope)
    province, city = place_of(region)
    if s_city is not None:
        return s_city == city and s_province in (None, province)
    return city is None and s_province is not None and s_province == province


def covers(scope: str, region: Optional[str]) -> Optional[bool]:
    """Does ``scope`` (a region as written in a target) include the document region ``region``?

    None when it cannot be told (no region, a scope that is not in the table).
    """
    name = canonical(scope)
    province, city = place_of(region)
    if name is None or (province is None and city is None):
        return None
    if name not in _table()[0]:
        # a city's value (武汉市…下降18%): that city's, and its districts' (武汉市江岸区), no province's
        return city is not None and CITY_SUFFIX.sub("", name) == city
    r = _table()[0][name]
    if province is not None and province in r.provinces:
        return True
    if city is not None and (city in r.cities or city in r.provinces):
        return True
    if province is None:
        return None  # a city whose province is unknown: only the city lists could tell
    return False
