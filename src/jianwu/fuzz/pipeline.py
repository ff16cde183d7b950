"""One fuzz case through everything the commands do with a document, in-process.

A case is parsed once; every stage runs from that parse: the JSON of ``parse``, the target and
department tables (JSON and CSV), ``diff`` against the plan's parent (JSON, Markdown, the
terminal text of the CLI), every ``check`` rule with the parent rules (JSON, SARIF, GitHub).
The parents are parsed once per process and cached; a window of a plan is diffed against the
window of its parent at the same place (quantised, so a few hundred parent windows are parsed
once and reused), a whole or large plan against the whole parent.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import JianwuError
from ..model import Document
from .mutations import Case, choose_source, mutate

# Parent windows: start quantised to 1/16 of the parent's lines, length to one of these
# character counts (about 1.5 times the child window: a child plan says less than its parent).
PARENT_WINDOW_STEPS = 16
PARENT_WINDOW_CHARS = (300, 900, 2500, 6000)
# The long run lays the terminal diff out and writes SARIF on one case in this many (see run_pipeline).
LAYOUT_EVERY = 8


def run_pipeline(raw: bytes, parent: Optional[Document], name: str = "fuzz.txt", layout: bool = True) -> str:
    """Everything a command does with a document, in-process; returns "ok" or "refused: …".

    ``layout``: also lay the diff's terminal renderables out as text through rich (what
    ``diff`` prints to a pipe) and write the SARIF of ``check``; these two cost more than all
    the rest of a small case, so the long run does them on one case in ``LAYOUT_EVERY``.

    Raises whatever jianwu raises that is not a ``JianwuError``: that is a crash (the CLI
    would print ``internal error`` — a wrong exit status — instead of one line and exit 2).
    """
    from ..check.config import CheckConfig
    from ..check.context import Context, split_raw_lines
    from ..check.runner import CheckRun, check_document
    from ..cli.diff_cmd import _render_text
    from ..diff import diff_documents
    from ..diffmodel import diff_to_dict
    from ..document import parse_bytes
    from ..render.check_github import render_check_github
    from ..render.check_json import render_check_json
    from ..render.check_sarif import render_check_sarif
    from ..render.departments import assignments_csv, matrix_to_dict, responsibility_matrix, unknown_names
    from ..render.diff_markdown import render_markdown
    from ..render.diff_terminal import render_diff
    from ..render.targets import row_to_dict, rows_csv, target_rows
    from ..serialize import document_to_dict, dumps

    try:
        doc = parse_bytes(raw, name=name, path="", doc_id="fuzz", require_clauses=False)
    except JianwuError as exc:
        return f"refused: {exc}"
    # indent=None: the same conversion and key order as `parse -f json`, through json's C
    # encoder (the indented form differs only in whitespace and costs 10 times more).
    dumps(document_to_dict(doc), indent=None)
    rows = target_rows([doc], include_conditions=True)
    dumps([row_to_dict(r) for r in rows], indent=None)
    rows_csv(rows)
    for by in ("name", "canonical"):
        dumps(matrix_to_dict(responsibility_matrix(doc, by)), indent=None)  # type: ignore[arg-type]
    assignments_csv([doc])
    unknown_names(doc)
    diff = None
    if parent is not None and any(c.number for c in doc.clauses):
        diff = diff_documents(doc, parent, found_by="given")
        dumps(diff_to_dict(diff), indent=None)
        render_markdown(diff)
        renderables = render_diff(diff, marks=True)
        if layout:
            _render_text(renderables)
    config = CheckConfig()
    ctx = Context(doc, diff.parent if diff is not None else None, split_raw_lines(doc.normalized.raw), diff=diff)
    findings, _ = check_document(ctx, name, config.rules(), config)
    run = CheckRun(files=[name], findings=findings)
    render_check_json(run, "warning")
    if layout:
        render_check_sarif(run, config)
    render_check_github(run)
    return "ok"


# ---------------------------------------------------------------- seeds


def default_seed_dir() -> Path:
    here = Path.cwd() / "data" / "raw"
    return here if here.is_dir() else Path(__file__).resolve().parents[3] / "data" / "raw"


@dataclass
class Seeds:
    texts: dict[str, str]
    parents: dict[str, Optional[Document]]
    parent_names: dict[str, Optional[str]] = field(default_factory=dict)
    alphabets: dict[str, str] = field(default_factory=dict)
    windows: dict[tuple[str, int, int], Document] = field(default_factory=dict)  # parsed parent windows

    def parent_for(self, name: str, position: float, chars: int) -> Optional[Document]:
        """The parent window for a child window at ``position`` (share of lines), ``chars`` long."""
        pname = self.parent_names.get(name)
        if pname is None:
            return self.parents.get(name)
        step = min(int(position * PARENT_WINDOW_STEPS), PARENT_WINDOW_STEPS - 1)
        size = next((s for s in PARENT_WINDOW_CHARS if s >= chars * 1.5), PARENT_WINDOW_CHARS[-1])
        key = (pname, step, size)
        if key not in self.windows:
            self.windows[key] = self._parse_window(pname, step, size) or self.parents[name]  # type: ignore[assignment]
        return self.windows[key]

    def _parse_window(self, pname: str, step: int, size: int) -> Optional[Document]:
        from ..document import parse_bytes

        lines = self.texts[pname].split("\n")
        start = step * len(lines) // PARENT_WINDOW_STEPS
        end, chars = start, 0
        while end < len(lines) and chars < size:
            chars += len(lines[end]) + 1
            end += 1
        doc = parse_bytes("\n".join(lines[start:end]).encode("utf-8"), name=pname, path="", doc_id=f"{pname}@{step}",
                          require_clauses=False)
        return doc if any(c.number for c in doc.clauses) else None  # no clause to align: the whole parent


def load_seeds(directory: Optional[Path] = None) -> Seeds:
    """The seed documents (text files) and, for each, the parent it is diffed against."""
    from ..document import parse_document
    from ..errors import ParentNotFoundError
    from ..normalize import decode
    from ..parent import find_parent

    directory = directory or default_seed_dir()
    paths = sorted(p for p in directory.iterdir() if p.suffix in (".txt", ".md") and p.is_file())
    texts = {p.name: decode(p.read_bytes(), str(p))[0] for p in paths}
    docs = {p.name: parse_document(p) for p in paths}
    by_id = {id(d): n for n, d in docs.items()}
    parents: dict[str, Optional[Document]] = {}
    for name, doc in docs.items():
        try:
            parents[name] = find_parent(doc, [d for n, d in docs.items() if n != name]).document
        except ParentNotFoundError:
            # No parent in the corpus: diff against another plan all the same (the diff must hold up).
            parents[name] = next(d for n, d in docs.items() if n != name) if len(docs) > 1 else None
    parent_names = {n: by_id.get(id(p)) if p is not None else None for n, p in parents.items()}
    alphabets = {n: "".join(sorted(set(t))) for n, t in texts.items()}
    return Seeds(texts, parents, parent_names, alphabets)


def make_case(seeds: Seeds, seed: int, number: int) -> tuple[Case, Optional[Document]]:
    """Case ``number`` of run ``seed`` and the parent it is diffed against: ``random.Random(f"seed:number")``."""
    rnd = random.Random(f"{seed}:{number}")
    names = sorted(seeds.texts)
    name = rnd.choice(names)
    source = choose_source(name, seeds.texts, rnd)
    case = mutate(name, source.text, rnd, source.shape, seeds.alphabets.get(name, ""))
    case.steps.insert(0, source.step)
    parent = seeds.parent_for(name, source.position, source.chars) if source.shape == "window" else seeds.parents[name]
    return case, parent
