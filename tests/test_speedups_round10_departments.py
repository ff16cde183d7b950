"""Round 10 of the departments' fast paths (``bench/README.md``, "Round 10: departments"): each gives
exactly what the plain computation it replaces gives, on the clauses of every plan of ``data/raw`` and
on random texts of the characters each rule turns on.  The plain computations are written out here as
the code stood before.
"""

from __future__ import annotations

from typing import Optional

from jianwu import departments as dp
from test_facts_speedups import clause_texts, docs, random_texts  # noqa: F401 (fixtures; tests/ is on sys.path)


def _plain_bracket_groups(text: str) -> list[tuple[int, Optional[int]]]:
    """``_bracket_groups`` as it stood: one scan of every bracket and line break."""
    groups: list[tuple[int, Optional[int]]] = []
    stack: list[int] = []
    for m in dp.BRACKET_MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n":
            if stack and not dp.PAGE_RESIDUE.search(text, max(0, i - 12), i):
                groups.append((stack[0], None))
                stack.clear()
        elif ch in dp.OPENERS:
            stack.append(i)
        else:
            if not stack:
                groups.append((-1, i))
                continue
            start = stack.pop()
            if not stack:
                groups.append((start, i))
    if stack:
        groups.append((stack[0], None))
    return groups


# Brackets of the three kinds, line breaks, a page number a PDF left at a line end (― 3 ―), names.
BRACKET_PIECES = [*"（）〔〕()\n\n 市负责，。", "― 3 ―", "- 12 -", "省发展改革委", "牵头"]


def test_bracket_groups_by_find_are_the_scans(clause_texts: list[str]) -> None:
    for text in clause_texts + random_texts(BRACKET_PIECES, 20000, longest=24):
        assert dp._bracket_groups(text) == _plain_bracket_groups(text), text


def _plain_verb_after_names(text: str, start: int, end: int) -> Optional[tuple[int, str]]:
    """``verb_after_names`` as it stood: each verb searched in the span of the text."""
    for pattern, verb_role in dp.VERBS:
        m = pattern.search(text, start, end)
        if m and m.start() > start:
            at = m.start()
            if at - 2 > start and text[at - 2:at] in dp.VERB_ADVERBS:
                at -= 2
            return at, verb_role
    return None


def _plain_is_assignment(content: str) -> bool:
    """``_is_assignment`` as it stood: every part's verbs searched, its first item read, nothing memoised."""
    if not any(ch in content for ch in dp.ASSIGNMENT_CHARS):
        return False
    core = dp._core(dp._verb_commas(content, 0, len(content)))
    if not core:
        return dp.FIRST_LEADS.search(content) is not None
    if dp.ROLE_LABEL.match(core):
        return True
    for part in dp.PART_SPLIT.split(core):
        part = part.strip()
        found = [p.search(part) for p, _ in dp.VERBS]
        verbs = [m for m in found if m]
        if not verbs:
            continue
        first = dp._first_item(part)
        if dp.looks_like_org(first):
            return True
        if dp.looks_like_org(first, places=True) and any(dp.ASSIGNING.search(m.group()) for m in verbs):
            return True
    return False


# Names, places, verbs and their adverbs, lead-ins, labels, separators, spaces (PDF-spaced verbs).
NOTE_WORDS = ["省发展改革委", "市生态环境局", "浦东新区", "各区县人民政府", "超大城市", "区", "市", "、", "，", "；", "。",
              "牵头", "负责", "配合", "落实", "实施", "指导", "协助", "参与", "分别", "加强", "按职责分工", "由", "请",
              "责任单位：", "会同", "等", " ", "牵 头", "负 责", "（", "）", "列首位的为牵头单位", "下同"]


def test_verbs_memoised_per_segment_are_the_searches(docs) -> None:  # noqa: F811
    contents = [c.text[s:e] for d in docs for c in d.clauses for s, e, _ in dp.find_notes(c.text)]
    contents += random_texts(NOTE_WORDS, 8000, longest=10)
    for content in contents:
        assert dp._is_assignment(content) == _plain_is_assignment(content), content
        for a in range(0, len(content), 3):
            for b in (len(content), len(content) - 1, a + 7):
                b = max(a, min(b, len(content)))
                assert dp.verb_after_names(content, a, b) == _plain_verb_after_names(content, a, b), (content, a, b)


def test_no_letter_or_digit_is_what_compact_removes() -> None:
    import sys

    from jianwu.aliases import COMPACT_NEEDED

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert not [ch for ch in COMPACT_NEEDED.findall(every) if ch.isalnum()]  # a name passing isalnum keeps all


def test_clause_marks_are_the_clauses_own(docs) -> None:  # noqa: F811
    for d in docs:
        doc_marks = dp.bracket_marks(d.normalized.text)
        for c in d.clauses:
            own = dp.bracket_marks(c.text)
            assert dp.clause_marks(doc_marks, d.normalized.text, c) == own
            assert own == [m.start() for m in dp.BRACKET_MARKS.finditer(c.text) if m.group() != "\n"]
    from jianwu.model import Clause

    moved = Clause(["一、"], "一、", "cn", 1, "", "（省发展改革委）", 1, (0, 8), 0)
    assert dp.clause_marks([], "别的文字", moved) is None  # a text that is not the span: its own marks


def test_not_a_note_is_the_pattern(clause_texts: list[str]) -> None:
    contents = [t[a + 1:b].strip() for t in clause_texts for a, b in dp._bracket_groups(t) if a >= 0 and b is not None]
    pieces = ["以下", "下称", "简称", "含", "不含", "即", "如", "例如", "注", "详见", "见", "除外", "除", "外", "市", "负责", " "]
    for content in contents + [x.strip() for x in random_texts(pieces, 5000, longest=5)]:
        assert dp._not_a_note(content) == (dp.NOT_A_NOTE.search(content) is not None), content


def test_every_first_leads_match_holds_an_anchor() -> None:
    texts = random_texts(["列", "排", "在", "首位", "第一", "第一位", "个", "的", "单位", "部门", "为", "牵头", "，", "两省市", " ", "位列",
                          "排名", "家", "是", "者", "最前"], 20000, longest=10)
    for text in texts:
        for m in dp.FIRST_LEADS.pattern.finditer(text):
            assert any(ch in m.group() for ch in dp.FIRST_LEADS_OTHERS) and dp.FIRST_LEADS_ANCHOR in m.group(), text
            assert dp._may_first_lead(text), text


def test_partner_label_colon_within_its_longest() -> None:
    texts = random_texts(["四川", "重庆", "市", "省", "方面", "：", ":", "∶", "生态环境厅", "、", "成都"], 20000, longest=8)
    for text in texts:
        m = dp.PARTNER_LABEL.match(text)
        if m is not None:
            assert m.end() <= dp.PARTNER_LABEL_LONGEST, text


def _plain_lead_before_support(items: list) -> None:
    """``_lead_before_support`` as it stood: two generators over the items."""
    if any(i.role == "lead" for i in items) or not any(i.role == "support" and i.explicit for i in items):
        return
    first_support = next(n for n, i in enumerate(items) if i.role == "support")
    for item in items[:first_support]:
        item.role = "lead"


def test_lead_before_support_in_one_pass() -> None:
    import itertools

    kinds = [(r, e) for r in ("lead", "support", "responsible") for e in (True, False)]
    for size in range(5):
        for combo in itertools.product(kinds, repeat=size):
            fast = [dp._Item(0, 1, r, 0, e) for r, e in combo]
            plain = [dp._Item(0, 1, r, 0, e) for r, e in combo]
            dp._lead_before_support(fast)
            _plain_lead_before_support(plain)
            assert fast == plain, combo
