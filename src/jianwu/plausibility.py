"""Is a decoding plausible Chinese text?  Guards against silent mojibake.

GB18030 accepts almost any byte pair, so a Big5 (Taiwan, Hong Kong) or
Shift-JIS file "decodes" without error into nonsense.  Real Chinese prose is
written almost entirely in the common characters: in our plans over 99% of the
hanzi are among the 3,755 level-1 characters of GB 2312 or the 5,401 frequent
characters of Big5 (simplified and traditional texts alike).  A wrong decoding
scatters over rare characters, private-use code points, kana and hangul: Big5
read as GB18030 has about 64% common characters, Shift-JIS about 14%.

The common sets are derived from the codecs themselves (GB 2312 rows 0xB0–0xD7,
Big5 lead bytes 0xA4–0xC6), so there is no table to maintain.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from .lookalike_hanzi import stands_for
from .patterns import compile_pattern
from .user_cache import read_cached_text, write_cached_text

# What a decoding of Chinese text is judged on: hanzi, and what mojibake turns into —
# private-use code points, kana, hangul.  "锟斤拷" and the like are hanzi, but rare.
JUDGED_CHAR = compile_pattern(r"[\p{Han}\p{Co}\u3040-\u30ff\uac00-\ud7af]")
# A hanzi: "中" (the codecs' common sets also hold punctuation and kana, which are not).
HAN = compile_pattern(r"\p{Han}")

# Too few characters to judge (a title page, an ASCII file): accepted as decoded.
MIN_JUDGED = 30
# Share of common characters below which a decoding is refused (real plans: > 0.99;
# Big5 as GB18030: ~0.64; EUC-KR as GB18030: ~0.55; Shift-JIS as GB18030: ~0.14).
MIN_COMMON_SHARE = 0.85


@dataclass(frozen=True)
class Plausibility:
    """How much of a text is common hanzi: a low share is a bad text layer or a wrong decoding."""

    judged: int  # characters judged (hanzi, private use, kana, hangul)
    common: int  # of them, common hanzi

    @property
    def share(self) -> float:
        return self.common / self.judged if self.judged else 1.0

    @property
    def plausible(self) -> bool:
        return self.judged < MIN_JUDGED or self.share >= MIN_COMMON_SHARE

    def describe(self) -> str:
        return f"{self.share:.0%} common hanzi among {self.judged} characters"


# The set is the same for every run of one Python (its codecs): kept in the cache directory.
COMMON_HANZI_FILE = "common-hanzi-py{}.{}.{}.txt".format(*sys.version_info[:3])
COMMON_HANZI_HEADER = "jianwu-common-hanzi 1"


@lru_cache(maxsize=1)
def common_hanzi() -> frozenset[str]:
    """GB 2312 level 1 and Big5 frequent characters (about 7,000 distinct), from the cache
    directory when a run before worked them out (4 ms)."""
    stored = read_cached_text(COMMON_HANZI_FILE, COMMON_HANZI_HEADER)
    if stored is not None:
        return frozenset(stored)
    common = _common_hanzi()
    write_cached_text(COMMON_HANZI_FILE, COMMON_HANZI_HEADER, "".join(sorted(common)))
    return common


def _common_hanzi() -> frozenset[str]:
    chars: set[str] = set()
    for codec, leads, trails in (
        ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),  # GB 2312 level 1
        ("big5", range(0xA4, 0xC7), (*range(0x40, 0x7F), *range(0xA1, 0xFF))),  # Big5 常用字
    ):
        chars.update(_pairs(codec, leads, trails))
    # (the CJK unified block is all Han; the few others are asked)
    return frozenset(c for c in chars if "\u4e00" <= c <= "\u9fff" or HAN.match(c))


def _pairs(codec: str, leads: Sequence[int], trails: Sequence[int]) -> list[str]:
    """The characters of every (lead, trail) byte pair, each decoded alone.

    The pairs are decoded in one call, each followed by a newline: an invalid pair becomes
    U+FFFD (no pair of these codecs decodes to it) and the newline keeps the next pair in
    step, so the valid pairs give exactly what decoding each alone gives.  The bytes are laid
    out by slice assignment (lead, trail, newline, …): no Python loop over the 9,000 pairs.
    """
    n = len(leads) * len(trails)
    pairs = bytearray(3 * n)
    pairs[0::3] = bytes(lead for lead in leads for _ in trails)
    pairs[1::3] = bytes(trails) * len(leads)
    pairs[2::3] = b"\n" * n
    decoded = pairs.decode(codec, errors="replace")
    return [c for c in decoded.split("\n") if len(c) == 1 and c != "\ufffd"]


def judge(text: str) -> Plausibility:
    """How plausible ``text`` is as Chinese.

    Linear, and memory bounded by the number of distinct characters: the text is
    counted character by character, and each distinct character classified once.
    """
    common = common_hanzi()
    judged = hits = 0
    for ch, n in Counter(text).items():
        if JUDGED_CHAR.match(ch):
            judged += n
            # (a look-alike of a common hanzi, ⽣ for 生 in a text saved from a PDF, counts as it: the reader replaces it)
            if ch in common or stands_for(ch) in common:
                hits += n
    return Plausibility(judged, hits)
