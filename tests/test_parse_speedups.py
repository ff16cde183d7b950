"""The parse's fast paths give exactly what the plain computations they replace give.

Each speed-up of the parse (``bench/bench_steps.py`` measures them) is checked here against
the straightforward definition it stands for, on the normalised text of every plan of
``data/raw`` and on random texts made of the characters the rule looks at, so that the parse
output cannot change.
"""

from __future__ import annotations

from jianwu.ocr_repair import DAMAGED_DOC_NUMBER, damaged_doc_number_candidates

from speedup_inputs import random_texts, text_lines


def test_damaged_doc_number_candidates_are_finditers_matches(plan_texts: list[str]) -> None:
    pieces = [*"国发 (（〔[)）〕]J」2019a\n", "2021", "2 0 2 1", "  ", "号", "国发 (2021) 4", "字(2021J", "(2021〕"]
    texts = plan_texts + random_texts(pieces)
    texts += ["国发 (2021) 4 号", "大发改资源字(2021J 283", "国发(2021)号 文 〔2022〕 3", " (2021)1", "(2021)1"]
    for text in texts:
        expected = [(m.span(), m.group()) for m in DAMAGED_DOC_NUMBER.finditer(text)]
        assert [(m.span(), m.group()) for m in damaged_doc_number_candidates(text)] == expected, text


def test_script_from_the_changed_class_is_the_counted_script(plan_texts: list[str]) -> None:
    from jianwu import script

    for _ in range(script.CLASS_AFTER_TEXTS):
        script.detect_script("推进")  # enough texts: the class of the hanzi t2s changes is made
    assert script._traditional_class is not None
    traditional = "推進綠色低碳發展，關於加快建立健全綠色低碳循環發展經濟體系的實施意見"
    mixed = ["发展與推进", "乾隆", "一个發", "㐀們", "\U00020000发展"]  # 㐀 and 𠀀 are not counted
    texts = plan_texts + [traditional, traditional[:3], "", "abc", *mixed] + random_texts([*traditional, *"发展推进，a\n"])
    for text in texts:
        assert script.detect_script(text) == script.counted_script(text), text


CHROME_PIECES = [
    "首页", " > ", "当前的位置", "您现在的位置", "您的位置", "当前位置", "所在位置", ":", "：", "【", "】", "字体", "字号",
    "返回顶部", "打印本页", "关闭窗口", "打印", "关闭", "分享到", "收藏", "扫一扫", "【打印】", "版权声明", "版权所有",
    "ICP备", "网站标识码", "主办单位", "承办单位", "技术支持", "浏览次数", "访问量", "阅读量", "阅读次数", "点击数", "浏览量",
    "：", "|", "—", "-", "－", "–", "─", "~", "～", "·", " ", "\u3000",
    "第", "页", "共", "/", "，", "3", "12", "１", "٣", "推进", "一、", "（一）", "a", "\u0085", "\x1c",
]


def test_lines_passed_over_cannot_be_chrome_or_page_numbers(plan_texts: list[str]) -> None:
    from jianwu.normalize import CHROME_LINE, PAGE_NUMBER_LINE, _may_drop

    page_numbers = random_texts([*"-—－–─~～· 　/第页共，,3１٣𑥐a", "12"], 20000, longest=6)
    lines = text_lines(plan_texts) + [t.strip() for t in random_texts(CHROME_PIECES, 20000) + page_numbers] + CHROME_PIECES
    lines = [line for line in lines if line]
    assert sum(1 for line in lines if CHROME_LINE.match(line)) > 500
    assert sum(1 for line in lines if PAGE_NUMBER_LINE.match(line)) > 500
    for line in lines:
        chrome, page_number = _may_drop(line)
        assert chrome or not CHROME_LINE.match(line), line
        assert page_number or not PAGE_NUMBER_LINE.match(line), line


INLINE_PIECES = [
    *"nN[]【】&<>#*_(),;:?! 　，。（）“”", "jianwu: ignore JW011", "[bookmark: _GoBack]", "【hé】", "&nbsp;", "<br/>",
    "## ", "**", "__", "２０２５", "％", "∶", "ｎ", "Ｎ", "(三)", "(1)", "推进", "到 2025 年", "70% 以上", "a", "1,000",
]


def test_clean_inline_fast_path_is_the_steps(plan_texts: list[str]) -> None:
    from jianwu.normalize import _clean_steps, clean_inline

    lines = text_lines(plan_texts) + random_texts(INLINE_PIECES, 20000)
    for line in lines:
        for fullwidth in (True, False):
            assert clean_inline(line, fullwidth) == _clean_steps(line, fullwidth), line


def _plain_repair_line(line: str) -> tuple[str, list[str]]:
    """``ocr_repair.repair_line`` with every step tried on every line."""
    from jianwu import ocr_repair as o

    done: list[str] = []

    def step(name: str, new: str) -> None:
        nonlocal line
        if new != line:
            done.append(name)
            line = new

    step("doc_number", o.DOC_NUMBER.sub(o._doc_number, line))
    step("spaced_digits", o.DIGIT_RUN.sub(lambda m: m.group().replace(" ", ""), line))
    step("spaced_digits", o.DIGITS_BEFORE_UNIT.sub("", line))
    step("spaced_digits", o.SPACE_BEFORE_PERCENT.sub("", line))
    step("title_mark", o.TITLE_CLOSE.sub(r"\1》", line))
    if "《" not in line:
        step("title_mark", o.ORPHAN_TITLE_CLOSE.sub("》", line))
    step("title_mark", o.INNER_TITLE_CLOSE.sub(r"\1〉", line))
    step("spaced_han", o._spaced_han(line))
    step("clause_number", o.SPACED_PAREN_NUMBER.sub(lambda m: f"（{m['n']}）", line))
    step("clause_number", o.LOST_OPEN_PAREN.sub("（", line))
    step("look_alike", o.CN_YEAR_ZERO.sub("〇", line))
    step("look_alike", o.LETTER_IN_NUMBER.sub(lambda m: "0" if m.group() in "Oo" else "1", line))
    confusions = dict(o.word_confusions())
    step("look_alike", o._confusion_pattern().sub(lambda m: confusions[m.group()], line))
    return line, done


OCR_PIECES = [
    *"(（〔[【)）〕]】J」 　《》〈〉>~～}年OolI0二〇一十", "国发", "字", "2021", "2 0 2 1", "1 0 0 次", "4 5 % 以上", "45 %",
    "( 十二 ) ", "十一）", "二0二一年", "2O25年", "l5%", "秸轩", "祸合", "迸出口", "疏淡土", "国 务院", "人 民 政 府", "，", "。", "实施方案",
]


def test_repair_line_tries_only_steps_that_can_change_the_line(plan_texts: list[str]) -> None:
    from jianwu.ocr_repair import repair_line

    lines = text_lines(plan_texts) + random_texts(OCR_PIECES, 20000)
    changed = 0
    for line in lines:
        expected = _plain_repair_line(line)
        assert repair_line(line) == expected, line
        changed += bool(expected[1])
    assert changed > 5000


def test_sentence_ends_found_by_re_are_regexs(plan_texts: list[str]) -> None:
    import regex

    from jianwu.targets import SENTENCE_END

    plain = regex.compile(r"[。；;！？!?]|\n")
    for text in plan_texts + random_texts([*"。；;！？!?\n，.a推", "\r\n", "\u2028", "\x85"]):
        assert [m.span() for m in SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_bracket_and_segment_marks_found_by_re_are_regexs(plan_texts: list[str]) -> None:
    import regex

    from jianwu.departments import BRACKET_MARKS, CLOSERS, OPENERS
    from jianwu.quantities import OPENERS as SHELTER_OPENERS
    from jianwu.quantities import SHELTER_MARKS
    from jianwu.targets import SEGMENT_BREAK

    plain = [
        (BRACKET_MARKS, regex.compile("[" + regex.escape("".join(OPENERS) + "".join(CLOSERS)) + "\n]")),
        (SHELTER_MARKS, regex.compile("[" + regex.escape("".join(SHELTER_OPENERS) + "".join(SHELTER_OPENERS.values())) + "]")),
        (SEGMENT_BREAK, regex.compile(r"[，,：:]")),
    ]
    texts = plan_texts + random_texts([*"（）〔〕()“”‘’《》〈〉【】「」，,：:\n推a\\]^-", "\r\n"])
    for fast, slow in plain:
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)], (fast, text)


# ---------------------------------------------------------------- round 10 (normalisation)


def _enough_texts_for_the_class() -> None:
    from jianwu import script

    script._texts_seen = max(script._texts_seen, 0)
    for _ in range(script.CLASS_AFTER_TEXTS):
        script.detect_script("推进")  # enough texts: the class of the hanzi t2s changes is made
    assert script._traditional_class is not None


SCRIPT_PIECES = [*"推進綠色低碳發展關於與发展推进乾隆们們㐀，a \n\u3000\x00\u200b２％∶", "\U00020000"]


def test_counted_script_by_classes_is_by_characters(plan_texts: list[str]) -> None:
    from jianwu import script

    _enough_texts_for_the_class()
    texts = plan_texts + ["", "發", "发", "于於", "推進綠色低碳發展，關於加快建立健全"] + random_texts(SCRIPT_PIECES)
    assert sum(1 for text in texts if script.counted_script(text)[1]) > 100
    for text in texts:
        assert script.counted_script(text) == script.counted_script_by_characters(text), text


def test_script_holding_is_script_and_class(plan_texts: list[str]) -> None:
    from jianwu import script
    from jianwu.normalize import RARE_CHAR, RARE_CHARS

    texts = plan_texts + ["", "發", "推进\u3000", "２０２５", "\f推进"] + random_texts(SCRIPT_PIECES)
    for made in (False, True):  # before and after the traditional class is made
        if made:
            _enough_texts_for_the_class()
        else:
            script._traditional_class, script._texts_seen = None, -len(texts) * 3
        for text in texts:
            expected = (*script.counted_script_by_characters(text), RARE_CHAR.search(text) is not None)
            assert script.detect_script_holding(text, RARE_CHARS, RARE_CHAR) == expected, text
    _enough_texts_for_the_class()


def _plain_looks_ocred(text: str) -> bool:
    """``looks_ocred`` as it stood: every pattern over the whole text, every spaced line counted."""
    from jianwu import ocr_repair as o

    signs = sum(1 for m in o.DAMAGED_DOC_NUMBER.finditer(text) if o._damaged(m))
    signs += len(o.FALSE_TITLE_CLOSE.findall(text)) + len(o.SPACED_DIGITS.findall(text))
    spaced = sum(
        len(o.SPACED_HAN.findall(o.LEADING_NUMBER.sub("", line)))
        for line in text.split("\n")
        if o.PROSE.search(line) and not (line[:1].isdigit() and o.TABLE_ROW_CELLS.match(line))
    )
    return signs >= 2 or spaced >= 5 or (signs == 1 and spaced >= 2)


OCR_PIECES = [
    *"国务院绿色低碳发展，。；、 \u3000\n(（〔〕)）《》〈〉~～}」J123", "2 0 2 1", "国发 (2021) 4 号", "《实施方案~", "（一） ",
    "到 2025 年", "1 实施 省发展改革委", "人 民 政 府",
]


def test_looks_ocred_is_the_plain_count(plan_texts: list[str]) -> None:
    from jianwu.ocr_repair import looks_ocred

    texts = plan_texts + random_texts(OCR_PIECES, 6000, longest=40)
    assert sum(1 for text in texts if looks_ocred(text)) > 300
    for text in texts:
        assert looks_ocred(text) == _plain_looks_ocred(text), text


def _plain_spaced_han(line: str) -> str:
    from jianwu import ocr_repair as o

    gaps = len(o.SPACED_HAN.findall(line))
    if not gaps or (line[:1].isdigit() and o.TABLE_ROW_CELLS.match(line)):
        return line
    han = len(o.HAN_CHAR.findall(line))
    letter_spaced = gaps * 2 >= han - 1 and han >= 4
    if o.PROSE.search(line) or letter_spaced:
        return o.SPACED_HAN.sub("", line)
    return line


def test_spaced_han_is_plain(plan_texts: list[str]) -> None:
    from jianwu.ocr_repair import _spaced_han

    lines = text_lines(plan_texts) + random_texts(OCR_PIECES, 6000, longest=20)
    assert sum(1 for line in lines if _spaced_han(line) != line) > 300
    for line in lines:
        assert _spaced_han(line) == _plain_spaced_han(line), line


def test_lazy_line_is_the_line(plan_texts: list[str]) -> None:
    from jianwu import normalize as nz

    pieces = [*"一二十（）()1.、第章条节①：:推进 ", "指导思想：", "附件1", "（十四）"]
    lines = text_lines(plan_texts) + [t for t in (t.strip() for t in random_texts(pieces, 5000, longest=8)) if t]
    for line in lines:
        eager, lazy = nz._Line(3, line, 2, True, False), nz._LazyLine(3, line, 2, True, False)
        assert (lazy.block_start, lazy.token, lazy.width) == (eager.block_start, eager.token, eager.width), line
        lazy = nz._LazyLine(3, line, 2)
        assert (lazy.token, lazy.block_start, lazy.raw, lazy.text, lazy.indent) == (eager.token, eager.block_start, 3, line, 2), line


def test_opener_positions_are_doc_number_opens(plan_texts: list[str]) -> None:
    from jianwu.ocr_repair import DOC_NUMBER_OPEN, _opener_positions

    pieces = [*"(（〔[ 　推一龥\u4dff\ua0002a，\n", "国发", "  "]
    texts = plan_texts + random_texts(pieces, 6000) + ["(", "推（", "（ ", "（ 推", "（ 1"]
    for text in texts:
        assert _opener_positions(text) == [m.start() for m in DOC_NUMBER_OPEN.finditer(text)], text


def _plain_wrap_width(lines: list) -> "int | None":
    """``normalize._wrap_width`` as it stood: every line measured."""
    from bisect import bisect_left, bisect_right

    from jianwu.normalize import TERMINATORS, WRAP_OVER_SHARE

    widths = sorted(ln.width for ln in lines if len(ln.text) >= 8)
    if len(widths) < 8:
        return None
    p75 = widths[(len(widths) * 3) // 4]
    if p75 > 110:
        return None
    near_full = len(widths) - bisect_left(widths, p75 - 4)
    if near_full * 2 < len(widths):
        return None
    over = len(widths) - bisect_right(widths, p75 + 4)
    if over * WRAP_OVER_SHARE > len(widths):
        return None
    ended = sum(1 for ln in lines if ln.width >= p75 - 4 and len(ln.text) >= 8 and ln.text[-1] in TERMINATORS)
    return p75 if ended * 2 <= near_full else None


def test_wrap_width_is_plain(plan_texts: list[str]) -> None:
    import random

    from jianwu import normalize as nz

    rnd = random.Random(10)
    texts = [line for text in plan_texts for line in text.split("\n") if line.strip()]
    found = 0
    for _ in range(3000):
        length = rnd.choice([30, 55, 100, 108, 111, 112, 200])
        count = rnd.randint(0, 30)
        lines = []
        for i in range(count):
            cut = length if rnd.random() < 0.7 else rnd.randint(1, length)  # (most lines full: a wrap)
            text = "".join(texts[rnd.randrange(len(texts))] for _ in range(3))[:cut].rstrip("。；：！？") or "推进"
            lines.append(nz._Line(i + 1, text, rnd.choice([0, 0, 2, 4])))
        expected = _plain_wrap_width(lines)
        found += expected is not None
        assert nz._wrap_width(lines) == expected
    assert found > 50
