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
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Optional

from ..model import Document
from ..normalize import to_simplified

if TYPE_CHECKING:
    from ..diffmodel import DocumentDiff


@dataclass
class Context:
    doc: Document
    parent: Optional[Document] = None
    raw_lines: list[str] = field(default_factory=list)  # decoded raw file, split on line ends
    diff: Optional["DocumentDiff"] = None  # the document compared with its parent, when found
    _simplified: dict[int, str] = field(default_factory=dict, repr=False)
    # Alignment of each normalised piece with its raw line, computed once per piece:
    # a line with many findings must not be aligned once per finding.
    _blocks: dict[int, list[tuple[int, int, int]]] = field(default_factory=dict, repr=False)

    def raw_line(self, number: int) -> str:
        """Raw line ``number`` (1-based), or "" past the end."""
        return self.raw_lines[number - 1] if 0 < number <= len(self.raw_lines) else ""

    def simplified_line(self, number: int) -> str:
        """Raw line in simplified script (what normalisation worked on), cached."""
        if number not in self._simplified:
            raw = self.raw_line(number)
            self._simplified[number] = to_simplified(raw) if self.doc.normalized.traditional_chars else raw
        return self._simplified[number]

    def position(self, offset: int) -> tuple[int, int]:
        """Raw (line, column) of the character at ``offset`` in the normalised text."""
        text = self.doc.text
        starts = self.doc.normalized.line_starts
        if not starts:
            return 1, 1
        i = max(bisect_right(self.doc.normalized._offsets, offset) - 1, 0)  # precomputed, not per call
        piece_start, line = starts[i]
        piece_end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        piece = text[piece_start:piece_end].rstrip("\n")
        raw = self.simplified_line(line)
        if i not in self._blocks:
            self._blocks[i] = matching_blocks(piece, raw)
        return line, align_column(piece, raw, offset - piece_start, self._blocks[i]) + 1


# Longest piece aligned exactly (difflib); beyond it a linear greedy alignment, because
# SequenceMatcher is quadratic on long lines of repeated characters (a 10,000-character
# line took 1.4 s per finding).  Real paragraphs are far shorter.
EXACT_ALIGN_MAX = 2000
# How far the greedy alignment looks ahead for a character that cleaning removed or changed.
GREEDY_LOOKAHEAD = 16


def matching_blocks(piece: str, raw: str) -> list[tuple[int, int, int]]:
    """(piece index, raw index, size) of the runs the two have in common, difflib-style."""
    if max(len(piece), len(raw)) <= EXACT_ALIGN_MAX:
        return [tuple(b) for b in SequenceMatcher(None, piece, raw, autojunk=False).get_matching_blocks()]  # type: ignore[misc]
    blocks: list[tuple[int, int, int]] = []
    i = j = 0
    while i < len(piece) and j < len(raw):
        if piece[i] == raw[j]:
            start_i, start_j = i, j
            while i < len(piece) and j < len(raw) and piece[i] == raw[j]:
                i += 1
                j += 1
            blocks.append((start_i, start_j, i - start_i))
            continue
        skip = raw.find(piece[i], j + 1, j + 1 + GREEDY_LOOKAHEAD)
        if skip >= 0:
            j = skip  # raw characters that cleaning removed
        else:
            i += 1  # a character cleaning changed (or added): move on in both
            j += 1
    blocks.append((len(piece), len(raw), 0))
    return blocks


def align_column(piece: str, raw: str, index: int, blocks: Optional[list[tuple[int, int, int]]] = None) -> int:
    """0-based column in ``raw`` of ``piece[index]`` (``piece`` is ``raw`` after cleaning)."""
    if not raw:
        return 0
    if raw == piece:
        return min(index, len(raw))
    if blocks is None:
        blocks = matching_blocks(piece, raw)
    piece_end = raw_end = 0  # end of the previous matching block
    for a, b, size in blocks:
        if index < a:
            # In a changed stretch between two matches, e.g. "(" that became "（":
            # map position for position, clamped to the raw stretch.
            return raw_end + min(index - piece_end, max(b - raw_end - 1, 0))
        if index < a + size:
            return b + index - a
        piece_end, raw_end = a + size, b + size
    return min(raw_end + index - piece_end, max(len(raw.rstrip()) - 1, 0))


def split_raw_lines(text: str) -> list[str]:
    """Raw text split exactly as normalisation numbers its lines."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
