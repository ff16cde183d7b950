"""Round 12 of normalisation's fast paths: each gives exactly what the computation it replaces gives,
on the text of every plan of ``data/raw`` and on random texts of the characters each turns on
(``bench/README.md``, "Round 12: normalisation")."""

from __future__ import annotations

import random

from speedup_inputs import random_texts, text_lines

from jianwu import normalize as nz
from jianwu import ocr_repair as ocr

OCR_PIECES = [*"国发 (（〔[)）〕]J」~～}《》〈>2019aOolI年二〇\n\u3000，。、", "秸 轩", "秸轩", "祸合", "迸 出口", "疏淡土", "2 0 2 1", " 4 5 %", "( 十二 ) "]


def test_looks_ocred_on_the_ascii_bytes_is_plain(plan_texts: list[str]) -> None:
    texts = plan_texts + random_texts(OCR_PIECES, 3000, longest=60)
    for text in texts:
        assert ocr.looks_ocred(text, text.encode("ascii", "ignore"), "\u3000" in text) == ocr.looks_ocred(text), text


def test_confusion_words_found_in_the_text_first_are_plain(plan_texts: list[str]) -> None:
    texts = plan_texts + random_texts(OCR_PIECES, 3000, longest=60)
    for text in texts:
        words = ocr.confusions_possible(text)
        for line in text_lines([text]):
            assert ocr.repair_line(line, words) == ocr.repair_line(line), line


def test_spaced_digit_repairs_need_a_digit_then_a_space(plan_texts: list[str]) -> None:
    for line in text_lines(plan_texts) + random_texts(OCR_PIECES, 3000, longest=40):
        if ocr.DIGIT_THEN_SPACE.search(line) is None:
            assert ocr.DIGIT_RUN.sub("", line) == line
            assert ocr.DIGITS_BEFORE_UNIT.sub("", line) == line
            assert ocr.SPACE_BEFORE_PERCENT.sub("", line) == line


def test_repairs_write_no_confusion_word_character_nor_mark() -> None:
    for wrong, right in ocr.word_confusions():
        assert ocr.REPAIRS_WRITE.isdisjoint(wrong)
        assert nz.FULLWIDTH_CHAR.search(right) is None
    assert not set(nz.INLINE_MARK_CHARS) & ocr.REPAIRS_WRITE


def test_line_first_checks_skip_only_lines_no_test_applies_to(plan_texts: list[str]) -> None:
    for line in text_lines(plan_texts) + ["序号", "指标", "首页 > 政务", "— 3 —", "12", "打印"]:
        first = line[0]
        if nz._line_first_checks(first) is None:
            assert nz._first_checks(first) == (False, False)
            assert first != "序" and first not in nz.INDICATOR_HEADER_FIRST
        else:
            assert nz._line_first_checks(first) == nz._first_checks(first)


def test_pdf_lines_as_pairs_give_the_lazy_lines_result(corpus: dict) -> None:
    # The same text and paragraph starts read as a PDF (ReaderLine pairs) and as another format with
    # the reader's starts (_LazyLine objects): the same text, line map and repairs, when no running
    # header is dropped (only the second drops them).
    rnd = random.Random(12)
    compared = 0
    for doc in corpus.values():
        n = doc.normalized
        starts = tuple(rnd.random() < 0.3 for _ in n.raw.split("\n"))
        a = nz.normalize_text(n.raw, format="pdf", paragraph_starts=starts)
        b = nz.normalize_text(n.raw, format="docx", paragraph_starts=starts)
        if any(r.kind == "running_header" for r in b.repairs):
            continue
        assert (a.text, a.line_starts, a.repairs) == (b.text, b.line_starts, b.repairs)
        compared += 1
    assert compared >= 10
