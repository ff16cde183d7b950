"""Normalised keys for matching a cited document with a corpus document.

Three keys, each insensitive to the damage real citations carry:

- ``number_key``: a 文号 with its brackets, spaces and OCR debris repaired
  (``国发 (2021) 4 号`` -> ``国发〔2021〕4号``, ``渝环〔202371号`` -> ``渝环〔2023〕71号``);
- ``title_key``: the title as a plan, with the 关于印发〈…〉的通知 wrapper, the issuer
  prefix (国务院关于…, 党中央、国务院…, X省人民政府办公厅关于…) and punctuation removed,
  and the issuing region kept apart (two provinces' 关于科学绿化的实施意见 differ);
- ``family_key``: the title key without its genre word (实施意见, 指导意见, 行动方案 …),
  what a national plan and its provincial and city re-issues have in common.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..metadata import REGION, TITLE_EDITION
from ..patterns import compile_pattern

# A 文号 with brackets of any kind, spaces and OCR debris: 国发〔2021〕4号, 国发 (2021) 4 号,
# 大发改资源字 (2021 J 283号 (the closing bracket read as J), 冀政字[2021]22号.
WHITE_SPACE = compile_pattern(r"\s+")  # inside a 文号: 渝府发 〔2022〕 39 号
NUMBER_PARTS = compile_pattern(
    r"(?P<prefix>\p{Han}{1,12}?)\s*[〔［\[【(（{]\s*(?P<year>(?:19|20)\d\d)\s*"
    r"[〕］\]】)）}JjlI」|]?\s*(?P<seq>\d{1,4})\s*号"
)
# The fused form: the closing bracket lost, year and number run together (渝环〔202371号).
FUSED_NUMBER = compile_pattern(r"(?P<prefix>\p{Han}{1,12}?)\s*[〔［\[【(（]\s*(?P<year>(?:19|20)\d\d)(?P<seq>\d{1,4})\s*号")
# 关于印发〈X〉的通知 / 印发《X》的通知 / 关于转发…的函: the plan is X.
NOTICE_WRAPPER = compile_pattern(
    r"^(?P<issuer>.*?)(?:关于)?(?:印发|转发|发布)\s*"
    r"(?:[〈《<](?P<bracketed>[^〈《<〉》>]{4,}(?:[〈《<][^〉》>]+[〉》>][^〈《<〉》>]*)?)[〉》>]\s*(?:的)?(?:通知|函|批复)?"
    r"|(?P<inner>.+?)[〉》>]?\s*(?:的)?(?:通知|函|批复))$"
)
# A plan's title cited with the notice's ending but not its 关于印发: 《工业领域碳达峰实施方案的通知》.
PLAN_NOTICE_END = compile_pattern(r"(?<=方案|意见|计划|规划|要点|措施|办法|细则)的通知$")
# 贯彻落实〈X〉实施方案: a plan named after the plan it implements; its family is X's.
IMPLEMENTS = compile_pattern(r"(?:贯彻落实|落实|贯彻)\s*[〈《<](?P<inner>[^〈〉《》<>]{6,})[〉》>~}]?")
# The same once punctuation is gone: 贯彻落实国务院关于…指导意见实施方案
IMPLEMENTED_PLAN = compile_pattern(r"(?:贯彻落实|落实)(?P<inner>\p{Han}{6,})")
# Everything that is not a letter of the title: punctuation, quotes, brackets, spaces, OCR debris.
NOT_TITLE_CHAR = compile_pattern(r"[^\p{Han}\p{N}A-Za-z]")
# The issuer before 关于: 国务院 / 中共中央 国务院 / X省人民政府办公厅 / 生态环境部等七部门 /
# 中共X省委 X省人民政府 / 党中央、国务院 (the 关于 itself is dropped with it).
ISSUER_PREFIX = compile_pattern(
    r"^(?P<issuer>(?:[\p{Han}、，,\s]{0,60}?(?:国务院|中央|政府|办公厅|办公室|委员会|党委|省委|市委|区委|县委|委|部|局|厅|署|院|部门|机关)))\s*关于"
)
# 党中央、国务院 / 中共中央、国务院 / 中办、国办: the issuer of a citation written outside its brackets.
NATIONAL_PREFIX = compile_pattern(r"^(?:党中央|中共中央|中办|国办|国务院|中共中央办公厅|国务院办公厅)")
# The genre word at the end of a title (longest first), with its 的.
GENRE = compile_pattern(
    r"(?:的)?(?:实施意见|指导意见|若干意见|意见|综合工作实施方案|综合工作方案|工作实施方案|实施方案|行动方案|工作方案|"
    r"方案|任务分工|分工方案|行动计划|工作计划|计划|规划|工作要点|要点|若干措施|措施|办法|细则|通知)$"
)
# Words a re-issue adds or drops around the family: 加快, 关于, 进一步, 全面.
FAMILY_NOISE = compile_pattern(r"^(?:关于)?(?:加快|进一步|全面|深入|切实)?")


@dataclass(frozen=True)
class TitleKey:
    """A title reduced for matching: issuing region (None when national or unnamed), plan, family."""

    region: Optional[str]
    plan: str  # 加快建立健全绿色低碳循环发展经济体系的指导意见 (no issuer, no punctuation)
    family: str  # 建立健全绿色低碳循环发展经济体系


def number_key(number: str) -> Optional[str]:
    """The 文号 in one spelling, damage repaired; None when it is not a 文号 at all."""
    text = WHITE_SPACE.sub("", number)
    m = NUMBER_PARTS.search(text)
    if m is None or (m.group("seq") and len(m.group("seq")) > 4):
        m = FUSED_NUMBER.search(text)
    if m is None:
        return None
    return f"{m.group('prefix')}〔{m.group('year')}〕{int(m.group('seq'))}号"


# The shortest prefix a bare 文号 may be recognised by inside a longer run of words (国发, 环综合).
NUMBER_PREFIX_MIN = 2


def number_parts(key: str) -> tuple[str, str]:
    """(prefix, 〔year〕number号) of a ``number_key``: 冀政办字〔2022〕150号 -> (冀政办字, 〔2022〕150号)."""
    cut = key.rfind("〔")  # a key is always prefix〔year〕number号 (``number_key``)
    return (key[:cut], key[cut:]) if cut >= 0 else (key, "")


def cites_number(cited: str, own: str) -> bool:
    """Does the cited 文号 key name the document whose own key is ``own``?

    A bare 文号 in running text is read with the words before it (为贯彻落实冀政办字〔2022〕150号
    文件精神 -> prefix 为贯彻落实冀政办字): it names 冀政办字〔2022〕150号 when its prefix ends with
    that one's (of at least ``NUMBER_PREFIX_MIN`` characters) and the year and number agree.
    """
    if cited == own:
        return True
    c_prefix, c_tail = number_parts(cited)
    o_prefix, o_tail = number_parts(own)
    return bool(c_tail) and c_tail == o_tail and len(o_prefix) >= NUMBER_PREFIX_MIN and c_prefix.endswith(o_prefix)


def numbers_in(text: str) -> list[tuple[str, str]]:
    """Every 文号 written in ``text``: (as written, key), damaged forms included, in order."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for pattern in (NUMBER_PARTS, FUSED_NUMBER):
        for m in pattern.finditer(text):
            key = number_key(m.group())
            if key and key not in seen:
                seen.add(key)
                found.append((m.group(), key))
    return found


def unwrap(title: str) -> str:
    """关于印发〈X〉的通知 -> X (repeatedly: 关于转发…关于印发〈X〉的通知的通知)."""
    for _ in range(3):
        m = NOTICE_WRAPPER.match(title.strip())
        inner = (m.group("bracketed") or m.group("inner")) if m else None
        if not inner or len(inner) < 4:
            break
        title = inner
    if title.endswith("的通知"):
        title = PLAN_NOTICE_END.sub("", title)
    return title


def _region_of(text: str) -> tuple[Optional[str], str]:
    """(region, rest) of a title or issuer with a named region in front (中共 dropped)."""
    body = text[2:] if text.startswith("中共") else text
    m = REGION.match(body)
    region = m.group("region") if m else ""
    # A bare 省/市/自治区 (the red head lost, or 自治区人民政府) names no region.
    if not region or region in ("省", "市", "区", "县", "自治区"):
        return None, text
    return region, body[m.end():]


def title_key(title: str, issuer: str = "") -> TitleKey:
    """The matching key of a title; ``issuer`` is what stands outside the 《》 of a citation."""
    # The period or edition (…行动计划（2021—2025年）, …办法（试行）) is not what a re-issue keeps.
    plan = TITLE_EDITION.sub("", unwrap(title).strip())
    region, _ = _region_of(plan)
    if region is None and issuer and not NATIONAL_PREFIX.match(issuer):
        region, _ = _region_of(issuer)
    m = ISSUER_PREFIX.match(plan)
    if m:
        plan = plan[m.end():]
    elif region is not None:
        plan = _region_of(plan)[1] or plan
    plan = plan.removeprefix("关于")
    plan = NOT_TITLE_CHAR.sub("", plan)
    return TitleKey(region, plan, family_of(plan))


def family_of(plan: str) -> str:
    """The family of a plan key: the genre word and 关于/加快 removed; 贯彻落实〈X〉 -> X's family."""
    inner = IMPLEMENTED_PLAN.search(plan)
    if inner:
        return family_of(title_key(inner.group("inner")).plan)
    core = GENRE.sub("", GENRE.sub("", plan))
    core = FAMILY_NOISE.sub("", core)
    return core or plan


def own_title_key(title: Optional[str]) -> Optional[TitleKey]:
    if not title:
        return None
    # 大连市贯彻落实〈国务院…指导意见〉实施方案: the implemented plan decides the family.
    inner = IMPLEMENTS.search(title)
    key = title_key(title)
    if inner:
        return TitleKey(key.region, key.plan, title_key(inner.group("inner")).family)
    return key
