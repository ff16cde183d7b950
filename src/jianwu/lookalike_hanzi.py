"""Hanzi written with look-alike code points, and the hanzi they stand for.

A PDF's text layer maps each glyph back to a character through the font's tables; when a font
gives one glyph to a hanzi and to a radical or compatibility code point of the same shape, the
text layer may hold the latter: ``⽣态环境`` (U+2F63 KANGXI RADICAL LIFE for 生), ``部⻔`` (U+2ED4
for 门), ``⻓江``.  The text looks right on screen and in a copy, but no pattern, department name
or indicator matches it, and a text file saved from such a PDF reads as mojibake (few common
hanzi).  Three blocks are concerned:

- the Kangxi Radicals (U+2F00–U+2FD5) and the CJK Compatibility Ideographs (U+F900–U+FAFF),
  which Unicode's normalisation (NFKC) maps to the unified ideographs (the supplement of the
  latter, U+2F800–U+2FA1F, holds rare characters of other scripts' sources, and is left: a scan
  of an astral range costs twice a scan of these);
- the CJK Radicals Supplement (U+2E80–U+2EFF), whose whole-hanzi forms ``data/radicals.tsv``
  lists (Unicode's normalisation maps only two of them);
- and, from the same fonts, the half-width forms of the ideographic punctuation (U+FF61–U+FF64:
  ``｡`` ``｢`` ``｣`` ``､`` for 。「」、), which NFKC maps too: no sentence or list splits at them.

Every mapping is one character to one character, so offsets into a text stay valid.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

# The blocks a look-alike comes from, as the body of a regular-expression class:
# "⽣" (U+2F63), "⻔" (U+2ED4), "更" (U+F901), "､" (U+FF64).
LOOKALIKE_RANGES = "\u2e80-\u2fdf\uf900-\ufaff\uff61-\uff64"


@lru_cache(maxsize=1)
def lookalike_table() -> dict[int, str]:
    """``str.translate`` table: code point of each look-alike -> the hanzi it stands for."""
    import unicodedata  # (made only for a text holding a character of the blocks)
    from importlib import resources

    table: dict[int, str] = {}
    # (of the supplement, U+2E80-U+2EFF, NFKC maps ⺟ and ⻳ only: radicals.tsv gives the others)
    for first, last in ((0x2E80, 0x2FD5), (0xF900, 0xFAFF), (0xFF61, 0xFF64)):
        for point in range(first, last + 1):
            mapped = unicodedata.normalize("NFKC", chr(point))
            if len(mapped) == 1 and mapped != chr(point):
                table[point] = mapped
    rows = resources.files("jianwu.data").joinpath("radicals.tsv").read_text(encoding="utf-8")
    for line in rows.splitlines():
        if line and not line.startswith("#"):
            radical, hanzi, _name = line.split("\t")
            table[ord(radical)] = hanzi
    return table


def stands_for(ch: str) -> Optional[str]:
    """The hanzi the look-alike ``ch`` stands for, or None: "⽣" -> "生", "生" -> None.  (The table is
    made only for a character of the blocks: a text's other characters cost a comparison.)"""
    return lookalike_table().get(ord(ch)) if _in_ranges(ch) else None


def unify_lookalikes(text: str) -> tuple[str, dict[str, str], int]:
    """``text`` with each look-alike replaced by its hanzi, what was replaced (look-alike -> hanzi,
    in order of first appearance) and the offset of the first: "生⽣态" -> ("生生态", {"⽣": "生"}, 1);
    a text without one (one scan finds none) comes back as it is, with offset -1."""
    first = _lookalike_block().search(text)
    if first is None:
        return text, {}, -1
    table = lookalike_table()
    found = {ch: table[ord(ch)] for ch in dict.fromkeys(text[first.start():]) if ord(ch) in table}
    if not found:
        return text, {}, -1
    at = min(text.find(ch) for ch in found)
    return text.translate(table), found, at


@lru_cache(maxsize=1)
def _lookalike_block() -> "re.Pattern[str]":
    """A character of the blocks look-alikes come from (most are; a few are hanzi of their own)."""
    return re.compile(f"[{LOOKALIKE_RANGES}]")


def _in_ranges(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u2fdf" or "\uf900" <= ch <= "\ufaff" or "\uff61" <= ch <= "\uff64"
