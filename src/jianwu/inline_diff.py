"""Inline diff of two clause texts, suited to Chinese.

Chinese has no spaces, so words cannot be found by splitting.  The text is cut
into tokens instead:

* a year (``2025年``) is one token;
* a number with its multiplier and unit (``14.5%``, ``3万台``, ``34微克/立方米``)
  is one token, so ``30%`` -> ``25%`` is shown whole, never as ``3`` + ``0%→5%``;
  a qualifier after it (``以上``, ``左右``) is separate, so ``70%以上`` -> ``70%``
  shows just the qualifier going;
* a department name is one token (from the clause's ``DepartmentRef`` spans, or,
  before departments are extracted, from the items of a responsibility note);
* a Latin word or code (``LNG``, ``PM2.5``, ``CCER``) is one token;
* every other character (Han characters, punctuation) is its own token.

The token lists are compared with ``difflib.SequenceMatcher(autojunk=False)``
(deterministic, no time-out; ``cydifflib``'s compiled port of it when installed, which gives the
same opcodes several times faster), then short equal runs stranded between changes
(a shared ``的`` or ``、`` inside a rewritten phrase, at most ``STRANDED_MAX``
characters) are folded into the change around them, after diff-match-patch's
semantic cleanup: such an equality is dissolved when it is no longer than the
change on each side of it and text was both removed and added around it (text
kept between two plain deletions, like 嘉陵江 in 长江、嘉陵江、乌江, stays).  Tokens are matched with the level characters of
administrative names folded (``市``/``区``/``县`` …), so a district's ``区发展改革委``
lines up with the parent's ``市发展改革委`` and shows as a one-token replace.  What remains
reads as whole phrases: ``长江、嘉陵江、乌江干流`` -> ``嘉陵江干流`` is
"delete 长江、", "equal 嘉陵江", "delete 、乌江", "equal 干流".
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from operator import ne
from typing import TYPE_CHECKING, Iterable, Literal, Optional

import regex

from .matcher import sequence_matcher
from .model import Clause

if TYPE_CHECKING:
    from .sentences import SentenceLink
from .patterns import compile_pattern

Op = Literal["equal", "insert", "delete", "replace"]

# A year: 2025年, 2030年
YEAR = compile_pattern(r"\d{4}年")
# A Latin word or code, digits allowed after the first letter: LNG, PM2.5, CO2, CCER
LATIN = compile_pattern(r"[A-Za-z][A-Za-z0-9]*(?:\.\d+)?")
# A responsibility note: （市发展改革委、市经济信息委按职责分工负责）, or one with a label
# （责任单位：省工业和信息化厅、省发展改革委） — closing bracket may be lost.
NOTE = compile_pattern(r"（(?P<body>[^（）\n]*?(?:负责|牵头|配合|责任单位|责任部门)[^（）\n]*)(?:）|$)")
# The label before a note's departments: 责任单位：, 主要责任部门:
NOTE_LABEL = compile_pattern(r"(?:主要)?责任(?:单位|部门)[：:]")
# Where the department list of a note ends: …市能源局|按职责分工负责
NOTE_TAIL = compile_pattern(r"(?:按职责分工|按职责|分别|共同)?(?:负责|牵头|配合)")
# Punctuation closing a title sentence: 指导思想。\n
TITLE_TAIL = compile_pattern(r"[。：:；;，,\s]*")
# Level characters of administrative names, folded for matching: 全市/全区, 市发展改革委/区发展改革委,
# 全盟/全旗 (Inner Mongolia's leagues and banners); the 国 of 全国 and 我国 too (全国 = 全省, 我国 = 我省),
# not the 国 of 国家, 国际, 中国.
LEVEL_CHARS = "省市区县州镇乡盟旗"
LEVEL_CHAR = compile_pattern(rf"[{LEVEL_CHARS}]|(?<=[全我])国")
# Longest equality that may be folded into the changes around it (a shared 的, 、, 推进 …).
STRANDED_MAX = 4
# Separators between departments inside a note.
NOTE_SEPARATORS = "、，,；;"
NOTE_SEPARATOR = compile_pattern(f"([{NOTE_SEPARATORS}])")  # splits 市发展改革委、市经济信息委 keeping the 、


@lru_cache(maxsize=1)
def _number_pattern() -> regex.Pattern[str]:
    """A number with an optional multiplier and unit: 14.5%, 3万台, 2.8亿立方米, 34微克/立方米."""
    from .quantities import units  # (here: a check that only reads a stored comparison needs no units table)

    alternatives = "|".join(regex.escape(u) for u in sorted(units(), key=len, reverse=True))
    return compile_pattern(rf"\d+(?:[.．]\d+)?(?:[万亿千百]?(?:{alternatives})|[万亿])?")


@dataclass(frozen=True)
class Edit:
    """One run of the diff; offsets are character offsets into the two clause texts."""

    op: Op
    parent: str  # the parent's text of this run ("" for an insert)
    child: str  # the child's text of this run ("" for a delete)
    parent_start: int
    child_start: int
    level_only: int = 0  # in an equal run: tokens that differ only by level (全市/全区, 市X/区X)


def fold_levels(text: str) -> str:
    """``市发展改革委`` and ``区发展改革委`` fold to the same string (comparison only, never shown)."""
    return LEVEL_CHAR.sub("〇", text)


@lru_cache(maxsize=1)
def _token_pattern() -> regex.Pattern[str]:
    """One token at a time, tried in order: a year, a number with its unit, a Latin word, else one character."""
    return compile_pattern(f"{YEAR.pattern}|{_number_pattern().pattern}|{LATIN.pattern}|.", regex.DOTALL)


@lru_cache(maxsize=1)
def _long_token_pattern() -> regex.Pattern[str]:
    """The tokens ``_token_pattern`` tries before its one character: a year, a number with its unit, a Latin word."""
    return compile_pattern(f"{YEAR.pattern}|{_number_pattern().pattern}|{LATIN.pattern}")


def _tokens(text: str, start: int, end: int) -> list[str]:
    """``_token_pattern().findall(text, start, end)``, three times faster on Chinese text.

    That pattern tries its long tokens at each place and else takes one character, so its
    tokens are the long tokens a search finds, left to right, and the characters between
    them one by one (none of the long tokens looks around, or matches empty).
    """
    tokens: list[str] = []
    _tokens_into(tokens, None, text, start, end)
    return tokens


def _tokens_into(tokens: list[str], long: Optional[list[int]], text: str, start: int, end: int) -> None:
    """``_tokens`` appended to ``tokens``; the positions of the long tokens appended to ``long`` when given."""
    i = start
    for m in _long_token_pattern().finditer(text, start, end):
        s, e = m.span()
        tokens += text[i:s]  # one token per character
        if long is not None:
            long.append(len(tokens))
        tokens.append(m.group())
        i = e
    tokens += text[i:end]


def tokenize(text: str, protected: Iterable[tuple[int, int]] = (), long: Optional[list[int]] = None) -> list[str]:
    """Cut ``text`` into diff tokens; each ``protected`` (start, end) span is kept whole.

    ``long``, when given, receives the positions of the tokens that may be longer than one
    character (years, numbers, Latin words, protected spans), in order.
    """
    tokens: list[str] = []
    i = 0
    for start, end in sorted((s, e) for s, e in protected if 0 <= s < e <= len(text)):
        if start < i:
            continue  # overlaps a span already kept
        _tokens_into(tokens, long, text, i, start)
        if long is not None:
            long.append(len(tokens))
        tokens.append(text[start:end])
        i = end
    _tokens_into(tokens, long, text, i, len(text))
    return tokens


def note_spans(text: str) -> list[tuple[int, int]]:
    """Department items of the responsibility notes in ``text`` (used when none were extracted)."""
    spans: list[tuple[int, int]] = []
    for m in NOTE.finditer(text):
        start, body = m.start("body"), m.group("body")
        label = NOTE_LABEL.match(body) if "责任" in body else None
        if label is not None:  # （责任单位：省工业和信息化厅、省发展改革委）: the departments after the label
            start, body = start + label.end(), body[label.end():]
        tail = NOTE_TAIL.search(body)
        names = body[: tail.start()] if tail else body
        offset = start
        for part in NOTE_SEPARATOR.split(names):
            if part and part not in NOTE_SEPARATORS:
                spans.append((offset, offset + len(part)))
            offset += len(part)
        if tail:
            spans.append((start + tail.start(), start + tail.end()))
    return spans


def clause_spans(clause: Clause) -> list[tuple[int, int]]:
    """Spans (relative to ``clause.text``) to keep whole: departments, else note items."""
    base = clause.text_offset
    spans = [(d.span[0] - base, d.span[1] - base) for d in clause.departments if d.span[1] > d.span[0]]
    spans = [(s, e) for s, e in spans if 0 <= s < e <= len(clause.text)]
    return spans or note_spans(clause.text)


def diff_texts(
    parent: str,
    child: str,
    parent_protected: Iterable[tuple[int, int]] = (),
    child_protected: Iterable[tuple[int, int]] = (),
    keys: Optional[dict[str, str]] = None,
    *,
    at: tuple[int, int] = (0, 0),
) -> list[Edit]:
    """Edits turning ``parent`` into ``child`` (every character of both is in exactly one run),
    their offsets counted from ``at`` (where the two texts start in longer ones).

    Tokens are matched level-folded (``市发展改革委`` = ``区发展改革委``, ``全国`` = ``全省``), and
    a token found in ``keys`` (a department name -> its canonical name) by its key
    (``国家发展改革委`` = ``省发展改革委``).  A run that differs only there is a
    *level-only* edit: it is kept ``equal`` (its parent and child texts differ;
    ``level_only_edits`` counts them), so the real edits stand out.

    Two equal texts with the same protected spans (a sentence kept as it was: a third of a diff's
    pieces) are one equal run, as the token diff below would find them, without tokens.
    """
    parent_protected, child_protected = sorted(parent_protected), sorted(child_protected)
    if parent == child and parent_protected == child_protected:
        return [Edit("equal", parent, child, *at)] if parent else []
    return _diff_tokens(parent, child, parent_protected, child_protected, keys, at)


def _diff_tokens(
    parent: str,
    child: str,
    parent_protected: Iterable[tuple[int, int]],
    child_protected: Iterable[tuple[int, int]],
    keys: Optional[dict[str, str]],
    at: tuple[int, int] = (0, 0),
) -> list[Edit]:
    """``diff_texts`` on the tokens of the two texts (what it does but for two equal texts)."""
    long_a: list[int] = []
    long_b: list[int] = []
    a = tokenize(parent, parent_protected, long_a)
    b = tokenize(child, child_protected, long_b)
    numbers: list[int] = []  # positions of a's number tokens, matched by unit alone
    matcher = sequence_matcher()(None, _folded_tokens(a, keys, numbers, long_a), _folded_tokens(b, keys, None, long_b), autojunk=False)
    opcodes = matcher.get_opcodes()
    runs: list[_Run] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal" and numbers:
            # A number that changed (its unit kept) is a replace of its own.
            start = i1
            for i in numbers[bisect_left(numbers, i1):bisect_left(numbers, i2)]:
                x, y = a[i], b[j1 + i - i1]
                if x != y:
                    if start < i:
                        runs.append(("equal", a[start:i], b[j1 + start - i1:j1 + i - i1]))
                    runs.append(("replace", [x], [y]))
                    start = i + 1
            if start > i1:
                if start == i2:
                    continue
                i1, j1 = start, j1 + start - i1
        if tag == "equal":
            # A level character at the edge of a real change belongs to it: 区县 -> 镇街, not 县 -> 街
            # (a whole department name stays apart: 市经济信息委 -> 区经济信息委 is level-only).
            if k > 0:
                while i1 < i2 and a[i1] != b[j1] and len(a[i1]) == 1:
                    runs.append(("replace", [a[i1]], [b[j1]]))
                    i1, j1 = i1 + 1, j1 + 1
            tail: list[_Run] = []
            if k + 1 < len(opcodes):
                while i2 > i1 and a[i2 - 1] != b[j2 - 1] and len(a[i2 - 1]) == 1:
                    tail.insert(0, ("replace", [a[i2 - 1]], [b[j2 - 1]]))
                    i2, j2 = i2 - 1, j2 - 1
            runs.append((tag, a[i1:i2], b[j1:j2]))
            runs.extend(tail)
            continue
        runs.append((tag, a[i1:i2], b[j1:j2]))
    runs = _cleanup(_align_to_boundaries(_merge_changes(_merge_equal(runs))))
    edits: list[Edit] = []
    pa, pb = at
    for tag, ta, tb in runs:
        sa, sb = "".join(ta), "".join(tb)
        level = sum(map(ne, ta, tb)) if tag == "equal" and sa != sb else 0  # tokens differing by level
        edits.append(Edit(tag, sa, sb, pa, pb, level))  # type: ignore[arg-type]
        pa += len(sa)
        pb += len(sb)
    return edits


# fold_levels as a translation table (tokens of several characters), and as a dict for the
# one-character tokens that most tokens are (one lookup each, in C: dict.get(token, token)).
LEVEL_FOLD = str.maketrans({c: "〇" for c in LEVEL_CHARS})
LEVEL_FOLD_CHAR = {c: "〇" for c in LEVEL_CHARS}
FOLDED_NATION = "〇"  # 国 of 全国 / 我国 (the whole country) folds like 全省 / 我市 / 全区
NATION_BEFORE = ("全", "我")  # what stands before that 国


# A number token (a year, 14.5%, 4.2万吨) is matched by what follows its digits (年, %, 万吨): a list
# of values rewritten one by one (4.2万吨、0.2万吨、6.6万吨 -> 0.3万吨、0.02万吨、0.5万吨) lines up
# value with value, not on a value that happens to recur in another place; ``diff_texts`` shows
# each changed one as its own replace.
DIGITS = frozenset("0123456789")
NUMBER_FOLD = str.maketrans({c: None for c in "0123456789.．"})


def _folded_tokens(
    tokens: list[str], keys: Optional[dict[str, str]] = None, numbers: Optional[list[int]] = None, long: Optional[list[int]] = None
) -> list[str]:
    """``tokens`` with the level characters folded, as ``fold_levels`` does; department names by key;
    a number by its unit (``NUMBER_FOLD``; its position appended to ``numbers`` when given).

    ``long``: the positions of the tokens that may be longer than one character (``tokenize``), so
    that the others are not looked at one by one; without it, they are found here.
    """
    out = list(map(LEVEL_FOLD_CHAR.get, tokens, tokens))  # right for every one-character token
    if long is None and len("".join(tokens)) != len(tokens):  # some are longer (most pieces of text have none: one check in C)
        long = [i for i, t in enumerate(tokens) if len(t) > 1]
    if long:
        for i in long:
            t = tokens[i]  # a year, number, Latin word or department name
            if len(t) < 2:
                continue  # (a one-character span: folded above)
            if t[0] in DIGITS:
                out[i] = "#" + t.translate(NUMBER_FOLD).translate(LEVEL_FOLD)
                if numbers is not None:
                    numbers.append(i)
            else:
                out[i] = t.translate(LEVEL_FOLD)
    if "国" in out:  # (a one-character token, folded to itself)
        i = tokens.index("国")
        while True:  # each 国 found by list.index, in C (a loop over every token was a tenth of a diff's token work)
            if i and tokens[i - 1] in NATION_BEFORE:
                out[i] = FOLDED_NATION
            try:
                i = tokens.index("国", i + 1)
            except ValueError:
                break
    if keys:
        out = list(map(keys.get, tokens, out))  # the key of a department name, else the folded token
    return out


def level_only_edits(edits: Iterable[Edit]) -> int:
    """Level-only edits (tokens kept equal though their level differs) in ``edits``."""
    return sum(e.level_only for e in edits)


def _title_end(clause: Clause) -> int:
    """Offset in ``clause.text`` just past its title sentence and the punctuation after it."""
    m = TITLE_TAIL.match(clause.text, len(clause.title))
    return m.end() if m else len(clause.title)


def department_keys(*clauses: Clause) -> dict[str, str]:
    """Department names as written in the clauses -> a comparison key from the canonical name."""
    keys: dict[str, str] = {}
    for clause in clauses:
        for d in clause.departments:
            s, e = d.span[0] - clause.text_offset, d.span[1] - clause.text_offset
            if 0 <= s < e <= len(clause.text) and d.canonical and not d.generic:
                keys[clause.text[s:e]] = "§" + d.canonical
    return keys


# Two clause texts at least this alike (fuzz.ratio, folded) are diffed whole: the child edited its
# parent's text in place, and a character diff reads best.  Below, the child rewrote the clause.
WHOLE_MIN = 0.6


def diff_clauses(parent: Clause, child: Clause, links: Optional[list["SentenceLink"]] = None) -> list[Edit]:
    """Inline diff of two clauses' own texts (offsets relative to each ``Clause.text``).

    A clause edited in place (``WHOLE_MIN``) is diffed whole.  A rewritten one is
    diffed sentence pair by sentence pair: the sentences are aligned first
    (``sentences.align_sentences``, or ``links`` already made on the two whole
    texts), each pair is diffed on its own, a parent sentence without partner is
    deleted whole and a child sentence without one inserted whole, so the rewrite
    does not read as confetti (short equal fragments between large changes).

    A label heading (指导思想：) keeps its title outside its text; when it meets a
    numbered clause of the same title (（一）指导思想。…), the numbered side's title
    sentence is left out of the comparison instead of showing as deleted.
    """
    from rapidfuzz import fuzz

    from .sentences import align_sentences, split_sentences

    skip_p = skip_c = 0
    if parent.title == child.title and (parent.number is None) != (child.number is None):
        if parent.number is not None and parent.text.startswith(parent.title):
            skip_p = _title_end(parent)
        elif child.number is not None and child.text.startswith(child.title):
            skip_c = _title_end(child)
    p_text, c_text = parent.text[skip_p:], child.text[skip_c:]
    spans_p = [(s - skip_p, e - skip_p) for s, e in clause_spans(parent)]
    spans_c = [(s - skip_c, e - skip_c) for s, e in clause_spans(child)]
    keys = department_keys(parent, child)
    if fuzz.ratio(fold_levels(p_text), fold_levels(c_text)) >= 100 * WHOLE_MIN:
        edits = diff_texts(p_text, c_text, spans_p, spans_c, keys)
    else:
        if links is None or skip_p or skip_c:
            links = align_sentences(split_sentences(p_text), split_sentences(c_text), len(p_text))
        edits = diff_by_sentences(p_text, c_text, links, spans_p, spans_c, keys)
    if not skip_p and not skip_c:
        return edits
    return [Edit(e.op, e.parent, e.child, e.parent_start + skip_p, e.child_start + skip_c, e.level_only) for e in edits]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    return [(s - start, e - start) for s, e in spans if start <= s and e <= end]


def diff_by_sentences(
    parent: str,
    child: str,
    links: list["SentenceLink"],
    parent_protected: list[tuple[int, int]],
    child_protected: list[tuple[int, int]],
    keys: Optional[dict[str, str]] = None,
) -> list[Edit]:
    """Edits of two texts from their sentence links: a diff inside each in-order sentence pair.

    Between two consecutive pairs, what is left on both sides is diffed as one
    piece when it is still alike (a sentence re-punctuated into two), else it is
    one deletion and one insertion.
    """
    from rapidfuzz import fuzz

    anchors = sorted((l.parent_span, l.child_span) for l in links if l.status in ("identical", "modified") and l.parent_span and l.child_span)
    anchors.append(((len(parent), len(parent)), (len(child), len(child))))
    edits: list[Edit] = []
    pa = pb = 0

    def piece(p0: int, p1: int, c0: int, c1: int, whole: bool) -> None:
        if p0 == p1 and c0 == c1:
            return
        if whole or p0 == p1 or c0 == c1:
            edits.extend(diff_texts(parent[p0:p1], child[c0:c1], _inside(parent_protected, p0, p1), _inside(child_protected, c0, c1), keys, at=(p0, c0)))
        elif fuzz.ratio(fold_levels(parent[p0:p1]), fold_levels(child[c0:c1])) >= 100 * GAP_ALIKE:
            edits.extend(diff_texts(parent[p0:p1], child[c0:c1], _inside(parent_protected, p0, p1), _inside(child_protected, c0, c1), keys, at=(p0, c0)))
        else:
            edits.append(Edit("replace", parent[p0:p1], child[c0:c1], p0, c0))

    for (ps, pe), (cs, ce) in anchors:
        piece(pa, ps, pb, cs, whole=False)
        piece(ps, pe, cs, ce, whole=True)
        pa, pb = pe, ce
    return _join_equal(edits)


GAP_ALIKE = 0.5  # fuzz.ratio (0..1) of the leftover text between two sentence pairs that is still diffed as one piece


def _join_equal(edits: list[Edit]) -> list[Edit]:
    """Consecutive equal runs (two sentences kept one after the other) as one run."""
    out: list[Edit] = []
    for e in edits:
        if out and e.op == "equal" and out[-1].op == "equal":
            last = out.pop()
            e = Edit("equal", last.parent + e.parent, last.child + e.child, last.parent_start, last.child_start, last.level_only + e.level_only)
        out.append(e)
    return out


_Run = tuple[str, list[str], list[str]]  # (tag, parent tokens, child tokens)

# Characters a phrase boundary falls next to: an edit that can slide is put against them.
BOUNDARY_CHARS = frozenset("、，。；：！？（）“”‘’《》〈〉—…\n,;:()")


def _boundary(left: str | None, right: str | None) -> int:
    """How good a place for an edit boundary lies between two tokens (higher is better)."""
    if left is None or right is None:
        return 4
    if left[-1] in BOUNDARY_CHARS or right[0] in BOUNDARY_CHARS:
        return 3
    if left[-1].isascii() != right[0].isascii():
        return 1
    return 0


def _align_to_boundaries(runs: list[_Run]) -> list[_Run]:
    """Slide each pure insertion/deletion between two equalities to the best phrase boundary.

    ``嘉陵|江、乌|江干流`` and ``嘉陵江|、乌江|干流`` say the same; the second is
    how a reader sees it (diff-match-patch's lossless semantic cleanup, on tokens).
    An equal run may hold level-only tokens (市X on one side, 区X on the other):
    its two sides are moved together, and only over tokens equal on both.
    """
    runs = [r for r in runs if r[1] or r[2]]
    for k in range(1, len(runs) - 1):
        tag, ta, tb = runs[k]
        if tag not in ("insert", "delete") or runs[k - 1][0] != "equal" or runs[k + 1][0] != "equal":
            continue
        (_, lp, lc), (_, rp, rc), edited = runs[k - 1], runs[k + 1], ta or tb
        if not (lp and lc and lp[-1] == lc[-1] == edited[-1]) and not (rp and rc and rp[0] == rc[0] == edited[0]):
            continue  # nothing to slide over on either side: the runs stay as they are (most edits)
        left = list(zip(lp, lc))  # (parent token, child token)
        right = list(zip(rp, rc))
        edit = list(edited)
        while left and left[-1][0] == left[-1][1] == edit[-1]:  # slide fully left first
            right.insert(0, left.pop())
            edit = [right[0][0]] + edit[:-1]

        def score(left: list[tuple[str, str]], edit: list[str], right: list[tuple[str, str]]) -> int:
            return _boundary(left[-1][0] if left else None, edit[0]) + _boundary(edit[-1], right[0][0] if right else None)

        best = (left, edit, right)
        best_score = score(left, edit, right)
        while right and right[0][0] == right[0][1] == edit[0]:
            left, edit, right = left + [(edit[0], edit[0])], edit[1:] + [right[0][0]], right[1:]
            current = score(left, edit, right)
            if current >= best_score:
                best, best_score = (left, edit, right), current
        left, edit, right = best
        runs[k - 1] = ("equal", [p for p, _ in left], [c for _, c in left])
        runs[k] = (tag, edit, []) if tag == "delete" else (tag, [], edit)
        runs[k + 1] = ("equal", [p for p, _ in right], [c for _, c in right])
    return [r for r in runs if r[1] or r[2]]


def _merge_equal(runs: list[_Run]) -> list[_Run]:
    """Consecutive equal runs as one; a run's lists are copied only when another is appended to them."""
    out: list[_Run] = []
    own = False  # out[-1]'s lists are this function's copies (extended in place)
    for run in runs:
        if out and run[0] == "equal" and out[-1][0] == "equal":
            if not own:
                out[-1] = ("equal", list(out[-1][1]), list(out[-1][2]))
                own = True
            out[-1][1].extend(run[1])
            out[-1][2].extend(run[2])
        else:
            out.append(run)
            own = False
    return out


def _length(tokens: list[str]) -> int:
    return sum(map(len, tokens))


def _cleanup(runs: list[_Run]) -> list[_Run]:
    """Fold short equalities stranded between changes into the changes; merge neighbouring changes."""
    merged = _merge_changes(runs)
    changed = True
    while changed:
        changed = False
        for k in range(1, len(merged) - 1):
            tag, ta, tb = merged[k]
            before, after = merged[k - 1], merged[k + 1]
            if tag != "equal" or before[0] == "equal" or after[0] == "equal":
                continue
            n = _length(ta)
            rewritten = bool(before[1] or after[1]) and bool(before[2] or after[2])  # text went and came
            if rewritten and n <= STRANDED_MAX and n <= max(_length(before[1]), _length(before[2])) and n <= max(_length(after[1]), _length(after[2])):
                merged[k - 1 : k + 2] = [("replace", before[1] + ta + after[1], before[2] + tb + after[2])]
                merged = _merge_changes(merged)
                changed = True
                break
    return merged


def _merge_changes(runs: list[_Run]) -> list[_Run]:
    out: list[_Run] = []
    for tag, ta, tb in runs:
        if not ta and not tb:
            continue
        if out and tag != "equal" and out[-1][0] != "equal":
            _, pa, pb = out.pop()
            ta, tb = pa + ta, pb + tb
            tag = "replace" if ta and tb else ("delete" if ta else "insert")
        out.append((tag, ta, tb))
    return out


def equal_chars(edits: Iterable[Edit]) -> int:
    """How many characters the two texts share in equal runs."""
    return sum(len(e.child) for e in edits if e.op == "equal")
