"""Which script a text is written in (simplified, traditional or mixed), and OpenCC's conversion.

A hanzi is traditional when OpenCC's t2s conversion changes it, simplified when s2t changes
it (and t2s does not); each is asked alone, so the answer depends on the character only.
For the 20,992 CJK unified ideographs (U+4E00..U+9FFF) those answers are two fixed sets,
``changed_hanzi("t2s")`` and ``changed_hanzi("s2t")``: 3,563 and 2,603 characters with
OpenCC 1.4.  Working them out takes one conversion of every ideograph, a few milliseconds,
but loading s2t's dictionaries takes 50 ms, which every text with a single t2s-changed
character (著, 乾, 於 in a simplified plan) paid.  So the two sets are kept in the user's
cache directory (``user_cache``), one small text file per OpenCC installation and conversion,
with a header that counts and digests them; a file that does not match its header is
made again.  Without a cache directory they are worked out in the process, as before.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from .digest import sha256_hex
from .model import Script
from .user_cache import read_cached_text, write_cached_text

if TYPE_CHECKING:
    import opencc

IDEOGRAPHS = range(0x4E00, 0xA000)  # the CJK Unified Ideographs block, which script detection looks at
CHANGES_FORMAT = "jianwu-opencc-changes 1"  # first word of a cache file's header; a new format, a new word


@lru_cache(maxsize=None)
def converter(config: str) -> "opencc.OpenCC":
    import opencc  # loaded on first use: its dictionaries take a while, and --help needs none

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return converter("t2s").convert(text)


def _cache_name(config: str) -> str:
    """The cache file of ``config``'s changes for the installed OpenCC, named without importing it
    (2 ms): by where its module lies, its size and its modification time (an upgrade changes them)."""
    spec = importlib.util.find_spec("opencc")
    origin = spec.origin if spec is not None and spec.origin else "opencc"
    try:
        info = os.stat(origin)
        installed = f"{origin}\0{info.st_size}\0{info.st_mtime_ns}"
    except OSError:
        installed = origin
    return f"opencc-{sha256_hex(installed.encode())[:12]}-{config}-changes.txt"


@lru_cache(maxsize=None)
def changed_hanzi(config: str) -> frozenset[str]:
    """The CJK unified ideographs OpenCC's ``config`` conversion changes, each converted alone."""
    name = _cache_name(config)
    header = f"{CHANGES_FORMAT} {config}"
    stored = read_cached_text(name, header)
    if stored is not None and all(ord(ch) in IDEOGRAPHS for ch in stored):
        return frozenset(stored)
    ideographs = [chr(code) for code in IDEOGRAPHS]
    converted = converter(config).convert("\n".join(ideographs)).split("\n")  # one per line: each alone
    changed = "".join(ch for ch, out in zip(ideographs, converted) if out != ch)
    write_cached_text(name, header, changed)
    return frozenset(changed)


# After this many texts a process searches each for one hanzi t2s changes (one character class
# of them, compiled with the standard re: 5 ms) instead of listing its distinct characters
# (0.5-1 ms a plan): a corpus run saves, a one-file run never pays.  (regex takes 200 times as
# long as re to search for a class of 3,563 characters.)
CLASS_AFTER_TEXTS = 8
_texts_seen = 0
_traditional_class: "Optional[re.Pattern[str]]" = None


def detect_script(text: str) -> tuple[Script, int]:
    """(script, number of traditional characters) of ``text``.

    Counted per distinct character: one OpenCC t2s changes is traditional, one
    s2t changes (and t2s maps back) is simplified; the rest are shared.  A text
    with no traditional character is simplified whatever else it holds, so s2t's
    answers are looked at only for texts with some.
    """
    global _texts_seen, _traditional_class
    _texts_seen += 1
    if _traditional_class is None and _texts_seen >= CLASS_AFTER_TEXTS:
        _traditional_class = re.compile("[" + "".join(sorted(changed_hanzi("t2s"))) + "]")  # hanzi: nothing to escape
    if _traditional_class is not None and _traditional_class.search(text) is None:
        return "simplified", 0  # no hanzi t2s changes: what counting would say
    return counted_script(text)


def counted_script(text: str) -> tuple[Script, int]:
    """``detect_script`` from the distinct characters of ``text``."""
    distinct = {ch for ch in set(text) if "\u4e00" <= ch <= "\u9fff"}  # the CJK unified ideographs
    traditional = changed_hanzi("t2s")
    if distinct.isdisjoint(traditional):
        return "simplified", 0
    simplified = changed_hanzi("s2t")
    counts = Counter(text)
    trad = sum(counts[ch] for ch in distinct & traditional)
    simp = sum(counts[ch] for ch in (distinct - traditional) & simplified)
    total = trad + simp
    if trad == 0 or (total and trad / total < 0.02):
        return "simplified", trad
    if trad / total > 0.8:  # 关于/于 and the like are shared by mainland traditional texts
        return "traditional", trad
    return "mixed", trad
