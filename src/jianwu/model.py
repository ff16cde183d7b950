"""Typed results of the pipeline.

Data flows one way: raw bytes -> ``NormalizedText`` -> ``Clause`` tree inside a
``Document`` -> extracted facts (``DepartmentRef``, ``Target``) -> comparison.
All offsets (``span``) are character offsets into ``Document.text``, the
normalised text; ``Document.line_at(offset)`` maps one back to a raw line.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal, Optional

Span = tuple[int, int]  # [start, end) in the normalised text

Script = Literal["simplified", "traditional", "mixed"]
Level = Literal["national", "province", "municipality", "city", "district", "county", "zone"]
Role = Literal["lead", "support", "responsible"]


@dataclass(frozen=True)
class Repair:
    """Something normalisation changed that a reviewer may want to see."""

    kind: str  # e.g. "split_word", "page_number", "chrome", "markdown", "trailer"
    line: int  # raw line (1-based) where it happened
    detail: str


@dataclass(frozen=True)
class NormalizedText:
    """Clean simplified text with a map back to the raw file's lines."""

    text: str
    # (offset in ``text``, raw line) at every point where the raw line changes, sorted.
    line_starts: tuple[tuple[int, int], ...]
    script: Script
    encoding: str
    traditional_chars: int  # characters OpenCC t2s changed
    repairs: tuple[Repair, ...] = ()
    raw: str = ""  # the decoded text before any change, for columns and excerpts of raw lines
    format: str = "text"  # the source format the reader saw: text, pdf, docx, doc, html
    # Page (1-based) of each raw line, for paged formats (PDF); empty otherwise.
    line_pages: tuple[int, ...] = ()
    _offsets: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Precomputed once: line_at is called per department, target and finding.
        object.__setattr__(self, "_offsets", tuple([o for o, _ in self.line_starts]))  # (a list first: half the time of a generator)

    def line_at(self, offset: int) -> int:
        """Raw 1-based line number of the character at ``offset``."""
        i = bisect_right(self._offsets, offset) - 1
        return self.line_starts[max(i, 0)][1] if self.line_starts else 1

    def page_at(self, offset: int) -> Optional[int]:
        """Page (1-based) of the character at ``offset`` for paged formats, else None."""
        if not self.line_pages:
            return None
        line = self.line_at(offset)
        return self.line_pages[min(line, len(self.line_pages)) - 1]


@dataclass(frozen=True)
class Warning_:
    """A non-fatal finding attached to a document (``warnings`` in JSON)."""

    code: str
    message: str
    line: Optional[int] = None


@dataclass
class DepartmentRef:
    """One department named in a responsibility note."""

    name: str  # as written, after repair of line/page-break splits
    canonical: str  # level stripped, aliases merged
    level: Optional[str]  # 国家 / 省 / 市 / 区 / 县, or None
    role: Role
    generic: bool = False  # 各有关部门, 各镇街 ... (not a single department)
    known: bool = True  # found in the alias table
    span: Span = (0, 0)
    note: int = 0  # index of the note inside its clause (0-based)
    # The place the body belongs to, as written or shared from the list's first item:
    # 重庆市 / 四川省 (a joint plan's partners), 厦门 (厦门证监局), 松江区 (a district as actor).
    region: Optional[str] = None
    partner: int = 0  # which partner's list of a note (；-separated lists of a joint plan), 0-based
    # Not written in this clause: taken from a convention declared elsewhere (下同, 以下均需…落实，
    # 不再列出); ``declared_line`` is the raw line of that declaration.
    inherited: bool = False
    declared_line: Optional[int] = None


@dataclass
class Target:
    """One quantified commitment (or, with kind=condition, a scoping number)."""

    indicator: str
    value: float | str | None
    value_text: str
    unit: Optional[str]
    comparator: str  # = >= <= > < ≈ range
    direction: Optional[str]  # up / down / None
    year: Optional[int]
    kind: str  # target / condition / categorical
    text: str  # the sentence
    span: Span
    value_max: Optional[float] = None
    period: Optional[str] = None  # e.g. 十四五
    baseline_year: Optional[int] = None
    modality: Optional[str] = None  # 力争 / 预计 / 确保
    value_span: Optional[Span] = None  # the value as written (``value_text``) inside ``span``
    # The region or group the target applies to (京津冀及周边地区, 省级党政机关); None: the whole
    # jurisdiction of the document.
    scope: Optional[str] = None
    # cumulative: a change over the period (下降14.5%, 新增500万平方米, 累计…); annual: per year
    # (年均下降2.7%, 每年); level: a state to reach or keep (达到25%, 提高至57%, 不超过34微克/立方米).
    basis: str = "level"
    # rate: %, 个百分点, per-unit values, intensities (comparable across levels);
    # absolute: a total (吨, 公里, 个, 千瓦) that depends on the size of the scope.
    measure: str = "rate"


@dataclass
class Clause:
    """A numbered (or labelled) unit of the document."""

    path: list[str]  # normalised numbering tokens from the top, e.g. ["二、", "（三）"]
    number: Optional[str]  # the token as written (after normalisation), None for labels
    style: str  # numbering style id, see numbering.STYLES; "label" for 指导思想：
    depth: int  # 1 = top level
    title: str
    text: str  # own text after the number (title sentence included, children excluded)
    line: int  # raw line of the number
    span: Span  # from the number to the end of the own text
    text_offset: int = 0  # offset of text[0] in the normalised text
    departments: list[DepartmentRef] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Path as one string, e.g. ``二、/（三）``."""
        return "/".join(self.path)


@dataclass(frozen=True)
class Citation:
    """A document cited by title, with its 文号 when given."""

    title: str  # inside 《》, as written (simplified)
    core_title: str  # the plan itself: 关于印发… / …的通知 and 〈〉 removed
    doc_number: Optional[str]
    doc_number_valid: bool = True


@dataclass
class Document:
    """A parsed plan."""

    id: str
    path: str
    sha256: str
    script: Script
    encoding: str
    title: Optional[str]
    doc_number: Optional[str]
    doc_number_valid: bool
    issuers: list[str]
    date: Optional[str]  # ISO yyyy-mm-dd
    publication: Optional[str]
    region: Optional[str]
    level: Optional[Level]
    cites: list[Citation]
    clauses: list[Clause]
    warnings: list[Warning_]
    normalized: NormalizedText
    regions: list[str] = field(default_factory=list)  # every issuing region of a joint plan, ``region`` first
    kind: str = "plan"  # "plan", or "news" for a news report about a plan (no clauses; see kind.py)

    @property
    def text(self) -> str:
        return self.normalized.text

    @property
    def format(self) -> str:
        """The source format: text, pdf, docx, doc, html."""
        return self.normalized.format

    def line_at(self, offset: int) -> int:
        return self.normalized.line_at(offset)

    def page_at(self, offset: int) -> Optional[int]:
        """Page (1-based) of the character at ``offset`` for a PDF, else None."""
        return self.normalized.page_at(offset)

    def page_of_line(self, line: int) -> Optional[int]:
        """Page (1-based) of raw line ``line`` for a PDF, else None."""
        pages = self.normalized.line_pages
        return pages[min(max(line, 1), len(pages)) - 1] if pages else None

    def children(self, clause: Clause) -> list[Clause]:
        """Direct children of ``clause``, from an index built once per clause list (not a scan per call)."""
        key = (id(self.clauses), len(self.clauses))
        cached = self.__dict__.get("_children_index")
        if cached is None or cached[0] != key:
            index: dict[tuple[str, ...], list[Clause]] = {}
            for c in self.clauses:
                if c.path:
                    index.setdefault(tuple(c.path[:-1]), []).append(c)
            cached = (key, index)
            self.__dict__["_children_index"] = cached
        return list(cached[1].get(tuple(clause.path), []))
