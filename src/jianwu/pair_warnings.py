"""Warnings about a (child, parent) pair as a whole: the comparison may make no sense.

* ``negligible_shared_text``: the child's clause text found unchanged in the parent
  clauses it is aligned with (``copied_share``) is under ``NEGLIGIBLE_COPIED``.  Real
  children copy far more: the ten provincial/city children of 国发〔2021〕4号 12.4% (Hainan) to
  43.9% (Henan), the seed districts of the Chongqing plan 60.0% and 96.0%, even siblings of one
  absent parent 8.8-16.3%; plans of different families share 0.2-1.3% (set phrases such as
  习近平新时代中国特色社会主义思想: Yongchuan's energy plan against the Chongqing 减污降碳 plan
  1.3%, Hunan's 科学绿化 against the national 绿色低碳 意见 0.2%).  5% lies between.
* ``child_level_above_parent``: the child's administrative level is above the
  parent's (a national plan given as the child of a municipal one).  Levels of the
  same rank (a province and a municipality directly under the central government)
  are not an inversion.
"""

from __future__ import annotations

from typing import Optional

from .diffmodel import Flag
from .model import Document

NEGLIGIBLE_COPIED = 0.05

# Rank of each administrative level: smaller is higher.
LEVEL_RANK = {"national": 0, "province": 1, "municipality": 1, "city": 2, "district": 3, "county": 3, "zone": 3}


def level_rank(level: Optional[str]) -> Optional[int]:
    return LEVEL_RANK.get(level) if level else None


def pair_warnings(child: Document, parent: Document, copied_share: float) -> list[Flag]:
    warnings: list[Flag] = []
    if copied_share < NEGLIGIBLE_COPIED:
        warnings.append(
            Flag(
                "negligible_shared_text",
                f"only {copied_share:.1%} of the child's clause text is found in the parent: the two plans may be unrelated",
            )
        )
    c_rank, p_rank = level_rank(child.level), level_rank(parent.level)
    if c_rank is not None and p_rank is not None and c_rank < p_rank:
        warnings.append(
            Flag(
                "child_level_above_parent",
                f"the child's level ({child.level}) is above the parent's ({parent.level}): are the two given the wrong way round?",
            )
        )
    return warnings
