"""Pages set in two columns (a government gazette, 公报): the reading order of their lines.

Provincial and municipal gazettes (某某省人民政府公报, 某某市人民政府公报) and some ministries'
bulletins print each document in two columns.  Read baseline by baseline across the page, the two
columns' lines interleave (``为深入贯彻落实党中央、国务院型。城镇新建建筑全面执行…``).  This
module finds the gutter, the strip down the middle of the page that the lines of the columns
leave empty, and gives the lines in reading order: the left column's, then the right column's,
between the lines set across the gutter (the gazette's running head, a title across the page, a
centred page number).

A page is taken as set in two columns only when most of its long lines stop short of its middle, a
strip near the middle is crossed by the fewest lines, at least ``MIN_SIDE_LINES`` lines of the left
column end at that strip (a justified column's edge) and a line of the right column starts at it: a
page in one column has text across the middle on nearly every line (one look at each line's middle
tells), and a page of short lines (a signature, a list of attachments) has no column edge at the strip.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import itemgetter
from typing import Optional, Sequence

Char = tuple[float, float, str, bool]  # (baseline, x, character, wide), as the PDF reader makes them
ORIGIN_X = itemgetter(1)

# Lines of the left column that must end at the gutter (within FULL_EM of it: full lines) for a page to be
# set in two columns, and a line of the right column must start at it (within INDENT_EM: a first-line indent).
MIN_SIDE_LINES = 6
FULL_EM = 1.5
INDENT_EM = 2.5
# A line of at least this many characters counts in the first look at the page's middle.
LONG_LINE = 6
# The gutter is looked for this far either side of the middle (share of the text's width) and is
# at least GUTTER_EM wide; the lines across it are at most this share of the lines.
SEARCH_SHARE = 0.15
GUTTER_EM = 1.0
SPANNING_SHARE = 0.2
# A line a column goes on with, below the last line with text on both sides: at most this many
# line pitches below the line before it (a page number under the columns is further down).
GOES_ON_PITCHES = 2.0

# Where each line goes: across the gutter (the running head, a title, a page number), left, right.
SPANNING, LEFT, RIGHT = 0, 1, 2


def _advance(c: Char, em: float) -> float:
    return em if c[3] else 0.5 * em


def columns_in_order(groups: list[list[Char]], em: float, blocks: Sequence[tuple[float, float, float]] = ()
                     ) -> Optional[tuple[float, list[tuple[int, int]]]]:
    """(the gutter's centre, (SPANNING / LEFT / RIGHT, item) of each line of a page in reading order), or
    None for a page in one column; a line with text on both sides of the gutter is two items, its
    characters left of the centre (``split_at``) in the left column, those right of it in the right.  ``groups``: the page's lines, top to bottom, each a list of characters sorted by x (items 0 ..
    n - 1); ``blocks``: (y, left, right) of other lines, a ruled table's rows (items n ..), placed by where
    they stand."""
    lines = [g for g in groups if g]
    if len(lines) <= MIN_SIDE_LINES:
        return None
    left = min(g[0][1] for g in lines)
    right = max(g[-1][1] + _advance(g[-1], em) for g in lines)
    width = right - left
    if width < 20 * em:
        return None
    middle = (left + right) / 2
    long_lines = [g for g in lines if len(g) >= LONG_LINE]
    if sum(1 for g in long_lines if _covers(g, middle, em)) * 2 >= len(long_lines):
        return None  # most long lines run across the middle: one column
    gutter = _gutter(lines, left, right, em)
    if gutter is None:
        return None
    g0, g1 = gutter
    centre = (g0 + g1) / 2
    # (y, kind, item, has text left of the gutter, right of it, stands at the gutter), top to bottom: a
    # column's line ends at the gutter (a full line of the left column) or starts there (of the right)
    placed: list[tuple[float, int, int, bool, bool, bool]] = []
    full_left = starts_right = 0
    for i, g in enumerate(groups):
        if not g:
            continue
        if _covers(g, centre, em, 0.25):  # (a column's line may reach into the gutter, not over its centre)
            placed.append((g[0][0], SPANNING, i, False, False, False))
            continue
        a, b = split_at(g, centre)
        ends_at = bool(a) and a[-1][1] + _advance(a[-1], em) >= g0 - FULL_EM * em
        starts_at = bool(b) and b[0][1] <= g1 + INDENT_EM * em
        full_left += ends_at
        starts_right += starts_at
        placed.append((g[0][0], LEFT, i, bool(a), bool(b), ends_at or starts_at))
    if full_left < MIN_SIDE_LINES or not starts_right:
        return None  # no column ends at the strip, or none starts after it: a page of short lines
    for k, (y, x0, x1) in enumerate(blocks):
        kind = LEFT if x1 <= centre else RIGHT if x0 >= centre else SPANNING
        placed.append((y, kind, len(groups) + k, kind == LEFT, kind == RIGHT, kind != SPANNING))
    placed.sort(key=lambda p: -p[0])  # (stable: the lines keep their order)
    if sum(1 for p in placed if p[1] == SPANNING) > SPANNING_SHARE * len(placed) + 2:
        return None
    at_gutter = [n for n, p in enumerate(placed) if p[5]]
    first, last = at_gutter[0], at_gutter[-1]
    pitch = (placed[first][0] - placed[last][0]) / max(1, last - first)
    while last + 1 < len(placed) and placed[last + 1][1] != SPANNING and placed[last][0] - placed[last + 1][0] <= GOES_ON_PITCHES * pitch:
        last += 1  # a column's last lines, short of the gutter
    while first > 0 and placed[first - 1][1] != SPANNING and placed[first - 1][0] - placed[first][0] <= GOES_ON_PITCHES * pitch:
        first -= 1
    out: list[tuple[int, int]] = []
    left_items: list[int] = []
    right_items: list[int] = []

    def flush() -> None:
        out.extend((LEFT, i) for i in left_items)
        out.extend((RIGHT, i) for i in right_items)
        left_items.clear()
        right_items.clear()

    for n, (_, kind, item, has_left, has_right, _) in enumerate(placed):
        if kind == SPANNING or not first <= n <= last:
            flush()
            out.append((SPANNING, item))
            continue
        if has_left:
            left_items.append(item)
        if has_right:
            right_items.append(item)
    flush()
    return centre, out


def split_at(group: list[Char], centre: float) -> tuple[list[Char], list[Char]]:
    """A line's characters left of the gutter's centre and right of it."""
    cut = bisect_right(group, centre, key=ORIGIN_X)
    return group[:cut], group[cut:]


def _covers(line: list[Char], x: float, em: float, slack: float = 0.5) -> bool:
    """Does a character of ``line`` (sorted by x) stand over ``x``, or within ``slack`` ems of it?"""
    at = bisect_right(line, x + slack * em, key=ORIGIN_X)
    return at > 0 and line[at - 1][1] + _advance(line[at - 1], em) >= x - slack * em


def _gutter(lines: list[list[Char]], left: float, right: float, em: float) -> Optional[tuple[float, float]]:
    """The widest strip near the middle that the fewest lines cross, at most SPANNING_SHARE of them:
    (left, right) in pt."""
    width = right - left
    lo, hi = int(left + (0.5 - SEARCH_SHARE) * width), int(left + (0.5 + SEARCH_SHARE) * width) + 1
    counts = [0] * (hi - lo + 1)
    for g in lines:
        covered = set()
        for c in g:
            a, b = max(lo, int(c[1])), min(hi, int(c[1] + _advance(c, em)))
            covered.update(range(a - lo, b - lo + 1))
        for k in covered:
            counts[k] += 1
    # The strip the fewest lines cross (the lines across the gutter), give or take one: not where one
    # column, shorter than the other, has fewer lines than the other.
    fewest = min(counts)
    if fewest > SPANNING_SHARE * len(lines):
        return None
    limit = fewest + 1
    best: Optional[tuple[int, int]] = None
    run_start: Optional[int] = None
    for k, n in enumerate(counts + [len(lines) + 1]):
        if n <= limit:
            if run_start is None:
                run_start = k
        elif run_start is not None:
            if best is None or k - run_start > best[1] - best[0]:
                best = (run_start, k)
            run_start = None
    if best is None or best[1] - best[0] < GUTTER_EM * em:
        return None
    return lo + best[0], lo + best[1]
