"""What a plan cites (its 《》 citations, the plan its title implements, bare 文号) and its province.

Computed once per document (``profile.profile_of``), so that the parent search over a large
corpus never goes back to the documents' text for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..metadata import PROVINCES, dominant_province
from ..model import Document
from ..patterns import compile_pattern, lazy
from .keys import IMPLEMENTS, IMPLEMENTED_PLAN, TitleKey, cites_number, number_key, numbers_in, title_key

# The issuer written before a citation's 《: 生态环境部等七部门《…》, 党中央、国务院《…》.
ISSUER_BEFORE = compile_pattern(
    r"(?P<issuer>[\p{Han}、]{2,40}?(?:国务院|党中央|中央|政府|办公厅|办公室|部门|委员会|党委|省委|市委|委|部|局|厅))\s*$"
)
# Words before the issuer that are not part of it: 根据, 贯彻落实, 按照 …
WHITE_SPACE = compile_pattern(r"\s+")  # inside a 文号 as written: 环综合〔2022〕 42号
ISSUER_LEAD = compile_pattern(r"^.*(?:根据|依据|按照|落实|贯彻|执行|认真|深入|为|和|及|与|、(?=\p{Han}{0,3}《))")
# Words a bare 文号 is read with before its prefix, for showing it: 为贯彻落实冀政办字〔2022〕150号
# -> 冀政办字〔2022〕150号 (the key keeps them: ``keys.cites_number`` matches its end).
NUMBER_LEAD = lazy(r"^.*(?:根据|依据|按照|落实|贯彻|执行|印发|转发|参照|为|的)")
NUMBER_BRACKETS = "〔［[【(（{"  # what opens a 文号's year (keys.NUMBER_PARTS)
# The genre word of a plan named after the one it implements, after that one's title.
OWN_GENRE_AFTER = compile_pattern(r"(?<=意见|方案|规划|计划|纲要)(?:的)?(?:实施方案|工作方案|行动方案|实施意见|实施细则|行动计划)$")


@dataclass(frozen=True)
class Cited:
    """A document the child cites: as written, and its keys."""

    written: str  # 《title》（文号） or the bare 文号, as in the text
    display: str  # the cited plan for messages: 《plan》（文号）
    key: Optional[TitleKey]
    number: Optional[str]  # number key


def _issuer_before(text: str, start: int) -> str:
    before = text[max(0, start - 40) : start].split("\n")[-1]
    m = ISSUER_BEFORE.search(before)
    if not m:
        return ""
    return ISSUER_LEAD.sub("", m.group("issuer"))


def citations_of(doc: Document) -> list[Cited]:
    """Everything ``doc`` cites: its 《》 citations (with the issuer written before them) and bare 文号."""
    from ..metadata import core_title

    own_number = number_key(doc.doc_number) if doc.doc_number else None
    own_key = title_key(doc.title) if doc.title else None
    out: list[Cited] = []
    seen_numbers: set[str] = set()
    text = doc.text
    for cite in doc.cites:
        found = text.find(f"《{cite.title}")
        issuer = _issuer_before(text, found) if found >= 0 else ""
        key = title_key(cite.title, issuer)
        if own_key is not None and key == own_key:
            continue  # the cover notice naming the plan itself
        number = number_key(cite.doc_number) if cite.doc_number else None
        if number is not None and number == own_number:
            continue
        if number:
            seen_numbers.add(number)
        written = f"{issuer}《{cite.title}》" + (f"（{cite.doc_number}）" if cite.doc_number else "")
        display = f"《{core_title(cite.title)}》" + (f"（{cite.doc_number}）" if cite.doc_number else "")
        out.append(Cited(written, display, key, number))
    # 大连市贯彻落实〈国务院关于…指导意见〉实施方案: the title itself names the plan it implements.
    implemented = IMPLEMENTS.search(doc.title or "") or IMPLEMENTED_PLAN.search(doc.title or "")
    if implemented:
        # Without brackets the child's own genre word follows: …指导意见实施方案 -> …指导意见
        inner = OWN_GENRE_AFTER.sub("", implemented.group("inner"))
        out.append(Cited(f"《{doc.title}》", f"《{inner}》", title_key(inner), None))
    for written, number in numbers_in(text):
        # A bare 文号 read with the words before it (为贯彻落实冀政办字〔2022〕150号) that is the
        # child's own or one already cited is not a new citation.
        known = seen_numbers | ({own_number} if own_number else set())
        if not any(cites_number(number, n) for n in known):
            seen_numbers.add(number)
            flat = WHITE_SPACE.sub("", written)
            cut = next((i for i, ch in enumerate(flat) if ch in NUMBER_BRACKETS), len(flat))
            flat = NUMBER_LEAD.sub("", flat[:cut]) + flat[cut:]
            out.append(Cited(flat, f"（{flat}）", None, number))
    return out


def child_province(doc: Document) -> Optional[str]:
    """The province ``doc`` belongs to: known for its city (广州市 -> 广东省, 海南藏族自治州 -> 青海省:
    ``regions.city_province``), or named in its region, or the one its text names most."""
    from ..regions import city_province

    found = city_province(doc.region)
    if found is not None:
        return found
    for full, short in PROVINCES:
        if doc.region and doc.region.startswith((full, short)):
            return full
    return dominant_province(doc.text)


@lru_cache(maxsize=65536)
def province_of(region: Optional[str]) -> Optional[str]:
    """The province (full name) a region name begins with (a corpus has few regions: cached)."""
    if not region:
        return None
    return next((full for full, short in PROVINCES if region.startswith((full, short))), None)
