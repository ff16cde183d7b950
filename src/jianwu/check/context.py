"""What a rule sees: the parsed document, its parent, and the raw lines.

Findings are located in the file the user edits, so every position is a raw
line and a column in characters of that line.  Positions in the normalised
text are mapped back through ``NormalizedText.line_starts`` (which raw line a
piece of normalised text came from) and an alignment of that piece against
the raw line (normalisation removed spaces, markup and converted the script).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional, Sequence

from ..matcher import sequence_matcher
from ..model import Document
from ..script import to_simplified

if TYPE_CHECKING:
    from ..diffmodel import ParentComparison


@dataclass
class Context:
    """What every rule of ``jianwu check`` reads: the document, its raw lines and, when found, its parent and their comparison."""

    doc: Document
    parent: Optional[Document] = None
    raw_lines: list[str] = field(default_factory=list)  # decoded raw file, split on line ends
    diff: Optional["ParentComparison"] = None  # the document compared with its parent, when found
    _simplified: dict[int, str] = field(default_factory=dict, repr=False)
    # Alignment of each normalised piece with its raw line, computed once per piece:
    # a line with many findings must not be aligned once per finding.
    _pieces: dict[int, "_Piece"] = field(default_factory=dict, repr=False)

    def raw_line(self, number: int) -> str:
        """Raw line ``number`` (1-based), or "" past the end."""
        return self.raw_lines[number - 1] if 0 < number <= len(self.raw_lines) else ""

    def simplified_line(self, number: int) -> str:
        """Raw line in simplified script (what normalisation worked on), cached."""
        if not self.doc.normalized.traditional_chars:
            return self.raw_line(number)  # nothing to convert, nothing to cache
        if number not in self._simplified:
            raw = self.raw_line(number)
            self._simplified[number] = to_simplified(raw)
        return self._simplified[number]

    def position(self, offset: int) -> tuple[int, int]:
        """Raw (line, column) of the character at ``offset`` in the normalised text."""
        starts = self.doc.normalized.line_starts
        if not starts:
            return 1, 1
        i = max(bisect_right(self.doc.normalized._offsets, offset) - 1, 0)  # precomputed, not per call
        piece = self._pieces.get(i)
        if piece is None:
            piece = self._pieces[i] = self._piece(i)
        return piece.line, piece.column(offset - piece.start) + 1

    def _piece(self, i: int) -> "_Piece":
        text = self.doc.text
        starts = self.doc.normalized.line_starts
        piece_start, line = starts[i]
        piece_end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        piece = text[piece_start:piece_end].rstrip("\n")
        raw = self.simplified_line(line)
        if not raw or raw == piece:
            return _Piece(piece_start, line, len(piece), len(raw))
        blocks = matching_blocks(piece, raw)
        return _Piece(piece_start, line, len(piece), len(raw), tuple(blocks), tuple(a for a, _, _ in blocks), len(raw.rstrip()))


@dataclass(slots=True)
class _Piece:
    """A piece of normalised text (what one raw line became) aligned with its raw line, once.

    Holding only lengths and the blocks (never the text) and finding a column by bisection keeps
    a line with many findings linear: a 10 MB line used to be sliced, compared and scanned
    block by block once per finding."""

    start: int  # offset of the piece in the normalised text
    line: int  # its raw line (1-based)
    length: int
    raw_length: int
    blocks: tuple[tuple[int, int, int], ...] = ()  # empty: the raw line is the piece (or is empty)
    block_starts: tuple[int, ...] = ()
    raw_stripped: int = 0  # length of the raw line without trailing white space

    def column(self, index: int) -> int:
        """0-based raw column of character ``index`` of the piece (``align_column``, by bisection)."""
        if not self.raw_length:
            return 0
        if not self.blocks:
            return min(index, self.raw_length)
        return _column_in_blocks(self.blocks, self.block_starts, index, self.raw_stripped)


# Longest piece aligned exactly (difflib); beyond it a linear greedy alignment, because
# SequenceMatcher is quadratic on long lines of repeated characters (a 10,000-character
# line took 1.4 s per finding).  Real paragraphs are far shorter.
EXACT_ALIGN_MAX = 2000
# How far the greedy alignment looks ahead for a character that cleaning removed or changed.
GREEDY_LOOKAHEAD = 16


def matching_blocks(piece: str, raw: str) -> list[tuple[int, int, int]]:
    """(piece index, raw index, size) of the runs the two have in common, difflib-style."""
    if max(len(piece), len(raw)) <= EXACT_ALIGN_MAX:
        return [tuple(b) for b in sequence_matcher()(None, piece, raw, autojunk=False).get_matching_blocks()]  # type: ignore[misc]
    blocks: list[tuple[int, int, int]] = []
    i = j = 0
    while i < len(piece) and j < len(raw):
        if piece[i] == raw[j]:
            size = _common_run(piece, i, raw, j)
            blocks.append((i, j, size))
            i += size
            j += size
            continue
        skip = raw.find(piece[i], j + 1, j + 1 + GREEDY_LOOKAHEAD)
        if skip >= 0:
            j = skip  # raw characters that cleaning removed
        else:
            i += 1  # a character cleaning changed (or added): move on in both
            j += 1
    blocks.append((len(piece), len(raw), 0))
    return blocks


def _common_run(a: str, i: int, b: str, j: int) -> int:
    """Length of the common prefix of ``a[i:]`` and ``b[j:]``: slices compared in C, galloping
    (doubling while equal, halving on a difference), not one character per Python step."""
    limit = min(len(a) - i, len(b) - j)
    length, step = 0, 1
    while length < limit:
        k = min(step, limit - length)
        if a[i + length:i + length + k] == b[j + length:j + length + k]:
            length += k
            step *= 2
        elif k == 1:
            break
        else:
            step = k // 2
    return length


def align_column(piece: str, raw: str, index: int, blocks: Optional[list[tuple[int, int, int]]] = None) -> int:
    """0-based column in ``raw`` of ``piece[index]`` (``piece`` is ``raw`` after cleaning)."""
    if not raw:
        return 0
    if raw == piece:
        return min(index, len(raw))
    if blocks is None:
        blocks = matching_blocks(piece, raw)
    return _column_in_blocks(blocks, [a for a, _, _ in blocks], index, len(raw.rstrip()))


def _column_in_blocks(blocks: Sequence[tuple[int, int, int]], starts: Sequence[int], index: int, raw_stripped: int) -> int:
    """The raw column of piece index ``index`` given the matching blocks (sorted, disjoint) and
    their starts: the last block starting at or before ``index`` holds it, or it lies in the
    changed stretch before the next block."""
    k = bisect_right(starts, index) - 1
    if k >= 0:
        a, b, size = blocks[k]
        if index < a + size:
            return b + index - a
        piece_end, raw_end = a + size, b + size
    else:
        piece_end = raw_end = 0
    if k + 1 < len(blocks):
        # In a changed stretch between two matches, e.g. "(" that became "（":
        # map position for position, clamped to the raw stretch.
        return raw_end + min(index - piece_end, max(blocks[k + 1][1] - raw_end - 1, 0))
    return min(raw_end + index - piece_end, max(raw_stripped - 1, 0))


def split_raw_lines(text: str) -> list[str]:
    """Raw text split exactly as normalisation numbers its lines."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
