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

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator, Optional

import regex

from .model import NormalizedText

# ---------------------------------------------------------------- patterns

# Administrative levels a plan writes in front of a department, longest first:
# 国家发展改革委, 省生态环境厅, 市经济信息委, 区农业农村委, 县水利局.
LEVELS = ("国家", "省", "市", "区", "县")
# What may stand between the level and the department name: 市级有关部门 (级),
# 区属重点国有企业 (属), 区委宣传部 (委: the party committee; only for party organs).
LEVEL_MODIFIERS = ("级", "属")
PARTY_MODIFIER = "委"
# A place name written before the level: 重庆市 / 四川省 / 沙坪坝区 / 永川区 (2–6 characters + level).
PLACE_PREFIX = regex.compile(r"^(?!各|有关|相关)(?P<place>\p{Han}{2,6}?)(?P<level>省|市|区|县)")
# Words that start with a level character but are not a level prefix: 市场监管局 (市场), 区域, 县域.
NOT_A_LEVEL = regex.compile(r"^(?:市场|市政(?!府)|区域|区县|县域|县城|省级以上)")
# Wildcards in the table: {地} a place name (重庆, 永川), {序} an ordinal (四, 七, 12).
WILDCARDS = {"{地}": r"\p{Han}{2,6}?", "{序}": r"(?:[一二三四五六七八九十]{1,3}|\d{1,3})"}
# The ending of an organisation's name; a list item without one (and not in the
# table) is prose, not a department: 局 委 办 部 厅 署 中心 政府 管委会 分行 海关 …
ORG_SUFFIX = regex.compile(
    r"(?:局|委|办|部|厅|署|院|中心|政府|会|社|研究所|站|分行|支行|银行|处|室|队|司|海关|企业|单位|部门"
    r"|镇街|街道|集团|公司|联|小组)$"
)
# Generic actors not in the table: 各… / 有关… / 相关… / …所属…
GENERIC_HINT = regex.compile(r"^各|有关|相关|所属|各级")


@dataclass(frozen=True)
class _Row:
    canonical: str
    no_level: bool  # "-" in the level column: never carries a level
    kind: str  # dept / generic / party
    level: Optional[str] = None  # a fixed level: 生态环境部 is always 国家


@dataclass(frozen=True)
class Resolution:
    """What the alias table says about one department name."""

    canonical: str
    level: Optional[str]
    generic: bool
    known: bool
    place: Optional[str] = None  # 四川省 / 重庆市 when written before the level


@dataclass(frozen=True)
class AliasTable:
    exact: dict[str, _Row]
    patterns: tuple[tuple[regex.Pattern[str], _Row], ...]

    def lookup(self, name: str) -> Optional[_Row]:
        row = self.exact.get(name)
        if row is not None:
            return row
        for pattern, prow in self.patterns:
            if pattern.fullmatch(name):
                return prow
        return None


def parse_table(text: str) -> AliasTable:
    """Read the TSV (alias, canonical, level, kind); '#' starts a comment line."""
    exact: dict[str, _Row] = {}
    patterns: list[tuple[regex.Pattern[str], _Row]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise ValueError(f"departments.tsv:{number}: expected alias<TAB>canonical[<TAB>level<TAB>kind]")
        alias, canonical = cols[0].strip(), cols[1].strip()
        level = cols[2].strip() if len(cols) > 2 else ""
        kind = (cols[3].strip() if len(cols) > 3 else "") or "dept"
        if kind not in ("dept", "generic", "party") or level not in ("", "-", *LEVELS):
            raise ValueError(f"departments.tsv:{number}: bad level {level!r} or kind {kind!r}")
        row = _Row(canonical, level == "-", kind, level if level in LEVELS else None)
        if alias in exact or any(p.pattern == alias for p, _ in patterns):
            raise ValueError(f"departments.tsv:{number}: alias {alias} listed twice")
        if "{" in alias:
            body = regex.escape(alias)
            for wildcard, pattern in WILDCARDS.items():
                body = body.replace(regex.escape(wildcard), pattern)
            patterns.append((regex.compile(body), row))
        else:
            exact[alias] = row
    return AliasTable(exact, tuple(patterns))


@lru_cache(maxsize=None)
def default_table() -> AliasTable:
    text = resources.files("jianwu.data").joinpath("departments.tsv").read_text("utf-8")
    return parse_table(text)


# White space a PDF or a page break left inside a name.
INNER_SPACE = regex.compile(r"\s+")


def compact(name: str) -> str:
    """Remove the spaces and line breaks a PDF or a page break left inside a name."""
    return INNER_SPACE.sub("", name)


def _prefixes(name: str) -> Iterator[tuple[Optional[str], str, str, str]]:
    """(place, level, modifier, rest) for every way ``name`` may start with a level prefix.

    Shortest first: 市市场监管局 -> (None, 市, "", 市场监管局); 重庆市生态环境局 ->
    (重庆市, 市, "", 生态环境局); 区委宣传部 -> (None, 区, "", 委宣传部), (None, 区, 委, 宣传部).
    """
    heads: list[tuple[Optional[str], str, int]] = []
    for level in LEVELS:
        if name.startswith(level) and not NOT_A_LEVEL.match(name):
            heads.append((None, level, len(level)))
    m = PLACE_PREFIX.match(name)
    if m:
        heads.append((m.group(0), m.group("level"), m.end()))
    for place, level, end in heads:
        rest = name[end:]
        yield place, level, "", rest
        for modifier in (*LEVEL_MODIFIERS, PARTY_MODIFIER):
            if rest.startswith(modifier):
                yield place, level, modifier, rest[len(modifier):]


def resolve(name: str, table: Optional[AliasTable] = None) -> Resolution:
    """Canonical name, level and kind of a department name as written (already repaired)."""
    name = compact(name)
    return _resolve_default(name) if table is None else _resolve(name, table)


@lru_cache(maxsize=8192)
def _resolve_default(name: str) -> Resolution:
    return _resolve(name, default_table())


def _resolve(name: str, table: AliasTable) -> Resolution:
    whole = table.lookup(name)
    if whole is not None and (whole.no_level or whole.level):
        return Resolution(whole.canonical, whole.level, whole.kind == "generic", True)
    for place, level, modifier, rest in _prefixes(name):
        if len(rest) < 2:
            continue
        row = table.lookup(rest)
        if row is None:
            continue
        if modifier == PARTY_MODIFIER and row.kind != "party":
            continue
        if place and row.kind == "generic":
            continue  # 永川高新区管委会 is one body, not 永川高新 + 区 + 管委会
        return Resolution(row.canonical, None if row.no_level else row.level or level, row.kind == "generic", True, place)
    if whole is not None:
        return Resolution(whole.canonical, None, whole.kind == "generic", True)
    return _unknown(name)


def _unknown(name: str) -> Resolution:
    """Never drop a name the table does not know: strip a level prefix when one is written."""
    for place, level, modifier, rest in _prefixes(name):
        if modifier == PARTY_MODIFIER or len(rest) < 2:
            continue
        if place and not ORG_SUFFIX.search(rest):
            continue
        return Resolution(rest, level, bool(GENERIC_HINT.search(name)), False, place)
    return Resolution(name, None, bool(GENERIC_HINT.search(name)), False)


def is_known(name: str, table: Optional[AliasTable] = None) -> bool:
    return resolve(name, table).known


def looks_like_org(name: str, table: Optional[AliasTable] = None) -> bool:
    """Is ``name`` a department or a group of actors (rather than prose)?"""
    name = compact(name)
    return bool(name) and (ORG_SUFFIX.search(name) is not None or resolve(name, table).known)


# ---------------------------------------------------------------- repair of names cut by a page break


def join_points(normalized: NormalizedText) -> list[int]:
    """Offsets where normalisation joined two raw lines without a paragraph break."""
    text = normalized.text
    return [o for o, _ in normalized.line_starts if 0 < o < len(text) and text[o - 1] != "\n"]


# Longest name repair_name tries to mend (the longest real department names are ~30
# characters: 市规划和自然资源局、市住房城乡建设委…); longer "names" are unclosed notes.
MAX_REPAIRED_NAME = 60


def repair_name(raw: str, start: int, joins: list[int]) -> Optional[str]:
    """A name a page break cut and duplicated a character of: 区住房城乡建设|建委 -> 区住房城乡建设委.

    Only a deletion that removes characters repeated right beside them and
    yields a name the alias table knows.  Join points are tried first; then
    every position, for text that reached us already re-flowed (a web copy of a
    paginated file keeps the duplicate but not the break).
    """
    if len(raw) > MAX_REPAIRED_NAME:
        return None  # no department name is this long; trying every cut would be quadratic
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
