"""The target and department fast paths give exactly what the plain computations they replace give.

Like ``test_parse_speedups``: each shortcut of ``targets``, ``quantities``, ``indicators``,
``departments`` and ``aliases`` (``bench/README.md``, "Targets and departments") is checked against
the straightforward computation on every plan of ``data/raw`` and on random texts made of the
characters and words the rule turns on.
"""

from __future__ import annotations

import random
import re
import sys
from typing import Sequence

import pytest
import regex

from jianwu import Document

import speedup_inputs


@pytest.fixture(scope="module")
def docs(seeds: dict[str, Document], corpus: dict[str, Document]) -> list[Document]:
    return [*seeds.values(), *corpus.values()]


@pytest.fixture(scope="module")
def clause_texts(docs: list[Document]) -> list[str]:
    return [c.text for d in docs for c in d.clauses]


def random_texts(pieces: Sequence[str], count: int = 5000, seed: int = 16, longest: int = 30) -> list[str]:
    return speedup_inputs.random_texts(pieces, count, seed, longest)  # 5,000 by default here


def test_maybe_number_class_holds_every_digit_and_numeral() -> None:
    from jianwu.quantities import CN_NUMERAL_CHARS, NEVER_DIGIT_RANGES, maybe_number_class

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    never = "".join(chr(c) for low, high in NEVER_DIGIT_RANGES for c in range(low, high + 1))
    assert regex.findall(r"\d", never) == []  # the ranges hold no digit
    maybe = re.compile(maybe_number_class("类"))
    for ch in regex.findall(r"\d", every) + list(CN_NUMERAL_CHARS + "类"):
        assert maybe.fullmatch(ch), hex(ord(ch))
    outside = [ch for ch in never if maybe.fullmatch(ch)]
    assert sorted(outside) == sorted(CN_NUMERAL_CHARS + "类")  # the class leaves out the rest of the ranges


TARGET_PIECES = [
    *"。；;！？!?\n，、（）“”《》 　a推进年类级十五两〇零一二三四五六七八九0123456789%", "\n\n", "2025年", "到2025年，", "比2020年",
    "“十四五”期间", "十四五末", "下降14%", "达到45%、50%", "3万台以上", "Ⅲ类", "一级A", "（市发展改革委负责）", "（区农业农村委牵头）",
    "已建成", "主要目标", "１２", "٣", "二〇二五年", "个", "万吨",
]


def test_sentences_left_out_hold_no_target_or_deadline(docs: list[Document], clause_texts: list[str]) -> None:
    from jianwu.quantities import find_quantities
    from jianwu.targets import CATEGORY, MAY_HOLD_TARGET, PERIOD, YEAR, _time_events, sentences

    texts = clause_texts + random_texts(TARGET_PIECES) + random_texts(TARGET_PIECES, 3000, seed=17, longest=120)
    left_out = 0
    for text in texts:
        every = sentences(text, 7)
        kept = sentences(text, 7, only=MAY_HOLD_TARGET)
        assert [s for s in every if MAY_HOLD_TARGET.search(s[0])] == [s for s in kept if MAY_HOLD_TARGET.search(s[0])], text
        assert all(s in every for s in kept)
        for sentence, _ in every:
            if MAY_HOLD_TARGET.search(sentence) is None:
                left_out += 1
                assert not _time_events(sentence) and not find_quantities(sentence), sentence
                assert not CATEGORY.search(sentence) and not YEAR.search(sentence) and not PERIOD.search(sentence), sentence
    assert left_out > 4000


NOTE_PIECES = [
    *"、/，,；;。（）()〔〕 　\n等和及与或会同牵头负责配合实施落实下同再", "市发展改革委", "区经济信息委", "区发展改革委和区经济信息委", "各市、州、县人民政府",
    "市州、县市区人民政府", "各", "市", "州", "县", "人民政府", "等部门", "等有关单位", "会同", "牵头", "按职责分工负责", "配合", "协助", "参与",
    "下同", "不再列出", "列首位的为牵头单位", "责任单位：", "四川：", "省林业局", "自治区住房城乡建设厅", "浦东新区", "和平潭综合实验区管委会",
    "各设区市人民政府", "发 展 改 革 委", "― 3 ―", "抓好落实", "共同", "具体由",
]


def test_anchored_patterns_match_only_where_an_anchor_is(clause_texts: list[str]) -> None:
    from jianwu import departments as d

    patterns = [d.LEAD_VERB, d.SUPPORT_VERB, d.RESPONSIBLE_VERB, d.ETC, d.FIRST_LEADS, d.SAME_BELOW, d.NOT_LISTED_AGAIN, d.LABEL_AFTER_SPACE]
    rnd = random.Random(3)
    texts = clause_texts + random_texts(NOTE_PIECES, 6000)
    found = 0
    for fast in patterns:
        plain = fast.pattern
        for text in texts:
            for m in plain.finditer(text):
                assert any(ch in m.group() for ch in fast.anchors), (fast, m.group())
                found += 1
            a = rnd.randint(0, len(text))
            b = rnd.randint(a, len(text))
            spans = lambda ms: [m.span() for m in ms]  # noqa: E731
            assert spans(fast.finditer(text, a, b)) == spans(plain.finditer(text, a, b))
            assert getattr(fast.search(text, a, b), "span", lambda: None)() == getattr(plain.search(text, a, b), "span", lambda: None)()
            assert fast.sub("", text[a:b]) == plain.sub("", text[a:b])
    assert found > 2000


def _plain_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``departments._items`` before its memoised pieces: every item worked out in place."""
    from jianwu.aliases import compact, resolve
    from jianwu.departments import BARE_UNITS, CONJUNCTION, ETC, ITEM_SEP, TOGETHER_WITH, UNITS_GOVERNMENT, _split_depth0, _trim

    joined: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []
    for a, b, _ in _split_depth0(text, ITEM_SEP, start, end):
        name = compact(text[a:b])
        if BARE_UNITS.match(name):
            pending.append((a, b))
            continue
        if pending and UNITS_GOVERNMENT.match(name):
            joined.append((pending[0][0], b))
        else:
            joined.extend(pending)
            joined.append((a, b))
        pending = []
    out: list[tuple[int, int]] = []
    for a, b in joined + pending:
        together = text.find(TOGETHER_WITH, a, b)
        for p, q in [(a, together), (together + len(TOGETHER_WITH), b)] if together >= 0 else [(a, b)]:
            p, q = _trim(text, p, q)
            if p >= q:
                continue
            cut = [(p, q)]
            if not resolve(ETC.sub("", compact(text[p:q]))).known:
                for m in CONJUNCTION.finditer(text, p, q):
                    left, right = (p, m.start()), (m.end(), q)
                    if all(resolve(ETC.sub("", compact(text[x:y]))).known for x, y in (left, right)):
                        cut = [left, right]
                        break
            out.extend(cut)
    return out


def _plain_read_item(text: str, start: int, end: int) -> tuple[int, str, bool, bool]:
    from jianwu.aliases import _levels_function, compact, default_table, fold_brackets, looks_like_org, resolve
    from jianwu.departments import CARRY_OUT_ACTORS, ETC, _trim

    etc = ETC.pattern.search(text, start, end)
    if etc and etc.start() > start:
        end = _trim(text, start, etc.start())[1]
    name = compact(text[start:end])
    is_org = looks_like_org(name, places=True)
    levels = _levels_function(fold_brackets(name), default_table()) is not None  # unmemoised
    res = resolve(name)
    return end, name, is_org, is_org and (res.local_government or res.canonical in CARRY_OUT_ACTORS or levels)


def test_memoised_items_are_the_items_worked_out_in_place(docs: list[Document]) -> None:
    from jianwu.departments import _items, _read_item, find_notes

    rnd = random.Random(5)
    cases = [(c.text, s, e) for d in docs for c in d.clauses for s, e, _ in find_notes(c.text)]
    for text in random_texts(NOTE_PIECES, 8000, longest=20):
        a = rnd.randint(0, len(text))
        cases.append((text, a, rnd.randint(a, len(text))))
    many = 0
    for text, start, end in cases:
        items = _items(text, start, end)
        assert items == _plain_items(text, start, end), text[start:end]
        many += len(items) > 1
        for a, b in items:
            length, name, is_org, local = _read_item(text[a:b])
            assert (a + length, name, is_org, local) == _plain_read_item(text, a, b), text[a:b]
    assert many > 1000


def _plain_analyse_predicate(text: str) -> "object":
    """``indicators.analyse_predicate`` trying BASELINE and TIME_PHRASE at the end of every text."""
    from jianwu import indicators as i

    base = i.BASE_OF.search(text)
    if base is not None and base.start() > 0:
        pred = _plain_analyse_predicate(text[: base.start()])
        if base.group("verb"):
            pred.words.append(base.group("verb"))  # type: ignore[attr-defined]
        if pred.baseline_year is None:  # type: ignore[attr-defined]
            pred.baseline_year = i.baseline_year(base)  # type: ignore[attr-defined]
        return pred
    share = i.SHARE_OF.search(text)
    if share and share.start() > 0:
        verb = share.group("verb")
        pred = _plain_analyse_predicate(text[: share.start()] + (verb if verb != "占" else ""))
        pred.subject += "占" + share.group("ref")  # type: ignore[attr-defined]
        return pred
    pred = i.Predicate(subject=text)
    changed = True
    while changed and pred.subject:
        changed = False
        m = i.PREDICATE_END.search(pred.subject)
        if m:
            pred.words.append(m.group("w"))
            pred.subject = pred.subject[: m.start()]
            changed = True
            continue
        for pattern in (i.BASELINE, i.TIME_PHRASE):
            tail = i._match_at_end(pattern, pred.subject)
            if tail is not None:
                if pattern is i.BASELINE and pred.baseline_year is None:
                    pred.baseline_year = i.baseline_year(tail)
                pred.subject = pred.subject[: tail.start()]
                changed = True
                break
    return pred


PREDICATE_PIECES = [
    *"年五十四比较平准数上底末前时”“划间期内的占到在为至\n，a", "2020", "二〇二〇", "比2020年", "较2020年", "与2020年相比", "以2020年为基准年",
    "较“十三五”末", "十三五", "期末", "占比",
    "在2020年基础上", "2020年的水平上", "到2025年底前", "“十四五”期间", "十四五末", "规划", "时期", "达到", "稳定在", "下降", "不低于",
    "分别", "力争", "达到全市总量的", "占全省的", "单位GDP能耗", "基数上", "相比于",
]


def test_predicate_tails_tried_only_where_they_can_end(clause_texts: list[str]) -> None:
    from jianwu.indicators import BASELINE, BASELINE_LAST, TIME_PHRASE, TIME_PHRASE_LAST, analyse_predicate

    texts = random_texts(PREDICATE_PIECES, 20000, longest=12) + [t[:n] for t in clause_texts for n in (10, 25, 40)]
    stripped = 0
    for text in texts:
        for pattern, last in ((BASELINE, BASELINE_LAST), (TIME_PHRASE, TIME_PHRASE_LAST)):
            for m in pattern.finditer(text):
                assert m.group()[-1] in last, (text, m.group())
        fast, plain = analyse_predicate(text), _plain_analyse_predicate(text)
        assert (fast.subject, fast.words, fast.baseline_year) == (plain.subject, plain.words, plain.baseline_year), text  # type: ignore[attr-defined]
        stripped += fast.baseline_year is not None
    assert stripped > 1000


QUANTITY_PIECES = [
    *"0123456789.,、和及与或至到—~%％个万亿吨台元米年以上下左右余多第“”（）一二三四五六七八九十两百千〇", "万吨", "亿元", "立方米", "公里",
    "个百分点", "蒸吨/小时", "吨 / 万元", "（当量值）", "及以上", "范围内", "PM2.5", "CO2", "5G", "一厂一策", "进一步", "建成", "达到",
]


def test_quantities_read_by_group_number_are_read_by_name(clause_texts: list[str]) -> None:
    from jianwu.quantities import QUANTITY_GROUPS, find_quantities, quantity_group_numbers, quantity_pattern

    pattern = quantity_pattern()
    assert [pattern.groupindex[name] for name in QUANTITY_GROUPS] == list(quantity_group_numbers())
    texts = clause_texts + random_texts(QUANTITY_PIECES, 20000, longest=25)
    found = 0
    for text in texts:
        for m in pattern.finditer(text):
            assert m.group(*quantity_group_numbers()) == m.group(*QUANTITY_GROUPS)
        quantities = find_quantities(text)
        found += len(quantities)
        for q in quantities:  # the value as written ends with the unit the match found
            assert text[q.start:q.value_end] == q.text
    assert found > 5000


def _plain_is_assignment(content: str) -> bool:
    """``departments._is_assignment`` without its look for ASSIGNMENT_CHARS first."""
    from jianwu.aliases import _looks_like_org
    from jianwu.departments import ASSIGNING, FIRST_LEADS, PART_SPLIT, ROLE_LABEL, VERB_THEN_ITEM_SEP, VERBS, _core, _first_item

    core = _core(VERB_THEN_ITEM_SEP.sub(lambda m: m.group()[:-1] + "，", content))
    if not core:
        return FIRST_LEADS.pattern.search(content) is not None
    if ROLE_LABEL.match(core):
        return True
    for part in PART_SPLIT.split(core):
        part = part.strip()
        verbs = [m for m in (p.pattern.search(part) for p, _ in VERBS) if m]
        if not verbs:
            continue
        first = _first_item(part)
        if _looks_like_org(first, None, False):
            return True
        if _looks_like_org(first, None, True) and any(ASSIGNING.search(m.group()) for m in verbs):
            return True
    return False


def test_brackets_and_lines_passed_over_cannot_assign(docs: list[Document]) -> None:
    from jianwu.departments import ROLE_LABEL, ROLE_LABEL_FIRSTS, _bracket_groups, _is_assignment

    contents = [c.text[a + 1:b] for d in docs for c in d.clauses for a, b in _bracket_groups(c.text) if a >= 0 and b is not None]
    contents += random_texts([p for p in NOTE_PIECES if p not in ("牵头", "负责")] + ["2021—2025年", "含", "以下简称"], 8000, longest=12)
    contents += random_texts(NOTE_PIECES, 8000, longest=12)
    assigning = 0
    for content in contents:
        assert _is_assignment(content) == _plain_is_assignment(content), content
        assigning += _is_assignment(content)
        for line in content.split("\n"):
            if ROLE_LABEL.match(line):
                assert line[0] in ROLE_LABEL_FIRSTS, line
    assert assigning > 500


def test_readings_kept_are_copied_out() -> None:
    from jianwu.indicators import analyse_predicate, clean_subject

    first = analyse_predicate("到2025年，全市单位GDP能耗比2020年下降")
    first.words.append("changed")
    first.baseline_year = 1
    again = analyse_predicate("到2025年，全市单位GDP能耗比2020年下降")
    assert again.words == ["下降"] and again.baseline_year == 2020
    subject, words = clean_subject("到2025年，力争全市")
    words.append("changed")
    assert clean_subject("到2025年，力争全市")[1] == words[:-1]


def _alias_names(docs: list[Document]) -> list[str]:
    """Names as the alias table meets them: every department written in the plans, every alias (a
    wildcard's filled in), each with and without a level or place in front, and random mixtures."""
    from jianwu.aliases import WILDCARD_NAME, _read, default_table

    table = default_table()
    fillers = ["重庆", "永川", "广西壮族自治区", "四", "12", "绿化委员会", "", "市", "各"]
    rnd = random.Random(16)
    written = [line.split("\t")[0] for line in _read("departments.tsv").splitlines() if "{" in line and not line.startswith("#")]
    wild = [WILDCARD_NAME.sub(lambda _m: rnd.choice(fillers), w) for w in written for _ in range(3)]
    names = [r.name for d in docs for c in d.clauses for r in c.departments] + list(table.exact) + wild
    heads = ["", "市", "区", "县", "省", "国家", "自治区", "重庆市", "四川省", "四川", "广西", "区委", "市级", "各", "有关", "市场"]
    names += [rnd.choice(heads) + n for n in names]
    pieces = [*"市区县省局委厅部办中心会所地方各有关人民政府分行税务海关管理"] + heads + list(table.exact)[:200]
    return names + random_texts(pieces, 6000, longest=6)


def test_wildcard_index_tries_every_alias_that_can_match(docs: list[Document]) -> None:
    from jianwu.aliases import default_table

    table = default_table()
    matched = 0
    for name in _alias_names(docs):
        plain = next(((row, m.groupdict().get("place")) for w, row in table.patterns if (m := w.fullmatch(name))), (None, None))
        exact = table.exact.get(name)
        assert table.match(name) == ((exact, None) if exact is not None else plain), name
        matched += plain[0] is not None and exact is None
    assert matched > 300


def _plain_prefixes(name: str) -> list[tuple[object, ...]]:
    """``aliases._prefixes`` comparing the name with every level word and province."""
    from jianwu.aliases import LEVEL_MODIFIERS, LEVEL_WORDS, NOT_A_LEVEL, PARTY_MODIFIERS, PLACE_LEVEL, PLACE_PREFIX, provinces

    heads: list[tuple[object, str, int]] = []
    if not NOT_A_LEVEL.match(name):
        heads += [(None, level, len(word)) for word, level in LEVEL_WORDS if name.startswith(word)]
    m = PLACE_PREFIX.match(name)
    if m:
        heads.append((m.group(0), PLACE_LEVEL[m.group("level")], m.end()))
    for written, _province in provinces():
        if name.startswith(written) and len(name) > len(written) + 1:
            if not any(end == len(written) for _, _, end in heads):
                heads.append((written, "省", len(written)))
            break
    out: list[tuple[object, ...]] = []
    for place, level, end in heads:
        rest = name[end:]
        out.append((place, level, "", rest))
        out += [(place, level, mod, rest[len(mod):]) for mod in (*LEVEL_MODIFIERS, *PARTY_MODIFIERS) if rest.startswith(mod)]
    return out


def test_prefixes_by_first_character_are_all_the_prefixes(docs: list[Document]) -> None:
    from jianwu.aliases import _prefixes, provinces

    names = _alias_names(docs) + [w + "税务局" for w, _ in provinces()] + [w for w, _ in provinces()]
    for name in names:
        assert list(_prefixes(name)) == _plain_prefixes(name), name


QUANTITY_PIECES = [
    *"0123456789.,一二三四五六七八九十两〇零百千万亿第个余多—-~至到/ 　%％吨台米年进步统（）“”《》aPM", "3万吨", "2.8亿立方米", "14%—15%",
    "1至2个", "一厂一策", "进一步", "2025年", "135万吨标准煤", "三公里", "5 吨/ 万元", "150万立方米 /日", "１２", "٣", "千米", "十四五",
]


def test_sentences_without_a_number_and_its_follower_have_no_quantity(clause_texts: list[str]) -> None:
    from jianwu.quantities import APPROX_CHARS, RANGE_SEP, RANGE_SEP_CHARS, maybe_quantity, multipliers, quantity_pattern, units

    assert {ch for ch in map(chr, range(0x10000)) if regex.fullmatch(RANGE_SEP, ch)} == set(RANGE_SEP_CHARS)
    assert "(?P<approx>" + "|".join(APPROX_CHARS) + ")" in quantity_pattern().pattern
    for word in [*units(), *multipliers(), *RANGE_SEP_CHARS]:
        for number in ("3", "3.5", "1,000", "三", "十五", "两万", "٣"):
            text = number + word + ("5吨" if word in RANGE_SEP_CHARS else "")
            if quantity_pattern().search(text):
                assert maybe_quantity().search(text), text
    texts = clause_texts + random_texts(QUANTITY_PIECES, 20000, longest=12)
    turned_down = 0
    for text in texts:
        if maybe_quantity().search(text) is None:
            assert quantity_pattern().search(text) is None, text
            turned_down += 1
    assert turned_down > 5000


def _plain_sentences(text: str, offset: int, only: re.Pattern[str]) -> list[tuple[str, list[int]]]:
    """``targets.sentences`` walking every end, line break or not (as before the split of unbroken texts)."""
    from jianwu.targets import BREAK_AFTER, DEPT_NOTE, MAX_HEADING, PROSE, SENTENCE_END

    out: list[tuple[str, list[int]]] = []
    start = line_start = 0
    padded = text + "\n"
    for m in SENTENCE_END.finditer(padded):
        end = m.start()
        if padded[end] == "\n":
            before = text[start:end].rstrip()
            line = text[line_start:end].strip()
            line_start = end + 1
            heading = len(line) <= MAX_HEADING and not PROSE.search(line) and not line[-1:].isdigit()
            if before and before[-1] not in BREAK_AFTER and not heading and end < len(text):
                continue  # the clause's end always ends a sentence
        if only.search(text, start, end) is None:
            start = end + 1
            continue
        piece = text[start:end]
        positions = [i for i, ch in enumerate(piece, offset + start) if ch != "\n"]
        joined = piece.replace("\n", "")
        body = DEPT_NOTE.sub("", joined)
        stripped = body.lstrip()
        lead = len(body) - len(stripped)
        body = stripped.rstrip()
        if body:
            out.append((body, positions[lead:lead + len(body)]))
        start = end + 1
    return out


def test_sentences_of_unbroken_texts_are_those_walked_end_by_end(clause_texts: list[str]) -> None:
    from jianwu.targets import MAY_HOLD_TARGET, sentences

    pieces = TARGET_PIECES + [" ", "　", "（市生态环境局负责）", "主要目标", "：", "。", "；", "!", "？", "）"]
    texts = clause_texts + [t.replace("\n", "") for t in clause_texts] + random_texts(pieces, 20000, longest=12)
    unbroken = 0
    for text in texts:
        got = [(s, list(o)) for s, o in sentences(text, 7, only=MAY_HOLD_TARGET)]
        assert got == _plain_sentences(text, 7, MAY_HOLD_TARGET), text
        unbroken += "\n" not in text and bool(got)
    assert unbroken > 3000


# Round 3 (bench/README.md, "Targets, round 3"): each shortcut against the computation it replaces.


def _plain_is_name(sentence: str, start: int, end: int, is_chinese: bool, unit_class: str) -> bool:
    """``quantities._is_name`` as it was before its shortcut for Arabic numbers."""
    from jianwu.quantities import CN_COUNT_CONTEXT, HAN_CHAR, NUMERAL_NAME

    for m in NUMERAL_NAME.finditer(sentence, max(0, start - 4), min(len(sentence), end + 4)):
        if m.start() <= start < m.end():
            return True
    if not is_chinese or unit_class == "measure":
        return False
    before = sentence[max(0, start - 4):start]
    return bool(before) and HAN_CHAR.match(before[-1]) is not None and not CN_COUNT_CONTEXT.search(before)


def test_arabic_numbers_are_never_names(clause_texts: list[str]) -> None:
    from jianwu.quantities import _is_name

    pieces = [*"一二三四五六七八九十两厂策级源江岸高低的达到新增个0123456789.%", "１２", "٣", "一厂一策", "两高一低", "3一厂"]
    texts = clause_texts + random_texts(pieces, 5000)
    checked = 0
    for text in texts:
        for m in regex.finditer(r"\d", text):  # every place an Arabic number (ARABIC: \d first) can start
            for end in (m.end(), min(len(text), m.end() + 3)):
                for cls in ("count", "measure"):
                    assert _is_name(text, m.start(), end, False, cls) == _plain_is_name(text, m.start(), end, False, cls)
                    checked += 1
        for m in regex.finditer(r"[一二三四五六七八九十两]", text):  # and Chinese numerals still take the long way
            assert _is_name(text, m.start(), m.end(), True, "count") == _plain_is_name(text, m.start(), m.end(), True, "count")
    assert checked > 10000


def test_price_rule_after_a_value_read_in_its_span(clause_texts: list[str]) -> None:
    from jianwu.targets import PRICE_AFTER, PRICE_AFTER_SPAN

    # The longest match: 的 and the longest of the words (the pattern's source, read back).
    words = re.search(r"\(\?:(限制[^)]*)\)", PRICE_AFTER.pattern).group(1).split("|")
    assert PRICE_AFTER_SPAN == 1 + max(len(w) for w in words)
    pieces = [*"的限制浮动上下调受不超过%，。", "的上浮", "下浮", "限制", "浮动", "\n"]
    for text in clause_texts[:300] + random_texts(pieces, 5000):
        for i in range(len(text) + 1):
            plain, short = PRICE_AFTER.match(text[i:]), PRICE_AFTER.match(text[i:i + PRICE_AFTER_SPAN])
            assert (plain is None) == (short is None) and (plain is None or plain.group() == short.group())


def test_shared_no_time_is_a_fresh_one() -> None:
    import dataclasses

    from jianwu.targets import NO_TIME, _Time

    assert NO_TIME == _Time() and NO_TIME.year is None and NO_TIME.period is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        NO_TIME.year = 2025  # type: ignore[misc]  # shared, so it must stay unchangeable


def test_year_value_reads_digits_and_numerals() -> None:
    from jianwu.indicators import year_value
    from jianwu.quantities import cn_numeral

    for s in ["2025", "2030", "二〇二五", "二〇三〇", "十", "", "０", "x"]:
        expected = int(s) if s.isdigit() else (cn_numeral(s) or 0)
        assert year_value(s) == expected


QUANTITY_PIECES = [
    *"0123456789,.一二三四五六七八九十两百千万亿〇零第个万吨%以上至—、和a进步统 （）“”", "１２", "٣", "1,000", "2.5万", "第三", "3万台", "一厂一策",
    "14%—15%", "1至2个", "三公里", "100多个", "5 吨/ 万元", "PM2.5", "CO2", "30、40万吨",
]


def test_tokenizer_started_at_the_first_pairs_run_finds_every_quantity(clause_texts: list[str]) -> None:
    from jianwu.quantities import NUMBER_CHARS, NUMBER_RUN_BEFORE, maybe_quantity, quantity_pattern

    number_char = regex.compile(rf"[{NUMBER_CHARS}]")
    sentences = [s for text in clause_texts for s in re.split("[。；]", text)] + random_texts(QUANTITY_PIECES, 20000)
    tried = 0
    for s in sentences:
        plain = list(quantity_pattern().finditer(s))
        for m in plain:  # the first number is made of NUMBER_CHARS (so it starts in the run before its end)
            assert all(number_char.fullmatch(ch) for ch in m.group("n1")), (s, m.group())
        pair = maybe_quantity().search(s)
        if pair is None:
            assert plain == []
            continue
        start_at = NUMBER_RUN_BEFORE.match(s, 0, pair.start() + 1).start()
        fast = list(quantity_pattern().finditer(s, start_at))
        assert [(m.span(), m.groups()) for m in fast] == [(m.span(), m.groups()) for m in plain], s
        tried += bool(plain)
    assert tried > 2000


def test_tokenizer_of_tries_matches_as_the_plain_alternations(clause_texts: list[str]) -> None:
    from jianwu.patterns import word_trie
    from jianwu.quantities import (RANGE_SEP_CHARS, SUFFIX, SUFFIX_TRIE, UNIT_SLASH, _guarded, multipliers, quantity_pattern,
                                   quantity_source, units)

    def _alternation(words: list[str]) -> str:  # the units and multipliers as they stood: longest spelling first
        return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))

    unit_words, mult_words = list(units()), list(multipliers())
    # the look-ahead before u1 and the unit looked up unspaced first: no unit holds a separator or a space
    assert not [w for w in unit_words if any(c in RANGE_SEP_CHARS or c.isspace() for c in w)]
    suffixes = SUFFIX.split("|")  # no suffix starts another: at most one matches at a place
    assert not [a for a in suffixes for b in suffixes if a != b and b.startswith(a)]
    assert word_trie(["吨", "吨/年", "万元"]) == "(?:万元|吨(?:/年)?)"
    plain = regex.compile(quantity_source(_guarded(unit_words, _alternation(unit_words).replace("/", UNIT_SLASH)),
                                          _guarded(mult_words, _alternation(mult_words)), SUFFIX))
    assert regex.compile(SUFFIX_TRIE).pattern != SUFFIX
    pieces = [*unit_words, *mult_words, *"0123456789,.一二三四五六七八九十两百千万亿〇 /-—至到~余多（）()以上下内左右及或之范围", "  /", " / "]
    texts = [*clause_texts, *random_texts(QUANTITY_PIECES, 10000), *random_texts(pieces, 20000, seed=7, longest=25)]
    found = 0
    for text in texts:
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in quantity_pattern().finditer(text)] == expected, text
        found += len(expected)
    assert found > 20000
    for text in random_texts(suffixes + ["以", "及", "范围"], 3000, seed=3):
        assert [m.span() for m in regex.finditer(SUFFIX_TRIE, text)] == [m.span() for m in regex.finditer(SUFFIX, text)]


def test_lists_passed_over_are_the_lists_looked_through(clause_texts: list[str]) -> None:
    from jianwu import quantities as q

    def backfill(sentence, found, shelter):  # _backfill_bare without its pre-test
        out, starts = [], set()
        for x in found:
            chain, cursor = [], x.start
            while (b := q._bare_before(sentence, cursor)) and not shelter[b.start()]:
                chain.append(q.Quantity(b.start(), b.end("n"), b.end("n"), q.Decimal(b.group("n")) * x.factor, None, x.unit,
                                        x.unit_class, x.measure, x.factor, x.suffix, "", b.group("n")))
                cursor = b.start()
            for c in reversed(chain):
                if c.start not in starts:
                    out.append(c)
                    starts.add(c.start)
            out.append(x)
            starts.add(x.start)
        return out

    def points(sentence, found):  # _points_lists without its pre-test
        out = list(found)
        for i in range(len(out) - 2, -1, -1):
            a, b = out[i], out[i + 1]
            if a.unit == "个" and b.unit == "个百分点" and q.LIST_JOINER.match(sentence[a.end:b.start].strip()):
                out[i] = q.replace(a, unit=b.unit, unit_class=b.unit_class, measure=b.measure)
        return out

    texts = [*clause_texts, *random_texts(QUANTITY_PIECES + ["、", "和", "\n", "18个、9个百分点", "个百分点"], 10000, seed=9)]
    changed = 0
    for text in texts:
        found = q.find_quantities(text)
        shelter = q.sheltered(text)
        assert q._backfill_bare(text, found, shelter) == backfill(text, found, shelter), text
        assert q._points_lists(text, found) == points(text, found), text
        changed += any(x.start and text[x.start - 1] in "、和及与\n" for x in found)  # not passed over
    assert changed > 50


def test_word_tries_match_as_the_longest_first_alternations(clause_texts: list[str]) -> None:
    from jianwu import indicators as ind

    def plain(words):  # indicators._words before it wrote a trie
        return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))

    groups = [ind._VERBS, list(ind.COMPARATOR_BEFORE), ind._ADVERBS, list(ind.MODALITIES)]
    pieces = [w for g in groups for w in g] + [*"到至为在达不低于平均每年进一步", "每年"]
    texts = [*clause_texts, *random_texts(pieces, 20000, seed=11, longest=12)]
    for pattern in (ind.PREDICATE_END, ind.LEAD_FRAME):
        source = pattern.pattern
        old = source
        for g in groups:
            old = old.replace(ind._words(g), plain(g))
        assert old != source
        old_pattern = regex.compile(old)
        for text in texts:
            for end in range(len(text) + 1) if len(text) < 14 else (len(text),):
                a, b = pattern.search(text, 0, end), old_pattern.search(text, 0, end)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text, end)


def test_achieved_words_hold_their_quick_tests_characters(clause_texts: list[str]) -> None:
    from jianwu.targets import ACHIEVED, ACHIEVED_AFTER, ACHIEVED_AFTER_WORD, ACHIEVED_CHARS

    pieces = [*"已了现目当超成到降低高升长加少有前状经额完", "建成", "完成", "下降", "累计", "圆满完成", "均已完成", "如期完成"]
    found = 0
    for text in [*clause_texts, *random_texts(pieces, 10000, seed=13, longest=12)]:
        for m in ACHIEVED.finditer(text):
            assert any(ch in m.group() for ch in ACHIEVED_CHARS), (text, m.group())
            found += 1
        for m in ACHIEVED_AFTER.finditer(text):
            assert ACHIEVED_AFTER_WORD in m.group()
    assert found > 1000


def test_padding_and_respectively_quick_tests(clause_texts: list[str]) -> None:
    from jianwu.indicators import TRAILING_PADDING, TRAILING_PADDING_LAST
    from jianwu.targets import INNER_RESPECTIVELY, RESPECTIVELY_WORDS

    pieces = [*"每年度逐原则上均都各五并分别建设推进实施\n1", "回升并", "下降并", "分别", "每年度", "五年", "建设", "推进"]
    hits = 0
    for text in [*clause_texts, *random_texts(pieces, 10000, seed=17, longest=10)]:
        if TRAILING_PADDING.search(text) is not None:
            assert text[-1] in TRAILING_PADDING_LAST, text
            hits += 1
        if INNER_RESPECTIVELY.search(text) is not None:
            assert any(w in text for w in RESPECTIVELY_WORDS), text
            hits += 1
    assert hits > 1000


GRANT_PIECES = [*"补助贴奖励资金费最高安排下达拨付统筹的给予一次性万元%，。0123", "补助", "奖补", "贴息", "专项资金", "财政资金",
                "预算内经费", "统筹经费", "下达资金", "安排", "最高", "给予", "予以", "一次性", "比例", "标准", "不超过", "投资额"]


def test_grant_rules_quick_tests_and_spans(clause_texts: list[str]) -> None:
    """GRANT_CHARS holds a character of every grant match; GRANT_AFTER needs no more than GRANT_AFTER_SPAN."""
    from jianwu.targets import GRANT_AFTER, GRANT_AFTER_SPAN, GRANT_BEFORE, GRANT_CHARS, GRANT_SHARE_BEFORE, GRANT_WORD_CHAR

    found = 0
    for text in clause_texts[:300] + random_texts(GRANT_PIECES, 5000):
        for pattern in (GRANT_BEFORE, GRANT_SHARE_BEFORE, GRANT_AFTER):
            for m in pattern.finditer(text):
                if m.group():
                    found += 1
                    assert any(ch in m.group() for ch in GRANT_CHARS), (text, m.group())
                    if pattern is not GRANT_BEFORE:
                        assert GRANT_WORD_CHAR.search(m.group()), (text, m.group())
        for i in range(len(text) + 1):
            plain, short = GRANT_AFTER.match(text, i), GRANT_AFTER.match(text, i, i + GRANT_AFTER_SPAN)
            assert (plain is None) == (short is None) and (plain is None or plain.group() == short.group()), text[i:]
    assert found > 1000


CHANGE_PIECES = [*"由从的到至年底末“”十三四五期0123456789.%", "提高到", "下降至", "降", "2020年", "“十三五”末", "2025年底的", "目前", "期末"]


def test_change_from_a_base_read_in_its_spans() -> None:
    """FROM_BASE and CHANGE_TO never match more than FROM_BASE_SPAN and CHANGE_TO_SPAN characters."""
    from jianwu.targets import CHANGE_TO, CHANGE_TO_SPAN, FROM_BASE, FROM_BASE_SPAN

    for text in random_texts(CHANGE_PIECES, 5000):
        for i in range(len(text) + 1):
            plain, short = FROM_BASE.search(text, 0, i), FROM_BASE.search(text, max(0, i - FROM_BASE_SPAN), i)
            assert (plain is None) == (short is None), text[:i]
            assert CHANGE_TO.fullmatch(text, 0, i) is None or i <= CHANGE_TO_SPAN, text[:i]


def test_quick_tests_of_unitless_heads_and_denominators() -> None:
    from jianwu.indicators import PER_UNIT_DENOMINATOR
    from jianwu.targets import UNITLESS_HEAD, UNITLESS_HEADS

    pieces = [*"单位万元人均亩地区生产总值GDP系数指数PUE能效比工业增加值", "单位", "万元", "人均", "亩均", "系数", "指数", "能效比"]
    for text in random_texts(pieces, 5000):
        if not any(h in text for h in UNITLESS_HEADS):
            assert UNITLESS_HEAD.search(text) is None, text
        if "单" not in text and "万" not in text and "均" not in text:  # indicators._shared_denominator
            assert PER_UNIT_DENOMINATOR.search(text) is None, text


# Round 10 (branch speedt11): pre-tests before the scans of BASELINE, CATEGORY, the worded shares and the
# number-and-follower pair.

BASELINE_PIECES = [*"比较同与以在为基准数础上水平的年底末“”十三四五期占相对0123456789", "2020年", "“十三五”末", "基础上", "水平上",
                   "基数上", "为基准", "为基数", "相比", "相较于", "对比", "同期", "占比"]


def test_texts_without_a_baseline_word_hold_no_baseline(clause_texts: list[str]) -> None:
    from jianwu.indicators import BASELINE, may_hold_baseline

    found = 0
    for text in clause_texts + random_texts(BASELINE_PIECES, 10000):
        if BASELINE.search(text) is not None:
            found += 1
            assert may_hold_baseline(text), text
        for m in BASELINE.finditer(text):
            assert may_hold_baseline(m.group()), (text, m.group())
    assert found > 500


CLASS_PIECES = [*"达到为优于好于保持稳定在类一二三四五级ABⅠⅡⅢⅣⅤIV，。比例占", "达到", "稳定在", "好于", "III类", "一级A", "Ⅲ类", "水质比例"]


def test_class_scan_started_near_the_first_class_finds_every_class(clause_texts: list[str]) -> None:
    from jianwu.targets import CATEGORY, _sentence_items

    for text in clause_texts + random_texts(CLASS_PIECES, 10000):
        plain = [(m.span(), m.group()) for m in CATEGORY.finditer(text)]
        if "类" not in text and "一级" not in text:
            assert plain == [], text
            continue
        items = _sentence_items(text)
        from jianwu.quantities import sheltered
        shelter = sheltered(text)
        got = [(m.span(), m.group()) for m in (items[1] if items else [])]
        assert got == [(span, g) for span, g in plain if not shelter[span[0]]], text


WORDED_PIECES = [*"分之成番一二三四五六七八九两十百千翻建", "百分之", "三分之一", "五成", "翻一番", "建成", "一成不变"]


def test_worded_share_pre_test_is_the_pattern() -> None:
    from jianwu.quantities import MAY_BE_WORDED

    for text in random_texts(WORDED_PIECES, 10000):
        quick = "分之" in text or "番" in text or ("成" in text and MAY_BE_WORDED.search(text) is not None)
        assert quick == (MAY_BE_WORDED.search(text) is not None), text


def test_wide_pair_holds_every_pair_of_the_number_and_its_follower() -> None:
    from jianwu.quantities import maybe_quantity, maybe_quantity_wide

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    firsts = regex.findall(r"[\d〇零一二三四五六七八九十两百千万亿]", every)
    pair = maybe_quantity()
    follows = [ch for ch in every if pair.fullmatch("1" + ch)]
    wide = maybe_quantity_wide()
    for a in firsts:
        for b in follows:
            assert wide.fullmatch(a + b), (hex(ord(a)), hex(ord(b)))


def _plain_sheltered(sentence: str) -> tuple[bool, ...]:
    """``quantities.sheltered`` walked character by character (the marks of the outermost pair inside)."""
    from jianwu.quantities import OPENERS

    out, stack, begin = [], [], 0
    for i, ch in enumerate(sentence):
        if stack and ch == stack[-1]:
            stack.pop()
            out.append(True)
            continue
        if ch in OPENERS and not (ch == "“" and stack and stack[-1] == "”"):
            if not stack:
                begin = i
            stack.append(OPENERS[ch])
        out.append(bool(stack))
    if stack:  # an unclosed pair shelters to the end, from where the outermost one opened
        out[begin:] = [True] * (len(sentence) - begin)
    return tuple(out)


def test_sheltered_without_an_opener_is_all_outside(clause_texts: list[str]) -> None:
    from jianwu.quantities import sheltered

    pieces = [*"“”‘’《》〈〉（）【】「」甲乙，。", "（注）", "“十四五”"]
    for text in clause_texts + random_texts(pieces, 10000):
        assert sheltered.__wrapped__(text) == _plain_sheltered(text), text


def test_price_rule_before_a_value_holds_its_verb(clause_texts: list[str]) -> None:
    """_commitments asks PRICE_BEFORE only of a text with 浮 or 调; _Reading.direction is Predicate's."""
    from jianwu.indicators import Predicate, direction_of
    from jianwu.targets import PRICE_BEFORE

    pieces = [*"上下浮调动幅度电价不超过，。0123456789%", "上浮", "下浮", "浮动", "上调", "下调", "提高", "下降", "降"]
    found = 0
    for text in clause_texts + random_texts(pieces, 10000):
        for i in range(len(text) + 1):
            before = text[max(0, i - 12):i]
            if PRICE_BEFORE.search(before) is not None:
                found += 1
                assert "浮" in before or "调" in before, before
        words = [w for w in regex.split(r"[，。]", text) if w]
        assert direction_of(words) == Predicate("", words).direction
    assert found > 1000


def test_quantities_made_without_init_are_those_of_the_class(clause_texts: list[str]) -> None:
    from dataclasses import fields

    from jianwu.quantities import Quantity, find_quantities

    names = [f.name for f in fields(Quantity)]
    found = 0
    for text in clause_texts:
        for q in find_quantities(text):
            found += 1
            plain = Quantity(**{n: getattr(q, n) for n in names})
            assert q == plain and hash(q) == hash(plain) and repr(q) == repr(plain) and list(vars(q)) == list(vars(plain))
            with pytest.raises(AttributeError):
                q.unit = "x"  # type: ignore[misc]  # still frozen
    assert found > 300


def test_terminator_split_by_str_is_the_class_split(clause_texts: list[str]) -> None:
    """Round 11: ``_terminator_split`` (str.split on 。 after ；→。, the class only with a rarer terminator)
    cuts every text where ``TERMINATOR.split`` does."""
    from jianwu.targets import COMMON_TERMINATORS, RARE_TERMINATORS, TERMINATOR, _terminator_split

    assert sorted(COMMON_TERMINATORS + RARE_TERMINATORS) == sorted(TERMINATOR.pattern[1:-1])  # every terminator
    texts = clause_texts + random_texts([*"。；;！？!?，、\n　 a推进0123456789", "达到45%", "。。", "；。"], count=10000)
    for text in texts:
        assert _terminator_split(text) == TERMINATOR.split(text), text
