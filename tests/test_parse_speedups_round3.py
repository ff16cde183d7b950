"""Round 3 of the parse's fast paths (``bench/README.md``, "Departments and inline cleanup, round 3,
3 Dec 2026"): each gives exactly what the plain computation it replaces gives, on the lines of every
plan of ``data/raw`` and on random lines of the characters each rule turns on.  The plain
computations are written out here as the code stood before.
"""

from __future__ import annotations

import random
from typing import Optional, Sequence

import pytest

from jianwu import Document
from jianwu import departments as dp
from jianwu import normalize as nz
from jianwu.aliases import compact
from test_facts_speedups import NOTE_PIECES, _plain_items, _plain_read_item, docs, random_texts  # noqa: F401 (docs: the fixture; tests/ is on sys.path)


@pytest.fixture(scope="module")
def plan_lines(seeds: dict[str, Document], corpus: dict[str, Document]) -> list[str]:
    """The stripped lines, raw and normalised, of every plan of data/raw."""
    docs = [*seeds.values(), *corpus.values()]
    texts = [d.normalized.raw for d in docs] + [d.normalized.text for d in docs]
    return [line.strip() for text in texts for line in text.split("\n") if line.strip()]


def random_lines(pieces: Sequence[str], count: int = 20000, seed: int = 163, longest: int = 16) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


# Marks, their Chinese context (Han, CJK punctuation), ASCII context, spaces, brackets, digits.
PIECES = list(",;:?!,,(()) 　1２a汉负，。（）《》“”、；：%.x") + ["(1)", "(三)", "1,000", "QQ:5", "市(区)", "  ", "(fā)", "第", "章"]


def _plain_clean_steps(line: str, fullwidth: bool) -> str:
    """``_clean_steps`` as it stood: every rule of a present mark run, the marks by a callback."""
    if "n" in line or "N" in line:
        line = nz.CHECK_IGNORE_MARKER.sub("", line)
    if "[" in line:
        line = nz.BOOKMARK.sub("", line)
    if "【" in line:
        line = nz.PINYIN_RUBY.sub("", line)
    if "&" in line or "<" in line:
        line = nz.HTML_LEFTOVER.sub(" ", line)
    if "#" in line:
        line = nz.MARKDOWN_HEADING.sub("", line)
    if "*" in line or "_" in line:
        line = nz.MARKDOWN_BOLD.sub("", line)
    if fullwidth and nz.FULLWIDTH_CHAR.search(line):
        line = line.translate(nz.FULLWIDTH_ASCII)
    if "(" in line:
        line = nz.PINYIN_PAREN.sub("", line)
        line = nz.HALF_PAREN_PAIR.sub(r"（\1）", line)
        line = nz.HALF_PAREN_NUMBER.sub(r"（\1）", line)
        line = nz.HALF_OPEN_BEFORE_HAN.sub("（", line)
    if ")" in line:
        line = nz.HALF_CLOSE_AFTER_HAN.sub("）", line)
    if "," in line or ";" in line or ":" in line or "?" in line or "!" in line:
        line = nz.HALF_PUNCT_IN_CJK.sub(lambda m: nz.HALF_PUNCT[m.group()], line)
        line = nz.DOUBLED_COMMA.sub("", line)
    if " " in line:
        line = nz.SPACE_CJK_THEN_ASCII.sub("", line)
        line = nz.SPACE_ASCII_THEN_CJK.sub("", line)
        line = nz.SPACE_AFTER_OPEN.sub("", line)
        line = nz.SPACE_BEFORE_CLOSE.sub("", line)
        line = nz.SPACE_IN_DECIMAL.sub("", line)
        line = nz.SPACE_BEFORE_NUMBER_MARK.sub("", line)
        line = nz.SPACE_BEFORE_PERCENT.sub("", line)
        if nz.LETTER_SPACED_LINE.match(line):
            line = line.replace(" ", "")
        line = nz.SPACED_ORDINAL.sub(lambda m: m.group().replace(" ", ""), line)
    return line.strip()


def test_full_width_punct_is_the_callback_sub(plan_lines: list[str]) -> None:
    plain = lambda line: nz.HALF_PUNCT_IN_CJK.sub(lambda m: nz.HALF_PUNCT[m.group()], line)  # noqa: E731
    lines = plan_lines + random_lines(PIECES)
    assert [nz._full_width_punct(line) for line in lines] == [plain(line) for line in lines]
    # both ways of the fast path are met
    assert any(plain(line) != line and "," not in plain(line) for line in lines)
    assert any("," in plain(line) for line in lines if "," in line)


def test_clean_steps_are_the_plain_steps(plan_lines: list[str]) -> None:
    lines = plan_lines + random_lines(PIECES + list("nN*_#[]【】&<"), seed=164)
    for fullwidth in (True, False):
        assert [nz._clean_steps(line, fullwidth) for line in lines] == [_plain_clean_steps(line, fullwidth) for line in lines]


# ---------------------------------------------------------------- departments


def _plain_first_item(part: str) -> str:
    """``_first_item`` as it stood: the part after its lead-in sliced off and every verb searched in it."""
    lead_in = dp.LEAD_IN.match(part)
    part = part[lead_in.end():] if lead_in else part
    for pattern, _role in dp.VERBS:
        m = pattern.pattern.search(part)
        if m and m.start() > 0:
            part = part[: m.start()]
            break
    return dp.ETC.sub("", compact(dp.ITEM_SPLIT.split(part)[0]))


def test_first_item_with_the_verbs_found_is_the_plain_first_item(docs: list[Document]) -> None:
    parts = [
        part.strip()
        for d in docs for c in d.clauses for a, b in dp._bracket_groups(c.text) if a >= 0 and b is not None
        for part in dp.PART_SPLIT.split(dp._core(c.text[a + 1:b]))
    ]
    # lead-ins and verbs that overlap them (由牵头 / 请负责), spaced out, and places
    extra = ["由", "请", "具体由", "均由", "统一", "牵头", "负责", "配合", "落实", "实施", "协助", " ", "、", "市发展改革委", "区", "各"]
    parts += random_texts(NOTE_PIECES + extra, 20000, longest=8)
    reused = 0
    for part in parts:
        found = [p.search(part) for p, _ in dp.VERBS]
        plain = _plain_first_item(part)
        spans = tuple(None if m is None else m.span() for m in found)
        assert dp._verb_spans(part) == spans, part  # (round 10: the spans memoised per part)
        assert dp._first_item(part, spans) == plain, part
        assert dp._first_item(part) == plain, part
        lead_in = dp.LEAD_IN.match(part)
        reused += bool(lead_in) and any(m is not None and m.start() > lead_in.end() for m in found)
    assert reused > 100  # a lead-in and a verb after it: the whole part's match reused


def test_read_items_are_the_items_read_one_by_one(docs: list[Document]) -> None:
    rnd = random.Random(7)
    cases = [(c.text, s, e) for d in docs for c in d.clauses for s, e, _ in dp.find_notes(c.text)]
    for text in random_texts(NOTE_PIECES + ["、、", "、", "（", "）"], 8000, longest=20):
        a = rnd.randint(0, len(text))
        cases.append((text, a, rnd.randint(a, len(text))))
    many = 0
    for text, start, end in cases:
        plain = []
        for a, b in _plain_items(text, start, end):
            i_end, name, is_org, local = _plain_read_item(text, a, b)
            plain.append((a, i_end - a, name, is_org, local))
        assert dp._read_items(text, start, end) == plain, text[start:end]
        many += len(plain) > 1
    assert many > 1000


def _plain_split_depth0(text: str, seps: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int, str]]:
    """``_split_depth0`` as it stood: every bracket and separator of the span looked at."""
    end = len(text) if end is None else end
    pieces: list[tuple[int, int, str]] = []
    depth, piece, before = 0, start, ""
    for m in dp._split_marks(seps).finditer(text, start, end):
        ch = m.group()
        if ch in dp.OPENERS:
            depth += 1
        elif ch in dp.CLOSERS:
            if depth:
                depth -= 1
        elif depth == 0:
            pieces.append((piece, m.start(), before))
            piece, before = m.start() + 1, ch
    pieces.append((piece, end, before))
    return pieces


def test_split_depth0_without_a_separator_is_the_plain_split(docs: list[Document]) -> None:
    rnd = random.Random(9)
    texts = [c.text for d in docs for c in d.clauses]
    texts += random_lines(list("。，,；;、/（）()〔〕市局a ") + ["牵头"], 20000, seed=165, longest=14)
    whole = 0
    for text in texts:
        for seps in ("。", dp.PART_SEP, dp.ITEM_SEP):
            a = rnd.randint(0, len(text))
            for start, end in ((0, None), (a, rnd.randint(a, len(text))), (a, rnd.randint(0, a))):
                got = dp._split_depth0(text, seps, start, end)
                assert got == _plain_split_depth0(text, seps, start, end), (text, seps, start, end)
                whole += len(got) == 1
    assert whole > 5000
