"""Garbling rules: what a conversion (PDF, Word, web page) broke.  JW020-JW024.

Normalisation already repairs most of this for parsing; these rules report
it so the source document can be fixed before analysis relies on it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

from ..metadata import GARBLED_DOC_NUMBER, repair_doc_number
from ..normalize import BOOKMARK, HTML_LEFTOVER, MARKDOWN_BOLD, MARKDOWN_HEADING
from ..script import to_simplified
from ..patterns import compile_pattern
from ..tables import read_table
from .context import Context
from .findings import Hit, rule

# ---------------------------------------------------------------- patterns

# A 文号 that lost its opening year bracket: 渝环2023〕71号
DOC_NUMBER_NO_OPEN = compile_pattern(r"\p{Han}{1,12}?(?<![〔［\[【(（\d])(?P<year>(?:19|20)\d{2})[〕］\]】](?P<seq>\d{1,4})号")
# A 文号 whose serial number is lost: 渝环〔2023〕号
# Where a damaged 文号's year part begins: its opening bracket, or its first digit when that is gone.
YEAR_START = compile_pattern(r"[〔［\[【(（]|\d")
DOC_NUMBER_NO_SEQ = compile_pattern(r"\p{Han}{1,12}?[〔［\[【(（](?:19|20)\d{2}[〕］\]】]号")
# Latin words set inside Chinese prose by a bad translation or merge: "精神 and 习近平"
# (normalisation removed the spaces: 精神and习近平).  Lower-case only: acronyms
# such as LNG, CCER, VOCs, PM2.5 are legitimate.
LATIN_IN_PROSE = compile_pattern(
    r"(?<=[\p{Han}，。、；：“”（）《》])(?P<words>[a-z]{2,}(?:\s+[a-z]+)*)(?=[\p{Han}，。、；：“”（）《》])"
)
# Conversion markup the normaliser strips (its own patterns, applied to raw lines).
ARTEFACTS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("Word bookmark", BOOKMARK),
    ("Markdown emphasis", MARKDOWN_BOLD),
    ("HTML entity or tag", HTML_LEFTOVER),
    ("Markdown heading mark", MARKDOWN_HEADING),
)


@lru_cache(maxsize=1)
def latin_allowed() -> frozenset[str]:
    """Lower-case Latin tokens that may stand in Chinese prose (units: kg, km, mg …)."""
    return frozenset(row[0] for row in read_table("check_latin_allowed.tsv"))


# ---------------------------------------------------------------- rules


@rule("JW020", "malformed-doc-number", "error", "garbling",
      "A 发文字号 (文号) is malformed, e.g. 渝环〔202371号 with the closing year bracket lost.",
      "Restore the number as 机关代字〔年份〕序号号, e.g. 渝环〔2023〕71号.")
def malformed_doc_number(ctx: Context) -> Iterator[Hit]:
    text = ctx.doc.text
    for pattern in (GARBLED_DOC_NUMBER, DOC_NUMBER_NO_OPEN, DOC_NUMBER_NO_SEQ):
        for m in pattern.finditer(text):
            number = m.group()
            bracket = YEAR_START.search(number)
            start = m.start() + (bracket.start() if bracket else 0)
            line, column = ctx.position(start)
            if pattern is GARBLED_DOC_NUMBER:
                fix = f"the closing year bracket is lost; write {repair_doc_number(number)}"
            elif pattern is DOC_NUMBER_NO_OPEN:
                fix = f"the opening year bracket is lost; write {number[: m.start('year') - m.start()]}〔{m.group('year')}〕{m.group('seq')}号"
            else:
                fix = "the serial number is missing; restore it from the cited document"
            yield Hit(f"malformed 文号 {number}: {fix}", line, column)


@rule("JW021", "latin-in-prose", "warning", "garbling",
      "A Latin word stands inside Chinese prose (深入贯彻党的二十大精神 and 习近平…).",
      "Replace it with the Chinese word (and → 和) or remove it; it comes from a bad translation or merge.")
def latin_in_prose(ctx: Context) -> Iterator[Hit]:
    allowed = latin_allowed()
    for m in LATIN_IN_PROSE.finditer(ctx.doc.text):
        words = m.group("words")
        if all(w in allowed for w in words.split()):
            continue
        line, column = ctx.position(m.start())
        yield Hit(f"Latin “{words}” inside Chinese prose; write it in Chinese (and → 和) or remove it", line, column)


@rule("JW022", "conversion-artefact", "warning", "garbling",
      "Markup left by a conversion: ** emphasis, [bookmark: …], &nbsp;, # heading marks.",
      "Delete the markup from the source text.")
def conversion_artefact(ctx: Context) -> Iterator[Hit]:
    for number, raw in enumerate(ctx.raw_lines, start=1):
        found: list[tuple[int, str, str]] = []
        for kind, pattern in ARTEFACTS:
            subject = raw.lstrip() if pattern is MARKDOWN_HEADING else raw
            shift = len(raw) - len(subject)
            for m in pattern.finditer(subject):
                found.append((m.start() + shift, kind, m.group().strip() or m.group()))
        if not found:
            continue
        found.sort()
        first, kind, mark = found[0]
        more = f" ({len(found)} marks on this line)" if len(found) > 1 else ""
        yield Hit(f"{kind} “{mark}” left by a conversion{more}; delete it", number, first + 1)


@rule("JW023", "traditional-characters", "warning", "garbling",
      "Traditional characters are left in a simplified document.",
      "Replace them with their simplified forms (the message names them).")
def traditional_characters(ctx: Context) -> Iterator[Hit]:
    normalized = ctx.doc.normalized
    if normalized.traditional_chars == 0 or normalized.script == "traditional":
        return  # a wholly traditional document is a consistent source, converted on reading
    for number, raw in enumerate(ctx.raw_lines, start=1):
        simplified = to_simplified(raw)
        if simplified == raw or len(simplified) != len(raw):
            if simplified != raw:
                yield Hit("traditional characters on this line; convert them to simplified", number, 1)
            continue
        pairs = [(i, a, b) for i, (a, b) in enumerate(zip(raw, simplified)) if a != b]
        shown = "、".join(f"{a}→{b}" for _, a, b in pairs[:6]) + ("…" if len(pairs) > 6 else "")
        yield Hit(f"{len(pairs)} traditional character(s) in a {normalized.script} document: {shown}", number, pairs[0][0] + 1)


@rule("JW024", "split-word-repaired", "info", "garbling",
      "A word was split by a page break or blank line; normalisation rejoined it.",
      "Join the two lines in the source so the word is whole.")
def split_word_repaired(ctx: Context) -> Iterator[Hit]:
    for repair in ctx.doc.normalized.repairs:
        if repair.kind == "split_word":
            raw = ctx.raw_line(repair.line)
            column = len(raw) - len(raw.lstrip()) + 1
            yield Hit(f"a word is split across lines here ({repair.detail}); join the lines", repair.line, column)


@rule("JW025", "lookalike-characters", "warning", "garbling",
      "Look-alike code points stand for hanzi or a clause number's 一 (⽣ U+2F63 for 生, 部⻔ for 部门, —、 for 一、): "
      "a PDF's font mapped them so; normalisation replaced them for parsing, but search and copy of the source still fail.",
      "Replace them with the characters they stand for (the message names them), or export the text again from the original.")
def lookalike_characters(ctx: Context) -> Iterator[Hit]:
    for repair in ctx.doc.normalized.repairs:
        if repair.kind == "lookalike_hanzi":
            # (one repair for the text, on the line of the first; the detail names them all: ⽣→生 ⻔→门)
            yield Hit(f"look-alike characters stand for hanzi in this text: {repair.detail}; replace them", repair.line, 1)
    text = ctx.doc.text
    for clause in ctx.doc.clauses:
        # (numbering reads a dash in a number's place as 一, and writes the number so: 一、 for —、)
        if clause.style in ("cn", "cn_paren") and clause.number and not text.startswith(clause.number, clause.span[0]):
            raw = ctx.raw_line(clause.line)
            yield Hit(f"a dash stands for the 一 of the clause number {clause.number}; write 一", clause.line, len(raw) - len(raw.lstrip()) + 1)
