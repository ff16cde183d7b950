"""What an aligned pair of documents says as data: targets, departments, summary metrics.

Targets are matched inside aligned clause pairs (a parent target can only have
gone where its clause went), one-to-one, on indicator similarity; then compared
by value taking comparator and direction into account:

* ``>=`` / ``>`` (a floor: 达到25%以上) and ``=`` / ``≈`` with a direction (a change
  of a given size: 降低14.5%, 下降1%): a larger value asks for more -> stricter;
* ``<=`` / ``<`` (a ceiling: 不超过34微克/立方米): a smaller value is stricter;
* a water quality class (Ⅲ类以上 -> Ⅱ类以上): a cleaner class is stricter;
* anything else (no direction, a range, a text value, different units, a change
  from another base year: 比2020年 → 比2022年) is just ``value_changed``.  A different year is ``year_changed`` (the value comparison
  is kept in ``detail``).

A parent target for a region (京津冀及周边地区…分别下降12%) binds a child inside it before the
parent's target for the whole country beside it, which it then replaces (not ``dropped``).

Departments are matched by ``DepartmentRef.canonical``, which names a function of
government and is level-free, so the parent's 市发展改革委 meets the child's
区发展改革委, a ministry its provincial 厅, and 地方各级人民政府 the child's 各镇街.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Optional

import regex
from rapidfuzz import fuzz

from . import regions

from .align import fold
from .diffmodel import (
    Alignment,
    DepartmentChange,
    DepartmentPairing,
    Summary,
    TargetChange,
    clause_status,
)
from .model import DepartmentRef, Document, Target
from .patterns import compile_pattern, lazy
from .tables import read_table

INDICATOR_MIN = 0.6  # indicator similarity that makes two targets the same target
DOCUMENT_MIN = 0.85  # … and outside aligned clause pairs, where only a near-identical indicator will do
FLOOR_COMPARATORS = (">=", ">")
CEILING_COMPARATORS = ("<=", "<")
POINT_COMPARATORS = ("=", "≈")
TARGET_STATUSES = ("same", "stricter", "looser", "not_comparable", "value_changed", "year_changed", "new", "dropped")


# ---------------------------------------------------------------- targets


@lru_cache(maxsize=1)
def _polarities() -> tuple[tuple[regex.Pattern[str], int], ...]:
    return tuple((compile_pattern(p), 1 if d == "up" else -1) for p, d in read_table("polarity.tsv"))


def polarity(indicator: str) -> int:
    """+1 when a larger value of the indicator is better, -1 when a smaller one is, 0 unknown (data/polarity.tsv)."""
    return next((sign for pattern, sign in _polarities() if pattern.search(indicator)), 0)


def _sense(t: Target) -> int:
    """+1 when a larger value asks for more, -1 when a smaller one does, 0 when the target does not say.

    A floor (以上, 不低于) and a change (下降14.5%, 年均下降2.7%: a larger change asks more) are +1;
    a ceiling (不超过) is -1; a level reached by a verb says its way: 提高至 +1, 下降至 -1.
    """
    if t.comparator in FLOOR_COMPARATORS:
        return 1
    if t.comparator in CEILING_COMPARATORS:
        return -1
    if t.comparator in POINT_COMPARATORS and t.direction in ("up", "down"):
        if t.basis in ("cumulative", "annual"):
            return 1
        return 1 if t.direction == "up" else -1
    return 0


def _strength(comparator: str, sense: int) -> int:
    """How firmly a comparator holds a value in the direction that asks more: 左右 0 < 达到/以上/不超过 1."""
    if comparator == "≈":
        return 0
    if comparator in FLOOR_COMPARATORS:
        return 1 if sense > 0 else -1
    if comparator in CEILING_COMPARATORS:
        return 1 if sense < 0 else -1
    return 1  # 达到25%: reached, i.e. at least 25% of an up-target


# A water quality class as a target's value: Ⅱ类, Ⅲ类, 劣Ⅴ类 (also in Latin capitals, III类).
WATER_CLASS = lazy(r"^(?P<worse>劣)?(?P<numeral>[ⅠⅡⅢⅣⅤ]|IV|V|I{1,3})类$")
CLASS_NUMERALS = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}


def water_class(value_text: str) -> Optional[float]:
    """The rank of a water quality class (Ⅰ类 1 … Ⅴ类 5, 劣Ⅴ类 5.5: smaller is cleaner), or None."""
    if not value_text or not value_text.endswith("类"):
        return None
    m = WATER_CLASS.match(value_text)
    if m is None:
        return None
    return CLASS_NUMERALS[m.group("numeral")] + (0.5 if m.group("worse") else 0.0)


# Mass units by their weight in tonnes: a unit that differs from another only by its leading mass unit
# (千克标准煤/吨 and 吨标准煤/吨, 毫克/升 and 微克/升) is the same measure at another scale.
MASS_UNITS = (("千克", 1e-3), ("公斤", 1e-3), ("毫克", 1e-9), ("微克", 1e-12), ("克", 1e-6), ("吨", 1.0))


def unit_factor(unit: Optional[str], other: Optional[str]) -> Optional[float]:
    """What a value in ``unit`` is multiplied by to be in ``other``, when the two differ only by their
    leading mass unit: unit_factor("吨标准煤/吨", "千克标准煤/吨") -> 1000.0; else None."""
    if not unit or not other:
        return None
    a = next(((w, f) for w, f in MASS_UNITS if unit.startswith(w)), None)
    b = next(((w, f) for w, f in MASS_UNITS if other.startswith(w)), None)
    if a is None or b is None or unit[len(a[0]):] != other[len(b[0]):]:
        return None
    return a[1] / b[1]


def compare_values(parent: Target, child: Target) -> tuple[str, str]:
    """(same / stricter / looser / value_changed, why) for two targets of one indicator, years and scope aside.

    The comparators are judged together with the direction: the sense of the pair is what either
    side says (a floor, a ceiling, a verb) or, failing that, the indicator's polarity; 88%以上 → 96%
    of an up-target is stricter, 20%左右 → 20%以上 is stricter, a floor lowered is looser.
    """
    pv, cv = parent.value, child.value
    shown = f"{parent.value_text} → {child.value_text}"
    if (parent.unit or None) != (child.unit or None):
        factor = unit_factor(child.unit, parent.unit)
        if factor is None or not isinstance(cv, (int, float)):
            return "value_changed", f"{shown} (unit {parent.unit} → {child.unit})"
        # 560千克标准煤/吨 -> 0.55吨标准煤/吨: the child's value in the parent's unit (550千克标准煤/吨).
        in_parent_unit = round(cv * factor, 9)
        child = replace(child, value=in_parent_unit, unit=parent.unit,
                        value_max=None if child.value_max is None else round(child.value_max * factor, 9))
        status, detail = compare_values(parent, child)
        return status, f"{shown} (= {in_parent_unit:g}{parent.unit})"
    if parent.baseline_year and child.baseline_year and parent.baseline_year != child.baseline_year:
        # 比2020年下降13.5% -> 比2022年下降8%: a change from another base year is neither more nor less.
        return "value_changed", f"{shown} (base year {parent.baseline_year} → {child.baseline_year})"
    p_class, c_class = water_class(parent.value_text), water_class(child.value_text)
    if p_class is not None and c_class is not None:
        # 稳定保持在Ⅲ类以上 -> Ⅱ类以上: a better class (a smaller numeral) asks more.
        if p_class == c_class:
            return "same", shown
        return ("stricter" if c_class < p_class else "looser"), shown
    if not isinstance(pv, (int, float)) or not isinstance(cv, (int, float)):
        return ("same", shown) if pv == cv and parent.value_text == child.value_text else ("value_changed", shown)
    if parent.comparator == "range" or child.comparator == "range":
        same = pv == cv and parent.value_max == child.value_max and parent.comparator == child.comparator
        return ("same", shown) if same else ("value_changed", shown)
    sense_p, sense_c = _sense(parent), _sense(child)
    if sense_p and sense_c and sense_p != sense_c:
        return "value_changed", f"{shown} (comparator {parent.comparator} → {child.comparator})"
    sense = sense_p or sense_c or polarity(child.indicator or parent.indicator)
    if sense == 0:
        if pv == cv:
            if parent.comparator == child.comparator:
                return "same", shown
            return "value_changed", f"{shown} (comparator {parent.comparator} → {child.comparator})"
        return "value_changed", shown
    if pv == cv:
        step = _strength(child.comparator, sense) - _strength(parent.comparator, sense)
        if step == 0:
            return "same", shown
        return ("stricter" if step > 0 else "looser"), f"{shown} (comparator {parent.comparator} → {child.comparator})"
    stricter = (cv - pv) * sense > 0
    return ("stricter" if stricter else "looser"), shown


def compare_target(
    parent: Target, child: Target, *, parent_place: Optional[str] = None, child_place: Optional[str] = None
) -> tuple[str, str]:
    """The verdict on a matched pair; ``*_place`` is where each target applies (its scope, else its document's region).

    An absolute quantity (吨, 公里, 个) of one place says nothing about another's: a province's
    3000公里 against the nation's 7万公里 is ``not_comparable``.
    """
    absolute = "absolute" in (parent.measure, child.measure)
    if absolute and isinstance(parent.value, (int, float)) and _place_key(parent_place) != _place_key(child_place):
        return "not_comparable", (
            f"{parent.value_text} for {parent_place or 'the parent'} → {child.value_text} for {child_place or 'the child'}: "
            "absolute quantities of different scopes"
        )
    status, detail = compare_values(parent, child)
    if parent.year is not None and child.year is not None and parent.year != child.year:
        return "year_changed", f"year {parent.year} → {child.year}; value {status}: {detail}"
    return status, detail


def _place_key(place: Optional[str]) -> Optional[str]:
    return None if place is None else (regions.canonical(place) or place)


def _place(t: Target, doc: Document) -> Optional[str]:
    if t.scope and regions.canonical(t.scope):
        return t.scope
    if t.scope:
        return f"{doc.region or doc.level or doc.id} {t.scope}"
    if doc.region:
        return doc.region
    return "全国" if doc.level == "national" else None


def _counted(t: Target) -> bool:
    return t.kind != "condition"


@lru_cache(maxsize=256)
def province_of(region: Optional[str]) -> Optional[str]:
    """The province (full name) a region name begins with: 重庆市沙坪坝区 -> 重庆市, 河北 -> 河北省."""
    if not region:
        return None
    from .metadata import PROVINCES

    return next((full for full, short in PROVINCES if region.startswith((full, short))), None)


def document_province(doc: Document) -> Optional[str]:
    """The province a document belongs to: named in its region, else the one its text names most
    (as ``lineage.cites.child_province``, without loading the lineage package)."""
    from .metadata import dominant_province

    return regions.city_province(doc.region) or province_of(doc.region) or dominant_province(doc.text)


def scope_place(child: Document) -> Optional[str]:
    """The child's region for telling which of the parent's regional targets are its own.

    A city's region names no province (石家庄市), and a grouping defined by provinces (京津冀:
    北京 天津 河北) cannot tell whether it lies inside; the province its text names most
    (``document_province``: 河北省, in its citations of the provincial plan) is put before it.
    """
    region = child.region
    if not region or regions.place_of(region)[0] is not None:
        return region
    province = document_province(child)
    return province + region if province else region


def _applies(pt: Target, place: Optional[str]) -> bool:
    """A parent target scoped to a region the child is known to lie outside (长三角 for Hebei) is not the child's."""
    return not (pt.scope and regions.canonical(pt.scope) and regions.covers(pt.scope, place) is False)


def _scopes_match(pt: Target, ct: Target, place: Optional[str]) -> bool:
    """The child's unscoped target meets the parent's target for the child's own region or for no region."""
    if pt.scope and regions.canonical(pt.scope):
        if ct.scope:
            return regions.canonical(ct.scope) == regions.canonical(pt.scope)
        return regions.covers(pt.scope, place) is True
    return (pt.scope or None) == (ct.scope or None)


# A gloss in brackets inside an indicator: 细颗粒物（PM2.5）浓度, 化学需氧量（COD）排放量.  One plan
# writes it and its re-issue (or the parent's sentence for one region) does not.
INDICATOR_GLOSS = lazy(r"[（(][^（）()]{1,20}[）)]")
# What a parent target set for a region the child lies in (京津冀及周边地区…分别下降12%) adds to its
# score: for the child it is the target that binds it, before the parent's target for the whole country,
# whatever their indicators' similarity above the minimum (at most 1 - INDICATOR_MIN, and 0.1 for a same value).
OWN_REGION_BONUS = 0.6


@lru_cache(maxsize=1)
def _synonyms() -> tuple[regex.Pattern[str], dict[str, str]]:
    """data/indicator_synonyms.tsv as one alternation (longest phrase first) and its replacements."""
    table = {phrase: canonical for phrase, canonical in read_table("indicator_synonyms.tsv")}
    alternation = "|".join(regex.escape(p) for p in sorted(table, key=lambda p: (-len(p), p)))
    return compile_pattern(alternation), table


@lru_cache(maxsize=4096)
def indicator_key(indicator: str) -> str:
    """The indicator compared: spellings made one (data/indicator_synonyms.tsv: 单位GDP能耗 = 单位地区生产总值
    能源消耗), a bracketed gloss dropped (化学需氧量（COD）排放量 = 化学需氧量排放量), level characters folded."""
    indicator = _named(indicator)
    if "（" in indicator or "(" in indicator:
        indicator = INDICATOR_GLOSS.sub("", indicator) or indicator
    return fold(indicator)


@lru_cache(maxsize=1)
def _contrast_groups() -> tuple[tuple[str, ...], ...]:
    """data/indicator_contrasts.tsv: rows of qualifiers naming different things of one kind (大宗 / 一般)."""
    return tuple(tuple(row[0].split()) for row in read_table("indicator_contrasts.tsv"))


@lru_cache(maxsize=4096)
def _named(indicator: str) -> str:
    """The indicator with its spellings made one (data/indicator_synonyms.tsv), not yet level-folded."""
    pattern, table = _synonyms()
    return pattern.sub(lambda m: table[m.group()], indicator)


@lru_cache(maxsize=4096)
def contrasting(a: str, b: str) -> bool:
    """Do two indicators name different members of one kind (data/indicator_contrasts.tsv)?
    大宗工业固废综合利用率 / 一般工业固废综合利用率 -> True; 城市和县城污水处理率 / 县城污水处理率 -> False."""
    a, b = _named(a), _named(b)
    for group in _contrast_groups():
        in_a = {w for w in group if w in a}
        if in_a:
            in_b = {w for w in group if w in b}
            if in_b and in_a.isdisjoint(in_b):
                return True
    return False


def _score(pt: Target, ct: Target, place: Optional[str], minimum: float) -> Optional[tuple[float, bool]]:
    """(score, by indicator) of a candidate pair, or None; ``by indicator`` is False for a pair made
    only because one's indicator is written in the other's sentence."""
    if pt.basis != ct.basis or not _scopes_match(pt, ct, place):
        return None
    p_key, c_key = indicator_key(pt.indicator or ""), indicator_key(ct.indicator or "")
    similarity = 1.0 if p_key == c_key else fuzz.ratio(p_key, c_key) / 100
    direct = similarity >= minimum
    if not direct and not (minimum == INDICATOR_MIN and pt.unit == ct.unit and (
            (pt.indicator and pt.indicator in ct.text) or (ct.indicator and ct.indicator in pt.text))):
        return None  # … a sentence's target in another unit is another measure (1.8亿吨 is no 吨钢综合能耗)
    if p_key != c_key and contrasting(pt.indicator or "", ct.indicator or ""):
        return None  # 大宗工业固废 is not 一般工业固废
    own_region = bool(pt.scope and not ct.scope and regions.canonical(pt.scope))  # _scopes_match: it covers the child
    score = similarity + 0.1 * ((pt.unit == ct.unit) + (pt.year == ct.year) + (pt.value == ct.value)) + OWN_REGION_BONUS * own_region
    return score, direct


Key = tuple[int, int]  # (clause index, target index in the clause)


def _superseded(pt: Target, pi: int, used_p: set[Key], parent_targets: dict[Key, Target]) -> bool:
    """A parent target for the whole country whose value for the child's region, set beside it
    (全国…下降10%，京津冀及周边地区…分别下降12%), the child took: not dropped, replaced for the child."""
    if pt.scope:
        return False
    key = indicator_key(pt.indicator or "")
    return any(
        q[0] == pi and other.scope and regions.canonical(other.scope) and other.basis == pt.basis
        and fuzz.ratio(key, indicator_key(other.indicator or "")) >= 100 * INDICATOR_MIN
        for q in used_p
        for other in (parent_targets[q],)
    )


def _assign(edges: dict[tuple[Key, Key], float]) -> list[tuple[Key, Key]]:
    """One-to-one pairs of largest total score (Hungarian method per connected group of candidates)."""
    from .assignment import max_weight_matching

    return max_weight_matching(edges)


def compare_targets(alignments: Iterable[Alignment], child: Document, parent: Document) -> list[TargetChange]:
    """Targets of both documents, matched on indicator, scope and basis, in child reading order.

    First inside aligned clause pairs (a parent target can only have gone where its clause
    went), then, for what is left, across the documents on a near-identical indicator.
    """
    alignments = list(alignments)
    place = scope_place(child) if any(t.scope for c in parent.clauses for t in c.targets) else child.region
    parent_targets = {(pi, pk): t for pi, c in enumerate(parent.clauses) for pk, t in enumerate(c.targets)
                      if _counted(t) and _applies(t, place)}
    child_targets = {(ci, ck): t for ci, c in enumerate(child.clauses) for ck, t in enumerate(c.targets) if _counted(t)}
    edges: dict[tuple[Key, Key], float] = {}
    by_sentence: dict[tuple[Key, Key], float] = {}
    for a in alignments:
        if a.kind != "clause" or a.child_index is None or a.parent_index is None:
            continue
        for pk, pt in enumerate(parent.clauses[a.parent_index].targets):
            for ck, ct in enumerate(child.clauses[a.child_index].targets):
                p_key, c_key = (a.parent_index, pk), (a.child_index, ck)
                if p_key in parent_targets and c_key in child_targets:
                    scored = _score(pt, ct, place, INDICATOR_MIN)
                    if scored is not None:
                        found = edges if scored[1] else by_sentence
                        found[(p_key, c_key)] = max(scored[0], found.get((p_key, c_key), 0.0))
    if by_sentence:
        # One's indicator written in the other's sentence pairs two targets only when neither has a
        # partner by indicator: in 到2025年，大宗工业固废综合利用率达到60%，工业电能占终端用能比重达到28%
        # the parent's 大宗工业固废 target is the first one's, never the second's.
        p_direct = {p for p, _ in edges}
        c_direct = {c for _, c in edges}
        for (p_key, c_key), score in by_sentence.items():
            if p_key not in p_direct and c_key not in c_direct:
                edges[(p_key, c_key)] = score
    matched = _assign(edges)
    used_p = {p for p, _ in matched}
    used_c = {c for _, c in matched}
    loose: dict[tuple[Key, Key], float] = {}
    for p_key, pt in parent_targets.items():
        if p_key in used_p:
            continue
        for c_key, ct in child_targets.items():
            if c_key not in used_c:
                scored = _score(pt, ct, place, DOCUMENT_MIN)
                if scored is not None:
                    loose[(p_key, c_key)] = scored[0]
    matched += _assign(loose)
    used_p = {p for p, _ in matched}
    used_c = {c for _, c in matched}
    changes: list[tuple[tuple[float, int, int], TargetChange]] = []
    for (pi, pk), (ci, ck) in matched:
        pt, ct = parent_targets[(pi, pk)], child_targets[(ci, ck)]
        status, detail = compare_target(pt, ct, parent_place=_place(pt, parent), child_place=_place(ct, child))
        if pt.scope and not ct.scope and regions.canonical(pt.scope) and status != "not_comparable":
            detail += f" (the parent's value for {pt.scope})"  # 京津冀及周边地区…分别下降12%: which of its values
        changes.append(((ci, 0, ck), TargetChange(status, ct.indicator or pt.indicator, pt, ct, pi, ci, detail)))  # type: ignore[arg-type]
    anchor = {pi: ci for (pi, _), (ci, _) in matched}
    for a in alignments:
        if a.child_index is not None and a.parent_index is not None:
            anchor.setdefault(a.parent_index, a.child_index)
    for (ci, ck), ct in child_targets.items():
        if (ci, ck) not in used_c:
            changes.append(((ci, 0, ck), TargetChange("new", ct.indicator, None, ct, None, ci, ct.value_text)))
    for (pi, pk), pt in parent_targets.items():
        if (pi, pk) not in used_p and not _superseded(pt, pi, used_p, parent_targets):
            before = max((c for p, c in anchor.items() if p <= pi), default=-1)
            changes.append(((before, 1, pi * 1000 + pk), TargetChange("dropped", pt.indicator, pt, None, pi, None, pt.value_text)))
    return [c for _, c in sorted(changes, key=lambda x: x[0])]


# ---------------------------------------------------------------- departments


def home_province(child: Document, parent: Document) -> Optional[str]:
    """The child's province, when the parent is a joint plan naming the departments of several
    places (重庆市X局, 四川省X厅): the child's own province's come first (``pair_departments``)."""
    if not any(d.region for c in parent.clauses for d in c.departments):
        return None
    return document_province(child)


def pair_departments(parent: list[DepartmentRef], child: list[DepartmentRef], home: Optional[str] = None) -> DepartmentPairing:
    """Match one clause pair's departments by canonical function, across levels.

    The canonical name is one per function of government (aliases), so 人力资源社会保障部 meets
    人力资源社会保障厅 and 人社局, 证监会 meets 厦门证监局, 地方各级人民政府 meets 各区人民政府.
    Two passes, each first come first matched: the same function in the same region and role
    first (a joint parent names 重庆市X局 and 四川省X厅: the child's 四川省X厅 takes the second),
    then the same function anywhere, the parent's departments of the child's province ``home``
    first (a Sichuan city's 市生态环境局 is the 四川省生态环境厅's, not the 重庆市生态环境局's).
    """
    pairing = DepartmentPairing()
    remaining = list(child)
    matched: dict[int, DepartmentRef] = {}
    order = list(range(len(parent)))
    if home is not None:
        order.sort(key=lambda n: province_of(parent[n].region) != home)  # stable: home first, else as written
    for strict in (True, False):
        for n in order:
            p = parent[n]
            if n in matched:
                continue
            match = next((c for c in remaining if c.canonical == p.canonical
                          and (not strict or (c.region == p.region and c.role == p.role))), None)
            if match is not None:
                remaining.remove(match)
                matched[n] = match
    for n, p in enumerate(parent):
        if n in matched:
            pairing.mapped.append((p, matched[n]))
        else:
            pairing.parent_only.append(p)
    pairing.child_only = remaining
    return pairing


def compare_departments(child: Document, parent: Document) -> list[DepartmentChange]:
    """Every department of either document by canonical name: mapped, parent only, child only."""
    seen: dict[str, DepartmentChange] = {}
    for side, doc in (("parent", parent), ("child", child)):
        for i, clause in enumerate(doc.clauses):
            for d in clause.departments:
                entry = seen.setdefault(d.canonical, DepartmentChange(d.canonical, "mapped", [], [], [], [], d.generic))
                names, clauses = (entry.parent_names, entry.parent_clauses) if side == "parent" else (entry.child_names, entry.child_clauses)
                if d.name not in names:
                    names.append(d.name)
                if i not in clauses:
                    clauses.append(i)
    for entry in seen.values():
        if not entry.child_names:
            entry.status = "parent_only"
        elif not entry.parent_names:
            entry.status = "child_only"
    order = {"mapped": 0, "parent_only": 1, "child_only": 2}
    return sorted(seen.values(), key=lambda e: (order[e.status], e.generic, e.canonical))


# ---------------------------------------------------------------- summary


def _statuses(alignments: list[Alignment], kind: str, side: str, indices: Iterable[int]) -> dict[str, int]:
    by_index: dict[int, list[Alignment]] = {}
    for a in alignments:
        i = a.child_index if side == "child" else a.parent_index
        if a.kind == kind and i is not None:
            by_index.setdefault(i, []).append(a)
    counts: dict[str, int] = {}
    for i in indices:
        entries = [e for e in by_index.get(i, []) if (e.parent_index if side == "child" else e.child_index) is not None]
        status = clause_status(entries, side=side)  # type: ignore[arg-type]
        counts[status] = counts.get(status, 0) + 1
    return counts


def copied_share(alignments: list[Alignment], child: Document) -> float:
    """Share of the child's clause text found unchanged (equal runs) in the parent clauses it is aligned with."""
    covered: dict[int, set[int]] = {}
    for a in alignments:
        if a.child_index is None or a.parent_index is None:
            continue
        offsets = covered.setdefault(a.child_index, set())
        for e in a.edits:
            if e.op == "equal":
                offsets.update(range(e.child_start, e.child_start + len(e.child)))
    total = sum(len(c.text) for c in child.clauses)
    return sum(len(v) for v in covered.values()) / total if total else 0.0


def summarize(
    alignments: list[Alignment],
    child: Document,
    parent: Document,
    targets: list[TargetChange],
    departments: list[DepartmentChange],
) -> Summary:
    def indices(side: str, kind: str) -> list[int]:
        found = {a.child_index if side == "child" else a.parent_index for a in alignments if a.kind == kind}
        return sorted(i for i in found if i is not None)

    target_counts = {s: 0 for s in TARGET_STATUSES}
    for t in targets:
        target_counts[t.status] += 1
    named = [d for d in departments if not d.generic]
    return Summary(
        parent_status=_statuses(alignments, "clause", "parent", indices("parent", "clause")),
        child_status=_statuses(alignments, "clause", "child", indices("child", "clause")),
        heading_parent_status=_statuses(alignments, "heading", "parent", indices("parent", "heading")),
        heading_child_status=_statuses(alignments, "heading", "child", indices("child", "heading")),
        copied_share=copied_share(alignments, child),
        targets=target_counts,
        departments={
            "mapped": sum(d.status == "mapped" for d in named),
            "parent_only": sum(d.status == "parent_only" for d in named),
            "child_only": sum(d.status == "child_only" for d in named),
            "generic": len(departments) - len(named),
        },
        flags=sum(1 for a in alignments for f in a.flags if f.code != "rewritten"),
    )

