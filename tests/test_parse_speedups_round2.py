"""Round 2 of the parse's fast paths (normalisation, the clause tree, metadata): each gives exactly
what the plain computation it replaces gives.

As in ``test_parse_speedups.py``: on the text of every plan of ``data/raw`` and on random texts made
of the characters and words each rule turns on.  The plain computations are written out here as
the code stood before (``bench/README.md``, "Normalisation, clauses and metadata, 3 Dec 2026,
round 2").
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Optional

import regex

from jianwu import Document
from jianwu import metadata as md
from jianwu import normalize as nz
from jianwu import numbering as nb
from jianwu.model import NormalizedText, Repair

from speedup_inputs import random_texts, text_lines


# ---------------------------------------------------------------- numbering


def _plain_match_token(line: str) -> Optional[nb.Token]:
    """``match_token`` before its cache: every numeral read and spelled out again."""
    if not line:
        return None
    for style, pattern in nb._styles_for(line[0]):
        m = pattern.match(line)
        if not m:
            continue
        raw = m.group("n")
        value = ord(raw) - 0x2460 + 1 if style == "circled" else nb.cn_to_int(raw)
        if not value:
            continue
        if not line[m.end():] and style in ("arabic", "arabic_rparen"):
            continue
        return nb.Token(style, value, line[: m.end()].rstrip(), nb._normalized(style, value), m.end())
    return None


NUMBER_PIECES = [
    *"第一二三四五六七八九十百零〇两、.．（）)①⑳ 　\t\n123１٣推进%", "部分", "章", "节", "条", "一、", "（一）", "（十四）",
    "1.", "1.5倍", "14.5%", "3.", "12）", "第十二条 ", "零、", "二十、", "（1）", "⑤", "100", "99999999", "指导思想：",
]


def test_cached_tokens_are_the_plain_tokens(plan_texts: list[str]) -> None:
    lines = text_lines(plan_texts) + [t.strip() for t in random_texts(NUMBER_PIECES, 20000, longest=8)]
    lines += ["3.", "3.推进", "3. ", "12）", "12）推进", "零、", "零、推进", "（一） ", "（一）  推进", "①", "① 推进"]
    rnd = random.Random(5)
    for line in lines + rnd.sample(lines, len(lines)):  # again, in another order: from the cache
        assert nb.match_token(line) == _plain_match_token(line), line
    assert sum(1 for line in lines if nb.match_token(line)) > 3000


def test_line_token_and_block_start_are_plain(plan_texts: list[str]) -> None:
    lines = text_lines(plan_texts) + [t for t in (t.strip() for t in random_texts(NUMBER_PIECES, 20000, longest=8)) if t]
    for line in lines:
        ln = nz._Line(1, line, 0)
        token = nb.match_token(line)
        assert ln.token == token, line
        assert ln.block_start == (token is not None or nb.match_label(line) is not None), line


# ---------------------------------------------------------------- normalisation


def test_character_classes_are_their_characters() -> None:
    import re

    every = [chr(c) for c in range(0x110000)]
    old_spaces = re.compile(r"[\u3000\u00a0\u2002-\u200a\u202f\t]")
    old_invisible = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
    assert sorted(nz.SPACE_CHARS) == [c for c in every if old_spaces.match(c)] == [c for c in every if nz.SPACES.match(c)]
    assert sorted(nz.INVISIBLE_CHARS) == [c for c in every if old_invisible.match(c)] == [c for c in every if nz.INVISIBLE.match(c)]
    rare = [c for c in every if (nz.LINE_CONTROL.match(c) and c != "\f") or nz.INVISIBLE.match(c) or nz.SPACES.match(c) or nz.FULLWIDTH_CHAR.match(c)]
    assert [c for c in every if nz.RARE_CHAR.match(c)] == rare
    # DOC_NUMBER_OPEN passes over a bracket before a CJK unified ideograph: none is a digit
    assert not any(regex.match(r"\d", chr(c)) for c in range(0x4E00, 0xA000))


def _plain_running_headers(lines: list[nz._Line], repairs: list[Repair]) -> list[nz._Line]:
    seen: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if len(ln.text) <= 40 and not ln.block_start:
            seen.setdefault(ln.text, []).append(i)
    drop: set[int] = set()
    for text, where in seen.items():
        if len(where) < 3:
            continue
        beside = sum(1 for i in where if lines[i].page_break_before or (i + 1 < len(lines) and lines[i + 1].page_break_before))
        if beside >= 2:
            drop.update(where)
            repairs.append(Repair("running_header", lines[where[0]].raw, f"{text[:30]} (x{len(where)})"))
    if not drop:
        return lines
    kept: list[nz._Line] = []
    for i, ln in enumerate(lines):
        if i in drop:
            if i + 1 < len(lines):
                lines[i + 1].gap_before = lines[i + 1].page_break_before = True
            continue
        kept.append(ln)
    return kept


def _plain_normalize(
    text: str,
    encoding: str = "utf-8",
    format: str = "text",
    line_pages: tuple[int, ...] = (),
    paragraph_starts: tuple[bool, ...] = (),
    reader_repairs: tuple[Repair, ...] = (),
) -> NormalizedText:
    """``normalize_source`` as it stood: every step on every line, NormalizedText made again."""
    from dataclasses import replace

    decoded = text
    text = nz.INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    script, traditional = nz.detect_script(text)
    simplified = nz.to_simplified(text) if traditional else text
    repairs: list[Repair] = []
    lines: list[nz._Line] = []
    gap = page_break = False
    ocr = nz.looks_ocred(simplified)
    cleaned_lines = nz.SPACES.sub(" ", nz.LINE_CONTROL.sub("", simplified).replace("\t", "  ")).split("\n")  # a tab: two spaces
    chrome_goes_on = False
    for number, (raw_line, unified) in enumerate(zip(simplified.split("\n"), cleaned_lines), start=1):
        if "\f" in raw_line:
            gap = page_break = True
        stripped = unified.strip()
        if not stripped:
            gap = True
            continue
        if chrome_goes_on and number <= len(paragraph_starts) and not paragraph_starts[number - 1]:
            repairs.append(Repair("chrome", number, stripped[:40]))  # a chrome paragraph's wrapped rest
            continue
        chrome_goes_on = False
        if nz.CHROME_LINE.match(stripped):
            repairs.append(Repair("chrome", number, stripped[:40]))
            gap = True
            chrome_goes_on = bool(paragraph_starts)
            continue
        if nz.PAGE_NUMBER_LINE.match(stripped):
            repairs.append(Repair("page_number", number, stripped))
            gap = page_break = True
            continue
        if ocr:
            stripped, fixed = nz.repair_ocr_line(stripped)
            repairs.extend(Repair(f"ocr_{name}", number, stripped[:40]) for name in dict.fromkeys(fixed))
        cleaned = nz._clean_steps(stripped, True)
        if cleaned != stripped and ("**" in stripped or "[bookmark" in stripped):
            repairs.append(Repair("markdown", number, "conversion markup removed"))
        if not cleaned:
            gap = True
            continue
        indent = nz._display_width(raw_line[: len(raw_line) - len(raw_line.lstrip())].replace("\t", "    "))
        lines.append(nz._Line(number, cleaned, indent, gap, page_break))
        gap = page_break = False
    if format != "pdf":  # a PDF's running headers are the reader's
        lines = _plain_running_headers(lines, repairs)
    lines = nz._drop_trailer(lines, repairs)
    wrap = None if paragraph_starts else nz._wrap_width(lines)
    parts: list[str] = []
    starts: list[tuple[int, int]] = []
    offset = 0
    prev: Optional[nz._Line] = None
    for ln in lines:
        if prev is not None:
            if (not paragraph_starts[ln.raw - 1]) if paragraph_starts else nz._continues(prev, ln, wrap):
                if not paragraph_starts and ln.gap_before and nz.HAN_OR_DIGIT.match(prev.text[-1]) and nz.HAN_OR_DIGIT.match(ln.text[0]):
                    repairs.append(Repair("split_word", ln.raw, f"{prev.text[-6:]}|{ln.text[:6]}"))
            else:
                parts.append("\n")
                offset += 1
        starts.append((offset, ln.raw))
        parts.append(ln.text)
        offset += len(ln.text)
        prev = ln
    normalized = NormalizedText(
        text="".join(parts), line_starts=tuple(starts), script=script, encoding=encoding, traditional_chars=traditional,
        repairs=tuple(sorted(repairs, key=lambda r: (r.line, r.kind))), raw=decoded,
    )
    if format != "text" or line_pages:
        normalized = replace(normalized, format=format, line_pages=tuple(line_pages))
    if reader_repairs:
        normalized = replace(normalized, repairs=tuple(sorted(normalized.repairs + reader_repairs, key=lambda r: (r.line, r.kind))))
    return normalized


LINE_PIECES = [
    "\n", "\n", "\n", "\n\n", "\f", "  ", "\t", "\u3000", "\u00a0", "\u2003", "\u200b", "\ufeff", "\r\n", "\r", "\x1b", "\x85",
    "首页 > 政务公开", "\n版权所有：某市\n", "渝ICP备05003300号", "【字体：大 中 小】", "\n打印\n", "\n— 3 —\n", "\n第 2 页 共 9 页\n",
    "\n12\n", "\n3/10\n", "\n某市人民政府文件\n", "一、", "（一）", "1.", "（1）", "①", "第三条", "指导思想：", "附件1",
    "**", "## ", "[bookmark: _GoBack]", "&nbsp;", "<br/>", "__", "【hé】", " jianwu: ignore JW011", "(三)", "(市发改委负责)",
    "２０２５", "％", "∶", ",", ";", ":", "?", "!", "，", "。", "、", "；", "（", "）", "《", "》", "到 2025 年", "70% 以上",
    "推进绿色低碳发展", "加快建设", "發展與推進", "国发 (2021) 4 号", "2 0 2 1 年", "《实施方案~，", "二0二一年", "此件公开发布",
    "2023年5月6日", "某市人民政府", "碳达", "峰", "\x0b", "\x00", "\x9f", "\u200d", "\u2060", "\u202f", "．", "／", "Ａ",
]


def test_normalize_is_the_plain_loop(seeds: dict[str, Document], corpus: dict[str, Document]) -> None:
    from jianwu.normalize import normalize_source
    from jianwu.readers import read_bytes

    docs = [*seeds.values(), *corpus.values()]
    raw_dir = Path(__file__).resolve().parent.parent / "data" / "raw"
    paths = sorted(raw_dir.glob("*.txt")) + sorted(raw_dir.rglob("*.pdf"))
    assert len(paths) >= 20
    for path in paths:  # what the readers read: PDFs with pages, paragraph starts and repairs
        read = read_bytes(path.read_bytes(), str(path))
        plain = _plain_normalize(read.text, read.encoding, read.format, read.line_pages, read.paragraph_starts, read.repairs)
        assert normalize_source(read) == plain, path
    rnd = random.Random(3)
    texts = [d.normalized.raw for d in docs] + random_texts(LINE_PIECES, 3000, longest=60)
    for text in texts:
        assert nz.normalize_text(text) == _plain_normalize(text), text
        n = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        starts = tuple(rnd.random() < 0.4 for _ in range(n))
        pages = tuple(range(1, n + 1))
        extra = (Repair("split_word", 1, "x"), Repair("column", 2, "y"), Repair("chrome", 1, "z"))
        got = nz.normalize_text(text, "gb18030", format="pdf", line_pages=pages, paragraph_starts=starts, reader_repairs=extra)
        assert got == _plain_normalize(text, "gb18030", "pdf", pages, starts, extra), text


def test_running_headers_counted_first_are_plain() -> None:
    rnd = random.Random(7)
    words = ["某市人民政府文件", "— 2 —", "推进", "一、总体要求", "指导思想：", "a" * 41, "加快建设"]
    for _ in range(3000):
        made = [nz._Line(i + 1, rnd.choice(words), 0, rnd.random() < 0.3, rnd.random() < 0.3) for i in range(rnd.randint(0, 30))]
        copy = [nz._Line(ln.raw, ln.text, ln.indent, ln.gap_before, ln.page_break_before) for ln in made]
        fast_repairs: list[Repair] = []
        plain_repairs: list[Repair] = []
        fast = nz._drop_running_headers(made, fast_repairs)
        plain = _plain_running_headers(copy, plain_repairs)
        assert fast_repairs == plain_repairs
        assert [(ln.raw, ln.gap_before, ln.page_break_before) for ln in fast] == [(ln.raw, ln.gap_before, ln.page_break_before) for ln in plain]


# ---------------------------------------------------------------- metadata


COVER_PIECES = [
    *"号此件印发公开〔〕()（）[]【】年月日 \n推进、，一二〇零十0123456789１٣", "号", "此件公开发布", "印发", "方案", "实施方案", "意见",
    "行动", "局", "委员会", "政府", "办公室", "中心", "某市", "人民政府", "生态环境局", "2021", "2023年5月6日", "二〇二三年五月六日",
    "2023.5.6", "20230506", "渝府发〔2023〕12号", "渝环〔202371号", "国发 (2021) 4", "19", "20", "关于", "的通知", "文件",
]


def _plain_parse_date(line: str) -> Optional[str]:
    m = md.DATE_LINE.match(line.replace(" ", " ").strip())
    if not m:
        return None
    for i in "1234":
        if m.group(f"y{i}"):
            y, mo, d = m.group(f"y{i}"), m.group(f"m{i}"), m.group(f"d{i}")
            year, month, day = nb.cn_to_int(y), nb.cn_to_int(mo), nb.cn_to_int(d)
            if year and month and day and 1 <= month <= 12 and 1 <= day <= 31 and 1949 <= year <= 2100:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def test_cover_quick_tests_are_the_patterns(plan_texts: list[str]) -> None:
    lines = [line for text in plan_texts for line in text.split("\n")] + random_texts(COVER_PIECES, 20000, longest=12)
    lines += ["", "\n", "方案\n", "某市生态环境局\n", "某市生态环境局\n\n", "（此件公开发布）", "2023年5月6日", "２０２３年5月6日"]
    hits = 0
    for s in lines:
        assert md._title_end(s) == bool(md.PLAN_TITLE_END.search(s)), s
        assert md._org_name(s) == bool(md.ORG_NAME.match(s)), s
        assert md._own_doc_number_line(s) == bool(md.OWN_DOC_NUMBER_LINE.match(s)), s
        fast, plain = md._publication_note(s), md.PUBLICATION.search(s)
        assert (fast and fast.span()) == (plain and plain.span()), s
        assert ("印发" in s) or not md.ISSUED_HEADING.match(s), s
        assert ("19" in s or "20" in s) or not md.DAMAGED_DOC_NUMBER_LINE.match(s), s
        assert md._may_start_date(s[:1]) or not (md.LEADING_DATE.match(s) or md.GLUED_DATE.match(s)), s
        assert md.parse_date(s) == _plain_parse_date(s), s
        hits += md.parse_date(s) is not None
    assert hits > 100


def test_spaced_lines_are_the_lines_holding_a_space(plan_texts: list[str]) -> None:
    from jianwu.ocr_repair import spaced_lines

    for text in plan_texts + random_texts([*"a 推\n", "\u3000", "\n\n", "  "], 20000):
        assert list(spaced_lines(text)) == [line for line in text.split("\n") if " " in line or "\u3000" in line], text
