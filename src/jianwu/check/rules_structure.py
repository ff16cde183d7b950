"""Numbering and structure rules (parse only): JW001-JW005, JW010-JW013."""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterator, Optional

import regex

from ..model import Clause
from ..numbering import cn_to_int, int_to_cn
from ..patterns import compile_pattern
from .context import Context
from .findings import Hit, rule

# ---------------------------------------------------------------- patterns

# The numeral inside a number token: 十四 in （十四）, 3 in 3.
NUMERAL = r"[一二三四五六七八九十百零〇两]+"
NUMBER_IN_TOKEN = compile_pattern(rf"\d+|{NUMERAL}")  # （十四） -> 十四, 12. -> 12
# The same, or a circled number: what a token's shape leaves out (一、 -> N、, （3） -> （N）, ② -> N).
NUMERAL_OF_SHAPE = compile_pattern(rf"\d+|{NUMERAL}|[①-⑳]")
DIGITS = compile_pattern(r"\d+")  # 12 in 12.
CHINESE_NUMERAL = compile_pattern(NUMERAL)  # 三 in （三）

# Inline enumeration inside a clause's prose: "一是拓宽…；二是大力发展…；三是…".  Only
# at a sentence or clause start, so 不二是 / 统一是 are not read as items.
ENUMERATION_ITEM = compile_pattern(r"(?:^|(?<=[。；;：:，,\n]))(?P<n>[一二三四五六七八九十]{1,3})是")
# A responsibility note: （区生态环境局负责） / （市生态环境局牵头，市发展改革委配合） /
# （责任单位：市发展改革委）.  One level of nested brackets is allowed inside
# (市自然资源局（市林业局）负责); a note whose ）was lost runs to the end of the paragraph.
RESPONSIBILITY_NOTE = compile_pattern(
    r"（(?:(?:[^（）\n]|（[^（）\n]*）){1,300}?(?:负责|牵头|配合|参与)(?:落实|实施|推进)?"
    r"|(?:牵头|责任|配合|主责)(?:单位|部门)[:：](?:[^（）\n]|（[^（）\n]*）){1,300}?)(?:）|(?=\n|$))"
)
# Headings that are not tasks and so carry no responsibility note in any plan:
# 指导思想, 基本原则, 主要目标, 工作目标, 总体要求 …
NON_TASK_TITLE = compile_pattern(r"^(?:指导思想|基本原则|工作原则|(?:主要|总体|工作|发展|总|具体)目标|总体要求|总体思路|适用范围|编制依据)")

# Bracket pairs that must balance inside one paragraph; half-width () count
# as the same kind as full-width （）so a mixed pair （…) is not reported twice.
OPENERS = {"（": "（", "(": "（", "《": "《", "〈": "〈", "“": "“", "【": "【", "「": "「", "『": "『", "［": "［", "[": "［"}
CLOSERS = {"）": "（", ")": "（", "》": "《", "〉": "〈", "”": "“", "】": "【", "」": "「", "』": "『", "］": "［", "]": "［"}
CLOSER_OF = {"（": "）", "《": "》", "〈": "〉", "“": "”", "【": "】", "「": "」", "『": "』", "［": "］"}
# A closing bracket that ends an inline enumerator, not a pair: "包括：1）…；2）…" / "a)" / "一）"
ENUMERATOR_CLOSER = compile_pattern(r"(?:^|(?<=[：:；;，,。\s]))(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})[)）]")
# Any of OPENERS and CLOSERS: a paragraph's marks found in one scan, not a Python step per character.
BRACKET_MARK = compile_pattern("[" + "".join(regex.escape(ch) for ch in (*OPENERS, *CLOSERS)) + "]")


# ---------------------------------------------------------------- helpers


def _numbered(ctx: Context) -> list[Clause]:
    """Numbered clauses of the body: an attachment (附件1/…) numbers its own tree, or its table rows."""
    return [c for c in ctx.doc.clauses if c.number is not None and c.style not in ("attachment", "row") and not c.path[0].startswith(("附件", "附表"))]


def _value(clause: Clause) -> Optional[int]:
    """Numeric value of a clause's number token (（十四） -> 14, ③ -> 3, 12. -> 12)."""
    token = clause.path[-1]
    if clause.style == "circled":
        return ord(token) - 0x2460 + 1
    digits = NUMBER_IN_TOKEN.search(token)
    return cn_to_int(digits.group()) if digits else None


def _parent_key(clause: Clause) -> tuple[str, ...]:
    return tuple(clause.path[:-1])


def _shape(written: str) -> str:
    """How a token is written with its numeral taken out: 一、 -> N、, 1. -> N., （3） -> （N）."""
    return NUMERAL_OF_SHAPE.sub("N", written, count=1)


class _Sequence:
    """Where each level's numbering stands, for restart-or-run-on numbering.

    A first child may start at 1 or continue the level's running number (the
    municipal plan numbers （三）…（二十八） across chapters); later children
    must follow their previous sibling.
    """

    def __init__(self) -> None:
        self.last_sibling: dict[tuple[str, ...], tuple[int, Clause]] = {}
        self.level_last: dict[tuple[int, str], int] = {}
        self.level_seen: dict[tuple[int, str], dict[int, Clause]] = {}
        self.sibling_seen: dict[tuple[str, ...], dict[int, Clause]] = {}


def _numbering_problems(ctx: Context) -> Iterator[tuple[str, Clause, str]]:
    """(kind, clause, message) for each gap / duplicate / out-of-order number."""
    seq = _Sequence()
    for clause in _numbered(ctx):
        value = _value(clause)
        if value is None:
            continue
        parent, level = _parent_key(clause), (clause.depth, clause.style)
        token = clause.path[-1]
        under = f" under {parent[-1]}" if parent else ""
        prev = seq.last_sibling.get(parent)
        siblings = seq.sibling_seen.setdefault(parent, {})
        level_seen = seq.level_seen.setdefault(level, {})
        if prev is not None and prev[1].style == clause.style:
            expected = prev[0] + 1
            if value in siblings:
                first = siblings[value]
                yield "duplicate", clause, f"{token} is used twice{under} (first on line {first.line}); renumber so each number appears once"
            elif value < prev[0]:
                yield "order", clause, f"{token} comes after {prev[1].path[-1]}{under}; put the clauses in order or renumber"
            elif value > expected:
                missing = _missing(prev[1], expected, value)
                yield "gap", clause, f"{missing} is missing between {prev[1].path[-1]} and {token}{under}; renumber or restore the clause"
        else:
            running = seq.level_last.get(level)
            if value != 1 and (running is None or value != running + 1):
                fix = f"renumber from {_token_like(clause, (running or 0) + 1)} or restart at {_token_like(clause, 1)}"
                if running is not None and value in level_seen:
                    first = level_seen[value]
                    yield "duplicate", clause, f"{token} continues the running numbering but is already used (line {first.line}); {fix}"
                elif running is not None and value < running:
                    yield "order", clause, f"{token} comes after {_token_like(clause, running)} in the running numbering; {fix}"
                else:
                    start = 1 if running is None else running + 1
                    missing = _token_like(clause, start) if value - start == 1 else f"{_token_like(clause, start)}–{_token_like(clause, value - 1)}"
                    yield "gap", clause, f"{missing} is missing before {token}{under}; number the first clause {_token_like(clause, start)}"
        siblings.setdefault(value, clause)
        level_seen.setdefault(value, clause)
        seq.last_sibling[parent] = (value, clause)
        seq.level_last[level] = value


def _token_like(clause: Clause, value: int) -> str:
    """``clause``'s number rewritten with ``value``, in the same numerals and marks: （三） -> （四）."""
    written = clause.path[-1]
    if clause.style == "circled":
        return chr(0x2460 + value - 1) if 1 <= value <= 20 else str(value)
    if DIGITS.search(written):
        return DIGITS.sub(str(value), written, count=1)
    return CHINESE_NUMERAL.sub(int_to_cn(value), written, count=1)


def _missing(prev: Clause, start: int, stop: int) -> str:
    if stop - start == 1:
        return _token_like(prev, start)
    return f"{_token_like(prev, start)}–{_token_like(prev, stop - 1)}"


def _hits(ctx: Context, kind: str) -> Iterator[Hit]:
    for found, clause, message in _numbering_problems(ctx):
        if found == kind:
            line, column = ctx.position(clause.span[0])
            yield Hit(message, line, column)


# ---------------------------------------------------------------- numbering


@rule("JW001", "numbering-gap", "error", "numbering",
      "A number is skipped at some level: （三） directly after （一）.",
      "Renumber the clauses or restore the missing one; a gap usually means a clause was lost in conversion.")
def numbering_gap(ctx: Context) -> Iterator[Hit]:
    return _hits(ctx, "gap")


@rule("JW002", "numbering-duplicate", "error", "numbering",
      "The same number is used twice at one level.",
      "Renumber so that every number appears once among its siblings.")
def numbering_duplicate(ctx: Context) -> Iterator[Hit]:
    return _hits(ctx, "duplicate")


@rule("JW003", "numbering-order", "error", "numbering",
      "A number is smaller than the one before it at the same level.",
      "Put the clauses in order, or renumber them.")
def numbering_order(ctx: Context) -> Iterator[Hit]:
    return _hits(ctx, "order")


@rule("JW004", "numbering-mixed-style", "warning", "numbering",
      "One level mixes numbering styles (（一） and 1., or 1. and 1、).",
      "Use one numbering style per level, as GB/T 9704 does: 一、 （一） 1. （1）.")
def numbering_mixed_style(ctx: Context) -> Iterator[Hit]:
    clauses = _numbered(ctx)
    by_depth: dict[int, list[Clause]] = {}
    for clause in clauses:
        by_depth.setdefault(clause.depth, []).append(clause)
    for depth, group in sorted(by_depth.items()):
        styles = Counter(c.style for c in group)
        usual_style = max(styles, key=lambda s: (styles[s], -_first_index(group, lambda c: c.style == s)))
        usual = next(c for c in group if c.style == usual_style)
        for clause in group:
            if clause.style != usual_style:
                line, column = ctx.position(clause.span[0])
                yield Hit(f"{clause.number} is numbered differently from the other level-{depth} clauses (like {usual.number}); use one style per level", line, column)
        for style in styles:
            same = [c for c in group if c.style == style]
            shapes = Counter(_shape(c.number or "") for c in same)
            if len(shapes) < 2:
                continue
            usual_shape = max(shapes, key=lambda s: (shapes[s], -_first_index(same, lambda c: _shape(c.number or "") == s)))
            example = next(c for c in same if _shape(c.number or "") == usual_shape)
            for clause in same:
                if _shape(clause.number or "") != usual_shape:
                    line, column = ctx.position(clause.span[0])
                    yield Hit(f"{clause.number} is written differently from its level (like {example.number}); write the number the same way throughout", line, column)


def _first_index(items: list[Clause], pred: Callable[[Clause], bool]) -> int:
    return next(i for i, c in enumerate(items) if pred(c))


@rule("JW005", "enumeration-sequence", "warning", "numbering",
      "An inline enumeration 一是…二是…三是 repeats or skips an item.",
      "Renumber the 一是 / 二是 items of the sentence in order.")
def enumeration_sequence(ctx: Context) -> Iterator[Hit]:
    for clause in _numbered(ctx):
        expected = 1
        for m in ENUMERATION_ITEM.finditer(clause.text):
            value = cn_to_int(m.group("n")) or 0
            if value == 1 and expected > 1:
                expected = 1  # a second enumeration starts in the same clause
            if value != expected:
                line, column = ctx.position(clause.text_offset + m.start())
                what = "repeats an earlier item" if value < expected else "skips an item"
                yield Hit(f"{m.group()} {what} of the enumeration: {int_to_cn(expected)}是 expected here; renumber the items", line, column)
            expected = value + 1


# ---------------------------------------------------------------- structure


@rule("JW010", "no-numbered-clauses", "error", "structure",
      "The document has no numbered clauses, so nothing can be parsed from it.",
      "Check the file is a plan and its clauses are numbered 一、 / （一） / 1.; a conversion may have lost the numbers.")
def no_numbered_clauses(ctx: Context) -> Iterator[Hit]:
    if not _numbered(ctx) and ctx.doc.kind == "plan":
        yield Hit("no numbered clauses (一、 （一） 1.) found; check the conversion kept the clause numbers", 1, 1)


@rule("JW013", "not-a-plan", "info", "structure",
      "The document is a news report about a plan, not the plan: nothing is parsed from it.",
      "Keep it out of the corpus, or add the plan it reports on; jianwu reads no clauses, departments or targets from a report.")
def not_a_plan(ctx: Context) -> Iterator[Hit]:
    if ctx.doc.kind == "news":
        message = next((w.message for w in ctx.doc.warnings if w.code == "not_a_plan"), "a news report, not a plan")
        yield Hit(message, 1, 1)


@rule("JW011", "unbalanced-bracket", "error", "structure",
      "A bracket or quotation mark is not closed (or not opened) within its paragraph.",
      "Add the missing mark; a responsibility note must end with ）.")
def unbalanced_bracket(ctx: Context) -> Iterator[Hit]:
    text = ctx.doc.text
    offset = 0
    for paragraph in text.split("\n"):
        for index, message in unbalanced_marks(paragraph):
            line, column = ctx.position(offset + index)
            yield Hit(message, line, column)
        offset += len(paragraph) + 1


def unbalanced_marks(paragraph: str) -> list[tuple[int, str]]:
    """(index, message) for each unmatched opening or closing mark in one paragraph."""
    enumerators = {m.end() - 1 for m in ENUMERATOR_CLOSER.finditer(paragraph)}
    open_: dict[str, list[int]] = {}
    problems: list[tuple[int, str]] = []
    for mark in BRACKET_MARK.finditer(paragraph):
        i, ch = mark.start(), mark.group()
        if ch in OPENERS:
            open_.setdefault(OPENERS[ch], []).append(i)
        elif ch in CLOSERS and i not in enumerators:
            kind = CLOSERS[ch]
            if open_.get(kind):
                open_[kind].pop()
            else:
                problems.append((i, f"{ch} has no matching {kind} in this paragraph; add the {kind} or remove the {ch}"))
    for kind, positions in open_.items():
        for i in positions:
            note = RESPONSIBILITY_NOTE.match(paragraph, i) if kind == "（" else None
            if note is not None:
                shown = note.group() if len(note.group()) <= 24 else f"{note.group()[:10]}…{note.group()[-8:]}"
                problems.append((i, f"the responsibility note {shown} is never closed; add ） at its end"))
            else:
                problems.append((i, f"{paragraph[i]} is never closed in this paragraph; add the missing {CLOSER_OF[kind]}"))
    return sorted(problems)


@rule("JW012", "missing-responsibility-note", "warning", "structure",
      "A task clause has no responsibility note （…负责） although most of its sibling clauses have one.",
      "Add the note naming the responsible departments, e.g. （区生态环境局牵头，区发展改革委按职责分工负责）.")
def missing_responsibility_note(ctx: Context) -> Iterator[Hit]:
    doc = ctx.doc
    groups: dict[tuple[str, ...], list[Clause]] = {}
    for clause in _numbered(ctx):
        if doc.children(clause) or NON_TASK_TITLE.match(clause.title):
            continue  # a heading delegates to its children; goals and principles name no owner
        groups.setdefault(_parent_key(clause), []).append(clause)
    for group in groups.values():
        with_note = [c for c in group if has_responsibility_note(c)]
        if len(with_note) < 2 or len(with_note) * 2 < len(group):
            continue
        noted = {id(c) for c in with_note}
        for clause in group:
            if id(clause) not in noted:
                line, column = ctx.position(clause.span[0])
                yield Hit(
                    f"{clause.number}{clause.title} has no responsibility note while {len(with_note)} of its "
                    f"{len(group)} sibling clauses have one; add （…负责） naming the responsible departments",
                    line, column,
                )


def has_responsibility_note(clause: Clause) -> bool:
    return bool(clause.departments) or RESPONSIBILITY_NOTE.search(clause.text) is not None
