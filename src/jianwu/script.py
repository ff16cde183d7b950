"""Which script a text is written in (simplified, traditional or mixed), and OpenCC's conversion.

A hanzi is traditional when OpenCC's t2s conversion changes it, simplified when s2t changes
it (and t2s does not); each is asked alone, so the answer depends on the character only.
For the 20,992 CJK unified ideographs (U+4E00..U+9FFF) those answers are two fixed sets,
``changed_hanzi("t2s")`` and ``changed_hanzi("s2t")``: 3,563 and 2,603 characters with
OpenCC 1.4.  Working them out takes one conversion of every ideograph, a few milliseconds,
but loading s2t's dictionaries takes 50 ms, which every text with a single t2s-changed
character (著, 乾, 於 in a simplified plan) paid.  So the two sets are kept in the user's
cache directory (``user_cache``), one small text file per OpenCC version and conversion,
with a header that counts and digests them; a file that does not match its header is
made again.  Without a cache directory they are worked out in the process, as before.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from .model import Script
from .user_cache import usable_cache_dir

if TYPE_CHECKING:
    import opencc
    from pathlib import Path

IDEOGRAPHS = range(0x4E00, 0xA000)  # the CJK Unified Ideographs block, which script detection looks at
CHANGES_FORMAT = "jianwu-opencc-changes 1"  # first word of a cache file's header; a new format, a new word


@lru_cache(maxsize=None)
def converter(config: str) -> "opencc.OpenCC":
    import opencc  # loaded on first use: its dictionaries take a while, and --help needs none

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return converter("t2s").convert(text)


def _digest(chars: str) -> str:
    return hashlib.sha256(chars.encode("utf-8")).hexdigest()[:16]


def _cache_file(config: str) -> Optional["Path"]:
    import opencc

    where = usable_cache_dir()
    return None if where is None else where / f"opencc-{opencc.__version__}-{config}-changes.txt"


def _stored(path: "Path", header: str) -> Optional[frozenset[str]]:
    try:
        first, chars = path.read_text("utf-8").split("\n", 1)
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    ok = first == f"{header} {len(chars)} {_digest(chars)}" and all(ord(ch) in IDEOGRAPHS for ch in chars)
    return frozenset(chars) if ok else None


def _store(path: "Path", header: str, chars: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".opencc-", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(f"{header} {len(chars)} {_digest(chars)}\n{chars}")
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # a read-only or full cache directory: the next run works them out again


@lru_cache(maxsize=None)
def changed_hanzi(config: str) -> frozenset[str]:
    """The CJK unified ideographs OpenCC's ``config`` conversion changes, each converted alone."""
    path = _cache_file(config)
    header = f"{CHANGES_FORMAT} {config}"
    if path is not None:
        stored = _stored(path, header)
        if stored is not None:
            return stored
    ideographs = [chr(code) for code in IDEOGRAPHS]
    converted = converter(config).convert("\n".join(ideographs)).split("\n")  # one per line: each alone
    changed = "".join(ch for ch, out in zip(ideographs, converted) if out != ch)
    if path is not None:
        _store(path, header, changed)
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
