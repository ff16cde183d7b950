"""What the fuzzer does to a real document: the case shape (a window, the whole plan, a large
plan), line mutations, an encoding, byte mutations.  Everything takes a ``random.Random``: a case
is reproducible from its seed, and hypothesis can drive the same code (``st.randoms``)."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Callable


# Largest mutated text (characters): mutated plans of 40-250 KB are where the
# robustness run found super-linear time; a little beyond keeps that covered.
MAX_CASE_CHARS = 400_000
# The shape of a case (see ``choose_source``): mostly a window of a real plan — where the clause,
# note and target readers meet every kind of line at a fraction of a whole plan's cost — then
# whole plans, then large ones (40-250 KB, where super-linear time was found).
WINDOW_SHARE = 0.95
WHOLE_SHARE = 0.04  # the rest (1%) is large
WINDOW_CHARS = (60, 4000)  # log-uniform: half the windows are under 500 characters
LARGE_KB = (40, 250)  # UTF-8 size of a large case before mutation
# Mutations that make a case hundreds of KB (100 repeats of a block, 3,000 clause-start lines,
# a 10,000-character run) are rarer than the small ones: each such case costs seconds.
HUGE_SHARE = 0.005

# ---------------------------------------------------------------- what mutations insert

BRACKETS = "（）()《》〈〉【】〔〕[]“”‘’「」"
CONTROLS = "".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32), 127, 0x85, 0x9B]))
FRAGMENTS = (
    "（一）", "（十四）", "一、", "二十、", "1.", "12.", "（3）", "5）", "①", "⑳", "第十条", "第一千条", "第3章", "第一部分",
    "（责任单位：", "（牵头单位：", "（市发展改革委牵头，市生态环境局配合）", "按职责分工负责）", "负责）", "牵头", "配合",
    "各区县（自治县）人民政府", "区住房城乡建设|建委", "市生态环境局、", "、",
    "到2025年", "到2030年，", "比2020年下降13.5%", "0.0", "0.00%", "10%", "5万吨", "2.8亿元", "不低于", "以上", "累计",
    "1000", "一百二十三", "〔2023〕79号", "渝府发〔2022〕", "《重庆市", "》", "。", "，", "；", "：", "\n", "\f", "\t", "  ",
    "**", "## ", "[bookmark: _GoBack]", "&nbsp;", "<br/>", "jianwu: ignore JW011",
)


def _random_cjk(rnd: random.Random, n: int, alphabet: str) -> str:
    if alphabet and rnd.random() < 0.7:
        return "".join(rnd.choice(alphabet) for _ in range(n))
    return "".join(chr(rnd.randint(0x4E00, 0x9FFF)) for _ in range(n))


def _snippet(rnd: random.Random, alphabet: str) -> str:
    """Something to insert: mostly short, sometimes a long pathological run."""
    kind = rnd.randrange(8)
    roll = rnd.random()
    n = rnd.choice((1, 2, 3, 5, 10, 30)) if roll < 0.9 else rnd.choice((200, 500, 2000)) if roll < 1 - HUGE_SHARE else 10000
    if kind == 0:
        return _random_cjk(rnd, n, alphabet)
    if kind == 1:
        return "".join(chr(rnd.randint(32, 126)) for _ in range(n))
    if kind == 2:
        return "".join(rnd.choice(CONTROLS) for _ in range(min(n, 5)))
    if kind == 3:
        return "".join(rnd.choice(BRACKETS) for _ in range(min(n, 10)))
    if kind == 4:
        return rnd.choice("0123456789") * n  # digit runs (inside notes, numbers)
    if kind == 5:
        return ("0." + "0" * rnd.randint(1, 5) + rnd.choice(("", "%", "万吨", "倍"))) * max(1, n // 10)
    return "".join(rnd.choice(FRAGMENTS) for _ in range(max(1, min(n, 40) // 4)))


# ---------------------------------------------------------------- mutations on lines

Lines = list[str]


def _delete(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    if len(lines) < 2:
        return "delete: nothing"
    i = rnd.randrange(len(lines))
    k = min(rnd.choice((1, 1, 2, 5, 20)), len(lines) - i)
    del lines[i:i + k]
    return f"delete {k} lines at {i}"


def _duplicate(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines) + 1)
    lines.insert(j, lines[i])
    return f"duplicate line {i} at {j}"


def _swap(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return f"swap lines {i} and {j}"


def _insert(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    i = rnd.randrange(len(lines))
    at = rnd.randint(0, len(lines[i]))
    text = _snippet(rnd, alphabet)
    lines[i] = lines[i][:at] + text + lines[i][at:]
    return f"insert {text[:20]!r}{'…' if len(text) > 20 else ''} ({len(text)} chars) in line {i} at {at}"


def _join(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    if len(lines) < 2:
        return "join: nothing"
    i = rnd.randrange(len(lines) - 1)
    lines[i:i + 2] = [lines[i] + lines[i + 1]]
    return f"join lines {i} and {i + 1}"


def _split(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    i = rnd.randrange(len(lines))
    at = rnd.randint(0, len(lines[i]))
    lines[i:i + 1] = [lines[i][:at], lines[i][at:]]
    return f"split line {i} at {at}"


def _drop_closers(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    i = rnd.randrange(len(lines))
    k = rnd.choice((1, 5, 50, len(lines)))
    for j in range(i, min(i + k, len(lines))):
        lines[j] = lines[j].replace("）", "").replace("》", "")
    return f"drop closing brackets in {k} lines from {i}"


def _repeat_block(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    i = rnd.randrange(len(lines))
    block = lines[i:i + rnd.randint(1, 30)]
    size = sum(len(x) + 1 for x in block) or 1
    roll = rnd.random()
    if roll < 1 - HUGE_SHARE:  # at most about doubling the text: a window stays a window
        times = min(rnd.choice((2, 2, 5, 5, 20)), max(1, sum(len(x) + 1 for x in lines) // size))
    else:
        times = 100
    times = max(1, min(times, MAX_CASE_CHARS // 2 // size))
    lines[i:i] = block * times
    return f"repeat {len(block)} lines at {i} {times} times"


def _repeat_line_start(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    """Many lines that each start a clause or an unclosed note: the shapes that were quadratic."""
    start = rnd.choice(("（一）", "（责任单位：", "一、", "1.", "（市发展改革委、", "第一条"))
    if rnd.random() < 1 - HUGE_SHARE:  # at most about doubling the lines, as in _repeat_block
        n = min(rnd.choice((5, 50, 200, 500)), max(5, 2 * len(lines)))
    else:
        n = 3000
    i = rnd.randrange(len(lines) + 1)
    lines[i:i] = [start + _random_cjk(rnd, rnd.randint(2, 20), alphabet) for _ in range(n)]
    return f"insert {n} lines starting {start!r} at {i}"


LINE_MUTATIONS: tuple[Callable[[Lines, random.Random, str], str], ...] = (
    _delete, _duplicate, _swap, _insert, _insert, _insert, _join, _split, _drop_closers, _repeat_block, _repeat_line_start,
)


# ---------------------------------------------------------------- encoding and bytes


def _encode(text: str, rnd: random.Random) -> tuple[bytes, str]:
    choice = rnd.random()
    if choice < 0.70:
        return text.encode("utf-8", "surrogatepass"), "utf-8"
    if choice < 0.80:
        return text.encode("gb18030", "replace"), "gb18030"
    if choice < 0.85:
        return text.encode("utf-16", "surrogatepass"), "utf-16"
    if choice < 0.90:
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8", "surrogatepass"), "utf-8-sig crlf"
    if choice < 0.95:
        from ..script import converter

        return converter("s2t").convert(text).encode("big5", "replace"), "big5"
    return text.encode(rnd.choice(("shift_jis", "euc_kr", "latin-1")), "replace"), "foreign"


def _byte_mutation(raw: bytes, rnd: random.Random) -> tuple[bytes, str]:
    if not raw:
        return raw, "none"
    if rnd.random() < 0.5:
        at = rnd.randrange(len(raw))
        return raw[:at], f"cut at byte {at}"
    data = bytearray(raw)
    for _ in range(rnd.choice((1, 3, 10))):
        data[rnd.randrange(len(data))] = rnd.randrange(256)
    return bytes(data), "flip bytes"


@dataclass
class Case:
    seed_name: str
    raw: bytes
    steps: list[str] = field(default_factory=list)
    shape: str = "whole"  # window, whole or large (see choose_source)


@dataclass
class Source:
    """The text a case starts from, before mutation."""

    text: str
    shape: str  # "window", "whole" or "large"
    step: str  # how it was taken, for the report
    position: float = 0.0  # where a window starts, as a share of the plan's lines
    chars: int = 0  # the window's length


def choose_source(name: str, texts: dict[str, str], rnd: random.Random) -> Source:
    """A window of ``texts[name]`` (lines ``i..j``: a cut at both ends), the whole plan, or a large
    plan (the plan followed by the others, repeated to 40-250 KB)."""
    text = texts[name]
    roll = rnd.random()
    if roll < WINDOW_SHARE:
        lines = text.split("\n")
        want = int(math.exp(rnd.uniform(math.log(WINDOW_CHARS[0]), math.log(WINDOW_CHARS[1]))))
        start = rnd.randrange(len(lines))
        end, chars = start, 0
        while end < len(lines) and chars < want:
            chars += len(lines[end]) + 1
            end += 1
        window = "\n".join(lines[start:end])
        return Source(window, "window", f"window of lines {start}-{end} ({len(window)} chars)", start / len(lines), len(window))
    if roll < WINDOW_SHARE + WHOLE_SHARE:
        return Source(text, "whole", "whole plan")
    want = rnd.randint(*LARGE_KB) * 1024
    others = [texts[n] for n in sorted(texts) if n != name]
    rnd.shuffle(others)
    parts, size = [text], len(text.encode("utf-8"))
    while size < want:
        part = others[len(parts) % len(others)] if others else text
        parts.append(part)
        size += len(part.encode("utf-8")) + 1
    large = "\n".join(parts)
    return Source(large, "large", f"large: {len(parts)} plans joined ({size // 1024} KB)")


def mutate(seed_name: str, text: str, rnd: random.Random, shape: str = "whole", alphabet: str = "") -> Case:
    """One mutated document: a few line mutations, an encoding, sometimes a byte mutation.

    ``alphabet``: the characters insertions draw from (default: those of ``text``)."""
    alphabet = alphabet or "".join(sorted(set(text)))
    lines = text.split("\n") or [""]
    steps: list[str] = []
    for _ in range(rnd.choice((1, 1, 2, 3, 5, 8))):
        if not lines:
            lines = [""]
        steps.append(rnd.choice(LINE_MUTATIONS)(lines, rnd, alphabet))
    mutated = "\n".join(lines)
    if len(mutated) > MAX_CASE_CHARS:
        mutated = mutated[:MAX_CASE_CHARS]
        steps.append(f"truncated to {MAX_CASE_CHARS} characters")
    if rnd.random() < 0.05:
        at = rnd.randint(0, len(mutated))
        mutated = mutated[:at]
        steps.append(f"cut at character {at}")
    raw, encoding = _encode(mutated, rnd)
    steps.append(f"encoded {encoding}")
    if rnd.random() < 0.08:
        raw, how = _byte_mutation(raw, rnd)
        steps.append(how)
    return Case(seed_name, raw, steps, shape)


