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
from .std_patterns import compile_std
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


def _traditional_class_after_texts() -> "Optional[re.Pattern[str]]":
    """One more text seen; the class of the hanzi t2s changes once enough texts were (CLASS_AFTER_TEXTS)."""
    global _texts_seen, _traditional_class
    _texts_seen += 1
    if _traditional_class is None and _texts_seen >= CLASS_AFTER_TEXTS:
        _traditional_class = re.compile("[" + "".join(sorted(changed_hanzi("t2s"))) + "]")  # hanzi: nothing to escape
    return _traditional_class


def detect_script(text: str) -> tuple[Script, int]:
    """(script, number of traditional characters) of ``text``.

    Counted per distinct character: one OpenCC t2s changes is traditional, one
    s2t changes (and t2s maps back) is simplified; the rest are shared.  A text
    with no traditional character is simplified whatever else it holds, so s2t's
    answers are looked at only for texts with some.
    """
    traditional_class = _traditional_class_after_texts()
    if traditional_class is not None and traditional_class.search(text) is None:
        return "simplified", 0  # no hanzi t2s changes: what counting would say
    return counted_script(text)


# chars (the body of a standard re class) -> the class of those characters and the hanzi t2s changes.
_joint_classes: "dict[str, re.Pattern[str]]" = {}


def detect_script_holding(text: str, chars: str, chars_class: "re.Pattern[str]") -> tuple[Script, int, bool]:
    """(``detect_script(text)``, does ``text`` hold a character of ``chars_class``, the standard re
    class ``[chars]``): "推進\u3000" -> ("traditional", 1, True).

    Once the class of the hanzi t2s changes is made, one scan of a class of both answers the two
    questions for a text that holds neither (most texts: each scan is a pass over every character).
    """
    traditional_class = _traditional_class_after_texts()
    if traditional_class is None:
        return (*counted_script(text), chars_class.search(text) is not None)
    joint = _joint_classes.get(chars)
    if joint is None:
        joint = _joint_classes[chars] = compile_std("[" + chars + "".join(sorted(changed_hanzi("t2s"))) + "]")
    if joint.search(text) is None:
        return "simplified", 0, False
    holds = chars_class.search(text) is not None
    if traditional_class.search(text) is None:
        return "simplified", 0, holds
    return (*counted_script(text), holds)


# The class of the hanzi s2t changes and t2s does not (the simplified ones), made with the first
# text counted after the traditional class was made.
_simplified_class: "Optional[re.Pattern[str]]" = None


def counted_script(text: str) -> tuple[Script, int]:
    """``detect_script`` from the characters of ``text``.

    With the class of the hanzi t2s changes made (a corpus run), the traditional and the simplified
    hanzi are counted by a scan of each class (``findall``: a string per hanzi found) instead of a
    set and a ``Counter`` of every character of the text (two strings and hashes per character):
    both classes hold CJK unified ideographs only (``changed_hanzi``), the characters counted.
    """
    global _simplified_class
    if _traditional_class is None:
        return counted_script_by_characters(text)
    trad = len(_traditional_class.findall(text))
    if trad == 0:
        return "simplified", 0
    if _simplified_class is None:
        _simplified_class = compile_std("[" + "".join(sorted(changed_hanzi("s2t") - changed_hanzi("t2s"))) + "]")
    return _script_of(trad, len(_simplified_class.findall(text)))


def counted_script_by_characters(text: str) -> tuple[Script, int]:
    """``counted_script`` from the distinct characters of ``text``."""
    distinct = {ch for ch in set(text) if "\u4e00" <= ch <= "\u9fff"}  # the CJK unified ideographs
    traditional = changed_hanzi("t2s")
    if distinct.isdisjoint(traditional):
        return "simplified", 0
    simplified = changed_hanzi("s2t")
    counts = Counter(text)
    trad = sum(counts[ch] for ch in distinct & traditional)
    simp = sum(counts[ch] for ch in (distinct - traditional) & simplified)
    return _script_of(trad, simp)


def _script_of(trad: int, simp: int) -> tuple[Script, int]:
    """The script of a text with ``trad`` traditional and ``simp`` simplified hanzi."""
    total = trad + simp
    if trad == 0 or (total and trad / total < 0.02):
        return "simplified", trad
    if trad / total > 0.8:  # 关于/于 and the like are shared by mainland traditional texts
        return "traditional", trad
    return "mixed", trad
